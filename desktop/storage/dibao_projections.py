"""Projections of 低保 (issue 15): `dibao_households` from the township's approval of a
低保 case, `dibao_months` and `dibao_payments` from its record of a village's monthly
payment. Written the same way at the township and at the village that receives these
events in a bundle, and again by `rebuild`.

The next review month is reckoned from the class's interval in the policy, so a change
of that setting (which rebuilds the projections) moves every household's review."""

from __future__ import annotations

from desktop.core import dibao
from desktop.core.regions import case_village
from desktop.storage.projection_batch import reader

TABLES: tuple[str, ...] = ("dibao_payments", "dibao_months", "dibao_households")


def apply(db, event, policy) -> None:
    """Project `event` into this feature's tables (called for every event)."""
    if event.type == "Approved" and "dibao_class" in event.payload:
        _enrolled(db, event, policy)
    elif event.type == "DibaoMonthPaid":
        _month_paid(db, event)


def _enrolled(db, e, policy) -> None:
    f = e.payload
    case = reader(db).case(e.case_id)  # through the batch: it may not be written yet
    db.conn.execute(
        "INSERT INTO dibao_households (case_id, village_code, persons, monthly_fen, class,"
        " since_month, next_review, approved_on, stopped_month)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL)",
        [e.case_id, case_village(e.case_id), case["household_size"], f["amount_fen"],
         f["dibao_class"], f["start_month"],
         dibao.next_review(policy, f["start_month"], f["dibao_class"]), f["date"]])


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
