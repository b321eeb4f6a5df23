"""Every 元 adds up (issue 13): on a generated village (the demo: cases in every state,
some paid first, the township's part simulated), the township's monthly figures, the
approval form of each case and the ledger give the same 先行救助, 发放 and total."""

from __future__ import annotations

import re
from datetime import date

from desktop.demo.village import load_demo, open_demo_store
from desktop.printing.approval_form import form_pdf
from desktop.township.figures import monthly_figures
from desktop.township.money import case_money
from tests.test_notice_helpers import pdf_text

TODAY = date(2026, 12, 31)
TOTAL = re.compile(r"合计\s*([\d,]+\.\d{2})\s*元")


def _fen(text: str) -> int:
    yuan, cents = text.replace(",", "").split(".")
    return int(yuan) * 100 + int(cents)


def _months(first: str, last: str) -> list[str]:
    y, m = int(first[:4]), int(first[5:7])
    out = []
    while f"{y:04d}-{m:02d}" <= last[:7]:
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def test_figures_forms_and_ledger_agree_on_every_yuan(tmp_path):
    store = open_demo_store(tmp_path / "demo")
    try:
        load_demo(store, today=TODAY, seed=13, count=80)
        rows = list(store.db.query("SELECT * FROM applications"))
        ledger = [case_money(r) for r in rows]
        paid_first, paid = sum(m[0] for m in ledger), sum(m[1] for m in ledger)
        assert paid_first > 0 and paid > 0  # the set has both kinds of money
        first, last = store.db.execute(
            "SELECT MIN(occurred_on), MAX(occurred_on) FROM history").fetchone()
        figures = [monthly_figures(store.db, m, store.policy).total for m in _months(first, last)]
        assert sum(f.paid_first_fen for f in figures) == paid_first
        assert sum(f.paid_fen for f in figures) == paid
        on_forms = 0
        for row, (_, _, total) in zip(rows, ledger, strict=True):
            if total:
                text = pdf_text(form_pdf(store, row["id"], TODAY)).replace("\n", " ")
                (printed,) = TOTAL.findall(text)
                assert _fen(printed) == total, row["id"]
                on_forms += total
        assert on_forms == paid_first + paid
        # no payment above what was approved less what was paid first
        assert all((r["paid_fen"] or 0) + (r["paid_first_fen"] or 0) <= (r["approved_fen"] or 0)
                   for r in rows if r["paid_fen"] is not None)
    finally:
        store.close()
