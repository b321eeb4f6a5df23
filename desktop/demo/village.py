"""Demo data: a 新邵县 village workstation with realistic synthetic cases in every state.

The cases come from `demo_data.generate_cases` as plain data and are replayed through the
real operations, so the demo store is exactly what an officer's store would be. Steps
that belong to the township (acknowledge, approve, pay …) are played by a simulated
township workstation, as if its decisions had arrived by bundle."""

from __future__ import annotations

import uuid
from datetime import date
from pathlib import Path

from desktop.core.errors import Refusal
from desktop.core.workflow import ACTIONS
from desktop.demo.data import STATUSES, generate_cases
from desktop.operations.casework import Casework
from desktop.operations.setup import create_workstation
from desktop.paths import store_path
from desktop.storage.store import Store

DEMO_IDENTITY = {
    "role": "village", "county": "新邵县", "county_code": "430522",
    "township": "陈家坊镇", "township_code": "430522101",
    "village": "石门村", "village_code": "430522101201", "officer": "刘晓梅",
}


def open_demo_store(data_dir: Path) -> Store:
    """The demo workstation in `data_dir`, created if the directory has none. A real
    (non-demo) workstation is refused: demo cases must never mix with real ones."""
    if not store_path(data_dir).exists():
        store = create_workstation(data_dir, DEMO_IDENTITY, demo=True)
        # the objection channel printed on every notice (demo numbers)
        store.set_settings({"village_committee_phone": "0739-3612345",
                            "township_office_phone": "0739-3681234"})
        return store
    store = Store.open(data_dir)
    if not store.workstation.get("demo"):
        store.close()
        raise Refusal(f"{data_dir} 是正式工作站,不能加入演示数据。"
                      f"请用 --data-dir 指定一个新的目录存放演示数据。")
    return store


def load_demo(store: Store, *, today: date, seed: int, count: int) -> list[str]:
    """Add `count` demo cases in one transaction; returns their case numbers."""
    if not 1 <= count <= 100_000:
        raise Refusal("演示案件数应在 1 到 100000 之间。")
    return _replay(store, _cases_for(store, today, seed, count), today, seed)


def load_village_cases(store: Store, *, today: date, seed: int) -> list[str]:
    """The training set's cases: one in each state a village reaches on its own (草稿 …
    公示期满) and a second one ready to report, every step done by this village's own
    operations, so that each can travel to a real township and come back decided."""
    cases = _cases_for(store, today, seed, len(STATUSES) + 1, mix={"notice_done": 1})
    own = [c for c in cases if all(ACTIONS[code].role == "village" for code, _ in c.steps)]
    return _replay(store, own, today, seed)


def _cases_for(store: Store, today: date, seed: int, count: int, **options):
    ws = store.workstation
    return generate_cases(seed, count, today, ws["village_code"],
                          place=f"{ws['county']}{ws['township']}{ws['village']}", **options)


def _replay(store: Store, cases, today: date, seed: int) -> list[str]:
    """The cases through the real operations, in one transaction. A township's step (in
    the demo village only) is played by a simulated township, as if it came by bundle."""
    work = Casework(store, today)
    township = {"role": "township", "workstation_id": uuid.uuid5(uuid.NAMESPACE_URL, f"relief-desk-demo-township-{seed}").hex,
                "actor": "陈家坊镇民政办(演示)"}
    _batch_notices(cases)
    with store.transaction():
        ids = [work.receive_many([case.application])[0] for case in cases]
        for _, _, _, case_id, code, fields in _by_day(ids, cases):
            peer = township if ACTIONS[code].role == "township" else None
            work.perform(case_id, code, fields, peer=peer)
    return ids


def _by_day(ids: list[str], cases) -> list[tuple]:
    """Every case's steps in the order of their days, as the year was lived: the cases of
    one sheet go up on it together, before any of them ends its notice (a posted sheet
    takes no late-comer)."""
    steps = [(_day(fields), n, i, case_id, code, fields)
             for n, (case_id, case) in enumerate(zip(ids, cases, strict=True))
             for i, (code, fields) in enumerate(case.steps)]
    return sorted(steps, key=lambda s: s[:3])


def _day(fields: dict) -> str:
    return fields.get("date") or fields.get("start") or fields.get("received_on") or ""


def _batch_notices(cases) -> None:
    """The generator numbers each case's notice on its own; an officer posts the cases of
    one day and one program on one sheet. Renumber them so: GS-2026-0001 … by date."""
    posts = [(fields, case.application["program"]) for case in cases
             for code, fields in case.steps
             if code in ("post_notice", "post_result") and fields.get("notice_id")]

    def key(fields, program):
        return fields["notice_id"][:2], fields.get("start") or fields["date"], program

    numbers: dict[tuple, str] = {}
    counters: dict[tuple, int] = {}
    for prefix, day, program in sorted({key(f, p) for f, p in posts}):
        counters[prefix, day[:4]] = counters.get((prefix, day[:4]), 0) + 1
        numbers[prefix, day, program] = f"{prefix}-{day[:4]}-{counters[prefix, day[:4]]:04d}"
    for fields, program in posts:
        fields["notice_id"] = numbers[key(fields, program)]
