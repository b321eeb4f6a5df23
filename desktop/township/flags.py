"""Red flags the township sees without asking for them, in the queue and the case view.

Each is computed from the projections of every village's cases held here, so a duplicate
across two villages of the township is found as easily as one within a village:
- 同一身份证号: the applicant's ID number is the applicant of another case this year;
- 一人两户: a person of this household is listed in another household this year;
- 一事一次: the same applicant, the same reason, the same year;
- 近亲属备案: the village marked the applicant as a relative of an officer;
- 超上限: the amount is over the township cap (临时救助);
- 公示不足: the notice ran for fewer days than the setting (or there is none);
- 异议未结: an objection of the notice is still open;
- 一号多名: an ID number of this household is on file under another name;
- 违背评议: the 初审 went against the villagers' vote (with the officer's reason);
- 超公示金额: the approval is above the amount posted on the notice (re-notice above
  the setting `renotice_above_percent`);
- 先行救助超批准: less was approved than was paid first (the recovery or explanation).

They work on a village's store as well (its own cases), so the village sees them too."""

from __future__ import annotations

import json
from dataclasses import dataclass

from desktop.core.money import format_yuan
from desktop.core.steps import goes_against
from desktop.storage.queries import application_documents
from desktop.township.villages import village_code_of, village_names

LABELS = {"same_id": "同一身份证号", "two_households": "一人两户", "repeat_reason": "一事一次",
          "officer_relative": "近亲属备案", "over_cap": "超上限", "short_notice": "公示不足",
          "open_objection": "异议未结",
          "second_name": "一号多名", "against_deliberation": "违背评议",
          "above_notice": "超公示金额", "first_over_approved": "先行救助超批准"}


@dataclass(frozen=True)
class Flag:
    code: str
    text: str  # what exactly, with the other cases named

    @property
    def label(self) -> str:
        return LABELS[self.code]


def red_flags(db, case_ids: list[str], policy) -> dict[str, list[Flag]]:
    """The flags of each case in `case_ids` (every id is a key, flags in LABELS order)."""
    out: dict[str, list[Flag]] = {c: [] for c in case_ids}
    if not case_ids:
        return out
    names = village_names(db)
    marks = ",".join("?" * len(case_ids))
    rows = {r["id"]: r for r in db.query(
        f"SELECT * FROM applications WHERE id IN ({marks})", case_ids)}
    same = _same_applicant(db, marks, case_ids)
    households = _two_households(db, marks, case_ids)
    names_of = _other_names(db, marks, case_ids)
    steps = _last_steps(db, marks, case_ids)
    objections = dict(db.execute(
        f"SELECT application_id, COUNT(*) FROM objections WHERE status = 'open'"
        f" AND application_id IN ({marks}) GROUP BY application_id", case_ids).fetchall())
    for case_id, row in rows.items():
        flags = out[case_id]
        others = same.get(case_id, [])
        if others:
            flags.append(Flag("same_id", "本年另有案件:" + _cases(others, names)))
        if households.get(case_id):
            flags.append(Flag("two_households", "；".join(
                f"{name}也在{_case(other, names)}的家庭中" for name, other in
                households[case_id])))
        repeats = [o for o in others if o[1] == row["reason"]]
        if repeats:
            flags.append(Flag("repeat_reason", "本年同一事由已申请:" + _cases(repeats, names)))
        flags += _row_flags(db, row, policy, objections.get(case_id, 0))
        flags += _name_flags(names_of.get(case_id, []), names)
        flags += _money_and_vote_flags(row, steps.get(case_id, {}), policy)
        flags.sort(key=lambda f: list(LABELS).index(f.code))
    return out


def _row_flags(db, row: dict, policy, open_objections: int) -> list[Flag]:
    flags = []
    if row["officer_relative"]:
        note = application_documents(db, [row["id"]])[row["id"]].get("relative_note", "")
        flags.append(Flag("officer_relative", "村里登记为干部近亲属" + (f":{note}" if note else "")))
    amount = row["approved_fen"] or row["proposed_fen"] or row["requested_fen"]
    # "must be referred" matters while the township has still to decide; not once referred
    if row["program"] == "temporary_relief" and amount > policy.township_cap_fen \
            and row["status"] in ("submitted", "acknowledged"):
        flags.append(Flag("over_cap", f"金额 {format_yuan(amount, grouped=True)} 元超过乡镇审批上限"
                                      f" {format_yuan(policy.township_cap_fen, grouped=True)} 元,"
                                      f"须转县审批"))
    needed = policy.notice_days(row["program"])
    if not row["notice_id"]:
        flags.append(Flag("short_notice", "没有初审公示记录"))
    elif (row["notice_days"] or 0) < needed:
        flags.append(Flag("short_notice", f"公示 {row['notice_days']} 天,少于规定的 {needed} 天"))
    if open_objections:
        flags.append(Flag("open_objection", f"有 {open_objections} 件异议尚未办结"))
    return flags


def _money_and_vote_flags(row: dict, steps: dict, policy) -> list[Flag]:
    flags = []
    review = steps.get("review") or {}
    if row["deliberation"] and review and goes_against(row["deliberation"],
                                                       bool(review.get("passed"))):
        verb = "通过" if review.get("passed") else "不通过"
        flags.append(Flag("against_deliberation",
                          f"村民代表评议“{row['deliberation']}”,初审却{verb};理由:"
                          f"{review.get('against_deliberation_reason') or '未写明'}"))
    approved, posted = row["approved_fen"], row["proposed_fen"]
    if approved and posted and approved > posted:
        limit = posted * (100 + policy.renotice_above_percent) // 100
        tail = (f",超出 {policy.renotice_above_percent}% 以上,须重新公示" if approved > limit
                else "")
        flags.append(Flag("above_notice", f"批准 {_y(approved)} 元高于公示的拟救助金额"
                                          f" {_y(posted)} 元{tail}"))
    first = row["paid_first_fen"] or 0
    if approved is not None and first > approved:
        note = (steps.get("approve") or {}).get("recovery_note") or "未写明"
        flags.append(Flag("first_over_approved",
                          f"已先行救助 {_y(first)} 元,批准 {_y(approved)} 元,差额"
                          f" {_y(first - approved)} 元须追回或说明:{note}"))
    return flags


def _y(fen: int) -> str:
    return format_yuan(fen, grouped=True)


def _last_steps(db, marks: str, case_ids: list[str]) -> dict[str, dict]:
    """The latest review and approval of each case: {case: {action: fields}}."""
    out: dict[str, dict] = {}
    for case_id, action, fields in db.execute(
            "SELECT application_id, action, fields FROM history WHERE action IN"
            f" ('review', 'approve') AND application_id IN ({marks})"
            " ORDER BY occurred_on, recorded_at", case_ids):
        out.setdefault(case_id, {})[action] = json.loads(fields)
    return out


def _name_flags(others: list[tuple], names: dict) -> list[Flag]:
    if not others:
        return []
    return [Flag("second_name", "；".join(
        f"身份证号 {pid[:6]}…{pid[-4:]} 在本案登记为“{mine}”,在{_case(other, names)}中为“{theirs}”"
        for pid, mine, theirs, other in others))]


def _other_names(db, marks: str, case_ids: list[str]) -> dict[str, list[tuple]]:
    """(ID number, name here, name there, other case) for each person of the case whose
    ID number is on file (as applicant or member, any year) under a different name.
    Two lookups by index, as `_two_households`."""
    people = db.execute(
        f"SELECT id, applicant_id_number, applicant_name FROM applications WHERE id IN ({marks})"
        f" UNION ALL SELECT application_id, id_number, name FROM members"
        f" WHERE application_id IN ({marks})", case_ids * 2).fetchall()
    pids = sorted({p[1] for p in people if p[1]})
    if not pids:
        return {}
    pid_marks = ",".join("?" * len(pids))
    on_file: dict[str, list[tuple]] = {}
    for pid, name, other in db.execute(
            f"SELECT applicant_id_number, applicant_name, id FROM applications"
            f" WHERE applicant_id_number IN ({pid_marks}) UNION ALL"
            f" SELECT id_number, name, application_id FROM members"
            f" WHERE id_number IN ({pid_marks}) ORDER BY 3", pids * 2):
        on_file.setdefault(pid, []).append((name, other))
    out: dict[str, list[tuple]] = {}
    for case_id, pid, mine in people:
        seen = out.setdefault(case_id, [])
        for theirs, other in on_file.get(pid, ()):
            if theirs != mine and all((s[0], s[2]) != (pid, theirs) for s in seen):
                seen.append((pid, mine, theirs, other))
    return out


def _same_applicant(db, marks: str, case_ids: list[str]) -> dict[str, list[tuple]]:
    rows = db.execute(
        "SELECT a.id, o.id, o.reason FROM applications a JOIN applications o"
        # `+o.year`: look the other cases up by ID number, never by the (wide) year
        " ON o.applicant_id_number = a.applicant_id_number AND +o.year = a.year AND o.id != a.id"
        f" WHERE a.id IN ({marks}) ORDER BY o.id", case_ids).fetchall()
    out: dict[str, list[tuple]] = {}
    for case_id, other, reason in rows:
        out.setdefault(case_id, []).append((other, reason))
    return out


def _two_households(db, marks: str, case_ids: list[str]) -> dict[str, list[tuple]]:
    """(name, other case) for each person of the case who is listed in the household of a
    different applicant this year (as its applicant or as a member).

    Two lookups by index (the page's people, then every household listing those ID
    numbers) rather than one self-join of everybody: 0.5 s → a few ms per page on
    100,000 cases."""
    household = ("SELECT {case}, {pid}, {name}, a.applicant_id_number, a.year FROM {source}"
                 " WHERE {key} IN ({marks})")
    applicants = dict(case="a.id", pid="a.applicant_id_number", name="a.applicant_name",
                      source="applications a")
    members = dict(case="m.application_id", pid="m.id_number", name="m.name",
                   source="members m JOIN applications a ON a.id = m.application_id")
    people = db.execute(
        household.format(**applicants, key="a.id", marks=marks) + " UNION ALL "
        + household.format(**members, key="m.application_id", marks=marks),
        case_ids * 2).fetchall()
    pids = sorted({p[1] for p in people if p[1]})
    years = sorted({p[4] for p in people})
    if not pids:
        return {}
    pid_marks = ",".join("?" * len(pids))
    # `+a.year`: filter by year, but never search by it (the year index is wide)
    in_years = f" AND +a.year IN ({','.join('?' * len(years))})"
    listed: dict[tuple, list[tuple]] = {}
    for case, pid, _name, head, year in db.execute(
            household.format(**applicants, key="a.applicant_id_number", marks=pid_marks)
            + in_years + " UNION ALL "
            + household.format(**members, key="m.id_number", marks=pid_marks) + in_years,
            pids + years + pids + years):
        listed.setdefault((pid, year), []).append((case, head))
    found = {(other, name, case) for case, pid, name, head, year in people
             for other, other_head in listed.get((pid, year), ())
             if other != case and other_head != head}
    out: dict[str, list[tuple]] = {}
    for other, name, case in sorted(found):
        out.setdefault(case, []).append((name, other))
    return out


def _case(case_id: str, names: dict) -> str:
    code = village_code_of(case_id)
    return f"{names.get(code, code)} {case_id}"


def _cases(others: list[tuple], names: dict) -> str:
    return "、".join(_case(o[0], names) for o in others)
