"""A store whose schema is not exactly what the migrations make (issue 12, item 4) is
refused: by restore before anything is replaced, and by `doctor` / the start-up check as
a damaged store. The committed fixture DBs of older versions still pass once migrated."""

from __future__ import annotations

import shutil
import sqlite3

import pytest

from desktop.cli import main
from desktop.core.errors import Refusal
from desktop.operations.casework import Casework
from desktop.paths import store_path
from desktop.safety import backup
from desktop.safety.checks import check_file
from desktop.safety.restore import restore
from desktop.safety.startup import examine
from desktop.storage.store import Store
from tests.helpers import TODAY, make_application, make_store
from tests.test_store import FIXTURES

# The attack of issue 12: a trigger that deactivates every enrolled station on the next
# event written (on the table under the view `events`, storage/log_schema.py).
TRIGGER = ("CREATE TRIGGER keep_in_sync AFTER INSERT ON event_log"
           " BEGIN UPDATE peers SET active = 0; END")
PLANTS = [  # (test id, what the refusal names, the SQL that plants it)
    ("trigger", "触发器 keep_in_sync", TRIGGER),
    ("view", "视图 all_ids", "CREATE VIEW all_ids AS SELECT applicant_id_number FROM applications"),
    ("table", "表 notes", "CREATE TABLE notes (x TEXT)"),
    ("index", "索引 idx_peek", "CREATE INDEX idx_peek ON event_log (actor)"),
    ("column", "表 peers 的定义被改动", "ALTER TABLE peers ADD COLUMN note TEXT"),
    ("changed-index", "索引 idx_applications_ledger 的定义被改动",
     "DROP INDEX idx_applications_ledger; CREATE INDEX idx_applications_ledger"
     " ON applications (received_on)"),
]


@pytest.fixture
def data_dir(tmp_path):
    store = make_store(tmp_path)
    Casework(store, TODAY).receive_many([make_application() for _ in range(3)])
    folder = store.path.parent
    store.close()
    return folder


def plant(path, sql: str) -> None:
    conn = sqlite3.connect(path)
    conn.executescript(sql)
    conn.commit()
    conn.close()


@pytest.mark.parametrize(("named", "sql"), [p[1:] for p in PLANTS], ids=[p[0] for p in PLANTS])
def test_anything_the_migrations_did_not_make_is_named(data_dir, named, sql):
    plant(store_path(data_dir), sql)
    (problem,) = check_file(store_path(data_dir), full=True).problems
    assert "数据库结构" in problem and named in problem
    assert examine(data_dir).health.problems == [problem]  # the start-up check too


def test_doctor_refuses_a_live_store_with_a_planted_trigger(data_dir, capsys):
    conn = sqlite3.connect(store_path(data_dir))
    good = backup.auto_backup_of(conn, data_dir, 3, "close")
    conn.close()
    plant(store_path(data_dir), TRIGGER)
    assert main(["--data-dir", str(data_dir), "doctor"]) == 2
    out, err = capsys.readouterr()
    assert "触发器 keep_in_sync" in out
    assert len(err.strip().splitlines()) == 1 and f"relief-desk restore {good}" in err


def test_restore_refuses_a_backup_with_a_planted_trigger_and_changes_nothing(data_dir,
                                                                             tmp_path, capsys):
    store = Store.open(data_dir)
    saved = backup.auto_backup(store, "close")
    store.close()
    forged = tmp_path / "auto-20261230-close.sqlite3"
    shutil.copyfile(saved, forged)
    plant(forged, TRIGGER)
    before = store_path(data_dir).read_bytes()
    with pytest.raises(Refusal, match="触发器 keep_in_sync"):
        restore(data_dir, forged, passphrase=None, officer_passphrase="口令123456")
    assert main(["--data-dir", str(data_dir), "restore", str(forged)]) == 2
    assert "不能用来恢复" in capsys.readouterr().err
    assert store_path(data_dir).read_bytes() == before
    assert not list(data_dir.glob("replaced-*"))
    assert backup.latest_good(data_dir) == saved  # the planted file is never offered


@pytest.mark.parametrize("name", sorted(FIXTURES))
def test_each_fixture_passes_before_and_after_it_is_migrated(name, tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    shutil.copyfile(FIXTURES[name], store_path(data))
    assert check_file(store_path(data), full=True).ok  # compared after migrating a copy
    Store.open(data).close()
    assert examine(data).health.ok and examine(data, full=True).health.ok


def test_an_older_fixture_with_a_planted_trigger_is_refused_after_its_migrations(tmp_path):
    older = tmp_path / "old.sqlite3"
    shutil.copyfile(FIXTURES["0001"], older)
    # on a table no migration makes again (0016 makes the log's anew: a trigger on the
    # old one goes with it)
    plant(older, "CREATE TRIGGER quiet AFTER INSERT ON settings BEGIN SELECT 1; END")
    (problem,) = check_file(older, full=True).problems
    assert "触发器 quiet" in problem
