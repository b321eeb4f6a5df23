"""低保 动态管理 (issue 15): a household from its application through a year of monthly
payments, a review that adjusts its amount, one that changes its class, and a stop for
income with its gradual exit and its letter — across the village and the township with
real bundles; the roster, the due list and the whole history follow."""

from __future__ import annotations

import io
import json
from datetime import date

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from desktop.cli import main
from desktop.core.errors import Refusal
from desktop.core.policy import Policy
from desktop.core.rulebook import check_recorded
from desktop.core.steps import CaseFacts
from desktop.dibao.payments import pay_month
from desktop.dibao.reviews import Reviews
from desktop.operations.casework import Casework
from desktop.storage.store import Store
from desktop.sync.export import export_bundles
from desktop.sync.importer import import_files
from desktop.township.decisions import Decisions
from tests.helpers import TODAY
from tests.sync_world import World, history, status
from tests.test_dibao import dibao_case


def send(world: World, sender, receiver, today: date) -> None:
    """A real bundle from `sender`, imported at `receiver`, on `today`."""
    folder = world.tmp / f"usb-{today}-{sender.workstation['id'][:6]}"
    folder.mkdir(exist_ok=True)
    done = export_bundles(sender, folder, today)
    rid = receiver.workstation["id"]
    from desktop.sync.bundle import unpack

    paths = [e.path for e in done
             if unpack(e.path.read_bytes(), e.path.name).header["recipient"]["workstation_id"]
             == rid]
    for report in import_files(receiver, paths, today):
        assert not report.refused and not report.error, report


def review(**kw) -> dict:
    out = {"date": "2027-05-10", "investigators": ["李民生", "张村干"], "household_size": 2,
           "household_income_fen": 480_000, "changes": "长子外出务工,户口迁出",
           "proposed": "adjust", "findings": "家庭人口减少,人均收入仍低于标准"}
    return {**out, **kw}


def cli(capsys, store, today: str, *args):
    store.close()
    code = main(["--data-dir", str(store.path.parent), "--today", today, *args])
    out = capsys.readouterr()
    return code, out.out, out.err


def reopen(store):
    return Store.open(store.path.parent)


def household(store, case_id: str) -> tuple:
    return store.db.execute("SELECT persons, monthly_fen, class, next_review, stopped_month,"
                            " exit_from FROM dibao_households WHERE case_id = ?",
                            [case_id]).fetchone()


def enrolled(world: World) -> str:
    """A 3-person household with 500 元 a month, enrolled as B from 2026-12 at 790 元,
    its result posted at the village and back at the township."""
    case_id = dibao_case(world, world.a, 600_000)
    world.send(world.a, world.township)
    Decisions(world.township, TODAY).approve(case_id, 79_000, dibao_class="B")
    world.send(world.township, world.a)
    world.work(world.a).step(case_id, "post_result", {"date": "2026-12-31"})
    world.send(world.a, world.township)
    assert status(world.township, case_id) == "result_posted"
    return case_id


def months(first: str, n: int):
    from desktop.core import dibao

    for i in range(n):
        month = dibao.add_months(first, i)
        yield month, date(int(month[:4]), int(month[5:7]), 25)


def test_a_household_through_a_year_of_reviews_to_its_stop(world, tmp_path, capsys):
    case_id = enrolled(world)
    for month, day in months("2026-12", 5):  # December to April paid at 790 元
        pay_month(world.township, month, day)

    # 复核 at the village, by the rule book's step, up in a real bundle
    path = tmp_path / "review.json"
    path.write_text(json.dumps(review()), encoding="utf-8")
    code, _, err = cli(capsys, world.a, "2027-05-10", "step", case_id, "dibao_review",
                       "--json", str(path))
    assert code == 0, err
    world.a = reopen(world.a)
    send(world, world.a, world.township, date(2027, 5, 11))
    code, out, _ = cli(capsys, world.township, "2027-05-12", "dibao", "due", "--format", "json")
    assert [(r["case_id"], r["urgency"]) for r in json.loads(out)] == [(case_id, "pending")]

    # the township decides at the amount the method gives for 2 persons and 400 元 a month
    code, _, err = cli(capsys, world.township, "2027-05-12", "decide", case_id,
                       "--approve", "790")
    assert code == 2 and "每月应为 460.00 元" in err and len(err.strip().splitlines()) == 1
    code, out, _ = cli(capsys, world.township, "2027-05-12", "decide", case_id,
                       "--approve", "460")
    assert code == 0 and "调整保障金,每月 460.00 元,B 类,2027-05 起" in out
    world.township = reopen(world.township)
    assert household(world.township, case_id) == (2, 46_000, "B", "2027-11", None, None)
    for month, day in months("2027-05", 6):  # May to October at 460 元
        pay_month(world.township, month, day)

    # a second review changes the class: C, reviewed every 3 months from this review
    work = Casework(world.a, date(2027, 11, 5))
    send(world, world.township, world.a, date(2027, 11, 5))
    work.step(case_id, "dibao_review", review(date="2027-11-05", proposed="reclass",
                                              proposed_class="C", changes=""))
    send(world, world.a, world.township, date(2027, 11, 6))
    Reviews(world.township, date(2027, 11, 8)).decide(case_id, 46_000, "C")
    assert household(world.township, case_id)[2:4] == ("C", "2028-02")

    # 清理检查 over both villages: the third review is done in it
    pay_month(world.township, "2027-11", date(2027, 11, 25))
    code, out, err = cli(capsys, world.township, "2028-01-20", "dibao", "campaign", "open",
                         "--villages", "430522101201", "430522101202", "--until", "2028-02-29")
    assert code == 0 and "清理检查 2028-1:2 个村" in out, err
    world.township = reopen(world.township)

    # the third finds the income above the standard: no amount, only a stop, 渐退 6 months
    send(world, world.township, world.a, date(2028, 2, 3))
    Casework(world.a, date(2028, 2, 3)).step(case_id, "dibao_review", review(
        date="2028-02-03", household_income_fen=1_200_000, proposed="stop",
        reason="家庭成员稳定就业,人均收入超过标准"))
    send(world, world.a, world.township, date(2028, 2, 4))
    with pytest.raises(Refusal, match="已不符合低保条件:请作停保决定"):
        Reviews(world.township, date(2028, 2, 5)).decide(case_id, 46_000)
    letter = tmp_path / "停保通知书.pdf"
    code, out, err = cli(capsys, world.township, "2028-02-05", "dibao", "stop", case_id,
                         "--reason", "家庭成员稳定就业,人均收入超过标准", "--kind", "income",
                         "--letter", str(letter))
    assert code == 0 and "渐退 6 个月,每月 460.00 元,2028-08 起停发" in out, err
    text = PdfReader(io.BytesIO(letter.read_bytes())).pages[0].extract_text()
    assert "停保通知书" in text and "低保停〔2028〕1号" in text and "渐退期" in text
    assert "行政复议" in text and "430522199001011234" not in text
    world.township = reopen(world.township)
    assert household(world.township, case_id)[4:] == ("2028-08", "2028-02")

    # in its gradual exit the household is on the roster with the months left, then gone
    from desktop.dibao.households import roster

    assert [r["exit_left"] for r in roster(world.township, "2028-03").rows] == [5]
    last = roster(world.township, "2028-08")
    assert not last.rows and [r["case_id"] for r in last.excluded] == [case_id]
    assert "人均收入超过标准" in last.excluded[0]["stop_reason"]
    assert not [r for r in json.loads(cli(capsys, world.township, "2028-09-01", "dibao",
                                          "due", "--format", "json")[1])]
    world.township = reopen(world.township)

    # the campaign closes with its summary, per village and officer
    summary_pdf, summary_xlsx = tmp_path / "清理检查.pdf", tmp_path / "清理检查.xlsx"
    code, out, err = cli(capsys, world.township, "2028-02-20", "dibao", "campaign", "close",
                         "--pdf", str(summary_pdf), "--xlsx", str(summary_xlsx))
    assert code == 0 and "石门村:应复核 1 户,已复核 1 户;继续 0、调整 0、停保 1" in out, err
    assert "合计:应复核 1 户,已复核 1 户" in out and "李民生" not in out  # the actor: officer
    sheet = load_workbook(summary_xlsx).active
    assert [r[2:8] for r in sheet.iter_rows(min_row=4, values_only=True)][-1] == (
        1, 1, 0, 0, 1, 0)
    text = PdfReader(io.BytesIO(summary_pdf.read_bytes())).pages[0].extract_text()
    assert "已复核 1 户（100%）" in text and "刘民生(1)" in text
    code, _, err = cli(capsys, world.township, "2028-02-21", "dibao", "campaign", "close")
    assert code == 2 and "没有正在开展的清理检查" in err
    world.township = reopen(world.township)

    # the projections are the log's: a rebuild gives the same rows
    db = world.township.db
    tables = ("dibao_households", "dibao_campaigns", "dibao_payments")
    before = {t: list(db.execute(f"SELECT * FROM {t} ORDER BY 1, 2")) for t in tables}
    world.township.rebuild()
    assert {t: list(db.execute(f"SELECT * FROM {t} ORDER BY 1, 2")) for t in tables} == before

    # the village holds the same household and the whole history in its timeline
    send(world, world.township, world.a, date(2028, 2, 21))
    assert household(world.a, case_id) == household(world.township, case_id)
    lines = [h[0] for h in history(world.a, case_id)]
    assert "dibao_review" in lines and "dibao_decide" in lines
    code, out, _ = cli(capsys, world.a, "2028-02-06", "applications", "show", case_id)
    assert "现家庭人口 2 人" in out and "长子外出务工" in out and "变更分类:每月 460.00 元,C 类" in out
    assert "停保:家庭收入超过低保标准" in out and "渐退 6 个月" in out


# -- the same checks for a step typed here and an event from a bundle ------------------------
A1 = "430522101201-2026-0001"
HOUSEHOLD = {"class": "B", "persons": 3, "monthly_fen": 79_000, "stopped_month": None,
             "review": None}


def _facts(**household) -> CaseFacts:
    return CaseFacts(status="result_posted", program="dibao", category="dibao",
                     last_on=date(2026, 12, 31), household_size=3, income_fen=600_000,
                     received_on="2026-11-02", dibao={**HOUSEHOLD, **household})


def _decided(**kw) -> dict:
    out = {"date": "2027-05-12", "approver": "王审批", "outcome": "adjust",
           "amount_fen": 46_000, "dibao_class": "B", "from_month": "2027-05"}
    return {**out, **kw}


def _stopped(**kw) -> dict:
    out = {"date": "2027-05-12", "approver": "王审批", "outcome": "stop",
           "from_month": "2027-06", "reason_kind": "death", "reason": "户主去世,单人户",
           "exit_months": 0, "exit_fen": 0}
    return {**out, **kw}


FOUND = {**review(), "proposed_class": "", "reason": ""}


def _check(event: str, payload: dict, facts, role="township", policy=None) -> None:
    check_recorded(event, A1, payload, facts, role=role, today=date(2027, 5, 31),
                   policy=policy or Policy())


def test_a_decision_from_a_bundle_passes_the_checks_of_one_typed_here():
    _check("DibaoReviewDecided", _decided(), _facts(review=FOUND))
    _check("DibaoReviewDecided", _stopped(), _facts())  # a stop needs no review
    income = _stopped(reason_kind="income", exit_months=6, exit_fen=79_000)
    _check("DibaoReviewDecided", income, _facts())
    for payload, facts, why in (
            (_decided(), _facts(), "没有待决定的复核"),
            (_decided(amount_fen=50_000), _facts(review=FOUND), "每月应为 460.00 元"),
            (_decided(outcome="continue"), _facts(review=FOUND), "这是“调整保障金”"),
            (_decided(dibao_class="C"), _facts(review=FOUND), "这是“变更分类”"),
            (_decided(from_month="2027-08"), _facts(review=FOUND), "当月或次月"),
            (_stopped(reason=""), _facts(), "停保理由"),
            (_stopped(reason_kind="income"), _facts(), "渐退期应为 6 个月"),
            (_stopped(exit_months=6, exit_fen=79_000), _facts(), "渐退期应为 0 个月"),
            (_stopped(amount_fen=1), _facts(), "不填写月保障金"),
            (_decided(), _facts(review=FOUND, stopped_month="2027-05"), "已决定停保"),
            (_decided(), None, "本机没有案件")):
        with pytest.raises(Refusal, match=why):
            _check("DibaoReviewDecided", payload, facts)
    with pytest.raises(Refusal, match="不能由发送方"):
        _check("DibaoReviewDecided", _decided(), _facts(review=FOUND), role="village")
    half = Policy(dibao_exit_months=3, dibao_exit_share_percent=50)
    _check("DibaoReviewDecided", _stopped(reason_kind="income", exit_months=3,
                                          exit_fen=39_500), _facts(), policy=half)


def test_a_review_from_a_bundle_passes_the_checks_of_one_typed_here():
    _check("DibaoReviewed", FOUND, _facts(), role="village")
    for payload, facts, why in (
            (FOUND, _facts(review=FOUND), "还在等乡镇决定"),
            ({**FOUND, "investigators": ["李民生"]}, _facts(), "2 名不同的调查人"),
            ({**FOUND, "proposed": "reclass"}, _facts(), "新的分类"),
            ({**FOUND, "proposed": "stop"}, _facts(), "建议停保须写明理由"),
            ({**FOUND, "reason": "x"}, _facts(), "只有建议停保"),
            ({**FOUND, "household_size": 0}, _facts(), "现有家庭人口"),
            (FOUND, _facts(stopped_month="2027-05"), "已决定停保")):
        with pytest.raises(Refusal, match=why):
            _check("DibaoReviewed", payload, facts, role="village")
    with pytest.raises(Refusal, match="不能由发送方"):
        _check("DibaoReviewed", FOUND, _facts(), role="township")
    temporary = CaseFacts(status="result_posted", program="temporary_relief",
                          category="emergency", last_on=date(2026, 12, 31))
    with pytest.raises(Refusal, match="不能办理“低保复核”"):
        _check("DibaoReviewed", FOUND, temporary, role="village")
    not_enrolled = _facts()
    not_enrolled.dibao = None
    with pytest.raises(Refusal, match="不是已纳入低保"):
        _check("DibaoReviewed", FOUND, not_enrolled, role="village")
    # the household the 低保 window lists from its approval: its result notice comes first
    from desktop.core import dibao_review

    errors: list = []
    assert dibao_review._household(errors, CaseFacts(
        status="approved", program="dibao", category="dibao", last_on=date(2026, 12, 31))) is None
    assert "结果公示尚未办理" in errors[0].message and "复核" in errors[0].message


def test_stops_show_on_the_roster_and_refusals_change_nothing(world, tmp_path, capsys):
    from tests.test_dibao import _enrolled

    _enrolled(world)  # A1 3 persons 790 A, A2 3 persons 290 B, B1 1 person 230 C
    a1, a2 = "430522101201-2026-0001", "430522101201-2026-0002"
    world.send(world.township, world.a)
    for case_id in (a1, a2):
        world.work(world.a).step(case_id, "post_result", {"date": "2026-12-31"})
    world.send(world.a, world.township)
    code, _, err = cli(capsys, world.township, "2026-12-31", "dibao", "stop", a1,
                       "--reason", " ")
    assert code == 2 and "写明理由" in err
    code, _, err = cli(capsys, world.township, "2026-12-31", "decide", a1, "--approve", "790",
                       "--class", "A")
    assert code == 2 and "已于" in err  # no review waits: an approval is not decided twice
    code, _, err = cli(capsys, world.a, "2026-12-31", "dibao", "stop", a1, "--reason", "x")
    assert code == 2 and "乡镇工作站" in err
    world.township = reopen(world.township)
    assert household(world.township, a1)[4] is None
    code, out, err = cli(capsys, world.township, "2026-12-31", "dibao", "stop", a1,
                         "--reason", "户主于 2026 年 12 月去世,单人户已无保障对象", "--kind",
                         "death")
    assert code == 0 and "2026-12 起停发" in out, err
    code, out, _ = cli(capsys, world.township, "2026-12-31", "dibao", "stop", a2,
                       "--reason", "子女就业,人均收入超过标准", "--kind", "income")
    assert code == 0 and "渐退 6 个月" in out
    code, _, err = cli(capsys, world.township, "2026-12-31", "dibao", "stop", a1,
                       "--reason", "again")
    assert code == 2 and "已决定停保" in err
    pdf, xlsx = tmp_path / "花名册.pdf", tmp_path / "花名册.xlsx"
    for path in (pdf, xlsx):
        assert cli(capsys, world.township, "2026-12-31", "dibao", "roster", "--month",
                   "2026-12", "-o", str(path))[0] == 0
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.read_bytes())).pages)
    assert "渐退余6月" in text and "本月起停发" in text and "户主于 2026 年 12 月去世" in text
    assert "合计 2 户 4 人,金额 520.00 元" in text  # a2 at 290 元 in its exit, b1 230 元
    code, out, _ = cli(capsys, world.township, "2026-12-31", "letter", a2, "-o",
                       str(tmp_path / "letter.pdf"))
    assert code == 0 and "停保通知书" in out


def test_the_village_public_list_shows_only_what_the_board_may(world, tmp_path, capsys):
    from desktop.operations.notices import Notices
    from tests.test_dibao import _enrolled

    _enrolled(world)
    a1, a2 = "430522101201-2026-0001", "430522101201-2026-0002"
    world.send(world.township, world.a)
    for case_id in (a1, a2):
        world.work(world.a).step(case_id, "post_result", {"date": "2026-12-31"})
    world.send(world.a, world.township)
    Reviews(world.township, TODAY).stop(a1, "户主去世", "death")
    Reviews(world.township, TODAY).stop(a2, "子女就业,收入超过标准", "income")
    world.send(world.township, world.a)
    out_pdf = tmp_path / "公示名单.pdf"
    code, _, err = cli(capsys, world.a, "2027-01-05", "dibao", "public-list", "-o", str(out_pdf))
    assert code == 2 and "异议反映电话" in err and not out_pdf.exists()
    world.a = reopen(world.a)
    Notices(world.a, TODAY).set_phones("0739-1234567", "0739-7654321")
    code, out, err = cli(capsys, world.a, "2027-01-05", "dibao", "public-list", "-o",
                         str(out_pdf))
    assert code == 0 and "1 户 3 人" in out, err
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(out_pdf.read_bytes())).pages)
    assert "石门村最低生活保障对象公示名单" in text and "290.00" in text
    assert "2026年12月至2027年5月（渐退）" in text and "0739-7654321" in text
    assert "790.00" not in text  # stopped: off the board
    for private in ("430522", "6231000012345678", "623100", "农商银行"):
        assert private not in text.replace("石门村", ""), private
    code, _, err = cli(capsys, world.township, "2027-01-05", "dibao", "public-list", "-o",
                       str(tmp_path / "t.pdf"))
    assert code == 2 and "村级工作站" in err


def test_a_campaign_gives_every_household_a_review_task(world, capsys):
    from tests.test_dibao import _enrolled

    _enrolled(world)  # A1 (A: 2027-12), A2 (B: 2027-06) in 石门村, B1 (C: 2027-03) in 白水村
    for code, why in ((("--villages", "430522101299", "--until", "2027-02-28"), "不是本乡镇"),
                      (("--villages", "430522101201", "--until", "2026-12-01"), "截止日期"),
                      (("--villages", "430522101201", "--until", "2028-12-31"), "一年内")):
        result = cli(capsys, world.township, "2027-01-05", "dibao", "campaign", "open", *code)
        assert result[0] == 2 and why in result[2], result
    code, out, err = cli(capsys, world.township, "2027-01-05", "dibao", "campaign", "open",
                         "--villages", "430522101201", "--until", "2027-02-28")
    assert code == 0, err
    code, _, err = cli(capsys, world.township, "2027-01-06", "dibao", "campaign", "open",
                       "--villages", "430522101201", "--until", "2027-02-28")
    assert code == 2 and "未结束的清理检查" in err
    code, out, _ = cli(capsys, world.township, "2027-01-06", "dibao", "due", "--format", "json")
    assert [(r["case_id"][-4:], r["urgency"]) for r in json.loads(out)] == [
        ("0002", "campaign"), ("0001", "campaign")]  # B1 is due in March, not in it
    code, out, _ = cli(capsys, world.township, "2027-01-06", "dibao", "campaign", "status",
                       "--format", "json")
    (village,) = json.loads(out)["villages"]
    assert (village["households"], village["reviewed"]) == (2, 0)

    # the records travel to the village, each passing the rule book there
    world.township = reopen(world.township)
    send(world, world.township, world.a, date(2027, 1, 6))
    rows = world.a.db.execute("SELECT campaign, village_code, until FROM dibao_campaigns"
                              ).fetchall()
    assert rows == [("2027-1", "430522101201", "2027-02-28")]
    assert world.b.db.execute("SELECT COUNT(*) FROM dibao_campaigns").fetchone()[0] == 0
    good = {"campaign": "2027-1", "village_code": "430522101201", "date": "2027-01-05",
            "until": "2027-02-28"}
    for record, payload, why in (
            ("430522101202-QL-2027-1", good, "不符"),
            ("430522101201-QL-2027-1", {**good, "campaign": "2026-1"}, "年份"),
            ("430522101201-QL-2027-1", {**good, "campaign": "1"}, "年份-序号")):
        with pytest.raises(Refusal, match=why):
            check_recorded("DibaoCampaignOpened", record, payload, None, role="township",
                           today=date(2027, 1, 6), policy=Policy())
    with pytest.raises(Refusal, match="不能由发送方"):
        check_recorded("DibaoCampaignOpened", "430522101201-QL-2027-1", good, None,
                       role="village", today=date(2027, 1, 6), policy=Policy())


@pytest.mark.parametrize("code, role", [("dibao_review", "village"),
                                        ("dibao_decide", "township")])
def test_a_review_and_its_decision_only_on_a_dibao_case_whose_result_is_posted(code, role):
    from desktop.core.status import Status
    from desktop.core.workflow import allowed_actions, next_status

    for state in Status:
        offered = code in allowed_actions(state.value, role, category="dibao")
        assert offered == (state == Status.RESULT_POSTED), state
        if offered:
            assert next_status(state.value, code, {}, role=role, category="dibao") == state
    assert code not in allowed_actions("result_posted", role, category="expenditure")
