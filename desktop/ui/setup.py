"""First-run setup: who this workstation is (role, region names and codes, officer).

The dialog only collects; `check_workstation` (core) decides what is valid and
`Store.create` makes the workstation. Each error is shown beside its field."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
)

from desktop.core.errors import Refusal, ValidationFailed
from desktop.core.workstation import ROLES, check_workstation
from desktop.operations.setup import create_workstation
from desktop.storage.store import Store
from desktop.ui import guard
from desktop.ui import widgets as w
from desktop.ui.i18n import QT_TR_NOOP, tr

FIELDS = (
    ("county", QT_TR_NOOP("县(市、区)名称"), QT_TR_NOOP("例如 新邵县")),
    ("county_code", QT_TR_NOOP("县级区划代码"), QT_TR_NOOP("6 位数字,例如 430522")),
    ("township", QT_TR_NOOP("乡镇名称"), QT_TR_NOOP("例如 酿溪镇")),
    ("township_code", QT_TR_NOOP("乡镇代码"), QT_TR_NOOP("9 或 12 位数字,例如 430522101000")),
    ("village", QT_TR_NOOP("村(社区)名称"), QT_TR_NOOP("例如 大坪村")),
    ("village_code", QT_TR_NOOP("村(社区)代码"), QT_TR_NOOP("12 位数字,例如 430522101201")),
    ("officer", QT_TR_NOOP("经办人姓名"), QT_TR_NOOP("本工作站的民生员")),
)


class SetupDialog(guard.DiscardGuard, QDialog):
    """Emits `created(store)` once the workstation exists. Esc or 取消 after something
    was typed asks first: closing it ends the program, and every field is typed again."""

    created = Signal(object)

    def __init__(self, data_dir: Path, parent=None):
        super().__init__(parent)
        self.data_dir = Path(data_dir)
        self.store: Store | None = None
        self.setWindowTitle(tr("民生救助工作台 — 首次设置"))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        intro = QLabel(tr("这台电脑还没有建立工作站。请填写本工作站的信息"
                          "(区划代码见《统计用区划代码》),填好后点“建立工作站”。"))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.summary = w.ErrorLabel()
        self.board = w.ErrorBoard(self.summary)
        self.role = w.combo(ROLES, "village")
        form.addRow(tr("工作站类型"), self.board.add("role", w.FieldBox(self.role)))
        self.inputs = {}
        for key, label, hint in FIELDS:
            edit = w.line_edit(tr(hint), 40)
            self.inputs[key] = edit
            form.addRow(tr(label), self.board.add(key, w.FieldBox(edit)))
        self.passphrase = _secret(tr("至少 6 个字符;导出、导入数据包时需要,请牢记"))
        self.passphrase_again = _secret(tr("再输入一次"))
        form.addRow(tr("本机口令"), self.passphrase)
        form.addRow(tr("确认口令"), self.passphrase_again)
        layout.addLayout(form)
        layout.addWidget(self.summary)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.ok = self.buttons.addButton(tr("建立工作站"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.create)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.role.currentIndexChanged.connect(self._role_changed)
        self._role_changed()
        for edit in self.inputs.values():  # once shown, messages follow what is typed
            edit.textChanged.connect(self._recheck)
        self.watch([self.role, *self.inputs.values(), self.passphrase, self.passphrase_again])
        from desktop.ui import window_fit

        window_fit.fit(self, 620, self.sizeHint().height())

    def _recheck(self) -> None:
        """After a first 建立工作站, keep the messages true as the officer corrects the
        fields (no stale 请填写 beside a field that is now filled)."""
        if not self.board.show_all:
            return
        try:
            check_workstation(self.identity())
        except ValidationFailed as exc:
            self.board.show(exc.errors)
            return
        self.board.show([])

    def identity(self) -> dict:
        doc = {key: edit.text().strip() for key, edit in self.inputs.items()}
        doc["role"] = self.role.currentData()
        for key in self._unused(doc["role"]):
            doc.pop(key)
        return doc

    @staticmethod
    def _unused(role: str) -> tuple[str, ...]:
        """A township names no village; a county names neither township nor village."""
        return {"village": (), "township": ("village", "village_code")}.get(
            role, ("township", "township_code", "village", "village_code"))

    def _role_changed(self) -> None:
        unused = self._unused(self.role.currentData())
        for key, edit in self.inputs.items():
            edit.setEnabled(key not in unused)

    def create(self) -> None:
        """Validate everything at once; on success create the store and accept."""
        self.board.show_all = True
        try:
            check_workstation(self.identity())
            secret = self.chosen_passphrase()
            self.store = create_workstation(self.data_dir, self.identity(), passphrase=secret)
        except ValidationFailed as exc:
            self.board.show(exc.errors)
            return
        except Refusal as exc:
            self.board.show([])
            self.summary.show_message(exc.message)
            return
        self.board.show([])
        self.created.emit(self.store)
        self.accept()

    def chosen_passphrase(self) -> str:
        """The officer's passphrase, typed twice (RELIEF_DESK_PASSPHRASE may stand in for
        it when the fields are left empty, for a scripted set-up)."""
        import os

        from desktop.sync.keys import PASSPHRASE_ENV, check_new_passphrase

        text = self.passphrase.text()
        if not text and not self.passphrase_again.text() and os.environ.get(PASSPHRASE_ENV):
            return os.environ[PASSPHRASE_ENV]
        if text != self.passphrase_again.text():
            raise Refusal(tr("两次输入的本机口令不一致,请重新输入。"))
        return check_new_passphrase(text)


def _secret(hint: str) -> QLineEdit:
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setPlaceholderText(hint)
    return edit
