"""Dialogs of 数据安全: asking a passphrase (once, or twice when it is being set), and
the start-up report when the store is damaged. Each has `ask()` that tests replace."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
)

from desktop.ui.guard import gui_text
from desktop.ui.i18n import QT_TR_NOOP, tr
from desktop.ui.widgets import ErrorLabel

TITLE = QT_TR_NOOP("民生救助工作台 — 数据安全")
FORGOT = "\0forgot"  # what `ask()` returns when the officer chose 忘记口令


class PassphraseDialog(QDialog):
    """One passphrase; with `confirm`, typed twice and at least 6 characters."""

    def __init__(self, text: str, *, confirm: bool = False, forgot: bool = False, parent=None):
        super().__init__(parent)
        self.setWindowTitle(tr(TITLE))
        self.confirm = confirm
        self.forgot = False
        layout = QVBoxLayout(self)
        label = QLabel(gui_text(text))
        label.setWordWrap(True)
        layout.addWidget(label)
        form = QFormLayout()
        self.first = _secret()
        form.addRow(tr("口令"), self.first)
        self.second = _secret()
        if confirm:
            form.addRow(tr("再输入一次"), self.second)
        layout.addLayout(form)
        self.error = ErrorLabel()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        if forgot:
            lost = buttons.addButton(tr("忘记口令(&F)…"), QDialogButtonBox.ButtonRole.ResetRole)
            lost.clicked.connect(self._forgot)
        layout.addWidget(buttons)

    def _forgot(self) -> None:
        self.forgot = True
        self.reject()

    def _check(self) -> None:
        from desktop.sync.keys import MIN_PASSPHRASE

        text = self.first.text()
        if self.confirm and len(text) < MIN_PASSPHRASE:
            self.error.show_message(tr("口令至少要 {MIN_PASSPHRASE} 个字符。").format(
                                        MIN_PASSPHRASE=MIN_PASSPHRASE))
        elif self.confirm and text != self.second.text():
            self.error.show_message(tr("两次输入的口令不一致,请重新输入。"))
        elif not text:
            self.error.show_message(tr("请输入口令。"))
        else:
            self.accept()

    def ask(self) -> str | None:
        if self.exec() == QDialog.DialogCode.Accepted:
            return self.first.text()
        return FORGOT if self.forgot else None


def _secret() -> QLineEdit:
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


def ask_passphrase(parent, text: str, *, confirm: bool = False,
                   forgot: bool = False) -> str | None:
    """The passphrase typed; None if cancelled; FORGOT if 忘记口令 was chosen (offered
    only with `forgot`)."""
    return PassphraseDialog(text, confirm=confirm, forgot=forgot, parent=parent).ask()


def damaged_store_choice(parent, report) -> str:
    """"restore", "open" or "quit": what the officer chooses for a damaged store."""
    box = QMessageBox(QMessageBox.Icon.Critical, tr(TITLE), "\n".join(report.lines()), parent=parent)
    box.setInformativeText(gui_text(report.advice()))
    restore = box.addButton(tr("从备份恢复"), QMessageBox.ButtonRole.AcceptRole) \
        if report.latest_good else None
    still = box.addButton(tr("仍然打开"), QMessageBox.ButtonRole.DestructiveRole)
    box.addButton(tr("退出"), QMessageBox.ButtonRole.RejectRole)
    box.exec()
    clicked = box.clickedButton()
    return "restore" if clicked is restore and restore else "open" if clicked is still else "quit"
