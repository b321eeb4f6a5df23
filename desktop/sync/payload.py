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

from desktop.storage.attachments import MAX_ATTACHMENT_BYTES
from desktop.storage.eventlog import Event, canonical
from desktop.sync.bundle import BundleRefused

MAX_PLAIN_BYTES = 768 * 1024 * 1024
DIGEST = re.compile(r"[0-9a-f]{64}")
_EVENT_TEXT = ("workstation_id", "prev_hash", "hash", "recorded_at", "actor", "case_id", "type")


def build(events: list[Event], attachments: dict[str, bytes], acks: dict) -> bytes:
    doc = {"events": [e.row() | {"payload": e.payload} for e in events],
           "attachments": {d: base64.b64encode(c).decode("ascii")
                           for d, c in sorted(attachments.items())},
           "acks": acks}
    return zlib.compress(canonical(doc).encode("utf-8"), 6)


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
    try:
        inflater = zlib.decompressobj()
        raw = inflater.decompress(plain, MAX_PLAIN_BYTES)
        if inflater.unconsumed_tail:
            raise _bad(name, "过大(解压后超过 768 MB)")
        text = raw.decode("utf-8")
        del raw  # a bundle of ten years holds tens of MB: never three copies at once
        doc = json.loads(text)
        del text
    except (zlib.error, UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        raise _bad(name, "无法解读") from None
    if not isinstance(doc, dict) or not isinstance(doc.get("events"), list):
        raise _bad(name, "缺少事件列表")
    rows = doc.pop("events")
    events = []
    for i, row in enumerate(rows):
        events.append(_event(row, name))
        rows[i] = None  # the event keeps the payload; the row's own dict can go
    return events, _attachments(doc.get("attachments"), name), _acks(doc.get("acks"), name)


def _event(row, name: str) -> Event:
    if (not isinstance(row, dict) or not all(isinstance(row.get(k), str) for k in _EVENT_TEXT)
            or type(row.get("seq")) is not int or row["seq"] < 1
            or not isinstance(row.get("payload"), dict)):
        raise _bad(name, "中有格式不对的事件")
    e = Event(row["workstation_id"], row["seq"], row["prev_hash"], row["hash"],
              row["recorded_at"], row["actor"], row["case_id"], row["type"], row["payload"])
    if e.content_hash() != e.hash:
        raise _bad(name, f"中事件 {e.seq} 的校验值不符(事件被改动)")
    return e


def _attachments(value, name: str) -> dict[str, bytes]:
    if not isinstance(value, dict):
        raise _bad(name, "缺少附件表")
    out = {}
    for digest, text in value.items():
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
