"""The ledger (台账) as a paged table model: rows are fetched 200 at a time as the view
scrolls (`canFetchMore`/`fetchMore`), so the ledger opens at once on 100,000 cases."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from desktop.core.categories import category_label, reason_label
from desktop.core.deadlines import DUE_LABELS, calendar_for, urgency
from desktop.core.money import format_yuan
from desktop.core.status import status_label
from desktop.storage import queries
from desktop.storage.queries import LedgerFilter
from desktop.ui.i18n import QT_TR_NOOP, tr
from desktop.ui.table_base import PagedRows

ROOT = QModelIndex()  # the invisible root of a flat table
PAGE_SIZE = 200

COLUMNS = (QT_TR_NOOP("编号"), QT_TR_NOOP("申请人"), QT_TR_NOOP("身份证号"), QT_TR_NOOP("村民小组"),
           QT_TR_NOOP("类型"), QT_TR_NOOP("事由"), QT_TR_NOOP("申请金额(元)"), QT_TR_NOOP("受理日期"),
           QT_TR_NOOP("状态"), QT_TR_NOOP("期限"), QT_TR_NOOP("标记"))
AMOUNT_COLUMN = 6
SHORT_FLAGS = {"officer_relative": QT_TR_NOOP("近亲属"), "repeat_reason": QT_TR_NOOP("一事一次"),
               "over_cap": QT_TR_NOOP("超上限")}
URGENCY_COLOURS = {"overdue": QColor("#ffd6d6"), "soon": QColor("#fff1c2")}
URGENCY_WORDS = {"overdue": QT_TR_NOOP("已超期"), "soon": QT_TR_NOOP("即将到期")}
SHORT_URGENCY = {"overdue": QT_TR_NOOP("超期"), "soon": QT_TR_NOOP("将到期")}
CASE_ID_ROLE = Qt.ItemDataRole.UserRole
STATUS_ROLE = Qt.ItemDataRole.UserRole + 1
DISPLAY = Qt.ItemDataRole.DisplayRole
# The roles answered; a view asks each cell for seven at every paint, and the others
# (fonts, check states, decorations) get None before the index is even looked at.
ANSWERED = frozenset(int(r) for r in (
    DISPLAY, Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole,
    Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.TextAlignmentRole, CASE_ID_ROLE, STATUS_ROLE))
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class LedgerModel(PagedRows, QAbstractTableModel):
    def __init__(self, store, today: date, parent=None, page_size: int = PAGE_SIZE,
                 load: bool = True):
        super().__init__(parent)
        self.store = store
        self.today = today
        self.page_size = page_size
        self.filter = LedgerFilter()
        self.calendar = calendar_for(store.policy)
        code = store.workstation.get("village_code") or ""
        self.prefix = f"{code}-" if code else ""
        # the county's cases are of every village: each named "name(code)" beside its group
        self.county = store.workstation["role"] == "county"
        self.villages: dict[str, str] = {}
        self._rows: list[dict] = []
        self._total = 0
        if load:  # the main window loads it in its refresh, once
            self.reload()

    # -- loading -------------------------------------------------------------------------
    def set_filter(self, flt: LedgerFilter) -> None:
        self.filter = flt
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        if self.county:  # the township's code loads only where it is needed
            from desktop.township.villages import village_names

            self.villages = village_names(self.store.db)
        self._total, self._rows = queries.ledger_first_page(self.store.db, self.filter,
                                                            self.page_size)
        self.endResetModel()

    def _page(self, offset: int) -> list[dict]:
        return queries.ledger_page(self.store.db, self.filter, offset, self.page_size)

    def _urgency(self, row: dict) -> str:
        """How near the row's deadline is, reckoned when the row is first shown (a page
        holds 200 rows, a screen about 25)."""
        found = row.get("urgency")
        if found is None:
            due = row["due_on"]
            found = row["urgency"] = (urgency(date.fromisoformat(due), self.today,
                                              self.store.policy, self.calendar) if due else "")
        return found

    def columnCount(self, parent=ROOT) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            if self.county and section == 3:
                return tr("村 · 村民小组")
            if 0 <= section < len(COLUMNS):
                return tr(COLUMNS[section])
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return str(section + 1)
        return None

    def row(self, i: int) -> dict:
        row = self._rows[i]
        self._urgency(row)
        return row

    def case_id(self, i: int) -> str:
        return self._rows[i]["id"]

    def data(self, index, role=DISPLAY):
        if role not in ANSWERED:
            return None
        i = index.row()  # -1 for an invalid index
        if not 0 <= i < len(self._rows):
            return None
        row = self._rows[i]
        col = index.column()
        if role == DISPLAY:
            return self._display(row, col)
        if role == Qt.ItemDataRole.BackgroundRole:
            colour = URGENCY_COLOURS.get(self._urgency(row))
            return QBrush(colour) if colour else None
        if role == Qt.ItemDataRole.ForegroundRole and col == 10 and _flags(row):
            return QBrush(QColor("#c62828"))
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, col)
        if role == Qt.ItemDataRole.TextAlignmentRole and col == AMOUNT_COLUMN:
            return RIGHT
        if role == CASE_ID_ROLE:
            return row["id"]
        if role == STATUS_ROLE:
            return row["status"]
        return None

    def _display(self, row: dict, col: int) -> str:
        values = row.get("_cells")
        if values is None:  # made once per row, not once per cell painted
            self._urgency(row)
            values = row["_cells"] = (
                self.short_id(row["id"]), row["applicant_name"], row["applicant_id_number"],
                self._group(row), category_label(row["category"]), reason_label(row["reason"]),
                format_yuan(row["requested_fen"], grouped=True), row["received_on"],
                status_label(row["status"]), _due_text(row), tr("、").join(_flags(row)),
            )
        return values[col] if 0 <= col < len(values) else None

    def _group(self, row: dict) -> str:
        if not self.county:
            return row["group_name"]
        code = row["id"].split("-", 1)[0]
        return f"{self.villages.get(code, code)} {row['group_name'] or ''}".strip()

    def short_id(self, case_id: str) -> str:
        """This village's own cases all start with its code: show the part that differs."""
        prefix = self.prefix
        return case_id[len(prefix):] if prefix and case_id.startswith(prefix) else case_id

    def _tooltip(self, row: dict, col: int):
        if col == 0:
            return row["id"]
        if col == 1:
            return row["applicant_name"]
        if col == 9 and row["due_on"]:
            word = tr(URGENCY_WORDS.get(self._urgency(row), QT_TR_NOOP("期限")))
            return f"{word}:{row['due_on']} {DUE_LABELS.get(row['due_kind'] or '', '')}"
        if col == 10 and _flags(row):
            return "\n".join(queries.FLAG_LABELS[k] for k in SHORT_FLAGS if row.get(k))
        return None


def _flags(row: dict) -> list[str]:
    return [tr(label) for key, label in SHORT_FLAGS.items() if row.get(key)]


def _due_text(row: dict) -> str:
    if not row["due_on"]:
        return ""
    word = tr(SHORT_URGENCY.get(row["urgency"], ""))
    kind = DUE_LABELS.get(row["due_kind"] or "", "").split("(")[0]
    text = f"{row['due_on']} {kind}"
    return f"{text} · {word}" if word else text
