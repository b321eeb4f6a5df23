"""Indexes for a store of ten years (issue 8): migration 0005.

Measured on 100,000 cases (build_scripts/bench.py): without them SQLite answered the
一事一次 check of every receipt from the `year` index (a scan of the year), sorted the
whole ledger for its first page, and read every wide row for a search."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database

from desktop.storage.migration_steps import migration

INDEXES = {
    # _flag_repeat: same applicant, reason and year
    "idx_applications_repeat": "applications (applicant_id_number, reason, year)",
    # the ledger's order, whole and within a status or a year: pages without a sort
    "idx_applications_ledger": "applications (received_on DESC, id DESC)",
    "idx_applications_status_ledger": "applications (status, received_on DESC, id DESC)",
    "idx_applications_year_ledger": "applications (year, received_on DESC, id DESC)",
    # a search reads this narrow index instead of the rows with their documents
    # (replaced in 0006 by SEARCH_INDEX)
    "idx_applications_search": "applications (applicant_name, applicant_id_number,"
                               " group_name, id, received_on)",
}
SEARCH_INDEX = ("applications (applicant_name, applicant_id_number, group_name, id,"
                " received_on, status, year)")


@migration("0005_speed")
def speed_indexes(db: Database) -> None:
    for name, target in INDEXES.items():
        db.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {target}")
    # No ANALYZE here: statistics of a new, empty store would mislead the planner for
    # years (it then chose the `year` index for the applicant join: 2 s per queue page).


@migration("0006_search")
def search_index(db: Database) -> None:
    """The search index holds status and year too, so that a search within a status or a
    year reads only the index (measured: 240 ms → 30 ms on 100,000 cases); the history
    gets an index for the queue."""
    db.execute("DROP INDEX IF EXISTS idx_applications_search")
    db.execute(f"CREATE INDEX idx_applications_search ON {SEARCH_INDEX}")
    # The township queue's arrival date of each waiting case (the first 'acknowledge'
    # step) from the index alone, not from ten wide history rows per case: 25 → 5 ms.
    db.execute("CREATE INDEX IF NOT EXISTS idx_history_arrival"
               " ON history (application_id, action, occurred_on)")
