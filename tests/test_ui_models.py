"""Every item model of the GUI passes qtmodeltester; the ledger pages over many cases."""

from __future__ import annotations

from conftest import TODAY, application_doc, receive
from PySide6.QtCore import Qt

from desktop.storage.queries import LedgerFilter
from desktop.ui.deliberation import VotesModel
from desktop.ui.ledger_model import COLUMNS, LedgerModel
from desktop.ui.members_table import MembersModel
from tests.ui_hooks import answer_questions  # noqa: F401


def test_ledger_model_on_an_empty_store(qtmodeltester, store):
    model = LedgerModel(store, TODAY)
    assert model.rowCount() == 0 and not model.canFetchMore()
    qtmodeltester.check(model)


def test_ledger_model_with_data(qtmodeltester, casework, store):
    ids = receive(casework, 12, spread_days=60)
    casework.step(ids[0], "investigate", {
        "date": TODAY.isoformat(), "investigators": ["甲", "乙"], "methods": ["入户调查"],
        "household_income_fen": 0, "household_expenditure_fen": 0, "findings": "属实"})
    model = LedgerModel(store, TODAY)
    qtmodeltester.check(model)
    assert model.rowCount() == 12
    assert model.headerData(8, Qt.Orientation.Horizontal) == "状态"
    statuses = {model.index(r, 8).data() for r in range(model.rowCount())}
    assert statuses == {"已受理", "已调查"}
    assert model.index(0, 6).data().endswith(".00")
    # an old received case is overdue for its investigation: red row, marked in 期限
    overdue = [r for r in range(model.rowCount()) if model.row(r)["urgency"] == "overdue"]
    assert overdue
    assert "超期" in model.index(overdue[0], 9).data()
    assert model.index(overdue[0], 0).data(Qt.ItemDataRole.BackgroundRole) is not None


def test_ledger_flags_column(casework, store):
    casework.receive(application_doc(1, officer_relative=True, relative_note="村主任之弟"))
    casework.receive(application_doc(1))  # same applicant, same reason, same year
    model = LedgerModel(store, TODAY)
    flags = {model.index(r, len(COLUMNS) - 1).data() for r in range(model.rowCount())}
    assert any("近亲属" in f and "一事一次" in f for f in flags)


def test_ledger_model_pages_over_a_thousand_cases(qtmodeltester, casework, store):
    receive(casework, 1000, spread_days=300)
    model = LedgerModel(store, TODAY, page_size=200)
    assert model.total == 1000
    assert model.rowCount() == 200 and model.canFetchMore()
    model.fetchMore()
    assert model.rowCount() == 400
    while model.canFetchMore():
        model.fetchMore()
    assert model.rowCount() == 1000
    assert len({model.case_id(r) for r in range(1000)}) == 1000
    model.set_filter(LedgerFilter(text="第三村民小组"))
    assert 0 < model.total < 1000 and model.rowCount() <= 200
    qtmodeltester.check(model)


def test_members_model(qtmodeltester, today):
    model = MembersModel(today)
    qtmodeltester.check(model)
    model.insertRows(0, 2)
    model.setData(model.index(0, 0), "王小明")
    model.setData(model.index(0, 1), "11010519491231002X")
    assert model.index(0, 2).data() == "女"
    assert model.index(0, 3).data() == "1949-12-31"
    assert not model.setData(model.index(0, 2), "男")  # derived, read-only
    model.set_errors({(1, "name"): "请填写姓名。"})
    assert model.index(1, 0).data(Qt.ItemDataRole.ToolTipRole) == "请填写姓名。"
    qtmodeltester.check(model)
    model.removeRows(0, 1)
    assert model.members()[0]["name"] == ""
    qtmodeltester.check(model)


def test_votes_model(qtmodeltester, casework):
    ids = receive(casework, 3)
    cases = [{"id": i, "applicant_name": "某", "category": "emergency", "reason": "fire"}
             for i in ids]
    model = VotesModel(cases)
    model.present = 9
    qtmodeltester.check(model)
    model.setData(model.index(1, 0), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    assert model.votes() == {ids[1]: {"votes_for": 9, "votes_against": 0, "votes_abstain": 0,
                                      "conclusion": "同意"}}
    assert not model.setData(model.index(1, 7), "也许")
    model.set_present(11)
    assert model.votes()[ids[1]]["votes_for"] == 11
    qtmodeltester.check(model)
