"""Is the store's schema exactly what this version's migrations make?

A store file is input like any other: a backup on a stick may carry a trigger, a view,
an extra table or column, or a changed definition, which SQLite would then run inside
every later write (a trigger on `events` that deactivates every enrolled station). So the
schema (sqlite_master: type, name, table, SQL) is compared with the one the migrations
make on an empty database in memory, built once per process. Only a store of the
current version is compared: an older one is compared after it has been migrated (on a
copy, by the thorough check), a newer one is refused by its version elsewhere."""

from __future__ import annotations

import re
import sqlite3
import threading

from desktop.storage.migrations import KNOWN, applied_names

KINDS = {"table": "表", "index": "索引", "view": "视图", "trigger": "触发器"}
# Tables SQLite itself may add to a good store (ANALYZE, AUTOINCREMENT): never ours.
SQLITE_OWN = {"sqlite_stat1", "sqlite_stat2", "sqlite_stat3", "sqlite_stat4", "sqlite_sequence"}
_QUOTES = re.compile(r'["`\[\]]')
_SPACE = re.compile(r"\s+")
_expected: dict | None = None
_building = threading.Lock()


def version_state(conn: sqlite3.Connection) -> str:
    """'older' (the first migrations, in order, the rest pending), 'newer' (a name this
    version lacks) or 'current'. Any other record (a name twice, out of order, one left
    out) counts as current: compared, it shows what is missing or extra."""
    names = applied_names(conn)
    if any(n not in KNOWN for n in names):
        return "newer"
    return "older" if len(names) < len(KNOWN) and names == KNOWN[:len(names)] else "current"


def differences(conn: sqlite3.Connection) -> list[str]:
    """What differs from the schema the migrations make, one line per object, extra
    objects first (they are the dangerous ones)."""
    actual, expected = schema_of(conn), expected_schema()
    extra = [k for k in actual if k not in expected]
    missing = [k for k in expected if k not in actual]
    changed = [k for k in actual if k in expected and actual[k] != expected[k]]
    return ([f"多了{_kind(k)} {k[1]}(不是本软件建立的)" for k in extra]
            + [f"缺少{_kind(k)} {k[1]}" for k in missing]
            + [f"{_kind(k)} {k[1]} 的定义被改动" for k in changed])


def problem(conn: sqlite3.Connection) -> str | None:
    """The one line for Health.problems, or None when the schema is as made."""
    found = differences(conn)
    if not found:
        return None
    more = f" 等 {len(found)} 处" if len(found) > 1 else ""
    return f"数据库结构与本版本软件建立的不同:{found[0]}{more}"


def schema_of(conn: sqlite3.Connection) -> dict[tuple[str, str], tuple[str, str]]:
    """(type, name) -> (table, normalised SQL) of every object in the main database."""
    rows = conn.execute("SELECT type, name, tbl_name, sql FROM main.sqlite_master").fetchall()
    return {(kind, name): (table, _normalised(sql)) for kind, name, table, sql in rows
            if not (kind == "table" and name in SQLITE_OWN)}


def expected_schema() -> dict[tuple[str, str], tuple[str, str]]:
    global _expected
    with _building:
        if _expected is None:
            _expected = _made_by_migrations()
        return _expected


def _made_by_migrations() -> dict:
    from desktop.storage.db import Db
    from desktop.storage.migrations import migration_set

    db = Db(sqlite3.connect(":memory:"))
    try:
        migration_set().apply(db)
        return schema_of(db.conn)
    finally:
        db.close()


def _normalised(sql: str | None) -> str:
    """Quoting and spacing differ between the ways one definition may be written;
    anything else (a column, a type, a constraint, a clause) is a difference."""
    return _SPACE.sub(" ", _QUOTES.sub("", sql or "")).strip()


def _kind(key: tuple[str, str]) -> str:
    return KINDS.get(key[0], key[0])
