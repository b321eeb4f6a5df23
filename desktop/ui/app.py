"""Starting the GUI: the bundled CJK font, Qt's Chinese translations, the store (or the
first-run setup when there is none), and one last net that turns a Refusal into a
message box instead of a traceback."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from desktop.core import clock
from desktop.core.errors import Refusal
from desktop.paths import resource_path, store_path

# isort: split
from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFont, QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

# PySide6's import hook reads the source of every module imported after it, to see whether
# it names PySide6 (for `from __feature__ import …`, which this program never uses). A
# packaged program has no sources: there it reads nothing and takes every module for one
# that does not use them. Run from source, the same answer at once spares it reading a
# hundred files at each start (about a tenth of our start-up's own instructions).
_feature = sys.modules.get("shibokensupport.feature")
if getattr(_feature, "_mod_uses_pyside", None) is not None:
    _feature._mod_uses_pyside = lambda module: False

from desktop.ui.i18n import QT_TR_NOOP, tr  # noqa: E402 (after the hook's answer)
from desktop.ui.windows import KEEP  # noqa: E402

APP_NAME = QT_TR_NOOP("民生救助工作台")
FONT_FILE = ("fonts", "wqy-microhei.ttc")
_keep = KEEP  # windows must outlive run()'s locals
_translators: list[QTranslator] = []  # those installed, kept alive here


def install_font(app: QApplication) -> str:
    """Register the bundled font (and any other font in resources/fonts, used as
    fallbacks, e.g. for rare characters) and make it the application font."""
    primary = resource_path(*FONT_FILE)
    others = sorted(p for p in primary.parent.glob("*.tt[fc]") if p != primary)
    families: list[str] = []
    for path in [primary, *others]:
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id >= 0:
            families += QFontDatabase.applicationFontFamilies(font_id)[:1]
    if not families:
        return ""
    font = QFont(families[0])
    font.setFamilies(families)
    font.setPointSize(max(app.font().pointSize(), 10))
    app.setFont(font)
    return families[0]


def install_translations(app: QApplication, language: str | None = None) -> bool:
    """The interface in `language` (the saved setting by default): Qt's own strings
    (standard buttons “确定”/“OK”, the file dialogs) and, for English, ours. Installed before
    any window is built, as every window takes its texts when it is made. False when a
    catalogue is missing (the interface then stays in Chinese, the source language)."""
    from desktop.ui import preferences
    from desktop.ui.i18n import catalogue, qt_supplement

    language = language or preferences.saved_language()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
                       if language == "en" else
                       QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    wanted = [(f"qtbase_{language}", folder)]
    for ours in (qt_supplement(language), catalogue(language)):  # installed later: first asked
        if ours is not None:
            wanted.append((ours.name, str(ours.parent)))
    for old in _translators:  # a second call replaces the language, not adds to it
        app.removeTranslator(old)
    _translators.clear()
    ok = True
    for name, where in wanted:
        translator = QTranslator(app)
        if translator.load(name, where):
            app.installTranslator(translator)
            _translators.append(translator)
        else:
            ok = False
    return ok


def application() -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setWindowIcon(QIcon(str(resource_path("icons", "relief-desk.png"))))
    install_font(app)
    install_translations(app)
    from desktop.ui import preferences, window_fit

    preferences.apply_font_size(preferences.saved_font_size(), remember=False)
    window_fit.install(app)
    return app


def _excepthook(kind, value, tb) -> None:
    """A Refusal that escaped a slot is shown as its message; a bug gets a short notice."""
    if isinstance(value, Refusal):
        from desktop.ui.guard import gui_text

        _alert(gui_text(value.message))
        return
    from desktop.crash import report_bug

    report = report_bug(value)
    _alert(tr("程序内部错误({kind}),操作未完成,已保存的数据不受影响。\n详情已写入 {report},请交给维护人员。").format(
               kind=kind.__name__, report=report))


def _alert(text: str) -> None:
    if QApplication.instance() is not None:
        QMessageBox.warning(QApplication.activeWindow(), tr(APP_NAME), text)
    else:
        print(text, file=sys.stderr)


def start(data_dir: Path, today: date | None = None):
    """Open the main window, or the first-run setup leading to it; returns the window."""
    from desktop.ui import safety_start, window_fit
    from desktop.ui.main_window import MainWindow

    today = today or clock.today()
    safety_start.install_prompt()
    if store_path(data_dir).exists():
        store = safety_start.open_store(data_dir)
        safety_start.unlock_keys(store)
        with window_fit.unwatched_until_painted(QApplication.instance()):
            window = MainWindow(store, today)
            safety_start.ensure_menu(window)
            window.show()
        safety_start.check_in_background(window)
        _keep.append(window)
        return window
    from desktop.ui.setup import SetupDialog  # first run only: it loads the key tools

    setup = SetupDialog(data_dir)

    def opened(store):
        main = MainWindow(store, today)
        safety_start.ensure_menu(main)
        main.show()
        _keep.append(main)

    setup.created.connect(opened)
    setup.show()
    _keep.append(setup)
    return setup


def run(data_dir: Path, today: date | None = None) -> int:
    app = application()
    sys.excepthook = _excepthook
    try:
        first = start(Path(data_dir), today)
    except Refusal as exc:
        from desktop.ui.guard import gui_text

        QMessageBox.critical(None, tr(APP_NAME), gui_text(exc.message))
        return 2
    if not first.isVisible():
        return 0
    app.setQuitOnLastWindowClosed(True)
    return app.exec()
