"""The monthly figures (目标管理考核) as an Excel workbook: one row per village and a
total, amounts in exact 元, every text cell formula-neutralised."""

from __future__ import annotations

import io
from decimal import Decimal

from desktop.printing.sheets import append_row
from desktop.township.figures import MONEY_COLUMNS, MonthlyFigures, table_rows


def figures_xlsx(figures: MonthlyFigures, township: str) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    headers, rows = table_rows(figures)
    wb = Workbook()
    sheet = wb.active
    sheet.title = f"{figures.month} 月度统计"
    append_row(sheet, [f"{township}各村社会救助月度统计({figures.month})"])
    append_row(sheet, list(headers))
    for cell in sheet[2]:
        cell.font = Font(bold=True)
    for row in rows:
        append_row(sheet, [_value(j, v) for j, v in enumerate(row)])
        for j in MONEY_COLUMNS:
            sheet.cell(row=sheet.max_row, column=j + 1).number_format = "#,##0.00"
    for j, h in enumerate(headers, 1):
        sheet.column_dimensions[get_column_letter(j)].width = max(8, len(h) * 2 + 2)
    sheet.freeze_panes = "B3"
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _value(column: int, value):
    if column in MONEY_COLUMNS:
        return Decimal(value) / 100
    if isinstance(value, (int, float)) or value is None:
        return value
    return str(value)
