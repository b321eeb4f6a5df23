"""The signed chain head: at each bundle export and each backup the workstation signs the
head of its own chain (workstation id, last sequence number, that event's hash, time)
with its Ed25519 key, so that a history rewritten and re-hashed consistently is caught
unless whoever rewrote it had the officer's key.

Where the signed head is kept:
- in the store (table `chain_heads`, migration 0007): the export's head in the live
  store, a backup's head in the backup itself (the copy is signed, not the live file, so
  that a backup taken through a read-only connection signs too);
- beside the keys, `keys/chain-head.json`: the heads signed here (the newest
  MAX_ANCHOR_HEADS) and the public keys that signed them. This file is what a store or a
  backup is checked against: the public key is not in the database, so a database
  rewritten elsewhere (a backup on a stick) cannot bring its own key; and a store or
  backup whose head rows were deleted is still held to the newest head signed here that
  it must contain.

Signing never asks for the passphrase: keys in clear, keys unlocked in this run or the
passphrase in the environment sign; otherwise the export or backup goes on without a
claim. A store with no signed head (older ones) passes the check with no claim; so does
a store of another workstation id than the one the keys folder signed for."""

from __future__ import annotations

import base64
import json
import os
import sqlite3
from pathlib import Path

from desktop.core.errors import Refusal
from desktop.paths import DataDir
from desktop.storage.eventlog import canonical

ANCHOR_FILE = "chain-head.json"
ANCHOR_FORMAT = "relief-desk-chain-head"
MAX_ANCHOR_HEADS = 500  # about 100 KB: more than a year of daily backups and exports
_DOMAIN = "relief-desk chain head v1"  # what a head signature means, nothing else
# A head signed after its store's chains were verified up to it (issue 17): a checkpoint,
# after which alone the start-up check re-hashes. Heads of v1 (older versions, signed
# without that check) still count as heads, never as checkpoints.
_VERIFIED = "relief-desk verified chain head v2"
CHECKPOINT_TRIES = 10  # heads looked at for a checkpoint, newest first


def anchor_path(data_dir: Path) -> Path:
    return DataDir(data_dir).chain_heads


def sign_head(store) -> dict | None:
    """Sign this workstation's chain head into the live store and the anchor file (at
    the end of a successful export). Returns the head, or None when nothing was signed."""
    with store.transaction():
        return sign_into(store.db.conn, store.path.parent)


def sign_into(conn: sqlite3.Connection, data_dir: Path) -> dict | None:
    """Sign the head of the store behind `conn` (writable: the live store inside a
    transaction, or a backup copy) and update the anchor file in `data_dir`."""
    ws_id = _own_id(conn)
    last = conn.execute("SELECT seq, hash FROM events WHERE workstation_id = ? ORDER BY seq"
                        " DESC LIMIT 1", [ws_id]).fetchone() if ws_id else None
    if not last or not _has_table(conn, "chain_heads"):
        return None
    pair = _keys_at_hand(data_dir, ws_id)
    if pair is None or not _chains_hold(conn, data_dir):
        return None  # a broken chain is never signed: the start-up check names it
    from desktop.storage.store import now_utc

    head = {"workstation_id": ws_id, "seq": last[0], "hash": last[1], "signed_at": now_utc()}
    head["signature"] = base64.b64encode(
        pair.signing.sign(_message(head, _VERIFIED))).decode("ascii")
    conn.execute("INSERT OR IGNORE INTO chain_heads (workstation_id, seq, hash, signed_at,"
                 " signature) VALUES (:workstation_id, :seq, :hash, :signed_at, :signature)",
                 head)
    _update_anchor(data_dir, head, pair.public_signing())
    return head


def _chains_hold(conn: sqlite3.Connection, data_dir: Path) -> bool:
    """Whether every chain in the store is whole, hashing only what entered it after
    the last checkpoint (so signing costs what was added since the last signing)."""
    from desktop.storage.db import Db
    from desktop.storage.eventlog import verify_chain
    from desktop.sync.chains import filtered_chains

    db = Db(conn)
    role, own_id = conn.execute("SELECT role, id FROM workstation LIMIT 1").fetchone()
    partial = filtered_chains(db, {"role": role, "id": own_id})
    return not verify_chain(db, partial, after=checkpoint(conn, data_dir))


def checkpoint(conn: sqlite3.Connection, data_dir: Path | None) -> int:
    """The rowid of the event up to which the store's chains were verified when this
    workstation signed its head there (0: none, verify everything): the newest verified
    head, signed by a key of the anchor file (never by one the store brings), whose
    event still has the signed hash. Every event that entered the store before it was
    hashed when that head was signed; whether the history before it was rewritten and
    re-hashed since is `problems`' question (the head's hash must match)."""
    anchor = _read_anchor(data_dir) if data_dir is not None else None
    ws_id = _own_id(conn)
    if not anchor or not ws_id or anchor["workstation_id"] != ws_id:
        return 0
    heads = [{**h, "workstation_id": ws_id} for h in anchor["heads"]]
    if _has_table(conn, "chain_heads"):
        keys = ("workstation_id", "seq", "hash", "signed_at", "signature")
        heads += [dict(zip(keys, row, strict=True)) for row in conn.execute(
            "SELECT workstation_id, seq, hash, signed_at, signature FROM chain_heads WHERE"
            " workstation_id = ? ORDER BY seq DESC LIMIT ?", [ws_id, CHECKPOINT_TRIES])]
    tried = 0
    for head in sorted(heads, key=lambda h: h["seq"], reverse=True):
        row = conn.execute("SELECT rowid, hash FROM events WHERE workstation_id = ? AND"
                           " seq = ?", [ws_id, head["seq"]]).fetchone()
        if row is None:
            continue  # beyond this (older) store
        if (row[1] == head["hash"] and _entered_in_order(conn, ws_id, head["seq"], row[0])
                and _verifies(head, anchor["public_keys"], (_VERIFIED,))):
            return row[0]
        tried += 1
        if tried >= CHECKPOINT_TRIES:
            break
    return 0


def _entered_in_order(conn, ws_id: str, seq: int, rowid: int) -> bool:
    """Our own events enter the store in their order: a head's event written again at
    the end (to move the checkpoint past events since altered) is no checkpoint."""
    later = conn.execute("SELECT MIN(rowid) FROM events WHERE workstation_id = ? AND seq > ?",
                         [ws_id, seq]).fetchone()[0]
    return later is None or later > rowid


def sign_copy(source: sqlite3.Connection, copy: sqlite3.Connection) -> dict | None:
    """Sign a backup copy (`copy`, outside any transaction) with the keys of the data
    directory of the store it was taken from (`source`); never fails the backup."""
    try:
        data_dir = _data_dir_of(source)
        if data_dir is None:
            return None
        with copy:
            return sign_into(copy, data_dir)
    except (Refusal, OSError, ValueError, sqlite3.Error):
        return None


def check_head(store) -> list[str]:
    """The check of an open store (what `problems` says about the live file)."""
    return problems(store.db.conn, store.path.parent, live=True)


def problems(conn: sqlite3.Connection, data_dir: Path | None, *, live: bool) -> list[str]:
    """Whether the store behind `conn` agrees with the heads signed in `data_dir`: its own
    newest signed head, and the newest head of the anchor file it must contain (for the
    live store: the anchor's newest; for a backup, which is older: the newest one not
    beyond its last event). Three row lookups, at most two signatures verified.
    `live`: the data directory's own store, which never holds fewer events than the
    anchor's newest head."""
    anchor = _read_anchor(data_dir) if data_dir is not None else None
    ws_id = _own_id(conn)
    if not anchor or not ws_id or anchor["workstation_id"] != ws_id:
        return []
    last = conn.execute("SELECT MAX(seq) FROM events WHERE workstation_id = ?",
                        [ws_id]).fetchone()[0] or 0
    held = [h for h in anchor["heads"] if live or h["seq"] <= last]
    heads = [{**held[-1], "workstation_id": ws_id}] if held else []
    if _has_table(conn, "chain_heads"):
        row = conn.execute("SELECT workstation_id, seq, hash, signed_at, signature FROM"
                           " chain_heads WHERE workstation_id = ? ORDER BY seq DESC LIMIT 1",
                           [ws_id]).fetchone()
        if row:
            keys = ("workstation_id", "seq", "hash", "signed_at", "signature")
            heads.insert(0, dict(zip(keys, row, strict=True)))
    for head in heads:
        found = _disagreement(conn, head, anchor["public_keys"])
        if found:
            return [found]
    return []


def _disagreement(conn, head: dict, public_keys: list[str]) -> str | None:
    seq = head["seq"]
    if not _verifies(head, public_keys):
        return f"事件日志的签名记录(事件 {seq})签名无效:不是本机密钥签的,日志可能被改写"
    row = conn.execute("SELECT hash FROM events WHERE workstation_id = ? AND seq = ?",
                       [head["workstation_id"], seq]).fetchone()
    if row is None:
        return f"本机签名确认过的事件 {seq} 在日志中不见了,事件日志被删改过"
    if row[0] != head["hash"]:
        return f"事件日志与本机签名记录不符(事件 {seq}):此前的历史被改写过"
    return None


def _message(head: dict, domain: str = _DOMAIN) -> bytes:
    return canonical([domain, head["workstation_id"], head["seq"], head["hash"],
                      head["signed_at"]]).encode("utf-8")


def _verifies(head: dict, public_keys: list[str],
              domains: tuple[str, ...] = (_VERIFIED, _DOMAIN)) -> bool:
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    try:
        signature = base64.b64decode(str(head["signature"]), validate=True)
        messages = [_message(head, domain) for domain in domains]
    except (ValueError, TypeError, KeyError):
        return False
    for text in public_keys:
        for message in messages:
            try:
                Ed25519PublicKey.from_public_bytes(base64.b64decode(text, validate=True)
                                                   ).verify(signature, message)
                return True
            except (InvalidSignature, ValueError, TypeError):
                continue
    return False


def _keys_at_hand(data_dir: Path, ws_id: str):
    """This workstation's keys if they open without asking anyone: in clear, already
    unlocked in this run, or with the passphrase in the environment. Never made here."""
    from desktop.sync import keys

    path = keys.key_path(data_dir)
    try:
        if not path.exists():
            return None
        if keys.is_protected(data_dir) and not os.environ.get(keys.PASSPHRASE_ENV):
            pair = keys._cached(path)  # noqa: SLF001  the run's unlocked keys, no prompt
            return pair if pair and pair.workstation_id == ws_id else None
        return keys.load_or_create(data_dir, ws_id)
    except Refusal:  # a wrong passphrase, another station's keys, a damaged key file
        return None


def _read_anchor(data_dir: Path) -> dict | None:
    """The anchor file, or None when absent or not one (then there is no claim)."""
    try:
        doc = json.loads(anchor_path(data_dir).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not (isinstance(doc, dict) and doc.get("format") == ANCHOR_FORMAT
            and isinstance(doc.get("workstation_id"), str)
            and isinstance(doc.get("public_keys"), list)
            and all(isinstance(k, str) for k in doc["public_keys"])
            and isinstance(doc.get("heads"), list) and all(map(_is_head, doc["heads"]))):
        return None
    doc["heads"].sort(key=lambda h: h["seq"])
    return doc


def _is_head(head) -> bool:
    return (isinstance(head, dict) and type(head.get("seq")) is int
            and all(isinstance(head.get(k), str) for k in ("hash", "signed_at", "signature")))


def _update_anchor(data_dir: Path, head: dict, public_key: bytes) -> None:
    """Add the head (the newest MAX_ANCHOR_HEADS are kept: one per backup or export,
    so that each older backup is held to the newest head it must contain) and the key
    that signed it (a key reset must not make older backups' heads unverifiable)."""
    from desktop.storage.attachments import write_atomically

    old = _read_anchor(data_dir)
    same_station = old is not None and old["workstation_id"] == head["workstation_id"]
    known = list(old["public_keys"]) if same_station else []
    heads = list(old["heads"]) if same_station else []
    key = base64.b64encode(public_key).decode("ascii")
    newer = not heads or heads[-1]["seq"] < head["seq"]
    if not newer and key in known:
        return
    if newer:
        heads.append({k: head[k] for k in ("seq", "hash", "signed_at", "signature")})
    doc = {"format": ANCHOR_FORMAT, "workstation_id": head["workstation_id"],
           "public_keys": known + ([key] if key not in known else []),
           "heads": heads[-MAX_ANCHOR_HEADS:]}
    path = anchor_path(data_dir)
    old_mask = os.umask(0o077)
    try:
        write_atomically(path, json.dumps(doc, ensure_ascii=False).encode("utf-8"))
    finally:
        os.umask(old_mask)


def _own_id(conn) -> str | None:
    try:
        row = conn.execute("SELECT id FROM workstation LIMIT 1").fetchone()
    except sqlite3.Error:
        return None
    return row[0] if row and isinstance(row[0], str) else None


def _has_table(conn, name: str) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
                        [name]).fetchone() is not None


def _data_dir_of(conn) -> Path | None:
    """The folder of the file behind `conn` (None for a database in memory)."""
    for _seq, name, file in conn.execute("PRAGMA database_list"):
        if name == "main" and file:
            return Path(file).parent
    return None
