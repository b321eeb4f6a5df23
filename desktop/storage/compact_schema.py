"""A smaller store (issue 17, item 5): migration 0008.

Measured on the benchmark's county store, a case took ~15–18 KB, and two thirds of what
was not the event log repeated it: each history row carried its event's payload again
(`fields`) with a summary made from it, and each case carried its application as received
(`document`), the payload of its ApplicationReceived event. Now:

- `case_steps` holds only what the log cannot give without replaying the case: which
  step, when it took effect, the status after it (and the case and event it belongs to).
  Its one index is its key, case first: a case's steps (the case view, the township
  queue's arrival date) are a range of it, and so is an event's step (the start-up
  check knows the event's case);
- the view `history` puts each step back together with its event (type, time recorded,
  who, the payload as `fields`), so every reader of the history reads it as before. It is
  a LEFT JOIN on the events' primary key: a query that reads no column of the event
  (the township queue's arrival dates) costs one look-up in that key's index per step;
- the summary line is made when a history is shown (queries.case_history), from the
  same payload by the same function the projection used;
- the application as received is read from its event (queries.application_documents);
- the indexes that are the first columns of a wider index are dropped: SQLite uses
  the wider one for the same look-ups (received_on, applicant name and ID number: see
  speed_schema.py), as are the history's own application_id and arrival indexes."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database

from desktop.storage.migration_steps import migration

NAME = "0008_smaller_store"
# Each is a prefix of an index made in 0005/0006, which answers the same look-ups. (The
# status and year indexes are prefixes too, but kept: the counts per status and the list
# of years read them whole, 20–30 % quicker than the wider ones on 100,000 cases.)
REDUNDANT_INDEXES = ("idx_applications_received_on", "idx_applications_applicant_name",
                     "idx_applications_applicant_id_number")
STEP_COLUMNS = "workstation_id, seq, application_id, action, occurred_on, status_after"
HISTORY_VIEW = (
    "CREATE VIEW history AS SELECT s.workstation_id AS workstation_id, s.seq AS seq,"
    " s.application_id AS application_id, e.type AS type, s.action AS action,"
    " s.occurred_on AS occurred_on, e.recorded_at AS recorded_at, e.actor AS actor,"
    " e.payload AS fields, s.status_after AS status_after"
    " FROM case_steps s LEFT JOIN events e"
    " ON e.workstation_id = s.workstation_id AND e.seq = s.seq")


@migration(NAME)
def smaller_store(db: Database) -> None:
    db["case_steps"].create({
        "workstation_id": str, "seq": int, "application_id": str, "action": str,
        "occurred_on": str, "status_after": str,
    }, pk=("application_id", "workstation_id", "seq"),
        foreign_keys=[("application_id", "applications")])
    db.execute(f"INSERT INTO case_steps ({STEP_COLUMNS}) SELECT {STEP_COLUMNS} FROM history")
    db.execute("DROP TABLE history")
    db.execute(HISTORY_VIEW)
    db.execute("ALTER TABLE applications DROP COLUMN document")
    for name in REDUNDANT_INDEXES:
        db.execute(f"DROP INDEX IF EXISTS {name}")
