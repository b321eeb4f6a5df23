"""Item models of the township workstation: the review queue (paged over SQL, sorted by
the database so that sorting a large queue never loads it whole), the villages' inbox
and the monthly figures. Each passes qtmodeltester."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from desktop.core.money import format_yuan
from desktop.township import queue as q
from desktop.township.figures import AVERAGE_COLUMNS, MONEY_COLUMNS, table_rows
from desktop.ui.core_words import category_label, column_word, reason_label, status_label
from desktop.ui.i18n import QT_TR_NOOP, tr
from desktop.ui.table_base import ListRows, PagedRows

ROOT = QModelIndex()
PAGE_SIZE = 50  # two screens: the red flags of a page are worked out with it
CASE_ID_ROLE = Qt.ItemDataRole.UserRole
URGENCY_COLOURS = {"overdue": QColor("#ffd6d6"), "soon": QColor("#fff1c2")}
FLAG_COLOUR = QColor("#c62828")


class _Table(QAbstractTableModel):
    HEADERS: tuple[str, ...] = ()

    def columnCount(self, parent=ROOT) -> int:
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.HEADERS):
            return tr(self.HEADERS[section])
        if orientation == Qt.Orientation.Vertical and section >= 0:
            return str(section + 1)
        return None


class QueueModel(PagedRows, _Table):
    HEADERS = (QT_TR_NOOP("村"), QT_TR_NOOP("编号"), QT_TR_NOOP("申请人"), QT_TR_NOOP("类型·事由"),
               QT_TR_NOOP("金额(元)"), QT_TR_NOOP("状态"), QT_TR_NOOP("已等(工作日)"),
               QT_TR_NOOP("审批期限"), QT_TR_NOOP("风险提示"))
    SORT_OF_COLUMN = ("village", "id", "name", "category", "amount", "status", "waiting",
                      "due", None)
    AMOUNT, WAITING, FLAGS = 4, 6, 8

    def __init__(self, store, today: date, parent=None, page_size: int = PAGE_SIZE):
        super().__init__(parent)
        self.store, self.today, self.page_size = store, today, page_size
        self.filter = q.QueueFilter()
        self._rows: list[dict] = []
        self._total = 0
        self.reload()

    def set_filter(self, flt: q.QueueFilter) -> None:
        self.filter = replace(flt, sort=self.filter.sort, descending=self.filter.descending)
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self._total = q.queue_count(self.store.db, self.filter, self.today, self.store.policy)
        self._rows = self._page(0)
        self.endResetModel()

    def _page(self, offset: int) -> list[dict]:
        return q.queue_page(self.store.db, self.filter, self.today, self.store.policy,
                            offset, self.page_size)

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.SORT_OF_COLUMN) or not self.SORT_OF_COLUMN[column]:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        if column == self.WAITING:  # longer waiting = earlier arrival
            descending = not descending
        if (self.filter.sort, self.filter.descending) == (self.SORT_OF_COLUMN[column],
                                                         descending):
            return  # the order already loaded: no query
        self.filter = replace(self.filter, sort=self.SORT_OF_COLUMN[column],
                              descending=descending)
        self._reorder()

    def _reorder(self) -> None:
        """A sort is a layout change (same rows loaded, new order), not a reset: views
        keep their selection, and persistent indexes follow their case."""
        self.layoutAboutToBeChanged.emit()
        old_ids = [r["id"] for r in self._rows]
        self._rows = q.queue_page(self.store.db, self.filter, self.today, self.store.policy,
                                  0, max(len(self._rows), 1))[: len(old_ids)]
        where = {r["id"]: i for i, r in enumerate(self._rows)}
        for index in self.persistentIndexList():
            row = where.get(old_ids[index.row()]) if index.row() < len(old_ids) else None
            self.changePersistentIndex(index, QModelIndex() if row is None
                                       else self.index(row, index.column()))
        self.layoutChanged.emit()

    def row(self, i: int) -> dict:
        return self._rows[i]

    def case_id(self, i: int) -> str:
        return self._rows[i]["id"]

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        r, col = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(r, col)
        if role == Qt.ItemDataRole.BackgroundRole and r["urgency"]:
            return QBrush(URGENCY_COLOURS[r["urgency"]])
        if role == Qt.ItemDataRole.ForegroundRole and col == self.FLAGS and r["flags"]:
            return QBrush(FLAG_COLOUR)
        if role == Qt.ItemDataRole.ToolTipRole and col == self.FLAGS and r["flags"]:
            return "\n".join(f"{f.label}:{f.text}" for f in r["flags"])
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (self.AMOUNT, self.WAITING):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == CASE_ID_ROLE:
            return r["id"]
        return None

    def _text(self, r: dict, col: int) -> str:
        urgent = {"overdue": tr("(已超期)"), "soon": tr("(将到期)")}.get(r["urgency"], "")
        return (r["village_name"], r["id"], r["applicant_name"],
                f"{category_label(r['category'])}·{reason_label(r['reason'])}",
                format_yuan(r["amount_fen"], grouped=True), status_label(r["status"]),
                str(r["waiting_days"]), f"{r['decision_due'].isoformat()}{urgent}",
                tr("、").join(f.label for f in r["flags"]))[col]


class InboxModel(ListRows, _Table):
    HEADERS = (QT_TR_NOOP("村"), QT_TR_NOOP("村代码"), QT_TR_NOOP("民生员"), QT_TR_NOOP("最近收到"),
               QT_TR_NOOP("数据包"), QT_TR_NOOP("案件"), QT_TR_NOOP("待决定"), QT_TR_NOOP("未报送(天)"))

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list = []

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        v = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (v.name, v.code, v.officer, v.last_bundle_at or tr("从未收到"), str(v.bundles),
                    str(v.cases), str(v.awaiting), str(v.silent_days))[index.column()]
        if role == Qt.ItemDataRole.BackgroundRole and v.silent:
            return QBrush(URGENCY_COLOURS["soon"])
        return None


class FiguresModel(ListRows, _Table):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.HEADERS, self._rows = (), []

    def set_figures(self, figures) -> None:
        self.beginResetModel()
        headers, self._rows = table_rows(figures)
        self.HEADERS = tuple(column_word(h) for h in headers)
        self.endResetModel()

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        value, col = self._rows[index.row()][index.column()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col in MONEY_COLUMNS:
                return format_yuan(value, grouped=True)
            if col in AVERAGE_COLUMNS:
                return "—" if value is None else f"{value:.1f}"
            if col == 0 and index.row() == len(self._rows) - 1:
                return column_word(value)  # the total's row (合计), after the villages
            return str(value)
        if role == Qt.ItemDataRole.TextAlignmentRole and col:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
