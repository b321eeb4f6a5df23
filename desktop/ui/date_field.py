"""One date field for every form: the officer types a date in any form people write it
(2026-12-05, 2026/12/5, 2026.12.5, 20261205, 2026年12月5日) or picks it from a calendar.
A QDateEdit overtyped in its year section silently kept other sections (2026-12-05 became
2026-01-05); this field keeps exactly what was typed and says beside it when it is not a
date, instead of guessing."""

from __future__ import annotations

import re
from datetime import date

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import QCalendarWidget, QLineEdit, QMenu, QWidgetAction

from desktop.core import clock
from desktop.ui.i18n import QT_TR_NOOP, tr

_PARTS = re.compile(  # i18n: data
    r"^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*$")
_COMPACT = re.compile(r"^\s*(\d{4})(\d{2})(\d{2})\s*$")
EXAMPLE = QT_TR_NOOP("例如 2026-12-05(也可写 2026/12/5 或 20261205)")


def parse_date_text(text: str) -> date:
    """The date `text` names; ValueError with a Chinese message saying what is wrong."""
    text = text.translate(_FULL_WIDTH)
    match = _PARTS.match(text) or _COMPACT.match(text)
    if not text.strip():
        raise ValueError(tr("请填写日期,{example}。").format(example=tr(EXAMPLE)))
    if not match:
        raise ValueError(tr("“{text}”不是日期:请按 年-月-日 填写,{EXAMPLE}。").format(
                             text=text.strip(), EXAMPLE=tr(EXAMPLE)))
    year, month, day = (int(p) for p in match.groups())
    try:
        return date(year, month, day)
    except ValueError:
        raise ValueError(tr("没有 {year} 年 {month} 月 {day} 日这一天,请检查月份和日期。").format(
                             year=year, month=month, day=day)) from None


_FULL_WIDTH = str.maketrans("０１２３４５６７８９－／．", "0123456789-/.")  # i18n: data


class DateField(QLineEdit):
    """A date typed as text. `value()` is the ISO date when the text is a date (else the
    text itself, for the checker to refuse); `problem()` says what is wrong, beside the
    field. Alt+Down, F4 or the button open a calendar."""

    changed = Signal()

    def __init__(self, value: date | None = None, *, latest: date | None = None,
                 earliest: date | None = None, parent=None):
        super().__init__(parent)
        self.latest, self.earliest = latest, earliest
        self.setPlaceholderText(tr("年-月-日,例如 2026-12-05"))
        self.setMaxLength(20)
        if value is not None:
            self.set_date(value)
        # imported here: PySide makes QStyle's ~600 enum values with its class, and the
        # first screen has no date field
        from PySide6.QtWidgets import QStyle

        icon = self.style().standardIcon(QStyle.StandardPixmap.SP_ArrowDown)
        pick = self.addAction(icon, QLineEdit.ActionPosition.TrailingPosition)
        pick.setToolTip(tr("从日历中选择(Alt+↓)"))
        pick.triggered.connect(self.open_calendar)
        self.textChanged.connect(self.changed)
        self.editingFinished.connect(self._normalise)

    def _normalise(self) -> None:
        """On leaving the field, a date typed as 2026/12/5 is shown as 2026-12-05."""
        day = self.date()
        if day is not None and self.text() != day.isoformat():
            self.set_date(day)

    def set_date(self, value: date) -> None:
        self.setText(value.isoformat())

    def date(self) -> date | None:
        try:
            return parse_date_text(self.text())
        except ValueError:
            return None

    def problem(self) -> str:
        try:
            day = parse_date_text(self.text())
        except ValueError as exc:
            return str(exc)
        if self.latest is not None and day > self.latest:
            return tr("日期 {day} 晚于 {latest},请检查。").format(
                       day=day.isoformat(), latest=self.latest.isoformat())
        if self.earliest is not None and day < self.earliest:
            return tr("日期 {day} 早于 {earliest},请检查。").format(
                       day=day.isoformat(), earliest=self.earliest.isoformat())
        return ""

    def value(self) -> str:
        day = self.date()
        return day.isoformat() if day else self.text().strip()

    def focusInEvent(self, event) -> None:
        """Coming to the field by keyboard selects the date, so typing replaces it whole."""
        super().focusInEvent(event)
        if event.reason() != Qt.FocusReason.MouseFocusReason:
            self.selectAll()

    def keyPressEvent(self, event) -> None:
        alt_down = (event.key() == Qt.Key.Key_Down
                    and event.modifiers() & Qt.KeyboardModifier.AltModifier)
        if alt_down or event.key() == Qt.Key.Key_F4:
            self.open_calendar()
            return
        super().keyPressEvent(event)

    def open_calendar(self) -> QMenu:
        menu = QMenu(self)
        calendar = QCalendarWidget(menu)
        day = self.date() or self.latest or clock.today()
        calendar.setSelectedDate(QDate(day.year, day.month, day.day))
        if self.latest:
            calendar.setMaximumDate(QDate(self.latest.year, self.latest.month, self.latest.day))
        holder = QWidgetAction(menu)
        holder.setDefaultWidget(calendar)
        menu.addAction(holder)

        def picked(q: QDate) -> None:
            self.set_date(date(q.year(), q.month(), q.day()))
            menu.close()
        calendar.activated.connect(picked)
        calendar.clicked.connect(picked)
        self.calendar_menu = menu  # tests read it
        menu.popup(self.mapToGlobal(self.rect().bottomLeft()))
        calendar.setFocus()
        return menu


def date_problems(inputs: dict, local: list) -> list:
    """A FieldError for each DateField of `inputs` whose text is not an acceptable date
    (these replace the checker's message for that field: they say what was typed)."""
    from desktop.core.errors import FieldError

    for path, widget in inputs.items():
        if isinstance(widget, DateField) and widget.isEnabled() and widget.problem():
            local.append(FieldError(path, widget.problem()))
    return local
