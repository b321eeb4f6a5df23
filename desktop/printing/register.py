"""The ledger register (台账) with the officer's current filter, as a PDF to print and as an
Excel workbook for the township. The register is internal (it is filed, not posted), so
it carries the applicant's ID number like the ledger on screen.

In the workbook every text is a text cell (desktop.printing.sheets), so a crafted name
that starts like a formula cannot run anything."""

from __future__ import annotations

import io
from datetime import date
from decimal import Decimal

from reportlab.lib.units import mm

from desktop.core.categories import category_label, reason_label
from desktop.core.money import format_yuan
from desktop.core.status import status_label
from desktop.printing import layout as L
from desktop.printing.fonts import check_printable
from desktop.printing.sheets import append_row
from desktop.storage import queries

COLUMNS = [  # header, width in the PDF (mm, 261 in all, measured at 9 pt), alignment, Excel width
    ("序号", 9, "center", 6), ("案件编号", 42, "center", 24), ("申请人", 19, "center", 12),
    ("身份证号", 37, "center", 21), ("村民小组", 24, "center", 12), ("家庭人口", 10, "center", 8),
    ("救助类型", 14, "center", 9), ("救助事由", 30, "center", 16),
    ("申请金额（元）", 19, "right", 13), ("批准金额（元）", 19, "right", 13),
    ("受理日期", 21, "center", 12), ("状态", 17, "center", 11),
]
MONEY_COLUMNS = (8, 9)


def register_rows(store, flt: queries.LedgerFilter) -> list[dict]:
    total = queries.ledger_count(store.db, flt)
    return queries.ledger_page(store.db, flt, 0, max(total, 1))


def _cells(i: int, r: dict) -> list:
    """One row: text cells, and amounts as int fen (None when there is none)."""
    return [str(i), r["id"], r["applicant_name"], r["applicant_id_number"], r["group_name"],
            str(r["household_size"]), category_label(r["category"]), reason_label(r["reason"]),
            r["requested_fen"], r["approved_fen"], r["received_on"], status_label(r["status"])]


def describe_filter(flt: queries.LedgerFilter) -> str:
    parts = [f"状态：{status_label(flt.status) if flt.status else '全部'}",
             f"年度：{flt.year or '全部'}"]
    if flt.text.strip():
        parts.append(f"查找：{flt.text.strip()}")
    return "　".join(parts)


def _title(store) -> str:
    ws = store.workstation
    return f"{ws.get('village') or ws['township']}社会救助案件台账"


def register_pdf(store, flt: queries.LedgerFilter, today: date) -> bytes:
    rows = register_rows(store, flt)
    check_printable([(f"第 {i} 行申请人姓名", r["applicant_name"]) for i, r in enumerate(rows, 1)]
                    + [("查找条件", flt.text)])
    ws = store.workstation
    body = [[_money(c) if j in MONEY_COLUMNS else c for j, c in enumerate(_cells(i, r))]
            for i, r in enumerate(rows, 1)]
    info = (f"{ws['county']}{ws['township']}{ws.get('village') or ''}　　{describe_filter(flt)}"
            f"　　共 {len(rows)} 件　　制表日期：{L.chinese_date(today)}")
    table = L.data_table([c[0] for c in COLUMNS], body, [c[1] * mm for c in COLUMNS],
                         [c[2] for c in COLUMNS], small=True)
    story = [L.para(_title(store), L.TITLE), L.para(info, L.style(10, align="center")),
             table]
    return L.build_pdf(story, title=_title(store), code=f"制表日期 {today.isoformat()}",
                       wide=True)


def _money(fen) -> str:
    return "" if fen is None else format_yuan(fen, grouped=True)


def register_xlsx(store, flt: queries.LedgerFilter, today: date) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    ws = wb.active
    ws.title = "台账"
    append_row(ws, [_title(store)])
    append_row(ws, [f"{describe_filter(flt)}  制表日期:{today.isoformat()}"])
    ws.append([c[0] for c in COLUMNS])
    for cell in ws[3]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="E6E6E6")
        cell.alignment = Alignment(horizontal="center")
    for i, r in enumerate(register_rows(store, flt), 1):
        append_row(ws, [_xlsx_value(j, c) for j, c in enumerate(_cells(i, r))])
        for j in MONEY_COLUMNS:
            ws.cell(row=ws.max_row, column=j + 1).number_format = "#,##0.00"
    for j, c in enumerate(COLUMNS, 1):
        ws.column_dimensions[get_column_letter(j)].width = c[3]
    ws.freeze_panes = "A4"
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _xlsx_value(column: int, value):
    if column in MONEY_COLUMNS:  # exact 元 from integer fen, never through a float
        return None if value is None else Decimal(value) / 100
    if column in (0, 5):
        return int(value)
    return str(value)
