"""Import: verified bundles applied in one transaction each, in (workstation, seq) order.

An event is known by (workstation id, seq): one already held is skipped, so importing a
bundle again, or an old one after a newer one, changes nothing. A foreign event keeps its
own sequence number and hash. An event the case's state does not allow (a decided case
cannot be reopened by a later village event) is refused with its reason, and that
sender's later events in the bundle are held back, never applied out of order; the
refusal travels back in our next bundle's acknowledgements."""

from __future__ import annotations

import contextlib
import gc
from datetime import date
from pathlib import Path

from desktop.core.errors import Refusal
from desktop.core.roles import ROLES, relays_to
from desktop.core.rulebook import RULES
from desktop.storage.attachments import check_size
from desktop.storage.eventlog import Event, insert_events
from desktop.storage.projection_batch import batched
from desktop.storage.store import now_utc
from desktop.sync import relay
from desktop.sync.acknowledging import acknowledge
from desktop.sync.applying import (
    UNREADABLE,
    ImportReport,
    Unreadable,
    prefetch,
    project,
    refuse,
    rule_problem,
    same_or_conflict,
)
from desktop.sync.bundle import BundleRefused
from desktop.sync.county_import import (
    forward_from_county,
    record_county_decisions,
    relay_pass,
)
from desktop.sync.received_files import ReceivedFiles
from desktop.sync.verify import (
    NOTHING_CHANGED,
    Verified,
    read_opened,
    read_verified,
)

# The plaintexts kept from checking the bundles' headers to applying them (bytes).
KEEP_OPENED = 32 * 1024 * 1024
IMPORT_CACHE_KB = 32 * 1024  # SQLite's page cache while importing (2 MB otherwise)


def import_files(store, paths: list[Path], today: date, progress=None) -> list[ImportReport]:
    """Check every file first, then verify and apply them oldest first, one at a time:
    only one bundle's events are ever held in memory. Each bundle is applied whole or
    not at all (a savepoint), and the import is committed once: a month's thirty small
    bundles cost one wait for the disk, not thirty; their files are made durable
    together just before (received_files). `progress(done, total)`."""
    with _without_cycle_collection():
        return _import_files(store, paths, today, progress)


def _import_files(store, paths: list[Path], today: date, progress) -> list[ImportReport]:
    reports, ready, kept = [], [], 0
    for path in paths:
        try:
            opened = read_opened(store, path)
        except Refusal as exc:
            reports.append(ImportReport(Path(path).name, error=exc.message))
            continue
        # kept for the second step while small together (a month's bundles): one read
        # and one signature check a bundle, not two; a larger one is opened again then
        kept += len(opened[3])
        ready.append((opened[1], path, opened if kept <= KEEP_OPENED else None))
    ready.sort(key=lambda hp: (hp[0]["sender"]["workstation_id"], hp[0]["created"]))
    files = ReceivedFiles(store.path.parent)
    try:
        with _pages_in_memory(store.db.conn), store.transaction():
            for i, (_, path, opened) in enumerate(ready):
                ready[i] = None  # its plaintext is let go with it, not held to the end
                try:
                    v = read_verified(store, path, opened)
                    reports.append(apply_bundle(store, v, today))
                    files.add(v.attachments)  # made durable with the others', below
                except Refusal as exc:
                    reports.append(ImportReport(Path(path).name, error=exc.message))
                v = None  # one bundle held at a time
                if progress:
                    progress(i + 1, len(ready))
            files.keep()  # before the events that name them are committed
    finally:
        files.discard()  # the part files of an import that failed on the way
    store.refresh_policy(today)  # an edition received may be in force
    return reports


@contextlib.contextmanager
def _without_cycle_collection():
    """An import makes hundreds of thousands of small dicts and lists (the bundle's JSON,
    the rows it projects) that live until their bundle is applied: Python's collector of
    reference cycles walked them again and again and found nothing to free (the import's
    objects go with their last reference), a twentieth of a county's relay. Off while
    importing, back as it was after."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


@contextlib.contextmanager
def _pages_in_memory(conn):
    """An import's savepoints (a bundle's, its pass's) keep the pages they change as
    they were, in a journal of their own: in a temporary file, those were half the page
    writes of a month's import (14,000 writes, 6,000 without). In memory for the import:
    a bundle changes a few MB. And a page cache that holds what a month's import changes
    (2 MB read back 3,000 pages it had let go). SQLite refuses the journal's change
    within a transaction: an import inside one keeps the setting it has."""
    cache = conn.execute("PRAGMA cache_size").fetchone()[0]
    conn.execute(f"PRAGMA cache_size = {min(cache, -IMPORT_CACHE_KB)}")
    temp = None if conn.in_transaction else conn.execute("PRAGMA temp_store").fetchone()[0]
    if temp is not None:
        conn.execute("PRAGMA temp_store = MEMORY")
    try:
        yield
    finally:
        if temp is not None:
            conn.execute(f"PRAGMA temp_store = {int(temp)}")
        conn.execute(f"PRAGMA cache_size = {int(cache)}")


def apply_bundle(store, v: Verified, today: date) -> ImportReport:
    db, name = store.db, v.name
    done = db.execute("SELECT imported_at FROM bundles_received WHERE bundle_id = ?",
                      [v.header["bundle_id"]]).fetchone()
    if done:
        raise BundleRefused(f"{name} 已于 {done[0][:16].replace('T', ' ')} 导入过,其中没有新内容,"
                            f"无需再导入。{NOTHING_CHANGED}")
    report = ImportReport(name, sender=v.header["sender"].get("place", ""))
    relayed = relays_to(v.peer["role"], store.workstation["role"])
    with store.transaction():
        _check_gap(db, v, relay.held(db, v.peer["workstation_id"]) if relayed else None)
        _apply_events(store, v, report, today, relayed)
        for content in v.attachments.values():  # kept by import_files, with the others'
            check_size(content)
        _take_acks(store, v, report)
        if v.peer["role"] == "village":
            acknowledge(store, v.peer, report, today)
        elif v.peer["role"] == "county":
            record_county_decisions(store, report, today)
            forward_from_county(store, v, today)
        _record(db, v, report)
    return report


def _check_gap(db, v: Verified, relay_held: int | None) -> None:
    """The sender sends what follows our last acknowledgement (`since`); if we hold less
    than that (a restored database), applying would leave a hole: refuse. A sender that
    sends its whole log (a village) sends it without gaps: a missing number means a
    bundle is missing or the file was made by other software."""
    since = v.header["ranges"][0]["since"]
    held = _held(db, v.peer["workstation_id"]) if relay_held is None else relay_held
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


def _apply_events(store, v: Verified, report: ImportReport, today: date,
                  relayed: bool) -> None:
    """All the bundle's events in one pass and one projection batch, without a savepoint
    per event. An event the projections cannot read is rare: the pass is then undone
    and made again, refusing that event (and holding back those after it)."""
    unreadable = None
    while True:
        report.new, report.known, report.held, report.refused = 0, 0, 0, []
        try:
            with store.transaction(), batched(store.db):
                (relay_pass if relayed else _one_pass)(store, v, report, unreadable, today)
            return
        except Unreadable as exc:
            unreadable = exc.seq


def _one_pass(store, v: Verified, report: ImportReport, unreadable: int | None,
              today: date) -> None:
    held = _held_hashes(store.db, v)
    prefetch(store.db, v.events)
    applied: list[Event] = []
    for e in v.events:
        if e.seq in held:
            same_or_conflict(held[e.seq], e, v.name)
            report.known += 1
            continue
        if report.refused:
            report.held += 1
            continue
        _check_link(held, e, v.name)
        reason = rule_problem(store, e, v.peer["role"], today) or (
            UNREADABLE if e.seq == unreadable else project(store, e))
        if reason:
            refuse(store.db, v.header["bundle_id"], e.workstation_id, e.seq, e.case_id, reason,
                   report)
        else:
            held[e.seq] = e.hash
            applied.append(e)
            report.new += 1
    insert_events(store.db, applied)
    _note_decisions(applied, report)


# the township's steps a village is told of case by case in the import's report
DECISIONS = {RULES[code].event: RULES[code].label
             for code in ("approve", "reject", "refer", "return", "pay", "file")}


def _note_decisions(applied: list[Event], report: ImportReport) -> None:
    for e in applied:
        label = DECISIONS.get(e.type)
        if label:
            report.decided.setdefault(label, []).append(e.case_id)


def _held_hashes(db, v: Verified) -> dict[int, str]:
    """seq → hash of the sender's events we hold, from the one before the bundle's first
    to its last: read once, not twice an event."""
    if not v.events:
        return {}
    return dict(db.execute("SELECT seq, hash FROM events WHERE workstation_id = ? AND seq"
                           " BETWEEN ? AND ?", [v.peer["workstation_id"],
                                                v.events[0].seq - 1, v.events[-1].seq]))


def _check_link(held: dict[int, str], e: Event, name: str) -> None:
    """Where we hold the event before it, the chain must join (a village's log arrives
    whole; a township's arrives filtered to this village, so gaps there are normal)."""
    if held.get(e.seq - 1, e.prev_hash) != e.prev_hash:
        raise BundleRefused(f"{name} 中第 {e.seq} 号事件与本机已有的前一事件衔接不上。"
                            f"请联系技术人员核实;{NOTHING_CHANGED}")


def _take_acks(store, v: Verified, report: ImportReport) -> None:
    """What the sender holds of ours: only ever moves forward (an old bundle cannot undo
    a newer acknowledgement), and never beyond what we really wrote (an acknowledgement
    of events we never sent would stop us sending the ones we did). A county
    acknowledges our relay to it by the relay's numbers."""
    db, own_id, peer_id = store.db, store.workstation["id"], v.peer["workstation_id"]
    if relays_to(store.workstation["role"], v.peer["role"]):
        _take_relay_acks(db, v, report)
        return
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
    if relays_to(v.peer["role"], store.workstation["role"]):  # refusals of a relay by number
        db.execute("DELETE FROM sync_refusals WHERE workstation_id = ? AND seq <= ?",
                   [peer_id, relay.held(db, peer_id)])
        return
    db.execute("DELETE FROM sync_refusals WHERE workstation_id = ? AND seq <= ? AND seq IN "
               "(SELECT seq FROM events WHERE workstation_id = ?)",
               [peer_id, _held(db, peer_id), peer_id])


def _take_relay_acks(db, v: Verified, report: ImportReport) -> None:
    county = v.peer["workstation_id"]
    held = min(v.acks["held_seq"], relay.last_queued(db, county))
    row = db.execute("SELECT acked_seq FROM peer_acks WHERE peer_id = ?", [county]).fetchone()
    if not row or held > row[0]:
        db.execute("INSERT OR REPLACE INTO peer_acks (peer_id, acked_seq, updated_at)"
                   " VALUES (?, ?, ?)", [county, held, now_utc()])
    report.peer_refused = [(r["seq"], f"{relay.queued_case(db, county, r['seq'])}:{r['reason']}")
                           for r in v.acks["refused"] if relay.queued_case(db, county, r["seq"])]
    db.execute("DELETE FROM sync_refusals WHERE workstation_id = ? AND seq <= ? AND seq IN "
               "(SELECT seq FROM events WHERE workstation_id = ?)",
               [county, _held(db, county), county])


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
    if r.county_decided:
        lines.append(f"  已按县局决定登记 {len(r.county_decided)} 件(随下一次导出送回村里):"
                     f"{'、'.join(r.county_decided)}")
    if r.decided:
        lines.append("  乡镇办理:" + ";".join(f"{label} {len(ids)} 件({_some(ids)})"
                                          for label, ids in r.decided.items()))
    lines += [f"  未能自动登记 {x}" for x in r.not_acknowledged]
    lines += [f"  对方拒收了本机第 {seq} 号事件:{why}" for seq, why in r.peer_refused]
    return "\n".join(lines)


def _some(case_ids: list[str], shown: int = 10) -> str:
    return "、".join(case_ids[:shown]) + (" 等" if len(case_ids) > shown else "")
