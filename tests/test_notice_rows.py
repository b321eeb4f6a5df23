"""The notice projections hold their rows in the projection batch (desktop/storage/
notice_rows.py) instead of reading and writing the tables at every event: on many random
runs of notice events, the tables they leave are those the statement-by-statement SQL
they replaced left (kept below as the reference), flushed mid-run or not."""

from __future__ import annotations

import random
from types import SimpleNamespace

import pytest

from desktop.operations.casework import Casework
from desktop.storage.notice_projections import apply
from desktop.storage.projection_batch import batched
from tests.helpers import TODAY, make_application, make_store

NOTICES = ("GS-2026-0001", "GS-2026-0002", "JG-2026-0003")


class Stop(Exception):
    """Raised to roll a run back, so the next run starts from the same store."""


# -- the reference: the SQL each event ran before (notice_projections.py at ffc6102) ------
def _ref_case(conn, case_id):
    cur = conn.execute("SELECT * FROM applications WHERE id = ?", [case_id])
    return dict(zip([d[0] for d in cur.description], cur.fetchone(), strict=True))


def _ref_row(cur):
    values = cur.fetchone()
    return None if values is None else dict(zip([d[0] for d in cur.description], values,
                                                strict=True))


def _ref_ensure(conn, key, kind, program, start, days, board, actor):
    conn.execute("INSERT OR IGNORE INTO notices (village_code, notice_id, kind, program,"
                 " start, days, board, issued_by, photo_count) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0)",
                 [*key, kind, program, start, days, board, actor])


def _ref_join(conn, key, app, amount, state):
    position = conn.execute("SELECT COUNT(*) FROM notice_cases WHERE village_code = ? AND"
                            " notice_id = ?", list(key)).fetchone()[0]
    row = {"village_code": key[0], "notice_id": key[1], "application_id": app["id"],
           "position": position + 1, "applicant_name": app["applicant_name"],
           "group_name": app["group_name"], "household_size": app["household_size"],
           "program": app["program"], "category": app["category"], "reason": app["reason"],
           "amount_fen": amount, "state": state, "objections": 0, "open_objections": 0,
           "ended_on": None}
    conn.execute(f"INSERT OR REPLACE INTO notice_cases ({', '.join(row)}) VALUES"
                 f" ({', '.join('?' * len(row))})", list(row.values()))


def _ref_update(conn, row, changes):
    sets = ", ".join(f"{k} = ?" for k in changes)
    conn.execute(f"UPDATE notice_cases SET {sets} WHERE village_code = ? AND notice_id = ?"
                 " AND application_id = ?", [*changes.values(), row["village_code"],
                                             row["notice_id"], row["application_id"]])


def _ref_on_notice(conn, case_id):
    return _ref_row(conn.execute("SELECT * FROM notice_cases WHERE application_id = ?"
                                 " AND state = 'on_notice'", [case_id]))


def _ref_maybe_closed(conn, row, on):
    key = [row["village_code"], row["notice_id"]]
    if not conn.execute("SELECT COUNT(*) FROM notice_cases WHERE village_code = ? AND"
                        " notice_id = ? AND state = 'on_notice'", key).fetchone()[0]:
        conn.execute("UPDATE notices SET closed_on = ? WHERE village_code = ? AND"
                     " notice_id = ?", [on, *key])


def reference(conn, e) -> None:
    f, village = e.payload, e.case_id.split("-", 1)[0]
    if e.type == "NoticePosted":
        app = _ref_case(conn, e.case_id)
        key = (village, f["notice_id"])
        _ref_ensure(conn, key, "initial", app["program"], f["start"], f["days"], f["board"],
                    e.actor)
        _ref_join(conn, key, app, app["proposed_fen"], "on_notice")
    elif e.type == "ResultPosted" and f.get("notice_id"):
        app = _ref_case(conn, e.case_id)
        key = (village, f["notice_id"])
        _ref_ensure(conn, key, "result", app["program"], f["date"], None, "", e.actor)
        _ref_join(conn, key, app, app["approved_fen"], "posted")
    elif e.type == "ResultNoticeIssued":
        _ref_ensure(conn, (f["village_code"], f["notice_id"]), "result", f["program"],
                    f["date"], f["days"], f["board"], e.actor)
    elif e.type == "ObjectionRecorded":
        row = _ref_on_notice(conn, e.case_id)
        if row:
            _ref_update(conn, row, {"objections": row["objections"] + 1,
                                    "open_objections": row["open_objections"] + 1})
    elif e.type == "ObjectionResolved":
        row = _ref_on_notice(conn, e.case_id)
        if row:
            changes = {"open_objections": max(row["open_objections"] - 1, 0)}
            if f.get("result") == "upheld":
                changes.update({"state": "withdrawn", "ended_on": f["date"]})
            _ref_update(conn, row, changes)
            _ref_maybe_closed(conn, row, f["date"])
    elif e.type == "NoticeClosed":
        row = _ref_on_notice(conn, e.case_id)
        if row:
            _ref_update(conn, row, {"state": "closed", "ended_on": f["date"]})
            _ref_maybe_closed(conn, row, f["date"])
    elif e.type == "NoticePhotoAttached":
        conn.execute("UPDATE notices SET photo_sha256 = ?, photo_name = ?, photo_on = ?,"
                     " photo_count = photo_count + 1 WHERE village_code = ? AND"
                     " notice_id = ?", [f["photo_sha256"], f["file_name"], f["date"],
                                        f["village_code"], f["notice_id"]])


# -- random runs ----------------------------------------------------------------------
def random_events(rng: random.Random, cases: list[str], village: str, n: int) -> list:
    out = []
    for i in range(n):
        case_id, notice = rng.choice(cases), rng.choice(NOTICES)
        day = f"2026-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        kind = rng.choice(["NoticePosted"] * 4 + ["ResultPosted"] * 2 + [
            "ResultNoticeIssued", "ObjectionRecorded", "ObjectionRecorded", "ObjectionResolved",
            "ObjectionResolved", "NoticeClosed", "NoticeClosed", "NoticePhotoAttached"])
        payload = {"NoticePosted": {"notice_id": notice, "start": day, "days": 7,
                                    "board": f"公示栏{i}"},
                   "ResultPosted": {"notice_id": rng.choice([notice, ""]), "date": day},
                   "ObjectionResolved": {"result": rng.choice(["upheld", "dismissed"]),
                                         "date": day},
                   "NoticeClosed": {"date": day},
                   "ObjectionRecorded": {"date": day}}.get(kind, {
                       "village_code": village, "notice_id": notice, "program": "临时救助",
                       "date": day, "days": 5, "board": "村委会", "photo_sha256": f"{i:064x}",
                       "file_name": f"p{i}.jpg"})
        if kind in ("ResultNoticeIssued", "NoticePhotoAttached"):
            case_id = f"{village}-{notice}"
        out.append(SimpleNamespace(type=kind, payload=payload, case_id=case_id,
                                   actor=f"officer{i % 3}"))
    return out


def tables(conn) -> list:
    return [conn.execute(f"SELECT * FROM {t} ORDER BY 1, 2, 3").fetchall()
            for t in ("notices", "notice_cases")]


@pytest.fixture
def village(tmp_path):
    store = make_store(tmp_path, "village")
    work = Casework(store, TODAY)
    ids = work.receive_many([make_application() for _ in range(5)])
    for case_id, fen in zip(ids, (100_00, 200_00, 300_00, 400_00, 500_00), strict=True):
        store.db.conn.execute("UPDATE applications SET proposed_fen = ?, approved_fen = ?"
                              " WHERE id = ?", [fen, fen + 1, case_id])
    yield store, ids
    store.close()


@pytest.mark.parametrize("seed", range(40))
def test_held_notice_rows_leave_the_tables_the_sql_left(village, seed):
    store, ids = village
    code = store.workstation["village_code"]
    rng = random.Random(seed)
    events = random_events(rng, ids, code, rng.randint(5, 80))
    flushes = {rng.randrange(len(events)) for _ in range(rng.randint(0, 3))}

    def run(project) -> list:
        try:
            with store.transaction():
                project()
                got = tables(store.db.conn)
                raise Stop
        except Stop:
            return got

    def by_sql():
        for e in events:
            reference(store.db.conn, e)

    def held():
        with batched(store.db) as batch:
            for i, e in enumerate(events):
                apply(store.db, e, None)
                if i in flushes:  # a batch written half-way (a rebuild's full batch)
                    batch.flush()

    expected = run(by_sql)
    assert run(held) == expected
    assert any(expected)  # the run did post something


def test_one_event_alone_is_written_at_once(village):
    """Outside a batch (a migration replaying the log), each event is in the tables as
    soon as it is applied."""
    store, ids = village
    code = store.workstation["village_code"]
    with store.transaction():
        apply(store.db, SimpleNamespace(type="NoticePosted", case_id=ids[0], actor="x",
                                        payload={"notice_id": NOTICES[0], "start": "2026-03-01",
                                                 "days": 7, "board": "栏"}), None)
        rows = store.db.conn.execute("SELECT village_code, notice_id, application_id, position,"
                                     " state FROM notice_cases").fetchall()
    assert rows == [(code, NOTICES[0], ids[0], 1, "on_notice")]
