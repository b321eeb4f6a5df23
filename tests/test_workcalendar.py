"""Working-day arithmetic across weekends, holidays and 调休 workdays."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.core.errors import Refusal
from desktop.core.workcalendar import WorkCalendar, parse_holidays

# 2026 National Day arrangement: 10-01 (Thu) .. 10-07 (Wed) off;
# 09-20 (Sun) and 10-10 (Sat) are worked (调休).
NATIONAL_DAY_2026 = [date(2026, 10, d) for d in range(1, 8)]
TIAOXIU_2026 = [date(2026, 9, 20), date(2026, 10, 10)]
CAL_2026 = WorkCalendar(holidays=NATIONAL_DAY_2026, extra_workdays=TIAOXIU_2026)
PLAIN = WorkCalendar()

FRI = date(2026, 6, 5)
SAT = date(2026, 6, 6)
SUN = date(2026, 6, 7)
MON = date(2026, 6, 8)


def test_weekdays_work_weekends_do_not():
    assert FRI.weekday() == 4  # guards the fixture dates
    assert PLAIN.is_working_day(FRI)
    assert not PLAIN.is_working_day(SAT)
    assert not PLAIN.is_working_day(SUN)
    assert PLAIN.is_working_day(MON)


def test_holiday_weekday_is_not_working_and_tiaoxiu_weekend_is():
    assert not CAL_2026.is_working_day(date(2026, 10, 1))  # Thursday, holiday
    assert not CAL_2026.is_working_day(date(2026, 10, 5))  # Monday, holiday
    assert CAL_2026.is_working_day(date(2026, 9, 20))  # Sunday, 调休
    assert CAL_2026.is_working_day(date(2026, 10, 10))  # Saturday, 调休
    assert not CAL_2026.is_working_day(date(2026, 10, 11))  # ordinary Sunday


def test_add_zero_returns_start_even_on_a_weekend():
    assert PLAIN.add_working_days(SAT, 0) == SAT


def test_add_across_a_weekend():
    assert PLAIN.add_working_days(FRI, 1) == MON
    assert PLAIN.add_working_days(FRI, 3) == date(2026, 6, 10)  # 受理 Friday -> Wednesday
    assert PLAIN.add_working_days(SAT, 1) == MON
    assert PLAIN.add_working_days(MON, 5) == date(2026, 6, 15)


def test_add_negative_is_an_error():
    with pytest.raises(ValueError):
        PLAIN.add_working_days(MON, -1)


def test_add_across_the_2026_national_day_holiday():
    # Wed 09-30 + 1 working day: 10-01..07 off, so Thu 10-08.
    assert CAL_2026.add_working_days(date(2026, 9, 30), 1) == date(2026, 10, 8)
    # 10-08 (Thu), 10-09 (Fri), 10-10 (Sat, 调休): the 3rd is the Saturday.
    assert CAL_2026.add_working_days(date(2026, 9, 30), 3) == date(2026, 10, 10)
    # Without the settings the answer is quite different.
    assert PLAIN.add_working_days(date(2026, 9, 30), 3) == date(2026, 10, 5)


def test_add_from_friday_before_a_tiaoxiu_sunday():
    assert CAL_2026.add_working_days(date(2026, 9, 18), 1) == date(2026, 9, 20)


def test_ten_working_day_decision_deadline_over_national_day():
    # Received Fri 09-25: 09-28, 09-29, 09-30, 10-08, 10-09, 10-10, 10-12, 13, 14, 15.
    assert CAL_2026.add_working_days(date(2026, 9, 25), 10) == date(2026, 10, 15)


def test_working_days_between_over_a_weekend():
    assert PLAIN.working_days_between(FRI, MON) == 1
    assert PLAIN.working_days_between(FRI, SUN) == 0
    assert PLAIN.working_days_between(date(2026, 6, 1), date(2026, 6, 8)) == 5


def test_working_days_between_excludes_start_and_includes_end():
    assert PLAIN.working_days_between(MON, MON + timedelta(days=1)) == 1
    assert PLAIN.working_days_between(MON, MON) == 0
    assert PLAIN.working_days_between(MON, FRI) == 0  # end before start


def test_working_days_between_over_national_day():
    # (09-30, 10-12]: 10-08, 10-09, 10-10 (调休), 10-12.
    assert CAL_2026.working_days_between(date(2026, 9, 30), date(2026, 10, 12)) == 4
    # September 2026 has 22 weekdays, plus the 调休 Sunday 09-20.
    assert CAL_2026.working_days_between(date(2026, 8, 31), date(2026, 9, 30)) == 23


def test_listed_day_on_start_is_not_counted():
    # start is the holiday Thu 10-01: (10-01, 10-08] holds only 10-08.
    assert CAL_2026.working_days_between(date(2026, 10, 1), date(2026, 10, 8)) == 1
    # start is the 调休 Saturday 10-10: (10-10, 10-12] holds only Monday 10-12.
    assert CAL_2026.working_days_between(date(2026, 10, 10), date(2026, 10, 12)) == 1


def test_listed_day_on_end_is_counted_by_its_status():
    assert CAL_2026.working_days_between(date(2026, 10, 9), date(2026, 10, 10)) == 1
    assert CAL_2026.working_days_between(date(2026, 9, 30), date(2026, 10, 7)) == 0


def test_a_day_cannot_be_both_holiday_and_workday():
    with pytest.raises(Refusal) as caught:
        WorkCalendar(holidays=[date(2026, 10, 1)], extra_workdays=[date(2026, 10, 1)])
    assert "2026-10-01" in caught.value.message


def test_holidays_accept_any_iterable_once():
    cal = WorkCalendar(holidays=iter(NATIONAL_DAY_2026), extra_workdays=iter(TIAOXIU_2026))
    assert not cal.is_working_day(date(2026, 10, 2))
    assert not cal.is_working_day(date(2026, 10, 2))


# --- parse_holidays -----------------------------------------------------------------------


def test_parse_holidays_with_mixed_separators():
    text = "2026-10-03, 2026-10-01\n2026-10-02  2026-10-01，2026-10-04、\n"
    assert parse_holidays(text) == [date(2026, 10, d) for d in range(1, 5)]


def test_parse_holidays_empty_is_empty():
    assert parse_holidays("") == []
    assert parse_holidays(" \n , ") == []


def test_parse_holidays_full_width_digits():
    assert parse_holidays("２０２６－１０－０１") == [date(2026, 10, 1)]


@pytest.mark.parametrize("bad", ["2026/10/01", "10-01", "20261001", "国庆", "2026-1-1"])
def test_parse_holidays_names_a_malformed_entry(bad):
    with pytest.raises(Refusal) as caught:
        parse_holidays(f"2026-10-01, {bad}, 2026-10-02")
    assert f"「{bad}」" in caught.value.message


def test_parse_holidays_names_an_impossible_date():
    with pytest.raises(Refusal) as caught:
        parse_holidays("2026-02-30")
    assert "「2026-02-30」" in caught.value.message
    assert "不是真实的日期" in caught.value.message


# --- properties ---------------------------------------------------------------------------

DAYS = st.dates(min_value=date(2025, 1, 1), max_value=date(2027, 12, 31))


@st.composite
def calendars(draw):
    holidays = draw(st.sets(DAYS, max_size=20))
    workdays = draw(st.sets(DAYS, max_size=10).map(lambda s: s - holidays))
    return WorkCalendar(holidays=holidays, extra_workdays=workdays)


def count_by_walking(cal: WorkCalendar, start: date, end: date) -> int:
    days = (end - start).days
    return sum(cal.is_working_day(start + timedelta(days=i)) for i in range(1, days + 1))


@given(calendars(), DAYS, DAYS)
def test_between_matches_day_by_day_count(cal, start, end):
    assert cal.working_days_between(start, end) == count_by_walking(cal, start, end)


@given(calendars(), DAYS, st.integers(min_value=0, max_value=60))
def test_add_then_count_gives_n_and_lands_on_a_working_day(cal, start, n):
    end = cal.add_working_days(start, n)
    assert cal.working_days_between(start, end) == n
    if n > 0:
        assert cal.is_working_day(end)
        assert cal.working_days_between(start, end - timedelta(days=1)) == n - 1
