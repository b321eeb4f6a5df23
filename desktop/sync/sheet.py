"""The printable identity sheet (工作站身份信息表): the fingerprint on paper, for the
officer to carry to the township and for the township to keep in its file. A person
compares the digits on this sheet with those on the other screen before trust is given."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

from desktop.core.errors import Refusal
from desktop.core.workstation import ROLES
from desktop.sync.filewrite import publish, write_temp
from desktop.sync.identity import fingerprint, show_fingerprint

ROWS = (("角色", "role"), ("县(市、区)", "county"), ("县级代码", "county_code"),
        ("乡镇", "township"), ("乡镇代码", "township_code"), ("村(社区)", "village"),
        ("村代码", "village_code"), ("经办人", "officer"), ("工作站编号", "workstation_id"),
        ("签名公钥", "signing_key"), ("加密公钥", "encryption_key"))


def sheet_pdf(card: dict, today: date) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.pdfgen.canvas import Canvas

    from desktop.printing.fonts import BUILD_LOCK, check_printable, draw_string

    values = {k: (ROLES.get(card[k], card[k]) if k == "role" else card.get(k) or "—")
              for _, k in ROWS}
    check_printable([(label, values[k]) for label, k in ROWS])
    out = io.BytesIO()
    with BUILD_LOCK:
        c = Canvas(out, pagesize=A4, invariant=True)
        width, height = A4
        y = height - 30 * mm
        draw_string(c, width / 2, y, "民生救助工作台 · 工作站身份信息表", 18, align="center")
        y -= 16 * mm
        for label, key in ROWS:
            draw_string(c, 25 * mm, y, f"{label}:", 11)
            draw_string(c, 60 * mm, y, values[key], 11 if len(values[key]) < 40 else 9)
            y -= 9 * mm
        y -= 6 * mm
        draw_string(c, 25 * mm, y, "指纹(登记时请对方逐组念出核对):", 12)
        y -= 14 * mm
        draw_string(c, width / 2, y, show_fingerprint(fingerprint(card)), 22, align="center")
        y -= 20 * mm
        for line in ("登记对方工作站时,屏幕上显示的指纹必须与本表完全一致;有一位不同就不要登记。",
                     "本表不含任何申请人信息,可以交乡镇民政办存档。",
                     f"打印日期:{today.isoformat()}        经办人签字:______________"):
            draw_string(c, 25 * mm, y, line, 10)
            y -= 8 * mm
        c.showPage()
        c.save()
    return out.getvalue()


def write_sheet(card: dict, target: Path, today: date) -> None:
    target = Path(target)
    data = sheet_pdf(card, today)
    if not data.startswith(b"%PDF"):
        raise Refusal("身份信息表生成失败,请重试。")
    tmp = write_temp(target.parent, data, lambda raw: None)
    publish(tmp, target)
