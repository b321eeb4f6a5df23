"""The workstation's private keys: an Ed25519 signing key and an X25519 encryption key.

They live in the data directory (`keys/`), mode 0600 in a 0700 folder, never in the
database. A real workstation's keys are sealed under the officer's passphrase (Argon2id
or scrypt, then AES-GCM bound to the workstation id), so a stolen laptop or a copied data
directory cannot sign bundles or open the ones sent to it. The passphrase is asked once
per run: `unlock` (the GUI's dialog, the CLI's prompt) or RELIEF_DESK_PASSPHRASE.

The passphrase protects only the keys, never the cases: a forgotten passphrase costs a
new key pair (`reset`, then the township enrolls the new identity card), not a record.
Keys made without any passphrase (a demo, the selfcheck's scratch workstation, a
workstation of an older version) stay readable; `relief-desk doctor` points them out."""

from __future__ import annotations

import base64
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from desktop.core import clock
from desktop.core.errors import Refusal
from desktop.core.ways import way
from desktop.paths import DataDir
from desktop.storage.attachments import write_atomically

if TYPE_CHECKING:  # the key tools are loaded when keys are first used, not at start-up
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

KEY_FILE = "workstation-keys.json"
PASSPHRASE_ENV = "RELIEF_DESK_PASSPHRASE"
MIN_PASSPHRASE = 6
_unlocked: dict[str, tuple] = {}  # key file -> (its stat, keys opened in this run)
_prompt: Callable[[str], str | None] | None = None


class WrongPassphrase(Refusal):
    """The passphrase does not open the key file."""


@dataclass(frozen=True)
class KeyPair:
    workstation_id: str
    signing: Ed25519PrivateKey
    encryption: X25519PrivateKey

    def public_signing(self) -> bytes:
        return self.signing.public_key().public_bytes_raw()

    def public_encryption(self) -> bytes:
        return self.encryption.public_key().public_bytes_raw()


def key_path(data_dir: Path) -> Path:
    return DataDir(data_dir).key_file


def set_prompt(ask: Callable[[str], str | None] | None) -> None:
    """How to ask for the passphrase when the keys are needed (the GUI's dialog, the
    terminal's getpass); None asks nobody."""
    global _prompt
    _prompt = ask


def forget() -> None:
    """Drop every key opened in this run (tests; after a restore or reset)."""
    _unlocked.clear()


def check_new_passphrase(passphrase: str) -> str:
    if len(passphrase or "") < MIN_PASSPHRASE:
        raise Refusal(f"口令至少要 {MIN_PASSPHRASE} 个字符。请另设一个只有您知道、不会忘记的口令。")
    return passphrase


def load_or_create(data_dir: Path, workstation_id: str) -> KeyPair:
    """The keys of this workstation, made on first use. Keys made for another workstation
    id (a copied data directory) are refused: two laptops must never share an identity."""
    path = key_path(data_dir)
    cached = _cached(path)
    if cached and cached.workstation_id == workstation_id:
        return cached
    if not path.exists():
        return create(data_dir, workstation_id, os.environ.get(PASSPHRASE_ENV) or None)
    doc = _read(path)
    if doc.get("workstation_id") != workstation_id:
        raise Refusal(f"密钥文件 {path} 属于另一个工作站(可能是复制来的数据目录)。"
                      f"请不要复制数据目录;如确需在本机重新建立身份,请{way('keys_reset')}重新生成密钥。")
    if "sealed" not in doc:
        return _remember(path, _pair(doc, path))
    return unlock(data_dir, workstation_id, _ask_passphrase(path))


def is_protected(data_dir: Path) -> bool | None:
    """True when sealed under a passphrase, False when in clear, None when absent."""
    path = key_path(data_dir)
    if not path.exists():
        return None
    return "sealed" in _read(path)


def unlock(data_dir: Path, workstation_id: str, passphrase: str) -> KeyPair:
    """Open the sealed keys with `passphrase` and keep them for this run."""
    path = key_path(data_dir)
    doc = _read(path)
    if "sealed" not in doc:
        return _remember(path, _pair(doc, path))
    try:
        nonce, sealed = (base64.b64decode(doc[k]) for k in ("nonce", "sealed"))
    except (KeyError, TypeError, ValueError):
        raise _damaged(path) from None
    from desktop.safety import kdf

    key = kdf.derive(passphrase, doc.get("kdf") or {})
    plain = kdf.open_sealed(key, nonce, sealed, workstation_id.encode("ascii"))
    if plain is None:
        raise WrongPassphrase(
            "口令不对,无法打开本机密钥。请再试一次(注意大小写和输入法)。如果确实忘记了口令,"
            f"{way('keys_reset')}生成新的密钥并请乡镇重新登记本机身份;案件数据不受影响。")
    try:
        return _remember(path, _pair({**json.loads(plain), "workstation_id": workstation_id},
                                     path))
    except ValueError:
        raise _damaged(path) from None


def create(data_dir: Path, workstation_id: str, passphrase: str | None) -> KeyPair:
    """New keys, sealed under `passphrase` (in clear only when it is None)."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

    pair = KeyPair(workstation_id, Ed25519PrivateKey.generate(), X25519PrivateKey.generate())
    _write(key_path(data_dir), _document(pair, passphrase))
    return _remember(key_path(data_dir), pair)


def change_passphrase(data_dir: Path, workstation_id: str, old: str | None, new: str) -> None:
    """Seal the same keys under a new passphrase (`old` is ignored for keys in clear)."""
    check_new_passphrase(new)
    pair = unlock(data_dir, workstation_id, old or "")
    _write(key_path(data_dir), _document(pair, new))


def reset(data_dir: Path, workstation_id: str, passphrase: str) -> Path | None:
    """A forgotten passphrase: the old key file is set aside (`retired-…`), new keys are
    made under the new passphrase. Returns where the old file went."""
    check_new_passphrase(passphrase)
    path = key_path(data_dir)
    retired = None
    if path.exists():
        retired = path.with_name(f"retired-{clock.file_stamp()}-{KEY_FILE}")
        os.replace(path, retired)
    _unlocked.pop(str(path), None)
    create(data_dir, workstation_id, passphrase)
    return retired


def _ask_passphrase(path: Path) -> str:
    env = os.environ.get(PASSPHRASE_ENV)
    if env:
        return env
    answer = _prompt("请输入本机口令以打开工作站密钥") if _prompt else None
    if not answer:
        raise Refusal("本机密钥已用口令加密,需要口令才能导出或导入数据包。请在终端运行命令时输入口令,"
                      f"或设置环境变量 {PASSPHRASE_ENV}。")
    return answer


def _document(pair: KeyPair, passphrase: str | None) -> dict:
    from cryptography.hazmat.primitives import serialization as ser

    from desktop.safety import kdf

    raw = (ser.Encoding.Raw, ser.PrivateFormat.Raw, ser.NoEncryption())
    secret = {"signing": pair.signing.private_bytes(*raw).hex(),
              "encryption": pair.encryption.private_bytes(*raw).hex()}
    if passphrase is None:
        return {"workstation_id": pair.workstation_id, **secret}
    params = kdf.new_params()
    nonce, sealed = kdf.seal(kdf.derive(passphrase, params), json.dumps(secret).encode(),
                             pair.workstation_id.encode("ascii"))
    return {"workstation_id": pair.workstation_id, "version": 2, "kdf": params,
            "nonce": base64.b64encode(nonce).decode(), "sealed": base64.b64encode(sealed).decode()}


def _read(path: Path) -> dict:
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        raise _damaged(path) from None
    if not isinstance(doc, dict):
        raise _damaged(path)
    return doc


def _pair(doc: dict, path: Path) -> KeyPair:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

    try:
        return KeyPair(doc.get("workstation_id", ""),
                       Ed25519PrivateKey.from_private_bytes(bytes.fromhex(doc["signing"])),
                       X25519PrivateKey.from_private_bytes(bytes.fromhex(doc["encryption"])))
    except (ValueError, KeyError, TypeError):
        raise _damaged(path) from None


def _damaged(path: Path) -> Refusal:
    return Refusal(f"本机密钥文件 {path} 已损坏或无法读取。请从备份恢复,或{way('keys_reset')}"
                   f"生成新的密钥并请乡镇重新登记本机身份(案件数据不受影响)。")


def _remember(path: Path, pair: KeyPair) -> KeyPair:
    _unlocked[str(path)] = (_signature(path), pair)
    return pair


def _cached(path: Path) -> KeyPair | None:
    """The keys opened before, while the file is the very one they came from."""
    entry = _unlocked.get(str(path))
    return entry[1] if entry and entry[0] == _signature(path) else None


def _signature(path: Path):
    try:
        st = path.stat()
    except OSError:
        return None
    return (st.st_ino, st.st_size, st.st_mtime_ns)


def _write(path: Path, doc: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if os.name == "posix":
        os.chmod(path.parent, 0o700)
    old = os.umask(0o077)  # the temporary file is created 0600 as well
    try:
        write_atomically(path, json.dumps(doc).encode("utf-8"))
    finally:
        os.umask(old)
    if os.name == "posix":
        os.chmod(path, 0o600)
