"""The fonts of every printed document: WenQuanYi Micro Hei (Latin, digits and the CJK of
everyday use), then the Hanazono subsets for rare characters of names (CJK Extensions A to
F), then a BabelStone Han subset for the few CJK characters newer than Hanazono (Unicode
13-15). All are TrueType with glyf outlines, so reportlab embeds and subsets them; the
non-embedded CID fonts (STSong-Light) would make a printout depend on the viewer.
resources/fonts/coverage.txt lists what they draw, for desktop/core/printable.py.

A name must print exactly as written: each character is drawn in the first font that has
it, and a character that no bundled font has is refused *before* printing, naming the
character and the text it is in, rather than printed as a blank box."""

from __future__ import annotations

import functools
import gzip
import io
import threading
from dataclasses import dataclass
from xml.sax.saxutils import escape

from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFont

from desktop.core.errors import Refusal
from desktop.core.printable import describe_char
from desktop.paths import resource_path

MAIN = "RD-WenQuanYi"


@dataclass(frozen=True)
class FontFile:
    name: str  # the name registered with reportlab
    file: str  # under resources/fonts/; a .gz file is unpacked in memory when loaded
    subfont: int = 0


# Fallback order. The two large Hanazono subsets (Extension B, Extensions C-F) are kept
# gzip-compressed: 31 MB of glyphs would push the package over its 150 MB limit, and they
# are only unpacked when a document has a character the fonts before them lack.
FONT_FILES = (FontFile(MAIN, "wqy-microhei.ttc"),
              FontFile("RD-HanaMinA", "hanazono-a-subset.ttf"),
              FontFile("RD-HanaMinB", "hanazono-b-subset.ttf.gz"),
              FontFile("RD-HanaMinCF", "hanazono-cf-subset.ttf.gz"),
              FontFile("RD-BabelStoneHan", "babelstone-subset.ttf"))
# Characters printed as a line break or a space, whatever the fonts say.
_LAYOUT = {"\n": "<br/>", "\r": "", "\t": " "}

# One document at a time: a registered TTFont keeps per-document subset state, so two
# documents built at the same time (a GUI worker and a preview) must not share it.
BUILD_LOCK = threading.RLock()
_registered: dict[str, frozenset[int]] = {}  # font name -> code points it has
_register_lock = threading.Lock()


def register_fonts() -> None:
    """Register the main font with reportlab, once per process. The fallback fonts are
    registered when a text first needs one (font_for), so a document of everyday
    characters never loads the 30 MB of rare ones."""
    _load(FONT_FILES[0])


def all_fonts() -> list[tuple[str, frozenset[int]]]:
    """Every bundled font registered, with its character set, in fallback order."""
    return [(f.name, _load(f)) for f in FONT_FILES]


def _load(f: FontFile) -> frozenset[int]:
    with _register_lock:
        if f.name not in _registered:
            ttfonts.makeToUnicodeCMap = _to_unicode_cmap
            path = resource_path("fonts", f.file)
            try:
                source = (io.BytesIO(gzip.decompress(path.read_bytes()))
                          if f.file.endswith(".gz") else str(path))
                font = TTFont(f.name, source, subfontIndex=f.subfont)
            except Exception as exc:  # a missing or damaged font breaks every document
                raise Refusal(f"内置字体 {path.name} 缺失或已损坏({exc}),"
                              f"请重新安装民生救助工作台。") from None
            pdfmetrics.registerFont(font)
            _registered[f.name] = frozenset(font.face.charToGlyph)
        return _registered[f.name]


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


def coverage_ranges() -> list[tuple[int, int]]:
    """Every code point some font draws, as sorted inclusive ranges: the content of
    resources/fonts/coverage.txt (written by build_scripts/make_fallback_fonts.py)."""
    codes = sorted(set().union(*(chars for _, chars in all_fonts())))
    ranges: list[tuple[int, int]] = []
    for code in codes:
        if ranges and ranges[-1][1] == code - 1:
            ranges[-1] = (ranges[-1][0], code)
        else:
            ranges.append((code, code))
    return ranges


@functools.cache
def font_for(ch: str) -> str | None:
    """The first font that can draw `ch`; None if no bundled font has it. Cached: it is
    asked for every character of every cell of every document."""
    if ch in _LAYOUT or ch == " ":
        return MAIN
    code = ord(ch)
    for f in FONT_FILES:
        if code in _load(f):
            return f.name
    return None


@functools.cache
def _main_font_text() -> frozenset[str]:
    """The characters the main font draws as they are (no layout character), as strings,
    so that a whole text is checked with one set operation."""
    codes = _load(FONT_FILES[0])
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
