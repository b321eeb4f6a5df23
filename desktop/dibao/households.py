"""Reading the 低保 households: those in payment in a month, the month's roster (发放花名册)
and its figures per village, and the reviews due by class interval.

The list, the roster's PDF and workbook and the figures all read `roster`, so their
totals cannot disagree. A month already paid in a village is the payment as recorded
(the event's lines); a month not yet paid is every household in payment that month:
started (its first month not after it) and not stopped. A household in its gradual
exit (渐退) is paid with the months left shown; one whose payment stops in the month is
listed apart with the reason (`Roster.excluded`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from desktop.core import dibao
from desktop.township.villages import village_names

_HOUSEHOLD = (
    "SELECT d.case_id, d.village_code, a.applicant_name AS name, a.group_name, d.persons,"
    " COALESCE(d.held_fen, d.monthly_fen) AS monthly_fen, d.class, d.since_month, d.next_review, d.stopped_month, d.exit_from,"
    " d.pending_review IS NOT NULL AS review_pending, d.last_review,"
    " d.held_fen IS NOT NULL AS held, d.recheck"
    " FROM dibao_households d JOIN applications a ON a.id = d.case_id")


HELD_REASON = "新纳入有异议待处理,暂不发放"  # i18n: data


def in_payment(db, month: str, *, unpaid_only: bool = False, village: str = ""
               ) -> list[dict]:
    """Households paid in `month`: started by then and not stopped, by village and case;
    `unpaid_only`: only in villages whose month is not yet recorded as paid; `village`:
    only that village's."""
    unpaid = (" AND d.village_code NOT IN (SELECT village_code FROM dibao_months"
              " WHERE month = ?)") if unpaid_only else ""
    one = " AND d.village_code = ?" if village else ""
    # a change objected to is not carried out: the amount before it (a stop: not stopped)
    return _rows(db, f"{_HOUSEHOLD} WHERE d.since_month <= ? AND (d.stopped_month IS NULL"
                     f" OR d.stopped_month > ? OR d.held_fen IS NOT NULL)"
                     f" AND COALESCE(d.held_fen, d.monthly_fen) > 0{unpaid}{one}"
                     f" ORDER BY d.village_code, d.case_id",
                 [month, month] + ([month] if unpaid_only else []) + ([village] if village
                                                                      else []))


def paid_in(db, month: str) -> dict[str, str]:
    """Village code → the date its payment of `month` was recorded, for each village paid."""
    return dict(db.execute("SELECT village_code, paid_on FROM dibao_months WHERE month = ?",
                           [month]).fetchall())


def last_paid_month(db) -> str:
    """The latest month recorded as paid in any village ("" before the first)."""
    return db.execute("SELECT MAX(month) FROM dibao_months").fetchone()[0] or ""


def paid_to(db, case_id: str) -> tuple[int, int]:
    """(months, fen) recorded as paid to one household: its lines of the monthly payments,
    sought month by month from its first (the table's key is month, then case: one
    household's lines are not found by a scan of ten years of the county's)."""
    row = db.execute("SELECT since_month FROM dibao_households WHERE case_id = ?",
                     [case_id]).fetchone()
    last = last_paid_month(db)
    if row is None or not last or row[0] > last:
        return 0, 0
    months = [row[0]]
    while months[-1] < last:
        months.append(dibao.add_months(months[-1], 1))
    found = db.execute("SELECT COUNT(*), COALESCE(SUM(amount_fen), 0) FROM dibao_payments"
                       f" WHERE case_id = ? AND month IN ({', '.join('?' * len(months))})",
                       [case_id, *months]).fetchone()
    return found[0], found[1]


@dataclass
class Roster:
    month: str
    rows: list[dict]  # village_code, village, case_id, name, persons, amount_fen, paid,
    #                   exit_left (months of 渐退 left, this one included; 0: none),
    #                   held (paid as before a change an objection holds)
    paid_on: dict[str, str]  # village code → the date its month was recorded as paid
    excluded: list[dict] = field(default_factory=list)  # stopped from this month: why

    @property
    def households(self) -> int:
        return len(self.rows)

    @property
    def persons(self) -> int:
        return sum(r["persons"] for r in self.rows)

    @property
    def total_fen(self) -> int:
        return sum(r["amount_fen"] for r in self.rows)

    def villages(self) -> list[dict]:
        """Households, persons and money of each village (the month's figures)."""
        out: dict[str, dict] = {}
        for r in self.rows:
            v = out.setdefault(r["village_code"], {
                "village_code": r["village_code"], "village": r["village"], "households": 0,
                "persons": 0, "total_fen": 0, "paid_on": self.paid_on.get(r["village_code"])})
            v["households"] += 1
            v["persons"] += r["persons"]
            v["total_fen"] += r["amount_fen"]
        return list(out.values())


def roster(store, month: str) -> Roster:
    db = store.db
    names = _names(store)
    paid = paid_in(db, month)
    recorded = _rows(db, "SELECT p.case_id, p.village_code, a.applicant_name AS name,"
                         " a.group_name, p.persons, p.amount_fen AS monthly_fen"
                         " FROM dibao_payments p JOIN applications a ON a.id = p.case_id"
                         " WHERE p.month = ? ORDER BY p.village_code, p.case_id", [month])
    due = in_payment(db, month, unpaid_only=True)
    rows = sorted(recorded + due, key=lambda r: (r["village_code"], r["case_id"]))
    exits = _exits(db, month)
    return Roster(month, [{
        "village_code": r["village_code"], "village": names.get(r["village_code"],
                                                               r["village_code"]),
        "case_id": r["case_id"], "name": r["name"], "group_name": r["group_name"],
        "persons": r["persons"], "amount_fen": r["monthly_fen"],
        "paid": r["village_code"] in paid, "exit_left": exits.get(r["case_id"], 0),
        "held": bool(r.get("held"))}
        for r in rows], paid, _stopped_in(db, month, names))


def held_enrollments(db) -> int:
    """How many households are enrolled but not paid: an objection to the change notice
    that posted their enrollment is open (held at 0 until it is resolved)."""
    return db.execute("SELECT COUNT(*) FROM dibao_households WHERE held_fen = 0").fetchone()[0]


def _exits(db, month: str) -> dict[str, int]:
    """Case → months of 渐退 left in `month` (this one included)."""
    rows = db.execute("SELECT case_id, stopped_month FROM dibao_households WHERE exit_from"
                      " <= ? AND stopped_month > ? AND held_fen IS NULL",
                      [month, month]).fetchall()
    return {case_id: dibao.months_between(month, stop) for case_id, stop in rows}


def _stopped_in(db, month: str, names: dict) -> list[dict]:
    """Households whose payment stops with `month` (paid the month before, not this one),
    and those newly enrolled whose enrollment an objection holds (not paid yet)."""
    rows = _rows(db, "SELECT d.case_id, d.village_code, a.applicant_name AS name,"
                     " d.stop_reason, d.stopped_on FROM dibao_households d JOIN applications a"
                     " ON a.id = d.case_id WHERE d.stopped_month = ? AND d.held_fen IS NULL"
                     " UNION ALL SELECT d.case_id, d.village_code, a.applicant_name,"
                     f" '{HELD_REASON}', d.approved_on FROM dibao_households d"
                     " JOIN applications a ON a.id = d.case_id WHERE d.held_fen = 0"
                     " AND d.since_month <= ? ORDER BY 2, 1", [month, month])
    for r in rows:
        r["village"] = names.get(r["village_code"], r["village_code"])
    return rows


def due_reviews(store, today: date) -> list[dict]:
    """Households not stopped whose review (复核) falls due by the end of the months the
    policy calls soon, most overdue first: "overdue" before this month, "due" this
    month, "soon" within the setting; "pending" when the village's review of it waits
    for the township's decision (the next one is then reckoned from that review);
    "recheck" when an upheld objection to its change notice sent it back to 复核;
    "campaign" when a 清理检查 open in its village still waits for its review (by the
    campaign's closing date, shown in `until`)."""
    month = dibao.month_of(today)
    last = dibao.add_months(month, store.policy.dibao_review_soon_months)
    campaigns = {code: (opened, until) for code, opened, until in store.db.execute(
        "SELECT village_code, opened_on, until FROM dibao_campaigns WHERE closed_on IS NULL")}
    marks = ", ".join("?" * len(campaigns))
    rows = _rows(store.db, f"{_HOUSEHOLD} WHERE d.stopped_month IS NULL AND (d.next_review <= ?"
                           f" OR d.pending_review IS NOT NULL"
                           f" OR d.village_code IN ({marks})) ORDER BY d.next_review, d.case_id",
                 [last, *campaigns])
    names = _names(store)
    due = []
    for r in rows:
        r["village"] = names.get(r["village_code"], r["village_code"])
        r["urgency"] = ("pending" if r["review_pending"] else
                        "recheck" if r["recheck"] else
                        "overdue" if r["next_review"] < month else
                        "due" if r["next_review"] == month else
                        "soon" if r["next_review"] <= last else
                        _campaign_task(r, campaigns.get(r["village_code"])))
        if r["urgency"]:
            due.append(r)
    return due


def _campaign_task(r: dict, campaign: tuple | None) -> str:
    """"campaign" if the open 清理检查 of its village waits for this household's review:
    enrolled by the opening and not reviewed since."""
    if campaign is None or r["since_month"] > dibao.month_of(campaign[0]) \
            or (r["last_review"] or "") >= dibao.month_of(campaign[0]):
        return ""
    r["until"] = campaign[1]
    return "campaign"


def enrolled(db, case_id: str | None = None) -> list[dict]:
    """Each enrolled household's monthly amount, class, first month and next review (of
    one case, or of all): what the command line prints and the tab shows beside the
    roster."""
    sql = "SELECT case_id, monthly_fen, class, since_month, next_review FROM dibao_households"
    return _rows(db, sql + (" WHERE case_id = ?" if case_id else ""),
                 [case_id] if case_id else [])


def _names(store) -> dict[str, str]:
    names = village_names(store.db)
    ws = store.workstation
    if ws.get("village_code"):
        names[ws["village_code"]] = ws["village"]
    return names


def _rows(db, sql: str, params: list) -> list[dict]:
    cursor = db.execute(sql, params)
    columns = [d[0] for d in cursor.description]
    return [dict(zip(columns, values, strict=True)) for values in cursor.fetchall()]


def reckoned_amount(store, case_id: str, dibao_class: str) -> tuple[int, str]:
    """The monthly amount the county's method gives a case (0: not eligible, or not
    investigated), and how: what an approval must say, shown before it is typed."""
    row = store.db.execute("SELECT household_size, investigated_income_fen FROM applications"
                           " WHERE id = ?", [case_id]).fetchone()
    if not row or row[1] is None:
        return 0, "没有入户调查核定的家庭年收入"
    return dibao.monthly_amount(store.policy, dibao_class, max(row[0] or 1, 1), row[1])
