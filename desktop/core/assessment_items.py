"""目标管理考核 (issue 14, item 7): the items each 村级民生员 and each 乡镇民政办 is assessed
on every month, how an item's raw figure becomes points, and the shape of the monthly
report a township publishes (checked like every event: `check_report`, `check_note`).

Every weight and cost is a policy setting (`assessment_*`). Points are kept in tenths
(integers), so a line's points add up the same in the JSON, the PDF and the workbook:
- a *rate* item's raw figure is [met, counted]: its points are its weight × met/counted
  (nothing counted: nothing to fault, the whole weight);
- a *deduct* item's raw figure is a count: each one costs its setting, down to 0;
- a *limit* item's raw figure is a number of days: the whole weight within the limit, 0
  beyond it (None: not assessed, the whole weight);
- an *average* item's raw figure is a score in tenths (its villages' average).
A line's score is its points out of the sum of its items' weights, scaled to 100.

A township's records carry its 12-digit statistical code (its 9 digits + 000, see
`regions.normal_code`): `430522101000-KH-2026-11`, so the code-based scope checks place
them in the township without a new form of record id; a village's report is
`<village code>-KH-2026-11`, and a 讲评 note `<code>-JP-2026-11`."""

from __future__ import annotations

import re
from dataclasses import dataclass

from desktop.core import fields as f
from desktop.core.errors import FieldError
from desktop.core.steps import plain_date


@dataclass(frozen=True)
class Item:
    key: str
    label: str
    kind: str  # rate | deduct | limit | average
    weight: str  # the policy setting of its points
    per: str = ""  # deduct: the setting of what one event costs


VILLAGE_ITEMS = (
    Item("investigation", "调查按期", "rate", "assessment_investigation"),
    Item("notice", "公示足期有照片", "rate", "assessment_notice"),
    Item("submission", "上报按期", "rate", "assessment_submission"),
    Item("bundles", "按期报送", "limit", "assessment_bundles"),
    Item("objections", "异议成立", "deduct", "assessment_objections", "assessment_per_upheld"),
    Item("returned", "被退回", "deduct", "assessment_returned", "assessment_per_return"),
    Item("flags", "风险提示", "deduct", "assessment_flags", "assessment_per_flagged"),
    Item("completeness", "材料完整", "rate", "assessment_completeness"),
)
TOWNSHIP_ITEMS = (
    Item("decision", "审批按期", "rate", "assessment_decision"),
    Item("payment", "发放按期", "rate", "assessment_payment"),
    Item("filing", "备案按期", "rate", "assessment_filing"),
    Item("referrals", "转县已批复", "rate", "assessment_referrals"),
    Item("villages", "各村平均", "average", "assessment_villages"),
)
COUNTY_ITEMS = (Item("spot_checks", "抽查无问题", "rate", "assessment_spot_checks"),)
ITEMS = {i.key: i for i in VILLAGE_ITEMS + TOWNSHIP_ITEMS + COUNTY_ITEMS}
LEVEL_ITEMS = {"village": VILLAGE_ITEMS, "township": TOWNSHIP_ITEMS}
LEVEL_LABELS = {"village": "村级民生员", "township": "乡镇民政办"}


def points(item: Item, raw, policy) -> int:
    """The item's points, in tenths."""
    full = getattr(policy, item.weight) * 10
    if item.kind == "rate":
        met, counted = raw
        return full if not counted else (full * met * 2 + counted) // (2 * counted)
    if item.kind == "deduct":
        return max(0, full - getattr(policy, item.per) * 10 * raw)
    if item.kind == "limit":
        return full if raw is None or raw <= policy.village_silent_days else 0
    return full if raw is None else (full * raw * 2 + 1000) // 2000


def score(item_points: dict[str, int], weights: dict[str, int]) -> int:
    """A line's score out of 100, in tenths: its points out of its items' weights."""
    total = sum(weights[k] for k in item_points)
    got = sum(item_points.values())
    return 1000 if not total else (got * 100 * 2 + total) // (2 * total)


def line(code: str, name: str, level: str, raws: dict, policy, extra=()) -> dict:
    """One assessed line: each item's raw figure and points, and the score."""
    items = {i.key: {"raw": raws[i.key], "points": points(i, raws[i.key], policy)}
             for i in LEVEL_ITEMS[level] + tuple(extra)}
    weights = {k: getattr(policy, ITEMS[k].weight) for k in items}
    return {"code": code, "name": name, "level": level, "items": items,
            "score": score({k: v["points"] for k, v in items.items()}, weights)}


def weights_of(policy) -> dict[str, int]:
    return {k: getattr(policy, i.weight) for k, i in ITEMS.items()}


def raw_text(key: str, raw) -> str:
    """The raw figure as shown beside its points."""
    kind = ITEMS[key].kind
    if kind == "rate":
        return f"{raw[0]}/{raw[1]}" if raw[1] else "—"
    if kind == "deduct":
        return f"{raw} 件"
    if kind == "limit":
        return "—" if raw is None else f"最长{raw}天"
    return "—" if raw is None else tenths(raw)


def tenths(n: int) -> str:
    return f"{n // 10}.{n % 10}"


# -- the records, checked like every event ---------------------------------------------
MONTH = re.compile(r"(\d{4})-(0[1-9]|1[0-2])")
REPORT_ID = re.compile(r"(\d{12})-KH-(\d{4}-\d{2})")
NOTE_ID = re.compile(r"(\d{12})-JP-(\d{4}-\d{2})")
MAX_LINES = 1000


def _month(errors, fi, date_text: str) -> str:
    month = f.text(errors, "month", fi.get("month"), required=True, max_len=7, label="考核月份")
    if month and not MONTH.fullmatch(month):
        errors.append(FieldError("month", f.month_wrong("考核月份", month)))
    elif month and date_text and month >= date_text[:7]:
        errors.append(FieldError("month", f"{month} 还没有过完,不能公布这个月的考核。"))
    return month


def check_report(errors, fi, case, today, policy) -> dict:
    """A township's published month: the weights it scored with and its lines."""
    day = plain_date(errors, fi, today, label="公布日期")
    out = {"month": _month(errors, fi, day),
           "version": f.count(errors, "version", fi.get("version"), minimum=1, maximum=99,
                              label="版本"),
           "date": day, "weights": _weights(errors, fi.get("weights"))}
    lines = fi.get("lines")
    if not isinstance(lines, list) or not 1 <= len(lines) <= MAX_LINES:
        errors.append(FieldError("lines", "考核结果应为 1 至 1000 行的列表。"))
        lines = []
    out["lines"] = [_line(errors, f"lines.{i}", v, out["weights"]) for i, v in enumerate(lines)]
    return out


def _weights(errors, value) -> dict:
    value = f.as_dict(errors, "weights", value)
    f.unknown_keys(errors, "weights", value, ITEMS)
    return {k: f.count(errors, f"weights.{k}", v, minimum=0, maximum=1000, label="分值")
            for k, v in value.items() if k in ITEMS}


def _line(errors, path: str, value, weights: dict) -> dict:
    value = f.as_dict(errors, path, value)
    f.unknown_keys(errors, path, value, ("code", "name", "level", "items", "score"))
    level = f.choice(errors, f"{path}.level", value.get("level"), LEVEL_ITEMS, label="层级")
    out = {"code": f.text(errors, f"{path}.code", value.get("code"), required=True,
                          max_len=12, label="代码"),
           "name": f.text(errors, f"{path}.name", value.get("name"), required=True,
                          max_len=40, label="名称"),
           "level": level, "items": {}}
    items = f.as_dict(errors, f"{path}.items", value.get("items"))
    wanted = {i.key for i in LEVEL_ITEMS.get(level, ())}
    if level and set(items) != wanted:
        errors.append(FieldError(f"{path}.items", "考核项目与规定的项目不符。"))
    for key in sorted(wanted & set(items)):
        out["items"][key] = _item(errors, f"{path}.items.{key}", ITEMS[key], items[key],
                                  weights.get(key))
    out["score"] = f.count(errors, f"{path}.score", value.get("score"), maximum=1000,
                           label="得分")
    got = {k: v["points"] for k, v in out["items"].items()}
    if not errors and out["score"] != score(got, {k: weights.get(k, 0) for k in got}):
        errors.append(FieldError(f"{path}.score", "得分与各项得分不符。"))
    return out


def _item(errors, path: str, item: Item, value, weight) -> dict:
    value = f.as_dict(errors, path, value)
    f.unknown_keys(errors, path, value, ("raw", "points"))
    if weight is None:
        errors.append(FieldError(path, f"缺少“{item.label}”的分值。"))
        weight = 0
    raw = value.get("raw")
    if not _raw_ok(item.kind, raw):
        errors.append(FieldError(f"{path}.raw", f"“{item.label}”的原始数不是规定的格式。"))
    return {"raw": raw, "points": f.count(errors, f"{path}.points", value.get("points"),
                                          maximum=weight * 10, label="得分")}


def _raw_ok(kind: str, raw) -> bool:
    if kind == "rate":
        return (isinstance(raw, list) and len(raw) == 2
                and all(type(n) is int and 0 <= n <= 10 ** 7 for n in raw)
                and raw[0] <= raw[1])
    if raw is None:
        return kind in ("limit", "average")
    return type(raw) is int and 0 <= raw <= (1000 if kind == "average" else 10 ** 7)


def check_note(errors, fi, case, today, policy) -> dict:
    """A month's 讲评 note, numbered from 1 for each place it is sent to."""
    day = plain_date(errors, fi, today, label="讲评日期")
    month = f.text(errors, "month", fi.get("month"), required=True, max_len=7, label="考核月份")
    if month and not MONTH.fullmatch(month):
        errors.append(FieldError("month", f.month_wrong("考核月份", month)))
    return {"month": month, "date": day,
            "number": f.count(errors, "number", fi.get("number"), minimum=1, maximum=999,
                              label="序号"),
            "text": f.text(errors, "text", fi.get("text"), required=True, max_len=2000,
                           label="讲评内容")}


def report_place_problem(case_id: str, clean: dict) -> str:
    """A township's report names its own township and villages of it, under its own
    record id; a village's report is one line, its own."""
    m = REPORT_ID.fullmatch(case_id)
    if not m or m.group(2) != clean["month"]:
        return f"考核记录 {case_id[:40]} 的编号与其月份({clean['month']})不符"
    code, lines = m.group(1), clean["lines"]
    if code.endswith("000"):
        township = code[:9]
        ok = all(ln["code"] == township if ln["level"] == "township"
                 else len(ln["code"]) == 12 and ln["code"][:9] == township
                 and not ln["code"].endswith("000") for ln in lines)
        ok = ok and sum(ln["level"] == "township" for ln in lines) == 1
    else:
        ok = len(lines) == 1 and lines[0]["level"] == "village" and lines[0]["code"] == code
    return "" if ok else f"考核记录 {case_id[:40]} 所列的乡镇或村不属于该记录"


def note_place_problem(case_id: str, clean: dict) -> str:
    m = NOTE_ID.fullmatch(case_id)
    if not m or m.group(2) != clean["month"]:
        return f"讲评记录 {case_id[:40]} 的编号与其月份({clean['month']})不符"
    return ""


def report_id(code: str, month: str) -> str:
    """`code`: a village's 12 digits, or a township's 9 (written as its 12-digit form)."""
    return f"{code if len(code) == 12 else code + '000'}-KH-{month}"


def note_id(code: str, month: str) -> str:
    return f"{code if len(code) == 12 else code + '000'}-JP-{month}"
