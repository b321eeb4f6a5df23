"""The sealed part of a bundle: events, attachments, acknowledgements (see bundle.py).

Parsing trusts nothing, even after the signature checked out: a peer's software could be
buggy or newer, so every field is checked for shape, every attachment for its name and
size, before anything reaches the store."""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import re
import zlib
from typing import Callable

from desktop.core.errors import Refusal
from desktop.storage.attachments import MAX_ATTACHMENT_BYTES
from desktop.storage.eventlog import Event
from desktop.sync.bundle import BundleRefused

# Format limits, not policy: what one bundle may hold, so that reading a hostile one costs
# bounded memory and time (the import target is 300 MB) whatever it claims. Parsing holds
# the text and the parsed values at once (about 2 x the text, plus up to ~100 bytes a JSON
# value), so each cap bounds one of these terms: the worst payload found inside all of
# them peaks at about 200 MB, interpreter included. `parts` keeps an export inside them.
MAX_PLAIN_BYTES = 64 * 1024 * 1024  # decompressed: 5,000 events are ~4 MB, the rest files
MAX_EVENTS = 20_000  # four times what an export puts in one bundle (BUNDLE_EVENTS)
MAX_JSON_VALUES = 1_000_000  # 200 an event at 5,000 events; an event has about 50
# A text with one character beyond the BMP (𠮷) is held at 4 bytes a character: this
# program writes the payload as ASCII JSON, so only an old or a hostile sender's is not.
MAX_NON_ASCII_BYTES = MAX_PLAIN_BYTES // 4
INFLATE_STEP = 1024 * 1024
DIGEST = re.compile(r"[0-9a-f]{64}")
_ASCII_JSON = json.JSONEncoder(ensure_ascii=True, sort_keys=True, separators=(",", ":"))
_EVENT_TEXT = ("workstation_id", "prev_hash", "hash", "recorded_at", "actor", "case_id", "type")


def build(events: list[Event], attachments: dict[str, bytes], acks: dict) -> bytes:
    doc = {"events": [e.row() | {"payload": e.payload} for e in events],
           "attachments": {d: base64.b64encode(c).decode("ascii")
                           for d, c in sorted(attachments.items())},
           "acks": acks}
    text = _ASCII_JSON.encode(doc).encode("ascii")
    if len(text) > MAX_PLAIN_BYTES or len(events) > MAX_EVENTS:
        raise Refusal(f"要发送的内容(含附件 {len(attachments)} 个)超过一个数据包的上限"
                      f"({MAX_PLAIN_BYTES // (1024 * 1024)} MB),未导出。请联系技术人员;"
                      f"本机数据未做任何改动。")
    return zlib.compress(text, 6)


def parts(events: list[Event], attachment_size: Callable[[str], int],
          max_events: int) -> list[list[Event]]:
    """The events in bundles a reader accepts: at most `max_events` each, and each one's
    text (events as ASCII JSON, their files in base64) under MAX_PLAIN_BYTES, so a village
    with many photos sends several bundles rather than one the township must refuse.
    One empty part when there are no events (acknowledgements only)."""
    budget = MAX_PLAIN_BYTES - 1024 * 1024  # acknowledgements and the document's frame
    out: list[list[Event]] = []
    part: list[Event] = []
    used, carried = 0, set()
    for e in events:
        files = attachments_of(e)
        if part and (len(part) >= max_events or used + _cost(e, files - carried,
                                                             attachment_size) > budget):
            out.append(part)
            part, used, carried = [], 0, set()
        used += _cost(e, files - carried, attachment_size)
        part.append(e)
        carried |= files
    return [*out, part] if part or not out else out


def _cost(event: Event, new_files: set[str], attachment_size) -> int:
    """An upper bound of what the event adds to the text: its row (~600 bytes and the
    payload escaped to ASCII) and the base64 of files the bundle does not yet carry."""
    return (600 + len(_ASCII_JSON.encode(event.payload))
            + sum(4 * attachment_size(d) // 3 + 100 for d in new_files))


def referenced_attachments(payload) -> set[str]:
    """Attachments an event refers to: a 64-hex SHA-256 under a key named `attachments`
    (a list) or ending in `_sha256` (the convention for every event that carries a file)."""
    found: set[str] = set()
    if isinstance(payload, (dict, list)):
        _collect(payload, "", found)
    return found


def attachments_of(event: Event) -> set[str]:
    """As `referenced_attachments`, but most events carry no file: when the payload's
    text has no key that could name one, the walk is skipped."""
    text = event.payload_json
    if '"attachments":' not in text and '_sha256":' not in text:
        return set()
    return referenced_attachments(event.payload)


def _collect(value: dict | list, key: str, found: set[str]) -> None:
    """Leaves are looked at in their container's loop, not in a call each: an import
    walks every event's payload."""
    items = value.items() if isinstance(value, dict) else ((key, v) for v in value)
    for k, v in items:
        if isinstance(v, str):
            k = str(k)
            if (k == "attachments" or k.endswith("_sha256")) and DIGEST.fullmatch(v):
                found.add(v)
        elif isinstance(v, (dict, list)):
            _collect(v, str(k), found)


def _bad(name: str, what: str) -> BundleRefused:
    return BundleRefused(f"{name} 的内容{what},不能导入。请让对方升级软件或重新导出;"
                         f"本机数据未做任何改动。")


def parse(plain: bytes, name: str) -> tuple[list[Event], dict[str, bytes], dict]:
    raw = _inflate(plain, name)
    # each value follows one separator, a byte: a text of fewer bytes needs no count
    if len(raw) > MAX_JSON_VALUES and _separators(raw) > MAX_JSON_VALUES:
        raise _bad(name, f"中的数据项过多(超过 {MAX_JSON_VALUES:,} 个)")
    if len(raw) > MAX_NON_ASCII_BYTES and not raw.isascii():
        raise _bad(name, f"过大(非 ASCII 编码的内容超过 {MAX_NON_ASCII_BYTES // 2 ** 20} MB)")
    try:
        text = raw.decode("utf-8")
        del raw  # a bundle holds up to 64 MB: never three copies at once
        doc = json.loads(text)
        del text
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        raise _bad(name, "无法解读") from None
    if not isinstance(doc, dict) or not isinstance(doc.get("events"), list):
        raise _bad(name, "缺少事件列表")
    rows = doc.pop("events")
    if len(rows) > MAX_EVENTS:
        raise _bad(name, f"中的事件过多(超过 {MAX_EVENTS:,} 个)")
    events = []
    for i, row in enumerate(rows):
        events.append(_event(row, name))
        rows[i] = None  # the event keeps the payload; the row's own dict can go
    return events, _attachments(doc.get("attachments"), name), _acks(doc.get("acks"), name)


_NOT_SEPARATORS = bytes(b for b in range(256) if b not in b",:[{")


def _separators(raw: bytearray) -> int:
    """How many of , : [ { the text holds: one pass (four `count`s read it four times),
    a step at a time so that the copy it makes stays small whatever the text."""
    return sum(len(raw[i:i + INFLATE_STEP].translate(None, _NOT_SEPARATORS))
               for i in range(0, len(raw), INFLATE_STEP))


def _inflate(plain: bytes, name: str) -> bytearray:
    """The decompressed payload, a step at a time: a small file that would inflate past
    MAX_PLAIN_BYTES is refused once that much is out, never inflated whole."""
    inflater, out, pending = zlib.decompressobj(), bytearray(), plain
    try:
        while not inflater.eof:
            step = inflater.decompress(pending, INFLATE_STEP)
            pending = inflater.unconsumed_tail
            if not step and not pending:
                break  # the input ended before the stream did
            out += step
            if len(out) > MAX_PLAIN_BYTES:
                raise _bad(name, f"过大(解压后超过 {MAX_PLAIN_BYTES // 2 ** 20} MB)")
    except zlib.error:
        raise _bad(name, "无法解读") from None
    if not inflater.eof or inflater.unused_data:
        raise _bad(name, "无法解读(压缩数据不完整或末尾有多余内容)")
    return out


def _event(row, name: str) -> Event:
    # the texts' types as one set, in C (a row comes from json.loads: a text is a str)
    if (not isinstance(row, dict) or set(map(type, map(row.get, _EVENT_TEXT))) != {str}
            or type(row.get("seq")) is not int or row["seq"] < 1
            or not isinstance(row.get("payload"), dict)):
        raise _bad(name, "中有格式不对的事件")
    e = Event(row["workstation_id"], row["seq"], row["prev_hash"], row["hash"],
              row["recorded_at"], row["actor"], row["case_id"], row["type"], row["payload"])
    try:
        same = e.content_hash() == e.hash
    except UnicodeEncodeError:  # a lone surrogate ("\ud800") cannot be hashed or stored
        raise _bad(name, f"中事件 {e.seq} 含有无效的字符(不成对的 UTF-16 代理项)") from None
    if not same:
        raise _bad(name, f"中事件 {e.seq} 的校验值不符(事件被改动)")
    return e


def _attachments(value, name: str) -> dict[str, bytes]:
    if not isinstance(value, dict):
        raise _bad(name, "缺少附件表")
    out = {}
    for digest in list(value):
        text = value.pop(digest)  # the base64 text goes as its bytes come: never both whole
        if not DIGEST.fullmatch(str(digest)):
            raise _bad(name, f"中有名称不合规的附件“{str(digest)[:40]}”(附件名只能是校验值,"
                             f"不能指向其他文件夹)")
        if not isinstance(text, str) or len(text) > (MAX_ATTACHMENT_BYTES * 4) // 3 + 4:
            raise _bad(name, f"中附件 {digest[:12]}… 大小不合理(超过 "
                             f"{MAX_ATTACHMENT_BYTES // (1024 * 1024)} MB)")
        try:
            content = base64.b64decode(text.encode("ascii"), validate=True)
        except (binascii.Error, UnicodeEncodeError):
            raise _bad(name, f"中附件 {digest[:12]}… 已损坏") from None
        if hashlib.sha256(content).hexdigest() != digest:
            raise _bad(name, f"中附件 {digest[:12]}… 与其校验值不符")
        out[digest] = content
    return out


def _acks(value, name: str) -> dict:
    ok = (isinstance(value, dict) and isinstance(value.get("workstation_id"), str)
          and type(value.get("held_seq")) is int and isinstance(value.get("refused"), list)
          and all(isinstance(r, dict) and type(r.get("seq")) is int
                  and isinstance(r.get("reason"), str) for r in value["refused"]))
    if not ok:
        raise _bad(name, "中的回执格式不对")
    return value
