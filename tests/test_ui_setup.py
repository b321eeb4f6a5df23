"""First-run setup: a bad code is shown beside its field and nothing is created."""

from __future__ import annotations

from conftest import VILLAGE
from PySide6.QtCore import Qt

from desktop.paths import store_path
from desktop.ui.app import install_font, install_translations, start
from desktop.ui.main_window import MainWindow
from desktop.ui.setup import SetupDialog
from tests.ui_hooks import answer_questions  # noqa: F401


def fill(dialog: SetupDialog, values: dict) -> None:
    dialog.role.setCurrentIndex(dialog.role.findData(values["role"]))
    for key, edit in dialog.inputs.items():
        edit.setText(values.get(key, ""))


def test_bad_code_is_shown_beside_the_field_and_nothing_is_created(qtbot, tmp_path):
    dialog = SetupDialog(tmp_path / "data")
    qtbot.addWidget(dialog)
    fill(dialog, {**VILLAGE, "village_code": "43052210120"})  # 11 digits
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    error = dialog.board.boxes["village_code"].error
    assert "12 位数字" in error.text() and not error.isHidden()
    assert dialog.board.boxes["county_code"].error.text() == ""
    assert not store_path(tmp_path / "data").exists()
    assert dialog.result() != dialog.DialogCode.Accepted


def test_nested_codes_are_checked(qtbot, tmp_path):
    dialog = SetupDialog(tmp_path / "data")
    qtbot.addWidget(dialog)
    fill(dialog, {**VILLAGE, "township_code": "431000101000"})
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    assert "430522" in dialog.board.boxes["township_code"].error.text()
    assert not store_path(tmp_path / "data").exists()


def test_setup_creates_a_village_workstation(qtbot, tmp_path):
    dialog = SetupDialog(tmp_path / "data")
    qtbot.addWidget(dialog)
    fill(dialog, VILLAGE)
    with qtbot.waitSignal(dialog.created) as blocker:
        qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    store = blocker.args[0]
    assert store.workstation["village_code"] == "430522101201"
    assert store.workstation["officer"] == "刘建华"
    assert store_path(tmp_path / "data").exists()
    store.close()


def test_setup_creates_a_county_workstation_without_township_fields(qtbot, tmp_path):
    dialog = SetupDialog(tmp_path / "data")
    qtbot.addWidget(dialog)
    fill(dialog, {**VILLAGE, "role": "county"})  # typed before the role was chosen
    assert not dialog.inputs["township_code"].isEnabled()
    assert not dialog.inputs["village"].isEnabled() and dialog.inputs["county"].isEnabled()
    with qtbot.waitSignal(dialog.created) as blocker:
        qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    store = blocker.args[0]
    assert (store.workstation["role"], store.workstation["township_code"]) == ("county", "")
    store.close()


def test_start_shows_setup_then_the_main_window(qtbot, qapp, tmp_path, today):
    first = start(tmp_path / "data", today)
    assert isinstance(first, SetupDialog)
    fill(first, VILLAGE)
    qtbot.mouseClick(first.ok, Qt.MouseButton.LeftButton)
    windows = [w for w in qapp.topLevelWidgets() if isinstance(w, MainWindow)
               and w.store.path == store_path(tmp_path / "data")]
    assert len(windows) == 1 and windows[0].isVisible()
    assert "大坪村" in windows[0].windowTitle()
    windows[0].close()
    windows[0].store.close()
    again = start(tmp_path / "data", today)
    assert isinstance(again, MainWindow)
    again.close()
    again.store.close()


def test_bundled_font_and_chinese_buttons(qapp):
    assert install_font(qapp)  # a family name: the .ttc was registered
    assert install_translations(qapp)


def test_a_refusal_reaching_the_top_is_a_message_not_a_traceback(monkeypatch, capsys):
    from desktop.core.errors import Refusal
    from desktop.ui import app

    shown = []
    monkeypatch.setattr(app, "_alert", shown.append)
    app._excepthook(Refusal, Refusal("案件当前状态不允许此操作。"), None)
    assert shown == ["案件当前状态不允许此操作。"]
    assert "Traceback" not in capsys.readouterr().err


def test_a_damaged_store_is_refused_with_a_message(tmp_path, monkeypatch, qapp):
    from desktop.core.errors import Refusal
    from desktop.ui import app

    data = tmp_path / "data"
    data.mkdir()
    store_path(data).write_bytes(b"not a database at all" * 100)
    try:
        app.start(data)
    except Refusal as exc:
        assert "损坏" in exc.message or "不是" in exc.message
    else:
        raise AssertionError("a damaged store must be refused")
