"""The features' menus, made from a table: each item says its label, its shortcut and what
it calls. The feature's module is imported and its window (公示管理, 数据交换's panel) built
when an item is first chosen, not while the main window opens (issue 17, item 3): the
first screen shows the ledger, and a menu is only its title until it is opened."""

from __future__ import annotations

from importlib import import_module

from desktop.ui.i18n import QT_TR_NOOP, tr

# The panels a window builds on first use: its attribute → (module, class).
PANELS = {"notice_panel": ("desktop.ui.notice_panel", "NoticePanel"),
          "sync_panel": ("desktop.ui.sync_panel", "SyncPanel")}

ALL = ("village", "township", "county")
POSTING = ("village", "township")  # whose phones are printed on the notices (not the county)
# (title, the window's attribute for the menu, roles that have it, items); an item is
# (label, shortcut, what it calls as "attribute.method" from the window, arguments, roles).
MENUS = (
    (QT_TR_NOOP("公示(&G)"), "notice_menu", ALL, (
        (QT_TR_NOOP("公示管理(&M)…"), None, "notice_panel.show", (), ALL),
        (QT_TR_NOOP("打印选中案件的审批表(&P)…"), "Ctrl+P", "notice_panel.print_form", (), ALL),
        (QT_TR_NOOP("导出台账 PDF(&D)…"), None, "notice_panel.print_register", ("pdf",), ALL),
        (QT_TR_NOOP("导出台账 Excel(&X)…"), None, "notice_panel.print_register", ("xlsx",), ALL),
        (QT_TR_NOOP("异议反映电话(&T)…"), None, "notice_panel.set_phones", (), POSTING))),
    (QT_TR_NOOP("数据交换(&D)"), "sync_menu", ALL, (
        (QT_TR_NOOP("本机身份与指纹(&I)…"), None, "sync_panel.show_identity", (), ALL),
        (QT_TR_NOOP("登记对方工作站(&R)…"), None, "sync_panel.enroll", (), ALL),
        (QT_TR_NOOP("发送到乡镇(导出数据包)(&E)…"), None, "sync_panel.export", (), ("village",)),
        (QT_TR_NOOP("导出数据包(&E)…"), None, "sync_panel.export", (), ("township", "county")),
        (QT_TR_NOOP("导入数据包(&M)…"), None, "sync_panel.import_bundles", (), ALL))),
)
# after 数据安全 and 设置: the village's own 考核 and 低保, as the township sent them
VILLAGE_MENUS = (
    (QT_TR_NOOP("考核(&K)"), "assessment_menu", ("village",), (
        (QT_TR_NOOP("本村月度考核(&M)…"), None, "open_assessment", (), ALL),)),
    (QT_TR_NOOP("低保(&B)"), "dibao_menu", ("village",), (
        (QT_TR_NOOP("本村低保户与复核(&L)…"), None, "show_dibao", (), ALL),)),
)
TOOLBAR = ((QT_TR_NOOP("公示管理"), "notice_panel.show"),)  # after the 案件 actions


def call(window, target: str, *args):
    """Reach `target` from the window (building its panel if need be) and call it."""
    found = window
    for name in target.split("."):
        found = getattr(found, name)
    return found(*args)


def add(window, menus) -> None:
    """The menus of `menus` on the window's menu bar, for the workstation's role."""
    role = window.store.workstation["role"]
    for title, attribute, roles, items in menus:
        if role not in roles:
            continue
        menu = window.menuBar().addMenu(tr(title))
        for label, key, target, args, only in items:
            if role in only:
                action = menu.addAction(tr(label), lambda t=target, a=args: call(window, t, *a))
                if key:
                    action.setShortcuts([key])  # (setShortcut's overloads build `Qt`)
        setattr(window, attribute, menu)


def add_toolbar(window, bar) -> None:
    for label, target in TOOLBAR:
        bar.addAction(tr(label), lambda t=target: call(window, t))


def panel(window, name: str):
    """The window's panel `name`, built the first time it is asked for."""
    built = window.__dict__.get("_" + name)
    if built is None:
        module, kind = PANELS[name]
        built = getattr(import_module(module), kind)(window)
        built.menu = getattr(window, name.replace("_panel", "_menu"), None)
        setattr(window, "_" + name, built)
    return built
