"""Plain-text output for the command line: aligned tables (CJK counts double width), CSV.

A CSV cell that starts like a formula (= + - @, or a tab or carriage return, which some
spreadsheets skip before reading one) is written with a leading apostrophe: a CSV file
has no cell types, and this is the marker Excel and WPS read as "text". The workbooks
use a real text cell instead (desktop.printing.sheets)."""

from __future__ import annotations

import csv
import io
import unicodedata

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def formula_like(text: str) -> bool:
    return text.startswith(FORMULA_STARTS)


def csv_cell(value) -> str:
    """One CSV cell: numbers as they are, text neutralised when it looks like a formula."""
    if value is None:
        return ""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    text = str(value)
    return "'" + text if formula_like(text) else text


def display_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def pad(text: str, width: int) -> str:
    return text + " " * max(0, width - display_width(text))


def table(headers: list[str], rows: list[list[str]]) -> str:
    widths = [display_width(h) for h in headers]
    for row in rows:
        widths = [max(w, display_width(c)) for w, c in zip(widths, row, strict=True)]
    lines = ["  ".join(pad(h, w) for h, w in zip(headers, widths, strict=True)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(pad(c, w) for c, w in zip(row, widths, strict=True)).rstrip() for row in rows]
    return "\n".join(lines)


def csv_text(headers: list[str], rows: list[list]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(headers)
    writer.writerows(rows)
    return out.getvalue()
