"""The 公示 menu and the notice list: every batch with its days left, open objections and
whether the photo of the posted sheet is kept; from it the officer posts a new batch,
records and resolves objections, attaches the photo, closes a batch, posts the result
notice, and previews / prints / saves a sheet in one action. The same menu prints the
approval form of the selected case and the register with the ledger's current filter.

The main window only calls `install(main_window)` (it has .store, .today, .refresh and
.current_filter()); the work is done by desktop.operations.notices and desktop.printing."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from desktop.core.errors import Refusal
from desktop.storage import notice_queries as nq
from desktop.ui import guard, table_keys, window_fit, worker
from desktop.ui import notice_dialogs as nd
from desktop.ui.core_words import notice_word
from desktop.ui.i18n import QT_TR_NOOP, tr
from desktop.ui.places import incoming, save_name
from desktop.ui.widgets import show_message

COLUMNS = (QT_TR_NOOP("公示编号"), QT_TR_NOOP("类别"), QT_TR_NOOP("状态"), QT_TR_NOOP("公示期"),
           QT_TR_NOOP("剩余天数"), QT_TR_NOOP("案件数"), QT_TR_NOOP("未处理异议"), QT_TR_NOOP("张贴照片"))


def install(main_window) -> "NoticePanel":
    """The window's 公示管理 (its menu is menus' table's): built now if it was not yet."""
    return main_window.notice_panel


# objections to a 低保变动公示 are recorded and resolved against the household it names
CHANGE_OBJECTIONS = QT_TR_NOOP("低保变动公示的异议在“低保 → 本村低保户与复核”中选中该户登记和处理。")

class NoticePanel(QDialog):
    """The notice list (a non-modal window)."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.preview = None  # the preview opened last (tests read it)
        self.setWindowTitle(tr("公示管理"))
        layout = QVBoxLayout(self)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels([tr(c) for c in COLUMNS])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        table_keys.open_rows_on_activate(self.table, lambda _row: self.print_notice())
        layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.buttons = {}
        for text, key, slot in ((QT_TR_NOOP("新建初审公示"), "N", self.create),
                                (QT_TR_NOOP("登记异议"), "O", self.add_objection),
                                (QT_TR_NOOP("处理异议"), "H", self.resolve),
                                (QT_TR_NOOP("附张贴照片"), "Z", self.attach_photo),
                                (QT_TR_NOOP("结束公示"), "E", self.close_batch),
                                (QT_TR_NOOP("结果公示"), "J", self.post_results),
                                (QT_TR_NOOP("打印公示"), "P", self.print_notice)):
            button = QPushButton(window_fit.with_key(tr(text), key))
            button.clicked.connect(lambda _=False, act=slot: act())
            row.addWidget(button)
            self.buttons[text] = button
        layout.addLayout(row)
        self.table.itemSelectionChanged.connect(self._resolve_allowed)
        self.dialog = None  # the form opened last (tests read it)
        window_fit.fit(self, 1000, 480)

    @property
    def notices(self):
        from desktop.operations.notices import Notices  # casework: loaded when first needed

        return Notices(self.window.store, self.window.today)

    def show(self) -> None:
        self.refresh()
        super().show()
        self.raise_()

    def refresh(self) -> None:
        keep = self.selected_id()
        self.batches = self.notices.batches()
        self.table.setRowCount(len(self.batches))
        for i, b in enumerate(self.batches):
            cells = (b["notice_id"], notice_word(b["kind_label"]), notice_word(b["status_label"]),
                     tr("{start} 至 {last_day}").format(start=b["start"], last_day=b["last_day"]),
                     str(b["days_left"]), str(b["cases"]),
                     str(b["open_objections"]), tr("已存") if b["photo"] else tr("未存"))
            for j, text in enumerate(cells):
                self.table.setItem(i, j, QTableWidgetItem(text))
            if b["notice_id"] == keep:
                self.table.selectRow(i)
        self.table.resizeColumnsToContents()
        self._resolve_allowed()

    def _resolve_allowed(self) -> None:
        """处理异议 only when an objection waits on the chosen batch: an empty form would
        only end in a refusal, so the button is off and its tooltip says why."""
        notice_id = self.selected_id()
        b = next((b for b in getattr(self, "batches", ()) if b["notice_id"] == notice_id),
                 None)
        why = self._nothing_to_resolve(b)
        button = self.buttons["处理异议"]
        button.setEnabled(not why)
        button.setToolTip(why)

    @staticmethod
    def _nothing_to_resolve(b: dict | None) -> str:
        """Why 处理异议 has nothing to do on batch `b` ("" when an objection waits)."""
        if b is None:
            return tr("请先在列表中选择一批公示。")
        if b["kind"] == "change":  # its objections are recorded against a 低保 household
            return tr(CHANGE_OBJECTIONS)
        if not b["open_objections"]:
            return tr("公示 {notice_id} 没有待处理的异议。").format(notice_id=b["notice_id"])
        return ""

    def selected_id(self) -> str | None:
        rows = self.table.selectionModel().selectedRows() if self.table.model() else []
        return self.table.item(rows[0].row(), 0).text() if rows else None

    def select(self, notice_id: str) -> None:
        for i in range(self.table.rowCount()):
            if self.table.item(i, 0).text() == notice_id:
                self.table.selectRow(i)

    # -- hooks tests replace -------------------------------------------------------------
    def ask_photo(self) -> str:
        path, _ = QFileDialog.getOpenFileName(self, tr("选择张贴现场的照片"), incoming(),
                                              tr("照片 (*.jpg *.jpeg *.png)"))
        return path

    def ask_save(self, title: str, name: str, pattern: str) -> str:
        return save_name(self, title, name, pattern)

    def warn(self, text: str) -> None:
        self.last_message = text
        show_message(self, text)

    # -- actions -------------------------------------------------------------------------
    def _run(self, operation, *args, done: str = QT_TR_NOOP("已完成。"), **kwargs):
        """Do one operation; a refusal is shown and changes nothing; success is said."""
        try:
            result = operation(*args, **kwargs)
        except Refusal as exc:
            self.warn(exc.message)
            return None
        self.refresh()
        self.window.refresh()
        if result is not None:
            guard.tell(self.window, tr(done))
        return result

    def _cases_in(self, status: str) -> list[dict]:
        return list(self.window.store.db.query(
            "SELECT * FROM applications WHERE status = ? ORDER BY id", [status]))

    def _ask(self, dialog, operation, done: str):
        """Show `dialog` fed by `operation`; after it succeeds, reread and say so."""
        dialog.submit_op = operation
        self.dialog = dialog
        result = dialog.ask()
        if result is None:
            return None
        self.refresh()
        self.window.refresh()
        guard.tell(self.window, done.format(result=result))
        return result

    def create(self, preselect=None, parent=None):
        """新建初审公示; from a case view with that case alone ticked."""
        policy = self.window.store.policy
        dialog = nd.ChooseCasesDialog(tr("新建初审公示"), self._cases_in("reviewed"),
                                      self.window.today,
                                      days=policy.notice_days_temporary, initial=True,
                                      amount_key="proposed_fen", preselect=preselect,
                                      parent=parent or self)
        notice_id = self._ask(dialog, lambda v: self.notices.create(
            v["case_ids"], start=v["start"], days=v["days"], board=v["board"]),
            tr("已新建初审公示 {result},请打印张贴。"))
        if notice_id:
            self.select(notice_id)
        return notice_id

    def post_results(self, preselect=None, parent=None):
        dialog = nd.ChooseCasesDialog(tr("结果公示"), self._cases_in("approved"),
                                      self.window.today,
                                      days=self.window.store.policy.notice_days_temporary,
                                      initial=False, amount_key="approved_fen",
                                      preselect=preselect, parent=parent or self)
        notice_id = self._ask(dialog, lambda v: self.notices.post_results(
            v["case_ids"], on=v["start"], days=v["days"], board=v["board"]),
            tr("已发布结果公示 {result},请打印张贴。"))
        if notice_id:
            self.select(notice_id)
        return notice_id

    def _batch(self) -> dict | None:
        notice_id = self.selected_id()
        if not notice_id:
            self.warn(tr("请先在列表中选择一批公示。"))
            return None
        return self.notices.batch(notice_id)

    def add_objection(self):
        b = self._batch()
        if not b:
            return None
        if b["kind"] == "change":  # (it has no cases on notice: it said so, and no more)
            return self.warn(tr(CHANGE_OBJECTIONS))
        cases = nq.batch_cases(self.window.store.db, b, ("on_notice",))
        if not cases:
            return self.warn(tr("公示 {notice_id} 没有仍在公示的案件,不能登记异议。").format(
                                 notice_id=b['notice_id']))
        return self._ask(nd.ObjectionDialog(cases, self.window.today, self),
                         lambda v: self.notices.record_objection(
                             v["case_id"], content=v["content"], from_whom=v["from_whom"],
                             received_on=v["received_on"]),
                         tr("已登记异议 {result},处理完毕前该案件不能结束公示。"))

    def resolve(self):
        b = self._batch()
        if not b:
            return None
        pending = nq.open_objections(self.window.store.db, b)
        if not pending:
            return self.warn(self._nothing_to_resolve({**b, "open_objections": 0}))
        return self._ask(nd.ResolveDialog(pending, self.window.today, self),
                         lambda v: self.notices.resolve_objection(
                             v["case_id"], v["objection_id"], result=v["result"],
                             how_checked=v["how_checked"], back_to=v["back_to"], on=v["on"]),
                         tr("异议已处理。"))

    def attach_photo(self):
        b = self._batch()
        path = self.ask_photo() if b else ""
        return self._run(self.notices.attach_photo, b["notice_id"], path,
                         done=tr("已保存公示 {notice_id} 的张贴照片。").format(
                                  notice_id=b['notice_id'])) if path else None

    def close_batch(self):
        b = self._batch()
        try:  # refused (period not over, objection open) before the question
            if not b or not guard.confirm_step(
                    self, tr("结束公示 {notice_id}").format(notice_id=b['notice_id']),
                    tr("结束后案件变为“公示期满”,可以上报乡镇;本批公示不能再登记异议。"),
                    check=lambda: self.notices.close(b["notice_id"])):
                return None
        except Refusal as exc:
            return self.warn(exc.message)
        done = self._run(self.notices.close, b["notice_id"])
        if done is not None:
            guard.tell(self.window, tr("公示 {notice_id} 已结束,案件可以发送到乡镇。").format(
                                        notice_id=b['notice_id']))
        return done

    def set_phones(self) -> bool:
        """The phones dialog; True once valid phones are saved (a bad one is said beside
        its field, in the dialog, which stays open)."""
        dialog = nd.PhonesDialog(self.window.store.policy, self, self.window.store.editions)
        return bool(self._ask(dialog, lambda v: self.notices.set_phones(v["village"],
                                                                        v["township"]),
                              tr("异议反映电话已保存。")))

    # -- printing ------------------------------------------------------------------------
    def print_notice(self):
        """One action from the list: the selected batch's sheet, previewed."""
        from desktop.printing.notice_sheet import notice_pdf

        b = self._batch()
        if not b:
            return None
        policy = self.window.store.policy
        if not (policy.village_committee_phone and policy.township_office_phone):
            if not self.set_phones():
                return None
        return self._preview(lambda: notice_pdf(self.window.store, b["notice_id"]),
                             tr("公示 {notice_id}").format(
                                 notice_id=b['notice_id']), f"{b['notice_id']}.pdf")

    def print_form(self, case_id: str = ""):
        """The 审批表 of `case_id`, or of the case selected in the ledger."""
        from desktop.printing.approval_form import form_pdf

        row = self.window.table.currentIndex().row()
        if not case_id and row < 0:
            return self.warn(tr("请先在台账中选择一个案件。"))
        case_id = case_id or self.window.model.case_id(row)
        return self._preview(lambda: form_pdf(self.window.store, case_id, self.window.today),
                             tr("审批表 {case_id}").format(case_id=case_id),
                             tr("审批表-{case_id}.pdf").format(case_id=case_id))

    def print_register(self, kind: str):
        """The ledger as filtered, in a thread of its own (a township's thousands of cases
        take seconds); returns the job (None when refused at once)."""
        from desktop.printing import register
        from desktop.printing.output import save_document

        flt, today = self.window.current_filter(), self.window.today
        if kind == "pdf":
            return self._in_background(tr("生成台账 PDF"), lambda job: register.register_pdf(
                job.store, flt, today), lambda pdf: self._show_preview(
                pdf, tr("台账"), tr("台账-{today}.pdf").format(today=today.isoformat())))
        path = self.ask_save(tr("导出台账 Excel"), tr("台账-{today}.xlsx").format(
                                               today=today.isoformat()), "Excel (*.xlsx)")
        if not path:
            return None
        return self._in_background(tr("导出台账 Excel"), lambda job: save_document(
            path, register.register_xlsx(job.store, flt, today)),
            lambda _: guard.tell(self.window, tr("台账已导出到 {path}").format(path=path)))

    def _in_background(self, title: str, work, done):
        """Reads only: the window keeps working, and its own saves go on meanwhile."""
        return worker.run(self, title, work, store=self.window.store, done=done,
                          failed=self.warn)

    def _preview(self, build, title: str, file_name: str):
        try:
            pdf = build()
        except Refusal as exc:
            return self.warn(exc.message)
        return self._show_preview(pdf, title, file_name)

    def _show_preview(self, pdf: bytes, title: str, file_name: str):
        from desktop.ui.print_preview import PrintPreview  # pdfium: loaded when first shown

        self.preview = PrintPreview(pdf, title, file_name, self)
        self.preview.setWindowModality(Qt.WindowModality.WindowModal)
        self.preview.open()
        return self.preview
