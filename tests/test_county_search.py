"""The ledger's search by index (issue 14: a county's 700,000 cases): it finds exactly
what reading every row finds — a name or a group anywhere in it, an ID number from its
start, a case number anywhere in it — and its texts follow the log (migration, rebuild)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from desktop.demo.scale import county_villages, fill_store
from desktop.paths import store_path
from desktop.storage.queries import LedgerFilter, ledger_count, ledger_first_page
from desktop.storage.store import Store
from tests.helpers import TODAY, make_store
from tests.test_ledger_search import _expected

FIXTURE = Path(__file__).parent / "fixtures" / "schema-0012.sqlite3"


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    s = make_store(tmp_path_factory.mktemp("county-search"))
    fill_store(s, 5, 120, TODAY, villages=county_villages()[:3], years=2, workers=1)
    yield s
    s.close()


def _finds(store, text: str) -> list[str]:
    flt = LedgerFilter(text=text)
    total, rows = ledger_first_page(store.db, flt, 10_000)
    assert ledger_count(store.db, flt) == total
    return [r["id"] for r in rows]


def _reads_every_row(store, text: str) -> bool:
    where, params = LedgerFilter(text=text).where()
    plan = store.db.execute(f"EXPLAIN QUERY PLAN SELECT id FROM applications{where}",
                            params).fetchall()
    return any(row[-1].startswith("SCAN applications") for row in plan)


def test_a_name_an_id_number_or_a_case_number_is_found_by_index(store):
    case_id, name, id_number = store.db.execute(
        "SELECT id, applicant_name, applicant_id_number FROM applications ORDER BY id"
        " LIMIT 1 OFFSET 50").fetchone()
    for text in (name, name[1:], id_number, case_id, case_id[:12]):
        assert not _reads_every_row(store, text), text
    assert _reads_every_row(store, "-0012")  # part of a case number: still read row by row


def test_each_kind_of_query_finds_what_reading_every_row_finds(store):
    case_id, name, group = store.db.execute(
        "SELECT id, applicant_name, group_name FROM applications ORDER BY id LIMIT 1 OFFSET 50"
    ).fetchone()
    queries = [case_id, case_id[:12], case_id[:13], case_id[:16], case_id[5:], case_id[13:],
               name[1:], name[-1:], group[1:3], "村民小组", "0", "2026-", "x", "·"]
    for text in queries:
        expected = _expected(store, LedgerFilter(text=text))
        assert _finds(store, text) == expected, text
    assert _finds(store, case_id) == [case_id]
    # the texts searched are the log's: a rebuild makes them again
    texts = store.db.execute("SELECT COUNT(*) FROM search_grams").fetchone()[0]
    store.rebuild()
    assert store.db.execute("SELECT COUNT(*) FROM search_grams").fetchone()[0] == texts > 0
    assert _finds(store, name[1:]) == _expected(store, LedgerFilter(text=name[1:]))


def test_an_older_store_gets_its_texts_when_migrated(tmp_path):
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    shutil.copyfile(FIXTURE, store_path(data_dir))
    s = Store.open(data_dir)
    try:
        assert _finds(s, "䶮") == ["430522101201-2026-0002"]  # 王䶮, a rare character
        assert _finds(s, "买买提") == ["430522101201-2026-0003"]
        assert not _reads_every_row(s, "买买提")
    finally:
        s.close()
