"""Workstations that know each other, for the sync tests: a township and its villages,
enrolled both ways as officers would do it, and helpers to move bundles between them."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from desktop.operations.casework import Casework
from desktop.sync.export import export_bundles
from desktop.sync.identity import fingerprint, own_card
from desktop.sync.importer import import_files
from desktop.sync.peers import enroll
from tests.helpers import TODAY, advance_together, make_application, make_store

VILLAGE_B = {"village": "白水村", "village_code": "430522101202", "officer": "陈白水"}


def introduce(a, b) -> None:
    """Each side enrolls the other after comparing fingerprints (here: equal by design)."""
    for me, other in ((a, b), (b, a)):
        card = own_card(other)
        enroll(me, card, confirmed_fingerprint=fingerprint(card))


class World:
    def __init__(self, tmp_path: Path):
        self.tmp = Path(tmp_path)
        self.township = make_store(self.tmp, "township")
        self.a = make_store(self.tmp, "village")
        self.b = make_store(self.tmp, "village", **VILLAGE_B)
        introduce(self.a, self.township)
        introduce(self.b, self.township)
        self.usb = self.tmp / "usb"
        self.usb.mkdir()

    def close(self) -> None:
        for s in (self.township, self.a, self.b):
            s.close()

    def work(self, store) -> Casework:
        return Casework(store, TODAY)

    def cases_ready(self, store, n: int, until: str = "notice_done") -> list[str]:
        work = self.work(store)
        ids = work.receive_many([make_application() for _ in range(n)])
        # each call's cases on a sheet of their own: GS-2026-01, GS-2026-02 …
        sheets = store.db.execute("SELECT COUNT(*) FROM notices").fetchone()[0]
        advance_together(work, ids, until, sheet=f"GS-2026-{sheets + 1:02d}")
        return ids

    def export(self, store, folder: Path | None = None, today: date = TODAY):
        folder = folder or self.usb
        return export_bundles(store, folder, today)

    def send(self, sender, receiver, today: date = TODAY):
        """Export from `sender` and import at `receiver` the bundle meant for it."""
        done = self.export(sender, today=today)
        rid = receiver.workstation["id"]
        paths = [e.path for e in done if _recipient(e.path) == rid]
        return import_files(receiver, paths, today)


def _recipient(path: Path) -> str:
    from desktop.sync.bundle import unpack

    return unpack(path.read_bytes(), path.name).header["recipient"]["workstation_id"]


def status(store, case_id: str) -> str:
    return store.db["applications"].get(case_id)["status"]


def history(store, case_id: str) -> list[tuple]:
    return [(r["action"], r["workstation_id"], r["seq"]) for r in store.db.query(
        "SELECT action, workstation_id, seq FROM history WHERE application_id = ? "
        "ORDER BY occurred_on, recorded_at", [case_id])]


def snapshot(store) -> dict:
    """Everything an import could change: the log, the projections, the sync tables."""
    tables = ("events", "applications", "members", "history", "objections", "peers",
              "peer_acks", "bundles_sent", "bundles_received", "sync_refusals")
    return {t: list(store.db.execute(f"SELECT * FROM {t} ORDER BY 1, 2")) for t in tables}
