"""Applying one foreign event: what the importer's passes share (a writer's own log, and
a township's relay at the county): the rule book's verdict, the projection, a refusal."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from datetime import date

from desktop.core.editions import EVENT as EDITION
from desktop.core.editions import FORWARDED
from desktop.core.errors import Refusal
from desktop.core.rulebook import RECEIVED_EVENT, check_recorded
from desktop.core.workflow import EVENT_TYPES
from desktop.operations.casework import facts_of
from desktop.storage.edition_projections import last_version
from desktop.storage.eventlog import Event
from desktop.storage.notice_queries import join_problem
from desktop.storage.projection_batch import reader
from desktop.storage.projections import apply_event
from desktop.storage.store import now_utc
from desktop.sync.bundle import BundleRefused
from desktop.sync.verify import NOTHING_CHANGED


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
    county_decided: list[str] = field(default_factory=list)  # recorded as the county decided
    peer_refused: list[tuple[int, str]] = field(default_factory=list)
    error: str = ""  # the whole bundle was refused
    # the township's decisions a village received: its label (批准 …) → the cases
    decided: dict[str, list[str]] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.error


class Unreadable(Exception):
    """The projections could not read event `seq` (raised inside the pass, to undo it)."""

    def __init__(self, seq: int):
        super().__init__(seq)
        self.seq = seq


def refuse(db, bundle_id: str, workstation_id: str, seq: int, case_id: str, reason: str,
           report: ImportReport) -> None:
    """Record the refusal (it travels back with our acknowledgements): `seq` is the
    writer's number, or the relay's at the county."""
    report.refused.append((seq, case_id, reason))
    db.execute("INSERT OR REPLACE INTO sync_refusals (workstation_id, seq, reason, bundle_id,"
               " at) VALUES (?, ?, ?, ?, ?)", [workstation_id, seq, reason, bundle_id, now_utc()])


def same_or_conflict(known_hash: str, e: Event, name: str) -> None:
    if known_hash != e.hash:
        raise BundleRefused(f"{name} 中第 {e.seq} 号事件与本机已有的同号事件内容不同:对方的数据库"
                            f"可能由备份恢复或被复制过。请联系技术人员核实;{NOTHING_CHANGED}")


def rule_problem(store, e: Event, role: str, today: date, *, relayed: bool = False) -> str:
    """Why the rule book refuses the event here ("" when it passes): the same checks as
    the same step typed by an officer at this workstation. A relay brings a notice's cases
    one at a time as each is filed, so the county takes the sheet as the township held it."""
    row = reader(store.db).find(e.case_id)  # the case as projected so far in this import
    facts = facts_of(store.db, row) if row and e.type != RECEIVED_EVENT else None
    if e.type in (EDITION, FORWARDED):  # checked against the issuer's last one held
        facts = last_version(store.db, e.case_id)
    try:
        check_recorded(e.type, e.case_id, e.payload, facts, role=role, today=today,
                       policy=store.policy)
    except Refusal as exc:
        return exc.message[:300]
    if row and e.type == RECEIVED_EVENT:
        return f"本机已有案件 {e.case_id}"
    if e.type == NOTICE_POSTED and not relayed:
        return join_problem(store.db, e.case_id, e.payload)
    if e.type == DIBAO_CHANGE_NOTICE:  # each line a change decided here, posted once
        from desktop.dibao.change_notices import record_problem
        return record_problem(store.db, e.case_id, e.payload)
    if e.type == DIBAO_PAID:  # the village's households in payment, as held here
        from desktop.dibao import payments
        return payments.record_problem(store.db, e.payload)
    return ""


def prefetch(db, events: list[Event]) -> None:
    """Read what the pass will ask of the ledger for these events in a few statements,
    not one an event: their cases, and each receipt's earlier requests (一事一次)."""
    batch = reader(db)
    batch.prefetch(e.case_id for e in events)
    batch.prefetch_requests(_applicant_number(e.payload) for e in events
                            if e.type == RECEIVED_EVENT)


def _applicant_number(payload: dict):
    applicant = payload.get("applicant")  # not yet checked: anything at all
    return applicant.get("id_number") if isinstance(applicant, dict) else None


NOTICE_POSTED = EVENT_TYPES["post_notice"]
DIBAO_CHANGE_NOTICE = "DibaoChangeNoticeIssued"
DIBAO_PAID = "DibaoMonthPaid"
UNREADABLE = "事件内容不完整或格式不对,无法记入台账"


def project(store, e: Event, number: int | None = None) -> str:
    """Project the foreign event (it is logged with the pass, under its own id, seq and
    hash); a payload the projections cannot read undoes the pass (`Unreadable`, with
    the event's number in the bundle: its seq, or its place in a relay)."""
    try:
        apply_event(store.db, e, store.policy)
    except (KeyError, TypeError, ValueError, AttributeError, sqlite3.IntegrityError):
        raise Unreadable(e.seq if number is None else number) from None
    return ""
