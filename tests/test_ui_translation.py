"""Issue 16.7: two languages. Every UI string goes through Qt's translation system with
Chinese as the source, every one has its English in resources/i18n/relief_desk_en.ts, the
committed .qm is that .ts compiled, and with English chosen the window (and Qt's own
buttons) are in English. Texts from desktop/core (refusals, status names) stay Chinese."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from conftest import TODAY
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from desktop.ui import app as ui_app
from desktop.ui import preferences
from desktop.ui.i18n import tr

ROOT = Path(__file__).resolve().parent.parent
UI = ROOT / "desktop" / "ui"
TS = ROOT / "resources" / "i18n" / "relief_desk_en.ts"
QM = TS.with_suffix(".qm")
CJK = re.compile(r"[\u3400-\u9fff\u3000-\u303f\uff00-\uffef]")
PLACEHOLDER = re.compile(r"\{[^{}]*\}")
WRAPPERS = {"tr", "QT_TR_NOOP"}
DATA_MARK = "i18n: data"  # a statement whose Chinese is data (recorded values, keys)


def _call_name(node) -> str | None:
    if isinstance(node, ast.Call):
        f = node.func
        return f.id if isinstance(f, ast.Name) else f.attr if isinstance(f, ast.Attribute) else None
    return None


def untranslated_literals(source: str) -> list[tuple[int, str]]:
    """Chinese string literals of a UI module that lupdate cannot extract: outside tr() /
    QT_TR_NOOP(), in an f-string given to tr(), or a tr() inside an f-string. Docstrings,
    comparisons and dictionary look-ups are data, and so is a statement marked DATA_MARK."""
    tree = ast.parse(source)
    lines = source.splitlines()
    parent = {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}

    def ancestors(node):
        while node in parent:
            node = parent[node]
            yield node

    def exempt(node) -> bool:
        p = parent.get(node)
        if isinstance(p, ast.Expr) and isinstance(parent.get(p), (ast.Module, ast.ClassDef,
                                                                  ast.FunctionDef)):
            return True  # a docstring
        for a in ancestors(node):
            if isinstance(a, ast.Compare) or (isinstance(a, ast.Subscript) and a.slice is not None
                                              and node in ast.walk(a.slice)):
                return True
            if isinstance(a, ast.stmt):  # the statement, or a comment line just above it
                above = lines[a.lineno - 2].strip() if a.lineno > 1 else ""
                return any(DATA_MARK in line for line in lines[a.lineno - 1:a.end_lineno]) \
                    or (above.startswith("#") and DATA_MARK in above)
        return False

    found = []
    for node in ast.walk(tree):
        name = _call_name(node)
        if name in WRAPPERS:
            for arg in node.args[:1]:
                if isinstance(arg, ast.JoinedStr):
                    found.append((node.lineno, f"f-string in {name}()"))
            literal = node.args and isinstance(node.args[0], ast.Constant)
            if name == "tr" and literal and any(isinstance(a, ast.FormattedValue)
                                                for a in ancestors(node)):
                found.append((node.lineno, "tr() inside an f-string"))
        if not (isinstance(node, ast.Constant) and isinstance(node.value, str)
                and CJK.search(node.value)):
            continue
        wrapped = any(_call_name(a) in WRAPPERS and any(node in ast.walk(x) for x in a.args[:1])
                      for a in ancestors(node))
        if not wrapped and not exempt(node):
            found.append((node.lineno, node.value))
    return found


def test_every_chinese_literal_in_the_ui_goes_through_tr():
    problems = [f"{path.name}:{line}: {text!r}" for path in sorted(UI.glob("*.py"))
                for line, text in untranslated_literals(path.read_text(encoding="utf-8"))]
    assert not problems, "UI text not wrapped in tr():\n" + "\n".join(problems)


def test_the_checker_catches_what_lupdate_would_miss():
    source = '''
from desktop.ui.i18n import tr
def f(x):
    a = "没有包起来"
    b = tr(f"第 {x} 件")
    c = f"{tr('里面')}"
    d = tr("包好了") + x["键"]
    if x == "比较":
        pass
    e = {"k": "数据"}  # i18n: data
'''
    found = [text for _, text in untranslated_literals(source)]
    assert found.count("没有包起来") == 1 and "f-string in tr()" in found
    assert "tr() inside an f-string" in found
    assert not {"包好了", "键", "比较", "数据"} & set(found)


def _tool(name: str, *args: str) -> None:
    """pyside6-lupdate / pyside6-lrelease of the installed PySide6 (any platform)."""
    code = f"import sys; from PySide6.scripts.pyside_tool import {name}; sys.exit({name}())"
    done = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True,
                          cwd=ROOT, timeout=120)
    assert done.returncode == 0, done.stderr


def _messages(path: Path) -> dict[tuple[str, str], ET.Element]:
    """(source, disambiguation) → translation element."""
    return {(m.findtext("source"), m.findtext("comment") or ""): m.find("translation")
            for m in ET.parse(path).getroot().iter("message")}


def test_every_ui_string_has_an_english_translation(tmp_path):
    extracted = tmp_path / "now.ts"
    _tool("lupdate", *sorted(str(p.relative_to(ROOT)) for p in UI.glob("*.py")),
          "-ts", str(extracted), "-locations", "none")
    wanted = _messages(extracted)
    assert len(wanted) > 500  # the extraction really ran over the UI
    english = _messages(TS)
    problems = []
    for source, disambiguation in wanted:
        translation = english.get((source, disambiguation))
        if translation is None or translation.get("type") in ("unfinished", "obsolete") \
                or not (translation.text or "").strip():
            problems.append(f"not translated: {source!r}")
            continue
        text = translation.text
        if set(PLACEHOLDER.findall(source)) != set(PLACEHOLDER.findall(text)):
            problems.append(f"placeholders differ: {source!r} → {text!r}")
        if "&" in source.replace("&&", "") and "&" not in text:
            problems.append(f"access key lost: {source!r} → {text!r}")
    assert not problems, "run build_scripts/i18n.sh and translate:\n" + "\n".join(problems)


@pytest.mark.parametrize("ts", sorted(TS.parent.glob("*.ts")), ids=lambda p: p.stem)
def test_the_committed_catalogue_is_the_ts_compiled(tmp_path, ts):
    fresh = tmp_path / "fresh.qm"
    _tool("lrelease", "-silent", str(ts), "-qm", str(fresh))
    committed = ts.with_suffix(".qm")
    assert committed.read_bytes() == fresh.read_bytes(), "run build_scripts/i18n.sh --compile"


@pytest.fixture
def settings_dir(tmp_path):
    """QSettings of this test only (never the user's own)."""
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "cfg"))
    return tmp_path / "cfg"


@pytest.fixture
def english(qapp, settings_dir):
    """The interface in English as at a start with English chosen; afterwards the
    application is Chinese again for the other tests."""
    assert ui_app.install_translations(qapp, "en")
    yield qapp
    assert ui_app.install_translations(qapp, "zh_CN")


def _texts(window) -> list[str]:
    """The menus' titles and their items' texts."""
    return [t for top in window.menuBar().actions()
            for t in [top.text(), *(item.text() for item in top.menu().actions())] if t]


def test_the_english_window_is_in_english(english, qtbot, store):
    from desktop.ui.main_window import MainWindow

    window = MainWindow(store, TODAY)
    qtbot.addWidget(window)
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles[:2] == ["&Cases", "&Notices"] and "Se&ttings" in titles
    assert "Data &safety" in titles and "&Data exchange" in titles
    case_items = [a.text() for a in window.case_menu.actions()]
    assert "&New application" in case_items and "&Open selected case" in case_items
    assert window.model.headerData(1, Qt.Orientation.Horizontal) == "Applicant"
    assert window.footer.text().startswith("0 case(s) · today 2025-06-16")
    chinese = [t for t in _texts(window) if CJK.search(t) and "Language" not in t
               and t != "中文(&Z)"]
    assert not chinese, chinese
    panel = window.notice_panel
    assert panel.windowTitle() == "Public notices"
    assert panel.buttons["新建初审公示"].text() == "&New preliminary notice"
    # Qt's own buttons follow the language (qtbase_en), as the file dialogs do.
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text().replace("&", "") == "Cancel"


def test_chinese_is_the_default_and_shows_the_source(qapp, settings_dir):
    assert preferences.saved_language() == "zh_CN"
    assert tr("民生救助工作台") == "民生救助工作台"


def test_the_file_dialog_is_all_in_chinese(qapp, settings_dir):
    """Qt's own file dialog (the one shown where the system has none of its own) named
    its folder and type boxes in English: Qt 6.11 gave them access keys and Qt's Chinese
    catalogue kept the old names. Every label and button of it is Chinese now."""
    from PySide6.QtWidgets import QFileDialog, QLabel, QPushButton

    assert ui_app.install_translations(qapp, "zh_CN")
    dialog = QFileDialog(None, "选择数据包")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    texts = [w.text() for kind in (QLabel, QPushButton) for w in dialog.findChildren(kind)
             if w.text() and w.isVisibleTo(dialog)]
    assert "查找范围(&L)：" in texts and "文件类型(&T)：" in texts  # Qt's own colon
    assert not [t for t in texts if re.search(r"[A-Za-z]{3}", t)], texts
    dialog.deleteLater()


def test_the_language_setting_is_remembered_and_applies_at_the_next_start(qtbot, store,
                                                                         settings_dir):
    from desktop.ui.main_window import MainWindow

    window = MainWindow(store, TODAY)
    qtbot.addWidget(window)
    assert window.language_actions["zh_CN"].isChecked()
    window.language_actions["en"].trigger()
    assert preferences.saved_language() == "en"
    said = window.statusBar().currentMessage()
    assert "下次打开" in said and "next start" in said
    assert window.menuBar().actions()[0].text() == "案件(&A)"  # this window stays as it is
    try:
        assert ui_app.install_translations(QApplication.instance())  # the next start
        assert tr("民生救助工作台") == "Relief Desk"
    finally:
        assert ui_app.install_translations(QApplication.instance(), "zh_CN")
    assert tr("民生救助工作台") == "民生救助工作台"


def test_an_english_message_keeps_the_word_before_its_colon(english):
    """The GUI drops a validation message's field keys ("days: …"); an English sentence's
    last word before a colon is no key ("fill in or correct: Findings" lost "correct: ")."""
    from desktop.core.errors import FieldError, ValidationFailed
    from desktop.ui.guard import gui_text

    summary = tr("还有 {n} 处需要填写或修改:{items}").format(n=2, items="Findings; Visit date")
    assert gui_text(summary) == summary and "correct: Findings" in summary
    keys = ValidationFailed([FieldError("days", "公示天数应在 1 到 60 之间。"),
                             FieldError("members[0].id_number", "第18位校验码不对。")], where="王五")
    assert gui_text(keys.message) == "王五: 公示天数应在 1 到 60 之间。 第18位校验码不对。"


def test_the_english_county_names_the_campaign_button_it_says_to_click(english, qtbot,
                                                                       tmp_path):
    """The county's 清理检查 box said 'Click "Open a dibao check"' beside a button reading
    "Open campaign…" (two Englishes for 清理检查)."""
    from PySide6.QtWidgets import QPushButton

    from desktop.ui.dibao_county_campaign import CountyCampaignBox
    from tests.county_world import CountyWorld

    world = CountyWorld(tmp_path / "world")
    box = CountyCampaignBox(world.county, TODAY)
    qtbot.addWidget(box)
    quoted = re.search(r'"([^"]+)"', box.state.text()).group(1)
    buttons = [b.text().replace("&", "").rstrip("…") for b in box.findChildren(QPushButton)]
    assert quoted in buttons, (quoted, buttons)
    world.close()
