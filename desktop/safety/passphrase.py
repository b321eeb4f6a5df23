"""Getting a passphrase on the command line: from an environment variable (scripts,
tests) or typed at the terminal without echo. Never from an argument: it would stay in
the shell history and in the process list."""

from __future__ import annotations

import getpass
import os
import sys

from desktop.core.errors import Refusal

OFFICER_ENV = "RELIEF_DESK_PASSPHRASE"


def from_terminal(prompt: str, *, confirm: bool = False) -> str | None:
    if not sys.stdin.isatty():
        return None
    first = getpass.getpass(f"{prompt}:")
    if confirm and getpass.getpass("请再输入一次:") != first:
        raise Refusal("两次输入的口令不一致,请重新运行命令。")
    return first or None


def obtain(env: str, prompt: str, *, confirm: bool = False, needed_for: str) -> str:
    """The passphrase from `env`, else typed; refused when neither is possible."""
    value = os.environ.get(env) or from_terminal(prompt, confirm=confirm)
    if not value:
        raise Refusal(f"{needed_for}需要口令:请在终端中运行并输入口令,或设置环境变量 {env}。")
    return value


def install_terminal_prompt() -> None:
    """Sealed keys ask at the terminal when a command first needs them."""
    from desktop.sync import keys

    keys.set_prompt(lambda text: from_terminal(text))
