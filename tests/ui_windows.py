"""Every window and dialog of the GUI, opened through the way the officer opens it, on a
demo village (cases in every state) and on a township with delivered cases. Used by the
fit test and by the screenshot script (build_scripts is not ours: tests/ui_shots.py)."""

from __future__ import annotations

from datetime import date

from desktop.demo.village import load_demo, open_demo_store
from desktop.storage.queries import LedgerFilter, ledger_page
from desktop.ui import notice_dialogs as nd

DEMO_TODAY = date(2026, 11, 30)


def demo_village(data_dir):
    store = open_demo_store(data_dir)
    load_demo(store, today=DEMO_TODAY, seed=7, count=60)
    return store


def _first(store, status: str) -> str:
    rows = ledger_page(store.db, LedgerFilter(status=status), 0, 1)
    return rows[0]["id"] if rows else ""


def _row(window, case_id: str) -> int:
    return next(r for r in range(window.model.rowCount()) if window.model.case_id(r) == case_id)


def village_windows(window, monkeypatch, tmp_path):
    """(name, widget) of each window of a village workstation; `window` is its MainWindow,
    shown. Dialogs opened with exec() are caught by replacing `ask`."""
    from desktop.sync.identity import own_card
    from desktop.ui.safety_dialogs import PassphraseDialog
    from desktop.ui.setup import SetupDialog
    from desktop.ui.sync_dialogs import EnrollDialog

    caught: list = []
    monkeypatch.setattr(nd._Form, "ask", lambda self: caught.append(self) or None)
    yield "主窗口(台账)", window
    yield "新建申请", window.new_application()
    for status in ("draft", "received", "investigated", "deliberated", "paid_first"):
        view = window.open_case(_row(window, _first(window.store, status)))
        yield f"案件({status})", view
        for code in list(view.buttons):
            if code in ("notice", "result", "notice_list", "send"):
                continue
            yield f"{code}", view.start(code)
    yield "民主评议会", window.open_meeting()
    panel = window.notice_panel
    panel.show()
    yield "公示管理", panel
    panel.create()
    panel.post_results()
    on_notice = [b["notice_id"] for b in panel.batches if b["status_label"] == "公示中"]
    panel.select(on_notice[0])
    panel.add_objection()
    panel.set_phones()
    yield from ((dialog.windowTitle(), dialog) for dialog in caught)
    window.table.selectRow(0)
    yield "审批表预览", panel.print_form()
    sync = window.sync_panel
    yield "本机身份与指纹", sync.show_identity()
    yield "发送到乡镇", sync.export()
    yield "导入数据包", sync.import_bundles()
    yield "登记对方工作站", EnrollDialog(window.store, own_card(window.store), window)
    yield "口令", PassphraseDialog("请输入本机口令。", forgot=True)
    yield "设置口令", PassphraseDialog("请设置本机口令。", confirm=True)
    yield "首次设置", SetupDialog(tmp_path / "new-workstation")


def township_windows(window):
    """(name, widget) of each window of a township with cases waiting for decision."""
    panel = window.township_panel
    yield "乡镇主窗口", window
    for tab in range(panel.tabs.count()):
        panel.tabs.setCurrentIndex(tab)
        yield f"乡镇:{panel.tabs.tabText(tab)}", window
    panel.show_queue()
    view = panel.queue.open_case(0)
    yield "乡镇审核", view
    for code in list(view.buttons):
        yield f"乡镇:{code}", view.start(code)
    yield "备案登记册", panel.export_filing()
