"""清理检查: a campaign the township opens over chosen villages for a period, in which
every enrolled household of those villages is reviewed (DOMAIN.md "低保", 清理检查).

One record per village (`<village code>-QL-<campaign>`, the campaign numbered per year,
`2027-1`): the township's bundle to a village carries only that village's records, as
with the monthly payment. Opening and closing are entries of the rule book, so a record
from a bundle passes the checks of one made here. No SQL, no Qt."""

from __future__ import annotations

import re
from datetime import date, timedelta

from desktop.core import fields as f
from desktop.core.errors import FieldError
from desktop.core.regions import case_village, code_problem
from desktop.core.steps import plain_date

CAMPAIGN = re.compile(r"(\d{4})-([1-9]\d{0,2})")
OPEN_KEYS = ("campaign", "village_code", "date", "until")
CLOSE_KEYS = ("campaign", "village_code", "date")
LONGEST_DAYS = 366  # a campaign runs some weeks; a year at most


def record_id(village_code: str, campaign: str) -> str:
    return f"{village_code}-QL-{campaign}"


def _common(errors: list, fi: dict, today: date) -> dict:
    campaign = f.text(errors, "campaign", fi.get("campaign"), required=True, max_len=8,
                      label="清理检查编号")
    if campaign and not CAMPAIGN.fullmatch(campaign):
        errors.append(FieldError("campaign", f"清理检查编号应为“年份-序号”(如 2027-1),"
                                             f"现在是“{campaign}”。"))
    village = f.text(errors, "village_code", fi.get("village_code"), required=True,
                     max_len=12, label="村代码")
    if village and code_problem(village, "village"):
        errors.append(FieldError("village_code", code_problem(village, "village") + "。"))
    out = {"campaign": campaign, "village_code": village,
           "date": plain_date(errors, fi, today, label="日期")}
    if campaign and out["date"] and CAMPAIGN.fullmatch(campaign) \
            and campaign[:4] != out["date"][:4]:
        errors.append(FieldError("campaign", f"清理检查编号的年份应为开展的年份 {out['date'][:4]}。"))
    return out


def opened(errors, fi, case, today, policy) -> dict:
    out = _common(errors, fi, today)
    until = f.day(errors, "until", fi.get("until"), today=today + timedelta(10 * LONGEST_DAYS),
                  label="截止日期")
    out["until"] = until.isoformat() if until else ""
    if out["until"] and out["date"] and not out["date"] <= out["until"] <= (
            date.fromisoformat(out["date"]) + timedelta(LONGEST_DAYS)).isoformat():
        errors.append(FieldError("until", f"截止日期应在开展之日({out['date']})以后的一年内,"
                                          f"现在是 {out['until']}。"))
    return out


def closed(errors, fi, case, today, policy) -> dict:
    return _common(errors, fi, today)


def place_problem(record: str, clean: dict) -> str:
    """The record names the village and campaign its fields name."""
    if record != record_id(clean["village_code"], clean["campaign"]) \
            or case_village(record) != clean["village_code"]:
        return f"记录 {record[:40]} 与其内容所写的村或清理检查编号不符"
    return ""
