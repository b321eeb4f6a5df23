"""Crash safety, measured (issue 7): a child process is killed with SIGKILL at a random
moment while it saves cases, imports a large bundle, exports a bundle, takes backups or
migrates a schema. After each kill the store must pass `PRAGMA integrity_check`, hold
every change the child reported as committed (it prints a line after each commit), hold
no half change (the ledger equals a rebuild from the log, the hash chains are whole), and
the target folder must hold whole, valid files only once the next start cleaned up.

Quick by default (two kills per activity). The long run:

    RELIEF_DESK_CRASH_KILLS=200 pytest tests/test_crash.py -s

spreads 200 kills over the five activities and prints the counts."""

from __future__ import annotations

import os
import random
import shutil
import sqlite3
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = Path(__file__).parent / "fixtures" / "schema-0001.sqlite3"
ACTIVITIES = {"save": 1.0, "import": 0.4, "export": 0.3, "backup": 1.0, "migrate": 0.06}
KILLS = int(os.environ.get("RELIEF_DESK_CRASH_KILLS", 2 * len(ACTIVITIES)))
CASES = 400
pytestmark = pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX")


# -- the child: does the work, prints a line after each commit ----------------------------
def child(activity: str, a: str, b: str) -> None:
    from tests.helpers import TODAY

    print("READY", flush=True)
    if activity == "save":
        _save(Path(a), TODAY)
    elif activity == "import":
        _import(Path(a), Path(b), TODAY)
    elif activity == "export":
        _export(Path(a), Path(b), TODAY)
    elif activity == "backup":
        _backups(Path(a), Path(b), TODAY)
    else:
        from desktop.storage.store import Store

        Store.open(Path(a)).close()
        print("COMMITTED migrate", flush=True)


def _save(data_dir: Path, today: date) -> None:
    from desktop.operations.casework import Casework
    from desktop.storage.store import Store
    from tests.helpers import make_application

    work = Casework(Store.open(data_dir), today)
    while True:
        case_id = work.receive(make_application(received_on=today.isoformat()))
        print(f"COMMITTED {case_id} receive", flush=True)
        work.step(case_id, "refuse", {"date": today.isoformat(), "reason": "不符合条件"})
        print(f"COMMITTED {case_id} refuse", flush=True)


def _import(data_dir: Path, bundle: Path, today: date) -> None:
    from desktop.storage.store import Store
    from desktop.sync.importer import import_files

    (report,) = import_files(Store.open(data_dir), [bundle], today)
    assert report.ok, report.error
    print(f"COMMITTED import {report.new}", flush=True)


def _export(data_dir: Path, usb: Path, today: date) -> None:
    from desktop.storage.store import Store
    from desktop.sync.export import export_bundles

    (done,) = export_bundles(Store.open(data_dir), usb, today)
    print(f"COMMITTED {done.path.name}", flush=True)


def _backups(data_dir: Path, usb: Path, today: date) -> None:
    from desktop.safety import backup, vault
    from desktop.storage.store import Store

    store = Store.open(data_dir)
    for n in range(1000):
        path = (vault.write_backup(store, usb, "口令123456", today) if n % 2 else
                backup.snapshot(store.db.conn, usb / f"copy-{n}.sqlite3"))
        print(f"COMMITTED {path.name}", flush=True)


# -- the parent: prepares, kills, checks ------------------------------------------------
@pytest.fixture(scope="module")
def templates(tmp_path_factory):
    """A village with a large log, enrolled with a township, and its bundle."""
    from tests.helpers import TODAY, make_application
    from tests.sync_world import World

    root = tmp_path_factory.mktemp("crash")
    w = World(root)
    w.work(w.a).receive_many([make_application() for _ in range(CASES)])
    (done,) = w.export(w.a)
    bundle = root / "big.rdbundle"
    shutil.move(done.path, bundle)
    dirs = {"village": w.a.path.parent, "township": w.township.path.parent}
    w.a.db.execute("DELETE FROM bundles_sent")  # so that the village exports it again
    w.a.db.conn.commit()
    w.close()
    assert TODAY
    return dirs, bundle


def test_sigkill_at_random_moments(templates, tmp_path):
    rng = random.Random(int(os.environ.get("RELIEF_DESK_CRASH_SEED", "7")))
    counts = {a: {"kills": 0, "mid_work": 0, "commits": 0} for a in ACTIVITIES}
    for n in range(KILLS):
        activity = list(ACTIVITIES)[n % len(ACTIVITIES)]
        run = tmp_path / f"run-{n}"
        args = _prepare(activity, templates, run)
        lines, finished = _run_and_kill(activity, args, rng)
        _check(activity, args, lines)
        c = counts[activity]
        c["kills"] += 1
        c["mid_work"] += not finished
        c["commits"] += sum(line.startswith("COMMITTED") for line in lines)
        shutil.rmtree(run)
    print(f"\ncrash test: {KILLS} kills (SIGKILL)")
    for activity, c in counts.items():
        print(f"  {activity:8} kills {c['kills']:4}  during work {c['mid_work']:4}  "
              f"commits checked {c['commits']:5}")


def _prepare(activity: str, templates, run: Path) -> list[str]:
    dirs, bundle = templates
    run.mkdir()
    if activity == "migrate":
        (run / "data").mkdir()
        shutil.copy(FIXTURE, run / "data" / "relief-desk.sqlite3")
        return [str(run / "data"), ""]
    source = dirs["township" if activity == "import" else "village"]
    shutil.copytree(source, run / "data")
    (run / "usb").mkdir()
    return [str(run / "data"), str(bundle if activity == "import" else run / "usb")]


def _run_and_kill(activity: str, args: list[str], rng) -> tuple[list[str], bool]:
    proc = subprocess.Popen([sys.executable, "-c", "import sys; from tests.test_crash import "
                             "child; child(*sys.argv[1:])", activity, *args],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                            text=True)
    assert proc.stdout.readline().strip() == "READY"
    time.sleep(rng.uniform(0, ACTIVITIES[activity]))
    finished = proc.poll() is not None
    proc.kill()
    out = proc.communicate()[0]
    return out.splitlines(), finished


def _check(activity: str, args: list[str], lines: list[str]) -> None:
    from desktop.safety import leftovers
    from desktop.safety.checks import check_file
    from desktop.storage.store import Store

    data_dir = Path(args[0])
    leftovers.clean_data_dir(data_dir)  # what the next start does
    conn = sqlite3.connect(data_dir / "relief-desk.sqlite3")
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    store = Store.open(data_dir)  # completes a migration that was cut short
    try:
        health = check_file(store.path, full=True)
        assert health.ok, health.problems  # chains whole, ledger == rebuild
        CHECKS[activity](store, args, lines)
    finally:
        store.close()
    assert not [p for p in data_dir.rglob("*.part")]


def _saved(store, args, lines) -> None:
    for line in lines:
        if line.startswith("COMMITTED"):
            _, case_id, action = line.split()
            actions = [r[0] for r in store.db.execute(
                "SELECT action FROM history WHERE application_id = ?", [case_id])]
            assert action in actions, (case_id, action)


def _imported(store, args, lines) -> None:
    n = store.db.execute("SELECT COUNT(*) FROM events").fetchone()[0]
    received = store.db.execute("SELECT COUNT(*) FROM bundles_received").fetchone()[0]
    assert (n, received) in ((0, 0), (CASES, 1)), (n, received)  # all or nothing
    assert received == 1 or not any(x.startswith("COMMITTED") for x in lines)


def _exported(store, args, lines) -> None:
    from desktop.safety import leftovers
    from desktop.sync import bundle
    from desktop.sync.identity import keys_of

    usb = Path(args[1])
    leftovers.clean_folder(usb, leftovers.USB_PREFIX)  # the next export does this
    files = list(usb.iterdir())
    assert len(files) <= 1, files
    for f in files:
        parsed = bundle.unpack(f.read_bytes(), f.name)
        bundle.check_signature(parsed, keys_of(store).public_signing(), f.name)
    if any(x.startswith("COMMITTED") for x in lines):
        assert len(files) == 1


def _backed_up(store, args, lines) -> None:
    from desktop.safety import leftovers, vault
    from desktop.safety.checks import check_file

    usb = Path(args[1])
    leftovers.clean_folder(usb, leftovers.USB_PREFIX)
    leftovers.clean_folder(usb, ".copy")
    names = {p.name for p in usb.iterdir()}
    assert {x.split(" ", 1)[1] for x in lines if x.startswith("COMMITTED")} <= names
    for p in usb.iterdir():
        if p.suffix == vault.SUFFIX:
            staging = p.parent / f"open-{p.stem}"
            staging.mkdir()
            vault.open_backup(p, "口令123456", staging)
            p = staging / "relief-desk.sqlite3"
        assert check_file(p, full=True).ok, p


def _migrated(store, args, lines) -> None:
    from desktop.storage.migrations import KNOWN, applied_names

    assert applied_names(store.db.conn) == KNOWN
    assert store.db.execute("SELECT COUNT(*) FROM applications").fetchone()[0] == 6


CHECKS = {"save": _saved, "import": _imported, "export": _exported, "backup": _backed_up,
          "migrate": _migrated}
