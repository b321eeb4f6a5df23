"""低保 at the township (issue 15): a tab with the month's households in payment, the
figures per village, the roster (PDF to sign, Excel for the bank), the month's payment
in one step, and the reviews due by class interval with the ledger's urgency colours.
Everything it does is the command line's `dibao …` through the same modules."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.core import dibao
from desktop.core.errors import Refusal
from desktop.core.money import format_yuan
from desktop.ui import guard
from desktop.ui.i18n import QT_TR_NOOP, tr
from desktop.ui.places import save_name
from desktop.ui.table_base import ListRows, RowsModel
from desktop.ui.township_models import URGENCY_COLOURS
from desktop.ui.widgets import ErrorLabel, add_buttons

URGENCY = {"overdue": QT_TR_NOOP("已逾期"), "due": QT_TR_NOOP("本月到期"),
           "soon": QT_TR_NOOP("即将到期"), "pending": QT_TR_NOOP("复核待乡镇决定"),
           "campaign": QT_TR_NOOP("清理检查待复核"),
           "recheck": QT_TR_NOOP("变动异议成立,待重新复核")}
COLOUR_OF = {"overdue": "overdue", "due": "soon", "soon": "soon",  # pending: no colour
             "campaign": "soon", "recheck": "overdue"}


def install(main_window) -> None:
    """A 低保 tab beside the township's queue, and a menu to reach it."""
    panel = getattr(main_window, "township_panel", None)
    if panel is None or main_window.store.workstation["role"] != "township":
        return  # the township pays 低保 monthly; the county has no roster of its own
    widget = DibaoWidget(main_window.store, main_window.today)
    panel.dibao = widget
    panel.tabs.insertTab(panel.tabs.indexOf(panel.ledger), widget, tr("低保"))
    menu = main_window.menuBar().addMenu(tr("低保(&B)"))
    menu.addAction(tr("在保户与发放(&L)"), lambda: panel.tabs.setCurrentWidget(widget))
    menu.addAction(tr("打印发放花名册(&P)…"), widget.save_pdf)
    menu.addAction(tr("导出银行发放表(&E)…"), widget.save_xlsx)
    menu.addAction(tr("登记该月发放(&F)…"), widget.pay)


class _Rows(ListRows, RowsModel):
    def row(self, i: int) -> dict:
        return self._rows[i]


class HouseholdsModel(_Rows):
    COLUMNS = (("village", QT_TR_NOOP("村")), ("case_id", QT_TR_NOOP("案件编号")),
               ("name", QT_TR_NOOP("户主")), ("persons", QT_TR_NOOP("人口")),
               ("amount", QT_TR_NOOP("月保障金(元)")), ("class", QT_TR_NOOP("分类")),
               ("since_month", QT_TR_NOOP("起始月份")), ("next_review", QT_TR_NOOP("复核月份")),
               ("note", QT_TR_NOOP("备注")))

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        key = self.COLUMNS[index.column()][0]
        if key == "note" and role == Qt.ItemDataRole.DisplayRole:  # a change objected to
            return tr("变动公示有异议,暂按变动前发放") if self._rows[index.row()].get("held") else ""
        if role == Qt.ItemDataRole.TextAlignmentRole and key in ("persons", "amount"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return str(self._rows[index.row()].get(key, ""))


class DueModel(_Rows):
    COLUMNS = (("village", QT_TR_NOOP("村")), ("case_id", QT_TR_NOOP("案件编号")),
               ("name", QT_TR_NOOP("户主")), ("class", QT_TR_NOOP("分类")),
               ("next_review", QT_TR_NOOP("复核月份")), ("state", QT_TR_NOOP("状态")))

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.BackgroundRole:
            colour = COLOUR_OF.get(row["urgency"])
            return QBrush(URGENCY_COLOURS[colour]) if colour else None
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        key = self.COLUMNS[index.column()][0]
        return tr(URGENCY[row["urgency"]]) if key == "state" else str(row.get(key, ""))


class DibaoWidget(QWidget):
    def __init__(self, store, today, parent=None):
        super().__init__(parent)
        self.store, self.today = store, today
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.month = QLineEdit(dibao.month_of(today))
        self.month.setMaximumWidth(100)
        self.month.returnPressed.connect(self.refresh)
        buttons = [(tr("显示(&W)"), self.refresh), (tr("打印花名册(&P)…"), self.save_pdf),
                   (tr("导出银行发放表(&E)…"), self.save_xlsx),
                   (tr("登记该月发放(&F)…"), self.pay),
                   (tr("复核决定(&J)…"), self.decide_review), (tr("停保(&O)…"), self.stop)]
        bar.addWidget(QLabel(tr("发放月份(年-月):")))
        bar.addWidget(self.month)
        add_buttons(bar, buttons)
        layout.addLayout(bar)
        self.message = ErrorLabel()
        layout.addWidget(self.message)
        self.households, self.households_view = table_view(HouseholdsModel(self))
        layout.addWidget(self.households_view, 3)
        self.figures = QLabel()
        self.figures.setWordWrap(True)
        layout.addWidget(self.figures)
        layout.addWidget(QLabel(tr("复核到期(按分类复核周期;红色已逾期,黄色本月或即将到期;"
                                   "村里已复核的待乡镇决定):")))
        self.due, self.due_view = table_view(DueModel(self))
        layout.addWidget(self.due_view, 2)
        from desktop.ui.dibao_campaign import CampaignBox

        self.campaign = CampaignBox(store, today, self)
        self.campaign.on_change = self.refresh  # a campaign adds or ends review tasks
        layout.addWidget(self.campaign)
        self.roster = None
        self.refresh()

    def refresh(self) -> None:
        from desktop.dibao.households import due_reviews, enrolled, roster

        problem = dibao.month_problem(self.month.text().strip())
        if problem:  # nothing of another month is left shown, nor paid from (登记该月发放)
            self.message.show_message(problem + tr("。"))
            self.roster = None
            self.households.set_rows([])
            self.figures.setText("")
            return
        self.message.show_message("")
        self.roster = roster(self.store, self.month.text().strip())
        reviews = {r["case_id"]: r for r in enrolled(self.store.db)}
        self.households.set_rows([{**r, "amount": format_yuan(r["amount_fen"], grouped=True),
                                   **{k: reviews.get(r["case_id"], {}).get(k, "")
                                      for k in ("class", "since_month", "next_review")}}
                                  for r in self.roster.rows])
        self.figures.setText(_figures_text(self.roster) + _objections_text(self.store.db))
        self.due.set_rows(due_reviews(self.store, self.today))
        self.campaign.refresh()
        for view in (self.households_view, self.due_view):
            view.resizeColumnsToContents()

    # -- actions (each ask_* is replaced by tests) ---------------------------------------
    def ask_save(self, title: str, name: str, kind: str) -> str:
        return save_name(self, title, name, kind)

    def save_pdf(self) -> None:
        self._save(tr("打印发放花名册"), ".pdf", "PDF (*.pdf)")

    def save_xlsx(self) -> None:
        self._save(tr("导出银行发放表"), ".xlsx", "Excel (*.xlsx)")

    def _save(self, title: str, suffix: str, kind: str) -> None:
        from desktop.printing.dibao_roster import roster_pdf, roster_xlsx
        from desktop.printing.output import save_document

        self.refresh()
        if not self.roster or not self.roster.rows:
            self.message.show_message(tr("{month} 没有在保的低保户,花名册是空的。").format(
                month=self.month.text()))
            return
        path = self.ask_save(title, tr("低保发放花名册-{month}").format(month=self.roster.month)
                             + suffix, kind)
        if not path:
            return
        build = roster_pdf if suffix == ".pdf" else roster_xlsx
        try:
            save_document(Path(path), build(self.store, self.roster, self.today))
        except Refusal as exc:
            self.message.show_message(exc.message)
            return
        guard.tell(self, tr("已保存 {path}").format(path=path))

    def chosen(self) -> dict | None:
        """The household chosen in the due list, or else in the month's households."""
        return first_chosen((self.due_view, self.due), (self.households_view, self.households))

    def ask_decision(self, row: dict, found: dict) -> tuple | None:
        from desktop.dibao.reviews import Reviews
        from desktop.ui.dibao_decide import ReviewDecisionDialog

        dialog = ReviewDecisionDialog(Reviews(self.store, self.today), row, found, self)
        return dialog.value() if dialog.exec() else None

    def ask_stop(self, row: dict) -> tuple[str, str] | None:
        from desktop.ui.dibao_decide import StopDialog

        dialog = StopDialog(row, self)
        return dialog.value() if dialog.exec() else None

    def decide_review(self) -> None:
        from desktop.ui import dibao_decide

        self._on_chosen(dibao_decide.decide_review)

    def stop(self) -> None:
        from desktop.ui import dibao_decide

        self._on_chosen(dibao_decide.stop)

    def _on_chosen(self, act) -> None:
        row = self.chosen()
        if row is None:
            self.message.show_message(tr("请先在表中选择一户。"))
            return
        try:
            done = act(self, {**row, "class": row.get("class", "")})
        except Refusal as exc:
            self.message.show_message(exc.message)
            return
        if done:
            self.refresh()
            guard.tell(self, done)

    def pay(self) -> None:
        from desktop.dibao.payments import pay_month

        self.refresh()
        r = self.roster
        if r is None:
            return
        what = tr("登记 {month} 低保金已发放:{households} 户 {persons} 人,合计 {total} 元").format(
            month=r.month, households=r.households, persons=r.persons,
            total=format_yuan(r.total_fen, grouped=True))
        try:
            if not guard.confirm_step(self, what, tr("发放记录随下一次导出的数据包送到各村;"
                                                     "同一月份只能登记一次。"),
                                      check=lambda: pay_month(self.store, r.month, self.today)):
                return
            done = pay_month(self.store, r.month, self.today)
        except Refusal as exc:
            self.message.show_message(exc.message)
            return
        self.refresh()
        guard.tell(self, tr("已登记 {month} 低保金发放:{households} 户,合计 {total} 元。"
                            "下一步:数据交换 → 导出数据包,把发放记录送到各村。").format(
            month=done["month"], households=done["households"],
            total=format_yuan(done["total_fen"], grouped=True)))


def table_view(model) -> tuple:
    view = QTableView()
    view.setModel(model)
    view.verticalHeader().hide()
    view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    return model, view


def _figures_text(r) -> str:
    lines = [tr("{village}:{households} 户 {persons} 人 {total} 元").format(
                 village=v["village"], households=v["households"], persons=v["persons"],
                 total=format_yuan(v["total_fen"], grouped=True))
             + (tr("(已于 {date} 登记发放)").format(date=v["paid_on"]) if v["paid_on"]
                else tr("(待发放)"))
             for v in r.villages()]
    lines.append(tr("合计:{households} 户 {persons} 人 {total} 元").format(
        households=r.households, persons=r.persons,
        total=format_yuan(r.total_fen, grouped=True)))
    return "\n".join(lines) if r.rows else tr("{month} 没有在保的低保户。").format(month=r.month)


def _objections_text(db) -> str:
    """Objections to the villages' change notices still open (from their bundles)."""
    from desktop.dibao.objections import listed

    waiting = listed(db, open_only=True)
    if not waiting:
        return ""
    names = tr("、").join(f"{r['name']}({r['notice_id']})" for r in waiting[:5])
    return "\n" + tr("变动公示异议待村里处理:{n} 条,{names};处理前该户的变动暂不执行。").format(
        n=len(waiting), names=names)


def first_chosen(*tables) -> dict | None:
    """The row chosen in the first of (view, model) `tables` that has one chosen."""
    for view, model in tables:
        rows = view.selectionModel().selectedRows()
        if rows:
            return model.row(rows[0].row())
    return None
