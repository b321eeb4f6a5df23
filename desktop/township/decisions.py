"""The township's decisions and payments (乡镇审批, 发放), on Casework steps.

Casework already enforces the state machine and each step's fields (an approval within
the township cap, a reason for a rejection); this layer adds what only the township
knows: the case must come from an enrolled village (its decision has to travel back), a
case already decided is refused with when and how it was decided, a referred case is
decided only as the county's decision with the county's reference, and a payment cannot
exceed what was approved. A refusal changes nothing."""

from __future__ import annotations

from datetime import date

from desktop.core import clock
from desktop.core.errors import Refusal, ValidationFailed
from desktop.core.money import format_yuan
from desktop.core.status import status_label
from desktop.core.ways import way
from desktop.operations.casework import Casework
from desktop.sync.peers import county_peer
from desktop.township.villages import require_enrolled

DECIDED = ("approved", "rejected", "result_posted", "paid", "filed")


class Decisions:
    def __init__(self, store, today: date | None = None):
        self.store = store
        self.today = today or clock.today()
        self.work = Casework(store, self.today)

    # -- deciding ------------------------------------------------------------------------
    def approve(self, case_id: str, amount_fen: int, county_ref: str = "",
                recovery_note: str = "", *, dibao_class: str = "", start_month: str = ""
                ) -> str:
        """`recovery_note`: how 先行救助 above the approval is recovered (追回) or why not.
        A 低保 case: `amount_fen` is the monthly amount, with its class and (optionally)
        the month payment starts."""
        extra = {"recovery_note": recovery_note} if recovery_note.strip() else {}
        extra.update(self._enrollment(case_id, dibao_class, start_month))
        return self._decide(case_id, "approve", {"amount_fen": amount_fen, **extra}, county_ref)

    def _enrollment(self, case_id: str, dibao_class: str, start_month: str) -> dict:
        from desktop.core import dibao
        from desktop.dibao.payments import start_month_for

        row = self._checked(case_id)
        if row["program"] != dibao.PROGRAM:  # the rule book refuses a class given here
            return {k: v for k, v in (("dibao_class", dibao_class),
                                      ("start_month", start_month)) if v}
        if not dibao_class:
            raise Refusal(f"案件 {case_id} 是低保案件:批准时须指定分类(A、B 或 C 类,"
                          f"决定复核周期),{way('dibao_class')}。未做任何改动。")
        if start_month and dibao.month_problem(start_month):
            raise Refusal(f"保障金起始月份:{dibao.month_problem(start_month)}。未做任何改动。")
        start = start_month_for(self.store.db, case_id, self.today, start_month)
        return {"dibao_class": dibao_class, "start_month": start}

    def reject(self, case_id: str, reason: str, county_ref: str = "") -> str:
        if not (reason or "").strip():
            raise Refusal("不批准必须写明理由(将写入不予批准通知书告知申请人)。未做任何改动。")
        return self._decide(case_id, "reject", {"reason": reason}, county_ref)

    def refer(self, case_id: str, note: str = "") -> str:
        return self._decide(case_id, "refer", {"note": note or "金额超过乡镇审批上限,报县民政局审批"})

    def return_(self, case_id: str, reason: str) -> str:
        if not (reason or "").strip():
            raise Refusal("退回补充必须写明需要补充的内容,村里才知道要做什么。未做任何改动。")
        return self._decide(case_id, "return", {"reason": reason})

    def _decide(self, case_id: str, code: str, fields: dict, county_ref: str = "") -> str:
        row = self._checked(case_id)
        if row["status"] in DECIDED:
            raise Refusal(f"案件 {case_id} 已于 {self._decided_on(case_id)} 作出决定"
                          f"(现为“{status_label(row['status'])}”),不能再次决定。未做任何改动。")
        if row["status"] == "returned":
            raise Refusal(f"案件 {case_id} 已退回村里补充材料,待村里重新上报并接收后才能决定。")
        if row["status"] in ("referred", "county_decided"):
            self._county_decides(case_id, code, county_ref)
        if county_ref:
            fields["county_ref"] = county_ref
        return self._step(case_id, code, {**fields, "approver": self.work.officer})

    def _county_decides(self, case_id: str, code: str, county_ref: str) -> None:
        """A referred case is decided by the county. A county that runs this software
        sends its decision, recorded here when its bundle is imported; for one that
        does not, the township records the county's written decision with its 文号."""
        if county_peer(self.store.db):
            raise Refusal(f"案件 {case_id} 已转县审批,由县民政局在其工作站上决定;县局的决定随县局的"
                          f"数据包导入后自动登记,无需在此录入。未做任何改动。")
        if code == "refer" or not county_ref:
            raise Refusal(f"案件 {case_id} 已转县审批,只能按县民政局的批复登记:请填写县局批复"
                          f"文号({way('county_ref')})。未做任何改动。")

    def notify_rejection(self, case_id: str, how: str, letter_no: str = "",
                         on: date | None = None) -> str:
        """送达: the written refusal reached the applicant (ends its deadline)."""
        self._checked(case_id)
        return self._step(case_id, "notify_rejection", {"how": how, "letter_no": letter_no},
                          on)

    # -- paying --------------------------------------------------------------------------
    def pay(self, case_id: str, amount_fen: int, method: str, on: date | None = None) -> str:
        """发放: recorded when the payment is confirmed, within the approved amount."""
        row = self._checked(case_id)
        if row["program"] == "dibao":
            raise Refusal(f"案件 {case_id} 是低保案件:低保金按月发放,不逐案登记;请在低保月度发放中"
                          f"登记当月发放。未做任何改动。")
        if row["status"] in ("paid", "filed"):
            raise Refusal(f"案件 {case_id} 已登记发放,不能重复登记。未做任何改动。")
        if row["status"] == "approved":
            raise Refusal(f"案件 {case_id} 已批准,但村里的结果公示尚未送回;结果公示后才能登记"
                          f"发放(请先导入该村的数据包)。")
        approved = row["approved_fen"] or 0
        if isinstance(amount_fen, int) and row["status"] == "result_posted" \
                and amount_fen > approved:
            raise Refusal(f"发放金额 {format_yuan(amount_fen, grouped=True)} 元超过批准金额 "
                          f"{format_yuan(approved, grouped=True)} 元,请核对。未做任何改动。")
        fields = {"amount_fen": amount_fen, "method": method}
        return self._step(case_id, "pay", fields, on)

    # -- shared --------------------------------------------------------------------------
    def _checked(self, case_id: str) -> dict:
        if self.store.workstation["role"] != "township":
            raise Refusal("审批、发放和备案只能在乡镇工作站办理。")
        row = self.work.case(case_id)
        require_enrolled(self.store.db, case_id)
        return row

    def _step(self, case_id: str, code: str, fields: dict, on: date | None = None) -> str:
        fields = {"date": (on or self.today).isoformat(), **fields}
        try:
            return self.work.step(case_id, code, fields)
        except ValidationFailed as exc:
            text = " ".join(e.message for e in exc.errors)
            raise Refusal(f"案件 {case_id}:{text} 未做任何改动。") from None

    def _decided_on(self, case_id: str) -> str:
        row = self.store.db.execute(
            "SELECT occurred_on FROM history WHERE application_id = ? AND action IN"
            " ('approve', 'reject') ORDER BY occurred_on DESC LIMIT 1", [case_id]).fetchone()
        return row[0] if row else "此前"
