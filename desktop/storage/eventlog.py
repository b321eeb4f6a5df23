"""The append-only, hash-chained event log: the source of truth of every workstation.

An event is known by (workstation id, sequence number). Each workstation's events form a
chain: an event's hash covers its content and the previous event's hash, so an altered,
removed or reordered event is detected by `verify_chain`."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from json.encoder import c_make_encoder, encode_basestring
from typing import TYPE_CHECKING, Iterator

if TYPE_CHECKING:
    from sqlite_utils import Database

GENESIS = "0" * 64


@dataclass(frozen=True, init=False)
class Event:
    workstation_id: str
    seq: int
    prev_hash: str
    hash: str
    recorded_at: str
    actor: str
    case_id: str
    type: str
    payload: dict
    # The payload as stored (canonical JSON), written once: the log row and the hash use
    # this same text (the history and the application as received read it from the log).
    payload_json: str = field(default="", compare=False, repr=False)

    def __init__(self, workstation_id: str, seq: int, prev_hash: str, hash: str,
                 recorded_at: str, actor: str, case_id: str, type: str,
                 payload: dict, payload_json: str = "") -> None:
        # One dict filled at once: the frozen dataclass's own __init__ set each of the ten
        # fields by object.__setattr__, a tenth of reading an event from a bundle.
        self.__dict__.update(
            workstation_id=workstation_id, seq=seq, prev_hash=prev_hash, hash=hash,
            recorded_at=recorded_at, actor=actor, case_id=case_id, type=type,
            payload=payload, payload_json=payload_json or canonical(payload))

    def row(self) -> dict:
        return {"workstation_id": self.workstation_id, "seq": self.seq,
                "prev_hash": self.prev_hash, "hash": self.hash,
                "recorded_at": self.recorded_at, "actor": self.actor,
                "case_id": self.case_id, "type": self.type, "payload": self.payload_json}

    def content_hash(self) -> str:
        """What `hash` must be: the hash of this event's content and its link."""
        return _hash_of(head_json(self.workstation_id, self.seq, self.prev_hash,
                                  self.recorded_at, self.actor, self.case_id, self.type),
                        self.payload_json)


# Made once: json.dumps with options makes a new encoder on every call, and an import
# makes two canonical texts of every event (its payload, and the head it hashes).
_CANONICAL = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(",", ":"))
# JSONEncoder.encode still builds its C encoder anew on every call (half the cost of a
# short text such as an event's head): the same C encoder with the same options, made
# once, gives the same text. Without the circular-reference bookkeeping (a table shared
# by every call, which an error half-way would leave dirty): an event is JSON data, and
# a cycle would end in RecursionError rather than ValueError.
_C_CANONICAL = c_make_encoder and c_make_encoder(
    None, _CANONICAL.default, encode_basestring, None, ":", ",", True, False, True)


def canonical(value) -> str:
    if _C_CANONICAL is None:  # a Python without the json module's C speed-ups
        return _CANONICAL.encode(value)
    return "".join(_C_CANONICAL(value, 0))


def head_json(workstation_id, seq, prev_hash, recorded_at, actor, case_id, type_) -> str:
    """canonical([workstation_id, seq, prev_hash, recorded_at, actor, case_id, type_]): put
    together here when the texts are texts and seq an int (as every event's are), which
    costs a third less than the encoder's walk of the list; else by the encoder."""
    if (type(seq) is int and type(workstation_id) is type(prev_hash) is type(recorded_at)
            is type(actor) is type(case_id) is type(type_) is str):
        q = encode_basestring  # the encoder's own quoting of a text (ensure_ascii=False)
        return (f"[{q(workstation_id)},{seq},{q(prev_hash)},{q(recorded_at)},{q(actor)},"
                f"{q(case_id)},{q(type_)}]")
    return canonical([workstation_id, seq, prev_hash, recorded_at, actor, case_id, type_])


def event_hash(workstation_id, seq, prev_hash, recorded_at, actor, case_id, type_, payload):
    return _hash_of(head_json(workstation_id, seq, prev_hash, recorded_at, actor, case_id,
                              type_), canonical(payload))


def _hash_of(head_json: str, payload_json: str | bytes) -> str:
    """The hash of canonical([*head, payload]), from the payload's text already made:
    canonical JSON of a list is its items' texts joined by commas, in brackets."""
    digest = hashlib.sha256(head_json[:-1].encode("utf-8"))
    digest.update(b",")  # in pieces: joining the texts first copied the payload's text
    digest.update(payload_json if isinstance(payload_json, bytes)  # as read by the check
                  else payload_json.encode("utf-8"))
    digest.update(b"]")
    return digest.hexdigest()


def last_of(db: Database, workstation_id: str) -> tuple[int, str]:
    row = db.execute(
        "SELECT seq, hash FROM events WHERE workstation_id = ? ORDER BY seq DESC LIMIT 1",
        [workstation_id]).fetchone()
    return (row[0], row[1]) if row else (0, GENESIS)


def append(db: Database, *, workstation_id: str, recorded_at: str, actor: str,
           case_id: str, type_: str, payload: dict) -> Event:
    """Append one event of this workstation (call inside a write transaction)."""
    event = chained(last_of(db, workstation_id), workstation_id=workstation_id,
                    recorded_at=recorded_at, actor=actor, case_id=case_id, type_=type_,
                    payload=payload)
    insert_events(db, [event])
    return event


def chained(last: tuple[int, str], *, workstation_id: str, recorded_at: str, actor: str,
            case_id: str, type_: str, payload: dict) -> Event:
    """The event that follows `last` (its seq and hash, as `last_of`), not yet written:
    several made in a row are written with one `insert_events`."""
    seq, prev = last[0] + 1, last[1]
    # the hash before the event, so the event is made once (dataclasses.replace, which
    # reads the class's fields on every call, cost as much as the hash)
    payload_json = canonical(payload)
    digest = _hash_of(head_json(workstation_id, seq, prev, recorded_at, actor, case_id,
                                type_), payload_json)
    return Event(workstation_id, seq, prev, digest, recorded_at, actor, case_id, type_,
                 payload, payload_json)


def insert_events(db: Database, events) -> None:
    """Write events to the log as they are (their own workstation id, seq and hash), in
    the packed table under the view `events` (log_schema.py)."""
    from desktop.storage import log_schema

    log_schema.insert(db.conn, events)


def _from_row(row) -> Event:
    ws, seq, prev, digest, at, actor, case_id, type_, payload = row
    return Event(ws, seq, prev, digest, at, actor, case_id, type_, json.loads(payload),
                 payload)


_COLUMNS = "workstation_id, seq, prev_hash, hash, recorded_at, actor, case_id, type, payload"


def all_events(db: Database) -> Iterator[Event]:
    """Every event in the order it entered this store (rowid), as projections saw them."""
    for row in _rows(db, "entered"):
        yield _from_row(row)


def case_events(db: Database, case_id: str) -> list[Event]:
    rows = db.execute(f"SELECT {_COLUMNS} FROM events WHERE case_id = ? ORDER BY rowid",
                      [case_id]).fetchall()  # a few rows: the view's reading is enough
    return [_from_row(r) for r in rows]


# which rows, in which order: (in the packed log of 0016, in the table of older versions)
_READS = {
    "entered": (("", "n"), ("", "rowid")),
    "after": (("WHERE n > ?", "n"), ("WHERE rowid > ?", "rowid")),
    # each chain in the order of its key: the station's number stands for the id there
    "chains": (("", "station, seq"), ("", "workstation_id, seq")),
}


def _rows(db, read: str, *params, utf8: bool = False):
    """Log rows in `_COLUMNS` order: from the packed table (log_schema.read) where 0016
    has made it, else from the table of older versions (a store being migrated by 0002,
    a backup checked before it is restored). `utf8`: see log_schema.read."""
    from desktop.storage import log_schema

    conn = db.conn if hasattr(db, "conn") else db
    if log_schema.packed(conn):
        where, order = _READS[read][0]
        return log_schema.read(conn, where, params, order, utf8=utf8)
    where, order = _READS[read][1]
    return conn.execute(f"SELECT {_COLUMNS} FROM events {where} ORDER BY {order}", params)


def verify_chain(db: Database, partial: frozenset[str] | set[str] = frozenset(), *,
                 after: int = 0) -> list[str]:
    """Problems found in the hash chains (empty when every chain is whole). The chains of
    the workstations in `partial` reach this store filtered, with gaps by design
    (sync.chains): each of their events is checked, and each link between two events
    that are both here. `after`: only the events that entered the store after the one of
    this rowid (a verified checkpoint, chainhead.checkpoint) are hashed, each linked to
    the event before it wherever that one is."""
    problems = []
    last: dict[str, tuple[int, str]] = {}
    if after:  # the few rows after it, by rowid, sorted here: no walk of the whole key
        rows = sorted(_rows(db, "after", after, utf8=True), key=lambda r: (r[0], r[1]))
    else:
        rows = _rows(db, "chains", utf8=True)
    for row in rows:
        ws, seq, prev, digest = row[:4]
        held_seq, held_hash = last.get(ws, (0, GENESIS))
        if after and held_seq != seq - 1 and seq > 1:  # its predecessor is before `after`
            before = db.execute("SELECT hash FROM events WHERE workstation_id = ? AND seq = ?",
                                [ws, seq - 1]).fetchone()
            if before:
                held_seq, held_hash = seq - 1, before[0]
        if ws not in partial and seq != held_seq + 1:
            problems.append(f"工作站 {ws} 的事件 {held_seq + 1} 缺失")
        if seq == held_seq + 1 and prev != held_hash:
            problems.append(f"工作站 {ws} 的事件 {seq} 与前一事件衔接不上")
        if not _stored_hash_holds(row):
            problems.append(f"工作站 {ws} 的事件 {seq} 内容被改动")
        last[ws] = (seq, digest)
    return problems


def _stored_hash_holds(row) -> bool:
    """Whether a log row's hash is that of its content. The payload is hashed as stored
    (canonical JSON, as every event is written), which spares parsing a million of them
    at start-up; a text that is not canonical is parsed and hashed again before the
    event is called altered."""
    ws, seq, prev, digest, at, actor, case_id, type_, payload = row
    head = head_json(ws, seq, prev, at, actor, case_id, type_)
    if _hash_of(head, payload) == digest:
        return True
    try:
        return _hash_of(head, canonical(json.loads(payload))) == digest
    except ValueError:
        return False
