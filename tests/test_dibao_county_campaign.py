"""清理检查 opened by the county (issue 15, item 4): one record per township in the
county's bundle; the township passes it on to its villages as its own word naming the
county's event, so their households become review tasks and `campaign status` names the
county; the county's status reads what each township reports, and the county may close
it early with a summary per township; a forged record is refused."""

from __future__ import annotations

import json
from datetime import date

import pytest

from desktop.core.errors import Refusal
from desktop.core.policy import Policy
from desktop.core.rulebook import check_recorded
from desktop.storage.eventlog import all_events
from desktop.sync import export
from desktop.sync.peers import peer
from tests import county_world
from tests.forged import chained, deliver, signed_bundle
from tests.sync_world import snapshot
from tests.test_dibao import _enrolled
from tests.test_dibao_review import cli, reopen, send
from tests.ui_hooks import answer_questions  # noqa: F401

world = county_world.world  # the fixture: a county, its townships and villages
TOWNSHIP, A, B = "430522101", "430522101201", "430522101202"
DAY = date(2027, 1, 5)


def _open(world, capsys, *args) -> tuple:
    result = cli(capsys, world.county, DAY.isoformat(), "dibao", "campaign", "open", *args)
    world.county = reopen(world.county)
    return result


def test_a_county_campaign_reaches_the_villages_as_review_tasks(world, capsys):
    _enrolled(world)  # A1, A2 in 石门村 (A), B1 in 白水村 (B), at the township
    for args, why in ((("--townships", "430522199", "--until", "2027-02-28"), "不是本县已登记"),
                      (("--townships", "430600101", "--until", "2027-02-28"), "不是本县已登记"),
                      (("--until", "2027-02-28"), "--townships"),
                      (("--townships", TOWNSHIP, "--villages", A, "--until", "2027-02-28"),
                       "二者选一"),
                      (("--townships", TOWNSHIP, "--until", "2028-12-31"), "一年内")):
        code, _, err = _open(world, capsys, *args)
        assert code == 2 and why in err, err
    assert not world.county.db.execute("SELECT 1 FROM events WHERE type ="
                                       " 'DibaoCountyCampaignOpened'").fetchone()
    code, out, err = _open(world, capsys, "--townships", TOWNSHIP, "--until", "2027-02-28")
    assert code == 0 and "2027-1" in out and "1 个乡镇" in out, err

    # the township holds it and passes it on under its own number, naming the county
    send(world, world.county, world.township, DAY)
    rows = world.township.db.execute("SELECT campaign, village_code, opened_on, until FROM"
                                     " dibao_campaigns ORDER BY village_code").fetchall()
    assert rows == [("2027-1", A, "2027-01-05", "2027-02-28"),
                    ("2027-1", B, "2027-01-05", "2027-02-28")]
    code, out, _ = cli(capsys, world.township, "2027-01-06", "dibao", "due", "--format", "json")
    assert sorted(r["urgency"] for r in json.loads(out)) == ["campaign"] * 3
    code, out, _ = cli(capsys, world.township, "2027-01-06", "dibao", "campaign", "status")
    assert "清理检查 2027-1(名义:新邵县民政局)" in out and "应复核 3 户" in out, out
    world.township = reopen(world.township)
    # a bundle imported again passes nothing on twice
    county_event = world.county.db.execute("SELECT hash FROM events WHERE type ="
                                           " 'DibaoCountyCampaignOpened'").fetchone()[0]
    send(world, world.county, world.township, DAY)
    forwarded = world.township.db.execute(
        "SELECT case_id, json_extract(payload, '$.from_hash') FROM events WHERE type ="
        " 'DibaoCampaignForwarded' ORDER BY case_id").fetchall()
    assert forwarded == [(f"{A}-QL-2027-1", county_event), (f"{B}-QL-2027-1", county_event)]

    # each village receives its own record, passing the rule book there
    send(world, world.township, world.a, DAY)
    send(world, world.township, world.b, DAY)
    for store, village in ((world.a, A), (world.b, B)):
        assert store.db.execute("SELECT campaign, village_code FROM dibao_campaigns"
                                ).fetchall() == [("2027-1", village)]
    code, out, _ = cli(capsys, world.a, "2027-01-06", "dibao", "campaign", "status")
    assert "名义:新邵县民政局" in out and "石门村" in out and "白水村" not in out, out

    # at the county: progress per township, as each reports it (none has yet)
    code, out, _ = cli(capsys, world.county, "2027-01-06", "dibao", "campaign", "status",
                       "--format", "json")
    (township,) = json.loads(out)["townships"]
    assert township["village_code"] == TOWNSHIP and township["reviewed"] == 0
    code, out, _ = cli(capsys, world.county, "2027-01-06", "dibao", "campaign", "status")
    assert "清理检查 2027-1" in out and "尚未报送" in out, out


def test_a_county_campaign_over_chosen_villages_reaches_only_those(world, capsys):
    _enrolled(world)
    code, _, err = _open(world, capsys, "--villages", B, "--until", "2027-02-28")
    assert code == 0, err
    send(world, world.county, world.township, DAY)
    assert world.township.db.execute("SELECT village_code FROM dibao_campaigns").fetchall() \
        == [(B,)]
    payload = json.loads(world.county.db.execute("SELECT payload FROM events WHERE type ="
                                                 " 'DibaoCountyCampaignOpened'").fetchone()[0])
    assert payload["villages"] == [B] and payload["township_code"] == TOWNSHIP


def test_a_forged_county_campaign_for_another_countys_township_is_refused(world):
    """A county bundle to the township carrying a record for another county's township
    (or for its sibling township) is refused whole; a record whose id and fields differ,
    or one a township or village signs as the county's, fails the rule book."""
    from desktop.dibao.county_campaigns import open_county_campaign

    county = world.county
    open_county_campaign(county, [TOWNSHIP], [], date(2027, 2, 28), DAY)  # a real one first
    good = {"campaign": "2027-1", "township_code": "430600101", "villages": [],
            "date": "2027-01-05", "until": "2027-02-28"}
    p = peer(county.db, world.township.workstation["id"])
    last = list(all_events(county.db))[-1]
    for record, fields in (("430600101000-QL-2027-1", good),
                           ("430522102000-QL-2027-1", {**good, "township_code": "430522102"})):
        forged = chained(last, "DibaoCountyCampaignOpened", fields, record)
        events = export.pending_events(county.db, county.workstation["id"], p, 0)
        before = snapshot(world.township)
        report = deliver(world, signed_bundle(world, events + [forged], sender=county,
                                              recipient=world.township), store=world.township)
        assert "超出发送方的权限" in report.error, report.error
        assert snapshot(world.township) == before
    own = {**good, "township_code": TOWNSHIP}
    for record, fields, role, why in (
            ("430522101000-QL-2027-2", own, "county", "不符"),
            ("430522101000-QL-2027-1", {**own, "villages": ["430600101201"]}, "county", "村代码"),
            ("430522101000-QL-2027-1", own, "township", "不能由发送方")):
        with pytest.raises(Refusal, match=why):
            check_recorded("DibaoCountyCampaignOpened", record, fields, None, role=role,
                           today=DAY, policy=Policy())
    passed_on = {"campaign": "2027-1", "village_code": A, "date": "2027-01-05",
                 "until": "2027-02-28", "county": "新邵县民政局", "county_campaign": "2027-1",
                 "from_workstation": "a" * 32, "from_seq": 3, "from_hash": "b" * 64}
    check_recorded("DibaoCampaignForwarded", f"{A}-QL-2027-1", passed_on, None,
                   role="township", today=DAY, policy=Policy())
    with pytest.raises(Refusal, match="不能由发送方"):
        check_recorded("DibaoCampaignForwarded", f"{A}-QL-2027-1", passed_on, None,
                       role="village", today=DAY, policy=Policy())


def test_the_township_tab_names_the_county_whose_campaign_it_is(qtbot, world, capsys):
    from desktop.ui.main_window import MainWindow

    _enrolled(world)
    assert _open(world, capsys, "--townships", TOWNSHIP, "--until", "2027-02-28")[0] == 0
    send(world, world.county, world.township, DAY)
    win = MainWindow(world.township, DAY)
    qtbot.addWidget(win)
    text = win.township_panel.dibao.campaign.progress.text()
    assert "2027-1(名义:新邵县民政局)" in text and "0/2 户" in text, text


def test_the_county_closes_its_campaign_early_and_sums_it_up_per_township(world, capsys,
                                                                          tmp_path):
    """Closed before its date: the closing reaches the township, which ends it in its
    villages; the township reports its figures with its next export to the county, and
    the county's summary (command line and PDF) shows them, the unreviewed as overdue."""
    from desktop.core import dibao
    from desktop.dibao.reviews import Reviews
    from desktop.operations.casework import Casework
    from tests.test_dibao_review import review

    _enrolled(world)
    assert _open(world, capsys, "--townships", TOWNSHIP, "--until", "2027-02-28")[0] == 0
    send(world, world.county, world.township, DAY)
    send(world, world.township, world.a, DAY)
    a1 = world.township.db.execute("SELECT MIN(case_id) FROM dibao_households WHERE"
                                   " village_code = ?", [A]).fetchone()[0]
    Casework(world.a, DAY).step(a1, "post_result", {"date": DAY.isoformat()})
    day = date(2027, 1, 10)
    Casework(world.a, day).step(a1, "dibao_review", review(
        date=day.isoformat(), household_size=3, household_income_fen=600_000,
        proposed="continue"))
    send(world, world.a, world.township, day)
    fen, _ = dibao.monthly_amount(world.township.policy, "A", 3, 600_000)
    Reviews(world.township, day).decide(a1, fen)
    send(world, world.township, world.county, day)  # its figures go up with the export

    code, out, err = cli(capsys, world.county, "2027-01-12", "dibao", "campaign", "status",
                         "--format", "json")
    (township,) = json.loads(out)["townships"]
    assert (township["households"], township["reviewed"]) == (3, 1)
    assert township["reported_on"] == "2027-01-10" and township["overdue"] == 0

    pdf = tmp_path / "汇总.pdf"
    code, out, err = cli(capsys, world.county, "2027-01-12", "dibao", "campaign", "close",
                         "--pdf", str(pdf))
    assert code == 0 and "已结束清理检查 2027-1" in out and "逾期未复核 2" in out, err
    world.county = reopen(world.county)
    from pypdf import PdfReader

    text = "".join(p.extract_text() for p in PdfReader(str(pdf)).pages)
    assert "提前结束" in text and "逾期未复核" in text and "2027-01-10" in text
    code, _, err = cli(capsys, world.county, "2027-01-13", "dibao", "campaign", "close")
    assert code == 2 and "已于 2027-01-12 结束" in err and len(err.strip().splitlines()) == 1
    world.county = reopen(world.county)

    # the closing reaches the township, which ends it in its villages, and then the villages
    send(world, world.county, world.township, date(2027, 1, 13))
    assert world.township.db.execute("SELECT DISTINCT closed_on FROM dibao_campaigns"
                                     ).fetchall() == [("2027-01-12",)]
    send(world, world.township, world.a, date(2027, 1, 13))
    assert world.a.db.execute("SELECT closed_on FROM dibao_campaigns").fetchall() == \
        [("2027-01-12",)]
    send(world, world.county, world.township, date(2027, 1, 14))  # brought again: nothing
    assert world.township.db.execute("SELECT COUNT(*) FROM events WHERE type ="
                                     " 'DibaoCampaignClosed'").fetchone()[0] == 2


def test_a_township_s_report_is_checked_as_its_own(world):
    report = {"campaign": "2027-1", "township_code": TOWNSHIP, "date": "2027-01-10",
              "households": 3, "reviewed": 1, "continued": 1, "adjusted": 0, "stopped": 0,
              "newly_found": 0}
    record = f"{TOWNSHIP}000-QR-2027-1"
    check_recorded("DibaoCampaignReported", record, report, None, role="township",
                   today=date(2027, 1, 10), policy=Policy())
    for rec, fields, role, why in (
            (record, {**report, "reviewed": 9}, "township", "多于"),
            ("430522102000-QR-2027-1", report, "township", "不符"),
            (record, report, "village", "不能由发送方"),
            (record, {**report, "stopped": -1}, "township", "停保户数")):
        with pytest.raises(Refusal, match=why):
            check_recorded("DibaoCampaignReported", rec, fields, None, role=role,
                           today=date(2027, 1, 10), policy=Policy())


def test_the_county_dashboard_shows_opens_and_closes_its_campaign(qtbot, world, tmp_path,
                                                                   capsys):
    from desktop.ui.main_window import MainWindow

    _enrolled(world)
    send(world, world.township, world.county, DAY)  # the township's first figures: none
    win = MainWindow(world.county, DAY)
    qtbot.addWidget(win)
    box = win.township_panel.dashboard.campaign
    assert "还没有开展过" in box.state.text() and not box.view.isVisibleTo(box)
    box.ask_open = lambda: ([TOWNSHIP], date(2027, 2, 28))
    box.open_campaign()
    assert "清理检查 2027-1" in box.state.text() and "进行中" in box.state.text()
    assert box.figures.rowCount() == 1 and box.figures.row(0)["reported_on"] == ""
    shown = [box.figures.data(box.figures.index(0, i)) for i in range(8)]
    assert shown[0] == "陈家坊镇" and shown[6] == "—" and shown[7] == "未报送"

    send(world, world.county, world.township, DAY)
    send(world, world.township, world.county, DAY)  # the township reports: 3 to review
    box.refresh()
    assert box.figures.row(0)["households"] == 3 and box.figures.row(0)["reported_on"]
    pdf = tmp_path / "汇总.pdf"
    box.ask_save = lambda name: str(pdf)
    box.today = date(2027, 1, 20)
    box.close_campaign()
    assert "已于 2027-01-20 结束" in box.state.text() and pdf.read_bytes().startswith(b"%PDF")
    assert box.figures.data(box.figures.index(0, 6)) == "3"  # none reviewed: overdue
    box.close_campaign()
    assert "没有正在进行" in box.message.text()
