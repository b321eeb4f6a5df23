"""The villages a county knows by their township's word (issue 14): migration 0015 (which
also makes the ledger's search table, `storage/search.py`) and its projection.

A county enrolls townships, not villages, so it has no card of a village to name it by.
Each township tells it the name and officer of every village it enrolled (`VillageNamed`,
record `<village code>-CARD`, relayed with the county's cases); `village_cards` holds the
latest of each village. The township holds its own records too (its peers name its
villages first)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database

from desktop.storage.migration_steps import migration

EVENT = "VillageNamed"
TABLES: tuple[str, ...] = ("village_cards",)


@migration("0015_county_store")
def county_store(db: Database) -> None:
    """The villages named, and the texts searched (`storage/search.py`)."""
    from desktop.storage import search

    db.execute("CREATE TABLE village_cards (village_code TEXT PRIMARY KEY, village TEXT NOT NULL,"
               " officer TEXT NOT NULL, named_on TEXT NOT NULL, workstation_id TEXT NOT NULL)")
    db.execute(search.CREATE)
    search.fill(db.conn)


def apply(db, event, policy) -> None:
    """The latest word of a village's township replaces the one before."""
    if event.type == EVENT:
        p = event.payload
        db.conn.execute("INSERT OR REPLACE INTO village_cards (village_code, village, officer,"
                        " named_on, workstation_id) VALUES (?, ?, ?, ?, ?)",
                        [p["village_code"], p["village"], p["officer"], p["date"],
                         event.workstation_id])


def cards(db) -> dict[str, tuple[str, str]]:
    """Village code → (name, officer), as its township last told."""
    return {code: (name, officer) for code, name, officer in db.execute(
        "SELECT village_code, village, officer FROM village_cards")}
