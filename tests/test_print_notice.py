"""The posted sheets (初审公示, 结果公示): read back with pypdf, every name and amount of the
batch is there with its dates and code, and nothing private is (no ID number, phone or
bank account); every font is embedded; a long notice repeats its header on every page;
a character no font has is reported before anything is printed."""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph

from desktop.core import printable
from desktop.core.errors import Refusal
from desktop.core.money import format_yuan
from desktop.operations.notices import Notices
from desktop.printing import layout as L
from desktop.printing.notice_sheet import notice_pdf
from tests.test_notice_helpers import (
    ACCOUNT,
    ID_NUMBER,
    NOTICE_TODAY,
    PHONE,
    PHONES,
    RARE_NAMES,
    cases_at,
    font_names,
    fonts_without_file,
    many_names,
    pdf_pages,
    pdf_text,
    village_store,
)


def _flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture
def store(tmp_path):
    s = village_store(tmp_path)
    yield s
    s.close()


def _private_values(store, ids) -> list[str]:
    out = []
    for case_id in ids:
        row = store.db["applications"].get(case_id)
        out.append(row["applicant_id_number"])
        out += [m["id_number"] for m in store.db.query(
            "SELECT id_number FROM members WHERE application_id = ?", [case_id])]
    return out + ["13800138000", "6231000012345678", "脑梗", "丈夫突发"]


def test_initial_notice_shows_what_it_must_and_nothing_private(store):
    ids = cases_at(store, RARE_NAMES)
    notice_id = Notices(store, NOTICE_TODAY).create(ids)
    pdf = notice_pdf(store, notice_id)
    text, flat = pdf_text(pdf), _flat(pdf_text(pdf))
    for case_id in ids:
        row = store.db["applications"].get(case_id)
        assert _flat(row["applicant_name"]) in flat
        assert format_yuan(row["proposed_fen"], grouped=True) in text
        assert row["group_name"] in flat
    for must in ("石门村临时救助对象初审公示", "陈家坊镇", notice_id, "2026年11月6日",
                 "2026年11月12日", *PHONES, "序号", "家庭人口", "拟救助金额", "盖章"):
        assert _flat(must) in flat, must
    for secret in _private_values(store, ids):
        assert secret not in flat
    assert not ID_NUMBER.search(flat) and not PHONE.search(flat) and not ACCOUNT.search(flat)
    assert fonts_without_file(pdf) == []


def test_result_notice_lists_approved_cases_with_their_amounts(store):
    ids = cases_at(store, ["赵建华", "阿不都热依木·买买提"], "approved")
    notice_id = Notices(store, NOTICE_TODAY.replace(month=12)).post_results(ids)
    assert notice_id.startswith("JG-2026-")
    flat = _flat(pdf_text(notice_pdf(store, notice_id)))
    assert "石门村临时救助对象审批结果公示" in flat and "批准救助金额" in flat
    assert "阿不都热依木·买买提" in flat and "1,000.00" in flat and notice_id in flat
    assert {store.db["applications"].get(i)["status"] for i in ids} == {"result_posted"}
    assert not ID_NUMBER.search(flat) and not PHONE.search(flat)


def test_a_200_case_notice_repeats_its_header_on_every_page(store):
    ids = cases_at(store, many_names(200))
    pages = pdf_pages(notice_pdf(store, Notices(store, NOTICE_TODAY).create(ids)))
    assert len(pages) >= 4
    for n, page in enumerate(pages, 1):
        flat = _flat(page)
        assert "序号姓名村民小组家庭人口" in flat and f"第{n}页共{len(pages)}页" in flat
    assert "合计" in _flat(pages[-1])


def test_a_character_no_font_has_is_named_before_printing(store, tmp_path, monkeypatch):
    # A name is checked against the fonts when typed (tests/test_names.py); one stored
    # before that check existed is still refused at printing, never printed as a blank.
    monkeypatch.setattr(printable, "unprintable", lambda text: [])
    ids = cases_at(store, ["张\U0003134A明"])  # CJK Extension G: in no bundled font
    monkeypatch.undo()
    notice_id = Notices(store, NOTICE_TODAY).create(ids)
    with pytest.raises(Refusal) as exc:
        notice_pdf(store, notice_id)
    assert "张\U0003134A明" in exc.value.message and "U+3134A" in exc.value.message


def test_the_objection_channel_must_be_set_before_printing(tmp_path):
    store = village_store(tmp_path, phones=False)
    notice_id = Notices(store, NOTICE_TODAY).create(cases_at(store, ["李四"]))
    with pytest.raises(Refusal, match="异议反映电话"):
        notice_pdf(store, notice_id)
    store.close()


def test_a_name_with_a_rare_character_is_printed_in_the_hanazono_font(store):
    plain = notice_pdf(store, Notices(store, NOTICE_TODAY).create(cases_at(store, ["王明"])))
    rare = notice_pdf(store, Notices(store, NOTICE_TODAY).create(cases_at(store, ["王䶮"])))
    assert not any("HanaMin" in f for f in font_names(plain))
    assert any(f.endswith("+HanaMinA") for f in font_names(rare))


def test_a_cell_is_plain_text_only_when_that_prints_the_same():
    assert L.table_cell("王小明", L.CELL_CENTER, 28 * mm) == "王小明"
    rare = L.table_cell("张𠮷祥", L.CELL_CENTER, 28 * mm)
    assert isinstance(rare, Paragraph) and "RD-HanaMinB" in rare.text
    # too long for one line, spaces a Paragraph would drop or merge, nothing at all
    for text in ("阿不都热依木·买买提", "李  四", " 李四", "李\u3000四", ""):
        assert isinstance(L.table_cell(text, L.CELL_CENTER, 28 * mm), Paragraph), text


def _placed_text(pdf: bytes) -> list[tuple]:
    """Every piece of text with its page and position, in a fixed order."""
    placed = []
    for n, page in enumerate(PdfReader(io.BytesIO(pdf)).pages):
        def visit(text, cm, tm, font, size, n=n):
            if text.strip():
                x = cm[0] * tm[4] + cm[2] * tm[5] + cm[4]
                y = cm[1] * tm[4] + cm[3] * tm[5] + cm[5]
                placed.append((n, text, round(x, 2), round(y, 2)))
        page.extract_text(visitor_text=visit)
    return sorted(placed)


def test_plain_cells_print_exactly_where_paragraphs_would(store, monkeypatch):
    notice_id = Notices(store, NOTICE_TODAY).create(cases_at(store, RARE_NAMES + many_names(30)))
    fast = _placed_text(notice_pdf(store, notice_id))
    monkeypatch.setattr(L, "table_cell", lambda text, st, width, *pad: L.para(text, st))
    assert _placed_text(notice_pdf(store, notice_id)) == fast
