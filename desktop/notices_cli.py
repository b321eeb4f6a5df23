"""Commands of public notices and printed documents: notice, form (issue 3)."""

from __future__ import annotations

COMMANDS: dict = {}


def add_parsers(sub) -> None:
    """Add this feature's subcommands to the top-level parser's `sub`."""
