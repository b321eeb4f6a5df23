"""The township's decisions of 动态管理 in its 低保 tab (issue 15): a village's review
(复核) decided at the amount the county's method gives for what the review found, and
the stop (停保) of a household with its reason and its 停保通知书. What `decide APP_ID
--approve` (of a household under review) and `dibao stop` do, through `dibao.reviews`."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QVBoxLayout

from desktop.core import dibao
from desktop.core.dibao_review import STOP_REASONS
from desktop.core.errors import FieldError, Refusal
from desktop.core.money import format_yuan
from desktop.ui import guard, window_fit
from desktop.ui import widgets as w
from desktop.ui.i18n import QT_TR_NOOP, tr

PROPOSALS = {"continue": QT_TR_NOOP("继续保障"), "adjust": QT_TR_NOOP("调整保障金"),
             "reclass": QT_TR_NOOP("变更分类"), "stop": QT_TR_NOOP("停保")}  # OUTCOMES
REASONS = {"income": QT_TR_NOOP("家庭收入超过低保标准"), "death": QT_TR_NOOP("保障对象死亡"),
           "moved": QT_TR_NOOP("迁出本地"), "refused": QT_TR_NOOP("无正当理由拒不配合复核"),
           "other": QT_TR_NOOP("其他原因")}  # core.dibao_review.STOP_REASONS, translated


class ReviewDecisionDialog(guard.DiscardGuard, QDialog):
    """What the village found, the decision's date, the class and the monthly amount,
    checked by the rule book's `dibao_decide` as they are typed (through
    `Reviews.problems`, the check recording it makes): each problem beside its field,
    the amount the county's method gives shown beside the amount, OK only when valid."""

    def __init__(self, reviews, row: dict, found: dict, parent=None):
        super().__init__(parent)
        self.reviews, self.case_id, self.found = reviews, row["case_id"], found
        self.setWindowTitle(tr("复核决定 — {case_id}").format(case_id=row["case_id"]))
        layout = QVBoxLayout(self)
        facts = QLabel(tr("{name}:复核调查 {date},现家庭人口 {persons} 人,年收入 {income} 元;"
                          "村里建议:{proposed}。{changes}").format(
            name=row["name"], date=found["date"], persons=found["household_size"],
            income=format_yuan(found["household_income_fen"], grouped=True),
            proposed=tr(PROPOSALS[found["proposed"]]), changes=found.get("changes", "")))
        facts.setWordWrap(True)
        layout.addWidget(facts)
        self.summary = w.ErrorLabel()
        self.board = w.ErrorBoard(self.summary)
        self.board.show_all = True  # a problem shows the moment it is typed
        form = QFormLayout()
        self.on = w.date_edit(reviews.today)
        self.dibao_class = w.combo(list(dibao.CLASSES), found.get("proposed_class")
                                   or row["class"])
        self.amount = w.yuan_edit()
        self.how = QLabel()
        self.how.setWordWrap(True)
        self.from_month = QLabel()
        for label, path, widget in ((tr("决定日期:"), "date", self.on),
                                    (tr("低保分类:"), "dibao_class", self.dibao_class),
                                    (tr("月保障金(元):"), "amount_fen", self.amount)):
            form.addRow(label, self.board.add(path, w.FieldBox(widget)))
        form.addRow("", self.how)
        form.addRow(tr("生效月份:"), self.from_month)
        layout.addLayout(form)
        layout.addWidget(self.summary)
        buttons, self.ok_button = w.ok_cancel(self, self.accept)
        layout.addWidget(buttons)
        self.dibao_class.currentTextChanged.connect(self._reckon)
        self.amount.textChanged.connect(self.validate)
        w.change_signal(self.on).connect(self.validate)
        self._reckon(self.dibao_class.currentText())
        # what the officer changes from here on is typed work (the amount filled in above
        # is the method's): Esc or 取消 asks before throwing it away
        self.watch([self.on, self.dibao_class, self.amount])
        # room for a two-line problem under a field: the dialog does not grow as it shows
        window_fit.fit(self, 720, self.sizeHint().height() + 60)

    def _reckon(self, dibao_class: str) -> None:
        """The amount the method gives for this class, filled in and shown beside."""
        fen, how = dibao.monthly_amount(self.reviews.store.policy, dibao_class,
                                        self.found["household_size"],
                                        self.found["household_income_fen"])
        self.how.setText(tr("按县里的计算方法应为每月 {amount} 元({how})。").format(
            amount=format_yuan(fen, grouped=True), how=how) if fen
            else how + tr(",已不符合低保条件:请作停保决定。"))
        self.amount.setText(format_yuan(fen) if fen else "")
        self.validate()

    def validate(self) -> list:
        """The rule book's problems with the decision as typed, shown beside each field."""
        from desktop.ui.date_field import date_problems

        local = date_problems({"date": self.on}, [])
        fen = w.read_fen(self.amount.text(), "amount_fen", local)
        day = self.on.date() if not local else None
        try:
            fields = self.reviews.decision_fields(self.case_id, fen,
                                                  self.dibao_class.currentText(), day)
            errors = w.merge_errors(local, self.reviews.problems(self.case_id, fields))
            self.from_month.setText(fields["from_month"] if day else "")
        except Refusal as exc:
            errors = [FieldError("", exc.message)]
        self.board.show(errors)
        self.ok_button.setEnabled(not errors)
        return errors

    def accept(self) -> None:
        if not self.validate():
            super().accept()

    def value(self) -> tuple[int, str, date] | None:
        local: list = []
        fen = w.read_fen(self.amount.text(), "amount_fen", local)
        if local or self.validate():
            return None
        return fen, self.dibao_class.currentText(), self.on.date()


class StopDialog(guard.DiscardGuard, QDialog):
    """The stop's reason: Esc or 取消 asks before throwing a typed reason away."""

    def __init__(self, row: dict, parent=None):
        super().__init__(parent)
        self.setWindowTitle(tr("停保 — {case_id} {name}").format(case_id=row["case_id"],
                                                                 name=row["name"]))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.kind = w.combo({k: tr(REASONS[k]) for k in STOP_REASONS}, "other")
        self.reason = w.text_area(tr("将写入停保通知书告知该户"), 80)
        form.addRow(tr("停保原因:"), self.kind)
        form.addRow(tr("停保理由:"), self.reason)
        layout.addLayout(form)
        note = QLabel(tr("收入超过标准的,按县里的政策给予渐退期;停保后打印停保通知书送达该户。"))
        note.setWordWrap(True)
        layout.addWidget(note)
        buttons, self.ok_button = w.ok_cancel(self, self.accept)
        layout.addWidget(buttons)
        self.watch([self.kind, self.reason])

    def value(self) -> tuple[str, str]:
        return self.kind.currentData(), self.reason.toPlainText()


def decide_review(tab, row: dict) -> str:
    """Decide the review of `row`'s household; the line to show ("" if nothing done)."""
    from desktop.dibao.reviews import Reviews, decided_text
    from desktop.storage.dibao_projections import household_facts

    household = household_facts(tab.store.db, row["case_id"])
    if not household or not household["review"]:
        raise Refusal(tr("该户没有待决定的复核(村里的复核随其数据包送到)。"))
    answer = tab.ask_decision(row, household["review"])
    if answer is None:
        return ""
    fen, dibao_class, on = answer
    return decided_text(Reviews(tab.store, tab.today).decide(row["case_id"], fen, dibao_class,
                                                             on))


def stop(tab, row: dict) -> str:
    """Stop `row`'s household, then offer its letter; the line to show."""
    from desktop.dibao.reviews import Reviews, decided_text
    from desktop.printing.dibao_stop_letter import stop_letter_pdf
    from desktop.printing.output import save_document

    answer = tab.ask_stop(row)
    if answer is None:
        return ""
    kind, reason = answer
    done = decided_text(Reviews(tab.store, tab.today).stop(row["case_id"], reason, kind))
    path = tab.ask_save(tr("保存停保通知书"), tr("停保通知书-{case_id}").format(
        case_id=row["case_id"]) + ".pdf", "PDF (*.pdf)")
    if path:
        from pathlib import Path

        save_document(Path(path), stop_letter_pdf(tab.store, row["case_id"], tab.today))
    return done
