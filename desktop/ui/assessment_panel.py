"""目标管理考核 in the window (issue 14, item 7): the month's ranked tables (乡镇民政办 and
村级民生员: each item's raw figure beside its points, the score), a bar chart of the
scores, the PDF and the workbook, and at the township 公布 and 讲评 — the same
operations as `relief-desk assessment`. The chart is drawn with QPainter (QtCharts is
not part of PySide6-Essentials)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QRectF, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.assessment import publish
from desktop.assessment.report import assessment
from desktop.assessment.table import cells, headers, item_keys
from desktop.core.errors import Refusal
from desktop.ui import widgets as w
from desktop.ui.core_words import column_word
from desktop.ui.guard import gui_text
from desktop.ui.i18n import tr
from desktop.ui.places import save_name

ROOT = QModelIndex()


class LinesModel(QAbstractTableModel):
    """Ranked lines of one level: 名次, 名称, each item as 'raw · points', 得分."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._headers: list[str] = []
        self._rows: list[list[str]] = []

    def set_lines(self, lines: list[dict]) -> None:
        self.beginResetModel()
        keys = item_keys(lines)
        self._headers = [column_word(h) for h in headers(keys)] if lines else []
        self._rows = [[c.replace("\n", " · ") for c in cells(ln, keys)] for ln in lines]
        self.endResetModel()

    def rowCount(self, parent=ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=ROOT) -> int:
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        return self._headers[section] if 0 <= section < len(self._headers) else None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() != 1:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None


class ScoreChart(QWidget):
    """One bar per village, in rank order, its score out of 100."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.lines: list[dict] = []
        self.setMinimumHeight(160)

    def set_lines(self, lines: list[dict]) -> None:
        self.lines = lines
        self.update()

    def paintEvent(self, _event) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), QColor("white"))
        left, bottom, right, head = 50, self.height() - 40, self.width() - 20, 30
        p.drawText(QRectF(10, 4, self.width() - 20, 22), Qt.AlignmentFlag.AlignLeft,
                   tr("各村得分(满分 100)"))
        p.drawLine(left, bottom, right, bottom)
        p.drawText(QRectF(0, head - 8, left - 6, 16), Qt.AlignmentFlag.AlignRight, "100")
        if self.lines:
            slot = (right - left) / len(self.lines)
            for i, ln in enumerate(self.lines):
                width = min(slot * 0.6, 60)
                h = (bottom - head) * ln["score"] / 1000
                x = left + i * slot + (slot - width) / 2
                p.fillRect(QRectF(x, bottom - h, width, h), QColor("#428bca"))
                p.drawText(QRectF(left + i * slot, bottom - h - 18, slot, 16),
                           Qt.AlignmentFlag.AlignHCenter, f"{ln['score'] / 10:.1f}")
                p.drawText(QRectF(left + i * slot, bottom + 4, slot, 30),
                           Qt.AlignmentFlag.AlignHCenter, ln["name"])
        p.end()


PROBLEM_STYLE = "color:#b00020; padding:4px;"
DONE_STYLE = "color:#2e7d32; padding:4px;"


class AssessmentWidget(w.CountedWhenShown, QWidget):
    def __init__(self, store, today, parent=None):
        super().__init__(parent)
        self.store, self.today, self.assessment = store, today, None
        self.role = store.workstation["role"]
        # in a scroll area: its tables and chart never make the window taller than a
        # 1366×768 screen at 125 % (the window's watcher keeps it on the screen)
        outer, inner = QVBoxLayout(self), QWidget()
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(inner)
        # what was done or refused, above the page: a line appearing inside it had pushed
        # the page down and the note field out of view
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.hide()
        layout = QVBoxLayout(inner)
        layout.addLayout(self._bar())
        outer.addWidget(self.message)
        outer.addWidget(scroll)
        self.state = QLabel()
        layout.addWidget(self.state)
        self.townships, self.villages = LinesModel(self), LinesModel(self)
        for title, model, stretch in ((tr("乡镇民政办"), self.townships, 1),
                                      (tr("村级民生员(按得分排名)"), self.villages, 3)):
            layout.addWidget(QLabel(title))
            view = QTableView()
            view.setModel(model)
            view.verticalHeader().hide()
            layout.addWidget(view, stretch)
            model.view = view
        self.chart = ScoreChart()
        layout.addWidget(self.chart, 2)
        if self.role in ("township", "county"):
            layout.addLayout(self._note_bar())
        self._stale = True

    def _bar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        self.month = QLineEdit(self._last_month())
        self.month.setMaximumWidth(100)
        buttons = [(tr("查看(&K)"), self.refresh), (tr("导出 PDF(&P)…"), self.export_pdf),
                   (tr("导出 Excel(&E)…"), self.export_xlsx)]
        if self.role == "township":
            buttons += [(tr("公布本月考核(&U)…"), self.publish),
                        (tr("更正已公布的考核(&R)…"), self.correct)]
        bar.addWidget(QLabel(tr("考核月份(年-月):")))
        bar.addWidget(self.month)
        w.add_buttons(bar, buttons)
        return bar

    def _note_bar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        self.note = QLineEdit()
        self.note.setPlaceholderText(tr("本月讲评(发往各村或各乡镇)"))
        send = QPushButton(tr("记录讲评(&J)"))
        send.clicked.connect(self.record_note)
        bar.addWidget(self.note, 1)
        bar.addWidget(send)
        return bar

    def _last_month(self) -> str:
        first = self.today.replace(day=1)
        return f"{first.year - (first.month == 1)}-{(first.month - 2) % 12 + 1:02d}"

    def refresh(self) -> None:
        self._stale = False
        if not self._try(lambda: setattr(self, "assessment", assessment(
                self.store, self.month.text(), self.today))):
            return
        a = self.assessment
        self.townships.set_lines(a.townships)
        self.villages.set_lines(a.villages)
        for model in (self.townships, self.villages):
            model.view.resizeColumnsToContents()
        self.chart.set_lines(a.villages)
        state = (tr("第 {0} 版,已公布").format(a.version) if a.version else
                 tr("尚未公布,按现有数据计算") if self.role == "township" else "")
        extra = ([tr("尚未公布的乡镇:{0}").format(tr("、").join(a.unpublished))]
                 if a.unpublished else [])
        extra += [tr("讲评({0},{1}):{2}").format(n["date"], n["by"], n["text"])
                  for n in a.notes]
        if self.role == "village" and not a.villages:  # say why the tables are empty
            extra.insert(0, tr("乡镇还没有送来本月的考核结果(公布后随乡镇的数据包送达)。"))
        self.state.setText("\n".join([f"{a.place} {a.month} {state}", *extra]))

    def ask_confirm(self, text: str) -> bool:
        return QMessageBox.question(self, tr("公布考核"), text) == \
            QMessageBox.StandardButton.Yes

    def ask_save(self, suffix: str) -> str:
        return save_name(self, tr("导出考核"),
                         tr("目标管理考核-{0}.{1}").format(self.month.text(), suffix),
                         f"{suffix.upper()} (*.{suffix})")

    def publish(self, correction: bool = False) -> None:
        month = self.month.text().strip()
        question = (tr("按现有数据重新计算并公布 {0} 考核的更正版?更正版随数据包送出,"
                            "取代已公布的一版。") if correction else
                    tr("公布 {0} 的考核?公布后随数据包报县民政局、发到各村,"
                            "不能撤回(可以更正)。")).format(month)
        if not self.ask_confirm(question):
            return
        if self._try(lambda: publish.publish(self.store, month, self.today,
                                             correction=correction)):
            self._say(tr("{0} 的考核已公布,将随下一次导出的数据包送出。").format(month))
            self.refresh()

    def correct(self) -> None:
        self.publish(correction=True)

    def record_note(self) -> None:
        month, text = self.month.text().strip(), self.note.text().strip()
        if not text:  # asked where it is typed, before anything is checked
            self._say(tr("请先在下面填写讲评内容,再点“记录讲评”。"), problem=True)
            self.note.setFocus()
            return
        if self._try(lambda: publish.note(self.store, month, text, self.today)):
            self.note.clear()
            self._say(tr("讲评已记录,将随下一次导出的数据包送出。"))
            self.refresh()

    def export_pdf(self) -> None:
        from desktop.printing.assessment_pdf import assessment_pdf

        self._export("pdf", assessment_pdf)

    def export_xlsx(self) -> None:
        from desktop.printing.assessment_xlsx import assessment_xlsx

        self._export("xlsx", assessment_xlsx)

    def _export(self, suffix: str, make) -> None:
        from desktop.printing.output import save_document

        if self.assessment is None:
            return
        path = self.ask_save(suffix)
        if path and self._try(lambda: save_document(Path(path),
                                                    make(self.assessment, self.today))):
            self._say(tr("已导出 {0}").format(path))

    def _try(self, action) -> bool:
        try:
            action()
        except Refusal as exc:  # a ValidationFailed too: its message names each field
            self._say(gui_text(exc.message), problem=True)
            return False
        return True

    def _say(self, text: str, problem: bool = False) -> None:
        self.message.setStyleSheet(PROBLEM_STYLE if problem else DONE_STYLE)
        self.message.setText(text)
        self.message.setVisible(bool(text))


class AssessmentDialog(QDialog):
    """At a village: its own month as the township published it, and the 讲评 it got."""

    def __init__(self, store, today, parent=None):
        super().__init__(parent)
        self.setWindowTitle(tr("本村目标管理考核"))
        layout = QVBoxLayout(self)
        self.panel = AssessmentWidget(store, today, self)
        layout.addWidget(self.panel)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        from desktop.ui.window_fit import fit

        fit(self, 1100, 600)

