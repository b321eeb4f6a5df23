"""Projections of the objections to a 低保变动公示 (core/dibao_objection.py), kept apart
from the rest of 低保's: the lines each change notice posted (`dibao_change_lines`), the
objections (`dibao_objections`), and what an objection does to the household's payment.

An objection holds the household's change only when the line it names is the change in
force (`dibao_households.last_change`, the decided-on day and first month of the last
enrollment or decided change): the amount before it is paid meanwhile (`held_fen`; a
stop is not carried out). Upheld, the change is undone — the household keeps the amount
it had, is not stopped, and its 复核 falls due in the month of the result (`recheck`
names the objection). Dismissed, the change is paid as decided once no other objection
holds it. A later decision replaces the change, and with it any hold."""

from __future__ import annotations

import json

from desktop.core import dibao

LINE_SQL = ("INSERT INTO dibao_change_lines (village_code, notice_id, position, case_id,"
            " change, decided_on, from_month, old_fen, new_fen, notice_date, days)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
CHANGE_EVENTS = {"Approved": "start_month", "DibaoReviewDecided": "from_month"}


def change_key(decided_on: str, from_month: str) -> str:
    return f"{decided_on}/{from_month}"


def change_lines(f: dict) -> list[tuple]:
    return [(f["village_code"], f["notice_id"], i, ln["case_id"], ln["change"],
             ln["decided_on"], ln["from_month"], ln["old_fen"], ln["new_fen"], f["date"],
             f["days"]) for i, ln in enumerate(f["changes"], 1)]


def last_change_of(db) -> list[tuple[str, str]]:
    """(case, key of its change in force) from the log: for a store migrated to 0017."""
    last: dict[str, tuple] = {}
    for case_id, type_, payload in db.execute(
            "SELECT case_id, type, payload FROM events WHERE type IN ('Approved',"
            " 'DibaoReviewDecided') ORDER BY rowid"):
        f = json.loads(payload)
        if (type_ == "Approved" and not f.get("dibao_class")) or f.get("outcome") == "continue":
            continue
        key = (f["date"], f[CHANGE_EVENTS[type_]])
        last[case_id] = max(last.get(case_id, key), key)
    return [(case_id, change_key(*key)) for case_id, key in last.items()]


def objection_facts(db, case_id: str) -> dict:
    """What the rule book checks an objection against: the notices that posted a line
    for the household (its period) and its objections (open or closed)."""
    posted: dict[str, dict] = {}
    for notice_id, on, days, change in db.conn.execute(
            "SELECT notice_id, notice_date, days, change FROM dibao_change_lines"
            " WHERE case_id = ? ORDER BY notice_date, position", [case_id]):
        posted.setdefault(notice_id, {"date": on, "days": days, "changes": []})
        posted[notice_id]["changes"].append(change)
    objections = {oid: {"status": status, "received_on": on, "notice_id": notice_id}
                  for oid, status, on, notice_id in db.conn.execute(
                      "SELECT objection_id, status, received_on, notice_id"
                      " FROM dibao_objections WHERE case_id = ?", [case_id])}
    return {"posted": posted, "objections": objections}


def _household(db, case_id: str) -> tuple:
    return db.conn.execute("SELECT last_change, held_fen FROM dibao_households"
                           " WHERE case_id = ?", [case_id]).fetchone()


def _recorded(db, e) -> None:
    f, village = e.payload, e.case_id.split("-", 1)[0]
    last, held_fen = _household(db, e.case_id)
    lines = db.conn.execute("SELECT decided_on, from_month, old_fen FROM dibao_change_lines"
                            " WHERE village_code = ? AND notice_id = ? AND case_id = ?",
                            [village, f["notice_id"], e.case_id]).fetchall()
    in_force = [old for on, month, old in lines if change_key(on, month) == last]
    if in_force and held_fen is None:
        db.conn.execute("UPDATE dibao_households SET held_fen = ? WHERE case_id = ?",
                        [in_force[0], e.case_id])
    db.conn.execute(
        "INSERT INTO dibao_objections (case_id, objection_id, notice_id, village_code,"
        " received_on, from_whom, content, held_change, status)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'open')",
        [e.case_id, f["objection_id"], f["notice_id"], village, f["received_on"],
         f.get("from", ""), f["content"], last if in_force else None])


def _resolved(db, e) -> None:
    f = e.payload
    key = [e.case_id, f["objection_id"]]
    done = db.conn.execute("SELECT held_change FROM dibao_objections WHERE case_id = ?"
                           " AND objection_id = ? AND status = 'open'", key).fetchone()
    if done is None:  # no such open objection: an import refuses the event
        raise KeyError(f"{e.case_id} {f['objection_id']}")
    db.conn.execute("UPDATE dibao_objections SET status = 'closed', result = ?,"
                    " how_checked = ?, reason = ?, closed_on = ? WHERE case_id = ?"
                    " AND objection_id = ?",
                    [f["result"], f["how_checked"], f.get("reason", ""), f["date"], *key])
    last, held_fen = _household(db, e.case_id)
    if done[0] is None or done[0] != last or held_fen is None:
        return  # it held nothing, or a later decision replaced the change
    if f["result"] == "upheld":
        db.conn.execute(
            "UPDATE dibao_households SET monthly_fen = held_fen, held_fen = NULL,"
            " stopped_month = NULL, exit_from = NULL, stop_reason = NULL, stop_kind = NULL,"
            " stopped_on = NULL, last_change = NULL, next_review = ?, recheck = ?"
            " WHERE case_id = ?", [dibao.month_of(f["date"]), f["objection_id"], e.case_id])
        return
    holding = db.conn.execute("SELECT COUNT(*) FROM dibao_objections WHERE case_id = ?"
                              " AND status = 'open' AND held_change = ?",
                              [e.case_id, last]).fetchone()[0]
    if not holding:
        db.conn.execute("UPDATE dibao_households SET held_fen = NULL WHERE case_id = ?",
                        [e.case_id])


OBJECTION_EVENTS = {"DibaoObjectionRecorded": _recorded, "DibaoObjectionResolved": _resolved}
