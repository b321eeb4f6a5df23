"""A policy setting's value on screen and as typed back: money in 元 (stored in fen), a
choice or a yes/no in words (stored as a code or true/false), a list of days joined —
never a key or a code. The 本机政策 table and the county's edition form use these; a
value typed wrong is refused naming the setting in words."""

from __future__ import annotations

from desktop.core.errors import Refusal
from desktop.core.money import format_yuan, parse_yuan
from desktop.core.policy import CHOICE_WORDS
from desktop.core.setting_labels import SETTING_LABELS, setting_label

CHOICES = CHOICE_WORDS
YES_NO = {True: "是", False: "否"}
OWN_FIELDS = frozenset({"holidays", "extra_workdays"})  # typed in fields of their own


def _money(key: str, value) -> bool:
    return key.endswith("_fen") and isinstance(value, int) and not isinstance(value, bool)


def shown_setting(key: str, value) -> str:
    """The value as 本机政策 shows it."""
    if isinstance(value, list):
        return "、".join(value)
    if isinstance(value, bool):
        return YES_NO[value]
    if _money(key, value):
        return f"{format_yuan(value, grouped=True)} 元"
    return CHOICES.get(key, {}).get(value, str(value))


def typed_text(key: str, value) -> str:
    """The value as it is typed back in a form: 元 without grouping, words for the rest."""
    return format_yuan(value) if _money(key, value) else shown_setting(key, value)


def read_typed(key: str, text: str, like):
    """The typed text as the setting stores it (`like` is its present value, for its
    kind); a Refusal names the setting and what it should be."""
    name, text = setting_label(key), text.strip()
    if _money(key, like):
        try:
            return parse_yuan(text)
        except Refusal as exc:
            raise Refusal(f"{name}:{exc.message}。") from None
    if isinstance(like, bool):
        words = YES_NO
    elif key in CHOICES:
        words = CHOICES[key]
    elif isinstance(like, int):
        if text.isdigit():
            return int(text)
        raise Refusal(f"{name}应为不小于 0 的整数,现在是“{text}”。")
    else:
        return text
    found = [code for code, word in words.items() if word == text]
    if not found:
        raise Refusal(f"{name}应为{'、'.join(words.values())}之一,现在是“{text}”。")
    return found[0]


def choices_as_codes(settings):
    """Settings written by a person (a policy file) with a choice in its words (“到会人数”)
    as stored, with its code; anything else is left for the policy's own check."""
    if not isinstance(settings, dict):
        return settings
    out = dict(settings)
    for key, words in CHOICES.items():
        value = out.get(key)
        found = [code for code, word in words.items()
                 if isinstance(value, str) and word == value.strip()]
        if found:
            out[key] = found[0]
    return out


def form_keys(keys) -> list[str]:
    """The settings a form lists in a table, in the order 本机政策 shows them (the
    calendar and the phones have fields of their own)."""
    order = list(SETTING_LABELS)
    return sorted((k for k in keys if k not in OWN_FIELDS and not k.endswith("_phone")),
                  key=lambda k: order.index(k) if k in order else len(order))
