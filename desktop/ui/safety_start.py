"""The GUI's start, as far as safety goes: open the store, check it whole once the window
shows (and offer the latest good backup when it is damaged), take the day's backup, ask
the passphrase that opens the keys, and make sure the window has its 数据安全 menu.

The whole check reads every page and every event: seconds on a large store. It runs in
a thread of its own after the window is shown, so that the officer sees the ledger at
once; a store that will not even open is checked before anything else, as before."""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path

from PySide6.QtCore import QObject, QTimer

from desktop.core.errors import Refusal
from desktop.paths import store_path
from desktop.ui.i18n import tr
from desktop.ui.safety_dialogs import FORGOT, TITLE, ask_passphrase, damaged_store_choice

CHECK_DELAY_MS = 300
choose_on_damage = damaged_store_choice  # tests replace these two
ask = ask_passphrase
TRIES = 3


def check_before_open(data_dir: Path) -> None:
    """Clean what a crash left, check the store; on damage: restore, open anyway, or quit."""
    from desktop.safety.restore import restore
    from desktop.safety.startup import examine

    report = examine(data_dir)
    if report.health.ok:
        return
    if report.latest_good is None:
        from desktop.storage.store import Store

        Store.open(data_dir).close()  # a file that is no store at all is refused as such
    choice = choose_on_damage(None, report)
    if choice == "quit":
        raise Refusal(report.advice())
    if choice == "restore":
        officer = ask(None, tr("请设置本机口令(用来加密恢复后新生成的密钥,至少 6 个字符)。"), confirm=True)
        if not officer:
            raise Refusal(report.advice())
        restore(data_dir, report.latest_good, passphrase=None, officer_passphrase=officer)


def open_store(data_dir: Path):
    """The store, opened; one that will not open is checked first and may be restored."""
    from desktop.storage.store import Store

    try:
        return Store.open(data_dir)
    except Refusal:
        if not store_path(data_dir).exists():
            raise
    check_before_open(data_dir)  # a lock or a newer version passes and is refused again
    return Store.open(data_dir)


def check_in_background(window):
    """Check the open store whole (and take the day's backup) beside the shown window."""
    from desktop.safety.backup import daily_due
    from desktop.ui.background import Job

    data_dir, keep = window.store.path.parent, window.store.policy.backups_kept
    job = Job(lambda: _check_and_back_up(data_dir, keep))
    window.startup_check = job
    window.statusBar().showMessage(tr("正在检查数据并做今天的自动备份……") if daily_due(data_dir)
                                   else tr("正在检查数据……"))
    _Receiver(window, job)
    return job


class _Receiver(QObject):
    """Starts the check once the window has painted (so that it does not slow the first
    look) and takes its result. A child of the window: gone with it, so a result that
    arrives after the window was replaced (a restore) or closed is dropped."""

    def __init__(self, window, job):
        super().__init__(window)
        self.window, self.job = window, job
        job.done.connect(self.checked)
        job.refused.connect(self.refused)
        QTimer.singleShot(CHECK_DELAY_MS, self.start)

    def start(self) -> None:
        self.job.start()

    def checked(self, report) -> None:
        _checked(self.window, report)

    def refused(self, text: str) -> None:
        from desktop.ui.guard import gui_text

        self.window.statusBar().showMessage(gui_text(text))


def _check_and_back_up(data_dir: Path, keep: int):
    from desktop.safety import backup
    from desktop.safety.startup import examine

    report = examine(data_dir)
    if report.health.ok and backup.daily_due(data_dir):
        conn = sqlite3.connect(f"{store_path(data_dir).resolve().as_uri()}?mode=ro", uri=True)
        try:
            backup.auto_backup_of(conn, data_dir, keep, "daily")
        finally:
            conn.close()
    return report


def _checked(window, report) -> None:
    from PySide6.QtWidgets import QMessageBox

    bar = window.statusBar()
    if report.health.ok:
        from desktop.ui.guard import gui_text

        bar.showMessage(gui_text(" ".join([tr("数据检查通过。"), *report.health.warnings])), 15000)
        return
    choice = choose_on_damage(window, report)
    if choice == "restore":
        window.safety_panel.restore_from(report.latest_good, None)
    elif choice == "quit":
        from desktop.ui.guard import gui_text

        QMessageBox.critical(window, tr(TITLE), gui_text(report.advice()))
        window.close()
    else:
        from desktop.ui.guard import gui_text

        bar.showMessage(gui_text(tr("数据检查发现问题:{problems}。请尽快从备份恢复。").format(
                                     problems=report.health.problems[0])))


def install_prompt() -> None:
    """Sealed keys needed later (an export) ask through a dialog."""
    from desktop.sync import keys

    keys.set_prompt(lambda text: ask(None, text + tr("。")))


def unlock_keys(store) -> bool:
    """Ask the passphrase at start; a wrong one may be tried again, a cancel is allowed
    (the keys are then asked for when a bundle is first made or read)."""
    import os

    from desktop.sync import keys

    data_dir, ws_id = store.path.parent, store.workstation["id"]
    if not keys.is_protected(data_dir) or os.environ.get(keys.PASSPHRASE_ENV):
        return True
    from desktop.sync.identity import place_name  # (not loaded at start unless asked)

    # which workstation: a township's laptop may hold a training copy beside the real one
    text = tr("请输入{place}({officer})的本机口令(用于打开本机密钥,导出、导入数据包时需要)。").format(
        place=place_name(store.workstation), officer=store.workstation["officer"])
    for _ in range(TRIES):
        secret = ask(None, text, forgot=True)
        if secret == FORGOT:
            from desktop.ui.keys_panel import reset_at_start

            return reset_at_start(store, ask)
        if not secret:
            return False
        try:
            with _checking():
                keys.unlock(data_dir, ws_id, secret)
            return True
        except keys.WrongPassphrase as exc:
            text = exc.message
    return False


@contextlib.contextmanager
def _checking():
    """Deriving the key from a passphrase takes a second or two, before any window is
    shown: a small window says so (the screen had stayed empty meanwhile)."""
    from PySide6.QtWidgets import QApplication, QProgressDialog

    note = QProgressDialog(tr("正在核对口令……"), "", 0, 0)
    note.setCancelButton(None)
    note.setWindowTitle(tr(TITLE))
    note.setMinimumDuration(0)
    note.show()
    QApplication.processEvents()
    try:
        yield
    finally:
        note.close()
        note.deleteLater()


def ensure_menu(window) -> None:
    if not hasattr(window, "safety_panel"):
        from desktop.ui import safety_panel

        safety_panel.install(window)
