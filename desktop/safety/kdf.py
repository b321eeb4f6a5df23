"""Turning the officer's passphrase into a key: Argon2id where `cryptography` has it,
scrypt otherwise. The parameters travel with what they protect, so a file made with
one cost can still be opened after the default changes (and tests can use a lower one)."""

from __future__ import annotations

import math
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


# What this program will run when a file asks for it: a little above what it writes
# (COST), never what a hostile header names. Without these a .rdbackup asking for
# 1 GiB x 64 passes stalls a restore for a minute (or exhausts memory) before refusing.
# Format limits, not policy: raising COST above them needs a new format version.
ARGON2_MAX = {"memory_cost": 256 * 1024, "iterations": 10, "lanes": 16}  # KiB, passes
ARGON2_MAX_WORK = 8 * 64 * 1024 * 3  # memory x passes: eight times the default's
SCRYPT_MAX = {"n": 2 ** 17, "r": 16, "p": 4}
SCRYPT_MAX_WORK = 8 * 2 ** 15 * 8  # n x r x p: eight times the default's
MAX_SALT_HEX = 128


class KdfRefused(Refusal):
    """The parameters in a file are out of range: refused before any work is done."""


def check_params(params) -> None:
    """Refuses parameters this program cannot or should not run, without running them."""
    if not _params_ok(params):
        raise KdfRefused("加密文件的口令参数超出本软件的范围(已损坏、由更新版本的软件生成,"
                         "或被人改过),拒绝打开;没有做任何改动。")


_LIMITS = {"argon2id": (ARGON2_MAX, ("memory_cost", "iterations"), ARGON2_MAX_WORK),
           "scrypt": (SCRYPT_MAX, ("n", "r", "p"), SCRYPT_MAX_WORK)}


def _params_ok(p) -> bool:
    if not isinstance(p, dict) or p.get("name") not in _LIMITS:
        return False
    limits, work_keys, max_work = _LIMITS[p["name"]]
    salt = p.get("salt")
    if not (isinstance(salt, str) and 0 < len(salt) <= MAX_SALT_HEX):
        return False
    if not all(type(p.get(k)) is int and 0 < p[k] <= top for k, top in limits.items()):
        return False
    if p["name"] == "scrypt" and p["n"] & (p["n"] - 1):  # scrypt's n is a power of two
        return False
    return math.prod(p[k] for k in work_keys) <= max_work


def derive(passphrase: str, params: dict) -> bytes:
    """A 32-byte key; refuses parameters this program cannot or should not run."""
    check_params(params)
    secret = passphrase.encode("utf-8")
    try:
        salt = bytes.fromhex(params["salt"])
        if params["name"] == "argon2id":
            from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

            return Argon2id(salt=salt, length=32, iterations=params["iterations"],
                            lanes=params["lanes"], memory_cost=params["memory_cost"]
                            ).derive(secret)
        from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

        return Scrypt(salt=salt, length=32, n=params["n"], r=params["r"],
                      p=params["p"]).derive(secret)
    except (KeyError, TypeError, ValueError, ImportError):
        raise Refusal("加密文件的口令参数已损坏或由更新版本的软件生成,无法打开。") from None


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
