"""The 低保变动公示 sheet (issue 15 item 5): the changes a notice posted — name, household
size, the monthly amount before and after, from which month — with the period, the
objection channel (the phones of every notice), the issuing body, the stamp area and the
notice's code with its 校验码 (the hash of its record in the log).

It is printed from the notice's record and the names in the ledger, so a reprint is the
sheet as posted, and built from rows holding only those fields: no ID number, phone,
account, illness or class can reach it."""

from __future__ import annotations

from datetime import date

from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, Spacer

from desktop.core import dibao_notice as dn
from desktop.core.errors import Refusal
from desktop.core.money import format_yuan
from desktop.core.ways import way
from desktop.dibao.change_notices import notice_record
from desktop.printing import layout as L
from desktop.printing.fonts import check_printable, markup
from desktop.storage import notice_queries as nq
from desktop.township.villages import village_names

HEADERS = ["序号", "户主姓名", "家庭人口", "变动情况", "原月保障金", "现月保障金", "起始月份"]
WIDTHS = [13 * mm, 25 * mm, 19 * mm, 33 * mm, 28 * mm, 28 * mm, 28 * mm]
ALIGNS = ["center", "center", "center", "center", "right", "right", "center"]


def sheet_rows(store, record: dict) -> list[list[str]]:
    """The table's rows: only what the board may show."""
    ids = [ln["case_id"] for ln in record["changes"]]
    names = dict(store.db.execute(
        f"SELECT id, applicant_name FROM applications WHERE id IN ({','.join('?' * len(ids))})",
        ids).fetchall())
    return [[str(i), names.get(ln["case_id"], ""), str(ln["persons"]), _what(ln),
             format_yuan(ln["old_fen"], grouped=True) if ln["change"] != "new" else "—",
             format_yuan(ln["new_fen"], grouped=True) if ln["new_fen"] else "停发",
             _month(ln["from_month"])] for i, ln in enumerate(record["changes"], 1)]


def _what(ln: dict) -> str:
    if ln["change"] == "stop" and ln["exit_months"]:
        return f"停保（渐退{ln['exit_months']}个月）"
    return dn.CHANGES[ln["change"]]


def _month(month: str) -> str:
    return f"{month[:4]}年{int(month[5:7])}月"


def change_notice_pdf(store, b: dict) -> bytes:
    ws, policy = store.workstation, store.policy
    if not (policy.village_committee_phone and policy.township_office_phone):
        raise Refusal("变动公示上须写明异议反映电话,请先设置村委会和乡镇民政办电话"
                      f"({way('notice_phones')})。")
    record, digest = notice_record(store.db, b["village_code"], b["notice_id"])
    rows = sheet_rows(store, record)
    village = ws["village"] or village_names(store.db).get(b["village_code"], "")
    check_printable([("村名", village)] + [(f"第 {r[0]} 行姓名", r[1]) for r in rows])
    start, last = date.fromisoformat(b["start"]), nq.last_day(b, policy)
    title = f"{village}最低生活保障对象变动公示"
    code = f"公示编号：{b['notice_id']}　校验码：{digest[:12]}"
    intro = (f"根据《社会救助暂行办法》和最低生活保障有关规定，经{ws['township']}人民政府审核"
             f"审批，本村最低生活保障对象自上次变动公示以来有以下{len(rows)}项变动，现予公示。"
             f"公示期为{(last - start).days + 1}天，自{L.chinese_date(start)}起至"
             f"{L.chinese_date(last)}止。")
    channel = (f"公示期间，如对上述变动有异议，请于{L.chinese_date(last)}前向{village}村民委员会"
               f"（电话：{policy.village_committee_phone}）或{ws['township']}人民政府民政办"
               f"（电话：{policy.township_office_phone}）反映。反映人可以署名，也可以匿名；"
               f"反映情况应实事求是。")
    story = [Paragraph(markup(code), L.style(10, align="right")), L.para(title, L.TITLE),
             L.para(f"（{ws['county']}{ws['township']}{village}）", L.SUBTITLE),
             L.para(intro, L.BODY), L.para("金额单位：元", L.style(10, align="right")),
             L.data_table(HEADERS, rows, WIDTHS, ALIGNS), Spacer(0, 4 * mm),
             KeepTogether([L.para(channel, L.BODY), Spacer(0, 6 * mm),
                           _sign_area(village, start)])]
    return L.build_pdf(story, title=title, code=f"公示编号 {b['notice_id']} 校验码 {digest[:12]}")


def _sign_area(village: str, start: date):
    usable = L.usable_width()
    right = [L.para(f"{village}村民委员会（盖章）", L.style(11.5, align="center")),
             Spacer(0, 16 * mm), L.para(L.chinese_date(start), L.style(11.5, align="center"))]
    return L.box_table([[L.para("村级民生员（签字）：", L.PLAIN), right]],
                       [usable * 0.45, usable * 0.55], [("VALIGN", (0, 0), (-1, -1), "TOP")],
                       rowHeights=[36 * mm])
