"""Projections: the tables the GUI reads, computed from the event log.

`apply_event` is the only code that writes them, both live (in the same transaction as the
event) and in `rebuild` and import, so rebuilding reproduces them exactly. It writes
through a `ProjectionBatch`: one event's batch live, one batch for a whole replay."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from desktop.core.deadlines import due_basis, due_on_basis
from desktop.core.policy import Policy
from desktop.core.workcalendar import WorkCalendar
from desktop.core.workflow import ACTIONS, EVENT_TYPES, RECEIVED_EVENT
from desktop.storage.eventlog import Event, all_events, canonical
from desktop.storage.migrations import PROJECTION_TABLES
from desktop.storage.projection_batch import ProjectionBatch, batched, open_batch

if TYPE_CHECKING:
    from sqlite_utils import Database

ACTION_OF_TYPE = {t: a for a, t in EVENT_TYPES.items()}


# Projections of other features: modules with TABLES (their projection tables, emptied by
# rebuild) and apply(db, event, policy), called for every event after the case projections
# (inside its batch: a feature reads cases through `batched(db)`).
FEATURE_PROJECTIONS = ("desktop.storage.notice_projections", "desktop.storage.sync_projections",
                       "desktop.storage.edition_projections",
                       "desktop.storage.dibao_projections", "desktop.storage.village_cards",
                       "desktop.storage.search")


_FEATURES: list = []


def _features():
    """Imported once: apply_event runs for every event, a million times in a rebuild."""
    if not _FEATURES:
        import importlib

        _FEATURES.extend(importlib.import_module(name) for name in FEATURE_PROJECTIONS)
    return _FEATURES


def apply_event(db: Database, event: Event, policy: Policy) -> None:
    """Project one event, into the batch open on `db` (import, rebuild) or, live, into
    a batch of its own written at once."""
    batch = open_batch(db)
    if batch is None:
        with batched(db):
            apply_event(db, event, policy)
        return
    if event.type == RECEIVED_EVENT:
        _receive(batch, event, policy)
    elif event.type in ACTION_OF_TYPE:
        _step(batch, event, ACTION_OF_TYPE[event.type], policy)
    for feature in _features():
        feature.apply(db, event, policy)
    # Unknown types (from a newer peer) stay in the log; they do not touch projections.
    if batch.full:
        batch.flush()


def rebuild(db: Database, policy: Policy) -> int:
    """Drop and recompute every projection from the log; returns the events replayed."""
    for feature in _features():
        for table in feature.TABLES:
            db.execute(f"DELETE FROM {table}")
    for table in PROJECTION_TABLES:
        db.execute(f"DELETE FROM {table}")
    n = 0
    with batched(db):
        for event in all_events(db):
            apply_event(db, event, policy)
            n += 1
    return n


def _receive(batch: ProjectionBatch, e: Event, policy: Policy) -> None:
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
        "deliberation": None, "county_decision": None, "origin": e.workstation_id,
    }
    row.update(_due(row, policy))
    # who they are, to be looked up; the rest of each member is in the event (0013)
    members = [{"application_id": e.case_id, "position": i, "name": m["name"],
                "id_number": m["id_number"]} for i, m in enumerate(doc.get("members", []))]
    batch.add_case(row)
    batch.append("members", members)
    _flag_repeat(batch, e.case_id, a["id_number"], doc["reason"], received.year)
    _history(batch, e, "receive", doc["received_on"], status)


def _flag_repeat(batch: ProjectionBatch, case_id: str, id_number: str, reason: str,
                 year: int) -> None:
    """一事一次: the same applicant, the same reason, the same year → flag every such case."""
    same = (set(batch.written_requests(id_number, reason, year))
            | set(batch.same_request(id_number, reason, year)))
    if same - {case_id}:
        for other in sorted(same | {case_id}):
            batch.change(other, {"repeat_reason": 1})


def _step(batch: ProjectionBatch, e: Event, code: str, policy: Policy) -> None:
    f = e.payload
    row = batch.case(e.case_id)
    on = f.get("date") or f.get("start") or f.get("received_on") or row["status_on"]
    status = ACTIONS[code].target(f)._value_  # .value: a descriptor call an event
    changes = {"status": status, "status_on": on}
    fields_of = _STEP_FIELDS.get(code)
    if fields_of is not None:
        changes.update(fields_of(f, policy))
    if changes.get("proposed_fen"):
        changes["over_cap"] = _over_cap(row["program"], changes["proposed_fen"], policy)
    if code == "resolve_objection":
        _close_objection(batch.db, e.case_id, f)
    if code == "objection":
        _record_objection(batch, e.case_id, f)
    if status in ("received", "investigated") and code == "resolve_objection":
        changes.update({"notice_id": None, "notice_start": None, "notice_days": None})
    row.update(changes)  # the next deadline is reckoned from the step's own changes
    # a delivered refusal has nothing more due; any other step reckons its next deadline
    changes.update(_Deadlines.NOTHING_DUE if code == "notify_rejection" else _due(row, policy))
    batch.change(e.case_id, changes)
    _history(batch, e, code, on, status)


def _record_objection(batch: ProjectionBatch, case_id: str, f: dict) -> None:
    """Written at once, not held: closing it reads it back, and a second objection of
    the same id must fail here, on its own event."""
    batch.write_case(case_id)
    batch.db.conn.execute(
        "INSERT INTO objections (application_id, objection_id, received_on, from_whom,"
        " content, status, result, how_checked, back_to, closed_on)"
        " VALUES (?, ?, ?, ?, ?, 'open', NULL, NULL, NULL, NULL)",
        [case_id, f["objection_id"], f["received_on"], f.get("from", ""), f["content"]])


def _close_objection(db: Database, case_id: str, f: dict) -> None:
    done = db.conn.execute(
        "UPDATE objections SET status = 'closed', result = ?, how_checked = ?, back_to = ?,"
        " closed_on = ? WHERE application_id = ? AND objection_id = ?",
        [f["result"], f["how_checked"], f.get("back_to"), f["date"], case_id, f["objection_id"]])
    if not done.rowcount:
        from sqlite_utils.db import NotFoundError  # loaded late: start-up time

        raise NotFoundError(f"{case_id} {f['objection_id']}")


_STEP_FIELDS = {
    "review": lambda f, p: ({"proposed_fen": f["proposed_fen"]} if f.get("passed") else {}),
    "pay_first": lambda f, p: {"paid_first_fen": f["amount_fen"], "paid_first_on": f["date"]},
    "post_notice": lambda f, p: {"notice_id": f["notice_id"], "notice_start": f["start"],
                                 "notice_days": f["days"]},
    "deliberate": lambda f, p: {"deliberation": f["conclusion"]},
    "investigate": lambda f, p: {"investigated_income_fen": f["household_income_fen"]},
    "approve": lambda f, p: {"approved_fen": f["amount_fen"]},
    "county_decide": lambda f, p: {"county_decision": canonical(f)},
    "pay": lambda f, p: {"paid_fen": f["amount_fen"]},
}


def _over_cap(program: str, fen: int, policy: Policy) -> int:
    """The township cap is a 临时救助 rule; 低保 amounts follow the monthly standard."""
    return int(program == "temporary_relief" and fen > policy.township_cap_fen)


def _due(row: dict, policy: Policy) -> dict:
    return _deadlines(policy).due(due_basis(
        row["status"], received_on=row["received_on"], status_on=row["status_on"],
        paid_first_on=row.get("paid_first_on"), notice_start=row.get("notice_start"),
        notice_days=row.get("notice_days") or 0))


_LAST: tuple = (None, None)  # (the policy last asked about, its _Deadlines)


def _deadlines(policy: Policy) -> _Deadlines:
    """Found by identity: hashing the policy's twenty fields cost more than the look-up
    it keyed, and a rebuild or an import asks about one policy only."""
    global _LAST
    last = _LAST  # one read: another thread may replace it meanwhile
    if last[0] is not policy:
        last = _LAST = (policy, _Deadlines(policy))
    return last[1]


class _Deadlines:
    """Counting working days is the dearest part of projecting an event, and a rebuild
    meets the same few thousand deadlines again and again: each answer is remembered by
    what it is reckoned from (`due_basis`: the kind, the day, the days to add), which
    the cases received on a day share, and each count of working days too."""

    MAX_REMEMBERED = 65_536
    NOTHING_DUE = {"due_on": None, "due_kind": None}

    def __init__(self, policy: Policy):
        self.policy = policy
        self.calendar = _RememberingCalendar(policy.holidays, policy.extra_workdays)
        self._due: dict[tuple, dict] = {}

    def due(self, basis: tuple | None) -> dict:
        if basis is None:
            return dict(self.NOTHING_DUE)
        found = self._due.get(basis)
        if found is None:
            if len(self._due) >= self.MAX_REMEMBERED:
                self._due.clear()
            found = self._due[basis] = self._reckon(basis)
        return found

    def _reckon(self, basis: tuple) -> dict:
        kind, day, days = basis
        due = due_on_basis((kind, date.fromisoformat(day), days), self.policy, self.calendar)
        return {"due_on": due.on.isoformat(), "due_kind": due.kind}


class _RememberingCalendar(WorkCalendar):
    """Remembers its counts: each step of a case asks again for the deadline counted
    from the same receipt, and a count walks day by day through a month. A county's
    import meets thousands of different days, so a count it has not met is read from
    a table of the working days in order (built once for the days asked about), not
    walked."""

    MAX_TABLED_DAYS = 4_000  # a span of some eleven years; beyond it, counts are walked

    def __init__(self, holidays, extra_workdays):
        super().__init__(holidays, extra_workdays)
        self._counted: dict[tuple[date, int], date] = {}
        self._first = 0  # the ordinal of the first day tabled
        self._before: list[int] = []  # day first + i -> working days in (first, first + i]
        self._working: list[date] = []  # the working days after `first`, in order

    def add_working_days(self, start: date, n: int) -> date:
        day = self._counted.get((start, n))
        if day is None:
            day = self._counted[start, n] = self._count(start, n)
        return day

    def _count(self, start: date, n: int) -> date:
        s = start.toordinal()
        if n > 0 and (not self._before or s < self._first):  # begin the table at `start`
            last = self._first + len(self._before) - 1 if self._before else s
            if last - s < self.MAX_TABLED_DAYS:
                self._first, self._before, self._working = s, [0], []
                self._extend_to(last)
        i = s - self._first
        while n > 0 and 0 <= i and (i >= len(self._before)
                                    or len(self._working) < self._before[i] + n):
            last = max(s, self._first + len(self._before)) + 2 * n + 14
            if last - self._first >= self.MAX_TABLED_DAYS:
                break
            self._extend_to(last)
        else:
            if n > 0 and 0 <= i:
                return self._working[self._before[i] + n - 1]
        return super().add_working_days(start, n)  # n = 0, or out of the table's reach

    def _extend_to(self, last: int) -> None:
        """Table the days up to ordinal `last` (as is_working_day: 调休 first)."""
        count = self._before[-1]
        for ordinal in range(self._first + len(self._before), last + 1):
            d = date.fromordinal(ordinal)
            if d in self.extra_workdays or (d.weekday() < 5 and d not in self.holidays):
                self._working.append(d)
                count += 1
            self._before.append(count)


def _history(batch: ProjectionBatch, e: Event, code: str, on: str, status_after: str) -> None:
    """The event's line in the case's history: what the event itself does not say (its
    type, time, actor and fields are read from it: the view `history`, migration 0008)."""
    batch.append("case_steps", [{
        "workstation_id": e.workstation_id, "seq": e.seq, "application_id": e.case_id,
        "action": code, "occurred_on": on, "status_after": status_after}])
