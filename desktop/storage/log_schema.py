"""The event log stored packed (issue 17 item 5, issue 14's store target): migration 0016.

Measured with dbstat on the benchmark's store (10,000 cases, 6.2 events a case), the log
and its two indexes were 4,978 of the 7,100 bytes a case, 720 bytes an event: the
workstation's 36-character id on every row and again in the key's index, two hashes as
64 hex digits each, the type's name, and the payload as canonical JSON (an application
as received is 1.5 KB). Now the rows live in `event_log`:

- `n`, the row's number, is the order events entered this store (the old rowid, kept:
  the signed chain heads' checkpoints and the relay's marks count in it);
- `station` is a small number standing for the workstation's id (`stations`), `type`
  for the event's type (`event_types`); the key (station, seq) is a small UNIQUE index;
- `hash` is 32 bytes; `prev` is NULL where it is the hash of the previous event of the
  same chain held here (or GENESIS for the first), which is nearly always: only an
  event whose predecessor is not here (a filtered chain, sync.chains) keeps its own;
- the payload is compressed with a preset dictionary where that is shorter (packing.py).

The view `events` gives every reader the old columns, exactly as they were (the hashes
in hex, the payload as its text, the workstation's id), and `rowid` (the row's number).
The readers of many rows (the start-up check, rebuild) read the table itself (`read`). Nothing that is hashed,
signed or sent changes: only how the bytes lie on disk. The writers write `event_log`
(`eventlog.insert_events`); the view `history` of 0008 joins the real tables (a view of
joins on the right of a LEFT JOIN would be read whole)."""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING, Iterable, Iterator

from desktop.storage.migration_steps import migration
from desktop.storage.packing import FUNCTION, pack, pack_hash, unpack, unpack_utf8

if TYPE_CHECKING:
    from sqlite_utils import Database

NAME = "0016_packed_log"
GENESIS = "0" * 64
_PAYLOAD = f"CASE WHEN typeof(e.payload) = 'blob' THEN {FUNCTION}(e.payload) ELSE e.payload END"
TABLES = (
    "CREATE TABLE stations (n INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE)",
    "CREATE TABLE event_types (n INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE)",
    "CREATE TABLE event_log (n INTEGER PRIMARY KEY, station INTEGER NOT NULL,"
    " seq INTEGER NOT NULL, hash NOT NULL, prev, recorded_at TEXT NOT NULL, actor TEXT,"
    " case_id TEXT, type INTEGER NOT NULL, payload NOT NULL, UNIQUE (station, seq))",
    "CREATE INDEX idx_event_log_case_id ON event_log (case_id)",
)
EVENTS_VIEW = (
    "CREATE VIEW events AS SELECT e.n AS rowid, s.id AS workstation_id, e.seq AS seq,"
    " CASE WHEN typeof(e.prev) = 'blob' THEN lower(hex(e.prev))"
    f"  WHEN e.prev IS NOT NULL THEN e.prev WHEN e.seq = 1 THEN '{GENESIS}'"
    "  ELSE (SELECT CASE WHEN typeof(p.hash) = 'blob' THEN lower(hex(p.hash)) ELSE p.hash END"
    "   FROM event_log p WHERE p.station = e.station AND p.seq = e.seq - 1) END AS prev_hash,"
    " CASE WHEN typeof(e.hash) = 'blob' THEN lower(hex(e.hash)) ELSE e.hash END AS hash,"
    " e.recorded_at AS recorded_at, e.actor AS actor, e.case_id AS case_id, t.name AS type,"
    f" {_PAYLOAD} AS payload"
    " FROM event_log e JOIN stations s ON s.n = e.station JOIN event_types t ON t.n = e.type")
HISTORY_VIEW = (
    "CREATE VIEW history AS SELECT c.workstation_id AS workstation_id, c.seq AS seq,"
    " c.application_id AS application_id, t.name AS type, c.action AS action,"
    " c.occurred_on AS occurred_on, e.recorded_at AS recorded_at, e.actor AS actor,"
    f" {_PAYLOAD} AS fields, c.status_after AS status_after"
    " FROM case_steps c LEFT JOIN stations s ON s.id = c.workstation_id"
    " LEFT JOIN event_log e ON e.station = s.n AND e.seq = c.seq"
    " LEFT JOIN event_types t ON t.n = e.type")
# prev: NULL where the previous event of the chain, already written, has this hash
_INSERT = (
    "INSERT INTO event_log (n, station, seq, hash, prev, recorded_at, actor, case_id, type,"
    " payload) VALUES (?1, ?2, ?3, ?4, CASE WHEN ?5 IS NULL OR ?5 IS (SELECT hash FROM"
    " event_log WHERE station = ?2 AND seq = ?3 - 1) THEN NULL ELSE ?5 END,"
    " ?6, ?7, ?8, ?9, ?10)")
_COPIED = 20_000  # rows copied at a time by the migration


def insert(conn: sqlite3.Connection, events) -> None:
    """Write events (eventlog.Event) to the packed log, in order."""
    events = list(events)
    stations = _codes(conn, "stations", "id", {e.workstation_id for e in events})
    types = _codes(conn, "event_types", "name", {e.type for e in events})
    rows, last = [], None  # (station, seq, hash) of the event before, in this list
    for e in events:
        station = stations[e.workstation_id]
        # Its predecessor just before it: the statement would find that row and write
        # NULL; saying so spares it the look-up (a writer's events come in chain order)
        follows = last == (station, e.seq - 1, e.prev_hash)
        rows.append(_row(None, station, e.seq, e.hash, e.prev_hash, e.recorded_at, e.actor,
                         e.case_id, types[e.type], e.payload_json, follows))
        last = (station, e.seq, e.hash)
    conn.executemany(_INSERT, rows)


def _row(n, station, seq, digest, prev, at, actor, case_id, type_code, payload,
         follows: bool = False) -> tuple:
    # GENESIS is what a NULL `prev` of seq 1 reads as; NULL too where the row before
    # in the chain has the hash `prev` (`follows`: the caller knows it has)
    first = follows or (seq == 1 and prev == GENESIS)
    return (n, station, seq, pack_hash(digest), None if first else pack_hash(prev), at, actor,
            case_id, type_code, pack(payload))


def _codes(conn: sqlite3.Connection, table: str, column: str, names: set[str]) -> dict:
    """name → its number in `table`, numbered first where new. Read from the table each
    time (never cached): a rolled-back transaction takes its new numbers with it."""
    def known() -> dict:
        marks = ",".join("?" * len(names))
        return dict(conn.execute(f"SELECT {column}, n FROM {table} WHERE {column} IN ({marks})",
                                 list(names)))
    codes = known() if names else {}
    if len(codes) < len(names):
        conn.executemany(f"INSERT INTO {table} ({column}) VALUES (?)",
                         [(name,) for name in sorted(names - codes.keys())])
        codes = known()
    return codes


def read(conn: sqlite3.Connection, where: str = "", params=(), order: str = "n", *,
         utf8: bool = False) -> Iterator[tuple]:
    """Rows of the packed log as the old table's (workstation_id, seq, prev_hash, hash,
    recorded_at, actor, case_id, type, payload), `where` and `order` on `event_log`'s own
    columns. What the view does, done here for the readers of many rows (the start-up
    check, rebuild): it took them 2.3 times as long, mostly in looking up each event's
    predecessor, which a walk along the chains has just read. `utf8`: a compressed
    payload as its UTF-8 bytes (what the chain check hashes), not as text."""
    payload_of = unpack_utf8 if utf8 else unpack
    stations = dict(conn.execute("SELECT n, id FROM stations"))
    types = dict(conn.execute("SELECT n, name FROM event_types"))
    held: dict[int, tuple[int, str]] = {}  # station → (seq, hash) of its last row read
    for station, seq, digest, prev, at, actor, case_id, type_, payload in conn.execute(
            "SELECT station, seq, hash, prev, recorded_at, actor, case_id, type, payload"
            f" FROM event_log {where} ORDER BY {order}", params):
        digest = digest.hex() if isinstance(digest, bytes) else digest
        if prev is None:
            last = held.get(station)
            prev = (GENESIS if seq == 1 else last[1] if last and last[0] == seq - 1
                    else _hash_before(conn, station, seq))
        elif isinstance(prev, bytes):
            prev = prev.hex()
        held[station] = (seq, digest)
        yield (stations[station], seq, prev, digest, at, actor, case_id, types[type_],
               payload_of(payload))


def _hash_before(conn: sqlite3.Connection, station: int, seq: int) -> str | None:
    """The hash of the chain's previous event (None where it is not here: its link was
    then kept with the event, unless the log was altered)."""
    row = conn.execute("SELECT hash FROM event_log WHERE station = ? AND seq = ?",
                       [station, seq - 1]).fetchone()
    if row is None:
        return None
    return row[0].hex() if isinstance(row[0], bytes) else row[0]


def packed(conn: sqlite3.Connection) -> bool:
    """Whether this store's log is packed (0016 applied): a store of an older version
    (a backup being checked before it is restored) has the table `events`."""
    return conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name ="
                        " 'event_log'").fetchone() is not None


@migration(NAME)
def packed_log(db: Database) -> None:
    conn = db.conn
    conn.execute("DROP VIEW IF EXISTS history")  # over the old table: made again below
    for sql in TABLES:
        conn.execute(sql)
    conn.execute("INSERT INTO stations (id) SELECT DISTINCT workstation_id FROM events"
                 " ORDER BY workstation_id")
    conn.execute("INSERT INTO event_types (name) SELECT DISTINCT type FROM events ORDER BY type")
    stations = dict(conn.execute("SELECT id, n FROM stations"))
    types = dict(conn.execute("SELECT name, n FROM event_types"))
    for rows in _old_rows(conn):
        conn.executemany(_INSERT, [_row(n, stations[ws], seq, digest, prev, at, actor,
                                        case_id, types[type_], payload)
                                   for n, ws, seq, prev, digest, at, actor, case_id, type_,
                                   payload in rows])
    conn.execute("DROP TABLE events")
    conn.execute(EVENTS_VIEW)
    conn.execute(HISTORY_VIEW)


def _old_rows(conn: sqlite3.Connection) -> Iterable[list[tuple]]:
    """The old table's rows in the order they entered (by rowid, kept as `n`), a slice at
    a time: 1 million events do not sit in memory at once."""
    last = 0
    while True:
        rows = conn.execute(
            "SELECT rowid, workstation_id, seq, prev_hash, hash, recorded_at, actor, case_id,"
            " type, payload FROM events WHERE rowid > ? ORDER BY rowid LIMIT ?",
            [last, _COPIED]).fetchall()
        if not rows:
            return
        yield rows
        last = rows[-1][0]
