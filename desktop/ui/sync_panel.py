"""The 数据交换 menu: this workstation's identity (with its fingerprint and printable
sheet), enrolling the other side, sending and receiving bundles. The main window only
calls `install(main_window)`; everything else lives here, over desktop.sync."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QPushButton,
    QVBoxLayout,
)

from desktop.core.errors import Refusal
from desktop.ui.i18n import tr
from desktop.ui.places import incoming, save_name
from desktop.ui.widgets import ErrorLabel

# The sync machinery (keys, bundles, the dialogs over them) is loaded when the menu is
# first used, not while the window opens.


def install(main_window) -> "SyncPanel":
    """The window's 数据交换 panel (its menu is menus' table's): built now if it was not."""
    return main_window.sync_panel


class SyncPanel(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.dialog = None  # the dialog opened last (tests drive it)

    @property
    def store(self):
        return self.window.store

    def ask_card_file(self) -> str:
        path, _ = QFileDialog.getOpenFileName(self.window, tr("选择对方的身份文件"), incoming(),
                                              tr("身份文件 (*.json)"))
        return path

    def show_identity(self):
        return self._show(IdentityDialog(self.store, self.window.today, self.window))

    def enroll(self):
        path = self.ask_card_file()
        if not path:
            return None
        from desktop.sync.identity import read_card
        from desktop.ui.sync_dialogs import EnrollDialog

        try:
            card = read_card(Path(path))
        except Refusal as exc:
            return self._show(_Message(tr("登记对方工作站"), exc.message, self.window))
        return self._show(EnrollDialog(self.store, card, self.window))

    def export(self):
        from desktop.ui.sync_dialogs import ExportDialog

        dialog = ExportDialog(self.store, self.window.today, self.window)
        dialog.finished.connect(lambda *_: self.window.refresh())
        return self._show(dialog)

    def import_bundles(self):
        from desktop.ui.sync_dialogs import ImportDialog

        dialog = ImportDialog(self.store, self.window.today, self.window)
        dialog.finished.connect(lambda *_: self.window.refresh())
        return self._show(dialog)

    def _show(self, dialog):
        self.dialog = dialog
        dialog.open()
        return dialog


class IdentityDialog(QDialog):
    """The fingerprint to read aloud, and the two things to give the other side: the
    identity file and the printed sheet."""

    def __init__(self, store, today, parent=None):
        super().__init__(parent)
        self.store, self.today = store, today
        from desktop.sync.identity import fingerprint, own_card, show_fingerprint
        from desktop.ui.sync_dialogs import FINGERPRINT_STYLE

        self.card = own_card(store)
        self.setWindowTitle(tr("本机身份与指纹"))
        layout = QVBoxLayout(self)
        place = "".join(self.card.get(k) or "" for k in ("county", "township", "village"))
        layout.addWidget(QLabel(tr("{place}(经办人 {officer})\n工作站编号 {workstation_id}").format(
                                    place=place, officer=self.card['officer'], workstation_id=self.card['workstation_id'])))
        layout.addWidget(QLabel(tr("指纹(登记时请对方逐组核对):")))
        self.fingerprint = QLabel(show_fingerprint(fingerprint(self.card)))
        self.fingerprint.setStyleSheet(FINGERPRINT_STYLE)
        layout.addWidget(self.fingerprint)
        self.message = ErrorLabel()
        layout.addWidget(self.message)
        for text, slot in ((tr("导出身份文件…"), self.save_card), (tr("打印身份信息表(PDF)…"), self.save_sheet)):
            button = QPushButton(text)
            button.clicked.connect(slot)
            layout.addWidget(button)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        from desktop.ui import window_fit

        window_fit.fit(self, 640, self.sizeHint().height())

    def ask_save(self, title: str, name: str, pattern: str) -> str:
        return save_name(self, title, name, pattern)

    def save_card(self) -> None:
        path = self.ask_save(tr("导出身份文件"), tr("{v}-身份文件.json").format(
                                           v=self.card['village'] or self.card['township']), tr("身份文件 (*.json)"))
        if path:
            from desktop.sync.identity import export_card

            self._done(lambda: export_card(self.store, Path(path)), path)

    def save_sheet(self) -> None:
        from desktop.sync.sheet import write_sheet

        path = self.ask_save(tr("保存身份信息表"), tr("身份信息表.pdf"), "PDF (*.pdf)")
        if path:
            self._done(lambda: write_sheet(self.card, Path(path), self.today), path)

    def _done(self, work, path) -> None:
        try:
            work()
        except Refusal as exc:
            self.message.setStyleSheet("color: #c62828;")
            self.message.show_message(exc.message)
            return
        self.message.setStyleSheet("color: #2e7d32;")
        self.message.show_message(tr("已保存到 {path}").format(path=path))
        from desktop.ui.guard import tell

        tell(self.parentWidget(), tr("已保存到 {path}").format(path=path))


class _Message(QDialog):
    def __init__(self, title: str, text: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        from desktop.ui.guard import gui_text

        self.label = QLabel(gui_text(text))
        self.label.setWordWrap(True)
        layout.addWidget(self.label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
