"""Alt+letter of a menu opens that menu in every window of every role: no button of any
tab of the main window takes a menu's letter (Qt would then do neither on the first
press), whether the letter was written in its text or given when the window was shown."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QAbstractButton, QApplication, QTabWidget

from desktop.ui import window_fit
from desktop.ui.main_window import MainWindow
from tests import county_world
from tests.helpers import TODAY

world = county_world.world  # the fixture: a county, its townships and villages


@pytest.mark.parametrize("role", ["a", "township", "county"])
def test_no_button_takes_a_menus_letter(qtbot, world, role):
    watcher = window_fit.WindowWatcher()
    QApplication.instance().installEventFilter(watcher)
    try:
        window = MainWindow(getattr(world, role), TODAY)
        qtbot.addWidget(window)
        window.show()
        menus = {window_fit._key_of(a.text()) for a in window.menuBar().actions()}
        clashes = []
        for tabs in window.findChildren(QTabWidget):  # each tab as the officer opens it
            for i in range(tabs.count()):
                tabs.setCurrentIndex(i)
                clashes += [b.text() for b in tabs.widget(i).findChildren(QAbstractButton)
                            if window_fit._key_of(b.text()) in menus]
        clashes += [b.text() for b in window.findChildren(QAbstractButton)
                    if b.isVisible() and window_fit._key_of(b.text()) in menus]
        assert menus and sorted(set(clashes)) == [], sorted(menus)
    finally:
        QApplication.instance().removeEventFilter(watcher)
