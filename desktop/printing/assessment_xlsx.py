"""The month's 目标管理考核 as an Excel workbook: one sheet per level, ranked, each item's
raw figure and its points in columns of their own, the points and the score as numbers
(the PDF's and the JSON's, from the same lines); every text cell formula-neutralised."""

from __future__ import annotations

import io
from datetime import date

from desktop.assessment.report import Assessment
from desktop.assessment.table import place_of, tables
from desktop.core import assessment_items as kh
from desktop.printing.sheets import append_row


def assessment_xlsx(a: Assessment, today: date) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    wb.remove(wb.active)
    for title, keys, lines in tables(a) or [("考核", [], [])]:
        sheet = wb.create_sheet(title[:31])
        append_row(sheet, [f"{a.place}{a.month} {title}(一月一公布)"])
        append_row(sheet, [f"制表日期:{today.isoformat()}"
                           + (f"  第 {a.version} 版" if a.version else "")])
        head = ["名次", "名称"]
        for k in keys:
            head += [f"{kh.ITEMS[k].label}·原始数", f"{kh.ITEMS[k].label}·得分"]
        append_row(sheet, head + ["得分"])
        for cell in sheet[3]:
            cell.font = Font(bold=True)
        for ln in lines:
            row = [ln["rank"], place_of(ln)]
            for k in keys:
                item = ln["items"].get(k)
                row += ([None, None] if item is None else
                        [kh.raw_text(k, item["raw"]), item["points"] / 10])
            append_row(sheet, row + [ln["score"] / 10])
        sheet.freeze_panes = "C4"
        sheet.column_dimensions["B"].width = 24
    if a.notes:
        sheet = wb.create_sheet("讲评")
        append_row(sheet, ["日期", "讲评人", "序号", "内容"])
        for n in a.notes:
            append_row(sheet, [n["date"], n["by"], n["number"], n["text"]])
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
