"""The 目标管理考核 tab of the township window: the month's ranked villages and the
township's own line, the chart, the PDF, publishing (asked first) and a 讲评 note; the
lines model passes qtmodeltester."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QScrollArea

from desktop.assessment.report import assessment
from desktop.ui.assessment_panel import LinesModel
from tests.helpers import TODAY
from tests.test_assessment import NOV, world  # noqa: F401  (the fixture)
from tests.test_ui_township import township_window


def test_lines_model_passes_qtmodeltester(qtmodeltester, world):  # noqa: F811
    model = LinesModel()
    model.set_lines(assessment(world.township, NOV, TODAY).villages)
    qtmodeltester.check(model)
    assert model.rowCount() == 2 and model.data(model.index(0, 1)) == "石门村"


def test_the_tab_shows_ranks_publishes_and_notes(qtbot, world, tmp_path):  # noqa: F811
    win = township_window(qtbot, world.township)
    panel = win.township_panel
    tab = panel.assessment
    win.show()
    panel.tabs.setCurrentWidget(tab)  # counted when first shown
    assert tab.month.text() == NOV  # last month: the one to publish
    assert [tab.villages.data(tab.villages.index(r, 1)) for r in range(2)] == [
        "石门村", "白水村"]
    assert tab.villages.data(tab.villages.index(0, tab.villages.columnCount() - 1)) == "100.0"
    assert "尚未公布" in tab.state.text()
    tab.chart.grab()  # paints without error
    tab.ask_save = lambda suffix: str(tmp_path / f"k.{suffix}")
    tab.export_pdf()
    assert (tmp_path / "k.pdf").read_bytes().startswith(b"%PDF")
    asked = []
    tab.ask_confirm = lambda text: asked.append(text) or True
    tab.publish()
    assert asked and "第 1 版" in tab.state.text()
    tab.publish()  # a second time: refused, said in the tab with the way to correct it
    assert "已于" in tab.message.text() and "“更正已公布的考核…”" in tab.message.text()
    assert "relief-desk" not in tab.message.text()
    tab.correct()
    assert "第 2 版" in tab.state.text()
    scroll = tab.findChild(QScrollArea).verticalScrollBar()
    where = scroll.value()
    tab.record_note()  # nothing typed: said in red above the page, which does not move
    assert "请先在下面填写讲评内容" in tab.message.text() and tab.message.isVisible()
    assert "b00020" in tab.message.styleSheet() and scroll.value() == where
    assert tab.message.parentWidget() is tab  # outside the scrolled page
    tab.note.setText("白水村公示要拍照留存。")
    tab.record_note()
    assert "白水村公示要拍照留存。" in tab.state.text() and tab.note.text() == ""
    assert "讲评已记录" in tab.message.text() and "2e7d32" in tab.message.styleSheet()


@pytest.mark.parametrize("month", ["2026-13", "2027-05"])
def test_a_bad_month_is_said_in_the_tab(qtbot, world, month):  # noqa: F811
    win = township_window(qtbot, world.township)
    tab = win.township_panel.assessment
    tab.month.setText(month)
    tab.refresh()
    assert "月" in tab.message.text()


def test_the_village_officer_sees_their_own_line_from_the_menu(qtbot, world):  # noqa: F811
    from desktop.assessment import publish
    from desktop.ui.main_window import MainWindow

    publish.publish(world.township, NOV, TODAY)
    publish.note(world.township, NOV, "白水村公示要拍照留存。", TODAY, ["430522101202"])
    world.send(world.township, world.b)
    win = MainWindow(world.b, TODAY)
    qtbot.addWidget(win)
    assert not hasattr(win, "township_panel")
    win.assessment_menu.actions()[0].trigger()
    tab = win.assessment_dialog.panel
    tab.refresh()
    assert tab.villages.rowCount() == 1 and tab.villages.data(tab.villages.index(0, 1)) == "白水村"
    assert "第 1 版" in tab.state.text() and "白水村公示要拍照留存。" in tab.state.text()
    tab.month.setText("2026-10")  # a month the township has not sent: said why it is empty
    tab.refresh()
    assert tab.villages.rowCount() == 0 and "乡镇还没有送来本月的考核结果" in tab.state.text()
    win.assessment_dialog.close()
