"""乡镇接收 on import (desktop/sync/acknowledging.py): the township's cases are checked one
by one as an officer's `perform` checks them, and recorded together: the same events,
the same refusals with the same words, a whole chain. And what the import changes of the
connection for its own speed is put back."""

from __future__ import annotations

from datetime import timedelta

import pytest

from desktop.core.errors import Refusal
from desktop.operations.casework import Casework
from desktop.storage.eventlog import case_events
from desktop.sync import importer
from desktop.sync.acknowledging import acknowledge
from desktop.sync.applying import ImportReport
from desktop.sync.chains import chain_problems
from desktop.sync.peers import peer
from tests.helpers import TODAY
from tests.sync_world import World, status


@pytest.fixture
def world(tmp_path):
    w = World(tmp_path)
    yield w
    w.close()


def test_the_acknowledgements_are_an_officers_steps_in_a_whole_chain(world):
    ids = world.cases_ready(world.a, 4) + world.cases_ready(world.b, 2)
    reports = world.send(world.a, world.township) + world.send(world.b, world.township)
    t = world.township
    assert [c for r in reports for c in r.acknowledged] == ids
    assert chain_problems(t.db, t.workstation) == []
    own = t.workstation["id"]
    seqs = []
    for case_id in ids:
        (ack,) = [e for e in case_events(t.db, case_id) if e.workstation_id == own]
        assert (ack.type, ack.payload, ack.actor) == (
            "Acknowledged", {"date": TODAY.isoformat()}, t.workstation["officer"])
        assert status(t, case_id) == "acknowledged"
        seqs.append(ack.seq)
    assert seqs == list(range(seqs[0], seqs[0] + len(ids)))


def test_a_case_the_rule_book_refuses_is_named_with_performs_words(world, monkeypatch):
    """The others are still acknowledged; the refused one stays submitted."""
    ids = world.cases_ready(world.a, 3)
    monkeypatch.setattr(importer, "acknowledge", lambda *a: None)
    world.send(world.a, world.township)
    monkeypatch.undo()
    t = world.township
    later = (TODAY + timedelta(days=3)).isoformat()  # submitted after the day it is taken
    t.db.conn.execute("UPDATE applications SET status_on = ? WHERE id = ?", [later, ids[1]])
    with pytest.raises(Refusal) as by_hand:
        with t.transaction():
            Casework(t, TODAY).perform(ids[1], "acknowledge", {"date": TODAY.isoformat()})
    report = ImportReport("x")
    with t.transaction():
        acknowledge(t, peer(t.db, world.a.workstation["id"]), report, TODAY)
    assert report.acknowledged == [ids[0], ids[2]]
    assert report.not_acknowledged == [f"{ids[1]}:{by_hand.value.message}"]
    assert [status(t, c) for c in ids] == ["acknowledged", "submitted", "acknowledged"]
    assert chain_problems(t.db, t.workstation) == []


def test_an_import_leaves_the_connections_settings_as_they_were(world):
    """The import's larger page cache and in-memory journal are its own."""
    world.cases_ready(world.a, 2)
    conn = world.township.db.conn
    before = [conn.execute(f"PRAGMA {p}").fetchone()[0] for p in ("cache_size", "temp_store")]
    (report,) = world.send(world.a, world.township)
    assert report.ok and len(report.acknowledged) == 2
    assert [conn.execute(f"PRAGMA {p}").fetchone()[0]
            for p in ("cache_size", "temp_store")] == before
