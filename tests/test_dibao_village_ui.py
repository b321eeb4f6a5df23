"""The village's 低保 window (issue 15): its households in payment, the reviews due with
the urgency colours, a review recorded through the rule book's checks as typed, and the
public list saved for the notice board."""

from __future__ import annotations

import json
from datetime import date

from PySide6.QtCore import Qt

from desktop.operations.notices import Notices
from desktop.ui.main_window import MainWindow
from tests.helpers import TODAY
from tests.test_dibao_review import enrolled
from tests.ui_hooks import answer_questions  # noqa: F401


def _window(qtbot, store, today):
    win = MainWindow(store, today)
    qtbot.addWidget(win)
    return win, win.show_dibao()


def test_the_village_sees_its_households_and_records_a_review(qtbot, world, tmp_path):
    case_id = enrolled(world)  # B from 2026-12: its review falls due 2027-06
    win, window = _window(qtbot, world.a, date(2027, 6, 3))
    assert window.households.rowCount() == 1
    assert window.households.row(0)["case_id"] == case_id
    assert window.due.rowCount() == 1 and window.due.row(0)["urgency"] == "due"
    assert window.due.data(window.due.index(0, 0), Qt.ItemDataRole.BackgroundRole) is not None

    assert window.record_review() is None  # nothing chosen: said, nothing opened
    assert "选择" in window.message.text()
    window.due_view.selectRow(0)
    dialog = window.record_review()
    dialog.inputs["investigators"].setText("李民生")
    dialog.inputs["household_size"].setValue(2)
    dialog.inputs["household_income_fen"].setText("4800")
    dialog.inputs["findings"].setPlainText("长子外出务工,户口迁出")
    assert not dialog.ok.isEnabled() and "2 名" in dialog.summary.text() + "".join(
        label.text() for label in dialog.findChildren(type(dialog.summary)))
    dialog.inputs["investigators"].setText("李民生、张村干")
    dialog.inputs["proposed"].setCurrentIndex(dialog.inputs["proposed"].findData("adjust"))
    assert dialog.ok.isEnabled()
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    found = world.a.db.execute("SELECT pending_review FROM dibao_households").fetchone()[0]
    assert json.loads(found)["household_size"] == 2
    assert window.due.row(0)["urgency"] == "pending"  # waits for the township now

    Notices(world.a, TODAY).set_phones("0739-1234567", "0739-7654321")
    target = tmp_path / "公示名单.pdf"
    window.ask_save = lambda name: str(target)
    window.save_public_list()
    assert target.read_bytes().startswith(b"%PDF")
