"""Villages named at the county (issue 14): the county enrolls townships, not villages;
each township tells it the name and officer of the villages it enrolled, a record in
the relay checked at the county as the township's word, and the county shows every
village as "name(code)"."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from desktop.core.errors import Refusal
from desktop.core.rulebook import check_recorded
from desktop.storage.eventlog import Event
from desktop.storage.village_cards import cards
from desktop.sync.bundle import BundleRefused
from desktop.sync.verify import check_scope
from desktop.township.decisions import Decisions
from desktop.township.queue import QueueFilter, queue_page
from desktop.township.villages import village_names
from tests import county_world
from tests.helpers import TODAY
from tests.township_world import case_with

world = county_world.world  # the fixture: a county, its townships and villages
CARD = {"village_code": "430522101201", "village": "石门村", "officer": "刘民生",
        "date": TODAY.isoformat()}


def test_the_county_shows_each_village_by_its_name_and_code(world):
    case_id = case_with(world, world.a, proposed_fen=200_000)
    world.up()
    Decisions(world.township, TODAY).refer(case_id)
    world.send(world.township, world.county)
    (row,) = queue_page(world.county.db, QueueFilter(), TODAY, world.county.policy, 0, 10)
    assert row["village_name"] == "石门村(430522101201)"
    # every village the township enrolled, with or without a case at the county
    assert cards(world.county.db) == {"430522101201": ("石门村", "刘民生"),
                                      "430522101202": ("白水村", "陈白水")}
    assert village_names(world.county.db)["430522101202"] == "白水村(430522101202)"
    # the township still names its villages by their cards, as before
    assert village_names(world.township.db)["430522101201"] == "石门村"


def test_a_name_is_told_once_and_again_when_it_changes(world):
    world.send(world.township, world.county)
    world.send(world.township, world.county)
    told = "SELECT COUNT(*) FROM events WHERE type = 'VillageNamed'"
    assert world.township.db.execute(told).fetchone()[0] == 2
    world.township.db.execute("UPDATE peers SET officer = '新民生' WHERE village = '石门村'")
    world.send(world.township, world.county)
    assert world.township.db.execute(told).fetchone()[0] == 3
    assert cards(world.county.db)["430522101201"] == ("石门村", "新民生")


@pytest.mark.parametrize("record, change, message", [
    ("430522101202-CARD", {}, "不符"),  # the record names another village than its fields
    ("430522101000-CARD", {"village_code": "430522101000"}, "后三位不为 000"),
    ("430522101201-CARD", {"village": ""}, "村名"),
])
def test_a_township_record_of_a_village_is_checked_by_the_rule_book(world, record, change,
                                                                   message):
    with pytest.raises(Refusal, match=message):
        check_recorded("VillageNamed", record, {**CARD, **change}, None, role="township",
                       today=TODAY, policy=world.county.policy)
    with pytest.raises(Refusal, match="不能由发送方这一级办理"):
        check_recorded("VillageNamed", "430522101201-CARD", CARD, None, role="village",
                       today=TODAY, policy=world.county.policy)


def test_a_township_cannot_name_another_townships_village(world):
    """The other township's word on 陈家坊镇's village is outside its place: refused whole."""
    other = world.other.workstation
    forged = Event(other["id"], 1, "", "0" * 64, "2026-12-31T00:00:00+00:00", "周乡镇",
                   "430522101201-CARD", "VillageNamed", CARD)
    with pytest.raises(BundleRefused, match="超出发送方的权限"):
        check_scope([forged], dict(other, workstation_id=other["id"]),
                    world.county.workstation, "forged.rdbundle", relayed_from=set())


def test_the_county_ledger_names_the_village_beside_its_group(qtbot, world):
    from desktop.ui.ledger_model import LedgerModel

    case_id = case_with(world, world.a, proposed_fen=200_000)
    world.up()
    Decisions(world.township, TODAY).refer(case_id)
    world.send(world.township, world.county)
    model = LedgerModel(world.county, TODAY)
    group = world.county.db["applications"].get(case_id)["group_name"]
    assert model.headerData(3, Qt.Orientation.Horizontal) == "村 · 村民小组"
    assert model.data(model.index(0, 3)) == f"石门村(430522101201) {group}"
    village = LedgerModel(world.a, TODAY)  # a village's own ledger is as it was
    assert village.data(village.index(0, 3)) == group
