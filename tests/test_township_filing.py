"""Payment to filing (备案) and the monthly figures, on cases from two villages; and the
township's commands (exit 2 and nothing changed on a refusal)."""

from __future__ import annotations

import json

import pytest
from openpyxl import load_workbook

from desktop.cli import main
from desktop.core.errors import Refusal
from desktop.sync.identity import export_card
from desktop.township.decisions import Decisions
from desktop.township.figures import monthly_figures, table_rows
from desktop.township.filing import export_filing, period_of
from desktop.township.filing_verify import verify_filing
from tests.helpers import TODAY
from tests.sync_world import World, snapshot, status
from tests.township_world import deliver, post_result

DECEMBER = period_of(TODAY, "2026-12")


@pytest.fixture
def paid(tmp_path):
    """Three cases approved (two from 石门村, one from 白水村), results posted, paid."""
    world = World(tmp_path)
    a1, a2 = world.cases_ready(world.a, 2)
    (b1,) = world.cases_ready(world.b, 1)
    deliver(world)
    decide = Decisions(world.township, TODAY)
    for case_id, fen in ((a1, 100_000), (a2, 80_050), (b1, 120_000)):
        decide.approve(case_id, fen)
    world.send(world.township, world.a)
    world.send(world.township, world.b)
    for store, ids in ((world.a, (a1, a2)), (world.b, (b1,))):
        for case_id in ids:
            post_result(world, store, case_id)
    deliver(world)
    for case_id, fen in ((a1, 100_000), (a2, 80_050), (b1, 110_000)):
        decide.pay(case_id, fen, "一卡通")
    world.ids = (a1, a2, b1)
    yield world
    world.close()


def test_filing_export_writes_files_and_files_the_cases(paid, tmp_path):
    t = paid.township
    out = tmp_path / "county"
    out.mkdir()
    done = export_filing(t, out, DECEMBER, TODAY)
    assert sorted(p.suffix for p in done.paths) == [".pdf", ".rdfiling", ".xlsx"]
    assert all(p.stat().st_size > 1000 for p in done.paths)
    assert [status(t, c) for c in paid.ids] == ["filed"] * 3
    assert done.totals == {"cases": 3, "approved_fen": 300_050, "paid_first_fen": 0,
                           "paid_fen": 290_050, "total_fen": 290_050}
    sheet = load_workbook(next(p for p in done.paths if p.suffix == ".xlsx")).active
    total = [r for r in sheet.iter_rows(values_only=True) if r[0] == "合计"][0]
    lines = [r for r in sheet.iter_rows(min_row=4, values_only=True) if r[0] != "合计"]
    assert float(total[6]) == sum(float(r[6]) for r in lines) == 3000.50
    assert float(total[10]) == sum(float(r[10]) for r in lines) == 2900.50  # 发放
    assert float(total[11]) == sum(float(r[11]) for r in lines) == 2900.50  # 合计支出
    card = tmp_path / "township-card.json"
    export_card(t, card)
    signed = next(p for p in done.paths if p.suffix == ".rdfiling")
    assert main(["filing", "verify", str(signed), "--card", str(card)]) == 0
    body = json.loads(signed.read_text(encoding="utf-8"))
    body["body"]["cases"][0]["paid_fen"] += 100
    signed.write_text(json.dumps(body, ensure_ascii=False), encoding="utf-8")
    from desktop.sync.identity import read_card

    with pytest.raises(Refusal, match="签名不对"):
        verify_filing(signed, read_card(card))
    # filed cases travel back to their villages
    paid.send(t, paid.a)
    assert status(paid.a, paid.ids[0]) == "filed"
    # a second export of the same month has nothing left: refused, nothing changed
    before = snapshot(t)
    with pytest.raises(Refusal, match="没有已发放、待备案的案件"):
        export_filing(t, out, DECEMBER, TODAY)
    assert snapshot(t) == before


def test_filing_an_empty_period_is_refused_on_the_command_line(paid, tmp_path, capsys):
    t = paid.township
    data_dir = str(t.path.parent)
    before = snapshot(t)
    code = main(["--data-dir", data_dir, "--today", TODAY.isoformat(), "filing", "export",
                 "--to", str(tmp_path), "--month", "2026-10"])
    assert code == 2 and "没有已发放" in capsys.readouterr().err
    assert snapshot(t) == before and not list(tmp_path.glob("*.pdf"))


def test_a_month_typed_wrong_is_told_in_words_an_officer_reads(paid, tmp_path, capsys):
    """“应为 YYYY-MM” meant nothing to an officer: the line says 年-月 with an example,
    for the filing export and the figures alike; nothing is changed."""
    t = paid.township
    before = snapshot(t)
    base = ["--data-dir", str(t.path.parent), "--today", TODAY.isoformat()]
    for command in (["filing", "export", "--to", str(tmp_path), "--month", "2026-13"],
                    ["figures", "--month", "2026/12"]):
        assert main([*base, *command]) == 2
        err = capsys.readouterr().err
        assert f"月份“{command[-1]}”写得不对,应为“年-月”,例如 2026-11。" in err
        assert "YYYY" not in err and len(err.strip().splitlines()) == 1
    assert snapshot(t) == before and not list(tmp_path.glob("*.pdf"))


def test_figures_on_a_known_data_set(paid):
    t = paid.township
    dec = monthly_figures(t.db, "2026-12", t.policy)
    stone = next(v for v in dec.villages if v.name == "石门村")
    white = next(v for v in dec.villages if v.name == "白水村")
    assert stone.counts == {"submitted": 2, "approved": 2, "rejected": 0, "referred": 0,
                            "returned": 0, "paid": 2}
    assert stone.approved_fen["expenditure"] == 180_050 and stone.paid_fen == 180_050
    assert white.paid_fen == 110_000
    assert dec.total.approved_fen["expenditure"] == 300_050
    # submitted and decided the same day, within 10 working days; 受理 2026-11-02 →
    # 2026-12-31 is 43 working days: the 30-day whole-case deadline was missed
    assert stone.deadlines["dl_decision"] == [2, 2] and stone.deadlines["dl_total"] == [0, 2]
    assert stone.average("span_decide") == 0 and stone.average("span_acknowledge") == 0
    nov = monthly_figures(t.db, "2026-11", t.policy)
    assert nov.total.deadlines["dl_investigation"] == [3, 3]  # 11-02 → 11-03
    assert nov.total.deadlines["dl_notice"] == [3, 3]
    assert nov.total.average("span_investigate") == 1.0
    assert nov.total.counts["approved"] == 0
    headers, rows = table_rows(dec)
    assert rows[-1][0] == "合计" and len(headers) == len(rows[0])


def test_cli_decide_pay_and_letter(tmp_path, capsys):
    world = World(tmp_path)
    try:
        a1, a2, a3 = world.cases_ready(world.a, 3)
        deliver(world)
        t = world.township
        data = ["--data-dir", str(t.path.parent), "--today", TODAY.isoformat()]
        t.close()

        def run(*args) -> int:
            return main(data + list(args))

        assert run("decide", a1, "--approve", "1000") == 0
        assert run("decide", a1, "--approve", "1000") == 2
        assert "不能再次决定" in capsys.readouterr().err
        for bad in (["--approve", "0"], ["--approve", "-5"], ["--approve", "5000"],
                    ["--reject", " "]):
            assert run("decide", a2, *bad) == 2
        assert run("decide", "430522101299-2026-0001", "--refer") == 2
        letter = tmp_path / "letter.pdf"
        assert run("decide", a2, "--reject", "家庭人均收入高于标准", "--letter", str(letter)) == 0
        assert letter.read_bytes().startswith(b"%PDF")
        assert run("decide", a3, "--refer") == 0
        assert run("decide", a3, "--approve", "5000") == 2
        assert run("decide", a3, "--approve", "2500", "--county-ref", "新民发〔2026〕3号") == 0
        assert run("pay", a1, "--amount", "1000", "--method", "一卡通") == 2  # no result yet
        assert run("queue", "--format", "json") == 0
        assert run("inbox") == 0 and run("figures", "--xlsx", str(tmp_path / "f.xlsx")) == 0
        out = capsys.readouterr().out
        assert "石门村" in out and (tmp_path / "f.xlsx").exists()
    finally:
        world.a.close()
        world.b.close()
