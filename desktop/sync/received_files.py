"""The files an import's bundles carry, kept as one set: each new one written beside its
place in the attachments folder as the bundles are applied, then, before the import
commits, all of them fsynced at once, renamed, and their folders fsynced at once.

Why at once: one file after another, each fsync waited for its own commit of the disk's
journal and its folder's fsync for another (a month's thirty bundles with their notice
photos: 48 waits, a sixth of the import). Issued together from a few threads, the waits
overlap and the journal takes them in one or two commits; every file and every folder is
still fsynced before the events that refer to them are committed.

All or none: a failure before the renames removes every part file, so no file of the set
appears (and the import, undone, refers to none); one during the renames leaves only
whole files, each named by its own hash and referred to by nothing."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from desktop.storage.attachments import attachment_path

THREADS = 8  # enough waits at once for the journal to take them together


class ReceivedFiles:
    def __init__(self, data_dir: Path):
        self.data_dir = Path(data_dir)
        self.parts: dict[Path, Path] = {}  # target -> its part file, written, not renamed

    def add(self, files: dict[str, bytes]) -> None:
        """Write the part file of each file (SHA-256 hex digest → content, the digest
        already checked against the content) that is neither held nor on its way."""
        for digest, content in files.items():
            target = attachment_path(self.data_dir, digest)
            if target in self.parts or target.exists():
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            self.parts[target] = _written(target, content)

    def keep(self) -> None:
        """Make every file durable under its name (call before the import commits)."""
        if not self.parts:
            return
        targets = list(self.parts)
        _fsync_all(list(self.parts.values()), os.O_RDWR)  # Windows commits written handles
        for target in targets:
            os.replace(self.parts.pop(target), target)
        if os.name == "posix":  # Windows cannot open a folder; its renames are durable enough
            folders = {t.parent for t in targets}
            _fsync_all(sorted(folders | {f.parent for f in folders}), os.O_RDONLY)

    def discard(self) -> None:
        """Remove the part files not renamed (the import failed on the way)."""
        for part in self.parts.values():
            part.unlink(missing_ok=True)
        self.parts.clear()


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
    """fsync each path (files, or folders), a few threads at a time; the first failure
    (a full disk) is raised once all have ended."""
    import threading  # loaded with the import, not at start-up

    failures: list[BaseException] = []

    def each(share: list[Path]) -> None:
        for path in share:
            try:
                _fsync(path, mode)
            except BaseException as exc:  # raised in the caller's thread, below
                failures.append(exc)

    shares = [paths[i::THREADS] for i in range(min(THREADS, len(paths)))] or [[]]
    threads = [threading.Thread(target=each, args=(share,)) for share in shares[1:]]
    for thread in threads:
        thread.start()
    each(shares[0])
    for thread in threads:
        thread.join()
    if failures:
        raise failures[0]


def _fsync(path: Path, mode: int) -> None:
    fd = os.open(path, mode)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
