"""Resident ID numbers (居民身份证号码, GB 11643-1999).

Birth date and sex are derived from the number so they are never typed twice; a number
is therefore checked completely before anything is taken from it, and every refusal says
exactly which part is wrong so the officer can compare it with the card in front of them.
"""

from __future__ import annotations

import functools
import operator
import re
from dataclasses import dataclass
from datetime import date

from desktop.core import clock
from desktop.core.errors import Refusal

ID_LENGTH = 18
OLD_ID_LENGTH = 15
EARLIEST_BIRTH_DATE = date(1880, 1, 1)

_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK_CHARACTERS = "10X98765432"

# Province-level codes of GB/T 2260 (first two digits). Deliberately coarse: the full
# county list changes every year and an offline app cannot keep it current.
PROVINCE_CODES = frozenset(
    {"11", "12", "13", "14", "15", "21", "22", "23"}
    | {str(n) for n in range(31, 38)}
    | {str(n) for n in range(41, 47)}
    | {str(n) for n in range(50, 55)}
    | {str(n) for n in range(61, 66)}
    | {"71", "81", "82", "83"}
)

# Chinese input methods easily produce full-width digits and letters; they mean the same.
_TO_ASCII = str.maketrans("０１２３４５６７８９Ｘｘx", "0123456789XXX")


class InvalidIdNumber(Refusal):
    """An ID number that cannot be accepted; the message names the exact problem."""


@dataclass(frozen=True)
class IdNumber:
    """A checked 18-character ID number and what it tells about its holder."""

    number: str
    birth_date: date
    sex: str  # "男" or "女"
    region_code: str

    def age_on(self, d: date) -> int:
        """Whole years completed on `d`; rules such as "child under 14" depend on it."""
        if d < self.birth_date:
            raise ValueError(f"{d} is before the birth date {self.birth_date}")
        had_birthday = (d.month, d.day) >= (self.birth_date.month, self.birth_date.day)
        return d.year - self.birth_date.year - (0 if had_birthday else 1)


def normalise_id_number(text: str) -> str:
    """Remove surrounding spaces (also the full-width U+3000) and map full-width digits
    and x/ｘ/Ｘ to ASCII, so the same card always yields the same stored string."""
    return text.strip().translate(_TO_ASCII)


# Σ (byte - 48) · w = Σ byte · w - 48 · Σ w: the weighted sum over the ASCII codes, in C
# (an import checks every member of every household)
_ZERO_OFFSET = ord("0") * sum(_WEIGHTS)
_SEVENTEEN_DIGITS = re.compile(r"[0-9]{17}")


def check_character(first17: str) -> str:
    """The check character for the first 17 digits (ISO 7064 MOD 11-2 as in GB 11643)."""
    if not (isinstance(first17, str) and _SEVENTEEN_DIGITS.fullmatch(first17)):
        raise ValueError(f"expected 17 ASCII digits, got {first17!r}")
    total = sum(map(operator.mul, first17.encode("ascii"), _WEIGHTS)) - _ZERO_OFFSET
    return _CHECK_CHARACTERS[total % 11]


def parse_id_number(text: str, today: date | None = None) -> IdNumber:
    """Normalise and fully check an ID number; raise InvalidIdNumber saying what is wrong.

    `today` is a parameter so that "birth date in the future" is testable and so a
    caller checking an old record can judge it against the record's own date.
    """
    today = today or clock.today()
    number = text.strip()
    if not _WELL_FORMED.fullmatch(number):  # the usual number needs no mapping: as is
        number = number.translate(_TO_ASCII)
        _check_shape(number)
    region_code = _check_region(number)
    birth_date = _check_birth_date(number, today)
    _check_check_character(number)
    sex = "男" if int(number[16]) % 2 == 1 else "女"
    return IdNumber(number=number, birth_date=birth_date, sex=sex, region_code=region_code)


def plain_birth_and_sex(number, today: date) -> tuple[str, str] | None:
    """(the birth date as ISO text, the sex) where `parse_id_number(number, today)` would
    keep `number` exactly as it is, without an error; None otherwise (ask it why). The
    same checks without building an IdNumber: an import asks it of every person of every
    household it receives."""
    if (type(number) is not str or not _WELL_FORMED.fullmatch(number)
            or number[:2] not in PROVINCE_CODES):
        return None
    birth = _birth_date(number[6:14])
    if birth is None or not EARLIEST_BIRTH_DATE <= birth <= today:
        return None
    total = sum(map(operator.mul, number[:17].encode("ascii"), _WEIGHTS)) - _ZERO_OFFSET
    if number[17] != _CHECK_CHARACTERS[total % 11]:
        return None
    # eight checked digits of a year from 1880 on: the date's ISO text, digit for digit
    return (f"{number[6:10]}-{number[10:12]}-{number[12:14]}",
            "男" if number[16] in "13579" else "女")


def mask_id_number(number: str) -> str:
    """Keep the first 6 and last 4 characters and star the rest, as a public notice must.

    Anything of 10 characters or fewer is starred completely: keeping 6 + 4 of it would
    reveal all of it.
    """
    number = normalise_id_number(number)
    if len(number) <= 10:
        return "*" * len(number)
    return number[:6] + "*" * (len(number) - 10) + number[-4:]


def _is_ascii_digits(s: str) -> bool:
    """str.isdigit() also accepts e.g. '²' and other scripts' digits; we want 0-9 only
    (among ASCII characters isdigit() is exactly 0-9; an empty text passes, as all())."""
    return not s or (s.isascii() and s.isdigit())


_WELL_FORMED = re.compile(r"[0-9]{17}[0-9X]")


def _check_shape(number: str) -> None:
    """Length and character set, checked before anything is read from the digits."""
    if _WELL_FORMED.fullmatch(number):  # the usual case, at once (an import checks many)
        return
    if not number:
        raise InvalidIdNumber("身份证号为空,请输入18位身份证号")
    if len(number) == OLD_ID_LENGTH and _is_ascii_digits(number):
        raise InvalidIdNumber("这是15位旧身份证号,请使用18位身份证号")
    if len(number) != ID_LENGTH:
        raise InvalidIdNumber(
            f"身份证号长度不对:输入了{len(number)}位,应为18位,请核对是否多输或漏输"
        )
    for position, ch in enumerate(number[:17], start=1):
        if not _is_ascii_digits(ch):
            raise InvalidIdNumber(f"身份证号第{position}位「{ch}」不是数字,前17位只能是数字,请核对")
    last = number[17]
    if not (_is_ascii_digits(last) or last == "X"):
        raise InvalidIdNumber(f"身份证号第18位「{last}」无效,最后一位只能是数字或X,请核对")


def _check_region(number: str) -> str:
    """A province code that does not exist means the first digits were mistyped."""
    if number[:2] not in PROVINCE_CODES:
        raise InvalidIdNumber(
            f"身份证号前两位「{number[:2]}」不是有效的省级行政区划代码,请核对前6位地区码"
        )
    return number[:6]


def _check_birth_date(number: str, today: date) -> date:
    """Digits 7-14 must be a real date between 1880-01-01 and today."""
    digits = number[6:14]
    birth = _birth_date(digits)
    if birth is None:
        raise InvalidIdNumber(
            f"身份证号中的出生日期「{digits}」不是真实的日期,请核对第7至14位"
        )
    if birth > today:
        raise InvalidIdNumber(
            f"身份证号中的出生日期{birth.isoformat()}晚于今天({today.isoformat()}),请核对第7至14位"
        )
    if birth < EARLIEST_BIRTH_DATE:
        raise InvalidIdNumber(
            f"身份证号中的出生日期{birth.isoformat()}早于1880年1月1日,请核对第7至14位"
        )
    return birth


@functools.lru_cache(maxsize=65_536)
def _birth_date(digits: str) -> date | None:
    """The date of 8 digits (None if there is none): remembered, as a county's households
    share a few tens of thousands of birth dates (the key is 8 checked digits)."""
    try:
        return date(int(digits[:4]), int(digits[4:6]), int(digits[6:]))
    except ValueError:
        return None


def _check_check_character(number: str) -> None:
    """A wrong check character almost always means one digit was mistyped."""
    expected = check_character(number[:17])
    given = number[17]
    if given != expected:
        raise InvalidIdNumber(
            f"身份证号校验码不对:最后一位是「{given}」,按前17位计算应为「{expected}」,"
            "请逐位核对,很可能有一位数字输错"
        )
