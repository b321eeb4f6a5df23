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


def _asks_before_throwing_away(qtbot, monkeypatch, dialog, type_in) -> None:
    """Esc on `dialog` as opened closes it at once; after `type_in` it asks, and the
    answer 继续填写 keeps the dialog and what was typed."""
    from desktop.ui import guard

    asked: list[str] = []
    monkeypatch.setattr(guard, "ask_yes", lambda _p, text, **_k: asked.append(text) or False)
    dialog.show()
    type_in()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert asked and "放弃" in asked[0] and dialog.isVisible()


def test_the_stop_asks_before_a_typed_reason_is_thrown_away(qtbot, monkeypatch):
    from desktop.ui.dibao_decide import StopDialog

    row = {"case_id": "430522101201-2026-0003", "name": "张桂英"}  # i18n: data
    untouched = StopDialog(row)
    qtbot.addWidget(untouched)
    _closes_on_escape(qtbot, untouched)
    dialog = StopDialog(row)
    qtbot.addWidget(dialog)
    _asks_before_throwing_away(qtbot, monkeypatch, dialog,
                               lambda: dialog.reason.setPlainText("已外出务工,收入超过标准"))  # i18n: data
    assert dialog.value()[1] == "已外出务工,收入超过标准"  # i18n: data


def test_the_review_decision_asks_before_a_changed_amount_is_thrown_away(
        qtbot, world, monkeypatch):
    from tests.test_dibao_village_ui import review_decision

    made = review_decision(world)
    untouched = made()
    qtbot.addWidget(untouched)
    _closes_on_escape(qtbot, untouched)  # the method's amount filled in is not typed work
    dialog = made()
    qtbot.addWidget(dialog)
    _asks_before_throwing_away(qtbot, monkeypatch, dialog,
                               lambda: dialog.amount.setText("400"))
    assert dialog.amount.text() == "400"


def test_the_township_decision_asks_before_a_changed_amount_is_thrown_away(
        qtbot, world, monkeypatch):
    from tests.township_world import deliver

    world.cases_ready(world.a, 1)
    deliver(world)
    window = MainWindow(world.township, TODAY)
    qtbot.addWidget(window)
    view = window.township_panel.queue.open_case(0)
    _closes_on_escape(qtbot, view.start("approve"))  # the village's amount, untouched
    dialog = view.start("approve")
    _asks_before_throwing_away(qtbot, monkeypatch, dialog,
                               lambda: dialog.amount.setText("800"))
    assert dialog.amount.text() == "800"


def test_the_first_run_setup_asks_before_what_was_typed_is_thrown_away(
        qtbot, monkeypatch, tmp_path):
    """Esc on the first-run setup ends the program: with fields typed it asks first."""
    from desktop.ui.setup import SetupDialog

    untouched = SetupDialog(tmp_path / "new")
    qtbot.addWidget(untouched)
    _closes_on_escape(qtbot, untouched)
    dialog = SetupDialog(tmp_path / "new")
    qtbot.addWidget(dialog)
    _asks_before_throwing_away(qtbot, monkeypatch, dialog,
                               lambda: dialog.inputs["county"].setText("新邵县"))  # i18n: data
    assert dialog.inputs["county"].text() == "新邵县"  # i18n: data
