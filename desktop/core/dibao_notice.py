"""低保变动公示: the village posts the changes decided to its 低保 households since its last
such notice — newly enrolled, amount adjusted, class changed, stopped — with the objection
channel and a period, like the 初审公示 (DOMAIN.md "Public notice"; issue 15 item 5).

One record per notice (`<village code>-<notice id>`, the notice numbered per village and
year, BD-2026-0001: 变动. Not "DB-": the monthly payment's record is `<village>-DB-YYYY-MM`),
listing each change it posted. The record is checked here like any entry of the rule
book; that each line is a change the township really decided, not posted before, needs
the ledger and is checked by `desktop.dibao.change_notices.record_problem`, for the
record made here and for the one a bundle carries. No SQL, no Qt."""

from __future__ import annotations

import re

from desktop.core import dibao
from desktop.core import fields as f
from desktop.core.errors import FieldError
from desktop.core.regions import case_village, code_problem, is_case_id
from desktop.core.steps import plain_date

EVENT = "DibaoChangeNoticeIssued"
PREFIX = "BD"
NOTICE_ID = re.compile(rf"{PREFIX}-(\d{{4}})-(\d{{4}})")
CHANGES = {"new": "新纳入", "adjust": "调整保障金", "reclass": "变更分类", "stop": "停保"}
KEYS = ("notice_id", "village_code", "date", "days", "board", "changes")
LINE_KEYS = ("case_id", "change", "decided_on", "persons", "old_fen", "new_fen", "from_month",
             "exit_months")
MAX_LINES = 5_000  # a village has some dozens of households; more is taken for a forgery


def issued(errors, fi, case, today, policy) -> dict:
    village = f.text(errors, "village_code", fi.get("village_code"), required=True,
                     max_len=12, label="村代码")
    if village and code_problem(village, "village"):
        errors.append(FieldError("village_code", code_problem(village, "village") + "。"))
    notice_id = f.text(errors, "notice_id", fi.get("notice_id"), required=True, max_len=12,
                       label="变动公示编号")
    out = {"notice_id": notice_id, "village_code": village,
           "date": plain_date(errors, fi, today, label="公示日期"),
           "days": f.count(errors, "days", fi.get("days"), minimum=1, maximum=60,
                           label="公示天数"),
           "board": f.text(errors, "board", fi.get("board"), required=True, max_len=200,
                           label="张贴地点"),
           "changes": _lines(errors, fi.get("changes"), village, today, policy)}
    m = NOTICE_ID.fullmatch(notice_id or "")
    if notice_id and not m:
        errors.append(FieldError("notice_id", f"变动公示编号应为 {PREFIX}-年份-四位序号"
                                              f"(如 {PREFIX}-2026-0001),现在是“{notice_id}”。"))
    elif m and out["date"] and m.group(1) != out["date"][:4]:
        errors.append(FieldError("notice_id", f"变动公示编号的年份应为公示的年份 {out['date'][:4]}。"))
    late = [ln["decided_on"] for ln in out["changes"] if out["date"]
            and ln["decided_on"] and ln["decided_on"] > out["date"]]
    if late:
        errors.append(FieldError("changes", f"公示了 {late[0]} 才决定的变动,晚于公示日期。"))
    return out


def _lines(errors: list, value, village: str, today, policy) -> list[dict]:
    if not isinstance(value, list) or not value or len(value) > MAX_LINES:
        errors.append(FieldError("changes", "变动名单应为 1 条以上的列表。"))
        return []
    out = []
    for i, ln in enumerate(value):
        where = f"changes[{i}]"
        if not isinstance(ln, dict):
            errors.append(FieldError(where, "每一条变动应为一个对象。"))
            continue
        f.unknown_keys(errors, where, ln, LINE_KEYS)
        case_id = ln.get("case_id")
        if not isinstance(case_id, str) or not is_case_id(case_id) \
                or case_village(case_id) != village:
            errors.append(FieldError(where, f"案件编号“{str(case_id)[:40]}”不是本村的案件。"))
        decided = f.day(errors, f"{where}.decided_on", ln.get("decided_on"), today=today,
                        label="决定日期")
        out.append({
            "case_id": case_id if isinstance(case_id, str) else "",
            "change": f.choice(errors, f"{where}.change", ln.get("change"), CHANGES,
                               label="变动类型"),
            "decided_on": f.iso(decided) if decided else "",
            "persons": f.count(errors, f"{where}.persons", ln.get("persons"), minimum=1,
                               maximum=100, label="家庭人口"),
            "old_fen": f.fen(errors, f"{where}.old_fen", ln.get("old_fen"),
                             maximum=policy.max_request_fen, label="原月保障金"),
            "new_fen": f.fen(errors, f"{where}.new_fen", ln.get("new_fen"),
                             maximum=policy.max_request_fen, label="新月保障金"),
            "from_month": dibao.month_field(errors, f"{where}.from_month",
                                            ln.get("from_month"), "起始月份"),
            "exit_months": f.count(errors, f"{where}.exit_months", ln.get("exit_months"),
                                   maximum=60, label="渐退月数")})
    return out


def place_problem(record: str, clean: dict) -> str:
    """The record names the village and the notice its fields name."""
    if record != f"{clean['village_code']}-{clean['notice_id']}" \
            or case_village(record) != clean["village_code"]:
        return f"记录 {record[:40]} 与其内容所写的村或变动公示编号不符"
    return ""


def line_key(line: dict) -> tuple:
    """A change as one decision made it: what a later notice must not post again."""
    return tuple(line[k] for k in LINE_KEYS)
