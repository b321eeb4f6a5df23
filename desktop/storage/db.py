"""Opening the SQLite file: WAL, foreign keys, synchronous=FULL, and one way to write."""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path

from sqlite_utils import Database


def connect(path: Path | str) -> Database:
    conn = sqlite3.connect(str(path), timeout=10)
    db = Database(conn)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=FULL")
    db.execute("PRAGMA foreign_keys=ON")
    return db


@contextlib.contextmanager
def writing(db: Database):
    """One write transaction, taken with BEGIN IMMEDIATE so that a second writer waits
    at the start rather than failing half-way; rolled back whole on any error."""
    if db.conn.in_transaction:
        with db.atomic():  # nested: a savepoint inside the outer transaction
            yield db
        return
    db.execute("BEGIN IMMEDIATE")
    try:
        yield db
    except BaseException:
        db.conn.rollback()
        raise
    else:
        db.execute("COMMIT")
