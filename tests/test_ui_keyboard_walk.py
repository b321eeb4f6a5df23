"""An officer's day with the keyboard only, as walked at 1366×768: find a case by
typing its name, open it with Enter, record the next step, send it to the township.
Each test presses the keys the officer presses and checks what the officer sees: where
the focus is, which row is selected, which window opened."""

from __future__ import annotations

import pytest
from conftest import TODAY, application_doc, receive
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication

from desktop.ui.main_window import MainWindow
from tests.sync_world import World
from tests.test_ui_sync import window_for
from tests.ui_hooks import answer_questions, wait_for_work  # noqa: F401

ENTER = Qt.Key.Key_Return


@pytest.fixture
def window(qtbot, store, tmp_path):
    """The village's main window, shown, with QSettings of this test only."""
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "cfg"))
    win = MainWindow(store, TODAY)
    qtbot.addWidget(win)
    win.show()
    return win


def _type_search(qtbot, window, text: str) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(window.search, text)


def test_enter_in_the_search_opens_the_one_case_found(qtbot, window, casework):
    """The footer says 按回车打开案件: with one case found, Enter in 查找 opens it at once
    (it did nothing; the row was three Tabs away, past 年度 and the status list)."""
    ids = receive(casework, 3)
    window.refresh()
    number = application_doc(1)["applicant"]["id_number"]  # (QTest types ASCII only)
    _type_search(qtbot, window, number)
    qtbot.keyClick(window.search, ENTER)  # before the search's delay has run out
    view = window.dialog
    assert view is not None and view.isVisible() and view.case_id == ids[1]
    view.reject()


def test_enter_or_down_in_the_search_goes_to_the_first_row_found(qtbot, window, casework):
    receive(casework, 3)
    window.refresh()
    _type_search(qtbot, window, "430522")  # every ID number: all three cases
    qtbot.keyClick(window.search, Qt.Key.Key_Down)
    assert window.table.hasFocus()
    assert [i.row() for i in window.table.selectionModel().selectedRows()] == [0]
    window.search.setFocus()
    qtbot.keyClick(window.search, ENTER)
    assert window.table.hasFocus() and window.dialog is None  # several: choose, then Enter
    qtbot.keyClick(window.table, ENTER)
    assert window.dialog is not None and window.dialog.case_id == window.model.case_id(0)
    window.dialog.reject()


def test_tabbing_into_the_ledger_selects_a_row(qtbot, window, casework):
    """A table reached by Tab showed only a faint dotted cell: which case Enter would open
    was not to be seen. It shows the current row selected."""
    receive(casework, 2)
    window.refresh()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.statuses.setFocus()
    assert not window.table.selectionModel().hasSelection()
    qtbot.keyClick(window.statuses, Qt.Key.Key_Tab)
    assert window.table.hasFocus()
    assert [i.row() for i in window.table.selectionModel().selectedRows()] == [0]


def test_a_new_application_shows_in_a_ledger_filtered_for_another(qtbot, window, casework):
    """Saved while 查找 held another name, the new case was hidden and nothing selected.
    The filter gives way: the new case is selected with the focus on it."""
    receive(casework, 2)
    window.refresh()
    _type_search(qtbot, window, application_doc(0)["applicant"]["id_number"])
    qtbot.waitUntil(lambda: window.model.rowCount() == 1)
    form = window.new_application()
    form.saved.emit(receive(casework, 1, start=5)[0])  # as the form does once it saved
    form.reject()
    new_id = casework.db.execute("SELECT MAX(id) FROM applications").fetchone()[0]
    rows = window.table.selectionModel().selectedRows()
    assert [window.model.case_id(i.row()) for i in rows] == [new_id]
    assert window.search.text() == "" and window.table.hasFocus()
    QApplication.processEvents()
    assert [window.model.case_id(i.row()) for i in
            window.table.selectionModel().selectedRows()] == [new_id]
    assert TODAY  # (the store's day: the cases above were received today)


def _enter_in(qtbot, dialog) -> None:
    """Enter where the dialog has put the focus, as the officer presses it."""
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.keyClick(dialog.focusWidget() or dialog, ENTER)


def test_enter_sends_to_the_folder_chosen_and_imports_the_bundles_listed(qtbot, tmp_path):
    """Enter opened 其他文件夹… / 选择数据包… again (the focus was left on it) instead of
    exporting or importing what had just been chosen."""
    world = World(tmp_path)
    try:
        world.cases_ready(world.a, 1)
        export = window_for(qtbot, world.a).sync_panel.export()
        asked: list = []
        export.ask_folder = lambda: asked.append("folder") or str(world.usb)
        qtbot.waitExposed(export)
        export._other_folder()  # Alt+A, a folder chosen
        _enter_in(qtbot, export)
        wait_for_work(qtbot)
        assert asked == ["folder"] and "随包上报 1 件" in export.result.toPlainText()
        (path,) = export.done_files
        export.reject()
        dialog = window_for(qtbot, world.township).sync_panel.import_bundles()
        dialog.ask_files = lambda: asked.append("files") or [str(path)]
        qtbot.waitExposed(dialog)
        _enter_in(qtbot, dialog)  # nothing listed yet: Enter asks for the bundles
        assert asked == ["folder", "files"] and dialog.files.count() == 1
        _enter_in(qtbot, dialog)  # listed: Enter imports them
        wait_for_work(qtbot)
        assert asked == ["folder", "files"] and "已导入 1 个数据包" in dialog.report.toPlainText()
    finally:
        world.close()


def test_enter_with_a_problem_puts_the_cursor_in_the_field_at_fault(qtbot, window, casework):
    """入户调查 with 调查人 left empty: Enter did nothing (OK is off until the form is
    right) and said nothing beside the untouched field. It shows the message there and
    puts the cursor in it; the officer types, and Enter records the step."""
    (case_id,) = receive(casework, 1)
    window.refresh()
    view = window.open_case(0)
    dialog = view.start("investigate")
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.keyClick(dialog.focusWidget(), ENTER)  # in 调查日期, the first field
    investigators = dialog.inputs["investigators"]
    assert dialog.isVisible() and investigators.hasFocus()
    assert dialog.board.boxes["investigators"].error.isVisible()
    investigators.setText("张三、李四")  # Chinese arrives whole, as from an input method
    for path, text in (("household_income_fen", "12000"), ("household_expenditure_fen", "3000")):
        dialog.inputs[path].setFocus()
        qtbot.keyClicks(dialog.inputs[path], text)
    dialog.inputs["findings"].setPlainText("房屋烧毁,情况属实")
    qtbot.keyClick(dialog.inputs["household_expenditure_fen"], ENTER)
    assert not dialog.isVisible() and casework.case(case_id)["status"] == "investigated"
    view.reject()


def test_enter_in_the_new_application_form_goes_to_the_first_problem(qtbot, window):
    form = window.new_application()
    qtbot.waitExposed(form)
    form.activateWindow()
    qtbot.waitUntil(form.isActiveWindow)
    name = form.inputs["applicant.name"]
    name.setText("王小花")
    qtbot.keyClick(name, ENTER)
    number = form.inputs["applicant.id_number"]
    assert form.isVisible() and number.hasFocus()
    assert form.board.boxes["applicant.id_number"].error.isVisible()
    form.hide()


def test_the_case_view_opens_on_its_next_step_and_tabs_from_the_top(qtbot, window, casework):
    """The 下一步 buttons are at the top of the case view: the first has the focus when it
    opens and again after a step (they came last in Tab order, after the tabs, both
    panes and 关闭, and a step recorded left the focus nowhere)."""
    receive(casework, 1)
    window.refresh()
    view = window.open_case(0)
    qtbot.waitExposed(view)
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow)
    first, *others = view.buttons.values()
    assert first.hasFocus() and "入户调查" in first.text()
    for button in others:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        assert button.hasFocus()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert view.tabs.isAncestorOf(QApplication.focusWidget()) or view.tabs.hasFocus()
    qtbot.keyClick(view.buttons["investigate"], ENTER)  # the step's dialog opens
    dialog = view.dialog
    qtbot.waitExposed(dialog)
    dialog.inputs["investigators"].setText("张三、李四")
    dialog.inputs["household_income_fen"].setText("120")
    dialog.inputs["household_expenditure_fen"].setText("30")
    dialog.inputs["findings"].setPlainText("房屋烧毁,情况属实")
    dialog.perform()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow)
    now = next(iter(view.buttons.values()))
    assert "民主评议" in now.text() or "评议" in now.text()
    qtbot.waitUntil(now.hasFocus)
    view.reject()
