"""Export: for each recipient, every event it has not acknowledged, in bundles of at most
`BUNDLE_EVENTS` events (the first sync of ten years of a village is several files, each
read by the township in bounded memory, and applied in order).

A village sends its whole log beyond the township's acknowledgement; a township sends
each village only its own decisions on that village's cases (a village never sees
another village's households). Exporting is also the moment the village's cases whose
notice period ended are reported (上报): the `submit` steps and the record of the bundle
are one transaction, committed only once the file has been written and read back."""

from __future__ import annotations

import dataclasses
import hashlib
import re
import uuid
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from desktop.core.errors import Refusal
from desktop.core.roles import ROLES, region_of, relays_to
from desktop.core.ways import way
from desktop.safety.chainhead import sign_head
from desktop.storage.attachments import attachment_path, read_attachment
from desktop.storage.edition_projections import with_editions
from desktop.storage.eventlog import _COLUMNS, _from_row
from desktop.storage.store import now_utc
from desktop.sync import bundle, payload, relay, sealing
from desktop.sync.filewrite import free_name, publish, write_temp
from desktop.sync.identity import b64, fingerprint, keys_of, own_card, place_name, unb64
from desktop.sync.peers import active_peers, township_peer


@dataclass(frozen=True)
class Exported:
    path: Path
    recipient: str
    events: int
    attachments: int
    first_seq: int
    last_seq: int
    submitted: list[str]


def recipients(store) -> list[dict]:
    """A village sends to its township; a township to its villages and its county; a
    county to its townships (the roles table says whom each enrolls)."""
    role = store.workstation["role"]
    if role == "village":
        peer = township_peer(store.db)
        if not peer:
            raise Refusal(f"还没有登记乡镇民政办的身份文件,无法导出。请先{way('enroll')}。")
        return [peer]
    peers = [p for p in active_peers(store.db) if p["role"] in ROLES[role].enrolls]
    if not peers:
        below = "各乡镇" if role == "county" else "各村"
        raise Refusal(f"还没有登记任何对方工作站的身份文件,无法导出。请先登记{below}的身份文件。")
    return peers


# About 1.5 MB on the stick and 40 MB in the township's memory while it is read.
BUNDLE_EVENTS = 5000


def export_bundles(store, to_dir: Path, today: date, *, resend: bool = False,
                   progress=None) -> list[Exported]:
    """Write the bundles of every recipient that has something new; returns them.
    `resend`: everything from the first event, whatever the recipient acknowledged (after
    a lost or refused stick, or a recipient restored from an old backup); what it
    already holds it skips. `progress(done, 0)` after each bundle, before any is
    published: an exception from it leaves that recipient's bundles unwritten."""
    out = []
    for peer in recipients(store):
        out += _export_one(store, peer, Path(to_dir), today, resend, progress)
    sign_head(store)  # the chain head as sent, signed (issue 12: a rewrite needs the key)
    return out


def _export_one(store, peer: dict, folder: Path, today: date, resend: bool, progress=None
                ) -> list[Exported]:
    """All of one recipient's bundles in one transaction: none is recorded as sent unless
    every one was written and read back."""
    village = store.workstation["role"] == "village"
    written: list[tuple[Path, Path, Exported]] = []
    try:
        with store.transaction():
            submitted = submit_ready_cases(store, today) if village else []
            since = 0 if resend else _acked(store.db, peer["workstation_id"])
            numbered = _outgoing(store, peer, since, today)
            events = [e for _n, e in numbered]
            acks = acks_for(store.db, peer["workstation_id"],
                            relayed=relays_to(peer["role"], store.workstation["role"]))
            if (not village and not events
                    and acks["held_seq"] == _last_ack_sent(store.db, peer)):
                return []
            size = lambda d: attachment_path(store.path.parent, d).stat().st_size  # noqa: E731
            number = {(e.workstation_id, e.seq): n for n, e in numbered}
            for part in payload.parts(events, size, BUNDLE_EVENTS):
                first, last = ((number[part[0].workstation_id, part[0].seq],
                                number[part[-1].workstation_id, part[-1].seq])
                               if part else (0, 0))
                written.append(_write_part(store, peer, folder, today, part, acks, since,
                                           (first, last)))
                since = last if part else since
                if progress:
                    progress(len(written), 0)
    except BaseException:
        for tmp, _target, _done in written:
            tmp.unlink(missing_ok=True)
        raise
    for tmp, target, _done in written:
        publish(tmp, target, "本次的内容会包含在下一次导出的数据包里,请换一个 U 盘重新导出。")
    done = [d for _tmp, _target, d in written]
    done[0] = dataclasses.replace(done[0], submitted=submitted)
    return done


def _write_part(store, peer: dict, folder: Path, today: date, events: list, acks: dict,
                since: int, numbers: tuple[int, int]) -> tuple[Path, Path, Exported]:
    """One bundle written to a temporary file beside its name, and recorded as sent."""
    files = {d: read_attachment(store.path.parent, d)
             for e in events for d in payload.referenced_attachments(e.payload)}
    header, data = _build(store, peer, events, files, acks, since, numbers)
    tmp = write_temp(folder, data, lambda raw: _check_written(raw, data, store))
    try:
        target = free_name(folder, _file_stem(store, peer, header, today), bundle.SUFFIX)
        _record_sent(store.db, header, target, events, acks, numbers)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    first, last = numbers
    return tmp, target, Exported(target, place_name(peer), len(events), len(files), first,
                                 last, [])


def submit_ready_cases(store, today: date) -> list[str]:
    """上报: every case whose notice ended cleanly goes out with this bundle."""
    from desktop.operations.casework import Casework

    work = Casework(store, today)
    ids = [r[0] for r in store.db.execute(
        "SELECT id FROM applications WHERE status = 'notice_done' ORDER BY id")]
    for case_id in ids:
        work.perform(case_id, "submit", {"date": today.isoformat()})
    return ids


def _outgoing(store, peer: dict, since: int, today: date) -> list[tuple[int, object]]:
    """(number, event) to send: a township's relay to its county numbered by its queue,
    anything else by the writer's own sequence numbers."""
    from desktop.dibao.county_campaigns import report_county_campaigns

    db, own = store.db, store.workstation
    if relays_to(own["role"], peer["role"]):
        relay.name_villages(store, today)  # the county names villages by it
        report_county_campaigns(store, today)  # its figures of the county's 清理检查
        relay.queue_for_county(db, peer["workstation_id"])
        return relay.relayed_events(db, peer["workstation_id"], since)
    return [(e.seq, e) for e in pending_events(db, own["id"], peer, since)]


def pending_events(db, own_id: str, peer: dict, acked: int | None = None) -> list:
    acked = _acked(db, peer["workstation_id"]) if acked is None else acked
    sql = f"SELECT {_COLUMNS} FROM events WHERE workstation_id = ? AND seq > ?"
    args: list = [own_id, acked]
    place = region_of(peer)
    if place.level == "village":
        # a township sends a village only that village's cases (the code compared whole)
        clause, more = with_editions("substr(case_id, 1, 13) = ?", [place.code + "-"])
        sql += " AND " + clause  # and the editions of policy issued here
        args += more
    elif place.level == "township":
        # a county sends a township only the cases of its villages, and its editions
        clause, more = with_editions("substr(case_id, 1, 9) = ? AND substr(case_id, 13, 1) = '-'",
                                     [place.code])
        sql += " AND " + clause
        args += more
    return [_from_row(r) for r in db.execute(sql + " ORDER BY seq", args)]


def _acked(db, peer_id: str) -> int:
    row = db.execute("SELECT acked_seq FROM peer_acks WHERE peer_id = ?", [peer_id]).fetchone()
    return row[0] if row else 0


def acks_for(db, peer_id: str, *, relayed: bool = False) -> dict:
    """What we hold of the peer's: its sequence numbers, or, of a relay (a township to
    its county), the relay's numbers."""
    held = relay.held(db, peer_id) if relayed else db.execute(
        "SELECT MAX(seq) FROM events WHERE workstation_id = ?", [peer_id]).fetchone()[0] or 0
    refused = [{"seq": s, "reason": r} for s, r in db.execute(
        "SELECT seq, reason FROM sync_refusals WHERE workstation_id = ? ORDER BY seq",
        [peer_id])]
    return {"workstation_id": peer_id, "held_seq": held, "refused": refused}


def _last_ack_sent(db, peer: dict):
    row = db.execute("SELECT ack_seq FROM bundles_sent WHERE recipient_id = ? ORDER BY number"
                     " DESC LIMIT 1", [peer["workstation_id"]]).fetchone()
    return row[0] if row else None


def _build(store, peer: dict, events, files, acks, since: int,
           numbers: tuple[int, int] | None = None) -> tuple[dict, bytes]:
    """`numbers`: the first and last number the events go by (their own sequence
    numbers unless they are a relay)."""
    ws, keys, card = store.workstation, keys_of(store), own_card(store)
    if numbers is None and relays_to(ws["role"], peer["role"]):
        numbers = (since + 1, since + len(events)) if events else (0, 0)
    first, last = numbers or ((events[0].seq, events[-1].seq) if events else (0, 0))
    header = {
        "format_version": bundle.FORMAT_VERSION, "bundle_id": uuid.uuid4().hex,
        "created": now_utc(), "number": _number(store.db, peer),
        "sender": {"workstation_id": ws["id"], "role": ws["role"], "place": place_name(ws),
                   "village_code": ws["village_code"] or "",
                   "township_code": ws["township_code"], "fingerprint": fingerprint(card)},
        "recipient": {"workstation_id": peer["workstation_id"], "place": place_name(peer)},
        "events": len(events), "attachments": len(files),
        "ranges": [{"workstation_id": ws["id"], "first_seq": first, "last_seq": last,
                    "since": since}],
    }
    plain = payload.build(events, files, acks)
    sealed, eph, nonce = sealing.seal(plain, unb64(peer["encryption_key"]),
                                      bundle.aad(header))
    header["payload"] = {"sha256": hashlib.sha256(sealed).hexdigest(), "size": len(sealed),
                         "sealing": sealing.ALGORITHM, "ephemeral_key": b64(eph),
                         "nonce": b64(nonce), "compression": "zlib"}
    return header, bundle.pack(header, sealed, keys.signing.sign)


def _check_written(raw: bytes, expected: bytes, store) -> None:
    """Read back from the stick: the same bytes, a well-formed bundle, a valid signature."""
    if raw != expected:
        raise Refusal("写入 U 盘后读回的内容与写入的不一致,U 盘可能有故障。请换一个 U 盘。")
    written = bundle.unpack(raw, "刚写入的数据包")
    bundle.check_signature(written, keys_of(store).public_signing(), "刚写入的数据包")


def _number(db, peer: dict) -> int:
    row = db.execute("SELECT MAX(number) FROM bundles_sent WHERE recipient_id = ?",
                     [peer["workstation_id"]]).fetchone()
    return (row[0] or 0) + 1


def _file_stem(store, peer, header, today: date) -> str:
    first, last = header["ranges"][0]["first_seq"], header["ranges"][0]["last_seq"]
    what = f"事件{first}-{last}" if header["events"] else "仅回执"
    return (f"{file_safe(place_name(store.workstation))}至{file_safe(place_name(peer))}"
            f"_{today.isoformat()}_第{header['number']}包_{what}")


_NOT_IN_FILE_NAMES = re.compile(r"[\\/:*?\"<>|\x00-\x1f\x7f]|\.\.")


def file_safe(name: str) -> str:
    """A place name as part of a file name: cards and set-up refuse path characters, and
    a store made before they did still cannot write outside the chosen folder."""
    return _NOT_IN_FILE_NAMES.sub("_", name)[:40] or "_"


def _record_sent(db, header: dict, target: Path, events, acks: dict,
                 numbers: tuple[int, int]) -> None:
    first, last = numbers
    db["bundles_sent"].insert({
        "bundle_id": header["bundle_id"], "recipient_id": header["recipient"]["workstation_id"],
        "number": header["number"], "created_at": header["created"], "file_name": target.name,
        "first_seq": first, "last_seq": last, "events": len(events),
        "attachments": header["attachments"], "ack_seq": acks["held_seq"]})
