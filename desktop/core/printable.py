"""Can a text be printed with the bundled fonts? Asked when a name is typed or imported,
so that a case whose name cannot be printed never reaches a notice (DOMAIN: a character is
never silently dropped, and the officer is told before printing).

The answer comes from resources/fonts/coverage.txt, the code point ranges the printing
fonts draw, generated with the fonts by build_scripts/make_fallback_fonts.py and checked
against them by tests/test_printable.py; the core loads no font (and no reportlab)."""

from __future__ import annotations

import bisect
import functools
import unicodedata

from desktop.core.errors import Refusal
from desktop.paths import resource_path

COVERAGE = ("fonts", "coverage.txt")


@functools.cache
def _ranges() -> tuple[tuple[int, ...], tuple[int, ...]]:
    """(starts, ends) of the covered ranges, sorted, for a binary search."""
    path = resource_path(*COVERAGE)
    try:
        lines = [line.strip() for line in path.read_text(encoding="ascii").splitlines()]
        pairs = [_range(line) for line in lines if line and not line.startswith("#")]
    except (OSError, ValueError) as exc:
        raise Refusal(f"内置字库清单 {path.name} 缺失或已损坏({exc}),"
                      f"请重新安装民生救助工作台。") from None
    pairs.sort()
    return tuple(lo for lo, _ in pairs), tuple(hi for _, hi in pairs)


def _range(line: str) -> tuple[int, int]:
    """"4E00-9FA5" or "3007" (hex, inclusive)."""
    lo, _, hi = line.partition("-")
    return int(lo, 16), int(hi or lo, 16)


def covered(ch: str) -> bool:
    """True if some bundled printing font draws `ch`."""
    starts, ends = _ranges()
    i = bisect.bisect_right(starts, ord(ch)) - 1
    return i >= 0 and ord(ch) <= ends[i]


def unprintable(text: str) -> list[str]:
    """The characters of `text` no bundled font draws, in order, each once."""
    return [ch for ch in dict.fromkeys(text) if not covered(ch)]


def describe_char(ch: str) -> str:
    """“𰀀”(U+30000 CJK UNIFIED IDEOGRAPH-30000): the character, its code and name, so
    an invisible or look-alike character can still be found and told apart."""
    name = unicodedata.name(ch, "") or _CONTROL_NAMES.get(ch, "")
    code = f"U+{ord(ch):04X}{' ' + name if name else ''}"
    if unicodedata.category(ch) in INVISIBLE:  # shown by its code only: it cannot be seen,
        return code                            # and a lone surrogate cannot even be written
    return f"“{ch}”({code})"


# Categories of characters that are not text: controls, format characters (zero-width,
# direction overrides), surrogates, line and paragraph separators.
INVISIBLE = frozenset({"Cc", "Cf", "Cs", "Zl", "Zp"})
_CONTROL_NAMES = {"\x00": "NUL", "\x07": "BEL", "\x08": "BS", "\x1b": "ESC", "\x7f": "DEL",
                  "\t": "TAB", "\n": "LF", "\r": "CR"}
