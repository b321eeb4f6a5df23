"""Windows that fit the officer's screen, and access keys on every button.

Officers' laptops are often 1366×768 with a taskbar, at 100 % or 125 % scaling (then
about 1093×582 logical pixels). Every window asks for its preferred size through
`fit()`, which takes what the screen's available area has; and once shown, a window that
still sticks out (a dialog whose content grew) is shrunk and moved back inside.

The same watcher gives every button and every field's label of a shown window an access
key (Alt+letter) when its text has none, so the keyboard reaches everything without a
list kept by hand."""

from __future__ import annotations

import re
from contextlib import contextmanager

from PySide6.QtCore import QEvent, QObject, QRect, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QCheckBox,
    QDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QRadioButton,
    QToolButton,
    QWidget,
)

FRAMED_MS = 150  # time for a window manager to frame a newly shown window
PAINTED_MS = 300  # a window shown has painted by then (as safety_start's check waits)
TITLE_BAR = 34  # a window manager's title bar and frame, outside the geometry we set
MARGIN = 8
LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_CJK = re.compile(r"[\u3400-\u9fff]")
# i18n: data (matched in button texts; English texts take their first letters)
PREFERRED = (("确定", "O"), ("保存", "S"), ("取消", "C"), ("关闭", "C"), ("打印", "P"),
             ("导出", "E"), ("导入", "I"), ("添加", "A"), ("删除", "D"), ("选择", "F"),
             ("放弃", "Q"), ("返回", "B"), ("显示", "V"), ("刷新", "R"), ("登记", "R"))


def available_area(widget: QWidget | None = None) -> QRect:
    """The screen's area for windows (without the taskbar), in logical pixels."""
    screen = widget.screen() if widget is not None else None
    screen = screen or QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen else QRect(0, 0, 1366, 728)


def room(widget: QWidget | None = None) -> tuple[int, int]:
    """The largest window size (width, height) that fits with its title bar."""
    area = available_area(widget)
    return area.width() - 2 * MARGIN, area.height() - TITLE_BAR - MARGIN


def fit(widget: QWidget, width: int, height: int) -> None:
    """Resize `widget` to width×height, or to what the screen has if that is less."""
    most_w, most_h = room(widget)
    widget.resize(min(width, most_w), min(height, most_h))


def keep_inside(widget: QWidget) -> None:
    """Shrink a shown window that is larger than the screen, and move it inside with
    its title bar. Before the window manager has framed it (the frame's size is not
    known yet), the title bar's height is assumed and the window itself is placed."""
    area = available_area(widget)
    most_w, most_h = room(widget)
    if widget.width() > most_w or widget.height() > most_h:
        widget.resize(min(widget.width(), most_w), min(widget.height(), most_h))
    frame = widget.frameGeometry()
    framed = frame.height() > widget.height()
    title = frame.height() - widget.height() if framed else TITLE_BAR
    top = frame.y() if framed else widget.y() - title
    x = min(max(frame.x(), area.left()), area.right() + 1 - frame.width())
    y = min(max(top, area.top()), area.bottom() + 1 - widget.height() - title)
    x, y = max(x, area.left()), max(y, area.top())
    if (x, y) == (frame.x(), top):
        return
    if framed:
        widget.move(x, y)
    else:
        widget.setGeometry(x, y + title, widget.width(), widget.height())


def add_access_keys(window: QWidget) -> None:
    """Give each button of `window` without an access key a free letter, then each
    field's label (a label with a buddy: Alt+letter puts the cursor in its field)."""
    buttons = [b for b in window.findChildren(QAbstractButton)
               if b.text() and not isinstance(b, (QCheckBox, QRadioButton))
               and not (isinstance(b, QToolButton) and b.defaultAction())]
    labels = [label for label in window.findChildren(QLabel)
              if label.buddy() is not None and label.text()]
    for label in labels:  # a field in a box (with its error line): the field itself,
        inner = label.buddy().focusProxy()  # as a label moves focus to a focusable buddy
        if inner is not None:
            label.setBuddy(inner)
    used = {_key_of(x.text()) for x in buttons + labels} - {""}
    if isinstance(window, QMainWindow):  # Alt+A must still open 案件(&A), not a button
        used |= {_key_of(a.text()) for a in window.menuBar().actions()}
    for one in buttons + labels:
        if _key_of(one.text()) or "&&" in one.text():
            continue
        letter = _free_letter(one.text(), used)
        if letter:
            used.add(letter)
            one.setText(with_key(one.text(), letter))


def with_key(text: str, letter: str) -> str:
    """"导出…" → "导出(&E)…": the Chinese way of showing an access key. An English text
    gets the letter underlined in place ("&Export…"); one without that letter is left for
    add_access_keys to give a free letter of its own words when its window is shown. A
    digit (a case's next steps: Alt+1, Alt+2 …) is shown after an English text as after a
    Chinese one, "Home visit (&1)…": no word has it, and a letter would not be the step's
    number."""
    tail = next((t for t in ("…", ":", "\uff1a") if text.endswith(t)), "")  # i18n: data (a colon)
    if not _CJK.search(text):
        at = text.lower().find(letter.lower())
        if at >= 0:
            return f"{text[:at]}&{text[at:]}"
        return f"{text[:len(text) - len(tail)]} (&{letter}){tail}" if letter.isdigit() else text
    return f"{text[:len(text) - len(tail)]}(&{letter}){tail}"


def without_key(text: str) -> str:
    """The words of `text` without its access key: 理由(&R) → 理由, &Reason → Reason."""
    return re.sub(r"\(&\w\)", "", text).replace("&&", "\0").replace("&", "").replace("\0", "&")


def _key_of(text: str) -> str:
    i = text.replace("&&", "").find("&")
    return text.replace("&&", "")[i + 1].upper() if 0 <= i < len(text) - 1 else ""


def _free_letter(text: str, used: set[str]) -> str:
    for word, letter in PREFERRED:
        if word in text and letter not in used:
            return letter
    ascii_first = [c.upper() for c in text if c.isascii() and c.isalpha()]
    return next((c for c in ascii_first + list(LETTERS) if c not in used), "")


class WindowWatcher(QObject):
    """Application-wide: every window, as it is shown, fits the screen and has its keys."""

    def eventFilter(self, obj, event) -> bool:
        if event.type() == QEvent.Type.Show and isinstance(obj, QWidget) and obj.isWindow() \
                and _is_window_or_dialog(obj):
            self.shown(obj)
        return False

    def shown(self, window: QWidget) -> None:
        add_access_keys(window)
        if isinstance(window, QMessageBox):  # small, and placed by Qt as it is laid out
            return
        if isinstance(window, QDialog) and not _placed(window) and _roomy(window):
            # Qt centres a dialog over its window in the dialog's own show handler, after
            # this filter, and only if it was not moved: moved here, it stayed top-left.
            # One with room around it is left to Qt, and checked once Qt has placed it.
            QTimer.singleShot(0, lambda w=window: _again(w))
        else:
            keep_inside(window)
        QTimer.singleShot(FRAMED_MS, lambda w=window: _again(w))

    def start(self, app: QApplication) -> None:
        """Watch from now on; the windows already shown are taken as if shown now."""
        app.installEventFilter(self)
        for window in app.topLevelWidgets():
            if window.isVisible() and _is_window_or_dialog(window):
                self.shown(window)


def _is_window_or_dialog(widget: QWidget) -> bool:
    """Not a menu, tooltip or popup. (`Qt` is named here, not where the module loads: the
    first `Qt` makes PySide build its whole namespace, ~1,400 enum values, and the main
    window's first paint needs none of it.)"""
    from PySide6.QtCore import Qt

    return widget.windowType() in (Qt.WindowType.Window, Qt.WindowType.Dialog)


def _roomy(widget: QWidget) -> bool:
    """Small enough that centred anywhere on the screen it keeps its title bar inside."""
    most_w, most_h = room(widget)
    return widget.width() <= most_w and widget.height() + TITLE_BAR <= most_h - TITLE_BAR


def _placed(widget: QWidget) -> bool:
    """Whether the program set the window's position (Qt then leaves it there)."""
    from PySide6.QtCore import Qt

    return widget.testAttribute(Qt.WidgetAttribute.WA_Moved)


def _again(widget) -> None:
    """Once framed by the window manager, check again with the real title bar."""
    try:
        if widget.isVisible():
            keep_inside(widget)
    except RuntimeError:  # closed and deleted meanwhile
        pass


_watcher: list[WindowWatcher] = []


def install(app: QApplication) -> WindowWatcher:
    if not _watcher:
        _watcher.append(WindowWatcher(app))
        app.installEventFilter(_watcher[0])
    return _watcher[0]


@contextmanager
def unwatched_until_painted(app: QApplication | None):
    """Not watching while the main window is built and shown; it (and any window shown
    meanwhile) is taken as shown once it has painted. A filter of the whole application
    is called for every event of every widget: about 1,400 calls into Python while the
    first window is made, each making the Python classes of the objects it names, for a
    window that `fit` has already sized (issue 17)."""
    watcher = _watcher[0] if _watcher and app is not None else None
    if watcher is not None:
        app.removeEventFilter(watcher)
    try:
        yield
    finally:
        if watcher is not None:
            QTimer.singleShot(PAINTED_MS, lambda: watcher.start(app))
