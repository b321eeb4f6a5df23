"""A forged-bundle kit: bundles that an enrolled village could make with its own real keys
and the project's own code, carrying whatever it likes. Each crafted event is chained
and hashed as the log does, after the village's real events, and the bundle is built,
sealed and signed by `desktop.sync.export` — so only the rule book stands between it and
the township's ledger."""

from __future__ import annotations

import copy
import dataclasses

from desktop.storage.eventlog import Event, all_events
from desktop.sync import export
from desktop.sync.importer import ImportReport, import_files
from desktop.sync.peers import peer
from tests.helpers import TODAY


def chained(prev: Event, type_: str, payload, case_id: str | None = None) -> Event:
    """An event written by `prev`'s workstation right after it."""
    e = Event(prev.workstation_id, prev.seq + 1, prev.hash, "", "2026-12-31T00:00:00+00:00",
              prev.actor, case_id or prev.case_id, type_, payload)
    return dataclasses.replace(e, hash=e.content_hash())


def signed_bundle(world, events: list[Event], *, acks: dict | None = None,
                  since: int | None = None, sender=None, recipient=None,
                  attachments: dict | None = None) -> bytes:
    """A bundle from `sender` (village A) to `recipient` (the township), signed and sealed
    with the sender's real keys."""
    sender = sender or world.a
    recipient = recipient or world.township
    p = peer(sender.db, recipient.workstation["id"])
    acks = acks or export.acks_for(sender.db, p["workstation_id"])
    since = export._acked(sender.db, p["workstation_id"]) if since is None else since
    return export._build(sender, p, events, attachments or {}, acks, since)[1]


def deliver(world, data: bytes, store=None, name: str = "forged.rdbundle") -> ImportReport:
    path = world.tmp / name
    path.write_bytes(data)
    (report,) = import_files(store or world.township, [path], TODAY)
    return report


def own_events(store) -> list[Event]:
    return list(all_events(store.db))


def with_event(world, type_: str, payload, case_id: str | None = None) -> bytes:
    """Village A's real log, then one crafted event."""
    events = own_events(world.a)
    return signed_bundle(world, events + [chained(events[-1], type_, payload, case_id)])


def receipt(world) -> dict:
    """A copy of a real, normalised application as village A stored it."""
    first = next(e for e in own_events(world.a) if e.type == "ApplicationReceived")
    return copy.deepcopy(first.payload)


def next_case_id(world, year: int = 2026, serial: int = 900) -> str:
    return f"{world.a.workstation['village_code']}-{year}-{serial:04d}"


def recorded_and_sent(world, writer, receiver, record: str, type_: str, payload: dict,
                      day) -> list[str]:
    """`writer`'s log gets a record made without its operation (a forged or faulty
    program), sent to `receiver` in a real bundle on `day`: the receiver's refusals of
    that record, and any bundle refused whole."""
    with writer.transaction():
        writer.record(actor="伪造", case_id=record, type_=type_, payload=payload)
    folder = world.tmp / f"forged-{record}"
    folder.mkdir()
    done = export.export_bundles(writer, folder, day)
    from desktop.sync.bundle import unpack

    rid = receiver.workstation["id"]
    paths = [e.path for e in done
             if unpack(e.path.read_bytes(), e.path.name).header["recipient"]["workstation_id"]
             == rid]
    reports = import_files(receiver, paths, day)
    return [reason for report in reports for _, case, reason in report.refused
            if case == record] + [report.error for report in reports if report.error]
