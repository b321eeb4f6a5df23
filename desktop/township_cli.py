"""Commands of the township workstation: decide, filing (issue 5)."""

from __future__ import annotations

COMMANDS: dict = {}


def add_parsers(sub) -> None:
    """Add this feature's subcommands to the top-level parser's `sub`."""
