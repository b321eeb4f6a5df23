"""A smaller store (issue 17, item 5; migration 0008): the history and the case no longer
repeat what the events hold, and a store of an older version, once migrated, shows the
same history and application as before and gives the space back."""

from __future__ import annotations

import json
import shutil
import sqlite3

from desktop.paths import store_path
from desktop.storage import eventlog
from desktop.storage.queries import application_documents, case_detail
from desktop.storage.store import Store
from tests.helpers import TODAY
from tests.test_store import FIXTURE_CASES, FIXTURES


def _as_stored_before(path) -> tuple[dict, dict]:
    """The summary and fields of each history row, and each case's document, as the
    older schema stored them."""
    conn = sqlite3.connect(path)
    try:
        history = {(ws, seq): (summary, json.loads(fields)) for ws, seq, summary, fields in
                   conn.execute("SELECT workstation_id, seq, summary, fields FROM history")}
        documents = {case_id: json.loads(doc) for case_id, doc in
                     conn.execute("SELECT id, document FROM applications")}
    finally:
        conn.close()
    return history, documents


def _opened(tmp_path, name: str) -> Store:
    data_dir = tmp_path / name
    data_dir.mkdir()
    shutil.copyfile(FIXTURES[name], store_path(data_dir))
    return Store.open(data_dir)


def test_an_older_store_shows_the_same_history_and_applications_once_migrated(tmp_path):
    history, documents = _as_stored_before(FIXTURES["0007"])
    store = _opened(tmp_path, "0007")
    for case_id, *_ in FIXTURE_CASES:
        detail = case_detail(store.db, case_id, TODAY, store.policy)
        assert detail["application"] == documents[case_id]
        for h in detail["history"]:
            assert (h["summary"], h["fields"]) == history[h["workstation_id"], h["seq"]]
    assert application_documents(store.db) == documents
    assert sorted(r[1] for r in store.db.execute("PRAGMA table_info(applications)")) == sorted(
        [c for c in _columns(FIXTURES["0007"], "applications") if c != "document"]
        + ["deliberation",  # 0009 adds the last deliberation's conclusion
           "county_decision",  # 0010: the county's decision on a referred case
           "investigated_income_fen"])  # 0012 the income a 低保 amount is reckoned from
    store.close()


def test_a_new_store_and_a_migrated_one_show_the_same_cases(tmp_path):
    old, new = _opened(tmp_path, "0007"), _opened(tmp_path, "0008")
    for case_id, *_ in FIXTURE_CASES:
        assert (case_detail(old.db, case_id, TODAY, old.policy)
                == case_detail(new.db, case_id, TODAY, new.policy))
    old.close()
    new.close()


def test_the_migrated_store_is_smaller_and_keeps_its_log_in_order(tmp_path):
    before = FIXTURES["0007"].stat().st_size
    conn = sqlite3.connect(FIXTURES["0007"])
    order = conn.execute("SELECT workstation_id, seq FROM events ORDER BY rowid").fetchall()
    conn.close()
    store = _opened(tmp_path, "0007")
    assert [(e.workstation_id, e.seq) for e in eventlog.all_events(store.db)] == order
    store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    # VACUUMed: the old pages given back (each table or index a later migration adds
    # takes a page of its own, empty)
    added = len(_objects(store.path) - _objects(FIXTURES["0007"]))
    page = store.db.execute("PRAGMA page_size").fetchone()[0]
    assert store.path.stat().st_size < before * 0.9 + added * page
    assert "fields" not in {r[1] for r in store.db.execute("PRAGMA table_info(case_steps)")}
    store.close()


def _objects(path) -> set[str]:
    conn = sqlite3.connect(path)
    try:
        return {r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE rootpage > 0")}
    finally:
        conn.close()


def _columns(path, table: str) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]
    finally:
        conn.close()
