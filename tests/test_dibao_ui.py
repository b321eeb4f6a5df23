"""Approving a 低保 case in the township's GUI (issue 15): the dialog asks for the class
and fills in the monthly amount the county's method gives; the household is enrolled."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop.ui.main_window import MainWindow
from desktop.ui.township_panel import install
from tests.helpers import TODAY
from tests.sync_world import status
from tests.test_dibao import dibao_case
from tests.ui_hooks import answer_questions  # noqa: F401


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


def test_the_dibao_tab_shows_the_month_saves_the_roster_and_pays_once(qtbot, world, tmp_path,
                                                                      answer_questions):  # noqa: F811
    from desktop.township.decisions import Decisions

    case_id = dibao_case(world, world.a, 600_000)
    world.send(world.a, world.township)
    Decisions(world.township, TODAY).approve(case_id, 79_000, dibao_class="C")
    win = MainWindow(world.township, TODAY)
    qtbot.addWidget(win)
    tab = win.township_panel.dibao
    assert "低保(&B)" in [a.text() for a in win.menuBar().actions()]
    win.township_panel.tabs.setCurrentWidget(tab)
    assert tab.households.rowCount() == 1
    assert tab.households.index(0, 4).data() == "790.00" and "合计:1 户 3 人 790.00 元" \
        in tab.figures.text()
    assert tab.due.rowCount() == 0  # C: reviewed from 2027-03
    target = tmp_path / "花名册.pdf"
    tab.ask_save = lambda *a: str(target)
    tab.save_pdf()
    assert target.read_bytes().startswith(b"%PDF")
    tab.pay()
    assert "790.00" in answer_questions[-1] and "已于 2026-12-31 登记发放" in tab.figures.text()
    said = win.statusBar().currentMessage()  # and what to do next
    assert "已登记 2026-12 低保金发放:1 户" in said and "数据交换 → 导出数据包" in said
    tab.pay()  # the same month again: refused in the tab, nothing changed
    assert "不能重复登记" in tab.message.text()
    assert world.township.db.execute("SELECT COUNT(*) FROM dibao_months").fetchone()[0] == 1
    tab.month.setText("2026-13")
    tab.refresh()
    assert tab.message.text() == "月份“2026-13”写得不对,应为“年-月”,例如 2026-11。"
    # the month shown before is not left under the wrong one, nor paid from it
    assert tab.households.rowCount() == 0 and tab.figures.text() == ""
    asked = len(answer_questions)
    tab.pay()
    assert len(answer_questions) == asked and "应为“年-月”" in tab.message.text()
