"""设置 → 本机政策 (issue 14 item 4): the editions of policy in force here and coming,
every setting with its value and where it comes from — a setting set from above is
read-only here, its issuer named — and, at a workstation that issues, a dialog for the
next edition of what its level sets: a township's holiday and 调休 calendar and office
phone; the county's calendar, caps, standards, deadlines and notice lengths."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from desktop.core.editions import ISSUERS, MAX_AHEAD_DAYS
from desktop.core.errors import Refusal
from desktop.core.setting_values import form_keys, shown_setting
from desktop.ui import guard, window_fit
from desktop.ui.core_words import setting_label
from desktop.ui.i18n import QT_TR_NOOP, tr
from desktop.ui.policy_table import SettingsTable
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
            shown = shown_setting(key, s["value"])  # money in 元, choices in words
            for j, text in enumerate((setting_label(key), shown or tr("(无)"),
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


def _days(label: str, text: str) -> list[str]:
    """Days typed one a line (or separated by commas or spaces), sorted, each a real
    date: a Refusal names the field and the day that is none (2027-02-30, abc)."""
    from desktop.core.workcalendar import parse_holidays

    try:
        return [d.isoformat() for d in parse_holidays(text)]
    except Refusal as exc:
        raise Refusal(tr("{field}:{problem}。").format(field=label, problem=exc.message)) from None


# The intro per issuing level: where the edition goes, and what it changes there.
INTROS = {
    "township": QT_TR_NOOP("新版政策随下一个数据包送达本乡镇各村;自施行日期起,各村和本机按它计算"
                           "工作日期限。日期每行一个,写作“年-月-日”,例如 2027-01-01。"),
    "county": QT_TR_NOOP("新版政策随下一个数据包送达各乡镇,由乡镇转送各村;自施行日期起,各乡镇、"
                         "各村和本机按它计算期限、审批上限和标准。只发布与本机设置不同的项和上一版"
                         "已设定的项。日期每行一个,写作“年-月-日”,例如 2027-01-01;金额以元为单位。"),
}


class IssueDialog(guard.DiscardGuard, QDialog):
    """The next edition of what this workstation's level sets: at a township its holiday
    and 调休 calendar and its office phone; at the county the county's calendar and its
    caps, standards, deadlines and notice lengths; and the date it takes effect."""

    def __init__(self, store, today, parent=None):
        super().__init__(parent)
        from desktop.operations.editions import next_edition_form

        self.store, self.today = store, today
        self.role = store.workstation["role"]
        self.values, self.local, self.before = next_edition_form(store)
        keys = ISSUERS[self.role].keys
        self.setWindowTitle(tr("发布新版政策") if self.role == "county"
                            else tr("发布新版政策(节假日与调休)"))
        layout = QVBoxLayout(self)
        self.intro = QLabel(tr(INTROS[self.role]))
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        form = QFormLayout()
        self.holidays = text_area(tr("例如 2027-01-01"), 90)
        self.holidays.setPlainText("\n".join(self.values["holidays"]))
        self.workdays = text_area(tr("例如 2027-02-07"), 60)
        self.workdays.setPlainText("\n".join(self.values["extra_workdays"]))
        rows = [(tr("法定节假日:"), self.holidays), (tr("调休上班日:"), self.workdays)]
        self.phone = None
        if "township_office_phone" in keys:  # the township's own; never the county's
            self.phone = line_edit(tr("如 0739-3698765"), 20)
            self.phone.setText(self.values["township_office_phone"])
            rows.append((tr("乡镇民政办电话:"), self.phone))
        self.table = None
        if form_keys(keys):
            self.table = SettingsTable(self.values, keys)
            self.table.setMinimumHeight(180)
            rows.append((tr("审批上限、标准和期限:"), self.table))
        self.effective = date_edit(today, today, today + timedelta(days=MAX_AHEAD_DAYS))
        self.note = text_area(tr("如 依据国务院办公厅2027年部分节假日安排的通知"), 50)
        rows += [(tr("施行日期:"), self.effective), (tr("说明:"), self.note)]
        for label, widget in rows:
            form.addRow(label, widget)
        layout.addLayout(form)
        self.error = ErrorLabel()
        layout.addWidget(self.error)
        self.buttons, self.ok_button = ok_cancel(self, self.do_it)
        layout.addWidget(self.buttons)
        watched = [self.holidays, self.workdays, self.effective, self.note]
        self.watch(watched + ([self.phone] if self.phone else []))
        if self.table:
            self.table.itemChanged.connect(self._edited)
        window_fit.fit(self, 620 if self.table else 560, self.sizeHint().height())

    def settings(self) -> dict:
        """The edition's settings as typed (Refusal: the first that is wrong, named)."""
        from desktop.operations.editions import edition_settings

        typed = {"holidays": _days(tr("法定节假日"), self.holidays.toPlainText()),
                 "extra_workdays": _days(tr("调休上班日"), self.workdays.toPlainText())}
        both = sorted(set(typed["holidays"]) & set(typed["extra_workdays"]))
        if both:
            raise Refusal(tr("日期 {days} 同时列为法定节假日和调休上班日,只能是其中一种。").format(
                days=tr("、").join(both)))
        if self.phone is not None:
            typed["township_office_phone"] = self.phone.text().strip()
        if self.table is not None:
            typed.update(self.table.typed())
        return edition_settings(typed, self.local, self.before)

    def do_it(self) -> None:
        problem = self.effective.problem()
        if problem:
            self.error.show_message(problem)
            return
        from desktop.operations.editions import issue_edition

        try:
            settings = self.settings()
            if not settings:
                raise Refusal(tr("新版政策与本机现行的设置没有不同,未发布。请先修改要发布的项。"))
            below = tr("各乡镇(再由乡镇转送各村)") if self.role == "county" else tr("各村")

            def issue():
                return issue_edition(self.store, settings, self.effective.date(), self.today,
                                     note=self.note.toPlainText().strip())
            # checked first (a dry run), then asked: an edition sent cannot be taken back
            if not guard.confirm_step(self, tr("发布新版政策,自 {day} 起施行").format(
                                          day=self.effective.date().isoformat()),
                                      tr("新版政策随下一个数据包送达{below},各方按它计算;发出后"
                                         "不能收回,只能再发布新版更正。").format(below=below),
                                      check=issue):
                return
            rid = issue()
        except Refusal as exc:
            self.error.show_message(guard.gui_text(exc.message))
            return
        guard.tell(self.parentWidget(),
                   tr("已发布新版政策 {rid},下次导出数据包时送达{below}。").format(rid=rid, below=below))
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
