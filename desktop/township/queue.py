"""The review queue: the cases of every village awaiting the township's decision
(乡镇已接收 and 转县审批), filtered and sorted in SQL and read a page at a time, with how
long each has waited since it last arrived against the decision deadline (DOMAIN.md: 10
working days from receipt; a case sent again after 退回补充 is received again); and,
chosen by its status, the cases whose result notice is back, awaiting the township's
payment (结果已公示 → 登记发放)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from desktop.core.deadlines import calendar_for, urgency
from desktop.township.flags import red_flags
from desktop.township.villages import village_names

AWAITING = ("acknowledged", "referred")
TO_PAY = "result_posted"  # the village's result notice is back: the township pays
SORT_KEYS = {"village": "village_name", "id": "id", "name": "applicant_name",
             "category": "category", "amount": "amount_fen", "waiting": "arrived_on",
             "due": "due_on", "status": "status"}

_ROWS = (
    "SELECT a.id, a.status, a.program, a.category, a.reason, a.applicant_name,"
    " a.household_size, a.requested_fen, a.proposed_fen,"
    " COALESCE(a.approved_fen, a.proposed_fen, a.requested_fen) AS amount_fen,"
    " a.received_on, a.status_on,"
    " a.due_on, a.due_kind, substr(a.id, 1, instr(a.id, '-') - 1) AS village_code,"
    " COALESCE((SELECT p.village FROM peers p WHERE p.role = 'village' AND p.village_code ="
    "  substr(a.id, 1, instr(a.id, '-') - 1) ORDER BY p.active DESC LIMIT 1),"
    "  (SELECT c.village || '(' || c.village_code || ')' FROM village_cards c"  # the county
    "   WHERE c.village_code = substr(a.id, 1, instr(a.id, '-') - 1))) AS village_name,"
    " {arrived} AS arrived_on FROM applications a WHERE a.status IN ({statuses})")
# The case's latest arrival: a case returned (退回补充) and sent again waits, and is decided,
# from when the township received it again, not from its first receipt. The same day
# the ledger's 乡镇审批 deadline counts from (status_on of 乡镇已接收, core/deadlines.py)
# and the figures' 审批按期 (township/figures.py).
_ARRIVED_ON = ("(SELECT MAX(h.occurred_on) FROM case_steps h WHERE h.application_id ="
               " a.id AND h.action = 'acknowledge')")


def _rows(flt) -> str:
    """The queue's rows: awaiting a decision since the township received them, or (chosen
    by their status) a payment since the result notice came back."""
    if flt.status == TO_PAY:
        return _ROWS.format(arrived="a.status_on", statuses=f"'{TO_PAY}'")
    return _ROWS.format(arrived=_ARRIVED_ON,
                        statuses=", ".join(f"'{s}'" for s in AWAITING))


@dataclass(frozen=True)
class QueueFilter:
    village: str = ""  # village code
    category: str = ""
    status: str = ""  # acknowledged, referred (both when empty), or TO_PAY
    min_fen: int | None = None
    max_fen: int | None = None
    min_waiting: int = 0  # working days since the township last received the case
    text: str = ""
    sort: str = "waiting"
    descending: bool = False  # waiting ascending = the longest waiting first

    def where(self, today: date, policy) -> tuple[str, list]:
        clauses, params = [], []
        for column, value in (("village_code", self.village), ("category", self.category),
                              ("status", self.status)):
            if value:
                clauses.append(f"{column} = ?")
                params.append(value)
        if self.min_fen is not None:
            clauses.append("amount_fen >= ?")
            params.append(self.min_fen)
        if self.max_fen is not None:
            clauses.append("amount_fen <= ?")
            params.append(self.max_fen)
        if self.min_waiting:
            clauses.append("arrived_on <= ?")
            params.append(waiting_cutoff(today, self.min_waiting, policy).isoformat())
        if self.text.strip():
            clauses.append("(applicant_name LIKE ? OR id LIKE ?)")
            params += [f"%{self.text.strip()}%"] * 2
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params

    def order(self) -> str:
        column = SORT_KEYS.get(self.sort, "arrived_on")
        direction = "DESC" if self.descending else "ASC"
        return f" ORDER BY {column} {direction}, id {direction}"


def waiting_cutoff(today: date, n: int, policy) -> date:
    """The last arrival date from which at least `n` working days have passed by today."""
    cal, d, counted = calendar_for(policy), today, 0
    while counted < n:
        if cal.is_working_day(d):
            counted += 1
        d -= timedelta(days=1)
    return d


def queue_count(db, flt: QueueFilter, today: date, policy) -> int:
    where, params = flt.where(today, policy)
    return db.execute(f"SELECT COUNT(*) FROM ({_rows(flt)}){where}", params).fetchone()[0]


def queue_page(db, flt: QueueFilter, today: date, policy, offset: int, limit: int
               ) -> list[dict]:
    """One page of the queue; each row with its waiting days, urgency and red flags."""
    where, params = flt.where(today, policy)
    rows = list(db.query(f"SELECT * FROM ({_rows(flt)}){where}{flt.order()} LIMIT ? OFFSET ?",
                         params + [limit, offset]))
    flags = red_flags(db, [r["id"] for r in rows], policy)
    cal = calendar_for(policy)
    for r in rows:
        arrived = date.fromisoformat(r["arrived_on"] or r["status_on"])
        r["waiting_days"] = cal.working_days_between(arrived, today)
        r["decision_due"] = queue_due(r, arrived, policy, cal)
        due = date.fromisoformat(r["due_on"]) if r["due_on"] else r["decision_due"]
        # the rule book sets no deadline for a payment (deadlines.due_basis): never late
        r["urgency"] = "" if r["status"] == TO_PAY else urgency(due, today, policy, cal)
        r["village_name"] = r["village_name"] or r["village_code"]
        r["flags"] = flags[r["id"]]
    return rows


def queue_due(row: dict, arrived: date, policy, cal) -> date:
    """The 审批期限 of a case in the queue, one date for the window and the command line.
    A case the township holds is decided within `township_decision_days` of its arrival;
    a referred case is the county's to decide, and runs against the whole case's extended
    deadline from 受理 (`case_extended_days`: the ledger's due date, core/deadlines.py)."""
    if row["status"] == "referred" and row["due_on"]:
        return date.fromisoformat(row["due_on"])
    return cal.add_working_days(arrived, policy.township_decision_days)


def waiting_counts(db) -> dict[str, int]:
    """How many cases wait on the township (乡镇已接收) and how many on the county (转县审批)."""
    marks = ",".join("?" * len(AWAITING))
    counts = dict(db.execute(f"SELECT status, COUNT(*) FROM applications WHERE status IN"
                             f" ({marks}) GROUP BY status", AWAITING).fetchall())
    return {status: counts.get(status, 0) for status in AWAITING}


def village_choices(db) -> list[tuple[str, str]]:
    """(code, name) of every enrolled village and every village with a case in the queue
    (read through the status index: not every case of ten years)."""
    names = village_names(db)
    marks = ",".join("?" * (len(AWAITING) + 1))
    codes = {r[0] for r in db.execute(
        "SELECT DISTINCT substr(id, 1, instr(id, '-') - 1) FROM applications"
        f" WHERE status IN ({marks})", (*AWAITING, TO_PAY))}
    return [(c, names.get(c, c)) for c in sorted(codes | set(names))]
