"""A smaller store (issue 17, migration 0013): a case's steps, members, objections and
notice lines are kept once, in the order of their key, and the members hold only what is
looked up; every reader still finds the same things, in a new store and a migrated one."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from desktop.operations.casework import Casework
from desktop.paths import store_path
from desktop.storage.queries import case_detail
from desktop.storage.store import Store
from tests.helpers import TODAY, advance, make_application, make_store

LEAN = ("case_steps", "members", "objections", "notice_cases")
FIXTURE_0012 = Path(__file__).parent / "fixtures" / "schema-0012.sqlite3"


def _stored_keys(conn) -> set[str]:
    """The b-trees SQLite made only to hold a table's key a second time."""
    return {name for (name,) in conn.execute("SELECT DISTINCT name FROM dbstat")
            if any(name.startswith(f"sqlite_autoindex_{t}_") for t in LEAN)}


def test_a_case_s_rows_are_stored_once_in_the_order_of_their_key(tmp_path):
    store = make_store(tmp_path)
    work = Casework(store, TODAY)
    (case_id,) = work.receive_many([make_application()])
    advance(work, case_id, "on_notice")
    assert _stored_keys(store.db.conn) == set()
    assert store.db.execute("SELECT COUNT(*) FROM case_steps").fetchone()[0] >= 4
    store.close()


def test_members_hold_who_they_are_and_the_case_still_shows_all_of_them(tmp_path):
    store = make_store(tmp_path)
    doc = make_application()
    (case_id,) = Casework(store, TODAY).receive_many([doc])
    columns = [r[1] for r in store.db.execute("PRAGMA table_info(members)")]
    assert columns == ["application_id", "position", "name", "id_number"]
    shown = case_detail(store.db, case_id, TODAY, store.policy)["application"]["members"]
    assert [(m["name"], m["relation"]) for m in shown] == [
        (m["name"], m["relation"]) for m in doc["members"]]
    assert all(m["sex"] and m["birth_date"] and m["health"] and m["work_ability"]
               for m in shown)
    store.close()


def test_a_store_of_0012_keeps_its_steps_members_and_objections(tmp_path):
    old = sqlite3.connect(FIXTURE_0012)
    before = {t: sorted(old.execute(f"SELECT {cols} FROM {t}").fetchall()) for t, cols in (
        ("case_steps", "*"), ("members", "application_id, position, name, id_number"),
        ("objections", "*"), ("notice_cases", "*"))}
    old.close()
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    shutil.copyfile(FIXTURE_0012, store_path(data_dir))
    store = Store.open(data_dir)
    after = {t: sorted(store.db.execute(f"SELECT * FROM {t}").fetchall()) for t in before}
    assert after == before and all(before.values())
    assert _stored_keys(store.db.conn) == set()
    history = store.db.execute("SELECT COUNT(*) FROM history WHERE fields IS NOT NULL")
    assert history.fetchone()[0] == len(before["case_steps"])
    store.close()


def test_a_column_0013_does_not_know_is_never_dropped(tmp_path):
    """Should a later migration (merged in another order) have added a column to one of
    these tables, migrating stops and the store is left as it was."""
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    shutil.copyfile(FIXTURE_0012, store_path(data_dir))
    conn = sqlite3.connect(store_path(data_dir))
    conn.execute("ALTER TABLE objections ADD COLUMN reviewed_by TEXT")
    conn.commit()
    conn.close()
    with pytest.raises(RuntimeError, match="reviewed_by"):
        Store.open(data_dir)
    conn = sqlite3.connect(store_path(data_dir))
    columns = [r[1] for r in conn.execute("PRAGMA table_info(objections)")]
    assert "reviewed_by" in columns and _stored_keys(conn)
    conn.close()
