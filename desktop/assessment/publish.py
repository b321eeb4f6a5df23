"""Publishing the month's 考核 (一月一公布) and its 讲评 (一月一讲评), as events in the
workstation's own log, each checked by its rule book entry before it is written (the
same checks an importing workstation makes), all of one command in one transaction.

At the township, `publish` writes the month's report (`AssessmentReported`: every
village's line and the township's own; it travels up to the county with the relay) and
each village's own line (`AssessmentSent`, `<village code>-KH-…`: it travels down to that
village with the township's next bundle). Once per month: a second time is refused
unless it is a correction, which is numbered (version 2, 3 …) and replaces the one
before wherever it arrives. A note (`note`) goes from the township to its villages and
from the county to its townships, one record per place named."""

from __future__ import annotations

from datetime import date

from desktop.assessment.report import NOTED, REPORTED, SENT, checked_month, latest, notes
from desktop.assessment.township import township_lines
from desktop.core import assessment_items as kh
from desktop.core.errors import Refusal
from desktop.core.rulebook import RULE_OF_EVENT, check_step
from desktop.core.ways import way
from desktop.township.figures import month_range


def publish(store, month: str, today: date, *, correction: bool = False) -> int:
    """Publish (or correct) the month at the township; returns the version written."""
    ws = store.workstation
    if ws["role"] != "township":
        raise Refusal("月度考核由乡镇民政办公布,本工作站不能公布;县民政局汇总各乡镇公布的考核。")
    month = checked_month(month, today)
    if month_range(month)[1] >= today:
        raise Refusal(f"{month} 还没有过完,月度考核在下月初公布。")
    before = latest(store.db, kh.report_id(ws["township_code"], month), REPORTED)
    if before and not correction:
        raise Refusal(f"{month} 的考核已于 {before['date']} 公布(第 {before['version']} 版)。"
                      f"如需更正,请{way('assessment_correction')}。")
    if correction and not before:
        raise Refusal(f"{month} 的考核还没有公布,无需更正;请先公布。")
    version = before["version"] + 1 if before else 1
    lines = township_lines(store, month, today)
    report = {"month": month, "version": version, "date": today.isoformat(),
              "weights": kh.weights_of(store.policy), "lines": lines}
    with store.transaction():
        _record(store, kh.report_id(ws["township_code"], month), REPORTED, report, today)
        for ln in lines:
            if ln["level"] == "village":
                _record(store, kh.report_id(ln["code"], month), SENT,
                        dict(report, weights=_used(report["weights"], ln), lines=[ln]), today)
    return version


def note(store, month: str, text: str, today: date, places: list[str] | None = None
         ) -> list[str]:
    """Record the month's 讲评 for each place named (default: every enrolled one below);
    returns the codes it was recorded for."""
    role = store.workstation["role"]
    if role not in ("township", "county"):
        raise Refusal("考核讲评由县民政局或乡镇民政办记录,村级工作站只能查看收到的讲评。")
    month = checked_month(month, today)
    below = _places_below(store)
    chosen = list(dict.fromkeys(p.strip() for p in (places or []) if p.strip())) or list(below)
    if not chosen:
        raise Refusal(f"本机还没有登记任何{'乡镇' if role == 'county' else '村'}的身份文件,"
                      f"讲评无处可发。请先{way('enroll_below')}。")
    # the county may write of a village too: its township passes the note on to it
    named = dict(store.db.execute("SELECT village_code, village FROM village_cards")
                 ) if role == "county" else {}
    unknown = [p for p in chosen if p not in below and p not in named]
    if unknown:
        raise Refusal(f"{'、'.join(unknown)} 不是本机登记的{'乡镇' if role == 'county' else '村'}"
                      f"代码;可选:{'、'.join(below) or '无(请先登记)'}。")
    event = NOTED if role == "township" else "CountyAssessmentNoted"
    with store.transaction():
        for code in chosen:
            record_id = kh.note_id(code, month)
            number = len(notes(store.db, record_id)) + 1
            _record(store, record_id, event, {"month": month, "date": today.isoformat(),
                                              "number": number, "text": text}, today)
    return chosen


def _places_below(store) -> dict[str, str]:
    """code → name of the places this workstation sends to (its enrolled cards)."""
    level = "township" if store.workstation["role"] == "county" else "village"
    return dict(store.db.execute(
        f"SELECT DISTINCT {level}_code, {level} FROM peers WHERE role = ? AND active = 1"
        f" ORDER BY 1", [level]).fetchall())


def _used(weights: dict, line: dict) -> dict:
    return {k: weights[k] for k in line["items"]}


def _record(store, record_id: str, event: str, payload: dict, today: date) -> None:
    """Checked as an importing workstation will check it, then written."""
    rule = RULE_OF_EVENT[event]
    clean = check_step(rule.code, payload, None, today=today, policy=store.policy)
    problem = rule.place_problem(record_id, clean)
    if problem:
        raise Refusal(problem)
    store.record(actor=store.workstation["officer"], case_id=record_id, type_=event,
                 payload=clean)
