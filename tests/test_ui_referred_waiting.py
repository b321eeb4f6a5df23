"""A case referred to the county (转县审批) waits on the county, not the township: the
township's 待决定 leaves it out and names it apart, and its 审批期限 — the whole case's
extended deadline from 受理 (case_extended_days), the county deciding — is the same date
in the township's and the county's queues, on screen and on the command line."""

from __future__ import annotations

import json
from argparse import Namespace
from datetime import date

from desktop.cli.township import queue as queue_command
from desktop.core.deadlines import calendar_for
from desktop.township.decisions import Decisions
from desktop.township.villages import inbox
from desktop.ui.township_queue import QueueWidget
from tests import county_world
from tests.helpers import TODAY
from tests.township_world import case_with

world = county_world.world


def printed_due(store, capsys) -> dict:
    queue_command(Namespace(village="", category="", format="json"), store, TODAY)
    return {r["id"]: r["decision_due"] for r in json.loads(capsys.readouterr().out)}


def shown_due(store, qtbot) -> dict:
    widget = QueueWidget(store, TODAY)
    qtbot.addWidget(widget)
    m = widget.model
    return {m.case_id(i): m.index(i, m.columnCount() - 2).data()[:10]
            for i in range(m.rowCount())}, widget.banner.text()


def test_a_referred_case_waits_on_the_county_with_one_deadline(qtbot, world, capsys):
    referred = case_with(world, world.a, proposed_fen=200_000)
    held = case_with(world, world.a)
    world.up()
    Decisions(world.township, TODAY).refer(referred)
    world.send(world.township, world.county)
    received = world.township.db["applications"].get(referred)["received_on"]
    extended = calendar_for(world.township.policy).add_working_days(
        date.fromisoformat(received), world.township.policy.case_extended_days).isoformat()
    shown, banner = shown_due(world.township, qtbot)
    assert "待决定 1 件 · 转县审批 1 件(待县局决定)" in banner
    assert shown[referred] == extended == printed_due(world.township, capsys)[referred]
    assert shown[held] == printed_due(world.township, capsys)[held]
    county_shown, _ = shown_due(world.county, qtbot)
    assert county_shown == {referred: extended} == printed_due(world.county, capsys)
    awaiting = {v.code: v.awaiting for v in inbox(world.township.db, TODAY,
                                                  world.township.policy)}
    assert awaiting[world.a.workstation["village_code"]] == 1  # the referred one is the county's
