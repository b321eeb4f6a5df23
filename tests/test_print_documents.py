"""The archive documents: the approval form of one case (all its fields, full ID, the
signature and stamp boxes), the register as PDF and Excel with the current filter, and
saving: atomically, refused where it cannot be written."""

from __future__ import annotations

import io
import os
import re
from datetime import date

import pytest
from openpyxl import load_workbook

from desktop.core.errors import Refusal
from desktop.printing.approval_form import form_pdf
from desktop.printing.output import save_document
from desktop.printing.register import register_pdf, register_xlsx
from desktop.storage.queries import LedgerFilter
from tests.test_notice_helpers import cases_at, fonts_without_file, pdf_text, village_store

TODAY = date(2026, 12, 31)


@pytest.fixture
def store(tmp_path):
    s = village_store(tmp_path)
    yield s
    s.close()


def _flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_the_approval_form_has_every_field_and_the_boxes(store):
    (case_id,) = cases_at(store, ["王䶮"], status="approved")
    row = store.db["applications"].get(case_id)
    pdf = form_pdf(store, case_id, TODAY)
    flat = _flat(pdf_text(pdf))
    members = list(store.db.query("SELECT * FROM members WHERE application_id = ?", [case_id]))
    for must in ("临时救助申请审批表", case_id, "王䶮", row["applicant_id_number"], "13800138000",
                 "6231000012345678", "丈夫突发脑梗住院", "情况属实", "符合临时救助条件",
                 "GS-2026-0001", "同意救助1,000.00元", "申请人（签字或按手印）",
                 "村民委员会（盖章）", "乡镇人民政府（盖章）", *(m["name"] for m in members),
                 *(m["id_number"] for m in members)):
        assert _flat(must) in flat, must
    assert fonts_without_file(pdf) == []


def test_the_register_follows_the_filter_in_pdf_and_excel(store):
    cases_at(store, ["甲一", "乙二"], status="reviewed")
    cases_at(store, ["丙三"], status="approved")
    flt = LedgerFilter(status="reviewed")
    flat = _flat(pdf_text(register_pdf(store, flt, TODAY)))
    assert "甲一" in flat and "乙二" in flat and "丙三" not in flat and "状态：初审通过" in flat
    wb = load_workbook(io.BytesIO(register_xlsx(store, flt, TODAY)))
    rows = list(wb.active.iter_rows(min_row=4, values_only=True))
    assert sorted(r[2] for r in rows) == ["乙二", "甲一"]
    assert all(float(r[8]) == 1000.0 or float(r[8]) == 1010.0 for r in rows)


def test_formula_like_text_is_neutralised():
    from openpyxl import Workbook

    from desktop.printing.sheets import append_row

    sheet = Workbook().active
    append_row(sheet, ["=1+1", "+86", "-x", "@SUM", "王䶮", 3])
    cells = list(sheet[1])
    assert [c.value for c in cells] == ["=1+1", "+86", "-x", "@SUM", "王䶮", 3]
    assert [c.data_type for c in cells] == ["s"] * 5 + ["n"]
    assert [c.quotePrefix for c in cells] == [True] * 4 + [False] * 2


def test_saving_is_atomic_and_refuses_unwritable_places(tmp_path):
    target = save_document(tmp_path / "a.pdf", b"%PDF-1.4 test")
    assert target.read_bytes() == b"%PDF-1.4 test"
    assert [p.name for p in tmp_path.iterdir()] == ["a.pdf"]
    with pytest.raises(Refusal, match="不存在"):
        save_document(tmp_path / "no" / "a.pdf", b"x")
    with pytest.raises(Refusal, match="是一个文件夹"):
        save_document(tmp_path, b"x")
    if hasattr(os, "geteuid") and os.geteuid() != 0:  # root may write anywhere
        locked = tmp_path / "locked"
        locked.mkdir(mode=0o500)
        with pytest.raises(Refusal, match="没有权限"):
            save_document(locked / "a.pdf", b"x")


def test_a_document_is_saved_only_under_the_ending_of_what_it_is(store, tmp_path, capsys):
    """A PDF named 台账.docx (or a workbook named .pdf) would open in the wrong program on
    the officer's machine, or in none: refused in one line, nothing written."""
    from desktop.cli import main
    from desktop.printing.output import save_documents

    with pytest.raises(Refusal, match=r"a.txt:保存的是 PDF 文件,文件名应以 .pdf 结尾\(例如 a.pdf\)"):
        save_document(tmp_path / "a.txt", b"%PDF-1.4 test")
    workbook = register_xlsx(store, LedgerFilter(), TODAY)
    with pytest.raises(Refusal, match="Excel 文件,文件名应以 .xlsx 结尾"):
        save_documents([(tmp_path / "r.pdf", b"%PDF-1.4"), (tmp_path / "r.pdf.bak", workbook)])
    assert save_document(tmp_path / "R.XLSX", workbook).name == "R.XLSX"  # any case
    store.close()
    code = main(["--data-dir", str(store.path.parent), "--today", TODAY.isoformat(),
                 "register", "--format", "pdf", "-o", str(tmp_path / "台账.docx")])
    err = capsys.readouterr().err
    assert code == 2 and "台账.docx:保存的是 PDF 文件" in err and len(err.splitlines()) == 1
    assert sorted(p.name for p in tmp_path.iterdir() if p.is_file()) == ["R.XLSX"]


def test_a_file_that_cannot_be_read_is_said_in_chinese(tmp_path):
    """The system's reason is English on most machines: the officer reads it in Chinese."""
    from desktop.sync.identity import read_card

    with pytest.raises(Refusal) as folder:
        read_card(tmp_path)
    with pytest.raises(Refusal) as missing:
        read_card(tmp_path / "没有.json")
    assert "这是一个文件夹,不是文件" in folder.value.message
    assert "找不到文件" in missing.value.message
    assert "directory" not in folder.value.message + missing.value.message
