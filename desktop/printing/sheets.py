"""Rows of the Excel workbooks (台账, 备案登记册, 月度统计): every text is a text cell.

A name or a reason typed by someone else (or carried in a bundle) may start like a formula
(`=HYPERLINK(…)`, `@SUM(…)`). openpyxl would store such a text as a formula; here it is
written as a string cell, and one that a spreadsheet would take for a formula when the
cell is edited again is marked quote-prefixed — Excel's own "this is text" flag, which
adds nothing visible (a leading apostrophe would print). The CSV output shares the test
of what looks like a formula (desktop.textout)."""

from __future__ import annotations

import re

from desktop.textout import formula_like

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")  # xlsx cannot hold these at all


def sheet_text(value: str) -> str:
    """The text as a workbook can hold it (control characters, which a hostile file could
    carry and which would stop the export, are dropped)."""
    return _CONTROL.sub("", value)


def append_row(sheet, values: list) -> None:
    """Append `values`; strings become string cells, never formulas."""
    sheet.append([sheet_text(v) if isinstance(v, str) else v for v in values])
    for cell in sheet[sheet.max_row]:
        if isinstance(cell.value, str):
            cell.data_type = "s"
            if formula_like(cell.value):
                cell.quotePrefix = True
