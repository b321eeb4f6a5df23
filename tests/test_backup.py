"""Backups (issue 7): automatic and rotating, encrypted to a USB stick, restored only
after a full check, the replaced store kept, and a new workstation id after restore."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.core.errors import Refusal
from desktop.safety import backup, vault
from desktop.safety.checks import check_file
from desktop.safety.restore import restore
from desktop.storage.attachments import attachment_path, store_bytes
from desktop.storage.store import Store
from desktop.sync import keys
from tests.helpers import TODAY, make_application, make_store
from tests.sync_world import World


@pytest.fixture
def store(tmp_path):
    s = make_store(tmp_path)
    from desktop.operations.casework import Casework

    Casework(s, TODAY).receive_many([make_application() for _ in range(3)])
    yield s
    s.close()


def test_auto_backups_rotate_and_skip_when_nothing_changed(store):
    from desktop.operations.casework import Casework

    store.set_settings({"backups_kept": 3})
    made = []
    for minute in range(5):
        Casework(store, TODAY).receive(make_application())
        made.append(backup.auto_backup(store, "close", datetime(2026, 12, 31, 9, minute)))
    assert backup.auto_backup(store, "close", datetime(2026, 12, 31, 10)) is None  # unchanged
    kept = backup.auto_backups(store.path.parent)
    assert kept == sorted(made[-3:], reverse=True)
    assert all(check_file(p, full=True).ok for p in kept)
    assert not backup.daily_due(store.path.parent, datetime(2026, 12, 31, 18))
    assert backup.daily_due(store.path.parent, datetime(2027, 1, 1, 8))


def test_the_officers_own_backups_are_not_pushed_out_by_automatic_ones(store):
    """An officer who took a copy before a risky day still finds it after ten closes."""
    from desktop.operations.casework import Casework

    store.set_settings({"backups_kept": 2})
    backup.auto_backup(store, "close", datetime(2026, 12, 1, 8))
    # asked for right after an automatic copy of the same state: still taken, as theirs
    own = backup.manual_backup(store, datetime(2026, 12, 1, 9))
    assert own is not None and backup.is_manual(own)
    assert backup.manual_backup(store, datetime(2026, 12, 1, 10)) is None  # theirs holds it
    for day in range(2, 12):
        Casework(store, TODAY).receive(make_application())
        backup.auto_backup(store, "close", datetime(2026, 12, day, 18))
    assert own.exists() and own in backup.local_backups(store.path.parent)
    assert len(backup.auto_backups(store.path.parent)) == 2
    later = []
    for hour in (10, 11):  # their own copies rotate among themselves
        Casework(store, TODAY).receive(make_application())
        later.append(backup.manual_backup(store, datetime(2026, 12, 12, hour)))
    assert not own.exists()
    assert [p for p in backup.local_backups(store.path.parent) if backup.is_manual(p)] == \
        later[::-1]


def test_the_days_backup_is_named_and_counted_by_chinas_day(store, set_clock, monkeypatch):
    """At 07:30 on 1 December in the village it is still 30 November in UTC (and on a
    laptop left on its seller's zone): the backup is that morning's, and it counts as
    the day's, so the window does not take another one at every start that day."""
    import time
    from datetime import timezone

    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    try:
        set_clock(datetime(2026, 11, 30, 23, 30, tzinfo=timezone.utc))
        assert backup.daily_due(store.path.parent)
        made = backup.auto_backup(store, "start")
        assert made.name.startswith(f"{backup.AUTO_PREFIX}20261201-0730")
        assert not backup.daily_due(store.path.parent)
        set_clock(datetime(2026, 12, 1, 16, 10, tzinfo=timezone.utc))  # 00:10 on the 2nd
        assert backup.daily_due(store.path.parent)
    finally:
        monkeypatch.undo()
        time.tzset()


def test_encrypted_backup_round_trip_with_attachments_and_a_new_id(store, tmp_path):
    digest = store_bytes(store.path.parent, b"scan of an ID card")
    usb = tmp_path / "usb"
    usb.mkdir()
    path = vault.write_backup(store, usb, "备份口令123", TODAY)
    raw = path.read_bytes()
    assert b"SQLite" not in raw and "张桂英".encode() not in raw  # sealed, names unreadable
    data_dir, old_id = store.path.parent, store.workstation["id"]
    events = store.db.execute("SELECT COUNT(*) FROM events").fetchone()[0]
    store.close()
    target = tmp_path / "new-laptop"
    with pytest.raises(Refusal, match="口令不对"):
        restore(target, path, passphrase="wrong-one", officer_passphrase="新口令456")
    assert not (target / "relief-desk.sqlite3").exists()
    done = restore(target, path, passphrase="备份口令123", officer_passphrase="新口令456")
    assert (done.old_id, done.events) == (old_id, events) and done.new_id != old_id
    assert attachment_path(target, digest).read_bytes() == b"scan of an ID card"
    again = Store.open(target)
    try:
        assert again.workstation["id"] == done.new_id
        assert keys.is_protected(target)
        keys.forget()
        assert keys.unlock(target, done.new_id, "新口令456").workstation_id == done.new_id
        from desktop.operations.casework import Casework

        new_case = Casework(again, TODAY).receive(make_application())
        seq = again.db.execute("SELECT workstation_id, seq FROM events WHERE case_id = ?",
                               [new_case]).fetchone()
        assert seq == (done.new_id, 1)  # never an old sequence number again
    finally:
        again.close()
    assert Store.open(data_dir).close() is None  # the source was never touched


def test_restore_keeps_the_replaced_store_and_refuses_a_damaged_backup(store, tmp_path):
    data_dir = store.path.parent
    good = backup.auto_backup(store, "close")
    bad = tmp_path / "bad.sqlite3"
    raw = bytearray(good.read_bytes())
    raw[len(raw) // 2:len(raw) // 2 + 4096] = b"\xff" * 4096
    bad.write_bytes(bytes(raw))
    (tmp_path / "note.txt").write_text("不是备份", encoding="utf-8")
    keys.load_or_create(data_dir, store.workstation["id"])
    store.close()
    before = (data_dir / "relief-desk.sqlite3").read_bytes()
    for file, why in ((bad, "不能用来恢复|已损坏"), (tmp_path / "none.sqlite3", "找不到"),
                      (tmp_path / "note.txt", "不是民生救助工作台的备份")):
        with pytest.raises(Refusal, match=why):
            restore(data_dir, file, passphrase=None, officer_passphrase="口令123456")
        assert (data_dir / "relief-desk.sqlite3").read_bytes() == before
    done = restore(data_dir, good, passphrase=None, officer_passphrase="口令123456")
    assert (done.replaced / "relief-desk.sqlite3").read_bytes() == before
    assert (done.replaced / "keys" / "workstation-keys.json").exists()
    assert Store.open(data_dir).workstation["id"] == done.new_id


def test_a_backup_of_another_village_is_refused(tmp_path):
    a = make_store(tmp_path)
    b = make_store(tmp_path, village="白水村", village_code="430522101202")
    other = backup.auto_backup(b, "close")
    b.close()
    data_dir = a.path.parent
    a.close()
    with pytest.raises(Refusal, match="另一个工作站"):
        restore(data_dir, other, passphrase=None, officer_passphrase="口令123456")


def test_after_restore_the_township_must_enroll_the_new_identity(tmp_path):
    """The safe behaviour with sync: the restored workstation writes under a new id, the
    township refuses it as unknown until it enrolls the new card, then all flows again:
    the village's new cases up, the township's decisions (all of them again) down."""
    from desktop.sync.identity import fingerprint, own_card
    from desktop.sync.peers import enroll
    from tests.sync_world import status

    w = World(tmp_path)
    try:
        (first,) = w.cases_ready(w.a, 1)
        assert all(r.ok for r in w.send(w.a, w.township))
        saved = backup.auto_backup(w.a, "close")
        data_dir = w.a.path.parent
        w.a.close()
        restore(data_dir, saved, passphrase=None, officer_passphrase="口令123456")
        w.a = Store.open(data_dir)
        (second,) = w.cases_ready(w.a, 1)
        (refused,) = w.send(w.a, w.township)
        assert "未登记的工作站" in refused.error  # never a clash of sequence numbers
        card = own_card(w.a)
        enroll(w.township, card, confirmed_fingerprint=fingerprint(card), replace=True)
        reports = w.send(w.a, w.township)
        assert all(r.ok and not r.refused for r in reports) and reports[0].new > 0, reports
        assert status(w.township, second) == "acknowledged"
        enroll(w.a, own_card(w.township), confirmed_fingerprint=fingerprint(
            own_card(w.township)))
        back = w.send(w.township, w.a)
        assert all(r.ok and not r.refused for r in back), back
        assert status(w.a, first) == status(w.a, second) == "acknowledged"
    finally:
        w.close()


def test_cli_backup_restore_and_doctor(tmp_path, capsys):
    data = tmp_path / "data"
    base = ["--data-dir", str(data), "--today", TODAY.isoformat()]
    assert main([*base, "demo", "--applications", "5"]) == 0
    assert main([*base, "doctor"]) == 0
    assert main([*base, "backup"]) == 0
    usb = tmp_path / "usb"
    usb.mkdir()
    assert main([*base, "backup", "--to", str(usb)]) == 0
    (file,) = usb.glob("*.rdbackup")
    conn = sqlite3.connect(data / "relief-desk.sqlite3")
    conn.execute("UPDATE event_log SET actor = 'x' WHERE n = 3")
    conn.commit()
    conn.close()
    capsys.readouterr()
    assert main([*base, "doctor"]) == 2
    out, err = capsys.readouterr()
    assert "内容被改动" in out and "relief-desk restore" in err and "backups/manual-" in err
    assert main([*base, "restore", str(file)]) == 0
    assert main([*base, "doctor"]) == 0
    assert main([*base, "restore", str(tmp_path / "missing.rdbackup")]) == 2


def test_a_manual_backup_is_named_manual_and_an_automatic_one_automatic(store, tmp_path,
                                                                         capsys):
    """`relief-desk backup` was saved as auto-…-manual-…: a manual backup is named as
    manual and an automatic one as automatic, never both."""
    from desktop.operations.casework import Casework

    data_dir = store.path.parent
    closing = backup.auto_backup(store, "close", datetime(2026, 1, 2, 9))  # long before
    Casework(store, TODAY).receive(make_application())
    store.close()
    base = ["--data-dir", str(data_dir), "--today", TODAY.isoformat()]
    assert main([*base, "backup"]) == 0
    manual = Path(capsys.readouterr().out.strip().removeprefix("已备份到 "))
    assert manual.name.startswith("manual-") and "auto" not in manual.name
    assert closing.name.startswith("auto-") and "manual" not in closing.name
    assert backup.local_backups(data_dir) == [manual, closing]
    assert backup.auto_backups(data_dir) == [closing]


def test_a_backup_under_the_old_manual_name_is_still_listed_and_restored(store, tmp_path):
    """Backups taken before the names changed (auto-<time>-manual-<mark>) stay usable:
    counted as manual, offered after damage, restored."""
    data_dir = store.path.parent
    made = backup.manual_backup(store, datetime(2026, 12, 30, 9))
    old = made.with_name(made.name.replace("manual-", "auto-", 1).replace(
        "-", "-manual-", 3).replace("-manual-", "-", 2))
    made.rename(old)
    assert old.name.startswith("auto-20261230-090000-manual-")
    assert backup.local_backups(data_dir) == [old] and backup.is_manual(old)
    assert backup.latest_good(data_dir) == old
    assert not backup.daily_due(data_dir, datetime(2026, 12, 30, 18))
    store.close()
    done = restore(data_dir, old, passphrase=None, officer_passphrase="口令123456")
    assert Store.open(data_dir).workstation["id"] == done.new_id
