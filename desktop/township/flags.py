"""Red flags the township sees without asking for them, in the queue and the case view.

Each is computed from the projections of every village's cases held here, so a duplicate
across two villages of the township is found as easily as one within a village:
- 同一身份证号: the applicant's ID number is the applicant of another case this year;
- 一人两户: a person of this household is listed in another household this year;
- 一事一次: the same applicant, the same reason, the same year;
- 近亲属备案: the village marked the applicant as a relative of an officer;
- 超上限: the amount is over the township cap (临时救助);
- 公示不足: the notice ran for fewer days than the setting (or there is none);
- 异议未结: an objection of the notice is still open."""

from __future__ import annotations

from dataclasses import dataclass

from desktop.core.money import format_yuan
from desktop.storage.queries import application_documents
from desktop.township.villages import village_code_of, village_names

LABELS = {"same_id": "同一身份证号", "two_households": "一人两户", "repeat_reason": "一事一次",
          "officer_relative": "近亲属备案", "over_cap": "超上限", "short_notice": "公示不足",
          "open_objection": "异议未结"}


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
        flags.sort(key=lambda f: list(LABELS).index(f.code))
    return out


def _row_flags(db, row: dict, policy, open_objections: int) -> list[Flag]:
    flags = []
    if row["officer_relative"]:
        note = application_documents(db, [row["id"]])[row["id"]].get("relative_note", "")
        flags.append(Flag("officer_relative", "村里登记为干部近亲属" + (f":{note}" if note else "")))
    amount = row["approved_fen"] or row["proposed_fen"] or row["requested_fen"]
    if row["program"] == "temporary_relief" and amount > policy.township_cap_fen:
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
