"""The notice path through the GUI (pytest-qt): the 公示 menu opens the notice list; a batch
is created from the reviewed cases, an objection is recorded and upheld, the batch is
closed after its period, the sheet is previewed, saved as PDF and printed (to a PDF
printer). Dialogs are answered through their `ask` hooks; refusals show a message."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter

from desktop.ui import notice_dialogs as nd
from desktop.ui import notice_panel
from desktop.ui.main_window import MainWindow
from desktop.ui.print_preview import PrintPreview
from tests.test_notice_helpers import (
    NOTICE_TODAY,
    cases_at,
    pdf_text,
    shown_notice_window,
    village_store,
)
from tests.ui_hooks import answer_questions, wait_for_work  # noqa: F401


@pytest.fixture
def window(qtbot, tmp_path):
    win, store = shown_notice_window(qtbot, tmp_path)
    yield win
    store.close()


def answer(monkeypatch, dialog_class, **values):
    """The dialog's OK with `values` over what it shows (a refusal leaves it open)."""
    def ask(self):
        out = self.values()
        out.update(values)
        return self.submit(out)
    monkeypatch.setattr(dialog_class, "ask", ask)


def test_menu_and_toolbar_reach_the_notice_list(window):
    titles = [a.text() for a in window.notice_panel.menu.actions()]
    assert "公示管理(&M)…" in titles and "导出台账 Excel(&X)…" in titles
    window.notice_panel.menu.actions()[0].trigger()
    assert window.notice_panel.isVisible()


def test_the_main_notice_path(window, monkeypatch, tmp_path, qtbot):
    ids = cases_at(window.store, ["王䶮", "张𠮷祥"])
    panel = window.notice_panel
    panel.show()
    answer(monkeypatch, nd.ChooseCasesDialog)
    notice_id = panel.create()
    assert notice_id == "GS-2026-0001"
    assert panel.table.item(0, 2).text() == "公示中" and panel.table.item(0, 4).text() == "7"

    answer(monkeypatch, nd.ObjectionDialog, case_id=ids[0], content="反映家中有车")
    panel.add_objection()
    assert panel.table.item(0, 6).text() == "1"
    panel.close_batch()  # refused: the period has not elapsed
    assert "起才能结束公示" in panel.last_message
    answer(monkeypatch, nd.ResolveDialog, result="upheld", how_checked="核实属实",
           back_to="deliberation")
    panel.resolve()
    assert window.store.db["applications"].get(ids[0])["status"] == "investigated"

    photo = tmp_path / "posted.jpg"
    photo.write_bytes(b"\xff\xd8\xff\xe0" + b"\0" * 32)
    monkeypatch.setattr(panel, "ask_photo", lambda: str(photo))
    panel.attach_photo()
    assert panel.table.item(0, 7).text() == "已存"

    window.today = NOTICE_TODAY + timedelta(days=7)
    panel.close_batch()
    assert window.store.db["applications"].get(ids[1])["status"] == "notice_done"
    assert panel.table.item(0, 2).text() == "已结束"

    preview = panel.print_notice()
    assert isinstance(preview, PrintPreview) and len(preview.pages) == 1
    assert not preview.pages[0].isNull()
    saved = tmp_path / "公示"
    monkeypatch.setattr(preview, "ask_save_path", lambda: str(saved))
    path = preview.save_pdf()
    assert path.name == "公示.pdf" and "张𠮷祥" in pdf_text(path.read_bytes())

    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    monkeypatch.setattr(preview, "ask_printer", lambda: printer)
    assert preview.print_document() == 1
    assert (tmp_path / "printed.pdf").stat().st_size > 1000


def test_printing_without_phones_asks_for_them(qtbot, tmp_path, monkeypatch):
    store = village_store(tmp_path, phones=False)
    win = MainWindow(store, NOTICE_TODAY)
    qtbot.addWidget(win)
    notice_panel.install(win)
    cases_at(store, ["李四"])
    panel = win.notice_panel
    panel.show()
    answer(monkeypatch, nd.ChooseCasesDialog)
    panel.create()
    panel.select("GS-2026-0001")
    answer(monkeypatch, nd.PhonesDialog, village="0739-3612345", township="bad phone!")
    boxes_before = len(nd.w.open_messages())
    assert panel.print_notice() is None
    phones = panel.dialog  # one message, beside the field, in the dialog that stays open
    assert "电话" in phones.board.boxes["township"].error.text()
    assert len(nd.w.open_messages()) == boxes_before
    answer(monkeypatch, nd.PhonesDialog, village="0739-3612345", township="0739-3698765")
    assert isinstance(panel.print_notice(), PrintPreview)
    store.close()


def test_form_and_register_from_the_ledger(qtbot, window, monkeypatch, tmp_path):
    cases_at(window.store, ["赵六"])
    window.refresh()
    panel = window.notice_panel
    assert panel.print_form() is None and "选择一个案件" in panel.last_message
    window.table.selectRow(0)
    assert len(panel.print_form().pages) >= 2
    panel.print_register("pdf")  # built in a thread: the preview follows
    wait_for_work(qtbot)
    assert isinstance(panel.preview, PrintPreview) and "台账" in panel.preview.windowTitle()
    target = tmp_path / "台账.xlsx"
    monkeypatch.setattr(panel, "ask_save", lambda *a: str(target))
    panel.print_register("xlsx")
    wait_for_work(qtbot)
    assert target.read_bytes()[:2] == b"PK"


def test_the_preview_has_no_modal_exec(window):
    assert window.notice_panel.windowModality() == Qt.WindowModality.NonModal


def test_a_case_on_notice_leads_to_the_notice_window_and_does_not_block_it(
        window, monkeypatch, qtbot):
    """“到公示管理登记异议、结束公示…” in a case on notice: the notice window opens on its
    batch and can be used at once (the case view, modal over the main window, had kept
    every click away from it until it was closed)."""
    from PySide6.QtWidgets import QApplication

    ids = cases_at(window.store, ["王䶮"])
    answer(monkeypatch, nd.ChooseCasesDialog)
    notice_id = window.notice_panel.create()
    while QApplication.activeModalWidget() is not None:  # the sheet shown to print
        QApplication.activeModalWidget().close()
    window.notice_panel.hide()
    window.refresh()
    view = window.open_case(next(i for i in range(window.model.rowCount())
                                 if window.model.case_id(i) == ids[0]))
    assert "notice_list" in view.buttons and QApplication.activeModalWidget() is view
    panel = view.start("notice_list")
    assert panel is window.notice_panel and panel.isVisible() and not view.isVisible()
    assert QApplication.activeModalWidget() is None  # nothing in the way of its buttons
    row = panel.table.currentRow()
    assert row >= 0 and panel.table.item(row, 0).text() == notice_id


def test_resolve_is_off_with_its_reason_until_an_objection_waits(window, monkeypatch, qtbot):
    """处理异议 on a batch nobody objected to opened nothing useful: the button is off, its
    tooltip says no objection waits; an objection turns it on, its resolution off again."""
    ids = cases_at(window.store, ["王䶮"])
    panel = window.notice_panel
    panel.show()
    answer(monkeypatch, nd.ChooseCasesDialog)
    notice_id = panel.create()
    button = panel.buttons["处理异议"]
    opened = []
    monkeypatch.setattr(nd.ResolveDialog, "ask", lambda self: opened.append(self))
    panel.select(notice_id)
    assert not button.isEnabled() and button.toolTip() == f"公示 {notice_id} 没有待处理的异议。"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert opened == []

    answer(monkeypatch, nd.ObjectionDialog, case_id=ids[0], content="反映家中有车")
    panel.add_objection()
    assert button.isEnabled() and button.toolTip() == ""
    answer(monkeypatch, nd.ResolveDialog, result="dismissed", how_checked="核实不属实")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert window.store.db["applications"].get(ids[0])["status"] == "on_notice"
    assert not button.isEnabled() and "没有待处理的异议" in button.toolTip()
    panel.table.clearSelection()
    assert not button.isEnabled() and button.toolTip() == "请先在列表中选择一批公示。"
