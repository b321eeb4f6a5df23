"""One dialog per village step (受理, 不予受理, 入户调查, 初审, 先行救助). Each checks its
fields as the officer types with the core's `check_step` (the same rules as the command
line), shows each problem beside its field, and keeps OK disabled until all is well. A
Refusal from the operation itself is shown in the dialog and changes nothing."""

from __future__ import annotations

import re

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.core.categories import INVESTIGATION_METHODS, PAYMENT_METHODS
from desktop.core.errors import FieldError, Refusal, ValidationFailed
from desktop.core.rulebook import check_step
from desktop.core.workflow import ACTIONS
from desktop.ui import guard, window_fit
from desktop.ui import widgets as w
from desktop.ui.core_words import status_label, step_word
from desktop.ui.date_field import date_problems
from desktop.ui.i18n import QT_TR_NOOP, tr

_SEPARATORS = re.compile(r"[、,,;;\s]+")  # i18n: data


def split_names(text: str) -> list[str]:
    return [n for n in _SEPARATORS.split(text) if n]


class MethodChecks(QWidget):
    """调查方式: one check box per method."""

    changed = Signal()

    def __init__(self, checked=("入户调查",)):  # i18n: data (a recorded method)
        super().__init__()
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.boxes = {}
        for m in INVESTIGATION_METHODS:
            box = QCheckBox(m)
            box.setChecked(m in checked)
            box.toggled.connect(self.changed)
            row.addWidget(box)
            self.boxes[m] = box
        row.addStretch(1)

    def value(self) -> list[str]:
        return [m for m, box in self.boxes.items() if box.isChecked()]


# What follows from each step, said before it is recorded (none can be undone).
CONSEQUENCES = {
    "accept": QT_TR_NOOP("受理后开始计算办理期限:应在 3 个工作日内开始入户调查。"),
    "refuse": QT_TR_NOOP("不予受理后案件即告结束,须书面告知申请人理由。"),
    "investigate": QT_TR_NOOP("调查记录登记后即为正式记录,案件进入“已调查”,等待民主评议。"),
    "review": QT_TR_NOOP("初审通过后案件进入公示环节(下一步:初审公示)。"),
    "pay_first": QT_TR_NOOP("先行救助金额计入救助总额,乡镇批准时只补发差额;"
                            "须在规定期限内补办手续。"),
}
REVIEW_REJECTED = QT_TR_NOOP("初审不通过后案件即告结束,须告知申请人理由。")


class StepDialog(guard.DiscardGuard, QDialog):
    """Base: subclasses add fields in `build` and say how to read them in `values`."""

    code = ""
    performed = Signal(str)  # the new status code

    def __init__(self, casework, case_id: str, detail: dict | None = None, parent=None):
        super().__init__(parent)
        self.casework, self.case_id = casework, case_id
        self.detail = detail or {}
        self.facts = casework.facts(case_id)
        self.inputs: dict[str, QWidget] = {}
        self.setWindowTitle(f"{step_word(ACTIONS[self.code].label)} — {case_id}")
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        name = self.detail.get("applicant_name", "")
        layout.addWidget(QLabel(tr("案件 {case_id} {name}").format(case_id=case_id, name=name)))
        page = QWidget()
        self.form = QFormLayout(page)
        self.scroll = QScrollArea()  # a long form scrolls; OK and Cancel stay in view
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.scroll.setWidget(page)
        layout.addWidget(self.scroll, 1)
        self.summary = w.ErrorLabel()
        self.board = w.ErrorBoard(self.summary)
        self.build()
        layout.addWidget(self.summary)
        self.buttons, self.ok = w.ok_cancel(self, self.perform)
        layout.addWidget(self.buttons)
        w.enter_shows_problems(self, self.ok, self.show_problems)
        for path, widget in self.inputs.items():
            w.change_signal(widget).connect(lambda *_a, p=path: self._changed(p))
        self.validate()
        window_fit.fit(self, 620, page.sizeHint().height() + 140)
        first = next(iter(self.inputs.values()), None)
        if first is not None:
            first.setFocus()

    def add(self, label: str, path: str, widget: QWidget) -> QWidget:
        self.inputs[path] = widget
        self.form.addRow(label, self.board.add(path, w.FieldBox(widget)))
        return widget

    def date_field(self, label: str = QT_TR_NOOP("日期")) -> None:
        self.add(tr(label), "date", w.date_edit(self.casework.today))

    def build(self) -> None:
        self.date_field()

    def values(self, local: list) -> dict:
        return {"date": w.value_of(self.inputs["date"])}

    def value(self, path: str):
        return w.value_of(self.inputs[path])

    def _changed(self, path: str) -> None:
        self.board.touch(path)
        self.typed = True
        self.validate()

    def validate(self) -> list[FieldError]:
        local: list[FieldError] = date_problems(self.inputs, [])
        fields = self.values(local)
        try:
            check_step(self.code, fields, self.facts, today=self.casework.today,
                       policy=self.casework.store.policy)
            errors: list[FieldError] = []
        except ValidationFailed as exc:
            errors = exc.errors
        except Refusal as exc:
            errors = [FieldError("", exc.message)]
        errors = w.merge_errors(local, errors)
        self.board.show(errors)
        self.ok.setEnabled(not errors)
        return errors

    def show_problems(self) -> None:
        """Enter with a problem: every message beside its field, the cursor in the first."""
        self.board.show_all = True
        self.validate()
        w.focus_first_problem(self.board, self.scroll)

    def perform(self) -> None:
        self.board.show_all = True
        if self.validate():
            return
        values = self.values([])
        try:
            if not guard.confirm_step(self, self.what(), self.consequence(), check=lambda:
                                      self.casework.step(self.case_id, self.code, values)):
                return
            status = self.casework.step(self.case_id, self.code, values)
        except ValidationFailed as exc:
            self.board.show(exc.errors)
            return
        except Refusal as exc:
            self.summary.show_message(exc.message)
            return
        guard.tell(self.parentWidget(), tr("已登记{step}:{case_id} {name},现为“{status}”。").format(
            step=step_word(ACTIONS[self.code].label), case_id=self.case_id,
            name=self.detail.get("applicant_name", ""), status=status_label(status)))
        self.performed.emit(status)
        self.accept()

    def what(self) -> str:
        name = self.detail.get("applicant_name", "")
        return f"{step_word(ACTIONS[self.code].label)}:{self.case_id} {name}"

    def consequence(self) -> str:
        return CONSEQUENCES.get(self.code, "")


class AcceptDialog(StepDialog):
    code = "accept"

    def build(self) -> None:
        self.date_field(tr("受理日期"))


class RefuseDialog(StepDialog):
    code = "refuse"

    def build(self) -> None:
        self.date_field(tr("决定日期"))
        self.add(tr("不予受理的理由"), "reason", w.text_area(tr("将书面告知申请人"), 80))

    def values(self, local: list) -> dict:
        return {"date": self.value("date"), "reason": self.value("reason")}


class InvestigateDialog(StepDialog):
    code = "investigate"

    def build(self) -> None:
        household = self.detail.get("application", {}).get("household", {})
        self.date_field(tr("调查日期"))
        self.add(tr("调查人(至少 2 人)"), "investigators",
                 w.line_edit(tr("姓名之间用顿号或逗号分隔,例如 张三、李四")))
        self.add(tr("调查方式"), "methods", MethodChecks())
        self.add(tr("家庭年收入(元)"), "household_income_fen",
                 w.yuan_edit(household.get("annual_income_fen")))
        self.add(tr("家庭年支出(元)"), "household_expenditure_fen",
                 w.yuan_edit(household.get("annual_expenditure_fen")))
        self.add(tr("调查结论"), "findings", w.text_area(tr("核实的家庭情况和困难"), 90))

    def values(self, local: list) -> dict:
        return {
            "date": self.value("date"),
            "investigators": split_names(self.value("investigators")),
            "methods": self.value("methods"),
            "household_income_fen": w.read_fen(self.value("household_income_fen"),
                                               "household_income_fen", local),
            "household_expenditure_fen": w.read_fen(self.value("household_expenditure_fen"),
                                                    "household_expenditure_fen", local),
            "findings": self.value("findings"),
        }


class ReviewDialog(StepDialog):
    code = "review"

    def build(self) -> None:
        self.date_field(tr("初审日期"))
        passed = self.add(tr("初审结果"), "passed",
                          w.combo({"yes": tr("通过"), "no": tr("不通过")}, "yes"))
        self.add(tr("初审意见"), "opinion", w.text_area(tr("民生员初审意见"), 70))
        dibao = self.detail.get("program") == "dibao"  # a month's amount, as approved
        self.add(tr("拟月保障金(元)") if dibao else tr("拟救助金额(元)"), "proposed_fen",
                 w.yuan_edit(self._monthly_amount() if dibao
                             else self.detail.get("requested_fen")))
        self.add(tr("不通过的理由"), "reason", w.text_area(tr("将告知申请人"), 60))
        self.add(tr("与评议结论不一致的理由"), "against_deliberation_reason",
                 w.text_area(tr("初审结论与村民代表评议结论相反时必填"), 40))
        passed.currentIndexChanged.connect(self._passed_changed)
        self._passed_changed()

    def consequence(self) -> str:
        return CONSEQUENCES["review"] if self.value("passed") == "yes" else REVIEW_REJECTED

    def _monthly_amount(self) -> int | None:
        """低保: the month's amount the county's 差额 method gives the household as
        investigated (the township must approve that one), never the amount requested,
        which may be a year's; none where the method's levels need the class."""
        store = self.casework.store
        if store.policy.dibao_method != "difference":
            return None
        from desktop.dibao.households import reckoned_amount

        return reckoned_amount(store, self.case_id, "A")[0] or None

    def _passed_changed(self) -> None:
        passed = self.value("passed") == "yes"
        self.inputs["proposed_fen"].setEnabled(passed)
        self.inputs["reason"].setEnabled(not passed)

    def values(self, local: list) -> dict:
        out = {"date": self.value("date"), "passed": self.value("passed") == "yes",
               "opinion": self.value("opinion")}
        if out["passed"]:
            out["proposed_fen"] = w.read_fen(self.value("proposed_fen"), "proposed_fen", local)
        else:
            out["reason"] = self.value("reason")
        if self.value("against_deliberation_reason"):
            out["against_deliberation_reason"] = self.value("against_deliberation_reason")
        return out


class PayFirstDialog(StepDialog):
    code = "pay_first"

    def build(self) -> None:
        self.date_field(tr("发放日期"))
        self.add(tr("先行救助金额(元)"), "amount_fen", w.yuan_edit())
        self.add(tr("批准人"), "authorised_by", w.line_edit(tr("批准先行救助的负责人"), 40))
        self.add(tr("发放方式"), "method", w.combo(PAYMENT_METHODS, "现金"))  # i18n: data

    def values(self, local: list) -> dict:
        return {"date": self.value("date"),
                "amount_fen": w.read_fen(self.value("amount_fen"), "amount_fen", local),
                "authorised_by": self.value("authorised_by"), "method": self.value("method")}


STEP_DIALOGS = {d.code: d for d in (AcceptDialog, RefuseDialog, InvestigateDialog,
                                    ReviewDialog, PayFirstDialog)}
