"""The workstation's passphrase from the GUI: set or change it, and the way out when it
is forgotten (new keys, the same as `relief-desk keys reset`: the cases are untouched,
the township must enroll this workstation again). Also rebuilding the ledger from the
event log. These are items of the 数据安全 menu (safety_panel.install adds them); the
questions go through the SafetyPanel's hooks (ask_passphrase, confirm, say) that tests
replace."""

from __future__ import annotations

from desktop.core.errors import Refusal
from desktop.ui.i18n import QT_TR_NOOP, tr

AFTER_RESET = (QT_TR_NOOP("已生成新的密钥(旧密钥文件已改名保留),案件数据没有任何变化。\n\n"
                          "下一步:\n"
                          "① 菜单“数据交换 → 本机身份与指纹…”:导出新的身份文件,并打印身份信息表;\n"
                          "② 带到乡镇民政办,当面核对新的指纹;\n"
                          "③ 请乡镇在“数据交换 → 登记对方工作站…”中登记这个新文件,并勾选“替换原来的登记”。\n"
                          "乡镇重新登记之前会拒收本机的数据包,数据不会丢失。"))


def change_passphrase(panel) -> bool:
    from desktop.sync import keys

    store = panel.store
    data_dir, ws_id = store.path.parent, store.workstation["id"]
    old = None
    if keys.is_protected(data_dir):
        old = panel.ask_passphrase(tr("请输入现在的本机口令。"))
        if not old:
            return False
    new = panel.ask_passphrase(tr("请设置新的本机口令(至少 6 个字符),导出、导入数据包时需要:"),
                               confirm=True)
    if not new:
        return False
    try:
        keys.change_passphrase(data_dir, ws_id, old, new)
    except Refusal as exc:
        panel.say(exc.message, problem=True)
        return False
    panel.say(tr("本机口令已设置。以后导出、导入数据包时需要输入这个口令。"))
    return True


def reset_keys(panel) -> bool:
    """Forgotten passphrase: new keys under a new passphrase, and what to tell the township."""
    from desktop.sync import keys

    store = panel.store
    if not panel.confirm(tr("忘记口令时只能为本机生成新的密钥:案件数据不受影响,但乡镇需要重新登记"
                            "本机的身份文件,在此之前乡镇会拒收本机的数据包。\n\n确定生成新的密钥吗?")):
        return False
    new = panel.ask_passphrase(tr("请设置新的本机口令(至少 6 个字符),请牢记:"), confirm=True)
    if not new:
        return False
    try:
        keys.reset(store.path.parent, store.workstation["id"], new)
    except Refusal as exc:
        panel.say(exc.message, problem=True)
        return False
    panel.say(tr(AFTER_RESET))
    return True


def rebuild_ledger(panel) -> int | None:
    if not panel.confirm(tr("重建台账会按事件日志重新计算每个案件的状态和金额(日志本身不变)。"
                            "数据检查提示“台账与事件日志不一致”时使用。确定重建吗?")):
        return None
    panel._settle()
    try:
        count = panel.store.rebuild()
    except Refusal as exc:
        panel.say(exc.message, problem=True)
        return None
    panel.window.refresh()
    panel.say(tr("台账已按事件日志重建({count} 个案件)。").format(count=count))
    return count


class _AtStart:
    """The prompts of the start (no window yet), shaped like the SafetyPanel's hooks."""

    def __init__(self, store, ask):
        self.store, self.ask = store, ask

    def ask_passphrase(self, text: str, confirm: bool = False) -> str | None:
        return self.ask(None, text, confirm=confirm)

    def confirm(self, text: str) -> bool:
        from desktop.ui import guard

        return guard.ask_yes(None, text, yes=tr("生成新的密钥"), no=tr("取消"), default_yes=False)

    def say(self, text: str, problem: bool = False) -> None:
        from PySide6.QtWidgets import QMessageBox

        from desktop.ui.guard import gui_text
        from desktop.ui.safety_dialogs import TITLE

        (QMessageBox.warning if problem else QMessageBox.information)(None, tr(TITLE),
                                                                      gui_text(text))


def reset_at_start(store, ask) -> bool:
    """忘记口令 chosen in the passphrase dialog at start; `ask` is the start's own
    passphrase prompt (passed in: this module does not import the start)."""
    return reset_keys(_AtStart(store, ask))
