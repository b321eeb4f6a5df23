"""Esc closes every window that shows things, as 关闭 does, with no crash.

A Python attribute named after one of Qt's virtual methods replaces it for Qt too: a
dialog holding `self.done = QLabel()` had Qt call the label when Esc (or 关闭, or the
title bar's ×) closed it (QDialog::reject calls the virtual done()), and PySide's report of
that TypeError killed the program (the village's 低保 window, the township's 备案登记册)."""

from __future__ import annotations

import ast
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox

from desktop.ui.main_window import MainWindow
from tests.helpers import TODAY
from tests.ui_hooks import answer_questions  # noqa: F401

UI = Path(__file__).resolve().parent.parent / "desktop" / "ui"

# Qt's virtual methods of a window and a dialog that Qt itself calls (Qt's documentation,
# QWidget, QDialog, QObject), and every event handler (…Event), read from the class.
QT_CALLS = {"done", "accept", "reject", "open", "exec", "setVisible", "sizeHint",
            "minimumSizeHint", "heightForWidth", "hasHeightForWidth", "event",
            "eventFilter", "nativeEvent", "focusNextPrevChild", "inputMethodQuery",
            "paintEngine", "devType", "metric", "initPainter", "redirected",
            "sharedPainter", "connectNotify", "disconnectNotify"}


def test_no_window_attribute_hides_a_method_qt_calls():
    handlers = {name for name in dir(QDialog) if name.endswith("Event")}
    found = []
    for path in sorted(UI.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            targets = node.targets if isinstance(node, ast.Assign) else []
            for target in targets:
                for one in target.elts if isinstance(target, ast.Tuple) else [target]:
                    if isinstance(one, ast.Attribute) and isinstance(one.value, ast.Name) \
                            and one.value.id == "self" and one.attr in QT_CALLS | handlers:
                        found.append(f"{path.name}:{node.lineno} self.{one.attr}")
    assert found == []


def _closes_on_escape(qtbot, dialog) -> None:
    dialog.show()
    QApplication.processEvents()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    QApplication.processEvents()
    assert not dialog.isVisible()


def test_the_village_dibao_window_closes_on_escape_and_on_close(qtbot, world):
    window = MainWindow(world.a, TODAY)
    qtbot.addWidget(window)
    _closes_on_escape(qtbot, window.show_dibao())
    dibao = window.show_dibao()
    dibao.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Close).click()
    assert not dibao.isVisible()


def test_the_filing_dialog_closes_on_escape_typed_or_not(qtbot, world):
    window = MainWindow(world.township, TODAY)
    qtbot.addWidget(window)
    _closes_on_escape(qtbot, window.township_panel.export_filing())
    dialog = window.township_panel.export_filing()
    dialog.month.setText("2026-11")
    _closes_on_escape(qtbot, dialog)
