"""A window left open past midnight goes on with the new day.

The window and every part of it take the day when they are made: the dates a form
proposes, the deadlines' colours, the month's figures, the footer's 今天. An officer who
leaves the laptop on overnight would otherwise record the morning's steps under
yesterday's date without noticing. So once China's day has turned (core.clock), a fresh
window for the new day replaces the old one — the way a restore replaces it
(safety_panel) — keeping what the officer was looking at: the place and size, the
ledger's search and filter, the selected case. Only at a quiet moment: never while a
dialog or another window of ours is open (it may hold typed work), nor while a job runs;
the check comes again with the next hour's tick or the next time the window is
activated."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from desktop.core import clock
from desktop.ui import worker
from desktop.ui.i18n import tr


def due(window) -> bool:
    """The day has turned since `window` was made for the clock's day."""
    return getattr(window, "follows_clock", False) and clock.today() > window.today


def quiet(window) -> bool:
    """Nothing open that a new window would lose: no modal dialog, no other window of
    this one shown (公示管理, 低保, a dialog: each is made with the main window as its
    parent), no job running."""
    app = QApplication.instance()
    if app is None or app.activeModalWidget() is not None or worker.running() is not None:
        return False
    return not any(w is not window and w.isVisible() and _opened_from(window, w)
                   for w in app.topLevelWidgets())


def _opened_from(window, widget) -> bool:
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        parent = parent.parentWidget()
    return parent is window


def turn(panel):
    """The new day's window in place of `panel.window` when the day has turned and the
    moment is quiet; returns it, or None (nothing to do yet)."""
    old = panel.window
    if panel.replacement is not None or not old.isVisible():  # already replaced
        return None
    if not due(old) or not quiet(old):
        return None
    search, case_id = old.search.text(), _selected_case(old)
    geometry = old.saveGeometry()
    window = panel.replacement = panel.new_window(old.store, clock.today())
    window.restoreGeometry(geometry)
    if search:
        window.search.setText(search)
        window.apply_filter()
    if case_id:
        window.select_case(case_id)
    window.statusBar().showMessage(tr("已是新的一天({day}):窗口已按今天的日期刷新。").format(
        day=window.today.isoformat()))
    return window


def _selected_case(window) -> str | None:
    rows = window.table.selectionModel().selectedRows() if window.table.model() else []
    return window.model.case_id(rows[0].row()) if rows else None
