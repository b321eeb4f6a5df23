"""`relief-desk demo --training DIR`: a township and three villages, enrolled with each
other, whose cases were made by their own side, so that the whole cycle can be practised
with USB files: report, import, decide, send back, result notice, pay, filing."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.demo.training import TRAINING_PASSPHRASE
from desktop.safety.passphrase import OFFICER_ENV

TODAY = "2026-12-31"
ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def rd(tmp_path, capsys):
    """One command line, as `python -m desktop --data-dir … --today …` runs it."""
    def run(where: str | None, *args: str) -> tuple[int, str, str]:
        place = ["--data-dir", str(tmp_path / "training" / where)] if where else []
        code = main([*place, "--today", TODAY, *args])
        out, err = capsys.readouterr()
        return code, out, err
    return run


@pytest.fixture
def training(rd, tmp_path) -> Path:
    code, out, err = rd(None, "demo", "--training", str(tmp_path / "training"))
    assert code == 0, err
    assert "bundle export" in out and "filing export" in out  # the guide of what to do next
    return tmp_path / "training"


def ok(result) -> str:
    code, out, err = result
    assert code == 0, err
    return out


def carry(rd, root: Path, sender: str, receiver: str, sent_by: str, sent_to: str) -> str:
    """Export at `sender` onto a fresh stick and import there what is meant for `receiver`."""
    usb = root / "usb"
    for old in usb.glob("*"):
        old.unlink()
    out = ok(rd(sender, "bundle", "export", "--to", str(usb)))
    files = sorted(usb.glob(f"{sent_by}至{sent_to}_*.rdbundle"))
    assert files, out
    return ok(rd(receiver, "bundle", "import", *map(str, files)))


def show(rd, where: str, case_id: str) -> dict:
    return json.loads(ok(rd(where, "applications", "show", case_id, "--format", "json")))


def test_the_whole_cycle_runs_with_usb_files_between_real_workstations(rd, training):
    # each village made its own cases, in every state a village reaches alone
    listed = json.loads(ok(rd("village-1", "applications", "list", "--format", "json")))
    assert {"received", "investigated", "deliberated", "reviewed", "on_notice",
            "notice_done"} <= {c["status"] for c in listed}
    ready = sorted(c["id"] for c in listed if c["status"] == "notice_done")
    assert len(ready) >= 2

    # 1. the village reports; the township imports and finds them in its queue
    assert "新事件" in carry(rd, training, "village-1", "township", "石门村", "陈家坊镇")
    queue = json.loads(ok(rd("township", "queue", "--format", "json")))
    assert set(ready) <= {r["id"] for r in queue}
    case, other = ready[0], ready[1]
    facts = show(rd, "township", case)
    amount = facts["proposed_fen"]

    # 2. the township decides and sends its decisions back
    ok(rd("township", "decide", case, "--approve", f"{amount / 100:.2f}"))
    ok(rd("township", "decide", other, "--reject", "家庭人均收入高于当地低保标准"))
    carry(rd, training, "township", "village-1", "陈家坊镇", "石门村")
    assert show(rd, "village-1", case)["status"] == "approved"
    assert show(rd, "village-1", other)["status"] == "rejected"

    # 3. the village posts the result; the township pays what is still owed and files
    ok(rd("village-1", "notice", "result", case))
    carry(rd, training, "village-1", "township", "石门村", "陈家坊镇")
    owed = amount - (facts["paid_first_fen"] or 0)
    ok(rd("township", "pay", case, "--amount", f"{owed / 100:.2f}", "--method", "一卡通"))
    ok(rd("township", "filing", "export", "--to", str(training / "usb")))
    assert show(rd, "township", case)["status"] == "filed"

    # 4. the payment travels back to the village
    carry(rd, training, "township", "village-1", "陈家坊镇", "石门村")
    at_village = show(rd, "village-1", case)
    assert at_village["paid_fen"] == owed
    steps = [h["action"] for h in at_village["history"]]
    assert {"post_result", "pay"} <= set(steps)


def test_the_four_workstations_are_enrolled_with_each_other(rd, training):
    peers = ok(rd("township", "peers"))
    assert all(name in peers for name in ("石门村", "白水村", "龙山村"))
    for village in ("village-1", "village-2", "village-3"):
        assert "陈家坊镇" in ok(rd(village, "peers"))
        (training / village / "stick").mkdir()
        ok(rd(village, "bundle", "export", "--to", str(training / village / "stick")))
    card = training / "cards" / "township.json"
    assert json.loads(card.read_text(encoding="utf-8"))["role"] == "township"


def test_without_a_passphrase_set_the_documented_training_one_opens_the_keys(
        rd, tmp_path, monkeypatch):
    monkeypatch.delenv(OFFICER_ENV)
    code, out, err = rd(None, "demo", "--training", str(tmp_path / "training"))
    assert code == 0, err
    assert TRAINING_PASSPHRASE in out

    def export(passphrase: str) -> subprocess.CompletedProcess:
        env = {**os.environ, OFFICER_ENV: passphrase, "PYTHONPATH": str(ROOT)}
        return subprocess.run(
            [sys.executable, "-m", "desktop", "--data-dir", str(tmp_path / "training/village-2"),
             "--today", TODAY, "bundle", "export", "--to", str(tmp_path / "training/usb")],
            env=env, capture_output=True, text=True, timeout=120)

    refused = export("not-the-passphrase")
    assert refused.returncode == 2 and "口令不对" in refused.stderr
    done = export(TRAINING_PASSPHRASE)
    assert done.returncode == 0, done.stderr
    assert re.search(r"白水村至陈家坊镇_.*\.rdbundle", done.stdout)


def test_a_folder_that_already_holds_workstations_is_refused(rd, training, tmp_path):
    before = sorted(str(p) for p in training.rglob("*"))
    code, out, err = rd(None, "demo", "--training", str(training))
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1 and "已经有工作站" in err
    assert sorted(str(p) for p in training.rglob("*")) == before

    (tmp_path / "other" / "usb").mkdir(parents=True)  # would be overwritten
    code, _, err = rd(None, "demo", "--training", str(tmp_path / "other"))
    assert code == 2 and "usb" in err
    assert [p.name for p in (tmp_path / "other").iterdir()] == ["usb"]

    ok(rd("demo-village", "demo", "--applications", "3"))  # the demo village's own folder
    code, _, err = rd(None, "demo", "--training", str(tmp_path / "training" / "demo-village"))
    assert code == 2 and "已经有工作站" in err
