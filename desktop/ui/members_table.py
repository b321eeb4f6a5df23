"""Household members (家庭成员) as an editable table model. Sex and birth date are shown
read-only from each valid ID number (never typed twice); a cell with an error is red and
carries its message as a tooltip."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor

from desktop.core.categories import HEALTH_STATES, RELATIONS, WORK_ABILITIES
from desktop.core.idnumber import InvalidIdNumber, parse_id_number
from desktop.ui.i18n import QT_TR_NOOP, tr
from desktop.ui.table_base import ROOT, ChoiceDelegate, RowsModel

# (key, header, choices or None); sex/birth_date are derived.

COLUMNS = (
    ("name", QT_TR_NOOP("姓名"), None),
    ("id_number", QT_TR_NOOP("身份证号"), None),
    ("sex", QT_TR_NOOP("性别"), None),
    ("birth_date", QT_TR_NOOP("出生日期"), None),
    ("relation", QT_TR_NOOP("与户主关系"), RELATIONS),
    ("health", QT_TR_NOOP("健康状况"), HEALTH_STATES),
    ("work_ability", QT_TR_NOOP("劳动能力"), WORK_ABILITIES),
)
DERIVED = ("sex", "birth_date")
KEYS = [c[0] for c in COLUMNS]
ERROR_BRUSH = QBrush(QColor("#ffd6d6"))
DERIVED_BRUSH = QBrush(QColor("#f2f2f2"))


def blank_member() -> dict:
    return {"name": "", "id_number": "", "relation": "子女", "health": "健康",  # i18n: data
            "work_ability": "有劳动能力"}


class MembersModel(RowsModel):
    edited = Signal(int, str)  # row, key

    COLUMNS = COLUMNS

    def __init__(self, today: date, parent=None):
        super().__init__(parent)
        self.today = today
        self._rows: list[dict] = []
        self._errors: dict[tuple[int, str], str] = {}

    # -- the document --------------------------------------------------------------------
    def members(self) -> list[dict]:
        return [{k: (v.strip() if isinstance(v, str) else v) for k, v in m.items()}
                for m in self._rows]

    def set_errors(self, errors: dict[tuple[int, str], str]) -> None:
        """(row, key) → message; refreshes the cells whose state changed."""
        changed = set(errors) ^ set(self._errors) | {
            k for k in errors if errors[k] != self._errors.get(k)}
        self._errors = dict(errors)
        for row, key in changed:
            if row < len(self._rows) and key in KEYS:
                index = self.index(row, KEYS.index(key))
                self.dataChanged.emit(index, index)

    def errors_at(self) -> list[tuple[int, int]]:
        """(row, column) of each cell that shows an error."""
        return [(row, KEYS.index(key)) for row, key in self._errors if key in KEYS]

    def _derived(self, row: dict, key: str) -> str:
        try:
            info = parse_id_number(row.get("id_number", ""), self.today)
        except InvalidIdNumber:
            return ""
        return info.sex if key == "sex" else info.birth_date.isoformat()

    # -- the model -----------------------------------------------------------------------
    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if KEYS[index.column()] in DERIVED:
            return base
        return base | Qt.ItemFlag.ItemIsEditable

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row, key = self._rows[index.row()], KEYS[index.column()]
        error = self._errors.get((index.row(), key))
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self._derived(row, key) if key in DERIVED else row.get(key, "")
        if role == Qt.ItemDataRole.ToolTipRole:
            return error or (tr("由身份证号自动得出") if key in DERIVED else None)
        if role == Qt.ItemDataRole.BackgroundRole:
            return ERROR_BRUSH if error else (DERIVED_BRUSH if key in DERIVED else None)
        return None

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:
        if (role != Qt.ItemDataRole.EditRole or not index.isValid()
                or KEYS[index.column()] in DERIVED):
            return False
        key = KEYS[index.column()]
        self._rows[index.row()][key] = "" if value is None else str(value)
        last = index.siblingAtColumn(len(COLUMNS) - 1)
        self.dataChanged.emit(index.siblingAtColumn(0), last)  # sex/birth follow the ID
        self.edited.emit(index.row(), key)
        return True

    def insertRows(self, row: int, count: int, parent=ROOT) -> bool:
        if parent.isValid() or count < 1 or not 0 <= row <= len(self._rows):
            return False
        self.beginInsertRows(parent, row, row + count - 1)
        for _ in range(count):
            self._rows.insert(row, blank_member())
        self.endInsertRows()
        return True

    def removeRows(self, row: int, count: int, parent=ROOT) -> bool:
        if parent.isValid() or count < 1 or row < 0 or row + count > len(self._rows):
            return False
        self.beginRemoveRows(parent, row, row + count - 1)
        del self._rows[row:row + count]
        self.endRemoveRows()
        self._errors = {}
        return True


def members_delegate(parent=None) -> ChoiceDelegate:
    """Combo boxes for 关系, 健康状况, 劳动能力."""
    return ChoiceDelegate(lambda column: COLUMNS[column][2], parent)
