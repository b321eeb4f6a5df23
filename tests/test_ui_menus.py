"""The features' menus come from a table (ui/menus.py): the window opens with every item,
and a feature's window is built when its item is first chosen (issue 17, item 3)."""

from __future__ import annotations

from desktop.ui import menus
from desktop.ui.main_window import MainWindow
from tests.helpers import TODAY, make_store


def test_the_notice_window_is_built_when_its_menu_item_is_first_chosen(qtbot, tmp_path):
    store = make_store(tmp_path)
    win = MainWindow(store, TODAY)
    qtbot.addWidget(win)
    win.show()
    assert "_notice_panel" not in win.__dict__  # not built with the window
    win.notice_menu.actions()[0].trigger()  # 公示管理(&M)…
    assert win.notice_panel.isVisible()
    assert win.notice_panel.menu is win.notice_menu
    store.close()


def test_every_item_of_the_table_reaches_what_it_opens(qtbot, tmp_path):
    store = make_store(tmp_path)
    win = MainWindow(store, TODAY)
    qtbot.addWidget(win)
    for _title, _menu, _roles, items in menus.MENUS + menus.VILLAGE_MENUS:
        for label, _key, target, _args, _only in items:
            found = win
            for name in target.split("."):
                found = getattr(found, name)
            assert callable(found), label
    store.close()


def _access_keys(win) -> list[str]:
    """The Alt+letter of each menu on the menu bar, as Qt reads it from its title."""
    import re

    keys = []
    for action in win.menuBar().actions():
        found = re.search(r"&(\w)", action.text().replace("&&", ""))
        if found:
            keys.append(found.group(1).upper())
    return keys


def test_every_menu_of_the_village_and_the_township_has_its_own_alt_key(qtbot, tmp_path):
    """Alt+D opened 数据交换 and 低保 in turn: each menu title has a key of its own."""
    for role in ("village", "township"):
        store = make_store(tmp_path, role)
        win = MainWindow(store, TODAY)
        qtbot.addWidget(win)
        keys = _access_keys(win)
        assert len(keys) == len(win.menuBar().actions()) >= 6, (role, keys)
        assert len(set(keys)) == len(keys), (role, keys)
        store.close()
