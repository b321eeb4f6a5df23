"""Monthly figures on the township's villages (目标管理考核: 一月一公布, 一月一讲评),
computed from the case histories the villages sent: cases handled, amounts by category,
what went out (先行救助 at the village, 发放 at the township, and their total),
the working days each step took, and how many deadlines were met.

A step counts in the month in which it ended (an investigation begun in March counts in
March), so each month's figures stay the same once the month is over."""

from __future__ import annotations

import calendar
import json
import re
from dataclasses import dataclass, field
from datetime import date

from desktop.core.categories import CATEGORIES
from desktop.core.deadlines import calendar_for
from desktop.core.errors import Refusal
from desktop.core.fields import month_wrong
from desktop.township.villages import village_code_of, village_names

DECISIONS = ("approve", "reject", "refer", "return")
# (key, label, the step it starts from, the step it ends with)
SPANS = (("span_investigate", "受理→调查", "receive", "investigate"),
         ("span_deliberate", "调查→评议", "investigate", "deliberate"),
         ("span_review", "评议→初审", "deliberate", "review"),
         ("span_submit", "公示期满→上报", "close_notice", "submit"),
         ("span_acknowledge", "上报→接收", "submit", "acknowledge"),
         ("span_decide", "接收→决定", "acknowledge", "decide"),
         ("span_pay", "结果公示→发放", "post_result", "pay"))
# (key, label): each is [met, counted]
DEADLINES = (("dl_investigation", "调查按期"), ("dl_notice", "公示足期"),
             ("dl_decision", "审批按期"), ("dl_total", "办结按期"))
COUNTS = (("submitted", "上报"), ("approved", "批准"), ("rejected", "不批准"),
          ("referred", "转县"), ("returned", "退回"), ("paid", "发放"))


@dataclass
class VillageFigures:
    code: str
    name: str
    counts: dict = field(default_factory=lambda: {k: 0 for k, _ in COUNTS})
    approved_fen: dict = field(default_factory=lambda: {c: 0 for c in CATEGORIES})
    paid_first_fen: int = 0  # 先行救助, counted in the month it was paid
    paid_fen: int = 0  # 发放: the township's payment of the rest
    spans: dict = field(default_factory=lambda: {k: [] for k, *_ in SPANS})
    deadlines: dict = field(default_factory=lambda: {k: [0, 0] for k, _ in DEADLINES})

    def average(self, key: str) -> float | None:
        days = self.spans[key]
        return round(sum(days) / len(days), 1) if days else None

    def add(self, other: "VillageFigures") -> None:
        for k in self.counts:
            self.counts[k] += other.counts[k]
        for k in self.approved_fen:
            self.approved_fen[k] += other.approved_fen[k]
        self.paid_first_fen += other.paid_first_fen
        self.paid_fen += other.paid_fen
        for k in self.spans:
            self.spans[k] += other.spans[k]
        for k in self.deadlines:
            met, counted = other.deadlines[k]
            self.deadlines[k] = [self.deadlines[k][0] + met, self.deadlines[k][1] + counted]


@dataclass(frozen=True)
class MonthlyFigures:
    month: str
    villages: list[VillageFigures]
    total: VillageFigures


def month_range(month: str) -> tuple[date, date]:
    m = re.fullmatch(r"(\d{4})-(\d{2})", (month or "").strip())
    if not m or not 1 <= int(m.group(2)) <= 12:
        raise Refusal(month_wrong("月份", month or ""))
    y, mo = int(m.group(1)), int(m.group(2))
    return date(y, mo, 1), date(y, mo, calendar.monthrange(y, mo)[1])


def monthly_figures(db, month: str, policy) -> MonthlyFigures:
    first, last = month_range(month)
    names = village_names(db)
    villages = {c: VillageFigures(c, n) for c, n in names.items()}
    cal = calendar_for(policy)
    for (code,) in db.execute("SELECT DISTINCT substr(id, 1, 12) FROM applications"):
        villages.setdefault(code, VillageFigures(code, names.get(code, code)))
    for case in _cases(db, first, last):
        code = village_code_of(case["id"])
        fig = villages.setdefault(code, VillageFigures(code, names.get(code, code)))
        _count_case(fig, case, first, last, policy, cal)
    rows = sorted(villages.values(), key=lambda v: v.code)
    total = VillageFigures("", "合计")
    for v in rows:
        total.add(v)
    return MonthlyFigures(month, rows, total)


def _cases(db, first: date, last: date):
    """Each case with a step in the month, with its steps up to the month's end in order:
    (action, date, fields). (Only those count: ten years of cases are not read.)"""
    month = ("SELECT application_id FROM case_steps WHERE occurred_on BETWEEN ? AND ?",
             [first.isoformat(), last.isoformat()])
    apps = {r["id"]: dict(r, steps=[]) for r in db.query(
        f"SELECT id, program, category, received_on FROM applications WHERE id IN ({month[0]})",
        month[1])}
    for h in db.query("SELECT application_id, action, occurred_on, fields FROM history"
                      f" WHERE application_id IN ({month[0]}) AND occurred_on <= ?"
                      " ORDER BY occurred_on, recorded_at", [*month[1], last.isoformat()]):
        apps[h["application_id"]]["steps"].append(
            (h["action"], date.fromisoformat(h["occurred_on"]), json.loads(h["fields"])))
    return apps.values()


def _count_case(fig: VillageFigures, case: dict, first: date, last: date, policy, cal) -> None:
    """`seen`: each step's first day; `latest`: its latest. A step is timed from the latest
    step it follows: a case returned (退回补充) and sent again is received, and decided,
    again, and the second round runs from its own arrival (as in the queue and ledger)."""
    seen: dict[str, date] = {}
    latest: dict[str, date] = {}
    undecided: date | None = None  # the arrival no township decision has answered yet
    for action, on, fields in case["steps"]:
        key = "decide" if action in DECISIONS else action
        if first <= on <= last:
            _count_step(fig, case, action, on, fields, seen, policy, cal)
            if key == "decide" and undecided:
                _deadline(fig, "dl_decision", cal.working_days_between(undecided, on)
                          <= policy.township_decision_days)
            for span, _, start, end in SPANS:
                if key == end and start in latest:
                    fig.spans[span].append(cal.working_days_between(latest[start], on))
        seen.setdefault(key, on)
        latest[key] = on
        # the first decision after each arrival counts (a county's after 转县 does not)
        if action == "acknowledge":
            undecided = on
        elif key == "decide":
            undecided = None


def _count_step(fig, case, action, on, fields, seen, policy, cal) -> None:
    count_key = {"submit": "submitted", "approve": "approved", "reject": "rejected",
                 "refer": "referred", "return": "returned", "pay": "paid"}.get(action)
    if count_key:
        fig.counts[count_key] += 1
    if action == "approve":
        fig.approved_fen[case["category"]] = (fig.approved_fen.get(case["category"], 0)
                                              + fields.get("amount_fen", 0))
    if action == "pay":
        fig.paid_fen += fields.get("amount_fen", 0)
    if action == "pay_first":
        fig.paid_first_fen += fields.get("amount_fen", 0)
    if action == "investigate" and "investigate" not in seen and "receive" in seen:
        _deadline(fig, "dl_investigation", cal.working_days_between(seen["receive"], on)
                  <= policy.investigation_start_days)
    if action == "post_notice":
        _deadline(fig, "dl_notice", fields.get("days", 0) >= policy.notice_days(case["program"]))
    if action in DECISIONS and "decide" not in seen and "acknowledge" in seen:
        received = date.fromisoformat(case["received_on"])
        _deadline(fig, "dl_total", cal.working_days_between(received, on)
                  <= policy.case_total_days)


def _deadline(fig: VillageFigures, key: str, met: bool) -> None:
    fig.deadlines[key][0] += int(met)
    fig.deadlines[key][1] += 1


def table_rows(figures: MonthlyFigures) -> tuple[list[str], list[list]]:
    """Headers and one row per village plus the total: what the GUI and Excel show.
    Amounts stay int fen, averages float days (None: nothing counted), deadlines text."""
    headers = (["村"] + [label for _, label in COUNTS]
               + [f"批准金额·{label}(元)" for label in CATEGORIES.values()]
               + ["先行救助(元)", "发放金额(元)", "支出合计(元)"]
               + [f"{label}(工作日)" for _, label, *_ in SPANS]
               + [label for _, label in DEADLINES])
    rows = []
    for v in figures.villages + [figures.total]:
        rows.append([v.name] + [v.counts[k] for k, _ in COUNTS]
                    + [v.approved_fen[c] for c in CATEGORIES]
                    + [v.paid_first_fen, v.paid_fen, v.paid_first_fen + v.paid_fen]
                    + [v.average(k) for k, *_ in SPANS]
                    + [f"{v.deadlines[k][0]}/{v.deadlines[k][1]}" if v.deadlines[k][1] else "—"
                       for k, _ in DEADLINES])
    return headers, rows


MONEY_COLUMNS = range(1 + len(COUNTS), 1 + len(COUNTS) + len(CATEGORIES) + 3)
AVERAGE_COLUMNS = range(MONEY_COLUMNS.stop, MONEY_COLUMNS.stop + len(SPANS))
