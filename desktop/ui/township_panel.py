"""The township workstation in the main window. `install(main_window)` does nothing on
a village workstation; on a township it puts the review queue first: the central area
becomes tabs (审批队列, 各村报送, 月度统计, and the ledger of all cases), a menu 乡镇审批
and a toolbar action lead back to the queue, and the filing export is one dialog."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QTabWidget, QToolBar, QVBoxLayout, QWidget

from desktop.ui.i18n import tr
from desktop.ui.township_inbox import InboxWidget
from desktop.ui.township_queue import FilingDialog, QueueWidget


def install(main_window) -> None:
    """The township's screens; the county (issue 14) opens on the same queue, of the cases
    referred to it, and decides them as the county."""
    role = main_window.store.workstation["role"]
    if role not in ("township", "county"):
        return
    panel = TownshipPanel(main_window)
    main_window.township_panel = panel
    county = role == "county"
    menu = main_window.menuBar().addMenu(tr("县局审批(&X)") if county else tr("乡镇审批(&X)"))
    items = ((tr("审批队列(&Q)"), panel.show_queue),) if county else (
        (tr("审批队列(&Q)"), panel.show_queue), (tr("各村报送与设置(&V)"), panel.show_inbox),
        (tr("月度统计(&Y)"), panel.show_figures), (tr("导出备案登记册(&B)…"), panel.export_filing))
    for text, slot in items:
        menu.addAction(text, slot)
    panel.menu = menu
    bars = main_window.findChildren(QToolBar)
    bar = bars[0] if bars else main_window.addToolBar(tr("乡镇"))
    action = QAction(tr("县局审批") if county else tr("乡镇审批"), main_window)
    action.triggered.connect(panel.show_queue)
    bar.insertAction(bar.actions()[0] if bar.actions() else None, action)
    panel.toolbar_action = action
    _refresh_too(main_window, panel)


def _refresh_too(main_window, panel) -> None:
    """The window's refresh (after an import, say) rereads the township's tabs too. The
    ledger of all cases (not the first tab) is reread when it is next shown: its counts
    over ten years of a township's cases need not hold up the queue."""
    def refresh() -> None:
        panel.ledger_stale = True
        panel.ledger_shown()
        panel.refresh()
    main_window.refresh = refresh


class TownshipPanel(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.dialog = None
        self.queue = QueueWidget(window.store, window.today)
        self.queue.changed.connect(window.refresh)
        self.inbox = InboxWidget(window)
        self._figures = None
        self.figures_tab = QWidget()  # holds the figures once their tab is first shown
        QVBoxLayout(self.figures_tab).setContentsMargins(0, 0, 0, 0)
        from desktop.ui.assessment_panel import AssessmentWidget

        self.assessment = AssessmentWidget(window.store, window.today)  # 目标管理考核
        self.tabs = QTabWidget()
        self.ledger = window.takeCentralWidget()
        tabs = ((self.queue, tr("审批队列")), (self.inbox, tr("各村报送")),
                (self.figures_tab, tr("月度统计")), (self.assessment, tr("目标管理考核")),
                (self.ledger, tr("全部案件台账")))
        if window.store.workstation["role"] == "county":  # its villages are not its peers
            from desktop.ui.county_panel import CountyDashboard

            self.dashboard = CountyDashboard(window)
            tabs = ((self.dashboard, tr("县局概况")), (self.queue, tr("待县局审批")),
                    (self.assessment, tr("目标管理考核")), (self.ledger, tr("全县案件台账")))
        for widget, title in tabs:
            self.tabs.addTab(widget, title)
        window.setCentralWidget(self.tabs)
        self.tabs.setCurrentWidget(getattr(self, "dashboard", self.queue))  # the county's first
        self.ledger_stale, self.ledger_refresh = True, window.refresh
        self.tabs.currentChanged.connect(self.ledger_shown)
        self.tabs.currentChanged.connect(self._figures_shown)

    @property
    def figures(self):
        """The monthly figures, made when first wanted (their module and chart are not
        needed to show the queue)."""
        if self._figures is None:
            from desktop.ui.township_figures import FiguresWidget

            self._figures = FiguresWidget(self.window.store, self.window.today)
            self.figures_tab.layout().addWidget(self._figures)
        return self._figures

    def _figures_shown(self, *_args) -> None:
        if self.tabs.currentWidget() is self.figures_tab:
            self.figures.show()
            from desktop.ui.window_fit import add_access_keys

            add_access_keys(self.window)  # its buttons came after the window was shown

    def ledger_shown(self, *_args) -> None:
        if self.ledger_stale and self.tabs.currentWidget() is self.ledger:
            self.ledger_stale = False
            self.ledger_refresh()

    def refresh(self) -> None:
        self.queue.refresh()
        self.inbox.refresh()
        self.assessment.invalidate()
        if hasattr(self, "dashboard"):
            self.dashboard.refresh()
        if self._figures is not None:
            self._figures.invalidate()

    def show_queue(self) -> None:
        self.tabs.setCurrentWidget(self.queue)
        self.queue.table.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def show_inbox(self) -> None:
        self.tabs.setCurrentWidget(self.inbox)

    def show_figures(self) -> None:
        self.tabs.setCurrentWidget(self.figures_tab)

    def export_filing(self):
        dialog = FilingDialog(self.window.store, self.window.today, self.window)
        dialog.finished.connect(lambda *_: self.window.refresh())
        self.dialog = dialog
        dialog.open()
        return dialog
