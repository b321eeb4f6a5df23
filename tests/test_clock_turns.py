"""The chain village → township → county on the mornings a clock in UTC gets wrong.

An officer's day is China's date (desktop/core/clock.py): at 07:30 on 1 December in a
township office it is still 30 November in UTC, and at 07:30 on 1 January still the old
year. Each test sets the program's clock through the suite's one seam (the `set_clock`
fixture), so these worlds are the same whatever day the suite runs on."""

from __future__ import annotations

import re
from datetime import date, datetime, timezone
from pathlib import Path

import pytest

from desktop.assessment import publish, report
from desktop.core import clock
from desktop.township.villages import inbox
from tests.county_world import CountyWorld

DESKTOP = Path(__file__).resolve().parent.parent / "desktop"
FIRST_MORNING_DEC = datetime(2026, 11, 30, 23, 30, tzinfo=timezone.utc)  # 12-01 07:30 北京
FIRST_MORNING_JAN = datetime(2026, 12, 31, 23, 30, tzinfo=timezone.utc)  # 01-01 07:30 北京


@pytest.fixture
def county_world(tmp_path):
    worlds = []

    def make():
        worlds.append(CountyWorld(tmp_path))
        return worlds[-1]

    yield make
    for w in worlds:
        w.close()


def line(a, name: str) -> dict:
    return next(ln for ln in a.villages + a.townships if ln["name"].endswith(name))


def test_the_officers_day_is_chinas_date_not_utcs(set_clock):
    set_clock(FIRST_MORNING_JAN)
    assert clock.today() == date(2027, 1, 1)
    assert clock.day_of("2026-11-30T23:30:00.000000+00:00") == date(2026, 12, 1)
    assert clock.day_of("2026-11-30T15:59:59") == date(2026, 11, 30)  # naive: UTC
    assert clock.local_minute("2026-11-30T23:30:00+00:00") == "2026-12-01 07:30"
    assert clock.local_minute("") == ""


def test_a_bundle_brought_on_the_first_morning_counts_in_the_new_month(
        county_world, set_clock):
    set_clock(datetime(2026, 10, 30, 10, 0))  # the villages enrolled on 30 October
    w = county_world()
    w.cases_ready(w.a, 1)
    set_clock(FIRST_MORNING_DEC)
    w.up()  # the stick reaches the township at 07:30 on 1 December
    t = w.township
    stone = next(v for v in inbox(t.db, clock.today(), t.policy) if v.name == "石门村")
    assert (stone.last_bundle_at, stone.silent_days) == ("2026-12-01 07:30", 0)
    nov = report.assessment(t, "2026-11", date(2026, 12, 1))
    # nothing arrived in November: silent from 30 October to the month's end, 31 days,
    # more than the 30 the setting allows
    assert line(nov, "石门村")["items"]["bundles"] == {"raw": 31, "points": 0}
    # the same figure reaches the county with the published month
    assert publish.publish(t, "2026-11", clock.today()) == 1
    w.send(t, w.county)
    county = report.assessment(w.county, "2026-11", clock.today())
    assert line(county, "石门村")["items"]["bundles"] == {"raw": 31, "points": 0}
    assert line(county, "石门村")["score"] == line(nov, "石门村")["score"]


def test_a_decision_on_new_years_morning_belongs_to_the_new_year(county_world, set_clock):
    from desktop.township.decisions import Decisions

    set_clock(datetime(2026, 12, 20, 10, 0))
    w = county_world()
    (case,) = w.cases_ready(w.a, 1)
    w.up()
    set_clock(FIRST_MORNING_JAN)
    Decisions(w.township).approve(case, 100_000)  # no date given: the officer's today
    w.send(w.township, w.a, clock.today())  # the decision goes back to the village
    for store in (w.township, w.a):
        status, on = store.db.execute("SELECT status, status_on FROM applications"
                                      " WHERE id = ?", [case]).fetchone()
        assert (status, on) == ("approved", "2027-01-01")
    t = w.township
    dec = report.assessment(t, "2026-12", date(2027, 1, 1)).townships[0]["items"]
    jan = report.assessment(t, "2027-01", date(2027, 1, 31)).townships[0]["items"]
    assert (dec["decision"]["raw"], jan["decision"]["raw"]) == ([0, 0], [1, 1])


def test_only_the_clock_module_asks_the_wall_clock_for_a_day_or_a_stamp():
    """A `date.today()` elsewhere is the laptop zone's day and escapes the tests' clock.
    (datetime.now() for a local file name — a backup, a crash report — is left alone.)"""
    asks = re.compile(r"date\.today\(\)|datetime\.now\(timezone|utcnow\(")
    assert [str(p.relative_to(DESKTOP)) for p in sorted(DESKTOP.rglob("*.py"))
            if p.name != "clock.py" and asks.search(p.read_text(encoding="utf-8"))] == []
