"""Money as integer fen (分).

Amounts are added, capped and printed on signed forms; a float would turn 0.1 + 0.2 into
0.30000000000000004 and a printed total could differ from the sum of its lines by a fen.
So amounts are whole fen everywhere, parsed with Decimal and never via float.
"""

from __future__ import annotations

import re
from decimal import Decimal

from desktop.core.errors import Refusal

FEN_PER_YUAN = 100

# Chinese input methods produce full-width digits, points and commas; they mean the same.
_TO_ASCII = str.maketrans("０１２３４５６７８９．，", "0123456789.,")
_CURRENCY_PREFIXES = ("¥", "￥", "RMB", "CNY")
_CURRENCY_SUFFIXES = ("元",)
_MINUS_SIGNS = ("-", "－", "−")
# Either plain digits or correctly grouped thousands, then an optional fraction.
_AMOUNT = re.compile(r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?")
_EXAMPLE = "请输入如 1234.50 这样的金额(单位:元)"


def parse_yuan(text: str | int) -> int:
    """Parse an amount in 元 as typed by an officer and return it in fen.

    An int means whole 元. Refuses empty, non-numeric, negative and sub-fen amounts
    rather than guessing, because a wrong amount ends up on a signed approval form.
    """
    if isinstance(text, bool) or not isinstance(text, (str, int)):
        raise TypeError(f"parse_yuan takes str or int, not {type(text).__name__}")
    if isinstance(text, int):
        return _whole_yuan_to_fen(text)
    cleaned = _strip_decorations(text)
    return _digits_to_fen(cleaned, original=text.strip())


def format_yuan(fen: int, grouped: bool = False) -> str:
    """Show fen as 元 with exactly two decimals, e.g. 123450 -> "1234.50" ("1,234.50")."""
    if isinstance(fen, bool) or not isinstance(fen, int):
        raise TypeError(f"format_yuan takes int fen, not {type(fen).__name__}")
    sign = "-" if fen < 0 else ""
    yuan, cents = divmod(abs(fen), FEN_PER_YUAN)
    whole = f"{yuan:,}" if grouped else str(yuan)
    return f"{sign}{whole}.{cents:02d}"


def _whole_yuan_to_fen(yuan: int) -> int:
    """A whole number of 元 from a spin box or a setting."""
    if yuan < 0:
        raise Refusal(f"金额不能为负数(输入的是{yuan}元),请输入0或正数")
    return yuan * FEN_PER_YUAN


def _strip_decorations(text: str) -> str:
    """Drop spaces, a currency sign before and 元 after; map full-width characters."""
    s = text.strip().translate(_TO_ASCII)
    for prefix in _CURRENCY_PREFIXES:
        if s.upper().startswith(prefix):
            s = s[len(prefix) :].strip()
            break
    for suffix in _CURRENCY_SUFFIXES:
        if s.endswith(suffix):
            s = s[: -len(suffix)].strip()
            break
    return s


def _digits_to_fen(s: str, original: str) -> int:
    """Check the cleaned text is a non-negative amount with at most 2 decimals."""
    if not s:
        raise Refusal(f"金额为空,{_EXAMPLE}")
    if s.startswith(_MINUS_SIGNS):
        raise Refusal(f"金额不能为负数(输入的是「{original}」),请输入0或正数")
    match = _AMOUNT.fullmatch(s)
    if match is None:
        raise Refusal(f"金额「{original}」不是有效的数字,{_EXAMPLE}")
    fraction = match.group(1) or ""
    if len(fraction) > 2:
        raise Refusal(f"金额「{original}」超过两位小数,最小单位是分,请最多保留两位小数")
    return int(Decimal(s.replace(",", "")) * FEN_PER_YUAN)
