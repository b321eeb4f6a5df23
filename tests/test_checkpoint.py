"""The incremental start-up check (issue 17, item 4): a head this workstation signed after
verifying its store's chains is a checkpoint, and the start-up check re-hashes only the
events that entered the store after it; `doctor` still hashes every event."""

from __future__ import annotations

import json
import sqlite3

import pytest

from desktop.operations.casework import Casework
from desktop.paths import store_path
from desktop.safety import backup, chainhead
from desktop.safety.startup import examine
from desktop.storage import eventlog
from desktop.storage.packing import register
from desktop.storage.store import Store
from desktop.sync.identity import keys_of
from tests.helpers import TODAY, advance, edit_payloads, make_application, make_store

CASES = 40  # 80 events before the checkpoint


@pytest.fixture
def checkpointed(tmp_path):
    """A village whose keys are open, with CASES cases, backed up (its head signed), then
    one case more received and investigated: two events after the checkpoint."""
    store = make_store(tmp_path)
    work = Casework(store, TODAY)
    for case_id in work.receive_many([make_application() for _ in range(CASES)]):
        advance(work, case_id, "investigated")
    keys_of(store)
    backup.auto_backup(store, "close")
    advance(work, work.receive(make_application()), "investigated")
    data_dir = store.path.parent
    store.close()
    return data_dir


@pytest.fixture
def hashed(monkeypatch):
    """The (workstation, seq) of every event whose hash a check recomputes."""
    seen = []
    real = eventlog._stored_hash_holds

    def counting(row):
        seen.append(row[1])
        return real(row)

    monkeypatch.setattr(eventlog, "_stored_hash_holds", counting)
    return seen


def _events(data_dir) -> int:
    conn = register(sqlite3.connect(store_path(data_dir)))
    try:
        return conn.execute("SELECT COUNT(*) FROM events").fetchone()[0]
    finally:
        conn.close()


def _edit_payload(data_dir, seq: int) -> None:
    """Change an event's payload and leave its hash as it was."""
    conn = register(sqlite3.connect(store_path(data_dir)))
    assert edit_payloads(conn, '"2026-', '"2025-', "seq = ?", [seq]) == 1
    conn.commit()
    conn.close()


def test_the_start_up_check_hashes_only_the_events_after_the_checkpoint(checkpointed, hashed):
    total = _events(checkpointed)
    assert examine(checkpointed).health.ok
    assert sorted(hashed) == [total - 1, total]  # the two new events, not the 80 before
    hashed.clear()
    assert examine(checkpointed, full=True).health.ok  # doctor: every event
    assert len(hashed) == total


def test_an_edit_after_the_checkpoint_is_caught_at_start_up(checkpointed):
    _edit_payload(checkpointed, _events(checkpointed))
    problems = " ".join(examine(checkpointed).health.problems)
    assert "内容被改动" in problems


def test_an_edit_before_the_checkpoint_is_caught_by_doctor(checkpointed):
    _edit_payload(checkpointed, 3)
    assert "内容被改动" in " ".join(examine(checkpointed, full=True).health.problems)


def test_a_broken_chain_is_never_signed_so_never_a_checkpoint(checkpointed, hashed):
    anchor = chainhead.anchor_path(checkpointed)
    before = json.loads(anchor.read_text())["heads"]
    _edit_payload(checkpointed, _events(checkpointed))
    store = Store.open(checkpointed)
    assert backup.auto_backup(store, "close") is not None  # the backup itself is taken
    store.close()
    assert json.loads(anchor.read_text())["heads"] == before  # but no head signed
    assert not examine(checkpointed).health.ok


def test_a_head_signed_by_an_older_version_is_no_checkpoint(checkpointed, hashed):
    """Heads of v1 were signed without verifying the chain: they still count as heads
    (the store must agree with them) but the start-up check hashes everything."""
    anchor = chainhead.anchor_path(checkpointed)
    doc = json.loads(anchor.read_text())
    store = Store.open(checkpointed)
    pair = keys_of(store)
    store.close()
    import base64

    for head in doc["heads"]:
        message = chainhead._message({**head, "workstation_id": doc["workstation_id"]})
        head["signature"] = base64.b64encode(pair.signing.sign(message)).decode()
    anchor.write_text(json.dumps(doc))
    conn = register(sqlite3.connect(store_path(checkpointed)))
    conn.execute("DELETE FROM chain_heads")
    conn.commit()
    conn.close()
    assert examine(checkpointed).health.ok
    assert len(hashed) == _events(checkpointed)


@pytest.mark.parametrize("damage", [
    "DELETE FROM case_steps WHERE seq = (SELECT MAX(seq) FROM events)",  # after it
    "DELETE FROM applications WHERE rowid = 1",  # a case received long before it
])
def test_the_ledger_is_still_held_to_the_log_at_start_up(checkpointed, damage):
    conn = register(sqlite3.connect(store_path(checkpointed)))
    conn.execute("PRAGMA foreign_keys = OFF")
    conn.execute(damage)
    conn.commit()
    conn.close()
    assert "台账与事件日志不一致" in " ".join(examine(checkpointed).health.problems)


def test_a_head_event_written_again_at_the_end_is_no_checkpoint(checkpointed):
    """Moving the signed head's event past the newer events would leave them unhashed."""
    total = _events(checkpointed)
    conn = register(sqlite3.connect(store_path(checkpointed)))
    head = total - 2  # the head signed at the backup
    columns = "station, seq, hash, prev, recorded_at, actor, case_id, type, payload"
    row = conn.execute(f"SELECT {columns} FROM event_log WHERE seq = ?", [head]).fetchone()
    conn.execute("DELETE FROM event_log WHERE seq = ?", [head])
    conn.execute(f"INSERT INTO event_log ({columns}) VALUES ({', '.join('?' * len(row))})",
                 row)
    conn.commit()
    conn.close()
    _edit_payload(checkpointed, total)
    assert "内容被改动" in " ".join(examine(checkpointed).health.problems)
