"""The ledger's cells are held by Qt (issue 17): a paint of the table runs no Python, and
what the officer sees stays as it was — every row's texts and deadline colour, on the
first screen, further down the page and on the pages fetched as the table scrolls, after
a search; and a double-click on any cell opens the case."""

from __future__ import annotations

import sys

import pytest
from conftest import TODAY, receive
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QToolBar

from desktop.core.status import status_label
from desktop.storage.queries import LedgerFilter
from desktop.ui.case_view import CaseView
from desktop.ui.ledger_model import REST_OF_PAGE_MS, URGENCY_COLOURS
from desktop.ui.main_window import MainWindow
from tests.ui_hooks import answer_questions  # noqa: F401

BACKGROUND = Qt.ItemDataRole.BackgroundRole


@pytest.fixture
def window(qtbot, store):
    win = MainWindow(store, TODAY)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def python_calls_during(action) -> list[str]:
    """The Python functions of the ledger's model and window entered while `action` runs."""
    entered = []

    def watch(frame, event, _arg):
        if event == "call" and "desktop" in frame.f_code.co_filename:
            entered.append(f"{frame.f_code.co_filename}:{frame.f_code.co_name}")

    sys.setprofile(watch)
    try:
        action()
    finally:
        sys.setprofile(None)
    return [name for name in entered if "ledger_model" in name]


def assert_rows_as_the_officer_reads_them(model, rows: range) -> None:
    for r in rows:
        row = model.row(r)
        assert model.index(r, 8).data() == status_label(row["status"])
        assert model.index(r, 1).data() == row["applicant_name"]
        colour = URGENCY_COLOURS.get(row["urgency"])
        for col in (0, 5, 10):
            assert model.index(r, col).data(BACKGROUND) == colour, (r, col)
        assert model.index(r, 6).data(Qt.ItemDataRole.TextAlignmentRole) == \
            int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)  # the amount


def test_painting_the_ledger_calls_no_python_for_its_cells(qtbot, casework, window):
    receive(casework, 60, spread_days=90)
    window.refresh()
    qtbot.wait(REST_OF_PAGE_MS + 50)
    viewport = window.table.viewport()
    shown = window.table.rowAt(viewport.height() - 1)
    assert shown > 5  # a screen of rows, painted below
    assert python_calls_during(viewport.repaint) == []
    assert_rows_as_the_officer_reads_them(window.model, range(window.model.rowCount()))


def test_every_row_keeps_its_texts_and_colour_down_the_page_and_on_later_pages(
        qtbot, casework, window):
    receive(casework, 450, spread_days=120)
    window.refresh()
    model = window.model
    assert model.rowCount() == 200
    assert_rows_as_the_officer_reads_them(model, range(model.shown_rows()))  # before a paint
    qtbot.wait(REST_OF_PAGE_MS + 50)  # the rest of the page, once it has painted
    assert_rows_as_the_officer_reads_them(model, range(200))
    assert {model.row(r)["urgency"] for r in range(200)} >= {"overdue", ""}
    window.table.scrollToBottom()  # the view asks for the next page
    qtbot.waitUntil(lambda: model.rowCount() > 200)
    window.table.verticalScrollBar().setValue(window.table.verticalScrollBar().value() + 1)
    assert_rows_as_the_officer_reads_them(model, range(model.rowCount()))  # made as it scrolls
    # a search: the rows of the page before leave no colour or text behind
    window.search.setText("第三村民小组")
    qtbot.waitUntil(lambda: model.total < 450)
    qtbot.wait(REST_OF_PAGE_MS + 50)
    assert_rows_as_the_officer_reads_them(model, range(model.rowCount()))
    model.set_filter(LedgerFilter(status="paid"))
    assert model.rowCount() == 0 and model.index(0, 8).data() is None


def test_a_double_click_on_any_cell_opens_its_case_and_edits_nothing(qtbot, casework,
                                                                      window):
    ids = receive(casework, 3)
    window.refresh()
    qtbot.wait(1)
    model, table = window.model, window.table
    row = next(r for r in range(model.rowCount()) if model.case_id(r) == ids[1])
    for col in (0, 2, 6, 10):
        assert model.flags(model.index(row, col)) == \
            Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled  # not editable
    cell = table.visualRect(model.index(row, 2)).center()
    qtbot.mousePress(table.viewport(), Qt.MouseButton.LeftButton, pos=cell)  # as a hand does
    qtbot.mouseRelease(table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    assert table.state() != QAbstractItemView.State.EditingState
    assert isinstance(window.dialog, CaseView) and window.dialog.case_id == ids[1]
    window.dialog.close()
    QApplication.processEvents()


def test_return_or_the_keypad_enter_opens_the_row_and_shift_return_does_not(qtbot, casework,
                                                                             window):
    """The keys are read by number (no `Qt` before the first paint): Return and the
    keypad's Enter open the current row, as the shortcuts did; with Shift, nothing."""
    ids = receive(casework, 2)
    window.refresh()
    window.table.setFocus()
    window.table.setCurrentIndex(window.model.index(1, 0))
    qtbot.keyClick(window.table, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert window.dialog is None
    qtbot.keyClick(window.table, Qt.Key.Key_Enter, Qt.KeyboardModifier.KeypadModifier)
    assert isinstance(window.dialog, CaseView) and window.dialog.case_id in ids
    window.dialog.close()


def test_once_painted_the_toolbar_shows_words_and_case_numbers_keep_their_end(qtbot, window):
    """Set 300 ms after the window is made (they need `Qt`, built after the first paint)."""
    qtbot.waitUntil(lambda: window.table.itemDelegateForColumn(0) is not None, timeout=3000)
    delegate = window.table.itemDelegateForColumn(0)
    assert delegate.mode == Qt.TextElideMode.ElideLeft
    bar = window.findChildren(QToolBar)[0]
    assert bar.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonTextOnly
