"""The county's check of a filing (issue 12, item 5) and the filing export's all-or-none
(item 6): a card carrying another key is never reported valid silently, the PDF and the
workbook beside the signed file are checked, a malformed body is refused with exit 2 and
one line; a failed export leaves no file and files no case."""

from __future__ import annotations

import errno
import json
import os
import shutil

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from desktop.cli import main
from desktop.core.errors import Refusal
from desktop.storage.eventlog import canonical
from desktop.sync.identity import b64, export_card, fingerprint, read_card, show_fingerprint
from desktop.township.decisions import Decisions
from desktop.township.filing import export_filing, period_of
from tests.helpers import TODAY
from tests.sync_world import World, snapshot, status
from tests.township_world import deliver, post_result


def _paid_world(tmp_path) -> World:
    world = World(tmp_path)
    a1, a2 = world.cases_ready(world.a, 2)
    deliver(world)
    decide = Decisions(world.township, TODAY)
    for case_id in (a1, a2):
        decide.approve(case_id, 100_000)
    world.send(world.township, world.a)
    for case_id in (a1, a2):
        post_result(world, world.a, case_id)
    deliver(world)
    for case_id in (a1, a2):
        decide.pay(case_id, 100_000, "一卡通")
    world.ids = (a1, a2)
    return world


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    """A township's register (PDF, XLSX, .rdfiling) and its identity card."""
    tmp = tmp_path_factory.mktemp("filing")
    world = _paid_world(tmp)
    out = tmp / "county"
    out.mkdir()
    export_filing(world.township, out, period_of(TODAY, "2026-12"), TODAY)
    export_card(world.township, tmp / "township-card.json")
    world.close()
    return tmp


@pytest.fixture
def county(exported, tmp_path, capsys):
    """A fresh copy of the register and the card; run(*args) -> (code, out, err)."""
    shutil.copytree(exported / "county", tmp_path / "county")
    shutil.copy(exported / "township-card.json", tmp_path / "card.json")

    def run(*args):
        code = main(["filing", "verify", *args])
        out, err = capsys.readouterr()
        return code, out, err
    run.signed = next((tmp_path / "county").glob("*.rdfiling"))
    run.card = tmp_path / "card.json"
    return run


def _forge(county, tmp_path, keep_recorded_fingerprint: bool = False):
    """What an attacker can make: a card copying the township's id and names with their
    own key, and the register re-signed with it."""
    key = Ed25519PrivateKey.generate()
    card_doc = json.loads(county.card.read_text(encoding="utf-8"))
    card_doc["signing_key"] = b64(key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw))
    fake_card = tmp_path / "fake-card.json"
    fake_card.write_text(json.dumps(card_doc, ensure_ascii=False), encoding="utf-8")
    doc = json.loads(county.signed.read_text(encoding="utf-8"))
    doc["body"]["cases"][0]["applicant_name"] = "冒名"
    if not keep_recorded_fingerprint:
        doc["body"]["fingerprint"] = fingerprint(read_card(fake_card))
    doc["signature"] = b64(key.sign(canonical(doc["body"]).encode("utf-8")))
    county.signed.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return fake_card


def test_a_good_register_shows_the_fingerprint_and_checks_it_when_given(county):
    real = fingerprint(read_card(county.card))
    code, out, _ = county(str(county.signed), "--card", str(county.card))
    assert code == 0 and show_fingerprint(real) in out and "逐组核对" in out
    code, out, _ = county(str(county.signed), "--card", str(county.card),
                          "--fingerprint", show_fingerprint(real))
    assert code == 0 and "签名有效,指纹已核对" in out


def test_a_card_with_an_attackers_key_is_not_reported_valid_silently(county, tmp_path):
    real = show_fingerprint(fingerprint(read_card(county.card)))
    fake_card = _forge(county, tmp_path)
    code, out, _ = county(str(county.signed), "--card", str(fake_card))
    shown = show_fingerprint(fingerprint(read_card(fake_card)))
    assert code == 0 and shown != real
    assert shown in out and "签名有效" not in out and "逐组核对" in out
    code, out, err = county(str(county.signed), "--card", str(fake_card), "--fingerprint", real)
    assert code == 2 and "不是该乡镇的身份文件" in err and "签名有效" not in out
    assert len(err.strip().splitlines()) == 1


def test_a_body_signed_for_another_card_than_the_one_given_is_refused(county, tmp_path):
    fake_card = _forge(county, tmp_path, keep_recorded_fingerprint=True)
    code, out, err = county(str(county.signed), "--card", str(fake_card))
    assert code == 2 and "指纹" in err and "不同" in err and "签名" not in out


@pytest.mark.parametrize("suffix", [".xlsx", ".pdf"])
def test_an_edited_file_beside_the_register_is_refused_by_name(county, suffix):
    side = county.signed.with_suffix(suffix)
    side.write_bytes(side.read_bytes() + b"\0")
    code, out, err = county(str(county.signed), "--card", str(county.card))
    assert code == 2 and side.name in err and "改动" in err
    assert len(err.strip().splitlines()) == 1
    side.unlink()
    code, _, err = county(str(county.signed), "--card", str(county.card))
    assert code == 2 and side.name in err


def _set(path: list, value):
    def change(doc):
        target = doc
        for key in path[:-1]:
            target = target[key]
        if value is KeyError:
            del target[path[-1]]
        else:
            target[path[-1]] = value
    return change


@pytest.mark.parametrize("change", [
    _set(["body", "township"], 5),
    _set(["body", "township"], "陈家坊镇"),
    _set(["body", "township", "township"], ["陈家坊镇"]),
    _set(["body", "cases"], KeyError),
    _set(["body", "cases", 0, "approved_fen"], "1000"),
    _set(["body", "cases", 0], None),
    _set(["body", "totals"], [2]),
    _set(["body", "files_sha256"], KeyError),
    _set(["body", "period", "start"], 20261201),
    _set(["body", "fingerprint"], 12345),
    _set(["body"], []),
    _set(["signature"], 7),
], ids=lambda c: "-")
def test_a_malformed_body_is_refused_with_exit_2(county, change):
    doc = json.loads(county.signed.read_text(encoding="utf-8"))
    change(doc)
    county.signed.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    code, _, err = county(str(county.signed), "--card", str(county.card))
    assert code == 2 and "备案文件" in err and len(err.strip().splitlines()) == 1


def test_a_lone_surrogate_in_a_register_is_refused_with_exit_2(county):
    text = county.signed.read_text(encoding="utf-8")
    name = json.loads(text)["body"]["cases"][0]["applicant_name"]
    county.signed.write_text(text.replace(name, "\\ud800", 1), encoding="utf-8")
    code, _, err = county(str(county.signed), "--card", str(county.card))
    assert code == 2 and "代理项" in err


def _failing_on(monkeypatch, name: str, suffix: str, nth: int = 1):
    """os.<name> fails with a full disk on the nth call for a file ending in `suffix`."""
    real, seen = getattr(os, name), []

    def call(*args, **kwargs):
        where = args[1] if name == "replace" else os.readlink(f"/proc/self/fd/{args[0]}")
        if str(where).endswith(suffix) or (name == "fsync" and suffix in str(where)):
            seen.append(where)
            if len(seen) == nth:
                raise OSError(errno.ENOSPC, "No space left on device")
        return real(*args, **kwargs)
    monkeypatch.setattr(os, name, call)


@pytest.mark.parametrize("name, suffix", [("replace", ".xlsx"), ("replace", ".rdfiling"),
                                          ("fsync", ".part")])
def test_a_failed_filing_export_leaves_no_file_and_files_nothing(tmp_path, monkeypatch,
                                                                  name, suffix):
    world = _paid_world(tmp_path)
    try:
        out = tmp_path / "county"
        out.mkdir()
        before = snapshot(world.township)
        nth = 3 if name == "fsync" else 1  # the third file's data never reaches the disk
        _failing_on(monkeypatch, name, suffix, nth)
        with pytest.raises(Refusal):
            export_filing(world.township, out, period_of(TODAY, "2026-12"), TODAY)
        monkeypatch.undo()
        assert list(out.iterdir()) == []
        assert snapshot(world.township) == before
        assert [status(world.township, c) for c in world.ids] == ["paid", "paid"]
        done = export_filing(world.township, out, period_of(TODAY, "2026-12"), TODAY)
        assert len(list(out.iterdir())) == 3 and done.register_no.endswith("0001")
    finally:
        world.close()


def test_a_place_name_cannot_lead_the_register_out_of_the_chosen_folder():
    from desktop.township.filing import _file_safe

    assert _file_safe("../../外面/镇") == "_.._外面_镇"
    assert "/" not in _file_safe("陈家/坊镇") and _file_safe("..") == "乡镇"
