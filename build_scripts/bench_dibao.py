"""低保 at county scale for the benchmark (issue 15): some ten thousand households in
payment and ten years of monthly payments, written straight into the projection tables
of a store that already holds the county's cases (generating them as events would take
the benchmark's whole budget: what is measured is reading them, which is what the
roster and the due list do)."""

from __future__ import annotations

import random

from desktop.core import dibao

MONTHS = 120  # ten years


def fill_dibao(store, households: int, last_month: str, seed: int = 15) -> int:
    """Enroll up to `households` of the store's cases, each for a part of the ten years
    before `last_month`, and record every village's month as paid; returns the
    payment lines written."""
    rng = random.Random(seed)
    first = dibao.add_months(last_month, -(MONTHS - 1))
    cases = store.db.execute("SELECT id, household_size FROM applications ORDER BY id LIMIT ?",
                             [households]).fetchall()
    enrolled, lines, months = [], [], {}
    for case_id, persons in cases:
        cls = rng.choice("ABC")
        since = dibao.add_months(first, rng.randrange(MONTHS))
        stopped = dibao.add_months(since, rng.randrange(12, 240))
        stopped = stopped if stopped <= last_month else None
        fen = rng.randrange(100, 1300) * 100
        village = case_id[:12]
        enrolled.append((case_id, village, persons, fen, cls, since,
                         dibao.next_review(store.policy, since, cls), f"{since}-01", stopped,
                         *(("迁出本地", f"{stopped}-01") if stopped else (None, None))))
        month = since
        while month <= last_month and (stopped is None or month < stopped):
            lines.append((month, case_id, village, persons, fen))
            m = months.setdefault((village, month), [0, 0, 0])
            m[0], m[1], m[2] = m[0] + 1, m[1] + persons, m[2] + fen
            month = dibao.add_months(month, 1)
    with store.transaction():
        store.db.conn.executemany(
            "INSERT INTO dibao_households (case_id, village_code, persons, monthly_fen, class,"
            " since_month, next_review, approved_on, stopped_month, stop_reason, stopped_on)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?)", enrolled)
        store.db.conn.executemany("INSERT INTO dibao_payments VALUES (?,?,?,?,?)", lines)
        store.db.conn.executemany(
            "INSERT INTO dibao_months VALUES (?,?,?,?,?,?)",
            [(v, m, *totals, f"{m}-25") for (v, m), totals in months.items()])
    return len(lines)
