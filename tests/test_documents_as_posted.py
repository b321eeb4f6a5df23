"""Issue 13 item 4: a reprint of a notice is the sheet as posted (every row that joined
the batch, in its place, with its amount, and the same hash), and the numbers that
identify documents are unique per issuing workstation and year."""

from __future__ import annotations

import json
import re

import pytest

from desktop.cli import main
from desktop.core.errors import Refusal
from desktop.operations.notices import Notices
from desktop.printing.notice_sheet import notice_pdf
from desktop.storage import notice_queries as nq
from tests.helpers import TODAY
from tests.test_notice_helpers import NOTICE_TODAY, PHONES, cases_at, pdf_text, village_store
from tests.township_world import deliver

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


def _post_with_objection(world, store) -> tuple[str, str]:
    ids = world.cases_ready(store, 2, until="reviewed")
    n = Notices(store, TODAY)
    notice_id = n.create(ids, start=TODAY)
    return notice_id, n.record_objection(ids[0], content="有异议", received_on=TODAY)


def test_two_villages_number_alike_and_stay_apart_at_the_township(world, capsys):
    assert _post_with_objection(world, world.a) == ("GS-2026-0001", "YY-2026-0001")
    assert _post_with_objection(world, world.b) == ("GS-2026-0001", "YY-2026-0001")
    assert _post_with_objection(world, world.a) == ("GS-2026-0002", "YY-2026-0002")
    deliver(world)
    t = world.township
    keys = [tuple(r) for r in t.db.execute(
        "SELECT village_code, notice_id FROM notices ORDER BY village_code, notice_id")]
    a, b = world.a.workstation["village_code"], world.b.workstation["village_code"]
    assert keys == [(a, "GS-2026-0001"), (a, "GS-2026-0002"), (b, "GS-2026-0001")]
    objections = t.db.execute("SELECT substr(application_id, 1, 12), objection_id"
                              " FROM objections ORDER BY 1, 2").fetchall()
    assert [tuple(r) for r in objections] == [(a, "YY-2026-0001"), (a, "YY-2026-0002"),
                                              (b, "YY-2026-0001")]
    listed = Notices(t, TODAY).batches()
    assert sorted((x["village_code"], x["notice_id"]) for x in listed) == keys
    with pytest.raises(Refusal, match="几个村都有"):
        notice_pdf(t, "GS-2026-0001")
    Notices(t, TODAY).set_phones(*PHONES)
    assert "石门村临时救助对象初审公示" in pdf_text(notice_pdf(t, "GS-2026-0002"))

