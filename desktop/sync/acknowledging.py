"""乡镇接收 on import: each submitted case of the sender's village is acknowledged at once;
the acknowledgement travels back in the township's next bundle.

Each case passes every check of the step typed by an officer (`Casework.checked`, which
`perform` runs too), one case after another as before; what is done once for them all is
the writing: the cases read in one statement, their events chained one after another and
written with one statement, projected in the bundle's batch. Case by case (a savepoint,
the case read through the ledger, the log's last event read, one row written, each) this
was a tenth of a month's import."""

from __future__ import annotations

from datetime import date

from desktop.core.errors import Refusal
from desktop.core.roles import region_of
from desktop.operations.casework import Casework, facts_of
from desktop.storage.eventlog import chained, insert_events, last_of
from desktop.storage.projection_batch import batched
from desktop.storage.projections import apply_event
from desktop.storage.store import now_utc
from desktop.sync.applying import ImportReport


def acknowledge(store, peer: dict, report: ImportReport, today: date) -> None:
    """Acknowledge the submitted cases of `peer`'s village, in case-number order; a case
    the rule book refuses is named in the report with the reason, the others go on."""
    db, own = store.db, store.workstation
    work = Casework(store, today)
    cases = [r[0] for r in db.execute(
        "SELECT id FROM applications WHERE status = 'submitted' AND substr(id, 1, 13) = ?"
        " ORDER BY id", [region_of(peer).code + "-"])]
    if not cases:
        return
    events = []
    with batched(db) as batch:
        batch.prefetch(cases)
        last = last_of(db, own["id"])
        for case_id in cases:
            try:
                _, type_, clean = work.checked(facts_of(db, batch.case(case_id)),
                                               "acknowledge", {"date": today.isoformat()},
                                               own["role"])
            except Refusal as exc:
                report.not_acknowledged.append(f"{case_id}:{exc.message}")
                continue
            event = chained(last, workstation_id=own["id"], recorded_at=now_utc(),
                            actor=own["officer"], case_id=case_id, type_=type_, payload=clean)
            apply_event(db, event, store.policy)
            events.append(event)
            last = (event.seq, event.hash)
            report.acknowledged.append(case_id)
        insert_events(db, events)
