"""What every printed document shares: A4 pages, the styles, tables whose header repeats
on every page and whose cells wrap long text, and the footer "第 1 页 共 N 页" with the
document's code, so a loose page can always be put back with its sheet."""

from __future__ import annotations

import io
from datetime import date

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle
from reportlab.platypus import paragraph as _paragraph

from desktop.printing.fonts import (
    BUILD_LOCK,
    MAIN,
    draw_string,
    in_main_font,
    markup,
    register_fonts,
)

# Chinese typesetting (GB/T 15834): a line never starts with a comma, colon, semicolon,
# question or exclamation mark, or a closing quote; reportlab's list lacks the full-width ones.
_paragraph.ALL_CANNOT_START += "，：；！？》」』”’"

MARGIN = 18 * mm
FOOTER_SIZE = 9
CELL_PADDING = 6  # reportlab's default left and right padding of a table cell
_FUZZ = 0.01  # a string this close to filling its cell is left to the Paragraph
_ALIGN = {"left": TA_LEFT, "center": TA_CENTER, "right": TA_RIGHT}


def style(size: float = 11, *, align: str = "left", leading: float | None = None,
          space_after: float = 0, indent: float = 0) -> ParagraphStyle:
    """A paragraph style in the main font. wordWrap CJK lets Chinese (and long numbers)
    break at any character, so nothing runs out of its cell."""
    return ParagraphStyle(f"rd-{size}-{align}", fontName=MAIN, fontSize=size,
                          leading=leading or size * 1.45, alignment=_ALIGN[align],
                          wordWrap="CJK", spaceAfter=space_after, firstLineIndent=indent)


TITLE = style(20, align="center", leading=30, space_after=4)
SUBTITLE = style(12, align="center", leading=18, space_after=8)
BODY = style(11.5, leading=19, indent=23)
PLAIN = style(11.5, leading=19)
CELL = style(10, leading=13.5)
CELL_CENTER = style(10, align="center", leading=13.5)
CELL_RIGHT = style(10, align="right", leading=13.5)
HEAD = style(10, align="center", leading=13.5)
CELL_STYLES = {"left": CELL, "center": CELL_CENTER, "right": CELL_RIGHT}
SMALL_STYLES = {a: style(9, align=a, leading=12) for a in ("left", "center", "right")}


def para(text: str, st: ParagraphStyle = PLAIN) -> Paragraph:
    return Paragraph(markup(text), st)


def box_table(rows: list[list], widths: list[float], commands: list, **kw) -> Table:
    """A layout table; its own font is the main one too, or reportlab would name the
    non-embedded Helvetica for its (empty) default text."""
    t = Table(rows, colWidths=widths, **kw)
    t.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), MAIN)] + commands))
    return t


def data_table(headers: list[str], rows: list[list[str]], widths: list[float],
               aligns: list[str], *, extra_rows: list[list] | None = None,
               small: bool = False, padding: float = None) -> Table:
    """A ruled table; the header row repeats at the top of every page it spans. A wide
    register with many columns may narrow the cells' side `padding` (points)."""
    padding = CELL_PADDING if padding is None else padding
    styles = SMALL_STYLES if small else CELL_STYLES
    head = styles["center"] if small else HEAD
    body = [[table_cell(h, head, w, padding) for h, w in zip(headers, widths, strict=True)]]
    body += [[table_cell(c, styles[a], w, padding)
              for c, a, w in zip(row, aligns, widths, strict=True)] for row in rows]
    body += extra_rows or []
    t = Table(body, colWidths=widths, repeatRows=1)
    t.setStyle(TableStyle([
        # Plain-string cells are drawn in the table's font, size, leading and alignment,
        # the same as their Paragraph style's; empty cells too: never Helvetica.
        ("FONT", (0, 0), (-1, -1), MAIN, head.fontSize, head.leading),
        ("ALIGN", (0, 0), (-1, 0), "CENTER"),
        *[("ALIGN", (c, 1), (c, -1), a.upper()) for c, a in enumerate(aligns)],
        ("GRID", (0, 0), (-1, -1), 0.6, colors.black),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e6e6e6")),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 3.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4.5),
        ("LEFTPADDING", (0, 0), (-1, -1), padding),
        ("RIGHTPADDING", (0, 0), (-1, -1), padding),
    ]))
    return t


def table_cell(text: str, st: ParagraphStyle, width: float, padding: float = None
               ) -> str | Paragraph:
    """What a cell `width` wide holds: `text` itself when it fits on one line in the main
    font, else a Paragraph, which wraps it and switches fonts for rare characters. The
    table draws the string where the one-line Paragraph would be (data_table gives it
    `st`'s size, leading and alignment), without parsing markup and wrapping it again on
    every layout pass: that was most of a notice's time."""
    room = width - 2 * (CELL_PADDING if padding is None else padding)
    if _plain_line(text) and stringWidth(text, MAIN, st.fontSize) < room - _FUZZ:
        return text
    return para(text, st)


def _plain_line(text: str) -> bool:
    """A Paragraph would draw `text` as it is: all in the main font, and no space that it
    would drop or merge (leading, trailing, doubled; isprintable is False for line breaks,
    for every space but the plain one, and for invisible characters)."""
    return (text != "" and text.isprintable() and text.strip(" ") == text
            and "  " not in text and in_main_font(text))


def chinese_date(d: date | str) -> str:
    d = date.fromisoformat(d) if isinstance(d, str) else d
    return f"{d.year}年{d.month}月{d.day}日"


def build_pdf(story: list, *, title: str, code: str, wide: bool = False) -> bytes:
    """The PDF of `story` as bytes. Fonts are registered once; the build lock keeps two
    documents from using the shared fonts at the same time."""
    register_fonts()
    pagesize = landscape(A4) if wide else A4
    out = io.BytesIO()
    with BUILD_LOCK:
        doc = SimpleDocTemplate(out, pagesize=pagesize, leftMargin=MARGIN,
                                rightMargin=MARGIN, topMargin=MARGIN,
                                bottomMargin=MARGIN + 4 * mm, title=title,
                                author="民生救助工作台", creator="民生救助工作台 Relief Desk")
        doc.build(story, canvasmaker=_numbered(code))
    return out.getvalue()


def _numbered(code: str):
    class NumberedCanvas(Canvas):
        """Keeps each page until the end, so every footer can say how many there are."""

        def __init__(self, *args, **kwargs):
            kwargs["initialFontName"] = MAIN  # never the non-embedded Helvetica
            super().__init__(*args, **kwargs)
            self._pages: list[dict] = []

        def showPage(self):
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                self._footer(total)
                super().showPage()
            super().save()

        def _footer(self, total: int) -> None:
            width, _ = self._pagesize
            y = MARGIN - 4 * mm
            draw_string(self, width / 2, y, f"第 {self._pageNumber} 页 共 {total} 页",
                        FOOTER_SIZE, align="center")
            if code:
                draw_string(self, width - MARGIN, y, code, FOOTER_SIZE, align="right")

    return NumberedCanvas


def usable_width(wide: bool = False) -> float:
    return (landscape(A4) if wide else A4)[0] - 2 * MARGIN
