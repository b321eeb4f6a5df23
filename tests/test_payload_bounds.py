"""Bounded work on a hostile bundle (issue 12, item 6): a small file that inflates far,
too many events or JSON values, text that would be held at 4 bytes a character — each
refused early, with memory far under the import target, nothing changed."""

from __future__ import annotations

import json
import tracemalloc
import zlib

import pytest

from desktop.core.errors import Refusal
from desktop.sync import payload
from tests.helpers import TODAY
from tests.sync_world import snapshot

MB = 1024 * 1024
ACKS = {"workstation_id": "0" * 32, "held_seq": 0, "refused": []}


def bomb(inflated_mb: int) -> bytes:
    """A valid zlib stream of a payload whose one attachment is `inflated_mb` of "A",
    made a megabyte at a time (the test never holds the inflated text)."""
    packer = zlib.compressobj(9)
    parts = [packer.compress(b'{"acks":{},"attachments":{"' + b"0" * 64 + b'":"')]
    block = b"A" * MB
    parts += [packer.compress(block) for _ in range(inflated_mb)]
    parts.append(packer.compress(b'"},"events":[]}') + packer.flush())
    return b"".join(parts)


def _peak_mb(call) -> float:
    tracemalloc.start()
    try:
        call()
    finally:
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    return peak / MB


def test_a_zlib_bomb_is_refused_with_bounded_memory():
    data = bomb(256)
    assert len(data) < 300 * 1024  # 256 MB from a quarter of a megabyte

    def parse():
        with pytest.raises(Refusal, match="过大"):
            payload.parse(data, "bomb.rdbundle")
    assert _peak_mb(parse) < payload.MAX_PLAIN_BYTES / MB + 16


@pytest.fixture
def world(world):
    """The shared world (conftest), with one case of village A ready to send."""
    world.cases_ready(world.a, 1)
    return world


def test_a_bomb_sealed_and_signed_by_an_enrolled_village_is_refused(world, monkeypatch):
    """The bomb travels as a real bundle: built, sealed and signed by the village's own
    code and keys; the township refuses it and keeps its store as it was."""
    data = bomb(200)
    monkeypatch.setattr(payload, "build", lambda *_args: data)
    (done,) = world.export(world.a)
    monkeypatch.undo()
    assert done.path.stat().st_size < 300 * 1024
    before = snapshot(world.township)
    from desktop.sync.importer import import_files

    reports = []
    peak = _peak_mb(lambda: reports.extend(import_files(world.township, [done.path], TODAY)))
    assert not reports[0].ok and "过大" in reports[0].error
    assert peak < 100
    assert snapshot(world.township) == before


def _doc(**extra) -> bytes:
    doc = {"events": [], "attachments": {}, "acks": ACKS} | extra
    return zlib.compress(json.dumps(doc, ensure_ascii=False).encode("utf-8"))


def test_too_many_events_are_refused_before_any_is_read():
    with pytest.raises(Refusal, match="事件过多"):
        payload.parse(_doc(events=[{}] * (payload.MAX_EVENTS + 1)), "many.rdbundle")


def test_too_many_json_values_are_refused_before_parsing():
    """Two bytes of `{}` become a 64-byte dict: 1.6 million of them are 100 MB parsed."""
    data = zlib.compress(b'{"events":[],"attachments":{},"x":['
                         + b"{}," * payload.MAX_JSON_VALUES + b'{}]}')
    with pytest.raises(Refusal, match="数据项过多"):
        payload.parse(data, "values.rdbundle")


def test_a_large_text_beyond_ascii_is_refused():
    """One 𠮷 makes Python hold the whole text at 4 bytes a character."""
    big = "A" * (payload.MAX_NON_ASCII_BYTES + 10) + "𠮷"
    with pytest.raises(Refusal, match="非 ASCII"):
        payload.parse(_doc(x=big), "wide.rdbundle")
    events, files, acks = payload.parse(_doc(x="𠮷" * 1000), "small.rdbundle")
    assert (events, files, acks) == ([], {}, ACKS)  # an old sender's non-ASCII text


def test_the_payload_is_written_as_ascii_and_reads_back_the_same(world):
    from desktop.sync.export import pending_events
    from desktop.sync.peers import township_peer

    events = pending_events(world.a.db, world.a.workstation["id"],
                            township_peer(world.a.db))
    data = payload.build(events, {}, ACKS)
    assert zlib.decompress(data).isascii()
    parsed, _, _ = payload.parse(data, "ok.rdbundle")
    assert [e.payload for e in parsed] == [e.payload for e in events]


@pytest.mark.parametrize("data", [b"", zlib.compress(b'{"events":[]}')[:-3],
                                  zlib.compress(b'{"events":[]}') + b"tail"],
                         ids=["empty", "cut", "extended"])
def test_a_cut_or_extended_stream_is_refused(data):
    with pytest.raises(Refusal, match="无法解读"):
        payload.parse(data, "cut.rdbundle")


def test_an_export_with_many_files_splits_into_bundles_a_reader_accepts():
    """Five events, each with its own 20 MB photo: two to a bundle (three would pass
    64 MB once in base64); a photo two events share is carried once."""
    from desktop.storage.attachments import MAX_ATTACHMENT_BYTES
    from desktop.storage.eventlog import Event

    digests = [f"{i:064x}" for i in range(5)]
    events = [Event("w" * 32, i + 1, "", "", "", "", "c", "photo", {"attachments": [d]})
              for i, d in enumerate(digests)]
    events.append(Event("w" * 32, 6, "", "", "", "", "c", "note",
                        {"attachments": [digests[4]]}))
    split = payload.parts(events, lambda d: MAX_ATTACHMENT_BYTES, 5000)
    assert [[e.seq for e in p] for p in split] == [[1, 2], [3, 4], [5, 6]]
    assert [[e.seq for e in p] for p in payload.parts(events[:3], lambda d: 10, 2)] == [
        [1, 2], [3]]
    assert payload.parts([], lambda d: 0, 5000) == [[]]
    content = {d: b"\0" * MAX_ATTACHMENT_BYTES for d in digests[:2]}
    assert len(zlib.decompress(payload.build(split[0], content, ACKS))) \
        < payload.MAX_PLAIN_BYTES


def test_a_lone_surrogate_in_an_event_is_refused():
    row = {"workstation_id": "w" * 32, "seq": 1, "prev_hash": "", "hash": "h",
           "recorded_at": "t", "actor": "刘", "case_id": "c", "type": "received",
           "payload": {"applicant": {"name": "王\ud800"}}}
    with pytest.raises(Refusal, match="代理项"):
        payload.parse(zlib.compress(json.dumps({"events": [row], "attachments": {},
                                                "acks": ACKS}).encode("ascii")),
                      "surrogate.rdbundle")
