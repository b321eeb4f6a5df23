"""Answers to the GUI's modal questions for tests (a modal `exec()` would block them):
import `answer_questions` into a test module and every question is answered yes and kept
in the list the fixture returns."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def answer_questions(monkeypatch):
    from desktop.ui import guard

    asked: list[str] = []

    def ask_yes(_parent, text, yes="确定", no="取消", default_yes=True):
        asked.append(text)
        return True

    monkeypatch.setattr(guard, "ask_yes", ask_yes)
    return asked


def wait_for_work(qtbot, timeout: int = 30000) -> None:
    """Until every background job (desktop.ui.worker) has ended and its result has
    reached the window: a job's callbacks run before it is forgotten."""
    from desktop.ui import background

    qtbot.waitUntil(lambda: not background._jobs, timeout=timeout)
