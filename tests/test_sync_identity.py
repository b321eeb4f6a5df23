"""Identity cards, fingerprints a person can read aloud, and the rules of enrollment."""

from __future__ import annotations

import json
import os
import re

import pytest

from desktop.core.errors import Refusal
from desktop.core.ways import CLI, render
from desktop.sync.identity import (
    export_card,
    fingerprint,
    own_card,
    read_card,
    show_fingerprint,
    typed_fingerprint,
)
from desktop.sync.keys import key_path
from desktop.sync.peers import active_peers, enroll
from tests.helpers import TODAY, make_store


@pytest.fixture
def pair(tmp_path):
    t, v = make_store(tmp_path, "township"), make_store(tmp_path, "village")
    yield t, v
    t.close()
    v.close()


def trust(me, card, **kw):
    return enroll(me, card, confirmed_fingerprint=fingerprint(card), **kw)


def test_fingerprint_reads_as_six_groups_of_five_digits(pair):
    card = own_card(pair[0])
    shown = show_fingerprint(fingerprint(card))
    assert re.fullmatch(r"\d{5}( \d{5}){5}", shown)
    assert typed_fingerprint(shown.replace(" ", "-")) == fingerprint(card)
    full_width = shown.translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    assert typed_fingerprint(full_width) == fingerprint(card)
    with pytest.raises(Refusal, match="30 位数字"):
        typed_fingerprint(shown[:-1])


def test_the_fingerprint_covers_keys_and_place(pair):
    card = own_card(pair[1])
    assert fingerprint(card) != fingerprint(card | {"village": "别村"})
    assert fingerprint(card) != fingerprint(card | {"signing_key": card["encryption_key"]})


def test_private_keys_are_kept_private(pair):
    own_card(pair[1])
    path = key_path(pair[1].path.parent)
    assert oct(os.stat(path).st_mode & 0o777) == "0o600"
    assert own_card(pair[1]) == own_card(pair[1])  # made once, then loaded


def test_card_file_round_trip(pair, tmp_path):
    export_card(pair[0], tmp_path / "t.json")
    card = read_card(tmp_path / "t.json")
    assert card == own_card(pair[0])
    assert "PRIVATE" not in (tmp_path / "t.json").read_text().upper()
    (tmp_path / "bad.json").write_text(json.dumps({"format": "relief-desk-identity",
                                                   "version": 1, "role": "village"}))
    with pytest.raises(Refusal, match="不完整"):
        read_card(tmp_path / "bad.json")
    (tmp_path / "new.json").write_text(json.dumps({"format": "relief-desk-identity",
                                                   "version": 9}))
    with pytest.raises(Refusal, match="更新版本"):
        read_card(tmp_path / "new.json")


def test_enroll_requires_the_matching_fingerprint(pair):
    t, v = pair
    card = own_card(t)
    with pytest.raises(Refusal, match="指纹不一致"):
        enroll(v, card, confirmed_fingerprint="0" * 30)
    assert active_peers(v.db) == []
    assert not trust(v, card).already
    assert trust(v, card).already


def test_a_township_enrolls_only_its_own_villages(pair, tmp_path):
    t, _ = pair
    far = make_store(tmp_path, "village", township_code="430522102",
                     village_code="430522102201")
    try:
        with pytest.raises(Refusal, match="不属于本乡镇"):
            trust(t, own_card(far))
        assert active_peers(t.db) == []
    finally:
        far.close()


def test_roles_enroll_the_other_side_only(pair, tmp_path):
    t, v = pair
    other_t = make_store(tmp_path, "township")
    try:
        with pytest.raises(Refusal, match="乡镇民政办工作站只能登记村"):
            trust(t, own_card(other_t))
        with pytest.raises(Refusal, match="自己的身份文件"):
            trust(v, own_card(v))
    finally:
        other_t.close()


def test_a_changed_key_needs_replace(pair, tmp_path):
    t, v = pair
    trust(t, own_card(v))
    new_laptop = make_store(tmp_path, "village")  # same village, new workstation and keys
    try:
        card = own_card(new_laptop)
        with pytest.raises(Refusal) as caught:
            trust(t, card)
        assert "--replace" in render(caught.value.message, CLI)
        assert [p["workstation_id"] for p in active_peers(t.db)] == [v.workstation["id"]]
        done = trust(t, card, replace=True)
        assert done.replaced == [v.workstation["id"]]
        assert [p["workstation_id"] for p in active_peers(t.db)] == [new_laptop.workstation["id"]]
    finally:
        new_laptop.close()


def test_identity_sheet_pdf_shows_the_fingerprint(pair, tmp_path):
    from pypdf import PdfReader

    from desktop.sync.sheet import write_sheet

    card = own_card(pair[1])
    write_sheet(card, tmp_path / "sheet.pdf", TODAY)
    text = "".join(p.extract_text() for p in PdfReader(tmp_path / "sheet.pdf").pages)
    assert show_fingerprint(fingerprint(card)).replace(" ", "") in text.replace(" ", "")
