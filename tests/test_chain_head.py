"""The signed chain head (issue 12, item 4): a history rewritten and re-hashed consistently
(every hash after the change recomputed, the ledger rebuilt) passed the full check; now
`doctor` and restore hold the store to the newest head this workstation signed, which
only the officer's key can make. A store with no signed head passes with no claim."""

from __future__ import annotations

import dataclasses
import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.core.errors import Refusal
from desktop.core.policy import policy_from_settings
from desktop.operations.casework import Casework
from desktop.paths import store_path
from desktop.safety import backup, chainhead
from desktop.safety.checks import check_file
from desktop.safety.restore import restore
from desktop.safety.startup import examine
from desktop.storage import eventlog, projections
from desktop.storage.db import Db, writing
from desktop.storage.packing import register
from desktop.storage.store import Store
from desktop.sync import keys
from desktop.sync.identity import keys_of
from tests.helpers import TODAY, advance, make_application, make_store
from tests.sync_world import World
from tests.test_store import FIXTURES

SIGNATURE_WORDS = "签名"


def rewrite_history(path: Path, seq: int = 1, requested_fen: int = 9_900_000) -> None:
    """What an attacker without the key can do to a store file: change one event's
    payload, recompute every hash after it so the chain is whole, rebuild the ledger."""
    db = Db(sqlite3.connect(path))
    own = db.execute("SELECT id FROM workstation").fetchone()[0]
    events = [e for e in eventlog.all_events(db) if e.workstation_id == own]
    events.sort(key=lambda e: e.seq)
    prev = eventlog.GENESIS
    with writing(db):
        for event in events:
            payload = event.payload
            if event.seq == seq:
                payload = {**payload, "requested_fen": requested_fen}
            if event.seq >= seq:
                event = dataclasses.replace(event, prev_hash=prev, payload=payload,
                                            payload_json="", hash="")
                event = dataclasses.replace(event, hash=event.content_hash())
                db.execute("UPDATE event_log SET prev = ?, hash = ?, payload = ? WHERE"
                           " station = (SELECT n FROM stations WHERE id = ?) AND seq = ?",
                           [event.prev_hash, event.hash, event.payload_json, own, event.seq])
            prev = event.hash
        settings = {k: json.loads(v) for k, v in db.execute("SELECT key, value FROM settings")}
        projections.rebuild(db, policy_from_settings(settings))
    assert eventlog.verify_chain(db) == []  # consistent: the hash chain alone cannot tell
    db.close()


@pytest.fixture
def signed(tmp_path):
    """A village with cases whose officer's keys are open, and an automatic backup."""
    store = make_store(tmp_path)
    work = Casework(store, TODAY)
    for case_id in work.receive_many([make_application() for _ in range(3)]):
        advance(work, case_id, "investigated")
    keys_of(store)  # made at set-up, opened with the passphrase
    saved = backup.auto_backup(store, "close")
    last = store.db.execute("SELECT MAX(seq) FROM events").fetchone()[0]
    data_dir = store.path.parent
    store.close()
    return data_dir, saved, last


def heads(path: Path) -> list[tuple]:
    conn = register(sqlite3.connect(path))
    try:
        return conn.execute("SELECT seq, hash FROM chain_heads ORDER BY seq").fetchall()
    finally:
        conn.close()


def test_a_backup_carries_the_signed_head_and_passes_every_check(signed):
    data_dir, saved, last = signed
    ((seq, _hash),) = heads(saved)
    assert seq == last
    assert json.loads(chainhead.anchor_path(data_dir).read_text())["heads"][-1]["seq"] == last
    assert check_file(saved, full=True, keys_dir=data_dir).ok
    assert examine(data_dir).health.ok and examine(data_dir, full=True).health.ok


def test_doctor_catches_a_history_rewritten_and_rehashed(signed, capsys):
    data_dir, _saved, _last = signed
    rewrite_history(store_path(data_dir))
    assert main(["--data-dir", str(data_dir), "doctor"]) == 2
    out, err = capsys.readouterr()
    assert "事件日志与本机签名记录不符" in out and "relief-desk restore" in err
    assert not examine(data_dir).health.ok  # the quick start-up check too


def test_restore_refuses_a_rewritten_backup_and_changes_nothing(signed, tmp_path, capsys):
    data_dir, saved, _last = signed
    forged = tmp_path / saved.name
    shutil.copyfile(saved, forged)
    rewrite_history(forged, seq=2)
    before = store_path(data_dir).read_bytes()
    with pytest.raises(Refusal, match="不能用来恢复") as refused:
        restore(data_dir, forged, passphrase=None, officer_passphrase="口令123456")
    assert SIGNATURE_WORDS in str(refused.value)
    assert main(["--data-dir", str(data_dir), "restore", str(forged)]) == 2
    assert SIGNATURE_WORDS in capsys.readouterr().err
    assert store_path(data_dir).read_bytes() == before
    assert not list(data_dir.glob("replaced-*"))
    done = restore(data_dir, saved, passphrase=None, officer_passphrase="口令123456")
    assert done.events > 0  # the true backup still restores


def test_deleting_the_signed_heads_from_the_store_does_not_help(signed):
    data_dir, saved, _last = signed
    forged = store_path(data_dir)
    shutil.copyfile(saved, forged)  # the live store: the backup, rewritten, heads removed
    rewrite_history(forged)
    conn = register(sqlite3.connect(forged))
    conn.execute("DELETE FROM chain_heads")
    conn.commit()
    conn.close()
    assert "事件日志与本机签名记录不符" in examine(data_dir, full=True).health.problems[0]


def test_an_older_backup_is_held_to_the_newest_head_it_must_contain(signed, tmp_path):
    data_dir, older, last = signed
    store = Store.open(data_dir)
    Casework(store, TODAY).receive(make_application())
    newer = backup.auto_backup(store, "close")
    store.close()
    assert heads(newer)[-1][0] == last + 1 and check_file(older, full=True, keys_dir=data_dir).ok
    forged = tmp_path / older.name
    shutil.copyfile(older, forged)  # the older backup, rewritten, its own head removed
    rewrite_history(forged, seq=3)
    conn = register(sqlite3.connect(forged))
    conn.execute("DELETE FROM chain_heads")
    conn.commit()
    conn.close()
    with pytest.raises(Refusal, match="事件日志与本机签名记录不符"):
        restore(data_dir, forged, passphrase=None, officer_passphrase="口令123456")


def test_a_forged_signature_is_not_this_workstation_s(signed):
    data_dir, saved, _last = signed
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    rewrite_history(saved)
    conn = register(sqlite3.connect(saved))
    seq, digest = conn.execute("SELECT seq, hash FROM events ORDER BY seq DESC").fetchone()
    head = {"workstation_id": conn.execute("SELECT id FROM workstation").fetchone()[0],
            "seq": seq, "hash": digest, "signed_at": "2026-12-31T00:00:00+00:00"}
    forged = Ed25519PrivateKey.generate().sign(chainhead._message(head))
    import base64

    conn.execute("DELETE FROM chain_heads")
    conn.execute("INSERT INTO chain_heads VALUES (?, ?, ?, ?, ?)",
                 [head["workstation_id"], seq, digest, head["signed_at"],
                  base64.b64encode(forged).decode()])
    conn.commit()
    conn.close()
    (problem,) = check_file(saved, full=True, keys_dir=data_dir).problems
    assert "不是本机密钥签的" in problem


def test_without_a_signed_head_an_older_store_still_passes(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    shutil.copyfile(FIXTURES["0006"], store_path(data))
    Store.open(data).close()
    assert main(["--data-dir", str(data), "doctor"]) == 0
    assert heads(store_path(data)) == []


def test_keys_locked_at_backup_time_skip_the_claim_not_the_backup(tmp_path, monkeypatch):
    store = make_store(tmp_path)
    Casework(store, TODAY).receive(make_application())
    keys_of(store)
    keys.forget()
    monkeypatch.delenv(keys.PASSPHRASE_ENV)
    keys.set_prompt(lambda _text: pytest.fail("a backup must never ask for the passphrase"))
    try:
        saved = backup.auto_backup(store, "close")
    finally:
        keys.set_prompt(None)
    assert saved.exists() and heads(saved) == []
    assert not chainhead.anchor_path(store.path.parent).exists()
    store.close()


def test_a_key_reset_leaves_older_backups_verifiable(signed):
    data_dir, saved, _last = signed
    store = Store.open(data_dir)
    keys.reset(data_dir, store.workstation["id"], "新的口令123")
    keys.unlock(data_dir, store.workstation["id"], "新的口令123")
    Casework(store, TODAY).receive(make_application())
    newer = backup.auto_backup(store, "close")
    store.close()
    assert len(json.loads(chainhead.anchor_path(data_dir).read_text())["public_keys"]) == 2
    assert check_file(saved, full=True, keys_dir=data_dir).ok
    assert check_file(newer, full=True, keys_dir=data_dir).ok


def test_a_bundle_export_signs_the_head_in_the_live_store(tmp_path):
    w = World(tmp_path)
    try:
        w.cases_ready(w.a, 1)
        assert all(r.ok for r in w.send(w.a, w.township))
        last = w.a.db.execute("SELECT MAX(seq) FROM events WHERE workstation_id = ?",
                              [w.a.workstation["id"]]).fetchone()[0]
        assert heads(w.a.path)[-1][0] == last
        assert chainhead.check_head(w.a) == []
    finally:
        w.close()
