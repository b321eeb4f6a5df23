"""Signed chain heads (issue 12): migration 0007.

At each bundle export and each backup the workstation signs the head of its own chain
(its id, the last sequence number, that event's hash, the time) with its Ed25519 key
(desktop/safety/chainhead.py). A history rewritten and re-hashed consistently then no
longer matches a signed head, unless whoever rewrote it had the officer's key. Like the
sync tables these rows are not projections: `rebuild` never empties them."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database

from desktop.storage.migration_steps import migration


@migration("0007_chain_heads")
def chain_heads(db: Database) -> None:
    db["chain_heads"].create({
        "workstation_id": str, "seq": int, "hash": str, "signed_at": str, "signature": str,
    }, pk=("workstation_id", "seq"), not_null={"hash", "signed_at", "signature"})
