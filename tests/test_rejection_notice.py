"""The written refusal (不予批准通知书) is due within the setting's working days of the
township's rejection; recording its delivery (送达) ends that deadline, and the record
travels to the village like the decision."""

from __future__ import annotations

import pytest

from desktop.cli import main
from desktop.core.errors import Refusal
from desktop.township.decisions import Decisions
from tests.helpers import TODAY
from tests.sync_world import World, status


def due(store, case_id):
    return store.db.execute("SELECT due_kind, due_on FROM applications WHERE id = ?",
                            [case_id]).fetchone()


def test_delivery_ends_the_written_refusal_deadline_and_travels_back(tmp_path, capsys):
    world = World(tmp_path)
    try:
        (case_id,) = world.cases_ready(world.a, 1)
        world.send(world.a, world.township)
        t = world.township
        Decisions(t, TODAY).reject(case_id, "家庭人均收入高于标准")
        assert due(t, case_id)[0] == "rejection_notice"
        t.close()
        code = main(["--data-dir", str(t.path.parent), "--today", TODAY.isoformat(),
                     "notified", case_id, "--how", "邮寄送达"])
        assert code == 0, capsys.readouterr().err
        world.township = t = type(t).open(t.path.parent)
        assert due(t, case_id) == (None, None) and status(t, case_id) == "rejected"
        before = [tuple(r) for r in t.db.execute("SELECT * FROM applications")]
        t.rebuild()
        assert [tuple(r) for r in t.db.execute("SELECT * FROM applications")] == before
        (report,) = world.send(t, world.a)
        assert report.ok and not report.refused
        assert due(world.a, case_id) == (None, None)
        with pytest.raises(Refusal, match="送达方式"):  # not a way of written delivery
            Decisions(t, TODAY).notify_rejection(case_id, "托人带话")
    finally:
        world.close()
