"""The workstation's store: one SQLite file in the data directory, holding the event log
(the truth), the projections, the workstation identity and the policy settings."""

from __future__ import annotations

import json
import sqlite3
from datetime import date
from pathlib import Path

from desktop.core import clock
from desktop.core.clock import now_utc  # the stamp; imported from here by sync and filing
from desktop.core.errors import Refusal, os_reason
from desktop.core.policy import Policy, policy_from_settings
from desktop.core.ways import way
from desktop.core.workstation import check_workstation
from desktop.paths import store_path
from desktop.safety import lock
from desktop.safety.perms import private_dir, private_file
from desktop.storage import eventlog
from desktop.storage.compact_schema import NAME as COMPACTING
from desktop.storage.db import connect, writing
from desktop.storage.edition_projections import local_edit_problem, policy_in_force
from desktop.storage.log_schema import NAME as PACKING
from desktop.storage.migrations import KNOWN, MIGRATION_SET, applied_names, migration_set


class Store:
    def __init__(self, db, path: Path, today: date | None = None):
        self.db = db
        self.path = path
        self.workstation: dict = next(db.query("SELECT * FROM workstation LIMIT 1"))
        self.policy: Policy = Policy()
        self.editions: list = []  # the editions of policy in force (issued from above)
        self.refresh_policy(today)

    def refresh_policy(self, today: date | None = None) -> None:
        """The policy in force on `today`: the local settings, overlaid by the latest
        edition of each issuer that has taken effect (a new one recomputes due dates)."""
        self.today = today or clock.today()
        self.policy, self.editions = policy_in_force(self, self.today)

    # -- opening -------------------------------------------------------------------------
    @classmethod
    def create(cls, data_dir: Path, identity: dict, *, demo: bool = False) -> "Store":
        """A new workstation in `data_dir` (refused if one is already there).
        A demo workstation is marked so that demo data never mixes with real cases."""
        ws = check_workstation(identity)
        ws["demo"] = int(demo)
        path = store_path(data_dir)
        if path.exists():
            raise Refusal(f"{data_dir} 已经是一个工作站的数据目录,不能重复初始化。"
                          f"如需重新开始,请{way('new_data_dir')}。")
        try:  # a stick pulled out, a drive not there, a file of that name
            Path(data_dir).mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise Refusal(f"无法建立数据目录 {data_dir}:{os_reason(exc)}。"
                          f"请换一个可写的位置。") from None
        private_dir(data_dir)
        lock.acquire(data_dir)
        db = connect(path)
        try:
            private_file(path)
            migration_set().apply(db)
            _compact_new(db)
            import uuid  # here, not at the top: it loads `platform`, 8 ms of each start

            ws["id"] = uuid.uuid4().hex
            ws["created_at"] = now_utc()
            with writing(db):
                db["workstation"].insert(ws)
        except BaseException:
            db.close()
            path.unlink(missing_ok=True)
            lock.release(data_dir)
            raise
        return cls(db, path)

    @classmethod
    def open(cls, data_dir: Path, today: date | None = None) -> "Store":
        path = store_path(data_dir)
        if not path.exists():
            raise Refusal(f"{data_dir} 中没有工作站数据。请先{way('init')}建立工作站,"
                          f"或{way('other_data_dir')}正确的数据目录。")
        db = None
        lock.acquire(data_dir)
        try:
            private_dir(data_dir)
            _looks_like_a_store(path)
            db = connect(path)
            _check_version(db, data_dir)
            _migrate(db, path)
            return cls(db, path, today)
        except sqlite3.DatabaseError:
            db and db.close()
            lock.release(data_dir)
            raise Refusal(f"{path} 不是有效的数据库文件或已损坏。请{way('doctor')}检查,"
                          f"并从备份恢复({way('restore')})。") from None
        except BaseException:
            db and db.close()
            lock.release(data_dir)
            raise

    def close(self) -> None:
        self.db.close()
        lock.release(self.path.parent)

    # -- writing -------------------------------------------------------------------------
    def transaction(self):
        return writing(self.db)

    def record(self, *, actor: str, case_id: str, type_: str, payload: dict,
               workstation_id: str | None = None) -> eventlog.Event:
        """Append an event and project it (inside `transaction()`). Events are this
        workstation's own unless `workstation_id` names another (the demo's township)."""
        event = eventlog.append(self.db, workstation_id=workstation_id or self.workstation["id"],
                                recorded_at=now_utc(), actor=actor, case_id=case_id,
                                type_=type_, payload=payload)
        apply_event(self.db, event, self.policy)
        return event

    def set_settings(self, changes: dict) -> None:
        problem = local_edit_problem(self, changes)
        if problem:
            raise Refusal(problem)
        merged = self.policy.to_settings() | changes
        policy = policy_from_settings(merged)
        from desktop.storage.projections import rebuild

        with self.transaction():
            for key, value in changes.items():
                self.db["settings"].upsert({"key": key, "value": json.dumps(value)}, pk="key")
            rebuild(self.db, policy)  # due dates and cap flags follow the new policy
        self.policy = policy

    def rebuild(self) -> int:
        from desktop.storage.projections import rebuild

        with self.transaction():
            return rebuild(self.db, self.policy)


# Pages of 8 KB: a page of 4 KB left a tenth of the log unused (its rows are 0.7 KB on
# average, an application as received 2 KB); measured on the benchmark's county store
# (10,000 cases), 7,342 → 7,035 bytes a case. Set when the file is made: changing it later
# means rewriting the whole file.
PAGE_SIZE = 8192


def apply_event(db, event, policy) -> None:
    """The projections' own, loaded with the first event recorded: they bring the rule
    book, which opening a store to read it does not need (start-up time)."""
    from desktop.storage.projections import apply_event as project

    project(db, event, policy)


def _compact_new(db) -> None:
    """A new store's file without the free pages of the tables its migrations made again
    (0008, 0013), in pages of PAGE_SIZE (which only VACUUM outside WAL can set)."""
    db.execute("PRAGMA journal_mode=DELETE")
    db.execute(f"PRAGMA page_size={PAGE_SIZE}")
    db.execute("VACUUM")
    db.execute("PRAGMA journal_mode=WAL")


def _looks_like_a_store(path: Path) -> None:
    """Checked read-only first, so that a file of another program is never written to."""
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if "workstation" not in tables or not conn.execute(
                "SELECT COUNT(*) FROM workstation").fetchone()[0]:
            raise Refusal(f"{path} 不是民生救助工作台的数据文件(没有工作站信息),"
                          f"请{way('other_data_dir')}正确的数据目录。")
    finally:
        conn.close()


def _check_version(db, data_dir) -> None:
    newer = [name for name in applied_names(db.conn) if name not in KNOWN]
    if newer:
        raise Refusal(f"{data_dir} 的数据由更新版本的民生救助工作台建立(数据版本 {newer[-1]}),"
                      f"本版本无法打开。请安装最新版本后再打开。")


def _migrate(db, path: Path) -> None:
    """Apply pending migrations, copying the file first (SQLite backup API) so that a
    failed migration can always be undone by hand."""
    applied = applied_names(db.conn)
    pending = [name for name in KNOWN if name not in applied]
    if not pending:
        return
    if applied:
        backup = path.with_name(f"{path.name}.before-{pending[0]}.bak")
        target = sqlite3.connect(str(backup))
        with target:
            db.conn.backup(target)
        target.close()
    migration_set().apply(db)
    if applied and {COMPACTING, PACKING} & set(pending):
        # 0008 left the old history's pages free inside the file, 0016 the old log's:
        # give them back (the copy above is the way back). Outside any transaction, as VACUUM must be. It
        # needs room for a second copy: without it the free pages stay, to be reused.
        try:
            db.execute("VACUUM")
        except sqlite3.OperationalError:
            pass


__all__ = ["Store", "MIGRATION_SET"]
