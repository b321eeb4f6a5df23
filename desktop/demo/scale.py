"""County-scale synthetic data: 679 villages in 25 townships, ten years of cases, for the
benchmark (build_scripts/bench.py) and for trying the app on a store of realistic size.

Replaying 100,000 cases through `Casework` one step at a time takes minutes, so this
takes a short cut that still writes exactly what the real operations write: the cases
come from `demo_data` (the demo's own plans), every receipt and step goes through the
same checks (`normalise_application`, `next_status`, `check_step`) against the facts the
projection would hold, the events are hash-chained as `eventlog.append` chains them, and
the projections are written by `projections.apply_event`, the one projection code.
Villages are generated in parallel worker processes; a test compares the result with a
`Casework` replay of the same cases. Everything is deterministic by seed."""

from __future__ import annotations

import hashlib
import random
import uuid
from dataclasses import dataclass
from datetime import date
from typing import Iterator

from desktop.core.application import normalise_application
from desktop.core.policy import Policy
from desktop.core.rulebook import advance, check_step
from desktop.core.steps import CaseFacts
from desktop.core.workflow import ACTIONS, EVENT_TYPES, RECEIVED_EVENT, next_status
from desktop.demo import names as people
from desktop.demo.data import generate_cases
from desktop.storage.eventlog import GENESIS, Event, event_hash

COUNTY, COUNTY_CODE = "新邵县", "430522"
TOWNSHIPS, VILLAGES = 25, 679
YEARS = 10
# Ten years of a ledger are mostly settled cases; the few open ones are recent.
TEN_YEAR_MIX = {"filed": 52, "paid": 14, "refused": 3, "rejected_village": 4, "rejected": 3,
                "result_posted": 2, "approved": 1, "received": 2, "investigated": 1,
                "on_notice": 1, "referred": 1, "returned": 1}
PHOTO_RATE = 0.05  # notices whose posted sheet was photographed (a small attachment)
_JPEG = b"\xff\xd8\xff\xe0"


@dataclass(frozen=True)
class Village:
    code: str
    name: str
    township: str
    township_code: str


def county_villages() -> list[Village]:
    """679 villages spread over 25 townships (24–31 each), codes as in GB/T 10114."""
    rng = random.Random("county-villages")
    sizes = [VILLAGES // TOWNSHIPS] * TOWNSHIPS
    for i in range(VILLAGES - sum(sizes)):
        sizes[i] += 1
    out = []
    for t, size in enumerate(sizes):
        township = _township_name(t)
        t_code = f"{COUNTY_CODE}{101 + t:03d}"
        for v in range(size):
            name = rng.choice(people.VILLAGES).removesuffix("村") + rng.choice("东西南北新上下") + "村"
            out.append(Village(f"{t_code}{201 + v:03d}", name, township, f"{t_code}000"))
    return out


def _township_name(i: int) -> str:
    base = people.TOWNSHIPS[i % len(people.TOWNSHIPS)]
    return base if i < len(people.TOWNSHIPS) else base[:-1] + "新" + base[-1]


def share_cases(total: int, villages: list[Village], seed: int) -> list[int]:
    """Bigger and smaller villages: each gets a share of `total` in proportion to a
    random size, every village at least one case."""
    rng = random.Random(f"{seed}:share")
    weights = [rng.uniform(0.5, 1.5) for _ in villages]
    scale = total / sum(weights)
    counts = [max(1, int(w * scale)) for w in weights]
    for i in range(total - sum(counts)):
        counts[i % len(counts)] += 1
    while sum(counts) > total:
        counts[counts.index(max(counts))] -= 1
    return counts


def workstation_id(seed: int, code: str) -> str:
    return uuid.uuid5(uuid.NAMESPACE_URL, f"relief-desk-scale-{seed}-{code}").hex


@dataclass
class _Chain:
    """One workstation's hash chain, as eventlog.append extends it."""

    workstation_id: str
    seq: int = 0
    prev: str = GENESIS

    def event(self, at: str, actor: str, case_id: str, type_: str, payload: dict) -> Event:
        self.seq += 1
        digest = event_hash(self.workstation_id, self.seq, self.prev, at, actor, case_id,
                            type_, payload)
        e = Event(self.workstation_id, self.seq, self.prev, digest, at, actor, case_id, type_,
                  payload)
        self.prev = digest
        return e


@dataclass
class VillageJob:
    seed: int
    village: Village
    count: int
    today: date
    village_id: str
    years: int = YEARS
    village_only: bool = False  # stop each case before the township's first step


def village_events(job: VillageJob) -> tuple[list[tuple], list[bytes]]:
    """The village's events in log order, as (side, actor, case_id, type, payload, at)
    with side "village" or "township", and the photo attachments. Worker-process safe."""
    v, policy = job.village, Policy()
    seed = int(hashlib.sha256(f"{job.seed}:{v.code}".encode()).hexdigest()[:8], 16)
    cases = generate_cases(seed, job.count, job.today,
                           v.code, place=f"{COUNTY}{v.township}{v.name}",
                           window_days=365 * job.years, mix=TEN_YEAR_MIX)
    rng = random.Random(f"{job.seed}:{v.code}:photos")
    serials: dict[int, int] = {}
    out: list[tuple] = []
    photos: list[bytes] = []
    officer = f"{v.name}民生员"
    for case in cases:
        doc = normalise_application(case.application, today=job.today, policy=policy)
        year = int(doc["received_on"][:4])
        serials[year] = serials.get(year, 0) + 1
        case_id = f"{v.code}-{year}-{serials[year]:04d}"
        out.append(("village", officer, case_id, RECEIVED_EVENT, doc, doc["received_on"]))
        facts = _facts(doc)
        for code, fields in case.steps:
            side = ACTIONS[code].role
            if side == "township" and job.village_only:
                break  # the township's part comes later, by bundle
            clean = _checked(facts, code, fields, job.today, policy)
            actor = officer if side == "village" else f"{v.township}民政办"
            out.append((side, actor, case_id, EVENT_TYPES[code], clean, _on(clean, facts)))
            advance(facts, code, clean)
            if code == "post_notice" and rng.random() < PHOTO_RATE:
                photos.append(_photo(rng))
                out.append(_photo_event(v, officer, clean, photos[-1]))
    return out, photos


def _facts(doc: dict) -> CaseFacts:
    status = "draft" if doc.get("draft") else "received"
    return CaseFacts(status=status, program=doc["program"], category=doc["category"],
                     last_on=date.fromisoformat(doc["received_on"]))


def _checked(facts: CaseFacts, code: str, fields: dict, today: date, policy: Policy) -> dict:
    """As Casework.perform: the state machine, then the step's own rules."""
    next_status(facts.status, code, fields, role=ACTIONS[code].role, category=facts.category,
                deliberation_skippable=policy.deliberation_skippable)
    return check_step(code, fields, facts, today=today, policy=policy)


def _on(f: dict, facts: CaseFacts) -> str:
    return f.get("date") or f.get("start") or f.get("received_on") or facts.last_on.isoformat()


def _photo(rng: random.Random) -> bytes:
    """A small stand-in for the photo of a posted sheet: a JPEG header and 2–6 KB."""
    return _JPEG + rng.randbytes(rng.randint(2048, 6144))


def _photo_event(v: Village, officer: str, notice: dict, content: bytes) -> tuple:
    from desktop.storage.notice_projections import PHOTO_ATTACHED, batch_record_id

    payload = {"notice_id": notice["notice_id"], "village_code": v.code,
               "photo_sha256": hashlib.sha256(content).hexdigest(),
               "file_name": f"{notice['notice_id']}.jpg", "date": notice["start"]}
    return ("village", officer, batch_record_id(v.code, notice["notice_id"]), PHOTO_ATTACHED,
            payload, notice["start"])


def chained(rows: list[tuple], chains: dict[str, _Chain]) -> Iterator[Event]:
    """The rows as events of their side's chain, recorded at 09:00 of their day plus one
    second per event, so that the time of recording keeps the order of the log."""
    for i, (side, actor, case_id, type_, payload, on) in enumerate(rows):
        at = f"{on}T{9 + (i // 3600) % 10:02d}:{(i // 60) % 60:02d}:{i % 60:02d}.000000+00:00"
        yield chains[side].event(at, actor, case_id, type_, payload)


def fill_store(store, seed: int, total: int, today: date, *, villages: list[Village] | None
               = None, years: int = YEARS, workers: int = 2, village_only: bool = False) -> int:
    """Add `total` cases of `villages` (default: the whole county) to `store`, in one
    transaction; returns the events written. The store's own workstation plays its own
    side (a village store its village, a township store its township); `village_only`
    leaves out the township's steps, for village stores whose bundles a township imports."""
    from desktop.storage.eventlog import last_of

    villages = villages or county_villages()
    counts = share_cases(total, villages, seed) if len(villages) > 1 else [total]
    jobs = [VillageJob(seed, v, n, today, _own_or(store, v.code, seed), years, village_only)
            for v, n in zip(villages, counts, strict=True) if n]
    chains: dict[str, _Chain] = {}

    def chain(ws_id: str) -> _Chain:
        if ws_id not in chains:
            chains[ws_id] = _Chain(ws_id, *last_of(store.db, ws_id))
        return chains[ws_id]

    written = 0
    with _pool(workers) as run, store.transaction():
        for job, (rows, photos) in zip(jobs, run(village_events, jobs), strict=True):
            sides = {"village": chain(job.village_id),
                     "township": chain(_own_or(store, job.village.township_code, seed))}
            written += write_events(store, list(chained(rows, sides)))
            for content in photos:
                _keep_photo(store.path.parent, content)
    return written


def _own_or(store, code: str, seed: int) -> str:
    ws = store.workstation
    own = ws["village_code"] if ws["role"] == "village" else ws["township_code"]
    return ws["id"] if own == code else workstation_id(seed, code)


def write_events(store, events: list[Event]) -> int:
    """Append events (already chained) and project them with the one projection code."""
    from desktop.storage.eventlog import insert_events
    from desktop.storage.projection_batch import batched
    from desktop.storage.projections import apply_event

    insert_events(store.db, events)
    with batched(store.db):  # each case written once, as an import writes them
        for e in events:
            apply_event(store.db, e, store.policy)
    return len(events)


def _keep_photo(data_dir, content: bytes) -> None:
    """Written without fsync: synthetic data need not survive a power cut, and ten
    thousand fsyncs would take longer than generating the cases."""
    from desktop.storage.attachments import attachment_path

    path = attachment_path(data_dir, hashlib.sha256(content).hexdigest())
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)


class _pool:
    """`run(fn, jobs)` over worker processes (in order), or in this process for one worker."""

    def __init__(self, workers: int):
        self.workers, self.pool = workers, None

    def __enter__(self):
        if self.workers <= 1:
            return lambda fn, jobs: map(fn, jobs)
        import multiprocessing

        self.pool = multiprocessing.get_context().Pool(self.workers)
        return lambda fn, jobs: self.pool.imap(fn, jobs, chunksize=2)

    def __exit__(self, *exc):
        if self.pool:
            self.pool.terminate()
            self.pool.join()
