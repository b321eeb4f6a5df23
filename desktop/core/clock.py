"""The one place the program asks what time and what day it is.

Stamps (when an event was recorded, a bundle imported, a peer enrolled) are instants in UTC,
so that they sort and compare the same on every workstation. A *day* is the officer's day:
China's calendar date (UTC+8, no daylight saving). A case received at 07:30 on 1 January in
a village belongs to the new year, even though it is still 31 December in UTC and whatever
time zone the laptop happens to be set to; a bundle imported at 07:30 on 1 December counts
in December's 考核. So every day the program derives — today, the day of a stamp — is taken
here, never with `date.today()` or a stamp's first ten characters.

Tests set the clock through `set_to` (the `clock` fixture in tests/conftest.py), so that a
test's world does not depend on the day the suite happens to run.
"""

from __future__ import annotations

from contextlib import contextmanager
from datetime import date, datetime, timedelta, timezone

CHINA = timezone(timedelta(hours=8), "CST")  # 北京时间: one zone for the whole country

_shift = timedelta(0)  # changed only by tests, through set_to


def now() -> datetime:
    """This instant, in UTC."""
    return datetime.now(timezone.utc) + _shift


def now_utc() -> str:
    """This instant as the stamp the log and the sync tables keep."""
    return now().isoformat(timespec="microseconds")


def today() -> date:
    """The officer's date now: China's calendar day."""
    return now().astimezone(CHINA).date()


def file_stamp(moment: datetime | None = None) -> str:
    """A file name's time ('YYYYMMDD-HHMMSS'): China's, like the officer's day, so that a
    backup taken at 07:30 on 1 December is named and counted as that day's whatever zone
    the laptop is set to (a second-hand laptop often keeps its seller's). `moment`: an
    aware instant, or a naive one taken as China's time (tests)."""
    moment = now() if moment is None else moment
    if moment.tzinfo is not None:
        moment = moment.astimezone(CHINA)
    return f"{moment:%Y%m%d-%H%M%S}"


def day_of(stamp: str) -> date:
    """The officer's date of a stored UTC stamp (a naive stamp is taken as UTC)."""
    at = datetime.fromisoformat(stamp)
    if at.tzinfo is None:
        at = at.replace(tzinfo=timezone.utc)
    return at.astimezone(CHINA).date()


def local_minute(stamp: str) -> str:
    """A stored UTC stamp as the officer reads a time: 'YYYY-MM-DD HH:MM', China's time
    ('' for no stamp)."""
    if not stamp:
        return ""
    at = datetime.fromisoformat(stamp)
    if at.tzinfo is None:
        at = at.replace(tzinfo=timezone.utc)
    return f"{at.astimezone(CHINA):%Y-%m-%d %H:%M}"


@contextmanager
def set_to(moment: datetime):
    """Until the block ends, the program's clock runs on from `moment` (aware; a naive one
    is China's time) instead of the wall clock's time. It keeps running, so stamps taken one
    after another still sort in the order they were taken. For tests: a world whose stamps
    and days are the test's, not those of the day the suite runs."""
    global _shift
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=CHINA)
    before = _shift
    _shift = moment - datetime.now(timezone.utc)
    try:
        yield
    finally:
        _shift = before
