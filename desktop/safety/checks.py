"""The start-up check (and `relief-desk doctor`): is the store whole? Five questions,
cheapest first: SQLite's own page check, whether the schema is exactly what the
migrations make (schema.py: no planted trigger, view, table or column), the event log's
hash chains (a village holds the township's chain only in part, by design: sync.chains
knows), whether the ledger tables are what the log says, and whether the log agrees with
the newest chain head this workstation signed (chainhead.py).

At start-up the hash chains are re-hashed only after the last checkpoint: the newest head
this workstation signed after verifying the chains up to it (chainhead.checkpoint), so a
million-event store is checked in the time its newest events take; `doctor` and the
thorough check hash every event. At start-up the ledger question is answered by counting
(every event has its timeline row, every receipt its case), which stays quick on ten
years of records. The thorough answer, `rebuild` replayed on a copy in memory and
compared table by table, is for `doctor`, for a backup before it is trusted and for a
restore (`full=True`): it takes seconds per ten thousand cases. Neither writes to the file it checks."""

from __future__ import annotations

import hashlib
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from desktop.core.ways import way
from desktop.paths import store_path
from desktop.storage.packing import register


@dataclass
class Health:
    problems: list[str] = field(default_factory=list)  # damage: restore is offered
    warnings: list[str] = field(default_factory=list)  # not damage, but worth doing

    @property
    def ok(self) -> bool:
        return not self.problems


def check_file(path: Path, *, full: bool = False, keys_dir: Path | None = None,
               live: bool = False) -> Health:
    """Check a store file (live or a backup) without writing to it. `keys_dir`: the data
    directory whose signed chain head the store must agree with (chainhead.py); `live`:
    the file is that directory's own store, not an older backup."""
    health = Health()
    try:
        conn = register(sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True))
    except sqlite3.Error:
        health.problems.append(f"无法打开数据库文件 {path}")
        return health
    try:
        _pages(conn, full, health)
        if health.ok and not full:
            _contents(conn, health, thorough=False, keys_dir=keys_dir, live=live)
        elif health.ok:
            copy = register(sqlite3.connect(":memory:"))
            try:
                conn.backup(copy)
                _contents(copy, health, thorough=True, keys_dir=keys_dir, live=live)
            finally:
                copy.close()
    except sqlite3.DatabaseError as exc:
        health.problems.append(f"数据库文件已损坏({exc.__class__.__name__})")
    finally:
        conn.close()
    return health


def check_data_dir(data_dir: Path, *, full: bool = False) -> Health:
    from desktop.sync import keys

    health = check_file(store_path(data_dir), full=full, keys_dir=data_dir, live=True)
    if health.ok and keys.is_protected(data_dir) is False and not _is_demo(data_dir):
        health.warnings.append(f"本机密钥没有用口令加密。请{way('set_passphrase')}设置口令。")
    return health


def _contents(conn, health: Health, *, thorough: bool, keys_dir: Path | None,
              live: bool) -> None:
    """Schema first (nothing of the file's own is run before it is known to be ours),
    then the log and the ledger, then the signed chain head."""
    if not _is_a_store(conn, health) or not _schema(conn, health, migrate=thorough):
        return
    _log_and_ledger(conn, health, thorough=thorough, keys_dir=keys_dir)
    if health.ok:
        from desktop.safety import chainhead

        health.problems += chainhead.problems(conn, keys_dir, live=live)


def _schema(conn, health: Health, *, migrate: bool) -> bool:
    """Whether the schema is the one the migrations make. A store of an older version is
    compared after its migrations (`migrate`: `conn` is a copy in memory) or, at the
    quick start-up check, not at all: it is migrated when opened, and checked next time.
    A newer version is left to the version checks (restore, opening refuse it)."""
    from desktop.safety import schema

    state = schema.version_state(conn)
    if state == "older" and migrate:
        try:
            _migrate_copy(conn)
        except Exception as exc:  # noqa: BLE001  a hostile file may break a migration anyhow
            health.problems.append(f"数据库结构与本版本软件建立的不同,无法升级({exc.__class__.__name__})")
            return False
        state = schema.version_state(conn)
    if state != "current":
        return True
    found = schema.problem(conn)
    if found:
        health.problems.append(found)
    return found is None


def _migrate_copy(conn) -> None:
    from desktop.storage.db import Db
    from desktop.storage.migrations import migration_set

    migration_set().apply(Db(conn))


def _pages(conn, full: bool, health: Health) -> None:
    pragma = "integrity_check" if full else "quick_check"
    rows = [r[0] for r in conn.execute(f"PRAGMA {pragma}").fetchall()]
    if rows != ["ok"]:
        health.problems.append(f"数据库文件有损坏的页({'; '.join(rows[:3])})")


def _is_a_store(conn, health: Health) -> bool:
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if "workstation" not in tables or not tables & {"events", "event_log"}:  # log: 0016
        health.problems.append("不是民生救助工作台的数据文件(缺少工作站或事件日志)")
        return False
    return True


def _log_and_ledger(conn, health: Health, *, thorough: bool, keys_dir: Path | None) -> None:
    from desktop.safety.chainhead import checkpoint
    from desktop.storage.db import Db
    from desktop.storage.eventlog import verify_chain
    from desktop.sync.chains import filtered_chains

    db = Db(conn)
    tables = set(db.table_names())
    own = dict(next(iter(db["workstation"].rows), None) or {})
    if not own:
        health.problems.append("数据文件中没有工作站信息")
        return
    own.setdefault("role", "")
    if own["role"] == "village" and "peers" not in tables:
        own = {**own, "role": "?"}
    # The quick check hashes only what entered the store after the last verified
    # checkpoint (issue 17: ~9 s per million events otherwise); doctor hashes it all.
    after = 0 if thorough else checkpoint(conn, keys_dir)
    chain = verify_chain(db, filtered_chains(db, own), after=after)
    if chain:
        health.problems.append(f"事件日志的校验链断开:{'; '.join(chain[:3])}"
                               + (f" 等 {len(chain)} 处" if len(chain) > 3 else ""))
        if thorough:  # replaying an altered log may stop at the event that no longer reads
            health.problems.append("台账未能与事件日志比对:日志中有被改动的事件,不能据以重建")
            return
    if not (projections_match(db) if thorough else projections_counted(db, after=after)):
        health.problems.append(f"台账与事件日志不一致({way('rebuild')})")


def projections_counted(db, *, after: int = 0) -> bool:
    """The quick consistency check: every case event has its timeline row and no other
    row is there, and every receipt has its case. With a checkpoint (`after`, the rowid
    of its event) the events before it are not read (a million of them took 3 s): each
    event after it must have its row, and the cases must be as many as their receipts'
    rows; `doctor` compares everything."""
    from desktop.core.workflow import EVENT_TYPES, RECEIVED_EVENT

    types = [RECEIVED_EVENT, *EVENT_TYPES.values()]
    marks = ",".join("?" * len(types))
    if after:
        return _counted_after(db, after, marks, types)
    missing, events = db.execute(
        "SELECT SUM(NOT EXISTS (SELECT 1 FROM case_steps h WHERE h.application_id ="
        " e.case_id AND h.workstation_id = e.workstation_id AND h.seq = e.seq)), COUNT(*)"
        f" FROM events e WHERE e.type IN ({marks})",
        types).fetchone()
    history = db.execute("SELECT COUNT(*) FROM case_steps").fetchone()[0]
    received = db.execute("SELECT COUNT(*) FROM events WHERE type = ?",
                          [RECEIVED_EVENT]).fetchone()[0]
    cases = db.execute("SELECT COUNT(*) FROM applications").fetchone()[0]
    return not missing and history == events and cases == received


def _counted_after(db, after: int, marks: str, types: list[str]) -> bool:
    from desktop.core.workflow import RECEIVED_EVENT

    missing, lost = db.execute(
        "SELECT SUM(NOT EXISTS (SELECT 1 FROM case_steps h WHERE h.application_id ="
        " e.case_id AND h.workstation_id = e.workstation_id AND h.seq = e.seq)),"
        " SUM(e.type = ? AND NOT EXISTS (SELECT 1 FROM applications a WHERE a.id = e.case_id))"
        f" FROM events e WHERE e.rowid > ? AND e.type IN ({marks})",
        [RECEIVED_EVENT, after, *types]).fetchone()
    receipts = db.execute("SELECT COUNT(*) FROM case_steps WHERE action = 'receive'"
                          ).fetchone()[0]
    cases = db.execute("SELECT COUNT(*) FROM applications").fetchone()[0]
    return not missing and not lost and cases == receipts


def projections_match(db) -> bool:
    """Rebuild the ledger from the log inside a savepoint, compare, roll back."""

    from desktop.storage import projections
    from desktop.storage.edition_projections import projected_policy
    from desktop.storage.migrations import PROJECTION_TABLES

    tables = list(PROJECTION_TABLES) + [t for f in projections._features() for t in f.TABLES]
    policy = projected_policy(db)  # the local settings and the editions then in force
    conn = db.conn
    conn.execute("SAVEPOINT relief_desk_check")
    try:
        before = _digest(conn, tables)
        projections.rebuild(db, policy)
        return _digest(conn, tables) == before
    finally:
        conn.execute("ROLLBACK TO relief_desk_check")
        conn.execute("RELEASE relief_desk_check")


def _digest(conn, tables: list[str]) -> str:
    h = hashlib.sha256()
    for table in tables:
        cols = [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]
        order = ", ".join(cols)
        for row in conn.execute(f"SELECT {order} FROM {table} ORDER BY {order}"):
            h.update(repr(row).encode("utf-8"))
        h.update(b"|")
    return h.hexdigest()


def _is_demo(data_dir: Path) -> bool:
    try:
        conn = sqlite3.connect(f"{store_path(data_dir).resolve().as_uri()}?mode=ro", uri=True)
        try:
            return bool(conn.execute("SELECT demo FROM workstation").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.Error:
        return False
