"""The ledger (台账) as a paged table model: rows are fetched 200 at a time as the view
scrolls (`canFetchMore`/`fetchMore`), so the ledger opens at once on 100,000 cases.

Its cells live in Qt's own item storage (a QStandardItemModel): a view paints them without
calling into Python for each cell and role, which cost more than Qt's painting itself
(README, Performance). A page's cells are made once, for the rows a screen can show when
the page is read, and for the rest of the page once it is painted."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QModelIndex, QTimer
from PySide6.QtGui import QColor, QStandardItem, QStandardItemModel

from desktop.core.deadlines import DUE_LABELS, calendar_for, urgency
from desktop.core.money import format_yuan
from desktop.storage import queries
from desktop.storage.queries import LedgerFilter
from desktop.ui.core_words import (
    category_label,
    due_word,
    flag_word,
    reason_label,
    status_label,
)
from desktop.ui.i18n import QT_TR_NOOP, tr

ROOT = QModelIndex()  # the invisible root of a flat table
PAGE_SIZE = 200
# Rows made before the first paint when the window has not said how many it shows: more
# than a laptop's screen holds (768 px at 26 px a row).
SCREEN_ROWS = 40
# The rest of a page is made this long after it is read (the table has painted by then),
# or when the table first scrolls (the main window asks), whichever comes first.
REST_OF_PAGE_MS = 300

COLUMNS = (QT_TR_NOOP("编号"), QT_TR_NOOP("申请人"), QT_TR_NOOP("身份证号"), QT_TR_NOOP("村民小组"),
           QT_TR_NOOP("类型"), QT_TR_NOOP("事由"), QT_TR_NOOP("申请金额(元)"), QT_TR_NOOP("受理日期"),
           QT_TR_NOOP("状态"), QT_TR_NOOP("期限"), QT_TR_NOOP("标记"))
AMOUNT_COLUMN, DUE_COLUMN, FLAGS_COLUMN = 6, 9, 10
SHORT_FLAGS = {"officer_relative": QT_TR_NOOP("近亲属"), "repeat_reason": QT_TR_NOOP("一事一次"),
               "over_cap": QT_TR_NOOP("超上限")}
URGENCY_COLOURS = {"overdue": QColor("#ffd6d6"), "soon": QColor("#fff1c2")}
URGENCY_WORDS = {"overdue": QT_TR_NOOP("已超期"), "soon": QT_TR_NOOP("即将到期")}
SHORT_URGENCY = {"overdue": QT_TR_NOOP("超期"), "soon": QT_TR_NOOP("将到期")}
FLAGS_COLOUR = QColor("#c62828")


# Roles as plain ints: the fill passes one for every cell it sets, and an enum costs a
# conversion each time. Qt's own values (Qt::ItemDataRole, Qt::AlignmentFlag), written
# out: naming them through `Qt` makes PySide build the whole Qt namespace (~1,400 enum
# values, ~30 ms) before the first paint, which needs none of it
# (tests/test_ui_ledger_cells.py checks them against Qt's).
BACKGROUND, FOREGROUND, TOOLTIP, ALIGNMENT = 8, 9, 3, 7
RIGHT = 0x0002 | 0x0080  # AlignRight | AlignVCenter


class LedgerModel(QStandardItemModel):
    def __init__(self, store, today: date, parent=None, page_size: int = PAGE_SIZE,
                 load: bool = True):
        super().__init__(0, len(COLUMNS), parent)
        self.store = store
        self.today = today
        self.page_size = page_size
        self.filter = LedgerFilter()
        self.calendar = calendar_for(store.policy)
        code = store.workstation.get("village_code") or ""
        self.prefix = f"{code}-" if code else ""
        # a township's and the county's cases are of many villages: each named beside its
        # group (the county's as "name(code)")
        self.many_villages = store.workstation["role"] != "village"
        self.villages: dict[str, str] = {}
        self.shown_rows = lambda: SCREEN_ROWS  # the main window says what its table shows
        self._rows: list[dict] = []
        self._total = 0
        self._filled = 0  # rows [0, _filled) have their cells
        prototype = QStandardItem()  # every cell made from it: read-only, so a double-click
        prototype.setEditable(False)  # opens the case instead of an editor; selectable and
        prototype.setDragEnabled(False)  # enabled, nothing else
        prototype.setDropEnabled(False)
        self.setItemPrototype(prototype)  # (Qt owns it)
        titles = [tr(title) for title in COLUMNS]
        if self.many_villages:
            titles[3] = tr("村 · 村民小组")
        self.setHorizontalHeaderLabels(titles)
        self._fill_timer = QTimer(self, singleShot=True, interval=REST_OF_PAGE_MS)
        self._fill_timer.timeout.connect(self.fill_page)
        if load:  # the main window loads it in its refresh, once
            self.reload()

    # -- loading -------------------------------------------------------------------------
    @property
    def total(self) -> int:
        return self._total

    def set_filter(self, flt: LedgerFilter) -> None:
        self.filter = flt
        self.reload()

    def read(self, flt: LedgerFilter) -> tuple[int, list[dict]]:
        """The page's queries: how many cases `flt` matches, and the first page of them."""
        if self.many_villages:  # the township's code loads only where it is needed
            from desktop.township.villages import village_names

            self.villages = village_names(self.store.db)
        return queries.ledger_first_page(self.store.db, flt, self.page_size)

    def reload(self) -> None:
        total, rows = self.read(self.filter)
        self.beginResetModel()
        self.blockSignals(True)  # the reset tells the views once
        self.setRowCount(0)  # the last page's cells go, with whatever they held
        self._total, self._rows, self._filled = total, rows, 0
        self.setRowCount(len(rows))
        self._fill(min(self.shown_rows(), len(rows)))
        self.blockSignals(False)
        self.endResetModel()
        self._fill_timer.start()

    def canFetchMore(self, parent=ROOT) -> bool:  # noqa: N802 (Qt's name)
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent=ROOT) -> None:  # noqa: N802 (Qt's name)
        """The next page, as the view scrolls to the end of this one."""
        if parent.isValid():
            return
        have = len(self._rows)
        more = queries.ledger_page(self.store.db, self.filter, have,
                                   self.page_size)[: self._total - have]
        if not more:
            self._total = have
            return
        self._rows.extend(more)
        self.setRowCount(len(self._rows))  # the views make room (rowsInserted)
        self._filled_and_told(have + self.shown_rows())
        self._fill_timer.start()

    def fill_page(self) -> None:
        """The cells of the rows read but not yet made (after the paint, or as the table
        scrolls)."""
        self._filled_and_told(len(self._rows))

    def _filled_and_told(self, up_to: int) -> None:
        first = self._filled
        self.blockSignals(True)
        self._fill(min(up_to, len(self._rows)))
        self.blockSignals(False)
        if self._filled > first:
            self.dataChanged.emit(self.index(first, 0),
                                  self.index(self._filled - 1, len(COLUMNS) - 1))

    # -- the cells -----------------------------------------------------------------------
    def _fill(self, up_to: int) -> None:
        """Make the cells of rows [_filled, up_to) in one pass: every role a cell shows set
        once here, read by Qt from then on."""
        index, put, comma = self.index, self.setData, tr("、")
        for i in range(self._filled, up_to):
            row = self._rows[i]
            colour = URGENCY_COLOURS.get(self._urgency(row))
            flags = _flags(row)
            tips = {0: row["id"], 1: row["applicant_name"]}
            if row["due_on"]:
                tips[DUE_COLUMN] = self._due_tooltip(row)
            if flags:
                tips[FLAGS_COLUMN] = "\n".join(flag_word(queries.FLAG_LABELS[k]) for k in SHORT_FLAGS
                                               if row.get(k))
            for col, text in enumerate(self._cells(row, comma.join(flags))):
                at = index(i, col)
                put(at, text)
                if colour is not None:  # a QColor: Qt paints it as a brush, and making a
                    put(at, colour, BACKGROUND)  # QBrush in Python loads QGradient at start
                if col in tips:
                    put(at, tips[col], TOOLTIP)
                if col == AMOUNT_COLUMN:
                    put(at, RIGHT, ALIGNMENT)
                elif col == FLAGS_COLUMN and flags:
                    put(at, FLAGS_COLOUR, FOREGROUND)
        self._filled = max(self._filled, up_to)

    def _cells(self, row: dict, flags: str) -> tuple[str, ...]:
        return (self.short_id(row["id"]), row["applicant_name"], row["applicant_id_number"],
                self._group(row), category_label(row["category"]), reason_label(row["reason"]),
                format_yuan(row["requested_fen"], grouped=True), row["received_on"],
                status_label(row["status"]), _due_text(row), flags)

    def _urgency(self, row: dict) -> str:
        """How near the row's deadline is, reckoned when the row's cells are made (a page
        holds 200 rows, a screen about 25)."""
        found = row.get("urgency")
        if found is None:
            due = row["due_on"]
            found = row["urgency"] = (urgency(date.fromisoformat(due), self.today,
                                              self.store.policy, self.calendar) if due else "")
        return found

    def _due_tooltip(self, row: dict) -> str:
        word = tr(URGENCY_WORDS.get(self._urgency(row), QT_TR_NOOP("期限")))
        return f"{word}:{row['due_on']} {DUE_LABELS.get(row['due_kind'] or '', '')}"

    def _group(self, row: dict) -> str:
        if not self.many_villages:
            return row["group_name"]
        code = row["id"].split("-", 1)[0]
        return f"{self.villages.get(code, code)} {row['group_name'] or ''}".strip()

    # -- what the windows ask of a row -----------------------------------------------------
    def row(self, i: int) -> dict:
        row = self._rows[i]
        self._urgency(row)
        return row

    def case_id(self, i: int) -> str:
        return self._rows[i]["id"]

    def short_id(self, case_id: str) -> str:
        """This village's own cases all start with its code: show the part that differs."""
        prefix = self.prefix
        return case_id[len(prefix):] if prefix and case_id.startswith(prefix) else case_id


def _flags(row: dict) -> list[str]:
    return [tr(label) for key, label in SHORT_FLAGS.items() if row.get(key)]


def _due_text(row: dict) -> str:
    if not row["due_on"]:
        return ""
    word = tr(SHORT_URGENCY.get(row["urgency"], ""))
    kind = due_word(DUE_LABELS.get(row["due_kind"] or "", "").split("(")[0])
    text = f"{row['due_on']} {kind}"
    return f"{text} · {word}" if word else text

