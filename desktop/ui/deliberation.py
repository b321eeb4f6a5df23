"""民主评议: one villagers' representatives meeting decides several investigated cases.
The meeting's fields are typed once; each case gets its own votes and conclusion. The
whole meeting is recorded by `Casework.deliberate_meeting`, all cases or none."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFormLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
)

from desktop.core.errors import FieldError, Refusal, ValidationFailed
from desktop.core.rulebook import check_step
from desktop.storage import queries
from desktop.storage.queries import LedgerFilter
from desktop.ui import guard, window_fit
from desktop.ui import widgets as w
from desktop.ui.core_words import category_label, reason_label
from desktop.ui.date_field import date_problems
from desktop.ui.i18n import QT_TR_NOOP, tr
from desktop.ui.table_base import ChoiceDelegate, RowsModel

ROOT = QModelIndex()
COLUMNS = (("include", QT_TR_NOOP("参加评议")), ("id", QT_TR_NOOP("编号")),
           ("name", QT_TR_NOOP("申请人")), ("what", QT_TR_NOOP("类型·事由")),
           ("votes_for", QT_TR_NOOP("赞成")), ("votes_against", QT_TR_NOOP("反对")),
           ("votes_abstain", QT_TR_NOOP("弃权")), ("conclusion", QT_TR_NOOP("结论")))
KEYS = [c[0] for c in COLUMNS]
VOTE_KEYS = ("votes_for", "votes_against", "votes_abstain", "conclusion")
MEETING_KEYS = ("date", "meeting_id", "present", "representatives", "minutes")
CONCLUSIONS = ("同意", "不同意")  # i18n: data (the recorded conclusion)
ERROR_BRUSH = QBrush(QColor("#ffd6d6"))


class VotesModel(RowsModel):
    """The cases awaiting deliberation, each with a check box and its votes."""

    COLUMNS = COLUMNS

    def __init__(self, cases: list[dict], parent=None):
        super().__init__(parent)
        self.present = 0
        self._rows = [{"include": False, "id": c["id"], "name": c["applicant_name"],
                       "what": f"{category_label(c['category'])}·{reason_label(c['reason'])}",
                       "votes_for": 0, "votes_against": 0, "votes_abstain": 0,
                       "conclusion": "同意"} for c in cases]  # i18n: data
        self._errors: dict[tuple[int, str], str] = {}

    def votes(self) -> dict[str, dict]:
        return {r["id"]: {k: r[k] for k in VOTE_KEYS} for r in self._rows if r["include"]}

    def set_present(self, present: int) -> None:
        """Ticked cases still at the default (all present in favour) follow the count."""
        for i, r in enumerate(self._rows):
            if (r["include"] and r["votes_for"] == self.present
                    and not r["votes_against"] and not r["votes_abstain"]):
                r["votes_for"] = present
                self.dataChanged.emit(self.index(i, 4), self.index(i, 4))
        self.present = present

    def row_of(self, case_id: str) -> int:
        return next((i for i, r in enumerate(self._rows) if r["id"] == case_id), -1)

    def set_errors(self, errors: dict[tuple[int, str], str]) -> None:
        self._errors = dict(errors)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(self._rows) - 1, len(COLUMNS) - 1))

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        key = KEYS[index.column()]
        if key == "include":
            return base | Qt.ItemFlag.ItemIsUserCheckable
        if key in VOTE_KEYS:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row, key = self._rows[index.row()], KEYS[index.column()]
        error = self._errors.get((index.row(), key))
        if key == "include":
            if role == Qt.ItemDataRole.CheckStateRole:
                return Qt.CheckState.Checked if row["include"] else Qt.CheckState.Unchecked
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return row[key]
        if role == Qt.ItemDataRole.ToolTipRole:
            return error
        if role == Qt.ItemDataRole.BackgroundRole:
            return ERROR_BRUSH if error else None
        return None

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid():
            return False
        row, key = self._rows[index.row()], KEYS[index.column()]
        if key == "include" and role == Qt.ItemDataRole.CheckStateRole:
            row["include"] = _checked(value)
            if row["include"] and not any(row[k] for k in VOTE_KEYS[:3]):
                row["votes_for"] = self.present
            self.dataChanged.emit(index, index.siblingAtColumn(len(COLUMNS) - 1))
            return True
        if role != Qt.ItemDataRole.EditRole or key not in VOTE_KEYS:
            return False
        if key == "conclusion":
            if value not in CONCLUSIONS:
                return False
            row[key] = value
        else:
            try:
                row[key] = max(0, int(value))
            except (TypeError, ValueError):
                return False
        self.dataChanged.emit(index, index)
        return True


def _checked(value) -> bool:
    if isinstance(value, Qt.CheckState):
        return value == Qt.CheckState.Checked
    return value == Qt.CheckState.Checked.value


class DeliberationDialog(guard.DiscardGuard, QDialog):
    def __init__(self, casework, parent=None, preselect: str = ""):
        super().__init__(parent)
        self.casework = casework
        self.setWindowTitle(tr("民主评议(村民代表会议)"))
        window_fit.fit(self, 960, 660)
        cases = queries.ledger_page(casework.db, LedgerFilter(status="investigated"), 0, 5000)
        self.facts = {c["id"]: casework.facts(c["id"]) for c in cases}
        self.model = VotesModel(cases, self)
        layout = QVBoxLayout(self)
        self.summary = w.ErrorLabel()
        self.board = w.ErrorBoard(self.summary)
        form = QFormLayout()
        today = casework.today
        self.inputs = {
            "date": w.date_edit(today),
            "meeting_id": w.line_edit(tr("会议编号"), 60),
            "present": w.spin(100000, minimum=1),  # the rule's: at least one present
            "representatives": w.spin(100000),
            "minutes": w.text_area(tr("会议记录要点(签字的记录表扫描件另存)"), 70),
        }
        self.inputs["meeting_id"].setText(f"评议会-{today.strftime('%Y%m%d')}")  # i18n: data
        labels = (tr("评议日期"), tr("会议编号"), tr("到会人数"), tr("其中村民代表"), tr("会议记录"))
        for (path, widget), label in zip(self.inputs.items(), labels, strict=True):
            form.addRow(label, self.board.add(path, w.FieldBox(widget)))
            w.change_signal(widget).connect(lambda *_a, p=path: self._changed(p))
        layout.addLayout(form)
        layout.addWidget(QLabel(tr("本次评议的案件(勾选参加评议的案件,逐件填写票数和结论):")))
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setItemDelegate(ChoiceDelegate(
            lambda column: CONCLUSIONS if KEYS[column] == "conclusion" else (), self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table, 1)
        self.vote_errors = w.ErrorLabel()
        layout.addWidget(self.vote_errors)
        layout.addWidget(self.summary)
        self.buttons, self.ok = w.ok_cancel(self, self.perform)
        layout.addWidget(self.buttons)
        self.model.set_present(self.inputs["present"].value())
        self.rows_touched: set[int] = set()  # rows whose votes the officer has changed
        self._validating = True  # ticking the case the officer came from is not a touch
        self.model.dataChanged.connect(self._votes_changed)
        if preselect and self.model.row_of(preselect) >= 0:
            self.model.setData(self.model.index(self.model.row_of(preselect), 0),
                               Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
        self.typed = False  # ticking the case the officer came from is not typing
        self._validating = False
        self.validate()

    def meeting(self) -> dict:
        return {k: w.value_of(widget) for k, widget in self.inputs.items()}

    def _changed(self, path: str) -> None:
        self.board.touch(path)
        self.typed = True
        self._validating = True
        self.model.set_present(self.inputs["present"].value())
        self._validating = False
        self.validate()

    def _votes_changed(self, first=None, last=None, *_args) -> None:
        if not getattr(self, "_validating", False):
            if first is not None:
                self.rows_touched.update(range(first.row(), last.row() + 1))
            self.typed = True
            self.validate()

    def validate(self) -> list[FieldError]:
        meeting, votes = self.meeting(), self.model.votes()
        meeting_errors: dict[str, FieldError] = {}
        cells, lines, hidden = {}, [], 0
        for case_id, vote in votes.items():
            row = self.model.row_of(case_id)
            for e in self._check(case_id, {**meeting, **vote}):
                if e.path in VOTE_KEYS and not (self.board.show_all
                                                or row in self.rows_touched):
                    hidden += 1  # not red before the officer has typed its votes
                elif e.path in VOTE_KEYS:
                    cells[(row, e.path)] = e.message
                    lines.append(f"{case_id}:{e.message}")
                else:
                    meeting_errors.setdefault(e.path, e)
        for e in date_problems(self.inputs, []):  # what was typed, not the checker's guess
            meeting_errors[e.path] = e
        if not votes:
            meeting_errors[""] = FieldError("", tr("请至少勾选一个案件参加评议。"))
        errors = list(meeting_errors.values())
        self.board.show(errors)
        self._validating = True
        self.model.set_errors(cells)
        self._validating = False
        if hidden:
            lines.append(tr("还有 {n} 处票数或结论需要核对。").format(n=hidden))
        self.vote_errors.show_message("\n".join(lines))
        self.ok.setEnabled(not errors and not cells and not hidden)
        return errors + [FieldError(k[1], v) for k, v in cells.items()]

    def _check(self, case_id: str, fields: dict) -> list[FieldError]:
        try:
            check_step("deliberate", fields, self.facts[case_id], today=self.casework.today,
                       policy=self.casework.store.policy)
        except ValidationFailed as exc:
            return exc.errors
        return []

    def perform(self) -> None:
        self.board.show_all = True
        if self.validate():
            return
        votes, meeting = self.model.votes(), self.meeting()
        try:
            if not guard.confirm_step(self, tr("登记民主评议:{n} 件").format(n=len(votes)),
                                      tr("评议结果(票数和结论)登记后即为正式记录,案件进入“已评议”,"
                                         "下一步是民生员初审。"), check=lambda:
                                      self.casework.deliberate_meeting(meeting, votes)):
                return
            self.casework.deliberate_meeting(meeting, votes)
        except ValidationFailed as exc:
            self.board.show(exc.errors)
            return
        except Refusal as exc:
            self.summary.show_message(exc.message)
            return
        guard.tell(self.parentWidget(), tr("已登记民主评议:{n} 件。").format(n=len(votes)))
        self.accept()
