"""Import: verified bundles applied in one transaction each, in (workstation, seq) order.

An event is known by (workstation id, seq): one already held is skipped, so importing a
bundle again, or an old one after a newer one, changes nothing. A foreign event keeps its
own sequence number and hash. An event the case's state does not allow (a decided case
cannot be reopened by a later village event) is refused with its reason, and that
sender's later events in the bundle are held back, never applied out of order; the
refusal travels back in our next bundle's acknowledgements."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from desktop.core.editions import EVENT as EDITION
from desktop.core.errors import Refusal
from desktop.core.roles import ROLES, region_of
from desktop.core.rulebook import RECEIVED_EVENT, check_recorded
from desktop.operations.casework import Casework, facts_of
from desktop.storage.attachments import store_bytes
from desktop.storage.edition_projections import last_version
from desktop.storage.eventlog import Event, insert_events
from desktop.storage.projection_batch import batched, reader
from desktop.storage.projections import apply_event
from desktop.storage.store import now_utc
from desktop.sync.bundle import BundleRefused
from desktop.sync.verify import (
    NOTHING_CHANGED,
    Verified,
    read_header,
    read_verified,
)


@dataclass
class ImportReport:
    name: str
    sender: str = ""
    new: int = 0
    known: int = 0
    refused: list[tuple[int, str, str]] = field(default_factory=list)  # seq, case, reason
    held: int = 0
    acknowledged: list[str] = field(default_factory=list)
    not_acknowledged: list[str] = field(default_factory=list)
    peer_refused: list[tuple[int, str]] = field(default_factory=list)
    error: str = ""  # the whole bundle was refused

    @property
    def ok(self) -> bool:
        return not self.error


def import_files(store, paths: list[Path], today: date, progress=None) -> list[ImportReport]:
    """Check every file first, then verify and apply them oldest first, one at a time:
    only one bundle's events are ever held in memory. Each bundle is applied whole or
    not at all (a savepoint), and the import is committed once: a month's thirty small
    bundles cost one wait for the disk, not thirty. `progress(done, total)`."""
    reports, ready = [], []
    for path in paths:
        try:
            ready.append((read_header(store, path), path))
        except Refusal as exc:
            reports.append(ImportReport(Path(path).name, error=exc.message))
    ready.sort(key=lambda hp: (hp[0]["sender"]["workstation_id"], hp[0]["created"]))
    with store.transaction():
        for i, (_, path) in enumerate(ready):
            try:
                reports.append(apply_bundle(store, read_verified(store, path), today))
            except Refusal as exc:
                reports.append(ImportReport(Path(path).name, error=exc.message))
            if progress:
                progress(i + 1, len(ready))
    store.refresh_policy(today)  # an edition received may be in force
    return reports


def apply_bundle(store, v: Verified, today: date) -> ImportReport:
    db, name = store.db, v.name
    done = db.execute("SELECT imported_at FROM bundles_received WHERE bundle_id = ?",
                      [v.header["bundle_id"]]).fetchone()
    if done:
        raise BundleRefused(f"{name} 已于 {done[0][:16].replace('T', ' ')} 导入过,其中没有新内容,"
                            f"无需再导入。{NOTHING_CHANGED}")
    report = ImportReport(name, sender=v.header["sender"].get("place", ""))
    with store.transaction():
        _check_gap(db, v)
        _apply_events(store, v, report, today)
        for content in v.attachments.values():
            store_bytes(store.path.parent, content)
        _take_acks(db, v, report, store.workstation["id"])
        if store.workstation["role"] == "township":
            _acknowledge(store, v, report, today)
        _record(db, v, report)
    return report


def _check_gap(db, v: Verified) -> None:
    """The sender sends what follows our last acknowledgement (`since`); if we hold less
    than that (a restored database), applying would leave a hole: refuse. A sender that
    sends its whole log (a village) sends it without gaps: a missing number means a
    bundle is missing or the file was made by other software."""
    since = v.header["ranges"][0]["since"]
    held = _held(db, v.peer["workstation_id"])
    if v.events and held < since:
        raise BundleRefused(f"{v.name} 接续的是对方第 {since} 号之后的事件,但本机只有到第 {held} 号。"
                            f"请先导入对方在它之前的数据包(文件名中“第几包”较小的,可以一起选择);"
                            f"如果都已导入过,本机可能由旧备份恢复过,请让对方“重新发送全部”。"
                            f"{NOTHING_CHANGED}")
    if not ROLES[v.peer["role"]].whole_log or not v.events:
        return
    expected = since + 1
    for e in v.events:
        if e.seq > max(expected, held + 1):
            missing = max(expected, held + 1)
            raise BundleRefused(f"{v.name} 缺少对方第 {missing} 号到第 {e.seq - 1} 号事件。请先导入"
                                f"包含这些事件的数据包,或让对方“重新发送全部”;{NOTHING_CHANGED}")
        expected = e.seq + 1


def _held(db, workstation_id: str) -> int:
    return db.execute("SELECT MAX(seq) FROM events WHERE workstation_id = ?",
                      [workstation_id]).fetchone()[0] or 0


class _Unreadable(Exception):
    """The projections could not read event `seq` (raised inside the pass, to undo it)."""

    def __init__(self, seq: int):
        super().__init__(seq)
        self.seq = seq


def _apply_events(store, v: Verified, report: ImportReport, today: date) -> None:
    """All the bundle's events in one pass and one projection batch, without a savepoint
    per event. An event the projections cannot read is rare: the pass is then undone
    and made again, refusing that event (and holding back those after it)."""
    unreadable = None
    while True:
        report.new, report.known, report.held, report.refused = 0, 0, 0, []
        try:
            with store.transaction(), batched(store.db):
                _one_pass(store, v, report, unreadable, today)
            return
        except _Unreadable as exc:
            unreadable = exc.seq


def _one_pass(store, v: Verified, report: ImportReport, unreadable: int | None,
              today: date) -> None:
    held = _held_hashes(store.db, v)
    applied: list[Event] = []
    for e in v.events:
        if e.seq in held:
            _same_or_conflict(held[e.seq], e, v.name)
            report.known += 1
            continue
        if report.refused:
            report.held += 1
            continue
        _check_link(held, e, v.name)
        reason = _rule_problem(store, e, v.peer["role"], today) or (
            UNREADABLE if e.seq == unreadable else _project(store, e))
        if reason:
            _refuse(store.db, v, e, reason, report)
        else:
            held[e.seq] = e.hash
            applied.append(e)
            report.new += 1
    insert_events(store.db, applied)


def _held_hashes(db, v: Verified) -> dict[int, str]:
    """seq → hash of the sender's events we hold, from the one before the bundle's first
    to its last: read once, not twice an event."""
    if not v.events:
        return {}
    return dict(db.execute("SELECT seq, hash FROM events WHERE workstation_id = ? AND seq"
                           " BETWEEN ? AND ?", [v.peer["workstation_id"],
                                                v.events[0].seq - 1, v.events[-1].seq]))


def _refuse(db, v: Verified, e: Event, reason: str, report: ImportReport) -> None:
    report.refused.append((e.seq, e.case_id, reason))
    db.execute("INSERT OR REPLACE INTO sync_refusals (workstation_id, seq, reason, bundle_id,"
               " at) VALUES (?, ?, ?, ?, ?)",
               [e.workstation_id, e.seq, reason, v.header["bundle_id"], now_utc()])


def _same_or_conflict(known_hash: str, e: Event, name: str) -> None:
    if known_hash != e.hash:
        raise BundleRefused(f"{name} 中第 {e.seq} 号事件与本机已有的同号事件内容不同:对方的数据库"
                            f"可能由备份恢复或被复制过。请联系技术人员核实;{NOTHING_CHANGED}")


def _check_link(held: dict[int, str], e: Event, name: str) -> None:
    """Where we hold the event before it, the chain must join (a village's log arrives
    whole; a township's arrives filtered to this village, so gaps there are normal)."""
    if held.get(e.seq - 1, e.prev_hash) != e.prev_hash:
        raise BundleRefused(f"{name} 中第 {e.seq} 号事件与本机已有的前一事件衔接不上。"
                            f"请联系技术人员核实;{NOTHING_CHANGED}")


def _rule_problem(store, e: Event, role: str, today: date) -> str:
    """Why the rule book refuses the event here ("" when it passes): the same checks as
    the same step typed by an officer at this workstation."""
    row = reader(store.db).find(e.case_id)  # the case as projected so far in this import
    facts = facts_of(store.db, row) if row and e.type != RECEIVED_EVENT else None
    if e.type == EDITION:  # an edition is checked against the issuer's last one held
        facts = last_version(store.db, e.case_id)
    try:
        check_recorded(e.type, e.case_id, e.payload, facts, role=role, today=today,
                       policy=store.policy)
    except Refusal as exc:
        return exc.message[:300]
    if row and e.type == RECEIVED_EVENT:
        return f"本机已有案件 {e.case_id}"
    return ""


UNREADABLE = "事件内容不完整或格式不对,无法记入台账"


def _project(store, e: Event) -> str:
    """Project the foreign event (it is logged with the pass, under its own id, seq and
    hash); a payload the projections cannot read undoes the pass (`_Unreadable`)."""
    try:
        apply_event(store.db, e, store.policy)
    except (KeyError, TypeError, ValueError, AttributeError, sqlite3.IntegrityError):
        raise _Unreadable(e.seq) from None
    return ""


def _take_acks(db, v: Verified, report: ImportReport, own_id: str) -> None:
    """What the sender holds of ours: only ever moves forward (an old bundle cannot undo
    a newer acknowledgement), and never beyond what we really wrote (an acknowledgement
    of events we never sent would stop us sending the ones we did)."""
    peer_id = v.peer["workstation_id"]
    held = min(v.acks["held_seq"], _held(db, own_id))
    row = db.execute("SELECT acked_seq FROM peer_acks WHERE peer_id = ?", [peer_id]).fetchone()
    if not row or held > row[0]:
        db.execute("INSERT OR REPLACE INTO peer_acks (peer_id, acked_seq, updated_at)"
                   " VALUES (?, ?, ?)", [peer_id, held, now_utc()])
    ours = {r[0] for r in db.execute(
        "SELECT seq FROM events WHERE workstation_id = ? AND seq IN (%s)"
        % ",".join("?" * len(v.acks["refused"])), [own_id, *(r["seq"] for r in v.acks["refused"])]
    )} if v.acks["refused"] else set()
    # a refusal of an event we never wrote is no refusal of ours: not shown as one
    report.peer_refused = [(r["seq"], r["reason"]) for r in v.acks["refused"]
                           if r["seq"] in ours]
    db.execute("DELETE FROM sync_refusals WHERE workstation_id = ? AND seq <= ? AND seq IN "
               "(SELECT seq FROM events WHERE workstation_id = ?)",
               [peer_id, _held(db, peer_id), peer_id])


def _acknowledge(store, v: Verified, report: ImportReport, today: date) -> None:
    """乡镇接收: each submitted case of the sender's village is acknowledged at once; the
    acknowledgement travels back in the township's next bundle."""
    work = Casework(store, today)
    cases = [r[0] for r in store.db.execute(
        "SELECT id FROM applications WHERE status = 'submitted' AND substr(id, 1, 13) = ?"
        " ORDER BY id", [region_of(v.peer).code + "-"])]
    with batched(store.db) as batch:
        for case_id in cases:
            if batch.holds(case_id):  # Casework reads the case from its table
                batch.flush()
            try:
                with store.transaction():
                    work.perform(case_id, "acknowledge", {"date": today.isoformat()})
                report.acknowledged.append(case_id)
            except Refusal as exc:
                if batch.holds(case_id):  # refused after projecting: the savepoint cannot
                    raise  # take it back from the batch, so the whole bundle is refused
                report.not_acknowledged.append(f"{case_id}:{exc.message}")


def _record(db, v: Verified, report: ImportReport) -> None:
    h = v.header
    db.execute("INSERT INTO bundles_received (bundle_id, sender_id, created_at, imported_at,"
               " file_name, new_events, known_events, refused_events, report)"
               " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
               [h["bundle_id"], h["sender"]["workstation_id"], h["created"], now_utc(), v.name,
                report.new, report.known, len(report.refused), describe(report)])


def describe(r: ImportReport) -> str:
    """The report printed for the officer, one bundle."""
    if r.error:
        return f"{r.name}:未导入。{r.error}"
    lines = [f"{r.name}(来自 {r.sender}):新事件 {r.new} 个,已有 {r.known} 个"
             + (f",拒收 {len(r.refused)} 个,暂缓 {r.held} 个" if r.refused else "")
             + ("。其中没有新内容。" if not r.new and not r.refused else "。")]
    lines += [f"  拒收 第 {seq} 号({case}):{why}" for seq, case, why in r.refused]
    if r.held:
        lines.append(f"  其后的 {r.held} 个事件暂缓,待上面的问题解决后随下一个数据包再导入。")
    if r.acknowledged:
        lines.append(f"  已接收案件 {len(r.acknowledged)} 件:{'、'.join(r.acknowledged)}")
    lines += [f"  未能自动接收 {x}" for x in r.not_acknowledged]
    lines += [f"  对方拒收了本机第 {seq} 号事件:{why}" for seq, why in r.peer_refused]
    return "\n".join(lines)
