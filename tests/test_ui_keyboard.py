"""Issue 16.4: access keys on every menu and button, the shortcuts (Ctrl+N, Ctrl+F, Ctrl+P,
F5), Enter and Esc in the dialogs, and a font size that applies to the whole application
and is remembered."""

from __future__ import annotations

import pytest
from conftest import TODAY, receive
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication

from desktop.ui import preferences
from desktop.ui.main_window import MainWindow
from tests.ui_hooks import answer_questions  # noqa: F401


@pytest.fixture
def settings_dir(tmp_path):
    """QSettings of this test only (never the user's own)."""
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "cfg"))
    app = QApplication.instance()
    size = app.font().pointSize()
    yield tmp_path / "cfg"
    font = app.font()
    font.setPointSize(size)
    app.setFont(font)


@pytest.fixture
def window(qtbot, store, settings_dir):
    win = MainWindow(store, TODAY)
    qtbot.addWidget(win)
    win.show()
    return win


def test_every_menu_and_menu_item_has_an_access_key(window):
    for top in window.menuBar().actions():
        assert "&" in top.text(), top.text()
        for item in top.menu().actions():
            if not item.isSeparator():
                assert "&" in item.text() or item.menu(), item.text()
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles[:2] == ["案件(&A)", "公示(&G)"] and "设置(&T)" in titles


def test_shortcuts(qtbot, window, casework):
    receive(casework, 2)
    shortcuts = {a.shortcut().toString() for top in window.menuBar().actions()
                 for a in top.menu().actions()}
    assert {"Ctrl+N", "Ctrl+F", "Ctrl+P", "F5"} <= shortcuts
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_F5)
    assert "已刷新" in window.statusBar().currentMessage() and window.model.rowCount() == 2
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.search.hasFocus()
    window.table.selectRow(0)
    qtbot.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    preview = window.notice_panel.preview
    assert preview is not None and preview.pages
    preview.reject()


def test_enter_and_esc_in_a_dialog(qtbot, window, casework):
    case_id = receive(casework, 1)[0]
    window.refresh()
    view = window.open_case(0)
    assert view.case_id == case_id
    dialog = view.start("accept") if "accept" in view.buttons else view.start("refuse")
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # nothing typed: closes at once
    assert not dialog.isVisible()
    meeting = window.open_meeting()
    assert meeting.ok.isDefault() or meeting.ok.autoDefault()
    qtbot.keyClick(meeting, Qt.Key.Key_Escape)
    assert not meeting.isVisible()


def test_font_size_applies_everywhere_and_is_remembered(window, settings_dir):
    window.font_actions["huge"].trigger()
    assert QApplication.instance().font().pointSize() == 14
    QApplication.processEvents()
    assert window.table.font().pointSize() == 14  # every widget follows
    assert window.banner.styleSheet() and window.banner.font().pointSize() == 14  # styled too
    assert "特大" in window.statusBar().currentMessage()
    assert preferences.saved_font_size() == "huge"
    assert any(settings_dir.rglob("*.ini"))
    window.font_actions["small"].trigger()
    assert QApplication.instance().font().pointSize() == 9
    assert preferences.saved_font_size() == "small"


def test_ctrl_p_in_a_case_previews_its_form_and_saving_says_where(qtbot, window, casework,
                                                                  tmp_path, monkeypatch):
    case_id = receive(casework, 1)[0]
    window.refresh()
    view = window.open_case(0)
    qtbot.waitExposed(view)
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow)
    qtbot.keyClick(view, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    preview = window.notice_panel.preview
    assert preview is not None and case_id in preview.windowTitle()
    monkeypatch.setattr(preview, "ask_save_path", lambda: str(tmp_path / "审批表"))
    preview.save_pdf()
    assert "已保存" in preview.note.text()
    assert "已保存 PDF" in window.statusBar().currentMessage()


def test_a_case_opens_at_the_newest_step_of_its_record(qtbot, tmp_path, settings_dir):
    """The record is read oldest first: a long one opens scrolled to its end, the step
    last taken (it was cut off below the fold)."""
    from desktop.operations.casework import Casework
    from tests.helpers import TODAY as LATER
    from tests.helpers import advance, make_application, make_store

    store = make_store(tmp_path / "v")
    work = Casework(store, LATER)
    (case_id,) = work.receive_many([make_application()])
    advance(work, case_id, "notice_done")
    window = MainWindow(store, LATER)
    qtbot.addWidget(window)
    view = window.open_case(0)
    view.resize(700, 420)  # a short window: the record scrolls
    qtbot.waitExposed(view)
    bar = view.timeline.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    assert bar.value() == bar.maximum()
    store.close()


def test_alt_and_a_fields_letter_puts_the_cursor_in_that_field(qtbot, window, casework):
    """Every field's label gets a letter of its own when its window is shown, as the
    buttons do: the keyboard reaches a field without Tab through the ones before it."""
    from PySide6.QtWidgets import QLabel

    from desktop.ui import window_fit

    watcher = window_fit.WindowWatcher()
    QApplication.instance().installEventFilter(watcher)
    try:
        receive(casework, 1)
        window.refresh()
        dialog = window.open_case(0).start("refuse")
        qtbot.waitExposed(dialog)
        labels = {label.text(): label for label in dialog.findChildren(QLabel)
                  if label.buddy() is not None}
        assert labels and all("(&" in text for text in labels), list(labels)
        keys = [window_fit._key_of(t) for t in [*labels, *(b.text() for b in
                                                           dialog.buttons.buttons())]]
        assert len(keys) == len(set(keys)), keys  # one place for each letter
        last = list(labels.values())[-1]
        field = dialog.inputs[list(dialog.inputs)[-1]]
        assert not field.hasFocus()
        dialog.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
        qtbot.keyClick(dialog, getattr(Qt.Key, f"Key_{window_fit._key_of(last.text())}"),
                       Qt.KeyboardModifier.AltModifier)
        assert field.hasFocus() or field.isAncestorOf(QApplication.focusWidget())
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    finally:
        QApplication.instance().removeEventFilter(watcher)


def test_the_forms_summary_names_a_field_without_its_access_key(qtbot, window, casework):
    """The letter given to a label when its window is shown is the keyboard's, not the
    field's name: the summary under the form says 拒绝理由, not 拒绝理由(R)."""
    from desktop.ui import window_fit

    watcher = window_fit.WindowWatcher()
    QApplication.instance().installEventFilter(watcher)
    try:
        receive(casework, 1)
        window.refresh()
        dialog = window.open_case(0).start("refuse")
        qtbot.waitExposed(dialog)
        path = list(dialog.inputs)[-1]
        label = dialog.form.labelForField(dialog.board.boxes[path]).text()
        assert "(&" in label  # given its key when shown
        dialog.board.show_all = True
        dialog.validate()
        said = dialog.summary.text()
        name = label.split("(&")[0]
        assert name in said and f"{name}(" not in said.replace(f"{name}(元)", ""), said
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    finally:
        QApplication.instance().removeEventFilter(watcher)
