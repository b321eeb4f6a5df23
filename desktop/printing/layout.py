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
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle
from reportlab.platypus import paragraph as _paragraph

from desktop.printing.fonts import BUILD_LOCK, MAIN, draw_string, markup, register_fonts

# Chinese typesetting (GB/T 15834): a line never starts with a comma, colon, semicolon,
# question or exclamation mark, or a closing quote; reportlab's list lacks the full-width ones.
_paragraph.ALL_CANNOT_START += "，：；！？》」』”’"

MARGIN = 18 * mm
FOOTER_SIZE = 9
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
               small: bool = False) -> Table:
    """A ruled table; the header row repeats at the top of every page it spans."""
    styles = SMALL_STYLES if small else CELL_STYLES
    body = [[para(h, styles["center"] if small else HEAD) for h in headers]]
    body += [[para(c, styles[a]) for c, a in zip(row, aligns, strict=True)]
             for row in rows]
    body += extra_rows or []
    t = Table(body, colWidths=widths, repeatRows=1)
    t.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), MAIN),  # empty cells too: never Helvetica
        ("GRID", (0, 0), (-1, -1), 0.6, colors.black),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e6e6e6")),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 3.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4.5),
    ]))
    return t


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
