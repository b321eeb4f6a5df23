"""The editions of policy held here (`policy_editions`, a projection of `PolicyIssued`
events) and the policy in force that they make with the local settings."""

from __future__ import annotations

import json
from datetime import date

from desktop.core.editions import (
    EVENT,
    FORWARDED,
    Edition,
    effective_settings,
    in_force,
    record_place,
    upcoming,
)
from desktop.core.editions import local_edit_problem as edit_problem
from desktop.core.policy import policy_from_settings

TABLES: tuple[str, ...] = ("policy_editions",)


def apply(db, event, policy) -> None:
    """Project `event` into this feature's tables (called for every event). A county's
    edition forwarded by the township is held as the county's (the township, which holds
    the county's own event too, keeps the one it has)."""
    if event.type == FORWARDED:
        p = event.payload
        _hold(db, event.case_id, p["from_workstation"], p["from_seq"], p["edition"], "OR IGNORE")
    elif event.type == EVENT:
        _hold(db, event.case_id, event.workstation_id, event.seq, event.payload, "")


def _hold(db, record: str, writer: str, seq: int, f: dict, conflict: str) -> None:
    db.conn.execute(
        f"INSERT {conflict} INTO policy_editions (record_id, workstation_id, seq, level,"
        " region_code, version, issued_on, effective_on, issuer, settings, note)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [record, writer, seq, f["level"], f["region_code"],
         f["version"], f["date"], f["effective"], f["issuer"],
         json.dumps(f["settings"], ensure_ascii=False, sort_keys=True), f.get("note", "")])


def held(db) -> list[Edition]:
    return [Edition(r[0], r[1], r[2], date.fromisoformat(r[3]), date.fromisoformat(r[4]),
                    r[5], json.loads(r[6]))
            for r in db.execute("SELECT record_id, level, version, issued_on, effective_on,"
                                " issuer, settings FROM policy_editions ORDER BY level, version")]


def last_version(db, record_id: str) -> int:
    """The latest version held of the issuer that `record_id` names (0: none)."""
    place = record_place(record_id)
    if place is None:
        return 0
    row = db.execute("SELECT MAX(version) FROM policy_editions WHERE region_code = ?",
                     [place.code]).fetchone()
    return row[0] or 0


def editions_in_force(db, today: date) -> list[Edition]:
    return in_force(held(db), today)


def projected_under(db) -> str:
    row = db.execute("SELECT editions FROM policy_projected WHERE id = 1").fetchone()
    return row[0] if row else ""


def mark_projected(db, editions: list[Edition], today: date) -> None:
    db.execute("INSERT OR REPLACE INTO policy_projected (id, editions, since) VALUES (1, ?, ?)",
               [key_of(editions), today.isoformat()])


def key_of(editions: list[Edition]) -> str:
    return " ".join(e.record_id for e in editions)


def local_settings(db) -> dict:
    """The settings stored here (key → value), before any edition is laid over them."""
    return {key: json.loads(value) for key, value in db.execute("SELECT key, value FROM settings")}


def policy_in_force(store, today: date):
    """(policy, editions in force) of the store on `today`. When the editions in force
    differ from those the ledger was last projected under (one took effect, or arrived),
    the ledger is rebuilt with the new policy: due dates follow the calendar in force."""
    local = local_settings(store.db)
    policy_from_settings(local)  # a bad stored setting is refused as before
    force = editions_in_force(store.db, today)
    policy = policy_from_settings(effective_settings(local, force))
    if key_of(force) != projected_under(store.db):
        from desktop.storage.projections import rebuild  # rarely: not at each start

        with store.transaction():
            rebuild(store.db, policy)
            mark_projected(store.db, force, today)
    return policy, force


def local_edit_problem(store, changes: dict) -> str:
    today, current = store.today, store.policy.to_settings()
    editions = held(store.db)
    changed = {k: v for k, v in changes.items() if current.get(k) != v}  # a form resent whole
    return edit_problem(changed, in_force(editions, today) + upcoming(editions, today),
                        store.workstation["role"])


def with_editions(clause: str, args: list) -> tuple[str, list]:
    """The filter of the events a workstation sends to one below it (its cases there),
    widened to every edition of policy issued here: each goes to every place below."""
    return f"({clause} OR type IN (?, ?))", [*args, EVENT, FORWARDED]


def projected_policy(db):
    """The policy the ledger was last projected under (the local settings and the
    editions then in force): what a check that rebuilds the ledger must rebuild it with."""
    local = local_settings(db)
    names = projected_under(db).split()
    return policy_from_settings(effective_settings(
        local, [e for e in held(db) if e.record_id in names]))
