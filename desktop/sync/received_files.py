"""The files a bundle carries, kept as a set: every new one written beside its place in
the attachments folder, then all of them fsynced at once, then renamed, then each folder
fsynced once.

Why at once: one file after another, each fsync waited for its own commit of the disk's
journal, and a folder's fsync for another (a month's thirty bundles with their notice
photos: 48 waits, a tenth of the import). Issued together from a few threads, the waits
overlap and the journal commits them together; every file and every folder is still
fsynced before the import commits the events that refer to them.

All or none: a failure before the renames removes every part file, so no file of the set
appears; a failure during them leaves only whole files, each named by its own hash and
referred to by nothing until the import commits (as when a bundle is refused after its
files were kept)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from desktop.storage.attachments import attachment_path, check_size

THREADS = 8  # enough waits at once for the journal to take them in one commit


def keep_all(data_dir: Path, files: dict[str, bytes]) -> None:
    """Keep every file of `files` (SHA-256 hex digest → content, the digest already
    checked against the content) that the attachments folder does not hold yet."""
    for content in files.values():
        check_size(content)
    wanted = {attachment_path(data_dir, d): c for d, c in files.items()}
    new = {target: c for target, c in wanted.items() if not target.exists()}
    if not new:
        return
    parts: dict[Path, Path] = {}
    try:
        for target, content in new.items():
            target.parent.mkdir(parents=True, exist_ok=True)
            parts[target] = _written(target, content)
        _fsync_all(list(parts.values()), os.O_RDWR)  # Windows commits written handles only
        for target in list(parts):
            os.replace(parts.pop(target), target)
    finally:
        for part in parts.values():  # not renamed: a failure on the way
            part.unlink(missing_ok=True)
    if os.name == "posix":  # Windows cannot open a folder; its renames are durable enough
        _fsync_all(sorted({t.parent for t in new} | {t.parent.parent for t in new}),
                   os.O_RDONLY)


def _written(target: Path, content: bytes) -> Path:
    fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(content)
    except BaseException:
        Path(name).unlink(missing_ok=True)
        raise
    return Path(name)


def _fsync_all(paths: list[Path], mode: int) -> None:
    """fsync each path (files, or folders), several at a time; the first failure (a full
    disk) is raised once all have ended."""
    if len(paths) == 1:
        _fsync(paths[0], mode)
        return
    from concurrent.futures import ThreadPoolExecutor  # loaded on first use: start-up

    with ThreadPoolExecutor(min(THREADS, len(paths))) as pool:
        for done in [pool.submit(_fsync, p, mode) for p in paths]:
            done.result()


def _fsync(path: Path, mode: int) -> None:
    fd = os.open(path, mode)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
