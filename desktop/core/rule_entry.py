"""What one entry of the rule book (`core/rulebook.py`) is: the action's code, its event,
who performs it, its fields and check, the states it goes between; and `entry`, which
makes one (apart from the book so that the book is its entries and the checks reading
them)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from desktop.core import steps_normal
from desktop.core.status import Status

VILLAGE, TOWNSHIP, COUNTY = "village", "township", "county"
SIDES = {VILLAGE: "村级民生员", TOWNSHIP: "乡镇民政办", COUNTY: "县民政局"}


@dataclass(frozen=True)
class Rule:
    code: str  # the action, as typed in `step APP_ID CODE`
    event: str  # the event it writes to the log
    label: str
    role: str  # the side that performs it: the single writer of its fields
    keys: tuple[str, ...]  # its fields; any other key is refused
    check: Callable  # (errors, fields, facts, today, policy) -> normalised fields
    sources: frozenset = frozenset()  # states it starts from (none: it makes the record)
    target: Callable[[dict], Status] | None = None  # the state after it
    emergency_only: bool = False  # 急难型 cases only (先行救助)
    case_step: bool = True  # a step on one case (else the application or a batch fact)
    also_by: frozenset = frozenset()  # other roles that perform it (policy: every issuer)
    # a record that is no case: why its id does not name what its fields name ("" if it does)
    place_problem: Callable[[str, dict], str] | None = None
    # recorded only as what arrived from above is passed on: never offered to an officer
    on_import: bool = False
    # (fields, facts, today, policy): true only where `check` keeps them as they are
    normal: Callable | None = None

    def performed_by(self, role: str) -> bool:
        return role == self.role or role in self.also_by


def fixed(status: Status) -> Callable[[dict], Status]:
    return lambda fields: status


def entry(code, event, label, role, keys, check, sources=(), target=None, **kw) -> Rule:
    kw.setdefault("normal", steps_normal.NORMAL_OF.get(check))
    return Rule(code, event, label, role, tuple(keys), check, frozenset(sources), target, **kw)
