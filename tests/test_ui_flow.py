"""The village officer's path through the GUI: a new application through the form, then
investigation, a multi-case deliberation meeting and the preliminary review, each through
its dialog, until the ledger shows 初审通过. Refusals show a message and change nothing."""

from __future__ import annotations

import pytest
from conftest import TODAY, receive
from PySide6.QtCore import Qt

from desktop.storage import queries
from desktop.ui.application_form import ApplicationForm
from desktop.ui.case_view import CaseView
from desktop.ui.deliberation import DeliberationDialog
from desktop.ui.main_window import MainWindow
from desktop.ui.step_dialogs import InvestigateDialog, ReviewDialog
from tests.ui_hooks import answer_questions  # noqa: F401

VALID_ID = "11010519491231002X"


@pytest.fixture
def window(qtbot, store):
    win = MainWindow(store, TODAY)
    qtbot.addWidget(win)
    win.show()
    return win


def click(qtbot, button) -> None:
    assert button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def type_into(qtbot, edit, text: str) -> None:
    """Type ASCII key by key; Chinese arrives whole, as from an input method (QTest
    cannot synthesise key events for characters outside Latin-1)."""
    edit.clear()
    if text.isascii():
        qtbot.keyClicks(edit, text)
    elif hasattr(edit, "insert"):
        edit.insert(text)
    else:
        edit.insertPlainText(text)


def field_error(dialog, path: str) -> str:
    return dialog.board.boxes[path].error.text()


def row_of(window: MainWindow, case_id: str) -> int:
    return next(r for r in range(window.model.rowCount()) if window.model.case_id(r) == case_id)


def test_form_shows_id_errors_beside_the_field_and_saves_when_valid(qtbot, window, store):
    window.actions_by_name["新建申请"].trigger()
    form = window.dialog
    assert isinstance(form, ApplicationForm)
    assert not form.save_button.isEnabled()
    type_into(qtbot, form.inputs["applicant.name"], "王秀英")
    type_into(qtbot, form.inputs["applicant.group"], "第三村民小组")
    type_into(qtbot, form.inputs["requested_fen"], "1500")
    type_into(qtbot, form.inputs["applicant.id_number"], "11010519491231002Y")
    assert "第18位" in field_error(form, "applicant.id_number")
    assert not form.save_button.isEnabled()
    type_into(qtbot, form.inputs["applicant.id_number"], "110105491231002")
    assert "15位" in field_error(form, "applicant.id_number")
    assert not form.save_button.isEnabled()
    type_into(qtbot, form.inputs["applicant.id_number"], VALID_ID)
    assert field_error(form, "applicant.id_number") == ""
    assert "1949-12-31" in form.identity_info.text() and "女" in form.identity_info.text()
    assert form.save_button.isEnabled()

    # a member with a bad ID disables Save and is named under the table
    form.members.insertRows(0, 1)
    form.members.setData(form.members.index(0, 0), "王小明")
    form.members.setData(form.members.index(0, 1), "440524188001010015")
    assert "校验码" in form.member_errors.text()
    assert form.members.index(0, 1).data(Qt.ItemDataRole.ToolTipRole)
    assert not form.save_button.isEnabled()
    form.members.setData(form.members.index(0, 1), "440524188001010014")
    assert form.save_button.isEnabled()

    type_into(qtbot, form.inputs["requested_fen"], "12.345")
    assert "两位小数" in field_error(form, "requested_fen")
    type_into(qtbot, form.inputs["requested_fen"], "1,500.50")
    with qtbot.waitSignal(form.saved) as saved:
        click(qtbot, form.save_button)
    case_id = saved.args[0]
    row = window.model.row(row_of(window, case_id))
    assert row["applicant_name"] == "王秀英" and row["requested_fen"] == 150050
    assert row["household_size"] == 2
    assert window.model.index(row_of(window, case_id), 8).data() == "已受理"


def test_steps_to_review_through_the_dialogs(qtbot, window, casework):
    ids = receive(casework, 3)
    window.refresh()
    target, others = ids[0], ids[1:]
    view = window.open_case(row_of(window, target))
    assert isinstance(view, CaseView)
    assert set(view.buttons) == {"investigate", "pay_first", "refuse"} - (
        set() if casework.facts(target).category == "emergency" else {"pay_first"})

    # 入户调查
    dialog = view.start("investigate")
    assert isinstance(dialog, InvestigateDialog)
    type_into(qtbot, dialog.inputs["investigators"], "刘建华")
    assert "至少需要 2 名" in field_error(dialog, "investigators")
    assert not dialog.ok.isEnabled()
    type_into(qtbot, dialog.inputs["investigators"], "刘建华、曾志平")
    dialog.inputs["methods"].boxes["邻里访问"].setChecked(True)
    type_into(qtbot, dialog.inputs["household_income_fen"], "12000")
    type_into(qtbot, dialog.inputs["household_expenditure_fen"], "30000")
    type_into(qtbot, dialog.inputs["findings"], "房屋烧毁,情况属实")
    with qtbot.waitSignal(view.changed):
        click(qtbot, dialog.ok)
    assert casework.facts(target).status == "investigated"
    assert "deliberate" in view.buttons and "investigate" not in view.buttons
    for other in others:  # two more cases investigated off-screen, for one meeting
        casework.step(other, "investigate", {
            "date": TODAY.isoformat(), "investigators": ["甲", "乙"], "methods": ["入户调查"],
            "household_income_fen": 0, "household_expenditure_fen": 0, "findings": "属实"})

    # 民主评议: one meeting, several cases
    meeting = view.start("deliberate")
    assert isinstance(meeting, DeliberationDialog)
    assert meeting.model.rowCount() == 3
    assert list(meeting.model.votes()) == [target]  # the case we came from is ticked
    meeting.inputs["present"].setValue(9)
    meeting.inputs["representatives"].setValue(7)
    type_into(qtbot, meeting.inputs["minutes"], "到会代表一致同意")
    m = meeting.model
    m.setData(m.index(m.row_of(target), 4), 9)
    m.setData(m.index(m.row_of(others[0]), 0), Qt.CheckState.Checked,
              Qt.ItemDataRole.CheckStateRole)
    m.setData(m.index(m.row_of(others[0]), 4), 3)
    m.setData(m.index(m.row_of(others[0]), 5), 6)
    m.setData(m.index(m.row_of(others[0]), 7), "不同意")
    with qtbot.waitSignal(view.changed):
        click(qtbot, meeting.ok)
    assert casework.facts(target).status == "deliberated"
    assert casework.facts(others[0]).status == "deliberated"
    assert casework.facts(others[1]).status == "investigated"  # not ticked

    # 初审
    review = view.start("review")
    assert isinstance(review, ReviewDialog)
    assert review.inputs["proposed_fen"].text()  # prefilled with the requested amount
    type_into(qtbot, review.inputs["opinion"], "符合临时救助条件")
    type_into(qtbot, review.inputs["proposed_fen"], "1200")
    with qtbot.waitSignal(view.changed):
        click(qtbot, review.ok)
    history = queries.case_detail(casework.db, target, TODAY, casework.store.policy)["history"]
    assert [h["action"] for h in history] == ["receive", "investigate", "deliberate", "review"]
    assert "初审" in view.timeline.toPlainText()
    assert window.model.index(row_of(window, target), 8).data() == "初审通过"
    assert set(view.buttons) == {"notice"}  # the next thing to do: 初审公示


def test_meeting_with_too_few_representatives_is_refused(qtbot, window, casework, store):
    ids = receive(casework, 2)
    for case_id in ids:
        casework.step(case_id, "investigate", {
            "date": TODAY.isoformat(), "investigators": ["甲", "乙"], "methods": ["入户调查"],
            "household_income_fen": 0, "household_expenditure_fen": 0, "findings": "属实"})
    before = store.db["events"].count
    window.actions_by_name["民主评议会"].trigger()
    meeting = window.dialog
    meeting.model.setData(meeting.model.index(0, 0), Qt.CheckState.Checked,
                          Qt.ItemDataRole.CheckStateRole)
    meeting.inputs["present"].setValue(9)
    meeting.inputs["representatives"].setValue(2)
    assert "至少需要 6 名代表" in field_error(meeting, "representatives")
    assert not meeting.ok.isEnabled()
    meeting.perform()  # even forced, nothing is recorded
    assert store.db["events"].count == before
    assert {casework.facts(i).status for i in ids} == {"investigated"}


def test_a_refusal_from_the_operation_is_shown_in_the_dialog(qtbot, window, casework, store):
    case_id = receive(casework, 1)[0]
    window.refresh()
    view = window.open_case(row_of(window, case_id))
    dialog = view.start("investigate")
    type_into(qtbot, dialog.inputs["investigators"], "甲、乙")
    type_into(qtbot, dialog.inputs["household_income_fen"], "0")
    type_into(qtbot, dialog.inputs["household_expenditure_fen"], "0")
    type_into(qtbot, dialog.inputs["findings"], "属实")
    casework.step(case_id, "refuse", {"date": TODAY.isoformat(), "reason": "不符合条件"})
    before = store.db["events"].count
    click(qtbot, dialog.ok)
    assert "不予受理" in dialog.summary.text() and dialog.summary.isVisible()
    assert dialog.isVisible()
    assert store.db["events"].count == before
    assert casework.facts(case_id).status == "refused"


def test_keyboard_shortcuts_and_search(qtbot, window, casework):
    receive(casework, 5)
    window.refresh()
    assert window.model.rowCount() == 5
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.search.hasFocus())
    type_into(qtbot, window.search, "李建国")
    qtbot.waitUntil(lambda: window.model.rowCount() == 1)
    window.search.clear()
    qtbot.waitUntil(lambda: window.model.rowCount() == 5)
    counts = [window.statuses.item(i).text() for i in range(window.statuses.count())]
    assert counts == ["全部案件  5", "已受理  5"]
    window.table.setFocus()
    window.table.setCurrentIndex(window.model.index(0, 0))
    qtbot.keyClick(window.table, Qt.Key.Key_Return)
    assert isinstance(window.dialog, CaseView)
    window.dialog.reject()
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert isinstance(window.dialog, ApplicationForm)
    window.dialog.reject()
    assert "已超期" in window.banner.text() or "没有超期" in window.banner.text()


def test_accept_pay_first_and_refuse_dialogs(qtbot, window, casework):
    from conftest import application_doc

    draft = casework.receive(application_doc(1, draft=True))
    emergency = casework.receive(application_doc(3))  # odd n: 急难型
    other = casework.receive(application_doc(4))
    window.refresh()

    view = window.open_case(row_of(window, draft))
    assert set(view.buttons) == {"accept", "refuse"}
    accept = view.start("accept")
    with qtbot.waitSignal(view.changed):
        click(qtbot, accept.ok)
    assert casework.facts(draft).status == "received"

    view = window.open_case(row_of(window, emergency))
    pay = view.start("pay_first")
    type_into(qtbot, pay.inputs["amount_fen"], "-5")
    assert "负数" in field_error(pay, "amount_fen") and not pay.ok.isEnabled()
    type_into(qtbot, pay.inputs["amount_fen"], "800")
    type_into(qtbot, pay.inputs["authorised_by"], "乡镇民政办主任")
    with qtbot.waitSignal(view.changed):
        click(qtbot, pay.ok)
    assert casework.facts(emergency).status == "paid_first"
    assert "先行救助 800.00 元" in view.header.text()

    view = window.open_case(row_of(window, other))
    refuse = view.start("refuse")
    assert not refuse.ok.isEnabled()  # a reason is required
    type_into(qtbot, refuse.inputs["reason"], "不属于救助范围")
    with qtbot.waitSignal(view.changed):
        click(qtbot, refuse.ok)
    assert casework.facts(other).status == "refused"
    assert not view.buttons
    assert window.model.index(row_of(window, other), 8).data() == "不予受理"
