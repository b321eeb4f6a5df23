"""An import's files are kept as a set (desktop/sync/received_files.py): every one whole
under its hash, fsynced together before the import commits; a failure leaves none of
them and no part file."""

from __future__ import annotations

import errno
import hashlib
import os

import pytest

from desktop.storage.attachments import attachment_path, read_attachment, store_bytes
from desktop.sync.received_files import ReceivedFiles


def files(*contents: bytes) -> dict[str, bytes]:
    return {hashlib.sha256(c).hexdigest(): c for c in contents}


def keep_all(folder, *sets: dict[str, bytes]) -> None:
    """As an import does: each bundle's files added as it is applied, kept at the end."""
    received = ReceivedFiles(folder)
    try:
        for one in sets:
            received.add(one)
        received.keep()
    finally:
        received.discard()


def everything(folder) -> list:
    return sorted(p.relative_to(folder) for p in folder.rglob("*") if p.is_file())


def test_every_file_is_kept_whole_and_read_back(tmp_path):
    photos = files(*(os.urandom(3000 + i) for i in range(12)))
    keep_all(tmp_path, dict(list(photos.items())[:5]), dict(list(photos.items())[3:]))
    for digest, content in photos.items():
        assert read_attachment(tmp_path, digest) == content
    assert not list(tmp_path.rglob("*.part"))


def test_a_file_already_held_is_left_as_it_is(tmp_path):
    digest = store_bytes(tmp_path, b"posted notice")
    before = attachment_path(tmp_path, digest).stat().st_mtime_ns
    keep_all(tmp_path, files(b"posted notice", b"another photo"))
    assert attachment_path(tmp_path, digest).stat().st_mtime_ns == before
    assert len(everything(tmp_path)) == 2


def test_a_full_disk_keeps_none_of_the_set(tmp_path, monkeypatch):
    store_bytes(tmp_path, b"kept before")
    before = everything(tmp_path)
    calls = []

    def full(fd):
        calls.append(fd)
        if len(calls) == 3:  # one file of the set cannot be made durable
            raise OSError(errno.ENOSPC, "No space left on device")
    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(OSError) as raised:
        keep_all(tmp_path, files(*(os.urandom(500) for _ in range(3))),
                 files(*(os.urandom(500) for _ in range(3))))
    assert raised.value.errno == errno.ENOSPC
    assert everything(tmp_path) == before  # no file of the set, no part file


def test_an_import_that_fails_keeps_none_of_its_files(tmp_path):
    """Part files written for bundles applied before a failure are removed with it."""
    received = ReceivedFiles(tmp_path)
    with pytest.raises(RuntimeError):
        try:
            received.add(files(b"first bundle's photo"))
            received.add(files(b"second bundle's photo"))
            raise RuntimeError("the import failed before it committed")
        finally:
            received.discard()
    assert everything(tmp_path) == []
