"""A base for the small editable tables (members, votes): COLUMNS of (key, header)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate

from desktop.ui.i18n import tr

ROOT = QModelIndex()


class RowsModel(QAbstractTableModel):
    """Rows of dicts shown under fixed column headers (Chinese, translated by tr), rows numbered from 1."""

    COLUMNS: tuple[tuple[str, str], ...] = ()

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[dict] = []

    def rowCount(self, parent=ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=ROOT) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.COLUMNS):
            return tr(self.COLUMNS[section][1])
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        return None


class PagedRows:
    """Paging for a table model over a query: rows arrive `page_size` at a time as the
    view scrolls (canFetchMore/fetchMore), so a table opens at once on 100,000 rows.
    The model provides `_page(offset) -> list[dict]` and sets `_rows` and `_total`."""

    _rows: list[dict]
    _total: int

    def _page(self, offset: int) -> list[dict]:
        raise NotImplementedError

    @property
    def total(self) -> int:
        return self._total

    def rowCount(self, parent=ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def canFetchMore(self, parent=ROOT) -> bool:
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent=ROOT) -> None:
        if parent.isValid():
            return
        more = self._page(len(self._rows))[: self._total - len(self._rows)]
        if not more:
            self._total = len(self._rows)
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(more) - 1)
        self._rows.extend(more)
        self.endInsertRows()


class ChoiceDelegate(QStyledItemDelegate):
    """A combo box for the columns that have fixed choices; `choices_of(column)` gives
    them (or nothing for a free-text column)."""

    def __init__(self, choices_of, parent=None):
        super().__init__(parent)
        self.choices_of = choices_of

    def createEditor(self, parent, option, index):
        choices = self.choices_of(index.column())
        if not choices:
            return super().createEditor(parent, option, index)
        editor = QComboBox(parent)
        editor.addItems(choices)
        return editor

    def setEditorData(self, editor, index):
        if isinstance(editor, QComboBox):
            editor.setCurrentText(index.data(Qt.ItemDataRole.EditRole) or "")
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor, model, index):
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentText())
        else:
            super().setModelData(editor, model, index)


class ListRows:
    """Rows replaced whole (`set_rows`), for the small read-only tables."""

    _rows: list

    def set_rows(self, rows: list) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent=ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)
