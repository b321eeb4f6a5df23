"""A smaller store, second round (issue 17, item 5): migration 0013.

Measured with SQLite's dbstat on the benchmark's county store (10,000 cases, 61,568
events, 7,927 bytes a case before): the log itself is 4,770 bytes a case and its two
indexes 530; of the rest, the largest parts were a case's steps and their key (600 +
460 bytes), its household members and their two keys (295 + 98 + 79). Now:

- `case_steps`, `members`, `objections` and `notice_cases` are tables WITHOUT ROWID,
  stored in the order of their key: a rowid table with a key of its own keeps every
  key twice, once in the table and once in the key's index (the steps' key is nearly
  the whole row: 460 bytes a case for nothing);
- `members` keeps only what is looked up: the case, the position, the name and the ID
  number (the 一人两户 and 一人两名 flags, the log scan for personal data). Sex, birth
  date, relation, health and work ability are in the application as received (the
  case view and the forms read them from its event, queries.application_documents).

Every query reads them as before (same names, same columns but the dropped ones); the
view `history` of 0008 is made again over the new `case_steps`."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database

from desktop.storage.compact_schema import HISTORY_VIEW
from desktop.storage.migration_steps import migration

NAME = "0013_lean_store"
# table -> (its columns with their types, its key, its other indexes): the foreign keys
# are those of the tables they replace.
LEAN_TABLES = {
    "case_steps": (("workstation_id TEXT", "seq INTEGER",
                    "application_id TEXT REFERENCES applications(id)", "action TEXT",
                    "occurred_on TEXT", "status_after TEXT"),
                   "application_id, workstation_id, seq", {}),
    "members": (("application_id TEXT REFERENCES applications(id)", "position INTEGER",
                 "name TEXT", "id_number TEXT"),
                "application_id, position", {"idx_members_id_number": "id_number"}),
    "objections": (("application_id TEXT REFERENCES applications(id)", "objection_id TEXT",
                    "received_on TEXT", "from_whom TEXT", "content TEXT", "status TEXT",
                    "result TEXT", "how_checked TEXT", "back_to TEXT", "closed_on TEXT"),
                   "application_id, objection_id", {}),
    "notice_cases": (("village_code TEXT", "notice_id TEXT", "application_id TEXT",
                      "position INTEGER", "applicant_name TEXT", "group_name TEXT",
                      "household_size INTEGER", "program TEXT", "category TEXT",
                      "reason TEXT", "amount_fen INTEGER", "state TEXT",
                      "objections INTEGER", "open_objections INTEGER", "ended_on TEXT"),
                     "village_code, notice_id, application_id",
                     {"idx_notice_cases_application_id_state": "application_id, state"}),
}
# what the events hold and no query reads (members' other fields: the case view and the
# forms read them from the application as received)
DROPPED = {"members": {"sex", "birth_date", "relation", "health", "work_ability"}}


@migration(NAME)
def lean_store(db: Database) -> None:
    db.execute("DROP VIEW IF EXISTS history")  # over case_steps: made again below
    for table, (columns, key, indexes) in LEAN_TABLES.items():
        _without_rowid(db, table, columns, key, indexes)
    db.execute(HISTORY_VIEW)


def _without_rowid(db: Database, table: str, columns: tuple[str, ...], key: str,
                   indexes: dict[str, str]) -> None:
    """The table made again WITHOUT ROWID with `columns` (of those it had, only the
    DROPPED ones are left out), its rows copied in the order of its key."""
    kept = [c.split()[0] for c in columns]
    had = [r[1] for r in db.execute(f"PRAGMA table_info({table})").fetchall()]
    lost = set(had) - set(kept) - DROPPED.get(table, set())
    if lost:  # a column added by a migration this one does not know of: never drop it
        raise RuntimeError(f"0013: {table} has columns {sorted(lost)} it would drop")
    names = ", ".join(kept)
    db.execute(f"CREATE TABLE {table}_lean ({', '.join(columns)}, PRIMARY KEY ({key}))"
               " WITHOUT ROWID")
    db.execute(f"INSERT INTO {table}_lean ({names}) SELECT {names} FROM {table}"
               f" ORDER BY {key}")
    db.execute(f"DROP TABLE {table}")
    db.execute(f"ALTER TABLE {table}_lean RENAME TO {table}")
    for name, on in indexes.items():
        db.execute(f"CREATE INDEX {name} ON {table} ({on})")
