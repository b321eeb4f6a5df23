"""The township's filing register to the county (备案登记册): every case paid in the
period, with the decision (and the county's reference for a referred case) and the
payment, and totals that equal the sum of the lines. Internal (filed, not posted), so it
carries the full ID number like the ledger register."""

from __future__ import annotations

import io
from decimal import Decimal

from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Spacer, TableStyle

from desktop.core.categories import category_label, reason_label
from desktop.core.money import format_yuan
from desktop.printing import layout as L
from desktop.printing.fonts import check_printable
from desktop.printing.sheets import append_row
from desktop.township.money import case_money

TOTAL_KEYS = ("approved_fen", "paid_first_fen", "paid_fen", "total_fen")  # MONEY's columns

COLUMNS = [  # header, PDF width (mm, 261 in all), alignment, Excel width
    ("序号", 7, "center", 6), ("村·案件编号", 39, "center", 30), ("申请人", 14, "center", 12),
    ("身份证号", 35, "center", 21), ("人口", 7, "center", 6), ("类型·事由", 18, "center", 18),
    ("批准金额（元）", 18, "right", 13), ("审批日期", 19, "center", 12),
    ("审批人／县局文号", 17, "center", 18), ("先行救助（元）", 18, "right", 13),
    ("发放金额（元）", 18, "right", 13), ("合计支出（元）", 18, "right", 13),
    ("发放日期", 19, "center", 12), ("方式", 14, "center", 9),
]
MONEY = (6, 9, 10, 11)


def _cells(i: int, r: dict) -> list:
    approver = r["approver"] + (f"／{r['county_ref']}" if r["county_ref"] else "")
    paid_first, paid, total = case_money(r)
    return [i, f"{r['village_name']}\n{r['id']}", r["applicant_name"], r["applicant_id_number"],
            r["household_size"], f"{category_label(r['category'])}·{reason_label(r['reason'])}",
            r["approved_fen"], r["decided_on"], approver, paid_first, paid, total,
            r["paid_on"], r["method"]]


def _title(store) -> str:
    return f"{store.workstation['township']}社会救助备案登记册"


def filing_pdf(store, rows: list[dict], info: dict) -> bytes:
    check_printable([(f"第 {i} 行申请人姓名", r["applicant_name"]) for i, r in enumerate(rows, 1)])
    ws, t = store.workstation, info["totals"]
    body = [[format_yuan(c or 0, grouped=True) if j in MONEY else str(c)
             for j, c in enumerate(_cells(i, r))] for i, r in enumerate(rows, 1)]
    money = {j: L.para(format_yuan(t[key], grouped=True), L.CELL_RIGHT)
             for j, key in zip(MONEY, TOTAL_KEYS, strict=True)}
    total = [L.para(f"合计　{t['cases']} 户", L.CELL_CENTER)] + [
        money.get(j, "") for j in range(1, len(COLUMNS))]
    table = L.data_table([c[0] for c in COLUMNS], body, [c[1] * mm for c in COLUMNS],
                         [c[2] for c in COLUMNS], extra_rows=[total], small=True,
                         padding=2)  # fifteen columns across A4: narrow margins in cells
    table.setStyle(TableStyle([("SPAN", (0, -1), (MONEY[0] - 1, -1))]))
    head = (f"{ws['county']}{ws['township']}　　登记册编号：{info['register_no']}　　"
            f"期间：{info['period'].label}（按发放日期）　　共 {t['cases']} 户")
    story = [L.para(_title(store), L.TITLE), L.para(head, L.style(10, align="center")),
             Spacer(0, 3 * mm), table, Spacer(0, 8 * mm),
             KeepTogether([_sign_area(ws, info)])]
    return L.build_pdf(story, title=_title(store), code=info["register_no"], wide=True)


def _sign_area(ws: dict, info: dict):
    usable = L.usable_width(wide=True)
    cells = [[L.para("经办人（签字）："), L.para("民政办负责人（签字）："),
              [L.para(f"{ws['township']}人民政府（盖章）", L.style(11.5, align="center")),
               Spacer(0, 14 * mm),
               L.para(L.chinese_date(info["today"]), L.style(11.5, align="center"))]]]
    return L.box_table(cells, [usable / 3] * 3, [("VALIGN", (0, 0), (-1, -1), "TOP")],
                       rowHeights=[32 * mm])


def filing_xlsx(store, rows: list[dict], info: dict) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    sheet = wb.active
    sheet.title = "备案登记册"
    append_row(sheet, [_title(store)])
    append_row(sheet, [f"登记册编号:{info['register_no']}  期间:{info['period'].label}"
                       f"  制表日期:{info['today'].isoformat()}"])
    sheet.append([c[0] for c in COLUMNS])
    for cell in sheet[3]:
        cell.font = Font(bold=True)
    for i, r in enumerate(rows, 1):
        append_row(sheet, [_value(j, c) for j, c in enumerate(_cells(i, r))])
    t = info["totals"]
    money = {j: Decimal(t[key]) / 100 for j, key in zip(MONEY, TOTAL_KEYS, strict=True)}
    sheet.append(["合计", None, None, None, t["cases"]]
                 + [money.get(j) for j in range(5, len(COLUMNS))])
    for row in sheet.iter_rows(min_row=4):
        for j in MONEY:
            row[j].number_format = "#,##0.00"
    for j, c in enumerate(COLUMNS, 1):
        sheet.column_dimensions[get_column_letter(j)].width = c[3]
    sheet.freeze_panes = "A4"
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _value(column: int, value):
    if column in MONEY:  # exact 元 from integer fen
        return Decimal(value or 0) / 100
    if isinstance(value, int):
        return value
    return str(value or "")
