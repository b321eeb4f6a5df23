"""Draw the app icon (resources/icons/relief-desk.png and .ico) with Qt.

Run once by a maintainer when the icon changes; the outputs are checked in, so a build
needs no drawing tool. The .ico is packed here by hand (PNG entries, Windows Vista and
later) so that no image library beyond Qt is needed.

    QT_QPA_PLATFORM=offscreen python build_scripts/make_icon.py
"""

from __future__ import annotations

import struct
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontDatabase, QGuiApplication, QImage, QPainter

ROOT = Path(__file__).resolve().parent.parent
ICONS = ROOT / "resources" / "icons"
FONT = ROOT / "resources" / "fonts" / "wqy-microhei.ttc"
SIZES = (16, 24, 32, 48, 64, 128, 256)


def draw(size: int, family: str) -> QImage:
    """A red rounded square (the colour of a public notice board) with 助 in white."""
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    margin = size * 0.04
    box = QRectF(margin, margin, size - 2 * margin, size - 2 * margin)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor("#c0392b"))
    p.drawRoundedRect(box, size * 0.18, size * 0.18)
    if size >= 24:  # a thin gold band: the seal's rim; too fine to show at 16 px
        p.setBrush(QColor("#f5c542"))
        inset = size * 0.16
        p.drawRect(QRectF(box.left() + inset, box.bottom() - size * 0.13,
                          box.width() - 2 * inset, size * 0.045))
    font = QFont(family)
    font.setPixelSize(int(size * 0.66))
    font.setBold(True)
    p.setFont(font)
    p.setPen(QColor("white"))
    p.drawText(box.adjusted(0, -size * 0.04, 0, -size * 0.04), Qt.AlignmentFlag.AlignCenter, "助")
    p.end()
    return image


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data)


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """ICONDIR + one ICONDIRENTRY per size + the PNG images (256 is written as 0)."""
    header = struct.pack("<HHH", 0, 1, len(pngs))
    offset = len(header) + 16 * len(pngs)
    entries, blobs = b"", b""
    for size, blob in sorted(pngs.items()):
        dim = 0 if size >= 256 else size
        entries += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(blob), offset)
        offset += len(blob)
        blobs += blob
    return header + entries + blobs


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    font_id = QFontDatabase.addApplicationFont(str(FONT))
    family = QFontDatabase.applicationFontFamilies(font_id)[0]
    pngs = {size: png_bytes(draw(size, family)) for size in SIZES}
    ICONS.mkdir(parents=True, exist_ok=True)
    (ICONS / "relief-desk.png").write_bytes(pngs[256])
    (ICONS / "relief-desk.ico").write_bytes(ico_bytes(pngs))
    del app
    print(f"已生成 {ICONS / 'relief-desk.png'} 和 relief-desk.ico({len(SIZES)} 种尺寸)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
