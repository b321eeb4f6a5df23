"""Issue 13 item 4: a reprint of a notice is the sheet as posted (every row that joined
the batch, in its place, with its amount, and the same hash), and the numbers that
identify documents are unique per issuing workstation and year."""

from __future__ import annotations

import json
import re

import pytest

from desktop.cli import main
from desktop.operations.notices import Notices
from desktop.printing.notice_sheet import notice_pdf
from desktop.storage import notice_queries as nq
from tests.test_notice_helpers import NOTICE_TODAY, cases_at, pdf_text, village_store

NAMES = ["赵一", "钱二", "孙三", "李四", "周五", "吴六"]


@pytest.fixture
def store(tmp_path):
    s = village_store(tmp_path)
    yield s
    s.close()


def _code_line(text: str) -> str:
    return next(line for line in text.splitlines() if "校验码" in line)


def test_a_reprint_after_an_upheld_objection_is_the_sheet_that_was_posted(store):
    ids = cases_at(store, NAMES)
    n = Notices(store, NOTICE_TODAY)
    notice_id = n.create(ids)
    (posted,) = n.batches()
    first = pdf_text(notice_pdf(store, notice_id))
    objection = n.record_objection(ids[2], content="家里新盖了楼房", from_whom="村民")
    n.resolve_objection(ids[2], objection, result="upheld", how_checked="入户核实属实",
                        back_to="investigation")
    again = pdf_text(notice_pdf(store, notice_id))
    assert again == first
    for name in NAMES:
        assert name in again
    assert "6户" in again and "孙三" in again
    (batch,) = n.batches()
    assert batch["posted_sha256"] == posted["posted_sha256"]
    assert re.fullmatch(r"[0-9a-f]{64}", batch["posted_sha256"])
    assert batch["posted_sha256"][:12] in _code_line(again)


def test_the_hash_is_in_the_notice_list_and_covers_every_printed_value(store, capsys):
    ids = cases_at(store, NAMES[:3])
    notice_id = Notices(store, NOTICE_TODAY).create(ids)
    b = nq.batch(store.db, notice_id)
    rows = nq.posted_rows(store.db, b)
    digest = nq.posted_sha256(b, rows)
    data_dir = store.path.parent
    store.close()
    assert main(["--data-dir", str(data_dir), "--today", NOTICE_TODAY.isoformat(),
                 "notice", "list", "--format", "json"]) == 0
    (listed,) = json.loads(capsys.readouterr().out)
    assert listed["posted_sha256"] == digest
    for field, value in (("amount_fen", 1), ("applicant_name", "另一个"), ("position", 9)):
        changed = [dict(r) for r in rows]
        changed[1][field] = value
        assert nq.posted_sha256(b, changed) != digest
