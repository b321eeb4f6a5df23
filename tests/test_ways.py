"""A message shared by the command line and the GUI names the way to do a thing once
(core/ways.py); each front end shows it in its own words."""

from __future__ import annotations

import re
from pathlib import Path

from desktop.cli import main
from desktop.core.ways import WAYS
from desktop.ui.guard import gui_text

PACKAGE = Path(__file__).resolve().parent.parent / "desktop"


def test_every_way_named_in_a_message_is_in_the_table():
    used = {key for path in PACKAGE.rglob("*.py")
            for key in re.findall(r"way\(['\"]([a-z_]+)['\"]\)", path.read_text("utf-8"))}
    assert used and used <= set(WAYS)


def test_the_command_line_names_the_command_and_the_gui_the_menu(tmp_path, capsys):
    assert main(["--data-dir", str(tmp_path / "empty"), "applications", "list"]) == 2
    err = capsys.readouterr().err
    assert "relief-desk init" in err and "⟦" not in err
    from desktop.core.errors import Refusal
    from desktop.storage.store import Store

    try:
        Store.open(tmp_path / "empty")
    except Refusal as exc:
        shown = gui_text(exc.message)
    assert "relief-desk" not in shown and "--data-dir" not in shown and "⟦" not in shown
