"""Issue 13 at the township and on paper: red flags (a second name for an ID number, a
review against the vote, an approval above the posted amount, 先行救助 above the
approval), the approval form's 先行救助 / 发放 / 合计, and a letter for every refusal with
a number unique per issuer and year, the same on reprint."""

from __future__ import annotations

from desktop.cli import main
from desktop.operations.casework import Casework
from desktop.printing.approval_form import form_pdf
from desktop.printing.decision_letter import letter_pdf
from desktop.township.decisions import Decisions
from desktop.township.flags import red_flags
from tests.helpers import ORDINARY_PATH, TODAY, advance, make_application, playing
from tests.sync_world import World
from tests.test_notice_helpers import pdf_text
from tests.township_world import applicant, case_with, deliver

STEP = dict(ORDINARY_PATH)


def flags(store, case_id) -> dict[str, str]:
    return {f.code: f.text for f in red_flags(store.db, [case_id], store.policy)[case_id]}


def against_the_vote(work, case_id: str) -> None:
    """Deliberated 2 for, 7 against (不同意), then passed at 初审 with a reason."""
    advance(work, case_id, "investigated")
    work.step(case_id, "deliberate", dict(STEP["deliberate"], votes_for=2, votes_against=7,
                                          conclusion="不同意"))
    work.step(case_id, "review", dict(STEP["review"],
                                      against_deliberation_reason="评议后补交了住院发票"))
    advance(work, case_id, "notice_done")


def paid_first(work, case_id: str, fen: int) -> None:
    work.step(case_id, "pay_first", {"date": "2026-11-02", "amount_fen": fen,
                                     "authorised_by": "王审批", "method": "现金"})
    work.step(case_id, "investigate", STEP["investigate"])
    advance(work, case_id, "notice_done")


EMERGENCY = {"category": "emergency", "reason": "fire", "reason_detail": "房屋失火"}


def test_a_second_name_for_an_id_number_is_flagged_in_the_village_and_the_township(world):
    number = applicant()["id_number"]
    first = case_with(world, world.a, applicant=applicant(number, name="张三"))
    again = case_with(world, world.a, applicant=applicant(number, name="王五"))
    other = case_with(world, world.b, applicant=applicant(number, name="王伍"))
    in_village = flags(world.a, again)
    assert "“王五”" in in_village["second_name"] and "“张三”" in in_village["second_name"]
    assert "王伍" not in in_village["second_name"]  # village b's case is not here
    deliver(world)
    at_township = flags(world.township, other)["second_name"]
    assert "“王伍”" in at_township and "“张三”" in at_township and "“王五”" in at_township
    assert first in at_township and number not in at_township  # the number masked
    clean = case_with(world, world.a)
    assert "second_name" not in flags(world.a, clean)


def test_against_the_vote_above_the_notice_and_below_paid_first_are_red_flags(world):
    work = world.work(world.a)
    against, above, far_above, below, clean = work.receive_many(
        [make_application()] * 3 + [make_application(**EMERGENCY)] * 2)
    against_the_vote(work, against)
    for case_id in (above, far_above):
        advance(work, case_id, "deliberated")
        work.step(case_id, "review", dict(STEP["review"], proposed_fen=80_000))
        advance(work, case_id, "notice_done")
    paid_first(work, below, 120_000)
    paid_first(work, clean, 40_000)
    deliver(world)
    t = world.township
    town = Casework(t, TODAY)  # the import acknowledged each case
    decide = Decisions(t, TODAY)
    decide.approve(against, 100_000)
    decide.approve(above, 84_000)
    decide.approve(far_above, 120_000)
    decide.approve(clean, 100_000)
    town.step(below, "approve", {"date": TODAY.isoformat(), "approver": "王审批",
                                 "amount_fen": 100_000, "recovery_note": "已追回 200 元"})
    assert "评议后补交了住院发票" in flags(t, against)["against_deliberation"]
    assert "须重新公示" not in flags(t, above)["above_notice"]
    assert "须重新公示" in flags(t, far_above)["above_notice"]
    assert "已追回 200 元" in flags(t, below)["first_over_approved"]
    assert not {"against_deliberation", "above_notice", "first_over_approved"} & set(
        flags(t, clean))
    form = pdf_text(form_pdf(t, against, TODAY)).replace("\n", "").replace(" ", "")
    assert "与评议相反" in form and "评议后补交了住院发票" in form


def test_the_approval_form_shows_paid_first_paid_and_the_total(world):
    work = world.work(world.a)
    (case_id,) = work.receive_many([make_application(**EMERGENCY)])
    paid_first(work, case_id, 40_000)
    advance(work, case_id, "result_posted")
    with playing(world.a, "township"):
        work.step(case_id, "pay", dict(STEP["pay"], amount_fen=60_000))
    text = pdf_text(form_pdf(world.a, case_id, TODAY))
    assert "九、先行救助与发放" in text and "合计" in text
    for words in ("已先行救助 400.00 元，应再发放 600.00 元", "400.00 元", "600.00 元",
                  "1,000.00 元"):
        assert words in text.replace("\n", "")


def refused_cases(world, store) -> tuple[str, str]:
    work = world.work(store)
    refused, failed = work.receive_many([make_application(), make_application()])
    work.step(refused, "refuse", {"date": "2026-11-03", "reason": "缺少户口簿,已一次性告知"})
    advance(work, failed, "deliberated")
    work.step(failed, "review", {"date": "2026-11-05", "passed": False, "opinion": "不符合",
                                 "reason": "家庭人均收入高于当地标准",
                                 "against_deliberation_reason": "调查后发现有稳定工资收入"})
    return refused, failed


def test_the_village_writes_a_letter_for_a_refusal_and_a_failed_review(world):
    refused, failed = refused_cases(world, world.a)
    text = pdf_text(letter_pdf(world.a, refused, TODAY))
    assert "不予受理通知书" in text and "缺少户口簿" in text and "石门村不予受理〔2026〕1号" in text
    assert "行政复议" in text and "重新提出申请" in text and "石门村村民委员会" in text
    text = pdf_text(letter_pdf(world.a, failed, TODAY))
    assert "初审不通过通知书" in text and "家庭人均收入高于当地标准" in text
    assert "石门村初审不通过〔2026〕1号" in text and "行政诉讼" in text


def test_the_letter_command_works_at_the_village(tmp_path, capsys):
    world = World(tmp_path)
    try:
        refused, _ = refused_cases(world, world.a)
        (open_case,) = world.work(world.a).receive_many([make_application()])
        data = ["--data-dir", str(world.a.path.parent), "--today", TODAY.isoformat()]
        world.a.close()
        out = tmp_path / "letter.pdf"
        assert main(data + ["letter", refused, "-o", str(out)]) == 0
        assert "不予受理通知书" in capsys.readouterr().out
        assert out.read_bytes().startswith(b"%PDF")
        assert main(data + ["letter", open_case, "-o", str(tmp_path / "no.pdf")]) == 2
        assert "不能打印通知书" in capsys.readouterr().err
        assert not (tmp_path / "no.pdf").exists()
    finally:
        world.township.close()
        world.b.close()


def test_rejection_letters_are_numbered_per_township_and_stable_on_reprint(world):
    a = case_with(world, world.a)
    b = case_with(world, world.b)
    assert a.endswith("-0001") and b.endswith("-0001")  # the same serial in two villages
    deliver(world)
    t = world.township
    decide = Decisions(t, TODAY)
    for case_id in (a, b):
        decide.reject(case_id, "家庭人均收入高于标准")
    numbers = [_number(pdf_text(letter_pdf(t, c, TODAY))) for c in (a, b, a)]
    assert numbers == ["陈家坊镇民政〔2026〕1号", "陈家坊镇民政〔2026〕2号", "陈家坊镇民政〔2026〕1号"]


def _number(text: str) -> str:
    return next(line.strip() for line in text.splitlines() if "〔" in line)
