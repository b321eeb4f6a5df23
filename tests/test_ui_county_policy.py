"""设置 → 本机政策 at the county (issue 14 item 4): the county issues its edition — its
holiday and 调休 calendar, caps, 低保 standards, deadlines — from the dialog, which speaks
of the townships and villages it goes to and asks no township's phone; every setting is
named in words and money is shown in 元; the edition reaches the township and its
villages, where the county's days count beside the township's own."""

from __future__ import annotations

import re

from PySide6.QtWidgets import QLabel

from desktop.ui.policy_dialogs import IssueDialog, PolicyDialog
from tests import county_world
from tests.helpers import TODAY
from tests.test_ui_policy import rows
from tests.ui_hooks import answer_questions  # noqa: F401

world = county_world.world
KEY = re.compile(r"[a-z]+_[a-z_]+")  # an internal key name (extra_workdays, max_request_fen)


def test_the_county_issues_its_calendar_and_standard_from_the_dialog(qtbot, world):
    issue = IssueDialog(world.county, TODAY)
    qtbot.addWidget(issue)
    labels = " ".join(w.text() for w in issue.findChildren(QLabel))
    assert issue.phone is None and "乡镇民政办电话" not in labels
    assert "送达各乡镇,由乡镇转送各村" in issue.intro.text()
    assert "本乡镇各村" not in labels
    issue.holidays.setPlainText("2027-02-30\nabc")  # the tester's: refused, the day named
    issue.do_it()
    assert "法定节假日:日期「2027-02-30」不是真实的日期" in issue.error.text()
    assert not KEY.search(issue.error.text())
    issue.holidays.setPlainText("2027-01-01")
    issue.workdays.setPlainText("2027-02-07")
    issue.table.set_value("dibao_monthly_standard_fen", "四百")
    issue.do_it()
    assert "低保月标准(元):金额「四百」不是有效的数字" in issue.error.text()
    issue.table.set_value("dibao_monthly_standard_fen", "450.00")
    issue.do_it()
    assert issue.result() == issue.DialogCode.Accepted, issue.error.text()
    edition = world.county.editions[0]
    assert edition.settings == {"dibao_monthly_standard_fen": 45000,
                                "extra_workdays": ["2027-02-07"], "holidays": ["2027-01-01"]}
    world.down()
    for store in (world.township, world.a):
        assert store.policy.dibao_monthly_standard_fen == 45000
        assert [d.isoformat() for d in store.policy.holidays] == ["2027-01-01"]


def test_the_policy_shows_money_in_yuan_and_every_setting_in_words(qtbot, world):
    shown = PolicyDialog(world.county, TODAY)
    qtbot.addWidget(shown)
    got = rows(shown)
    assert got["低保月标准(元)"][0] == "430.00 元"
    assert got["申请金额上限(元)"][0] == "100,000.00 元"
    assert got["先行救助上限(元,0 为乡镇上限)"][0] == "0.00 元"
    assert got["低保金额计算方法"][0] == "差额" and got["可不经评议"][0] == "否"
    for label, (value, _source) in got.items():
        assert not KEY.search(label) and not KEY.search(value), (label, value)


def test_the_townships_own_days_count_beside_the_countys(qtbot, world):
    county = IssueDialog(world.county, TODAY)
    qtbot.addWidget(county)
    county.holidays.setPlainText("2027-01-01")
    county.do_it()
    world.down()
    township = IssueDialog(world.township, TODAY)
    qtbot.addWidget(township)
    assert township.holidays.toPlainText() == ""  # its own days, not the county's
    township.holidays.setPlainText("2027-01-04")
    township.do_it()
    assert township.result() == township.DialogCode.Accepted, township.error.text()
    world.send(world.township, world.a)
    for store in (world.township, world.a):
        assert [d.isoformat() for d in store.policy.holidays] == ["2027-01-01", "2027-01-04"]
