"""Hostile files other than a bundle's events (issue 12, items 5 and 6): text that
looks like a formula in CSV and Excel output, and a lone surrogate in any JSON the
command line reads — refused with exit 2 and one line, nothing changed."""

from __future__ import annotations

import csv
import io
import json

import pytest

from desktop.cli import main
from tests.test_cli import INIT, TODAY, application

TOWNSHIP_INIT = [a for a in INIT if a not in ("--village", "石门村", "--village-code",
                                               "430522101201")]
TOWNSHIP_INIT[TOWNSHIP_INIT.index("village")] = "township"
HOSTILE_GROUP = '=HYPERLINK("http://evil.example/x","点我")'


@pytest.fixture
def rd(tmp_path, capsys):
    def run(*args):
        code = main(["--data-dir", str(tmp_path / "data"), "--today", TODAY, *args])
        out, err = capsys.readouterr()
        return code, out, err
    assert run(*INIT)[0] == 0
    return run


def _add(rd, tmp_path, doc, name="apps.json") -> tuple[int, str, str]:
    path = tmp_path / name
    path.write_text(json.dumps([doc], ensure_ascii=True), encoding="utf-8")
    return rd("applications", "add", str(path))


def test_csv_cells_that_look_like_formulas_are_neutralised(rd, tmp_path):
    doc = application(name="王䶮")
    doc["applicant"]["group"] = HOSTILE_GROUP
    doc["reason_detail"] = "@SUM(1+1)"
    assert _add(rd, tmp_path, doc)[0] == 0
    code, out, _ = rd("applications", "list", "--format", "csv")
    assert code == 0
    (row,) = list(csv.DictReader(io.StringIO(out)))
    texts = [v for v in row.values() if v]
    assert not [v for v in texts if v.startswith(("=", "+", "-", "@", "\t", "\r"))]
    assert "'" + HOSTILE_GROUP in texts
    assert row["requested_fen"] == "300000"  # numbers stay numbers
    assert row["applicant_name"] == "王䶮"


def test_a_lone_surrogate_in_an_application_file_is_bad_input(rd, tmp_path):
    before = rd("applications", "list", "--format", "json")[1]
    code, out, err = _add(rd, tmp_path, application(name="王\ud800"))
    assert code == 2
    assert "代理项" in err and len(err.strip().splitlines()) == 1
    assert rd("applications", "list", "--format", "json")[1] == before


def test_a_lone_surrogate_in_step_fields_is_bad_input(rd, tmp_path):
    assert _add(rd, tmp_path, application())[0] == 0
    case_id = json.loads(rd("applications", "list", "--format", "json")[1])[0]["id"]
    path = tmp_path / "step.json"
    path.write_text('{"findings": "\\udc00"}', encoding="utf-8")
    code, _, err = rd("step", case_id, "investigate", "--json", str(path))
    assert code == 2 and "代理项" in err


def test_a_lone_surrogate_in_an_identity_card_is_bad_input(rd, tmp_path, capsys):
    """The village's card, altered, handed to a township to enroll."""
    card = tmp_path / "card.json"
    assert rd("identity", "export", "-o", str(card))[0] == 0
    doc = json.loads(card.read_text(encoding="utf-8"))
    doc["officer"] = "刘\ud800"
    card.write_text(json.dumps(doc, ensure_ascii=True), encoding="utf-8")
    township = ["--data-dir", str(tmp_path / "township"), "--today", TODAY]
    assert main([*township, *TOWNSHIP_INIT]) == 0
    capsys.readouterr()
    assert main([*township, "enroll", str(card), "--fingerprint", "0" * 30]) == 2
    assert "代理项" in capsys.readouterr().err
    assert main([*township, "peers"]) == 0
    assert "尚未登记" in capsys.readouterr().out


def _with_header(backup_file, change) -> None:
    """Rewrite the clear header of a .rdbackup (the AEAD would refuse it later: the point
    is what happens before)."""
    import struct

    from desktop.safety import vault

    raw = backup_file.read_bytes()
    start = len(vault.MAGIC)
    size = struct.unpack(">I", raw[start:start + 4])[0]
    header = json.loads(raw[start + 4:start + 4 + size])
    change(header)
    head = json.dumps(header, sort_keys=True).encode("utf-8")
    backup_file.write_bytes(vault.MAGIC + struct.pack(">I", len(head)) + head
                            + raw[start + 4 + size:])


@pytest.mark.parametrize("kdf", [
    {"name": "argon2id", "memory_cost": 1024 * 1024, "iterations": 64, "lanes": 4},
    {"name": "argon2id", "memory_cost": 64 * 1024, "iterations": 3, "lanes": 10 ** 6},
    {"name": "scrypt", "n": 2 ** 24, "r": 8, "p": 1},
    {"name": "scrypt", "n": 2 ** 15, "r": 8, "p": 10 ** 6},
])
def test_a_backup_asking_for_a_huge_key_derivation_is_refused_at_once(
        rd, tmp_path, capsys, monkeypatch, kdf):
    """1 GiB x 64 passes took restore 70 s before it refused; now no derivation runs."""
    from cryptography.hazmat.primitives.kdf import argon2, scrypt

    usb = tmp_path / "usb"
    usb.mkdir()
    assert rd("backup", "--to", str(usb))[0] == 0
    (backup_file,) = usb.glob("*.rdbackup")
    _with_header(backup_file, lambda h: h["kdf"].update(kdf))
    ran = []

    def derivation(*args, **kwargs):
        ran.append(kwargs)
        raise RuntimeError("the key derivation ran")
    monkeypatch.setattr(argon2, "Argon2id", derivation)
    monkeypatch.setattr(scrypt, "Scrypt", derivation)
    before = rd("applications", "list", "--format", "json")[1]
    code, _, err = rd("restore", str(backup_file))
    assert (code, ran) == (2, [])
    assert "口令计算量超出" in err and len(err.strip().splitlines()) == 1
    assert rd("applications", "list", "--format", "json")[1] == before


def test_the_kdf_bounds_admit_what_the_app_writes():
    from desktop.safety import kdf

    kdf.check_params({"name": "argon2id", "salt": "00" * 16, "iterations": 3, "lanes": 4,
                      "memory_cost": 64 * 1024})
    kdf.check_params({"name": "scrypt", "salt": "00" * 16, "n": 2 ** 15, "r": 8, "p": 1})


def test_a_full_disk_during_bundle_import_is_bad_input_and_changes_nothing(
        tmp_path, capsys, monkeypatch):
    """The bundle carries a notice photo; the disk fills while it is being kept."""
    import errno
    import os

    from desktop.operations.notices import Notices
    from desktop.storage.attachments import attachments_dir
    from desktop.storage.store import Store
    from tests.helpers import TODAY as WORLD_TODAY
    from tests.sync_world import World, snapshot

    world = World(tmp_path)
    (case_id,) = world.cases_ready(world.a, 1, until="reviewed")
    notices = Notices(world.a, WORLD_TODAY)
    photo = tmp_path / "posted.png"
    photo.write_bytes(b"\x89PNG\r\n\x1a\n" + os.urandom(64))
    notices.attach_photo(notices.create([case_id]), photo)
    (done,) = world.export(world.a)
    township_dir = world.township.path.parent
    before = snapshot(world.township)
    world.close()

    def full(*_args):
        raise OSError(errno.ENOSPC, "No space left on device")
    monkeypatch.setattr(os, "fsync", full)
    code = main(["--data-dir", str(township_dir), "--today", WORLD_TODAY.isoformat(),
                 "bundle", "import", str(done.path)])
    monkeypatch.undo()
    err = capsys.readouterr().err
    assert code == 2 and "磁盘已满" in err and "腾出空间" in err
    assert len(err.strip().splitlines()) == 1
    township = Store.open(township_dir)
    try:
        assert snapshot(township) == before
        assert not list(attachments_dir(township_dir).rglob("*.part"))
    finally:
        township.close()


def test_a_lone_surrogate_in_a_bundle_header_is_refused():
    """The header is shown by `bundle verify` before any signature is checked."""
    import struct

    from desktop.sync import bundle

    header = {"format_version": 1, "bundle_id": "b", "created": "c",
              "sender": {"workstation_id": "s", "place": "石门\ud800"},
              "recipient": {"workstation_id": "r"}, "events": 0, "attachments": 0,
              "ranges": [], "payload": {"sha256": "", "ephemeral_key": "", "nonce": ""}}
    head = json.dumps(header).encode("ascii")
    raw = (bundle.MAGIC + struct.pack(">I", len(head)) + head + struct.pack(">Q", 0)
           + b"\0" * bundle.SIGNATURE_BYTES)
    with pytest.raises(bundle.BundleRefused, match="包头"):
        bundle.unpack(raw, "x.rdbundle")
    header["sender"]["place"] = "石门村"
    head = json.dumps(header).encode("ascii")
    raw = (bundle.MAGIC + struct.pack(">I", len(head)) + head + struct.pack(">Q", 0)
           + b"\0" * bundle.SIGNATURE_BYTES)
    assert bundle.unpack(raw, "x.rdbundle").header["sender"]["place"] == "石门村"
