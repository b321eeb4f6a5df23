"""The workstation's identity: role, region names and GB/T 2260 codes, officer."""

from __future__ import annotations

import re

from desktop.core import fields as f
from desktop.core.errors import FieldError, ValidationFailed
from desktop.core.regions import normal_code, region

ROLES = {"village": "村(社区)", "township": "乡镇民政办", "county": "县民政局"}
PLACE_FIELDS = ("county", "township", "village", "officer")
# Names go into bundle file names and onto screens as they are: no path or control
# characters, no invisible direction or zero-width marks.
_UNSAFE_PLACE = re.compile(
    "[\\\\/:*?\"<>|\x00-\x1f\x7f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")


def safe_place(name: str) -> bool:
    """A place or officer name that can stand in a file name and on a screen as it is."""
    return len(name) <= 40 and not _UNSAFE_PLACE.search(name) and ".." not in name


KEYS = ("role", "county", "county_code", "township", "township_code", "village",
        "village_code", "officer")


def check_workstation(doc: dict) -> dict:
    """The normalised identity, or ValidationFailed naming every bad field."""
    errors: list[FieldError] = []
    f.unknown_keys(errors, "", doc, KEYS)
    role = f.choice(errors, "role", doc.get("role"), ROLES, label="角色")
    out = {"role": role}
    county = role == "county"  # a county workstation names no township
    for key, label in (("county", "县(市、区)名称"), ("township", "乡镇名称"),
                       ("officer", "经办人姓名")):
        needed = not (county and key == "township")
        out[key] = f.text(errors, key, doc.get(key), required=needed, max_len=40, label=label)
    for key in ("county", "township", "officer"):
        _safe(errors, key, out[key])
    out["county_code"] = _code(errors, "county_code", doc.get("county_code"), (6,), "县级区划代码")
    out["township_code"] = "" if county and not doc.get("township_code") else normal_code(
        _code(errors, "township_code", doc.get("township_code"), (9, 12), "乡镇代码"),
        "township")
    if county and (out["township"] or out["township_code"] or doc.get("village_code")):
        errors.append(FieldError("township_code", "县级工作站不填写乡镇和村的名称与代码。"))
    village_needed = role == "village"
    out["village"] = f.text(errors, "village", doc.get("village"), required=village_needed,
                            max_len=40, label="村(社区)名称")
    _safe(errors, "village", out["village"])
    out["village_code"] = (_code(errors, "village_code", doc.get("village_code"), (12,),
                                 "村(社区)代码") if village_needed or doc.get("village_code")
                           else "")
    _nested(errors, out)
    if errors:
        raise ValidationFailed(errors)
    return out


def _code(errors: list, path: str, value, lengths: tuple[int, ...], label: str) -> str:
    code = f.text(errors, path, value, required=True, max_len=20, label=label)
    if code and not (re.fullmatch(r"\d+", code) and len(code) in lengths):
        want = "或".join(str(n) for n in lengths)
        errors.append(FieldError(path, f"{label}应为 {want} 位数字(GB/T 2260 与统计用区划代码)。"))
    return code


def _safe(errors: list, path: str, name: str) -> None:
    if name and not safe_place(name):
        errors.append(FieldError(path, f"“{name[:40]}”中有不允许的字符(/ \\ : * ? \" < > | 或"
                                       f"看不见的控制字符),请只用汉字、字母和数字。"))


def _nested(errors: list, out: dict) -> None:
    """A township lies in its county and a village in its township: codes must nest
    (compared as parsed codes, level by level)."""
    if errors:  # the codes themselves are wrong: nesting says nothing more
        return
    county = region(out["county_code"], "county")
    if not out["township_code"]:
        return
    township = region(out["township_code"], "township")
    if not county.contains(township):
        errors.append(FieldError("township_code", f"乡镇代码应以县级代码 {county.code} 开头。"))
    elif out["village_code"]:
        if not township.contains(region(out["village_code"], "village")):
            errors.append(FieldError("village_code",
                                     f"村代码应以乡镇代码 {township.code} 开头。"))
