"""Issue 13 item 6: documents say who decided. A case the township referred and the
county decided shows, on its 结果公示 and on the 审批表, that 新邵县民政局 decided it
under its reference; the township's own opinion is 转县审批; the form's place line names
the county, the township and the case's village, at the village and at the township."""

from __future__ import annotations

import re

from desktop.operations.notices import Notices
from desktop.printing.approval_form import form_pdf
from desktop.printing.notice_sheet import notice_pdf
from desktop.township.decisions import Decisions
from tests.helpers import TODAY
from tests.test_notice_helpers import PHONES, pdf_text
from tests.township_world import deliver

REF = "新民发〔2026〕12号"


def _flat(data: bytes) -> str:
    return re.sub(r"\s+", "", pdf_text(data))


def _referred_and_ordinary(world) -> tuple[str, str]:
    """Two cases of the first village: one the county approved (2,500 元), one the
    township approved (1,000 元); both decisions back at the village."""
    county, township = world.cases_ready(world.a, 2)
    deliver(world)
    decide = Decisions(world.township, TODAY)
    decide.refer(county, "金额超过乡镇审批权限")
    decide.approve(county, 250_000, county_ref=REF)
    decide.approve(township, 100_000)
    world.send(world.township, world.a)
    return county, township


def test_the_approval_form_of_a_referred_case_names_the_county_and_its_reference(world):
    county, township = _referred_and_ordinary(world)
    for store in (world.township, world.a):
        form = _flat(form_pdf(store, county, TODAY))
        assert "新邵县陈家坊镇石门村" in form
        assert "审批意见转县审批：金额超过乡镇审批权限" in form
        assert "同意救助" not in form
        assert "九、转县审批／县民政局批复" in form and "十、先行救助与发放" in form
        for words in ("审批机关新邵县民政局", f"批复文号{REF}", "新邵县民政局批准救助2,500.00元"):
            assert words in form, words
    ordinary = _flat(form_pdf(world.township, township, TODAY))
    assert "新邵县陈家坊镇石门村" in ordinary and "同意救助1,000.00元" in ordinary
    assert "转县审批" not in ordinary and "九、先行救助与发放" in ordinary


def test_the_result_notice_says_the_county_decided_a_referred_case(world):
    c1, t1, c2, t2 = world.cases_ready(world.a, 4)
    deliver(world)
    decide = Decisions(world.township, TODAY)
    for case_id in (c1, c2):
        decide.refer(case_id)
        decide.approve(case_id, 250_000, county_ref=REF)
    for case_id in (t1, t2):
        decide.approve(case_id, 100_000)
    world.send(world.township, world.a)
    n = Notices(world.a, TODAY)
    n.set_phones(*PHONES)
    county = _flat(notice_pdf(world.a, n.post_results([c1])))
    assert f"经陈家坊镇人民政府审核、新邵县民政局审批（批复文号：{REF}）" in county
    assert "审核审批" not in county
    township = _flat(notice_pdf(world.a, n.post_results([t1])))
    assert "经陈家坊镇人民政府审核审批，以下1户" in township and "民政局" not in township
    mixed = _flat(notice_pdf(world.a, n.post_results([t2, c2])))
    assert (f"经陈家坊镇人民政府审核审批（其中第2户经陈家坊镇人民政府审核后报新邵县民政局审批，"
            f"批复文号：{REF}）") in mixed
