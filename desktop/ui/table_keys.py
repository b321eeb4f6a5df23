"""The keyboard around a list of cases (the ledger, the township queue): Enter opens the
current row, a table that takes the focus shows a selected row, and Enter or ↓ in the
search box goes to what it found. Kept apart from widgets.py, which the forms load."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject


def open_rows_on_activate(table, open_row) -> None:
    """Double-click, Return or Enter on a row of `table` calls open_row(row); a table
    reached by Tab or a shortcut shows a selected row (see _OpenOnEnter)."""
    table.doubleClicked.connect(lambda index: open_row(index.row()))
    _OpenOnEnter(table, open_row)


# Qt's key numbers (Qt::Key_Return, Key_Enter, Key_Down, KeypadModifier): a shortcut would
# need `Qt.ShortcutContext`, and the first `Qt` named makes PySide build its whole
# namespace (~1,400 enum values, ~30 ms) before the ledger's first paint.
_ENTER_KEYS = (0x01000004, 0x01000005)
_DOWN_KEY = 0x01000015
_KEYPAD = 0x20000000


def _plain_key(event, keys) -> bool:
    """A key press of one of `keys` with no modifier but the keypad's."""
    return event.type() == QEvent.Type.KeyPress and event.key() in keys \
        and event.modifiers().value & ~_KEYPAD == 0


def select_first_row(table) -> bool:
    """The table's current row selected (the first when there is none), so that the
    officer sees which case Enter opens: the focus alone is a faint dotted cell."""
    if table.model() is None or table.model().rowCount() == 0:
        return False
    if not table.selectionModel().hasSelection():
        table.selectRow(max(table.currentIndex().row(), 0))
    return True


class _OpenOnEnter(QObject):
    """Return or Enter pressed in the table opens its current row; the table taking the
    focus (Tab, a shortcut, back from a case) with no row selected selects one."""

    def __init__(self, table, open_row):
        super().__init__(table)
        self.open_row = open_row
        table.installEventFilter(self)

    def eventFilter(self, table, event) -> bool:  # noqa: N802 (Qt's name)
        if _plain_key(event, _ENTER_KEYS):
            self.open_row(table.currentIndex().row())
            return True
        if event.type() == QEvent.Type.FocusIn:
            select_first_row(table)
        return False


def search_leads_to(search, table, apply_filter, open_row) -> None:
    """Enter in the search box `search` goes to what it found: the one case found opens,
    more than one puts the focus on the table's first row; ↓ goes to the table. The
    filter is applied first (typing only starts a short delay before it is)."""
    _SearchToTable(search, table, apply_filter, open_row)


class _SearchToTable(QObject):
    def __init__(self, search, table, apply_filter, open_row):
        super().__init__(search)
        self.table, self.apply_filter, self.open_row = table, apply_filter, open_row
        search.installEventFilter(self)

    def eventFilter(self, search, event) -> bool:  # noqa: N802 (Qt's name)
        enter = _plain_key(event, _ENTER_KEYS)
        if not (enter or _plain_key(event, (_DOWN_KEY,))):
            return False
        self.apply_filter()
        rows = self.table.model().rowCount()
        if enter and rows == 1:
            self.open_row(0)
        elif rows:
            self.table.setFocus()
            self.table.selectRow(0)
        return True
