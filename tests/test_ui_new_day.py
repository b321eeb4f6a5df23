"""A window left open past midnight goes on with the new day (ui/new_day.py): the
morning's steps are not recorded under yesterday's date."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtWidgets import QDialog

from desktop.core import clock
from desktop.operations.casework import Casework
from desktop.ui import safety_start
from desktop.ui.main_window import MainWindow
from tests.helpers import make_application, make_store

EVENING = datetime(2026, 12, 1, 23, 50)  # China's time
MORNING = datetime(2026, 12, 2, 7, 40)


def _window(qtbot, store):
    window = MainWindow(store, clock.today())
    qtbot.addWidget(window)
    safety_start.ensure_menu(window)
    window.show()
    return window


def test_the_window_turns_to_the_new_day_keeping_what_was_shown(qtbot, tmp_path, set_clock):
    set_clock(EVENING)
    store = make_store(tmp_path)
    case_id = Casework(store, date(2026, 12, 1)).receive(make_application())
    window = _window(qtbot, store)
    window.search.setText(store.db.execute("SELECT applicant_name FROM applications")
                          .fetchone()[0])
    window.apply_filter()
    window.select_case(case_id)
    window.safety_panel.daily()
    assert window.safety_panel.replacement is None and window.isVisible()  # same day
    set_clock(MORNING)
    window.safety_panel.daily()  # the hour's tick
    new = window.safety_panel.replacement
    assert new is not None and new is not window
    qtbot.addWidget(new)
    assert not window.isVisible() and new.isVisible()
    assert new.today == date(2026, 12, 2) and new.casework.today == date(2026, 12, 2)
    assert "2026-12-02" in new.footer.text()
    assert new.search.text() == window.search.text() and new.model.total == 1
    assert new.model.case_id(new.table.selectionModel().selectedRows()[0].row()) == case_id
    assert "新的一天" in new.statusBar().currentMessage()
    window.safety_panel.daily()  # the old window's tick (or its activation) again
    qtbot.wait(50)
    assert window.safety_panel.replacement is new  # replaced once, not twice


def test_not_while_a_dialog_is_open_nor_for_a_window_given_its_day(qtbot, tmp_path,
                                                                     set_clock):
    set_clock(EVENING)
    store = make_store(tmp_path)
    window = _window(qtbot, store)
    dialog = QDialog(window)  # e.g. a form half typed
    dialog.show()
    set_clock(MORNING)
    window.safety_panel.daily()
    assert window.safety_panel.replacement is None and window.isVisible()
    dialog.close()
    window.safety_panel.daily()
    assert window.safety_panel.replacement is not None  # at the next quiet tick
    qtbot.addWidget(window.safety_panel.replacement)
    given = MainWindow(store, date(2026, 6, 1))  # a day given, not the clock's: kept
    qtbot.addWidget(given)
    safety_start.ensure_menu(given)
    given.show()
    given.safety_panel.daily()
    assert given.safety_panel.replacement is None
