"""The state machine of an application (DOMAIN.md, "An application's life"), as the rule
book (`desktop.core.rulebook`) defines it: the names most callers use."""

from __future__ import annotations

from desktop.core.rulebook import RECEIVED_EVENT, STEPS, allowed_actions, next_status
from desktop.core.rulebook import rule as action

ACTIONS = STEPS  # the case steps, by code: role, states, label, fields
EVENT_TYPES = {code: r.event for code, r in STEPS.items()}  # the event each step writes

__all__ = ["ACTIONS", "EVENT_TYPES", "RECEIVED_EVENT", "action", "allowed_actions",
           "next_status"]
