"""The county's decisions on referred cases (转县审批): approve within the county cap,
reject with a reason, or return for more material. Each decision gets the county's
number (文号), counted per year, and travels to the township in the county's next bundle;
the township records it and sends it on to the village. A refusal changes nothing."""

from __future__ import annotations

from datetime import date

from desktop.core import clock
from desktop.core.errors import Refusal, ValidationFailed
from desktop.core.regions import region
from desktop.core.status import status_label
from desktop.operations.casework import Casework
from desktop.sync.peers import active_peers


class CountyDecisions:
    def __init__(self, store, today: date | None = None):
        if store.workstation["role"] != "county":
            raise Refusal("转县审批的案件只能在县民政局工作站决定。")
        self.store = store
        self.today = today or clock.today()
        self.work = Casework(store, self.today)

    def approve(self, case_id: str, amount_fen: int) -> str:
        return self._decide(case_id, "approve", {"amount_fen": amount_fen})

    def reject(self, case_id: str, reason: str) -> str:
        return self._decide(case_id, "reject", {"reason": reason})

    def return_(self, case_id: str, reason: str) -> str:
        return self._decide(case_id, "return", {"reason": reason})

    def _decide(self, case_id: str, decision: str, fields: dict) -> str:
        row = self.work.case(case_id)
        if row["status"] != "referred":
            raise Refusal(f"案件 {case_id} 现为“{status_label(row['status'])}”,不是待县局审批的"
                          f"案件。未做任何改动。")
        self._township_enrolled(case_id)
        fields = {"date": self.today.isoformat(), "decider": self.work.officer,
                  "decision": decision, "ref": self.next_ref(), **fields}
        try:
            return self.work.step(case_id, "county_decide", fields)
        except ValidationFailed as exc:
            text = " ".join(e.message for e in exc.errors)
            raise Refusal(f"案件 {case_id}:{text} 未做任何改动。") from None

    def next_ref(self) -> str:
        """The county's next decision number of the year: 新邵县民政局转县审批〔2026〕3号."""
        year = self.today.year
        done = self.store.db.execute(
            "SELECT COUNT(*) FROM events WHERE workstation_id = ? AND type = 'CountyDecided'"
            " AND substr(json_extract(payload, '$.date'), 1, 4) = ?", [self.store.workstation["id"], str(year)]
        ).fetchone()[0]
        return f"{self.store.workstation['county']}民政局转县审批〔{year}〕{done + 1}号"

    def _township_enrolled(self, case_id: str) -> None:
        """The decision travels back only to an enrolled township."""
        township = case_id[:9]
        codes = {region(p["township_code"], "township").code for p in active_peers(self.store.db)
                 if p["role"] == "township"}
        if township not in codes:
            raise Refusal(f"案件 {case_id} 所属的乡镇(代码 {township})没有在本县登记,决定无法送回。"
                          f"请先登记该乡镇的身份文件;未做任何改动。")
