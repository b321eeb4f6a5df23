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
    QWidget,
)

from desktop.core.workflow import ACTIONS
from desktop.storage import queries
from desktop.ui import widgets as w
from desktop.ui import window_fit
from desktop.ui.case_html import application_html, members_html, objections_html
from desktop.ui.case_record import show_latest
from desktop.ui.core_words import (
    category_label,
    due_word,
    flag_word,
    programme_word,
    reason_label,
    status_label,
    step_word,
)
from desktop.ui.deliberation import DeliberationDialog
from desktop.ui.i18n import QT_TR_NOOP, tr
from desktop.ui.step_dialogs import STEP_DIALOGS

URGENCY_WORDS = {"overdue": QT_TR_NOOP("已超期"), "soon": QT_TR_NOOP("即将到期")}
LAST = ("refuse",)  # ending a case is offered after the step that carries it on
# The next thing to do when it is not a step of this case alone: the notice forms (which
# take several cases) and sending to the township; opened with this case chosen.
NEXT_ACTIONS = {"reviewed": (("notice", QT_TR_NOOP("初审公示…")),),
                "on_notice": (("notice_list", QT_TR_NOOP("到公示管理登记异议、结束公示…")),),
                "notice_done": (("send", QT_TR_NOOP("发送到乡镇…")),),
                "paid_first": (),
                "approved": (("result", QT_TR_NOOP("结果公示…")),),
                # the township pays once the result notice reaches it
                "result_posted": (("send", QT_TR_NOOP("发送到乡镇,由乡镇登记发放…")),)}
# Where the case waits when nothing is to be done here, so the officer knows who acts.
WAITING = {"submitted": QT_TR_NOOP("已上报,等待乡镇接收和审批;乡镇的决定随其数据包送回(数据交换 → 导入数据包)。"),
           "acknowledged": QT_TR_NOOP("乡镇已接收,正在审批;决定随乡镇的数据包送回。"),
           "referred": QT_TR_NOOP("已转县审批,等待县民政局批复。"),
           "result_posted": QT_TR_NOOP("结果已公示,等待乡镇登记发放。"),
           "paid": QT_TR_NOOP("已发放,等待乡镇备案。"), "filed": QT_TR_NOOP("已备案,办理完毕。"),
           "refused": QT_TR_NOOP("不予受理,案件已结束。"), "rejected_village": QT_TR_NOOP("初审不通过,案件已结束。"),
           "rejected": QT_TR_NOOP("乡镇不批准,案件已结束。"), "draft": QT_TR_NOOP("草稿:材料齐全后再受理。"),
           "returned": QT_TR_NOOP("乡镇退回补充:请补充后重新调查。")}


class CaseView(QDialog):
    changed = Signal()  # a step was recorded

    def __init__(self, casework, case_id: str, parent=None):
        super().__init__(parent)
        self.casework, self.case_id = casework, case_id
        self.dialog = None  # the step dialog opened last (tests drive it)
        self.setWindowTitle(tr("案件 {case_id}").format(case_id=case_id))
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
        timeline_box = QGroupBox(tr("办理记录(全过程)"))
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
        show_latest(self.timeline)
        self._fill_actions()

    def _header_html(self) -> str:
        d = self.detail
        status = escape(status_label(d["status"]))
        due = ""
        if d["due_on"]:
            word = tr(URGENCY_WORDS.get(d["urgency"], ""))
            colour = "#c62828" if d["urgency"] == "overdue" else (
                "#8a6d00" if d["urgency"] else "#333")
            due = (" · " + tr("期限") + f" <span style='color:{colour}'>{d['due_on']} "
                   f"{escape(due_word(d['due_label']))}{'(' + word + ')' if word else ''}</span>")
        flags = "".join(f"<div style='color:#c62828'>{escape(flag_word(queries.FLAG_LABELS[f]))}</div>"
                        for f in d["flags"])
        flags += "".join(f"<div style='color:#c62828'>{escape(f.label)}:{escape(f.text)}</div>"
                         for f in self._names_flags())
        ids = tr("编号 {id} · 状态 <b>{status}</b>{due}").format(id=escape(d["id"]), status=status,
                                                           due=due)
        money = tr("申请 {requested} · 拟救助 {proposed} · 先行救助 {paid_first} · 批准 {approved}").format(
            requested=w.yuan_text(d["requested_fen"]), proposed=w.yuan_text(d["proposed_fen"]),
            paid_first=w.yuan_text(d["paid_first_fen"]), approved=w.yuan_text(d["approved_fen"]))
        return (f"<div style='font-size:15pt'><b>{escape(d['applicant_name'])}</b>"
                f" {escape(programme_word(d['program_label']))} · {escape(category_label(d['category']))}"
                f" · {escape(reason_label(d['reason']))}</div>"
                f"<div>{ids}</div><div>{money}</div>{flags}")

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
        self.tabs.addTab(self.details, tr("申请信息"))
        self.tabs.addTab(self.members, tr("家庭成员({n})").format(
                                           n=len(d['application'].get('members', []))))
        self.tabs.addTab(self.objections, tr("异议({n})").format(n=len(d['objections'])))

    def _timeline_html(self) -> str:
        items = []
        for h in self.detail["history"]:
            items.append(
                f"<tr><td style='white-space:nowrap; color:#555'>{escape(h['occurred_on'])}</td>"
                f"<td style='white-space:nowrap'>{escape(h['actor'])}</td>"
                f"<td>{escape(h['summary'])}<br><span style='color:#777'>→ "
                f"{escape(status_label(h['status_after']))}</span></td></tr>")
        if not items:
            return "<p>" + tr("尚无记录。") + "</p>"
        head = "".join(f"<th align='left'>{tr(x)}</th>" for x in (QT_TR_NOOP("日期"),
                                                               QT_TR_NOOP("经办人"), QT_TR_NOOP("事项")))
        return ("<table cellpadding='4' cellspacing='0' width='100%'>"
                f"<tr>{head}</tr>" + "".join(items) + "</table>")

    def _fill_actions(self) -> None:
        allowed = sorted((c for c in self.casework.allowed_actions(self.case_id)
                          if c in STEP_DIALOGS or c == "deliberate"),
                         key=lambda c: c in LAST)  # the ordinary next step first
        specs = [(c, step_word(ACTIONS[c].label) + "…") for c in allowed]
        specs += [(code, tr(text)) for code, text in NEXT_ACTIONS.get(self.detail["status"], ())]
        waiting = tr(WAITING.get(self.detail["status"], QT_TR_NOOP("现在没有需要本工作站办理的事项。")))
        self.buttons = w.fill_action_bar(self.action_bar, specs, self.start, waiting)
        self._next_steps_first()

    def _next_steps_first(self) -> None:
        """The next steps, at the top, come first when the officer tabs, and the first has
        the focus (Enter opens it). Made after the tabs and remade after each step, they
        came last, and the step recorded left the focus nowhere."""
        chain = list(self.buttons.values())
        if not chain:
            return
        for before, after in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(before, after)
        QWidget.setTabOrder(chain[-1], self.tabs)
        chain[0].setFocus()

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
            # the officer goes on there: this view, modal over the main window, would
            # block the notice window (a child of the same window) until it was closed
            self.close()
            panel.show()
            panel.raise_()
            panel.activateWindow()
            notice = self.detail.get("notice") or {}
            if notice.get("notice_id"):
                panel.select(notice["notice_id"])
            return panel
        post = panel.create if code == "notice" else panel.post_results
        done = post(preselect=[self.case_id], parent=self)
        if done:
            self._stepped()
        return done
