"""The village's 低保 list for the notice board (长期公示, DOMAIN.md "Public list"): each
household in payment this month with its name, household size, monthly amount and
period, and the objection channel. Like the notice sheets it is built from rows that
hold nothing else, so an ID number, a phone, an account or an illness cannot reach it;
printable at any time, it shows the list as of the day it is printed."""

from __future__ import annotations

from datetime import date

from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Spacer

from desktop.core import dibao
from desktop.core.errors import Refusal
from desktop.core.money import format_yuan
from desktop.core.ways import way
from desktop.dibao.households import in_payment
from desktop.printing import layout as L
from desktop.printing.fonts import check_printable

HEADERS = ["序号", "户主姓名", "家庭人口", "月保障金（元）", "保障期"]
WIDTHS = [14 * mm, 36 * mm, 22 * mm, 32 * mm, 70 * mm]
ALIGNS = ["center", "center", "center", "right", "center"]


def public_rows(store, today: date) -> list[dict]:
    """The village's households in payment this month: only what the board may show."""
    month, village = dibao.month_of(today), store.workstation.get("village_code")
    return [{"name": r["name"], "persons": r["persons"], "monthly_fen": r["monthly_fen"],
             "period": _period(r, month)}
            for r in in_payment(store.db, month) if r["village_code"] == village]


def _period(r: dict, month: str) -> str:
    since = _month(r["since_month"])
    if r["stopped_month"]:  # in its gradual exit: paid up to the month before the stop
        return f"{since}至{_month(dibao.add_months(r['stopped_month'], -1))}（渐退）"
    return f"{since}起"


def _month(month: str) -> str:
    return f"{month[:4]}年{int(month[5:7])}月"


def public_list_pdf(store, rows: list[dict], today: date) -> bytes:
    ws, policy = store.workstation, store.policy
    if not (policy.village_committee_phone and policy.township_office_phone):
        raise Refusal("公示名单上须写明异议反映电话,请先设置村委会和乡镇民政办电话"
                      f"({way('notice_phones')})。")
    check_printable([("村名", ws["village"])] + [(f"第 {i} 户户主姓名", r["name"])
                                                for i, r in enumerate(rows, 1)])
    title = f"{ws['village']}最低生活保障对象公示名单"
    persons, total = sum(r["persons"] for r in rows), sum(r["monthly_fen"] for r in rows)
    body = [[str(i), r["name"], str(r["persons"]), format_yuan(r["monthly_fen"], grouped=True),
             r["period"]] for i, r in enumerate(rows, 1)]
    body.append(["合计", f"{len(rows)} 户", str(persons), format_yuan(total, grouped=True), ""])
    intro = (f"根据《社会救助暂行办法》和最低生活保障有关规定，截至{L.chinese_date(today)}，"
             f"本村享受最低生活保障的共{len(rows)}户{persons}人，现予长期公示，接受群众监督。")
    channel = (f"如对上述保障对象有异议，可随时向{ws['village']}村民委员会（电话："
               f"{policy.village_committee_phone}）或{ws['township']}人民政府民政办（电话："
               f"{policy.township_office_phone}）反映。反映人可以署名，也可以匿名。")
    usable = L.usable_width()
    sign = L.box_table([[L.para("村级民生员（签字）：", L.PLAIN),
                         [L.para(f"{ws['village']}村民委员会（盖章）", L.style(11.5, align="center")),
                          Spacer(0, 16 * mm),
                          L.para(L.chinese_date(today), L.style(11.5, align="center"))]]],
                       [usable * 0.45, usable * 0.55], [("VALIGN", (0, 0), (-1, -1), "TOP")],
                       rowHeights=[36 * mm])
    story = [L.para(title, L.TITLE), L.para(f"（{ws['county']}{ws['township']}）", L.SUBTITLE),
             L.para(intro, L.BODY), Spacer(0, 3 * mm),
             L.data_table(HEADERS, body, WIDTHS, ALIGNS), Spacer(0, 4 * mm),
             KeepTogether([L.para(channel, L.BODY), Spacer(0, 6 * mm), sign])]
    return L.build_pdf(story, title=title, code=f"低保公示 {dibao.month_of(today)}")
