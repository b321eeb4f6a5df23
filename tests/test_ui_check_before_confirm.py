"""A step that cannot be undone is checked before the officer is asked to confirm it: a
refusal is said beside its field (or in the dialog) and no question is asked; only a step
that will pass is put to the question, whose button shows its whole text. Also the
new application form's summary and Enter, the meeting opened clean, and the safe
default of 忘记口令's question."""

from __future__ import annotations

import pytest
from conftest import TODAY, receive
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from desktop.ui import guard
from desktop.ui import notice_dialogs as nd
from desktop.ui.main_window import MainWindow
from desktop.ui.step_dialogs import InvestigateDialog
from tests.test_notice_helpers import cases_at, shown_notice_window
from tests.ui_hooks import answer_questions  # noqa: F401

REAL_ASK_YES = guard.ask_yes  # before the fixture answers every question


@pytest.fixture
def notice_window(qtbot, tmp_path):
    win, store = shown_notice_window(qtbot, tmp_path)
    yield win
    store.close()


def posted(window, monkeypatch, names=("王䶮",)) -> list[str]:
    """Cases on a new 初审公示 (its question answered), the batch selected."""
    ids = cases_at(window.store, list(names))
    monkeypatch.setattr(nd.ChooseCasesDialog, "ask", lambda self: self.submit())
    window.notice_panel.show()
    assert window.notice_panel.create() == "GS-2026-0001"
    return ids


def test_an_empty_objection_is_refused_beside_its_field_and_nothing_is_asked(
        notice_window, monkeypatch, answer_questions):  # noqa: F811
    posted(notice_window, monkeypatch)
    asked = len(answer_questions)
    monkeypatch.setattr(nd.ObjectionDialog, "ask", lambda self: None)  # left open
    panel = notice_window.notice_panel
    panel.add_objection()
    dialog = panel.dialog
    assert not dialog.ok.isEnabled()  # as every step dialog: OK only when it can pass
    assert dialog.board.boxes["content"].error.text() == ""  # not red before typing
    dialog.submit()  # Enter, forced
    assert "请填写异议内容" in dialog.board.boxes["content"].error.text()
    assert len(answer_questions) == asked and dialog.result_value is None
    dialog.content.setPlainText("反映家中有车")
    assert dialog.ok.isEnabled()
    dialog.ok.click()
    assert len(answer_questions) == asked + 1 and "登记异议" in answer_questions[-1]
    assert notice_window.store.db["objections"].count == 1


def test_closing_a_notice_early_is_refused_before_the_question(
        notice_window, monkeypatch, answer_questions):  # noqa: F811
    ids = posted(notice_window, monkeypatch)
    asked = len(answer_questions)
    panel = notice_window.notice_panel
    panel.close_batch()
    assert "起才能结束公示" in panel.last_message
    assert len(answer_questions) == asked
    assert notice_window.store.db["applications"].get(ids[0])["status"] == "on_notice"


def test_the_result_notice_days_start_at_the_rules_minimum(notice_window, monkeypatch):
    monkeypatch.setattr(nd.ChooseCasesDialog, "ask", lambda self: None)
    notice_window.notice_panel.post_results()
    days = notice_window.notice_panel.dialog.days
    days.setValue(0)
    assert days.minimum() == 1 and days.value() == 1


def test_a_step_the_case_no_longer_allows_is_refused_before_the_question(
        qtbot, store, casework, answer_questions):  # noqa: F811
    case_id = receive(casework, 1)[0]
    dialog = InvestigateDialog(casework, case_id, {"applicant_name": "王秀英"})
    qtbot.addWidget(dialog)
    dialog.inputs["investigators"].setText("甲、乙")
    dialog.inputs["household_income_fen"].setText("0")
    dialog.inputs["household_expenditure_fen"].setText("0")
    dialog.inputs["findings"].setPlainText("属实")
    casework.step(case_id, "refuse", {"date": TODAY.isoformat(), "reason": "不符合条件"})
    before = store.db["events"].count
    dialog.ok.click()
    assert "不予受理" in dialog.summary.text()
    assert answer_questions == [] and store.db["events"].count == before


def test_the_confirm_button_shows_its_whole_text(monkeypatch):
    labels = []
    monkeypatch.setattr(guard, "ask_yes", lambda _p, _t, yes, no, **k: labels.append(yes))
    guard.confirm_step(None, "结束公示 GS-2026-0005", "结束后……")
    guard.confirm_step(None, "抽取 2026-12 的抽查案件", "每月抽取一次……")
    guard.confirm_step(None, "批准:430522101201-2026-0002 李香凤,金额 1000 元", "……")
    assert labels == ["确定结束公示", "确定抽取", "确定批准"]


# -- 新建申请 -----------------------------------------------------------------------------
@pytest.fixture
def form(qtbot, store):
    win = MainWindow(store, TODAY)
    qtbot.addWidget(win)
    win.show()
    win.actions_by_name["新建申请"].trigger()
    form = win.dialog
    qtbot.waitExposed(form)
    yield form
    form.typed = False


def fill_valid(form) -> None:
    form.inputs["applicant.name"].setText("王秀英")
    form.inputs["applicant.group"].setText("第三村民小组")
    form.inputs["requested_fen"].setText("1500")
    form.inputs["applicant.id_number"].setText("11010519491231002X")


def test_the_summary_names_every_invalid_value_and_show_all_goes_to_the_first(form):
    fill_valid(form)
    assert form.save_button.isEnabled()
    form.inputs["household.bank_account"].setText("123")
    form.inputs["applicant.id_number"].setText("430522199001011234")  # checksum
    assert not form.save_button.isEnabled()
    summary = form.summary.text()
    assert "2 处" in summary and "身份证号" in summary and "银行账号" in summary
    assert "。；" not in summary and summary.endswith("。")  # one sentence, one full stop
    assert form.summary.isVisible()
    form.inputs["applicant.id_number"].setText("11010519491231002X")
    assert "1 处" in form.summary.text() and "银行账号" in form.summary.text()
    form.inputs["applicant.name"].setFocus()
    form.show_all.click()
    account = form.inputs["household.bank_account"]
    assert form.focusWidget() is account
    top = account.mapTo(form.scroll.viewport(), account.rect().topLeft()).y()
    assert 0 <= top < form.scroll.viewport().height()  # scrolled into view


def test_enter_in_a_field_never_adds_a_family_member(qtbot, form):
    buttons = [b for b in form.findChildren(QPushButton) if b.autoDefault() or b.isDefault()]
    assert buttons == [form.save_button]
    name = form.inputs["applicant.name"]
    name.setFocus()
    qtbot.keyClick(name, Qt.Key.Key_Return)  # Save is off: nothing happens
    assert form.members.rowCount() == 0 and form.isVisible()
    fill_valid(form)
    name.setFocus()
    with qtbot.waitSignal(form.saved):
        qtbot.keyClick(name, Qt.Key.Key_Return)
    assert form.members.rowCount() == 0


# -- 民主评议 -----------------------------------------------------------------------------
def test_the_meeting_opens_without_red_for_what_was_not_typed(qtbot, casework):
    from desktop.ui.deliberation import DeliberationDialog

    ids = receive(casework, 2)
    for case_id in ids:
        casework.step(case_id, "investigate", {
            "date": TODAY.isoformat(), "investigators": ["甲", "乙"], "methods": ["入户调查"],
            "household_income_fen": 0, "household_expenditure_fen": 0, "findings": "属实"})
    dialog = DeliberationDialog(casework, preselect=ids[0])
    qtbot.addWidget(dialog)
    assert dialog.vote_errors.text() == "" and not dialog.model._errors
    assert dialog.inputs["present"].minimum() == 1
    row = dialog.model.row_of(ids[0])
    dialog.model.setData(dialog.model.index(row, 4), 0)  # the officer types 赞成 0
    assert ids[0] in dialog.vote_errors.text() and dialog.model._errors


# -- 忘记口令 -----------------------------------------------------------------------------
def test_new_keys_are_not_made_by_enter(qtbot, tmp_path, monkeypatch):
    from desktop.ui import safety_start
    from tests.helpers import make_store

    monkeypatch.setattr(guard, "ask_yes", REAL_ASK_YES)
    store = make_store(tmp_path)
    window = MainWindow(store, TODAY)
    qtbot.addWidget(window)
    safety_start.ensure_menu(window)
    seen = []

    def answer_with_enter():
        boxes = [b for b in QApplication.topLevelWidgets()
                 if isinstance(b, QMessageBox) and b.isVisible()]
        if not boxes:
            QTimer.singleShot(20, answer_with_enter)
            return
        default = boxes[0].defaultButton()
        seen.append(default.text() if default else "")
        if default:
            default.click()  # what Enter does
        else:
            boxes[0].reject()

    QTimer.singleShot(0, answer_with_enter)
    assert window.safety_panel.confirm("……确定生成新的密钥吗?") is False
    assert seen == ["取消"]
    store.close()
