"""Small building blocks shared by the forms: the inputs, reading their values, the
button rows, and message boxes that never block a test (they are opened with `open()`,
not `exec()`). A field with its error and the board of a form's errors are in
`field_errors` (and reached through here as w.FieldBox …)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
)

from desktop.core.errors import FieldError, Refusal
from desktop.core.money import format_yuan, parse_yuan
from desktop.ui.field_errors import (  # noqa: F401 (the forms use w.FieldBox …)
    ERROR_STYLE,
    ErrorBoard,
    ErrorLabel,
    FieldBox,
)
from desktop.ui.guard import change_signal, gui_text  # noqa: F401 (change_signal: w.change_signal)
from desktop.ui.i18n import QT_TR_NOOP, tr
from desktop.ui.window_fit import with_key


def line_edit(placeholder: str = "", max_len: int = 200) -> QLineEdit:
    w = QLineEdit()
    w.setPlaceholderText(placeholder)
    w.setMaxLength(max_len)
    return w


def combo(items, current: str | None = None) -> QComboBox:
    """A combo of (code, label) pairs or plain labels; the code is the item data."""
    w = QComboBox()
    fill_combo(w, items, current)
    return w


def fill_combo(w: QComboBox, items, current: str | None = None) -> None:
    w.blockSignals(True)
    w.clear()
    pairs = items.items() if isinstance(items, dict) else ((i, i) for i in items)
    for code, label in pairs:
        w.addItem(label, code)
    if current is not None:
        index = w.findData(current)
        w.setCurrentIndex(max(index, 0))
    w.blockSignals(False)


def date_edit(today: date, value: date | None = None, latest: date | None = None):
    """The shared date field (a DateField): today by default, no later than `latest`
    (today unless given: a step is recorded when it happened, not ahead). Its module
    loads with the first form, not with the main window (issue 17)."""
    from desktop.ui.date_field import DateField

    return DateField(value or today, latest=latest or today)


def spin(maximum: int = 1000, value: int = 0, minimum: int = 0) -> QSpinBox:
    """A count; `minimum` is the rule's own (公示天数 from 1), so that a value the
    rule book refuses cannot be typed."""
    w = QSpinBox()
    w.setRange(minimum, maximum)
    w.setValue(max(value, minimum))
    return w


def text_area(placeholder: str = "", height: int = 60) -> QPlainTextEdit:
    w = QPlainTextEdit()
    w.setPlaceholderText(placeholder)
    w.setTabChangesFocus(True)
    w.setFixedHeight(height)
    return w


def yuan_edit(fen: int | None = None) -> QLineEdit:
    w = line_edit(tr("例如 1500.00"), 20)
    if fen:
        w.setText(format_yuan(fen))
    return w


def read_fen(text: str, path: str, local: list[FieldError]):
    """The amount typed in 元 as fen; None (and a local error) when it is not an amount."""
    if not text.strip():
        return None
    try:
        return parse_yuan(text)
    except Refusal as exc:
        local.append(FieldError(path, exc.message))
        return None


def merge_errors(local: list[FieldError], checked: list[FieldError]) -> list[FieldError]:
    """Local parse errors (e.g. "12.345 元") replace the checker's "请填写" for that field."""
    own = {e.path for e in local}
    return local + [e for e in checked if e.path not in own]


_open_boxes: list[QMessageBox] = []


def show_message(parent, text: str, title: str = QT_TR_NOOP("提示"),
                 icon=QMessageBox.Icon.Warning) -> QMessageBox:
    """A window-modal message that does not block the caller (tests can read it)."""
    from PySide6.QtCore import Qt  # (not when the module loads: see _OpenOnEnter)

    box = QMessageBox(icon, tr(title), gui_text(text), QMessageBox.StandardButton.Ok, parent)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    _open_boxes.append(box)
    box.finished.connect(lambda _=0, b=box: _open_boxes.remove(b) if b in _open_boxes else None)
    box.open()
    return box


def open_messages() -> list[QMessageBox]:
    return list(_open_boxes)


def value_of(widget):
    """What an input holds, as the document wants it (combo → its code)."""
    if hasattr(widget, "changed"):
        return widget.value()
    if isinstance(widget, QLineEdit):
        return widget.text()
    if isinstance(widget, QComboBox):
        return widget.currentData()
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText()
    if isinstance(widget, QCheckBox):
        return widget.isChecked()
    if isinstance(widget, QSpinBox):
        return widget.value()
    raise TypeError(type(widget))


def ok_cancel(dialog, on_ok) -> tuple[QDialogButtonBox, object]:
    """The 确定/取消 row of a step dialog: OK runs `on_ok`, Cancel closes without change."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                               | QDialogButtonBox.StandardButton.Cancel)
    buttons.accepted.connect(on_ok)
    buttons.rejected.connect(dialog.reject)
    return buttons, buttons.button(QDialogButtonBox.StandardButton.Ok)


def only_default(dialog, button: QPushButton) -> None:
    """Enter clicks `button` and nothing else: every other push button of `dialog` is
    neither default nor auto-default (Qt otherwise makes the first one it meets after
    the focus the default, so Enter in a field could add a family member). Called once
    the dialog's buttons are in it; Space still presses the button that has the focus."""
    for other in dialog.findChildren(QPushButton):
        other.setAutoDefault(other is button)
        other.setDefault(other is button)


def enter_shows_problems(dialog, ok: QPushButton, show) -> None:
    """Enter while `ok` is off (a field has a problem) calls `show`, which puts every
    message beside its field and the cursor in the first field at fault. Qt swallows
    Enter on a disabled default button: the officer saw nothing happen, and nothing
    said which field was wrong when it had not been touched yet."""
    _ProblemsOnEnter(dialog, ok, show)


class _ProblemsOnEnter(QObject):
    KEYS = (0x01000004, 0x01000005)  # Qt::Key_Return, Key_Enter (see table_keys)

    def __init__(self, dialog, ok, show):
        super().__init__(dialog)
        self.ok, self.show = ok, show
        dialog.installEventFilter(self)  # a field's unused Enter comes up to its dialog

    def eventFilter(self, _dialog, event) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.KeyPress and event.key() in self.KEYS \
                and not self.ok.isEnabled():
            self.show()
            return True
        return False


def focus_first_problem(board: ErrorBoard, scroll=None) -> bool:
    """The cursor in the first field (in the form's order) that has a problem, scrolled
    into view; False when no field has one."""
    box = board.first_problem()
    if box is None:
        return False
    if scroll is not None:
        scroll.ensureWidgetVisible(box)
    box.widget.setFocus()
    return True


def close_row(dialog, action: str = "", on_action=None) -> QDialogButtonBox:
    """The bottom row of a window that shows things: 关闭, and optionally one action
    button (导出 …); the action button is `.action` on the returned box."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    buttons.rejected.connect(dialog.reject)
    if action:
        buttons.action = buttons.addButton(action, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.action.clicked.connect(on_action)
        buttons.action.setDefault(True)  # Enter does the window's one action, Esc closes
    return buttons


def fill_action_bar(bar, specs, start, none_text: str) -> dict[str, QPushButton]:
    """Replace the buttons of `bar` by one per (code, text) of `specs`, each calling
    start(code): only the actions the case allows now are offered."""
    while bar.count():
        item = bar.takeAt(0)
        if item.widget():
            item.widget().deleteLater()
    bar.addWidget(QLabel(tr("下一步:") if specs else none_text))
    buttons = {}
    for number, (code, text) in enumerate(specs, 1):
        button = QPushButton(with_key(text, str(number)) if number < 10 else text)
        button.clicked.connect(lambda _=False, c=code: start(c))
        bar.addWidget(button)
        buttons[code] = button
    bar.addStretch(1)
    return buttons


def yuan_text(fen) -> str:
    return "—" if fen is None else tr("{fen} 元").format(fen=format_yuan(int(fen), grouped=True))


class CountedWhenShown:
    """A tab whose figures are dear to count: counted when first shown, and again when
    new data arrives while it is on screen (else when it is next shown). The class
    sets `_stale` and defines `refresh`, which clears it."""

    _stale = True

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def invalidate(self) -> None:
        """New data arrived: recount now if the tab is on screen, else when it is shown."""
        self._stale = True
        if self.isVisible():
            self.refresh()


def add_buttons(bar, buttons) -> None:
    """(text, slot) pairs as push buttons on `bar`, then a stretch."""
    for text, slot in buttons:
        button = QPushButton(text)
        button.clicked.connect(slot)
        bar.addWidget(button)
    bar.addStretch(1)


