"""The performance benchmark of issue 8: each figure against the best possible (the floor)
measured in the same run on the same machine, so a slow machine does not hide a slow app.

    python build_scripts/bench.py [--quick] [--json FILE] [--keep DIR]

Prints one row per figure (name, median, min–max, unit, floor, ratio, target) and writes them as
JSON. Each timing is the median of several runs. --quick uses smaller stores (it says so
in each row's name) and takes about a minute; CI may run it, but asserts nothing about
the timings: only a person reading the table can judge a machine's numbers."""

from __future__ import annotations

import argparse
import compileall
import json
import os
import platform
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "build_scripts"))

import bench_data as data  # noqa: E402

from desktop.storage.packing import register  # noqa: E402

# The ledger's 100,000 cases hold 1.03 million events: the rebuild replays that store.
# month / county: (villages, cases each, runs); a county-scale import takes minutes: one run.
FULL = {"village": 5000, "ledger": 100_000, "runs": 5, "month": (30, 25, 5), "county": (30, 3334, 1),
        "rebuild_cases": 100_000}
QUICK = {"village": 1000, "ledger": 10_000, "runs": 3, "month": (30, 25, 3), "county": (6, 500, 3),
         "rebuild_cases": 5_000}
CHILD = ROOT / "build_scripts" / "bench_child.py"
PAGE_RUNS = 9  # each ledger page asked this many times in each child process


def row(name, value, unit, floor=None, target=None, note="", spread=None) -> dict:
    """One figure. `value` a median, or a list of runs (median taken, min–max kept);
    `target` one or more limits joined by ", " ("ratio ≤ 2, ≤ 100"): all must hold."""
    if isinstance(value, (list, tuple)):
        spread = (min(value), max(value))
        value = statistics.median(value)
    ratio = value / floor if floor else None
    return {"name": name, "value": round(value, 3), "unit": unit,
            "floor": None if floor is None else round(floor, 3),
            "ratio": None if ratio is None else round(ratio, 2), "target": target,
            "meets": _meets(value, ratio, target), "note": note,
            "min_max": None if spread is None else [round(x, 3) for x in spread]}


def _meets(value, ratio, target) -> bool | None:
    if not target:
        return None
    met = True
    for part in target.split(", "):
        kind, limit = part.split(" ", 1)[0], float(part.split(" ")[-1])
        met = met and (ratio if kind == "ratio" else value) <= limit
    return met


def timed(fn, runs: int, setup=None) -> float:
    """Median seconds of `fn()`; `setup()` runs before each (untimed)."""
    return statistics.median(timings(fn, runs, setup))


def timings(fn, runs: int, setup=None) -> list[float]:
    """Seconds of each of `runs` runs of `fn()`; `setup()` runs before each (untimed)."""
    times = []
    for _ in range(runs):
        arg = setup() if setup else None
        t = time.perf_counter()
        fn(arg) if setup else fn()
        times.append(time.perf_counter() - t)
    return times


def child(*args: str) -> dict:
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"),
               PYTHONPATH=str(ROOT))
    # The shipped program runs byte-compiled modules (PyInstaller): so do the children,
    # even where PYTHONDONTWRITEBYTECODE would have them compile every module at start.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    out = subprocess.run([sys.executable, str(CHILD), *args], env=env, check=True,
                         capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def startup(work: Path, cfg: dict) -> list[dict]:
    folder = work / "village"
    data.village_store(folder, cfg["village"]).close()
    compileall.compile_dir(ROOT / "desktop", quiet=1)  # as the package holds them
    # taken in turn, so that a busier moment of the machine weighs on all three alike
    runs = {"app": [], "bare": [], "widgets": []}
    for _ in range(cfg["runs"] * 2):
        for kind, times in runs.items():
            times.append(child(kind, str(folder), str(time.time()))["seconds"])
    bare, same = (statistics.median(runs[k]) for k in ("bare", "widgets"))
    return [row(f"start-up, {cfg['village']} cases", runs["app"], "s", bare, "ratio ≤ 1.5",
                "floor: a bare PySide6 window in a new process"),
            row(f"start-up, {cfg['village']} cases, vs the same widgets", runs["app"], "s",
                same, "ratio ≤ 1.5", "floor: the window's Qt widgets, menus, font and 200"
                " rows of text, no code of ours (the issue's fallback)"),
            row("start-up of the same widgets, no code of ours", runs["widgets"], "s", bare,
                None, "against the bare window: what Qt alone adds")]


def startup_check(work: Path, cfg: dict) -> list[dict]:
    """The start-up check of the village store (startup's), hashing every event, then
    after a checkpoint (a head signed, as at each export and backup) and a day's work."""
    from desktop.demo.data import generate_cases
    from desktop.operations.casework import Casework
    from desktop.safety.chainhead import sign_head
    from desktop.safety.checks import check_data_dir
    from desktop.storage.store import Store

    folder = work / "village"
    if not (folder / "relief-desk.sqlite3").exists():
        data.village_store(folder, cfg["village"]).close()
    events = store_events(folder)
    full = timings(lambda: check_data_dir(folder), cfg["runs"])
    store = Store.open(folder)
    sign_head(store)
    work_day = Casework(store, data.TODAY)
    for case in generate_cases(data.SEED + 1, 20, data.TODAY, store.workstation["village_code"]):
        work_day.receive(case.application)
    store.close()
    quick = timings(lambda: check_data_dir(folder), cfg["runs"])
    return [row(f"start-up check, {events} events, no checkpoint", full, "s", None, None,
                "every event hashed (as doctor)"),
            row("start-up check after a checkpoint and 20 new events", quick, "s", None, "≤ 1",
                "only the events after the last signed head hashed")]


def ledger(work: Path, cfg: dict) -> list[dict]:
    folder = work / "county"
    store = data.county_store(folder, cfg["ledger"])
    name, id_number = store.db.execute("SELECT applicant_name, applicant_id_number FROM"
                                       " applications ORDER BY id LIMIT 1 OFFSET 777").fetchone()
    size = store_size(store)
    store.close()
    events = store_events(folder)
    # each child: the window once, then each page asked `PAGE_RUNS` times; all pooled
    runs = [child("ledger", str(folder), name, id_number, str(PAGE_RUNS))
            for _ in range(cfg["runs"])]
    each = {k: [x for r in runs for x in (r[k] if isinstance(r[k], list) else [r[k]])]
            for k in runs[0]}
    med = {k: statistics.median(v) for k, v in each.items()}
    n = cfg["ledger"]
    floor = "floor: the plain indexed SQL of the same rows and count (median)"
    shown = "the ledger in view, asked again"
    return [row(f"main window built and shown, {n} cases", each["window_ms"], "ms", None,
                None, "its own figure: the township opens on its queue"),
            row(f"ledger first page, {n} cases: the model's queries",
                each["first_page_query_ms"], "ms", med["first_page_floor_ms"],
                "ratio ≤ 2, ≤ 100", f"count, page and deadlines; {floor}"),
            row(f"ledger first page, {n} cases: queries and rows painted",
                each["first_page_ms"], "ms",
                med["first_page_floor_ms"] + med["plain_paint_ms"], "ratio ≤ 2, ≤ 100",
                f"{shown}; floor: the SQL and the same texts painted by Qt's own table"),
            row(f"search by name “{name}”: the model's queries", each["search_name_ms"], "ms",
                med["search_name_floor_ms"], "ratio ≤ 2, ≤ 100",
                f"{med['search_name_hits']:.0f} hits; {floor}"),
            row("search by ID number: the model's queries", each["search_id_ms"], "ms",
                med["search_id_floor_ms"], "ratio ≤ 2, ≤ 100", floor),
            row("ledger peak memory", each["peak_mb"], "MB", None, "≤ 300"),
            row(f"store size per case, {n} cases", size / n, "bytes", None, "≤ 6000",
                f"{size / 1e6:.0f} MB, {events / n:.1f} events per case")]


def store_size(store) -> int:
    """The store file's bytes, its write-ahead log folded in first."""
    store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return store.path.stat().st_size


def store_events(folder: Path) -> int:
    conn = register(sqlite3.connect(folder / "relief-desk.sqlite3"))
    try:
        return conn.execute("SELECT COUNT(*) FROM events").fetchone()[0]
    finally:
        conn.close()


def notice_pdf(work: Path, cfg: dict) -> list[dict]:
    from bench_floors import bare_pdf

    from desktop.printing.notice_sheet import notice_pdf as make
    from desktop.printing.notice_sheet import sheet_for

    store, notice_id = data.notice_store(work / "notice")
    sheet = sheet_for(store, notice_id)
    app = timings(lambda: make(store, notice_id), cfg["runs"] * 2)
    floor = timed(lambda: bare_pdf(sheet.rows), cfg["runs"] * 2)
    store.close()
    return [row(f"notice PDF, {len(sheet.rows)} cases", [t * 1000 for t in app], "ms",
                floor * 1000,
                "ratio ≤ 2", "floor: bare reportlab, same table and fonts")]


def export_and_imports(work: Path, cfg: dict) -> list[dict]:
    from bench_floors import export_floor

    from desktop.sync.export import export_bundles

    year = data.village_store(work / "year", 300, years=1)
    township = data.create_workstation(work / "year-township", data.TOWNSHIP, demo=True)
    data._introduce(year, township)
    out = work / "year-usb"

    def fresh(_=None):
        shutil.rmtree(out, ignore_errors=True)
        out.mkdir()
        year.db.execute("DELETE FROM bundles_sent")

    export = timings(lambda _: export_bundles(year, out, data.TODAY), cfg["runs"], fresh)
    rows = [row("export, one village-year (300 cases)", [t * 1000 for t in export], "ms",
                export_floor(year) * 1000, "ratio ≤ 5", "floor: the events as zlib JSON")]
    for label, (villages, each, runs), years in (("a township's month", cfg["month"], 1),
                                                  ("county-scale set", cfg["county"], 10)):
        folder = work / label.replace(" ", "-")
        township, paths = data.township_bundles(folder, villages, each, years)
        township.close()
        done, floor = _imported(folder, paths, runs)
        rows.append(row(f"import, {label}: {villages} villages, {len(paths)} bundles,"
                        f" {villages * each} cases",
                        [d["seconds"] for d in done], "s", floor,
                        "ratio ≤ 5", "floor: executemany of the rows"))
        rows.append(row(f"import peak memory ({label})", max(d["peak_mb"] for d in done),
                        "MB", None, "≤ 300", "the importing process alone"))
    return rows + county_relay(work / "county-scale-set", cfg)


def county_relay(folder: Path, cfg: dict) -> list[dict]:
    """The township of the county-scale set refers every case it received and relays
    them (with their villages' whole history) to a new county, which imports them
    (issue 14)."""

    from desktop.storage.store import Store
    from desktop.sync.export import export_bundles

    township = Store.open(folder / "township")
    data.refer_all(township)
    county = data.create_workstation(folder / "county", data.COUNTY, demo=True)
    data._introduce(township, county)
    usb = folder / "county-usb"
    usb.mkdir()
    county_id = county.workstation["id"]
    paths = [e.path for e in export_bundles(township, usb, data.TODAY)
             if _recipient_of(e.path) == county_id]
    township.close()
    county.close()
    done, floor = _imported(folder, paths, cfg["county"][2], "county")
    county = Store.open(folder / "county")
    cases = county.db.execute("SELECT COUNT(*) FROM applications").fetchone()[0]
    county.close()
    return [row(f"import at the county: one township's relay, {len(paths)} bundles,"
                f" {cases} cases", [d["seconds"] for d in done], "s", floor, "ratio ≤ 5",
                "floor: executemany of the rows"),
            row("import peak memory (county relay)", max(d["peak_mb"] for d in done), "MB",
                None, "≤ 300", "the importing process alone")]


def _recipient_of(path: Path) -> str:
    from desktop.sync.bundle import unpack

    return unpack(path.read_bytes(), path.name).header["recipient"]["workstation_id"]


def _imported(folder: Path, paths: list[Path], runs: int, into: str = "township"
              ) -> tuple[list[dict], float]:
    """Each run imports into a fresh copy of the store `into` as it was before any import;
    its floor is measured right after it, in turn with the runs (three floors at least,
    their median), so that a slower moment of the host weighs on both: measured once at
    the end, the floor had met another speed than the imports (the host's own drifted by
    half within minutes)."""
    from bench_floors import import_floor

    from desktop.storage.store import Store

    listing = folder / f"bundles-{into}.txt"
    listing.write_text("\n".join(str(p) for p in paths), encoding="utf-8")
    pristine, township = folder / f"{into}-before", folder / into
    shutil.copytree(township, pristine)
    done, floors = [], []
    for i in range(runs):
        shutil.rmtree(township)
        shutil.copytree(pristine, township)
        done.append(child("import", str(township), str(listing), data.TODAY.isoformat()))
        store = Store.open(township)
        floors += [import_floor(store, folder / f"{into}-floor" / f"{i}-{k}", runs=1)
                   for k in range(1 if runs >= 3 else 3)]
        store.close()
    return done, statistics.median(floors)


def rebuild(work: Path, cfg: dict) -> list[dict]:
    from desktop.storage.store import Store

    folder = work / "county"
    store = Store.open(folder) if (folder / "relief-desk.sqlite3").exists() else None
    if store is None or cfg["rebuild_cases"] > cfg["ledger"]:
        store and store.close()
        shutil.rmtree(folder, ignore_errors=True)
        store = data.county_store(folder, cfg["rebuild_cases"])
    t = time.perf_counter()
    n = store.rebuild()
    seconds = time.perf_counter() - t
    store.close()
    return [row(f"rebuild, {n} events", n / seconds, "events/s", None, None,
                f"{seconds:.1f} s")]


def assessment(work: Path, cfg: dict) -> list[dict]:
    from bench_assessment import assessment as month_table

    return month_table(work, cfg, row)


def dibao(work: Path, cfg: dict) -> list[dict]:
    """The township's month roster and the due list of 低保 (issue 15), on the ledger's
    county store with ten thousand households and ten years of payments."""
    from bench_dibao import fill_dibao

    from desktop.dibao.households import due_reviews, roster
    from desktop.storage.store import Store

    folder = work / "county"
    store = (Store.open(folder) if (folder / "relief-desk.sqlite3").exists()
             else data.county_store(folder, cfg["ledger"]))
    lines = fill_dibao(store, 10_000, "2026-05")
    paid = timings(lambda: roster(store, "2026-05"), cfg["runs"])
    due = timings(lambda: roster(store, "2026-06"), cfg["runs"])
    reviews = timings(lambda: due_reviews(store, data.TODAY), cfg["runs"])
    households = roster(store, "2026-06").households
    store.close()
    note = f"{households} households in payment, {lines} payment lines in ten years"
    return [row("低保 roster of a paid month", [t * 1000 for t in paid], "ms", None, "≤ 1000",
                note),
            row("低保 roster of the coming month", [t * 1000 for t in due], "ms", None, "≤ 1000",
                note),
            row("低保 reviews due", [t * 1000 for t in reviews], "ms", None, "≤ 1000", note)]


def county(work: Path, cfg: dict) -> list[dict]:
    """The ten-year county store (issue 14): made once and kept in the bench's cache."""
    from bench_county import county as county_figures

    return county_figures(work, cfg, row)


FIGURES = (startup, startup_check, ledger, notice_pdf, export_and_imports, rebuild, dibao,
           assessment, county)


def machine() -> str:
    cpu = next((ln.split(":", 1)[1].strip() for ln in Path("/proc/cpuinfo").read_text()
                .splitlines() if ln.startswith("model name")), platform.processor()) \
        if Path("/proc/cpuinfo").exists() else platform.processor()
    return (f"{platform.system()} {platform.release()}, {cpu}, {os.cpu_count()} cores, "
            f"Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}")


def table(rows: list[dict]) -> str:
    head = ("figure", "median", "min–max", "unit", "floor", "ratio", "target", "ok")
    lines = [[r["name"], f"{r['value']:g}",
              "" if not r.get("min_max") else "{:g}–{:g}".format(*r["min_max"]), r["unit"],
              "" if r["floor"] is None else
              f"{r['floor']:g}", "" if r["ratio"] is None else f"{r['ratio']:g}",
              r["target"] or "", {True: "yes", False: "NO", None: ""}[r["meets"]]]
             for r in rows]
    widths = [max(len(str(x)) for x in col) for col in zip(head, *lines, strict=True)]
    fmt = " | ".join(f"{{:{w}}}" for w in widths)
    return "\n".join([fmt.format(*head), "-+-".join("-" * w for w in widths)]
                     + [fmt.format(*ln) for ln in lines])


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--quick", action="store_true", help="smaller stores, about a minute")
    p.add_argument("--json", type=Path, help="write the rows as JSON to this file")
    p.add_argument("--keep", type=Path, help="keep the generated stores in this folder")
    p.add_argument("--only", help="comma-separated figures (startup,ledger,…)")
    args = p.parse_args(argv)
    cfg = QUICK if args.quick else FULL
    work = args.keep or Path(tempfile.mkdtemp(prefix="relief-desk-bench-"))
    rows: list[dict] = []
    try:
        for figure in FIGURES:
            if not args.only or figure.__name__ in args.only.split(","):
                rows += figure(work, cfg)
                print(table(rows[-1:]).splitlines()[-1], file=sys.stderr, flush=True)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    print(f"{'quick' if args.quick else 'full'} run on {machine()}\n{table(rows)}")
    if args.json:
        args.json.write_text(json.dumps({"machine": machine(), "quick": args.quick,
                                         "rows": rows}, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
