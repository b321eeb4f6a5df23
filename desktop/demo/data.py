"""Realistic synthetic relief cases, as plain data, for demonstrations and manual testing.

`generate_cases` returns application documents and the workflow steps to replay after
receipt, not database rows: the demo command puts them through the same checks as an
officer's input, so a demo also shows that the workflow accepts realistic cases. The
same seed always gives the same cases, so a demo or a bug report can be reproduced."""

from __future__ import annotations

import copy
import math
import random
from dataclasses import dataclass, field
from datetime import date, timedelta

from desktop.core.categories import program_label, reason_label
from desktop.core.money import format_yuan
from desktop.core.policy import Policy
from desktop.core.status import Status
from desktop.demo import documents
from desktop.demo import names as people

# not 县局已决定: it lasts only until the township records the county's decision
STATUSES = tuple(s.value for s in Status if s != Status.COUNTY_DECIDED)
# After one case in every state, the mix a village ledger usually has.
COMMON = {"received": 10, "investigated": 8, "deliberated": 4, "reviewed": 6, "on_notice": 8,
          "notice_done": 4, "submitted": 4, "acknowledged": 4, "approved": 8, "result_posted": 4,
          "paid": 10, "filed": 12, "paid_first": 3, "refused": 2, "rejected_village": 2,
          "rejected": 2, "referred": 2, "returned": 2, "draft": 2}
CAP_FEN = Policy().township_cap_fen
WINDOW_DAYS = 330
NOTICE_DAYS = 7
BOARD = "村务公开栏"
CHAIN = ("investigate", "deliberate", "review", "post_notice", "close_notice", "submit",
         "acknowledge", "approve", "post_result", "pay", "file")
ENDINGS = {"draft": (), "received": (), "refused": ("refuse",), "paid_first": ("pay_first",),
           "rejected_village": CHAIN[:3], "rejected": CHAIN[:7] + ("reject",),
           "referred": CHAIN[:7] + ("refer",), "returned": CHAIN[:7] + ("return",)}
ENDINGS.update({s: CHAIN[:n] for n, s in enumerate(
    ("received", "investigated", "deliberated", "reviewed", "on_notice", "notice_done",
     "submitted", "acknowledged", "approved", "result_posted", "paid", "filed"))})
# Closed cases may be old; open ones were received recently, a few of them overdue.
SETTLED = frozenset({"refused", "rejected_village", "rejected", "paid", "filed"})
# Given to the first case in each state, so a demo of 19 or more shows each of them.
FIRST_FEATURES = {
    "on_notice": {"name": "wang_yan", "objection": "dismissed"},
    "notice_done": {"name": "zhang_ji", "objection": "dismissed"},
    "submitted": {"objection": "upheld"},
    "approved": {"name": "li_zhe"},
    "result_posted": {"name": "minority"},
    "paid": {"name": "chen_kun", "repeat_source": True},
    "deliberated": {"relative": True},
    "filed": {"pay_first": True},
}
# Days after the previous step: 调查 within 3 days of 受理, 评议 about a week later …
GAPS = {"refuse": (0, 1), "pay_first": (0, 1), "investigate": (1, 3), "deliberate": (5, 9),
        "review": (0, 2), "post_notice": (1, 3), "submit": (0, 3), "acknowledge": (1, 5),
        "approve": (2, 8), "reject": (2, 8), "refer": (2, 6), "return": (2, 6),
        "post_result": (1, 5), "pay": (2, 10), "file": (5, 25)}
REQUEST_YUAN = {"fire": (2000, 10000), "traffic_accident": (1000, 8000),
                "accident": (1000, 6000), "sudden_illness": (2000, 10000),
                "other_emergency": (500, 3000), "medical": (1000, 8000),
                "education": (500, 3000), "other_expenditure": (500, 2000)}


@dataclass
class DemoCase:
    application: dict
    target_status: str
    steps: list[tuple[str, dict]] = field(default_factory=list)


@dataclass
class _Village:
    """What the cases of one village share: who signs, the place, the numbers in use."""

    rng: random.Random
    seed: int
    today: date
    place: str
    cadres: list[str]
    approvers: list[str]
    taken: set[str] = field(default_factory=set)
    serials: dict[str, int] = field(default_factory=dict)
    window: int = WINDOW_DAYS  # settled cases were received within this many days

    def serial(self, prefix: str, day: date) -> str:
        """Batch numbers like GS-2026-07-20-1, unique across the demo."""
        key = f"{prefix}-{day.isoformat()}"
        self.serials[key] = self.serials.get(key, 0) + 1
        return f"{key}-{self.serials[key]}"


@dataclass
class _Case:
    app: dict
    money: dict
    target: str
    objection: tuple[str, str] = ("", "")  # the open objection's id and how it was checked


def generate_cases(seed: int, count: int, today: date, village_code: str, *,
                   place: str | None = None, window_days: int = WINDOW_DAYS,
                   mix: dict[str, int] | None = None) -> list[DemoCase]:
    """`count` cases ordered by receipt date; with count >= 19 every status occurs, and
    the set includes rare-character names, a minority name, an officer's relative, an
    upheld objection and one applicant applying twice for one reason (一事一次).
    `window_days` and `mix` (status weights after the first 19) let the county generator
    (scale_data.py) spread ten years of mostly settled cases."""
    rng = random.Random(seed)
    village = _Village(rng, seed, today, place or documents.place_of(village_code),
                       people.staff_names(rng, 4), people.staff_names(rng, 2),
                       window=window_days)
    built = []
    for i, target in enumerate(_targets(rng, count, mix or COMMON)):
        features = FIRST_FEATURES.get(target, {}) if i < len(STATUSES) else {}
        built.append(_make_case(village, target, features) + (features,))
    _add_repeat_application(village, built)
    order = sorted(range(len(built)), key=lambda i: (built[i][0].application["received_on"], i))
    return [built[i][0] for i in order]


def _targets(rng: random.Random, count: int, mix: dict[str, int]) -> list[str]:
    extra = rng.choices(list(mix), weights=list(mix.values()),
                        k=max(0, count - len(STATUSES)))
    return list(STATUSES[:count]) + extra


def _make_case(v: _Village, target: str, features: dict) -> tuple[DemoCase, dict]:
    program, category, reason = _kind(v.rng, target, features)
    plan = _plan(v.rng, target, category, features)
    offsets = _offsets(v.rng, plan)
    received = _received_on(v.rng, v.today, target, plan, offsets, v.window,
                            this_year=bool(features.get("repeat_source")))
    # ages as they were on the day of receipt: a case of ten years ago has an adult
    # applicant then, not one who is an adult only today
    family = people.make_family(v.rng, received, v.taken, special=features.get("name", ""),
                                student=reason == "education")
    money = _amounts(v.rng, target, program, reason, plan)
    app, story = documents.application(
        v.rng, family, (program, category, reason), received, today=v.today, place=v.place,
        cadres=v.cadres, requested_fen=money["requested"], draft=target == "draft",
        relative=bool(features.get("relative")))
    case = _Case(app, money, target)
    steps = [(code, RENDER[code](v, case, received + timedelta(days=off), variant))
             for (code, variant), off in zip(plan, offsets, strict=True)]
    return DemoCase(app, target, steps), story


# 低保 is approved with a class and the amount its method gives, then paid monthly
# (desktop/core/dibao.py): the demo's simulated township does neither.
_NOT_FOR_DIBAO = frozenset({"referred", "approved", "result_posted", "paid", "filed"})


def _kind(rng, target: str, features: dict) -> tuple[str, str, str]:
    """(program, category, reason): paying first is only for emergencies (急难型)."""
    if features.get("repeat_source"):
        return "temporary_relief", "expenditure", "medical"
    if target == "paid_first" or features.get("pay_first"):
        category = "emergency"
    elif target not in _NOT_FOR_DIBAO and rng.random() < 0.2:
        category = "dibao"
    else:
        category = rng.choice(("emergency", "expenditure"))
    program = "dibao" if category == "dibao" else "temporary_relief"
    return program, category, people.weighted(rng, people.REASONS[category])


def _plan(rng, target: str, category: str, features: dict) -> list[tuple[str, str]]:
    """The (action, variant) steps that lead from 已受理 to `target`."""
    plan = [(code, "") for code in ENDINGS[target]]
    if target == "rejected_village":
        plan[-1] = ("review", "fail")
    objection = features.get("objection") or ("dismissed" if rng.random() < 0.15 else "")
    if objection and ("post_notice", "") in plan:
        at = plan.index(("post_notice", "")) + 1
        plan[at:at] = _objection_round(rng, objection)
    paid_first = features.get("pay_first") or rng.random() < 0.4
    if category == "emergency" and paid_first and plan[:1] == [("investigate", "")]:
        plan.insert(0, ("pay_first", ""))
    return plan


def _objection_round(rng, outcome: str) -> list[tuple[str, str]]:
    """An objection during the notice; an upheld one sends the case round again."""
    if outcome == "dismissed":
        return [("objection", "dismissed"), ("resolve_objection", "dismissed")]
    back = rng.choice(("investigation", "deliberation"))
    again = CHAIN[:4] if back == "investigation" else CHAIN[1:4]
    return [("objection", back), ("resolve_objection", back)] + [(c, "") for c in again]


def _offsets(rng, plan: list[tuple[str, str]]) -> list[int]:
    """Days after receipt of each step; objections fall inside the notice period and a
    notice closes only after its last day."""
    out, day, start = [], 0, 0
    for code, _ in plan:
        if code == "objection":
            day = start + rng.randint(1, 3)
        elif code == "resolve_objection":
            day += rng.randint(1, 2)
        elif code == "close_notice":
            day = start + NOTICE_DAYS + rng.randint(0, 2)
        else:
            day += rng.randint(*GAPS[code])
        start = day if code == "post_notice" else start
        out.append(day)
    return out


def _received_on(rng, today: date, target: str, plan: list, offsets: list[int],
                 window: int = WINDOW_DAYS, *, this_year: bool = False) -> date:
    """Early enough for every step to fall on or before today, within the last 330 days;
    `this_year` leaves room for the household to apply again before the year ends."""
    span = offsets[-1] if offsets else 0
    if target in SETTLED:
        top = window - span
        if this_year:
            top = min(top, max(0, today.timetuple().tm_yday - 1 - span - 10))
        slack = rng.randint(0, top)
    elif target == "on_notice":  # still on the board today
        start = max(off for (code, _), off in zip(plan, offsets, strict=True)
                    if code == "post_notice")
        slack = rng.randint(0, max(0, NOTICE_DAYS - 1 - (span - start)))
    else:
        slack = min(window - span, int(rng.expovariate(1 / 5)))
    return today - timedelta(days=span + slack)


def _amounts(rng, target: str, program: str, reason: str, plan: list) -> dict:
    """Requested, proposed and first-paid fen. The township approves at most 3 × the
    低保 standard; a case above it is referred to the county."""
    if program == "dibao":
        requested = rng.randint(30, 60) * 1000 * 12
        proposed = rng.randint(20, 43) * 1000 * 3  # the first quarter of the monthly 低保金
    else:
        lo, hi = REQUEST_YUAN[reason]
        requested = rng.randint(lo // 100, hi // 100) * 10000
        proposed = min(requested, rng.randint(5, 12) * 10000)
    if target == "referred":
        proposed = rng.randint(CAP_FEN // 10000 + 1, 2 * CAP_FEN // 10000) * 10000
    first = rng.randint(2, 5) * 10000 if ("pay_first", "") in plan else 0
    if first and target != "paid_first":
        proposed = max(proposed, first + 20000)
    return {"requested": max(requested, proposed), "proposed": proposed, "first": first}


def _yuan(fen: int) -> str:
    return format_yuan(fen).removesuffix(".00")


def _near(rng, fen: int) -> int:
    """What an investigation finds is close to, not exactly, what was declared."""
    return max(10000, round(fen * rng.uniform(0.9, 1.1) / 10000) * 10000)


# -- one function per action: the fields an officer would enter ---------------------------

def _pay_first(v: _Village, c: _Case, day: date, variant: str) -> dict:
    method = v.rng.choice(("现金", c.app["household"]["bank_name"]))
    return {"date": day.isoformat(), "amount_fen": c.money["first"],
            "authorised_by": v.approvers[0], "method": method}


def _investigate(v: _Village, c: _Case, day: date, variant: str) -> dict:
    rng, h = v.rng, c.app["household"]
    methods = ["入户调查"] + [m for m, p in (("邻里访问", 0.7), ("信函索证", 0.3))
                            if rng.random() < p]
    income = _near(rng, h["annual_income_fen"])
    spending = _near(rng, h["annual_expenditure_fen"])
    size = 1 + len(c.app["members"])
    verdict = (rng.choice(documents.VILLAGE_FAILS) if c.target == "rejected_village"
               else "基本生活确有困难,情况属实")
    findings = (f"经{'、'.join(methods)},{c.app['applicant']['name']}家共{size}口人,"
                f"{c.app['reason_detail']}。核实家庭年收入约{_yuan(income)}元,"
                f"年支出约{_yuan(spending)}元,{verdict}。")
    return {"date": day.isoformat(), "investigators": rng.sample(v.cadres, rng.choice((2, 2, 3))),
            "methods": methods, "household_income_fen": income,
            "household_expenditure_fen": spending, "findings": findings}


def _meeting(v: _Village, day: date) -> tuple[int, int]:
    """(present, representatives) of the meeting held that day: the same for every case
    deliberated there, and at least 2/3 村民代表."""
    r = random.Random(f"{v.seed}:{day.isoformat()}")
    present = r.randint(12, 30)
    return present, r.randint(math.ceil(present * 2 / 3), present)


def _deliberate(v: _Village, c: _Case, day: date, variant: str) -> dict:
    rng = v.rng
    present, reps = _meeting(v, day)
    majority = rng.randint(present // 2 + 1, present)
    minority = rng.randint(0, present - majority)
    abstain = rng.randint(0, present - majority - minority)
    agreed = c.target != "rejected_village"
    votes_for, votes_against = (majority, minority) if agreed else (minority, majority)
    conclusion = "同意" if agreed else "不同意"
    minutes = (f"{day.year}年{day.month}月{day.day}日召开村民代表评议会,到会{present}人,其中村民代表"
               f"{reps}人。会议听取民生员关于{c.app['applicant']['name']}家庭申请"
               f"{program_label(c.app['program'])}的调查情况汇报,经评议,赞成{votes_for}票,"
               f"反对{votes_against}票,弃权{abstain}票,{conclusion}上报。")
    return {"date": day.isoformat(), "meeting_id": f"M-{day.isoformat()}", "present": present,
            "representatives": reps, "votes_for": votes_for, "votes_against": votes_against,
            "votes_abstain": abstain, "conclusion": conclusion, "minutes": minutes}


def _review(v: _Village, c: _Case, day: date, variant: str) -> dict:
    if variant == "fail":
        return {"date": day.isoformat(), "passed": False,
                "opinion": "经入户调查和民主评议,该户不符合救助条件,初审不予通过。",
                "reason": v.rng.choice(documents.VILLAGE_FAILS)}
    label = reason_label(c.app["reason"])
    return {"date": day.isoformat(), "passed": True,
            "opinion": (f"该户因{label}导致基本生活困难,经入户调查和民主评议,符合"
                        f"{program_label(c.app['program'])}条件,拟救助{_yuan(c.money['proposed'])}元。"),
            "proposed_fen": c.money["proposed"]}


def _objection(v: _Village, c: _Case, day: date, variant: str) -> dict:
    content, how_checked = v.rng.choice(documents.OBJECTIONS[variant])
    c.objection = (v.serial("YY", day), how_checked)
    group = v.rng.randint(1, 12)
    anonymous = v.rng.random() < 0.5
    sender = "" if anonymous else f"第{group}组村民{people.weighted(v.rng, people.SURNAMES)}某"
    return {"objection_id": c.objection[0], "received_on": day.isoformat(), "from": sender,
            "content": content}


def _resolve_objection(v: _Village, c: _Case, day: date, variant: str) -> dict:
    objection_id, how_checked = c.objection
    out = {"objection_id": objection_id, "date": day.isoformat(), "how_checked": how_checked,
           "result": "dismissed" if variant == "dismissed" else "upheld"}
    if variant != "dismissed":
        out["back_to"] = variant
    return out


def _decision(key: str, texts):
    def render(v: _Village, c: _Case, day: date, variant: str) -> dict:
        text = v.rng.choice(texts) if texts else (
            f"拟救助金额{_yuan(c.money['proposed'])}元,超过乡镇审批权限{_yuan(CAP_FEN)}元,报县民政局审批。")
        return {"date": day.isoformat(), "approver": v.rng.choice(v.approvers), key: text}
    return render


def _pay(v: _Village, c: _Case, day: date, variant: str) -> dict:
    """What is still owed: the approved amount less what was paid first (先行救助)."""
    return {"date": day.isoformat(), "amount_fen": c.money["proposed"] - c.money["first"],
            "method": c.app["household"]["bank_name"]}


def _on(day: date, **fields) -> dict:
    return {"date": day.isoformat(), **fields}


RENDER = {
    "refuse": lambda v, c, day, _: _on(day, reason=v.rng.choice(documents.REFUSALS)),
    "pay_first": _pay_first, "investigate": _investigate, "deliberate": _deliberate,
    "review": _review,
    "post_notice": lambda v, c, day, _: {"notice_id": v.serial("GS", day),
                                         "start": day.isoformat(), "days": NOTICE_DAYS,
                                         "board": BOARD},
    "objection": _objection, "resolve_objection": _resolve_objection,
    "close_notice": lambda v, c, day, _: _on(day),
    "submit": lambda v, c, day, _: _on(day),
    "acknowledge": lambda v, c, day, _: _on(day),
    "approve": lambda v, c, day, _: _on(day, approver=v.rng.choice(v.approvers),
                                        amount_fen=c.money["proposed"]),
    "reject": _decision("reason", documents.TOWNSHIP_REJECTS), "refer": _decision("note", ()),
    "return": _decision("reason", documents.RETURNS),
    "post_result": lambda v, c, day, _: _on(day, notice_id=v.serial("JG", day)),
    "pay": _pay,
    "file": lambda v, c, day, _: _on(day, register=f"{day.year}年{day.month}月"
                                     f"{program_label(c.app['program'])}备案登记册"),
}


def _add_repeat_application(v: _Village, built: list) -> None:
    """一事一次: the household of the first paid case applies again, for the same reason,
    later the same year; it replaces the first received case so every status still shows.
    `built` holds (case, story, features) triples."""
    sources = [b for b in built if b[2].get("repeat_source")]
    repeats = [i for i, b in enumerate(built) if b[0].target_status == "received"]
    if not sources or not repeats:
        return
    source, story = sources[0][0], sources[0][1]
    first_on = date.fromisoformat(source.application["received_on"])
    paid_on = date.fromisoformat(source.steps[-1][1]["date"])
    last = min(v.today, date(first_on.year, 12, 31))
    day = max(min(paid_on + timedelta(days=1), last), last - timedelta(days=v.rng.randint(0, 10)))
    app = copy.deepcopy(source.application)
    app["received_on"] = day.isoformat()
    story = {**story, "ym": f"{day.year}年{day.month}月"}
    app["reason_detail"] = people.REPEAT_DETAIL.format(**story)
    app["requested_fen"] = v.rng.randint(30, 150) * 10000
    paid = sum(f["amount_fen"] for code, f in source.steps if code in ("pay", "pay_first"))
    app["household"]["previous_relief_count"] += 1
    app["household"]["previous_relief_fen"] += paid
    built[repeats[0]] = (DemoCase(app, "received", []),) + built[repeats[0]][1:]
