"""Preview of a printed document inside the app, then print it (system print dialog,
QPrinter) or save it as PDF. The pages are the PDF itself, rendered with PDFium
(pypdfium2): what the officer sees is exactly what prints, with no viewer to install and
without Qt's large PDF add-on module.

The file and print dialogs are reached through `ask_save_path` and `ask_printer`, which
tests replace (a modal dialog would block them)."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QImage, QPainter, QPixmap
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.core.errors import Refusal
from desktop.printing.output import save_document
from desktop.ui.i18n import tr
from desktop.ui.places import save_name
from desktop.ui.widgets import show_message

PREVIEW_DPI = 96
PRINT_DPI = 300


def render_pages(pdf: bytes, dpi: int = PREVIEW_DPI) -> list[QImage]:
    """Every page of `pdf` as an image at `dpi`."""
    doc = pdfium.PdfDocument(pdf)
    try:
        images = []
        for i in range(len(doc)):
            bitmap = doc[i].render(scale=dpi / 72, rev_byteorder=True)
            image = QImage(bytes(bitmap.buffer), bitmap.width, bitmap.height, bitmap.stride,
                           QImage.Format.Format_RGB888)
            images.append(image.copy())
        return images
    finally:
        doc.close()


class PrintPreview(QDialog):
    """The document's pages, one under the other, with 打印 / 另存为 PDF / 关闭."""

    def __init__(self, pdf: bytes, title: str, file_name: str, parent=None):
        super().__init__(parent)
        self.pdf, self.file_name = pdf, file_name
        self.setWindowTitle(tr("打印预览 — {title}").format(title=title))
        self.pages = render_pages(pdf)
        self.saved_to: Path | None = None
        self.printed = 0
        layout = QVBoxLayout(self)
        layout.addWidget(self._scroll(), 1)
        row = QHBoxLayout()
        row.addWidget(QLabel(tr("共 {n} 页").format(n=len(self.pages))))
        self.note = QLabel()  # what was done: saved where, printed how many pages
        self.note.setStyleSheet("color:#2e7d32;")
        row.addWidget(self.note, 1)
        for text, slot in ((tr("打印(&P)…"), self.print_document), (tr("另存为 PDF(&S)…"), self.save_pdf),
                           (tr("关闭(&C)"), self.reject)):
            button = QPushButton(text)
            button.clicked.connect(slot)
            row.addWidget(button)
        layout.addLayout(row)
        from desktop.ui import window_fit

        window_fit.fit(self, 900, 1000)  # officers' laptops: never taller than the screen

    def _scroll(self) -> QScrollArea:
        inner = QWidget()
        column = QVBoxLayout(inner)
        for image in self.pages:
            label = QLabel()
            label.setPixmap(QPixmap.fromImage(image))
            label.setStyleSheet("border: 1px solid #999; background: white;")
            column.addWidget(label, 0, Qt.AlignmentFlag.AlignHCenter)
        scroll = QScrollArea()
        scroll.setWidget(inner)
        scroll.setWidgetResizable(True)
        return scroll

    # -- hooks tests replace -------------------------------------------------------------
    def ask_save_path(self) -> str:
        return save_name(self, tr("另存为 PDF"), self.file_name, tr("PDF 文件 (*.pdf)"))

    def ask_printer(self) -> QPrinter | None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.file_name)
        dialog = QPrintDialog(printer, self)
        return printer if dialog.exec() == QDialog.DialogCode.Accepted else None

    # -- actions -------------------------------------------------------------------------
    def save_pdf(self) -> Path | None:
        path = self.ask_save_path()
        if not path:
            return None
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        try:
            self.saved_to = save_document(path, self.pdf)
        except Refusal as exc:
            show_message(self, exc.message)
            return None
        self.note.setText(tr("已保存到 {saved_to}").format(saved_to=self.saved_to))
        from desktop.ui.guard import tell

        tell(self.parentWidget(), tr("已保存 PDF:{saved_to}").format(saved_to=self.saved_to))
        return self.saved_to

    def print_document(self) -> int:
        """Print every page, scaled to the printer's page, keeping its proportions."""
        printer = self.ask_printer()
        if printer is None:
            return 0
        painter = QPainter()
        if not painter.begin(printer):
            show_message(self, tr("无法连接打印机,请检查打印机是否开机并已连接,或先另存为 PDF。"))
            return 0
        try:
            for i, image in enumerate(render_pages(self.pdf, PRINT_DPI)):
                if i:
                    printer.newPage()
                area = painter.viewport()
                size = image.size().scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
                painter.drawImage(QRect(area.topLeft(), size), image)
                self.printed += 1
        finally:
            painter.end()
        self.note.setText(tr("已送打印机 {printed} 页").format(printed=self.printed))
        return self.printed
