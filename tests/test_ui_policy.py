"""设置 → 本机政策 in the GUI (issue 14 item 4): the township issues its calendar through
a dialog; the village shows the edition in force, its settings from above read-only
with the issuer named, and the phone set from above cannot be typed over."""

from __future__ import annotations

from desktop.ui.notice_dialogs import PhonesDialog
from desktop.ui.policy_dialogs import IssueDialog, PolicyDialog
from tests.helpers import TODAY
from tests.ui_hooks import answer_questions  # noqa: F401


def rows(dialog) -> dict:
    t = dialog.table
    return {t.item(i, 0).text(): (t.item(i, 1).text(), t.item(i, 2).text())
            for i in range(t.rowCount())}


def test_the_township_issues_its_calendar_and_the_village_shows_it_read_only(
        qtbot, world, answer_questions):  # noqa: F811
    shown = PolicyDialog(world.township, TODAY)
    qtbot.addWidget(shown)
    assert "没有上级发布的政策版本" in shown.summary.text()
    issue = IssueDialog(world.township, TODAY, shown)
    qtbot.addWidget(issue)
    issue.holidays.setPlainText("2027-01-01\n2027-02-16")
    issue.workdays.setPlainText("2027-02-07")
    issue.phone.setText("0739-3601234")
    issue.do_it()
    assert issue.result() == issue.DialogCode.Accepted
    # asked once, after the edition was checked: sent, it cannot be taken back
    assert len(answer_questions) == 1 and "自 2026-12-31 起施行" in answer_questions[0]
    world.send(world.township, world.a)
    village = PolicyDialog(world.a, TODAY)
    qtbot.addWidget(village)
    assert "陈家坊镇民政办 第 1 版,自 2026-12-31 起施行" in village.summary.text()
    assert rows(village)["法定节假日"] == ("2027-01-01、2027-02-16", "陈家坊镇民政办第 1 版(只读)")
    assert rows(village)["调休上班日"] == ("2027-02-07", "陈家坊镇民政办第 1 版(只读)")
    assert rows(village)["村委会电话"][1] == "本机设置"
    assert not hasattr(village.buttons, "action")  # a village issues no policy
    assert shown.buttons.action.text() == "发布新版政策…"
    phones = PhonesDialog(world.a.policy, None, world.a.editions)
    qtbot.addWidget(phones)
    assert phones.township.isReadOnly() and phones.township.text() == "0739-3601234"
    assert "陈家坊镇民政办第 1 版政策" in phones.township.toolTip()
    assert phones.village.isReadOnly() is False


def test_a_bad_date_is_said_in_the_dialog_and_nothing_is_issued(qtbot, world):
    issue = IssueDialog(world.township, TODAY)
    qtbot.addWidget(issue)
    for typed, said in (("2027-01-01\n2027-13-01", "法定节假日:日期「2027-13-01」不是真实的日期"),
                        ("2027-02-30", "法定节假日:日期「2027-02-30」不是真实的日期"),
                        ("abc", "法定节假日:「abc」不是日期")):
        issue.holidays.setPlainText(typed)
        issue.do_it()
        assert said in issue.error.text()
        assert "holidays" not in issue.error.text()
    issue.holidays.setPlainText("2027-02-07")
    issue.workdays.setPlainText("2027-02-07")  # a day is a holiday or a working day
    issue.do_it()
    assert "2027-02-07 同时列为法定节假日和调休上班日" in issue.error.text()
    assert world.township.editions == []
    assert world.township.db.execute("SELECT COUNT(*) FROM policy_editions").fetchone()[0] == 0
