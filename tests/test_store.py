"""The store: creating and opening a workstation, one transaction per operation, the hash
chain, case numbers, 一事一次 and settings that move due dates."""

from __future__ import annotations

import json
import shutil
import sqlite3
from datetime import date
from pathlib import Path

import pytest

import desktop.storage.store as store_module
from desktop.core.errors import Refusal, ValidationFailed
from desktop.core.ways import CLI, render
from desktop.operations.casework import Casework
from desktop.paths import store_path
from desktop.storage import eventlog
from desktop.storage.migrations import KNOWN, MIGRATION_SET
from desktop.storage.queries import LedgerFilter, case_detail, ledger_page
from desktop.storage.store import Store
from tests.helpers import (
    ORDINARY_PATH,
    TODAY,
    VILLAGE,
    advance,
    edit_payloads,
    event_count,
    make_application,
    make_id,
    make_store,
    projection_rows,
)


@pytest.fixture
def store(tmp_path):
    s = make_store(tmp_path)
    yield s
    s.close()


@pytest.fixture
def work(store):
    return Casework(store, today=TODAY)


# --- init ----------------------------------------------------------------------------------

@pytest.mark.parametrize("change, path", [
    ({"role": "province"}, "role"),
    ({"role": "county"}, "township_code"),  # a county names no township or village
    ({"county_code": "4305"}, "county_code"),
    ({"township_code": "43052210"}, "township_code"),
    ({"village_code": ""}, "village_code"),
    ({"village_code": "430522999201"}, "village_code"),  # not inside its township
    ({"township_code": "430611101"}, "township_code"),  # not inside its county
    ({"officer": " "}, "officer"),
    ({"village": ""}, "village"),
])
def test_init_refuses_a_bad_identity_naming_the_field(tmp_path, change, path):
    data_dir = tmp_path / "data"
    with pytest.raises(ValidationFailed) as caught:
        Store.create(data_dir, dict(VILLAGE, **change))
    assert path in [e.path for e in caught.value.errors]
    assert not store_path(data_dir).exists()


def test_init_refuses_an_unknown_identity_field(tmp_path):
    with pytest.raises(ValidationFailed) as caught:
        Store.create(tmp_path / "data", dict(VILLAGE, village_head="李"))
    assert [e.path for e in caught.value.errors] == ["village_head"]


def test_a_township_needs_no_village(tmp_path):
    s = make_store(tmp_path, role="township")
    assert (s.workstation["role"], s.workstation["village_code"]) == ("township", "")
    s.close()


def test_init_refuses_a_directory_that_already_holds_a_workstation(tmp_path):
    data_dir = tmp_path / "data"
    first = Store.create(data_dir, VILLAGE)
    Casework(first, today=TODAY).receive(make_application())
    first_id = first.workstation["id"]
    first.close()
    with pytest.raises(Refusal) as caught:
        Store.create(data_dir, dict(VILLAGE, officer="另一人"))
    assert "--data-dir" in render(caught.value.message, CLI)
    again = Store.open(data_dir)
    assert again.workstation["id"] == first_id
    assert again.workstation["officer"] == VILLAGE["officer"]
    assert again.db["applications"].count == 1
    again.close()


def test_a_new_store_opens_again_with_its_identity(tmp_path):
    data_dir = tmp_path / "data"
    Store.create(data_dir, VILLAGE).close()
    s = Store.open(data_dir)
    assert {k: s.workstation[k] for k in VILLAGE} == VILLAGE
    assert len(s.workstation["id"]) == 32
    s.close()


# --- open -----------------------------------------------------------------------------------

def test_open_refuses_a_missing_directory(tmp_path):
    with pytest.raises(Refusal) as caught:
        Store.open(tmp_path / "nowhere")
    assert "init" in caught.value.message
    assert not (tmp_path / "nowhere").exists()


def test_open_refuses_a_file_that_is_not_a_database(tmp_path):
    store_path(tmp_path).write_text("这不是数据库\n" * 100, encoding="utf-8")
    with pytest.raises(Refusal) as caught:
        Store.open(tmp_path)
    assert "不是有效的数据库文件" in caught.value.message


def _foreign_db(tmp_path):
    conn = sqlite3.connect(store_path(tmp_path))
    conn.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY, name TEXT)")
    conn.execute("INSERT INTO photos (name) VALUES ('全家福')")
    conn.commit()
    conn.close()


def _tables(path) -> set[str]:
    conn = sqlite3.connect(path)
    try:
        return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    finally:
        conn.close()


def test_open_refuses_a_database_of_another_program(tmp_path):
    _foreign_db(tmp_path)
    with pytest.raises(Refusal) as caught:
        Store.open(tmp_path)
    assert "不是民生救助工作台的数据文件" in caught.value.message


def test_refusing_a_database_of_another_program_leaves_it_untouched(tmp_path):
    _foreign_db(tmp_path)
    with pytest.raises(Refusal):
        Store.open(tmp_path)
    assert _tables(store_path(tmp_path)) == {"photos"}


def test_open_refuses_a_database_from_a_newer_version(tmp_path):
    data_dir = tmp_path / "data"
    Store.create(data_dir, VILLAGE).close()
    conn = sqlite3.connect(store_path(data_dir))
    conn.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at)"
                 " VALUES (?, ?, ?)", [MIGRATION_SET, "0099_from_the_future", "2030-01-01"])
    conn.commit()
    conn.close()
    with pytest.raises(Refusal) as caught:
        Store.open(data_dir)
    assert "更新版本" in caught.value.message
    assert "0099_from_the_future" in caught.value.message
    assert not list(data_dir.glob("*.bak"))  # nothing was migrated


def test_a_current_store_is_not_migrated_again(tmp_path):
    data_dir = tmp_path / "data"
    Store.create(data_dir, VILLAGE).close()
    s = Store.open(data_dir)
    applied = [r["name"] for r in s.db.query(
        "SELECT name FROM _sqlite_migrations WHERE migration_set = ?", [MIGRATION_SET])]
    assert applied == KNOWN
    assert not list(data_dir.glob("*.bak"))
    s.close()


def test_the_store_uses_wal_and_foreign_keys(store):
    assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert store.db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL


# --- one transaction per operation ---------------------------------------------------------

class Crash(Exception):
    pass


def _crash_after(real):
    def apply_then_crash(db, event, policy):
        real(db, event, policy)  # the event row and its projection are written …
        raise Crash("power cut")  # … and then the work stops
    return apply_then_crash


def _crash_before_projection(db, event, policy):
    raise Crash("power cut")


@pytest.mark.parametrize("crash", ["after_projection", "before_projection"])
def test_a_failure_in_the_middle_of_a_step_leaves_no_partial_change(work, monkeypatch,
                                                                    crash):
    case_id = work.receive(make_application())
    advance(work, case_id, "investigated")
    events, before = event_count(work.db), projection_rows(work.db)
    patched = (_crash_after(store_module.apply_event) if crash == "after_projection"
               else _crash_before_projection)
    monkeypatch.setattr(store_module, "apply_event", patched)
    with pytest.raises(Crash):
        work.step(case_id, "deliberate", dict(ORDINARY_PATH)["deliberate"])
    assert event_count(work.db) == events
    assert projection_rows(work.db) == before
    monkeypatch.undo()
    # The store carries on: the next event takes the next number and the chain is whole.
    assert work.step(case_id, "deliberate", dict(ORDINARY_PATH)["deliberate"]) == "deliberated"
    assert eventlog.last_of(work.db, work.store.workstation["id"])[0] == events + 1
    assert eventlog.verify_chain(work.db) == []


def test_a_failure_while_receiving_the_second_record_keeps_the_first_out(work, monkeypatch):
    real = store_module.apply_event
    calls = []

    def crash_on_second(db, event, policy):
        calls.append(event.seq)
        real(db, event, policy)
        if len(calls) == 2:
            raise Crash("disk full")

    monkeypatch.setattr(store_module, "apply_event", crash_on_second)
    with pytest.raises(Crash):
        work.receive_many([make_application(), make_application(), make_application()])
    assert event_count(work.db) == 0
    assert all(rows == [] for rows in projection_rows(work.db).values())


def test_the_data_survives_closing_and_opening(tmp_path):
    data_dir = tmp_path / "data"
    s = Store.create(data_dir, VILLAGE)
    work = Casework(s, today=TODAY)
    case_id = work.receive(make_application())
    advance(work, case_id, "reviewed")
    before = projection_rows(s.db)
    s.close()
    again = Store.open(data_dir)
    assert projection_rows(again.db) == before
    again.close()


# --- the hash chain ------------------------------------------------------------------------

def test_the_hash_chain_verifies(work):
    for _ in range(2):
        advance(work, work.receive(make_application()), "on_notice")
    assert event_count(work.db) == 10
    assert eventlog.verify_chain(work.db) == []
    seqs = [r[0] for r in work.db.execute("SELECT seq FROM events ORDER BY seq")]
    assert seqs == list(range(1, 11))


def test_an_altered_payload_is_detected(work):
    case_id = work.receive(make_application())
    advance(work, case_id, "deliberated")
    assert edit_payloads(work.db, "情况属实", "情况不实", "seq = 2") == 1
    work.db.conn.commit()
    problems = eventlog.verify_chain(work.db)
    assert len(problems) == 1
    assert "事件 2" in problems[0] and "改动" in problems[0]


def test_a_payload_stored_in_other_spacing_is_the_same_content(work):
    """The check hashes the stored text, and parses it only when that differs: the same
    content written with other spacing or key order is not an alteration."""
    work.receive(make_application())
    (payload,) = work.db.execute("SELECT payload FROM events WHERE seq = 1").fetchone()
    spaced = json.dumps(json.loads(payload), ensure_ascii=False, indent=2)
    assert spaced != payload
    work.db.execute("UPDATE event_log SET payload = ? WHERE seq = 1", [spaced])
    work.db.conn.commit()
    assert eventlog.verify_chain(work.db) == []


def test_an_altered_amount_is_detected(work):
    work.receive(make_application())
    assert edit_payloads(work.db, '"requested_fen":300000', '"requested_fen":3000000',
                         "seq = 1") == 1
    work.db.conn.commit()
    assert any("事件 1" in p for p in eventlog.verify_chain(work.db))


def test_a_removed_event_is_detected(work):
    advance(work, work.receive(make_application()), "reviewed")
    work.db.execute("DELETE FROM event_log WHERE seq = 2")
    work.db.conn.commit()
    problems = eventlog.verify_chain(work.db)
    assert any("缺失" in p for p in problems)


# --- case numbers -------------------------------------------------------------------------

def test_case_numbers_are_sequential_per_year(work):
    def receive(on):
        return work.receive(make_application(received_on=on))

    got = [receive("2026-03-01"), receive("2025-12-30"), receive("2026-03-02"),
           receive("2025-12-31"), receive("2026-01-05")]
    assert got == ["430522101201-2026-0001", "430522101201-2025-0001",
                   "430522101201-2026-0002", "430522101201-2025-0002",
                   "430522101201-2026-0003"]


def test_case_numbers_continue_after_reopening(tmp_path):
    data_dir = tmp_path / "data"
    s = Store.create(data_dir, VILLAGE)
    Casework(s, today=TODAY).receive_many([make_application(), make_application()])
    s.close()
    s = Store.open(data_dir)
    assert Casework(s, today=TODAY).receive(make_application()) == "430522101201-2026-0003"
    s.close()


# --- 一事一次 ------------------------------------------------------------------------------

def _same_applicant(id_number: str, **kw) -> dict:
    doc = make_application(**kw)
    doc["applicant"]["id_number"] = id_number
    return doc


def _repeat_flags(work, ids) -> list[int]:
    return [work.db["applications"].get(i)["repeat_reason"] for i in ids]


def test_same_applicant_same_reason_same_year_flags_both(work):
    person = make_id(date(1968, 4, 4))
    first = work.receive(_same_applicant(person, received_on="2026-03-01"))
    assert _repeat_flags(work, [first]) == [0]
    second = work.receive(_same_applicant(person, received_on="2026-10-01"))
    assert _repeat_flags(work, [first, second]) == [1, 1]


def test_a_different_year_is_not_a_repeat(work):
    person = make_id(date(1968, 4, 4))
    ids = [work.receive(_same_applicant(person, received_on="2025-10-01")),
           work.receive(_same_applicant(person, received_on="2026-10-01"))]
    assert _repeat_flags(work, ids) == [0, 0]


def test_a_different_reason_or_another_person_is_not_a_repeat(work):
    person = make_id(date(1968, 4, 4))
    ids = [work.receive(_same_applicant(person)),
           work.receive(_same_applicant(person, reason="education")),
           work.receive(_same_applicant(make_id(date(1968, 4, 4))))]
    assert _repeat_flags(work, ids) == [0, 0, 0]


# --- settings -----------------------------------------------------------------------------

def _due(work, case_id) -> str:
    return work.db["applications"].get(case_id)["due_on"]


def test_changing_a_setting_recomputes_due_dates(tmp_path):
    data_dir = tmp_path / "data"
    s = Store.create(data_dir, VILLAGE)
    work = Casework(s, today=TODAY)
    friday = work.receive(make_application(received_on="2026-11-06"))
    assert _due(work, friday) == "2026-11-11"  # Mon, Tue, Wed
    s.set_settings({"investigation_start_days": 5})
    assert _due(work, friday) == "2026-11-13"
    s.set_settings({"holidays": ["2026-11-09"]})
    assert _due(work, friday) == "2026-11-16"
    s.close()
    again = Store.open(data_dir)
    assert again.policy.investigation_start_days == 5
    assert again.policy.holidays == (date(2026, 11, 9),)
    assert again.db["applications"].get(friday)["due_on"] == "2026-11-16"
    again.close()


@pytest.mark.parametrize("change", [{"investigation_start_days": -1},
                                    {"investigation_start_days": 2.5},
                                    {"no_such_setting": 1},
                                    {"holidays": ["2026-13-01"]},
                                    {"deliberation_skippable": "yes"}])
def test_a_bad_setting_is_refused_and_changes_nothing(work, change):
    case_id = work.receive(make_application(received_on="2026-11-06"))
    settings = list(work.db.query("SELECT * FROM settings"))
    with pytest.raises(Refusal):
        work.store.set_settings(change)
    assert list(work.db.query("SELECT * FROM settings")) == settings
    assert work.store.policy.investigation_start_days == 3
    assert _due(work, case_id) == "2026-11-11"


# --- the committed fixture DBs: one per released schema version --------------------------

FIXTURES = {name: Path(__file__).parent / "fixtures" / f"schema-{name}.sqlite3"
            for name in ("0001", "0005", "0006", "0007", "0008", "0009", "0012", "0013",
                         "0015", "0016", "0017")}
FIXTURE = FIXTURES["0001"]
FIXTURE_CASES = [
    ("430522101201-2026-0001", "submitted", "张桂英", 1),
    ("430522101201-2026-0002", "on_notice", "王䶮", 0),
    ("430522101201-2026-0003", "paid_first", "阿不都热依木·买买提", 0),
    ("430522101201-2026-0004", "rejected_village", "张桂英", 1),
    ("430522101201-2026-0005", "draft", "赵堃", 0),
    ("430522101201-2026-0006", "refused", "周𠮷祥", 0),
]


@pytest.fixture(params=sorted(FIXTURES))
def fixture_store(request, tmp_path):
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    shutil.copyfile(FIXTURES[request.param], store_path(data_dir))
    s = Store.open(data_dir)
    s.fixture_is_older = request.param != KNOWN[-1][:4]
    yield s
    s.close()


@pytest.mark.parametrize("name", sorted(FIXTURES))
def test_the_fixture_is_one_self_contained_file(name):
    fixture = FIXTURES[name]
    assert fixture.exists()
    assert not fixture.with_name(fixture.name + "-wal").exists()
    assert fixture.stat().st_size < 200_000


def test_each_fixture_opens_and_lists_its_cases(fixture_store):
    s = fixture_store
    assert s.workstation["id"] == "5c1a7e0d000140008000430522101201"
    assert (s.workstation["role"], s.workstation["village"]) == ("village", "石门村")
    assert s.policy.holidays == (date(2026, 10, 1), date(2026, 10, 2), date(2026, 10, 5))
    rows = ledger_page(s.db, LedgerFilter(), 0, 100)
    got = sorted((r["id"], r["status"], r["applicant_name"], r["repeat_reason"]) for r in rows)
    assert got == FIXTURE_CASES
    detail = case_detail(s.db, "430522101201-2026-0002", TODAY, s.policy)
    assert [(o["objection_id"], o["status"]) for o in detail["objections"]] == [
        ("YY-1", "closed"), ("YY-2", "open")]
    assert detail["application"]["members"][0]["name"] == "王喆"
    backups = list(Path(s.path).parent.glob("*.bak"))
    assert bool(backups) == s.fixture_is_older  # copied before any later migration


def test_the_fixture_chain_verifies_and_rebuild_equals_its_projections(fixture_store):
    s = fixture_store
    assert event_count(s.db) == 24
    assert eventlog.verify_chain(s.db) == []
    before = projection_rows(s.db, parse_json=True)
    assert s.rebuild() == 24
    assert projection_rows(s.db, parse_json=True) == before


def test_work_continues_on_the_fixture(fixture_store):
    work = Casework(fixture_store, today=date(2026, 11, 20))
    case_id = "430522101201-2026-0002"
    with pytest.raises(ValidationFailed):
        work.step(case_id, "close_notice", {"date": "2026-11-20"})  # YY-2 still open
    work.step(case_id, "resolve_objection", {"objection_id": "YY-2", "date": "2026-11-16",
                                             "how_checked": "子女收入已核实",
                                             "result": "dismissed"})
    assert work.step(case_id, "close_notice", {"date": "2026-11-20"}) == "notice_done"
    assert work.receive(make_application()) == "430522101201-2026-0007"
    assert eventlog.verify_chain(fixture_store.db) == []
