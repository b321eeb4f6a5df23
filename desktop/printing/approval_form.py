"""The 临时救助申请审批表 of one case, for the paper archive: every field of the application,
the household and its members, the investigation, the deliberation, the review, the notice
and the township's decision, with boxes for the signatures and stamps of the applicant,
the village and the township. It is filed, not posted, so it shows the full ID numbers."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Spacer

from desktop.core.categories import category_label, program_label, reason_label
from desktop.core.money import format_yuan
from desktop.printing import layout as L
from desktop.printing.fonts import check_printable
from desktop.storage import queries
from desktop.township.money import case_money
from desktop.township.villages import village_code_of, village_names

W = [27 * mm, 60 * mm, 27 * mm, 60 * mm]  # label, value, label, value: 174 mm
SECTION = L.style(11, leading=15)
SIGN_HEIGHT = 30 * mm
DATE_BLANK = "年　　　月　　　日"
RESULTS = {"upheld": "异议成立", "dismissed": "异议不成立"}


def form_pdf(store, case_id: str, today) -> bytes:
    case = queries.case_detail(store.db, case_id, today, store.policy)
    steps = {h["action"]: h["fields"] for h in case["history"]}  # the latest of each step
    check_printable(_texts(case))
    story = [L.para(f"案件编号：{case['id']}", L.style(10, align="right")),
             L.para(f"{program_label(case['program'])}申请审批表", L.TITLE),
             L.para(_place(store, case_id), L.SUBTITLE)]
    for title, rows in _sections(case, steps, f"{store.workstation['county']}民政局"):
        story += [_grid(title, rows), Spacer(0, 3 * mm)]
    return L.build_pdf(story, title=f"{program_label(case['program'])}申请审批表 {case['id']}",
                       code=f"案件编号 {case['id']}")


def _place(store, case_id: str) -> str:
    """County, township and the case's village: the workstation's own at a village; at
    the township the name its village's card gave (the code if it never enrolled)."""
    ws = store.workstation
    code = village_code_of(case_id)
    village = ws.get("village") or village_names(store.db).get(code, code)
    return f"{ws['county']}{ws['township']}{village}"


def _texts(case: dict) -> list[tuple[str, str]]:
    doc = case["application"]
    items = [("申请人姓名", doc["applicant"]["name"]), ("住址", doc["applicant"].get("address", "")),
             ("情况说明", doc.get("reason_detail", ""))]
    items += [("家庭成员姓名", m["name"]) for m in doc.get("members", [])]
    items += [("办理记录", h["summary"]) for h in case["history"]]
    return items


def _yuan(fen) -> str:
    return f"{format_yuan(fen, grouped=True)} 元" if fen is not None else ""


def _sections(case: dict, steps: dict, bureau: str) -> list[tuple[str, list]]:
    doc, a, h = case["application"], case["application"]["applicant"], \
        case["application"].get("household", {})
    health = "、".join(x for x in (a.get("health", ""), a.get("illness", ""),
                                  a.get("disability", "")) if x)
    return [
        ("一、申请人及家庭基本情况", [
            ("姓名", a["name"], "性别", a.get("sex", "")),
            ("身份证号", a["id_number"], "出生日期", a.get("birth_date", "")),
            ("民族", a.get("ethnicity", ""), "联系电话", a.get("phone", "")),
            ("村民小组", a.get("group", ""), "婚姻状况", a.get("marital_status", "")),
            ("住址", a.get("address", "")),
            ("健康状况", health, "劳动能力", a.get("work_ability", "")),
            ("家庭类别", a.get("household_type", ""), "家庭人口", f"{doc['household_size']} 人"),
            ("家庭年收入", _yuan(h.get("annual_income_fen")), "收入来源", h.get("income_sources", "")),
            ("家庭年支出", _yuan(h.get("annual_expenditure_fen")), "支出用途",
             h.get("expenditure_purposes", "")),
            ("开户银行", h.get("bank_name", ""), "银行账号", h.get("bank_account", "")),
            ("本年已救助", f"{h.get('previous_relief_count') or 0} 次，"
                          f"{_yuan(h.get('previous_relief_fen') or 0)}"),
        ]),
        ("二、家庭成员", [_members(doc.get("members", []))]),
        ("三、申请事项", _application(case, doc)),
        ("四、入户调查", _investigation(steps.get("investigate"))),
        ("五、村民代表民主评议", _deliberation(steps.get("deliberate"))),
        ("六、村级初审意见", _review(steps.get("review"))),
        ("七、公示情况", _notice(case, steps)),
        ("八、乡镇人民政府审批意见", _decision(case, steps)),
        *_county(case, steps, bureau),
        (f"{'十' if 'refer' in steps else '九'}、先行救助与发放", _money(case, steps)),
    ]


def _members(members: list[dict]):
    headers = ["姓名", "性别", "身份证号", "与户主关系", "健康状况", "劳动能力"]
    rows = [[m["name"], m.get("sex", ""), m["id_number"], m.get("relation", ""),
             m.get("health", ""), m.get("work_ability", "")] for m in members] or [["无"] + [""] * 5]
    widths = [26 * mm, 14 * mm, 44 * mm, 26 * mm, 30 * mm, 34 * mm]
    return L.data_table(headers, rows, widths, ["center"] * 6)


def _application(case: dict, doc: dict) -> list:
    relative = "是" + (f"（{doc.get('relative_note')}）" if doc.get("relative_note") else "") \
        if doc.get("officer_relative") else "否"
    return [
        ("救助项目", program_label(doc["program"]), "受理日期", doc["received_on"]),
        ("救助类型", category_label(doc["category"]), "救助事由", reason_label(doc["reason"])),
        ("情况说明", doc.get("reason_detail", "")),
        ("申请金额", _yuan(doc["requested_fen"]), "近亲属备案", relative),
        ("已查验材料", "、".join(doc.get("documents_seen", [])) or "无"),
        ("缺少材料", "、".join(doc.get("documents_missing", [])) or "无"),
        ("sign", "申请人承诺以上情况真实。\n申请人（签字或按手印）：", DATE_BLANK),
    ]


def _investigation(f: dict | None) -> list:
    f = f or {}
    return [
        ("调查日期", f.get("date", ""), "调查方式", "、".join(f.get("methods", []))),
        ("调查人", "、".join(f.get("investigators", []))),
        ("核实年收入", _yuan(f.get("household_income_fen")), "核实年支出",
         _yuan(f.get("household_expenditure_fen"))),
        ("调查结论", f.get("findings", "")),
    ]


def _deliberation(f: dict | None) -> list:
    if not f:
        return [("评议情况", "未评议（按规定可免予评议的，由民生员直接初审）")]
    votes = f"赞成 {f['votes_for']} 票，反对 {f['votes_against']} 票，弃权 {f['votes_abstain']} 票"
    return [
        ("评议日期", f["date"], "会议编号", f.get("meeting_id", "")),
        ("到会人数", f"{f['present']} 人（其中村民代表 {f['representatives']} 人）", "评议结论",
         f["conclusion"]),
        ("表决情况", votes),
        ("会议记录", f.get("minutes", "")),
    ]


def _review(f: dict | None) -> list:
    f = f or {}
    result = "" if not f else ("通过" if f.get("passed") else f"不通过：{f.get('reason', '')}")
    against = f.get("against_deliberation_reason")
    return [
        ("初审日期", f.get("date", ""), "初审结果", result),
        ("初审意见", f.get("opinion", "")),
        ("拟救助金额", _yuan(f.get("proposed_fen"))),
        *([("与评议相反", f"初审结论与村民代表评议结论相反，理由：{against}")]
          if against else []),
        ("sign", "村级民生员（签字）：\n\n村民委员会（盖章）", DATE_BLANK),
    ]


def _notice(case: dict, steps: dict) -> list:
    n = case.get("notice") or {}
    objections = "；".join(
        f"{o['received_on']} {o['from_whom'] or '匿名'}：{o['content']}"
        f"（{RESULTS.get(o['result'] or '', '待处理')}）" for o in case["objections"]) or "无"
    return [
        ("公示编号", n.get("notice_id", ""), "公示开始", n.get("start", "")),
        ("公示天数", f"{n['days']} 天" if n.get("days") else "", "公示期满",
         (steps.get("close_notice") or {}).get("date", "")),
        ("异议情况", objections),
    ]


def _decision(case: dict, steps: dict) -> list:
    """The township's own opinion: for a case it referred, 转县审批 (the county decided,
    in the next section), never the county's amount as if the township had approved it."""
    if "refer" in steps:
        refer = steps["refer"]
        opinion = "转县审批" + (f"：{refer['note']}" if refer.get("note") else "")
        date, approver = refer.get("date", ""), refer.get("approver", "")
    else:
        approve = steps.get("approve") or {}
        other = next((steps[c] for c in ("reject", "return") if c in steps), {})
        opinion = (f"同意救助 {_yuan(approve['amount_fen'])}{_first(case, approve)}"
                   if approve else other.get("reason", ""))
        date = approve.get("date", other.get("date", ""))
        approver = approve.get("approver", other.get("approver", ""))
    return [
        ("审批日期", date, "审批人", approver),
        ("审批意见", opinion),
        ("sign", "审批人（签字）：\n\n乡镇人民政府（盖章）", DATE_BLANK),
    ]


def _first(case: dict, approve: dict) -> str:
    """What the approval leaves to pay after 先行救助 (or what was paid too much)."""
    first = case.get("paid_first_fen") or 0
    if not first:
        return ""
    rest = approve["amount_fen"] - first
    return (f"（已先行救助 {_yuan(first)}，应再发放 {_yuan(rest)}）" if rest >= 0 else
            f"（已先行救助 {_yuan(first)}，多发 {_yuan(-rest)}，追回或说明："
            f"{approve.get('recovery_note', '')}）")


def _county(case: dict, steps: dict, bureau: str) -> list[tuple[str, list]]:
    """转县审批／县民政局批复, for a referred case: the county's decision, its reference
    (批复文号) and amount, as the county decided it (empty until its reply is recorded)."""
    if "refer" not in steps:
        return []
    approve, reject = steps.get("approve") or {}, steps.get("reject") or {}
    decided = approve if approve.get("county_ref") else reject if reject.get("county_ref") \
        else {}
    if decided is approve and approve:
        reply = f"{bureau}批准救助 {_yuan(approve['amount_fen'])}{_first(case, approve)}"
    elif decided:
        reply = f"{bureau}不予批准：{reject.get('reason', '')}"
    else:
        reply = f"待{bureau}批复"
    return [("九、转县审批／县民政局批复", [
        ("审批机关", bureau, "批复文号", decided.get("county_ref", "")),
        ("批复日期", decided.get("date", ""), "批准金额",
         _yuan(approve["amount_fen"]) if decided is approve and approve else ""),
        ("批复意见", reply),
    ])]


def _money(case: dict, steps: dict) -> list:
    """What went out, from the ledger (`case_money`): the same three amounts as the
    filing register and the township's figures."""
    first_step, pay = steps.get("pay_first") or {}, steps.get("pay") or {}
    paid_first, paid, total = case_money(case)
    return [
        ("先行救助", _yuan(paid_first) if first_step else "无", "发放日期",
         first_step.get("date", "")),
        ("批准人", first_step.get("authorised_by", ""), "发放方式", first_step.get("method", "")),
        ("发放", _yuan(paid) if pay else "未发放", "发放日期", pay.get("date", "")),
        ("发放方式", pay.get("method", ""), "合计", _yuan(total)),
    ]


def _grid(title: str, rows: list):
    """A section: its title on a shaded row, then label/value rows of 4 or 2 cells."""
    body = [[L.para(title, SECTION), "", "", ""]]
    commands = [("SPAN", (0, 0), (-1, 0)), ("BACKGROUND", (0, 0), (-1, 0), "#e6e6e6"),
                ("GRID", (0, 0), (-1, -1), 0.6, "black"), ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]
    heights: list = [None]
    for i, row in enumerate(rows, 1):
        heights.append(None)
        if not isinstance(row, tuple):  # a nested table (the members)
            body.append([row, "", "", ""])
            commands += [("SPAN", (0, i), (-1, i)), ("LEFTPADDING", (0, i), (-1, i), 0),
                         ("RIGHTPADDING", (0, i), (-1, i), 0)]
        elif row[0] == "sign":
            body.append([L.para(row[1], L.CELL), "", L.para(row[2], L.CELL_RIGHT), ""])
            commands += [("SPAN", (0, i), (1, i)), ("SPAN", (2, i), (3, i)),
                         ("VALIGN", (0, i), (-1, i), "TOP")]
            heights[-1] = SIGN_HEIGHT
            commands.append(("VALIGN", (2, i), (3, i), "BOTTOM"))
        elif len(row) == 2:
            body.append([L.para(row[0], L.CELL_CENTER), L.para(row[1], L.CELL), "", ""])
            commands.append(("SPAN", (1, i), (-1, i)))
        else:
            body.append([L.para(row[0], L.CELL_CENTER), L.para(row[1], L.CELL),
                         L.para(row[2], L.CELL_CENTER), L.para(row[3], L.CELL)])
    return L.box_table(body, W, commands, rowHeights=heights)
