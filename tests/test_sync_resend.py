"""Resending everything: when the township's record of what a village holds is wrong (a
stick lost after it was counted, or an acknowledgement that was not true), an officer
sends every event again; the village skips what it has and takes the rest."""

from __future__ import annotations

from desktop.cli import main
from desktop.sync.importer import import_files
from desktop.township.decisions import Decisions
from tests.helpers import TODAY
from tests.sync_world import World, status


def test_resend_sends_what_an_acknowledgement_wrongly_covered(tmp_path, capsys):
    world = World(tmp_path)
    try:
        (case_id,) = world.cases_ready(world.a, 1)
        world.send(world.a, world.township)
        Decisions(world.township, TODAY).approve(case_id, 100_000)
        t = world.township
        with t.transaction():  # the village's acknowledgement reached too far
            t.db.execute("UPDATE peer_acks SET acked_seq = 10000 WHERE peer_id = ?",
                         [world.a.workstation["id"]])
        (tmp_path / "plain").mkdir()
        plain = world.export(t, tmp_path / "plain")
        (report,) = import_files(world.a, [e.path for e in plain
                                           if "石门村" in e.recipient], TODAY)
        assert status(world.a, case_id) == "submitted"  # nothing new came
        out = tmp_path / "again"
        out.mkdir()
        t.close()
        code = main(["--data-dir", str(t.path.parent), "--today", TODAY.isoformat(),
                     "bundle", "export", "--to", str(out), "--resend"])
        assert code == 0, capsys.readouterr().err
        bundles = sorted(p for p in out.iterdir() if "石门村" in p.name)
        (report,) = import_files(world.a, bundles, TODAY)
        assert report.ok and report.new >= 2
        assert status(world.a, case_id) == "approved"
    finally:
        world.close()
