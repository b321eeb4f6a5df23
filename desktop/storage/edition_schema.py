"""Policy editions (issue 13 item 3, issue 14 item 4): migration 0011.

`policy_editions` is a projection of the `PolicyIssued` events held (issued here or
received from above; emptied and refilled by `rebuild`). `policy_projected` is no
projection: it remembers which editions were in force when the ledger's due dates were
last computed, so that the store recomputes them on the day another takes effect."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database

from desktop.storage.migration_steps import migration


@migration("0011_policy_editions")
def policy_editions(db: Database) -> None:
    db["policy_editions"].create({
        "record_id": str, "workstation_id": str, "seq": int, "level": str,
        "region_code": str, "version": int, "issued_on": str, "effective_on": str,
        "issuer": str, "settings": str, "note": str,
    }, pk="record_id", not_null={"level", "version", "effective_on", "settings"})
    db["policy_projected"].create({"id": int, "editions": str, "since": str}, pk="id")
