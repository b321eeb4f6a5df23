"""Builders shared by the notice and printing tests (no tests here): a village store with
cases brought to `reviewed` or `approved`, and PDF text and font inspection with pypdf."""

from __future__ import annotations

import io
import re
from datetime import date

from pypdf import PdfReader

from desktop.operations.casework import Casework
from desktop.operations.notices import Notices
from tests.helpers import advance, make_application, make_store

NOTICE_TODAY = date(2026, 11, 6)  # the day after ORDINARY_PATH's review
PHONES = ("0739-3612345", "0739-3698765")
RARE_NAMES = ["王䶮", "张𠮷祥", "阿不都热依木·买买提", "李堃", "陈喆"]
ID_NUMBER = re.compile(r"\d{17}[\dX]")
PHONE = re.compile(r"1\d{10}")
ACCOUNT = re.compile(r"\d{12,25}")


def village_store(tmp_path, *, phones: bool = True):
    store = make_store(tmp_path)
    if phones:
        Notices(store, NOTICE_TODAY).set_phones(*PHONES)
    return store


def cases_at(store, names: list[str], status: str = "reviewed", **overrides) -> list[str]:
    """Cases of applicants `names`, walked along the ordinary path to `status`."""
    work = Casework(store, date(2026, 12, 31))
    docs = []
    for i, name in enumerate(names):
        doc = make_application(**overrides)
        doc["applicant"]["name"] = name
        doc["applicant"]["group"] = f"第{i % 9 + 1}村民小组"
        doc["requested_fen"] = 100_000 + i * 1_000
        docs.append(doc)
    ids = work.receive_many(docs)
    for case_id in ids:
        advance(work, case_id, status)
    return ids


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def pdf_pages(data: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(data)).pages]


def fonts_without_file(data: bytes) -> list[str]:
    """Names of fonts the PDF uses without embedding them (none may be missing)."""
    missing = []
    for page in PdfReader(io.BytesIO(data)).pages:
        fonts = page["/Resources"].get_object().get("/Font", {})
        for ref in fonts.values():
            font = ref.get_object()
            descriptors = [font.get("/FontDescriptor")]
            descriptors += [d.get_object().get("/FontDescriptor")
                            for d in font.get("/DescendantFonts", [])]
            files = [d.get_object() for d in descriptors if d is not None]
            if not any(k in f for f in files for k in ("/FontFile", "/FontFile2", "/FontFile3")):
                missing.append(str(font.get("/BaseFont")))
    return missing


def font_names(data: bytes) -> set[str]:
    names = set()
    for page in PdfReader(io.BytesIO(data)).pages:
        for ref in page["/Resources"].get_object().get("/Font", {}).values():
            names.add(str(ref.get_object().get("/BaseFont")))
    return names


def many_names(n: int) -> list[str]:
    """`n` different ordinary names (names may not contain digits)."""
    family, given = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗", "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平"
    return [family[i % 20] + given[(i // 20) % 20] + given[(i // 400 + i) % 20]
            for i in range(n)]


def shown_notice_window(qtbot, tmp_path):
    """A village's main window over `village_store`, with 公示管理 installed, shown:
    (window, store) for the tests' fixtures to yield and close."""
    from desktop.ui import notice_panel
    from desktop.ui.main_window import MainWindow

    store = village_store(tmp_path)
    win = MainWindow(store, NOTICE_TODAY)
    qtbot.addWidget(win)
    notice_panel.install(win)
    win.show()
    return win, store
