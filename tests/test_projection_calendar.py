"""The projections' calendar (a table of working days, for an import's thousands of
deadlines) counts exactly as the plain calendar's day-by-day walk, in whatever order the
days are asked about: far back, far ahead, 调休 and holidays."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.core.workcalendar import WorkCalendar
from desktop.storage.projections import _RememberingCalendar

HOLIDAYS = [date(2026, 1, 1), date(2026, 2, 16), date(2026, 2, 17), date(2026, 2, 18),
            date(2026, 10, 1), date(2026, 10, 2), date(2026, 10, 5)]
WORKDAYS = [date(2026, 2, 14), date(2026, 2, 28), date(2026, 10, 10)]
DAYS = st.dates(min_value=date(1990, 1, 1), max_value=date(2040, 12, 31)) | st.dates(
    min_value=date(2025, 12, 1), max_value=date(2026, 12, 31))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(DAYS, st.integers(0, 120)), min_size=1, max_size=25))
def test_counts_as_the_walk_does(asked):
    plain, tabled = WorkCalendar(HOLIDAYS, WORKDAYS), _RememberingCalendar(HOLIDAYS, WORKDAYS)
    for start, n in asked:
        assert tabled.add_working_days(start, n) == plain.add_working_days(start, n)


def test_a_month_of_receipts_and_a_far_day_count_as_the_walk_does():
    plain, tabled = WorkCalendar(HOLIDAYS, WORKDAYS), _RememberingCalendar(HOLIDAYS, WORKDAYS)
    days = [date(2026, 2, 1) + timedelta(days=i) for i in range(40)]
    for start in [*days, date(1995, 5, 5), *reversed(days), date(2039, 1, 1)]:
        for n in (0, 1, 3, 10, 30):
            assert tabled.add_working_days(start, n) == plain.add_working_days(start, n)
    assert tabled.add_working_days(date(2026, 2, 13), 1) == date(2026, 2, 14)  # 调休
    assert tabled.add_working_days(date(2026, 2, 13), 2) == date(2026, 2, 19)  # 春节
