"""Backups of the store with SQLite's backup API (a consistent copy even while the
program writes), each checked before it counts:

- in the data directory's `backups/`: automatic ones (`auto-<time>-<why>-<mark>.sqlite3`,
  taken on close, once a day and before a restore) and those the officer asks for
  (`manual-<time>-<mark>.sqlite3`; older versions named them `auto-<time>-manual-…`,
  still listed, rotated and offered as manual ones). Skipped when nothing changed since the
  last one (a manual one: since the last manual one); the newest `backups_kept` of each
  kind kept, so that a copy the officer chose to take is never pushed out by the
  automatic ones of the days after it. They guard against a damaged
  file, not a dead disk: for that the officer takes
- an encrypted copy to a USB stick or another folder (vault.py).

A copy is written to a `.part` file beside its final name, fsynced, checked, then
renamed: a full disk or a pulled stick leaves the old backups and no half file. The copy
carries the workstation's signed chain head when the keys are open (chainhead.py)."""

from __future__ import annotations

import hashlib
import os
import sqlite3
from datetime import datetime
from pathlib import Path

from desktop.core import clock
from desktop.core.errors import Refusal, os_reason
from desktop.paths import DataDir
from desktop.safety import chainhead, leftovers
from desktop.safety.perms import private_dir, private_file
from desktop.storage.packing import register

BACKUP_DIR = "backups"
AUTO_PREFIX = "auto-"
MANUAL_PREFIX = "manual-"
MANUAL = "manual"  # the reason of a backup the officer asked for
SUFFIX = ".sqlite3"


def backups_dir(data_dir: Path) -> Path:
    return DataDir(data_dir).backups


def snapshot(conn: sqlite3.Connection, target: Path) -> Path:
    """A checked, self-contained copy of the database behind `conn` at `target`."""
    target = Path(target)
    tmp = target.with_name(leftovers.part_name(f".{target.name}") + "part")
    try:
        _copy(conn, tmp)
        _fsync(tmp)
        os.replace(tmp, target)
        _fsync_dir(target.parent)
    except (OSError, sqlite3.Error) as exc:
        _remove(tmp)
        raise Refusal(f"备份没有写成({_why(exc)}):{target.parent} 可能已满、写保护或已拔出。"
                      f"请换一个位置或腾出空间后重试;已有的数据和备份都没有改动。") from None
    except BaseException:
        _remove(tmp)
        raise
    private_file(target)
    return target


def _remove(tmp: Path) -> None:
    for path in (tmp, *(tmp.with_name(tmp.name + s) for s in ("-journal", "-wal", "-shm"))):
        path.unlink(missing_ok=True)


def _copy(conn: sqlite3.Connection, tmp: Path) -> None:
    out = register(sqlite3.connect(str(tmp)))
    try:
        conn.backup(out)
        out.execute("PRAGMA journal_mode=DELETE")  # one file, readable without -wal/-shm
        chainhead.sign_copy(conn, out)  # the copy carries its signed head (no keys: none)
        if out.execute("PRAGMA quick_check").fetchone()[0] != "ok":
            raise sqlite3.DatabaseError("copy failed its check")
    finally:
        out.close()


def _why(exc: BaseException) -> str:
    text = os_reason(exc)  # SQLite's own "database or disk is full" has no errno
    return "磁盘已满" if "full" in text.lower() else text


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_dir(folder: Path) -> None:
    if os.name == "posix":
        _fsync(folder)


def state_mark(conn: sqlite3.Connection) -> str:
    """Changes when anything in the store changes (rows added, or any table rewritten)."""
    h = hashlib.sha256()
    tables = conn.execute(  # a table WITHOUT ROWID (wr) has no rowid to take (0013)
        "SELECT name, wr FROM pragma_table_list WHERE schema = 'main' AND type = 'table'"
        " AND name NOT LIKE 'sqlite_%' ORDER BY name").fetchall()
    for t, without_rowid in tables:
        last = "NULL" if without_rowid else "MAX(rowid)"
        h.update(repr(conn.execute(f'SELECT COUNT(*), {last} FROM "{t}"').fetchone()).encode())
    h.update(repr(conn.execute("SELECT group_concat(hash) FROM (SELECT hash FROM events "
                               "ORDER BY rowid DESC LIMIT 1)").fetchone()).encode())
    return h.hexdigest()[:10]


def local_backups(data_dir: Path) -> list[Path]:
    """Every backup kept in the data directory, automatic and manual, newest first (by the
    time in its name: the two kinds' prefixes differ)."""
    folder = backups_dir(data_dir)
    if not folder.is_dir():
        return []
    found = [*folder.glob(f"{AUTO_PREFIX}*{SUFFIX}"), *folder.glob(f"{MANUAL_PREFIX}*{SUFFIX}")]
    return sorted(found, key=lambda p: (_stamp(p), p.name), reverse=True)


def auto_backups(data_dir: Path) -> list[Path]:
    """The automatic backups, newest first."""
    return [p for p in local_backups(data_dir) if not is_manual(p)]


def is_manual(path: Path) -> bool:
    """Taken because the officer asked: `manual-…`, or an older `auto-<time>-manual-…`."""
    name = Path(path).name
    return name.startswith(MANUAL_PREFIX) or f"-{MANUAL}-" in name


def _stamp(path: Path) -> str:
    """The time ('YYYYMMDD-HHMMSS', clock.file_stamp) right after either prefix."""
    name = path.name
    return name[len(MANUAL_PREFIX if name.startswith(MANUAL_PREFIX) else AUTO_PREFIX):][:15]


def backup_name(reason: str, mark: str, now: datetime | None = None) -> str:
    """A manual backup is named as manual, any other as automatic with its reason."""
    stamp = clock.file_stamp(now)
    if reason == MANUAL:
        return f"{MANUAL_PREFIX}{stamp}-{mark}{SUFFIX}"
    return f"{AUTO_PREFIX}{stamp}-{reason}-{mark}{SUFFIX}"


def manual_backup(store, now: datetime | None = None) -> Path | None:
    """The backup the officer asks for (备份 / 立即备份), unless the newest holds this state."""
    return auto_backup(store, MANUAL, now)


def auto_backup(store, reason: str, now: datetime | None = None) -> Path | None:
    """Take a backup for `reason` unless the newest one already holds this state."""
    return auto_backup_of(store.db.conn, store.path.parent, store.policy.backups_kept,
                          reason, now)


def auto_backup_of(conn: sqlite3.Connection, data_dir: Path, keep: int, reason: str,
                   now: datetime | None = None) -> Path | None:
    """`auto_backup` through any connection to the store: a background thread has its own."""
    folder = backups_dir(data_dir)
    folder.mkdir(exist_ok=True)
    private_dir(folder)
    leftovers.clean_folder(folder)
    mark = state_mark(register(conn))  # any connection: the log's view needs its function
    # an automatic copy of a state already kept is no use; the officer's own copy is
    # kept apart from the automatic ones, so only their own newest stands for it
    newest = [p for p in local_backups(data_dir) if reason != MANUAL or is_manual(p)]
    if newest and newest[0].stem.endswith(mark):
        return None
    target = folder / backup_name(reason, mark, now)
    snapshot(conn, target)
    rotate(data_dir, keep)
    return target


def daily_due(data_dir: Path, now: datetime | None = None) -> bool:
    """No backup yet on this day (China's, as the names): a manual one counts too."""
    day = clock.file_stamp(now)[:8]
    return not any(_stamp(p).startswith(day) for p in local_backups(data_dir))


def rotate(data_dir: Path, keep: int) -> list[Path]:
    """Delete the oldest automatic backups beyond `keep`, and the oldest manual ones
    beyond `keep` (at least one of each is always kept)."""
    found = local_backups(data_dir)
    extra = [p for manual in (False, True)
             for p in [p for p in found if is_manual(p) == manual][max(keep, 1):]]
    for path in extra:
        path.unlink(missing_ok=True)
    return extra


def latest_good(data_dir: Path) -> Path | None:
    """The newest backup in the data directory that passes the full check."""
    from desktop.safety.checks import check_file

    for path in local_backups(data_dir):
        if check_file(path, full=True, keys_dir=data_dir).ok:
            return path
    return None
