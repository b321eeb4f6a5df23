"""The registry of migration steps: each schema module registers its steps here with
`@migration("0007_…")`, and `migrations.py` imports every schema module. Apart from
`migrations.py` so that no schema module imports the module that imports it (the order
of registration then depended on which module Python loaded first, and a store could
be compared against 0009 before 0008). The steps are kept sorted by their numbered name."""

from __future__ import annotations

import bisect
from typing import Callable

KNOWN: list[str] = []  # every migration this version of the software knows, in order
STEPS: list[tuple[str, Callable]] = []


def migration(name: str):
    """Register a migration step under its numbered name (`0001_…`)."""
    def register(fn: Callable) -> Callable:
        at = bisect.bisect(KNOWN, name)
        KNOWN.insert(at, name)
        STEPS.insert(at, (name, fn))
        return fn
    return register
