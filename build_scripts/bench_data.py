"""The stores and bundles the benchmark measures, made with desktop/scale_data.py.

Kept apart from the figures so that a figure's time never includes making its data."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from desktop.demo.data import generate_cases
from desktop.demo.scale import Village, county_villages, fill_store
from desktop.operations.casework import Casework
from desktop.operations.notices import Notices
from desktop.operations.setup import create_workstation
from desktop.sync.export import export_bundles
from desktop.sync.identity import fingerprint, own_card
from desktop.sync.peers import enroll

TODAY = date(2026, 6, 1)
SEED = 8
COUNTY = {"role": "county", "county": "新邵县", "county_code": "430522", "officer": "县民政局"}
TOWNSHIP = {"role": "township", "county": "新邵县", "county_code": "430522",
            "township": "酿溪镇", "township_code": "430522101000", "officer": "民政办"}


def village_identity(v: Village) -> dict:
    return {"role": "village", "county": "新邵县", "county_code": "430522",
            "township": v.township, "township_code": v.township_code,
            "village": v.name, "village_code": v.code, "officer": f"{v.name}民生员"}


def village_store(folder: Path, cases: int, years: int = 10):
    """One village with `cases` cases over `years` years (its own events and the township's)."""
    v = county_villages()[0]
    store = create_workstation(folder, village_identity(v), demo=True)
    fill_store(store, SEED, cases, TODAY, villages=[v], years=years)
    return store


def county_store(folder: Path, cases: int):
    """A township-role store holding `cases` cases of the whole county (679 villages)."""
    store = create_workstation(folder, TOWNSHIP, demo=True)
    fill_store(store, SEED, cases, TODAY)
    return store


def township_bundles(folder: Path, villages: int, cases_each: int, years: int):
    """`villages` village stores of one township, each with `cases_each` cases, enrolled
    with a fresh township; returns (township store, bundle paths)."""
    township = create_workstation(folder / "township", TOWNSHIP, demo=True)
    ours = [v for v in county_villages() if v.township_code == TOWNSHIP["township_code"]]
    usb = folder / "usb"
    usb.mkdir(parents=True, exist_ok=True)
    paths = []
    for v in (ours * 2)[:villages]:
        v = Village(v.code[:-3] + f"{201 + len(paths):03d}", v.name, v.township, v.township_code)
        store = create_workstation(folder / v.code, village_identity(v), demo=True)
        fill_store(store, SEED, cases_each, TODAY, villages=[v], years=years, workers=1,
                   village_only=True)
        _introduce(store, township)
        paths += [e.path for e in export_bundles(store, usb, TODAY)]
        store.close()
    return township, paths


def refer_all(township) -> int:
    """转县审批 of every case the township acknowledged: the county's share of them."""
    work = Casework(township, TODAY)
    ids = [r[0] for r in township.db.execute(
        "SELECT id FROM applications WHERE status = 'acknowledged'")]
    with township.transaction():
        for case_id in ids:
            work.perform(case_id, "refer", {"date": TODAY.isoformat(), "approver": "民政办",
                                            "note": "报县民政局审批"})
    return len(ids)


def _introduce(a, b) -> None:
    for me, other in ((a, b), (b, a)):
        card = own_card(other)
        enroll(me, card, confirmed_fingerprint=fingerprint(card))


def notice_store(folder: Path, cases: int = 50):
    """A village with one notice batch of `cases` cases (初审公示), ready to print."""
    v = county_villages()[0]
    store = create_workstation(folder, village_identity(v), demo=True)
    store.set_settings({"village_committee_phone": "0739-3612345",
                        "township_office_phone": "0739-3681234"})
    work = Casework(store, TODAY)
    ids = []
    for case in generate_cases(SEED, cases * 6, TODAY, v.code):
        review = [i for i, (code, f) in enumerate(case.steps)
                  if code == "review" and f.get("passed")]
        if (not review or len(ids) == cases or case.steps[0][0] == "pay_first"
                or case.application["program"] != "temporary_relief"):
            continue
        (case_id,) = work.receive_many([case.application])
        for code, fields in case.steps[:review[0] + 1]:
            work.step(case_id, code, fields)
        ids.append(case_id)
    return store, Notices(store, TODAY).create(ids, start=TODAY)
