"""The county generator writes what the real operations write: the same events (but for
the time of recording) and, through the one projection code, the same ledger."""

from __future__ import annotations

from datetime import date

from desktop.core.workflow import ACTIONS
from desktop.demo.data import generate_cases
from desktop.demo.scale import (
    TEN_YEAR_MIX,
    VILLAGES,
    VillageJob,
    county_villages,
    fill_store,
    share_cases,
    village_events,
)
from desktop.operations.casework import Casework
from desktop.operations.setup import create_workstation
from desktop.storage.eventlog import verify_chain
from desktop.storage.store import Store

TODAY = date(2026, 6, 1)
VILLAGE = county_villages()[0]
IDENTITY = {"role": "village", "county": "新邵县", "county_code": "430522",
            "township": VILLAGE.township, "township_code": VILLAGE.township_code,
            "village": VILLAGE.name, "village_code": VILLAGE.code,
            "officer": f"{VILLAGE.name}民生员"}
PROJECTIONS = ("applications", "members", "objections", "notices", "notice_cases")


def _replayed(tmp_path, cases: int) -> Store:
    """The same cases through Casework, step by step, as the demo replays them."""
    store = create_workstation(tmp_path / "real", IDENTITY)
    job = VillageJob(1, VILLAGE, cases, TODAY, store.workstation["id"], years=3)
    rows, _ = village_events(job)
    township = {"role": "township", "actor": rows and f"{VILLAGE.township}民政办",
                "workstation_id": fill_township_id()}
    work = Casework(store, TODAY)
    with store.transaction():
        for side, _actor, case_id, type_, payload, _on in rows:
            if type_ == "ApplicationReceived":
                assert work.receive_many([payload]) == [case_id]
            elif type_ in ("NoticePhotoAttached",):
                store.record(actor=IDENTITY["officer"], case_id=case_id, type_=type_, payload=payload)
            else:
                code = next(a for a in ACTIONS if ACTIONS[a].role == side and
                            _type(a) == type_)
                work.perform(case_id, code, payload, peer=township if side == "township" else None)
    return store


def _type(code: str) -> str:
    from desktop.core.workflow import EVENT_TYPES

    return EVENT_TYPES[code]


def fill_township_id() -> str:
    from desktop.demo.scale import workstation_id

    return workstation_id(1, VILLAGE.township_code)


def _rows(store: Store, table: str) -> list:
    return list(store.db.execute(f"SELECT * FROM {table} ORDER BY 1, 2, 3"))


def test_the_generator_writes_what_casework_writes(tmp_path):
    real = _replayed(tmp_path, 40)
    fast = create_workstation(tmp_path / "fast", IDENTITY)
    fast.db.execute("UPDATE workstation SET id = ?", [real.workstation["id"]])
    fast = Store.open(tmp_path / "fast")
    fill_store(fast, 1, 40, TODAY, villages=[VILLAGE], years=3, workers=1)
    for table in PROJECTIONS:
        assert _rows(fast, table) == _rows(real, table), table
    events = "SELECT workstation_id, seq, actor, case_id, type, payload FROM events ORDER BY 1, 2"
    assert list(fast.db.execute(events)) == list(real.db.execute(events))
    history = "SELECT workstation_id, seq, application_id, action, fields FROM history"
    assert sorted(fast.db.execute(history)) == sorted(real.db.execute(history))
    assert verify_chain(fast.db) == []
    fast.rebuild()
    for table in PROJECTIONS:
        assert _rows(fast, table) == _rows(real, table), table


def test_same_seed_same_county_and_every_village_gets_cases():
    villages = county_villages()
    assert len(villages) == VILLAGES and len({v.township_code for v in villages}) == 25
    counts = share_cases(100_000, villages, 3)
    assert sum(counts) == 100_000 and min(counts) >= 1
    job = VillageJob(2, villages[5], 30, TODAY, "x" * 32)
    assert village_events(job) == village_events(job)


def test_ten_years_of_mostly_settled_cases():
    cases = generate_cases(4, 300, TODAY, VILLAGE.code, window_days=3650, mix=TEN_YEAR_MIX)
    years = {c.application["received_on"][:4] for c in cases}
    assert len(years) >= 9
    settled = sum(c.target_status in ("filed", "paid", "refused", "rejected") for c in cases)
    assert settled > len(cases) * 0.6
