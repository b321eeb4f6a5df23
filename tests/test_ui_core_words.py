"""The English window shows the domain's words that desktop/core makes in Chinese (status
names, step names, programmes, categories, reasons, deadlines, flags, notice batches,
policy settings, the figures' and 考核's columns) in English: desktop/ui/core_words.py holds every one of them, each has its
English, and the village's ledger, case view and step buttons and the township's monthly
figures show no Chinese where they name them (GUI walk in English, 2026-12-02)."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QSettings, Qt

from desktop.assessment.table import headers as assessment_headers
from desktop.core.assessment_items import ITEMS
from desktop.core.categories import CATEGORIES, PROGRAMS, REASON_LABELS
from desktop.core.deadlines import DUE_LABELS
from desktop.core.setting_labels import SETTING_LABELS
from desktop.core.status import STATUS_LABELS
from desktop.core.workflow import ACTIONS
from desktop.storage.notice_queries import KIND_LABELS
from desktop.storage.notice_queries import STATUS_LABELS as NOTICE_STATES
from desktop.storage.queries import FLAG_LABELS
from desktop.township.figures import MonthlyFigures, VillageFigures, table_rows
from desktop.ui import app as ui_app
from desktop.ui import core_words as cw
from desktop.ui.main_window import MainWindow
from tests.ui_hooks import answer_questions  # noqa: F401
from tests.ui_windows import DEMO_TODAY, demo_village

CJK = re.compile(r"[\u3400-\u9fff]")


def _core_labels() -> dict[str, set[str]]:
    """Every label the core can give the window, by kind."""
    total = VillageFigures("", "合计")  # i18n: data
    figures, _ = table_rows(MonthlyFigures("2026-11", [], total))
    return {
        cw.STATUS: set(STATUS_LABELS.values()),
        cw.STEP: {a.label for a in ACTIONS.values()},
        cw.PROGRAMME: set(PROGRAMS.values()),
        cw.CATEGORY: set(CATEGORIES.values()),
        cw.REASON: set(REASON_LABELS.values()),
        cw.DUE: set(DUE_LABELS.values()) | {t.split("(")[0] for t in DUE_LABELS.values()},
        cw.FLAG: set(FLAG_LABELS.values()),
        cw.SETTING: set(SETTING_LABELS.values()),
        cw.NOTICE: set(KIND_LABELS.values()) | set(NOTICE_STATES.values()),
        cw.COLUMN: set(figures) | {total.name} | set(assessment_headers(list(ITEMS))),
    }


def test_every_word_the_core_makes_is_listed_for_translation():
    listed = cw._words()
    missing = {kind: labels - set(listed[kind]) for kind, labels in _core_labels().items()}
    assert not any(missing.values()), f"add to desktop/ui/core_words._words(): {missing}"


@pytest.fixture
def english(qapp, tmp_path):
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "cfg"))
    assert ui_app.install_translations(qapp, "en")
    yield qapp
    assert ui_app.install_translations(qapp, "zh_CN")


def test_each_word_has_its_english(english):
    chinese = [(kind, label) for kind, labels in _core_labels().items() for label in labels
               if CJK.search(cw.word(kind, label))]
    assert not chinese, chinese
    # one Chinese word, two meanings: the status is not the step
    assert cw.status_word("批准") == "Approved" and cw.step_word("批准") == "Approve"  # i18n: data


def test_the_english_ledger_and_case_name_statuses_and_steps_in_english(english, qtbot,
                                                                        tmp_path):
    window = MainWindow(demo_village(tmp_path / "demo"), DEMO_TODAY)
    qtbot.addWidget(window)
    sidebar = [window.statuses.item(i).text() for i in range(window.statuses.count())]
    assert len(sidebar) > 5 and not [t for t in sidebar if CJK.search(t)], sidebar
    model = window.model
    columns = {model.headerData(c, Qt.Orientation.Horizontal): c for c in range(model.columnCount())}
    for name in ("Status", "Category", "Reason", "Deadline"):
        cells = [model.index(r, columns[name]).data() or "" for r in range(model.rowCount())]
        assert not [t for t in cells if CJK.search(t)], (name, cells[:5])
    view = window.open_case(0)
    qtbot.addWidget(view)
    steps = [b.text() for b in view.buttons.values()]
    assert steps and not [t for t in steps if CJK.search(t)], steps
    # Alt+1, Alt+2 … as in Chinese ("Home visit (&1)…"), not a letter of the words
    from desktop.ui.window_fit import _key_of
    assert [_key_of(t) for t in steps] == [str(n) for n in range(1, len(steps) + 1)], steps
    dialog = view.start(next(iter(view.buttons)))
    assert not CJK.search(dialog.windowTitle().split(" — ")[0]), dialog.windowTitle()
    dialog.reject()


def test_the_english_queue_shows_whole_statuses_and_categories(english, qtbot, tmp_path):
    """The queue's columns were sized for the Chinese words: "Received by township" and
    "Expenditure·Sudden medical costs" were cut to "Received …"."""
    from tests.helpers import TODAY
    from tests.sync_world import World
    from tests.township_world import deliver

    world = World(tmp_path / "world")
    world.cases_ready(world.a, 2)
    deliver(world)
    window = MainWindow(world.township, TODAY)
    qtbot.addWidget(window)
    queue = window.township_panel.queue
    metrics = queue.table.fontMetrics()
    for col, text in ((3, cw.category_word("支出型") + "·" + cw.reason_word("突发必需医疗支出")),
                      (5, cw.status_word("乡镇已接收"))):  # i18n: data
        assert not CJK.search(text) and queue.table.columnWidth(col) > metrics.horizontalAdvance(
            text), (col, text, queue.table.columnWidth(col))
    statuses = [queue.model.index(r, 5).data() for r in range(queue.model.rowCount())]
    assert statuses and set(statuses) == {"Received by township"}
    world.close()


def test_the_english_ledger_shows_whole_words(english, qtbot, tmp_path):
    """The ledger's columns and its list of statuses were sized for the Chinese words:
    "Paid in ad…", "Emerge…", "Received by townsh" (cut by the list's edge)."""
    window = MainWindow(demo_village(tmp_path / "demo"), DEMO_TODAY)
    qtbot.addWidget(window)
    table, model = window.table, window.model
    metrics = table.fontMetrics()
    for col in (4, 5, 8):  # category, reason, status
        for row in range(model.rowCount()):
            text = model.index(row, col).data()
            assert table.columnWidth(col) > metrics.horizontalAdvance(text), (col, text)
    dues = [(model.index(r, 9).data() or "").split(" · ")[0] for r in range(model.rowCount())]
    assert all(table.columnWidth(9) > metrics.horizontalAdvance(t) for t in dues)
    items = [window.statuses.item(i).text() for i in range(window.statuses.count())]
    widest = max(window.statuses.fontMetrics().horizontalAdvance(t) for t in items)
    assert window.statuses.minimumWidth() > widest, (window.statuses.minimumWidth(), widest)


def test_the_english_policy_table_names_its_settings_in_english(english, qtbot, store):
    """The 本机政策 and edition tables named every setting in Chinese."""
    from dataclasses import asdict

    from desktop.ui.policy_table import SettingsTable

    values = asdict(store.policy)
    keys = [k for k in SETTING_LABELS if k in values and not isinstance(values[k], list)][:10]
    table = SettingsTable(values, keys)
    qtbot.addWidget(table)
    names = [table.item(r, 0).text() for r in range(table.rowCount())]
    assert names and not [n for n in names if CJK.search(n)], names
