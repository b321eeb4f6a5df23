"""The application form (新建申请). On every change it builds the document and asks the
core (`check_application`) what is wrong; each message appears beside its field and Save
stays disabled until there is nothing left. Saving is `Casework.receive`."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.core.application import check_application
from desktop.core.categories import CATEGORIES, PROGRAM_CATEGORIES, PROGRAMS, REASONS
from desktop.core.errors import Refusal, ValidationFailed
from desktop.core.idnumber import InvalidIdNumber, parse_id_number
from desktop.operations.casework import Casework
from desktop.ui import guard, window_fit
from desktop.ui import widgets as w
from desktop.ui.date_field import date_problems
from desktop.ui.form_sections import (
    applicant_section,
    documents_section,
    household_section,
    members_section,
    request_section,
)
from desktop.ui.i18n import QT_TR_NOOP, tr

MEMBER_LABELS = {"name": QT_TR_NOOP("姓名"), "id_number": QT_TR_NOOP("身份证号"),
                 "relation": QT_TR_NOOP("与户主关系"), "health": QT_TR_NOOP("健康状况"),
                 "work_ability": QT_TR_NOOP("劳动能力")}


class ApplicationForm(guard.DiscardGuard, QDialog):
    """Emits `saved(case_id)` after the application is recorded."""

    saved = Signal(str)

    def __init__(self, store, today: date, parent=None):
        super().__init__(parent)
        self.store = store
        self.today = today
        self.casework = Casework(store, today)
        self.case_id = ""
        self.setWindowTitle(tr("新建申请 — 临时救助/低保"))
        window_fit.fit(self, 1200, 780)
        self.summary = w.ErrorLabel()
        self.board = w.ErrorBoard(self.summary)
        self.inputs: dict[str, QWidget] = {}
        self.member_rows_touched: set[int] = set()
        self._build()
        self._connect()
        self.validate()
        w.only_default(self, self.save_button)  # Enter saves; it never adds a member
        w.enter_shows_problems(self, self.save_button, self.reveal_all)
        self.inputs["applicant.name"].setFocus()  # typing starts with the name

    # -- layout --------------------------------------------------------------------------
    def _build(self) -> None:
        page = QWidget()
        columns = QHBoxLayout(page)
        left, right = QVBoxLayout(), QVBoxLayout()
        left.addWidget(applicant_section(self))
        left.addWidget(household_section(self))
        left.addStretch(1)
        right.addWidget(request_section(self))
        right.addWidget(documents_section(self))
        right.addWidget(members_section(self), 1)
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        self.scroll = scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(page)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.summary)
        bottom = QHBoxLayout()
        self.show_all = QPushButton(tr("显示所有问题(&V)"))
        self.show_all.clicked.connect(self.reveal_all)
        bottom.addWidget(self.show_all)
        bottom.addStretch(1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.addButton(tr("保存(&S)"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        bottom.addWidget(self.buttons)
        layout.addLayout(bottom)

    def field(self, path: str, widget: QWidget, extra: QWidget | None = None) -> w.FieldBox:
        """Register an input under its document path and wrap it with its error label."""
        self.inputs[path] = widget
        return self.board.add(path, w.FieldBox(widget, extra))

    def _connect(self) -> None:
        for path, widget in self.inputs.items():
            signal = w.change_signal(widget)
            signal.connect(lambda *_a, p=path: self._changed(p))
        self.inputs["program"].currentIndexChanged.connect(self._program_changed)
        self.inputs["category"].currentIndexChanged.connect(self._category_changed)
        self.inputs["applicant.health"].currentIndexChanged.connect(self._health_changed)
        self.members.edited.connect(self._member_edited)
        self.members.rowsRemoved.connect(self._members_removed)
        self.members.rowsInserted.connect(lambda *_a: self.validate())
        self._program_changed()
        self._health_changed()

    def _changed(self, path: str) -> None:
        self.board.touch(path)
        self.validate()

    def _member_edited(self, row: int, key: str) -> None:
        self.member_rows_touched.add(row)
        self.validate()

    def _members_removed(self, _parent, first: int, last: int) -> None:
        gone = last - first + 1
        self.member_rows_touched = {r if r < first else r - gone
                                    for r in self.member_rows_touched
                                    if not first <= r <= last}
        self.validate()

    def _program_changed(self) -> None:
        program = self.inputs["program"].currentData()
        cats = {c: CATEGORIES[c] for c in PROGRAM_CATEGORIES.get(program, ())}
        w.fill_combo(self.inputs["category"], cats, self.inputs["category"].currentData())
        self._category_changed()

    def _category_changed(self) -> None:
        reasons = REASONS.get(self.inputs["category"].currentData(), {})
        w.fill_combo(self.inputs["reason"], reasons, self.inputs["reason"].currentData())
        self.validate()

    def _health_changed(self) -> None:
        health = self.inputs["applicant.health"].currentText()
        self.inputs["applicant.illness"].setEnabled(health == "患病")
        self.inputs["applicant.disability"].setEnabled(health == "残疾")

    def has_typed(self) -> bool:
        return bool(self.board.touched or self.member_rows_touched or self.members.rowCount())

    def reveal_all(self) -> None:
        """显示所有问题: every message beside its field, and the first field that has
        one scrolled into view with the cursor in it."""
        self.board.show_all = True
        self.validate()
        self.go_to_first_problem()

    def go_to_first_problem(self) -> None:
        if w.focus_first_problem(self.board, self.scroll):
            return
        rows = sorted(self.members.errors_at())
        if rows:
            row, column = rows[0]
            self.scroll.ensureWidgetVisible(self.members_view)
            self.members_view.setFocus()
            self.members_view.setCurrentIndex(self.members.index(row, column))

    # -- the document --------------------------------------------------------------------
    def document(self, local: list | None = None) -> dict:
        """The application as `normalise_application` reads it."""
        local = [] if local is None else local
        v = {path: w.value_of(widget) for path, widget in self.inputs.items()}
        applicant = {key.split(".", 1)[1]: v[key] for key in v if key.startswith("applicant.")}
        for key in ("illness", "disability"):
            if not self.inputs[f"applicant.{key}"].isEnabled():
                applicant[key] = ""
        household = {key.split(".", 1)[1]: v[key] for key in v if key.startswith("household.")}
        for key in ("annual_income_fen", "annual_expenditure_fen", "previous_relief_fen"):
            household[key] = w.read_fen(household[key], f"household.{key}", local)
        return {
            "received_on": v["received_on"], "draft": v["draft"], "program": v["program"],
            "category": v["category"], "reason": v["reason"],
            "reason_detail": v["reason_detail"],
            "requested_fen": w.read_fen(v["requested_fen"], "requested_fen", local),
            "documents_seen": self.seen.checked(), "documents_missing": self.missing.checked(),
            "officer_relative": v["officer_relative"], "relative_note": v["relative_note"],
            "applicant": applicant, "members": self.members.members(), "household": household,
        }

    def validate(self) -> list:
        """Check the document now; show every error; Save only when there is none."""
        if not hasattr(self, "members"):
            return []
        local: list = date_problems(self.inputs, [])
        doc = self.document(local)
        errors = w.merge_errors(local, check_application(doc, today=self.today,
                                                         policy=self.store.policy))
        unplaced = self.board.show(errors, extra_unplaced=False)
        self._show_member_errors([e for e in unplaced if e.path.startswith("members")])
        other = [e for e in unplaced if not e.path.startswith("members")]
        if other:
            extra = "\n".join(e.message for e in other)
            self.summary.show_message("\n".join(filter(None, [extra, self.summary.text()])))
        self._show_identity()
        self.save_button.setEnabled(not errors)
        self.errors = errors
        return errors

    def _show_member_errors(self, errors: list) -> None:
        cells, lines = {}, []
        for e in errors:
            head, _, key = e.path.partition(".")
            row = int(head[len("members["):-1]) if head.startswith("members[") else -1
            if row >= 0 and not (self.board.show_all or row in self.member_rows_touched):
                continue
            if row >= 0:
                cells[(row, key)] = e.message
                lines.append(tr("第 {v} 位成员 {get}:{message}").format(
                                 v=row + 1, get=tr(MEMBER_LABELS.get(key, '')), message=e.message))
            else:
                lines.append(e.message)
        self.members.set_errors(cells)
        self.member_errors.show_message("\n".join(lines))
        if errors:  # counted even while the rows are untouched: Save is off for them too
            note = tr("家庭成员有 {n} 处需要修改(见成员表下方)。").format(n=len(errors))
            self.summary.show_message("\n".join(filter(None, [self.summary.text(), note])))

    def _show_identity(self) -> None:
        try:
            info = parse_id_number(self.inputs["applicant.id_number"].text(), self.today)
        except InvalidIdNumber:
            self.identity_info.setText(tr("出生日期、性别:按身份证号自动填写"))
            return
        self.identity_info.setText(tr("出生日期 {birth_date} · {sex}").format(
                                       birth_date=info.birth_date.isoformat(), sex=info.sex))

    # -- saving --------------------------------------------------------------------------
    def save(self) -> None:
        if self.validate():
            self.reveal_all()
            return
        try:
            self.case_id = self.casework.receive(self.document())
        except ValidationFailed as exc:
            self.board.show_all = True
            self.board.show(exc.errors)
            return
        except Refusal as exc:
            self.summary.show_message(exc.message)
            return
        guard.tell(self.parentWidget(), tr("已保存申请 {case_id}({text})。").format(
                                            case_id=self.case_id, text=self.inputs['applicant.name'].text().strip()))
        self.saved.emit(self.case_id)
        self.accept()


__all__ = ["ApplicationForm", "PROGRAMS"]
