"""Attachments (scans, photos of posted notices, signed minutes) kept by content hash in
the data directory: `attachments/ab/abcdef…`. A file is written once, atomically, and
never changed; events refer to it by its SHA-256, so bundles can carry it by hash."""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path

from desktop.core.errors import Refusal, os_reason
from desktop.paths import DataDir

MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024


def attachments_dir(data_dir: Path) -> Path:
    return DataDir(data_dir).attachments


def attachment_path(data_dir: Path, digest: str) -> Path:
    return attachments_dir(data_dir) / digest[:2] / digest


def store_bytes(data_dir: Path, content: bytes) -> str:
    """Keep `content`; returns its SHA-256 hex digest (the same content is kept once)."""
    check_size(content)
    digest = hashlib.sha256(content).hexdigest()
    target = attachment_path(data_dir, digest)
    if target.exists():
        return digest
    target.parent.mkdir(parents=True, exist_ok=True)
    write_atomically(target, content)
    return digest


def check_size(content: bytes) -> None:
    if len(content) > MAX_ATTACHMENT_BYTES:
        raise Refusal(f"附件超过 {MAX_ATTACHMENT_BYTES // (1024 * 1024)} MB,请压缩或缩小后再附加。")


def read_bounded(source, limit: int) -> bytes:
    """At most `limit` + 1 bytes of a file (or standard input for "-"): enough to tell a
    file that is too large without reading all of it. Refuses a missing or unreadable file."""
    import sys

    name = "标准输入" if str(source) == "-" else str(source)
    try:
        if str(source) == "-":
            return sys.stdin.buffer.read(limit + 1)
        with open(source, "rb") as fh:
            return fh.read(limit + 1)
    except FileNotFoundError:
        raise Refusal(f"找不到文件 {name},请检查路径。") from None
    except OSError as exc:
        raise Refusal(f"无法读取 {name}:{os_reason(exc)}。") from None


def store_file(data_dir: Path, source: Path) -> str:
    return store_bytes(data_dir, read_bounded(source, MAX_ATTACHMENT_BYTES))


def read_attachment(data_dir: Path, digest: str) -> bytes:
    path = attachment_path(data_dir, digest)
    try:
        content = path.read_bytes()
    except FileNotFoundError:
        raise Refusal(f"附件 {digest[:12]}… 不在本机,可能尚未随数据包传来。") from None
    if hashlib.sha256(content).hexdigest() != digest:
        raise Refusal(f"附件 {digest[:12]}… 已损坏(内容与记录不符),请从备份恢复。")
    return content


def write_atomically(target: Path, content: bytes) -> None:
    """Write beside the target, flush and fsync, then rename: a crash or a pulled USB
    stick leaves the whole file or none."""
    target = Path(target)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(content)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    _fsync_dir(target.parent)


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return  # Windows cannot open a directory for fsync; os.replace is durable enough
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
