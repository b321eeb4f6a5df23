"""审批队列: the cases of all villages awaiting the township's decision. Filters by
village, category, status, amount and days waiting; sorting is done by the database;
the decision deadline and the red flags are in the table without being asked for; a
double click (or Enter) opens the case. Also the filing export dialog (备案)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.core.categories import CATEGORIES
from desktop.core.errors import Refusal
from desktop.core.money import format_yuan
from desktop.township.queue import (
    TO_PAY,
    QueueFilter,
    queue_count,
    village_choices,
    waiting_counts,
)
from desktop.ui import guard, table_keys, window_fit, worker
from desktop.ui import widgets as w
from desktop.ui.core_words import category_word, reason_word, status_word
from desktop.ui.i18n import tr
from desktop.ui.places import documents
from desktop.ui.township_models import QueueModel
from desktop.ui.widgets import ErrorLabel, read_fen

# i18n: data (what the columns hold: names, and labels that come from desktop/core)
QUEUE_SAMPLES = ("大坪村", "430522101201-2026-0001", "阿不都热依木", "支出型·突发必需医疗",
                 "12,345.00", "乡镇已接收", "已等(工作日)", "2027-01-14", "一事一次、超上限")


class QueueWidget(QWidget):
    changed = Signal()  # a decision was recorded

    def __init__(self, store, today, parent=None):
        super().__init__(parent)
        self.store, self.today = store, today
        self.view = None  # the case view opened last (tests drive it)
        layout = QVBoxLayout(self)
        self.banner = QLabel()
        self.banner.setWordWrap(True)
        layout.addWidget(self.banner)
        layout.addLayout(self._filters())
        self.model = QueueModel(store, today, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        # The indicator first: enabling sorting then asks for the order already loaded.
        self.table.horizontalHeader().setSortIndicator(QueueModel.WAITING,
                                                       Qt.SortOrder.DescendingOrder)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        header.moveSection(QueueModel.FLAGS, 3)  # the red flags stay in view on a laptop
        self._size_columns()
        table_keys.open_rows_on_activate(self.table, self.open_case)
        table_keys.search_leads_to(self.search, self.table, self.filter_now, self.open_case)
        layout.addWidget(self.table, 1)
        self.footer = QLabel()
        layout.addWidget(self.footer)
        self._fill_villages()
        self._banner()
        self._footer()

    def _size_columns(self) -> None:
        """Widths as sample texts in the current font (they follow the font size)."""
        metrics = self.table.fontMetrics()
        samples = QUEUE_SAMPLES
        if self.store.workstation["role"] == "county":  # a village is "name(code)" there
            samples = ("大坪村(430522101201)", *QUEUE_SAMPLES[1:])  # i18n: data
        # the category and the status in the interface's language: in English they are
        # longer than the Chinese samples, and a column sized for Chinese cut them off
        words = {3: category_word("支出型") + "·" + reason_word("突发必需医疗支出"),  # i18n: data
                 5: status_word("乡镇已接收")}  # i18n: data
        for col, sample in enumerate(samples):
            title = str(self.model.headerData(col, Qt.Orientation.Horizontal))
            self.table.setColumnWidth(col, max(metrics.horizontalAdvance(sample),
                                               metrics.horizontalAdvance(words.get(col, "")),
                                               metrics.horizontalAdvance(title)) + 16)

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange and hasattr(self, "table"):
            self._size_columns()

    def _filters(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        self.village, self.category, self.status = QComboBox(), QComboBox(), QComboBox()
        self.category.addItem(tr("全部类型"), "")
        for code, label in CATEGORIES.items():
            self.category.addItem(category_word(label), code)
        county = self.store.workstation["role"] == "county"  # decides referred cases only
        for text, code in (((tr("待县局审批"), "referred"),) if county else (
                (tr("全部待决定"), ""), (tr("乡镇已接收"), "acknowledged"),
                (tr("转县审批"), "referred"), (tr("待登记发放"), TO_PAY))):
            self.status.addItem(text, code)
        self.min_amount, self.max_amount = QLineEdit(), QLineEdit()
        self.min_amount.setPlaceholderText(tr("最低(元)"))
        self.max_amount.setPlaceholderText(tr("最高(元)"))
        self.min_waiting = QSpinBox()
        self.min_waiting.setRange(0, 365)
        self.search = QLineEdit()
        self.search.setPlaceholderText(tr("姓名或编号"))
        self.search.setClearButtonEnabled(True)
        for label, widget in ((tr("村:"), self.village), (tr("类型:"), self.category),
                              ("", self.status),
                              (tr("金额:"), self.min_amount), (tr("至"), self.max_amount),
                              (tr("已等 ≥"), self.min_waiting), (tr("工作日  查找:"), self.search)):
            if label:
                bar.addWidget(QLabel(label))
            bar.addWidget(widget)
        self._debounce = QTimer(self, singleShot=True, interval=250)
        self._debounce.timeout.connect(self.apply_filter)
        for combo in (self.village, self.category, self.status):
            combo.currentIndexChanged.connect(self.apply_filter)
        for edit in (self.min_amount, self.max_amount, self.search):
            edit.textChanged.connect(self._debounce.start)
        self.min_waiting.valueChanged.connect(self.apply_filter)
        return bar

    def current_filter(self) -> QueueFilter:
        problems: list = []
        low = read_fen(self.min_amount.text(), "min", problems)
        high = read_fen(self.max_amount.text(), "max", problems)
        return QueueFilter(village=self.village.currentData() or "",
                           category=self.category.currentData() or "",
                           status=self.status.currentData() or "", min_fen=low, max_fen=high,
                           min_waiting=self.min_waiting.value(), text=self.search.text())

    def filter_now(self) -> None:
        """What was typed a moment ago applied at once (Enter does not wait for it)."""
        if self._debounce.isActive():
            self._debounce.stop()
            self.apply_filter()

    def apply_filter(self, *_args) -> None:
        self.model.set_filter(self.current_filter())
        self._banner()  # it tells decisions from payments
        self._footer()

    def refresh(self) -> None:
        self._fill_villages()
        self.model.reload()
        self._banner()
        self._footer()

    def _fill_villages(self) -> None:
        keep = self.village.currentData()
        self.village.blockSignals(True)
        self.village.clear()
        self.village.addItem(tr("全部村"), "")
        for code, name in village_choices(self.store.db):
            self.village.addItem(name, code)
        self.village.setCurrentIndex(max(self.village.findData(keep), 0))
        self.village.blockSignals(False)

    def _banner(self) -> None:
        total = self.model.total
        if self.model.filter.status == TO_PAY:
            self.banner.setText(tr("结果已公示、待登记发放 {total} 件。确认款项到账后,打开案件点“登记发放…”;"
                                   "发放后的案件按月导出备案登记册报县民政局。").format(total=total)
                                if total else tr("没有待登记发放的案件。村里的结果公示随村的数据包送回后出现在这里。"))
            self.banner.setStyleSheet("background:#e8f4fd; padding:6px;")
            return
        cap = format_yuan(self.store.policy.township_cap_fen, grouped=True)
        days = self.store.policy.township_decision_days
        if not total:
            self.banner.setText(
                tr("没有待县局审批的案件。各乡镇转县审批的案件随乡镇的数据包到达。")
                if self.store.workstation["role"] == "county" else
                tr("审批队列是空的。各村的数据包导入后,已上报的案件会自动接收并出现在这里。")
                + self._to_pay_hint())
            self.banner.setStyleSheet("color:#2e7d32; padding:6px;")
            return
        if self.store.workstation["role"] == "county":
            cap = format_yuan(self.store.policy.county_cap_fen, grouped=True)
            self.banner.setText(tr("待县局审批 {total} 件(各乡镇转县审批的案件,随乡镇的数据包到达);"
                                   "县级审批上限 {cap} 元;“风险提示”一栏列出重复申请、一人两户、"
                                   "近亲属等情况。决定随县局的数据包送回乡镇。").format(
                                       total=total, cap=cap))
        else:  # the cases referred wait on the county, not on the township: apart
            waits = waiting_counts(self.store.db)
            self.banner.setText(tr("待决定 {total} 件 · 转县审批 {referred} 件(待县局决定)。"
                                   "乡镇收到后 {days} 个工作日内决定(红色已超期,"
                                   "黄色即将到期);乡镇审批上限 {cap} 元,超过请转县审批;"
                                   "“风险提示”一栏列出重复申请、一人两户、近亲属等情况。").format(
                                       total=waits["acknowledged"], referred=waits["referred"],
                                       days=days, cap=cap) + self._to_pay_hint())
        self.banner.setStyleSheet("background:#fff8e1; padding:6px;")

    def _to_pay_hint(self) -> str:
        """The payments waiting too, where the queue's decisions are shown: the next step
        of a case whose result notice came back is the township's."""
        n = queue_count(self.store.db, QueueFilter(status=TO_PAY), self.today,
                        self.store.policy)
        return tr("另有 {n} 件结果已公示,待登记发放(在状态中选“待登记发放”)。").format(n=n) if n else ""

    def _footer(self) -> None:
        self.footer.setText(tr("共 {total} 件 · 今天 {today} · 点击表头排序 · 双击或按回车打开案件")
                            .format(total=self.model.total, today=self.today.isoformat()))

    def open_case(self, row: int):
        if not 0 <= row < self.model.rowCount():
            return None
        from desktop.ui.township_case import TownshipCaseView  # loaded when first opened

        view = TownshipCaseView(self.store, self.today, self.model.case_id(row), self)
        view.changed.connect(self._decided)
        self.view = view
        view.open()
        return view

    def _decided(self) -> None:
        self.model.reload()
        self._banner()
        self._footer()
        self.changed.emit()


class FilingDialog(QDialog):
    """导出备案登记册: a month (or a date range) and a folder; the register is written as
    PDF, Excel and a signed file, and its cases become 已备案."""

    def __init__(self, store, today, parent=None):
        super().__init__(parent)
        # the export's result (not self.done: that would hide QDialog.done, which Qt
        # calls to close the dialog)
        self.store, self.today, self.filed = store, today, None
        self.setWindowTitle(tr("导出备案登记册(报县民政局)"))
        window_fit.fit(self, 720, 460)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.month = QLineEdit(today.strftime("%Y-%m"))
        self.folder = QLineEdit()
        choose = QPushButton(tr("选择文件夹…"))
        choose.clicked.connect(lambda: self.folder.setText(self.ask_folder() or self.folder.text()))
        row = QHBoxLayout()
        row.addWidget(self.folder, 1)
        row.addWidget(choose)
        form.addRow(tr("月份(按发放日期):"), self.month)
        form.addRow(tr("保存到:"), row)
        layout.addLayout(form)
        note = QLabel(tr("将生成 PDF(打印签章)、Excel 和乡镇签名的备案文件(县局可用本乡镇"
                         "身份文件核验);登记册中的案件将标为“已备案”。"))
        note.setWordWrap(True)
        layout.addWidget(note)
        self.error = ErrorLabel()
        layout.addWidget(self.error)
        self.result = QPlainTextEdit(readOnly=True)
        layout.addWidget(self.result)
        self.buttons = w.close_row(self, tr("导出"), self.do_export)
        self.export_button = self.buttons.action
        layout.addWidget(self.buttons)

    def ask_folder(self) -> str:
        return QFileDialog.getExistingDirectory(self, tr("选择保存备案登记册的文件夹"), documents())

    def do_export(self) -> None:
        from desktop.township.filing import export_filing, period_of, rows_to_file

        self.error.hide()
        try:
            if not self.folder.text().strip():
                raise Refusal(tr("请先选择保存的文件夹(例如 U 盘)。"))
            period = period_of(self.today, self.month.text())
            # checked before the question (an empty month, a missing folder): it writes
            # files, so it is not rehearsed as the steps are
            rows = rows_to_file(self.store, Path(self.folder.text()), period)
            if not guard.confirm_step(self, tr("导出备案登记册:{text},{n} 户").format(
                                                text=self.month.text().strip(), n=len(rows)),
                                      tr("登记册中的案件将标为“已备案”,报县民政局备案。")):
                return
            worker.unlock_keys(self.store)  # the signed file needs them: asked here
        except Refusal as exc:
            self.error.show_message(exc.message)
            return
        folder, today = Path(self.folder.text()), self.today
        # Not cancellable: the register's documents are built before its one transaction.
        job = worker.run(self, tr("导出备案登记册"), lambda job: export_filing(
            job.store, folder, period, today), store=self.store, writes=True,
            done=self._exported, failed=self._failed)
        self.export_button.setEnabled(job is None)

    def _failed(self, text: str) -> None:
        self.export_button.setEnabled(True)
        self.error.show_message(text)

    def _exported(self, done) -> None:
        self.export_button.setEnabled(True)
        self.filed = done
        t = done.totals
        guard.tell(self.parentWidget(), tr("已导出备案登记册 {register_no}。").format(
                                            register_no=done.register_no))
        self.result.setPlainText(
            tr("备案登记册 {register_no}:{cases} 户,批准 {approved} 元,发放 {paid} 元。").format(
                register_no=done.register_no, cases=t["cases"],
                approved=format_yuan(t["approved_fen"], grouped=True),
                paid=format_yuan(t["paid_fen"], grouped=True)) + "\n"
            + "\n".join(tr("已写入 {p}").format(p=p) for p in done.paths))
