"""A field with its error directly under it, and the board that says which fields'
errors show (those the officer touched, or all when asked) and sums them up under the
form, each field named by its label."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from desktop.core.errors import FieldError
from desktop.ui.guard import gui_text
from desktop.ui.i18n import tr
from desktop.ui.window_fit import without_key

ERROR_STYLE = "color: #c62828;"


class ErrorLabel(QLabel):
    """A red message, hidden while empty. Its first line's space is kept while hidden, so
    that the form does not jump under the officer's pointer as a message comes and goes.
    Command-line advice from the shared operations is shown as the menu path."""

    def __init__(self, parent=None):
        from PySide6.QtCore import Qt  # (not when the module loads: see _OpenOnEnter)

        super().__init__(parent)
        self.setStyleSheet(ERROR_STYLE)
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        policy = self.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        self.setSizePolicy(policy)
        self._reserve_line()
        self.hide()

    def _reserve_line(self) -> None:
        text = self.text()
        self.setText(tr("字"))  # the height of one line as this label draws it
        self.setMinimumHeight(self.sizeHint().height())
        self.setText(text)

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._reserve_line()

    def show_message(self, text: str) -> None:
        self.setText(gui_text(text))
        self.setVisible(bool(text))


class FieldBox(QWidget):
    """An input with its error message directly under it (what is wrong, next to it)."""

    def __init__(self, widget: QWidget, extra: QWidget | None = None, parent=None):
        super().__init__(parent)
        self.widget = widget
        self.setFocusProxy(widget)  # its label's access key puts the cursor in the field
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(1)
        if extra is None:
            outer.addWidget(widget)
        else:
            row = QHBoxLayout()
            row.setContentsMargins(0, 0, 0, 0)
            row.addWidget(widget, 1)
            row.addWidget(extra)
            outer.addLayout(row)
        self.error = ErrorLabel(self)
        outer.addWidget(self.error)

    def set_error(self, text: str) -> None:
        self.error.show_message(text)
        self.widget.setToolTip(text)


class ErrorBoard:
    """Maps FieldError paths to the FieldBoxes that show them.

    A field shows its error once the officer has touched it (or asked to see every
    problem), so a fresh form is not all red; the summary counts the rest."""

    def __init__(self, summary: ErrorLabel):
        self.boxes: dict[str, FieldBox] = {}
        self.touched: set[str] = set()
        self.show_all = False
        self.summary = summary
        self.errors: list[FieldError] = []

    def add(self, path: str, box: FieldBox) -> FieldBox:
        self.boxes[path] = box
        return box

    def touch(self, path: str) -> None:
        self.touched.add(path)

    def visible(self, path: str) -> bool:
        return self.show_all or path in self.touched

    def show(self, errors: list[FieldError], extra_unplaced: bool = True) -> list[FieldError]:
        """Put each error beside its field; returns the errors that have no field. The
        summary under the form counts and names every problem (a field may be scrolled
        out of view): by its label when its message is beside it, with the message when
        the field has not been touched yet."""
        self.errors = list(errors)
        by_path: dict[str, list[str]] = {}
        unplaced = []
        for e in errors:
            if e.path in self.boxes:
                by_path.setdefault(e.path, []).append(e.message)
            else:
                unplaced.append(e)
        for path, box in self.boxes.items():
            msgs = by_path.get(path, [])
            box.set_error("\n".join(msgs) if self.visible(path) else "")
        lines = [e.message for e in unplaced] if extra_unplaced else []
        order = {path: i for i, path in enumerate(self.boxes)}  # the form's order
        placed = sorted((e for e in errors if e.path in self.boxes), key=lambda e: order[e.path])
        if placed:
            items = []
            for e in placed:
                label = self.label_of(e.path)
                shown = self.visible(e.path)
                message = e.message.rstrip("。")  # i18n: data (one 。 ends them all, below)
                item = label if shown and label else (
                    f"{label}:{message}" if label else message)
                if item not in items:
                    items.append(item)
            lines.append(tr("还有 {n} 处需要填写或修改:{items}").format(
                n=len(placed), items=tr("；").join(items)) + tr("。"))
        self.summary.show_message("\n".join(lines))
        return unplaced

    def first_problem(self) -> FieldBox | None:
        """The box of the first field (in the form's order) that has an error."""
        wrong = {e.path for e in self.errors}
        return next((box for path, box in self.boxes.items() if path in wrong), None)

    def label_of(self, path: str) -> str:
        """The label the form shows beside the field of `path` ("" if none)."""
        box = self.boxes[path]
        parent = box.parentWidget()
        if parent is None:
            return ""
        from PySide6.QtWidgets import QFormLayout

        for form in parent.findChildren(QFormLayout) + [parent.layout()]:
            if isinstance(form, QFormLayout) and form.indexOf(box) >= 0:
                label = form.labelForField(box)
                text = label.text() if isinstance(label, QLabel) else ""
                return without_key(text).strip().rstrip(":").rstrip("\uff1a")  # i18n: data (a full-width colon)
        return ""
