"""How the log keeps an event's payload and hashes in fewer bytes (migration 0016,
log_schema.py), and the SQL function that gives the payload back as it was.

A payload is canonical JSON; one of at least MIN_PACKED bytes is kept compressed when
that is shorter, with a preset dictionary of what payloads repeat, so that a step of 200
bytes compresses as well as a long document (plain compression saves little on short
texts). Stored as a BLOB whose first byte is the format's version, the rest the stream;
a TEXT payload is kept as it came. So the column's type says which, and nothing is ever
guessed. Every version ever written is read for good:

  1  raw deflate, the dictionary of payload_words.py (2026-12-01, migration 0016);
  2  a zstd frame without its magic number, dictionary id or checksum, the content size
     in its header, the dictionary resources/compression/payloads-2.zstd-dict (made by
     build_scripts/make_payload_dict.py): written since. Deflate needed
     its compressor's state (the dictionary loaded: 136 KB) copied for every payload,
     ~20 µs a payload within an import, and ~25 µs to prepare an inflater; zstd keeps
     its prepared dictionary across calls (~4 µs and ~1.5 µs), the payloads ~5 % larger.

A hash of 64 lower-case hex digits is kept as its 32 bytes (a BLOB); anything else (a
peer's text that is not such a hash: it is hashed as it came) stays TEXT."""

from __future__ import annotations

import re
import sqlite3
import threading
import zlib

from desktop.storage.payload_words import WORDS

VERSION = 2  # the format new payloads are compressed in
MIN_PACKED = 48  # shorter payloads ("{"date":"2026-05-01"}") gain nothing
# No payload is larger than a bundle's plain text may be (sync.payload); a stored one
# that says it is (a store altered on disk) is not inflated, whatever it claims.
MAX_PAYLOAD = 64 * 1024 * 1024
FUNCTION = "relief_payload"  # the SQL name of `unpack`, on every connection that reads
_HEX = re.compile(r"[0-9a-f]{64}")
# version 2's dictionary: NEVER change it (every payload written in 2 needs it to be read)
DICTIONARY = ("compression", "payloads-2.zstd-dict")
_LEVEL = 3  # zstd's default: level 6 and more took three times as long for 1 % fewer bytes
_codecs = threading.local()  # a zstd (de)compressor is not to be shared between threads


def _zstd():
    """This thread's compressor and decompressor with the dictionary prepared (made at
    first use: the start of the program reads no payload)."""
    codec = getattr(_codecs, "zstd", None)
    if codec is None:
        import zstandard

        from desktop.paths import resource_path

        params = zstandard.ZstdCompressionParameters.from_level(
            _LEVEL, format=zstandard.FORMAT_ZSTD1_MAGICLESS, write_checksum=0,
            write_dict_id=0, write_content_size=1)
        words = zstandard.ZstdCompressionDict(resource_path(*DICTIONARY).read_bytes(),
                                              dict_type=zstandard.DICT_TYPE_FULLDICT)
        words.precompute_compress(compression_params=params)
        codec = _codecs.zstd = (
            zstandard.ZstdCompressor(dict_data=words, compression_params=params),
            zstandard.ZstdDecompressor(dict_data=words, format=zstandard.FORMAT_ZSTD1_MAGICLESS),
            zstandard)
    return codec


def pack(payload_json: str) -> str | bytes:
    """The payload as stored: compressed when that is shorter, else the text itself."""
    data = payload_json.encode("utf-8")
    if len(data) < MIN_PACKED:
        return payload_json
    packed = b"\x02" + _zstd()[0].compress(data)
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
    version = stored[0] if stored else None
    if version == 2:
        return _unzstd(stored)
    return _inflate(stored) if version == 1 else b""


def _unzstd(stored: bytes) -> bytes:
    _, decompressor, zstandard = _zstd()
    try:
        size = zstandard.get_frame_parameters(
            stored[1:], format=zstandard.FORMAT_ZSTD1_MAGICLESS).content_size
        if not 0 < size <= MAX_PAYLOAD:  # none written without its size
            return b""
        return decompressor.decompress(stored[1:])
    except zstandard.ZstdError:
        return b""


def _inflate(stored: bytes) -> bytes:
    try:
        inflate = zlib.decompressobj(-15, zdict=WORDS[1])
        data = inflate.decompress(stored[1:], MAX_PAYLOAD)  # the stream is whole in hand
    except zlib.error:
        return b""
    return data if inflate.eof else b""  # cut short (no end of stream) or too long


def pack_hash(text: str) -> str | bytes:
    return bytes.fromhex(text) if isinstance(text, str) and _HEX.fullmatch(text) else text


def register(conn: sqlite3.Connection) -> sqlite3.Connection:
    """Give `conn` the function the view `events` reads payloads with: SQLite refuses
    every query of a view whose function the connection lacks."""
    conn.create_function(FUNCTION, 1, unpack, deterministic=True)
    return conn
