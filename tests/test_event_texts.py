"""An event's hash is that of canonical([workstation_id, seq, prev_hash, recorded_at, actor,
case_id, type, payload]) whatever its texts hold (issue 17: the head is put together
without the encoder's walk, the event without the dataclass's field-by-field setting):
a name with quotes, a character beyond the BMP, a control character hashes as before, a
bundle carrying it is read, and one with a changed byte or a lone surrogate is refused."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import zlib

import pytest

from desktop.core.errors import Refusal
from desktop.storage import eventlog
from desktop.storage.eventlog import Event
from desktop.sync import payload

ACKS = {"workstation_id": "0" * 32, "held_seq": 0, "refused": []}
AWKWARD = ['刘"大"\\山', "𠮷田 王", "tab\there\nline\x7f\x00", "\u2028\u2029</script>", ""]


def reference(values) -> str:
    """Canonical JSON as DESIGN.md defines it, made the plain way."""
    return json.dumps(values, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def reference_hash(head: list, body: dict) -> str:
    return hashlib.sha256(reference([*head, body]).encode("utf-8")).hexdigest()


@pytest.mark.parametrize("text", AWKWARD)
def test_the_head_of_an_event_is_its_canonical_json(text):
    head = ["w" * 32, 7, "0" * 64, "2026-06-01T08:00:00Z", text, f"案-{text}", "received"]
    assert eventlog.head_json(*head) == reference(head)


@pytest.mark.parametrize("seq", [True, 7.0, None, "7"])
def test_a_head_of_other_types_is_encoded_as_the_encoder_does(seq):
    head = ["w" * 32, seq, "p", "t", "刘", "c", "received"]
    assert eventlog.head_json(*head) == reference(head)


def _bundle(rows) -> bytes:
    doc = {"events": rows, "attachments": {}, "acks": ACKS}
    return zlib.compress(json.dumps(doc, ensure_ascii=True, sort_keys=True).encode("ascii"))


def _row(actor: str, body: dict, *, seq: int = 1) -> dict:
    head = ["w" * 32, seq, eventlog.GENESIS, "2026-06-01T08:00:00Z", actor, "430522101201-1",
            "received"]
    return dict(zip(["workstation_id", "seq", "prev_hash", "recorded_at", "actor", "case_id",
                     "type"], head, strict=True), hash=reference_hash(head, body), payload=body)


@pytest.mark.parametrize("text", AWKWARD)
def test_a_bundle_whose_texts_are_awkward_is_read_with_its_hashes(text):
    body = {"applicant": {"name": text, "members": [{"name": "𠮷"}]}, "amount_fen": 12_000}
    events, _, _ = payload.parse(_bundle([_row(text, body)]), "awkward.rdbundle")
    (e,) = events
    assert (e.actor, e.payload) == (text, body)
    assert e.payload_json == reference(body)
    assert e.content_hash() == e.hash == reference_hash(
        [e.workstation_id, 1, e.prev_hash, e.recorded_at, text, e.case_id, e.type], body)


def test_a_changed_name_in_the_head_is_refused():
    row = _row("刘大山", {"a": 1})
    row["actor"] = "刘大三"
    with pytest.raises(Refusal, match="校验值不符"):
        payload.parse(_bundle([row]), "changed.rdbundle")


def test_a_lone_surrogate_in_the_head_is_refused():
    row = _row("刘", {"a": 1})
    row["actor"] = "刘\ud800"
    with pytest.raises(Refusal, match="代理项"):
        payload.parse(_bundle([row]), "surrogate.rdbundle")


def test_an_event_is_made_frozen_with_its_stored_text_and_equal_by_its_fields():
    e = Event("w" * 32, 1, eventlog.GENESIS, "h", "t", "刘", "c", "received", {"b": 2, "a": "王"})
    assert e.payload_json == '{"a":"王","b":2}'
    with pytest.raises(dataclasses.FrozenInstanceError):
        e.seq = 2  # type: ignore[misc]
    again = dataclasses.replace(e, payload={"a": "王", "b": 2})
    assert again == e and again.payload_json == e.payload_json
    assert dataclasses.replace(e, seq=2) != e
    assert "payload_json" not in repr(e)
