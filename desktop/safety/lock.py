"""One program per data directory. Two copies writing the same store would each trust
their own view of it (the window's ledger, an export half done), so a second copy is
refused with a message. The lock is an OS file lock (flock / msvcrt), which the system
drops when a process dies: a crash never leaves a lock that blocks the officer. The
file also holds the owner's process number, only to name it in the message.

Within one process the lock is re-entrant (a window and a command opened on the same
directory share it), so it is counted and released by the last holder."""

from __future__ import annotations

import os
from pathlib import Path

from desktop.core.errors import Refusal
from desktop.paths import DataDir

LOCK_FILE = "relief-desk.lock"
_LOCK_OFFSET = 1024  # Windows locks a byte range: keep it away from the PID text
_held: dict[str, list] = {}  # resolved data dir -> [open file, holders]


class DirectoryBusy(Refusal):
    """Another running program holds the data directory."""


def acquire(data_dir: Path) -> None:
    key = str(Path(data_dir).resolve())
    if key in _held:
        _held[key][1] += 1
        return
    path = DataDir(data_dir).lock
    fh = open(path, "a+", encoding="ascii")
    if not _try_lock(fh):
        owner = _owner(path)
        fh.close()
        raise DirectoryBusy(
            f"另一个民生救助工作台程序{f'(进程号 {owner})' if owner else ''}正在使用数据目录 "
            f"{data_dir}。同一个数据目录只能由一个程序打开:请切换到已经打开的窗口,"
            f"或先关闭它再试。")
    fh.seek(0)
    fh.truncate()
    fh.write(f"{os.getpid()}\n")
    fh.flush()
    _held[key] = [fh, 1]


def release(data_dir: Path) -> None:
    key = str(Path(data_dir).resolve())
    entry = _held.get(key)
    if not entry:
        return
    entry[1] -= 1
    if entry[1] > 0:
        return
    del _held[key]
    fh = entry[0]
    try:
        fh.seek(0)
        fh.truncate()
        _unlock(fh)
    finally:
        fh.close()


def held(data_dir: Path) -> bool:
    return str(Path(data_dir).resolve()) in _held


def _owner(path: Path) -> str:
    try:
        text = path.read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError):
        return ""
    return text if text.isdigit() else ""


def _try_lock(fh) -> bool:
    if os.name == "nt":
        import msvcrt

        fh.seek(_LOCK_OFFSET)
        try:
            msvcrt.locking(fh.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def _unlock(fh) -> None:
    if os.name == "nt":
        import msvcrt

        fh.seek(_LOCK_OFFSET)
        msvcrt.locking(fh.fileno(), msvcrt.LK_UNLCK, 1)
        return
    import fcntl

    fcntl.flock(fh.fileno(), fcntl.LOCK_UN)
