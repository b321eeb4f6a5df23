"""The case view: who and what, where the case stands, everything recorded so far as a
timeline (全过程公开), and a button for each action the state allows now — only those."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
)

from desktop.core.categories import category_label, reason_label
from desktop.core.status import status_label
from desktop.core.workflow import ACTIONS
from desktop.storage import queries
from desktop.ui import widgets as w
from desktop.ui import window_fit
from desktop.ui.case_html import application_html, members_html, objections_html
from desktop.ui.deliberation import DeliberationDialog
from desktop.ui.step_dialogs import STEP_DIALOGS

URGENCY_WORDS = {"overdue": "已超期", "soon": "即将到期"}
LAST = ("refuse",)  # ending a case is offered after the step that carries it on
# The next thing to do when it is not a step of this case alone: the notice forms (which
# take several cases) and sending to the township; opened with this case chosen.
NEXT_ACTIONS = {"reviewed": (("notice", "初审公示…"),),
                "on_notice": (("notice_list", "到公示管理登记异议、结束公示…"),),
                "notice_done": (("send", "发送到乡镇…"),),
                "paid_first": (),
                "approved": (("result", "结果公示…"),)}
# Where the case waits when nothing is to be done here, so the officer knows who acts.
WAITING = {"submitted": "已上报,等待乡镇接收和审批;乡镇的决定随其数据包送回(数据交换 → 导入数据包)。",
           "acknowledged": "乡镇已接收,正在审批;决定随乡镇的数据包送回。",
           "referred": "已转县审批,等待县民政局批复。",
           "result_posted": "结果已公示,等待乡镇登记发放。",
           "paid": "已发放,等待乡镇备案。", "filed": "已备案,办理完毕。",
           "refused": "不予受理,案件已结束。", "rejected_village": "初审不通过,案件已结束。",
           "rejected": "乡镇不批准,案件已结束。", "draft": "草稿:材料齐全后再受理。",
           "returned": "乡镇退回补充:请补充后重新调查。"}


class CaseView(QDialog):
    changed = Signal()  # a step was recorded

    def __init__(self, casework, case_id: str, parent=None):
        super().__init__(parent)
        self.casework, self.case_id = casework, case_id
        self.dialog = None  # the step dialog opened last (tests drive it)
        self.setWindowTitle(f"案件 {case_id}")
        window_fit.fit(self, 1100, 720)
        layout = QVBoxLayout(self)
        self.header = QLabel()
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.header.setWordWrap(True)
        layout.addWidget(self.header)
        self.action_bar = QHBoxLayout()
        layout.addLayout(self.action_bar)
        split = QSplitter(Qt.Orientation.Horizontal)
        self.tabs = QTabWidget()
        self.details, self.members, self.objections = (QTextBrowser(), QTextBrowser(),
                                                       QTextBrowser())
        split.addWidget(self.tabs)
        timeline_box = QGroupBox("办理记录(全过程)")
        box_layout = QVBoxLayout(timeline_box)
        self.timeline = QTextBrowser()
        box_layout.addWidget(self.timeline)
        split.addWidget(timeline_box)
        split.setSizes([560, 520])
        layout.addWidget(split, 1)
        layout.addWidget(w.close_row(self))
        self.buttons: dict[str, QPushButton] = {}
        printing = QShortcut(QKeySequence("Ctrl+P"), self)
        printing.activated.connect(self.print_form)
        self.reload()

    # -- showing -------------------------------------------------------------------------
    def reload(self) -> None:
        cw = self.casework
        self.detail = queries.case_detail(cw.db, self.case_id, cw.today, cw.store.policy)
        self.header.setText(self._header_html())
        self._fill_tabs()
        self.timeline.setHtml(self._timeline_html())
        self._fill_actions()

    def _header_html(self) -> str:
        d = self.detail
        status = escape(status_label(d["status"]))
        due = ""
        if d["due_on"]:
            word = URGENCY_WORDS.get(d["urgency"], "")
            colour = "#c62828" if d["urgency"] == "overdue" else (
                "#8a6d00" if d["urgency"] else "#333")
            due = (f" · 期限 <span style='color:{colour}'>{d['due_on']} {escape(d['due_label'])}"
                   f"{'(' + word + ')' if word else ''}</span>")
        flags = "".join(f"<div style='color:#c62828'>{escape(queries.FLAG_LABELS[f])}</div>"
                        for f in d["flags"])
        flags += "".join(f"<div style='color:#c62828'>{escape(f.label)}:{escape(f.text)}</div>"
                         for f in self._names_flags())
        return (f"<div style='font-size:15pt'><b>{escape(d['applicant_name'])}</b>"
                f" {escape(d['program_label'])} · {escape(category_label(d['category']))}"
                f" · {escape(reason_label(d['reason']))}</div>"
                f"<div>编号 {escape(d['id'])} · 状态 <b>{status}</b>{due}</div>"
                f"<div>申请 {w.yuan_text(d['requested_fen'])} · 拟救助 {w.yuan_text(d['proposed_fen'])}"
                f" · 先行救助 {w.yuan_text(d['paid_first_fen'])} · 批准 {w.yuan_text(d['approved_fen'])}"
                f"</div>{flags}")

    def _names_flags(self) -> list:
        """一号多名: this ID number on file here under another name (issue 13)."""
        from desktop.township.flags import red_flags

        cw = self.casework
        found = red_flags(cw.db, [self.case_id], cw.store.policy)[self.case_id]
        return [f for f in found if f.code == "second_name"]

    def _fill_tabs(self) -> None:
        d = self.detail
        self.details.setHtml(application_html(d["application"]))
        self.members.setHtml(members_html(d["application"]))
        self.objections.setHtml(objections_html(d["objections"]))
        self.tabs.clear()
        self.tabs.addTab(self.details, "申请信息")
        self.tabs.addTab(self.members, f"家庭成员({len(d['application'].get('members', []))})")
        self.tabs.addTab(self.objections, f"异议({len(d['objections'])})")

    def _timeline_html(self) -> str:
        items = []
        for h in self.detail["history"]:
            items.append(
                f"<tr><td style='white-space:nowrap; color:#555'>{escape(h['occurred_on'])}</td>"
                f"<td style='white-space:nowrap'>{escape(h['actor'])}</td>"
                f"<td>{escape(h['summary'])}<br><span style='color:#777'>→ "
                f"{escape(status_label(h['status_after']))}</span></td></tr>")
        if not items:
            return "<p>尚无记录。</p>"
        return ("<table cellpadding='4' cellspacing='0' width='100%'>"
                "<tr><th align='left'>日期</th><th align='left'>经办人</th>"
                "<th align='left'>事项</th></tr>" + "".join(items) + "</table>")

    def _fill_actions(self) -> None:
        allowed = sorted((c for c in self.casework.allowed_actions(self.case_id)
                          if c in STEP_DIALOGS or c == "deliberate"),
                         key=lambda c: c in LAST)  # the ordinary next step first
        specs = [(c, ACTIONS[c].label + "…") for c in allowed]
        specs += list(NEXT_ACTIONS.get(self.detail["status"], ()))
        waiting = WAITING.get(self.detail["status"], "现在没有需要本工作站办理的事项。")
        self.buttons = w.fill_action_bar(self.action_bar, specs, self.start, waiting)

    # -- acting --------------------------------------------------------------------------
    def start(self, code: str):
        """Open the dialog of action `code` (window-modal, not blocking)."""
        if code in ("notice", "result", "notice_list", "send"):
            return self._elsewhere(code)
        if code == "deliberate":
            dialog = DeliberationDialog(self.casework, self, preselect=self.case_id)
        else:
            dialog = STEP_DIALOGS[code](self.casework, self.case_id, self.detail, self)
        dialog.accepted.connect(self._stepped)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _stepped(self) -> None:
        self.reload()
        self.changed.emit()

    def print_form(self):
        """Ctrl+P: this case's 审批表, previewed."""
        panel = getattr(self.parentWidget(), "notice_panel", None)
        return panel.print_form(self.case_id) if panel is not None else None

    def _elsewhere(self, code: str):
        """The notice forms and the export live with the main window's panels; they are
        opened with this case chosen, and the view is reread after them."""
        window = self.parentWidget()
        if code == "send":
            dialog = window.sync_panel.export()
            dialog.finished.connect(lambda *_: self._stepped())
            self.dialog = dialog
            return dialog
        panel = window.notice_panel
        if code == "notice_list":
            panel.show()
            notice = self.detail.get("notice") or {}
            if notice.get("notice_id"):
                panel.select(notice["notice_id"])
            return panel
        post = panel.create if code == "notice" else panel.post_results
        done = post(preselect=[self.case_id], parent=self)
        if done:
            self._stepped()
        return done
