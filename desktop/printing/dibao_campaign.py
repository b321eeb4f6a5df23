"""The summary of a 清理检查 campaign (issue 15), as a PDF for the file and a workbook:
per village the households to review, reviewed, continued, adjusted, stopped and newly
found, the totals, and who reviewed how many. Both read one `Campaign`, so they agree
with `dibao campaign status`. No personal data: counts and officers only."""

from __future__ import annotations

import io
from datetime import date

from reportlab.lib.units import mm
from reportlab.platypus import Spacer

from desktop.dibao.campaigns import Campaign
from desktop.printing import layout as L

COLUMNS = [("村", 26), ("应复核", 17), ("已复核", 16), ("继续", 16), ("调整", 16),
           ("停保", 16), ("新纳入", 16), ("复核人员(户数)", 51)]  # 174 mm: A4's width
KEYS = ("households", "reviewed", "continued", "adjusted", "stopped", "newly_found")


def title(store, c: Campaign) -> str:
    return f"{store.workstation['township']}最低生活保障清理检查（{c.campaign}）情况汇总"


def _period(c: Campaign) -> str:
    end = f"，{c.closed_on} 结束" if c.closed_on else "，尚在进行"
    return f"{c.opened_on} 开展，截止 {c.until}{end}"


def _officers(officers: dict[str, int]) -> str:
    return "、".join(f"{name}({n})" for name, n in sorted(officers.items())) or "—"


def summary_pdf(store, c: Campaign, today: date) -> bytes:
    body = [[v.village, *(str(getattr(v, k)) for k in KEYS), _officers(v.officers)]
            for v in c.villages]
    body.append(["合计", *(str(c.total(k)) for k in KEYS), ""])
    table = L.data_table([h for h, _ in COLUMNS], body, [w * mm for _, w in COLUMNS],
                         ["center"] + ["right"] * 6 + ["left"])
    done = c.total("reviewed")
    share = f"{done * 100 // c.total('households')}%" if c.total("households") else "—"
    story = [L.para(title(store, c), L.TITLE),
             L.para(f"（{_period(c)}；共 {len(c.villages)} 个村）", L.SUBTITLE),
             L.para(f"应复核 {c.total('households')} 户，已复核 {done} 户（{share}）；"
                    f"其中继续保障 {c.total('continued')} 户，调整保障金或分类 "
                    f"{c.total('adjusted')} 户，停保 {c.total('stopped')} 户；期间新纳入 "
                    f"{c.total('newly_found')} 户。", L.BODY),
             Spacer(0, 3 * mm), table, Spacer(0, 10 * mm),
             L.para(f"制表：{store.workstation['officer']}　　乡镇民政办（盖章）　　"
                    f"{L.chinese_date(today)}", L.PLAIN)]
    return L.build_pdf(story, title=title(store, c), code=f"清理检查 {c.campaign}")


def summary_xlsx(store, c: Campaign, today: date) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    from desktop.printing.sheets import append_row

    wb = Workbook()
    sheet = wb.active
    sheet.title = f"清理检查 {c.campaign}"
    append_row(sheet, [title(store, c)])
    append_row(sheet, [f"{_period(c)}  制表日期:{today.isoformat()}"])
    append_row(sheet, ["村代码"] + [h for h, _ in COLUMNS])
    for v in c.villages:
        append_row(sheet, [v.village_code, v.village, *(getattr(v, k) for k in KEYS),
                           _officers(v.officers)])
    append_row(sheet, [None, "合计", *(c.total(k) for k in KEYS), None])
    for row in (sheet[3], sheet[sheet.max_row]):
        for cell in row:
            cell.font = Font(bold=True)
    for letter, width in zip("ABCDEFGHI", (14, 12, 11, 9, 9, 9, 9, 9, 30), strict=True):
        sheet.column_dimensions[letter].width = width
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
