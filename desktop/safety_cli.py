"""Commands of safety: backup, restore, doctor (issue 7)."""

from __future__ import annotations

COMMANDS: dict = {}


def add_parsers(sub) -> None:
    """Add this feature's subcommands to the top-level parser's `sub`."""
