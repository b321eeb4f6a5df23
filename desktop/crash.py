"""Bug reports that hold no personal data: the stack's file names, lines and functions and
the exception's type, never its message or local values (those may hold names or IDs)."""

from __future__ import annotations

import traceback
from pathlib import Path

from desktop import __version__
from desktop.core import clock


def report_bug(exc: BaseException) -> Path:
    from platformdirs import user_log_dir

    folder = Path(user_log_dir("relief-desk", appauthor=False))
    folder.mkdir(parents=True, exist_ok=True)
    stamp = clock.file_stamp()
    path = folder / f"crash-{stamp}.txt"
    frames = traceback.extract_tb(exc.__traceback__)
    lines = [f"relief-desk {__version__}", f"{type(exc).__module__}.{type(exc).__name__}"]
    lines += [f"  {Path(f.filename).name}:{f.lineno} in {f.name}" for f in frames]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path
