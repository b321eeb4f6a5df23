"""The last deliberation's conclusion on the ledger row (issue 13): migration 0009.

A 初审 that goes against the villagers' vote needs a written reason, so the rule book
must know the conclusion of the case's last 评议 when a review is checked — also while
an import projects a bundle, when the history rows are still held in the projection
batch and only the case row is current. Existing stores take it from their history."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database

from desktop.storage.migration_steps import migration


@migration("0009_deliberation_conclusion")
def deliberation_conclusion(db: Database) -> None:
    db.execute("ALTER TABLE applications ADD COLUMN deliberation TEXT")
    db.execute(
        "UPDATE applications SET deliberation = (SELECT json_extract(h.fields, '$.conclusion')"
        " FROM history h WHERE h.application_id = applications.id AND h.action = 'deliberate'"
        " ORDER BY h.occurred_on DESC, h.recorded_at DESC, h.seq DESC LIMIT 1)")
