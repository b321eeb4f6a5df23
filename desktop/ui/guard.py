"""How the GUI talks to the officer around an action: a question before a step that
cannot be undone (naming what it does), a question before typed work is thrown away,
a short line in the status bar after every action, and messages from the shared
operations with their command-line advice turned into the menu path that does the same.

`ask_yes` is the one modal question; tests replace it (a modal `exec()` blocks them)."""

from __future__ import annotations

import re

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QPlainTextEdit,
    QSpinBox,
)

from desktop.core.ways import GUI, render
from desktop.ui.i18n import QT_TR_NOOP, tr

STATUS_MS = 15000
_CJK = re.compile(r"[\u3400-\u9fff]")  # a Chinese step name is cut shorter than an English one

# A ValidationFailed's message names each field by its key ("days: …"), for scripts;
# the officer reads only what is wrong. A key opens the message or follows Chinese or
# punctuation, never an English word and a space: in the English window "fill in or
# correct: …" is a sentence, and its last word is no key.
_FIELD_KEY = re.compile(
    r"(?<![A-Za-z])(?<![A-Za-z] )[a-z][a-z_]*(?:\[\d+\])?(?:\.[a-z_]+(?:\[\d+\])?)*: ")


def gui_text(message: str) -> str:
    """`message` with each way of doing a thing (core/ways.py) in the GUI's words (the
    menu), and without the field keys of a validation message."""
    return _FIELD_KEY.sub("", render(message, GUI))


def ask_yes(parent, text: str, yes: str = QT_TR_NOOP("确定"), no: str = QT_TR_NOOP("取消"),
            default_yes: bool = True) -> bool:
    """A question with two named answers; True for `yes` (Enter answers `yes` unless
    `default_yes` is False; Esc answers `no`). Tests replace this."""
    box = QMessageBox(QMessageBox.Icon.Question, tr("请确认"), text,
                      QMessageBox.StandardButton.NoButton, parent)
    yes_button = box.addButton(tr(yes), QMessageBox.ButtonRole.AcceptRole)
    no_button = box.addButton(tr(no), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(yes_button if default_yes else no_button)
    box.setEscapeButton(no_button)
    box.exec()
    return box.clickedButton() is yes_button


def confirm_step(parent, what: str, consequence: str, check=None) -> bool:
    """Before a step that cannot be undone: what it is and what follows from it.

    `check` is the step itself (a callable doing the operation). It is rehearsed first
    (`storage.db.rehearse`: every check the operation makes, nothing written) and its
    refusal (Refusal, ValidationFailed) is raised from here, before any question: the
    caller shows it beside its field as it shows a refusal of the step itself, and the
    officer is asked to confirm only a step that will pass."""
    if check is not None:
        from desktop.storage.db import rehearse

        rehearse(check)
    return ask_yes(parent, tr("{what}\n\n{consequence}\n\n此操作登记后不能撤销,有误只能另行登记更正。").format(
                               what=what, consequence=tr(consequence)),
                   yes=tr("确定{what}").format(what=_short(what)).strip(), no=tr("返回检查"))


_NUMBERED = re.compile(r"\d")


def _short(what: str) -> str:
    """The step's name for the button: the words before its colon and before the first
    word with a digit (a batch, month or case number), so that the button shows its
    whole text ("确定结束公示", not "确定结束公示 GS-"); the number is in the question."""
    head = re.split(r"[::]", what, maxsplit=1)[0].strip()
    words = []
    for word in head.split():
        if _NUMBERED.search(word):
            break
        words.append(word)
    short = " ".join(words)
    limit = 10 if _CJK.search(short) else 28
    return short if len(short) <= limit else ""


def main_window_of(widget):
    while widget is not None and not isinstance(widget, QMainWindow):
        widget = widget.parentWidget()
    return widget


def tell(widget, text: str) -> None:
    """A short success line in the status bar of the main window `widget` belongs to."""
    window = main_window_of(widget)
    if window is not None:
        window.statusBar().showMessage(text, STATUS_MS)


class DiscardGuard:
    """Mixin for a QDialog with typed data: Esc, 取消 or the close button ask before
    throwing away what was typed. The dialog sets `self.typed = True` when it is edited
    (or overrides `has_typed`)."""

    typed = False

    def has_typed(self) -> bool:
        return self.typed

    def reject(self) -> None:
        if self.has_typed() and not ask_yes(self, tr("已填写的内容还没有保存。放弃这些内容并关闭吗?"),
                                            yes=tr("放弃并关闭"), no=tr("继续填写"), default_yes=False):
            return
        super().reject()

    def watch(self, widgets) -> None:
        for widget in widgets:
            change_signal(widget).connect(self._edited)

    def _edited(self, *_args) -> None:
        self.typed = True


def change_signal(widget):
    """The signal an input emits when the officer changes it."""
    if hasattr(widget, "changed"):
        return widget.changed
    for kind, name in _SIGNALS:
        if isinstance(widget, kind):
            return getattr(widget, name)
    raise TypeError(type(widget))


_SIGNALS = ((QLineEdit, "textChanged"), (QComboBox, "currentIndexChanged"),
            (QPlainTextEdit, "textChanged"), (QCheckBox, "toggled"),
            (QSpinBox, "valueChanged"))

