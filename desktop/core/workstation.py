"""The workstation's identity: role, region names and GB/T 2260 codes, officer."""

from __future__ import annotations

import re

from desktop.core import fields as f
from desktop.core.errors import FieldError, ValidationFailed

ROLES = {"village": "村(社区)", "township": "乡镇民政办"}
KEYS = ("role", "county", "county_code", "township", "township_code", "village",
        "village_code", "officer")


def check_workstation(doc: dict) -> dict:
    """The normalised identity, or ValidationFailed naming every bad field."""
    errors: list[FieldError] = []
    f.unknown_keys(errors, "", doc, KEYS)
    role = f.choice(errors, "role", doc.get("role"), ROLES, label="角色")
    out = {"role": role}
    for key, label in (("county", "县(市、区)名称"), ("township", "乡镇名称"),
                       ("officer", "经办人姓名")):
        out[key] = f.text(errors, key, doc.get(key), required=True, max_len=40, label=label)
    out["county_code"] = _code(errors, "county_code", doc.get("county_code"), (6,), "县级区划代码")
    out["township_code"] = _code(errors, "township_code", doc.get("township_code"), (9, 12),
                                 "乡镇代码")
    village_needed = role == "village"
    out["village"] = f.text(errors, "village", doc.get("village"), required=village_needed,
                            max_len=40, label="村(社区)名称")
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


def _nested(errors: list, out: dict) -> None:
    """A township lies in its county and a village in its township: codes must nest."""
    county, township, village = out["county_code"], out["township_code"], out["village_code"]
    if county and township and not township.startswith(county):
        errors.append(FieldError("township_code", f"乡镇代码应以县级代码 {county} 开头。"))
    if township and village and not village.startswith(township[:9]):
        errors.append(FieldError("village_code", f"村代码应以乡镇代码 {township[:9]} 开头。"))
