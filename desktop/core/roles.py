"""The roles of workstations as data: the level of the region each one serves, whom it
may enroll, and whether it sends its whole log or only what concerns the recipient.

Enrollment joins a workstation to the one directly above or below it (a village and its
township; a township and its county), and the places must be that parent and child.
Which actions a role performs is in the rule book (`Rule.role`). Adding the county is an
entry here, not new branches in sync."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from desktop.core.editions import record_place
from desktop.core.regions import LEVEL_LABELS, LEVELS, Region, case_village, region


@dataclass(frozen=True)
class Role:
    code: str
    label: str
    level: str  # the region level it serves
    enrolls: tuple[str, ...]  # the roles it may trust
    whole_log: bool  # sends its whole log (a village) or per-recipient slices


ROLES: dict[str, Role] = {r.code: r for r in [
    Role("village", "村级", "village", ("township",), True),
    Role("township", "乡镇民政办", "township", ("village", "county"), False),
    Role("county", "县民政局", "county", ("township",), False),
]}


def relays_to(sender_role: str, recipient_role: str) -> bool:
    """Whether what the sender sends the recipient is a relay: events of several writers
    (a township's villages' and its own, on the cases the county holds), numbered in the
    order the sender queued them rather than by one writer's sequence numbers."""
    return LEVELS[ROLES[recipient_role].level] < LEVELS[ROLES[sender_role].level] and \
        not ROLES[sender_role].whole_log


def region_of(ws: dict) -> Region:
    """The region a workstation (or an identity card) serves, its codes checked."""
    level = ROLES[ws["role"]].level
    return region(ws[f"{level}_code"], level)


def enroll_problem(own: dict, card: dict) -> str:
    """Why `own` may not trust `card` ("" when it may): the role must be one it enrolls,
    and the place directly above or below its own."""
    me = ROLES[own["role"]]
    if card.get("role") not in ROLES or card["role"] not in me.enrolls:
        allowed = "、".join(ROLES[r].label for r in me.enrolls)
        return f"{me.label}工作站只能登记{allowed}的工作站"
    mine, theirs = region_of(own), region_of(card)
    if theirs.parent() is not None and LEVELS[theirs.level] > LEVELS[mine.level]:
        if theirs.parent() != mine:
            return (f"对方(代码 {theirs.code})不属于本{LEVEL_LABELS[mine.level]}"
                    f"(代码 {mine.code})")
    elif mine.parent() != theirs:
        return (f"对方(代码 {theirs.code})不是本{LEVEL_LABELS[mine.level]}所属的"
                f"{LEVEL_LABELS[theirs.level]}(本机代码 {mine.code})")
    return ""


def case_in_scope(case_id: str, *regions: Region) -> bool:
    """Whether the case (or a village's batch record) lies in every region named. An
    edition of policy lies in its issuer's region, which must hold every region named:
    it travels down, never across."""
    issuer = record_place(case_id)
    if issuer is not None:
        return all(issuer.contains(r) for r in regions)
    village = case_village(case_id)
    return bool(village) and _village_in(village, regions)


@functools.lru_cache(maxsize=4096)
def _village_in(village: str, regions: tuple[Region, ...]) -> bool:
    """Asked for every event of every bundle, of a few hundred villages: remembered."""
    place = Region("village", village)
    return all(r.contains(place) for r in regions)


__all__ = ["LEVELS", "ROLES", "Role", "case_in_scope", "enroll_problem", "region_of",
           "relays_to"]
