"""The case's record (办理记录) as the village's and the township's case views show it:
read oldest first, opened at its newest entry."""

from __future__ import annotations


def show_latest(browser) -> None:
    """A record read oldest first opens at its newest entry, the step last taken (it was
    cut off below the fold). The text is laid out in steps, after the view is shown: the
    bar follows each growth while it is at the end, and stays where the officer scrolls."""
    bar = browser.verticalScrollBar()
    if not getattr(browser, "_follows_end", False):
        browser._follows_end = True
        at_end = [True]
        bar.valueChanged.connect(lambda value: at_end.__setitem__(0, value >= bar.maximum()))
        bar.rangeChanged.connect(lambda _low, high: at_end[0] and bar.setValue(high))
    bar.setValue(bar.maximum())
