"""The main window: the ledger (台账) with its filters, the per-status counts, and the
banner of overdue and soon-due cases that the officer sees without asking."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QEvent, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QSplitter,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from desktop.core import clock
from desktop.core.status import STATUS_LABELS
from desktop.storage import queries
from desktop.storage.queries import LedgerFilter
from desktop.ui import table_keys, window_fit
from desktop.ui.core_words import status_word
from desktop.ui.i18n import QT_TR_NOOP, tr
from desktop.ui.ledger_model import LedgerModel
from desktop.ui.ledger_view import ElideLeft, column_widths, status_list_width

SEARCH_DELAY_MS = 250
# Qt::UserRole, as a number: the window names no `Qt` before its first paint (the first
# `Qt` makes PySide build the whole namespace, ~1,400 enum values, ~30 ms); what needs
# Qt's enums is set once it has painted (`_after_first_paint`).
USER_ROLE = 0x0100
# The ledger's columns in the order shown: who, where the case stands and its deadline
# first, so that they stay in view on a narrow screen (widths: ledger_model.column_widths).
# Model columns keep their order.
SHOWN_ORDER = (0, 1, 8, 9, 10, 4, 5, 6, 7, 3, 2)
BANNER_STYLE = {"overdue": "background:#ffd6d6; color:#8b0000; padding:6px; font-weight:bold;",
                "soon": "background:#fff1c2; color:#6b4e00; padding:6px; font-weight:bold;"}


class MainWindow(QMainWindow):
    def __init__(self, store, today: date, parent=None):
        super().__init__(parent)
        self.store = store
        self.today = today
        self.follows_clock = today == clock.today()  # else a day given (tests): kept
        self._casework = None
        self.dialog = None  # the dialog opened last (tests drive it)
        ws = store.workstation
        place = ws.get("village") or ws.get("township") or ws.get("county")
        self.setWindowTitle(tr("民生救助工作台 — {place}(经办人:{officer})").format(
                                place=place, officer=ws['officer']))
        self.model = LedgerModel(store, today, self, load=False)
        self.model.shown_rows = self._rows_shown
        self._build()
        self._actions()
        if store.workstation["role"] == "village":  # a township's ledger is its last tab:
            self.refresh()  # read when first shown (township_panel)
        self._features()  # after the first refresh: a feature's own start reads its data
        QTimer.singleShot(window_fit.PAINTED_MS, self, self._after_first_paint)

    def _after_first_paint(self) -> None:
        """What needs Qt's enums and changes nothing the first paint shows: the toolbar's
        words only (as its actions have no icons, what it shows already), and case numbers
        cut at their start when the column is narrowed (they fit the column as sized)."""
        from PySide6.QtCore import Qt

        self.findChildren(QToolBar)[0].setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.table.setItemDelegateForColumn(0, ElideLeft(self.table))

    @property
    def casework(self):
        """The casework operations, loaded when a case is first opened or added (their
        checks are not needed to show the ledger)."""
        if self._casework is None:
            from desktop.operations.casework import Casework

            self._casework = Casework(self.store, self.today)
        return self._casework

    def _features(self) -> None:
        """Menus of the other features (公示 and printing, 数据交换, …) from menus' table:
        each feature's module and window load when one of its items is first chosen."""
        from desktop.ui import menus, preferences, safety_panel

        menus.add(self, menus.MENUS)
        menus.add_toolbar(self, self.findChildren(QToolBar)[0])
        safety_panel.install(self)  # its daily and closing backups run from the start
        preferences.install(self)
        if self.store.workstation["role"] != "village":  # a village never loads its screens
            from desktop.ui import dibao_panel, township_panel

            township_panel.install(self)  # the township's queue is its first screen
            dibao_panel.install(self)
        else:
            menus.add(self, menus.VILLAGE_MENUS)

    @property
    def notice_panel(self):
        """The 公示管理 window, built when first opened (or asked for)."""
        from desktop.ui import menus

        return menus.panel(self, "notice_panel")

    @property
    def sync_panel(self):
        from desktop.ui import menus

        return menus.panel(self, "sync_panel")

    def open_assessment(self):
        """The village's own figures (the township's monthly report of it)."""
        from desktop.ui.assessment_panel import AssessmentDialog

        self.assessment_dialog = AssessmentDialog(self.store, self.today, self)
        return self._show(self.assessment_dialog)

    def show_dibao(self):
        """The village's 低保 households in payment, its reviews due, the public list."""
        from desktop.ui.dibao_village import VillageDibaoWindow

        self.dibao_window = VillageDibaoWindow(self.store, self.today, self)
        self.dibao_window.open()
        return self.dibao_window

    # -- layout --------------------------------------------------------------------------
    def _build(self) -> None:
        central = QWidget()
        layout = QVBoxLayout(central)
        self.banner = QLabel()
        self.banner.setWordWrap(True)
        layout.addWidget(self.banner)
        bar = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setPlaceholderText(tr("搜索 姓名、身份证号、村民小组或编号(Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.year = QComboBox()
        self.year.setMinimumContentsLength(8)
        bar.addWidget(QLabel(tr("查找:")))
        bar.addWidget(self.search, 1)
        bar.addWidget(QLabel(tr("年度:")))
        bar.addWidget(self.year)
        layout.addLayout(bar)
        split = QSplitter()  # side by side (Qt's default)
        self.statuses = QListWidget()
        split.addWidget(self.statuses)
        split.addWidget(self._table())
        split.setStretchFactor(1, 1)
        split.setSizes([120, 1160])
        layout.addWidget(split, 1)
        self.footer = QLabel()
        layout.addWidget(self.footer)
        self.setCentralWidget(central)
        self.statusBar()  # made before the first paint: its messages then move nothing
        self._debounce = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._debounce.timeout.connect(self.apply_filter)
        self.search.textChanged.connect(self._debounce.start)
        table_keys.search_leads_to(self.search, self.table, self.filter_now, self.open_case)
        self.year.currentIndexChanged.connect(self.apply_filter)
        self.statuses.currentRowChanged.connect(self.apply_filter)
        window_fit.fit(self, 1440, 900)  # a laptop's whole screen; a large one has room
        area = window_fit.available_area(self)
        self.move(area.left(), area.top())

    def _table(self) -> QTableView:
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)  # opens cases
        self.table.setAlternatingRowColors(False)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setDefaultSectionSize(26)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for shown, col in enumerate(SHOWN_ORDER):
            header.moveSection(header.visualIndex(col), shown)
        # the page's rows below the screen are made when the table first scrolls to them
        self.table.verticalScrollBar().valueChanged.connect(lambda _: self.model.fill_page())
        self._size_columns()
        table_keys.open_rows_on_activate(self.table, self.open_case)
        return self.table

    def _size_columns(self) -> None:
        metrics = self.table.fontMetrics()
        titles = [self.model.horizontalHeaderItem(c).text()
                  for c in range(self.model.columnCount())]
        widths = column_widths(self.store.workstation["role"], metrics,
                               self.table.horizontalHeader().fontMetrics(), titles)
        for col, width in enumerate(widths):
            self.table.setColumnWidth(col, width)
        self.table.verticalHeader().setDefaultSectionSize(metrics.height() + 10)
        if hasattr(self, "statuses"):
            self.statuses.setMinimumWidth(status_list_width(metrics))

    def _rows_shown(self) -> int:
        """The rows whose cells the ledger makes before a page is painted (the rest of the
        page follows once it has painted): those the table shows, or before it is first
        shown, as many as the screen could."""
        height = self.table.viewport().height() if self.table.isVisible() else \
            window_fit.available_area(self).height()
        return height // self.table.verticalHeader().defaultSectionSize() + 1

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange and hasattr(self, "table"):
            self._size_columns()
        elif (event.type() == QEvent.Type.ActivationChange and self.isActiveWindow()
              and hasattr(self, "safety_panel")):  # back at the laptop in the morning
            from desktop.ui import new_day

            if new_day.due(self):
                QTimer.singleShot(0, self, lambda: new_day.turn(self.safety_panel))

    def _actions(self) -> None:
        """The 案件 menu, and the same actions on the toolbar, with their shortcuts."""
        bar = self.addToolBar(tr("操作"))
        bar.setMovable(False)
        menu = self.menuBar().addMenu(tr("案件(&A)"))
        specs = ((QT_TR_NOOP("新建申请"), "N", "Ctrl+N", self.new_application),
                 (QT_TR_NOOP("民主评议会"), "M", None, self.open_meeting),
                 (QT_TR_NOOP("打开选中案件"), "O", None, self.open_selected),
                 (QT_TR_NOOP("刷新"), "R", "F5", self.refresh_now),
                 (QT_TR_NOOP("查找"), "F", "Ctrl+F", self.focus_search))
        self.actions_by_name = {}
        for name, letter, key, slot in specs:
            text = tr(name)
            act = QAction(window_fit.with_key(text, letter), self)
            act.setIconText(text)  # the toolbar shows the plain word
            if key is not None:
                act.setShortcuts([key])  # (setShortcut's overloads make PySide build `Qt`)
                act.setToolTip(f"{text}({key})")
            act.triggered.connect(lambda _=False, do=slot: do())
            menu.addAction(act)
            if name != "打开选中案件":
                bar.addAction(act)
            self.actions_by_name[name] = act
        self.case_menu = menu
        if self.store.workstation["role"] != "village":  # the village's work: not offered
            for name in ("新建申请", "民主评议会"):  # i18n: data (keys; greyed, they were dead stops)
                self.actions_by_name[name].setEnabled(False)
                self.actions_by_name[name].setVisible(False)

    # -- filtering and counts ------------------------------------------------------------
    def current_filter(self) -> LedgerFilter:
        item = self.statuses.currentItem()
        status = item.data(USER_ROLE) if item else None
        return LedgerFilter(status=status or None, year=self.year.currentData() or None,
                            text=self.search.text())

    def apply_filter(self, *_args) -> None:
        self.model.set_filter(self.current_filter())
        self._footer()

    def filter_now(self) -> None:
        """The search typed a moment ago applied at once (Enter does not wait for it)."""
        if self._debounce.isActive():
            self._debounce.stop()
            self.apply_filter()

    def refresh(self) -> None:
        """Reread everything from the store, keeping the officer's filters."""
        self.store.refresh_policy(self.today)  # an edition received or come into force
        self._fill_years()
        self._fill_statuses()
        self.model.set_filter(self.current_filter())
        self._banner()
        self._footer()

    def _fill_years(self) -> None:
        keep = self.year.currentData()
        self.year.blockSignals(True)
        self.year.clear()
        self.year.addItem(tr("全部年度"), None)
        for y in queries.years(self.store.db):
            self.year.addItem(tr("{y} 年").format(y=y), y)
        self.year.setCurrentIndex(max(self.year.findData(keep), 0))
        self.year.blockSignals(False)

    def _fill_statuses(self) -> None:
        counts = queries.status_counts(self.store.db, self.year.currentData() or None)
        keep = self.current_filter().status
        self.statuses.blockSignals(True)
        self.statuses.clear()
        self._status_item(tr("全部案件"), None, sum(counts.values()))
        for code, label in STATUS_LABELS.items():
            if counts.get(code):
                self._status_item(status_word(label), code, counts[code])
        rows = [self.statuses.item(i).data(USER_ROLE)
                for i in range(self.statuses.count())]
        self.statuses.setCurrentRow(rows.index(keep) if keep in rows else 0)
        self.statuses.blockSignals(False)

    def _status_item(self, label: str, code, n: int) -> None:
        item = QListWidgetItem(f"{label}  {n}")
        item.setData(USER_ROLE, code)
        self.statuses.addItem(item)

    def _banner(self) -> None:
        urgent = queries.urgent_counts(self.store.db, self.today, self.store.policy)
        overdue, soon = urgent["overdue"], urgent["soon"]
        if not overdue and not soon:
            self.banner.setText(tr("没有超期或即将到期的案件。"))
            self.banner.setStyleSheet("color:#2e7d32; padding:6px;")
            return
        self.banner.setText(tr("{overdue} 件已超期,{soon} 件即将到期(表中红色为已超期,黄色为即将到期,见“期限”一栏)").format(
                                overdue=overdue, soon=soon))
        self.banner.setStyleSheet(BANNER_STYLE["overdue" if overdue else "soon"])

    def _footer(self) -> None:
        self.footer.setText(tr("共 {total} 件 · 今天 {today} · 双击或按回车打开案件").format(
                                total=self.model.total, today=self.today.isoformat()))

    # -- actions -------------------------------------------------------------------------
    def refresh_now(self) -> None:
        self.refresh()
        self.statusBar().showMessage(tr("已刷新:共 {total} 件。").format(total=self.model.total), 5000)

    def open_selected(self):
        return self.open_case(self.table.currentIndex().row())

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def new_application(self):
        from desktop.ui.application_form import ApplicationForm

        form = ApplicationForm(self.store, self.today, self)
        form.saved.connect(self._after_save)
        return self._show(form)

    def _after_save(self, case_id: str) -> None:
        """The new case selected, with the focus on it (Enter opens it for its next step).
        A search or status typed before would hide it: they are cleared then."""
        self.refresh()
        if not self.select_case(case_id):
            self.search.clear()
            self._debounce.stop()  # (its later filtering would drop the selection)
            self.statuses.setCurrentRow(0)  # 全部案件
            self.apply_filter()
            self.select_case(case_id)
        self.table.setFocus()

    def open_case(self, row: int):
        if not 0 <= row < self.model.rowCount():
            return None
        if self.store.workstation["role"] != "village":  # with the decisions it may take
            from desktop.ui.township_case import TownshipCaseView

            view = TownshipCaseView(self.store, self.today, self.model.case_id(row), self)
            view.changed.connect(self.refresh)
            return self._show(view)
        from desktop.ui.case_view import CaseView

        view = CaseView(self.casework, self.model.case_id(row), self)
        view.changed.connect(self.refresh)
        return self._show(view)

    def open_meeting(self):
        from desktop.ui.deliberation import DeliberationDialog

        dialog = DeliberationDialog(self.casework, self)
        dialog.accepted.connect(self.refresh)
        return self._show(dialog)

    def select_case(self, case_id: str) -> bool:
        """Select the row of `case_id`; False when the filters hide it."""
        for i in range(self.model.rowCount()):
            if self.model.case_id(i) == case_id:
                self.model.fill_page()  # its row may be further down than the screen's
                self.table.selectRow(i)
                self.table.scrollTo(self.model.index(i, 0))
                return True
        return False

    def _show(self, dialog):
        self.dialog = dialog
        dialog.open()
        return dialog

