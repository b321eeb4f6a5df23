"""Projection writes held back until a batch of events has been projected.

Why: an import or a rebuild replays thousands of events, and each used to read its case
row, update it and insert its history row: a dozen statements per event, most of them
rewriting the same case row and its seven indexes again and again. A batch keeps every
case it touches in memory, and when it ends writes each case once (an INSERT for a new
case, an UPDATE of only the columns that changed for a known one), then the rows that
are only ever appended (members, history) with one executemany per table.

Live recording goes through the same code: `apply_event` opens a batch of one event and
ends it at once, so rebuild and live projections cannot drift apart.

While a batch is open the `applications`, `members` and `history` tables lag behind it:
read cases through `case`/`find`, and end the batch before other code reads them."""

from __future__ import annotations

import contextlib
import sqlite3
from collections import defaultdict

# Enough for a county's ten years of one village, and few enough to stay far below the
# memory a township's laptop has: a rebuild writes out and forgets its cases past this.
MAX_HELD_CASES = 20_000


class ProjectionBatch:
    def __init__(self, db):
        self.db = db
        self.cases: dict[str, dict] = {}  # case id -> the row as it will be written
        self.new: set[str] = set()  # cases not yet in the table
        self.changed: dict[str, set[str]] = defaultdict(set)  # known case -> columns
        self.appended: dict[str, list[dict]] = defaultdict(list)  # table -> rows
        self.requests: dict[tuple, list[str]] = defaultdict(list)  # 一事一次 key -> new cases
        self.absent: set[str] = set()  # cases read for (`prefetch`) and not in the table
        self.held: dict[str, object] = {}  # a feature's own held writes, by feature
        # 一事一次 key -> cases the table holds, for the ID numbers read (`prefetch_requests`)
        self.written: dict[tuple, list[str]] = defaultdict(list)
        self.written_read: set[str] = set()

    def held_by(self, feature: str, make):
        """The writes `feature` holds in this batch (made by `make(db)` on first use):
        an object whose `flush()` writes them, called when the batch is written."""
        found = self.held.get(feature)
        if found is None:
            found = self.held[feature] = make(self.db)
        return found

    # -- cases -----------------------------------------------------------------------
    def find(self, case_id: str) -> dict | None:
        """The case's row as projected so far (not to be changed but through `change`)."""
        row = self.cases.get(case_id)
        if row is None and case_id not in self.absent:
            row = row_dict(self.db.conn.execute("SELECT * FROM applications WHERE id = ?",
                                                [case_id]))
            if row is not None:
                self.cases[case_id] = row
        return row

    def prefetch(self, case_ids) -> None:
        """Read the rows of these cases now, a few hundred a statement, and remember the
        ones the table does not hold: an import asks for every case of its bundle, most
        of them new, and one statement each was a third of a new case's statements."""
        wanted = [c for c in dict.fromkeys(case_ids) if c not in self.cases]
        for i in range(0, len(wanted), 500):
            part = wanted[i:i + 500]
            cursor = self.db.conn.execute("SELECT * FROM applications WHERE id IN"
                                          f" ({', '.join('?' * len(part))})", part)
            names = [d[0] for d in cursor.description]
            for values in cursor:
                row = dict(zip(names, values, strict=True))
                self.cases[row["id"]] = row
            self.absent.update(c for c in part if c not in self.cases)

    def case(self, case_id: str) -> dict:
        """As `find`, but a missing case raises NotFoundError (as sqlite-utils' get)."""
        row = self.find(case_id)
        if row is None:
            from sqlite_utils.db import NotFoundError  # loaded late: start-up time

            raise NotFoundError(case_id)
        return row

    def holds(self, case_id: str) -> bool:
        """Whether the case's row in its table is behind this batch."""
        return case_id in self.new or case_id in self.changed

    def add_case(self, row: dict) -> None:
        self.cases[row["id"]] = row
        self.absent.discard(row["id"])
        self.new.add(row["id"])
        key = (row["applicant_id_number"], row["reason"], row["year"])
        self.requests[key].append(row["id"])

    def change(self, case_id: str, changes: dict) -> None:
        (self.cases.get(case_id) or self.case(case_id)).update(changes)
        if case_id not in self.new:
            self.changed[case_id].update(changes)

    def same_request(self, id_number: str, reason: str, year: int) -> list[str]:
        """The cases of this batch not yet written with this applicant, reason and year."""
        return self.requests.get((id_number, reason, year), [])

    def written_requests(self, id_number: str, reason: str, year: int) -> list[str]:
        """The cases the table holds with this applicant, reason and year (cases are
        written when the batch is, so what it holds does not change meanwhile)."""
        if id_number in self.written_read:
            return self.written.get((id_number, reason, year), [])
        return [r[0] for r in self.db.conn.execute(
            "SELECT id FROM applications WHERE applicant_id_number = ? AND reason = ?"
            " AND year = ?", [id_number, reason, year])]

    def prefetch_requests(self, id_numbers) -> None:
        """Read the table's cases of these applicants now, a few hundred a statement: an
        import checks every receipt of its bundle for an earlier request (一事一次)."""
        wanted = [n for n in dict.fromkeys(id_numbers)
                  if type(n) is str and n not in self.written_read]
        for i in range(0, len(wanted), 500):
            part = wanted[i:i + 500]
            for case_id, number, reason, year in self.db.conn.execute(
                    "SELECT id, applicant_id_number, reason, year FROM applications WHERE"
                    f" applicant_id_number IN ({', '.join('?' * len(part))})", part):
                self.written[number, reason, year].append(case_id)
            self.written_read.update(part)

    def write_case(self, case_id: str) -> None:
        """Write one new case now: a row that refers to it (an objection) is coming."""
        if case_id in self.new:
            self._insert("applications", [self.cases[case_id]])
            self.new.discard(case_id)

    # -- rows only ever appended -------------------------------------------------------
    def append(self, table: str, rows: list[dict]) -> None:
        self.appended[table].extend(rows)

    # -- writing -----------------------------------------------------------------------
    @property
    def full(self) -> bool:
        return len(self.cases) > MAX_HELD_CASES

    def flush(self) -> None:
        """Write everything held, cases first (the appended rows refer to them)."""
        self._insert("applications", [self.cases[c] for c in sorted(self.new)])
        self._update_cases()
        for table, rows in self.appended.items():
            self._insert(table, rows)
        for held in self.held.values():
            held.flush()
        self.held.clear()
        self.cases.clear()
        self.new.clear()
        self.changed.clear()
        self.appended.clear()
        self.requests.clear()
        self.absent.clear()  # written: a case asked for again is read again
        self.written.clear()
        self.written_read.clear()

    def _insert(self, table: str, rows: list[dict]) -> None:
        groups: dict[tuple, list] = defaultdict(list)  # rows of the same columns
        for row in rows:
            groups[tuple(row)].append(tuple(row.values()))
        for columns, values in groups.items():
            self.db.conn.executemany(
                f"INSERT INTO {table} ({', '.join(columns)})"
                f" VALUES ({', '.join('?' * len(columns))})", values)

    def _update_cases(self) -> None:
        """Only the changed columns: SQLite then leaves alone the indexes of the others."""
        groups: dict[tuple, list] = defaultdict(list)  # cases with the same columns changed
        for case_id, columns in self.changed.items():
            groups[tuple(sorted(columns))].append(case_id)
        for columns, case_ids in groups.items():
            sets = ", ".join(f"{c} = ?" for c in columns)
            self.db.conn.executemany(
                f"UPDATE applications SET {sets} WHERE id = ?",
                [[*(self.cases[c][k] for k in columns), c] for c in case_ids])


def row_dict(cursor: sqlite3.Cursor) -> dict | None:
    """The cursor's next row as {column: value} (None at the end): sqlite-utils' get
    would read the table's schema on every call."""
    values = cursor.fetchone()
    if values is None:
        return None
    return dict(zip([d[0] for d in cursor.description], values, strict=True))


def open_batch(db) -> ProjectionBatch | None:
    """The batch open on `db`, if any: the unit of work's own (the connection wrapper
    carries it, so nothing module-wide is keyed by an object's id, which Python reuses)."""
    return getattr(db, "projection_batch", None)


def reader(db) -> ProjectionBatch:
    """Where to read cases: the open batch, or an empty one that reads the table."""
    return open_batch(db) or ProjectionBatch(db)


@contextlib.contextmanager
def batched(db):
    """The batch open on `db`, or a new one written out when the block ends (call inside
    a write transaction; an error leaves the held writes unwritten, for the caller's
    rollback to undo the rest)."""
    held = open_batch(db)
    if held is not None:
        yield held
        return
    batch = db.projection_batch = ProjectionBatch(db)
    try:
        yield batch
        batch.flush()
    finally:
        db.projection_batch = None
