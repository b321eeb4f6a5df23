"""The township's side of 动态管理: deciding a village's review (复核) of a household in
payment, and stopping a household (停保), through the rule book's `dibao_decide`.

The village records its review as the step `dibao_review` (`step APP_ID dibao_review`, or
the village's 低保 window); it reaches the township in the village's bundle, and the
decision goes back in the township's. Every change takes effect from the first month
the household's village has not yet been paid, so a paid roster never changes."""

from __future__ import annotations

from datetime import date

from desktop.core import dibao
from desktop.core.dibao_review import OUTCOMES, STOP_REASONS, gradual_exit, outcome_of
from desktop.core.errors import FieldError, Refusal, ValidationFailed
from desktop.core.money import format_yuan
from desktop.core.regions import case_village
from desktop.core.rulebook import check_step
from desktop.operations.casework import Casework
from desktop.storage.dibao_projections import household_facts


def effective_month(db, village_code: str, today: date) -> str:
    """This month, or the next when this month is already paid in the village."""
    month = dibao.month_of(today)
    row = db.execute("SELECT MAX(month) FROM dibao_months WHERE village_code = ?",
                     [village_code]).fetchone()
    return dibao.add_months(row[0], 1) if row[0] and row[0] >= month else month


def awaiting_decision(db, case_id: str) -> bool:
    """Whether a village's review of this household waits for the township."""
    row = db.execute("SELECT pending_review FROM dibao_households WHERE case_id = ?",
                     [case_id]).fetchone()
    return bool(row and row[0])


class Reviews:
    def __init__(self, store, today: date):
        self.store, self.today = store, today
        self.work = Casework(store, today)

    def decide(self, case_id: str, amount_fen: int, dibao_class: str = "",
               on: date | None = None) -> dict:
        """Continue, adjust or change class at `amount_fen` a month (the class stays
        unless given), decided on `on` (today): what the review found decides the amount,
        the rule book checks it."""
        return self._decide(case_id, self.decision_fields(case_id, amount_fen, dibao_class,
                                                          on))

    def decision_fields(self, case_id: str, amount_fen, dibao_class: str = "",
                        on: date | None = None) -> dict:
        """The decision as it would be recorded (refused when there is none to make)."""
        household = self._household(case_id)
        if not household["review"]:
            raise Refusal(f"案件 {case_id} 没有待决定的低保复核(村里的复核随其数据包送到)。"
                          f"未做任何改动。")
        cls = dibao_class or household["class"]
        return self._dated(case_id, on, {
            "outcome": outcome_of(household, amount_fen, cls), "amount_fen": amount_fen,
            "dibao_class": cls})

    def problems(self, case_id: str, fields: dict) -> list[FieldError]:
        """What the rule book finds wrong with a decision (as recording it would), for
        a form that checks as the officer types: no second copy of the rule."""
        try:
            check_step("dibao_decide", fields, self.work.facts(case_id), today=self.today,
                       policy=self.store.policy)
        except ValidationFailed as exc:
            return exc.errors
        return []

    def stop(self, case_id: str, reason: str, kind: str = "other") -> dict:
        """停保 with a written reason, with or without a review; 渐退 where it applies."""
        household = self._household(case_id)
        if not (reason or "").strip():
            raise Refusal("停保必须写明理由(将写入停保通知书告知该户)。未做任何改动。")
        if kind not in STOP_REASONS:
            raise Refusal(f"停保原因应为 {'、'.join(STOP_REASONS)} 之一"
                          f"({'、'.join(STOP_REASONS.values())})。未做任何改动。")
        months, fen = gradual_exit(self.store.policy, kind, household["monthly_fen"])
        return self._decide(case_id, {"outcome": "stop", "reason_kind": kind,
                                      "reason": reason, "exit_months": months,
                                      "exit_fen": fen})

    def _household(self, case_id: str) -> dict:
        from desktop.township.villages import require_enrolled

        if self.store.workstation["role"] != "township":
            raise Refusal("低保复核的决定和停保由乡镇民政办办理,只能在乡镇工作站登记。")
        self.work.case(case_id)
        require_enrolled(self.store.db, case_id)
        household = household_facts(self.store.db, case_id)
        if household is None:
            raise Refusal(f"案件 {case_id} 不是已纳入低保的家庭。未做任何改动。")
        if household["stopped_month"]:
            raise Refusal(f"案件 {case_id} 已决定停保(自 {household['stopped_month']} 起不再发放)。"
                          f"未做任何改动。")
        return household

    def _dated(self, case_id: str, on: date | None, fields: dict) -> dict:
        on = on or self.today
        return {"date": on.isoformat(), "approver": self.work.officer,
                "from_month": effective_month(self.store.db, case_village(case_id), on),
                **fields}

    def _decide(self, case_id: str, fields: dict) -> dict:
        if "date" not in fields:
            fields = self._dated(case_id, None, fields)
        try:
            self.work.step(case_id, "dibao_decide", fields)
        except ValidationFailed as exc:
            text = " ".join(e.message for e in exc.errors)
            raise Refusal(f"案件 {case_id}:{text} 未做任何改动。") from None
        return fields


def decided_text(fields: dict) -> str:
    """One line saying what was decided (the command line and the GUI)."""
    if fields["outcome"] == "stop":
        exit_ = (f",渐退 {fields['exit_months']} 个月,每月 "
                 f"{format_yuan(fields['exit_fen'], grouped=True)} 元,"
                 f"{dibao.add_months(fields['from_month'], fields['exit_months'])} 起停发"
                 if fields["exit_months"] else f",{fields['from_month']} 起停发")
        return f"已决定停保({STOP_REASONS[fields['reason_kind']]}){exit_}"
    return (f"复核决定:{OUTCOMES[fields['outcome']]},每月 "
            f"{format_yuan(fields['amount_fen'], grouped=True)} 元,{fields['dibao_class']} 类,"
            f"{fields['from_month']} 起")


__all__ = ["Reviews", "awaiting_decision", "decided_text", "effective_month"]
