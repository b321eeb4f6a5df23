"""The 设置 menu: the font size (小/中/大/特大) for the whole application and the language
of the interface (中文/English), remembered for this computer's user (QSettings: display
preferences of the person, not a policy of the workstation), and the objection phones
printed on notices (the workstation's settings). A new language applies from the next
start: the windows build their texts once, and the translators are installed before them."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QApplication

from desktop.ui import guard
from desktop.ui.i18n import DEFAULT_LANGUAGE, LANGUAGES, QT_TR_NOOP, tr
from desktop.ui.menus import POSTING

FONT_SIZES = {"small": (QT_TR_NOOP("小"), 9), "medium": (QT_TR_NOOP("中"), 10),
              "large": (QT_TR_NOOP("大"), 12), "huge": (QT_TR_NOOP("特大"), 14)}
DEFAULT_SIZE = "medium"
SIZE_KEY = "display/font_size"
LANGUAGE_KEY = "display/language"
LANGUAGE_ITEMS = {"zh_CN": "中文(&Z)", "en": "&English"}  # i18n: data (each in its own language)


def settings() -> QSettings:
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                     "relief-desk", "relief-desk")


def saved_font_size() -> str:
    value = settings().value(SIZE_KEY, DEFAULT_SIZE)
    return value if value in FONT_SIZES else DEFAULT_SIZE


def saved_language() -> str:
    value = settings().value(LANGUAGE_KEY, DEFAULT_LANGUAGE)
    return value if value in LANGUAGES else DEFAULT_LANGUAGE


def save_language(language: str) -> None:
    store = settings()
    store.setValue(LANGUAGE_KEY, language)
    store.sync()


def apply_font_size(size: str, remember: bool = True) -> None:
    """Every widget follows the application font (those with their own size keep it)."""
    app = QApplication.instance()
    font = app.font()
    font.setPointSize(FONT_SIZES[size][1])
    app.setFont(font)
    # a widget with a style sheet of its own (the overdue banner, the red flags) keeps
    # the font it was polished with: its sheet set again takes the new size
    for widget in app.allWidgets():
        if widget.styleSheet():
            widget.setStyleSheet(widget.styleSheet())
    if remember:
        store = settings()
        store.setValue(SIZE_KEY, size)
        store.sync()


def install(main_window) -> None:
    """The 设置 menu of `main_window`."""
    menu = main_window.menuBar().addMenu(tr("设置(&T)"))
    sizes = menu.addMenu(tr("字号(&Z)"))
    group = QActionGroup(main_window)
    current = saved_font_size()
    main_window.font_actions = {}
    for number, (code, (label, _points)) in enumerate(FONT_SIZES.items(), 1):
        action = QAction(f"{tr(label)}(&{number})", main_window, checkable=True)
        action.setChecked(code == current)
        action.triggered.connect(lambda _=False, c=code: _chosen(main_window, c))
        group.addAction(action)
        sizes.addAction(action)
        main_window.font_actions[code] = action
    languages = menu.addMenu(tr("语言 Language(&L)"))
    chosen = QActionGroup(main_window)
    main_window.language_actions = {}
    for code, label in LANGUAGE_ITEMS.items():
        action = QAction(label, main_window, checkable=True)
        action.setChecked(code == saved_language())
        action.triggered.connect(lambda _=False, c=code: _language_chosen(main_window, c))
        chosen.addAction(action)
        languages.addAction(action)
        main_window.language_actions[code] = action
    if hasattr(type(main_window), "notice_panel") and \
            main_window.store.workstation["role"] in POSTING:  # (built when first used)
        menu.addAction(tr("异议反映电话(&P)…"), lambda: main_window.notice_panel.set_phones())
    # the policy in force, issued from above: its dialog's module loads when it opens
    menu.addAction(tr("本机政策(&O)…"), lambda: _policy(main_window))
    main_window.settings_menu = menu


def _policy(main_window) -> None:
    from desktop.ui.policy_dialogs import PolicyDialog

    PolicyDialog(main_window.store, main_window.today, main_window).exec()


def _chosen(main_window, size: str) -> None:
    apply_font_size(size)
    guard.tell(main_window, tr("字号已改为“{size}”,下次打开时仍用这个字号。").format(
        size=tr(FONT_SIZES[size][0])))


def _language_chosen(main_window, language: str) -> None:
    if language == saved_language():
        return
    save_language(language)
    guard.tell(main_window, NEXT_START.format(name=LANGUAGES[language]))


# In both languages, whichever is shown now: the officer who chose may not read it.
NEXT_START = ("界面语言已改为“{name}”,下次打开工作台时生效。"  # i18n: data
              " The interface will be in {name} from the next start.")
