"""Screenshots of every window and dialog as the officer sees them, for a person to look
at (issue 16): run on an X display with a window manager, e.g.

    Xvfb :99 -screen 0 1366x768x24 & DISPLAY=:99 icewm &
    DISPLAY=:99 .venv/bin/python -m tests.ui_shots /tmp/shots/100
    DISPLAY=:99 QT_SCALE_FACTOR=1.25 .venv/bin/python -m tests.ui_shots /tmp/shots/125

Each window is shown through the same path as the fit test (tests/ui_windows.py) and the
whole screen is saved with ImageMagick's `import`."""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from PySide6.QtCore import QElapsedTimer
from PySide6.QtWidgets import QApplication

from desktop.ui import guard
from desktop.ui.app import application
from desktop.ui.main_window import MainWindow
from tests.ui_windows import DEMO_TODAY, demo_village, township_windows, village_windows


def settle(ms: int = 500) -> None:
    timer = QElapsedTimer()
    timer.start()
    while timer.elapsed() < ms:
        QApplication.processEvents()


def shoot(out: Path, n: int, name: str, widget, main) -> None:
    widget.show()
    widget.raise_()
    widget.activateWindow()
    settle()
    safe = "".join(c if c.isalnum() else "-" for c in name)
    subprocess.run(["import", "-window", "root", str(out / f"{n:02d}-{safe}.png")], check=True)
    if widget is not main and widget is not getattr(main, "notice_panel", None):
        widget.hide()


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    application()
    patch = pytest.MonkeyPatch()
    patch.setattr(guard, "ask_yes", lambda *a, **k: True)
    with tempfile.TemporaryDirectory() as tmp:
        store = demo_village(Path(tmp) / "demo")
        window = MainWindow(store, DEMO_TODAY)
        n = 0
        for n, (name, widget) in enumerate(village_windows(window, patch, Path(tmp)), 1):
            shoot(out, n, name, widget, window)
        window.notice_panel.hide()
        window.hide()
        from tests.helpers import TODAY
        from tests.sync_world import World
        from tests.township_world import deliver

        world = World(Path(tmp) / "world")
        world.cases_ready(world.a, 3)
        deliver(world)
        township = MainWindow(world.township, TODAY)
        for m, (name, widget) in enumerate(township_windows(township), n + 1):
            shoot(out, m, name, widget, township)
        world.close()
        store.close()
    patch.undo()


if __name__ == "__main__":
    main(Path(sys.argv[1]))
