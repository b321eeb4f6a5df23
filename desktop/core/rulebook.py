"""The rule book: one entry per action, read by everything that performs or accepts one.

An entry says who performs the action (a role), from which states to which, the event it
writes to the log, its fields and their checks (`desktop.core.steps`), and its label.
The state machine (`workflow`), the command line's `step`, the GUI's list of actions and
its dialogs, the projections and the importer all read this table, so a step typed by an
officer and the same step arriving in a bundle pass exactly the same checks
(`check_recorded`). Adding an action is one entry here plus its projection.

Entries that concern no case step (`case_step=False`) are records whose id names the
place they belong to: `receive` (the application itself, checked by the application
schema), the facts of a village's notice batch (its result notice, the photo of a posted
sheet, its 低保变动公示: `<village code>-<notice id>`, `core/notice_records.py`), editions
of policy issued from above (`core/editions.py`, `<issuer code>-POLICY-<n>`), the monthly
考核 records and notes (`core/assessment_items.py`), 低保 payments and campaigns, and what
a township passes on from its county; each says which place its id must name."""

from __future__ import annotations

import functools
import re
from datetime import date

from desktop.core import assessment_items as kh
from desktop.core import (
    county_steps,
    decision_steps,
    dibao,
    dibao_campaign,
    dibao_notice,
    dibao_objection,
    dibao_review,
    editions,
    notice_records,
    steps,
)
from desktop.core import fields as f
from desktop.core.application import receipt
from desktop.core.errors import FieldError, Refusal, ValidationFailed
from desktop.core.policy import Policy
from desktop.core.regions import case_village
from desktop.core.rule_entry import COUNTY, SIDES, TOWNSHIP, VILLAGE, Rule
from desktop.core.rule_entry import entry as _r  # each line of the book is one entry
from desktop.core.rule_entry import fixed as _fixed
from desktop.core.status import Status, status_label
from desktop.core.steps import CaseFacts

S = Status


def _review_target(fields: dict) -> Status:
    return S.REVIEWED if fields.get("passed") else S.REJECTED_VILLAGE


def _objection_target(fields: dict) -> Status:
    if fields.get("result") != "upheld":
        return S.ON_NOTICE
    # upheld: re-investigate (back to awaiting investigation) or re-deliberate
    return S.RECEIVED if fields.get("back_to") == "investigation" else S.INVESTIGATED


_BOOK = [
    _r("receive", "ApplicationReceived", "受理申请", VILLAGE, (), receipt, case_step=False),
    _r("accept", "Accepted", "受理", VILLAGE, ("date",), steps.dated, [S.DRAFT],
       _fixed(S.RECEIVED)),
    _r("refuse", "Refused", "不予受理", VILLAGE, ("date", "reason"), steps.refusal,
       [S.DRAFT, S.RECEIVED], _fixed(S.REFUSED)),
    _r("investigate", "InvestigationRecorded", "入户调查", VILLAGE,
       ("date", "investigators", "methods", "household_income_fen",
        "household_expenditure_fen", "findings"), steps.investigation,
       [S.RECEIVED, S.PAID_FIRST, S.RETURNED], _fixed(S.INVESTIGATED)),
    _r("deliberate", "Deliberated", "民主评议", VILLAGE,
       ("date", "meeting_id", "present", "representatives", "votes_for", "votes_against",
        "votes_abstain", "conclusion", "minutes"), steps.deliberation,
       [S.INVESTIGATED], _fixed(S.DELIBERATED)),
    # Reviewing straight after investigation is allowed only where policy skips 评议.
    _r("review", "Reviewed", "初审", VILLAGE,
       ("date", "passed", "opinion", "proposed_fen", "reason", "against_deliberation_reason"),
       steps.review,
       [S.DELIBERATED, S.INVESTIGATED], _review_target),
    _r("pay_first", "PaidFirst", "先行救助", VILLAGE,
       ("date", "amount_fen", "authorised_by", "method"), steps.pay_first,
       [S.RECEIVED], _fixed(S.PAID_FIRST), emergency_only=True),
    _r("post_notice", "NoticePosted", "张榜公示", VILLAGE,
       ("notice_id", "start", "days", "board"), steps.post_notice,
       [S.REVIEWED], _fixed(S.ON_NOTICE)),
    _r("objection", "ObjectionRecorded", "登记异议", VILLAGE,
       ("objection_id", "received_on", "from", "content"), steps.objection,
       [S.ON_NOTICE], _fixed(S.ON_NOTICE)),
    _r("resolve_objection", "ObjectionResolved", "处理异议", VILLAGE,
       ("objection_id", "date", "how_checked", "result", "back_to"), steps.resolve_objection,
       [S.ON_NOTICE], _objection_target),
    _r("close_notice", "NoticeClosed", "公示期满", VILLAGE, ("date",), steps.close_notice,
       [S.ON_NOTICE], _fixed(S.NOTICE_DONE)),
    _r("submit", "Submitted", "上报乡镇", VILLAGE, ("date",), steps.dated,
       [S.NOTICE_DONE], _fixed(S.SUBMITTED)),
    _r("post_result", "ResultPosted", "结果公示", VILLAGE, ("date", "notice_id"),
       steps.result_posted, [S.APPROVED], _fixed(S.RESULT_POSTED)),
    _r("acknowledge", "Acknowledged", "乡镇接收", TOWNSHIP, ("date",), steps.dated,
       [S.SUBMITTED], _fixed(S.ACKNOWLEDGED)),
    _r("approve", "Approved", "批准", TOWNSHIP,
       ("date", "approver", "amount_fen", "county_ref", "recovery_note", "policy_editions",
        "dibao_class", "start_month"),
       decision_steps.approval, [S.ACKNOWLEDGED, S.REFERRED, S.COUNTY_DECIDED],
       _fixed(S.APPROVED)),
    _r("reject", "Rejected", "不批准", TOWNSHIP, ("date", "approver", "reason", "county_ref",
                                                "policy_editions"),
       decision_steps.rejection, [S.ACKNOWLEDGED, S.REFERRED, S.COUNTY_DECIDED],
       _fixed(S.REJECTED)),
    _r("refer", "Referred", "转县审批", TOWNSHIP, ("date", "approver", "note"), decision_steps.referral,
       [S.ACKNOWLEDGED], _fixed(S.REFERRED)),
    # a referred case comes back from the county (recorded as the county decided it)
    _r("return", "Returned", "退回补充", TOWNSHIP, ("date", "approver", "reason", "county_ref"),
       decision_steps.return_, [S.ACKNOWLEDGED, S.REFERRED, S.COUNTY_DECIDED],
       _fixed(S.RETURNED)),
    # the county decides a referred case; the township then records it (county_steps)
    _r("county_decide", "CountyDecided", "县局审批", COUNTY,
       ("date", "decider", "decision", "amount_fen", "reason", "ref"),
       county_steps.county_decision, [S.REFERRED], _fixed(S.COUNTY_DECIDED)),
    # 抽查: drawn and checked at the county; a filed case stays filed
    _r("spot_select", "SpotCheckSelected", "抽查抽中", COUNTY,
       ("month", "seed", "drawn_from", "size"), county_steps.spot_selected, [S.FILED],
       _fixed(S.FILED)),
    _r("spot_check", "SpotChecked", "抽查核查", COUNTY,
       ("checked_on", "checker", "items", "result", "problems", "follow_up"),
       county_steps.spot_checked, [S.FILED], _fixed(S.FILED)),
    # the county's 抽查 result passed on to the case's village by its township
    _r("forward_spot_check", "SpotCheckForwarded", "转达县局抽查结果", TOWNSHIP,
       ("checked_on", "checker", "items", "result", "problems", "follow_up", "county",
        *county_steps.FROM_KEYS), county_steps.spot_forwarded, [S.FILED], _fixed(S.FILED),
       on_import=True),
    _r("pay", "Paid", "发放", TOWNSHIP, ("date", "amount_fen", "method"), decision_steps.payment,
       [S.RESULT_POSTED], _fixed(S.PAID)),
    _r("file", "Filed", "备案", TOWNSHIP, ("date", "register"), decision_steps.filing,
       [S.PAID], _fixed(S.FILED)),
    # the written refusal delivered: the case stays rejected, its deadline ends
    _r("notify_rejection", "RejectionNotified", "送达不予批准通知书", TOWNSHIP,
       ("date", "how", "letter_no"), decision_steps.rejection_notified, [S.REJECTED], _fixed(S.REJECTED)),
    _r("issue_result_notice", "ResultNoticeIssued", "发布结果公示", VILLAGE,
       ("notice_id", "village_code", "program", "date", "days", "board"),
       notice_records.result_issued, case_step=False),
    _r("attach_photo", "NoticePhotoAttached", "公示照片", VILLAGE,
       ("notice_id", "village_code", "photo_sha256", "file_name", "date"),
       notice_records.photo_attached, case_step=False),
    # an edition of policy issued to the workstations below (record `<code>-POLICY-<n>`;
    # checked against the issuer's last version held, in place of a case's facts)
    _r("issue_policy", editions.EVENT, "发布政策", TOWNSHIP, editions.KEYS,
       editions.check_edition, case_step=False,
       also_by=frozenset(editions.ISSUERS) - {TOWNSHIP}),
    # a county's edition passed on to the villages, by their township
    _r("forward_policy", editions.FORWARDED, "转发县局政策", TOWNSHIP, editions.FORWARD_KEYS,
       editions.check_forwarded, case_step=False),
    # One record per village and month (`<village code>-DB-YYYY-MM`), listing each of its
    # households in payment with persons and amount. Why not one per household: a county's
    # ten thousand households would add 120,000 events a year to every log and bundle.
    # Why not one per township: the township's bundle to a village carries only that
    # village's records, and a village must not see another's households. Listed per
    # household, the month's totals are provable from the log alone.
    _r("dibao_pay", "DibaoMonthPaid", "低保月度发放", TOWNSHIP,
       ("month", "village_code", "date", "households", "total_fen"), dibao.month_paid,
       case_step=False),
    # 低保 动态管理: the village's review of a household in payment travels up; the
    # township decides it (or stops a household); the case stays 结果已公示 throughout
    _r("dibao_review", "DibaoReviewed", "低保复核", VILLAGE, dibao_review.REVIEW_KEYS,
       dibao_review.review, [S.RESULT_POSTED], _fixed(S.RESULT_POSTED)),
    _r("dibao_decide", "DibaoReviewDecided", "低保复核决定", TOWNSHIP, dibao_review.DECIDE_KEYS,
       dibao_review.decision, [S.RESULT_POSTED], _fixed(S.RESULT_POSTED)),
    # an objection to a household's line on a 低保变动公示, and its result (travel up)
    _r("dibao_objection", "DibaoObjectionRecorded", "登记低保变动异议", VILLAGE,
       dibao_objection.OBJECT_KEYS, dibao_objection.objected, [S.RESULT_POSTED],
       _fixed(S.RESULT_POSTED)),
    _r("dibao_resolve_objection", "DibaoObjectionResolved", "处理低保变动异议", VILLAGE,
       dibao_objection.RESOLVE_KEYS, dibao_objection.resolved, [S.RESULT_POSTED],
       _fixed(S.RESULT_POSTED)),
    # 清理检查: a campaign over chosen villages, one record per village, opened and closed
    _r("dibao_campaign_open", "DibaoCampaignOpened", "开展低保清理检查", TOWNSHIP,
       dibao_campaign.OPEN_KEYS, dibao_campaign.opened, case_step=False,
       place_problem=dibao_campaign.place_problem),
    _r("dibao_campaign_close", "DibaoCampaignClosed", "结束低保清理检查", TOWNSHIP,
       dibao_campaign.CLOSE_KEYS, dibao_campaign.closed, case_step=False,
       place_problem=dibao_campaign.place_problem),
    # 低保变动公示: the village's notice of the changes decided since its last one
    # (`<village>-BD-YYYY-NNNN`); each line a decided change, checked against the ledger
    # (`dibao.change_notices.record_problem`)
    _r("dibao_change_notice", dibao_notice.EVENT, "低保变动公示", VILLAGE, dibao_notice.KEYS,
       dibao_notice.issued, case_step=False, place_problem=dibao_notice.place_problem),
    # the county's campaign (one record per township), passed on to each village
    _r("dibao_county_campaign", "DibaoCountyCampaignOpened", "县局开展低保清理检查", COUNTY,
       dibao_campaign.COUNTY_KEYS, dibao_campaign.county_opened, case_step=False,
       place_problem=dibao_campaign.county_place_problem),
    _r("forward_dibao_campaign", "DibaoCampaignForwarded", "转达县局低保清理检查", TOWNSHIP,
       dibao_campaign.FORWARD_KEYS, dibao_campaign.forwarded, case_step=False,
       place_problem=dibao_campaign.place_problem),
    # the county ends it early in each township; each township's figures of it, up
    _r("dibao_county_campaign_close", "DibaoCountyCampaignClosed", "县局结束低保清理检查",
       COUNTY, dibao_campaign.COUNTY_CLOSE_KEYS, dibao_campaign.county_closed,
       case_step=False, place_problem=dibao_campaign.county_place_problem),
    _r("report_dibao_campaign", "DibaoCampaignReported", "报送低保清理检查情况", TOWNSHIP,
       dibao_campaign.REPORT_KEYS, dibao_campaign.reported, case_step=False,
       place_problem=dibao_campaign.report_place_problem),
    # 目标管理考核: a township's month (up to the county; a village's line down to it), and
    # the 讲评 note of the township to a village, of the county to a township
    _r("report_assessment", "AssessmentReported", "公布月度考核", TOWNSHIP,
       ("month", "version", "date", "weights", "lines"), kh.check_report, case_step=False,
       place_problem=kh.report_place_problem),
    _r("send_assessment", "AssessmentSent", "村级考核结果", TOWNSHIP,
       ("month", "version", "date", "weights", "lines"), kh.check_report, case_step=False,
       place_problem=kh.report_place_problem),
    _r("note_assessment", "AssessmentNoted", "考核讲评", TOWNSHIP,
       ("month", "date", "number", "text"), kh.check_note, case_step=False,
       place_problem=kh.note_place_problem),
    _r("county_note_assessment", "CountyAssessmentNoted", "县局考核讲评", COUNTY,
       ("month", "date", "number", "text"), kh.check_note, case_step=False,
       place_problem=kh.note_place_problem),
    # the county's note about a village passed on to it by its township
    _r("forward_county_note", "CountyNoteForwarded", "转达县局考核讲评", TOWNSHIP,
       ("month", "date", "number", "text", "county", "by", *county_steps.FROM_KEYS),
       county_steps.note_forwarded, case_step=False,
       place_problem=county_steps.forwarded_note_place),
    # a village's name and officer from its card, told to the county (`<village>-CARD`)
    _r("name_village", "VillageNamed", "村工作站登记信息", TOWNSHIP,
       ("village_code", "village", "officer", "date"), county_steps.village_named,
       case_step=False, place_problem=county_steps.card_place_problem),
]

RULES: dict[str, Rule] = {r.code: r for r in _BOOK}
RULE_OF_EVENT: dict[str, Rule] = {r.event: r for r in _BOOK}
STEPS: dict[str, Rule] = {r.code: r for r in _BOOK if r.case_step}
RECEIVED_EVENT = RULES["receive"].event
BATCH_EVENTS = frozenset(r.event for r in _BOOK if not r.case_step
                         and r.code not in ("receive", "issue_policy")
                         and r.place_problem is None)


def rule(code: str) -> Rule:
    try:
        return STEPS[code]
    except KeyError:
        known = "、".join(STEPS)
        raise Refusal(f"没有“{code}”这个操作。可用的操作:{known}") from None


def check_step(code: str, fields_in, case: CaseFacts | None, *, today: date,
               policy: Policy) -> dict:
    """Normalised fields of action `code`, or ValidationFailed naming every problem."""
    r = RULES[code] if code in RULES else rule(code)
    if not isinstance(fields_in, dict):
        raise Refusal("步骤内容应为一个 JSON 对象({...})。")
    errors: list[FieldError] = []
    if r.keys:
        f.unknown_keys(errors, "", fields_in, r.keys)
    out = r.check(errors, fields_in, case, today, policy)
    if errors:
        raise ValidationFailed(errors)
    return out


def allowed_actions(status: str, role: str, *, category: str = "",
                    deliberation_skippable: bool = False) -> list[str]:
    """The actions a workstation of `role` may perform on a case in `status` now."""
    return list(_allowed(status, role, category, deliberation_skippable))


@functools.lru_cache(maxsize=512)
def _allowed(status: str, role: str, category: str, deliberation_skippable: bool
             ) -> tuple[str, ...]:
    """Asked for every imported event, of a few dozen combinations: remembered."""
    result = []
    for r in STEPS.values():
        if r.role != role or Status(status) not in r.sources or r.on_import:
            continue
        if r.emergency_only and category != "emergency":
            continue
        if r.code == "pay" and category == "dibao":  # paid by the month: `dibao_pay`
            continue
        if r.code.startswith("dibao_") and category != "dibao":  # 低保 households' steps
            continue
        if r.code == "review" and status == S.INVESTIGATED and not deliberation_skippable:
            continue
        result.append(r.code)
    return tuple(result)


def next_status(status: str, code: str, fields: dict, *, role: str, category: str = "",
                deliberation_skippable: bool = False) -> Status:
    """The state after `code`; refuses a step the state (or the side) does not allow."""
    r = rule(code)
    if r.role != role:
        raise Refusal(f"“{r.label}”只能由{SIDES[r.role]}办理,本工作站不能执行。")
    allowed = allowed_actions(status, role, category=category,
                              deliberation_skippable=deliberation_skippable)
    if code not in allowed and not (r.on_import and Status(status) in r.sources):
        can = "、".join(STEPS[c].label for c in allowed) or "无"
        raise Refusal(f"案件当前状态为“{status_label(status)}”,不能办理“{r.label}”。"
                      f"现在可以办理:{can}。")
    return r.target(fields)


def advance(facts: CaseFacts, code: str, clean: dict) -> None:
    """What a step changes of the facts later steps are checked against (the projections
    change the ledger the same way: generators replaying cases in memory use this)."""
    facts.last_on = date.fromisoformat(clean.get("date") or clean.get("start")
                                       or clean.get("received_on") or facts.last_on.isoformat())
    facts.status = STEPS[code].target(clean).value
    if code == "post_notice":
        facts.notice_start, facts.notice_days = date.fromisoformat(clean["start"]), clean["days"]
    elif code == "objection":
        facts.objections[clean["objection_id"]] = "open"
    elif code == "resolve_objection":
        facts.objections[clean["objection_id"]] = "closed"
        if facts.status in (S.RECEIVED, S.INVESTIGATED):
            facts.notice_start, facts.notice_days = None, 0
    elif code == "approve":
        facts.approved_fen = clean["amount_fen"]
    elif code == "pay_first":
        facts.paid_first_fen = clean["amount_fen"]
    elif code == "deliberate":
        facts.deliberation = clean["conclusion"]


def check_recorded(event_type: str, case_id: str, payload, case: CaseFacts | None, *,
                   role: str, today: date, policy: Policy) -> None:
    """An event another workstation recorded passes the rules its own step would have
    passed here: the side, the state, every field — and it must be in the normal form
    those rules produce (the hash covers the payload, so it cannot be normalised on the
    way in). Raises Refusal saying what is wrong."""
    r = RULE_OF_EVENT.get(event_type)
    if r is None:
        raise Refusal(f"未知的事件类型 {event_type}(可能需要升级本机软件)")
    if not r.performed_by(role):
        raise Refusal(f"“{r.label}”不能由发送方这一级办理")
    if r.case_step:
        if case is None:
            raise Refusal(f"本机没有案件 {case_id}(缺少其受理记录)")
        if r.role != role or r.code not in _allowed(case.status, role, case.category, True):
            next_status(case.status, r.code, payload if isinstance(payload, dict) else {},
                        role=role, category=case.category, deliberation_skippable=True)
    elif r.code == "receive" and case is not None:
        raise Refusal(f"本机已有案件 {case_id}")
    quick = r.normal is not None and r.normal(payload, case, today, policy)  # same verdict
    clean = payload if quick else check_step(r.code, payload, case, today=today, policy=policy)
    _same_record(r, case_id, clean, role)
    if clean is not payload and clean != payload:
        changed = sorted(k for k in set(clean) | set(payload)
                         if clean.get(k) != payload.get(k))
        raise Refusal(f"“{r.label}”的内容不是规范格式({'、'.join(changed[:5])}),"
                      f"可能是伪造的或由有误的软件生成")


def _same_record(r: Rule, case_id: str, clean: dict, role: str) -> None:
    """Fields that name a place or a record must name this one: a village cannot write
    another village's notice through a payload field."""
    if r.code == "receive":
        year = clean["received_on"][:4]
        if not re.fullmatch(rf"\d{{12}}-{year}-\d{{4,6}}", case_id):
            raise Refusal(f"案件编号 {case_id} 格式不对(应为 村代码-{year}-序号)")
    elif r.event == editions.EVENT:
        editions.check_issuer(role, clean, case_id)
    elif r.event == editions.FORWARDED:
        editions.check_issuer("county", clean["edition"], case_id)
    elif r.place_problem is not None:
        problem = r.place_problem(case_id, clean)
        if problem:
            raise Refusal(problem)
    elif not r.case_step:
        record = (f"公示批次({clean['notice_id']})" if clean.get("notice_id")
                  else f"低保 {clean.get('month')} 发放记录")
        own = (dibao.paid_record_id(clean["village_code"], clean["month"])
               if r.code == "dibao_pay" else f"{clean['village_code']}-{clean['notice_id']}")
        if own != case_id or case_village(case_id) != clean["village_code"]:
            raise Refusal(f"记录 {case_id} 与其内容所写的村({clean['village_code']})"
                          f"或{record}不符")
