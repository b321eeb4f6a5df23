"""The start-up check is quick and catches a ledger that lost rows; `doctor` is thorough
and also catches a ledger whose values differ from what the log says."""

from __future__ import annotations

import sqlite3

import pytest

from desktop.cli import main
from desktop.operations.casework import Casework
from desktop.safety.startup import examine
from tests.helpers import TODAY, advance, make_application, make_store

INCONSISTENT = "台账与事件日志不一致"


@pytest.fixture
def data_dir(tmp_path):
    store = make_store(tmp_path)
    work = Casework(store, TODAY)
    for case_id in work.receive_many([make_application() for _ in range(3)]):
        advance(work, case_id, "investigated")
    folder = store.path.parent
    store.close()
    return folder


def damage(data_dir, sql: str) -> None:
    conn = sqlite3.connect(data_dir / "relief-desk.sqlite3")
    conn.execute(sql)
    conn.commit()
    conn.close()


def test_a_whole_store_passes_both_checks(data_dir):
    assert examine(data_dir).health.ok
    assert examine(data_dir, full=True).health.ok


def test_the_start_up_check_finds_a_lost_timeline_row(data_dir):
    damage(data_dir, "DELETE FROM case_steps WHERE (workstation_id, seq) ="
                     " (SELECT workstation_id, seq FROM case_steps ORDER BY seq DESC LIMIT 1)")
    assert INCONSISTENT in " ".join(examine(data_dir).health.problems)


def test_the_start_up_check_finds_a_lost_case(data_dir):
    conn = sqlite3.connect(data_dir / "relief-desk.sqlite3")
    conn.execute("PRAGMA foreign_keys = OFF")
    conn.execute("DELETE FROM applications WHERE rowid = 1")
    conn.commit()
    conn.close()
    assert INCONSISTENT in " ".join(examine(data_dir).health.problems)


def test_doctor_finds_a_changed_value_the_quick_check_cannot(data_dir, capsys):
    damage(data_dir, "UPDATE applications SET status = 'approved' WHERE rowid = 1")
    assert examine(data_dir).health.ok  # counts still agree: the quick check passes
    assert INCONSISTENT in " ".join(examine(data_dir, full=True).health.problems)
    assert main(["--data-dir", str(data_dir), "doctor"]) == 2
    assert "rebuild" in capsys.readouterr().out


@pytest.mark.parametrize("blob", [b"\x02\xe0" + bytes(8), b"\x01\xff\xff", b"\x02garbage"])
def test_doctor_names_a_payload_altered_on_disk_and_does_not_crash(data_dir, capsys, blob):
    """A compressed payload changed on disk reads as no text: doctor names the altered
    event in the chain and says the ledger could not be compared (replaying the log would
    stop at that event); it once ended in an internal error (JSONDecodeError)."""
    damage(data_dir, "UPDATE event_log SET payload = x'%s' WHERE n = 2" % blob.hex())
    problems = " ".join(examine(data_dir, full=True).health.problems)
    assert "校验链断开" in problems and "未能与事件日志比对" in problems
    assert main(["--data-dir", str(data_dir), "doctor"]) == 2
    assert "内部错误" not in capsys.readouterr().err
