"""The 设置 menu: the font size (小/中/大/特大) for the whole application, remembered for
this computer's user (QSettings: a display preference of the person, not a policy of the
workstation), and the objection phones printed on notices (the workstation's settings)."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QApplication

from desktop.ui import guard

FONT_SIZES = {"small": ("小", 9), "medium": ("中", 10), "large": ("大", 12),
              "huge": ("特大", 14)}
DEFAULT_SIZE = "medium"
SIZE_KEY = "display/font_size"


def settings() -> QSettings:
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                     "relief-desk", "relief-desk")


def saved_font_size() -> str:
    value = settings().value(SIZE_KEY, DEFAULT_SIZE)
    return value if value in FONT_SIZES else DEFAULT_SIZE


def apply_font_size(size: str, remember: bool = True) -> None:
    """Every widget follows the application font (those with their own size keep it)."""
    app = QApplication.instance()
    font = app.font()
    font.setPointSize(FONT_SIZES[size][1])
    app.setFont(font)
    if remember:
        store = settings()
        store.setValue(SIZE_KEY, size)
        store.sync()


def install(main_window) -> None:
    """The 设置 menu of `main_window`."""
    menu = main_window.menuBar().addMenu("设置(&T)")
    sizes = menu.addMenu("字号(&Z)")
    group = QActionGroup(main_window)
    current = saved_font_size()
    main_window.font_actions = {}
    for number, (code, (label, _points)) in enumerate(FONT_SIZES.items(), 1):
        action = QAction(f"{label}(&{number})", main_window, checkable=True)
        action.setChecked(code == current)
        action.triggered.connect(lambda _=False, c=code: _chosen(main_window, c))
        group.addAction(action)
        sizes.addAction(action)
        main_window.font_actions[code] = action
    panel = getattr(main_window, "notice_panel", None)
    if panel is not None:
        menu.addAction("异议反映电话(&P)…", panel.set_phones)
    from desktop.ui import policy_dialogs

    policy_dialogs.install(main_window, menu)  # the policy in force, issued from above
    main_window.settings_menu = menu


def _chosen(main_window, size: str) -> None:
    apply_font_size(size)
    guard.tell(main_window, f"字号已改为“{FONT_SIZES[size][0]}”,下次打开时仍用这个字号。")
