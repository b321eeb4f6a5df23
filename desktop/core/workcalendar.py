"""Working days (工作日) for statutory deadlines.

Deadlines such as "decision within 10 working days" skip weekends and public holidays,
but China also moves some weekend days to be working days (调休), so neither the weekday
nor a holiday list alone is enough. The holiday and 调休 lists are settings because the
State Council publishes them each year and the app works offline.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, timedelta

from desktop.core.errors import Refusal

_SATURDAY = 5
_ONE_DAY = timedelta(days=1)
_SEPARATORS = re.compile(r"[\s,，、;；]+")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_TO_ASCII = str.maketrans("０１２３４５６７８９－", "0123456789-")


class WorkCalendar:
    """Which days count as working days, given the year's holidays and 调休 workdays."""

    def __init__(self, holidays: Iterable[date] = (), extra_workdays: Iterable[date] = ()):
        self.holidays = frozenset(holidays)
        self.extra_workdays = frozenset(extra_workdays)
        _refuse_overlap(self.holidays, self.extra_workdays)

    def is_working_day(self, d: date) -> bool:
        """Mon-Fri unless a holiday; a weekend day listed as 调休 workday is working."""
        if d in self.extra_workdays:
            return True
        return d.weekday() < _SATURDAY and d not in self.holidays

    def add_working_days(self, start: date, n: int) -> date:
        """The day that is the n-th working day after `start` (`start` itself not counted).

        This is how a deadline is found: "3 working days after 受理" on a Friday is the
        following Wednesday. n = 0 returns `start` unchanged.
        """
        if n < 0:
            raise ValueError(f"n must be >= 0, got {n}")
        d, holidays, workdays = start, self.holidays, self.extra_workdays
        while n > 0:  # is_working_day, inline: a deadline of 30 days walks some 42 days
            d += _ONE_DAY
            if d in workdays or (d.weekday() < _SATURDAY and d not in holidays):
                n -= 1
        return d

    def working_days_between(self, start: date, end: date) -> int:
        """How many working days d satisfy start < d <= end (0 if end <= start).

        Counts weekdays arithmetically and then corrects for the listed dates, so it
        stays fast for ranges of years (an officer's yearly statistics).
        """
        if end <= start:
            return 0
        count = _weekdays_after_up_to(start, end)
        count -= sum(1 for h in self.holidays if start < h <= end and h.weekday() < _SATURDAY)
        count += sum(
            1 for w in self.extra_workdays if start < w <= end and w.weekday() >= _SATURDAY
        )
        return count


def parse_holidays(text: str) -> list[date]:
    """Parse a settings string of ISO dates (YYYY-MM-DD) separated by commas, spaces or
    new lines; return them sorted without duplicates. Refuses naming the bad entry, so a
    typo in the settings is found before it silently shifts every deadline."""
    entries = [e for e in _SEPARATORS.split(text.translate(_TO_ASCII)) if e]
    return sorted({_parse_one_date(e) for e in entries})


def _parse_one_date(entry: str) -> date:
    """One entry of the settings string; only the unambiguous YYYY-MM-DD form."""
    if _ISO_DATE.fullmatch(entry):
        try:
            return date.fromisoformat(entry)
        except ValueError:
            raise Refusal(f"日期「{entry}」不是真实的日期,请核对月份和日期") from None
    raise Refusal(f"「{entry}」不是日期,请按 2026-10-01 的格式填写,多个日期用逗号或换行分隔")


def _refuse_overlap(holidays: frozenset[date], extra_workdays: frozenset[date]) -> None:
    """A day cannot be both a holiday and a 调休 workday; that is a settings mistake."""
    both = sorted(holidays & extra_workdays)
    if both:
        listed = "、".join(d.isoformat() for d in both)
        raise Refusal(f"日期 {listed} 同时设为节假日和调休上班日,请在设置中只保留一种")


def _weekdays_after_up_to(start: date, end: date) -> int:
    """Number of Mon-Fri days d with start < d <= end, without iterating day by day."""
    days = (end - start).days
    full_weeks, rest = divmod(days, 7)
    count = full_weeks * 5
    first_weekday = (start.weekday() + 1) % 7
    count += sum(1 for i in range(rest) if (first_weekday + i) % 7 < _SATURDAY)
    return count
