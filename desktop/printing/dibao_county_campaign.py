"""The county's summary of its 清理检查 (县局开展), per township, for the file: households
to review, reviewed, changed (amount or class), stopped, newly found, and — once it has
ended, closed early or past its date — the households not reviewed (逾期未复核), with the
date of each township's latest figures. Read from one `Campaign`
(`dibao.county_campaigns.county_progress`), so it agrees with `dibao campaign status`
and the county's dashboard. No personal data: counts only."""

from __future__ import annotations

from datetime import date

from reportlab.lib.units import mm
from reportlab.platypus import Spacer

from desktop.dibao.campaigns import Campaign
from desktop.printing import layout as L

COLUMNS = [("乡镇", 40), ("应复核", 18), ("已复核", 18), ("调整", 16), ("停保", 16),
           ("新纳入", 16), ("逾期未复核", 22), ("报送日期", 28)]  # 174 mm: A4's width
KEYS = ("households", "reviewed", "adjusted", "stopped", "newly_found", "overdue")


def title(store, c: Campaign) -> str:
    return f"{store.workstation['county']}最低生活保障清理检查（{c.campaign}）情况汇总"


def _period(c: Campaign) -> str:
    if not c.closed_on:
        return f"{c.opened_on} 开展，截止 {c.until}，尚在进行"
    early = "，提前结束" if c.closed_on < c.until else ""
    return f"{c.opened_on} 开展，截止 {c.until}，{c.closed_on} 结束{early}"


def summary_pdf(store, c: Campaign, today: date) -> bytes:
    body = [[t.village, *(str(getattr(t, k)) for k in KEYS), t.reported_on or "未报送"]
            for t in c.villages]
    body.append(["合计", *(str(c.total(k)) for k in KEYS), ""])
    table = L.data_table([h for h, _ in COLUMNS], body, [w * mm for _, w in COLUMNS],
                         ["center"] + ["right"] * 6 + ["center"])
    done, due = c.total("reviewed"), c.total("households")
    share = f"{done * 100 // due}%" if due else "—"
    silent = [t.village for t in c.villages if not t.reported_on]
    story = [L.para(title(store, c), L.TITLE),
             L.para(f"（{_period(c)}；共 {len(c.villages)} 个乡镇）", L.SUBTITLE),
             L.para(f"应复核 {due} 户，已复核 {done} 户（{share}）；其中调整保障金或分类 "
                    f"{c.total('adjusted')} 户，停保 {c.total('stopped')} 户；期间新纳入 "
                    f"{c.total('newly_found')} 户"
                    + (f"；逾期未复核 {c.total('overdue')} 户" if c.closed_on else "")
                    + "。各乡镇数字以其最近一次报送为准。", L.BODY)]
    if silent:
        story.append(L.para(f"尚未报送：{'、'.join(silent)}。", L.BODY))
    story += [Spacer(0, 3 * mm), table, Spacer(0, 10 * mm),
              L.para(f"制表：{store.workstation['officer']}　　{store.workstation['county']}民政局"
                     f"（盖章）　　"
                     f"{L.chinese_date(today)}", L.PLAIN)]
    return L.build_pdf(story, title=title(store, c), code=f"清理检查 {c.campaign}")
