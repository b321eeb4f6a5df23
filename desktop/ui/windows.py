"""The windows and translators the application keeps alive: Qt deletes a top-level window
whose Python object is collected, so whoever opens one (the start, a restore that
replaces the main window) puts it here."""

from __future__ import annotations

KEEP: list = []
