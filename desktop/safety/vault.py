"""The encrypted backup on a USB stick (`.rdbackup`): the database (a SQLite backup-API
copy), the attachments and the key file, zipped, then sealed with AES-256-GCM under a key
derived from a passphrase (Argon2id or scrypt). A lost stick leaks nothing.

Layout: MAGIC, a 4-byte header length, the header (UTF-8 JSON, in clear: format,
created, workstation, the KDF parameters, the nonce), then the ciphertext. The header
is the AEAD's associated data, so changing a byte of it is detected too.

Reading trusts nothing (a stick may carry someone else's file): sizes are capped before
anything is read or unpacked, names inside the archive must be one of the few this
program writes (no `../`, no absolute path), and nothing lands outside the staging folder."""

from __future__ import annotations

import base64
import io
import json
import os
import re
import sqlite3
import struct
import tempfile
import zipfile
from pathlib import Path

from desktop.core import clock
from desktop.core.errors import Refusal, os_reason
from desktop.paths import STORE_FILE
from desktop.safety import kdf
from desktop.safety.backup import snapshot
from desktop.storage.attachments import attachments_dir

MAGIC = b"RELIEF-DESK-BACKUP\n"
FORMAT_VERSION = 1
SUFFIX = ".rdbackup"
MAX_FILE_BYTES = 2 * 1024 ** 3 - 1024  # AES-GCM in one piece: under 2 GiB
MAX_UNPACKED_BYTES = 4 * 1024 ** 3
MAX_MEMBERS = 500_000
KEY_MEMBER = "keys/workstation-keys.json"
_MEMBER = re.compile(r"relief-desk\.sqlite3|manifest\.json|keys/workstation-keys\.json"
                     r"|attachments/[0-9a-f]{2}/[0-9a-f]{64}")


def write_backup(store, folder: Path, passphrase: str, today) -> Path:
    """Seal the whole workstation into one file in `folder`; returns its path."""
    from desktop.sync.filewrite import free_name, publish, write_temp

    data = _sealed(_archive(store), passphrase, store.workstation)
    tmp = write_temp(Path(folder), data, lambda raw: _same(raw, data))
    place = store.workstation.get("village") or store.workstation.get("township") or "工作站"
    target = free_name(Path(folder), f"{place}_备份_{today.isoformat()}", SUFFIX)
    publish(tmp, target, "请换一个 U 盘或文件夹后重新备份。")
    return target


def _same(raw: bytes, data: bytes) -> None:
    if raw != data:
        raise Refusal("写入后读回的备份与写入的不一致,U 盘可能有故障。请换一个 U 盘重新备份。")


def _archive(store) -> bytes:
    data_dir = store.path.parent
    out = io.BytesIO()
    with tempfile.TemporaryDirectory() as tmp, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        copy = snapshot(store.db.conn, Path(tmp) / STORE_FILE)
        z.write(copy, STORE_FILE)
        keys = data_dir / KEY_MEMBER
        if keys.exists():
            z.write(keys, KEY_MEMBER)
        for path in sorted(attachments_dir(data_dir).glob("??/*")):
            if _MEMBER.fullmatch(f"attachments/{path.parent.name}/{path.name}"):
                z.write(path, f"attachments/{path.parent.name}/{path.name}")
        z.writestr("manifest.json", json.dumps({"workstation_id": store.workstation["id"],
                                                "created": clock.now_utc()}))
    return out.getvalue()


def _sealed(plain: bytes, passphrase: str, ws: dict) -> bytes:
    if len(plain) > MAX_FILE_BYTES:
        raise Refusal("数据(含附件)超过 2 GB,无法做成一个加密备份。请联系技术人员。")
    params = kdf.new_params()
    header = {"format_version": FORMAT_VERSION, "created": clock.now_utc(),
              "workstation_id": ws["id"], "kdf": params}
    key = kdf.derive(passphrase, params)
    nonce = kdf.new_nonce()
    header["nonce"] = base64.b64encode(nonce).decode()
    head = json.dumps(header, sort_keys=True).encode("utf-8")
    prefix = MAGIC + struct.pack(">I", len(head)) + head
    return prefix + kdf.seal_with(key, nonce, plain, prefix)


def is_vault(path: Path) -> bool:
    try:
        with open(path, "rb") as fh:
            return fh.read(len(MAGIC)) == MAGIC
    except OSError:
        return False


def open_backup(path: Path, passphrase: str, staging: Path) -> None:
    """Decrypt and unpack into `staging` (an empty folder), or refuse saying why."""
    prefix, sealed, header = _read(Path(path))  # the KDF parameters checked first
    try:
        nonce = base64.b64decode(header["nonce"])
    except (KeyError, TypeError, ValueError):
        raise _damaged(path) from None
    plain = kdf.open_sealed(kdf.derive(passphrase, header.get("kdf") or {}), nonce, sealed,
                            prefix)
    if plain is None:
        raise Refusal(f"口令不对,或备份文件 {Path(path).name} 已损坏,无法解密。请确认是备份时设的口令"
                      f"(注意大小写和输入法);本机数据没有任何改动。")
    _unpack(plain, Path(staging), path)


def read_header(path: Path) -> dict:
    """The clear header of a backup, its KDF parameters already checked: a file asking
    for more work than this program ever sets is refused here, before the passphrase is
    asked for and before the rest of the file is read."""
    return _read(Path(path), header_only=True)[2]


def _read(path: Path, header_only: bool = False) -> tuple[bytes, bytes, dict]:
    try:
        with open(path, "rb") as fh:
            start = fh.read(len(MAGIC) + 4)
            if len(start) < len(MAGIC) + 4 or not start.startswith(MAGIC):
                raise _damaged(path)
            size = struct.unpack(">I", start[len(MAGIC):])[0]
            if size > 64 * 1024 or os.fstat(fh.fileno()).st_size > MAX_FILE_BYTES:
                raise _damaged(path)
            head = fh.read(size)
            header = _header(head, size, path)
            if header_only:
                return b"", b"", header
            sealed = fh.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise Refusal(f"无法读取备份文件 {path}:{os_reason(exc)}。请检查路径或 U 盘。") from None
    return start + head, sealed, header


def _header(head: bytes, size: int, path: Path) -> dict:
    if len(head) != size:
        raise _damaged(path)
    try:
        header = json.loads(head.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise _damaged(path) from None
    if not isinstance(header, dict) or header.get("format_version") != FORMAT_VERSION:
        raise Refusal(f"{Path(path).name} 不是本版本能读的备份文件(可能由更新版本的软件生成)。"
                      f"请先升级软件;本机数据没有任何改动。")
    try:
        kdf.check_params(header.get("kdf"))
    except kdf.KdfRefused:
        raise Refusal(f"备份文件 {Path(path).name} 要求的口令计算量超出本软件的范围"
                      f"(文件已损坏或被人改过),拒绝打开。请换一份备份;本机数据没有任何改动。"
                      ) from None
    return header


def _damaged(path) -> Refusal:
    return Refusal(f"{Path(path).name} 不是民生救助工作台的备份文件,或文件已损坏/不完整。"
                   f"请换一份备份;本机数据没有任何改动。")


def _unpack(plain: bytes, staging: Path, path) -> None:
    try:
        z = zipfile.ZipFile(io.BytesIO(plain))
        members = z.infolist()
    except (zipfile.BadZipFile, ValueError):
        raise _damaged(path) from None
    names = [m.filename for m in members]
    if (len(members) > MAX_MEMBERS or len(set(names)) != len(names)
            or not all(_MEMBER.fullmatch(n) for n in names) or STORE_FILE not in names
            or sum(m.file_size for m in members) > MAX_UNPACKED_BYTES):
        raise _damaged(path)
    for m in members:
        target = staging.joinpath(*m.filename.split("/"))
        target.parent.mkdir(parents=True, exist_ok=True)
        _extract(z, m, target, path)


def _extract(z: zipfile.ZipFile, member: zipfile.ZipInfo, target: Path, path) -> None:
    """Copy at most the declared size: a member that inflates further is a bomb."""
    written = 0
    try:
        with z.open(member) as src, open(target, "wb") as out:
            while chunk := src.read(1024 * 1024):
                written += len(chunk)
                if written > member.file_size:
                    raise _damaged(path)
                out.write(chunk)
    except (zipfile.BadZipFile, OSError, EOFError, sqlite3.Error) as exc:
        if isinstance(exc, OSError) and exc.errno:
            raise Refusal(f"解开备份时写入失败({os_reason(exc)}),请腾出磁盘空间后重试;"
                          f"本机数据没有任何改动。") from None
        raise _damaged(path) from None
