"""A base for the small editable tables (members, votes): COLUMNS of (key, header)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

ROOT = QModelIndex()


class RowsModel(QAbstractTableModel):
    """Rows of dicts shown under fixed Chinese column headers, rows numbered from 1."""

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
            return self.COLUMNS[section][1]
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        return None
