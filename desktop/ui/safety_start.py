"""The GUI's start, as far as safety goes: check the store before opening it (and offer
the latest good backup when it is damaged), ask the passphrase that opens the keys, and
make sure the window has its 数据安全 menu. app.py calls these three."""

from __future__ import annotations

from pathlib import Path

from desktop.core.errors import Refusal
from desktop.ui.safety_dialogs import ask_passphrase, damaged_store_choice

choose_on_damage = damaged_store_choice  # tests replace these two
ask = ask_passphrase
TRIES = 3


def check_before_open(data_dir: Path) -> None:
    """Clean what a crash left, check the store; on damage: restore, open anyway, or quit."""
    from desktop.safety.restore import restore
    from desktop.safety.startup import examine

    report = examine(data_dir)
    if report.health.ok:
        return
    if report.latest_good is None:
        from desktop.storage.store import Store

        Store.open(data_dir).close()  # a file that is no store at all is refused as such
    choice = choose_on_damage(None, report)
    if choice == "quit":
        raise Refusal(report.advice())
    if choice == "restore":
        officer = ask(None, "请设置本机口令(用来加密恢复后新生成的密钥,至少 6 个字符)。", confirm=True)
        if not officer:
            raise Refusal(report.advice())
        restore(data_dir, report.latest_good, passphrase=None, officer_passphrase=officer)


def install_prompt() -> None:
    """Sealed keys needed later (an export) ask through a dialog."""
    from desktop.sync import keys

    keys.set_prompt(lambda text: ask(None, text + "。"))


def unlock_keys(store) -> bool:
    """Ask the passphrase at start; a wrong one may be tried again, a cancel is allowed
    (the keys are then asked for when a bundle is first made or read)."""
    import os

    from desktop.sync import keys

    data_dir, ws_id = store.path.parent, store.workstation["id"]
    if not keys.is_protected(data_dir) or os.environ.get(keys.PASSPHRASE_ENV):
        return True
    text = "请输入本机口令(用于打开本机密钥,导出、导入数据包时需要)。"
    for _ in range(TRIES):
        secret = ask(None, text)
        if not secret:
            return False
        try:
            keys.unlock(data_dir, ws_id, secret)
            return True
        except keys.WrongPassphrase as exc:
            text = exc.message
    return False


def ensure_menu(window) -> None:
    if not hasattr(window, "safety_panel"):
        from desktop.ui import safety_panel

        safety_panel.install(window)
