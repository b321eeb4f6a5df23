"""低保 at the village (issue 15): a window with the village's households in payment this
month, the reviews (复核) due with the urgency colours of the township's tab, the review
of the chosen household (the rule book's `dibao_review`, checked as it is typed, like
every village step), the public list for the notice board and the notice of the changes
decided since the last one (低保变动公示). What the command line's `step APP_ID
dibao_review`, `dibao public-list` and `dibao change-notice` do, through the same
modules."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QVBoxLayout

from desktop.core import dibao
from desktop.core.errors import Refusal
from desktop.core.money import format_yuan
from desktop.ui import guard, window_fit
from desktop.ui import widgets as w
from desktop.ui.dibao_decide import PROPOSALS
from desktop.ui.dibao_objection import DibaoObjectionDialog, DibaoResolveDialog, ObjectionsModel
from desktop.ui.dibao_panel import DueModel, HouseholdsModel, first_chosen, table_view
from desktop.ui.i18n import QT_TR_NOOP, tr
from desktop.ui.places import save_name
from desktop.ui.step_dialogs import StepDialog, split_names


class VillageDibaoWindow(QDialog):
    def __init__(self, store, today, parent=None):
        super().__init__(parent)
        self.store, self.today = store, today
        self.setWindowTitle(tr("本村低保户与复核"))
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        w.add_buttons(bar, [(tr("记录复核(&R)…"), self.record_review),
                            (tr("打印公示名单(&P)…"), self.save_public_list),
                            (tr("发布变动公示(&C)…"), self.post_change_notice),
                            (tr("登记异议(&O)…"), self.record_objection),
                            (tr("处理异议(&J)…"), self.resolve_objection)])
        layout.addLayout(bar)
        self.message = w.ErrorLabel()
        layout.addWidget(self.message)
        # what was just done, here: the main window's bar is behind. (Not self.done:
        # that would hide QDialog.done, which Qt calls to close the window.)
        self.just_done = QLabel()
        self.just_done.setStyleSheet("color:#2e7d32;")
        self.just_done.setWordWrap(True)
        self.just_done.hide()
        layout.addWidget(self.just_done)
        self.households_label = QLabel()
        layout.addWidget(self.households_label)
        self.households, self.households_view = table_view(HouseholdsModel(self))
        layout.addWidget(self.households_view, 3)
        layout.addWidget(QLabel(tr("复核到期(红色已逾期,黄色本月或即将到期):")))
        self.due, self.due_view = table_view(DueModel(self))
        for view in (self.households_view, self.due_view):  # "choose one first" goes once
            view.selectionModel().selectionChanged.connect(  # one is chosen
                lambda *_: self.message.show_message(""))
        layout.addWidget(self.due_view, 2)
        self.objections_label = QLabel()
        layout.addWidget(self.objections_label)
        self.objections, self.objections_view = table_view(ObjectionsModel(self))
        layout.addWidget(self.objections_view, 1)
        layout.addWidget(w.close_row(self))
        self.dialog = None
        self.refresh()
        window_fit.fit(self, 960, 700)

    def refresh(self) -> None:
        from desktop.dibao.households import due_reviews, held_enrollments, in_payment

        month = dibao.month_of(self.today)
        self.households.set_rows([{**r, "village": self.store.workstation["village"],
                                   "amount": format_yuan(r["monthly_fen"], grouped=True)}
                                  for r in in_payment(self.store.db, month)])
        self.due.set_rows(due_reviews(self.store, self.today))
        self._refresh_objections()
        n = self.households.rowCount()
        held = held_enrollments(self.store.db)
        # an empty table says why: households appear once the township enrolls them; one
        # whose enrollment an objection holds is enrolled yet not in it (not paid)
        self.households_label.setText(
            tr("本月在保户:{n} 户;另有 {held} 户已批准纳入,因对变动公示的异议暂不发放,"
               "异议处理后再发放(见下方异议表)。").format(n=n, held=held) if held else
            tr("本月在保户:{n} 户").format(n=n) if n else
            tr("本月在保户:还没有。乡镇批准纳入低保的家庭,随乡镇的数据包到本村后显示在这里。"))
        for view in (self.households_view, self.due_view, self.objections_view):
            view.resizeColumnsToContents()

    def _refresh_objections(self) -> None:
        from desktop.dibao.objections import listed

        rows = listed(self.store.db)
        self.objections.set_rows(rows)
        waiting = sum(r["status"] == "open" for r in rows)
        self.objections_label.setText(
            tr("对变动公示的异议:{n} 条待处理(处理前该户的变动暂不执行)。").format(n=waiting)
            if waiting else tr("对变动公示的异议:没有待处理的。公示期内收到异议,"
                               "选中该户后点“登记异议”。"))

    def chosen(self) -> dict | None:
        """The household chosen in either table (the due list first)."""
        return first_chosen((self.due_view, self.due), (self.households_view, self.households))

    # -- actions (each ask_* is replaced by tests) ---------------------------------------
    def record_review(self):
        return self._open_step(DibaoReviewDialog, self.chosen(),
                               tr("请先在表中选择要复核的低保户。"), with_persons=True)

    def record_objection(self):
        """An objection to the chosen household's line on a change notice."""
        return self._open_step(DibaoObjectionDialog, self.chosen(),
                               tr("请先在表中选择被提出异议的低保户。"))

    def resolve_objection(self):
        """The result of an open objection (the one chosen in its table, or the
        chosen household's; with nothing chosen, the only one waiting)."""
        from desktop.dibao.objections import listed

        row = first_chosen((self.objections_view, self.objections),
                           (self.due_view, self.due), (self.households_view, self.households))
        waiting = listed(self.store.db, open_only=True)
        if row is None and len(waiting) == 1:
            row = waiting[0]
        if row is not None and not any(o["case_id"] == row["case_id"] for o in waiting):
            # an empty form would only end in a refusal: say so here, before it opens
            self._refused(tr("{name} 户没有待处理的异议,无须处理。公示期内收到异议,"
                             "先点“登记异议”。").format(name=row["name"]))
            return None
        return self._open_step(DibaoResolveDialog, row, tr("请先在异议表中选择要处理的异议。"))

    def _open_step(self, dialog_class, row: dict | None, none_chosen: str,
                   with_persons: bool = False):
        """The step's dialog on the chosen household (a review also shows its persons)."""
        from desktop.operations.casework import Casework

        if row is None:
            self._refused(none_chosen)
            return None
        work = Casework(self.store, self.today)
        detail = {"applicant_name": row["name"]}
        if with_persons:
            detail["persons"] = row["persons"]
        try:
            dialog = dialog_class(work, row["case_id"], detail, self)
        except Refusal as exc:
            self._refused(exc.message)
            return None
        dialog.accepted.connect(self.refresh)
        self.dialog = dialog
        dialog.open()
        return dialog

    def ask_save(self, name: str) -> str:
        return save_name(self, tr("保存公示"), name, "PDF (*.pdf)")

    def post_change_notice(self) -> str:
        """Record the notice of every change not yet posted, then save its sheet; nothing
        is recorded when there is none or the file is not chosen. Returns its id."""
        from desktop.dibao.change_notices import issue, unposted
        from desktop.printing.notice_sheet import notice_pdf
        from desktop.printing.output import save_document
        from desktop.storage.db import rehearse

        if not unposted(self.store.db, self.store.workstation["village_code"]):
            self._refused(tr("自上次变动公示以来,乡镇没有决定新的低保变动,无须公示。"))
            return ""
        try:  # every check the notice makes (the phones, the names) before a file is chosen
            rehearse(lambda: issue(self.store, self.today))
        except Refusal as exc:
            self._refused(exc.message)
            return ""
        path = self.ask_save(tr("低保变动公示-{day}").format(day=self.today.isoformat()) + ".pdf")
        if not path:
            return ""
        try:
            notice_id, count = issue(self.store, self.today)
            save_document(Path(path), notice_pdf(self.store, notice_id))
        except Refusal as exc:
            self._refused(exc.message)
            return ""
        self._said(tr("已发布低保变动公示 {notice_id}({count} 项变动),已保存 {path}").format(
            notice_id=notice_id, count=count, path=path))
        return notice_id

    def save_public_list(self) -> None:
        from desktop.printing.dibao_public_list import public_list_pdf, public_rows
        from desktop.printing.output import save_document

        rows = public_rows(self.store, self.today)
        if not rows:
            self._refused(tr("本村目前没有在保的低保户,公示名单是空的。"))
            return
        path = self.ask_save(tr("低保公示名单-{month}").format(
            month=dibao.month_of(self.today)) + ".pdf")
        if not path:
            return
        try:
            save_document(Path(path), public_list_pdf(self.store, rows, self.today))
        except Refusal as exc:
            self._refused(exc.message)
            return
        self._said(tr("已保存 {path}").format(path=path))

    def _refused(self, text: str) -> None:
        """A refusal (or "" to clear it): what was done before is no longer the news."""
        self.just_done.hide()
        self.message.show_message(text)

    def _said(self, text: str) -> None:
        """Done: said in this window (and the main window's bar), the last refusal gone."""
        self.message.show_message("")
        self.just_done.setText(text)
        self.just_done.show()
        guard.tell(self, text)


class DibaoReviewDialog(StepDialog):
    """复核 of one household: checked by the rule book as it is typed."""

    code = "dibao_review"

    def build(self) -> None:
        self.date_field(QT_TR_NOOP("复核调查日期"))
        self.add(tr("调查人(至少 2 人)"), "investigators",
                 w.line_edit(tr("姓名之间用顿号或逗号分隔,例如 张三、李四")))
        self.add(tr("现有家庭人口"), "household_size",
                 w.spin(30, self.detail.get("persons") or 1))
        self.add(tr("现家庭年收入(元)"), "household_income_fen", w.yuan_edit())
        self.add(tr("家庭成员或收入变化"), "changes",
                 w.text_area(tr("如:新增或减少成员、就业、患病、收入变化"), 50))
        proposed = self.add(tr("复核意见"), "proposed",
                            w.combo({k: tr(v) for k, v in PROPOSALS.items()}, "continue"))
        self.add(tr("建议分类"), "proposed_class",
                 w.combo({"": tr("不变"), **{c: c for c in dibao.CLASSES}}, ""))
        self.add(tr("停保理由"), "reason", w.text_area(tr("建议停保时必填"), 40))
        self.add(tr("复核结论"), "findings", w.text_area(tr("核实的家庭情况"), 60))
        proposed.currentIndexChanged.connect(self._proposed_changed)
        self._proposed_changed()

    def _proposed_changed(self) -> None:
        proposed = self.value("proposed")
        self.inputs["proposed_class"].setEnabled(proposed == "reclass")
        self.inputs["reason"].setEnabled(proposed == "stop")

    def values(self, local: list) -> dict:
        proposed = self.value("proposed")
        return {"date": self.value("date"),
                "investigators": split_names(self.value("investigators")),
                "household_size": self.value("household_size"),
                "household_income_fen": w.read_fen(self.value("household_income_fen"),
                                                   "household_income_fen", local),
                "changes": self.value("changes"), "proposed": proposed,
                "proposed_class": self.value("proposed_class") if proposed == "reclass" else "",
                "reason": self.value("reason") if proposed == "stop" else "",
                "findings": self.value("findings")}

    def consequence(self) -> str:
        return tr("复核记录随下一次导出的数据包报乡镇,由乡镇决定继续、调整、变更分类或停保。")
