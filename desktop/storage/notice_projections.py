"""Projections of notice batches (issue 3)."""

from __future__ import annotations

TABLES: tuple[str, ...] = ()


def apply(db, event, policy) -> None:
    """Project `event` into this feature's tables (called for every event)."""
