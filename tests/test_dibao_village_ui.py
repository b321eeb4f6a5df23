"""The village's 低保 window (issue 15): its households in payment, the reviews due with
the urgency colours, a review recorded through the rule book's checks as typed, and the
public list saved for the notice board."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

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
    _, empty = _window(qtbot, world.a, date(2027, 6, 3))
    assert "还没有" in empty.households_label.text()  # an empty table says why
    case_id = enrolled(world)  # B from 2026-12: its review falls due 2027-06
    win, window = _window(qtbot, world.a, date(2027, 6, 3))
    assert window.households.rowCount() == 1
    assert window.households_label.text() == "本月在保户:1 户"
    assert window.households.row(0)["case_id"] == case_id
    assert window.due.rowCount() == 1 and window.due.row(0)["urgency"] == "due"
    assert window.due.data(window.due.index(0, 0), Qt.ItemDataRole.BackgroundRole) is not None

    assert window.record_review() is None  # nothing chosen: said, nothing opened
    assert "选择" in window.message.text()
    window.due_view.selectRow(0)
    assert window.message.text() == ""  # chosen now: the request is gone
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
    # said in this window (the main window's status bar is behind it)
    assert not window.just_done.isHidden() and str(target) in window.just_done.text()


def test_the_township_tab_decides_a_review_and_stops_with_its_letter(qtbot, world, tmp_path):
    from desktop.dibao.reviews import Reviews
    from desktop.operations.casework import Casework
    from desktop.ui.dibao_decide import ReviewDecisionDialog
    from tests.test_dibao_review import review, send

    case_id = enrolled(world)
    day = date(2027, 5, 10)
    Casework(world.a, day).step(case_id, "dibao_review", review())
    send(world, world.a, world.township, day)
    win = MainWindow(world.township, day)
    qtbot.addWidget(win)
    tab = win.township_panel.dibao
    assert tab.due.row(0)["urgency"] == "pending"
    tab.decide_review()
    assert "选择" in tab.message.text()
    tab.due_view.selectRow(0)
    shown = {}

    def ask(row, found):  # the dialog as the officer sees it, answered as they would
        dialog = ReviewDecisionDialog(Reviews(world.township, day), row, found, tab)
        shown["amount"], shown["facts"] = dialog.amount.text(), dialog.findChildren(
            type(dialog.how))[0].text()
        return dialog.value()

    tab.ask_decision = ask
    tab.decide_review()
    assert shown["amount"] == "460.00" and "现家庭人口 2 人" in shown["facts"]
    assert world.township.db.execute("SELECT monthly_fen, persons FROM dibao_households"
                                     ).fetchone() == (46_000, 2)
    assert tab.due.rowCount() == 0  # reviewed in May: B, next in November

    tab.households_view.selectRow(0)
    tab.ask_stop = lambda row: ("moved", "全家迁往外省居住")
    letter = tmp_path / "停保通知书.pdf"
    tab.ask_save = lambda *a: str(letter)
    tab.stop()
    assert letter.read_bytes().startswith(b"%PDF")
    assert world.township.db.execute("SELECT stopped_month, stop_reason FROM dibao_households"
                                     ).fetchone() == ("2027-05", "全家迁往外省居住")
    tab.households_view.selectRow(0)
    tab.stop()  # gone from the month: nothing chosen
    assert tab.households.rowCount() == 0 and "选择" in tab.message.text()


def test_the_township_tab_opens_and_closes_a_campaign(qtbot, world, tmp_path,
                                                      answer_questions):  # noqa: F811
    from desktop.ui.dibao_campaign import OpenDialog

    enrolled(world)
    day = date(2027, 1, 5)
    win = MainWindow(world.township, day)
    qtbot.addWidget(win)
    tab = win.township_panel.dibao
    box = tab.campaign
    assert "还没有开展过" in box.progress.text()
    dialog = OpenDialog({"430522101201": "石门村", "430522101202": "白水村"}, day, box)
    assert dialog.value()[0] == ["430522101201", "430522101202"]
    box.ask_open = lambda: (["430522101201"], date(2027, 2, 28))
    box.open_campaign()
    assert "2027-1" in box.progress.text() and "石门村:0/1 户" in box.progress.text()
    assert tab.due.rowCount() == 1 and tab.due.row(0)["urgency"] == "campaign"
    box.open_campaign()  # the village is in it already: said in the tab, nothing changed
    assert "未结束的清理检查" in box.message.text()
    saved = []
    box.ask_save = lambda name, kind: saved.append(str(tmp_path / name)) or saved[-1]
    box.close_campaign()
    assert "已于 2027-01-05 结束" in box.progress.text() and tab.due.rowCount() == 0
    assert [Path(p).suffix for p in saved] == [".pdf", ".xlsx"]
    assert all(Path(p).read_bytes()[:2] in (b"%P", b"PK") for p in saved)


def test_the_village_posts_its_change_notice_from_its_window(qtbot, world, tmp_path):
    from pypdf import PdfReader

    enrolled(world)  # approved at the township, the decision back at the village
    win, window = _window(qtbot, world.a, TODAY)
    Notices(world.a, TODAY).set_phones("0739-1234567", "0739-7654321")
    window.ask_save = lambda name: ""  # the file not chosen: nothing recorded
    assert window.post_change_notice() == ""
    assert not world.a.db.execute("SELECT COUNT(*) FROM notices WHERE kind = 'change'"
                                  ).fetchone()[0]
    target = tmp_path / "变动公示.pdf"
    window.ask_save = lambda name: str(target)
    assert window.post_change_notice() == "BD-2026-0001"
    assert "已发布低保变动公示 BD-2026-0001" in window.just_done.text()
    text = PdfReader(str(target)).pages[0].extract_text()
    assert "变动公示" in text and "新纳入" in text and "790.00" in text
    assert window.post_change_notice() == ""  # nothing new since: said, nothing recorded
    assert "没有决定新的低保变动" in window.message.text()


def test_an_objection_to_a_change_notice_is_sent_to_the_households_window(qtbot, world,
                                                                         monkeypatch):
    """登记异议 in 公示管理 on a 低保变动公示 said the notice had no case still on notice
    (it has none: its objections are the household's); it says where they are recorded,
    and 处理异议 there is off with the same words."""
    from desktop.ui import notice_panel

    enrolled(world)
    win, window = _window(qtbot, world.a, TODAY)
    Notices(world.a, TODAY).set_phones("0739-1234567", "0739-7654321")
    window.ask_save = lambda name: str(world.tmp / "变动公示.pdf")
    notice_id = window.post_change_notice()
    panel = win.notice_panel
    said = []
    monkeypatch.setattr(notice_panel, "show_message", lambda _parent, text: said.append(text))
    panel.refresh()
    panel.select(notice_id)
    panel.add_objection()
    where = "低保变动公示的异议在“低保 → 本村低保户与复核”中选中该户登记和处理。"
    assert said == [where]
    assert panel.buttons["处理异议"].toolTip() == where


def review_decision(world):
    """The township's 复核决定 dialog (unshown) for a household whose village review of
    2027-05-10 has arrived, and a function making another such dialog."""
    from desktop.dibao.reviews import Reviews
    from desktop.operations.casework import Casework
    from desktop.ui.dibao_decide import ReviewDecisionDialog
    from tests.test_dibao_review import review, send

    case_id = enrolled(world)
    day = date(2027, 5, 10)
    Casework(world.a, day).step(case_id, "dibao_review", review())
    send(world, world.a, world.township, day)
    found = json.loads(world.township.db.execute(
        "SELECT pending_review FROM dibao_households").fetchone()[0])
    row = {"case_id": case_id, "name": "户主", "class": "B"}  # i18n: data
    return lambda: ReviewDecisionDialog(Reviews(world.township, day), row, found)


def test_the_review_decision_checks_as_the_officer_types(qtbot, world):
    """Each problem beside its field at once, OK only when the rule book's check passes:
    the amount the county's method gives for what the review found, the class, the date."""
    dialog = review_decision(world)()
    qtbot.addWidget(dialog)

    def beside(path: str) -> str:
        return dialog.board.boxes[path].error.text()

    assert dialog.amount.text() == "460.00" and dialog.ok_button.isEnabled()
    assert "460.00" in dialog.how.text() and dialog.from_month.text() == "2027-05"
    dialog.amount.setText("500")
    assert not dialog.ok_button.isEnabled() and "应为 460.00 元" in beside("amount_fen")
    assert dialog.value() is None
    dialog.amount.setText("4x0")
    assert not dialog.ok_button.isEnabled() and beside("amount_fen")
    dialog.amount.setText("460")
    assert dialog.ok_button.isEnabled() and not beside("amount_fen")
    dialog.on.setText("2027-05-11")  # after today: said beside the date
    assert not dialog.ok_button.isEnabled() and beside("date")
    dialog.on.setText("2026-12-01")  # before the review: the rule book's own words
    assert not dialog.ok_button.isEnabled() and "不能早于2027-05-10" in beside("date")
    dialog.on.setText("2027-05-10")
    dialog.dibao_class.setCurrentText("C")  # another class: its amount, filled and shown
    assert dialog.ok_button.isEnabled() and dialog.how.text().startswith("按县里")
    assert dialog.value() == (46_000, "C", date(2027, 5, 10))  # the review's day
    assert world.township.db.execute("SELECT monthly_fen FROM dibao_households"
                                     ).fetchone()[0] == 79_000  # nothing recorded by typing


def test_a_change_notice_that_cannot_be_posted_is_said_before_a_file_is_chosen(qtbot, world):
    """No objection phones: said at once, not after the officer chose where to save."""
    enrolled(world)
    _, window = _window(qtbot, world.a, TODAY)
    asked: list[str] = []
    window.ask_save = lambda name: asked.append(name) or ""
    assert window.post_change_notice() == ""
    assert asked == [] and "异议反映电话" in window.message.text()
    assert not world.a.db.execute("SELECT COUNT(*) FROM notices WHERE kind = 'change'"
                                  ).fetchone()[0]


def test_a_household_held_by_an_objection_is_said_not_left_out(qtbot, world):
    """An objection to the enrollment on the change notice holds its payment: the
    household leaves the households in payment, and the window says it was enrolled and
    why it is not paid (it said the township had enrolled nobody yet)."""
    from desktop.dibao.change_notices import issue
    from desktop.dibao.objections import Objections

    case_id = enrolled(world)
    Notices(world.a, TODAY).set_phones("0739-1234567", "0739-7654321")
    notice_id, _ = issue(world.a, TODAY)
    Objections(world.a, TODAY).record(case_id, notice_id, "该户有人在外务工")  # i18n: data
    _, window = _window(qtbot, world.a, TODAY)
    assert window.households.rowCount() == 0
    said = window.households_label.text()
    assert "还没有" not in said and "1 户已批准纳入" in said and "异议" in said
