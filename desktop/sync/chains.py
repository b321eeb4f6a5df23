"""Checking the hash chains of a store that holds other workstations' events.

A village receives only the township's events about its own cases, so the township's
chain arrives with gaps (the other villages' events are missing by design); a township
receives the county's events on its own cases only; a county receives, relayed by each
township, the villages' and the township's events of the cases it holds. Those chains are
checked event by event (each hash) and link by link where two consecutive events are
both here. Whole are only our own chain and those of the peers that send us their whole
log (each village's, on its township). `eventlog.verify_chain` alone would report the
designed gaps as damage: a `doctor` command should call this instead."""

from __future__ import annotations

from desktop.core.roles import ROLES
from desktop.storage.eventlog import verify_chain


class _AllBut:
    """Every workstation but the ones named (a chain here is filtered unless whole)."""

    def __init__(self, whole: set[str]):
        self.whole = whole

    def __contains__(self, workstation_id) -> bool:
        return workstation_id not in self.whole


def filtered_chains(db, own: dict) -> _AllBut:
    """Workstations whose events reach this store filtered: all but our own and those of
    the peers that send their whole log."""
    whole = {own.get("id")} - {None}
    if db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'peers'"
                  ).fetchone():  # plain SQL: sqlite-utils is not loaded at start-up
        whole |= {ws for ws, role in db.execute("SELECT workstation_id, role FROM peers")
                  if role in ROLES and ROLES[role].whole_log}
    return _AllBut(whole)


def chain_problems(db, own: dict) -> list[str]:
    return verify_chain(db, filtered_chains(db, own))
