"""Issue 16.2, the officer's flow: dates typed as people write them; no dialog closes on an
error, and errors are in Chinese beside their field; typed work is not thrown away without
a question; a permanent step says what follows before it is recorded; a line in the status
bar after each action; the case view always offers the next thing, notices included."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from conftest import TODAY, receive
from PySide6.QtCore import Qt

from desktop.ui import guard
from desktop.ui import notice_dialogs as nd
from desktop.ui.date_field import parse_date_text
from desktop.ui.main_window import MainWindow
from tests.test_notice_helpers import NOTICE_TODAY, cases_at, village_store
from tests.ui_hooks import answer_questions, wait_for_work  # noqa: F401


@pytest.fixture
def window(qtbot, store):
    win = MainWindow(store, TODAY)
    qtbot.addWidget(win)
    win.show()
    return win


@pytest.fixture
def notice_window(qtbot, tmp_path):
    store = village_store(tmp_path)
    win = MainWindow(store, NOTICE_TODAY)
    qtbot.addWidget(win)
    win.show()
    yield win
    store.close()


def retype(qtbot, edit, text: str) -> None:
    """Select what the field holds and type over it, key by key, as the officer does."""
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, text)


def row_of(window, case_id: str) -> int:
    return next(r for r in range(window.model.rowCount()) if window.model.case_id(r) == case_id)


@pytest.mark.parametrize("typed", ["2026-12-05", "2026/12/5", "20261205", "2026.12.05",
                                   "2026年12月5日", " 2026-12-5 ", "２０２６－１２－０５"])
def test_a_date_in_any_usual_form_is_that_date(typed):
    assert parse_date_text(typed) == date(2026, 12, 5)


def test_a_typed_date_is_kept_or_refused_beside_the_field(qtbot, window, casework):
    case_id = receive(casework, 1)[0]
    window.refresh()
    view = window.open_case(row_of(window, case_id))
    dialog = view.start("investigate")
    field = dialog.inputs["date"]
    retype(qtbot, field, "2025/6/16")
    assert dialog.value("date") == "2025-06-16"  # not a date the officer never typed
    assert dialog.board.boxes["date"].error.text() == ""
    retype(qtbot, field, "2025-02-30")
    assert "没有 2025 年 2 月 30 日" in dialog.board.boxes["date"].error.text()
    assert not dialog.ok.isEnabled()
    retype(qtbot, field, "20250616x")
    assert "不是日期" in dialog.board.boxes["date"].error.text()
    retype(qtbot, field, (TODAY + timedelta(days=1)).strftime("%Y%m%d"))
    assert "晚于" in dialog.board.boxes["date"].error.text()


def test_notice_forms_stay_open_with_chinese_errors_beside_the_field(notice_window,
                                                                      monkeypatch):
    cases_at(notice_window.store, ["王䶮"])
    panel = notice_window.notice_panel
    shown = []
    monkeypatch.setattr(nd._Form, "ask", lambda self: shown.append(self) or self.submit())
    panel.show()
    dialog_days = None

    def zero_days(self):
        self.days.setValue(0)
        shown.append(self)
        return self.submit()
    monkeypatch.setattr(nd.ChooseCasesDialog, "ask", zero_days)
    assert panel.create() is None
    dialog_days = shown[-1]
    message = dialog_days.board.boxes["days"].error.text()
    assert message and "days" not in message and "天" in message
    assert dialog_days.result() != dialog_days.DialogCode.Accepted  # still open

    monkeypatch.setattr(nd.ChooseCasesDialog, "ask", lambda self: self.submit())
    notice_id = panel.create()
    panel.select(notice_id)
    assert panel.add_objection() is None  # no content typed
    objection = shown[-1]
    message = objection.board.boxes["content"].error.text()
    assert message and "content" not in message
    assert "已新建初审公示" in notice_window.statusBar().currentMessage()


def test_typed_work_is_not_thrown_away_without_a_question(qtbot, window, monkeypatch,
                                                        answer_questions):  # noqa: F811
    form = window.new_application()
    form.reject()  # nothing typed: closes without a question
    assert not form.isVisible() and not answer_questions
    form = window.new_application()
    qtbot.keyClicks(form.inputs["applicant.group"], "3")
    monkeypatch.setattr(guard, "ask_yes", lambda *a, **k: answer_questions.append(a[1]))
    qtbot.keyClick(form, Qt.Key.Key_Escape)
    assert form.isVisible() and "放弃" in answer_questions[-1]


def test_a_permanent_step_says_its_consequence_first(qtbot, window, casework, monkeypatch):
    case_id = receive(casework, 1)[0]
    window.refresh()
    view = window.open_case(row_of(window, case_id))
    dialog = view.start("investigate")
    qtbot.keyClicks(dialog.inputs["investigators"], "a,b")
    for path in ("household_income_fen", "household_expenditure_fen"):
        dialog.inputs[path].setText("0")
    dialog.inputs["findings"].setPlainText("属实")
    assert not dialog.validate()
    asked = []
    monkeypatch.setattr(guard, "ask_yes", lambda _p, text, **k: asked.append(text) or False)
    dialog.perform()
    assert "入户调查" in asked[0] and "不能撤销" in asked[0] and "民主评议" in asked[0]
    assert casework.facts(case_id).status == "received" and dialog.isVisible()
    monkeypatch.setattr(guard, "ask_yes", lambda *a, **k: True)
    dialog.perform()
    assert casework.facts(case_id).status == "investigated"
    assert "已登记入户调查" in window.statusBar().currentMessage()


def test_the_case_view_offers_the_notice_next(notice_window, monkeypatch):
    reviewed = cases_at(notice_window.store, ["张三", "李四"])
    approved = cases_at(notice_window.store, ["王五"], status="approved")
    notice_window.refresh()
    opened = []
    monkeypatch.setattr(nd.ChooseCasesDialog, "ask", lambda self: opened.append(self))
    view = notice_window.open_case(row_of(notice_window, reviewed[0]))
    assert "notice" in view.buttons and "没有" not in view.action_bar.itemAt(0).widget().text()
    view.buttons["notice"].click()
    ticked = [opened[-1].cases.item(i).checkState() == Qt.CheckState.Checked
              for i in range(opened[-1].cases.count())]
    assert opened[-1].windowTitle() == "新建初审公示" and ticked == [True, False]
    view = notice_window.open_case(row_of(notice_window, approved[0]))
    view.buttons["result"].click()
    assert opened[-1].windowTitle() == "结果公示" and opened[-1].values()["case_ids"] == approved


def test_errors_do_not_move_the_fields_below(qtbot, window, casework):
    case_id = receive(casework, 1)[0]
    window.refresh()
    dialog = window.open_case(row_of(window, case_id)).start("investigate")
    qtbot.waitExposed(dialog)
    below = dialog.inputs["methods"]
    before = below.mapTo(dialog, below.rect().topLeft()).y()
    qtbot.keyClicks(dialog.inputs["investigators"], "a")  # one investigator: an error
    assert dialog.board.boxes["investigators"].error.text()
    assert below.mapTo(dialog, below.rect().topLeft()).y() == before


def test_first_run_setup_messages_follow_the_corrections(qtbot, tmp_path):
    from desktop.ui.setup import SetupDialog

    setup = SetupDialog(tmp_path / "new")
    qtbot.addWidget(setup)
    setup.create()  # everything empty: every field says what is missing
    assert setup.board.boxes["county"].error.text()
    setup.inputs["county"].setText("新邵县")
    assert setup.board.boxes["county"].error.text() == ""
    assert setup.board.boxes["officer"].error.text()


def test_sending_to_the_township_says_which_cases_are_reported(
        qtbot, notice_window, monkeypatch, answer_questions, tmp_path):  # noqa: F811
    from desktop.sync import export
    from desktop.ui.sync_dialogs import ExportDialog

    cases_at(notice_window.store, ["张三"], status="notice_done")
    monkeypatch.setattr(export, "export_bundles", lambda *a, **k: [])
    dialog = ExportDialog(notice_window.store, NOTICE_TODAY, notice_window,
                          volumes=[("U 盘", tmp_path, True)])
    dialog.do_export()  # no township enrolled: said in the dialog, and nothing asked
    assert "还没有登记乡镇民政办的身份文件" in dialog.error.text() and dialog.error.isVisibleTo(dialog)
    assert answer_questions == []
    monkeypatch.setattr(export, "recipients", lambda store: [{"name": "陈家坊镇民政办"}])
    dialog.do_export()
    wait_for_work(qtbot)
    assert "1 件案件随数据包上报" in answer_questions[-1] and "已上报" in answer_questions[-1]
