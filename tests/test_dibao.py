"""低保 households in payment (issue 15): enrollment at the township's approval, the
month's payment recorded once, the roster, and the same household at both ends after
real bundles."""

from __future__ import annotations

import io
import json
import re
from datetime import date
from decimal import Decimal

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from desktop.cli import main
from desktop.core import dibao
from desktop.core.errors import Refusal
from desktop.core.policy import Policy
from desktop.core.rulebook import check_recorded
from desktop.core.steps import CaseFacts
from desktop.storage.store import Store
from tests.helpers import ORDINARY_PATH, TODAY, advance, make_application
from tests.sync_world import World, status

INVESTIGATE = dict(ORDINARY_PATH)["investigate"]
A1, B1 = "430522101201-2026-0001", "430522101202-2026-0001"


def dibao_case(world: World, store, income_fen: int, **doc) -> str:
    """A 低保 application at a village, investigated with `income_fen` a year, walked to
    公示期满."""
    work = world.work(store)
    (case_id,) = work.receive_many([make_application(
        program="dibao", category="dibao", reason="dibao_illness", requested_fen=100_000,
        **doc)])
    work.step(case_id, "investigate", {**INVESTIGATE, "household_income_fen": income_fen})
    advance(work, case_id, "notice_done")
    return case_id


# -- the amount by the county's method ------------------------------------------------------
def test_the_difference_method_reckons_standard_less_income_times_persons():
    policy = Policy()  # 430 元 a person a month
    assert dibao.monthly_amount(policy, "A", 3, 600_000)[0] == 79_000  # 1290 − 500
    assert dibao.monthly_amount(policy, "A", 1, 100_001)[0] == 34_667  # half up, once
    amount, why = dibao.monthly_amount(policy, "B", 3, 1_800_000)  # 500 a head: above
    assert amount == 0 and "不低于低保标准" in why


def test_the_minimum_and_the_levels_are_settings():
    floor = Policy(dibao_minimum_per_person_fen=10_000)
    assert dibao.monthly_amount(floor, "A", 3, 1_500_000)[0] == 30_000  # 40 → 100 × 3
    levels = Policy(dibao_method="levels", dibao_level_c_fen=15_000)
    assert dibao.monthly_amount(levels, "C", 2, 600_000)[0] == 30_000
    assert dibao.monthly_amount(levels, "C", 2, 2_000_000)[0] == 0  # not eligible at all


def _approved_facts(**kw) -> CaseFacts:
    return CaseFacts(status="acknowledged", program="dibao", category="dibao",
                     last_on=date(2026, 12, 1), household_size=3, income_fen=600_000,
                     received_on="2026-11-02", **kw)


def _approve(**fields) -> dict:
    return {"date": "2026-12-20", "approver": "王审批", "amount_fen": 79_000, **fields}


def test_an_imported_approval_must_carry_the_class_and_start_month_in_normal_form():
    facts, policy = _approved_facts(), Policy()
    good = _approve(dibao_class="A", start_month="2026-12")
    check_recorded("Approved", A1, good, facts, role="township", today=TODAY, policy=policy)
    for bad, why in ((_approve(dibao_class="A"), "规范格式"),  # start month left out
                     (_approve(dibao_class="D", start_month="2026-12"), "低保分类"),
                     (_approve(dibao_class="A", start_month="2026-10"), "起始月份"),
                     ({**good, "amount_fen": 80_000}, "790.00")):
        with pytest.raises(Refusal, match=why):
            check_recorded("Approved", A1, bad, facts, role="township", today=TODAY,
                           policy=policy)


def _paid(**kw) -> dict:
    out = {"month": "2026-12", "village_code": "430522101201", "date": "2026-12-28",
           "households": [{"case_id": A1, "persons": 3, "amount_fen": 79_000}],
           "total_fen": 79_000}
    return {**out, **kw}


@pytest.mark.parametrize("payload, record, why", [
    (_paid(total_fen=90_000), "430522101201-DB-2026-12", "之和"),
    (_paid(households=[{"case_id": B1, "persons": 1, "amount_fen": 90_000}],
           total_fen=90_000), "430522101201-DB-2026-12", "不是本村"),
    (_paid(), "430522101201-DB-2026-11", "不符"),
    (_paid(month="2027-01"), "430522101201-DB-2027-01", "之前"),
    (_paid(households=[]), "430522101201-DB-2026-12", "1 户以上"),
    (_paid(households="全部"), "430522101201-DB-2026-12", "1 户以上"),
    (_paid(households=[1], total_fen=1), "430522101201-DB-2026-12", "对象"),
    (_paid(households=[{"case_id": A1, "persons": 0, "amount_fen": 79_000}]),
     "430522101201-DB-2026-12", "家庭人口"),
    (_paid(households=[{"case_id": A1, "persons": 3, "amount_fen": 79_000, "x": 1}]),
     "430522101201-DB-2026-12", "x"),
    (_paid(households=[{"case_id": A1, "persons": 3, "amount_fen": 39_500}] * 2),
     "430522101201-DB-2026-12", "只出现一次"),
    (_paid(village_code="4305221012"), "4305221012-DB-2026-12", "12 位"),
])
def test_a_forged_month_payment_is_refused(payload, record, why):
    with pytest.raises(Refusal, match=why):
        check_recorded("DibaoMonthPaid", record, payload, None, role="township",
                       today=TODAY, policy=Policy())


def test_a_village_cannot_record_a_month_payment():
    with pytest.raises(Refusal, match="不能由发送方"):
        check_recorded("DibaoMonthPaid", "430522101201-DB-2026-12", _paid(), None,
                       role="village", today=TODAY, policy=Policy())


# -- the township's commands, and the household at both ends ---------------------------------
@pytest.fixture
def world(tmp_path):
    w = World(tmp_path)
    yield w
    for s in (w.township, w.a, w.b):
        if s.db.conn is not None:
            s.close()


def _cli(capsys, store, *args, today: str = TODAY.isoformat()):
    code = main(["--data-dir", str(store.path.parent), "--today", today, *args])
    out = capsys.readouterr()
    return code, out.out, out.err


def _closed(*stores) -> None:
    for s in stores:
        s.close()


def test_dibao_from_village_to_township_and_back(world, tmp_path, capsys):
    a1 = dibao_case(world, world.a, 600_000)  # 3 persons, 500 元 a month: 790 元
    b1 = dibao_case(world, world.b, 240_000, members=[])  # 1 person, 200 元: 230 元
    (temp,) = world.cases_ready(world.a, 1)
    world.send(world.a, world.township)
    world.send(world.b, world.township)
    assert (a1, b1) == (A1, B1) and status(world.township, a1) == "acknowledged"
    t = world.township
    _closed(t)

    code, _, err = _cli(capsys, t, "decide", a1, "--approve", "790")
    assert code == 2 and "--class A|B|C" in err and "低保" in err
    code, _, err = _cli(capsys, t, "decide", temp, "--approve", "1000", "--class", "A")
    assert code == 2 and "临时救助案件不填写" in err
    code, _, err = _cli(capsys, t, "decide", a1, "--approve", "800", "--class", "A")
    assert code == 2 and "应为 790.00 元" in err
    code, out, _ = _cli(capsys, t, "decide", a1, "--approve", "790", "--class", "A")
    assert code == 0 and "每月 790.00 元,A 类,2026-12 起发放,2027-12 复核" in out
    code, out, _ = _cli(capsys, t, "decide", b1, "--approve", "230", "--class", "C",
                        "--from", "2027-01")
    assert code == 0 and "2027-04 复核" in out

    # December: only the household whose payment has started
    code, out, _ = _cli(capsys, t, "dibao", "list", "--month", "2026-12", "--format", "json")
    assert [(h["case_id"], h["monthly_fen"], h["class"]) for h in json.loads(out)] == [
        (a1, 79_000, "A")]
    code, out, _ = _cli(capsys, t, "dibao", "pay", "--month", "2026-12")
    assert code == 0 and "1 户 3 人,合计 790.00 元" in out
    code, _, err = _cli(capsys, t, "dibao", "pay", "--month", "2026-12")
    assert code == 2 and "已于 2026-12-31 登记发放,不能重复登记" in err
    code, _, err = _cli(capsys, t, "dibao", "pay", "--month", "2027-01")
    assert code == 2 and "还没有到" in err
    code, _, err = _cli(capsys, t, "decide", temp, "--approve", "1000")
    assert code == 0  # 临时救助 goes on as before

    # the decisions and the month's payment travel to each village in real bundles
    usb = tmp_path / "stick"
    usb.mkdir()
    assert _cli(capsys, t, "bundle", "export", "--to", str(usb))[0] == 0
    _closed(world.a, world.b)
    for village in (world.a, world.b):
        (bundle,) = usb.glob(f"*至{village.workstation['village']}_*")
        code, out, err = _cli(capsys, village, "bundle", "import", str(bundle))
        assert code == 0 and "拒收" not in out + err, out + err
    world.a, world.b = Store.open(world.a.path.parent), Store.open(world.b.path.parent)
    _closed(world.a)
    code, out, _ = _cli(capsys, world.a, "applications", "show", a1)  # its whole history
    assert "纳入低保,每月 790.00 元,A 类,2026-12 起发放" in out
    world.a = Store.open(world.a.path.parent)
    assert _household(world.a, a1) == (3, 79_000, "A", "2026-12", "2027-12")
    assert _household(world.b, b1) == (1, 23_000, "C", "2027-01", "2027-04")
    assert world.a.db.execute("SELECT households, persons, total_fen FROM dibao_months"
                              " WHERE month = '2026-12'").fetchone() == (1, 3, 79_000)
    assert world.b.db.execute("SELECT COUNT(*) FROM dibao_months").fetchone()[0] == 0
    world.township = Store.open(t.path.parent)
    assert _household(world.township, a1) == _household(world.a, a1)
    code, out, _ = _cli(capsys, world.a, "dibao", "list", "--month", "2026-12",
                        today="2026-12-31")
    assert code == 0 and a1 in out and "合计:1 户 3 人 790.00 元" in out
    # the village's result notice shows the monthly amount, and nothing it must not
    from desktop.operations.notices import Notices
    from desktop.printing.notice_sheet import notice_pdf

    notices = Notices(world.a, TODAY)
    notices.set_phones("0739-1234567", "0739-7654321")
    sheet = PdfReader(io.BytesIO(notice_pdf(world.a, notices.post_results([a1])))).pages[0]
    text = sheet.extract_text()
    assert "月保障金" in text and "790.00" in text and "6231000012345678" not in text


def _household(store, case_id: str) -> tuple:
    return store.db.execute("SELECT persons, monthly_fen, class, since_month, next_review"
                            " FROM dibao_households WHERE case_id = ?", [case_id]).fetchone()


def _enrolled(world: World) -> None:
    """Two households in village A and one in B, in payment from 2026-12."""
    from desktop.township.decisions import Decisions

    cases = [dibao_case(world, world.a, 600_000), dibao_case(world, world.a, 1_200_000),
             dibao_case(world, world.b, 240_000, members=[])]
    world.send(world.a, world.township)
    world.send(world.b, world.township)
    decide = Decisions(world.township, TODAY)
    for case_id, yuan, cls in zip(cases, (79_000, 29_000, 23_000), "ABC", strict=True):
        decide.approve(case_id, yuan, dibao_class=cls)


def test_roster_pdf_excel_list_and_figures_agree(world, tmp_path, capsys):
    _enrolled(world)
    t = world.township
    _closed(t)
    pdf, xlsx = tmp_path / "花名册.pdf", tmp_path / "花名册.xlsx"
    for path in (pdf, xlsx):
        assert _cli(capsys, t, "dibao", "roster", "--month", "2026-12", "-o", str(path))[0] == 0
    listed = json.loads(_cli(capsys, t, "dibao", "list", "--month", "2026-12",
                             "--format", "json")[1])
    figures = json.loads(_cli(capsys, t, "dibao", "figures", "--month", "2026-12",
                              "--format", "json")[1])

    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.read_bytes())).pages)
    m = re.search(r"合计 (\d+) 户 (\d+) 人,金额 ([\d,]+\.\d\d) 元", text)
    printed = (int(m[1]), int(m[2]), int(Decimal(m[3].replace(",", "")) * 100))
    sheet = load_workbook(xlsx).active
    lines = [r for r in sheet.iter_rows(min_row=4, values_only=True) if r[0] is not None]
    total_row = list(sheet.iter_rows(values_only=True))[-1]
    in_excel = (len(lines), sum(r[5] for r in lines), int(sum(r[6] for r in lines) * 100))
    assert total_row[1] == "合计" and int(total_row[6] * 100) == in_excel[2]
    from_list = (len(listed), sum(h["persons"] for h in listed),
                 sum(h["monthly_fen"] for h in listed))
    from_figures = (figures["households"], figures["persons"], figures["total_fen"])
    assert printed == in_excel == from_list == from_figures == (3, 7, 131_000)
    assert [(v["village"], v["households"], v["total_fen"]) for v in figures["villages"]] == [
        ("石门村", 2, 108_000), ("白水村", 1, 23_000)]
    assert "小计" in text and "6231000012345678" not in text and "623100******5678" in text
    assert {r[8] for r in lines} == {"6231000012345678"}  # the bank pays from the workbook

    # once paid, the roster is the payment as recorded, with the same totals
    assert _cli(capsys, t, "dibao", "pay", "--month", "2026-12")[0] == 0
    paid = json.loads(_cli(capsys, t, "dibao", "figures", "--month", "2026-12",
                           "--format", "json")[1])
    assert (paid["households"], paid["persons"], paid["total_fen"]) == (3, 7, 131_000)
    assert all(v["paid_on"] == "2026-12-31" for v in paid["villages"])


def test_a_dibao_case_is_not_paid_one_off_and_a_paid_month_closes_enrollment(world):
    from desktop.township.decisions import Decisions

    _enrolled(world)
    late = dibao_case(world, world.a, 600_000)
    world.send(world.a, world.township)
    from desktop.dibao.payments import pay_month

    pay_month(world.township, "2026-12", TODAY)
    decide = Decisions(world.township, TODAY)
    with pytest.raises(Refusal, match="只能从 2027-01 起"):
        decide.approve(late, 79_000, dibao_class="B", start_month="2026-12")
    decide.approve(late, 79_000, dibao_class="B")  # starts with the first month not paid
    assert _household(world.township, late)[3:] == ("2027-01", "2027-07")
    world.send(world.township, world.a)
    world.work(world.a).step(late, "post_result", {"date": "2026-12-31"})
    world.send(world.a, world.township)
    assert status(world.township, late) == "result_posted"
    with pytest.raises(Refusal, match="按月发放"):
        decide.pay(late, 79_000, "一卡通")
    assert "pay" not in world.work(world.township).allowed_actions(late)  # no such button
    with pytest.raises(Refusal, match="不能办理“发放”"):  # nor such an event from elsewhere
        check_recorded("Paid", late, {"date": "2026-12-31", "amount_fen": 79_000,
                                      "method": "一卡通"},
                       world.work(world.township).facts(late), role="township",
                       today=TODAY, policy=Policy())


def test_rebuild_and_a_new_review_interval_reproduce_the_households(world):
    _enrolled(world)
    from desktop.dibao.payments import pay_month

    pay_month(world.township, "2026-12", TODAY)
    db = world.township.db
    tables = ("dibao_households", "dibao_months", "dibao_payments")
    before = {t: list(db.execute(f"SELECT * FROM {t} ORDER BY 1, 2")) for t in tables}
    world.township.rebuild()
    assert {t: list(db.execute(f"SELECT * FROM {t} ORDER BY 1, 2")) for t in tables} == before
    world.township.set_settings({"dibao_review_months_a": 24})
    assert db.execute("SELECT next_review FROM dibao_households WHERE class = 'A'"
                      ).fetchone()[0] == "2028-12"


def test_reviews_due_by_class_interval(world, capsys):
    _enrolled(world)  # A: 2027-12, B: 2027-06, C: 2027-03
    t = world.township
    _closed(t)
    code, out, _ = _cli(capsys, t, "dibao", "due", "--format", "json", today="2027-05-10")
    assert code == 0
    assert [(r["class"], r["urgency"]) for r in json.loads(out)] == [
        ("C", "overdue"), ("B", "soon")]
    code, out, _ = _cli(capsys, t, "dibao", "due", today="2027-06-02")
    assert "本月到期" in out and "已逾期" in out and "A 类" not in out


def test_bad_dibao_commands_are_refused_with_one_line(world, tmp_path, capsys):
    _enrolled(world)
    t, a = world.township, world.a
    _closed(t)
    for args, why in ((("dibao", "roster", "--month", "2026-13", "-o", str(tmp_path / "r.pdf")),
                       "月份“2026-13”写得不对,应为“年-月”,例如 2026-11。"),
                      (("dibao", "roster", "--month", "2026-12", "-o", str(tmp_path / "r.txt")),
                       ".xlsx"),
                      (("dibao", "roster", "--month", "2026-12", "-o",
                        str(tmp_path / "none" / "r.pdf")), "不存在"),
                      (("dibao", "roster", "--month", "2026-10", "-o", str(tmp_path / "r.pdf")),
                       "没有在保"),
                      (("dibao", "pay", "--month", "2026-10"), "没有在保"),
                      (("decide", A1, "--reject", "x", "--class", "A"), "只用于批准低保")):
        code, out, err = _cli(capsys, t, *args)
        assert code == 2 and why in err and len(err.strip().splitlines()) == 1, (args, err)
    assert not list(tmp_path.glob("r.*"))
    _closed(a)
    code, _, err = _cli(capsys, a, "dibao", "pay", "--month", "2026-12")
    assert code == 2 and "只能在乡镇工作站" in err
