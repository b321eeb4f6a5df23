"""The month's 目标管理考核 as a printable sheet (一月一公布): A4 landscape, the county or
township and the month in the header with the date it was made, one ranked table per
level (each item's raw figure above its points, the score last), and the month's 讲评.
Its numbers are the JSON's and the workbook's (`assessment/table.py` makes the cells)."""

from __future__ import annotations

from datetime import date

from reportlab.lib.units import mm
from reportlab.platypus import Spacer

from desktop.assessment.report import Assessment
from desktop.assessment.table import cells, headers, tables
from desktop.printing import layout as L
from desktop.printing.fonts import check_printable

RANK_MM, NAME_MM, SCORE_MM = 11, 42, 16


def title_of(a: Assessment) -> str:
    return f"{a.place}{a.month[:4]}年{int(a.month[5:])}月目标管理考核结果"


def assessment_pdf(a: Assessment, today: date) -> bytes:
    check_printable([(f"{t[0]}·第 {i} 行名称", ln["name"]) for t in tables(a)
                     for i, ln in enumerate(t[2], 1)]
                    + [(f"讲评 {i}", n["text"]) for i, n in enumerate(a.notes, 1)])
    state = (f"第 {a.version} 版" if a.version else
             "尚未公布（按现有数据计算）" if a.level == "township" else "")
    head = f"一月一公布　　{a.place}　　考核月份：{a.month}　　{state}　　制表日期：{L.chinese_date(today)}"
    story = [L.para(title_of(a), L.TITLE), L.para(head, L.style(10, align="center")),
             Spacer(0, 3 * mm)]
    for title, keys, lines in tables(a):
        story += [L.para(title, L.style(12, leading=18)), _table(keys, lines), Spacer(0, 5 * mm)]
    if a.level == "village" and not a.villages:
        story.append(L.para("乡镇还没有送来本月的考核结果。"))
    if a.unpublished:
        story.append(L.para(f"尚未公布本月考核的乡镇：{'、'.join(a.unpublished)}"))
    for n in a.notes:
        story.append(L.para(f"讲评（{n['date']}，{n['by']}）：{n['text']}", L.BODY))
    story.append(L.para("说明：每项上行为原始数（按期件数/应计件数、扣分件数或最长未报送天数），"
                        "下行为得分；总分按各项分值折算为百分制。", L.style(9, leading=13)))
    return L.build_pdf(story, title=title_of(a), code=f"KH-{a.month}", wide=True)


def _table(keys: list[str], lines: list[dict]):
    usable = L.usable_width(wide=True)
    item_w = (usable - (RANK_MM + NAME_MM + SCORE_MM) * mm) / max(len(keys), 1)
    widths = [RANK_MM * mm, NAME_MM * mm] + [item_w] * len(keys) + [SCORE_MM * mm]
    aligns = ["center", "left"] + ["center"] * len(keys) + ["center"]
    return L.data_table(headers(keys), [cells(ln, keys) for ln in lines], widths, aligns,
                        small=True, padding=3)
