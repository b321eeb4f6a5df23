"""The 数据安全 menu: back up now, an encrypted backup to a USB stick, restore, check the
data; and the automatic backups (daily, and when the program closes). The main window
only calls `install(main_window)`; the work is desktop.safety's."""

from __future__ import annotations

from importlib import import_module
from pathlib import Path

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from desktop.core.errors import Refusal
from desktop.safety import backup
from desktop.ui import worker
from desktop.ui.i18n import tr
from desktop.ui.places import incoming
from desktop.ui.safety_dialogs import TITLE, ask_passphrase

HOUR_MS = 60 * 60 * 1000


def install(main_window) -> "SafetyPanel":
    """Add the 数据安全 menu to `main_window` (which has .store, .today, .refresh)."""
    panel = SafetyPanel(main_window)
    main_window.safety_panel = panel
    menu = main_window.menuBar().addMenu(tr("数据安全(&S)"))
    for text, slot in ((tr("立即备份(&N)"), panel.backup_now), (tr("备份到U盘(加密)(&U)…"), panel.backup_to_usb),
                       (tr("从备份恢复(&R)…"), panel.restore), (tr("检查数据(&C)"), panel.check)):
        menu.addAction(text, slot)
    panel.menu = menu
    # the passphrase and rebuild items: keys_panel loads when one is chosen. (The first
    # daily backup comes with the start-up check, safety_start.)
    menu.addSeparator()
    for text, name in ((tr("设置或更改本机口令(&K)…"), "change_passphrase"),
                       (tr("忘记口令(重新生成密钥)(&F)…"), "reset_keys"),
                       (tr("重建台账(&B)"), "rebuild_ledger")):
        menu.addAction(text, lambda n=name: getattr(
            import_module("desktop.ui.keys_panel"), n)(panel))
    return panel


class SafetyPanel(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.messages: list[str] = []  # what was said last (tests read it)
        self.replacement = None  # the window that took over after a restore
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.daily)
        self.timer.start(HOUR_MS)
        app = QApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.on_close)

    @property
    def store(self):
        return self.window.store

    # -- what tests replace -------------------------------------------------------------
    def ask_folder(self) -> str:
        return QFileDialog.getExistingDirectory(self.window, tr("选择备份存放的文件夹(U 盘)"),
                                               incoming())

    def ask_file(self) -> str:
        # the automatic backups are kept in the data folder (a stick's are chosen there)
        path, _ = QFileDialog.getOpenFileName(
            self.window, tr("选择备份文件"), str(backup.backups_dir(self.store.path.parent)),
            tr("备份 (*.rdbackup *.sqlite3)"))
        return path

    def ask_passphrase(self, text: str, confirm: bool = False) -> str | None:
        return ask_passphrase(self.window, text, confirm=confirm)

    def confirm(self, text: str) -> bool:
        """New keys, a restore: 取消 is the default, so that Enter does not do them."""
        from desktop.ui.guard import ask_yes

        return ask_yes(self.window, text, default_yes=False)

    def say(self, text: str, problem: bool = False) -> None:
        from desktop.ui.guard import gui_text, tell

        text = gui_text(text)
        self.messages.append(text)
        parent = self.replacement or self.window
        if not problem:
            tell(parent, text.splitlines()[0])
        (QMessageBox.warning if problem else QMessageBox.information)(parent, tr(TITLE), text)

    # -- actions ------------------------------------------------------------------------
    def daily(self) -> None:
        """Each hour: a window open past midnight turns to the new day (new_day.py); the
        day's backup once a day, quietly — a failure is said, never raised. Not while a
        restore or an import runs (the store may be closed, or being written by the job)."""
        from desktop.ui import new_day

        if new_day.turn(self) is not None:
            return  # the new window's panel takes the day's backup at its next tick
        if worker.running_writer() is None and backup.daily_due(self.store.path.parent):
            self._quiet_backup("daily")

    def on_close(self) -> None:
        job = getattr(self.window, "startup_check", None)
        if job is not None:  # closed at once: the start-up check need not run now
            job.drop_if_waiting()
        self._quiet_backup("close")

    def _settle(self) -> None:
        """Let the start-up check and its backup end before another backup or a restore."""
        job = getattr(self.window, "startup_check", None)
        if job is not None:
            job.settle()

    def _quiet_backup(self, reason: str) -> None:
        self._settle()
        try:
            backup.auto_backup(self.store, reason)
        except Refusal as exc:
            self.messages.append(exc.message)

    def backup_now(self) -> None:
        self._settle()
        try:
            path = backup.manual_backup(self.store)
        except Refusal as exc:
            return self.say(exc.message, problem=True)
        self.say(tr("已备份到 {path}。").format(path=path) if path else tr("数据自上次备份以来没有变化,最近的备份仍然有效。"))

    def backup_to_usb(self) -> None:
        from desktop.safety.vault import write_backup

        self._settle()
        folder = self.ask_folder()
        if not folder:
            return
        secret = self.ask_passphrase(tr("请设置这份备份的口令(至少 6 个字符)。恢复时需要它,请牢记:"
                                        "没有口令谁也打不开这份备份。"), confirm=True)
        if not secret:
            return
        today = self.window.today  # Argon2id over the whole store: seconds, in a thread
        worker.run(self.window, tr("加密备份到U盘"), lambda job: write_backup(
            job.store, Path(folder), secret, today), store=self.store,
            done=lambda path: self.say(tr("已加密备份到 {path}。").format(path=path)),
            failed=lambda text: self.say(text, problem=True))

    def check(self) -> None:
        from desktop.safety.startup import examine

        self._settle()
        report = examine(self.store.path.parent)
        text = "\n".join(report.lines())
        self.say(text if report.health.ok else f"{text}\n\n{report.advice()}",
                 problem=not report.health.ok)

    def restore(self) -> None:
        from desktop.safety import vault

        path = self.ask_file()
        if not path:
            return
        secret = None
        if vault.is_vault(Path(path)):
            secret = self.ask_passphrase(tr("请输入这份加密备份的口令。"))
            if not secret:
                return
        from desktop.safety.restore import check_backup

        # the backup checked first (its passphrase, the full check, this place), then
        # the officer asked: a wrong passphrase was told only after both questions
        data_dir = self.store.path.parent
        worker.run(self.window, tr("核对备份"), lambda job: check_backup(
            data_dir, Path(path), secret), modal=True,
            # asked once the check's job is over (a restore waits for every job)
            done=lambda _ident: QTimer.singleShot(
                0, lambda: self._confirm_restore(Path(path), secret)),
            failed=lambda text: self.say(text, problem=True))

    def _confirm_restore(self, path: Path, secret: str | None) -> None:
        if self.confirm(tr("备份已核对无误。恢复会用它替换本机现在的数据(现在的数据另存到数据文件夹中的"
                           "“replaced-日期”文件夹,不会删除),本机会换用新的工作站编号,需请乡镇重新登记。"
                           "确定恢复吗?")):
            self.restore_from(path, secret)

    def restore_from(self, path: Path, secret: str | None) -> None:
        from desktop.safety.restore import restore

        officer = self.ask_passphrase(tr("请输入本机口令(用来加密恢复后新生成的密钥)。"))
        if not officer:
            return
        busy = worker.running()  # refused before the store is closed under it
        if busy is not None:
            return self.say(tr("正在{title},请等它完成后再恢复。").format(title=busy.title), problem=True)
        data_dir = self.store.path.parent
        self._quiet_backup("restore")  # taken by the program, so named automatic
        self.store.close()
        # The window's store is closed while the backup replaces it: the progress is
        # window-modal, and the result opens a fresh window (or the old store again).
        worker.run(self.window, tr("从备份恢复"), lambda job: restore(
            data_dir, path, passphrase=secret, officer_passphrase=officer), writes=True,
            modal=True, done=lambda done: self._restored(data_dir, done),
            failed=lambda text: self._not_restored(data_dir, text))

    def _restored(self, data_dir: Path, done) -> None:
        from desktop.safety.restore import restored_lines
        from desktop.storage.store import Store

        self.replacement = self.new_window(Store.open(data_dir))
        self.say("\n".join(restored_lines(done)))

    def _not_restored(self, data_dir: Path, text: str) -> None:
        from desktop.storage.store import Store

        self.window.store = Store.open(data_dir)
        self.say(text, problem=True)

    def new_window(self, store, today=None):
        """Every part of the old window holds the old store (or the old day): a fresh
        window replaces it."""
        from desktop.ui.windows import KEEP

        self.timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.aboutToQuit.disconnect(self.on_close)
        window = type(self.window)(store, today or self.window.today)  # the same kind
        if not hasattr(window, "safety_panel"):  # until the main window installs the menu
            install(window)
        window.show()
        KEEP.append(window)
        self.window.close()
        return window
