"""The township's GUI with pytest-qt: the queue first on a township, filtering, opening a
case with its red flags, approving and rejecting through the dialogs; the models pass
qtmodeltester; the figures tab draws its chart."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from desktop.ui.main_window import MainWindow
from desktop.ui.township_models import FiguresModel, InboxModel, QueueModel
from desktop.ui.township_panel import install
from tests.helpers import TODAY
from tests.sync_world import status
from tests.township_world import case_with, deliver, post_result
from tests.ui_hooks import answer_questions  # noqa: F401


def township_window(qtbot, store) -> MainWindow:
    win = MainWindow(store, TODAY)
    qtbot.addWidget(win)
    if not hasattr(win, "township_panel"):  # until main_window calls install itself
        install(win)
    return win


def test_models_pass_qtmodeltester(qtmodeltester, world):
    world.cases_ready(world.a, 3)
    world.cases_ready(world.b, 2)
    deliver(world)
    t = world.township
    queue = QueueModel(t, TODAY, page_size=2)
    qtmodeltester.check(queue)
    while queue.canFetchMore():
        queue.fetchMore()
    assert queue.rowCount() == 5
    queue.sort(4, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(queue)
    from desktop.township.figures import monthly_figures
    from desktop.township.villages import inbox

    figures = FiguresModel()
    figures.set_figures(monthly_figures(t.db, "2026-12", t.policy))
    qtmodeltester.check(figures)
    inbox_model = InboxModel()
    inbox_model.set_rows(inbox(t.db, TODAY, t.policy))
    qtmodeltester.check(inbox_model)


def test_queue_filter_open_approve_reject(qtbot, world, monkeypatch):
    a1, a2 = world.cases_ready(world.a, 2)
    relative = case_with(world, world.b, officer_relative=True, relative_note="会计之妻")
    deliver(world)
    win = township_window(qtbot, world.township)
    panel = win.township_panel
    assert panel.tabs.currentWidget() is panel.queue
    assert "乡镇审批(&X)" in [a.text() for a in win.menuBar().actions()]
    queue = panel.queue
    assert queue.model.total == 3
    queue.village.setCurrentIndex(queue.village.findData("430522101202"))
    assert queue.model.total == 1 and queue.model.index(0, 8).data() == "近亲属备案"
    view = queue.open_case(0)
    assert view.case_id == relative and "会计之妻" in view.flags.text()
    view.reject()
    queue.village.setCurrentIndex(0)
    assert queue.model.total == 3
    row = next(i for i in range(3) if queue.model.case_id(i) == a1)
    view = queue.open_case(row)
    assert set(view.buttons) == {"approve", "reject", "refer", "return"}
    dialog = view.start("approve")
    from desktop.ui import guard

    asked = []  # each question with the dialog's refusal line as it stood then
    monkeypatch.setattr(guard, "ask_yes", lambda _p, text, **k: asked.append(
        (text, dialog.error.text())) or True)
    dialog.amount.setText("-155")  # refused before any question, beside the amount
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.error.text() and asked == [] and status(world.township, a1) == "acknowledged"
    dialog.amount.setText("5000")  # over the township cap: refused, dialog stays
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert "转县审批" in dialog.error.text() and status(world.township, a1) == "acknowledged"
    assert asked == []  # never "确定批准 … 5000 元" for a step that would be refused
    dialog.amount.setText("1000")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert len(asked) == 1 and "1000 元" in asked[0][0]
    assert asked[0][1] == ""  # the earlier refusal is gone when the question is asked
    assert status(world.township, a1) == "approved" and queue.model.total == 2
    assert view.buttons == {}  # the way on is said: the decision goes back in a bundle
    said = view.action_bar.itemAt(0).widget().text()
    assert "导出数据包" in said and "送回村里" in said
    view.reject()
    row = next(i for i in range(2) if queue.model.case_id(i) == a2)
    view = queue.open_case(row)
    dialog = view.start("reject")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)  # no reason
    assert "理由" in dialog.error.text() and status(world.township, a2) == "acknowledged"
    dialog.reason.setPlainText("家庭收入超过标准")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert status(world.township, a2) == "rejected" and "letter" in view.buttons


def test_the_queue_is_worked_from_the_keyboard(qtbot, world):
    """Enter in the queue's 查找 opens the one case found; with several, Enter goes to
    the first row found, selected, and Enter there opens it (as in the ledger)."""
    a1, _a2 = world.cases_ready(world.a, 2)
    deliver(world)
    win = township_window(qtbot, world.township)
    queue = win.township_panel.queue
    win.show()
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)
    queue.search.setFocus()
    qtbot.keyClicks(queue.search, a1)
    qtbot.keyClick(queue.search, Qt.Key.Key_Return)  # before the search's delay ran out
    assert queue.view is not None and queue.view.case_id == a1
    queue.view.reject()
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)
    queue.search.clear()
    queue.search.setFocus()
    qtbot.keyClicks(queue.search, "430522")
    qtbot.keyClick(queue.search, Qt.Key.Key_Return)
    assert queue.table.hasFocus()
    assert [i.row() for i in queue.table.selectionModel().selectedRows()] == [0]
    qtbot.keyClick(queue.table, Qt.Key.Key_Return)
    assert queue.view.case_id == queue.model.case_id(0)
    queue.view.reject()


def test_inbox_and_figures_tabs(qtbot, world, tmp_path):
    world.cases_ready(world.a, 1)
    world.send(world.a, world.township)  # the other village has sent nothing yet
    win = township_window(qtbot, world.township)
    panel = win.township_panel
    panel.show_inbox()
    assert panel.inbox.model.rowCount() == 2
    # on the day of enrolling: the village that never sent is named, not counted among
    # those that did (it was told as having sent within the 30 days)
    from desktop.core import clock

    win.today = clock.today()
    panel.inbox.refresh()
    summary = panel.inbox.summary.text()
    assert f"其中 {world.b.workstation['village']} 登记后还没有报送过" in summary, summary
    panel.show_figures()
    panel.figures.month.setText("2026-11")
    panel.figures.refresh()
    assert panel.figures.model.rowCount() == 3  # two villages and the total
    panel.figures.ask_save = lambda: str(tmp_path / "f.xlsx")
    panel.figures.export()
    assert (tmp_path / "f.xlsx").exists()
    panel.figures.chart.grab()  # paints without error


def test_a_village_window_has_no_township_panel(qtbot, world):
    win = MainWindow(world.a, TODAY)
    qtbot.addWidget(win)
    install(win)
    assert not hasattr(win, "township_panel")


def test_the_township_is_not_offered_the_villages_steps(qtbot, world):
    """新建申请 and 民主评议会 are the village's: the township's toolbar and 案件 menu do
    not show them (they were two greyed buttons first on its toolbar)."""
    from PySide6.QtWidgets import QToolBar

    win = MainWindow(world.township, TODAY)
    qtbot.addWidget(win)
    shown = [a.iconText() for a in win.findChildren(QToolBar)[0].actions() if a.isVisible()]
    assert "刷新" in shown and "新建申请" not in shown and "民主评议会" not in shown
    village = MainWindow(world.a, TODAY)
    qtbot.addWidget(village)
    assert all(a.isVisible() for a in village.actions_by_name.values())


def test_a_case_back_from_its_result_notice_is_paid_from_the_queue_and_the_ledger(qtbot, world):
    """After the village posts the result, the township's next step is the payment: the
    queue says how many wait and lists them under 待登记发放 (never as late: no deadline
    is set for it), and the case opens with 登记发放 from the queue and from the ledger of
    all cases alike (the ledger had opened the village's read-only view)."""
    from desktop.township.decisions import Decisions

    a1, a2 = world.cases_ready(world.a, 2)
    deliver(world)
    Decisions(world.township, TODAY).approve(a1, 100_000)
    world.send(world.township, world.a)
    post_result(world, world.a, a1)
    world.send(world.a, world.township)
    assert status(world.township, a1) == "result_posted"
    win = township_window(qtbot, world.township)
    queue = win.township_panel.queue
    assert queue.model.total == 1 and "另有 1 件结果已公示,待登记发放" in queue.banner.text()
    queue.status.setCurrentIndex(queue.status.findData("result_posted"))
    assert queue.model.total == 1 and queue.model.case_id(0) == a1
    assert queue.model.index(0, 4).data() == "1,000.00" and queue.model.row(0)["urgency"] == ""
    assert "待登记发放 1 件" in queue.banner.text()
    view = queue.open_case(0)
    assert set(view.buttons) == {"pay"}
    view.reject()
    win.township_panel.tabs.setCurrentWidget(win.township_panel.ledger)
    row = next(i for i in range(win.model.rowCount()) if win.model.case_id(i) == a1)
    view = win.open_case(row)
    assert set(view.buttons) == {"pay"}
    dialog = view.start("pay")
    assert dialog.amount.text() == "1000.00", dialog.amount.text()  # what was approved
    intro = dialog.findChild(QLabel).text()
    assert "批准 1,000.00 元 · 应发 1,000.00 元" in intro and "审批上限" not in intro
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert status(world.township, a1) == "paid" and view.buttons == {}, dialog.error.text()
    assert queue.model.total == 0 and "待登记发放" in queue.banner.text()


def test_the_township_ledger_names_each_case_village(qtbot, world):
    """The ledger of all cases holds many villages' cases: each row names its village
    beside its group, as the county's does (the township's said only the group)."""
    world.cases_ready(world.a, 1)
    world.cases_ready(world.b, 1)
    deliver(world)
    win = township_window(qtbot, world.township)
    win.township_panel.tabs.setCurrentWidget(win.township_panel.ledger)
    assert win.model.headerData(3, Qt.Orientation.Horizontal) == "村 · 村民小组"
    shown = {win.model.index(i, 3).data().split()[0] for i in range(win.model.rowCount())}
    assert shown == {world.a.workstation["village"], world.b.workstation["village"]}
