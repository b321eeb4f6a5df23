"""Checking the hash chains of a store that holds other workstations' events.

A village receives only the township's events about its own cases, so the township's
chain arrives with gaps (the other villages' events are missing by design). Those
chains are checked event by event (each hash) and link by link where two consecutive
events are both here; every other chain (our own, and each village's on a township)
must be whole. `eventlog.verify_chain` alone would report the designed gaps as damage:
a `doctor` command should call this instead."""

from __future__ import annotations

from desktop.storage.eventlog import verify_chain


class EveryoneBut:
    """Every writer but this store's own: at the county, each chain is a township's relay
    of the cases the county holds (and of its monthly 考核 reports), so every chain it
    holds but its own arrives with gaps by design."""

    def __init__(self, own_id: str):
        self.own_id = own_id

    def __contains__(self, workstation_id: str) -> bool:
        return workstation_id != self.own_id


def filtered_chains(db, own: dict):
    """Workstations whose events reach this store filtered: the township, on a village;
    every other writer, on the county."""
    if own["role"] == "county":
        return EveryoneBut(db.execute("SELECT id FROM workstation").fetchone()[0])
    if own["role"] != "village":
        return set()
    return {r[0] for r in db.execute("SELECT workstation_id FROM peers WHERE role = 'township'")}


def chain_problems(db, own: dict) -> list[str]:
    return verify_chain(db, filtered_chains(db, own))
