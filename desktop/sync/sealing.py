"""Sealing a payload to one recipient: X25519 with a fresh ephemeral key, HKDF-SHA256,
AES-256-GCM. Only the recipient's private key opens it; the sender keeps no way to read
a bundle once written, so a lost USB stick leaks nothing even with the sender's laptop."""

from __future__ import annotations

import os

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

ALGORITHM = "X25519-HKDF-SHA256-AES256GCM"
INFO = b"relief-desk bundle payload v1"


def _key(shared: bytes, ephemeral: bytes, recipient: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=ephemeral + recipient,
                info=INFO).derive(shared)


def seal(plaintext: bytes, recipient_public: bytes, aad: bytes) -> tuple[bytes, bytes, bytes]:
    """(ciphertext, ephemeral public key, nonce)."""
    ephemeral = X25519PrivateKey.generate()
    eph_pub = ephemeral.public_key().public_bytes_raw()
    shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(recipient_public))
    nonce = os.urandom(12)
    key = _key(shared, eph_pub, recipient_public)
    return AESGCM(key).encrypt(nonce, plaintext, aad), eph_pub, nonce


def open_sealed(ciphertext: bytes, own: X25519PrivateKey, eph_pub: bytes, nonce: bytes,
                aad: bytes) -> bytes | None:
    """The plaintext, or None when it does not open (damaged, or not sealed to us)."""
    try:
        shared = own.exchange(X25519PublicKey.from_public_bytes(eph_pub))
        key = _key(shared, eph_pub, own.public_key().public_bytes_raw())
        return AESGCM(key).decrypt(nonce, ciphertext, aad)
    except (InvalidTag, ValueError):
        return None
