"""The small forms of the notice list: choose cases for a batch, record an objection,
resolve one, set the objection phones. Each is a QDialog given the operation it feeds
(`submit_op`, values → result): OK runs it, and a refusal is shown beside its field (or
under the form), in Chinese, with the dialog still open and nothing typed lost. `ask()`
shows the dialog and returns the operation's result (None if cancelled); tests replace
`ask` on the class, because a modal `exec()` would block them."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
)

from desktop.core.errors import FieldError, Refusal, ValidationFailed
from desktop.core.money import format_yuan
from desktop.ui import guard, window_fit
from desktop.ui import widgets as w
from desktop.ui.core_words import category_label
from desktop.ui.i18n import QT_TR_NOOP, tr


class _Form(guard.DiscardGuard, QDialog):
    consequence = ""  # said before the operation, when it cannot be undone

    def __init__(self, title: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.submit_op = None
        self.result_value = None
        self.inputs: dict = {}
        self.layout_ = QVBoxLayout(self)
        self.form = QFormLayout()
        self.layout_.addLayout(self.form)
        self.summary = w.ErrorLabel()
        self.board = w.ErrorBoard(self.summary)

    def row(self, label: str, path: str, widget):
        self.inputs[path] = widget
        self.form.addRow(label, self.board.add(path, w.FieldBox(widget)))
        return widget

    def finish(self, width: int = 560, height: int = 0) -> None:
        self.layout_.addWidget(self.summary)
        self.buttons, self.ok = w.ok_cancel(self, lambda: self.submit())
        self.layout_.addWidget(self.buttons)
        self.watch(self.inputs.values())
        for path, widget in self.inputs.items():
            w.change_signal(widget).connect(lambda *_a, p=path: self._changed(p))
        self.validate()
        window_fit.fit(self, width, height or self.sizeHint().height())

    def problems(self, values: dict) -> list[FieldError]:
        """What the form can tell as it is typed (a required text); the operation's
        own refusal comes on OK."""
        return []

    def _changed(self, path: str) -> None:
        self.board.touch(path)
        self.validate()

    def validate(self, values: dict | None = None) -> list[FieldError]:
        """As the step dialogs: each problem beside its field once touched, the rest
        counted under the form, OK enabled only when there is none."""
        if not self.problems_checked:
            return []
        errors = self.problems(self.values() if values is None else values)
        self.board.show(errors)
        self.ok.setEnabled(not errors)
        return errors

    problems_checked = False  # a form with `problems` sets it

    def ask(self):
        return self.result_value if self.exec() == QDialog.DialogCode.Accepted else None

    def values(self) -> dict:
        raise NotImplementedError

    def what(self, values: dict) -> str:
        return self.windowTitle()

    def submit(self, values: dict | None = None):
        """Run the operation on what was typed; on a refusal stay open and say why."""
        from desktop.ui.date_field import date_problems  # with the first form, not at start

        self.board.show_all = True
        values = self.values() if values is None else values
        problems = date_problems(self.inputs, []) or self.validate(values)
        if problems:
            self.board.show(problems)
            return None
        try:
            if self.consequence and not guard.confirm_step(
                    self, self.what(values), self.consequence,
                    check=lambda: self.submit_op(values)):
                return None
            result = self.submit_op(values)
        except ValidationFailed as exc:
            self.board.show(exc.errors)
            return None
        except Refusal as exc:
            self.show_refusal(exc.message)
            return None
        self.board.show([])
        self.result_value = True if result is None else result
        self.typed = False
        self.accept()
        return self.result_value

    def show_refusal(self, message: str) -> None:
        self.board.show([FieldError("", message)])


class ChooseCasesDialog(_Form):
    """Cases to post: all ticked by default (or only `preselect`, from a case view);
    start date, days and board."""

    def __init__(self, title: str, rows: list[dict], today: date, *, days: int,
                 initial: bool, amount_key: str, preselect=None, parent=None):
        super().__init__(title, parent)
        self.consequence = (
            tr("公示开始后,所选案件进入“公示中”:公示期满且异议处理完毕后才能上报乡镇。")
            if initial else tr("所选案件将标为“结果已公示”,之后由乡镇登记发放。"))
        self.cases = QListWidget()
        for r in rows:
            amount = tr("{fen} 元").format(fen=format_yuan(r[amount_key] or 0, grouped=True))
            item = QListWidgetItem(f"{r['id']}  {r['applicant_name']}  {r['group_name']}  "
                                   f"{category_label(r['category'])}  {amount}")
            item.setData(Qt.ItemDataRole.UserRole, r["id"])
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            ticked = preselect is None or r["id"] in preselect
            item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
            self.cases.addItem(item)
        self.layout_.insertWidget(0, QLabel(tr("勾选要公示的案件:") if rows
                                            else tr("没有可公示的案件。")))
        self.layout_.insertWidget(1, self.cases, 1)
        self.start = self.row(tr("公示开始日期") if initial else tr("公示日期"), "start",
                              w.date_edit(today, latest=date(today.year + 1, 12, 31)))
        self.days = self.row(tr("公示天数"), "days", w.spin(60, days, minimum=1))
        self.place = self.row(tr("张贴地点"), "board", w.line_edit(tr("村务公开栏")))
        self.finish(680, 480)

    def values(self) -> dict:
        ids = [self.cases.item(i).data(Qt.ItemDataRole.UserRole)
               for i in range(self.cases.count())
               if self.cases.item(i).checkState() == Qt.CheckState.Checked]
        return {"case_ids": ids, "start": self.start.date(),
                "days": self.days.value(), "board": self.place.text().strip() or None}

    def what(self, values: dict) -> str:
        return tr("{title}:{n} 件,从 {start} 起").format(
            title=self.windowTitle(), n=len(values["case_ids"]), start=values["start"])


class ObjectionDialog(_Form):
    """登记异议: which case of the batch, when, from whom (may be anonymous), what."""

    consequence = QT_TR_NOOP("登记后,该案件在异议处理完毕之前不能结束公示、不能上报。")

    def __init__(self, cases: list[dict], today: date, parent=None):
        super().__init__(tr("登记异议"), parent)
        self.case = QComboBox()
        for c in cases:
            self.case.addItem(f"{c['applicant_name']}({c['application_id']})",
                              c["application_id"])
        self.row(tr("案件", "one case, chosen"), "case_id", self.case)
        self.received = self.row(tr("收到日期"), "received_on", w.date_edit(today))
        self.sender = self.row(tr("异议人"), "from", w.line_edit(tr("不填为匿名"), 60))
        self.content = self.row(tr("异议内容"), "content", w.text_area(tr("反映的问题"), 90))
        self.finish()

    def values(self) -> dict:
        return {"case_id": self.case.currentData(), "received_on": self.received.date(),
                "from_whom": self.sender.text().strip(), "content": self.content.toPlainText()}

    def what(self, values: dict) -> str:
        return tr("登记异议:{currentText}").format(currentText=self.case.currentText())

    problems_checked = True

    def problems(self, values: dict) -> list[FieldError]:
        return required_text("content", values["content"], "异议内容", 2000)  # i18n: data


class ResolveDialog(_Form):
    """处理异议: how it was checked and the result; upheld sends the case back."""

    RESULTS = {"dismissed": QT_TR_NOOP("异议不成立(继续公示)"),
               "upheld": QT_TR_NOOP("异议成立(退回重新办理)")}
    BACK_TO = {"investigation": QT_TR_NOOP("重新入户调查"),
               "deliberation": QT_TR_NOOP("重新民主评议")}

    def __init__(self, objections: list[tuple[str, str, str]], today: date, parent=None):
        super().__init__(tr("处理异议"), parent)
        self.objection = QComboBox()
        for case_id, name, oid in objections:
            self.objection.addItem(f"{oid}  {name}", (case_id, oid))
        self.row(tr("异议"), "objection_id", self.objection)
        self.on = self.row(tr("处理日期"), "date", w.date_edit(today))
        self.how = self.row(tr("核查情况"), "how_checked",
                            w.text_area(tr("如何核实,核实结果"), 90))
        self.result = self.row(tr("处理结果"), "result", w.combo({k: tr(v) for k, v in self.RESULTS.items()}))
        self.back_to = self.row(tr("退回环节"), "back_to", w.combo({k: tr(v) for k, v in self.BACK_TO.items()}))
        self.result.currentIndexChanged.connect(self._result_changed)
        self._result_changed()
        self.finish()

    def _result_changed(self) -> None:
        """Only an upheld objection sends the case back somewhere."""
        self.back_to.setEnabled(self.result.currentData() == "upheld")

    @property
    def consequence(self) -> str:
        if self.result.currentData() == "upheld":
            return (tr("异议成立:案件退出本批公示,退回{currentText},办完后须重新公示。").format(
                        currentText=self.back_to.currentText()))
        return tr("异议不成立:案件继续公示,处理结果记入案件。")

    def values(self) -> dict:
        case_id, oid = self.objection.currentData()
        return {"case_id": case_id, "objection_id": oid, "on": self.on.date(),
                "how_checked": self.how.toPlainText(), "result": self.result.currentData(),
                "back_to": self.back_to.currentData()}

    def what(self, values: dict) -> str:
        return tr("处理异议:{currentText}").format(currentText=self.objection.currentText())

    problems_checked = True

    def problems(self, values: dict) -> list[FieldError]:
        return required_text("how_checked", values["how_checked"], "核查情况", 2000)  # i18n: data


def required_text(path: str, value: str, label: str, max_len: int) -> list[FieldError]:
    """The rule book's own check of a required text (core/steps.py: the same label and
    length), as the officer types it."""
    from desktop.core import fields

    errors: list[FieldError] = []
    fields.text(errors, path, value, required=True, max_len=max_len, label=label)
    return errors


class PhonesDialog(_Form):
    """The objection channel printed on every notice; a bad number is said beside it."""

    def __init__(self, policy, parent=None, editions=()):
        super().__init__(tr("异议反映电话"), parent)
        self.layout_.insertWidget(0, QLabel(tr("公示上须写明异议反映电话。")))
        self.village = self.row(tr("村委会电话"), "village",
                                w.line_edit(tr("如 0739-3612345"), 20))
        self.village.setText(policy.village_committee_phone)
        self.township = self.row(tr("乡镇民政办电话"), "township",
                                 w.line_edit(tr("如 0739-3698765"), 20))
        self.township.setText(policy.township_office_phone)
        from desktop.ui.policy_dialogs import lock_from_above

        above = lock_from_above(self.township, "township_office_phone", editions)
        if above:
            self.form.addRow("", QLabel(above))
        self.typed = False
        self.finish()

    def values(self) -> dict:
        return {"village": self.village.text(), "township": self.township.text()}

    def show_refusal(self, message: str) -> None:
        path = "village" if "村委会" in message else "township" if "乡镇" in message else ""  # i18n: data
        self.board.show([FieldError(path, message)])
