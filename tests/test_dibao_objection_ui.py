"""The village's 低保 window records an objection to a household's line on a change
notice and resolves it, each dialog checked by the rule book as it is typed; the
township's tab shows the change held and the household sent back to 复核."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from desktop.ui.main_window import MainWindow
from tests.test_dibao_objections import _adjusted_and_posted
from tests.test_dibao_review import send
from tests.ui_hooks import answer_questions  # noqa: F401


def _problems(dialog) -> str:
    return dialog.summary.text() + "".join(
        label.text() for label in dialog.findChildren(type(dialog.summary)))


def test_the_village_records_and_resolves_an_objection_from_its_window(qtbot, world):
    case_id, notice_id = _adjusted_and_posted(world)
    win = MainWindow(world.a, date(2027, 5, 21))  # the notice's period ended on 5-19
    qtbot.addWidget(win)
    window = win.show_dibao()
    assert "没有待处理" in window.objections_label.text()
    assert window.record_objection() is None and "选择" in window.message.text()
    window.households_view.selectRow(0)
    dialog = window.record_objection()
    assert dialog.value("notice_id") == notice_id  # the household's newest notice first
    assert not dialog.ok.isEnabled() and "异议内容" in _problems(dialog)
    dialog.inputs["content"].setPlainText("该户长子并未外出务工")
    assert not dialog.ok.isEnabled() and "公示期内" in _problems(dialog)  # received today
    dialog.inputs["received_on"].setText("2027-05-15")
    assert dialog.ok.isEnabled()
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    assert window.objections.rowCount() == 1 and "1 条待处理" in window.objections_label.text()

    send(world, world.a, world.township, date(2027, 5, 21))
    township = MainWindow(world.township, date(2027, 5, 21))
    qtbot.addWidget(township)
    tab = township.township_panel.dibao
    assert tab.households.row(0)["amount_fen"] == 79_000 and tab.households.row(0)["held"]
    assert "异议待村里处理:1 条" in tab.figures.text()

    window.households_view.clearSelection()
    dialog = window.resolve_objection()  # nothing chosen: the only objection waiting
    dialog.inputs["how_checked"].setPlainText("入户核实")
    assert not dialog.ok.isEnabled() and "理由" in _problems(dialog)  # dismissed: a reason
    result = dialog.inputs["result"]
    result.setCurrentIndex(result.findData("upheld"))
    assert dialog.ok.isEnabled() and not dialog.inputs["reason"].isEnabled()
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    assert window.objections.row(0)["result"] == "upheld"
    assert window.due.row(0)["case_id"] == case_id and window.due.row(0)["urgency"] == "recheck"


def test_resolving_a_household_with_no_objection_says_so_in_the_window(qtbot, world):
    """处理异议 on a household nobody objected to opened an empty form: the window says
    that no objection waits, and no form opens."""
    _adjusted_and_posted(world)
    win = MainWindow(world.a, date(2027, 5, 21))
    qtbot.addWidget(win)
    window = win.show_dibao()
    window.households_view.selectRow(0)
    assert window.resolve_objection() is None and window.dialog is None
    name = window.households.row(0)["name"]
    assert not window.message.isHidden()
    assert window.message.text() == (f"{name} 户没有待处理的异议,无须处理。"
                                     "公示期内收到异议,先点“登记异议”。")
