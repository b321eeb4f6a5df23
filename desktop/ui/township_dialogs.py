"""The township's decision and payment dialogs. Each calls desktop.township.decisions;
a refusal is shown in the dialog, which stays open with nothing changed."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QFormLayout, QLabel, QVBoxLayout

from desktop.core.categories import PAYMENT_METHODS
from desktop.core.errors import FieldError, Refusal
from desktop.core.money import format_yuan
from desktop.township.decisions import Decisions
from desktop.ui.widgets import (
    ErrorLabel,
    date_edit,
    line_edit,
    ok_cancel,
    read_fen,
    text_area,
    yuan_edit,
)

TITLES = {"approve": "批准", "reject": "不批准", "refer": "转县审批", "return": "退回补充",
          "pay": "登记发放"}


class DecisionDialog(QDialog):
    """批准 (amount), 不批准 (reason), 转县审批 (note), 退回补充 (reason); a referred case
    is decided as the county's decision, with its reference (文号)."""

    def __init__(self, store, today, case_id: str, code: str, detail: dict, parent=None):
        super().__init__(parent)
        self.store, self.today, self.case_id, self.code = store, today, case_id, code
        referred = detail["status"] == "referred"
        self.setWindowTitle(f"{TITLES[code]} — {case_id}" + ("(县局批复)" if referred else ""))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        layout.addWidget(QLabel(self._intro(detail, referred)))
        proposed = detail.get("proposed_fen") or detail.get("requested_fen")
        self.amount = yuan_edit(proposed if code == "approve" else None)
        self.reason = text_area("写明理由(不批准的理由将写入不予批准通知书)", 80)
        self.county_ref = line_edit("例如 新民发〔2026〕12号", 100)
        if code in ("approve", "pay"):
            form.addRow("金额(元):", self.amount)
        if code in ("reject", "return", "refer"):
            form.addRow("说明:" if code == "refer" else "理由:", self.reason)
        if code == "approve" and detail.get("paid_first_fen"):  # approving below it
            form.addRow("先行救助追回或说明:", self.reason)
        if referred and code in ("approve", "reject"):
            form.addRow("县局批复文号:", self.county_ref)
        self.method = QComboBox()
        self.method.addItems(PAYMENT_METHODS)
        self.date = date_edit(today)
        if code == "pay":
            form.addRow("发放方式:", self.method)
            form.addRow("发放日期:", self.date)
        layout.addLayout(form)
        self.error = ErrorLabel()
        layout.addWidget(self.error)
        self.buttons, self.ok_button = ok_cancel(self, self.do_it)
        layout.addWidget(self.buttons)

    def _intro(self, d: dict, referred: bool) -> str:
        cap = self.store.policy.township_cap_fen
        text = (f"{d['applicant_name']} · 申请 {format_yuan(d['requested_fen'], grouped=True)} 元"
                f" · 村拟救助 {format_yuan(d['proposed_fen'] or 0, grouped=True)} 元\n"
                f"乡镇审批上限 {format_yuan(cap, grouped=True)} 元,超过上限请转县审批。")
        if referred:
            text += "\n此案已转县审批:请按县民政局的批复登记,并填写批复文号。"
        if d.get("paid_first_fen"):  # it counts toward the approval: only the rest is paid
            text += (f"\n已先行救助 {format_yuan(d['paid_first_fen'], grouped=True)} 元,发放时只发"
                     f"差额;批准金额低于它时须写明追回或说明。")
        return text

    def do_it(self) -> None:
        try:
            self._record()
        except Refusal as exc:
            self.error.setText(exc.message)
            self.error.show()
            return
        self.accept()

    def _record(self) -> None:
        work = Decisions(self.store, self.today)
        reason = self.reason.toPlainText().strip()
        if self.code == "reject":
            work.reject(self.case_id, reason, self.county_ref.text().strip())
        elif self.code == "return":
            work.return_(self.case_id, reason)
        elif self.code == "refer":
            work.refer(self.case_id, reason)
        elif self.code == "approve":
            work.approve(self.case_id, self._fen(), self.county_ref.text().strip(), reason)
        else:
            from datetime import date

            work.pay(self.case_id, self._fen(), self.method.currentText(),
                     date.fromisoformat(self.date.date().toString("yyyy-MM-dd")))

    def _fen(self) -> int:
        local: list[FieldError] = []
        fen = read_fen(self.amount.text(), "amount_fen", local)
        if local:
            raise Refusal(local[0].message)
        if fen is None:
            raise Refusal("请填写金额(单位:元),例如 1500.00。")
        return fen
