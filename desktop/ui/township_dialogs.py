"""The township's decision and payment dialogs. Each calls desktop.township.decisions;
a refusal is shown in the dialog, which stays open with nothing changed."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QFormLayout, QLabel, QVBoxLayout

from desktop.core import dibao
from desktop.core.categories import PAYMENT_METHODS
from desktop.core.errors import FieldError, Refusal
from desktop.core.money import format_yuan
from desktop.township.decisions import Decisions
from desktop.ui import guard, window_fit
from desktop.ui.i18n import QT_TR_NOOP, tr
from desktop.ui.widgets import (
    ErrorLabel,
    date_edit,
    line_edit,
    ok_cancel,
    read_fen,
    text_area,
    yuan_edit,
)

TITLES = {"approve": QT_TR_NOOP("批准"), "reject": QT_TR_NOOP("不批准"),
          "refer": QT_TR_NOOP("转县审批"), "return": QT_TR_NOOP("退回补充"),
          "pay": QT_TR_NOOP("登记发放")}
HINTS = {"reject": QT_TR_NOOP("写明不批准的理由(将写入不予批准通知书)"),
         "refer": QT_TR_NOOP("写明转县审批的原因"),
         "return": QT_TR_NOOP("写明村里需要补充的材料或情况")}
CONSEQUENCES = {
    "approve": QT_TR_NOOP("批准后决定随下一个数据包送回村里,由村里结果公示;决定不能撤销。"),
    "reject": QT_TR_NOOP("不批准后案件即告结束,须在 3 个工作日内书面告知申请人;决定不能撤销。"),
    "refer": QT_TR_NOOP("转县审批后由县民政局决定,乡镇按县局批复登记。"),
    "return": QT_TR_NOOP("退回后案件回到村里重新调查,待村里重新上报后再审批。"),
    "pay": QT_TR_NOOP("发放登记后计入已发放金额,之后可按月备案。"),
}
# At the county the decision goes back to the township, and from there to the village.
COUNTY_CONSEQUENCES = {
    "approve": QT_TR_NOOP("批准后编发县局文号,决定随县局的下一个数据包送达乡镇,由乡镇登记后"
                          "转送村里结果公示;决定不能撤销。"),
    "reject": QT_TR_NOOP("不批准后编发县局文号,决定随县局的下一个数据包送达乡镇,由乡镇登记并"
                         "书面告知申请人;决定不能撤销。"),
    "return": QT_TR_NOOP("退回后编发县局文号,决定随县局的下一个数据包送达乡镇,由乡镇转回村里"
                         "补充材料;决定不能撤销。"),
}


class DecisionDialog(guard.DiscardGuard, QDialog):
    """批准 (amount), 不批准 (reason), 转县审批 (note), 退回补充 (reason); a referred case
    is decided as the county's decision, with its reference (文号)."""

    def __init__(self, store, today, case_id: str, code: str, detail: dict, parent=None):
        super().__init__(parent)
        self.store, self.today, self.case_id, self.code = store, today, case_id, code
        self.county = store.workstation["role"] == "county"
        referred = detail["status"] == "referred" and not self.county
        self.setWindowTitle(f"{tr(TITLES[code])} — {case_id}"
                            + (tr("(县局批复)") if referred else ""))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        intro = QLabel(self._intro(detail, referred))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        proposed = detail.get("proposed_fen") or detail.get("requested_fen")
        # a payment is of what was approved, less a 先行救助 already paid (0 where that
        # covered it all: the payment of 0 closes the case), as the rule book reckons it
        approved = detail.get("approved_fen")
        to_pay = max(approved - (detail.get("paid_first_fen") or 0), 0) if approved else None
        self.amount = yuan_edit(proposed if code == "approve" else None)
        if code == "pay" and to_pay is not None:
            self.amount.setText(format_yuan(to_pay))
        self.reason = text_area(tr(HINTS.get(code, "")), 80)
        self.county_ref = line_edit(tr("例如 新民发〔2026〕12号"), 100)
        if code in ("approve", "pay"):
            form.addRow(tr("金额(元):"), self.amount)
        if code in ("reject", "return", "refer"):
            form.addRow(tr("说明:") if code == "refer" else tr("理由:"), self.reason)
        if code == "approve" and detail.get("paid_first_fen") and not self.county:
            form.addRow(tr("先行救助追回或说明:"), self.reason)
        if referred and code in ("approve", "reject"):
            form.addRow(tr("县局批复文号:"), self.county_ref)
        self.dibao_class = QComboBox()  # 低保: the class sets the review interval
        if code == "approve" and detail.get("program") == "dibao":
            self.dibao_class.addItems(list(dibao.CLASSES))  # i18n: data (A, B, C)
            form.addRow(tr("低保分类:"), self.dibao_class)
            form.addRow("", QLabel(tr("金额为每月保障金,按县里设定的计算办法核定,自批准当月起按月发放。")))
            self.dibao_class.currentTextChanged.connect(self._reckon)
            self._reckon(self.dibao_class.currentText())
        self.method = QComboBox()
        self.method.addItems(PAYMENT_METHODS)
        self.date = date_edit(today)
        if code == "pay":
            form.addRow(tr("发放方式:"), self.method)
            form.addRow(tr("发放日期:"), self.date)
        layout.addLayout(form)
        self.error = ErrorLabel()
        layout.addWidget(self.error)
        self.buttons, self.ok_button = ok_cancel(self, self.do_it)
        layout.addWidget(self.buttons)
        self.detail = detail
        # the amount too (filled in above with what the village proposed): an amount
        # changed and then lost to Esc was a decision to type again
        self.watch([self.amount, self.reason, self.county_ref, self.dibao_class, self.method,
                    self.date])
        window_fit.fit(self, 600, self.sizeHint().height())

    def _intro(self, d: dict, referred: bool) -> str:
        cap = self.store.policy.township_cap_fen
        if self.code == "pay":  # what was approved and what is left to pay, not the cap
            approved, first = d.get("approved_fen") or 0, d.get("paid_first_fen") or 0
            return tr("{name} · 批准 {approved} 元{first} · 应发 {due} 元\n"
                      "确认款项到账后登记;发放后按月导出备案登记册报县民政局。").format(
                name=d["applicant_name"], approved=format_yuan(approved, grouped=True),
                first=tr(" · 已先行救助 {0} 元").format(format_yuan(first, grouped=True))
                if first else "", due=format_yuan(max(approved - first, 0), grouped=True))
        if self.county:
            return tr("{name} · 申请 {requested} 元 · 村拟救助 {proposed} 元\n"
                      "县级审批上限 {cap} 元。决定编发县局文号,随县局的数据包送达乡镇,由乡镇登记"
                      "后转送村里。").format(
                name=d["applicant_name"], requested=format_yuan(d["requested_fen"], grouped=True),
                proposed=format_yuan(d["proposed_fen"] or 0, grouped=True),
                cap=format_yuan(self.store.policy.county_cap_fen, grouped=True)) + (
                "\n" + tr("已先行救助 {paid_first} 元,计入批准金额,乡镇发放时只发差额。").format(
                    paid_first=format_yuan(d["paid_first_fen"], grouped=True))
                if d.get("paid_first_fen") else "")
        text = tr("{name} · 申请 {requested} 元 · 村拟救助 {proposed} 元\n"
                  "乡镇审批上限 {cap} 元,超过上限请转县审批。").format(
            name=d["applicant_name"], requested=format_yuan(d["requested_fen"], grouped=True),
            proposed=format_yuan(d["proposed_fen"] or 0, grouped=True),
            cap=format_yuan(cap, grouped=True))
        if referred:
            text += "\n" + tr("此案已转县审批:请按县民政局的批复登记,并填写批复文号。")
        if d.get("paid_first_fen"):  # it counts toward the approval: only the rest is paid
            text += "\n" + tr("已先行救助 {paid_first} 元,发放时只发差额;"
                              "批准金额低于它时须写明追回或说明。").format(
                paid_first=format_yuan(d["paid_first_fen"], grouped=True))
        return text

    def do_it(self) -> None:
        problem = self.date.problem() if self.code == "pay" else ""
        if problem:
            self.error.show_message(problem)
            return
        title = tr(TITLES[self.code])
        try:
            if not guard.confirm_step(self, f"{title}:{self.case_id} "
                                      f"{self.detail['applicant_name']}" + self._amount_said(),
                                      (COUNTY_CONSEQUENCES if self.county else CONSEQUENCES)[
                                          self.code], check=self._rehearsed):
                return
            self._record()
        except Refusal as exc:
            self.error.show_message(exc.message)
            return
        guard.tell(self.parentWidget(), tr("已{title}:{case_id} {name}。").format(
            title=title, case_id=self.case_id, name=self.detail["applicant_name"]))
        self.accept()

    def _rehearsed(self) -> None:
        """The decision as a dry run; when it passes, an earlier refusal is cleared
        before the question (the question is about the amount as it now stands)."""
        self._record()
        self.error.show_message("")

    def _amount_said(self) -> str:
        text = self.amount.text().strip()
        return tr(",金额 {text} 元").format(
                   text=text) if self.code in ("approve", "pay") and text else ""

    def _record(self) -> None:
        if self.county:
            return self._record_county()
        work = Decisions(self.store, self.today)
        reason = self.reason.toPlainText().strip()
        if self.code == "reject":
            work.reject(self.case_id, reason, self.county_ref.text().strip())
        elif self.code == "return":
            work.return_(self.case_id, reason)
        elif self.code == "refer":
            work.refer(self.case_id, reason)
        elif self.code == "approve":
            work.approve(self.case_id, self._fen(), self.county_ref.text().strip(), reason,
                         dibao_class=self.dibao_class.currentText())
        else:
            work.pay(self.case_id, self._fen(), self.method.currentText(), self.date.date())

    def _record_county(self) -> None:
        from desktop.county.decisions import CountyDecisions

        work = CountyDecisions(self.store, self.today)
        reason = self.reason.toPlainText().strip()
        if self.code == "approve":
            work.approve(self.case_id, self._fen())
        elif self.code == "reject":
            work.reject(self.case_id, reason)
        else:
            work.return_(self.case_id, reason)

    def _reckon(self, dibao_class: str) -> None:
        from desktop.dibao.households import reckoned_amount

        fen, how = reckoned_amount(self.store, self.case_id, dibao_class)
        self.amount.setText(format_yuan(fen) if fen else "")
        self.amount.setToolTip(how)

    def _fen(self) -> int:
        local: list[FieldError] = []
        fen = read_fen(self.amount.text(), "amount_fen", local)
        if local:
            raise Refusal(local[0].message)
        if fen is None:
            raise Refusal(tr("请填写金额(单位:元),例如 1500.00。"))
        return fen
