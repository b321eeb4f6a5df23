"""Red flags the township sees without asking for them, in the queue and the case view.

Each is computed from the projections of every village's cases held here, so a duplicate
across two villages of the township is found as easily as one within a village:
- 同一身份证号: the applicant's ID number is the applicant of another case this year, or
  of a 低保 household in payment on the day this case was received (or, this case being
  such a household, of a case received while it is paid): township/same_person.py;
- 一人两户: a person of this household is listed in another household, as above;
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
from desktop.township.same_person import other_names, same_applicant, two_households
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
    same = same_applicant(db, marks, case_ids)
    households = two_households(db, marks, case_ids)
    names_of = other_names(db, marks, case_ids)
    steps = _last_steps(db, marks, case_ids)
    objections = dict(db.execute(
        f"SELECT application_id, COUNT(*) FROM objections WHERE status = 'open'"
        f" AND application_id IN ({marks}) GROUP BY application_id", case_ids).fetchall())
    for case_id, row in rows.items():
        flags = out[case_id]
        others = same.get(case_id, [])
        if others:
            flags.append(Flag("same_id", _same_id_text([o for o, _ in others], names)))
        if households.get(case_id):
            flags.append(Flag("two_households", "；".join(
                f"{name}也在{_case(other.case_id, names)}的家庭中{other.note}"
                for name, other in households[case_id])))
        # 一事一次 is of one calendar year, a 低保 household in payment or not
        repeats = [o for o, reason in others if o.same_year and reason == row["reason"]]
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
        posted_as = "拟月保障金" if row["program"] == "dibao" else "拟救助金额"
        flags.append(Flag("above_notice", f"批准 {_y(approved)} 元高于公示的{posted_as}"
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


def _case(case_id: str, names: dict) -> str:
    code = village_code_of(case_id)
    return f"{names.get(code, code)} {case_id}"


def _cases(others: list, names: dict) -> str:
    return "、".join(_case(o.case_id, names) + o.note for o in others)


def _same_id_text(others: list, names: dict) -> str:
    """The other cases of the applicant: those of this year, then the 低保 households
    it is in (or, this case being one, the cases received while it is paid)."""
    this_year = [o for o in others if o.kind == "year"]
    parts = ["本年另有案件:" + _cases(this_year, names)] if this_year else []
    households = [o for o in others if o.kind != "year"]
    if households:
        parts.append("低保在保期间另有案件:" + _cases(households, names))
    return ";".join(parts)
