"""What the county's bundles bring, and what a township's relay brings the county.

At the county, a township's relay carries events of several writers (its villages' and
its own), numbered by the relay: each is checked by the rule book as its writer's step,
kept under its writer's id, sequence number and hash, and the relay's number held is
what the county acknowledges.

At the township, the county's decision on a referred case is recorded at once as the
township's own step citing the county's number (文号), so that it travels on to the
village in the township's next bundle as any decision does."""

from __future__ import annotations

import json
from datetime import date

from desktop.core.county_steps import CHECK_FIELDS
from desktop.core.editions import EVENT as EDITION
from desktop.core.editions import ISSUERS
from desktop.core.errors import Refusal
from desktop.core.rulebook import RULE_OF_EVENT, RULES, check_step
from desktop.operations.casework import Casework
from desktop.operations.editions import forward_edition
from desktop.storage.eventlog import Event, insert_events
from desktop.storage.projection_batch import open_batch
from desktop.sync import relay
from desktop.sync.applying import (
    DIBAO_CHANGE_NOTICE,
    DIBAO_PAID,
    UNREADABLE,
    ImportReport,
    prefetch,
    project,
    refuse,
    rule_problem,
    same_or_conflict,
)
from desktop.sync.bundle import BundleRefused
from desktop.sync.verify import NOTHING_CHANGED

CHECKED, COUNTY_NOTED = RULES["spot_check"].event, RULES["county_note_assessment"].event
FORWARDED_CHECK = RULES["forward_spot_check"].event
FORWARDED_NOTE = RULES["forward_county_note"].event


def relay_pass(store, v, report: ImportReport, unreadable: int | None, today: date) -> None:
    db, sender = store.db, v.peer
    since = v.header["ranges"][0]["since"]
    held_n = relay.held(db, sender["workstation_id"])
    applied: list[Event] = []
    seen = _held_hashes(db, v.events)  # (writer, seq) → hash, of what is held here
    prefetch(db, v.events)
    for i, e in enumerate(v.events):
        n = since + 1 + i
        if n <= held_n:
            report.known += 1
            continue
        if report.refused:
            report.held += 1
            continue
        known = seen.get((e.workstation_id, e.seq))
        if known:
            same_or_conflict(known, e, v.name)
            report.known, held_n = report.known + 1, n
            continue
        _check_link(seen, e, v.name)
        if e.type in (DIBAO_CHANGE_NOTICE, DIBAO_PAID):
            _write_out(db, applied)
        role = sender["role"] if e.workstation_id == sender["workstation_id"] else "village"
        reason = rule_problem(store, e, role, today, relayed=True) or _not_as_checked(
            store, e) or (UNREADABLE if n == unreadable else project(store, e, n))
        if reason:
            refuse(db, v.header["bundle_id"], sender["workstation_id"], n, e.case_id, reason,
                   report)
        else:
            seen[e.workstation_id, e.seq] = e.hash
            applied.append(e)
            report.new, held_n = report.new + 1, n
    insert_events(db, applied)
    relay.set_held(db, sender["workstation_id"], held_n)


def _write_out(db, applied: list[Event]) -> None:
    """A 低保变动公示 is checked against the decisions in its households' history, which
    is read from the log, and a month's payment against the households as projected: at
    the county those mostly come in the same relay as the record, so what the pass applied
    before it is written first (in the import's
    transaction: a bundle refused whole still changes nothing)."""
    insert_events(db, applied)
    applied.clear()
    open_batch(db).flush()


def _not_as_checked(store, e: Event) -> str:
    """A township's word on the county's 抽查 comes back up with the case's history: it
    must name this county's own check of that case and say what the check said."""
    if e.type != FORWARDED_CHECK or not isinstance(e.payload, dict):
        return ""
    p = e.payload
    row = store.db.execute("SELECT hash, case_id, payload FROM events WHERE workstation_id"
                           " = ? AND seq = ? AND type = ?", [p.get("from_workstation"),
                                                             p.get("from_seq"), CHECKED]
                           ).fetchone()
    if (row is None or p.get("from_workstation") != store.workstation["id"]
            or (row[0], row[1]) != (p.get("from_hash"), e.case_id)):
        return "乡镇转达的抽查结果不是本局对该案件的抽查记录"
    own = json.loads(row[2])
    differ = [label for key, label in CHECK_FIELDS.items() if p.get(key) != own.get(key)]
    return f"乡镇转达的抽查结果与本局的记录不同:{'、'.join(differ)}" if differ else ""


def _held_hashes(db, events: list[Event]) -> dict[tuple[str, int], str]:
    """The hashes held here of the bundle's events and of the event before each: read
    in one query a writer, not two a relayed event."""
    wanted: dict[str, set[int]] = {}
    for e in events:
        wanted.setdefault(e.workstation_id, set()).update((e.seq, e.seq - 1))
    out = {}
    for writer, seqs in wanted.items():
        ordered = sorted(seqs)
        for start in range(0, len(ordered), 900):  # SQLite's limit on parameters
            part = ordered[start:start + 900]
            out.update(((writer, seq), digest) for seq, digest in db.execute(
                "SELECT seq, hash FROM events WHERE workstation_id = ? AND seq IN"
                f" ({','.join('?' * len(part))})", [writer, *part]))
    return out


def _check_link(seen: dict, e: Event, name: str) -> None:
    """Where the county holds the writer's event before this one, the chain must join
    (a relay carries a village's log filtered to the county's cases: gaps are normal)."""
    before = seen.get((e.workstation_id, e.seq - 1))
    if before and before != e.prev_hash:
        raise BundleRefused(f"{name} 中转来的事件({e.case_id[:40]})与本机已有的前一事件衔接不上。"
                            f"请联系技术人员核实;{NOTHING_CHANGED}")


def record_county_decisions(store, report: ImportReport, today: date) -> None:
    """Each case the county decided is recorded here as the county decided it."""
    work = Casework(store, today)
    rows = list(store.db.execute("SELECT id, county_decision FROM applications"
                                 " WHERE status = 'county_decided' ORDER BY id"))
    for case_id, text in rows:
        decided = json.loads(text)
        fields = {"date": decided["date"], "approver": decided["decider"],
                  "county_ref": decided["ref"]}
        if decided["decision"] == "approve":
            fields["amount_fen"] = decided["amount_fen"]
        else:
            fields["reason"] = decided["reason"]
        try:
            with store.transaction():
                work.perform(case_id, decided["decision"], fields)
            report.county_decided.append(case_id)
        except Refusal as exc:
            report.not_acknowledged.append(f"{case_id}:{exc.message}")


def forward_from_county(store, v, today: date) -> None:
    """What the county's bundle brought that concerns a village goes on to it with the
    township's next bundle (passed on in the same transaction, as the township's word
    naming the county's event): each edition of policy, each 抽查 result of one of its
    cases, each 讲评 note the county wrote about it, each 清理检查 the county opened."""
    from desktop.dibao.county_campaigns import forward_county_campaigns

    held = [e for e in v.events if store.db.execute(
        "SELECT 1 FROM events WHERE workstation_id = ? AND seq = ?",
        [e.workstation_id, e.seq]).fetchone()]  # refused ones stay behind
    forward_county_editions(store, held, today)
    forward_county_campaigns(store, held, v.peer, today)
    county = ISSUERS["county"].name(v.peer)
    for e in held:
        if e.type == CHECKED and not _forwarded(store, e, FORWARDED_CHECK):
            Casework(store, today).perform(e.case_id, "forward_spot_check",
                                           {**e.payload, "county": county, **_came_from(e)})
        elif (e.type == COUNTY_NOTED and e.case_id[9:12] != "000"
              and not _forwarded(store, e, FORWARDED_NOTE)):
            _record_note(store, e, county, today)


def forward_county_editions(store, events: list, today: date) -> list[str]:
    """Each edition of policy the county's bundle brought goes on to the villages."""
    done = {r[0] for r in store.db.execute(
        "SELECT case_id FROM events WHERE workstation_id = ? AND type = 'PolicyForwarded'",
        [store.workstation["id"]])}
    return [forward_edition(store, e, today) for e in events
            if e.type == EDITION and e.case_id not in done]


def _came_from(e) -> dict:
    return {"from_workstation": e.workstation_id, "from_seq": e.seq, "from_hash": e.hash}


def _forwarded(store, e, type_: str) -> bool:
    """Whether the county's event was passed on already (an import applied again)."""
    return any(json.loads(p).get("from_hash") == e.hash for (p,) in store.db.execute(
        "SELECT payload FROM events WHERE case_id = ? AND type = ? AND workstation_id = ?",
        [e.case_id, type_, store.workstation["id"]]))


def _record_note(store, e, county: str, today: date) -> None:
    """Checked as the village will check it, then written."""
    rule = RULE_OF_EVENT[FORWARDED_NOTE]
    clean = check_step(rule.code, {**e.payload, "county": county, "by": e.actor,
                                   **_came_from(e)}, None, today=today, policy=store.policy)
    problem = rule.place_problem(e.case_id, clean)
    if problem:
        raise Refusal(problem)
    store.record(actor=store.workstation["officer"], case_id=e.case_id, type_=FORWARDED_NOTE,
                 payload=clean)
