"""Small checkers shared by the application form and the workflow steps.

Each checker takes (errors, path, value) and returns the normalised value, appending a
FieldError with a Chinese message when the value is wrong. Collecting every error at
once lets a form show all of them beside their fields (一次性告知)."""

from __future__ import annotations

import re
import unicodedata
from datetime import date

from desktop.core import printable
from desktop.core.errors import FieldError

NAME_MAX = 30  # characters; the longest transliterated minority names are about 20
DOT = "·"  # U+00B7, the middle dot of minority names (阿不都热依木·买买提)
# Look-alikes of the middle dot that input methods and other programs produce; written as
# U+00B7, as the 户口簿 has it, so one person does not become two names.
_DOT_LIKES = str.maketrans(dict.fromkeys("•・･‧∙⋅", DOT))
# Where names may draw from: CJK ideographs (the unified block, Extension A, the
# ideographic planes 2-3 with Extensions B-I, the compatibility ideographs) and 〇.
_IDEOGRAPHS = ((0x3007, 0x3007), (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF),
               (0x20000, 0x3FFFD))
_BIDI = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
                  "\u2066\u2067\u2068\u2069")
_ZERO_WIDTH = frozenset("\u200b\u200c\u200d\u2060\ufeff")
# Line breaks and tabs are allowed in free texts (minutes, findings); never in names.
_LAYOUT = frozenset("\t\n\r")


def unknown_keys(errors: list, path: str, value: dict, allowed) -> None:
    if not set(value).difference(allowed):  # the usual case, in C: no key to name
        return
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
    elif not value.isprintable():  # the usual text is, at C speed: no call to `hidden`
        hidden(errors, path, value, label=label or "此项")
    return value


def hidden(errors: list, path: str, value: str, *, label: str, layout=True) -> bool:
    """Refuse characters that are not text: controls (ESC, NUL …), direction overrides
    (which make a printed or listed line read backwards), zero-width characters (which
    make two equal-looking names differ) and lone surrogates (which cannot be stored or
    printed). Pasted text brings them in; the officer is told which ones to remove.
    Line breaks and tabs pass where `layout` is true. True if any was found."""
    if value.isprintable():  # the usual case, checked at C speed
        return False
    bad = [ch for ch in dict.fromkeys(value) if _invisible(ch) and not (layout and ch in _LAYOUT)]
    if not bad:
        return False
    kinds: dict[str, list[str]] = {}
    for ch in bad[:8]:
        kinds.setdefault(_kind(ch), []).append(printable.describe_char(ch))
    found = ";".join(f"{kind} {'、'.join(chars)}" for kind, chars in kinds.items())
    errors.append(FieldError(path, f"{label}中有看不见的{found},请删除这些字符后重新填写"
                                   f"(常见于从网页或其他软件复制来的文字)。"))
    return True


def _invisible(ch: str) -> bool:
    return unicodedata.category(ch) in printable.INVISIBLE


def _kind(ch: str) -> str:
    if ch in _BIDI:
        return "文字方向控制符"
    if ch in _ZERO_WIDTH:
        return "零宽字符"
    category = unicodedata.category(ch)
    if category == "Cs":
        return "无效字符(孤立的代理项)"
    return "控制字符" if category == "Cc" else "格式字符"


def person_name(errors: list, path: str, value, *, required=True) -> str:
    """A name as on the 户口簿: CJK ideographs, with the middle dot between the parts of a
    minority name; at most NAME_MAX characters; every character printable with the
    bundled fonts, checked now rather than when a notice is printed."""
    if isinstance(value, str):
        value = value.translate(_DOT_LIKES)
    before = len(errors)
    name = text(errors, path, value, required=required, max_len=NAME_MAX, label="姓名")
    if not name or len(errors) > before:
        return name
    if _PLAIN_NAME.fullmatch(name):  # ideographs and dots only (every name of an import):
        others = []  # nothing invisible, nothing else to list, at C speed
    elif hidden(errors, path, name, label="姓名", layout=False):
        return name
    else:
        others = [ch for ch in dict.fromkeys(name) if ch != DOT and not _ideograph(ch)]
    if others:
        shown = "、".join(printable.describe_char(ch) for ch in others[:3])
        shown += " 等" if len(others) > 3 else ""
        errors.append(FieldError(path, f"姓名中有 {shown},姓名只能用汉字,少数民族姓名的间隔用"
                                       f"“·”;请按户口簿填写。"))
    elif name.startswith(DOT) or name.endswith(DOT) or DOT * 2 in name:
        errors.append(FieldError(path, "间隔号“·”只能用在姓名的两部分之间,不能在开头、结尾或连用。"))
    elif not _PRINTED.issuperset(name) and (bad := _unprintable(name)):
        shown = "、".join(printable.describe_char(ch) for ch in bad)
        errors.append(FieldError(path, f"姓名中的字 {shown} 无法用内置字体打印,公示和表格将印不出;"
                                       f"请核对写法,如确为此字,请联系技术支持更新字库。"))
    return name


def _ideograph(ch: str) -> bool:
    code = ord(ch)
    return any(lo <= code <= hi for lo, hi in _IDEOGRAPHS)


# The same test as `_ideograph` (or the dot) for a whole name in one regex match: an
# import checks every name of every household.
_PLAIN_NAME = re.compile("[" + DOT + "".join(f"{chr(lo)}-{chr(hi)}" for lo, hi in _IDEOGRAPHS)
                         + "]+")
# Characters of names found printable: the font coverage never changes while the program
# runs, and a county's names draw on a few thousand characters (bounded: at most the
# ideographs and the dot).
_PRINTED: set[str] = set()


def _unprintable(name: str) -> list[str]:
    bad = printable.unprintable(name)
    _PRINTED.update(ch for ch in name if ch not in bad)
    return bad


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


# How a month is written, in words an officer reads: "YYYY-MM" is a programmer's pattern.
MONTH_FORM = "“年-月”,例如 2026-11"
DAY_FORM = "“年-月-日”,例如 2026-11-20"


def month_wrong(label: str, value) -> str:
    """The line for a month typed wrong: what was typed and how to write it."""
    return f"{label}“{str(value)[:20]}”写得不对,应为{MONTH_FORM}。"


def day(errors: list, path: str, value, *, today: date, required=True, label="日期",
        not_before: date | None = None):
    """An ISO date, not in the future; returned as a `date` (None when missing)."""
    if value in (None, ""):
        if required:
            errors.append(FieldError(path, f"请填写{label},写作{DAY_FORM}。"))
        return None
    try:
        d = (value if isinstance(value, date)
             else normal_day(value) or date.fromisoformat(str(value).strip()))
    except ValueError:
        errors.append(FieldError(path, f"{label}“{str(value)[:20]}”不是有效日期,应为{DAY_FORM}。"))
        return None
    if d > today:
        errors.append(FieldError(path, f"{label}{d.isoformat()}晚于今天,不能填写未来的日期。"))
    elif not_before and d < not_before:
        errors.append(FieldError(path, f"{label}不能早于{not_before.isoformat()}。"))
    return d


_ISO_TEXTS: dict[date, str] = {}
_DAYS: dict[str, date] = {}  # the other way: a text in that form -> its date


def normal_day(value) -> date | None:
    """The date `value` writes, where it is one in the form `iso` gives it (None
    otherwise): remembered, as an import reads the same few thousand days again and
    again. The same date `date.fromisoformat` reads from it. Bounded as `iso`."""
    found = _DAYS.get(value) if type(value) is str else None
    if found is None and type(value) is str and len(value) == 10:
        try:
            found = date.fromisoformat(value)
        except ValueError:
            return None
        if iso(found) != value:
            return None
        if len(_DAYS) >= 100_000:
            _DAYS.clear()
        _DAYS[value] = found
    return found


def iso(d: date) -> str:
    """`d.isoformat()`, remembered: date.isoformat formats through printf (thousands of
    instructions), and an import writes the same few thousand days again and again.
    Bounded: emptied at 100,000 days (three centuries)."""
    text = _ISO_TEXTS.get(d)
    if text is None:
        if len(_ISO_TEXTS) >= 100_000:
            _ISO_TEXTS.clear()
        text = _ISO_TEXTS[d] = d.isoformat()
    return text


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


def text_list(errors: list, path: str, value, *, label="", max_len=200,
              max_items=100) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        errors.append(FieldError(path, f"{label or '此项'}应为文字列表。"))
        return []
    if len(value) > max_items:
        errors.append(FieldError(path, f"{label or '此项'}最多 {max_items} 项。"))
        return []
    return [text(errors, f"{path}[{i}]", v, max_len=max_len, label=label)
            for i, v in enumerate(value) if v.strip()]


# -- already in normal form --------------------------------------------------------------
# Each predicate is true only where its checker above would return `value` itself, with no
# error: what a record made by this program holds. An import asks them first of every
# field it receives, in a few calls at C speed; where one is false, the checker runs and
# says what is wrong (the verdict and the message are the checker's, always).


def is_plain_text(value, max_len: int = 500, required: bool = False) -> bool:
    """As `text(…, value, required=required, max_len=max_len)` would keep it."""
    return (type(value) is str and len(value) <= max_len and value.isprintable()
            and value == value.strip() and (not required or value != ""))


def is_plain_name(value) -> bool:
    """As `person_name(…, value)` would keep it: ideographs and inner dots, printable."""
    return (type(value) is str and 0 < len(value) <= NAME_MAX
            and _PLAIN_NAME.fullmatch(value) is not None and value.isprintable()
            and value[0] != DOT and value[-1] != DOT and DOT * 2 not in value
            and (_PRINTED.issuperset(value) or not _unprintable(value)))


def is_choice(value, options) -> bool:
    """As `choice(…, value, options)` would keep it (with or without a default)."""
    return type(value) is str and value != "" and value in options


def is_fen(value, *, positive: bool = False, maximum: int | None = None) -> bool:
    """As `fen(…, value, positive=positive, maximum=maximum)` would keep it."""
    return (type(value) is int and value >= (1 if positive else 0)
            and (maximum is None or value <= maximum))


def is_count(value, *, minimum: int = 0, maximum: int = 100_000) -> bool:
    return type(value) is int and minimum <= value <= maximum


def is_text_list(value, max_len: int = 200, max_items: int = 100) -> bool:
    """As `text_list(…, value)` would keep it: no blank item (it would be dropped)."""
    return (type(value) is list and len(value) <= max_items
            and all(v != "" and is_plain_text(v, max_len) for v in value))
