"""Region codes (GB/T 2260 and the statistical codes below it) and who may act where.

A code is digits of a fixed length: county 6, township 9 (= county + 3), village 12
(= township + 3). Codes are parsed into their parts and compared as codes — never as text
prefixes or SQL `LIKE` patterns, which let `430522101202-2026` or `430522101%` pass as a
village. Case numbers carry their village's code (`430522101201-2026-0001`)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from desktop.core.errors import Refusal

LEVELS = {"county": 6, "township": 9, "village": 12}
LEVEL_LABELS = {"county": "县", "township": "乡镇", "village": "村"}
_CASE_ID = re.compile(r"(\d{12})-(\d{4})-(\d{4,6})")
_RECORD = re.compile(r"(\d{12})-([A-Za-z0-9][A-Za-z0-9\-]{0,39})")


@dataclass(frozen=True)
class Region:
    level: str
    code: str

    @property
    def county(self) -> str:
        return self.code[:6]

    def parent(self) -> Region | None:
        if self.level == "village":
            return Region("township", self.code[:9])
        if self.level == "township":
            return Region("county", self.code[:6])
        return None

    def contains(self, other: Region) -> bool:
        """Whether `other` is this region or lies within it (parsed codes, level by level)."""
        while other is not None:
            if other == self:
                return True
            other = other.parent()
        return False


def normal_code(code, level: str):
    """A township's 12-digit statistical code (`430522101000`) is its 9-digit code padded
    with zeros: the 9 digits are the code."""
    if level == "township" and isinstance(code, str) and re.fullmatch(r"[0-9]{9}000", code):
        return code[:9]
    return code


def code_problem(code, level: str) -> str:
    """Why `code` is not a valid code of `level` ("" when it is)."""
    code = normal_code(code, level)
    n = LEVELS[level]
    if not isinstance(code, str) or not re.fullmatch(rf"[0-9]{{{n}}}", code):
        return (f"{LEVEL_LABELS[level]}代码应为 {n} 位数字(不含空格、字母或符号),"
                f"现在是“{code}”")
    return ""


def region(code, level: str) -> Region:
    problem = code_problem(code, level)
    if problem:
        raise Refusal(problem + "。")
    return Region(level, normal_code(code, level))


def check_codes(*, county_code, township_code="", village_code="", role: str) -> None:
    """The codes a workstation (or an identity card) of `role` carries: each valid, each
    within the one above it."""
    county = region(county_code, "county")
    if role == "county":
        if township_code or village_code:
            raise Refusal("县级工作站不填写乡镇和村的代码。")
        return
    township = region(township_code, "township")
    if not county.contains(township):
        raise Refusal(f"乡镇代码 {township_code} 不属于县代码 {county_code}"
                      f"(乡镇代码的前 6 位应为县代码)。")
    if role == "township":
        if village_code:
            raise Refusal("乡镇工作站不填写村代码。")
        return
    village = region(village_code, "village")
    if not township.contains(village):
        raise Refusal(f"村代码 {village_code} 不属于乡镇代码 {township_code}"
                      f"(村代码的前 9 位应为乡镇代码)。")


def case_village(record_id: str) -> str:
    """The village code a case number (or a village's batch record id) carries; "" when
    the id is not of that form."""
    m = _CASE_ID.fullmatch(record_id) or _RECORD.fullmatch(record_id or "")
    return m.group(1) if m else ""


def is_case_id(record_id: str) -> bool:
    return bool(_CASE_ID.fullmatch(record_id or ""))
