"""设置 → 本机政策 (issue 14 item 4): the editions of policy in force here and coming,
every setting with its value and where it comes from — a setting set from above is
read-only here, its issuer named — and, at a workstation that issues (the township
today), a small dialog to issue the next edition of its holiday and 调休 calendar."""

from __future__ import annotations

import re
from datetime import timedelta

from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from desktop.core.editions import ISSUERS, MAX_AHEAD_DAYS, SETTING_LABELS
from desktop.core.errors import Refusal
from desktop.ui import guard, window_fit
from desktop.ui.i18n import tr
from desktop.ui.widgets import ErrorLabel, close_row, date_edit, line_edit, ok_cancel, text_area


def source_text(source: str, report: dict) -> str:
    for e in report["in_force"]:
        if e["record_id"] == source:
            return tr("{issuer}第 {version} 版(只读)").format(issuer=e["issuer"],
                                                              version=e["version"])
    return tr("本机设置")


class PolicyDialog(QDialog):
    def __init__(self, store, today, parent=None):
        super().__init__(parent)
        self.store, self.today = store, today
        self.setWindowTitle(tr("本机政策"))
        layout = QVBoxLayout(self)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([tr("设置项"), tr("值"), tr("来源")])
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        layout.addWidget(self.table)
        issuer = store.workstation["role"] in ISSUERS
        self.buttons = close_row(self, tr("发布新版政策…") if issuer else "",
                                 self.issue if issuer else None)
        layout.addWidget(self.buttons)
        self.fill()
        window_fit.fit(self, 760, 600)

    def fill(self) -> None:
        # the editions' operations (and the rule book) load with the dialog, not at start
        from desktop.operations.editions import policy_report

        report = self.report = policy_report(self.store, self.today)
        lines = [tr("{issuer} 第 {version} 版,自 {effective} 起施行").format(
                     issuer=e["issuer"], version=e["version"], effective=e["effective"])
                 for e in report["in_force"]] or [tr("没有上级发布的政策版本,全部为本机设置。")]
        lines += [tr("即将施行:{issuer} 第 {version} 版,自 {effective} 起").format(
                      issuer=e["issuer"], version=e["version"], effective=e["effective"])
                  for e in report["upcoming"]]
        self.summary.setText("\n".join(lines))
        rows = report["settings"]
        self.table.setRowCount(len(rows))
        for i, (key, s) in enumerate(rows.items()):
            value = s["value"]
            shown = tr("、").join(value) if isinstance(value, list) else str(value)
            for j, text in enumerate((SETTING_LABELS.get(key, key), shown or tr("(无)"),
                                      source_text(s["source"], report))):
                item = QTableWidgetItem(text)
                if s["source"] != "local":  # set from above: shown as not editable here
                    item.setBackground(self.palette().window())
                self.table.setItem(i, j, item)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setStretchLastSection(True)

    def issue(self) -> None:
        if IssueDialog(self.store, self.today, self).exec():
            self.fill()


def _dates(text: str) -> list[str]:
    """Dates typed one a line (or separated by commas or spaces), as typed: the rule
    book's check says which is no date."""
    return [d for d in re.split(r"[\s,,、;;]+", text) if d]  # i18n: data


class IssueDialog(guard.DiscardGuard, QDialog):
    """The next edition of the township's calendar: holidays and 调休 working days, the
    office phone printed on notices, and the date it takes effect."""

    def __init__(self, store, today, parent=None):
        super().__init__(parent)
        self.store, self.today = store, today
        policy = store.policy
        self.setWindowTitle(tr("发布新版政策(节假日与调休)"))
        layout = QVBoxLayout(self)
        intro = QLabel(tr("新版政策随下一个数据包送达本乡镇各村;自施行日期起,各村和本机按它计算"
                          "工作日期限。日期每行一个,格式 YYYY-MM-DD。"))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.holidays = text_area(tr("例如 2027-01-01"), 120)
        self.holidays.setPlainText("\n".join(d.isoformat() for d in policy.holidays))
        self.workdays = text_area(tr("例如 2027-02-07"), 80)
        self.workdays.setPlainText("\n".join(d.isoformat() for d in policy.extra_workdays))
        self.phone = line_edit(tr("如 0739-3698765"), 20)
        self.phone.setText(policy.township_office_phone)
        self.effective = date_edit(today, today, today + timedelta(days=MAX_AHEAD_DAYS))
        self.note = text_area(tr("如 依据国务院办公厅2027年部分节假日安排的通知"), 50)
        for label, widget in ((tr("法定节假日:"), self.holidays), (tr("调休上班日:"), self.workdays),
                              (tr("乡镇民政办电话:"), self.phone), (tr("施行日期:"), self.effective),
                              (tr("说明:"), self.note)):
            form.addRow(label, widget)
        layout.addLayout(form)
        self.error = ErrorLabel()
        layout.addWidget(self.error)
        self.buttons, self.ok_button = ok_cancel(self, self.do_it)
        layout.addWidget(self.buttons)
        self.watch([self.holidays, self.workdays, self.phone, self.effective, self.note])
        window_fit.fit(self, 560, self.sizeHint().height())

    def settings(self) -> dict:
        out = {"holidays": _dates(self.holidays.toPlainText()),
               "extra_workdays": _dates(self.workdays.toPlainText())}
        if self.phone.text().strip():
            out["township_office_phone"] = self.phone.text().strip()
        return out

    def do_it(self) -> None:
        problem = self.effective.problem()
        if problem:
            self.error.show_message(problem)
            return
        from desktop.operations.editions import issue_edition

        try:
            rid = issue_edition(self.store, self.settings(), self.effective.date(), self.today,
                                note=self.note.toPlainText().strip())
        except Refusal as exc:
            self.error.show_message(exc.message)
            return
        guard.tell(self.parentWidget(),
                   tr("已发布新版政策 {rid},下次导出数据包时送达各村。").format(rid=rid))
        self.accept()


def lock_from_above(field, key: str, editions) -> str:
    """A setting an edition in force sets is shown read-only; returns the line that
    names its issuer ("" when the setting is local)."""
    for e in editions:
        if key in e.settings:
            said = tr("由{title}设定,本机不能修改。").format(title=e.title)
            field.setReadOnly(True)
            field.setToolTip(said)
            field.setAccessibleDescription(said)
            return said
    return ""
