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
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
)

from desktop.core.categories import DELIVERY_METHODS
from desktop.core.errors import Refusal
from desktop.core.rulebook import RULES
from desktop.core.steps import notice_last_day
from desktop.storage import queries
from desktop.storage.attachments import attachment_path
from desktop.storage.eventlog import case_events
from desktop.sync.payload import referenced_attachments
from desktop.township.flags import red_flags
from desktop.township.villages import village_code_of, village_names, village_officer
from desktop.ui import guard, window_fit
from desktop.ui import widgets as w
from desktop.ui.case_html import application_html, members_html, objections_html
from desktop.ui.case_record import show_latest
from desktop.ui.core_words import (
    category_label,
    due_word,
    programme_word,
    reason_label,
    status_label,
)
from desktop.ui.i18n import QT_TR_NOOP, tr
from desktop.ui.places import save_name
from desktop.ui.township_dialogs import DecisionDialog
from desktop.ui.widgets import show_message

FLAG_STYLE = "background:#ffe3e3; color:#8b0000; padding:6px; border:1px solid #e0a0a0;"
CLEAN_STYLE = "color:#2e7d32; padding:4px;"
BUTTONS = {"acknowledged": (("approve", QT_TR_NOOP("批准…")), ("reject", QT_TR_NOOP("不批准…")),
                            ("refer", QT_TR_NOOP("转县审批…")),
                            ("return", QT_TR_NOOP("退回补充…"))),
           "referred": (("approve", QT_TR_NOOP("按县局批复批准…")),
                        ("reject", QT_TR_NOOP("按县局批复不批准…"))),
           "result_posted": (("pay", QT_TR_NOOP("登记发放…")),),
           "rejected": (("letter", QT_TR_NOOP("打印不予批准通知书…")),
                        ("notified", QT_TR_NOOP("登记已送达…")))}
# the county decides what townships refer to it (its decision goes back through them)
COUNTY_BUTTONS = {"referred": (("approve", QT_TR_NOOP("批准…")), ("reject", QT_TR_NOOP("不批准…")),
                               ("return", QT_TR_NOOP("退回补充…")))}
# Where the case goes next when the township has nothing to do on it now: who acts, and
# how it gets there (a decision only reaches the village in the township's next bundle).
TOWNSHIP_WAITING = {
    "approved": QT_TR_NOOP("已批准:导出数据包(数据交换 → 导出数据包)送回村里,由村里结果公示;"
                           "结果公示送回后在这里登记发放。"),
    "returned": QT_TR_NOOP("已退回补充:导出数据包送回村里,村里补充后重新上报。"),
    "paid": QT_TR_NOOP("已发放:按月导出备案登记册(乡镇审批 → 导出备案登记册)报县民政局。"),
    "filed": QT_TR_NOOP("已备案,办理完毕。")}
PAGES = (QT_TR_NOOP("申请信息"), QT_TR_NOOP("家庭成员"), QT_TR_NOOP("公示与异议"), QT_TR_NOOP("附件"))


def approved_fen(d: dict):
    """The amount approved: the township's record, or — at the county, before the
    township records it — the county's own approval."""
    decided = d.get("county_decision") or {}
    if d["approved_fen"] is None and decided.get("decision") == "approve":
        return decided["amount_fen"]
    return d["approved_fen"]


def county_said(d: dict) -> str:
    """The county's decision of a referred case, with its number (文号)."""
    decided = d.get("county_decision")
    if not decided:
        return ""
    what = {"approve": tr("批准 {amount}"), "reject": tr("不批准"), "return": tr("退回补充")}[
        decided["decision"]].format(amount=w.yuan_text(decided.get("amount_fen")))
    return "<div>" + tr("县局决定:{what},文号 {ref}").format(
        what=escape(what), ref=escape(decided["ref"])) + "</div>"


class TownshipCaseView(QDialog):
    changed = Signal()

    def __init__(self, store, today, case_id: str, parent=None):
        super().__init__(parent)
        self.store, self.today, self.case_id = store, today, case_id
        self.dialog = None
        self.county = store.workstation["role"] == "county"
        self.setWindowTitle((tr("县民政局审批 — 案件 {case_id}") if self.county
                             else tr("乡镇审核 — 案件 {case_id}")).format(case_id=case_id))
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
        self.pages = {name: QTextBrowser() for name in PAGES}
        for name, page in self.pages.items():
            self.tabs.addTab(page, tr(name))
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
        show_latest(self.timeline)
        self._fill_actions()

    def _header_html(self) -> str:
        d = self.detail
        code = village_code_of(self.case_id)
        village = village_names(self.store.db).get(code, code)
        officer = village_officer(self.store.db, code)
        if officer:
            village += tr("(民生员 {officer})").format(officer=officer)
        ids = tr("编号 {id} · 状态 <b>{status}</b> · 期限 {due_on} {due_label}").format(
            id=escape(d["id"]), status=escape(status_label(d["status"])),
            due_on=escape(d["due_on"] or "—"), due_label=escape(due_word(d["due_label"])))
        money = self._money_html() if d["program"] == "dibao" else tr(
            "申请 {requested} · 村拟救助 {proposed} · 先行救助 {paid_first} · 批准 {approved}"
            " · 发放 {paid}").format(
            requested=w.yuan_text(d["requested_fen"]), proposed=w.yuan_text(d["proposed_fen"]),
            paid_first=w.yuan_text(d["paid_first_fen"]), approved=w.yuan_text(approved_fen(d)),
            paid=w.yuan_text(d["paid_fen"]))
        return (f"<div style='font-size:15pt'><b>{escape(d['applicant_name'])}</b> "
                f"{escape(village)} · {escape(programme_word(d['program_label']))} · "
                f"{escape(category_label(d['category']))} · {escape(reason_label(d['reason']))}"
                f"</div><div>{ids}</div><div>{money}</div>{county_said(d)}")

    def _money_html(self) -> str:
        """A 低保 household's amount is monthly and it is paid by the month: never one
        payment, so "发放 —" said nothing was paid to a household paid for years."""
        from desktop.dibao.households import paid_to

        d = self.detail
        months, paid = paid_to(self.store.db, self.case_id)
        return tr("申请 {requested} · 村拟救助 {proposed} · 批准每月 {approved}"
                  " · 已按月发放 {months} 个月,共 {paid}").format(
            requested=w.yuan_text(d["requested_fen"]), proposed=w.yuan_text(d["proposed_fen"]),
            approved=w.yuan_text(approved_fen(d)), months=months, paid=w.yuan_text(paid))

    def _show_flags(self) -> None:
        if not self.red_flags:
            self.flags.setText(tr("未发现风险提示。"))
            self.flags.setStyleSheet(CLEAN_STYLE)
            return
        items = "".join(f"<li><b>{escape(f.label)}</b>:{escape(f.text)}</li>"
                        for f in self.red_flags)
        said = tr("风险提示({n})").format(n=len(self.red_flags))
        self.flags.setText(f"<b>{said}</b><ul style='margin:2px'>{items}</ul>")
        self.flags.setStyleSheet(FLAG_STYLE)

    def _notice_html(self) -> str:
        n = self.detail["notice"]
        if not n:
            return "<p><b>" + tr("没有初审公示记录。") + "</b></p>"
        rows = list(self.store.db.query(
            "SELECT * FROM notices WHERE village_code = ? AND notice_id = ?",
            [village_code_of(self.case_id), n["notice_id"]]))
        b = rows[0] if rows else {}
        last = notice_last_day(date.fromisoformat(n["start"]), n["days"])
        said = tr("批次 {notice_id} · {start} 至 {last}(共 {days} 天,规定 {required} 天) · "
                  "张贴于 {board} · 结束于 {closed_on} · 张贴照片 {photo}").format(
            notice_id=escape(n["notice_id"]), start=n["start"], last=last, days=n["days"],
            required=self.store.policy.notice_days(self.detail["program"]),
            board=escape(b.get("board") or ""), closed_on=escape(b.get("closed_on") or "—"),
            photo=tr("有") if b.get("photo_sha256") else tr("无"))
        return ("<h4>" + tr("初审公示") + f"</h4><p>{said}</p><h4>" + tr("异议") + "</h4>")

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
                found.append((tr("公示张贴照片 {name}").format(name=row[1] or ""), row[0]))
        if not found:
            return "<p>" + tr("村里没有随案件送来附件。") + "</p>"
        got, missing = tr("(已收到)"), tr("(未收到)")
        items = "".join(f"<li>{escape(what)}:{digest[:12]}… "
                        f"{got if attachment_path(data_dir, digest).exists() else missing}"
                        f"</li>" for what, digest in found)
        return f"<ul>{items}</ul>"

    def _timeline_html(self) -> str:
        # the side that took each step, as the rule book says (at the county, the
        # township's steps are as foreign as the village's)
        sides = {"village": tr("村"), "township": tr("乡镇"), "county": tr("县局")}
        rows = "".join(
            f"<tr><td style='white-space:nowrap'>{escape(h['occurred_on'])}</td>"
            f"<td>{sides.get(RULES[h['action']].role if h['action'] in RULES else '', '')}</td>"
            f"<td>{escape(h['actor'])}</td><td>{escape(h['summary'])}</td></tr>"
            for h in self.detail["history"])
        head = "".join(f"<th>{tr(x)}</th>" for x in (QT_TR_NOOP("日期"), QT_TR_NOOP("办理方"),
                                                        QT_TR_NOOP("经办人")))
        title = (tr("办理记录(村里的全过程、乡镇的办理和县局的决定)") if self.county
                 else tr("办理记录(村里的全过程和乡镇的决定)"))
        return ("<h4>" + title + "</h4><table cellpadding='3'>"
                "<tr>" + head + "<th align='left'>" + tr("事项") + f"</th></tr>{rows}</table>")

    def _fill_actions(self) -> None:
        buttons = (COUNTY_BUTTONS if self.county else BUTTONS).get(self.detail["status"], ())
        specs = [(code, tr(text)) for code, text in buttons]
        self.buttons = w.fill_action_bar(self.action_bar, specs, self.start,
                                         tr("现在没有县局可办理的操作。") if self.county
                                         else tr(TOWNSHIP_WAITING.get(
                                             self.detail["status"],
                                             QT_TR_NOOP("现在没有乡镇可办理的操作。"))))

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

        how, ok = QInputDialog.getItem(self, tr("登记已送达"), tr("不予批准通知书如何送达申请人:"),
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
        guard.tell(self.parentWidget(), tr("已登记不予批准通知书送达({how})。").format(how=how))
        self._decided()
        return how

    def ask_save(self) -> str:
        return save_name(self, tr("保存不予批准通知书"),
                         tr("不予批准通知书-{case_id}.pdf").format(case_id=self.case_id),
                         "PDF (*.pdf)")

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
        guard.tell(self.parentWidget(), tr("不予批准通知书已保存到 {path}").format(path=path))
        return show_message(self, tr("已保存到 {path}").format(path=path), tr("已保存"))
