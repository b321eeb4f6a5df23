"""The township's view of one case: the red flags first, then the village's whole
history of the case, its application and household, its notice (batch, dates,
objections and their results) and its attachments; and the decisions the state allows
now (批准, 不批准, 转县审批, 退回补充; 发放 once the result notice is back; the 不予批准通知书
of a rejected case)."""

from __future__ import annotations

from datetime import date
from html import escape
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
)

from desktop.core.categories import DELIVERY_METHODS, category_label, reason_label
from desktop.core.errors import Refusal
from desktop.core.status import status_label
from desktop.core.steps import notice_last_day
from desktop.storage import queries
from desktop.storage.attachments import attachment_path
from desktop.storage.eventlog import case_events
from desktop.sync.payload import referenced_attachments
from desktop.township.flags import red_flags
from desktop.township.villages import village_code_of, village_names
from desktop.ui import guard, window_fit
from desktop.ui import widgets as w
from desktop.ui.case_html import application_html, members_html, objections_html
from desktop.ui.township_dialogs import DecisionDialog
from desktop.ui.widgets import show_message

FLAG_STYLE = "background:#ffe3e3; color:#8b0000; padding:6px; border:1px solid #e0a0a0;"
CLEAN_STYLE = "color:#2e7d32; padding:4px;"
BUTTONS = {"acknowledged": (("approve", "批准…"), ("reject", "不批准…"),
                            ("refer", "转县审批…"), ("return", "退回补充…")),
           "referred": (("approve", "按县局批复批准…"), ("reject", "按县局批复不批准…")),
           "result_posted": (("pay", "登记发放…"),), "rejected": (("letter", "打印不予批准通知书…"),
                        ("notified", "登记已送达…"))}
# the county decides what townships refer to it (its decision goes back through them)
COUNTY_BUTTONS = {"referred": (("approve", "批准…"), ("reject", "不批准…"),
                               ("return", "退回补充…"))}


class TownshipCaseView(QDialog):
    changed = Signal()

    def __init__(self, store, today, case_id: str, parent=None):
        super().__init__(parent)
        self.store, self.today, self.case_id = store, today, case_id
        self.dialog = None
        self.setWindowTitle(f"乡镇审核 — 案件 {case_id}")
        window_fit.fit(self, 1150, 760)
        layout = QVBoxLayout(self)
        self.header, self.flags = QLabel(), QLabel()
        for label in (self.header, self.flags):
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setWordWrap(True)
            layout.addWidget(label)
        self.action_bar = QHBoxLayout()
        layout.addLayout(self.action_bar)
        split = QSplitter(Qt.Orientation.Horizontal)
        self.tabs = QTabWidget()
        self.pages = {name: QTextBrowser() for name in ("申请信息", "家庭成员", "公示与异议", "附件")}
        for name, page in self.pages.items():
            self.tabs.addTab(page, name)
        split.addWidget(self.tabs)
        self.timeline = QTextBrowser()
        split.addWidget(self.timeline)
        split.setSizes([600, 550])
        layout.addWidget(split, 1)
        layout.addWidget(w.close_row(self))
        self.buttons: dict[str, QPushButton] = {}
        self.reload()

    def reload(self) -> None:
        db, policy = self.store.db, self.store.policy
        self.detail = queries.case_detail(db, self.case_id, self.today, policy)
        self.red_flags = red_flags(db, [self.case_id], policy)[self.case_id]
        self.header.setText(self._header_html())
        self._show_flags()
        d = self.detail
        self.pages["申请信息"].setHtml(application_html(d["application"]))
        self.pages["家庭成员"].setHtml(members_html(d["application"]))
        self.pages["公示与异议"].setHtml(self._notice_html() + objections_html(d["objections"]))
        self.pages["附件"].setHtml(self._attachments_html())
        self.timeline.setHtml(self._timeline_html())
        self._fill_actions()

    def _header_html(self) -> str:
        d = self.detail
        code = village_code_of(self.case_id)
        village = village_names(self.store.db).get(code, code)
        return (f"<div style='font-size:15pt'><b>{escape(d['applicant_name'])}</b> "
                f"{escape(village)} · {escape(d['program_label'])} · "
                f"{escape(category_label(d['category']))} · {escape(reason_label(d['reason']))}"
                f"</div><div>编号 {escape(d['id'])} · 状态 <b>{escape(status_label(d['status']))}"
                f"</b> · 期限 {escape(d['due_on'] or '—')} {escape(d['due_label'])}</div>"
                f"<div>申请 {w.yuan_text(d['requested_fen'])} · 村拟救助 {w.yuan_text(d['proposed_fen'])} · "
                f"批准 {w.yuan_text(d['approved_fen'])} · 发放 {w.yuan_text(d['paid_fen'])}</div>")

    def _show_flags(self) -> None:
        if not self.red_flags:
            self.flags.setText("未发现风险提示。")
            self.flags.setStyleSheet(CLEAN_STYLE)
            return
        items = "".join(f"<li><b>{escape(f.label)}</b>:{escape(f.text)}</li>"
                        for f in self.red_flags)
        self.flags.setText(f"<b>风险提示({len(self.red_flags)})</b><ul style='margin:2px'>"
                           f"{items}</ul>")
        self.flags.setStyleSheet(FLAG_STYLE)

    def _notice_html(self) -> str:
        n = self.detail["notice"]
        if not n:
            return "<p><b>没有初审公示记录。</b></p>"
        rows = list(self.store.db.query(
            "SELECT * FROM notices WHERE village_code = ? AND notice_id = ?",
            [village_code_of(self.case_id), n["notice_id"]]))
        b = rows[0] if rows else {}
        last = notice_last_day(date.fromisoformat(n["start"]), n["days"])
        return (f"<h4>初审公示</h4><p>批次 {escape(n['notice_id'])} · {n['start']} 至 {last}"
                f"(共 {n['days']} 天,规定 {self.store.policy.notice_days(self.detail['program'])}"
                f" 天) · 张贴于 {escape(b.get('board') or '')} · 结束于 "
                f"{escape(b.get('closed_on') or '—')} · 张贴照片 "
                f"{'有' if b.get('photo_sha256') else '无'}</p><h4>异议</h4>")

    def _attachments_html(self) -> str:
        data_dir = self.store.path.parent
        found = []
        for e in case_events(self.store.db, self.case_id):
            for digest in sorted(referenced_attachments(e.payload)):
                found.append((e.type, digest))
        n = self.detail["notice"]
        if n:
            row = self.store.db.execute(
                "SELECT photo_sha256, photo_name FROM notices WHERE village_code = ? AND"
                " notice_id = ?", [village_code_of(self.case_id), n["notice_id"]]).fetchone()
            if row and row[0]:
                found.append((f"公示张贴照片 {row[1] or ''}", row[0]))
        if not found:
            return "<p>村里没有随案件送来附件。</p>"
        items = "".join(f"<li>{escape(what)}:{digest[:12]}… "
                        f"{'(已收到)' if attachment_path(data_dir, digest).exists() else '(未收到)'}"
                        f"</li>" for what, digest in found)
        return f"<ul>{items}</ul>"

    def _timeline_html(self) -> str:
        own = self.store.workstation["id"]
        rows = "".join(
            f"<tr><td style='white-space:nowrap'>{escape(h['occurred_on'])}</td>"
            f"<td>{'乡镇' if h['workstation_id'] == own else '村'}</td>"
            f"<td>{escape(h['actor'])}</td><td>{escape(h['summary'])}</td></tr>"
            for h in self.detail["history"])
        return ("<h4>办理记录(村里的全过程和乡镇的决定)</h4><table cellpadding='3'>"
                "<tr><th>日期</th><th>办理方</th><th>经办人</th><th align='left'>事项</th></tr>"
                f"{rows}</table>")

    def _fill_actions(self) -> None:
        county = self.store.workstation["role"] == "county"
        buttons = (COUNTY_BUTTONS if county else BUTTONS).get(self.detail["status"], ())
        self.buttons = w.fill_action_bar(self.action_bar, buttons,
                                         self.start, "现在没有乡镇可办理的操作。")

    def start(self, code: str):
        if code == "letter":
            return self.save_letter()
        if code == "notified":
            return self.record_delivery()
        dialog = DecisionDialog(self.store, self.today, self.case_id, code, self.detail, self)
        dialog.accepted.connect(self._decided)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _decided(self) -> None:
        self.reload()
        self.changed.emit()

    def ask_delivery(self) -> str:
        from PySide6.QtWidgets import QInputDialog

        how, ok = QInputDialog.getItem(self, "登记已送达", "不予批准通知书如何送达申请人:",
                                       list(DELIVERY_METHODS), 0, False)
        return how if ok else ""

    def record_delivery(self):
        """送达: the written refusal reached the applicant; its deadline ends."""
        from desktop.township.decisions import Decisions

        how = self.ask_delivery()
        if not how:
            return None
        try:
            Decisions(self.store, self.today).notify_rejection(self.case_id, how)
        except Refusal as exc:
            return show_message(self, exc.message)
        guard.tell(self.parentWidget(), f"已登记不予批准通知书送达({how})。")
        self._decided()
        return how

    def ask_save(self) -> str:
        path, _ = QFileDialog.getSaveFileName(self, "保存不予批准通知书",
                                              f"不予批准通知书-{self.case_id}.pdf", "PDF (*.pdf)")
        return path

    def save_letter(self):
        from desktop.printing.decision_letter import letter_pdf
        from desktop.printing.output import save_document

        path = self.ask_save()
        if not path:
            return None
        try:
            save_document(Path(path), letter_pdf(self.store, self.case_id, self.today))
        except Refusal as exc:
            return show_message(self, exc.message)
        guard.tell(self.parentWidget(), f"不予批准通知书已保存到 {path}")
        return show_message(self, f"已保存到 {path}", "已保存")
