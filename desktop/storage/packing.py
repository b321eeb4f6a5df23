"""How the log keeps an event's payload and hashes in fewer bytes (migration 0016,
log_schema.py), and the SQL function that gives the payload back as it was.

A payload is canonical JSON; one of at least MIN_PACKED bytes is kept compressed when
that is shorter: raw deflate with a preset dictionary (payload_words.py) of text the
payloads repeat, so that a step of 200 bytes compresses as well as a long document
(plain zlib saves little on short texts). Stored as a BLOB: its first byte is the
dictionary's version, the rest the deflate stream. A TEXT payload is kept as it came.
So the column's type says which, and nothing is ever guessed.

A hash of 64 lower-case hex digits is kept as its 32 bytes (a BLOB); anything else (a
peer's text that is not such a hash: it is hashed as it came) stays TEXT."""

from __future__ import annotations

import re
import sqlite3
import zlib

from desktop.storage.payload_words import WORDS

VERSION = 1  # the dictionary new payloads are compressed with
MIN_PACKED = 48  # shorter payloads ("{"date":"2026-05-01"}") gain nothing
FUNCTION = "relief_payload"  # the SQL name of `unpack`, on every connection that reads
_HEX = re.compile(r"[0-9a-f]{64}")
# A compressor with the dictionary already loaded, copied for each payload: loading the
# dictionary anew took twice as long as the compression itself (0.13 ms a payload).
# Level 6 and memLevel 4, not 9 and 8: the copy of the compressor's state was most of an
# import's packing (256 KB a payload, 136 KB now): a month's 3,616 payloads pack in
# ~105 ms instead of ~150, each 2 bytes longer (68 on average). The stream inflates
# with the same dictionary whatever the level, so what is stored stays version 1.
_DEFLATE = zlib.compressobj(6, zlib.DEFLATED, -15, 4, zdict=WORDS[VERSION])


def pack(payload_json: str) -> str | bytes:
    """The payload as stored: compressed when that is shorter, else the text itself."""
    data = payload_json.encode("utf-8")
    if len(data) < MIN_PACKED:
        return payload_json
    deflate = _DEFLATE.copy()
    packed = bytes([VERSION]) + deflate.compress(data) + deflate.flush()
    return packed if len(packed) < len(data) else payload_json


def unpack(stored: str | bytes) -> str:
    """The payload's canonical JSON text. A BLOB that does not inflate (altered on disk)
    gives "", which no event's hash matches: the chain check then names the event as
    altered, where an exception would stop the check itself."""
    data = unpack_utf8(stored)
    if isinstance(data, str):
        return data
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return ""


def unpack_utf8(stored: str | bytes) -> str | bytes:
    """A compressed payload's UTF-8 bytes as they were hashed (b"" where they do not
    inflate), a plain one's text: the chain check hashes the bytes without making the
    text first."""
    if not isinstance(stored, bytes):
        return stored
    words = WORDS.get(stored[0]) if stored else None
    if words is None:
        return b""
    try:
        inflate = zlib.decompressobj(-15, zdict=words)
        data = inflate.decompress(stored[1:])  # all of it: the stream is whole in hand
    except zlib.error:
        return b""
    return data if inflate.eof else b""  # cut short: no end of stream


def pack_hash(text: str) -> str | bytes:
    return bytes.fromhex(text) if isinstance(text, str) and _HEX.fullmatch(text) else text


def register(conn: sqlite3.Connection) -> sqlite3.Connection:
    """Give `conn` the function the view `events` reads payloads with: SQLite refuses
    every query of a view whose function the connection lacks."""
    conn.create_function(FUNCTION, 1, unpack, deterministic=True)
    return conn
