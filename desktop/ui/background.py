"""Work that must not hold the window still: run in a thread of its own, its result (or
its refusal) delivered back to the window's thread as a signal.

The work must not touch widgets nor the window's database connection: SQLite
connections belong to the thread that opened them, so the work opens its own."""

from __future__ import annotations

import atexit

from PySide6.QtCore import QCoreApplication, QThread, Signal

from desktop.core.errors import Refusal
from desktop.ui.i18n import tr

# Qt aborts the process when a running QThread object is destroyed: every job started
# is kept here until it ends, and the program waits for the running ones before it exits.
_jobs: set["Job"] = set()
_hooked: set = set()  # the application whose aboutToQuit waits for them


class Cancelled(Exception):
    """Raised by `Job.step` once the officer asked to stop: it unwinds the work through
    its transaction (rolled back) and its temporary files (removed)."""


class Job(QThread):
    done = Signal(object)  # the work's return value
    refused = Signal(str)  # a Refusal's message, or a short notice of a bug
    progress = Signal(int, int, str)  # done, total, what is being done
    cancelled = Signal()  # the work stopped at the officer's request, nothing changed

    def __init__(self, work):
        super().__init__()
        self.work = work
        self.started_once = False
        self.cancel_asked = False
        self.finished.connect(self._forget)  # queued: runs in the window's thread

    def start(self) -> None:
        if self.started_once:
            return
        self.started_once = True
        app = QCoreApplication.instance()
        if app is not None and app not in _hooked:
            app.aboutToQuit.connect(settle_all)
            _hooked.add(app)
        _jobs.add(self)
        super().start()

    def _forget(self) -> None:
        _jobs.discard(self)

    def run(self) -> None:
        try:
            result = self.work()
        except Cancelled:
            self.cancelled.emit()
        except Refusal as exc:
            self.refused.emit(exc.message)
        except Exception as exc:  # a bug: reported without personal data, never raised here
            from desktop.crash import report_bug

            self.refused.emit(tr("后台工作出错({kind}),详情已写入 {exc}。").format(
                                  kind=type(exc).__name__, exc=report_bug(exc)))
        else:
            self.done.emit(result)

    def step(self, done: int, total: int, text: str = "") -> None:
        """Called by the work (in its thread) between safe points: reports progress, and
        stops the work there if the officer asked to (raises Cancelled)."""
        if self.cancel_asked:
            raise Cancelled
        self.progress.emit(done, total, text)

    def cancel(self) -> None:
        self.cancel_asked = True

    def drop_if_waiting(self) -> None:
        """Work not started yet never starts (the program is closing: no need to check)."""
        self.started_once = True

    def settle(self) -> None:
        """Wait for the work to end (before anything that must not run beside it); work
        not started yet is started now, so that it never runs beside what follows."""
        self.start()
        self.wait()


@atexit.register
def settle_all() -> None:
    for job in list(_jobs):
        job.settle()
