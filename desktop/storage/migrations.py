"""Schema migrations, through sqlite-utils' Migrations. Names are `0001_…`, applied in
order, each in its own transaction. Never edit a released migration: add a new one, and
commit a fixture DB of the new version under tests/fixtures/."""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING

from desktop.storage.migration_steps import KNOWN, STEPS, migration  # noqa: F401 (KNOWN: re-exported)

if TYPE_CHECKING:
    from sqlite_utils import Database
    from sqlite_utils.migrations import Migrations

MIGRATION_SET = "relief_desk"


def migration_set() -> Migrations:
    from sqlite_utils.migrations import Migrations

    steps = Migrations(MIGRATION_SET)
    for name, fn in STEPS:
        steps(name=name)(fn)
    return steps


def applied_names(conn: sqlite3.Connection) -> list[str]:
    """The migrations this store has had, in order (plain SQL, read-only)."""
    if not conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name ="
                        " '_sqlite_migrations'").fetchone():
        return []
    return [r[0] for r in conn.execute("SELECT name FROM _sqlite_migrations WHERE"
                                       " migration_set = ? ORDER BY rowid", [MIGRATION_SET])]


@migration("0001_initial")
def initial(db: Database) -> None:
    db["workstation"].create({
        "id": str, "role": str, "county": str, "county_code": str, "township": str,
        "township_code": str, "village": str, "village_code": str, "officer": str,
        "created_at": str, "demo": int,
    }, pk="id")
    db["settings"].create({"key": str, "value": str}, pk="key")
    db["events"].create({
        "workstation_id": str, "seq": int, "prev_hash": str, "hash": str,
        "recorded_at": str, "actor": str, "case_id": str, "type": str, "payload": str,
    }, pk=("workstation_id", "seq"), not_null={"hash", "type", "payload", "recorded_at"})
    db["events"].create_index(["case_id"])
    _projection_tables(db)


def _projection_tables(db: Database) -> None:
    db["applications"].create({
        "id": str, "status": str, "program": str, "category": str, "reason": str,
        "applicant_name": str, "applicant_id_number": str, "applicant_sex": str,
        "applicant_birth_date": str, "group_name": str, "household_size": int,
        "requested_fen": int, "proposed_fen": int, "approved_fen": int,
        "paid_first_fen": int, "paid_first_on": str, "paid_fen": int, "received_on": str, "status_on": str,
        "year": int, "due_on": str, "due_kind": str, "officer_relative": int,
        "repeat_reason": int, "over_cap": int, "notice_id": str, "notice_start": str,
        "notice_days": int, "document": str, "origin": str,
    }, pk="id")
    for cols in (["status"], ["year"], ["applicant_name"], ["applicant_id_number"],
                 ["group_name"], ["received_on"], ["due_on"]):
        db["applications"].create_index(cols)
    db["members"].create({
        "application_id": str, "position": int, "name": str, "id_number": str, "sex": str,
        "birth_date": str, "relation": str, "health": str, "work_ability": str,
    }, pk=("application_id", "position"), foreign_keys=[("application_id", "applications")])
    db["members"].create_index(["id_number"])
    db["history"].create({
        "workstation_id": str, "seq": int, "application_id": str, "type": str,
        "action": str, "occurred_on": str, "recorded_at": str, "actor": str,
        "summary": str, "fields": str, "status_after": str,
    }, pk=("workstation_id", "seq"), foreign_keys=[("application_id", "applications")])
    db["history"].create_index(["application_id"])
    db["objections"].create({
        "application_id": str, "objection_id": str, "received_on": str, "from_whom": str,
        "content": str, "status": str, "result": str, "how_checked": str, "back_to": str,
        "closed_on": str,
    }, pk=("application_id", "objection_id"),
        foreign_keys=[("application_id", "applications")])


PROJECTION_TABLES = ("objections", "case_steps", "members", "applications")  # as of 0013

# Later migrations live beside the features that need them, registered in this order
# (each module decorates its functions with @migration("000N_…")).
import desktop.storage.notice_schema  # noqa: E402,F401  0002_…
import desktop.storage.sync_schema  # noqa: E402,F401  0003_…
from desktop.storage import speed_schema  # noqa: E402,F401  0005_… indexes (issue 8)

# isort: split
# (kept apart from the sorted block above: the order of imports is that of migrations)
import desktop.storage.chainhead_schema  # noqa: E402,F401  0007_… signed heads (issue 12)
import desktop.storage.compact_schema  # noqa: E402,F401  0008_… a smaller store (issue 17)
import desktop.storage.deliberation_schema  # noqa: E402,F401  0009_… (issue 13)

# isort: split
import desktop.storage.county_schema  # noqa: E402,F401  0010_… the county (issue 14)
import desktop.storage.dibao_schema  # noqa: E402,F401  0012_… 低保 households (issue 15)
import desktop.storage.edition_schema  # noqa: E402,F401  0011_… policy editions (issue 14)
import desktop.storage.lean_schema  # noqa: E402,F401  0013_… WITHOUT ROWID tables (issue 17)
import desktop.storage.log_schema  # noqa: E402,F401  0016_… the log packed (issues 17, 14)
import desktop.storage.village_cards  # noqa: E402,F401  0015_… villages named, search (issue 14)
