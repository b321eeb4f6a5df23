"""The log stored packed (issues 17 item 5 and 14; migration 0016, storage/log_schema.py):
a village's store stays under 6,000 bytes a case, every event reads back exactly as it was
written and hashed, an event whose predecessor is not held keeps its own link, and the
dictionary the stored payloads were compressed with never changes."""

from __future__ import annotations

import hashlib
import sqlite3
import zlib

import pytest

from desktop.demo.scale import county_villages, fill_store
from desktop.paths import resource_path
from desktop.storage import eventlog, packing
from desktop.storage.packing import pack, unpack
from desktop.storage.payload_words import WORDS
from tests.helpers import TODAY, make_application, make_store

CASES = 150
TARGET = 6_000  # bytes a case (issues 14 and 17): the layout before 0016 took ~7,800 here


def _file_size(store) -> int:
    store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return store.path.stat().st_size


def test_a_village_store_takes_under_6000_bytes_a_case_and_verifies(tmp_path):
    """What an officer's USB stick and disk hold: the generator's cases (a whole life
    each, seven events a case), measured as the file grows from an empty store."""
    village = county_villages()[0]
    store = make_store(tmp_path, village=village.name, village_code=village.code,
                       township=village.township, township_code=village.township_code)
    empty = _file_size(store)
    fill_store(store, 7, CASES, TODAY, villages=[village], years=1, workers=1,
               village_only=True)
    per_case = (_file_size(store) - empty) / CASES
    assert per_case < TARGET
    events = list(eventlog.all_events(store.db))
    assert len(events) > 5 * CASES  # the whole lives, not only the receipts
    assert all(e.hash == e.content_hash() for e in events)
    assert eventlog.verify_chain(store.db) == []
    store.close()


def _peer_chain(n: int) -> list[eventlog.Event]:
    last, events = (0, eventlog.GENESIS), []
    for i in range(n):
        payload = make_application() if i % 2 else {"date": f"2026-11-0{i + 1}"}
        event = eventlog.chained(last, workstation_id="peer-township", recorded_at=f"t{i}",
                                 actor="镇民政办", case_id=f"C-{i}", type_="Noted",
                                 payload=payload)
        events.append(event)
        last = (event.seq, event.hash)
    return events


def test_an_event_whose_predecessor_is_not_here_keeps_its_link(tmp_path):
    """A filtered chain (sync.chains) reaches a store with gaps: the link of an event
    whose previous event is not held is kept with it; the others are the hash before."""
    store = make_store(tmp_path)
    one, two, three, four = _peer_chain(4)
    with store.transaction():
        eventlog.insert_events(store.db, [one, three])
    with store.transaction():
        eventlog.insert_events(store.db, [two, four])  # the gap filled later
    got = [e for e in eventlog.all_events(store.db) if e.workstation_id == "peer-township"]
    assert got == [one, three, two, four]  # every field, the payload and prev_hash included
    assert [e.payload_json for e in got] == [e.payload_json for e in (one, three, two, four)]
    assert eventlog.verify_chain(store.db, {"peer-township"}) == []
    kept = [r[0] for r in store.db.execute(
        "SELECT seq FROM event_log WHERE prev IS NOT NULL AND station ="
        " (SELECT n FROM stations WHERE id = 'peer-township')")]
    assert kept == [3]
    store.close()


def test_one_insert_links_by_the_hash_before_not_by_the_order_given(tmp_path):
    """In one insert, an event whose stated link is not the hash of the event just before
    it (a forged or broken chain), or whose predecessor comes after it, keeps its link:
    the chain check then names the break, as when each came alone."""
    store = make_store(tmp_path)
    one, two, three, four = _peer_chain(4)
    forged = eventlog.chained((2, "ab" * 32), workstation_id="peer-township",
                              recorded_at="t2", actor="镇民政办", case_id="C-2",
                              type_="Noted", payload={"date": "2026-11-03"})
    with store.transaction():
        eventlog.insert_events(store.db, [two, one, forged, four])
    got = [e for e in eventlog.all_events(store.db) if e.workstation_id == "peer-township"]
    assert got == [two, one, forged, four]
    kept = [r[0] for r in store.db.execute(
        "SELECT seq FROM event_log WHERE prev IS NOT NULL AND station ="
        " (SELECT n FROM stations WHERE id = 'peer-township') ORDER BY seq")]
    assert kept == [2, 3, 4]  # two came before one; four's link is three's, not forged's
    assert eventlog.verify_chain(store.db, {"peer-township"}) != []
    store.close()


def test_a_peer_s_text_that_is_no_hash_is_kept_as_it_came(tmp_path):
    """The link is hashed as the sender wrote it: one that is not 64 lower-case hex
    digits is stored as text and read back unchanged, and the chain check still holds."""
    store = make_store(tmp_path)
    odd = eventlog.chained((1, "AB" * 32), workstation_id="peer-odd", recorded_at="t",
                           actor="x", case_id="C", type_="Noted", payload={"a": 1})
    with store.transaction():
        eventlog.insert_events(store.db, [odd])
    (got,) = [e for e in eventlog.all_events(store.db) if e.workstation_id == "peer-odd"]
    assert got == odd and got.prev_hash == "AB" * 32
    assert eventlog.verify_chain(store.db, {"peer-odd"}) == []
    store.close()


def test_the_dictionaries_of_stored_payloads_never_change():
    """Every payload compressed with a version needs its dictionary byte for byte to be
    read again (a better dictionary is a new version beside it)."""
    assert hashlib.sha256(WORDS[1]).hexdigest() == (
        "4e2e12aa6b0872c74428394ac18dee3724dee5d964452a7d2df09fb5860e20b8")
    assert hashlib.sha256(resource_path(*packing.DICTIONARY).read_bytes()).hexdigest() == (
        "6fbbfa46713553f355cc67230405825b7513a56e2deb3ad27b82f8e29b570247")
    text = eventlog.canonical(make_application())
    packed = pack(text)
    assert isinstance(packed, bytes) and packed[0] == 2 and len(packed) < len(text) / 3
    assert unpack(packed) == text
    assert pack('{"date":"2026-11-02"}') == '{"date":"2026-11-02"}'  # short: kept as text


def _version_1(text: str) -> bytes:
    """A payload as the program wrote it before version 2 (raw deflate, WORDS[1])."""
    deflate = zlib.compressobj(6, zlib.DEFLATED, -15, 4, zdict=WORDS[1])
    return b"\x01" + deflate.compress(text.encode("utf-8")) + deflate.flush()


def test_a_store_written_before_version_2_reads_and_verifies_as_it_did(tmp_path):
    """Payloads packed by the program before (version 1) stay readable beside the new
    ones: the same events, the chain check passes, and new events are written as 2."""
    store = make_store(tmp_path)
    from desktop.operations.casework import Casework

    Casework(store, TODAY).receive(make_application())
    (text,) = store.db.execute("SELECT payload FROM events WHERE seq = 1").fetchone()
    store.db.execute("UPDATE event_log SET payload = ? WHERE seq = 1",
                     [sqlite3.Binary(_version_1(text))])
    Casework(store, TODAY).receive(make_application())  # another applicant (make_id)
    blobs = [r[0] for r in store.db.execute("SELECT payload FROM event_log ORDER BY seq")]
    assert [b[0] for b in blobs] == [1, 2]
    assert store.db.execute("SELECT payload FROM events WHERE seq = 1").fetchone()[0] == text
    assert eventlog.verify_chain(store.db) == []
    store.close()


@pytest.mark.parametrize("version", [1, 2])
def test_a_stored_payload_that_would_inflate_past_the_limit_is_not_inflated(monkeypatch,
                                                                             version):
    """A store altered on disk (a restored backup is any file) may hold a small BLOB that
    says or makes a huge text: it reads as no text (named as altered), whatever it holds,
    without the memory."""
    monkeypatch.setattr(packing, "MAX_PAYLOAD", 10_000)
    big = '{"note":"' + "材" * 20_000 + '"}'
    blob = _version_1(big) if version == 1 else pack(big)
    assert isinstance(blob, bytes) and len(blob) < 1_000
    assert unpack(blob) == ""
    monkeypatch.setattr(packing, "MAX_PAYLOAD", 100_000)
    assert unpack(blob) == big
    # a zstd header that claims a terabyte is refused before any work
    claims = b"\x02" + bytes([0b11100000]) + (2 ** 40).to_bytes(8, "little") + blob[3:]
    assert unpack(claims) == ""
    assert unpack(b"\x02") == "" and unpack(b"\x09" + blob[1:]) == "" and unpack(b"") == ""


def test_a_damaged_compressed_payload_is_named_as_altered(tmp_path):
    """Bytes changed on disk inside a compressed payload: the check names the event,
    it does not stop with an error."""
    store = make_store(tmp_path)
    from desktop.operations.casework import Casework

    Casework(store, TODAY).receive(make_application())
    (blob,) = store.db.execute("SELECT payload FROM event_log WHERE seq = 1").fetchone()
    assert isinstance(blob, bytes)
    store.db.execute("UPDATE event_log SET payload = ? WHERE seq = 1",
                     [sqlite3.Binary(blob[:-6] + bytes(6))])
    problems = eventlog.verify_chain(store.db)
    assert any("事件 1" in p and "改动" in p for p in problems)
    store.close()


def test_payloads_pack_and_read_back_in_several_threads_at_once():
    """The start-up check reads the log in a thread while the window records steps: a
    zstd (de)compressor is not to be shared between threads, so each has its own."""
    from concurrent.futures import ThreadPoolExecutor

    texts = [eventlog.canonical(make_application(reason_detail=f"第 {i} 次住院,自付费用较高。"))
             for i in range(40)]

    def round_trips(offset: int) -> bool:
        return all(unpack(pack(texts[(offset + i) % len(texts)])) == texts[(offset + i)
                                                                          % len(texts)]
                   for i in range(400))

    with ThreadPoolExecutor(4) as pool:
        assert all(pool.map(round_trips, range(8)))
