"""Turning the officer's passphrase into a key: Argon2id where `cryptography` has it,
scrypt otherwise. The parameters travel with what they protect, so a file made with
one cost can still be opened after the default changes (and tests can use a lower one)."""

from __future__ import annotations

import os

from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from desktop.core.errors import Refusal

# About 0.2 s and 64 MiB on an old laptop: slow for a guesser, quick for the officer.
COST = {"argon2id": {"iterations": 3, "lanes": 4, "memory_cost": 64 * 1024},
        "scrypt": {"n": 2 ** 15, "r": 8, "p": 1}}


def new_params() -> dict:
    name = "argon2id" if _has_argon2() else "scrypt"
    return {"name": name, "salt": os.urandom(16).hex(), **COST[name]}


def _has_argon2() -> bool:
    try:
        from cryptography.hazmat.primitives.kdf.argon2 import Argon2id  # noqa: F401
    except ImportError:
        return False
    return True


def derive(passphrase: str, params: dict) -> bytes:
    """A 32-byte key; refuses parameters this program cannot or should not run."""
    secret = passphrase.encode("utf-8")
    try:
        salt = bytes.fromhex(params["salt"])
        if params["name"] == "argon2id":
            from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

            _bounded(params["memory_cost"], 1 << 21, params["iterations"])
            return Argon2id(salt=salt, length=32, iterations=params["iterations"],
                            lanes=params["lanes"], memory_cost=params["memory_cost"]
                            ).derive(secret)
        from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

        _bounded(params["n"] * params["r"] // 8, 1 << 21, params["p"])
        return Scrypt(salt=salt, length=32, n=params["n"], r=params["r"],
                      p=params["p"]).derive(secret)
    except (KeyError, TypeError, ValueError, ImportError):
        raise Refusal("加密文件的口令参数已损坏或由更新版本的软件生成,无法打开。") from None


def _bounded(memory_kib, limit_kib: int, rounds) -> None:
    """A hostile file must not make us allocate gigabytes or spin for hours."""
    if not (isinstance(memory_kib, int) and isinstance(rounds, int)
            and 0 < memory_kib <= limit_kib and 0 < rounds <= 64):
        raise ValueError("cost out of range")


def seal(key: bytes, plain: bytes, aad: bytes) -> tuple[bytes, bytes]:
    nonce = os.urandom(12)
    return nonce, AESGCM(key).encrypt(nonce, plain, aad)


def open_sealed(key: bytes, nonce: bytes, sealed: bytes, aad: bytes) -> bytes | None:
    from cryptography.exceptions import InvalidTag

    try:
        return AESGCM(key).decrypt(nonce, sealed, aad)
    except (InvalidTag, ValueError):
        return None


def new_nonce() -> bytes:
    return os.urandom(12)


def seal_with(key: bytes, nonce: bytes, plain: bytes, aad: bytes) -> bytes:
    return AESGCM(key).encrypt(nonce, plain, aad)
