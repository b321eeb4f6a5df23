"""The sheets posted on the village board: 初审公示 and 结果公示 (DOMAIN.md, "Public notice").

A notice shows only what it must (个人信息保护法 Art. 28; 社会救助暂行办法 Art. 61): name,
group, household size, category, amount, the period, the objection channel, the issuing
body and date, the stamp area and the batch code. It is built from the batch's own rows,
which hold nothing else, so an ID number, a phone of a household, a bank account or an
illness cannot reach the sheet by mistake."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, Spacer, Table, TableStyle

from desktop.core.categories import category_label, program_label, reason_label
from desktop.core.errors import Refusal
from desktop.core.money import format_yuan
from desktop.core.ways import way
from desktop.printing import layout as L
from desktop.printing.fonts import check_printable, markup
from desktop.storage import notice_queries as nq
from desktop.township.villages import village_names

HEADERS = ["序号", "姓名", "村民小组", "家庭人口", "救助类型", "救助事由"]
WIDTHS = [12 * mm, 28 * mm, 26 * mm, 19 * mm, 19 * mm, 35 * mm, 35 * mm]
ALIGNS = ["center", "center", "center", "center", "center", "center", "right"]


@dataclass(frozen=True)
class Sheet:
    """Everything the sheet prints, and nothing more."""

    kind: str
    code: str
    village: str
    township: str
    county: str
    program: str
    start: date
    last: date
    rows: list[list[str]]
    persons: int
    total_fen: int
    village_phone: str
    township_phone: str
    sha256: str  # of the rows as posted (notice_queries.posted_sha256)
    county_decided: list[tuple[str, str]]  # (row number, 批复文号) decided by the county


def notice_pdf(store, notice_id: str) -> bytes:
    """The printable sheet of a batch; refused if the objection channel is not set or a
    character cannot be printed."""
    b = nq.batch(store.db, notice_id, store.workstation["village_code"])
    if b["kind"] == "change":  # 低保变动公示: printed from its record
        from desktop.printing.dibao_change_notice import change_notice_pdf
        return change_notice_pdf(store, b)
    sheet = sheet_for(store, notice_id)
    check_printable(_texts(sheet))
    return L.build_pdf(_story(sheet), title=_title(sheet),
                       code=f"公示编号 {sheet.code} 校验码 {_short(sheet)}")


def _short(s: Sheet) -> str:
    return s.sha256[:12]


def sheet_for(store, notice_id: str) -> Sheet:
    ws, policy = store.workstation, store.policy
    b = nq.batch(store.db, notice_id, ws["village_code"])
    cases = nq.posted_rows(store.db, b)  # withdrawn ones too: the sheet as it was posted
    if not cases:
        raise Refusal(f"公示 {b['notice_id']} 没有案件，没有可打印的名单。")
    if not (policy.village_committee_phone and policy.township_office_phone):
        raise Refusal("公示上须写明异议反映电话,请先设置村委会和乡镇民政办电话"
                      f"({way('notice_phones')})。")
    rows = [[str(i), c["applicant_name"], c["group_name"], str(c["household_size"]),
             category_label(c["category"]), reason_label(c["reason"]),
             format_yuan(c["amount_fen"] or 0, grouped=True)]
            for i, c in enumerate(cases, 1)]
    refs = nq.county_refs(store.db, [c["application_id"] for c in cases]) \
        if b["kind"] == "result" else {}
    village = ws["village"] or village_names(store.db).get(b["village_code"], "")
    return Sheet(kind=b["kind"], code=b["notice_id"], village=village,
                 township=ws["township"], county=ws["county"], program=b["program"],
                 start=date.fromisoformat(b["start"]), last=nq.last_day(b, policy),
                 rows=rows, persons=sum(c["household_size"] for c in cases),
                 total_fen=sum(c["amount_fen"] or 0 for c in cases),
                 village_phone=policy.village_committee_phone,
                 township_phone=policy.township_office_phone,
                 sha256=nq.posted_sha256(b, cases),
                 county_decided=[(str(i), refs[c["application_id"]])
                                 for i, c in enumerate(cases, 1) if c["application_id"] in refs])


def _texts(s: Sheet) -> list[tuple[str, str]]:
    items = [("村名", s.village), ("乡镇名", s.township), ("县名", s.county)]
    items += [(f"第 {r[0]} 行姓名", r[1]) for r in s.rows]
    items += [(f"第 {r[0]} 行({r[1]})的村民小组", r[2]) for r in s.rows]
    return items


def _title(s: Sheet) -> str:
    what = "初审公示" if s.kind == "initial" else "审批结果公示"
    return f"{s.village}{program_label(s.program)}对象{what}"


def _story(s: Sheet) -> list:
    usable = L.usable_width()
    return [
        Paragraph(markup(f"公示编号：{s.code}　校验码：{_short(s)}"), L.style(10, align="right")),
        L.para(_title(s), L.TITLE),
        L.para(f"（{s.county}{s.township}{s.village}）", L.SUBTITLE),
        L.para(_intro(s), L.BODY),
        Spacer(0, 3 * mm),
        _table(s),
        Spacer(0, 4 * mm),
        KeepTogether([*_channel(s), Spacer(0, 6 * mm), _sign_area(s, usable)]),
    ]


def _intro(s: Sheet) -> str:
    households, program = len(s.rows), program_label(s.program)
    period = (f"公示期为{(s.last - s.start).days + 1}天，自{L.chinese_date(s.start)}起至"
              f"{L.chinese_date(s.last)}止。")
    if s.kind == "initial":
        return (f"根据《社会救助暂行办法》和{program}有关规定，经本人申请、入户调查、村民代表"
                f"民主评议和村级初审，拟对以下{households}户（共{s.persons}人）给予{program}，"
                f"现予公示。{period}")
    return (f"{_who_decided(s)}，以下{households}户（共{s.persons}人）获得"
            f"{program}，现将审批结果予以公示。{period}")


def _who_decided(s: Sheet) -> str:
    """The township decides, except the cases it referred: the county's civil-affairs
    bureau decided those, under its reference (批复文号)."""
    bureau, refs = f"{s.county}民政局", "、".join(dict.fromkeys(r for _, r in s.county_decided))
    if not s.county_decided:
        return f"经{s.township}人民政府审核审批"
    if len(s.county_decided) == len(s.rows):
        return f"经{s.township}人民政府审核、{bureau}审批（批复文号：{refs}）"
    rows = "、".join(f"第{n}户" for n, _ in s.county_decided)
    return (f"经{s.township}人民政府审核审批（其中{rows}经{s.township}人民政府审核后报"
            f"{bureau}审批，批复文号：{refs}）")


def _table(s: Sheet) -> Table:
    # 低保 is a month's amount, proposed (初审) as approved: the township's approval is
    # compared with it (township/flags.py, 超公示金额), like with like
    dibao = s.program == "dibao"
    amount = (("拟月保障金（元）" if dibao else "拟救助金额（元）") if s.kind == "initial" else
              "月保障金（元）" if dibao else "批准救助金额（元）")
    total = [L.para("合计", L.CELL_CENTER), "", "", L.para(str(s.persons), L.CELL_CENTER),
             "", "", L.para(format_yuan(s.total_fen, grouped=True), L.CELL_RIGHT)]
    t = L.data_table(HEADERS + [amount], s.rows, WIDTHS, ALIGNS, extra_rows=[total])
    t.setStyle(TableStyle([("SPAN", (0, -1), (2, -1)), ("SPAN", (4, -1), (5, -1))]))
    return t


def _channel(s: Sheet) -> list:
    """Where to object, by when: the phones on lines of their own, easy to read and copy."""
    text = (f"公示期间，如对上述公示对象有异议，请于{L.chinese_date(s.last)}前向以下单位反映。"
            f"反映人可以署名，也可以匿名；反映情况应实事求是。")
    phones = [[L.para(f"{s.village}村民委员会"), L.para(f"电话：{s.village_phone}")],
              [L.para(f"{s.township}人民政府民政办"), L.para(f"电话：{s.township_phone}")]]
    return [L.para(text, L.BODY),
            L.box_table(phones, [70 * mm, 70 * mm], [("LEFTPADDING", (0, 0), (0, -1), 23)],
                        hAlign="LEFT")]


def _sign_area(s: Sheet, usable: float) -> Table:
    """The officer's signature and the village committee's stamp, with the issuing date."""
    left = L.para("村级民生员（签字）：", L.PLAIN)
    right = [L.para(f"{s.village}村民委员会（盖章）", L.style(11.5, align="center")),
             Spacer(0, 16 * mm),
             L.para(L.chinese_date(s.start), L.style(11.5, align="center"))]
    return L.box_table([[left, right]], [usable * 0.45, usable * 0.55],
                       [("VALIGN", (0, 0), (-1, -1), "TOP"), ("TOPPADDING", (0, 0), (-1, -1), 4)],
                       rowHeights=[36 * mm])
