"""The 数据安全 menu and the safe start (issue 7), driven through the dialogs' ask hooks."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from desktop.core.errors import Refusal
from desktop.safety import backup
from desktop.storage.store import Store
from desktop.ui import safety_panel, safety_start
from desktop.ui.main_window import MainWindow
from tests.helpers import TODAY, make_application, make_store
from tests.ui_hooks import answer_questions, wait_for_work  # noqa: F401


def _window(qtbot, store):
    window = MainWindow(store, TODAY)
    qtbot.addWidget(window)
    safety_start.ensure_menu(window)
    panel = window.safety_panel
    panel.say = lambda text, problem=False: panel.messages.append(text)
    return window, panel


def test_menu_backup_usb_check_and_restore(qtbot, tmp_path, monkeypatch):
    store = make_store(tmp_path)
    window, panel = _window(qtbot, store)
    menu = [a.text() for a in panel.menu.actions()]
    assert menu[:4] == ["立即备份(&N)", "备份到U盘(加密)(&U)…", "从备份恢复(&R)…", "检查数据(&C)"]
    assert "忘记口令(重新生成密钥)(&F)…" in menu
    assert not backup.auto_backups(store.path.parent)
    safety_start.check_in_background(window)
    qtbot.waitUntil(lambda: "数据检查通过" in window.statusBar().currentMessage(), timeout=20000)
    assert backup.auto_backups(store.path.parent)  # the day's first, with the start-up check
    from desktop.operations.casework import Casework

    Casework(store, TODAY).receive(make_application())
    panel.backup_now()
    assert panel.messages[-1].startswith("已备份到")
    manual = panel.messages[-1].removeprefix("已备份到 ").removesuffix("。")
    assert Path(manual).name.startswith("manual-") and "auto" not in Path(manual).name
    usb = tmp_path / "usb"
    usb.mkdir()
    panel.ask_folder = lambda: str(usb)
    panel.ask_passphrase = lambda text, confirm=False: "口令123456"
    panel.backup_to_usb()
    wait_for_work(qtbot)
    (file,) = usb.glob("*.rdbackup")
    panel.check()
    assert "数据检查通过" in panel.messages[-1]
    panel.ask_file = lambda: str(file)
    asked: list = []
    panel.confirm = lambda text: asked.append(text) or True
    panel.ask_passphrase = lambda text, confirm=False: "wrongpass" if "加密备份" in text \
        else "口令123456"
    panel.restore()  # a wrong passphrase: said before the officer is asked to replace
    wait_for_work(qtbot)
    assert asked == [] and "口令" in panel.messages[-1]
    panel.ask_passphrase = lambda text, confirm=False: "口令123456"
    old_id = store.workstation["id"]
    panel.restore()
    qtbot.waitUntil(lambda: panel.replacement is not None, timeout=30000)  # checked, asked,
    wait_for_work(qtbot)  # then restored
    new = panel.replacement
    qtbot.addWidget(new)
    assert new.store.workstation["id"] != old_id
    assert "新的工作站编号" in panel.messages[-1] and "备份已核对无误" in asked[0]
    new.store.close()


def test_a_damaged_store_offers_the_latest_good_backup(qtbot, tmp_path, monkeypatch):
    from desktop.operations.casework import Casework
    from desktop.ui.app import start

    store = make_store(tmp_path)
    Casework(store, TODAY).receive(make_application())
    good = backup.auto_backup(store, "close")
    data_dir = store.path.parent
    store.close()
    conn = sqlite3.connect(data_dir / "relief-desk.sqlite3")
    conn.execute("UPDATE event_log SET actor = 'x'")
    conn.commit()
    conn.close()
    offered = []
    monkeypatch.setattr(safety_start, "choose_on_damage",
                        lambda parent, report: offered.append(report) or "restore")
    monkeypatch.setattr(safety_panel.SafetyPanel, "ask_passphrase",
                        lambda self, text, confirm=False: "口令123456")
    monkeypatch.setattr(safety_panel.SafetyPanel, "say",
                        lambda self, text, problem=False: self.messages.append(text))
    window = start(data_dir, TODAY)  # the window opens at once; the check follows
    qtbot.addWidget(window)
    old_id = window.store.workstation["id"]
    qtbot.waitUntil(lambda: window.safety_panel.replacement is not None, timeout=20000)
    assert offered[0].latest_good == good and "内容被改动" in offered[0].health.problems[0]
    new = window.safety_panel.replacement
    qtbot.addWidget(new)
    assert isinstance(new, MainWindow) and new.store.workstation["id"] != old_id
    assert not window.isVisible()
    new.store.close()
    assert Store.open(data_dir).close() is None


def test_a_store_that_will_not_open_is_checked_before_the_window(qtbot, tmp_path, monkeypatch):
    from desktop.ui.app import start

    store = make_store(tmp_path)
    good = backup.auto_backup(store, "close")
    data_dir = store.path.parent
    store.close()
    (data_dir / "relief-desk.sqlite3").write_bytes(b"not a database at all" * 100)
    offered = []
    monkeypatch.setattr(safety_start, "choose_on_damage",
                        lambda parent, report: offered.append(report) or "quit")
    with pytest.raises(Refusal) as refused:
        start(data_dir, TODAY)
    assert offered[0].latest_good == good and good.name in refused.value.message


def test_the_start_up_check_leaves_the_window_usable_while_it_runs(qtbot, tmp_path):
    store = make_store(tmp_path)
    window, panel = _window(qtbot, store)
    job = safety_start.check_in_background(window)
    assert window.statusBar().currentMessage().startswith("正在检查数据")
    panel.backup_now()  # waits for the check's own backup instead of racing it
    assert not job.isRunning() and panel.messages
    qtbot.waitUntil(lambda: "数据检查通过" in window.statusBar().currentMessage(), timeout=20000)
    window.store.close()


def test_the_passphrase_is_asked_at_start(qtbot, tmp_path, monkeypatch):
    from desktop.sync import keys
    from desktop.sync.identity import keys_of
    from desktop.ui.app import start

    store = make_store(tmp_path)
    keys_of(store)
    data_dir = store.path.parent
    store.close()
    keys.forget()
    monkeypatch.delenv(keys.PASSPHRASE_ENV)
    answers = iter(["wrong", "测试口令-passphrase"])
    asked = []
    monkeypatch.setattr(safety_start, "ask",
                        lambda parent, text, confirm=False, forgot=False: asked.append(text) or next(answers))
    from PySide6.QtWidgets import QApplication, QProgressDialog

    shown = []  # what is on screen while the passphrase is checked (it had been nothing)
    real_unlock = keys.unlock
    monkeypatch.setattr(keys, "unlock", lambda *a: shown.extend(
        w.labelText() for w in QApplication.topLevelWidgets()
        if isinstance(w, QProgressDialog) and w.isVisible()) or real_unlock(*a))
    window = start(data_dir, TODAY)
    qtbot.addWidget(window)
    assert len(asked) == 2 and "口令不对" in asked[1]
    # the prompt names the workstation whose keys it opens
    card = window.store.workstation
    assert f"请输入{card['village']}({card['officer']})的本机口令" in asked[0]
    assert shown == ["正在核对口令……"] * 2
    assert keys_of(window.store).workstation_id == window.store.workstation["id"]
    window.store.close()


def test_install_is_idempotent_through_ensure_menu(qtbot, tmp_path):
    window, panel = _window(qtbot, make_store(tmp_path))
    safety_start.ensure_menu(window)
    assert window.safety_panel is panel
    assert isinstance(panel, safety_panel.SafetyPanel)
    window.store.close()


def test_closing_at_once_does_not_run_the_check_first(qtbot, tmp_path):
    store = make_store(tmp_path)
    window, panel = _window(qtbot, store)
    job = safety_start.check_in_background(window)  # waits for the window to paint
    panel.on_close()
    assert not job.isRunning() and not job.isFinished()  # dropped, never run
    assert backup.auto_backups(store.path.parent)  # the closing backup was taken
    qtbot.wait(safety_start.CHECK_DELAY_MS + 100)
    assert not job.isRunning() and not job.isFinished()
    window.store.close()


def test_a_result_for_a_window_already_gone_is_dropped(qtbot, tmp_path):
    """A restore replaces the window while the check may still run: its result must not
    reach the deleted window (pytest-qt fails the test on an error in a slot)."""
    from PySide6.QtWidgets import QApplication

    store = make_store(tmp_path)
    window = MainWindow(store, TODAY)
    safety_start.ensure_menu(window)
    job = safety_start.check_in_background(window)
    job.start()
    window.deleteLater()
    QApplication.processEvents()
    job.wait()
    qtbot.wait(50)  # the queued result is delivered here, to nobody
    store.close()
