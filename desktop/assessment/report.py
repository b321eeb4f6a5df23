"""The month's 考核 as each workstation shows it (一月一公布):
- the township: what it published for the month (the latest correction), else its
  figures as they stand now, marked as not yet published;
- the county: every township's published report, each township's line completed with
  what the county itself holds (its spot-checks of the month), and every village of the
  county ranked together; townships that have not published are named;
- a village: its own line as the township published it.
With the 讲评 notes of the month each one holds. Records are read from the log by
their ids (the events' case_id index): nothing is projected, so a rebuild has nothing to
redo."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date

from desktop.core import assessment_items as kh
from desktop.core.errors import Refusal
from desktop.township.figures import month_range

REPORTED, SENT = "AssessmentReported", "AssessmentSent"
NOTED, COUNTY_NOTED = "AssessmentNoted", "CountyAssessmentNoted"
FORWARDED_NOTE = "CountyNoteForwarded"  # the county's, passed on to a village


@dataclass
class Assessment:
    month: str
    place: str  # 新邵县 or 新邵县陈家坊镇 or …村
    level: str  # the workstation's role
    version: int  # the published version shown (0: computed now, not published)
    villages: list[dict]  # ranked lines (with "rank")
    townships: list[dict]
    notes: list[dict] = field(default_factory=list)
    unpublished: list[str] = field(default_factory=list)  # townships without a report

    def as_json(self) -> dict:
        return {"month": self.month, "place": self.place, "level": self.level,
                "published_version": self.version, "townships": self.townships,
                "villages": self.villages, "notes": self.notes,
                "unpublished": self.unpublished}


def checked_month(month: str, today: date) -> str:
    """The month asked for, refused when it is malformed or has not begun."""
    first, _ = month_range(month)
    if first > today:
        raise Refusal(f"{month.strip()} 还没有到,只能查看已经开始的月份(今天是 {today.isoformat()})。")
    return month.strip()


def assessment(store, month: str, today: date) -> Assessment:
    month = checked_month(month, today)
    role = store.workstation["role"]
    return {"township": _township, "county": _county, "village": _village}[role](
        store, month, today)


def latest(db, record_id: str, event_type: str) -> dict | None:
    """The latest version of a published record (a correction replaces the one before)."""
    rows = [json.loads(r[0]) for r in db.execute(
        "SELECT payload FROM events WHERE case_id = ? AND type = ?", [record_id, event_type])]
    return max(rows, key=lambda p: p["version"]) if rows else None


def notes(db, record_id: str) -> list[dict]:
    """The notes held of a place and month; at a village, the county's come forwarded by
    its township (a township holding both shows the county's own once)."""
    out = []
    for actor, type_, payload in db.execute(
            "SELECT actor, type, payload FROM events WHERE case_id = ? AND type IN (?, ?, ?)"
            " ORDER BY recorded_at", [record_id, NOTED, COUNTY_NOTED, FORWARDED_NOTE]):
        p = json.loads(payload)
        if type_ == FORWARDED_NOTE:
            actor = f"{p['county']} {p['by']}"
            p = {k: p[k] for k in ("month", "date", "number", "text")}
            if any(all(n[k] == p[k] for k in p) for n in out):
                continue
        out.append(dict(p, by=actor, to=[record_id[:12]]))
    return out


def merged(held: list[dict]) -> list[dict]:
    """One note sent to several places is shown once, with the places it went to."""
    out: dict[tuple, dict] = {}
    for n in held:
        key = (n["by"], n["date"], n["number"], n["text"])
        if key in out:
            out[key]["to"] = out[key]["to"] + n["to"]
        else:
            out[key] = n
    return list(out.values())


def ranked(lines: list[dict]) -> list[dict]:
    """Highest score first; equal scores share a rank (1, 2, 2, 4)."""
    out = sorted(lines, key=lambda ln: (-ln["score"], ln["code"]))
    for i, ln in enumerate(out):
        ln["rank"] = out[i - 1]["rank"] if i and ln["score"] == out[i - 1]["score"] else i + 1
    return out


def _township(store, month: str, today: date) -> Assessment:
    from desktop.assessment.township import township_lines

    ws = store.workstation
    report = latest(store.db, kh.report_id(ws["township_code"], month), REPORTED)
    lines = report["lines"] if report else township_lines(store, month, today)
    own = kh.note_id(ws["township_code"], month)
    villages = [ln for ln in lines if ln["level"] == "village"]
    held = notes(store.db, own) + [n for v in villages
                                   for n in notes(store.db, kh.note_id(v["code"], month))]
    return Assessment(month, f"{ws['county']}{ws['township']}", "township",
                      report["version"] if report else 0, ranked(villages),
                      ranked([ln for ln in lines if ln["level"] == "township"]), merged(held))


def _village(store, month: str, today: date) -> Assessment:
    ws = store.workstation
    report = latest(store.db, kh.report_id(ws["village_code"], month), SENT)
    place = f"{ws['county']}{ws['township']}{ws['village']}"
    held = notes(store.db, kh.note_id(ws["village_code"], month))
    if report is None:
        return Assessment(month, place, "village", 0, [], [], held)
    return Assessment(month, place, "village", report["version"], ranked(report["lines"]),
                      [], held)


def _county(store, month: str, today: date) -> Assessment:
    db, ws = store.db, store.workstation
    townships = db.execute("SELECT DISTINCT township_code, township FROM peers"
                           " WHERE role = 'township' ORDER BY township_code").fetchall()
    spot = _spot_checks(db, month)  # of the county's own log
    villages, lines, missing, held = [], [], [], []
    for code, name in townships:
        report = latest(db, kh.report_id(code, month), REPORTED)
        held += notes(db, kh.note_id(code, month))
        if report is None:
            missing.append(name)
            continue
        villages += [dict(ln, township=name) for ln in report["lines"]
                     if ln["level"] == "village"]
        own = next(ln for ln in report["lines"] if ln["level"] == "township")
        lines.append(_with_spot_checks(own, report["weights"], spot.get(code, [0, 0]),
                                       store.policy, report["version"]))
    return Assessment(month, ws["county"], "county", 0, ranked(villages), ranked(lines),
                      merged(held), missing)


def _with_spot_checks(own: dict, weights: dict, raw: list[int], policy, version: int
                      ) -> dict:
    """The township's published line, with the county's own item added and the score
    counted again over the items of both."""
    item = kh.ITEMS["spot_checks"]
    items = dict(own["items"], spot_checks={"raw": raw, "points": kh.points(item, raw, policy)})
    w = dict(weights, spot_checks=getattr(policy, item.weight))
    return dict(own, items=items, version=version,
                score=kh.score({k: v["points"] for k, v in items.items()}, w))


def _spot_checks(db, month: str) -> dict[str, list[int]]:
    """township code → [checked without a problem, checked] of the month's spot-checks."""
    first, last = month_range(month)
    out: dict[str, list[int]] = {}
    own = db.execute("SELECT id FROM workstation").fetchone()[0]
    for case_id, payload in db.execute(  # the county's own log: its primary key, not a scan
            "SELECT case_id, payload FROM events WHERE workstation_id = ?"
            " AND type = 'SpotChecked'", [own]):
        fields = json.loads(payload)
        if first.isoformat() <= fields.get("checked_on", "") <= last.isoformat():
            got = out.setdefault(case_id[:9], [0, 0])
            got[0] += fields.get("result") == "ok"
            got[1] += 1
    return out
