"""Files that hold personal data are the officer's alone: the data directory 0700, the
database, backups and keys 0600 (POSIX; on Windows the per-user profile folder does this)."""

from __future__ import annotations

import os
import stat
from pathlib import Path


def private_dir(folder: Path) -> None:
    if os.name == "posix" and Path(folder).is_dir():
        mode = stat.S_IMODE(Path(folder).stat().st_mode)
        if mode & 0o077:
            try:
                os.chmod(folder, 0o700)
            except OSError:
                pass  # a folder of another owner (a USB stick): not ours to change


def private_file(path: Path) -> None:
    if os.name == "posix" and Path(path).exists():
        try:
            os.chmod(path, 0o600)
        except OSError:
            pass
