"""The raw figures of the month's 考核 at the township, which holds every village's whole
record: per village officer and for the township's own office. Built on the monthly
figures (`township/figures.py`: deadlines met) and the notice, sync and flag tables; a
step counts in the month in which it was taken, as in the figures."""

from __future__ import annotations

import json
from collections import defaultdict
from datetime import date, timedelta

from desktop.core import assessment_items as kh
from desktop.core import clock
from desktop.core.deadlines import calendar_for
from desktop.township.figures import DECISIONS, month_range, monthly_figures
from desktop.township.flags import red_flags
from desktop.township.villages import village_code_of, village_names

# the steps the items read, besides the figures'
_STEPS = ("close_notice", "submit", "resolve_objection", "return", "refer", "post_result",
          "pay", "file", *DECISIONS)


def township_lines(store, month: str, today: date) -> list[dict]:
    """Every village's line, then the township's own (its villages' average among them)."""
    db, policy = store.db, store.policy
    first, last = month_range(month)
    end = min(last, today)
    figs = {v.code: v for v in monthly_figures(db, month, policy).villages}
    names = village_names(db)
    steps = _steps(db, first, last)
    cal = calendar_for(policy)
    raws: dict[str, dict] = {}
    for code in sorted(set(names) | set(figs)):
        v = figs.get(code)
        raws[code] = {
            "investigation": v.deadlines["dl_investigation"] if v else [0, 0],
            "bundles": _longest_silence(db, code, first, end),
            **_case_items(db, steps.get(code, {}), first, last, policy, cal),
            "notice": _notices(db, code, first, last, policy)}
    lines = [kh.line(code, names.get(code, code), "village", r, policy)
             for code, r in raws.items()]
    total = [0, 0]
    for v in figs.values():
        total = [total[0] + v.deadlines["dl_decision"][0], total[1] + v.deadlines["dl_decision"][1]]
    all_steps = [c for by_case in steps.values() for c in by_case.values()]
    own = {"decision": total,
           "payment": _within(all_steps, "post_result", "pay", first, last, cal,
                              policy.assessment_pay_days),
           "filing": _within(all_steps, "pay", "file", first, last, cal,
                             policy.assessment_file_days),
           "referrals": _referrals(all_steps, first, last),
           "villages": (sum(ln["score"] for ln in lines) * 2 + len(lines)) // (2 * len(lines))
           if lines else None}
    ws = store.workstation
    return lines + [kh.line(ws["township_code"], ws["township"], "township", own, policy)]


def _steps(db, first: date, last: date) -> dict[str, dict[str, list]]:
    """village code → case id → [(action, date, fields)] in order, up to the month's end,
    of the cases with a step in the month (or ever referred: one may wait at its end)."""
    out: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    marks = ",".join("?" * len(_STEPS))
    for case_id, action, on, fields in db.execute(
            "SELECT application_id, action, occurred_on, fields FROM history"
            " WHERE application_id IN (SELECT application_id FROM case_steps WHERE"
            "  occurred_on BETWEEN ? AND ? OR action = 'refer')"
            f" AND action IN ({marks}) AND occurred_on <= ? ORDER BY occurred_on, recorded_at",
            [first.isoformat(), last.isoformat(), *_STEPS, last.isoformat()]):
        out[village_code_of(case_id)][case_id].append(
            (action, date.fromisoformat(on), json.loads(fields) if fields else {}))
    return out


def _case_items(db, cases: dict, first: date, last: date, policy, cal) -> dict:
    submitted = [c for c, s in cases.items() if any(a == "submit" and first <= on <= last
                                                    for a, on, _ in s)]
    steps = list(cases.values())
    flagged = red_flags(db, submitted, policy)
    return {
        "submission": _within(steps, "close_notice", "submit", first, last, cal,
                              policy.assessment_submit_days),
        "objections": sum(1 for s in steps for a, on, fi in s if a == "resolve_objection"
                          and first <= on <= last and fi.get("result") == "upheld"),
        "returned": sum(1 for s in steps for a, on, _ in s if a == "return" and first <= on <= last),
        "flags": sum(1 for c in submitted if flagged[c]),
        "completeness": [sum(_complete(db, c) for c in submitted), len(submitted)]}


def _within(cases: list[list], start: str, end: str, first: date, last: date, cal,
            days: int) -> list[int]:
    """[met, counted] of the `end` steps taken in the month: within `days` working days
    of the case's latest `start` step before it."""
    met = counted = 0
    for steps in cases:
        began = None
        for action, on, _ in steps:
            if action == start:
                began = on
            elif action == end and began and first <= on <= last:
                counted += 1
                met += cal.working_days_between(began, on) <= days
    return [met, counted]


def _referrals(cases: list[list], first: date, last: date) -> list[int]:
    """[answered, counted]: referrals answered in the month, or still waiting at its end."""
    answered = counted = 0
    for steps in cases:
        referred = None
        for action, on, _ in steps:
            if action == "refer":
                referred = on
            elif action in DECISIONS and referred:
                if on >= first:
                    answered, counted = answered + 1, counted + 1
                referred = None
        counted += referred is not None
    return [answered, counted]


def _complete(db, case_id: str) -> bool:
    """No document missing at receipt, and the photo of its notice kept."""
    row = db.execute("SELECT payload FROM events WHERE case_id = ? AND type ="
                     " 'ApplicationReceived'", [case_id]).fetchone()
    missing = json.loads(row[0]).get("documents_missing") if row else ["?"]
    photo = db.execute("SELECT MAX(n.photo_count) FROM notice_cases c JOIN notices n ON"
                       " n.village_code = c.village_code AND n.notice_id = c.notice_id"
                       " WHERE c.application_id = ? AND n.kind = 'initial'",
                       [case_id]).fetchone()[0]
    return not missing and bool(photo)


def _notices(db, code: str, first: date, last: date, policy) -> list[int]:
    """[met, counted] of the village's 初审公示 posted in the month: for the full period
    the setting asks, with the photo of the posted sheet."""
    rows = db.execute("SELECT program, days, photo_count FROM notices WHERE village_code = ?"
                      " AND kind = 'initial' AND start BETWEEN ? AND ?",
                      [code, first.isoformat(), last.isoformat()]).fetchall()
    met = sum(1 for program, days, photos in rows
              if (days or 0) >= policy.notice_days(program) and photos)
    return [met, len(rows)]


def _longest_silence(db, code: str, first: date, end: date) -> int | None:
    """The longest run of days in the month (up to today) since the village's last bundle
    (or its enrollment); None when it was enrolled only after the month."""
    peers = db.execute("SELECT workstation_id, enrolled_at FROM peers WHERE role = 'village'"
                       " AND village_code = ?", [code]).fetchall()
    if not peers or end < first:
        return None
    since = min(clock.day_of(p[1]) for p in peers)  # the officer's day, not UTC's
    if since > end:
        return None
    marks = ",".join("?" * len(peers))
    arrived = sorted({clock.day_of(r[0]) for r in db.execute(
        f"SELECT imported_at FROM bundles_received WHERE sender_id IN ({marks})",
        [p[0] for p in peers])})
    marks_ = sorted({since, *(a for a in arrived if since <= a <= end)})
    longest = 0
    for i, seen in enumerate(marks_):  # silent from each arrival until the day before the next
        upto = marks_[i + 1] - timedelta(days=1) if i + 1 < len(marks_) else end
        if upto >= first:
            longest = max(longest, (upto - seen).days)
    return longest
