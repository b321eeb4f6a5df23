"""The township's monthly 低保 payment roster (发放花名册): every household in payment that
month, by village, with persons, amount and bank, a subtotal per village and the total.

The printed sheet goes to the file and to the signing officers: the bank account is
masked there as DOMAIN.md masks numbers on paper (first 6 and last 4). The workbook is
what the bank pays from (一卡通), so it carries the whole account; it travels from the
office to the bank, not to a notice board. Both read the same `Roster` as `dibao list`
and the figures, so their totals agree. A household in its gradual exit (渐退) is noted
with the months left; those whose payment stops this month are listed below the
table with the reason (停保), so the signing officers see why they are missing."""

from __future__ import annotations

import io
from datetime import date
from decimal import Decimal

from reportlab.lib.units import mm
from reportlab.platypus import Spacer

from desktop.core.money import format_yuan
from desktop.dibao.households import Roster
from desktop.printing import layout as L
from desktop.printing.fonts import check_printable
from desktop.printing.sheets import append_row
from desktop.storage.queries import application_documents

COLUMNS = [  # header, width in the PDF (mm, 261 in all), alignment
    ("序号", 11, "center"), ("村", 24, "center"), ("户主姓名", 34, "center"),
    ("村民小组", 28, "center"), ("家庭人口", 18, "center"), ("月保障金（元）", 27, "right"),
    ("开户银行", 28, "center"), ("银行账号", 44, "center"), ("领取人签字", 25, "center"),
    ("备注", 22, "center"),
]
MONEY = 5


def masked(account: str) -> str:
    """First 6 and last 4 digits, the rest starred (all starred when that would show all)."""
    if len(account) <= 10:
        return "*" * len(account)
    return account[:6] + "*" * (len(account) - 10) + account[-4:]


def _title(store, month: str) -> str:
    return f"{store.workstation['township']}{month[:4]}年{int(month[5:7])}月最低生活保障金发放花名册"


def _banks(store, roster: Roster) -> dict[str, tuple[str, str]]:
    """Case id → (bank name, account) from each household's application as received."""
    docs = application_documents(store.db, [r["case_id"] for r in roster.rows]) \
        if roster.rows else {}
    return {cid: (d.get("household", {}).get("bank_name", ""),
                  d.get("household", {}).get("bank_account", "")) for cid, d in docs.items()}


def _summary(roster: Roster) -> str:
    return (f"合计 {roster.households} 户 {roster.persons} 人,"
            f"金额 {format_yuan(roster.total_fen, grouped=True)} 元")


def roster_pdf(store, roster: Roster, today: date) -> bytes:
    check_printable([(f"第 {i} 户户主姓名", r["name"]) for i, r in enumerate(roster.rows, 1)])
    banks = _banks(store, roster)
    body, i = [], 0
    for v in roster.villages():
        for r in (r for r in roster.rows if r["village_code"] == v["village_code"]):
            i += 1
            bank, account = banks.get(r["case_id"], ("", ""))
            body.append([str(i), r["village"], r["name"], r["group_name"], str(r["persons"]),
                         format_yuan(r["amount_fen"], grouped=True), bank,
                         masked(account), "", exit_note(r)])
        body.append(["", v["village"], "小计", f"{v['households']} 户", str(v["persons"]),
                     format_yuan(v["total_fen"], grouped=True), "", "", "", ""])
    body.append(["", "合计", "", f"{roster.households} 户", str(roster.persons),
                 format_yuan(roster.total_fen, grouped=True), "", "", "", ""])
    ws = store.workstation
    paid = "已登记发放" if roster.paid_on else "待发放"
    info = (f"{ws['county']}{ws['township']}　　发放月份：{roster.month}（{paid}）"
            f"　　{_summary(roster)}　　制表日期：{L.chinese_date(today)}")
    table = L.data_table([c[0] for c in COLUMNS], body, [c[1] * mm for c in COLUMNS],
                         [c[2] for c in COLUMNS], small=True)
    third = L.usable_width(wide=True) / 3
    signs = L.box_table([["制表人：", "审核人：", "乡镇民政办（盖章）"]], [third] * 3,
                        [("FONTSIZE", (0, 0), (-1, -1), 11), ("TOPPADDING", (0, 0), (-1, -1), 16)])
    story = [L.para(_title(store, roster.month), L.TITLE),
             L.para(info, L.style(10, align="center")), table, *_excluded(roster), signs]
    return L.build_pdf(story, title=_title(store, roster.month),
                       code=f"低保发放 {roster.month}", wide=True)


def exit_note(row: dict) -> str:
    return f"渐退余{row['exit_left']}月" if row.get("exit_left") else ""


def _excluded(roster: Roster) -> list:
    """The households stopped from this month, each with its reason."""
    if not roster.excluded:
        return []
    lines = "；".join(f"{r['village']} {r['name']}（{r['case_id']}）：{r['stop_reason']}"
                     f"（{r['stopped_on']} 决定停保）" for r in roster.excluded)
    return [Spacer(0, 2 * mm), L.para(f"本月起停发（不列入本花名册）{len(roster.excluded)} 户：{lines}",
                   L.style(10, leading=15))]


def roster_xlsx(store, roster: Roster, today: date) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    banks = _banks(store, roster)
    wb = Workbook()
    sheet = wb.active
    sheet.title = f"{roster.month} 低保发放"
    append_row(sheet, [_title(store, roster.month)])
    append_row(sheet, [f"{_summary(roster)}  制表日期:{today.isoformat()}"])
    headers = ["序号", "村", "案件编号", "户主姓名", "村民小组", "家庭人口", "月保障金(元)",
               "开户银行", "银行账号", "备注"]
    append_row(sheet, headers)
    for cell in sheet[3]:
        cell.font = Font(bold=True)
    for i, r in enumerate(roster.rows, 1):
        bank, account = banks.get(r["case_id"], ("", ""))
        append_row(sheet, [i, r["village"], r["case_id"], r["name"], r["group_name"],
                           r["persons"], Decimal(r["amount_fen"]) / 100, bank, account,
                           exit_note(r) or None])
        sheet.cell(row=sheet.max_row, column=7).number_format = "#,##0.00"
    append_row(sheet, [None, "合计", None, f"{roster.households} 户", None, roster.persons,
                       Decimal(roster.total_fen) / 100, None, None, None])
    sheet.cell(row=sheet.max_row, column=7).number_format = "#,##0.00"
    for cell in sheet[sheet.max_row]:
        cell.font = Font(bold=True)
    for letter, width in zip("ABCDEFGHIJ", (6, 12, 24, 14, 14, 9, 14, 14, 24, 14),
                             strict=True):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = "A4"
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
