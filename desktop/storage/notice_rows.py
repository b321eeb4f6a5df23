"""Notice batches and their cases as projected so far in a projection batch: each read
from its table once, changed in memory, and written when the batch is, a statement a
table and a kind of change. Each event used to read and write them itself: a case posted
and closed cost seven statements, a third of an import's single statements.

What it answers is what the tables would answer had every write so far been made: the
case's row on notice is the first by (village, notice id), the order in which the indexed
SELECT returns it from the table WITHOUT ROWID (migration 0013). Two facts of the projections spare reads: a notice batch's cases are
written only after the batch itself (no batch in the table, none of its cases either),
and a case joins a batch only once it is in the ledger (a case new in this projection
batch has none in the table)."""

from __future__ import annotations

from collections import defaultdict

from desktop.storage.projection_batch import open_batch, reader, row_dict

NOTICE_COLUMNS = ("village_code", "notice_id", "kind", "program", "start", "days", "board",
                  "issued_by", "photo_sha256", "photo_name", "photo_on", "photo_count",
                  "closed_on")


class HeldNotices:
    def __init__(self, db):
        self.db = db
        self.notices: dict[tuple, dict | None] = {}  # (village, notice id) -> row, or None
        self.new_notices: dict[tuple, None] = {}  # made in this batch, in order
        self.changed_notices: dict[tuple, set[str]] = defaultdict(set)  # in the table
        self.rows: dict[tuple, dict] = {}  # (village, notice id, case) -> the case's row
        self.by_notice: dict[tuple, set[tuple]] = defaultdict(set)
        self.by_case: dict[str, set[tuple]] = defaultdict(set)
        self.whole_notices: set[tuple] = set()  # every row of these read (or none held)
        self.whole_cases: set[str] = set()
        self.written: dict[tuple, None] = {}  # rows to insert (or replace), in order
        self.changed: dict[tuple, set[str]] = defaultdict(set)  # table rows: columns

    def case(self, case_id: str) -> dict:
        """The case as projected so far (the projection batch's)."""
        return reader(self.db).case(case_id)

    # -- notice batches --------------------------------------------------------------
    def notice(self, key: tuple) -> dict | None:
        if key not in self.notices:
            self.notices[key] = row_dict(self.db.conn.execute(
                "SELECT * FROM notices WHERE village_code = ? AND notice_id = ?", list(key)))
        return self.notices[key]

    def ensure(self, key: tuple, *, kind, program, start, days, board, actor) -> None:
        """The batch, made unless it exists (INSERT OR IGNORE)."""
        if self.notice(key) is not None:
            return
        self.notices[key] = {"village_code": key[0], "notice_id": key[1], "kind": kind,
                             "program": program, "start": start, "days": days,
                             "board": board, "issued_by": actor, "photo_sha256": None,
                             "photo_name": None, "photo_on": None, "photo_count": 0,
                             "closed_on": None}
        self.new_notices[key] = None
        self.whole_notices.add(key)  # no batch in the table: none of its cases either

    def change_notice(self, key: tuple, changes_of) -> None:
        """UPDATE of the batch, if it exists: `changes_of(row)` says what changes."""
        notice = self.notice(key)
        if notice is None:
            return
        changes = changes_of(notice)
        notice.update(changes)
        if key not in self.new_notices:
            self.changed_notices[key].update(changes)

    # -- the cases of notice batches -------------------------------------------------
    def count(self, key: tuple, state: str | None = None) -> int:
        """How many cases the batch holds (in `state`), as COUNT(*) would say."""
        self._whole_notice(key)
        held = self.by_notice.get(key, ())
        if state is None:
            return len(held)
        return sum(self.rows[rk]["state"] == state for rk in held)

    def join(self, key: tuple, row: dict) -> None:
        """INSERT OR REPLACE: the case's row in this batch, after every other."""
        rk = (*key, row["application_id"])
        self._add(rk, row)
        self.written.pop(rk, None)  # replaced again: written again, last
        self.written[rk] = None
        self.changed.pop(rk, None)

    def join_state(self, key: tuple) -> tuple[dict | None, int, int]:
        """The batch (None if there is none), how many of its cases ended their notice
        and how many were objected to: what a case joining it is checked against."""
        notice = self.notice(key)
        if notice is None:
            return None, 0, 0
        self._whole_notice(key)
        rows = [self.rows[rk] for rk in self.by_notice.get(key, ())]
        return (notice, sum(r["state"] != "on_notice" for r in rows),
                sum(r["objections"] > 0 for r in rows))

    def on_notice(self, case_id: str) -> dict | None:
        """The case's row on notice: the first in the table's order, if several."""
        self._whole_case(case_id)
        found = [rk for rk in self.by_case.get(case_id, ())
                 if self.rows[rk]["state"] == "on_notice"]
        return self.rows[min(found)] if found else None  # (village, notice id, case)

    def update(self, row: dict, changes: dict) -> None:
        row.update(changes)
        rk = (row["village_code"], row["notice_id"], row["application_id"])
        if rk not in self.written:
            self.changed[rk].update(changes)

    def _add(self, rk: tuple, row: dict) -> None:
        self.rows[rk] = row
        self.by_notice[rk[:2]].add(rk)
        self.by_case[rk[2]].add(rk)

    def _whole_notice(self, key: tuple) -> None:
        if key not in self.whole_notices:
            self._read("village_code = ? AND notice_id = ?", list(key))
            self.whole_notices.add(key)

    def _whole_case(self, case_id: str) -> None:
        if case_id in self.whole_cases:
            return
        batch = open_batch(self.db)
        if batch is None or not (case_id in batch.new or case_id in batch.absent):
            self._read("application_id = ?", [case_id])
        self.whole_cases.add(case_id)

    def _read(self, where: str, params: list) -> None:
        cursor = self.db.conn.execute(f"SELECT * FROM notice_cases WHERE {where}", params)
        names = [d[0] for d in cursor.description]
        for values in cursor:
            row = dict(zip(names, values, strict=True))
            rk = (row["village_code"], row["notice_id"], row["application_id"])
            if rk not in self.rows:  # what this batch did to a row stands
                self._add(rk, row)

    # -- writing ---------------------------------------------------------------------
    def flush(self) -> None:
        conn = self.db.conn
        if self.new_notices:
            conn.executemany(
                f"INSERT OR IGNORE INTO notices ({', '.join(NOTICE_COLUMNS)})"
                f" VALUES ({', '.join('?' * len(NOTICE_COLUMNS))})",
                [[self.notices[k][c] for c in NOTICE_COLUMNS] for k in self.new_notices])
        _update(conn, "notices", ("village_code", "notice_id"), self.changed_notices,
                self.notices)
        if self.written:
            columns = list(self.rows[next(iter(self.written))])
            conn.executemany(
                f"INSERT OR REPLACE INTO notice_cases ({', '.join(columns)})"
                f" VALUES ({', '.join('?' * len(columns))})",
                [[self.rows[rk][c] for c in columns] for rk in self.written])
        _update(conn, "notice_cases", ("village_code", "notice_id", "application_id"),
                self.changed, self.rows)


def _update(conn, table: str, keys: tuple, changed: dict, rows: dict) -> None:
    """UPDATE of only the changed columns, one statement for rows with the same ones."""
    groups: dict[tuple, list] = defaultdict(list)
    for rk, columns in changed.items():
        groups[tuple(sorted(columns))].append(rk)
    where = " AND ".join(f"{k} = ?" for k in keys)
    for columns, rks in groups.items():
        conn.executemany(f"UPDATE {table} SET {', '.join(f'{c} = ?' for c in columns)}"
                         f" WHERE {where}", [[*(rows[rk][c] for c in columns), *rk]
                                             for rk in rks])
