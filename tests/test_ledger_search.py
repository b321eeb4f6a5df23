"""The ledger's search (issue 8 made it one pass over a narrow index): whatever the path,
it finds exactly the cases a plain reading of every row finds, in the ledger's order,
page after page, alone or within a status or a year."""

from __future__ import annotations

import pytest

from desktop.demo.scale import county_villages, fill_store
from desktop.storage.queries import LedgerFilter, ledger_count, ledger_first_page, ledger_page
from desktop.ui.ledger_model import LedgerModel
from tests.helpers import TODAY, make_store


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    s = make_store(tmp_path_factory.mktemp("search"))
    fill_store(s, 3, 160, TODAY, villages=[county_villages()[0]], years=3, workers=1)
    yield s
    s.close()


def _expected(store, flt: LedgerFilter) -> list[str]:
    rows = store.db.execute("SELECT id, status, year, applicant_name, applicant_id_number,"
                            " group_name, received_on FROM applications").fetchall()
    text = flt.text.strip()

    def found(r) -> bool:
        return ((not flt.status or r[1] == flt.status) and (not flt.year or r[2] == flt.year)
                and (text in r[3] or r[4].startswith(text.upper()) or text in r[5]
                     or text in r[0]))
    return [r[0] for r in sorted(filter(found, rows), key=lambda r: (r[6], r[0]),
                                 reverse=True)]


def _queries(store) -> list[LedgerFilter]:
    name, id_number, group, status, year = store.db.execute(
        "SELECT applicant_name, applicant_id_number, group_name, status, year FROM"
        " applications ORDER BY id LIMIT 1 OFFSET 37").fetchone()
    return [LedgerFilter(text=name[:1]), LedgerFilter(text=name),
            LedgerFilter(text=id_number[:10]), LedgerFilter(text=id_number.lower()),
            LedgerFilter(text=group), LedgerFilter(text="-0012"),
            LedgerFilter(text=name[:1], status=status), LedgerFilter(text=name[:1], year=year),
            LedgerFilter(text="无此人"), LedgerFilter(text="%"), LedgerFilter(status=status)]


def test_a_search_finds_what_reading_every_row_finds_page_by_page(store):
    for flt in _queries(store):
        expected = _expected(store, flt)
        total, first = ledger_first_page(store.db, flt, 7)
        pages = [r["id"] for r in first]
        while len(pages) < total:
            more = ledger_page(store.db, flt, len(pages), 7)
            assert more, flt
            pages += [r["id"] for r in more]
        assert (total, pages) == (len(expected), expected), flt
        assert ledger_count(store.db, flt) == total


def test_the_ledger_model_pages_through_a_search(qtbot, store):
    (surname,) = store.db.execute("SELECT substr(applicant_name, 1, 1) AS s FROM applications"
                                  " GROUP BY s ORDER BY COUNT(*) DESC LIMIT 1").fetchone()
    flt = LedgerFilter(text=surname)
    model = LedgerModel(store, TODAY, page_size=5)
    model.set_filter(flt)
    while model.canFetchMore():
        model.fetchMore()
    assert [model.case_id(i) for i in range(model.rowCount())] == _expected(store, flt)
    assert model.total == model.rowCount() > 5
