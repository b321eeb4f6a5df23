"""The bundle file: one signed, sealed slice of the event log on a USB stick.

Layout (all integers big-endian)::

    "RELIEF-DESK-BUNDLE\\n"     19 bytes, the magic that says what the file is
    header length              4 bytes, then the header: UTF-8 JSON, in clear
    payload length             8 bytes, then the payload: AES-256-GCM ciphertext
    signature                  64 bytes, Ed25519 by the sender over every byte before it

The file ends exactly after the signature: a shorter file is truncated, a longer one
altered. The header is in clear so that anyone can tell who made the file, for whom,
when and how much it carries (`bundle verify`) without reading a single applicant's data:

    format_version   1; a reader refuses a newer version (upgrade first)
    bundle_id        random, unique; an imported bundle is recorded under it
    created          UTC time of the export
    number           the n-th bundle from this sender to this recipient
    sender           workstation_id, role, place, village_code, township_code, fingerprint
    recipient        workstation_id, place
    events           how many events; attachments: how many files
    ranges           per workstation whose events it carries: first_seq, last_seq, and
                     since (the recipient had acknowledged everything up to `since`)
    payload          sha256 and size of the ciphertext; sealing: the algorithm, the
                     sender's ephemeral X25519 public key, the 12-byte nonce

The payload (zlib-compressed canonical JSON, then sealed to the recipient's X25519 key
with X25519 + HKDF-SHA256 + AES-256-GCM; the GCM associated data binds it to bundle_id,
sender and recipient) holds:

    events           the log rows (workstation_id, seq, prev_hash, hash, recorded_at,
                     actor, case_id, type, payload) the recipient has not acknowledged
    attachments      {sha256: base64 content} of every file those events refer to
    acks             {workstation_id: the recipient's id, held_seq: the highest of the
                     recipient's sequence numbers this side holds, refused: [{seq, reason}]}

Everything (magic, header, payload) is signed, so one changed byte anywhere is refused."""

from __future__ import annotations

import json
import struct
from dataclasses import dataclass

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from desktop.core.errors import Refusal
from desktop.storage.eventlog import canonical

MAGIC = b"RELIEF-DESK-BUNDLE\n"
FORMAT_VERSION = 1
SIGNATURE_BYTES = 64
MAX_HEADER_BYTES = 64 * 1024
MAX_BUNDLE_BYTES = 512 * 1024 * 1024
SUFFIX = ".rdbundle"


class BundleRefused(Refusal):
    """A bundle that cannot be used, with the reason and what to do."""


@dataclass(frozen=True)
class BundleFile:
    header: dict
    ciphertext: bytes
    signed: bytes  # every byte the signature covers
    signature: bytes


def aad(header: dict) -> bytes:
    return canonical([header["bundle_id"], header["sender"]["workstation_id"],
                      header["recipient"]["workstation_id"]]).encode("utf-8")


def pack(header: dict, ciphertext: bytes, sign) -> bytes:
    """The file's bytes; `sign(data) -> 64 bytes` is the sender's Ed25519 key."""
    head = canonical(header).encode("utf-8")
    body = (MAGIC + struct.pack(">I", len(head)) + head + struct.pack(">Q", len(ciphertext))
            + ciphertext)
    return body + sign(body)


def _damaged(name: str, what: str) -> BundleRefused:
    return BundleRefused(f"{name} {what}。请让对方重新导出一个数据包,用另一个 U 盘带来;"
                         f"本机数据未做任何改动。")


def unpack(raw: bytes, name: str) -> BundleFile:
    """Split the file and check its framing; refuses empty, foreign, truncated files."""
    if not raw:
        raise BundleRefused(f"{name} 是空文件(0 字节),可能在写入时拔出了 U 盘。"
                            f"请让对方重新导出数据包;本机数据未做任何改动。")
    if not raw.startswith(MAGIC):
        if MAGIC.startswith(raw):
            raise _damaged(name, "不完整(文件被截断)")
        raise BundleRefused(f"{name} 不是民生救助工作台的数据包(.rdbundle)。请选择对方导出的"
                            f"数据包文件;本机数据未做任何改动。")
    pos = len(MAGIC)
    head_len = _int(raw, pos, ">I", name)
    if head_len > MAX_HEADER_BYTES:
        raise _damaged(name, "的包头长度不合理,文件已损坏或被改动")
    head = _take(raw, pos + 4, head_len, name)
    pos += 4 + head_len
    body_len = _int(raw, pos, ">Q", name)
    ciphertext = _take(raw, pos + 8, body_len, name)
    pos += 8 + body_len
    signature = _take(raw, pos, SIGNATURE_BYTES, name)
    if len(raw) != pos + SIGNATURE_BYTES:
        raise _damaged(name, "末尾有多余的内容,文件已被改动")
    return BundleFile(_header(head, name), ciphertext, raw[:pos], signature)


def _int(raw: bytes, pos: int, fmt: str, name: str) -> int:
    size = struct.calcsize(fmt)
    return struct.unpack(fmt, _take(raw, pos, size, name))[0]


def _take(raw: bytes, pos: int, size: int, name: str) -> bytes:
    if pos + size > len(raw):
        raise _damaged(name, "不完整(文件被截断,可能在写入时拔出了 U 盘)")
    return raw[pos:pos + size]


def _header(head: bytes, name: str) -> dict:
    try:
        header = json.loads(head.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        raise _damaged(name, "的包头已损坏或被改动") from None
    version = header.get("format_version") if isinstance(header, dict) else None
    if isinstance(version, int) and version > FORMAT_VERSION:
        raise BundleRefused(f"{name} 由更新版本的软件生成(数据包格式 {version},本机只认识到 "
                            f"{FORMAT_VERSION})。请先升级本机的民生救助工作台,再导入。")
    if version != FORMAT_VERSION or not _well_formed(header) or not _printable(header):
        raise _damaged(name, "的包头内容不完整或已被改动")
    return header


def _printable(header: dict) -> bool:
    """No lone surrogate ("\ud800"): the header is shown and stored as UTF-8 text."""
    try:
        json.dumps(header, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _well_formed(h: dict) -> bool:
    try:
        ids = (h["bundle_id"], h["created"], h["sender"]["workstation_id"],
               h["recipient"]["workstation_id"], h["payload"]["sha256"],
               h["payload"]["ephemeral_key"], h["payload"]["nonce"])
        return (all(isinstance(x, str) for x in ids) and isinstance(h["events"], int)
                and isinstance(h["ranges"], list) and isinstance(h["attachments"], int)
                and all(isinstance(r, dict) for r in h["ranges"]))
    except (KeyError, TypeError):
        return False


def check_signature(bundle: BundleFile, public_key: bytes, name: str) -> None:
    try:
        Ed25519PublicKey.from_public_bytes(public_key).verify(bundle.signature, bundle.signed)
    except (InvalidSignature, ValueError):
        raise _damaged(name, "的签名核对不上:文件在生成后被改动或损坏(包头、内容或签名)"
                       ) from None
