"""The month's 目标管理考核 table at a township that holds ten years of its villages'
cases (issue 14: ≤ 2 s), against the floor of reading that month's case steps with
plain SQL. The county's table reads only the townships' published reports."""

from __future__ import annotations

import statistics
import time
from pathlib import Path

import bench_data as data

# one township's share of the county-scale set (about 700,000 cases in 25 townships)
CASES = {"full": 28_000, "quick": 2_800}
MONTH = "2026-04"


def township_store(folder: Path, cases: int):
    from desktop.demo.scale import county_villages, fill_store
    from desktop.operations.setup import create_workstation

    store = create_workstation(folder, data.TOWNSHIP, demo=True)
    villages = [v for v in county_villages() if v.township_code == data.TOWNSHIP["township_code"]]
    fill_store(store, data.SEED, cases, data.TODAY, villages=villages)
    return store


def assessment(work: Path, cfg: dict, row) -> list[dict]:
    from desktop.assessment.report import assessment as month_table
    from desktop.township.figures import month_range

    cases = CASES["quick" if cfg["ledger"] < 100_000 else "full"]
    store = township_store(work / "assessment-township", cases)
    first, last = month_range(MONTH)
    runs = []
    for _ in range(cfg["runs"]):
        t = time.perf_counter()
        table = month_table(store, MONTH, data.TODAY)
        runs.append(time.perf_counter() - t)
    floor = []
    for _ in range(cfg["runs"]):
        t = time.perf_counter()
        store.db.execute("SELECT s.application_id, s.action, s.occurred_on, e.payload"
                         " FROM case_steps s JOIN events e ON e.workstation_id ="
                         " s.workstation_id AND e.seq = s.seq WHERE s.application_id IN"
                         " (SELECT application_id FROM case_steps WHERE occurred_on"
                         " BETWEEN ? AND ?)", [first.isoformat(), last.isoformat()]).fetchall()
        floor.append(time.perf_counter() - t)
    store.close()
    return [row(f"考核 month table at a township, {cases} cases, {len(table.villages)} villages",
                runs, "s", statistics.median(floor), "≤ 2",
                "floor: plain SQL of the month's cases' steps with their payloads")]
