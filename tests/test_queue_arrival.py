"""A case the township returned (退回补充) and the village sent again waits, and is
decided, from its second arrival: the queue's 已等 and 期限, the ledger's deadline and the
figures' 审批按期 (and so the 考核) all count from the latest 乡镇接收, not the first."""

from __future__ import annotations

from datetime import date

from desktop.core.deadlines import calendar_for
from desktop.operations.casework import Casework
from desktop.township.figures import monthly_figures
from desktop.township.queue import QueueFilter, queue_page
from tests.helpers import advance, make_application, make_store, playing

# after the first round (acknowledged 2026-11-17), returned, then sent again
SECOND_ROUND = [
    ("township", "return", {"date": "2026-11-18", "approver": "王审批", "reason": "请补充诊断证明"}),
    ("village", "investigate", {"date": "2026-11-20", "investigators": ["刘民生", "村主任"],
                                "methods": ["入户调查"], "household_income_fen": 1_800_000,
                                "household_expenditure_fen": 4_500_000,
                                "findings": "已补充诊断证明"}),
    ("village", "deliberate", {"date": "2026-11-23", "meeting_id": "PY-2026-12", "present": 9,
                               "representatives": 6, "votes_for": 8, "votes_against": 1,
                               "votes_abstain": 0, "conclusion": "同意", "minutes": "同意"}),
    ("village", "review", {"date": "2026-11-24", "passed": True, "opinion": "符合条件",
                           "proposed_fen": 100_000}),
    ("village", "post_notice", {"notice_id": "GS-2026-0099", "start": "2026-11-25", "days": 7,
                                "board": "村务公开栏"}),
    ("village", "close_notice", {"date": "2026-12-02"}),
    ("village", "submit", {"date": "2026-12-03"}),
    ("township", "acknowledge", {"date": "2026-12-04"}),  # a Friday
]
SECOND_ARRIVAL = date(2026, 12, 4)
TODAY = date(2026, 12, 8)  # the Tuesday after: 2 working days later


def _sent_again(tmp_path):
    store = make_store(tmp_path)
    work = Casework(store, date(2026, 12, 31))
    case_id = work.receive(make_application())
    advance(work, case_id, "acknowledged")
    for side, action, fields in SECOND_ROUND:
        with playing(store, side):
            work.step(case_id, action, fields)
    return store, work, case_id


def test_the_queue_counts_from_the_latest_arrival(tmp_path):
    store, _, case_id = _sent_again(tmp_path)
    try:
        cal = calendar_for(store.policy)
        (row,) = queue_page(store.db, QueueFilter(), TODAY, store.policy, 0, 10)
        assert row["id"] == case_id and row["arrived_on"] == SECOND_ARRIVAL.isoformat()
        assert row["waiting_days"] == 2  # not the 15 since the first arrival on 11-17
        due = cal.add_working_days(SECOND_ARRIVAL, store.policy.township_decision_days)
        assert row["decision_due"] == due == date(2026, 12, 18)
        assert store.db["applications"].get(case_id)["due_on"] == due.isoformat()  # ledger
        assert row["urgency"] == ""  # not shown as overdue
    finally:
        store.close()


def test_the_figures_time_the_second_decision_from_the_second_arrival(tmp_path):
    store, work, case_id = _sent_again(tmp_path)
    try:
        with playing(store, "township"):
            work.step(case_id, "approve", {"date": "2026-12-10", "approver": "王审批",
                                           "amount_fen": 100_000})
        (village,) = monthly_figures(store.db, "2026-12", store.policy).villages
        assert village.deadlines["dl_decision"] == [1, 1]  # 4 working days: in time
        assert village.spans["span_decide"] == [4]  # not 17 from the first arrival
        assert village.spans["span_acknowledge"] == [1]  # from the second submission
        (november,) = monthly_figures(store.db, "2026-11", store.policy).villages
        assert november.deadlines["dl_decision"] == [1, 1]  # the return, from 11-17
    finally:
        store.close()
