"""The county's window (issue 14, item 8): it opens on the queue of cases referred to it,
and a decision made through the dialog is the county's, with its number."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt

from desktop.township.decisions import Decisions
from desktop.ui.main_window import MainWindow
from tests.county_world import CountyWorld
from tests.helpers import TODAY
from tests.sync_world import status
from tests.township_world import case_with
from tests.ui_hooks import answer_questions  # noqa: F401


@pytest.fixture
def world(tmp_path):
    w = CountyWorld(tmp_path)
    yield w
    w.close()


def test_the_county_opens_on_its_queue_and_decides(qtbot, world, tmp_path):
    case_id = case_with(world, world.a, proposed_fen=200_000)
    world.up()
    Decisions(world.township, TODAY).refer(case_id)
    world.send(world.township, world.county)
    win = MainWindow(world.county, TODAY)
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    panel = win.township_panel
    assert panel.tabs.currentWidget() is panel.queue
    assert [panel.tabs.tabText(i) for i in range(panel.tabs.count())] == [
        "待县局审批", "目标管理考核", "全县案件台账"]
    assert "县局审批(&X)" in [a.text() for a in win.menuBar().actions()]
    assert panel.queue.model.total == 1
    win.grab().save(str(tmp_path / "county.png"))
    view = panel.queue.open_case(0)
    assert set(view.buttons) == {"approve", "reject", "return"}
    dialog = view.start("approve")
    dialog.amount.setText("9000")  # over the county cap: refused, nothing changes
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert "县级审批上限" in dialog.error.text() and status(world.county, case_id) == "referred"
    dialog.amount.setText("1800")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    decided = json.loads(world.county.db["applications"].get(case_id)["county_decision"])
    assert (decided["decision"], decided["amount_fen"]) == ("approve", 180_000)
    assert panel.queue.model.total == 0
