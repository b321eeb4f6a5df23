"""Checking the hash chains of a store that holds other workstations' events.

A village receives only the township's events about its own cases, so the township's
chain arrives with gaps (the other villages' events are missing by design). Those
chains are checked event by event (each hash) and link by link where two consecutive
events are both here; every other chain (our own, and each village's on a township)
must be whole. `eventlog.verify_chain` alone would report the designed gaps as damage:
a `doctor` command should call this instead."""

from __future__ import annotations

from desktop.storage.eventlog import _COLUMNS, GENESIS, _from_row, event_hash


def filtered_chains(db, own: dict) -> set[str]:
    """Workstations whose events reach this store filtered: the township, on a village."""
    if own["role"] != "village":
        return set()
    return {r[0] for r in db.execute("SELECT workstation_id FROM peers WHERE role = 'township'")}


def chain_problems(db, own: dict) -> list[str]:
    partial = filtered_chains(db, own)
    problems: list[str] = []
    last: dict[str, tuple[int, str]] = {}
    for row in db.execute(f"SELECT {_COLUMNS} FROM events ORDER BY workstation_id, seq"):
        e = _from_row(row)
        seq, prev = last.get(e.workstation_id, (0, GENESIS))
        if e.workstation_id not in partial and e.seq != seq + 1:
            problems.append(f"工作站 {e.workstation_id} 的事件 {seq + 1} 缺失")
        if e.seq == seq + 1 and e.prev_hash != prev:
            problems.append(f"工作站 {e.workstation_id} 的事件 {e.seq} 与前一事件衔接不上")
        if event_hash(e.workstation_id, e.seq, e.prev_hash, e.recorded_at, e.actor,
                      e.case_id, e.type, e.payload) != e.hash:
            problems.append(f"工作站 {e.workstation_id} 的事件 {e.seq} 内容被改动")
        last[e.workstation_id] = (e.seq, e.hash)
    return problems
