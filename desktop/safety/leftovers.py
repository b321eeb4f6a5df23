"""Temporary files that a crash (a flat battery, a kill) left behind. Every writer in
this program writes `<…>.part` beside its target and renames it only when whole, so a
`.part` file is never a record: it is removed at the next start (data directory) or the
next write to that folder (a USB stick). A `.part` whose name carries the number of a
process still running belongs to a write in progress and is left alone."""

from __future__ import annotations

import os
import re
from pathlib import Path

from desktop.paths import DataDir

_PID = re.compile(r"\.p(\d+)\.")
_PART = re.compile(r"\.part(-journal|-wal|-shm)?$")  # SQLite's files beside a copy too


def part_name(stem: str) -> str:
    """A temporary name that says which process writes it."""
    return f"{stem}.p{os.getpid()}."


USB_PREFIX = ".relief-desk"


def clean_folder(folder: Path, prefix: str = ".") -> list[Path]:
    """Remove the abandoned `.part` files starting with `prefix` directly in `folder`
    (on a USB stick only ours: `.relief-desk…`); returns what was removed."""
    removed = []
    try:
        entries = list(Path(folder).iterdir())
    except OSError:
        return removed
    for path in entries:
        if _PART.search(path.name) and path.name.startswith(prefix) and _abandoned(path):
            try:
                path.unlink()
                removed.append(path)
            except OSError:
                pass  # read-only stick: harmless, it is never read as a record
    return removed


def clean_data_dir(data_dir: Path) -> list[Path]:
    removed = []
    for folder in DataDir(data_dir).folders_with_leftovers():
        removed += clean_folder(folder)
    return removed


def _abandoned(path: Path) -> bool:
    match = _PID.search(path.name)
    if not match:
        return True
    pid = int(match.group(1))
    return pid != os.getpid() and not _running(pid)


def _running(pid: int) -> bool:
    if os.name == "nt":
        return False  # the writer's own cleanup covers a live one; at start none is live
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
