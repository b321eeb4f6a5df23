"""The floors: the least work a figure could possibly do, measured in the same run.

A ratio to a floor says how much the app adds (checks, crypto, projections, layout) to
what cannot be avoided (writing the rows, drawing the table), on this very machine."""

from __future__ import annotations

import io
import os
import statistics
import time
import zlib
from pathlib import Path

from desktop.printing.fonts import MAIN, register_fonts
from desktop.storage.eventlog import canonical

# Every table an import writes: the log as it is stored (its packed table and the numbers
# its stations and types stand for, storage/log_schema.py, not the view `events` over
# them), the projections, the search's texts (migration 0015), the villages' names a
# relay carries, and what the import records of each bundle and peer. Each of these is
# empty in the stores the benchmark imports into, so its rows are all the import's own.
IMPORTED = ("stations", "event_types", "event_log", "applications", "members", "case_steps",
            "objections", "notices", "notice_cases", "search_grams", "village_cards",
            "relay_in", "peer_acks", "bundles_received")
NUMBERED = {"stations", "event_types"}  # an empty store may hold its own station already


def bare_pdf(rows: list[list[str]]) -> bytes:
    """The notice's table of plain strings in the same font: no markup, no fallback fonts,
    no footer."""
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import SimpleDocTemplate, Table, TableStyle

    register_fonts()
    out = io.BytesIO()
    table = Table([["序号", "姓名", "村民小组", "家庭人口", "救助类型", "救助事由", "金额"]] + rows,
                  repeatRows=1)
    table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), MAIN),
                               ("GRID", (0, 0), (-1, -1), 0.6, "black")]))
    SimpleDocTemplate(out, pagesize=A4).build([table])
    return out.getvalue()


def export_floor(store, runs: int = 3) -> float:
    """Reading the village's events and writing them as compressed JSON, fsynced."""
    target = store.path.parent / "floor.json.z"

    def once() -> None:
        rows = store.db.execute("SELECT * FROM events WHERE workstation_id = ? ORDER BY seq",
                                [store.workstation["id"]]).fetchall()
        with open(target, "wb") as fh:
            fh.write(zlib.compress(canonical(rows).encode("utf-8"), 6))
            fh.flush()
            os.fsync(fh.fileno())

    return _median(once, runs)


def import_floor(store, folder: Path, runs: int = 3) -> float:
    """The rows the import wrote, inserted with plain executemany into an empty store of
    the same schema (indexes included), in one transaction: the median of `runs` (one
    run of a fraction of a second swung by half between runs, and the ratio with it)."""
    rows = {t: store.db.execute(f"SELECT * FROM {t}").fetchall() for t in IMPORTED}
    identity = {k: store.workstation[k] for k in ("role", "county", "county_code",
                                                  "township", "township_code", "officer")}
    return statistics.median(_inserted(rows, identity, Path(folder) / f"run-{i}")
                             for i in range(runs))


def _inserted(rows: dict, identity: dict, folder: Path) -> float:
    from desktop.operations.setup import create_workstation

    empty = create_workstation(folder, identity, demo=True)
    conn = empty.db.conn
    t = time.perf_counter()
    conn.execute("BEGIN IMMEDIATE")
    for table, values in rows.items():
        if values:
            marks = ", ".join("?" * len(values[0]))
            verb = "INSERT OR REPLACE" if table in NUMBERED else "INSERT"
            conn.executemany(f"{verb} INTO {table} VALUES ({marks})", values)
    conn.execute("COMMIT")
    seconds = time.perf_counter() - t
    empty.close()
    return seconds


def _median(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)
