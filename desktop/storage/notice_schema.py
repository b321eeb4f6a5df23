"""Schema of notice batches (issue 3): migration 0002.

A batch is keyed by its village's code and its notice id (GS-2026-0007): the township
holds the notices of many villages, whose short ids may coincide."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database

from desktop.storage.migration_steps import migration


@migration("0002_notices")
def notices(db: Database) -> None:
    db["notices"].create({
        "village_code": str, "notice_id": str, "kind": str, "program": str, "start": str,
        "days": int, "board": str, "issued_by": str, "photo_sha256": str, "photo_name": str,
        "photo_on": str, "photo_count": int, "closed_on": str,
    }, pk=("village_code", "notice_id"), defaults={"photo_count": 0})
    db["notices"].create_index(["start"])
    db["notice_cases"].create({
        "village_code": str, "notice_id": str, "application_id": str, "position": int,
        "applicant_name": str, "group_name": str, "household_size": int, "program": str,
        "category": str, "reason": str, "amount_fen": int, "state": str,
        "objections": int, "open_objections": int, "ended_on": str,
    }, pk=("village_code", "notice_id", "application_id"))
    db["notice_cases"].create_index(["application_id", "state"])
    _project_existing(db)


def _project_existing(db: Database) -> None:
    """A store made before notices existed gets its batches from its log at once."""
    from desktop.storage.eventlog import all_events
    from desktop.storage.notice_projections import apply

    for event in all_events(db):
        apply(db, event, None)
