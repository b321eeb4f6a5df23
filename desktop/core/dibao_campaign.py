"""清理检查: a campaign the township opens over chosen villages for a period, in which
every enrolled household of those villages is reviewed (DOMAIN.md "低保", 清理检查).

One record per village (`<village code>-QL-<campaign>`, the campaign numbered per year,
`2027-1`): the township's bundle to a village carries only that village's records, as
with the monthly payment. Opening and closing are entries of the rule book, so a record
from a bundle passes the checks of one made here. No SQL, no Qt.

The county opens one too: one record per township (`<township code>000-QL-<campaign>`,
which the county's bundle carries to that township alone), naming the villages or, none
named, all of them. The township passes it on to each village as its own opening under
its own number, naming the county and the county's event (as a county's edition of
policy is passed on, core/editions.py)."""

from __future__ import annotations

import re
from datetime import date, timedelta

from desktop.core import fields as f
from desktop.core.editions import came_from
from desktop.core.errors import FieldError
from desktop.core.regions import case_village, code_problem
from desktop.core.steps import plain_date

CAMPAIGN = re.compile(r"(\d{4})-([1-9]\d{0,2})")
OPEN_KEYS = ("campaign", "village_code", "date", "until")
CLOSE_KEYS = ("campaign", "village_code", "date")
LONGEST_DAYS = 366  # a campaign runs some weeks; a year at most
COUNTY_KEYS = ("campaign", "township_code", "villages", "date", "until")
FORWARD_KEYS = (*OPEN_KEYS, "county", "county_campaign", "from_workstation", "from_seq",
                "from_hash")
MOST_VILLAGES = 500  # a township has some dozens


def record_id(village_code: str, campaign: str) -> str:
    return f"{village_code}-QL-{campaign}"


def county_record_id(township_code: str, campaign: str) -> str:
    return record_id(township_code + "000", campaign)


def _number(errors: list, fi: dict, key: str = "campaign") -> str:
    campaign = f.text(errors, key, fi.get(key), required=True, max_len=8,
                      label="清理检查编号")
    if campaign and not CAMPAIGN.fullmatch(campaign):
        errors.append(FieldError(key, f"清理检查编号应为“年份-序号”(如 2027-1),"
                                      f"现在是“{campaign}”。"))
    return campaign


def _common(errors: list, fi: dict, today: date) -> dict:
    campaign = _number(errors, fi)
    village = f.text(errors, "village_code", fi.get("village_code"), required=True,
                     max_len=12, label="村代码")
    if village and code_problem(village, "village"):
        errors.append(FieldError("village_code", code_problem(village, "village") + "。"))
    out = {"campaign": campaign, "village_code": village,
           "date": plain_date(errors, fi, today, label="日期")}
    _same_year(errors, out)
    return out


def _same_year(errors: list, out: dict) -> None:
    campaign = out["campaign"]
    if campaign and out["date"] and CAMPAIGN.fullmatch(campaign) \
            and campaign[:4] != out["date"][:4]:
        errors.append(FieldError("campaign", f"清理检查编号的年份应为开展的年份 {out['date'][:4]}。"))


def opened(errors, fi, case, today, policy) -> dict:
    out = _common(errors, fi, today)
    _until(errors, fi, today, out)
    return out


def _until(errors: list, fi: dict, today: date, out: dict) -> None:
    until = f.day(errors, "until", fi.get("until"), today=today + timedelta(10 * LONGEST_DAYS),
                  label="截止日期")
    out["until"] = until.isoformat() if until else ""
    if out["until"] and out["date"] and not out["date"] <= out["until"] <= (
            date.fromisoformat(out["date"]) + timedelta(LONGEST_DAYS)).isoformat():
        errors.append(FieldError("until", f"截止日期应在开展之日({out['date']})以后的一年内,"
                                          f"现在是 {out['until']}。"))


def closed(errors, fi, case, today, policy) -> dict:
    return _common(errors, fi, today)


def place_problem(record: str, clean: dict) -> str:
    """The record names the village and campaign its fields name."""
    if record != record_id(clean["village_code"], clean["campaign"]) \
            or case_village(record) != clean["village_code"]:
        return f"记录 {record[:40]} 与其内容所写的村或清理检查编号不符"
    return ""


# -- the county's campaign, and the township's word passing it on -------------------------
def county_opened(errors, fi, case, today, policy) -> dict:
    """The county's opening for one township: its villages named, or none (all)."""
    township = f.text(errors, "township_code", fi.get("township_code"), required=True,
                      max_len=9, label="乡镇代码")
    if township and code_problem(township, "township"):
        errors.append(FieldError("township_code", code_problem(township, "township") + "。"))
    villages = fi.get("villages")
    if not isinstance(villages, list) or len(villages) > MOST_VILLAGES or any(
            not isinstance(v, str) or code_problem(v, "village") or v.endswith("000")
            or v[:9] != township for v in villages) or villages != sorted(set(villages)):
        errors.append(FieldError("villages", f"村代码应为本乡镇({township})的 12 位村代码,"
                                             f"按代码排列、不重复(不列:全部村)。"))
        villages = []
    out = {"campaign": _number(errors, fi), "township_code": township, "villages": villages,
           "date": plain_date(errors, fi, today, label="日期")}
    _same_year(errors, out)
    _until(errors, fi, today, out)
    return out


def county_place_problem(record: str, clean: dict) -> str:
    if record != county_record_id(clean["township_code"], clean["campaign"]):
        return f"记录 {record[:40]} 与其内容所写的乡镇或清理检查编号不符"
    return ""


def forwarded(errors, fi, case, today, policy) -> dict:
    """The township's opening in a village, passing on the county's (named, and its
    number): the village does not know the county's key, its township vouches."""
    out = opened(errors, fi, case, today, policy)
    out["county"] = f.text(errors, "county", fi.get("county"), required=True, max_len=60,
                           label="县民政局")
    out["county_campaign"] = _number(errors, fi, "county_campaign")
    out.update(came_from(errors, fi))
    return out


# -- the county closes its campaign; each township reports its figures up -----------------
COUNTY_CLOSE_KEYS = ("campaign", "township_code", "date")
FIGURES = {"households": "应复核户数", "reviewed": "已复核户数", "continued": "继续保障户数",
           "adjusted": "调整户数", "stopped": "停保户数", "newly_found": "新纳入户数"}
REPORT_KEYS = ("campaign", "township_code", "date", *FIGURES)
MOST_HOUSEHOLDS = 100_000  # a county has some ten thousand


def _township(errors: list, fi: dict) -> str:
    township = f.text(errors, "township_code", fi.get("township_code"), required=True,
                      max_len=9, label="乡镇代码")
    if township and code_problem(township, "township"):
        errors.append(FieldError("township_code", code_problem(township, "township") + "。"))
    return township


def county_closed(errors, fi, case, today, policy) -> dict:
    """The county ends its campaign in one township (before its date, or on it)."""
    return {"campaign": _number(errors, fi), "township_code": _township(errors, fi),
            "date": plain_date(errors, fi, today, label="结束日期")}


def report_record_id(township_code: str, campaign: str) -> str:
    """`<township>000-QR-<county campaign>`: the township's word, to its county alone."""
    return f"{township_code}000-QR-{campaign}"


def reported(errors, fi, case, today, policy) -> dict:
    """A township's figures of the county's campaign (the latest replaces the earlier)."""
    out = {"campaign": _number(errors, fi), "township_code": _township(errors, fi),
           "date": plain_date(errors, fi, today, label="报送日期")}
    for key, label in FIGURES.items():
        out[key] = f.count(errors, key, fi.get(key), maximum=MOST_HOUSEHOLDS, label=label)
    if not errors and out["reviewed"] > out["households"] + out["newly_found"]:
        errors.append(FieldError("reviewed", "已复核户数多于应复核和新纳入户数之和。"))
    return out


def report_place_problem(record: str, clean: dict) -> str:
    if record != report_record_id(clean["township_code"], clean["campaign"]):
        return f"记录 {record[:40]} 与其内容所写的乡镇或清理检查编号不符"
    return ""
