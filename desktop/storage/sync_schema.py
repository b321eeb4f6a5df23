"""Schema of sync (issue 4): migration 0003.

These tables are not projections: they hold what cannot be recomputed from the event log
(who is trusted, what was sent and received, what the other side has acknowledged), so
`rebuild` never empties them."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database

from desktop.storage.migration_steps import migration


@migration("0003_sync")
def sync_tables(db: Database) -> None:
    # Enrolled workstations: their public identity card, as compared by a person.
    db["peers"].create({
        "workstation_id": str, "role": str, "county": str, "county_code": str,
        "township": str, "township_code": str, "village": str, "village_code": str,
        "officer": str, "signing_key": str, "encryption_key": str, "fingerprint": str,
        "card": str, "enrolled_at": str, "active": int, "replaced_by": str,
    }, pk="workstation_id", not_null={"signing_key", "encryption_key", "fingerprint"})
    # The highest sequence number of OUR events that each peer has acknowledged.
    db["peer_acks"].create({"peer_id": str, "acked_seq": int, "updated_at": str},
                           pk="peer_id")
    db["bundles_sent"].create({
        "bundle_id": str, "recipient_id": str, "number": int, "created_at": str,
        "file_name": str, "first_seq": int, "last_seq": int, "events": int,
        "attachments": int, "ack_seq": int,
    }, pk="bundle_id")
    db["bundles_received"].create({
        "bundle_id": str, "sender_id": str, "created_at": str, "imported_at": str,
        "file_name": str, "new_events": int, "known_events": int, "refused_events": int,
        "report": str,
    }, pk="bundle_id")
    # Events of a peer that we could not apply, with the reason: sent back in our acks.
    db["sync_refusals"].create({
        "workstation_id": str, "seq": int, "reason": str, "bundle_id": str, "at": str,
    }, pk=("workstation_id", "seq"))
