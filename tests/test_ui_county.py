"""The county's window (issue 14, item 8): it opens on the queue of cases referred to it,
and a decision made through the dialog is the county's, with its number."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt

from desktop.township.decisions import Decisions
from desktop.ui.main_window import MainWindow
from tests import county_world
from tests.helpers import TODAY
from tests.sync_world import status
from tests.township_world import case_with
from tests.ui_hooks import answer_questions  # noqa: F401

world = county_world.world  # the fixture: a county, its townships and villages


def test_the_county_opens_on_its_queue_and_decides(qtbot, world, tmp_path,
                                                   answer_questions):  # noqa: F811
    case_id = case_with(world, world.a, proposed_fen=200_000)
    world.up()
    Decisions(world.township, TODAY).refer(case_id)
    world.send(world.township, world.county)
    win = MainWindow(world.county, TODAY)
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    panel = win.township_panel
    assert panel.tabs.currentWidget() is panel.dashboard
    assert [panel.tabs.tabText(i) for i in range(panel.tabs.count())] == [
        "县局概况", "待县局审批", "目标管理考核", "全县案件台账"]
    assert "县局审批(&X)" in [a.text() for a in win.menuBar().actions()]
    # no phones to set: the county prints no notice with an objection channel
    items = [a.text() for m in win.menuBar().actions() if m.menu() for a in m.menu().actions()]
    assert "本机政策(&O)…" in items and not [t for t in items if "异议反映电话" in t]
    dashboard = panel.dashboard
    assert "待县局审批 1 件" in dashboard.summary.text()
    assert "2026-11 考核:0/2 个乡镇已公布(未公布:" in dashboard.summary.text()
    assert dashboard.townships.rowCount() == 2  # both townships, one never sent
    win.grab().save(str(tmp_path / "county.png"))
    panel.show_queue()
    assert panel.queue.model.total == 1
    view = panel.queue.open_case(0)
    assert set(view.buttons) == {"approve", "reject", "return"}
    timeline = view._timeline_html()  # each step's side as the rule book says, not "not us"
    assert "<td>乡镇</td><td>王审批</td>" in timeline and "<td>村</td><td>刘民生</td>" in timeline
    dialog = view.start("approve")
    dialog.amount.setText("9000")  # over the county cap: refused, nothing changes
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert "县级审批上限" in dialog.error.text() and status(world.county, case_id) == "referred"
    assert answer_questions == []  # refused before the question, not after it
    dialog.amount.setText("1800")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    decided = json.loads(world.county.db["applications"].get(case_id)["county_decision"])
    assert (decided["decision"], decided["amount_fen"]) == ("approve", 180_000)
    assert panel.queue.model.total == 0
    assert "待县局审批 0 件" in dashboard.summary.text()
    from desktop.assessment.publish import publish

    publish(world.township, "2026-11", TODAY)  # the township's 考核 of November, sent up
    world.send(world.township, world.county)
    dashboard.refresh()
    assert "2026-11 考核:1/2 个乡镇已公布(未公布:" in dashboard.summary.text()


def test_the_month_is_drawn_and_a_check_recorded_from_the_dashboard(qtbot, world, tmp_path):
    from tests.test_county_spotcheck import CHECK, _filed

    _filed(world, 2)
    win = MainWindow(world.county, TODAY)
    qtbot.addWidget(win)
    dashboard = win.township_panel.dashboard
    assert dashboard.draw_button.isEnabled() and not dashboard.record_button.isEnabled()
    qtbot.mouseClick(dashboard.draw_button, Qt.MouseButton.LeftButton)
    assert dashboard.check_rows.rowCount() == 2 and not dashboard.draw_button.isEnabled()
    dashboard.checks.setCurrentIndex(dashboard.check_rows.index(0, 0))
    qtbot.keyClick(dashboard.checks, Qt.Key.Key_Return)  # Enter opens the check of the row
    dialog = dashboard.dialog
    assert dialog is not None and dialog.isVisible()
    dialog.result.setCurrentIndex(dialog.result.findData("serious"))
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)  # no problems written
    assert "发现的问题" in dialog.error.text()
    for code in CHECK["items"]:
        dialog.items[code].setChecked(True)
    dialog.problems.setPlainText(CHECK["problems"])
    dialog.follow_up.setPlainText(CHECK["follow_up"])
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dashboard.check_rows.item(0, 2).text() == "有问题,需纠正"
    assert dashboard.check_rows.item(0, 1).text() == "石门村(430522101201)"
    assert "发现问题 1 件" in dashboard.summary.text()
    win.resize(1366, 768)
    win.show()
    win.grab().save(str(tmp_path / "dashboard.png"))


def test_drawing_with_nothing_filed_is_refused_in_a_message_before_any_question(
        qtbot, world, answer_questions):  # noqa: F811
    win = MainWindow(world.county, TODAY)
    qtbot.addWidget(win)
    dashboard = win.township_panel.dashboard
    qtbot.mouseClick(dashboard.draw_button, Qt.MouseButton.LeftButton)
    assert answer_questions == []
    box = dashboard.refusal  # a message over the window, not only the status bar's line
    assert box.isVisible() and "没有已备案的案件" in box.text()
    box.close()


def test_a_case_names_its_village_and_officer_at_the_county_and_the_township(qtbot, world):
    """The county knows a village by its township's word, the township by its card: the
    case view names the village and its 民生员 at both."""
    from desktop.ui.township_case import TownshipCaseView
    from tests.test_county_spotcheck import _filed

    (case_id, *_) = _filed(world, 1)
    for store, place in ((world.county, "石门村(430522101201)(民生员 刘民生)"),
                         (world.township, "石门村(民生员 刘民生)")):
        view = TownshipCaseView(store, TODAY, case_id)
        qtbot.addWidget(view)
        assert place in view.header.text()
