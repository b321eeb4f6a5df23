"""The benchmark's table: ratios to the floor and the targets read the same way for every
figure (the timings themselves are never asserted: CI machines differ)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "build_scripts"))

import bench  # noqa: E402


def test_a_row_has_its_ratio_and_whether_it_meets_the_target():
    r = bench.row("start-up", 0.3, "s", 0.2, "ratio ≤ 1.5")
    assert (r["ratio"], r["meets"]) == (1.5, True)
    assert bench.row("search", 120, "ms", None, "≤ 100")["meets"] is False
    assert bench.row("rebuild", 9000, "events/s")["meets"] is None


def test_the_table_has_one_line_per_figure():
    rows = [bench.row("a", 1, "s", 2, "ratio ≤ 2"), bench.row("b", 3, "MB", None, "≤ 300")]
    lines = bench.table(rows).splitlines()
    assert len(lines) == 4 and "figure" in lines[0] and lines[3].startswith("b ")


def test_a_figure_of_several_runs_is_their_median_with_its_spread():
    r = bench.row("ledger first page", [90, 40, 60], "ms", 30, "ratio ≤ 2, ≤ 100")
    assert (r["value"], r["min_max"], r["ratio"], r["meets"]) == (60, [40, 90], 2.0, True)
    assert "40–90" in bench.table([r])


def test_every_limit_of_a_target_must_hold():
    assert bench.row("ledger", 150, "ms", 100, "ratio ≤ 2, ≤ 100")["meets"] is False  # slow
    assert bench.row("ledger", 90, "ms", 30, "ratio ≤ 2, ≤ 100")["meets"] is False  # 3×
