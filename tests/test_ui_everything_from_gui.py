"""Issue 16.3: no message in the GUI tells the officer to type a command; what a command
would do is reachable from the menus (forgotten passphrase, phones, rebuild)."""

from __future__ import annotations

import ast
import re
from pathlib import Path
from types import SimpleNamespace

from conftest import TODAY

import desktop
from desktop.core.ways import way
from desktop.ui import safety_panel
from desktop.ui.guard import gui_text
from desktop.ui.main_window import MainWindow
from desktop.ui.safety_dialogs import FORGOT, PassphraseDialog
from tests.ui_hooks import answer_questions  # noqa: F401

PACKAGE = Path(desktop.__file__).parent
COMMAND = re.compile(r"relief-desk |命令行| --[a-z]")
CJK = re.compile(r"[\u4e00-\u9fff]")
# Modules only the command line runs: their words go to a terminal.
TERMINAL_ONLY = {"cli", "demo"}  # packages whose text is for the terminal


def messages(path: Path):
    """(line, text) of each Chinese string in `path` that is not a docstring; an f-string
    with its placeholders as {}."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings, parts = set(), set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(body, list) and body and isinstance(body[0], ast.Expr) \
                and isinstance(body[0].value, ast.Constant):
            docstrings.add(id(body[0].value))
        if isinstance(node, ast.JoinedStr):
            parts.update(id(v) for v in node.values)
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr):
            text = "".join(v.value if isinstance(v, ast.Constant) else "{}" for v in node.values)
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) \
                and id(node) not in docstrings and id(node) not in parts:
            text = node.value
        else:
            continue
        if CJK.search(text):
            yield node.lineno, text


def test_no_ui_string_names_a_command():
    found = [f"{p.name}:{line} {text}" for p in sorted((PACKAGE / "ui").glob("*.py"))
             if p.name != "guard.py" for line, text in messages(p) if COMMAND.search(text)]
    assert not found


def test_every_message_the_gui_may_show_is_given_a_menu_path_instead():
    """Refusals come from the operations shared with the command line: the GUI shows
    each through gui_text, which must leave no command in any of them."""
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if TERMINAL_ONLY & set(path.parts) or "ui" in path.parts or path.name == "ways.py":
            continue  # ways.py holds each way in both front ends' words
        for line, text in messages(path):
            if COMMAND.search(gui_text(text)):
                found.append(f"{path.relative_to(PACKAGE)}:{line} {gui_text(text)}")
    assert not found


def test_what_to_do_after_a_restore_names_menus():
    from desktop.safety.restore import restored_lines

    done = SimpleNamespace(events=3, replaced="/d/replaced-1", new_id="a" * 32,
                           old_id="b" * 32, unacknowledged=0)
    text = gui_text("\n".join(restored_lines(done)))
    assert not COMMAND.search(text) and "登记对方工作站" in text and "本机身份与指纹" in text


def test_a_forgotten_passphrase_is_reset_from_the_menu(qtbot, store, monkeypatch):
    from desktop.sync import keys

    window = MainWindow(store, TODAY)
    qtbot.addWidget(window)
    panel = window.safety_panel
    said = []
    monkeypatch.setattr(safety_panel.SafetyPanel, "ask_passphrase",
                        lambda self, text, confirm=False: "新的口令-123456")
    monkeypatch.setattr(safety_panel.SafetyPanel, "confirm", lambda self, text: True)
    monkeypatch.setattr(safety_panel.SafetyPanel, "say",
                        lambda self, text, problem=False: said.append(text))
    item = next(a for a in panel.menu.actions() if a.text().startswith("忘记口令"))
    item.trigger()
    data_dir, ws_id = store.path.parent, store.workstation["id"]
    keys.forget()
    assert keys.unlock(data_dir, ws_id, "新的口令-123456").workstation_id == ws_id
    assert "登记对方工作站" in said[-1] and "替换原来的登记" in said[-1]


def test_the_start_up_passphrase_dialog_offers_forgot(qtbot):
    from PySide6.QtWidgets import QPushButton

    dialog = PassphraseDialog("请输入本机口令。", forgot=True)
    qtbot.addWidget(dialog)
    button = next(b for b in dialog.findChildren(QPushButton) if "忘记口令" in b.text())
    dialog.open()
    button.click()
    assert dialog.forgot and not dialog.isVisible()
    assert dialog.ask.__func__(SimpleNamespace(exec=lambda: 0, forgot=True)) == FORGOT


def test_a_wrong_passphrase_message_points_to_the_menu():
    from desktop.sync.keys import WrongPassphrase

    try:
        raise WrongPassphrase(f"口令不对。如果确实忘记了口令,{way('keys_reset')}生成新的密钥")
    except WrongPassphrase as exc:
        shown = gui_text(exc.message)
    assert "relief-desk" not in shown and "忘记口令" in shown


def test_validation_messages_show_no_field_keys():
    from desktop.core.errors import FieldError, ValidationFailed

    exc = ValidationFailed([FieldError("days", "公示天数应在 1 到 60 之间。"),
                            FieldError("members[0].id_number", "第18位校验码不对。")], where="王五")
    shown = gui_text(exc.message)
    assert "days" not in shown and "id_number" not in shown and "公示天数" in shown
