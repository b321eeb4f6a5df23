"""Start-up (issue 17, item 3): the first screen loads nothing of ours it does not show.
The rule book (recording and checking events), the township's and the 考核 screens, the
editions' operations and the features behind the menus load when first used, not at each
double-click."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from desktop.operations.casework import Casework
from tests.helpers import TODAY, make_application, make_store

ROOT = Path(__file__).resolve().parent.parent
NOT_AT_START = ("desktop.core.rulebook", "desktop.storage.projections", "desktop.township",
                "desktop.assessment", "desktop.operations", "desktop.ui.assessment_panel",
                "desktop.ui.date_field",  # (QStyle and the calendar: the forms' date fields)
                # the features' menus are a table: 公示管理's window and its queries, the
                # 数据交换 panel, the passphrase and policy dialogs load when first chosen
                "desktop.ui.notice_panel", "desktop.ui.notice_dialogs", "desktop.ui.sync_panel",
                "desktop.ui.keys_panel", "desktop.ui.policy_dialogs",
                "desktop.storage.notice_queries",
                # zstd and its dictionary: the first screen reads no compressed payload
                "zstandard")
START = """
import sys
from datetime import date
from pathlib import Path
from PySide6.QtWidgets import QApplication
from desktop.ui.app import application, start
application()
window = start(Path(sys.argv[1]), date(2026, 6, 1))
QApplication.processEvents()
print(window.model.total)
print(" ".join(sorted(m for m in sys.modules if m.startswith(("desktop.", "zstandard")))))
"""


def _first_window(tmp_path, script: str) -> list[str]:
    """The last two lines `script` prints, run in a new process on a village store of
    one case (the window's own process, as a double-click starts it)."""
    store = make_store(tmp_path)
    Casework(store, TODAY).receive_many([make_application()])
    data_dir = store.path.parent
    store.close()
    result = subprocess.run(
        [sys.executable, "-c", script, str(data_dir)], cwd=ROOT, capture_output=True,
        text=True, timeout=120,
        env={**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()[-2:]


def test_a_village_window_opens_without_the_code_of_other_screens(tmp_path):
    total, loaded = _first_window(tmp_path, START)
    assert total == "1"  # the ledger shows the case
    assert [m for m in loaded.split() if m.startswith(NOT_AT_START)] == []


PAINTED = """
import inspect, sys
read = []  # the modules whose source is read (PySide6's import hook reads it: __feature__)
_source = inspect.getsource
inspect.getsource = lambda module: read.append(module.__name__) or _source(module)
from datetime import date
from pathlib import Path
from desktop.ui.app import application, start  # first, as the program does
import PySide6.QtCore
from PySide6.QtWidgets import QApplication
application()
window = start(Path(sys.argv[1]), date(2026, 6, 1))
QApplication.processEvents()
print(window.model.total, window.banner.text() != "", "Qt" in vars(PySide6.QtCore))
print("read:", *(m for m in read if m.startswith("desktop.")))
"""


def test_the_first_paint_builds_no_qt_namespace_and_reads_no_store_sources(tmp_path):
    """Before the ledger has painted: PySide6's `Qt` namespace is not built (~1,400 enum
    values, made whole by the first `Qt` named; the window's first screen needs none of
    them), and PySide6's import hook reads the source of none of our modules (it is
    answered at once: this program uses no `__feature__`)."""
    shown, read = _first_window(tmp_path, PAINTED)
    assert shown == "1 True False"  # the case and the banner shown; no `Qt` built
    assert read.split() == ["read:"]


DOUBLE_CLICK = """
import runpy, sys
import desktop.ui.app as app
opened = []
app.run = lambda data_dir, today: opened.append((str(data_dir), today)) or 0
sys.argv = [sys.argv[0]]
try:
    runpy.run_module("desktop", run_name="__main__")
except SystemExit as done:
    print(done.code, opened)
print(" ".join(sorted(m for m in sys.modules if m.startswith("desktop.cli"))) or "-")
"""


def test_a_double_click_opens_the_window_without_building_the_command_line(tmp_path):
    """The packaged program runs desktop/__main__.py: with no arguments it is the window,
    without the command line's parser and every feature's commands it would load."""
    home = tmp_path / "home"
    result = subprocess.run(
        [sys.executable, "-c", DOUBLE_CLICK], cwd=ROOT, capture_output=True, text=True,
        timeout=120, env={**os.environ, "PYTHONPATH": str(ROOT), "RELIEF_DESK_HOME": str(home),
                          "QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 0, result.stderr
    opened, cli = result.stdout.strip().splitlines()[-2:]
    assert opened == f"0 [({str(home)!r}, None)]"
    assert cli == "-"


WATCHED = """
import sys
from datetime import date
from pathlib import Path
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QPushButton, QVBoxLayout
from desktop.ui import window_fit
from desktop.ui.app import application, start
calls = []
real = window_fit.WindowWatcher.eventFilter
window_fit.WindowWatcher.eventFilter = lambda self, o, e: calls.append(1) or real(self, o, e)
app = application()
window = start(Path(sys.argv[1]), date(2026, 6, 1))
QApplication.processEvents()
print(len(calls))
QTimer.singleShot(window_fit.PAINTED_MS + 200, app.quit)
app.exec()
dialog = QDialog(window)
QVBoxLayout(dialog).addWidget(QPushButton("确定"))
dialog.show()
QApplication.processEvents()
print(len(calls) > 0, dialog.findChild(QPushButton).text())
"""


def test_the_first_window_is_built_and_painted_before_every_window_is_watched(tmp_path):
    """The watcher that fits each window shown and gives its buttons access keys is an
    application-wide event filter, called from Qt for every event of every widget: it
    starts once the main window has painted, then watches every window as before."""
    store = make_store(tmp_path)
    data_dir = store.path.parent
    store.close()
    result = subprocess.run(
        [sys.executable, "-c", WATCHED, str(data_dir)], cwd=ROOT, capture_output=True,
        text=True, timeout=120,
        env={**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 0, result.stderr
    at_first_paint, later = result.stdout.strip().splitlines()[-2:]
    assert int(at_first_paint) < 20  # (about 1,400 while the watcher watched the start)
    assert later == "True 确定(&O)"  # a dialog shown later still gets its keys
