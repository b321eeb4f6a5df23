"""Small checkers shared by the application form and the workflow steps.

Each checker takes (errors, path, value) and returns the normalised value, appending a
FieldError with a Chinese message when the value is wrong. Collecting every error at
once lets a form show all of them beside their fields (一次性告知)."""

from __future__ import annotations

import re
from datetime import date

from desktop.core.errors import FieldError

_BAD_NAME = re.compile(r"[0-9０-９\x00-\x1f\x7f<>{}\[\]\\/|@#$%^&*=+~`\"]")


def unknown_keys(errors: list, path: str, value: dict, allowed) -> None:
    for key in value:
        if key not in allowed:
            where = f"{path}.{key}" if path else key
            errors.append(FieldError(where, f"未知字段“{key}”,请删除或检查拼写。"))


def as_dict(errors: list, path: str, value) -> dict:
    if value is None:
        return {}
    if not isinstance(value, dict):
        errors.append(FieldError(path, "应为一个对象({...})。"))
        return {}
    return value


def text(errors: list, path: str, value, *, required=False, max_len=500, label="") -> str:
    if value is None:
        value = ""
    if not isinstance(value, str):
        errors.append(FieldError(path, f"{label or '此项'}应为文字。"))
        return ""
    value = value.strip()
    if required and not value:
        errors.append(FieldError(path, f"请填写{label or '此项'}。"))
    elif len(value) > max_len:
        errors.append(FieldError(path, f"{label or '此项'}过长(最多 {max_len} 字)。"))
    return value


def person_name(errors: list, path: str, value, *, required=True) -> str:
    name = text(errors, path, value, required=required, max_len=40, label="姓名")
    if name and _BAD_NAME.search(name):
        errors.append(FieldError(path, "姓名中有数字或符号,请按户口簿填写。"))
    return name


def choice(errors: list, path: str, value, options, *, label="", default=None):
    if value in (None, "") and default is not None:
        return default
    if not isinstance(value, str) or value not in options:  # a list is not hashable
        if isinstance(options, dict):
            shown = "、".join(f"{k}({v})" for k, v in options.items())
        else:
            shown = "、".join(options)
        errors.append(FieldError(path, f"{label or '此项'}应为以下之一:{shown}。"))
        return value if isinstance(value, str) else ""
    return value


def day(errors: list, path: str, value, *, today: date, required=True, label="日期",
        not_before: date | None = None):
    """An ISO date, not in the future; returned as a `date` (None when missing)."""
    if value in (None, ""):
        if required:
            errors.append(FieldError(path, f"请填写{label}(格式 YYYY-MM-DD)。"))
        return None
    try:
        d = value if isinstance(value, date) else date.fromisoformat(str(value).strip())
    except ValueError:
        errors.append(FieldError(path, f"{label}“{value}”不是有效日期,请用 YYYY-MM-DD 格式。"))
        return None
    if d > today:
        errors.append(FieldError(path, f"{label}{d.isoformat()}晚于今天,不能填写未来的日期。"))
    elif not_before and d < not_before:
        errors.append(FieldError(path, f"{label}不能早于{not_before.isoformat()}。"))
    return d


def fen(errors: list, path: str, value, *, required=True, positive=False, maximum=None,
        label="金额") -> int:
    """An amount in integer fen: never a float, never negative."""
    if value in (None, ""):
        if required:
            errors.append(FieldError(path, f"请填写{label}。"))
        return 0
    if isinstance(value, bool) or not isinstance(value, int):
        errors.append(FieldError(path, f"{label}应为整数(单位:分),例如 150000 表示 1500.00 元。"))
        return 0
    if value < 0:
        errors.append(FieldError(path, f"{label}不能为负数。"))
    elif positive and value == 0:
        errors.append(FieldError(path, f"{label}必须大于 0。"))
    elif maximum is not None and value > maximum:
        errors.append(FieldError(
            path, f"{label}{value / 100:.2f} 元超过上限 {maximum / 100:.2f} 元,请核对是否多输了位数。"))
    return value


def count(errors: list, path: str, value, *, required=True, minimum=0, maximum=100_000,
          label="人数") -> int:
    if value in (None, ""):
        if required:
            errors.append(FieldError(path, f"请填写{label}。"))
        return 0
    if isinstance(value, bool) or not isinstance(value, int):
        errors.append(FieldError(path, f"{label}应为整数。"))
        return 0
    if not minimum <= value <= maximum:
        errors.append(FieldError(path, f"{label}应在 {minimum} 到 {maximum} 之间。"))
    return value


def flag(errors: list, path: str, value, *, label="") -> bool:
    if value is None:
        return False
    if not isinstance(value, bool):
        errors.append(FieldError(path, f"{label or '此项'}应为 true 或 false。"))
        return False
    return value


def text_list(errors: list, path: str, value, *, label="") -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        errors.append(FieldError(path, f"{label or '此项'}应为文字列表。"))
        return []
    return [v.strip() for v in value if v.strip()]
