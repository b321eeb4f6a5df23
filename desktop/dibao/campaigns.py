"""清理检查 campaigns (issue 15): the township opens one over chosen villages with a
closing date; every household of those villages enrolled at the opening is a review
task; progress is counted per village and per officer from the reviews (复核) recorded
since the opening; closing records the end and gives the summary — reviewed,
continued, adjusted (amount or class), stopped, newly found (enrolled meanwhile).

Progress is read from the case histories, at the township and, for its own part, at
the village (which holds its reviews and the township's decisions of them)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from desktop.core import dibao
from desktop.core.dibao_campaign import CAMPAIGN, record_id
from desktop.core.errors import Refusal, ValidationFailed
from desktop.core.regions import code_problem
from desktop.core.rulebook import RULES, check_step
from desktop.township.villages import village_names


@dataclass
class VillageProgress:
    village_code: str
    village: str
    households: int = 0
    reviewed: int = 0
    continued: int = 0
    adjusted: int = 0
    stopped: int = 0
    newly_found: int = 0
    officers: dict[str, int] = field(default_factory=dict)  # who reviewed → how many
    overdue: int = 0  # at the county, once the campaign ended: households not reviewed
    reported_on: str = ""  # at the county: the date of the township's latest figures


@dataclass
class Campaign:
    campaign: str
    opened_on: str
    until: str
    closed_on: str | None
    villages: list[VillageProgress]  # at the county: its townships
    issuer: str = ""  # the county whose campaign the township passed on ("": its own)

    def total(self, key: str) -> int:
        return sum(getattr(v, key) for v in self.villages)


# -- opening and closing ----------------------------------------------------------------------
def open_campaign(store, villages: list[str], until: date, today: date) -> str:
    """Open a campaign over `villages` (their codes) until `until`; returns its number."""
    _township(store)
    names = village_names(store.db)
    for code in villages:
        if code_problem(code, "village") or code not in names:
            raise Refusal(f"“{code[:20]}”不是本乡镇已登记的村代码(可用 inbox 查看各村)。"
                          f"未做任何改动。")
    busy = [c for c in villages if c in _open_villages(store.db)]
    if busy:
        raise Refusal(f"{names[busy[0]]}已在一次未结束的清理检查中,请先结束该次清理检查。"
                      f"未做任何改动。")
    number = _next_number(store.db, today.year)
    _record(store, "dibao_campaign_open", [
        {"campaign": number, "village_code": code, "date": today.isoformat(),
         "until": until.isoformat()} for code in sorted(set(villages))], today)
    return number


def close_campaign(store, today: date) -> Campaign:
    """Close the open campaign in each of its villages; returns its summary."""
    _township(store)
    number = current(store.db)
    if not number:
        raise Refusal("没有正在开展的清理检查。未做任何改动。")
    rows = store.db.execute("SELECT village_code FROM dibao_campaigns WHERE campaign = ?"
                            " AND closed_on IS NULL ORDER BY village_code", [number]).fetchall()
    _record(store, "dibao_campaign_close", [
        {"campaign": number, "village_code": code, "date": today.isoformat()}
        for (code,) in rows], today)
    return progress(store, number, today)


def _township(store) -> None:
    if store.workstation["role"] != "township":
        raise Refusal("清理检查由乡镇民政办开展和结束,只能在乡镇工作站办理。")


def _record(store, code: str, records: list[dict], today: date, *, record=None) -> None:
    """Each record checked by the rule book, then all written in one transaction;
    `record` names the record of its fields (a village's by default)."""
    record = record or (lambda f: record_id(f["village_code"], f["campaign"]))
    clean = []
    for fields in records:
        try:
            clean.append(check_step(code, fields, None, today=today, policy=store.policy))
        except ValidationFailed as exc:
            raise Refusal(f"{exc.errors[0].message}未做任何改动。") from None
    with store.transaction():
        for fields in clean:
            store.record(actor=store.workstation["officer"],
                         case_id=record(fields),
                         type_=RULES[code].event, payload=fields)


def _open_villages(db) -> set[str]:
    return {r[0] for r in db.execute("SELECT village_code FROM dibao_campaigns"
                                     " WHERE closed_on IS NULL")}


def _next_number(db, year: int) -> str:
    numbers = [int(r[0].split("-")[1]) for r in db.execute(
        "SELECT DISTINCT campaign FROM dibao_campaigns WHERE campaign LIKE ?", [f"{year}-%"])]
    return f"{year}-{max(numbers, default=0) + 1}"


def current(db) -> str:
    """The campaign still open ("" when none), else nothing."""
    row = db.execute("SELECT campaign FROM dibao_campaigns WHERE closed_on IS NULL"
                     " ORDER BY opened_on DESC, campaign DESC LIMIT 1").fetchone()
    return row[0] if row else ""


def latest(db) -> str:
    row = db.execute("SELECT campaign FROM dibao_campaigns ORDER BY opened_on DESC,"
                     " campaign DESC LIMIT 1").fetchone()
    return row[0] if row else ""


# -- progress ---------------------------------------------------------------------------------
def progress(store, number: str, today: date) -> Campaign:
    if not CAMPAIGN.fullmatch(number or ""):
        raise Refusal(f"清理检查编号应为“年份-序号”(如 2027-1),现在是“{number[:20]}”。")
    rows = store.db.execute("SELECT village_code, opened_on, until, closed_on FROM"
                            " dibao_campaigns WHERE campaign = ? ORDER BY village_code",
                            [number]).fetchall()
    if not rows:
        raise Refusal(f"没有编号为 {number} 的清理检查。")
    names = village_names(store.db)
    if store.workstation.get("village_code"):
        names[store.workstation["village_code"]] = store.workstation["village"]
    villages = [_village(store.db, code, names.get(code, code), opened,
                         closed or today.isoformat()) for code, opened, _u, closed in rows]
    return Campaign(number, rows[0][1], rows[0][2], rows[0][3], villages,
                    issuer=_issuer(store.db, number))


def _issuer(db, number: str) -> str:
    """The county named by the township's word passing its campaign on ("" if none)."""
    row = db.execute("SELECT json_extract(payload, '$.county') FROM events WHERE type ="
                     " 'DibaoCampaignForwarded' AND json_extract(payload, '$.campaign') = ?"
                     " LIMIT 1", [number]).fetchone()
    return row[0] if row else ""


def _village(db, code: str, name: str, opened: str, end: str) -> VillageProgress:
    """A village's progress; `code` a township's code: its villages' together."""
    v = VillageProgress(code, name)
    month, place = dibao.month_of(opened), [code, code + "~"]
    v.households = db.execute(
        "SELECT COUNT(*) FROM dibao_households WHERE village_code >= ? AND village_code < ?"
        " AND since_month <= ? AND approved_on < ? AND (stopped_on IS NULL OR stopped_on >= ?)",
        [*place, month, opened, opened]).fetchone()[0]
    v.newly_found = db.execute(
        "SELECT COUNT(*) FROM dibao_households WHERE village_code >= ? AND village_code < ?"
        " AND approved_on >= ? AND approved_on <= ?", [*place, opened, end]).fetchone()[0]
    steps = db.execute(
        "SELECT application_id, action, actor, json_extract(fields, '$.outcome') FROM history"
        " WHERE application_id >= ? AND application_id < ? AND action IN"
        " ('dibao_review', 'dibao_decide') AND occurred_on >= ? AND occurred_on <= ?"
        " ORDER BY seq", [*place, opened, end]).fetchall()
    reviewed: set[str] = set()
    outcomes: dict[str, str] = {}
    for case_id, action, actor, outcome in steps:
        if action == "dibao_review" and case_id not in reviewed:
            reviewed.add(case_id)
            v.officers[actor] = v.officers.get(actor, 0) + 1
        elif action == "dibao_decide":
            outcomes[case_id] = outcome
    v.reviewed = len(reviewed)
    v.continued = sum(o == "continue" for o in outcomes.values())
    v.adjusted = sum(o in ("adjust", "reclass") for o in outcomes.values())
    v.stopped = sum(o == "stop" for o in outcomes.values())
    return v


__all__ = ["Campaign", "VillageProgress", "close_campaign", "current", "latest",
           "open_campaign", "progress"]
