"""Shared fixtures: a fresh workstation per test, and valid application documents."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from desktop.core.idnumber import check_character

TODAY = date(2025, 6, 16)  # a Monday

VILLAGE = {
    "role": "village", "county": "新邵县", "county_code": "430522",
    "township": "酿溪镇", "township_code": "430522101000",
    "village": "大坪村", "village_code": "430522101201", "officer": "刘建华",
}

NAMES = ("王秀英", "李建国", "张桂兰", "刘德明", "陈玉梅", "杨志平", "黄春林", "曾凤菊",
         "彭永成", "谭丽娟", "阿不都热依木·买买提", "王䶮")


def id_number(n: int, birth: date = date(1960, 3, 1), male: bool = True) -> str:
    """A valid 18-digit ID number, different for each n (n < 500)."""
    seq = (n % 500) * 2 + (1 if male else 0)
    first17 = f"430522{birth:%Y%m%d}{seq:03d}"
    return first17 + check_character(first17)


def application_doc(n: int, received_on: date = TODAY, **overrides) -> dict:
    """A valid received application for applicant number n."""
    doc = {
        "received_on": received_on.isoformat(),
        "program": "temporary_relief",
        "category": "emergency" if n % 2 else "expenditure",
        "reason": "fire" if n % 2 else "medical",
        "reason_detail": "房屋失火,家具衣物烧毁" if n % 2 else "住院治疗,自付费用较高",
        "requested_fen": 100_000 + 5_000 * (n % 20),
        "applicant": {
            "name": NAMES[n % len(NAMES)],
            "id_number": id_number(n, date(1950 + n % 40, 1 + n % 12, 1 + n % 28)),
            "group": f"第{'一二三四五六七八'[n % 8]}村民小组",
            "phone": f"139{n:08d}",
        },
        "documents_seen": ["身份证", "户口簿"],
        "members": [],
    }
    doc.update(overrides)
    return doc


PASSPHRASE = "测试口令-passphrase"


@pytest.fixture(autouse=True, scope="session")
def _sealed_keys_for_the_session():
    """Every test's workstation keys are sealed as an officer's are (issue 7), under a
    known passphrase and a cheap KDF cost, so that a hundred stores stay fast. Session
    wide, so that module-scoped worlds and child processes see the same passphrase."""
    from desktop.safety import kdf
    from desktop.sync import keys

    with pytest.MonkeyPatch.context() as mp:
        mp.setenv(keys.PASSPHRASE_ENV, PASSPHRASE)
        mp.setitem(kdf.COST, "argon2id", {"iterations": 1, "lanes": 1, "memory_cost": 64})
        mp.setitem(kdf.COST, "scrypt", {"n": 2 ** 4, "r": 8, "p": 1})
        yield


@pytest.fixture(autouse=True)
def officer_passphrase():
    """The passphrase the test's keys are sealed under; no prompt left behind."""
    from desktop.sync import keys

    yield PASSPHRASE
    keys.set_prompt(None)


@pytest.fixture(autouse=True)
def _no_window_left_shown(request):
    """A window a test opened and left shown (a dialog opened with open(), not registered
    with qtbot) is hidden after it: a modal one left behind would be the application's
    active modal widget in the tests after it (the window's turn to a new day waits for
    none). Hidden, not closed: closing a dialog with typed data asks a question."""
    yield
    if "qtbot" in request.fixturenames:
        from PySide6.QtWidgets import QApplication

        for widget in QApplication.topLevelWidgets():
            if widget.isVisible():
                widget.hide()


@pytest.fixture
def today() -> date:
    return TODAY


@pytest.fixture
def store(tmp_path):
    from desktop.storage.store import Store

    s = Store.create(tmp_path / "data", dict(VILLAGE))
    yield s
    s.close()


@pytest.fixture
def world(tmp_path):
    """A township and two villages enrolled with each other (tests/sync_world.py); a
    module may override it, asking for this one, to add what its tests start from."""
    from tests.sync_world import World

    w = World(tmp_path)
    yield w
    w.close()


@pytest.fixture
def casework(store):
    from desktop.operations.casework import Casework

    return Casework(store, TODAY)


def receive(casework, count: int, start: int = 0, spread_days: int = 0) -> list[str]:
    """Receive `count` valid applications at once; spread their dates over past days."""
    docs = [application_doc(start + i, TODAY - timedelta(days=(i * 7) % (spread_days or 1)))
            for i in range(count)]
    return casework.receive_many(docs)


@pytest.fixture
def set_clock():
    """Sets the program's clock (desktop.core.clock) for this test: `set_clock(moment)`
    makes stamps and today's date run on from `moment` (aware, or naive = China's time).
    A test whose world depends on when things were stamped (enrolments, bundles, the log)
    sets it, so that the world is the test's and not that of the day the suite runs."""
    from contextlib import ExitStack

    from desktop.core import clock

    with ExitStack() as stack:
        yield lambda moment: stack.enter_context(clock.set_to(moment))
