"""The county's 清理检查 on its dashboard: the latest campaign it opened, its state, and a
table per township of the figures each reported (to review, reviewed, adjusted, stopped,
newly found, overdue once it ended, when reported); closing it before its date and
saving the summary PDF. What `dibao campaign status|close [--pdf]` do at the county,
through `desktop.dibao.county_campaigns`."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from desktop.core.errors import Refusal
from desktop.ui import guard
from desktop.ui import widgets as w
from desktop.ui.dibao_panel import _Rows, table_view
from desktop.ui.i18n import QT_TR_NOOP, tr
from desktop.ui.places import save_name

NUMBERS = ("households", "reviewed", "adjusted", "stopped", "newly_found", "overdue")


class TownshipFiguresModel(_Rows):
    COLUMNS = (("village", QT_TR_NOOP("乡镇")), ("households", QT_TR_NOOP("应复核")),
               ("reviewed", QT_TR_NOOP("已复核")), ("adjusted", QT_TR_NOOP("调整")),
               ("stopped", QT_TR_NOOP("停保")), ("newly_found", QT_TR_NOOP("新纳入")),
               ("overdue", QT_TR_NOOP("逾期未复核")), ("reported_on", QT_TR_NOOP("报送日期")))

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        key = self.COLUMNS[index.column()][0]
        if role == Qt.ItemDataRole.TextAlignmentRole and key in NUMBERS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        row = self._rows[index.row()]
        if key == "reported_on":
            return row[key] or tr("未报送")
        if key == "overdue" and not row["ended"]:
            return "—"
        return str(row[key])


class CountyCampaignBox(QWidget):
    def __init__(self, store, today, parent=None):
        super().__init__(parent)
        self.store, self.today = store, today
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        self.state = QLabel()
        self.state.setWordWrap(True)
        bar.addWidget(self.state, 1)
        w.add_buttons(bar, [(tr("开展清理检查(&N)…"), self.open_campaign),
                            (tr("提前结束清理检查(&E)…"), self.close_campaign),
                            (tr("保存清理检查汇总(&V)…"), self.save_summary)])
        layout.addLayout(bar)
        self.message = w.ErrorLabel()
        layout.addWidget(self.message)
        self.figures, self.view = table_view(TownshipFiguresModel(self))
        layout.addWidget(self.view, 1)
        self.refresh()

    def campaign(self):
        from desktop.dibao.county_campaigns import county_progress, latest_county

        number = latest_county(self.store.db)
        return county_progress(self.store, number, self.today) if number else None

    def refresh(self) -> None:
        c = self.campaign()
        self.view.setVisible(c is not None)
        if c is None:
            self.state.setText(tr("清理检查:本县还没有开展过。点“开展清理检查”选择乡镇和截止日期。"))
            self.figures.set_rows([])
            return
        state = (tr("已于 {date} 结束").format(date=c.closed_on) if c.closed_on
                 else tr("进行中,截止 {date}").format(date=c.until))
        self.state.setText(tr("清理检查 {number}({opened} 开展,{state}):应复核 {households} 户,"
                              "已复核 {reviewed} 户。各乡镇的数字为其最近一次报送。").format(
            number=c.campaign, opened=c.opened_on, state=state,
            households=c.total("households"), reviewed=c.total("reviewed")))
        self.figures.set_rows([{**t.__dict__, "ended": bool(c.closed_on)} for t in c.villages])
        self.view.resizeColumnsToContents()

    # -- actions (each ask_* is replaced by tests) ---------------------------------------
    def ask_save(self, name: str) -> str:
        return save_name(self, tr("保存清理检查汇总"), name, "PDF (*.pdf)")

    def ask_open(self) -> tuple[list[str], object] | None:
        from desktop.sync.peers import active_peers
        from desktop.ui.dibao_campaign import OpenDialog

        townships = {p["township_code"]: p["township"] for p in active_peers(self.store.db)
                     if p["role"] == "township"}
        dialog = OpenDialog(townships, self.today, self, label=tr("参加的乡镇:"))
        return dialog.value() if dialog.exec() else None

    def open_campaign(self) -> None:
        from desktop.dibao.county_campaigns import open_county_campaign

        answer = self.ask_open()
        if not answer:
            return
        try:
            number, n = open_county_campaign(self.store, answer[0], [], answer[1], self.today)
        except Refusal as exc:
            self.message.show_message(exc.message)
            return
        self.message.show_message("")
        self.refresh()
        guard.tell(self, tr("已开展清理检查 {number}:{n} 个乡镇。请导出数据包送各乡镇。").format(
            number=number, n=n))

    def close_campaign(self) -> None:
        from desktop.dibao.county_campaigns import close_county_campaign

        c = self.campaign()
        if c is None or c.closed_on:
            self.message.show_message(tr("没有正在进行的清理检查。"))
            return
        try:
            if not guard.confirm_step(self, tr("提前结束清理检查 {number}").format(
                    number=c.campaign), tr("结束后随下一次导出的数据包送到各乡镇,由乡镇在各村结束;"
                                           "未复核的户计为逾期未复核。不能撤销。"),
                    check=lambda: close_county_campaign(self.store, self.today)):
                return
            done = close_county_campaign(self.store, self.today)
        except Refusal as exc:
            self.message.show_message(exc.message)
            return
        self.message.show_message("")
        self.refresh()
        guard.tell(self, tr("已结束清理检查 {number}。请导出数据包送各乡镇。").format(
            number=done.campaign))
        self.save_summary()

    def save_summary(self) -> None:
        from desktop.printing.dibao_county_campaign import summary_pdf
        from desktop.printing.output import save_document

        c = self.campaign()
        if c is None:
            self.message.show_message(tr("本县还没有开展过清理检查。"))
            return
        path = self.ask_save(tr("清理检查汇总-{number}").format(number=c.campaign) + ".pdf")
        if path:
            save_document(Path(path), summary_pdf(self.store, c, self.today))
            guard.tell(self, tr("已保存 {path}").format(path=path))
