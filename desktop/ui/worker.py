"""Long work off the window's thread: importing and exporting bundles, the filing
export, USB backups and restore, long documents. `run()` starts a background Job
(desktop.ui.background) with a progress dialog that does not block the window, and
calls back on the window's thread with the result or a one-line message.

SQLite lets one connection write at a time, and a connection belongs to the thread that
opened it. So a job that is given the window's store opens its own connection to the
same data directory; a job that writes holds the one writer's place: a second writing
job is refused with a message, and while it runs the window's own store refuses to
start a write (its `transaction`), so that a save in the window is told to wait instead
of blocking on the database lock. Reading (the ledger, the case view) goes on as usual.

Cancelling is offered only for work that stops cleanly at its `job.step(...)` calls: the
step raises inside the work's transaction, which rolls back whole, and files not yet
published are removed by the work's own clean-up."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QProgressDialog

from desktop.core.errors import Refusal
from desktop.ui.background import Cancelled, Job
from desktop.ui.i18n import tr

__all__ = ["Cancelled", "Work", "run", "running", "running_writer", "unlock_keys"]

_writer: "Work | None" = None  # the one writing job running, if any


def running_writer() -> "Work | None":
    return _writer


def running() -> "Work | None":
    """A job still running, writing or reading (a restore must wait for every one)."""
    from desktop.ui.background import _jobs

    return _writer or next((j for j in _jobs if isinstance(j, Work) and not j.delivered), None)


class Work(Job):
    """A Job that may open its own store (`self.store` inside the work) and may hold
    the writer's place while it runs."""

    def __init__(self, title: str, work, store=None, writes: bool = False):
        super().__init__(lambda: self._with_store(work))
        self.title, self.gui_store, self.writes = title, store, writes
        self.store = None
        # Its result handed to the window: the work is over (its store closed) though the
        # thread's `finished`, queued, may not have reached the window yet; what the result
        # starts (a restore after its check) must not wait for this job.
        self.delivered = False
        self.finished.connect(self._release)  # queued: runs in the window's thread

    def _with_store(self, work):
        if self.gui_store is None:
            return work(self)
        from desktop.storage.store import Store

        self.store = Store.open(self.gui_store.path.parent)
        try:
            return work(self)
        finally:
            self.store.close()

    def claim(self) -> None:
        global _writer
        if not self.writes:
            return
        if _writer is not None:
            raise Refusal(tr("正在{title},请等它完成后再试。").format(title=_writer.title))
        _writer = self
        if self.gui_store is not None:
            title = self.title
            # Shadows Store.transaction on this one object until the job ends.
            self.gui_store.transaction = lambda: _refuse_write(title)

    def _release(self) -> None:
        global _writer
        if _writer is self:
            _writer = None
            if self.gui_store is not None:
                self.gui_store.__dict__.pop("transaction", None)


def _refuse_write(title: str):
    raise Refusal(tr("正在{title},完成后才能保存。请稍候再点保存(已填写的内容不会丢失)。").format(title=title))


def run(parent, title: str, work, *, done, failed=None, store=None, writes: bool = False,
        cancel: bool = False, modal: bool = False, cancelled=None) -> Work | None:
    """Run `work(job)` in a thread; `done(result)` or `failed(message)` on this thread.

    `store`: the window's store; the work then reads and writes `job.store`, its own.
    `writes`: the work writes (one at a time; the window's store waits meanwhile).
    `cancel`: offer 取消 (the work must stop cleanly at `job.step`). `modal`: block the
    window (only for a restore, which replaces what the window shows).
    Returns the job, or None when it was refused at once (`failed` was told why)."""
    failed = failed or (lambda text: show_problem(parent, text))
    job = Work(title, work, store, writes)
    try:
        job.claim()
    except Refusal as exc:
        failed(exc.message)
        return None
    _Watcher(parent, job, done, failed, cancelled, cancel, modal)
    job.start()
    return job


def show_problem(parent, text: str) -> None:
    from desktop.ui.widgets import show_message

    show_message(parent, text)


def unlock_keys(store) -> None:
    """Ask the passphrase of the keys here, on the window's thread, before a job needs
    them (a dialog cannot be shown from the job's thread). Refusal when not given."""
    from desktop.sync import keys

    keys.load_or_create(store.path.parent, store.workstation["id"])


class _Watcher(QObject):
    """The progress dialog and the callbacks, a child of `parent`: when the parent is
    gone the late result is dropped instead of reaching a deleted widget."""

    def __init__(self, parent, job: Work, done, failed, cancelled, cancel: bool, modal: bool):
        super().__init__(parent)
        self.job, self.on_done, self.on_failed = job, done, failed
        self.on_cancelled = cancelled
        self.cancellable = cancel
        self.dialog = QProgressDialog(tr("正在{title}……").format(
                                          title=job.title), tr("取消") if cancel else "", 0, 0,
                                      parent)
        if not cancel:
            self.dialog.setCancelButton(None)
        self.dialog.setWindowTitle(job.title)
        from PySide6.QtCore import Qt  # (not when the module loads: the first `Qt` builds the
        # whole namespace, which the main window's first paint does not need)

        self.dialog.setWindowModality(Qt.WindowModality.WindowModal if modal
                                      else Qt.WindowModality.NonModal)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.setMinimumDuration(0)
        self.dialog.canceled.connect(self._cancel)
        job.progress.connect(self._progress)
        job.done.connect(self._done)
        job.refused.connect(self._failed)
        job.cancelled.connect(self._cancelled)
        self.dialog.show()

    def _progress(self, done: int, total: int, text: str) -> None:
        self.dialog.setMaximum(total)
        self.dialog.setValue(done)
        if text:
            self.dialog.setLabelText(text)

    def _cancel(self) -> None:
        if self.cancellable:
            self.job.cancel()
            self.dialog.setLabelText(tr("正在取消……"))
        else:  # Esc or the close button: this work cannot stop half-way
            self.dialog.setLabelText(tr("正在{title},这项工作不能中途停止,请稍候……").format(
                                         title=self.job.title))
        self.dialog.show()

    def _end(self) -> None:
        self.job._release()  # the work is over: the window may write again at once
        self.job.delivered = True
        self.dialog.close()
        self.dialog.deleteLater()
        self.deleteLater()

    def _done(self, result) -> None:
        self._end()
        self.on_done(result)

    def _failed(self, text: str) -> None:
        from desktop.ui.guard import gui_text

        self._end()
        self.on_failed(gui_text(text))

    def _cancelled(self) -> None:
        self._end()
        if self.on_cancelled:
            self.on_cancelled()
        else:
            self.on_failed(tr("已取消{title},没有做任何改动。").format(title=self.job.title))
