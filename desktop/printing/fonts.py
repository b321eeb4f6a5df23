"""The fonts of every printed document: WenQuanYi Micro Hei (Latin, digits and the CJK of
everyday use) and the Hanazono subsets for rare characters of names (CJK Extensions A and
B). All are TrueType with glyf outlines, so reportlab embeds and subsets them; the
non-embedded CID fonts (STSong-Light) would make a printout depend on the viewer.

A name must print exactly as written: each character is drawn in the first font that has
it, and a character that no bundled font has is refused *before* printing, naming the
character and the text it is in, rather than printed as a blank box."""

from __future__ import annotations

import functools
import threading
import unicodedata
from dataclasses import dataclass
from xml.sax.saxutils import escape

from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFont

from desktop.core.errors import Refusal
from desktop.paths import resource_path

MAIN = "RD-WenQuanYi"


@dataclass(frozen=True)
class FontFile:
    name: str  # the name registered with reportlab
    file: str  # under resources/fonts/
    subfont: int = 0


FONT_FILES = (FontFile(MAIN, "wqy-microhei.ttc"),
              FontFile("RD-HanaMinA", "hanazono-a-subset.ttf"),
              FontFile("RD-HanaMinB", "hanazono-b-subset.ttf"))
# Characters printed as a line break or a space, whatever the fonts say.
_LAYOUT = {"\n": "<br/>", "\r": "", "\t": " "}

# One document at a time: a registered TTFont keeps per-document subset state, so two
# documents built at the same time (a GUI worker and a preview) must not share it.
BUILD_LOCK = threading.RLock()
_registered: dict[str, frozenset[int]] = {}  # font name -> code points it has
_register_lock = threading.Lock()


def register_fonts() -> list[tuple[str, frozenset[int]]]:
    """Register the bundled fonts with reportlab, once per process; returns each font's
    name and character set, in fallback order."""
    with _register_lock:
        if not _registered:
            ttfonts.makeToUnicodeCMap = _to_unicode_cmap
            for f in FONT_FILES:
                path = resource_path("fonts", f.file)
                try:
                    font = TTFont(f.name, str(path), subfontIndex=f.subfont)
                except Exception as exc:  # a missing or damaged font breaks every document
                    raise Refusal(f"内置字体 {path.name} 缺失或已损坏({exc}),"
                                  f"请重新安装民生救助工作台。") from None
                pdfmetrics.registerFont(font)
                _registered[f.name] = frozenset(font.face.charToGlyph)
        return [(f.name, _registered[f.name]) for f in FONT_FILES]


def _to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """reportlab's ToUnicode map, with characters beyond the BMP (Extension B names such
    as 张𠮷祥) written as UTF-16 surrogate pairs as the PDF standard requires; reportlab
    writes them as 5 hex digits, and the name then cannot be searched or copied."""
    text = _original_cmap(fontname, list(subset))
    for code in subset:
        if code > 0xFFFF:
            pair = chr(code).encode("utf-16-be").hex().upper()
            text = text.replace(f"<{code:04X}>", f"<{pair}>")
    return text


_original_cmap = ttfonts.makeToUnicodeCMap


@functools.cache
def font_for(ch: str) -> str | None:
    """The first font that can draw `ch`; None if no bundled font has it. Cached: it is
    asked for every character of every cell of every document."""
    if ch in _LAYOUT or ch == " ":
        return MAIN
    code = ord(ch)
    for name, chars in register_fonts():
        if code in chars:
            return name
    return None


@functools.cache
def _main_font_text() -> frozenset[str]:
    """The characters the main font draws as they are (no layout character), as strings,
    so that a whole text is checked with one set operation."""
    codes = dict(register_fonts())[MAIN]
    return frozenset(map(chr, codes)).union(" ").difference(_LAYOUT)


def in_main_font(text: str) -> bool:
    """True if every character of `text` is drawn in the main font and none is a line
    break or tab: the text needs no font markup, and no check that it can be printed."""
    return _main_font_text().issuperset(text)


def unprintable(text: str) -> list[str]:
    """The characters of `text` that no bundled font can print, in order, each once."""
    if in_main_font(text):
        return []
    return [ch for ch in dict.fromkeys(text) if font_for(ch) is None]


def describe_char(ch: str) -> str:
    name = unicodedata.name(ch, "")
    return f"“{ch}”(U+{ord(ch):04X}{' ' + name if name else ''})"


def check_printable(items: list[tuple[str, str]]) -> None:
    """Refuse before printing if any text cannot be printed. `items` are (what, text),
    e.g. ("姓名", "王䶮"), so the officer is told which character, in which name."""
    for what, text in items:
        bad = unprintable(text or "")
        if bad:
            chars = "、".join(describe_char(ch) for ch in bad)
            raise Refusal(f"{what}“{text}”中的字 {chars} 无法用内置字体打印,未生成文件。"
                          f"请核对写法;如确为此字,请联系技术支持更新字库。")


def markup(text: str) -> str:
    """`text` as reportlab paragraph markup: XML escaped, each run of characters in the
    first font that has it, line breaks kept. Call check_printable first."""
    if in_main_font(text or ""):
        return escape(text or "")
    return "".join(_run_markup(part, font) for font, part in font_runs(text or ""))


def font_runs(text: str) -> list[tuple[str, str]]:
    """`text` cut into runs (font, characters) of the first font that has each character;
    a character no font has goes with the main font (check_printable refuses it first)."""
    if in_main_font(text):
        return [(MAIN, text)] if text else []
    runs: list[tuple[str, str]] = []
    for ch in text:
        font = font_for(ch) or MAIN
        if runs and runs[-1][0] == font:
            runs[-1] = (font, runs[-1][1] + ch)
        else:
            runs.append((font, ch))
    return runs


def _run_markup(text: str, font: str) -> str:
    if font != MAIN:
        return f'<font name="{font}">{escape(text)}</font>'
    return escape(text, _LAYOUT)  # layout characters are only ever in main-font runs


def draw_string(canvas, x: float, y: float, text: str, size: float, *,
                align: str = "left") -> None:
    """Draw one line on a canvas (headers, footers), switching fonts per character."""
    runs = font_runs(text)
    width = sum(pdfmetrics.stringWidth(t, f, size) for f, t in runs)
    x = {"left": x, "center": x - width / 2, "right": x - width}[align]
    for font, part in runs:
        canvas.setFont(font, size)
        canvas.drawString(x, y, part)
        x += pdfmetrics.stringWidth(part, font, size)
