"""Projections of notice batches (issue 3): `notices` (one row per batch) and
`notice_cases` (the cases of each batch, as printed on its sheet).

A batch has no event of its own when it is created: it is its cases' NoticePosted (or
ResultPosted) events sharing a notice id. What the sheet printed (name, group, household
size, amount) is copied when the case joins the batch, so a batch reprinted later shows
what was posted. Batch-level facts (the result notice's board, the photo of the posted
sheet) are events of the village's own, whose case_id is `<village code>-<notice id>`
(so a bundle's scope check sees them as the village's, like its cases)."""

from __future__ import annotations

from desktop.storage.projection_batch import reader, row_dict

TABLES: tuple[str, ...] = ("notice_cases", "notices")
RESULT_ISSUED = "ResultNoticeIssued"
PHOTO_ATTACHED = "NoticePhotoAttached"
BATCH_EVENTS = frozenset({RESULT_ISSUED, PHOTO_ATTACHED})  # village-side, not about one case


def batch_record_id(village_code: str, notice_id: str) -> str:
    return f"{village_code}-{notice_id}"


def village_of(case_id: str) -> str:
    """Case numbers start with the village code (430522101201-2026-0001)."""
    return case_id.split("-", 1)[0]


def apply(db, event, policy) -> None:
    """Project `event` into this feature's tables (called for every event)."""
    handler = _HANDLERS.get(event.type)
    if handler:
        handler(db, event)


def _posted(db, e) -> None:
    f = e.payload
    app = _case(db, e.case_id)
    key = (village_of(e.case_id), f["notice_id"])
    _ensure_batch(db, key, kind="initial", program=app["program"], start=f["start"],
                  days=f["days"], board=f["board"], actor=e.actor)
    _join(db, key, app, app["proposed_fen"], "on_notice")


def _result_posted(db, e) -> None:
    f = e.payload
    if not f.get("notice_id"):
        return
    app = _case(db, e.case_id)
    key = (village_of(e.case_id), f["notice_id"])
    _ensure_batch(db, key, kind="result", program=app["program"], start=f["date"], days=None,
                  board="", actor=e.actor)
    _join(db, key, app, app["approved_fen"], "posted")


def _result_issued(db, e) -> None:
    f = e.payload
    _ensure_batch(db, (f["village_code"], f["notice_id"]), kind="result",
                  program=f["program"], start=f["date"], days=f["days"], board=f["board"],
                  actor=e.actor)


def _ensure_batch(db, key, *, kind, program, start, days, board, actor) -> None:
    db.conn.execute("INSERT OR IGNORE INTO notices (village_code, notice_id, kind, program,"
                    " start, days, board, issued_by, photo_count)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0)",
                    [*key, kind, program, start, days, board, actor])


def _join(db, key, app: dict, amount_fen, state: str) -> None:
    position = db.conn.execute("SELECT COUNT(*) FROM notice_cases WHERE village_code = ? AND"
                               " notice_id = ?", list(key)).fetchone()[0]
    row = {"village_code": key[0], "notice_id": key[1], "application_id": app["id"],
           "position": position + 1, "applicant_name": app["applicant_name"],
           "group_name": app["group_name"], "household_size": app["household_size"],
           "program": app["program"], "category": app["category"], "reason": app["reason"],
           "amount_fen": amount_fen, "state": state, "objections": 0, "open_objections": 0,
           "ended_on": None}
    # Plain SQL: sqlite-utils' upsert probes the database with a scratch table, which
    # fails while rebuild is still reading the event log.
    db.conn.execute(f"INSERT OR REPLACE INTO notice_cases ({', '.join(row)}) VALUES"
                    f" ({', '.join('?' * len(row))})", list(row.values()))


def _on_notice(db, case_id: str) -> dict | None:
    return row_dict(db.conn.execute("SELECT * FROM notice_cases WHERE application_id = ?"
                                    " AND state = 'on_notice'", [case_id]))


def _update(db, row: dict, changes: dict) -> None:
    sets = ", ".join(f"{k} = ?" for k in changes)
    db.conn.execute(f"UPDATE notice_cases SET {sets} WHERE village_code = ? AND notice_id = ?"
                    " AND application_id = ?",
                    [*changes.values(), row["village_code"], row["notice_id"],
                     row["application_id"]])


def _case(db, case_id: str) -> dict:
    """Through the projection batch: within an import or a rebuild the case may not
    have been written to its table yet."""
    return reader(db).case(case_id)


def _objection(db, e) -> None:
    row = _on_notice(db, e.case_id)
    if row:
        _update(db, row, {"objections": row["objections"] + 1,
                          "open_objections": row["open_objections"] + 1})


def _objection_resolved(db, e) -> None:
    row = _on_notice(db, e.case_id)
    if not row:
        return
    changes = {"open_objections": max(row["open_objections"] - 1, 0)}
    if e.payload.get("result") == "upheld":  # the case leaves the batch, for a new notice
        changes.update({"state": "withdrawn", "ended_on": e.payload["date"]})
    _update(db, row, changes)
    _maybe_closed(db, row, e.payload["date"])


def _closed(db, e) -> None:
    row = _on_notice(db, e.case_id)
    if row:
        _update(db, row, {"state": "closed", "ended_on": e.payload["date"]})
        _maybe_closed(db, row, e.payload["date"])


def _maybe_closed(db, row: dict, on: str) -> None:
    """A batch ends when none of its cases is still on notice."""
    key = [row["village_code"], row["notice_id"]]
    left = db.conn.execute("SELECT COUNT(*) FROM notice_cases WHERE village_code = ? AND"
                           " notice_id = ? AND state = 'on_notice'", key).fetchone()[0]
    if not left:
        db.conn.execute("UPDATE notices SET closed_on = ? WHERE village_code = ? AND"
                        " notice_id = ?", [on, *key])


def _photo(db, e) -> None:
    f = e.payload
    db.conn.execute("UPDATE notices SET photo_sha256 = ?, photo_name = ?, photo_on = ?,"
                    " photo_count = photo_count + 1 WHERE village_code = ? AND notice_id = ?",
                    [f["photo_sha256"], f["file_name"], f["date"], f["village_code"],
                     f["notice_id"]])


_HANDLERS = {
    "NoticePosted": _posted,
    "ResultPosted": _result_posted,
    RESULT_ISSUED: _result_issued,
    "ObjectionRecorded": _objection,
    "ObjectionResolved": _objection_resolved,
    "NoticeClosed": _closed,
    PHOTO_ATTACHED: _photo,
}
