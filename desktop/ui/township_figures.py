"""月度统计: the monthly figures on the township's villages as a table, a bar chart of the
approved amounts by category per village (drawn with QPainter: QtCharts is not part of
PySide6-Essentials), and an Excel export."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.core.categories import CATEGORIES
from desktop.core.errors import Refusal
from desktop.core.money import format_yuan
from desktop.township.figures import monthly_figures
from desktop.ui.core_words import category_word
from desktop.ui.i18n import tr
from desktop.ui.places import save_name
from desktop.ui.township_models import FiguresModel
from desktop.ui.widgets import CountedWhenShown, ErrorLabel

BAR_COLOURS = {"emergency": QColor("#d9534f"), "expenditure": QColor("#428bca"),
               "dibao": QColor("#5cb85c")}


class AmountChart(QWidget):
    """Stacked bars: each village's approved amount in the month, by category."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.figures = None
        self.setMinimumHeight(220)

    def set_figures(self, figures) -> None:
        self.figures = figures
        self.update()

    def paintEvent(self, _event) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), QColor("white"))
        villages = self.figures.villages if self.figures else []
        top = max([sum(v.approved_fen.values()) for v in villages] + [1])
        left, bottom, right, head = 90, self.height() - 40, self.width() - 20, 30
        p.drawText(QRectF(10, 4, self.width() - 20, 22), Qt.AlignmentFlag.AlignLeft,
                   tr("各村本月批准金额(元),按类型"))
        self._legend(p, right)
        p.drawLine(left, bottom, right, bottom)
        p.drawText(QRectF(0, head - 8, left - 6, 16), Qt.AlignmentFlag.AlignRight,
                   format_yuan(top, grouped=True))
        if not villages:
            return
        slot = (right - left) / len(villages)
        for i, v in enumerate(villages):
            width = min(slot * 0.6, 80)
            x, y = left + i * slot + (slot - width) / 2, bottom
            for code in CATEGORIES:
                h = (bottom - head) * v.approved_fen[code] / top
                p.fillRect(QRectF(x, y - h, width, h), BAR_COLOURS[code])
                y -= h
            p.drawText(QRectF(left + i * slot, bottom + 4, slot, 30),
                       Qt.AlignmentFlag.AlignHCenter, v.name)
        p.end()

    def _legend(self, p: QPainter, right: float) -> None:
        # each entry as wide as its word (an English category is longer than a Chinese one)
        words = [(code, category_word(label)) for code, label in CATEGORIES.items()]
        widths = [p.fontMetrics().horizontalAdvance(text) + 16 + 14 for _, text in words]
        x = right - sum(widths)
        for (code, text), width in zip(words, widths, strict=True):
            p.fillRect(QRectF(x, 8, 12, 12), BAR_COLOURS[code])
            p.drawText(QRectF(x + 16, 4, width - 16, 20), Qt.AlignmentFlag.AlignLeft, text)
            x += width


class FiguresWidget(CountedWhenShown, QWidget):
    def __init__(self, store, today, parent=None):
        super().__init__(parent)
        self.store, self.today = store, today
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.month = QLineEdit(today.strftime("%Y-%m"))
        self.month.setMaximumWidth(100)
        show = QPushButton(tr("统计"))
        show.clicked.connect(self.refresh)
        self.export_button = QPushButton(tr("导出 Excel…"))
        self.export_button.clicked.connect(self.export)
        for widget in (QLabel(tr("月份(年-月):")), self.month, show, self.export_button):
            bar.addWidget(widget)
        bar.addStretch(1)
        layout.addLayout(bar)
        self.message = ErrorLabel()
        layout.addWidget(self.message)
        self.model = FiguresModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        layout.addWidget(self.table, 2)
        self.chart = AmountChart()
        layout.addWidget(self.chart, 1)
        layout.addWidget(QLabel(tr("各步骤用时为该月内办结的步骤的平均工作日;期限一栏为“按期/应计”。")))
        self.figures = None
        self._stale = True  # counted when first shown: it reads every case of the year

    def refresh(self) -> None:
        self._stale = False
        try:
            self.figures = monthly_figures(self.store.db, self.month.text(), self.store.policy)
        except Refusal as exc:
            self.message.setText(exc.message)
            self.message.show()
            return
        self.message.hide()
        self.model.set_figures(self.figures)
        self.table.resizeColumnsToContents()
        self.chart.set_figures(self.figures)

    def ask_save(self) -> str:
        return save_name(self, tr("导出月度统计"),
                         tr("月度统计-{text}.xlsx").format(text=self.month.text()),
                         "Excel (*.xlsx)")

    def export(self) -> None:
        from desktop.printing.figures_xlsx import figures_xlsx
        from desktop.printing.output import save_document

        path = self.ask_save()
        if not path or not self.figures:
            return
        try:
            save_document(Path(path), figures_xlsx(self.figures, self.store.workstation["township"]))
        except Refusal as exc:
            self.message.setText(exc.message)
            self.message.show()
            return
        self.message.setText(tr("已导出 {path}").format(path=path))
        self.message.show()
