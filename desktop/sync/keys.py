"""The workstation's private keys: an Ed25519 signing key and an X25519 encryption key.

They live in the data directory (`keys/`), readable only by the officer's account (mode
0600), never in the database: a backup of the database must not carry them, and a later
issue can encrypt these two files under a passphrase by changing only this module."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from desktop.core.errors import Refusal
from desktop.storage.attachments import write_atomically

KEY_FILE = "workstation-keys.json"
_RAW = (serialization.Encoding.Raw, serialization.PrivateFormat.Raw,
        serialization.NoEncryption())


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
    return Path(data_dir) / "keys" / KEY_FILE


def load_or_create(data_dir: Path, workstation_id: str) -> KeyPair:
    """The keys of this workstation, made on first use. Keys made for another workstation
    id (a copied data directory) are refused: two laptops must never share an identity."""
    path = key_path(data_dir)
    if not path.exists():
        return _create(path, workstation_id)
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
        pair = KeyPair(doc["workstation_id"],
                       Ed25519PrivateKey.from_private_bytes(bytes.fromhex(doc["signing"])),
                       X25519PrivateKey.from_private_bytes(bytes.fromhex(doc["encryption"])))
    except (OSError, ValueError, KeyError, TypeError):
        raise Refusal(f"本机密钥文件 {path} 已损坏或无法读取,请从备份恢复数据目录,"
                      f"或联系技术人员。") from None
    if pair.workstation_id != workstation_id:
        raise Refusal(f"密钥文件 {path} 属于另一个工作站(可能是复制来的数据目录)。"
                      f"请不要复制数据目录,联系技术人员重新建立本机身份。")
    return pair


def _create(path: Path, workstation_id: str) -> KeyPair:
    pair = KeyPair(workstation_id, Ed25519PrivateKey.generate(), X25519PrivateKey.generate())
    doc = {"workstation_id": workstation_id,
           "signing": pair.signing.private_bytes(*_RAW).hex(),
           "encryption": pair.encryption.private_bytes(*_RAW).hex()}
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
    return pair
