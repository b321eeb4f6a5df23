"""The Qt binding the program runs on must not wear Python's None away.

PySide6 6.12.0 on Python 3.11 gives back one reference to None too many on each call of a
Qt method that returns nothing (setText, fillRect …). None has a few thousand references:
the township's monthly chart (three bars for each of hundreds of villages) used them up in
a couple of repaints, and the program died with "deallocating None". pyproject.toml keeps
that release out; this test catches the next one that does the same."""

from __future__ import annotations

import sys

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QLabel

CALLS = 3000


def test_qt_calls_that_return_nothing_leave_none_alone(qapp):
    label = QLabel()
    image = QImage(20, 20, QImage.Format.Format_ARGB32)
    before = sys.getrefcount(None)
    for _ in range(CALLS):
        label.setText("张三")
    painter = QPainter(image)
    for _ in range(CALLS):
        painter.fillRect(QRectF(0, 0, 5, 5), QColor("red"))
    painter.end()
    # a few new references either way are harmless; one lost per call is the bug
    assert sys.getrefcount(None) > before - CALLS // 10
