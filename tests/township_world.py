"""A township with two enrolled villages whose cases reached it by bundle (on top of
tests/sync_world.py), and helpers for cases with chosen facts."""

from __future__ import annotations

from tests.helpers import ORDINARY_PATH, TODAY, advance, make_application, make_id
from tests.sync_world import World

REVIEW = dict(ORDINARY_PATH)["review"]


def case_with(world: World, store, until: str = "notice_done", proposed_fen: int = 0,
              **doc) -> str:
    """One case received in `store` (a village) with `doc` overrides, walked to `until`;
    a `proposed_fen` replaces the review's proposal."""
    work = world.work(store)
    (case_id,) = work.receive_many([make_application(**doc)])
    if proposed_fen:
        advance(work, case_id, "deliberated")
        work.step(case_id, "review", {**REVIEW, "proposed_fen": proposed_fen})
    advance(work, case_id, until)
    return case_id


def applicant(id_number: str | None = None, **more) -> dict:
    doc = make_application()["applicant"]
    return {**doc, "id_number": id_number or make_id(), **more}


def deliver(world: World) -> None:
    """Both villages send to the township."""
    world.send(world.a, world.township)
    world.send(world.b, world.township)


def post_result(world: World, store, case_id: str) -> None:
    world.work(store).step(case_id, "post_result", {"date": TODAY.isoformat(),
                                                     "notice_id": "JG-2026-01"})
