"""Where things live: the bundled resources and the officer's data directory."""

from __future__ import annotations

import os
import sys
from pathlib import Path

STORE_FILE = "relief-desk.sqlite3"


def resource_path(*parts: str) -> Path:
    """A file under resources/, found the same way in development and in a frozen build."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    root = Path(frozen_root) if frozen_root else Path(__file__).resolve().parent.parent
    return root.joinpath("resources", *parts)


def default_data_dir() -> Path:
    """RELIEF_DESK_HOME if set, else the platform's per-user data folder."""
    env = os.environ.get("RELIEF_DESK_HOME")
    if env:
        return Path(env)
    from platformdirs import user_data_dir

    return Path(user_data_dir("relief-desk", appauthor=False))


def store_path(data_dir: Path) -> Path:
    return Path(data_dir) / STORE_FILE
