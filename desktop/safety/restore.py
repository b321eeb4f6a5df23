"""Restore from a backup: check it completely before anything is replaced, keep the
replaced store, and give the restored store a new workstation id.

Why a new id: the restored log ends where the backup ended, but the township may
already hold later events of this workstation (sent after the backup). Writing on under
the old id would make new events with sequence numbers the township already has, with
other content. So the old id's chain is closed (its events stay, as history) and this
workstation writes on under a new id with new keys, sealed under the officer's
passphrase. The township learns the new id the way it learned the first one: the
officer takes the new identity card, the township compares the fingerprint and enrolls
it (replacing the old card, `enroll --replace`); until then it refuses our bundles as
from an unknown workstation, and nothing is lost in between."""

from __future__ import annotations

import os
import shutil
import sqlite3
import tempfile
import uuid
from dataclasses import dataclass
from pathlib import Path

from desktop.core import clock
from desktop.core.errors import Refusal
from desktop.core.ways import way
from desktop.paths import STORE_FILE, DataDir, store_path
from desktop.safety import lock, vault
from desktop.safety.checks import check_file
from desktop.safety.perms import private_file
from desktop.storage.attachments import attachments_dir
from desktop.storage.packing import register

SQLITE_MAGIC = b"SQLite format 3\x00"


@dataclass(frozen=True)
class Restored:
    old_id: str
    new_id: str
    replaced: Path | None  # where the store that was here went
    events: int
    unacknowledged: int  # our events in the backup the other side had not acknowledged


def restore(data_dir: Path, source: Path, *, passphrase: str | None,
            officer_passphrase: str | None) -> Restored:
    """`passphrase` opens an encrypted backup; `officer_passphrase` seals the new keys."""
    data_dir, source = Path(data_dir), Path(source)
    data_dir.mkdir(parents=True, exist_ok=True)
    lock.acquire(data_dir)
    staging = data_dir / f".restore-{os.getpid()}"
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir()
    try:
        _stage(source, passphrase, staging)
        ident = _checked(staging / STORE_FILE, source, data_dir)
        new_id = uuid.uuid4().hex  # given before the file is in place: never the old id
        counts = _new_identity(staging / STORE_FILE, ident["id"], new_id)
        replaced = _set_aside(data_dir)
        _install(data_dir, staging, ident["id"], new_id, officer_passphrase)
        return Restored(ident["id"], new_id, replaced, *counts)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
        lock.release(data_dir)


def check_backup(data_dir: Path, source: Path, passphrase: str | None) -> dict:
    """Everything `restore` checks of the backup, nothing installed: that it opens (its
    passphrase), passes the full check, is of a known version and of this place. Asked
    before the officer confirms the restore, which is then done again from the file."""
    data_dir, source = Path(data_dir), Path(source)
    with tempfile.TemporaryDirectory(dir=data_dir, prefix=".restore-check-") as staging:
        _stage(source, passphrase, Path(staging))
        return _checked(Path(staging) / STORE_FILE, source, data_dir)


def _stage(source: Path, passphrase: str | None, staging: Path) -> None:
    if not source.is_file():
        raise Refusal(f"找不到备份文件 {source},请检查路径或 U 盘是否插好。")
    if vault.is_vault(source):
        if not passphrase:
            raise Refusal("这是加密备份,需要备份时设的口令。请输入口令后重试。")
        vault.open_backup(source, passphrase, staging)
        return
    with open(source, "rb") as fh:
        if fh.read(len(SQLITE_MAGIC)) != SQLITE_MAGIC:
            raise Refusal(f"{source.name} 不是民生救助工作台的备份文件(.sqlite3 或 .rdbackup)。"
                          f"请选择 backups 文件夹中的备份或 U 盘上的加密备份;本机数据没有任何改动。")
    src = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True)
    out = sqlite3.connect(str(staging / STORE_FILE))
    try:
        src.backup(out)
    except sqlite3.DatabaseError:
        raise Refusal(f"备份文件 {source.name} 已损坏,无法读取。请换一份备份;"
                      f"本机数据没有任何改动。") from None
    finally:
        out.close()
        src.close()


def _checked(staged: Path, source: Path, data_dir: Path) -> dict:
    """The backup passes the full check, is of a known version and of this place."""
    health = check_file(staged, full=True, keys_dir=data_dir)
    if not health.ok:
        raise Refusal(f"备份 {source.name} 本身有问题({';'.join(health.problems)}),"
                      f"不能用来恢复。请换一份更早的备份;本机数据没有任何改动。")
    conn = register(sqlite3.connect(str(staged)))
    try:
        _known_version(conn, source)
        row = conn.execute("SELECT id, role, village_code, township_code FROM workstation"
                           ).fetchone()
        ident = dict(zip(("id", "role", "village_code", "township_code"), row, strict=True))
    finally:
        conn.close()
    current = _current_identity(data_dir)
    if current and (current["role"], current["village_code"] or "", current["township_code"]) \
            != (ident["role"], ident["village_code"] or "", ident["township_code"]):
        raise Refusal(f"备份 {source.name} 属于另一个工作站(区划代码 {ident['village_code'] or ident['township_code']}),"
                      f"不是本机的。请选择本村(乡镇)的备份;本机数据没有任何改动。")
    return ident


def _known_version(conn, source: Path) -> None:
    from desktop.storage.migrations import KNOWN, applied_names

    try:
        names = applied_names(conn)
    except sqlite3.Error:
        names = []
    if any(n not in KNOWN for n in names):
        raise Refusal(f"备份 {source.name} 由更新版本的软件建立,本版本无法使用。请先升级软件;"
                      f"本机数据没有任何改动。")


def _current_identity(data_dir: Path) -> dict | None:
    path = store_path(data_dir)
    if not path.exists():
        return None
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            row = conn.execute("SELECT role, village_code, township_code FROM workstation"
                               ).fetchone()
        finally:
            conn.close()
    except sqlite3.Error:
        return None  # too damaged to say: the officer chose this backup for this laptop
    return dict(zip(("role", "village_code", "township_code"), row, strict=True)) if row else None


def _set_aside(data_dir: Path) -> Path | None:
    """Move the current store and keys into `replaced-<time>/` (never deleted)."""
    names = [f"{STORE_FILE}{s}" for s in ("", "-wal", "-shm", "-journal")] + ["keys"]
    present = [n for n in names if (data_dir / n).exists()]
    if not present:
        return None
    aside = DataDir(data_dir).replaced(clock.file_stamp())
    aside.mkdir()
    for name in present:
        os.replace(data_dir / name, aside / name)
    (aside / "说明.txt").write_text(
        "这里是从备份恢复之前本机使用的数据(数据库和密钥),恢复时原样保留,以备核对。\n"
        "确认恢复后的数据无误后,可以交技术人员处理。\n", encoding="utf-8")
    return aside


def _install(data_dir: Path, staging: Path, old_id: str, new_id: str,
             officer_passphrase: str | None) -> None:
    from desktop.sync import keys

    os.replace(staging / STORE_FILE, store_path(data_dir))
    private_file(store_path(data_dir))
    _merge_attachments(staging, data_dir)
    old_keys = staging / vault.KEY_MEMBER
    if old_keys.exists():  # the old identity's keys, kept aside (they sign nothing more)
        keys.key_path(data_dir).parent.mkdir(parents=True, exist_ok=True)
        os.replace(old_keys, keys.key_path(data_dir).with_name(f"retired-{old_id}.json"))
    keys.forget()
    keys.create(data_dir, new_id, officer_passphrase)


def _merge_attachments(staging: Path, data_dir: Path) -> None:
    """Attachments are named by their hash: adding the backup's never overwrites one."""
    for path in sorted((staging / "attachments").glob("??/*")):
        target = attachments_dir(data_dir) / path.parent.name / path.name
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(path, target)


def _new_identity(path: Path, old_id: str, new_id: str) -> tuple[int, int]:
    """One transaction: the new id, and our acknowledgement records reset (they counted
    the old id's sequence numbers; the new id's count starts again at 1)."""
    conn = register(sqlite3.connect(str(path)))
    try:
        with conn:
            events = conn.execute("SELECT COUNT(*) FROM events WHERE workstation_id = ?",
                                  [old_id]).fetchone()[0]
            has_acks = conn.execute("SELECT COUNT(*) FROM sqlite_master WHERE name = "
                                    "'peer_acks'").fetchone()[0]
            acked = has_acks and conn.execute(
                "SELECT MIN(acked_seq) FROM peer_acks").fetchone()[0] or 0
            unacked = conn.execute("SELECT COUNT(*) FROM events WHERE workstation_id = ? "
                                   "AND seq > ?", [old_id, acked]).fetchone()[0]
            conn.execute("UPDATE workstation SET id = ? WHERE id = ?", [new_id, old_id])
            if has_acks:
                conn.execute("DELETE FROM peer_acks")
    finally:
        conn.close()
    return events, unacked


def restored_lines(done) -> list[str]:
    """What the officer must know after a restore (shared with the GUI)."""
    lines = [f"已从备份恢复:{done.events} 个本机事件。"]
    if done.replaced:
        lines.append(f"恢复前的数据原样保存在 {done.replaced}。")
    lines.append(f"为避免与乡镇已收到的记录冲突,本机已换用新的工作站编号 {done.new_id[:8]}"
                 f"(原编号 {done.old_id[:8]})和新的密钥。")
    lines.append(f"下一步:导出本机新的身份文件({way('identity_export')}),带到乡镇民政办"
                 f"当面核对指纹后重新登记(乡镇:{way('enroll_replace')})。登记之前乡镇会拒收"
                 f"本机的数据包,数据不会丢失。")
    if done.unacknowledged:
        lines.append(f"注意:备份中有 {done.unacknowledged} 个本机事件当时乡镇尚未确认收到;"
                     f"备份之后办理的事项需要核对后重新录入。")
    return lines
