"""The case's recorded facts as simple HTML tables for the case view (read-only)."""

from __future__ import annotations

from html import escape

from desktop.core.money import format_yuan
from desktop.ui.core_words import category_label, program_label, reason_label
from desktop.ui.i18n import tr


def _yuan(fen) -> str:
    return "" if fen in (None, "") else tr("{fen} 元").format(
                                            fen=format_yuan(int(fen), grouped=True))


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
        (tr("姓名"), a.get("name")), (tr("身份证号"), a.get("id_number")),
        (tr("性别 / 出生日期"), f"{a.get('sex', '')} / {a.get('birth_date', '')}"),
        (tr("民族"), a.get("ethnicity")), (tr("联系电话"), a.get("phone")),
        (tr("村民小组"), a.get("group")), (tr("住址"), a.get("address")),
        (tr("婚姻状况"), a.get("marital_status")),
        (tr("健康状况"), f"{health}{'(' + more + ')' if more else ''}"),
        (tr("劳动能力"), a.get("work_ability")), (tr("家庭类别"), a.get("household_type")),
        (tr("家庭人口"), tr("{n} 人").format(n=doc.get("household_size", 1))),
    )
    request = (
        (tr("救助项目"), program_label(doc.get("program", ""))),
        (tr("类型 / 事由"), f"{category_label(doc.get('category', ''))} / "
                        f"{reason_label(doc.get('reason', ''))}"),
        (tr("情况说明"), doc.get("reason_detail")),
        (tr("申请金额"), _yuan(doc.get("requested_fen"))),
        (tr("受理日期"), doc.get("received_on")),
        (tr("已查验材料"), tr("、").join(doc.get("documents_seen", []))),
        (tr("缺少材料(已一次性告知)"), tr("、").join(doc.get("documents_missing", []))),
        (tr("近亲属备案"), (tr("是:") + doc.get("relative_note", ""))
         if doc.get("officer_relative") else tr("否")),
    )
    household = (
        (tr("家庭年收入"), _yuan(h.get("annual_income_fen"))),
        (tr("收入来源"), h.get("income_sources")),
        (tr("家庭年支出"), _yuan(h.get("annual_expenditure_fen"))),
        (tr("支出用途"), h.get("expenditure_purposes")),
        (tr("开户银行 / 账号"), f"{h.get('bank_name', '')} {h.get('bank_account', '')}".strip()),
        (tr("本年已救助"), tr("{count} 次,{amount}").format(
            count=h.get("previous_relief_count", 0), amount=_yuan(h.get("previous_relief_fen", 0)))),
    )
    return (_section(tr("申请人"), applicant) + _section(tr("救助事项"), request)
            + _section(tr("家庭经济状况"), household))


def _table(headers, rows) -> str:
    head = "".join(f"<th align='left'>{escape(x)}</th>" for x in headers)
    body = "".join("<tr>" + "".join(f"<td>{escape(str(c or ''))}</td>" for c in row) + "</tr>"
                   for row in rows)
    return f"<table cellpadding='4' cellspacing='0' border='1'><tr>{head}</tr>{body}</table>"


def members_html(doc: dict) -> str:
    members = doc.get("members", [])
    if not members:
        return "<p>" + tr("只有申请人一人(无其他家庭成员)。") + "</p>"
    return _table((tr("姓名"), tr("性别"), tr("出生日期"), tr("身份证号"), tr("与户主关系"),
                   tr("健康状况"), tr("劳动能力")),
                  [(m.get("name"), m.get("sex"), m.get("birth_date"), m.get("id_number"),
                    m.get("relation"), m.get("health"), m.get("work_ability"))
                   for m in members])


def objections_html(objections: list[dict]) -> str:
    if not objections:
        return "<p>" + tr("没有异议。") + "</p>"
    results = {"upheld": tr("成立"), "dismissed": tr("不成立")}
    return _table((tr("编号"), tr("收到日期"), tr("异议人"), tr("内容"), tr("状态"), tr("核查情况"),
                   tr("结果"), tr("办结日期")),
                  [(o["objection_id"], o["received_on"], o["from_whom"] or tr("匿名"), o["content"],
                    tr("待处理") if o["status"] == "open" else tr("已处理"), o["how_checked"],
                    results.get(o["result"] or "", ""), o["closed_on"]) for o in objections])
