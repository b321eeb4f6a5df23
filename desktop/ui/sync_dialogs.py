"""The dialogs of 数据交换: enrolling another workstation, exporting a bundle to a USB
stick, importing bundles. Each is opened with `open()` (never `exec()`), and every file
or folder choice goes through an `ask_…` method that tests replace."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
)

from desktop.core.errors import Refusal
from desktop.core.ways import way
from desktop.sync.identity import fingerprint, place_name, show_fingerprint
from desktop.sync.peers import check_scope, enroll
from desktop.ui import guard, window_fit, worker
from desktop.ui import widgets as w
from desktop.ui.i18n import tr
from desktop.ui.places import incoming, removable_first
from desktop.ui.widgets import ErrorLabel

FINGERPRINT_STYLE = "font-size: 20pt; font-family: monospace; letter-spacing: 2px;"


class EnrollDialog(QDialog):
    """Shows the card and its fingerprint; enrolls only once the person has ticked that
    it matches the identity sheet (and, for a changed key, that it should replace)."""

    def __init__(self, store, card: dict, parent=None):
        super().__init__(parent)
        self.store, self.card = store, card
        self.setWindowTitle(tr("登记对方工作站"))
        layout = QVBoxLayout(self)
        place = "".join(card.get(k) or "" for k in ("county", "township", "village"))
        layout.addWidget(QLabel(tr("{place}(经办人 {officer})\n工作站编号 {workstation_id}").format(
                                    place=place, officer=card['officer'], workstation_id=card['workstation_id'])))
        layout.addWidget(QLabel(tr("请对方念出其身份信息表上的指纹,与下面逐组核对:")))
        self.fingerprint = QLabel(show_fingerprint(fingerprint(card)))
        self.fingerprint.setStyleSheet(FINGERPRINT_STYLE)
        layout.addWidget(self.fingerprint)
        self.confirm = QCheckBox(tr("我已逐组核对,指纹完全一致"))
        self.replace = QCheckBox(tr("对方确实换了电脑或重建了工作站,替换原来的登记"))
        self.replace.hide()
        self.error = ErrorLabel()
        for widget in (self.confirm, self.replace, self.error):
            layout.addWidget(widget)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.enroll_button = self.buttons.addButton(tr("登记"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.enroll_button.setEnabled(False)
        self.buttons.accepted.connect(self.do_enroll)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.confirm.toggled.connect(self.enroll_button.setEnabled)
        self._check_scope()
        window_fit.fit(self, 640, self.sizeHint().height())

    def _check_scope(self) -> None:
        try:
            check_scope(self.store.workstation, self.card)
        except Refusal as exc:
            self.error.show_message(exc.message)
            self.confirm.setEnabled(False)

    def do_enroll(self) -> None:
        if not self.confirm.isChecked():
            self.error.show_message(tr("请先核对指纹并勾选“指纹完全一致”。"))
            return
        try:
            enroll(self.store, self.card, confirmed_fingerprint=fingerprint(self.card),
                   replace=self.replace.isChecked())
        except Refusal as exc:
            if way("enroll_replace") in exc.message and not self.replace.isVisible():
                self.replace.show()
            self.error.show_message(exc.message)  # the advice becomes the GUI's (guard)
            return
        place = "".join(self.card.get(k) or "" for k in ("township", "village"))
        guard.tell(self.parentWidget(), tr("已登记 {place}(经办人 {officer})的工作站,今后可以互相导入数据包。").format(
                                            place=place, officer=self.card['officer']))
        self.accept()


class ExportDialog(QDialog):
    """发送到乡镇 / 导出数据包: pick a USB stick (offered first) or any folder."""

    def __init__(self, store, today, parent=None, volumes=None):
        super().__init__(parent)
        self.store, self.today, self.done_files = store, today, []
        village = store.workstation["role"] == "village"
        self.setWindowTitle(tr("发送到乡镇") if village else tr("导出数据包"))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(tr("选择保存位置(U 盘排在最前面):")))
        self.places = QListWidget()
        volumes = volumes if volumes is not None else removable_first()
        for label, path, _ in volumes:
            item = QListWidgetItem(label)
            item.setData(256, str(path))
            self.places.addItem(item)
        # a stick is chosen for the officer; the system disk's root never is (with no
        # stick in, they choose: a stick put in now, or 其他文件夹)
        self.places.setCurrentRow(0 if volumes and volumes[0][2] else -1)
        layout.addWidget(self.places)
        other = QPushButton(tr("其他文件夹…"))
        other.clicked.connect(self._other_folder)
        layout.addWidget(other)
        # After a lost or refused stick, or when the other side was restored from an old
        # backup: everything again from the first event (the other side skips what it has).
        self.resend = QCheckBox(tr("重新发送全部记录(&R)(对方说缺少记录或数据包丢失时使用,对方已有的会自动跳过)"))
        layout.addWidget(self.resend)
        self.result = QPlainTextEdit(readOnly=True)
        self.error = ErrorLabel()
        layout.addWidget(self.result)
        layout.addWidget(self.error)
        self.buttons = w.close_row(self, tr("导出"), self.do_export)
        self.export_button = self.buttons.action
        layout.addWidget(self.buttons)
        # Enter exports; it never opens 其他文件夹… again (a folder just chosen left the
        # focus there, and Qt gives a dialog's first button the focus and Enter)
        w.only_default(self, self.export_button)
        self.places.setFocus()
        window_fit.fit(self, 760, 460)  # wide enough for the volumes' and files' names

    def ask_folder(self) -> str:
        return QFileDialog.getExistingDirectory(self, tr("选择保存数据包的文件夹"), incoming())

    def _ready_to_submit(self) -> int:
        """The village's cases whose notice is done: the export reports them (上报)."""
        if self.store.workstation["role"] != "village":
            return 0
        return self.store.db.execute(
            "SELECT COUNT(*) FROM applications WHERE status = 'notice_done'").fetchone()[0]

    def _other_folder(self) -> None:
        folder = self.ask_folder()
        if folder:
            item = QListWidgetItem(tr("文件夹:{folder}").format(folder=folder))
            item.setData(256, folder)
            self.places.insertItem(0, item)
            self.places.setCurrentRow(0)
            self.places.setFocus()  # on what was chosen: Enter exports to it

    def do_export(self) -> None:
        from desktop.sync.export import export_bundles, recipients

        item = self.places.currentItem()
        if item is None:
            self.error.show_message(tr("请先选择保存位置(插入 U 盘,或点“其他文件夹…”)。"))
            self.places.setFocus()
            return
        try:  # no one to send to, or no keys: said before the question, not after it
            one_recipient = len(recipients(self.store)) <= 1
            worker.unlock_keys(self.store)
        except Refusal as exc:
            self.error.show_message(exc.message)
            return
        ready = self._ready_to_submit()
        if ready and not guard.confirm_step(
                self, tr("发送到乡镇:公示期满的 {ready} 件案件随数据包上报").format(ready=ready),
                tr("上报后案件变为“已上报”,由乡镇接收审批,村里不能再修改。")):
            return
        folder, resend = Path(item.data(256)), self.resend.isChecked()
        # Cancelled before the bundles are published: nothing recorded, no file left. With
        # several recipients (a township) the first ones' bundles may already be out, so
        # 取消 is offered only when there is one.
        self.job = worker.run(self, tr("导出数据包"), lambda job: export_bundles(
            job.store, folder, self.today, resend=resend, progress=job.step),
            store=self.store, writes=True, cancel=one_recipient,
            done=self._exported, failed=self._export_failed)
        self.export_button.setEnabled(self.job is None)

    def _export_failed(self, text: str) -> None:
        self.export_button.setEnabled(True)
        self.error.show_message(text)

    def _exported(self, done) -> None:
        self.export_button.setEnabled(True)
        self.error.show_message("")
        self.done_files = [e.path for e in done]
        lines = [tr("已导出 {name}(发给 {recipient},事件 {events} 个)").format(
                     name=e.path.name, recipient=e.recipient, events=e.events)
                 + (tr(",随包上报 {n} 件").format(
                        n=len(e.submitted)) if e.submitted else "") for e in done]
        self.result.setPlainText("\n".join(lines) or tr("没有需要发送的新内容。"))
        _refresh_window(self)
        guard.tell(self.parentWidget(), tr("已导出 {n} 个数据包。").format(n=len(done)) if done
                   else tr("没有需要发送的新内容。"))


class ImportDialog(QDialog):
    """导入数据包: several files at once, with progress and a report per file."""

    def __init__(self, store, today, parent=None):
        super().__init__(parent)
        self.store, self.today, self.reports = store, today, []
        self.setWindowTitle(tr("导入数据包"))
        layout = QVBoxLayout(self)
        self.files = QListWidget()
        add = QPushButton(tr("选择数据包…"))
        add.clicked.connect(self._choose)
        self.progress = QProgressBar()
        self.report = QPlainTextEdit(readOnly=True)
        for widget in (QLabel(tr("要导入的数据包:")), self.files, add, self.progress, self.report):
            layout.addWidget(widget)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.import_button = self.buttons.addButton(tr("开始导入"),
                                                    QDialogButtonBox.ButtonRole.ActionRole)
        self.import_button.clicked.connect(self.do_import)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        # Enter imports (with no file chosen yet it asks for one first); it never opens
        # 选择数据包… again once the files are listed
        w.only_default(self, self.import_button)
        self.files.setFocus()
        window_fit.fit(self, 760, 520)  # wide enough for the bundles' file names

    def ask_files(self) -> list[str]:
        files, _ = QFileDialog.getOpenFileNames(self, tr("选择数据包"), incoming(),
                                                tr("数据包 (*.rdbundle)"))
        return files

    def _choose(self) -> None:
        self.add_files(self.ask_files())

    def add_files(self, files) -> None:
        for f in files:
            self.files.addItem(str(f))
        self.files.setFocus()

    def do_import(self) -> None:
        from desktop.sync.importer import import_files

        if not self.files.count():
            self._choose()  # Enter in an empty dialog: the bundles first
        paths = [Path(self.files.item(i).text()) for i in range(self.files.count())]
        if not paths:
            self.report.setPlainText(tr("请先选择要导入的数据包。"))
            return
        self.progress.setRange(0, len(paths))
        self.progress.setValue(0)
        try:
            worker.unlock_keys(self.store)
        except Refusal as exc:
            self.report.setPlainText(guard.gui_text(exc.message))
            return
        # One transaction for all the files: a cancel (between files) rolls back all.
        self.job = worker.run(self, tr("导入数据包"), lambda job: import_files(
            job.store, paths, self.today, progress=job.step), store=self.store, writes=True,
            cancel=True, done=self._imported, failed=self._failed)
        self.import_button.setEnabled(self.job is None)
        if self.job is not None:
            self.job.progress.connect(lambda done, _total, _text: self.progress.setValue(done))

    def _imported(self, reports) -> None:
        from desktop.sync.importer import describe

        self.import_button.setEnabled(True)
        self.reports = reports
        self.progress.setValue(self.progress.maximum())
        summary = import_summary(reports)
        self.report.setPlainText(guard.gui_text("\n\n".join(
            [summary] + [describe(r) for r in reports])))
        _refresh_window(self)
        guard.tell(self.parentWidget(), summary)

    def _failed(self, text: str) -> None:
        self.import_button.setEnabled(True)
        self.progress.setValue(0)
        self.report.setPlainText(text)


def import_summary(reports) -> str:
    """One line on what an import did: a refused file or event is never told as imported."""
    taken = [r for r in reports if r.ok]
    refused_files = len(reports) - len(taken)
    refused_events = sum(len(r.refused) for r in taken)
    if not taken:
        return (tr("数据包未能导入,本机数据没有改动;原因见导入报告。") if refused_files == 1 else
                tr("{n} 个数据包都未能导入,本机数据没有改动;原因见导入报告。").format(n=refused_files))
    text = tr("已导入 {n} 个数据包").format(n=len(taken))
    if refused_files:
        text += tr(",{n} 个未能导入").format(n=refused_files)
    if refused_events:
        text += tr(",其中 {n} 个事件被拒绝").format(n=refused_events)
    return text + (tr(";原因见导入报告。") if refused_files or refused_events
                   else tr(",结果见导入报告。"))


def _refresh_window(dialog) -> None:
    """The ledger shows what the job changed, even while the dialog stays open."""
    window = guard.main_window_of(dialog)
    if window is not None and hasattr(window, "refresh"):
        window.refresh()


__all__ = ["EnrollDialog", "ExportDialog", "ImportDialog", "place_name"]
