"""Approving a 低保 case in the township's GUI (issue 15): the dialog asks for the class
and fills in the monthly amount the county's method gives; the household is enrolled."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from desktop.ui.main_window import MainWindow
from desktop.ui.township_panel import install
from tests.helpers import TODAY
from tests.sync_world import World, status
from tests.test_dibao import dibao_case
from tests.ui_hooks import answer_questions  # noqa: F401


@pytest.fixture
def world(tmp_path):
    w = World(tmp_path)
    yield w
    w.close()


def test_a_dibao_approval_in_the_dialog_sets_class_and_monthly_amount(qtbot, world):
    case_id = dibao_case(world, world.a, 600_000)  # 3 persons, 500 元 a month
    world.send(world.a, world.township)
    win = MainWindow(world.township, TODAY)
    qtbot.addWidget(win)
    if not hasattr(win, "township_panel"):
        install(win)
    queue = win.township_panel.queue
    view = queue.open_case(next(i for i in range(queue.model.total)
                                if queue.model.case_id(i) == case_id))
    dialog = view.start("approve")
    assert dialog.dibao_class.currentText() == "A" and dialog.amount.text() == "790.00"
    dialog.dibao_class.setCurrentText("C")
    dialog.amount.setText("800")  # not what the method gives: refused, dialog stays
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert "790.00" in dialog.error.text() and status(world.township, case_id) == "acknowledged"
    dialog.amount.setText("790")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert status(world.township, case_id) == "approved"
    assert world.township.db.execute(
        "SELECT class, monthly_fen, next_review FROM dibao_households").fetchone() == (
        "C", 79_000, "2027-03")
