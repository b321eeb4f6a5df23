"""Where things live: the bundled resources and the officer's data directory.

Portable mode (a `portable.txt` beside the built executable) keeps the data in a `data/`
folder beside it, so the whole program can be carried on a USB stick from one office
computer to another. It applies to the frozen build only: in development the "executable"
is the Python interpreter, and a marker beside it would be a surprise."""

from __future__ import annotations

import os
import sys
from pathlib import Path

STORE_FILE = "relief-desk.sqlite3"
PORTABLE_MARKER = "portable.txt"
PORTABLE_DATA = "data"


def resource_path(*parts: str) -> Path:
    """A file under resources/, found the same way in development and in a frozen build
    (the spec puts resources/ at the top of the bundle). The one place that knows of
    PyInstaller's _MEIPASS."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    root = Path(frozen_root) if frozen_root else Path(__file__).resolve().parent.parent
    return root.joinpath("resources", *parts)


def executable_dir() -> Path | None:
    """The folder of the built program, or None when running from source."""
    if not getattr(sys, "frozen", False):
        return None
    return Path(sys.executable).resolve().parent


def portable_data_dir() -> Path | None:
    """`data/` beside the built program when `portable.txt` sits there, else None."""
    folder = executable_dir()
    if folder is None or not (folder / PORTABLE_MARKER).is_file():
        return None
    return folder / PORTABLE_DATA


def default_data_dir() -> Path:
    """RELIEF_DESK_HOME if set, else the portable `data/` folder, else the platform's
    per-user data folder. (--data-dir, handled by the caller, overrides all three.)"""
    env = os.environ.get("RELIEF_DESK_HOME")
    if env:
        return Path(env)
    portable = portable_data_dir()
    if portable is not None:
        return portable
    from platformdirs import user_data_dir

    return Path(user_data_dir("relief-desk", appauthor=False))


def store_path(data_dir: Path) -> Path:
    return DataDir(data_dir).store


class DataDir:
    """Every path inside an officer's data directory, in one place: the store, the lock,
    the keys and the signed chain heads beside them, backups, attachments, and the folders
    a restore moves the replaced data into."""

    def __init__(self, root: Path):
        self.root = Path(root)
        self.store = self.root / STORE_FILE
        self.lock = self.root / "relief-desk.lock"
        self.keys = self.root / "keys"
        self.key_file = self.keys / "workstation-keys.json"
        self.chain_heads = self.keys / "chain-head.json"
        self.backups = self.root / "backups"
        self.attachments = self.root / "attachments"

    def replaced(self, stamp: str) -> Path:
        """Where a restore keeps the data it replaced (never deleted)."""
        return self.root / f"replaced-{stamp}"

    def folders_with_leftovers(self) -> list[Path]:
        """Where an interrupted write may have left a `.part` file."""
        return [self.root, self.keys, self.backups, *sorted(self.attachments.glob("??"))]
