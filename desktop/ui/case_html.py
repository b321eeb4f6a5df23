"""The case's recorded facts as simple HTML tables for the case view (read-only)."""

from __future__ import annotations

from html import escape

from desktop.core.categories import category_label, program_label, reason_label
from desktop.core.money import format_yuan


def _yuan(fen) -> str:
    return "" if fen in (None, "") else f"{format_yuan(int(fen), grouped=True)} 元"


def _section(title: str, rows) -> str:
    cells = "".join(f"<tr><td style='color:#555; white-space:nowrap'>{escape(k)}</td>"
                    f"<td>{escape(str(v)) if v not in (None, '') else '—'}</td></tr>"
                    for k, v in rows)
    return (f"<h4 style='margin:6px 0 2px 0'>{escape(title)}</h4>"
            f"<table cellpadding='3' cellspacing='0'>{cells}</table>")


def application_html(doc: dict) -> str:
    a, h = doc.get("applicant", {}), doc.get("household", {})
    health = a.get("health", "")
    more = a.get("illness") if health == "患病" else a.get("disability") if health == "残疾" else ""
    applicant = (
        ("姓名", a.get("name")), ("身份证号", a.get("id_number")),
        ("性别 / 出生日期", f"{a.get('sex', '')} / {a.get('birth_date', '')}"),
        ("民族", a.get("ethnicity")), ("联系电话", a.get("phone")),
        ("村民小组", a.get("group")), ("住址", a.get("address")),
        ("婚姻状况", a.get("marital_status")),
        ("健康状况", f"{health}{'(' + more + ')' if more else ''}"),
        ("劳动能力", a.get("work_ability")), ("家庭类别", a.get("household_type")),
        ("家庭人口", f"{doc.get('household_size', 1)} 人"),
    )
    request = (
        ("救助项目", program_label(doc.get("program", ""))),
        ("类型 / 事由", f"{category_label(doc.get('category', ''))} / "
                        f"{reason_label(doc.get('reason', ''))}"),
        ("情况说明", doc.get("reason_detail")),
        ("申请金额", _yuan(doc.get("requested_fen"))),
        ("受理日期", doc.get("received_on")),
        ("已查验材料", "、".join(doc.get("documents_seen", []))),
        ("缺少材料(已一次性告知)", "、".join(doc.get("documents_missing", []))),
        ("近亲属备案", ("是:" + doc.get("relative_note", "")) if doc.get("officer_relative")
         else "否"),
    )
    household = (
        ("家庭年收入", _yuan(h.get("annual_income_fen"))), ("收入来源", h.get("income_sources")),
        ("家庭年支出", _yuan(h.get("annual_expenditure_fen"))),
        ("支出用途", h.get("expenditure_purposes")),
        ("开户银行 / 账号", f"{h.get('bank_name', '')} {h.get('bank_account', '')}".strip()),
        ("本年已救助", f"{h.get('previous_relief_count', 0)} 次,"
                       f"{_yuan(h.get('previous_relief_fen', 0))}"),
    )
    return (_section("申请人", applicant) + _section("救助事项", request)
            + _section("家庭经济状况", household))


def _table(headers, rows) -> str:
    head = "".join(f"<th align='left'>{escape(x)}</th>" for x in headers)
    body = "".join("<tr>" + "".join(f"<td>{escape(str(c or ''))}</td>" for c in row) + "</tr>"
                   for row in rows)
    return f"<table cellpadding='4' cellspacing='0' border='1'><tr>{head}</tr>{body}</table>"


def members_html(doc: dict) -> str:
    members = doc.get("members", [])
    if not members:
        return "<p>只有申请人一人(无其他家庭成员)。</p>"
    return _table(("姓名", "性别", "出生日期", "身份证号", "与户主关系", "健康状况", "劳动能力"),
                  [(m.get("name"), m.get("sex"), m.get("birth_date"), m.get("id_number"),
                    m.get("relation"), m.get("health"), m.get("work_ability"))
                   for m in members])


def objections_html(objections: list[dict]) -> str:
    if not objections:
        return "<p>没有异议。</p>"
    results = {"upheld": "成立", "dismissed": "不成立"}
    return _table(("编号", "收到日期", "异议人", "内容", "状态", "核查情况", "结果", "办结日期"),
                  [(o["objection_id"], o["received_on"], o["from_whom"] or "匿名", o["content"],
                    "待处理" if o["status"] == "open" else "已处理", o["how_checked"],
                    results.get(o["result"] or "", ""), o["closed_on"]) for o in objections])
