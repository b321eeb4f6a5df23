"""The case window at the county (issue 14): it says it is the county's (县民政局审批),
its header shows the 先行救助 paid and, once the county approves, the county's amount
and number — before the township records it — and the confirmation says the decision
goes to the township, which passes it on to the village."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop.township.decisions import Decisions
from desktop.ui.township_case import TownshipCaseView
from tests import county_world
from tests.helpers import TODAY, advance, make_application
from tests.township_world import REVIEW
from tests.ui_hooks import answer_questions  # noqa: F401

world = county_world.world


def referred_after_paying_first(world) -> str:
    work = world.work(world.a)
    (case_id,) = work.receive_many([make_application(category="emergency", reason="fire")])
    work.step(case_id, "pay_first", {"date": "2026-11-02", "amount_fen": 20_000,
                                     "authorised_by": "村主任", "method": "现金"})
    work.step(case_id, "investigate", {
        "date": "2026-11-03", "investigators": ["刘民生", "村主任"], "methods": ["入户调查"],
        "household_income_fen": 0, "household_expenditure_fen": 0, "findings": "情况属实"})
    advance(work, case_id, "deliberated")
    work.step(case_id, "review", {**REVIEW, "proposed_fen": 200_000})
    advance(work, case_id, "notice_done")
    world.up()
    Decisions(world.township, TODAY).refer(case_id)
    world.send(world.township, world.county)
    return case_id


def test_the_county_case_shows_its_decision_and_what_was_paid_first(qtbot, world,
                                                                     answer_questions):  # noqa: F811
    case_id = referred_after_paying_first(world)
    view = TownshipCaseView(world.county, TODAY, case_id)
    qtbot.addWidget(view)
    assert view.windowTitle() == f"县民政局审批 — 案件 {case_id}"
    assert "先行救助 200.00 元" in view.header.text() and "批准 —" in view.header.text()
    dialog = view.start("approve")
    assert "送达乡镇,由乡镇登记后转送村里" in dialog.findChild(type(view.header)).text()
    dialog.amount.setText("1100")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    asked = answer_questions[-1]
    assert "送达乡镇" in asked and "送回村里" not in asked
    header = view.header.text()
    assert "批准 1,100.00 元" in header and "先行救助 200.00 元" in header
    assert "县局决定:批准 1,100.00 元,文号 新邵县民政局转县审批〔2026〕1号" in header
    assert view.action_bar.itemAt(0).widget().text() == "现在没有县局可办理的操作。"
    assert "乡镇" not in view.windowTitle()


def test_the_township_case_keeps_its_own_words(qtbot, world):
    case_id = referred_after_paying_first(world)
    view = TownshipCaseView(world.township, TODAY, case_id)
    qtbot.addWidget(view)
    assert view.windowTitle() == f"乡镇审核 — 案件 {case_id}"
    assert "先行救助 200.00 元" in view.header.text()


def test_a_dibao_household_at_the_county_shows_what_it_was_paid(qtbot, world):
    """Paid by the month, never once: the header says the monthly amount and the months
    paid (it said "发放 —"), at the county as at the township; the history is whole."""
    from tests.test_county_dibao import _posted_and_paid, _to_county

    case_id = _posted_and_paid(world)
    _to_county(world)
    for store in (world.county, world.township):
        view = TownshipCaseView(store, TODAY, case_id)
        qtbot.addWidget(view)
        header = view.header.text()
        assert "批准每月 790.00 元 · 已按月发放 1 个月,共 790.00 元" in header, header
        assert "最低生活保障" in header and "发放 —" not in header
        timeline = view.timeline.toPlainText()
        assert "受理申请" in timeline and "结果公示" in timeline
