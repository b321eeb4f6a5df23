"""Projections of 低保 (issue 15): `dibao_households` from the township's approval of a
低保 case, `dibao_months` and `dibao_payments` from its record of a village's monthly
payment, and the review (复核), its decision and the stop (停保) of a household in
payment. Written the same way at the township and at the village that receives these
events in a bundle, and again by `rebuild`.

The next review month is reckoned from the class's interval in the policy (from the
start month, or from the last decided review), so a change of that setting (which
rebuilds the projections) moves every household's review.

A decision's change takes effect from its `from_month`, the first month the village was
not yet paid when it was made: the row holds the amount and persons from then on (a
month already paid reads its own recorded lines, `households.roster`)."""

from __future__ import annotations

import json

from desktop.core import dibao
from desktop.core.regions import case_village
from desktop.storage.dibao_objections import (
    LINE_SQL,
    OBJECTION_EVENTS,
    change_key,
    change_lines,
    last_change_of,
    objection_facts,
)
from desktop.storage.projection_batch import reader

__all__ = ["LINE_SQL", "apply", "change_lines", "household_facts", "last_change_of"]

TABLES: tuple[str, ...] = ("dibao_payments", "dibao_months", "dibao_households",
                           "dibao_campaigns", "dibao_change_lines", "dibao_objections")


def apply(db, event, policy) -> None:
    """Project `event` into this feature's tables (called for every event)."""
    if event.type == "Approved" and "dibao_class" in event.payload:
        _enrolled(db, event, policy)
    elif event.type == "DibaoMonthPaid":
        _month_paid(db, event)
    elif event.type == "DibaoReviewed":
        db.conn.execute("UPDATE dibao_households SET pending_review = ? WHERE case_id = ?",
                        [json.dumps(event.payload, ensure_ascii=False, sort_keys=True),
                         event.case_id])
    elif event.type == "DibaoReviewDecided":
        _decided(db, event, policy)
    elif event.type in OBJECTION_EVENTS:
        OBJECTION_EVENTS[event.type](db, event)
    elif event.type == "DibaoChangeNoticeIssued":
        db.conn.executemany(LINE_SQL, change_lines(event.payload))
    elif event.type in ("DibaoCampaignOpened", "DibaoCampaignForwarded"):  # own, county's
        f = event.payload
        db.conn.execute("INSERT INTO dibao_campaigns (campaign, village_code, opened_on, until)"
                        " VALUES (?, ?, ?, ?)",
                        [f["campaign"], f["village_code"], f["date"], f["until"]])
    elif event.type == "DibaoCampaignClosed":
        f = event.payload
        done = db.conn.execute("UPDATE dibao_campaigns SET closed_on = ? WHERE campaign = ?"
                               " AND village_code = ? AND closed_on IS NULL",
                               [f["date"], f["campaign"], f["village_code"]])
        if not done.rowcount:  # closing what was never opened, or twice: refused
            raise KeyError(f"{f['village_code']} {f['campaign']}")


def _decided(db, e, policy) -> None:
    f = e.payload
    if f["outcome"] == "stop":
        exit_from = f["from_month"] if f["exit_months"] else None
        db.conn.execute(
            "UPDATE dibao_households SET pending_review = NULL, stopped_month = ?,"
            " exit_from = ?, monthly_fen = CASE WHEN ? > 0 THEN ? ELSE monthly_fen END,"
            " stop_reason = ?, stop_kind = ?, stopped_on = ?, last_change = ?,"
            " held_fen = NULL, recheck = NULL WHERE case_id = ?",
            [dibao.add_months(f["from_month"], f["exit_months"]), exit_from, f["exit_months"],
             f["exit_fen"], f["reason"], f["reason_kind"], f["date"],
             change_key(f["date"], f["from_month"]), e.case_id])
        return
    found = json.loads(db.conn.execute("SELECT pending_review FROM dibao_households"
                                       " WHERE case_id = ?", [e.case_id]).fetchone()[0])
    reviewed = dibao.month_of(found["date"])
    db.conn.execute(
        "UPDATE dibao_households SET pending_review = NULL, persons = ?, monthly_fen = ?,"
        " class = ?, last_review = ?, next_review = ?, recheck = NULL WHERE case_id = ?",
        [found["household_size"], f["amount_fen"], f["dibao_class"], reviewed,
         dibao.next_review(policy, reviewed, f["dibao_class"]), e.case_id])
    if f["outcome"] != "continue":  # a change posted anew: what an objection may hold
        db.conn.execute("UPDATE dibao_households SET last_change = ?, held_fen = NULL"
                        " WHERE case_id = ?", [change_key(f["date"], f["from_month"]),
                                               e.case_id])


def household_facts(db, case_id: str) -> dict | None:
    """What the rule book needs of an enrolled household (None: not enrolled)."""
    row = db.conn.execute("SELECT class, persons, monthly_fen, stopped_month, pending_review"
                          " FROM dibao_households WHERE case_id = ?", [case_id]).fetchone()
    if row is None:
        return None
    return {"class": row[0], "persons": row[1], "monthly_fen": row[2],
            "stopped_month": row[3], "review": json.loads(row[4]) if row[4] else None,
            **objection_facts(db, case_id)}


def _enrolled(db, e, policy) -> None:
    f = e.payload
    case = reader(db).case(e.case_id)  # through the batch: it may not be written yet
    db.conn.execute(
        "INSERT INTO dibao_households (case_id, village_code, persons, monthly_fen, class,"
        " since_month, next_review, approved_on, stopped_month, last_change)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, ?)",
        [e.case_id, case_village(e.case_id), case["household_size"], f["amount_fen"],
         f["dibao_class"], f["start_month"],
         dibao.next_review(policy, f["start_month"], f["dibao_class"]), f["date"],
         change_key(f["date"], f["start_month"])])


def _month_paid(db, e) -> None:
    """A second record of the same village and month fails here (its key): an import
    then refuses that event, as the township's own operation refused it."""
    f = e.payload
    households = f["households"]
    db.conn.execute(
        "INSERT INTO dibao_months (village_code, month, households, persons, total_fen,"
        " paid_on) VALUES (?, ?, ?, ?, ?, ?)",
        [f["village_code"], f["month"], len(households),
         sum(h["persons"] for h in households), f["total_fen"], f["date"]])
    db.conn.executemany(
        "INSERT INTO dibao_payments (month, case_id, village_code, persons, amount_fen)"
        " VALUES (?, ?, ?, ?, ?)",
        [(f["month"], h["case_id"], f["village_code"], h["persons"], h["amount_fen"])
         for h in households])
