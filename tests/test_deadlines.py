"""Due dates on the working-day calendar (weekends, holidays, 调休 workdays are settings),
and the overdue / soon marks the ledger shows without being asked."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.core.deadlines import due_for, urgency
from desktop.core.policy import Policy
from desktop.operations.casework import Casework
from desktop.storage.queries import case_detail, urgent_counts
from tests.helpers import advance, make_application, make_store

FRIDAY = date(2026, 11, 6)
HOLIDAY_MONDAY = date(2026, 11, 9)
WORKING_SATURDAY = date(2026, 11, 21)  # 调休
POLICY = Policy(holidays=(HOLIDAY_MONDAY,), extra_workdays=(WORKING_SATURDAY,))
STATUS_ON = date(2026, 11, 20)  # a Friday: the next working day is the 调休 Saturday


def test_the_calendar_assumptions_hold():
    assert FRIDAY.weekday() == 4 and HOLIDAY_MONDAY.weekday() == 0
    assert WORKING_SATURDAY.weekday() == 5 and STATUS_ON.weekday() == 4


# Expected dates counted by hand on a calendar (see the constants above).
@pytest.mark.parametrize("status, on, kind", [
    ("paid_first", "2026-11-26", "paperwork"),  # Sat 21, Mon 23 … Thu 26
    ("investigated", "2026-12-18", "case_total"),  # 30 working days from receipt
    ("deliberated", "2026-12-18", "case_total"),
    ("reviewed", "2026-12-18", "case_total"),
    ("notice_done", "2026-12-18", "case_total"),
    ("submitted", "2026-12-18", "case_total"),
    ("returned", "2027-01-08", "case_total"),  # extended to 45 working days
    ("referred", "2027-01-08", "case_total"),
    ("acknowledged", "2026-12-03", "decision"),  # 10 working days from receipt at township
    ("approved", "2026-12-03", "result_notice"),  # result notice 10 working days
])
def test_the_due_date_of_each_status(status, on, kind):
    due = due_for(status, received_on=FRIDAY, status_on=STATUS_ON, policy=POLICY)
    assert (due.on.isoformat(), due.kind) == (on, kind)
    assert due.label  # a Chinese label for the ledger


def test_investigation_is_due_three_working_days_after_receipt():
    due = due_for("received", received_on=FRIDAY, status_on=FRIDAY, policy=POLICY)
    # Tue 10, Wed 11, Thu 12 (Mon 9 a holiday)
    assert (due.on.isoformat(), due.kind) == ("2026-11-12", "investigation")


def test_a_case_sent_back_by_an_objection_is_due_from_the_objection_not_the_receipt():
    due = due_for("received", received_on=FRIDAY, status_on=STATUS_ON, policy=POLICY)
    assert due.on.isoformat() == "2026-11-24"  # Sat 21 (调休), Mon 23, Tue 24


@pytest.mark.parametrize("status", ["investigated", "deliberated", "reviewed"])
def test_paperwork_after_paying_first_keeps_its_own_deadline(status):
    due = due_for(status, received_on=FRIDAY, status_on=STATUS_ON, policy=POLICY,
                  paid_first_on=STATUS_ON)
    assert (due.on.isoformat(), due.kind) == ("2026-11-26", "paperwork")


def test_a_notice_is_due_to_end_on_its_last_day():
    due = due_for("on_notice", received_on=FRIDAY, status_on=date(2026, 11, 7), policy=POLICY,
                  notice_start=date(2026, 11, 7), notice_days=7)
    assert (due.on, due.kind) == (date(2026, 11, 13), "notice_end")


@pytest.mark.parametrize("status", ["draft", "refused", "rejected_village",
                                    "result_posted", "paid", "filed"])
def test_nothing_is_due_from_this_side(status):
    assert due_for(status, received_on=FRIDAY, status_on=STATUS_ON, policy=POLICY) is None


def test_without_the_holiday_the_investigation_is_due_a_day_earlier():
    due = due_for("received", received_on=FRIDAY, status_on=FRIDAY, policy=Policy())
    assert due.on == date(2026, 11, 11)


def test_the_deadlines_are_settings():
    policy = Policy(investigation_start_days=1, township_decision_days=2)
    assert due_for("received", received_on=FRIDAY, status_on=FRIDAY,
                   policy=policy).on == date(2026, 11, 9)
    assert due_for("acknowledged", received_on=FRIDAY, status_on=FRIDAY,
                   policy=policy).on == date(2026, 11, 10)


# --- urgency -----------------------------------------------------------------------------------

WEDNESDAY = date(2026, 11, 11)


@pytest.mark.parametrize("today, mark", [
    (date(2026, 11, 12), "overdue"),  # the day after
    (date(2026, 12, 31), "overdue"),
    (WEDNESDAY, "soon"),  # the due day itself
    (date(2026, 11, 9), "soon"),  # two working days before
    (date(2026, 11, 6), ""),  # three working days before (the weekend does not count)
    (date(2026, 11, 1), ""),
])
def test_urgency(today, mark):
    assert urgency(WEDNESDAY, today, Policy()) == mark


def test_a_weekend_and_a_holiday_do_not_count_towards_soon():
    # Friday to Wednesday is five calendar days but only Tue and Wed are working days.
    assert urgency(WEDNESDAY, FRIDAY, POLICY) == "soon"
    assert urgency(WEDNESDAY, FRIDAY, Policy()) == ""


def test_how_soon_is_soon_is_a_setting():
    policy = Policy(soon_due_days=0)
    assert urgency(WEDNESDAY, date(2026, 11, 10), policy) == ""
    assert urgency(WEDNESDAY, WEDNESDAY, policy) == "soon"


def test_no_due_date_is_never_urgent():
    assert urgency(None, date(2030, 1, 1), Policy()) == ""


# --- on a real store ---------------------------------------------------------------------

def test_a_received_case_is_due_for_investigation_after_the_weekend_and_holiday(tmp_path):
    store = make_store(tmp_path)
    store.set_settings({"holidays": [HOLIDAY_MONDAY.isoformat()]})
    work = Casework(store, today=date(2026, 11, 10))
    case_id = work.receive(make_application(received_on=FRIDAY.isoformat()))
    row = store.db["applications"].get(case_id)
    assert (row["due_on"], row["due_kind"]) == ("2026-11-12", "investigation")
    shown = case_detail(store.db, case_id, date(2026, 11, 10), store.policy)
    assert shown["urgency"] == "soon" and shown["due_label"]
    assert case_detail(store.db, case_id, date(2026, 11, 13), store.policy)["urgency"] == "overdue"
    store.close()


def test_the_due_date_follows_the_case(tmp_path):
    store = make_store(tmp_path)
    work = Casework(store, today=date(2026, 12, 31))
    case_id = work.receive(make_application(received_on="2026-11-02"))
    advance(work, case_id, "on_notice")
    row = store.db["applications"].get(case_id)
    assert (row["due_on"], row["due_kind"]) == ("2026-11-13", "notice_end")
    advance(work, case_id, "notice_done")
    row = store.db["applications"].get(case_id)
    assert (row["due_on"], row["due_kind"]) == ("2026-12-14", "case_total")
    store.close()


def test_overdue_and_soon_cases_are_counted(tmp_path):
    store = make_store(tmp_path)
    work = Casework(store, today=date(2026, 11, 16))
    work.receive_many([
        make_application(received_on="2026-11-02"),  # due Thu 11-05: overdue
        make_application(received_on="2026-11-03"),  # due Fri 11-06: overdue
        make_application(received_on="2026-11-12"),  # due Tue 11-17: soon
        make_application(received_on="2026-11-16"),  # due Thu 11-19: 3 days, not yet
    ])
    draft = work.receive(make_application(received_on="2026-11-02", draft=True))
    assert store.db["applications"].get(draft)["due_on"] is None
    assert urgent_counts(store.db, date(2026, 11, 16), store.policy) == {"overdue": 2,
                                                                         "soon": 1}
    store.close()
