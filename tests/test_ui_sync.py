"""The 数据交换 menu through the GUI: identity, enrollment (the fingerprint must be
confirmed by a person), export to a folder and import with progress."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from desktop.sync.identity import export_card, fingerprint, own_card, show_fingerprint
from desktop.sync.importer import import_files
from desktop.sync.peers import active_peers
from desktop.ui.main_window import MainWindow
from desktop.ui.sync_dialogs import EnrollDialog, ExportDialog, ImportDialog, removable_first
from desktop.ui.sync_panel import IdentityDialog, install
from tests.helpers import TODAY, make_store
from tests.sync_world import World, status
from tests.ui_hooks import answer_questions, wait_for_work  # noqa: F401


def window_for(qtbot, store) -> MainWindow:
    win = MainWindow(store, TODAY)
    qtbot.addWidget(win)
    install(win)
    return win


def click(qtbot, button) -> None:
    assert button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


@pytest.fixture
def lonely(tmp_path):
    """A village and its township that do not know each other yet."""
    t, v = make_store(tmp_path, "township"), make_store(tmp_path, "village")
    yield t, v
    t.close()
    v.close()


def test_menu_and_identity(qtbot, lonely):
    win = window_for(qtbot, lonely[1])
    titles = [a.text() for a in win.menuBar().actions()]
    assert "数据交换(&D)" in titles
    dialog = win.sync_panel.show_identity()
    assert isinstance(dialog, IdentityDialog)
    assert dialog.fingerprint.text() == show_fingerprint(fingerprint(own_card(lonely[1])))


def test_enroll_only_after_the_fingerprint_is_confirmed(qtbot, lonely, tmp_path):
    township, village = lonely
    export_card(township, tmp_path / "t.json")
    win = window_for(qtbot, village)
    win.sync_panel.ask_card_file = lambda: str(tmp_path / "t.json")
    dialog = win.sync_panel.enroll()
    assert isinstance(dialog, EnrollDialog)
    assert dialog.fingerprint.text() == show_fingerprint(fingerprint(own_card(township)))
    assert not dialog.enroll_button.isEnabled()
    dialog.do_enroll()  # not confirmed: nothing happens
    assert active_peers(village.db) == [] and dialog.isVisible()
    click(qtbot, dialog.buttons.button(dialog.buttons.StandardButton.Cancel))
    assert active_peers(village.db) == []

    dialog = win.sync_panel.enroll()
    dialog.confirm.setChecked(True)
    click(qtbot, dialog.enroll_button)
    assert [p["workstation_id"] for p in active_peers(village.db)] == [township.workstation["id"]]


def test_enroll_dialog_refuses_a_card_out_of_scope(qtbot, lonely, tmp_path):
    other = make_store(tmp_path, "village", village_code="430522101299")
    try:
        dialog = EnrollDialog(lonely[1], own_card(other))
        qtbot.addWidget(dialog)
        assert not dialog.confirm.isEnabled() and "村级工作站只能登记" in dialog.error.text()
    finally:
        other.close()


def test_export_and_import_through_the_dialogs(qtbot, tmp_path):
    world = World(tmp_path)
    try:
        (case_id,) = world.cases_ready(world.a, 1)
        win_a = window_for(qtbot, world.a)
        export = win_a.sync_panel.export()
        assert isinstance(export, ExportDialog)
        export.ask_folder = lambda: str(world.usb)
        export._other_folder()
        click(qtbot, export.export_button)
        wait_for_work(qtbot)
        assert "随包上报 1 件" in export.result.toPlainText()
        assert status(world.a, case_id) == "submitted"
        (path,) = export.done_files

        win_t = window_for(qtbot, world.township)
        dialog = win_t.sync_panel.import_bundles()
        assert isinstance(dialog, ImportDialog)
        dialog.ask_files = lambda: [str(path), str(path)]
        dialog._choose()
        click(qtbot, dialog.import_button)
        wait_for_work(qtbot)
        assert dialog.progress.value() == dialog.progress.maximum() == 2
        text = dialog.report.toPlainText()
        assert "已接收案件 1 件" in text and "导入过" in text
        # the second copy was refused: never told as imported, here or in the status bar
        said = "已导入 1 个数据包,1 个未能导入;原因见导入报告。"
        assert text.splitlines()[0] == said and win_t.statusBar().currentMessage() == said
        assert status(world.township, case_id) == "acknowledged"
        dialog.files.clear()
        dialog.add_files([str(path)])
        click(qtbot, dialog.import_button)
        wait_for_work(qtbot)
        assert win_t.statusBar().currentMessage() == "数据包未能导入,本机数据没有改动;原因见导入报告。"
        dialog.reject()
        panel = win_t.township_panel
        assert panel.queue.model.total == 1  # the queue was refreshed at once,
        panel.tabs.setCurrentWidget(panel.ledger)
        assert win_t.model.total == 1  # the ledger of all cases when it is shown
    finally:
        world.close()


def test_the_export_dialog_can_send_everything_again(qtbot, tmp_path):
    world = World(tmp_path)
    try:
        world.cases_ready(world.a, 1)
        world.send(world.a, world.township)
        world.send(world.township, world.a)  # the acknowledgement is back: nothing is new
        win_a = window_for(qtbot, world.a)
        export = win_a.sync_panel.export()
        export.ask_folder = lambda: str(world.usb)
        export._other_folder()
        export.resend.setChecked(True)
        click(qtbot, export.export_button)
        wait_for_work(qtbot)
        (path,) = export.done_files
        (report,) = import_files(world.township, [path], TODAY)
        assert report.ok and report.new == 0 and report.known > 0  # all sent, all skipped
    finally:
        world.close()


def test_removable_drives_come_first():
    volumes = removable_first()
    flags = [v[2] for v in volumes]
    assert flags == sorted(flags, reverse=True)


def test_after_the_result_notice_the_village_is_shown_the_way_to_the_township(qtbot, tmp_path):
    """结果已公示 is the township's to pay once it has the notice: the case view offers
    sending it (it said only that the township would pay, with no button)."""
    from desktop.township.decisions import Decisions
    from tests.township_world import post_result

    world = World(tmp_path)
    try:
        (case_id,) = world.cases_ready(world.a, 1)
        world.send(world.a, world.township)
        Decisions(world.township, TODAY).approve(case_id, 100_000)
        world.send(world.township, world.a)
        post_result(world, world.a, case_id)
        win = window_for(qtbot, world.a)
        view = win.open_case(next(i for i in range(win.model.rowCount())
                                  if win.model.case_id(i) == case_id))
        assert list(view.buttons) == ["send"]
        assert isinstance(view.start("send"), ExportDialog)
    finally:
        world.close()
