"""Projections: the tables the GUI reads, computed from the event log.

`apply_event` is the only code that writes them, both live (in the same transaction as the
event) and in `rebuild`, so rebuilding reproduces them exactly."""

from __future__ import annotations

import functools
from datetime import date

from sqlite_utils import Database
from sqlite_utils.db import NotFoundError

from desktop.core.deadlines import calendar_for, due_for
from desktop.core.policy import Policy
from desktop.core.summary import summarize_receipt, summarize_step
from desktop.core.workflow import ACTIONS, EVENT_TYPES, RECEIVED_EVENT
from desktop.storage.eventlog import Event, all_events, canonical
from desktop.storage.migrations import PROJECTION_TABLES

ACTION_OF_TYPE = {t: a for a, t in EVENT_TYPES.items()}


# Projections of other features: modules with TABLES (their projection tables, emptied by
# rebuild) and apply(db, event, policy), called for every event after the case projections.
FEATURE_PROJECTIONS = ("desktop.storage.notice_projections", "desktop.storage.sync_projections")


_FEATURES: list = []


def _features():
    """Imported once: apply_event runs for every event, a million times in a rebuild."""
    if not _FEATURES:
        import importlib

        _FEATURES.extend(importlib.import_module(name) for name in FEATURE_PROJECTIONS)
    return _FEATURES


# Plain SQL rather than sqlite-utils' table API: that API reads the table's schema on every
# call, which made projecting (live, rebuild, import) five times slower than writing.
_SQL: dict[tuple, str] = {}


def _insert(db: Database, table: str, row: dict) -> None:
    key = (table, *row)
    sql = _SQL.get(key)
    if sql is None:
        sql = _SQL[key] = (f"INSERT INTO {table} ({', '.join(row)})"
                           f" VALUES ({', '.join('?' * len(row))})")
    db.conn.execute(sql, list(row.values()))


def _update_case(db: Database, case_id: str, changes: dict) -> None:
    sets = ", ".join(f"{k} = ?" for k in changes)
    db.conn.execute(f"UPDATE applications SET {sets} WHERE id = ?", [*changes.values(), case_id])


def case_row(db: Database, case_id: str) -> dict:
    """The projected case as a dict (NotFoundError, as sqlite-utils' get, if absent)."""
    cur = db.conn.execute("SELECT * FROM applications WHERE id = ?", [case_id])
    values = cur.fetchone()
    if values is None:
        raise NotFoundError(case_id)
    return dict(zip([d[0] for d in cur.description], values, strict=True))


def apply_event(db: Database, event: Event, policy: Policy) -> None:
    if event.type == RECEIVED_EVENT:
        _receive(db, event, policy)
    elif event.type in ACTION_OF_TYPE:
        _step(db, event, ACTION_OF_TYPE[event.type], policy)
    for feature in _features():
        feature.apply(db, event, policy)
    # Unknown types (from a newer peer) stay in the log; they do not touch projections.


def rebuild(db: Database, policy: Policy) -> int:
    """Drop and recompute every projection from the log; returns the events replayed."""
    for feature in _features():
        for table in feature.TABLES:
            db.execute(f"DELETE FROM {table}")
    for table in PROJECTION_TABLES:
        db.execute(f"DELETE FROM {table}")
    n = 0
    for event in all_events(db):
        apply_event(db, event, policy)
        n += 1
    return n


def _receive(db: Database, e: Event, policy: Policy) -> None:
    doc = e.payload
    a = doc["applicant"]
    received = date.fromisoformat(doc["received_on"])
    status = "draft" if doc.get("draft") else "received"
    row = {
        "id": e.case_id, "status": status, "program": doc["program"],
        "category": doc["category"], "reason": doc["reason"],
        "applicant_name": a["name"], "applicant_id_number": a["id_number"],
        "applicant_sex": a["sex"], "applicant_birth_date": a["birth_date"],
        "group_name": a["group"], "household_size": doc["household_size"],
        "requested_fen": doc["requested_fen"], "proposed_fen": None, "approved_fen": None,
        "paid_first_fen": None, "paid_first_on": None, "paid_fen": None, "received_on": doc["received_on"],
        "status_on": doc["received_on"], "year": received.year,
        "officer_relative": int(doc.get("officer_relative", False)),
        "repeat_reason": 0, "over_cap": _over_cap(doc["program"], doc["requested_fen"], policy),
        "notice_id": None, "notice_start": None, "notice_days": None,
        "document": canonical(doc), "origin": e.workstation_id,
    }
    row.update(_due(row, policy))
    _insert(db, "applications", row)
    db.conn.executemany(
        "INSERT INTO members (application_id, position, name, id_number, sex, birth_date,"
        " relation, health, work_ability) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(e.case_id, i, m["name"], m["id_number"], m["sex"], m["birth_date"], m["relation"],
          m["health"], m["work_ability"]) for i, m in enumerate(doc.get("members", []))])
    _flag_repeat(db, e.case_id, a["id_number"], doc["reason"], received.year)
    _history(db, e, "receive", doc["received_on"], summarize_receipt(doc), doc, status)


def _flag_repeat(db: Database, case_id: str, id_number: str, reason: str, year: int) -> None:
    """一事一次: the same applicant, the same reason, the same year → flag every such case."""
    others = db.execute(
        "SELECT id FROM applications WHERE applicant_id_number = ? AND reason = ? AND year = ?"
        " AND id != ?", [id_number, reason, year, case_id]).fetchall()
    if others:
        ids = [case_id] + [r[0] for r in others]
        marks = ",".join("?" * len(ids))
        db.execute(f"UPDATE applications SET repeat_reason = 1 WHERE id IN ({marks})", ids)


def _step(db: Database, e: Event, code: str, policy: Policy) -> None:
    f = e.payload
    row = case_row(db, e.case_id)
    on = f.get("date") or f.get("start") or f.get("received_on") or row["status_on"]
    status = ACTIONS[code].target(f).value
    changes = {"status": status, "status_on": on}
    changes.update(_STEP_FIELDS.get(code, lambda f, p: {})(f, policy))
    if changes.get("proposed_fen"):
        changes["over_cap"] = _over_cap(row["program"], changes["proposed_fen"], policy)
    if code == "resolve_objection":
        _close_objection(db, e.case_id, f)
    if code == "objection":
        _insert(db, "objections", {
            "application_id": e.case_id, "objection_id": f["objection_id"],
            "received_on": f["received_on"], "from_whom": f.get("from", ""),
            "content": f["content"], "status": "open", "result": None,
            "how_checked": None, "back_to": None, "closed_on": None})
    if status in ("received", "investigated") and code == "resolve_objection":
        changes.update({"notice_id": None, "notice_start": None, "notice_days": None})
    row.update(changes)
    changes.update(_due(row, policy))
    _update_case(db, e.case_id, changes)
    _history(db, e, code, on, summarize_step(code, f), f, status)


def _close_objection(db: Database, case_id: str, f: dict) -> None:
    done = db.conn.execute(
        "UPDATE objections SET status = 'closed', result = ?, how_checked = ?, back_to = ?,"
        " closed_on = ? WHERE application_id = ? AND objection_id = ?",
        [f["result"], f["how_checked"], f.get("back_to"), f["date"], case_id, f["objection_id"]])
    if not done.rowcount:
        raise NotFoundError(f"{case_id} {f['objection_id']}")


_STEP_FIELDS = {
    "review": lambda f, p: ({"proposed_fen": f["proposed_fen"]} if f.get("passed") else {}),
    "pay_first": lambda f, p: {"paid_first_fen": f["amount_fen"], "paid_first_on": f["date"]},
    "post_notice": lambda f, p: {"notice_id": f["notice_id"], "notice_start": f["start"],
                                 "notice_days": f["days"]},
    "approve": lambda f, p: {"approved_fen": f["amount_fen"]},
    "pay": lambda f, p: {"paid_fen": f["amount_fen"]},
}


def _over_cap(program: str, fen: int, policy: Policy) -> int:
    """The township cap is a 临时救助 rule; 低保 amounts follow the monthly standard."""
    return int(program == "temporary_relief" and fen > policy.township_cap_fen)


def _due(row: dict, policy: Policy) -> dict:
    return _due_of(row["status"], row["received_on"], row["status_on"], row.get("paid_first_on"),
                   row.get("notice_start"), row.get("notice_days") or 0, policy)


@functools.lru_cache(maxsize=65536)
def _due_of(status: str, received_on: str, status_on: str, paid_first: str | None,
            start: str | None, days: int, policy: Policy) -> dict:
    """Cached: counting working days is the dearest part of projecting an event, and a
    rebuild meets the same few thousand (state, dates) again and again."""
    due = due_for(status, received_on=date.fromisoformat(received_on),
                  status_on=date.fromisoformat(status_on), policy=policy,
                  paid_first_on=date.fromisoformat(paid_first) if paid_first else None,
                  notice_start=date.fromisoformat(start) if start else None,
                  notice_days=days, calendar=calendar_for(policy))
    return {"due_on": due.on.isoformat() if due else None, "due_kind": due.kind if due else None}


def _history(db: Database, e: Event, code: str, on: str, summary: str, fields: dict,
             status_after: str) -> None:
    _insert(db, "history", {
        "workstation_id": e.workstation_id, "seq": e.seq, "application_id": e.case_id,
        "type": e.type, "action": code, "occurred_on": on, "recorded_at": e.recorded_at,
        "actor": e.actor, "summary": summary,
        "fields": canonical(fields), "status_after": status_after})
