"""The small forms of the notice list: choose cases for a batch, record an objection,
resolve one, set the objection phones. Each is a QDialog whose `ask()` shows it and
returns what was entered (None if cancelled); tests replace `ask` on the class, because a
modal `exec()` would block them. The operation itself (desktop.notices) checks the input
and refuses with a message; these forms only collect it."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
)

from desktop.core.categories import category_label
from desktop.core.money import format_yuan
from desktop.ui import widgets as w


class _Form(QDialog):
    def __init__(self, title: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.layout_ = QVBoxLayout(self)
        self.form = QFormLayout()
        self.layout_.addLayout(self.form)

    def finish(self) -> None:
        buttons, _ = w.ok_cancel(self, self.accept)
        self.layout_.addWidget(buttons)

    def ask(self) -> dict | None:
        return self.values() if self.exec() == QDialog.DialogCode.Accepted else None

    def values(self) -> dict:
        raise NotImplementedError


def _qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def _pydate(q: QDate) -> date:
    return date(q.year(), q.month(), q.day())


class ChooseCasesDialog(_Form):
    """Cases to post: all ticked by default; start date, days and board for a 初审公示."""

    def __init__(self, title: str, rows: list[dict], today: date, *, days: int,
                 initial: bool, amount_key: str, parent=None):
        super().__init__(title, parent)
        self.cases = QListWidget()
        for r in rows:
            item = QListWidgetItem(f"{r['id']}  {r['applicant_name']}  {r['group_name']}  "
                                   f"{category_label(r['category'])}  "
                                   f"{format_yuan(r[amount_key] or 0, grouped=True)} 元")
            item.setData(Qt.ItemDataRole.UserRole, r["id"])
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.cases.addItem(item)
        self.layout_.insertWidget(0, QLabel("勾选要公示的案件:" if rows else "没有可公示的案件。"))
        self.layout_.insertWidget(1, self.cases)
        self.start = w.date_edit(today)
        self.start.setMaximumDate(_qdate(date(today.year + 1, 12, 31)))
        self.days = w.spin(60, days)
        self.board = w.line_edit("村务公开栏")
        self.form.addRow("公示开始日期" if initial else "公示日期", self.start)
        self.form.addRow("公示天数", self.days)
        self.form.addRow("张贴地点", self.board)
        self.finish()
        self.resize(620, 460)

    def values(self) -> dict:
        ids = [self.cases.item(i).data(Qt.ItemDataRole.UserRole)
               for i in range(self.cases.count())
               if self.cases.item(i).checkState() == Qt.CheckState.Checked]
        return {"case_ids": ids, "start": _pydate(self.start.date()),
                "days": self.days.value(), "board": self.board.text().strip() or None}


class ObjectionDialog(_Form):
    """登记异议: which case of the batch, when, from whom (may be anonymous), what."""

    def __init__(self, cases: list[dict], today: date, parent=None):
        super().__init__("登记异议", parent)
        self.case = QComboBox()
        for c in cases:
            self.case.addItem(f"{c['applicant_name']}({c['application_id']})",
                              c["application_id"])
        self.received = w.date_edit(today)
        self.sender = w.line_edit("不填为匿名", 60)
        self.content = w.text_area("反映的问题", 90)
        for label, widget in (("案件", self.case), ("收到日期", self.received),
                              ("异议人", self.sender), ("异议内容", self.content)):
            self.form.addRow(label, widget)
        self.finish()

    def values(self) -> dict:
        return {"case_id": self.case.currentData(), "received_on": _pydate(self.received.date()),
                "from_whom": self.sender.text().strip(), "content": self.content.toPlainText()}


class ResolveDialog(_Form):
    """处理异议: how it was checked and the result; upheld sends the case back."""

    RESULTS = {"dismissed": "异议不成立(继续公示)", "upheld": "异议成立(退回重新办理)"}
    BACK_TO = {"investigation": "重新入户调查", "deliberation": "重新民主评议"}

    def __init__(self, objections: list[tuple[str, str, str]], today: date, parent=None):
        super().__init__("处理异议", parent)
        self.objection = QComboBox()
        for case_id, name, oid in objections:
            self.objection.addItem(f"{oid}  {name}", (case_id, oid))
        self.on = w.date_edit(today)
        self.result = w.combo(self.RESULTS)
        self.back_to = w.combo(self.BACK_TO)
        self.how = w.text_area("如何核实,核实结果", 90)
        for label, widget in (("异议", self.objection), ("处理日期", self.on),
                              ("核查情况", self.how), ("处理结果", self.result),
                              ("退回环节", self.back_to)):
            self.form.addRow(label, widget)
        self.finish()

    def values(self) -> dict:
        case_id, oid = self.objection.currentData()
        return {"case_id": case_id, "objection_id": oid, "on": _pydate(self.on.date()),
                "how_checked": self.how.toPlainText(), "result": self.result.currentData(),
                "back_to": self.back_to.currentData()}


class PhonesDialog(_Form):
    """The objection channel printed on every notice."""

    def __init__(self, policy, parent=None):
        super().__init__("异议反映电话", parent)
        self.layout_.insertWidget(0, QLabel("公示上须写明异议反映电话。"))
        self.village = w.line_edit("如 0739-3612345", 20)
        self.village.setText(policy.village_committee_phone)
        self.township = w.line_edit("如 0739-3698765", 20)
        self.township.setText(policy.township_office_phone)
        self.form.addRow("村委会电话", self.village)
        self.form.addRow("乡镇民政办电话", self.township)
        self.finish()

    def values(self) -> dict:
        return {"village": self.village.text(), "township": self.township.text()}
