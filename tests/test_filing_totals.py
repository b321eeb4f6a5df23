"""The filing register carries 先行救助, 发放 and the total of each case, and the same
sums appear in its PDF, its workbook, its signed file, the township's monthly figures
and the ledger (issue 13: money that reconciles in every document)."""

from __future__ import annotations

import json
import re
from decimal import Decimal

from openpyxl import load_workbook

from desktop.operations.notices import Notices
from desktop.township.decisions import Decisions
from desktop.township.figures import monthly_figures
from desktop.township.filing import export_filing, period_of
from desktop.township.money import case_money
from tests.helpers import TODAY, advance, make_application
from tests.sync_world import World
from tests.test_notice_helpers import pdf_text

PAID_FIRST = {0: 50_000, 1: 80_000}  # 500 and 800 元 paid first; the third case none


def _cases(world) -> list[str]:
    work = world.work(world.a)
    ids = work.receive_many([make_application(category="emergency", reason="fire"),
                             make_application(category="emergency", reason="fire"),
                             make_application()])
    for i, case_id in enumerate(ids):
        if i in PAID_FIRST:
            work.step(case_id, "pay_first", {"date": "2026-11-02", "amount_fen": PAID_FIRST[i],
                                             "authorised_by": "村主任", "method": "现金"})
            work.step(case_id, "investigate", {
                "date": "2026-11-03", "investigators": ["刘民生", "村主任"],
                "methods": ["入户调查"], "household_income_fen": 0,
                "household_expenditure_fen": 0, "findings": "情况属实"})
            advance(work, case_id, "notice_done")
        else:
            advance(work, case_id, "notice_done")
    return ids


def test_every_document_gives_the_same_money(tmp_path):
    world = World(tmp_path)
    try:
        ids = _cases(world)
        world.send(world.a, world.township)
        t = world.township
        for case_id in ids:
            Decisions(t, TODAY).approve(case_id, 100_000)
        world.send(t, world.a)
        Notices(world.a, TODAY).post_results(ids)
        world.send(world.a, t)
        for case_id in ids:
            row = t.db["applications"].get(case_id)
            Decisions(t, TODAY).pay(case_id, 100_000 - (row["paid_first_fen"] or 0), "一卡通")
        ledger = [case_money(t.db["applications"].get(c)) for c in ids]
        want = tuple(sum(m[k] for m in ledger) for k in range(3))
        assert want == (130_000, 170_000, 300_000)

        out = tmp_path / "county"
        out.mkdir()
        done = export_filing(t, out, period_of(TODAY, "2026-12"), TODAY)
        files = {p.suffix: p for p in done.paths}
        signed = json.loads(files[".rdfiling"].read_text(encoding="utf-8"))["body"]["totals"]
        assert (signed["paid_first_fen"], signed["paid_fen"], signed["total_fen"]) == want

        sheet = load_workbook(files[".xlsx"]).active
        (total,) = [r for r in sheet.iter_rows(values_only=True) if r[0] == "合计"]
        assert tuple(int(Decimal(str(total[j])) * 100) for j in (9, 10, 11)) == want

        text = pdf_text(files[".pdf"].read_bytes())
        amounts = re.findall(r"\d{1,3}(?:,\d{3})*\.\d{2}", text.split("合计")[-1])
        assert ["1,300.00", "1,700.00", "3,000.00"] == amounts[1:4]  # after 批准 3,000.00

        figures = [monthly_figures(t.db, m, t.policy).total for m in ("2026-11", "2026-12")]
        assert sum(f.paid_first_fen for f in figures) == want[0]
        assert sum(f.paid_fen for f in figures) == want[1]
    finally:
        world.close()
