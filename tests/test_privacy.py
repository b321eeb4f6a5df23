"""No ID number, phone number or name at rest outside the database (issue 7): a whole
run on demo data, a bug report made from an exception that names a person, then every
file under the log folder and every non-database file of the data directory is scanned."""

from __future__ import annotations

import sqlite3

from desktop.cli import main
from desktop.safety.logscan import leaks, personal_data
from tests.helpers import TODAY


def test_no_personal_data_in_logs_crash_reports_or_loose_files(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    from platformdirs import user_log_dir

    data, usb = tmp_path / "data", tmp_path / "usb"
    usb.mkdir()
    base = ["--data-dir", str(data), "--today", TODAY.isoformat()]
    for args in (["demo", "--applications", "40"], ["applications", "list"],
                 ["applications", "list", "--format", "json"], ["rebuild"], ["backup"],
                 ["backup", "--to", str(usb)], ["doctor"],
                 ["identity", "export", "-o", str(usb / "card.json")]):
        assert main([*base, *args]) == 0, args
    conn = sqlite3.connect(data / "relief-desk.sqlite3")
    needles = personal_data(conn)
    conn.close()
    assert len(needles) > 60
    victim = sorted(needles)[0]

    def buggy():
        raise KeyError(f"申请人 {victim} 的记录")  # a bug whose message names someone

    monkeypatch.setattr("desktop.cli.commands._with_store", lambda *a: buggy())
    assert main([*base, "applications", "list"]) == 1
    logs = __import__("pathlib").Path(user_log_dir("relief-desk", appauthor=False))
    assert list(logs.glob("crash-*.txt")), "the bug report was written"
    assert leaks([logs, data, usb, tmp_path / "cache"], needles) == []
