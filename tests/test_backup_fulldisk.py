"""A full disk or a read-only stick (issue 7): writing a bundle, a PDF or a backup fails
with a message saying what to do, and leaves no file, whole or partial, behind."""

from __future__ import annotations

import errno
import os

import pytest

from desktop.core.errors import Refusal
from desktop.printing.output import save_document
from desktop.safety import backup, vault
from tests.helpers import TODAY

FAILURES = {"full": OSError(errno.ENOSPC, "No space left on device"),
            "read-only": OSError(errno.EROFS, "Read-only file system")}


@pytest.fixture
def world(world):
    """The shared world (conftest), with one case of village A ready to send."""
    world.cases_ready(world.a, 1)
    return world


def _writers(world, target):
    return {
        "bundle": lambda: world.export(world.a, target),
        "pdf": lambda: save_document(target / "公示.pdf", b"%PDF-1.4 " + b"x" * 10_000),
        "backup": lambda: backup.snapshot(world.a.db.conn, target / "copy.sqlite3"),
        "encrypted backup": lambda: vault.write_backup(world.a, target, "口令123456", TODAY),
    }


@pytest.mark.parametrize("failure", FAILURES)
@pytest.mark.parametrize("what", ["bundle", "pdf", "backup", "encrypted backup"])
def test_a_failing_disk_leaves_nothing(world, tmp_path, monkeypatch, what, failure):
    target = tmp_path / "stick"
    target.mkdir()
    before = world.a.db.execute("SELECT COUNT(*) FROM bundles_sent").fetchone()[0]

    def broken(*_args):
        raise FAILURES[failure]

    monkeypatch.setattr(os, "fsync", broken)  # the data never reaches the medium
    with pytest.raises(Refusal) as caught:
        _writers(world, target)[what]()
    monkeypatch.undo()
    assert any(w in caught.value.message for w in ("已满", "写保护", "换一个", "腾出"))
    assert list(target.iterdir()) == []
    assert world.a.db.execute("SELECT COUNT(*) FROM bundles_sent").fetchone()[0] == before


@pytest.mark.parametrize("what", ["bundle", "pdf", "backup", "encrypted backup"])
def test_a_read_only_folder(world, tmp_path, monkeypatch, what):
    """A write-protected stick: the operating system refuses to create any file there.
    (Simulated: the tests run as root, which chmod cannot stop.)"""
    import builtins
    import tempfile

    target = tmp_path / "locked"
    target.mkdir()

    def refusing(real):
        def call(*args, **kwargs):
            where = kwargs.get("dir") or (args[0] if args else "")
            if str(where).startswith(str(target)):
                raise PermissionError(errno.EROFS, "Read-only file system", str(where))
            return real(*args, **kwargs)
        return call

    for module, name in ((builtins, "open"), (os, "open"), (tempfile, "mkstemp"),
                         (tempfile, "NamedTemporaryFile")):
        monkeypatch.setattr(module, name, refusing(getattr(module, name)))
    with pytest.raises(Refusal):
        _writers(world, target)[what]()
    monkeypatch.undo()
    assert list(target.iterdir()) == []
