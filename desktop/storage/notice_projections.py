"""Projections of notice batches (issue 3): `notices` (one row per batch) and
`notice_cases` (the cases of each batch, as printed on its sheet).

A batch has no event of its own when it is created: it is its cases' NoticePosted (or
ResultPosted) events sharing a notice id. What the sheet printed (name, group, household
size, amount) is copied when the case joins the batch, so a batch reprinted later shows
what was posted. Batch-level facts (the result notice's board, the photo of the posted
sheet) are events of the village's own, whose case_id is `<village code>-<notice id>`
(so a bundle's scope check sees them as the village's, like its cases)."""

from __future__ import annotations

from desktop.storage.notice_rows import HeldNotices
from desktop.storage.projection_batch import batched, open_batch

TABLES: tuple[str, ...] = ("notice_cases", "notices")
RESULT_ISSUED = "ResultNoticeIssued"
PHOTO_ATTACHED = "NoticePhotoAttached"
BATCH_EVENTS = frozenset({RESULT_ISSUED, PHOTO_ATTACHED})  # village-side, not about one case


def batch_record_id(village_code: str, notice_id: str) -> str:
    return f"{village_code}-{notice_id}"


def village_of(case_id: str) -> str:
    """Case numbers start with the village code (430522101201-2026-0001)."""
    return case_id.split("-", 1)[0]


def join_state(db, key: tuple) -> tuple[dict | None, int, int]:
    """The batch `key` as projected so far (through the projection batch open on `db`,
    whose rows are written only when it is), its ended and its objected-to cases."""
    batch = open_batch(db)
    held = HeldNotices(db) if batch is None else batch.held_by(__name__, HeldNotices)
    return held.join_state(key)


def apply(db, event, policy) -> None:
    """Project `event` into this feature's tables (called for every event), through the
    projection batch open on `db` (one of its own when none is: a migration's replay)."""
    handler = _HANDLERS.get(event.type)
    if handler is None:
        return
    batch = open_batch(db)
    if batch is None:
        with batched(db) as batch:
            handler(batch.held_by(__name__, HeldNotices), event)
        return
    handler(batch.held_by(__name__, HeldNotices), event)


def _posted(held: HeldNotices, e) -> None:
    f = e.payload
    app = held.case(e.case_id)
    key = (village_of(e.case_id), f["notice_id"])
    held.ensure(key, kind="initial", program=app["program"], start=f["start"],
                days=f["days"], board=f["board"], actor=e.actor)
    _join(held, key, app, app["proposed_fen"], "on_notice")


def _result_posted(held: HeldNotices, e) -> None:
    f = e.payload
    if not f.get("notice_id"):
        return
    app = held.case(e.case_id)
    key = (village_of(e.case_id), f["notice_id"])
    held.ensure(key, kind="result", program=app["program"], start=f["date"], days=None,
                board="", actor=e.actor)
    _join(held, key, app, app["approved_fen"], "posted")


def _result_issued(held: HeldNotices, e) -> None:
    f = e.payload
    held.ensure((f["village_code"], f["notice_id"]), kind="result", program=f["program"],
                start=f["date"], days=f["days"], board=f["board"], actor=e.actor)


def _change_issued(held: HeldNotices, e) -> None:
    """低保变动公示: a batch whose lines are its record's (dibao/change_notices)."""
    f = e.payload
    held.ensure((f["village_code"], f["notice_id"]), kind="change", program="dibao",
                start=f["date"], days=f["days"], board=f["board"], actor=e.actor)


def _join(held: HeldNotices, key, app: dict, amount_fen, state: str) -> None:
    held.join(key, {
        "village_code": key[0], "notice_id": key[1], "application_id": app["id"],
        "position": held.count(key) + 1, "applicant_name": app["applicant_name"],
        "group_name": app["group_name"], "household_size": app["household_size"],
        "program": app["program"], "category": app["category"], "reason": app["reason"],
        "amount_fen": amount_fen, "state": state, "objections": 0, "open_objections": 0,
        "ended_on": None})


def _objection(held: HeldNotices, e) -> None:
    row = held.on_notice(e.case_id)
    if row:
        held.update(row, {"objections": row["objections"] + 1,
                          "open_objections": row["open_objections"] + 1})


def _objection_resolved(held: HeldNotices, e) -> None:
    row = held.on_notice(e.case_id)
    if not row:
        return
    changes = {"open_objections": max(row["open_objections"] - 1, 0)}
    if e.payload.get("result") == "upheld":  # the case leaves the batch, for a new notice
        changes.update({"state": "withdrawn", "ended_on": e.payload["date"]})
    held.update(row, changes)
    _maybe_closed(held, row, e.payload["date"])


def _closed(held: HeldNotices, e) -> None:
    row = held.on_notice(e.case_id)
    if row:
        held.update(row, {"state": "closed", "ended_on": e.payload["date"]})
        _maybe_closed(held, row, e.payload["date"])


def _maybe_closed(held: HeldNotices, row: dict, on: str) -> None:
    """A batch ends when none of its cases is still on notice."""
    key = (row["village_code"], row["notice_id"])
    if not held.count(key, state="on_notice"):
        held.change_notice(key, lambda notice: {"closed_on": on})


def _photo(held: HeldNotices, e) -> None:
    f = e.payload
    held.change_notice((f["village_code"], f["notice_id"]), lambda notice: {
        "photo_sha256": f["photo_sha256"], "photo_name": f["file_name"], "photo_on": f["date"],
        "photo_count": None if notice["photo_count"] is None else notice["photo_count"] + 1})


_HANDLERS = {
    "NoticePosted": _posted,
    "ResultPosted": _result_posted,
    RESULT_ISSUED: _result_issued,
    "DibaoChangeNoticeIssued": _change_issued,
    "ObjectionRecorded": _objection,
    "ObjectionResolved": _objection_resolved,
    "NoticeClosed": _closed,
    PHOTO_ATTACHED: _photo,
}
