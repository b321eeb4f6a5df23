"""Opening the SQLite file: WAL, foreign keys, synchronous=FULL, and one way to write."""

from __future__ import annotations

import contextlib
import contextvars
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.storage.packing import register

if TYPE_CHECKING:
    from sqlite_utils import Database


_TRANSACTION_CONTROL = {"BEGIN", "COMMIT", "END", "ROLLBACK", "SAVEPOINT", "RELEASE"}


class Db:
    """The store's connection. Reads and event writes are plain SQL through `execute`;
    everything else (`db["table"]`, `atomic`, `table_names` …) is sqlite-utils' Database
    over the same connection, loaded on first use: importing sqlite-utils (and the
    command-line libraries it brings) was a fifth of the program's start-up."""

    def __init__(self, conn: sqlite3.Connection):
        self.conn = register(conn)  # the function the log's view reads payloads with
        self._utils: Database | None = None
        # the projection batch of the unit of work now open on this connection (import,
        # rebuild, one live event): projection_batch.batched sets and clears it
        self.projection_batch = None

    def execute(self, sql: str, parameters=None) -> sqlite3.Cursor:
        """As sqlite-utils' execute: a write outside a transaction is committed at once
        (Python's sqlite3 would leave it open, holding the write lock)."""
        outside = not self.conn.in_transaction
        try:
            cursor = self.conn.execute(sql, () if parameters is None else parameters)
        except Exception:
            if outside and self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise
        if (outside and self.conn.in_transaction and cursor.description is None
                and sql.split(None, 1)[0].upper() not in _TRANSACTION_CONTROL):
            self.conn.execute("COMMIT")
        return cursor

    def query(self, sql: str, parameters=None):
        """Rows as dicts, as sqlite-utils' query (the lists and queues read this way)."""
        cursor = self.execute(sql, parameters)
        keys = [d[0] for d in cursor.description]
        for row in cursor:
            yield dict(zip(keys, row, strict=True))

    def close(self) -> None:
        self.conn.close()

    @property
    def utils(self) -> Database:
        if self._utils is None:
            from sqlite_utils import Database

            # No plugins: none is wanted near the households' data, and finding them
            # reads every installed package's metadata.
            self._utils = Database(self.conn, execute_plugins=False)
        return self._utils

    def __getitem__(self, table: str):
        return self.utils[table]

    def __getattr__(self, name: str):
        if name.startswith("_"):  # never for our own attributes (a half-made Db)
            raise AttributeError(name)
        return getattr(self.utils, name)


def connect(path: Path | str) -> Db:
    db = Db(sqlite3.connect(str(path), timeout=10))
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=FULL")
    db.execute("PRAGMA foreign_keys=ON")
    db.execute("PRAGMA recursive_triggers=ON")  # as sqlite-utils sets it
    return db


@contextlib.contextmanager
def writing(db: Db):
    """One write transaction, taken with BEGIN IMMEDIATE so that a second writer waits
    at the start rather than failing half-way; rolled back whole on any error."""
    if db.conn.in_transaction:  # nested: a savepoint inside the outer transaction
        db.execute("SAVEPOINT relief_desk_nested")
        try:
            yield db
        except BaseException:
            db.execute("ROLLBACK TO relief_desk_nested")
            db.execute("RELEASE relief_desk_nested")
            raise
        db.execute("RELEASE relief_desk_nested")
        return
    db.execute("BEGIN IMMEDIATE")
    try:
        yield db
    except BaseException:
        db.conn.rollback()
        raise
    else:
        if _rehearsing.get():
            db.conn.rollback()
        else:
            db.execute("COMMIT")


# Per thread (each thread has its own context): a background job's writes are never
# rolled back by a rehearsal on the window's thread.
_rehearsing = contextvars.ContextVar("rehearsing", default=False)


def rehearse(perform) -> None:
    """Run `perform` (an operation) as a dry run: every write transaction it begins is
    rolled back at its end instead of committed. The operation makes every check it
    makes when done for real (the rule book's, the caps, the case's state) and raises
    its refusal; nothing is left written. Call it outside any transaction (a nested
    one would be released into the outer one), with an operation that writes no file
    and begins no transaction that needs an earlier one's writes."""
    token = _rehearsing.set(True)
    try:
        perform()
    finally:
        _rehearsing.reset(token)
