"""Long work off the window's thread (issue 16 item 5): desktop.ui.worker runs it in a
thread of its own with a progress dialog, one writer at a time, cancel that leaves
nothing half-done, and results or messages back on the window's thread."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QProgressDialog, QPushButton, QWidget

from desktop.core.errors import Refusal
from desktop.ui import worker
from tests.helpers import TODAY, make_application, make_store
from tests.sync_world import World, snapshot, status
from tests.test_township_filing import paid  # noqa: F401
from tests.test_ui_sync import window_for
from tests.ui_hooks import answer_questions, wait_for_work  # noqa: F401


@pytest.fixture
def parent(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


def _progress_dialog(widget) -> QProgressDialog:
    return widget.findChild(QProgressDialog)


def _cancel(qtbot, widget) -> None:
    dialog = _progress_dialog(widget)
    qtbot.waitUntil(dialog.isVisible)
    (button,) = dialog.findChildren(QPushButton)
    assert button.text() == "取消"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


class Gate:
    """Holds a job's thread at a point until the test lets it go on."""

    def __init__(self):
        self.reached, self.open = threading.Event(), threading.Event()

    def wait_here(self) -> None:
        self.reached.set()
        assert self.open.wait(30)


def test_a_job_runs_off_the_window_thread_and_its_result_comes_back(qtbot, parent):
    got = []
    job = worker.run(parent, "测试", lambda job: threading.get_ident(),
                     done=lambda ident: got.append((ident, threading.get_ident())))
    wait_for_work(qtbot)
    assert job is not None and len(got) == 1
    worker_thread, callback_thread = got[0]
    assert worker_thread != threading.get_ident()  # the work ran elsewhere,
    assert callback_thread == threading.get_ident()  # its result arrived here


def test_what_a_result_starts_does_not_wait_for_the_job_that_gave_it(qtbot, parent):
    """A restore asked for once its backup was checked was refused, now and then, with
    “正在核对备份,请等它完成后再恢复”: the check's job counted as running until its
    thread's end reached the window, after its result had."""
    seen = []
    worker.run(parent, "核对备份", lambda job: "ok", done=lambda _: seen.append(worker.running()))
    qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    assert seen == [None]
    wait_for_work(qtbot)


def test_the_dialog_shows_progress_and_leaves_the_window_usable(qtbot, parent):
    gate = Gate()

    def work(job):
        job.step(1, 3, "正在读取第 1 份")
        gate.wait_here()
        return "ok"

    got = []
    worker.run(parent, "导入数据包", work, done=got.append, cancel=True)
    dialog = _progress_dialog(parent)
    try:
        qtbot.waitUntil(lambda: dialog.value() == 1)
        assert dialog.maximum() == 3 and dialog.labelText() == "正在读取第 1 份"
        assert dialog.isVisible() and dialog.windowModality() == Qt.WindowModality.NonModal
    finally:
        gate.open.set()
    wait_for_work(qtbot)
    assert got == ["ok"]
    qtbot.waitUntil(lambda: not parent.findChildren(QProgressDialog))  # closed and gone


def test_an_error_arrives_as_a_message_not_an_exception(qtbot, parent, monkeypatch):
    import desktop.crash

    messages, reported = [], []
    worker.run(parent, "测试", lambda job: (_ for _ in ()).throw(Refusal("文件已损坏,请重新导出。")),
               done=messages.append, failed=messages.append)
    wait_for_work(qtbot)
    assert messages == ["文件已损坏,请重新导出。"]

    monkeypatch.setattr(desktop.crash, "report_bug",
                        lambda exc: reported.append(type(exc)) or "crash.txt")
    worker.run(parent, "测试", lambda job: {}["一个程序错误"], done=messages.append,
               failed=messages.append)
    wait_for_work(qtbot)
    assert reported == [KeyError]  # logged as a bug, without its message (personal data)
    assert "后台工作出错" in messages[-1] and "一个程序错误" not in messages[-1]


def test_two_writing_jobs_never_overlap_and_the_window_waits(qtbot, parent, tmp_path):
    from desktop.operations.casework import Casework

    store = make_store(tmp_path)
    gate, messages, done = Gate(), [], []
    try:
        first = worker.run(parent, "导入数据包", lambda job: gate.wait_here(), store=store,
                           writes=True, done=done.append, failed=messages.append)
        assert gate.reached.wait(30) and first is not None
        second = worker.run(parent, "导出数据包", lambda job: "never", store=store, writes=True,
                            done=done.append, failed=messages.append)
        assert second is None and messages == ["正在导入数据包,请等它完成后再试。"]
        with pytest.raises(Refusal, match="正在导入数据包"):  # the window's own save waits
            Casework(store, TODAY).receive(make_application())
        assert store.db.execute("SELECT COUNT(*) FROM applications").fetchone()[0] == 0  # reads go on
    finally:
        gate.open.set()
    wait_for_work(qtbot)
    Casework(store, TODAY).receive(make_application())  # free again once it ended
    worker.run(parent, "导出数据包", lambda job: "now", store=store, writes=True,
               done=done.append, failed=messages.append)
    wait_for_work(qtbot)
    assert done == [None, "now"] and len(messages) == 1
    store.close()


def test_a_cancelled_import_of_several_bundles_leaves_the_store_unchanged(
        qtbot, tmp_path, monkeypatch):
    from desktop.sync import importer

    world = World(tmp_path)
    try:
        (case_a,) = world.cases_ready(world.a, 1)
        (bundle_a,) = [e.path for e in world.export(world.a)]
        world.cases_ready(world.b, 1)
        (bundle_b,) = [e.path for e in world.export(world.b)]
        before = snapshot(world.township)
        gate, real = Gate(), importer.apply_bundle
        applied = []

        def slow_apply(store, v, today):
            applied.append(v.name)
            if len(applied) == 2:  # the first bundle is in, the second on its way
                gate.wait_here()
            return real(store, v, today)

        monkeypatch.setattr(importer, "apply_bundle", slow_apply)
        win = window_for(qtbot, world.township)
        dialog = win.sync_panel.import_bundles()
        dialog.add_files([bundle_a, bundle_b])
        dialog.do_import()
        assert gate.reached.wait(30)
        _cancel(qtbot, dialog)
        gate.open.set()
        wait_for_work(qtbot)
        assert len(applied) == 2  # both were applied, then rolled back together
        assert snapshot(world.township) == before
        assert "已取消导入数据包,没有做任何改动" in dialog.report.toPlainText()
        assert dialog.import_button.isEnabled()
        dialog.do_import()  # and done again, whole
        wait_for_work(qtbot)
        assert status(world.township, case_a) == "acknowledged"
    finally:
        world.close()


def test_a_cancelled_export_leaves_no_file_and_reports_nothing(qtbot, tmp_path, monkeypatch):
    from desktop.sync import export

    world = World(tmp_path)
    try:
        (case_id,) = world.cases_ready(world.a, 1)
        gate, real = Gate(), export._build

        def slow_build(*args):
            gate.wait_here()
            return real(*args)

        monkeypatch.setattr(export, "_build", slow_build)
        win = window_for(qtbot, world.a)
        dialog = win.sync_panel.export()
        dialog.ask_folder = lambda: str(world.usb)
        dialog._other_folder()
        dialog.do_export()
        assert gate.reached.wait(30)
        _cancel(qtbot, dialog)
        gate.open.set()
        wait_for_work(qtbot)
        assert list(world.usb.iterdir()) == []  # not even a .part
        assert status(world.a, case_id) == "notice_done"  # not reported (上报) either
        assert "已取消" in dialog.error.text() and dialog.export_button.isEnabled()
    finally:
        world.close()


def test_the_filing_export_runs_in_the_background_and_files_the_cases(
        qtbot, paid, tmp_path):  # noqa: F811
    from desktop.ui.township_queue import FilingDialog

    out = tmp_path / "county"
    out.mkdir()
    dialog = FilingDialog(paid.township, TODAY)
    qtbot.addWidget(dialog)
    dialog.month.setText("2026-12")
    dialog.folder.setText(str(out))
    dialog.do_export()
    assert not dialog.export_button.isEnabled()  # one export at a time
    wait_for_work(qtbot)
    assert dialog.filed.register_no in dialog.result.toPlainText()
    assert [status(paid.township, c) for c in paid.ids] == ["filed"] * 3
    assert sorted(p.suffix for p in out.iterdir()) == [".pdf", ".rdfiling", ".xlsx"]


def test_the_filing_export_is_checked_before_it_is_confirmed(
        qtbot, paid, tmp_path, answer_questions):  # noqa: F811
    """An empty month or a folder that is not there is said at once, with no "不能撤销"
    question first; a month that will pass is asked about with its number of cases."""
    from desktop.ui.township_queue import FilingDialog

    dialog = FilingDialog(paid.township, TODAY)
    qtbot.addWidget(dialog)
    dialog.folder.setText(str(tmp_path / "missing"))
    dialog.do_export()
    assert "不存在" in dialog.error.text() and answer_questions == []
    dialog.folder.setText(str(tmp_path))
    dialog.month.setText("2026-01")
    dialog.do_export()
    assert "没有已发放、待备案的案件" in dialog.error.text() and answer_questions == []
    dialog.month.setText("2026年12月")
    dialog.do_export()  # said as the officer reads it, not as “YYYY-MM”
    assert dialog.error.text() == "月份“2026年12月”写得不对,应为“年-月”,例如 2026-11。"
    assert answer_questions == []
    dialog.month.setText("2026-12")
    dialog.do_export()
    assert len(answer_questions) == 1 and "2026-12,3 户" in answer_questions[0]
    wait_for_work(qtbot)


def test_a_township_export_to_several_villages_offers_no_cancel(qtbot, tmp_path):
    world = World(tmp_path)
    try:
        win = window_for(qtbot, world.township)
        dialog = win.sync_panel.export()
        dialog.ask_folder = lambda: str(world.usb)
        dialog._other_folder()
        dialog.do_export()  # the first villages' bundles could be out before a cancel
        assert not _progress_dialog(dialog).findChildren(QPushButton)
        wait_for_work(qtbot)
        assert dialog.export_button.isEnabled()
    finally:
        world.close()


def test_a_restore_waits_for_running_work_and_keeps_the_store_open(qtbot, tmp_path):
    from desktop.safety import backup
    from desktop.ui import safety_start
    from desktop.ui.main_window import MainWindow

    store = make_store(tmp_path)
    good = backup.auto_backup(store, "manual")
    window = MainWindow(store, TODAY)
    qtbot.addWidget(window)
    safety_start.ensure_menu(window)
    panel = window.safety_panel
    panel.say = lambda text, problem=False: panel.messages.append(text)
    panel.ask_passphrase = lambda text, confirm=False: "口令123456"
    gate = Gate()
    worker.run(window, "加密备份到U盘", lambda job: gate.wait_here(), store=store,
               done=lambda _: None)
    try:
        assert gate.reached.wait(30)
        panel.restore_from(good, None)
        assert panel.messages == ["正在加密备份到U盘,请等它完成后再恢复。"]
        assert panel.replacement is None and store.db.execute("SELECT 1").fetchone() == (1,)
    finally:
        gate.open.set()
    wait_for_work(qtbot)
    store.close()
