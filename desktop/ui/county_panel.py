"""The county's dashboard (issue 14, item 8): what waits for the county (referred cases,
overdue ones), its townships — when each last sent, the silent ones marked —, this
month's 抽查, drawn and recorded here, and which townships published last month's 考核. The county's window opens on it; the queue and the
ledger are the township panel's tabs, shown as the county's (township_panel.install)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.core.county_steps import CHECK_ITEMS, CHECK_RESULTS
from desktop.core.errors import Refusal
from desktop.county import spotcheck
from desktop.township.villages import inbox, village_code_of, village_names
from desktop.ui import guard, table_keys, window_fit
from desktop.ui.i18n import QT_TR_NOOP, tr
from desktop.ui.township_models import InboxModel
from desktop.ui.widgets import ErrorLabel, ok_cancel, show_message, text_area


class TownshipsModel(InboxModel):
    HEADERS = (QT_TR_NOOP("乡镇"), QT_TR_NOOP("乡镇代码"), QT_TR_NOOP("经办人"),
               QT_TR_NOOP("最近收到"), QT_TR_NOOP("数据包"), QT_TR_NOOP("案件"),
               QT_TR_NOOP("待决定"), QT_TR_NOOP("未报送(天)"))


class CountyDashboard(QWidget):
    def __init__(self, window, parent=None):
        super().__init__(parent)
        self.window = window
        self.store, self.today = window.store, window.today
        self.month = f"{self.today:%Y-%m}"
        layout = QVBoxLayout(self)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setStyleSheet("background:#eef5ff; padding:8px;")
        layout.addWidget(self.summary)
        layout.addLayout(self._sync_buttons())
        layout.addWidget(QLabel(tr("各乡镇报送情况(超过设定天数未报送的标黄):")))
        self.townships = TownshipsModel(self)
        self.township_table = QTableView()
        self.township_table.setModel(self.townships)
        self.township_table.verticalHeader().hide()
        self.township_table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.township_table, 1)
        layout.addLayout(self._spot_check_bar())
        self.checks = QTableView()
        self.checks.verticalHeader().hide()
        self.checks.horizontalHeader().setStretchLastSection(True)
        from PySide6.QtGui import QStandardItemModel

        self.check_rows = QStandardItemModel(0, 4, self)
        self.check_rows.setHorizontalHeaderLabels([tr("抽中的案件"), tr("村"), tr("核查结论"),
                                                   tr("发现的问题")])
        self.checks.setModel(self.check_rows)
        self.checks.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.checks.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)  # a record, not a sheet
        table_keys.open_rows_on_activate(self.checks, self.record_check)  # Enter, double-click
        layout.addWidget(self.checks, 1)
        from desktop.ui.dibao_county_campaign import CountyCampaignBox

        self.campaign = CountyCampaignBox(self.store, self.today, self)  # 清理检查
        layout.addWidget(self.campaign, 1)
        self.refresh()

    def _sync_buttons(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        self.buttons = {}
        for key, text in (("identity", tr("本机身份与指纹…")), ("enroll", tr("登记乡镇工作站…")),
                          ("import", tr("导入数据包…")), ("export", tr("导出数据包(送回决定)…"))):
            button = QPushButton(text)
            button.clicked.connect(lambda _=False, k=key: self.act(k))
            bar.addWidget(button)
            self.buttons[key] = button
        bar.addStretch(1)
        return bar

    def _spot_check_bar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        self.spot_label = QLabel()
        self.draw_button = QPushButton(tr("抽取本月抽查案件…"))
        self.draw_button.clicked.connect(self.draw)
        self.record_button = QPushButton(tr("登记核查结果…"))
        self.record_button.clicked.connect(lambda: self.record_check(self._selected()))
        for widget in (self.spot_label, self.draw_button, self.record_button):
            bar.addWidget(widget)
        bar.addStretch(1)
        return bar

    def act(self, key: str):
        panel = getattr(self.window, "sync_panel", None)
        if panel is None:
            from desktop.ui import sync_panel

            sync_panel.install(self.window)
            panel = self.window.sync_panel
        slot = {"identity": panel.show_identity, "enroll": panel.enroll,
                "import": panel.import_bundles, "export": panel.export}[key]
        dialog = slot()
        if dialog is not None:
            dialog.finished.connect(lambda *_: self.window.refresh())
        return dialog

    # -- figures -------------------------------------------------------------------------
    def refresh(self) -> None:
        db, policy = self.store.db, self.store.policy
        rows = inbox(db, self.today, policy, "township")
        self.townships.set_rows(rows)
        self.township_table.resizeColumnsToContents()
        waiting, overdue = db.execute(
            "SELECT COUNT(*), SUM(due_on IS NOT NULL AND due_on < ?) FROM applications"
            " WHERE status = 'referred'", [self.today.isoformat()]).fetchone()
        silent = [t.name for t in rows if t.silent]
        figures = spotcheck.figures(db, self.month).values()
        drawn = sum(f["drawn"] for f in figures)
        checked = sum(f["checked"] for f in figures)
        problems = sum(f["minor"] + f["serious"] for f in figures)
        text = tr("待县局审批 {waiting} 件(其中超期 {overdue} 件)· 已登记乡镇 {townships} 个"
                  ).format(waiting=waiting, overdue=overdue or 0, townships=len(rows))
        if silent:
            text += tr(" · {n} 个乡镇超过 {days} 天未报送:{names}").format(
                n=len(silent), days=policy.village_silent_days, names=tr("、").join(silent))
        text += tr(" · {month} 抽查:抽中 {drawn} 件,已核查 {checked} 件,发现问题 {problems} 件"
                   ).format(month=self.month, drawn=drawn, checked=checked, problems=problems)
        self.summary.setText(text + self._assessed())
        self._fill_checks()
        self.campaign.refresh()

    def _assessed(self) -> str:
        """The last month's 考核 (published by the townships in the month after it)."""
        from desktop.assessment.report import assessment
        from desktop.core.dibao import add_months

        a = assessment(self.store, add_months(self.month, -1), self.today)
        text = tr(" · {month} 考核:{done}/{total} 个乡镇已公布").format(
            month=a.month, done=len(a.townships), total=len(a.townships) + len(a.unpublished))
        if a.unpublished:
            text += tr("(未公布:{names})").format(names=tr("、").join(a.unpublished))
        return text

    def _fill_checks(self) -> None:
        from PySide6.QtGui import QStandardItem

        self.check_rows.removeRows(0, self.check_rows.rowCount())
        self.drawn = spotcheck.drawn(self.store.db, self.month)
        names = village_names(self.store.db)  # "name(code)", by the townships' word
        for r in self.drawn:
            code = village_code_of(r["case_id"])
            self.check_rows.appendRow([QStandardItem(r["case_id"]),
                                       QStandardItem(names.get(code, code)),
                                       QStandardItem(CHECK_RESULTS.get(r["result"], tr("未核查"))),
                                       QStandardItem(r["problems"] or "")])
        self.checks.resizeColumnsToContents()
        self.spot_label.setText(tr("{month} 抽查(每个乡镇抽 {n} 件,双击一行或按回车登记核查结果):").format(
            month=self.month, n=self.store.policy.spot_check_cases))
        self.draw_button.setEnabled(not self.drawn)
        self.record_button.setEnabled(bool(self.drawn))

    def _selected(self) -> int:
        rows = self.checks.selectionModel().selectedRows()
        return rows[0].row() if rows else 0

    # -- 抽查 ----------------------------------------------------------------------------
    def draw(self) -> None:
        try:
            if not guard.confirm_step(self.window, tr("抽取 {month} 的抽查案件").format(
                    month=self.month), tr("每月抽取一次,抽中的案件和随机种子记入办理记录,不能重抽。"),
                    check=lambda: spotcheck.draw(self.store, self.month, self.today)):
                return
            done = spotcheck.draw(self.store, self.month, self.today)
        except Refusal as exc:  # said where the officer looks, not only in the status bar
            self.refusal = show_message(self.window, exc.message)
            guard.tell(self.window, exc.message)
            return
        guard.tell(self.window, tr("已抽取 {n} 件(随机种子 {seed})。").format(
            n=sum(len(v) for v in done.by_township.values()), seed=done.seed))
        self.refresh()

    def record_check(self, row: int):
        if not 0 <= row < len(self.drawn):
            return None
        self.dialog = CheckDialog(self.store, self.today, self.drawn[row]["case_id"], self)
        self.dialog.accepted.connect(self.refresh)
        self.dialog.open()
        return self.dialog


class CheckDialog(guard.DiscardGuard, QDialog):
    """The check form of one drawn case: items checked, result, problems, follow-up."""

    def __init__(self, store, today, case_id: str, parent=None):
        super().__init__(parent)
        self.store, self.today, self.case_id = store, today, case_id
        self.setWindowTitle(tr("抽查核查 — {case}").format(case=case_id))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.items = {}
        boxes = QHBoxLayout()
        from PySide6.QtWidgets import QCheckBox

        for code, label in CHECK_ITEMS.items():
            box = QCheckBox(label)
            self.items[code] = box
            boxes.addWidget(box)
        form.addRow(tr("核查项目:"), boxes)
        self.result = QComboBox()
        for code, label in CHECK_RESULTS.items():
            self.result.addItem(label, code)
        form.addRow(tr("核查结论:"), self.result)
        self.problems = text_area(tr("发现的问题(有问题时必填)"), 60)
        self.follow_up = text_area(tr("整改要求(需纠正时必填,送达乡镇)"), 60)
        form.addRow(tr("发现的问题:"), self.problems)
        form.addRow(tr("整改要求:"), self.follow_up)
        layout.addLayout(form)
        self.error = ErrorLabel()
        layout.addWidget(self.error)
        self.buttons, self.ok_button = ok_cancel(self, self.do_it)
        layout.addWidget(self.buttons)
        self.watch([self.problems, self.follow_up])
        window_fit.fit(self, 760, self.sizeHint().height())

    def do_it(self) -> None:
        fields = {"items": [c for c, box in self.items.items() if box.isChecked()],
                  "result": self.result.currentData(),
                  "problems": self.problems.toPlainText().strip(),
                  "follow_up": self.follow_up.toPlainText().strip()}
        try:
            spotcheck.record(self.store, self.case_id, fields, self.today)
        except Refusal as exc:
            self.error.show_message(exc.message)
            return
        self.accept()


__all__ = ["CheckDialog", "CountyDashboard"]
