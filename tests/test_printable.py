"""Every character of the 通用规范汉字表 and of CJK Extensions A-F prints (DOMAIN, "People
and names"), and the coverage list the core checks names against says exactly what the
printing fonts draw."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from desktop.core import printable
from desktop.core.errors import Refusal
from desktop.printing import fonts

ROOT = Path(__file__).resolve().parent.parent
# The table lives in the project's shared data, beside the repository (CI: ../shared) or
# beside the worktrees folder (a developer's /work/wt/NAME next to /work/shared).
TABLE_PLACES = (ROOT.parent / "shared" / "data" / "tygf-8105.txt",
                ROOT.parent.parent / "shared" / "data" / "tygf-8105.txt")
# The blocks as of Unicode 15.0 (fixed here, not taken from unicodedata, so a newer or
# older Python checks the same characters).
EXTENSIONS = {"A": (0x3400, 0x4DBF), "B": (0x20000, 0x2A6DF), "C": (0x2A700, 0x2B739),
              "D": (0x2B740, 0x2B81D), "E": (0x2B820, 0x2CEA1), "F": (0x2CEB0, 0x2EBE0)}


def general_table() -> list[str]:
    for path in TABLE_PLACES:
        if path.is_file():
            lines = path.read_text(encoding="utf-8").splitlines()
            chars = [line.strip() for line in lines if line.strip() and not line.startswith("#")]
            assert len(chars) == 8105 and all(len(c) == 1 for c in chars), path
            return chars
    raise AssertionError("通用规范汉字表 not found; looked at "
                         + ", ".join(str(p) for p in TABLE_PLACES))


def extension(letter: str) -> list[str]:
    lo, hi = EXTENSIONS[letter]
    return [chr(c) for c in range(lo, hi + 1)]


def required() -> list[str]:
    chars = general_table()
    for letter in EXTENSIONS:
        chars += extension(letter)
    return list(dict.fromkeys(chars))


def test_every_required_character_is_in_a_font_with_an_outline():
    chars = required()
    assert len(chars) > 8105 + 6592 + 42720 + 4154 + 222 + 5762 + 7473 - 8200
    missing = [printable.describe_char(ch) for ch in chars if fonts.font_for(ch) is None]
    assert missing == [], f"{len(missing)} characters in no font: {missing[:20]}"
    faces = {name: pdf_font.face for name, pdf_font in _registered_fonts()}
    blank = [printable.describe_char(ch) for ch in chars
             if _outline_bytes(faces[fonts.font_for(ch)], ch) == 0]
    assert blank == [], f"{len(blank)} characters drawn as an empty glyph: {blank[:20]}"


def test_every_required_character_prints_and_reads_back():
    """One document through the project's font chain (draw_string switches fonts per
    character): every character is in an embedded font subset, and the PDF's ToUnicode
    maps read it back as itself (so it can be searched and copied too)."""
    chars = required()
    lines = ["".join(chars[i:i + 60]) for i in range(0, len(chars), 60)]
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=A4)
    with fonts.BUILD_LOCK:
        for i, line in enumerate(lines):
            if i and i % 70 == 0:
                canvas.showPage()
            fonts.draw_string(canvas, 20, 800 - (i % 70) * 11, line, 8)
        canvas.save()
    printed = embedded_characters(out.getvalue())
    lost = [printable.describe_char(ch) for ch in chars if ch not in printed]
    assert lost == [], f"{len(lost)} characters did not print: {lost[:20]}"


def embedded_characters(pdf: bytes) -> set[str]:
    """The characters the PDF's embedded fonts map to, read from their ToUnicode maps
    (a font with no embedded outlines counts for nothing)."""
    found: set[str] = set()
    seen: set[int] = set()
    for page in PdfReader(io.BytesIO(pdf)).pages:
        for ref in page["/Resources"]["/Font"].values():
            if ref.idnum in seen:
                continue
            seen.add(ref.idnum)
            font = ref.get_object()
            if "/FontFile2" not in font.get("/FontDescriptor", {}):
                continue
            cmap = font["/ToUnicode"].get_object().get_data().decode("ascii")
            found.update(bytes.fromhex(code).decode("utf-16-be")
                         for code in re.findall(r"^<[0-9A-F]{2}> <([0-9A-F]{4,})>$", cmap, re.M))
    return found


def test_the_coverage_list_is_what_the_fonts_draw():
    """resources/fonts/coverage.txt (read by desktop/core/printable.py) is regenerated with
    the fonts by build_scripts/make_fallback_fonts.py; a font changed alone fails here."""
    path = printable.resource_path(*printable.COVERAGE)
    listed = [printable._range(line) for line in path.read_text(encoding="ascii").splitlines()
              if line and not line.startswith("#")]
    assert listed == fonts.coverage_ranges()


def test_the_core_and_the_fonts_agree_on_characters():
    for ch in "王䶮𠮷\U0002B739\U0002EBE0·A":
        assert printable.covered(ch) and fonts.font_for(ch) is not None
    for ch in "\U0003134A\U0001F600\uE000":
        assert not printable.covered(ch) and fonts.font_for(ch) is None
    assert printable.unprintable("张\U0003134A明\U0003134A") == ["\U0003134A"]


def test_a_missing_coverage_list_is_a_clear_refusal(monkeypatch, tmp_path):
    monkeypatch.setattr(printable, "resource_path", lambda *parts: tmp_path / parts[-1])
    printable._ranges.cache_clear()
    try:
        with pytest.raises(Refusal, match="coverage.txt 缺失或已损坏"):
            printable.covered("王")
    finally:
        monkeypatch.undo()
        printable._ranges.cache_clear()


def _registered_fonts():
    from reportlab.pdfbase import pdfmetrics

    fonts.all_fonts()
    return [(f.name, pdfmetrics.getFont(f.name)) for f in fonts.FONT_FILES]


def _outline_bytes(face, ch: str) -> int:
    glyph = face.charToGlyph[ord(ch)]
    return face.glyphPos[glyph + 1] - face.glyphPos[glyph]


def test_the_core_reads_no_font_library():
    """Names are checked in desktop/core from coverage.txt alone: neither reportlab nor
    fontTools (a maintainer's tool, not installed with the app) is imported there."""
    import ast

    from tests.test_architecture import core_modules, imported_modules, is_forbidden

    bad = [f"{path.name}: {module}" for path in core_modules()
           for _, module in imported_modules(ast.parse(path.read_text(encoding="utf-8")))
           if is_forbidden(module, ("reportlab", "fontTools"))]
    assert bad == []
