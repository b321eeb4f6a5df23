"""低保变动公示 (issue 15 item 5): the village posts the changes decided to its households
since its last such notice — new, adjusted, class changed, stopped — with the objection
channel and a period, numbered per village and year; the notice travels to the township,
which refuses one that names another village or a change it never decided."""

from __future__ import annotations

import io
import json
from datetime import date

import pytest
from pypdf import PdfReader

from desktop.core.errors import Refusal
from desktop.dibao.change_notices import issue, notice_record
from desktop.dibao.reviews import Reviews
from desktop.operations.casework import Casework
from desktop.operations.notices import Notices
from desktop.storage.notice_queries import all_batches
from tests.forged import recorded_and_sent
from tests.helpers import TODAY
from tests.test_dibao_review import cli, enrolled, reopen, review, send

VILLAGE = "430522101201"


def _phones(store) -> None:
    Notices(store, TODAY).set_phones("0739-1234567", "0739-7654321")


def _text(pdf: bytes) -> str:
    return "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)


def _adjusted(world, case_id: str) -> None:
    """The village's review (2 persons now) decided as an adjustment to 460 元 from May."""
    day = date(2027, 5, 10)
    Casework(world.a, day).step(case_id, "dibao_review", review())
    send(world, world.a, world.township, day)
    Reviews(world.township, date(2027, 5, 12)).decide(case_id, 46_000)
    send(world, world.township, world.a, date(2027, 5, 12))


def test_the_notice_lists_exactly_the_changes_decided_since_the_last(world, tmp_path, capsys):
    case_id = enrolled(world)  # approved B at 790 元 from 2026-12, at the village too
    _phones(world.a)
    first = tmp_path / "变动公示.pdf"
    code, out, err = cli(capsys, world.a, "2026-12-31", "dibao", "change-notice", "-o",
                         str(first))
    assert code == 0 and "BD-2026-0001:1 项变动" in out, err
    world.a = reopen(world.a)
    text = _text(first.read_bytes())
    assert "最低生活保障对象变动公示" in text and "新纳入" in text and "790.00" in text
    assert "2026年12月" in text and "0739-1234567" in text and "0739-7654321" in text
    assert "2027年1月6日" in text  # 7 days from 2026-12-31
    # nothing private: no ID number, household phone, account or class
    case = world.a.db["applications"].get(case_id)
    assert case["applicant_id_number"] not in text and "B类" not in text
    assert "基本稳定" not in text and "变化较小" not in text

    # nothing new: refused in one line, nothing recorded
    code, _, err = cli(capsys, world.a, "2027-01-02", "dibao", "change-notice")
    assert code == 2 and "没有决定新的低保变动" in err and len(err.strip().splitlines()) == 1
    world.a = reopen(world.a)
    assert [b["notice_id"] for b in all_batches(world.a.db, TODAY)
            if b["kind"] == "change"] == ["BD-2026-0001"]

    # an adjustment, then a stop with its gradual exit: both on the next notice only
    _adjusted(world, case_id)
    Reviews(world.township, date(2027, 6, 2)).stop(case_id, "迁往外省居住", "moved")
    send(world, world.township, world.a, date(2027, 6, 3))
    notice_id, count = issue(world.a, date(2027, 6, 3))
    assert (notice_id, count) == ("BD-2027-0001", 2)
    record, digest = notice_record(world.a.db, VILLAGE, notice_id)
    assert [(ln["change"], ln["persons"], ln["old_fen"], ln["new_fen"], ln["from_month"])
            for ln in record["changes"]] == [("adjust", 2, 79_000, 46_000, "2027-05"),
                                             ("stop", 2, 46_000, 0, "2027-06")]

    # the notice list shows it; a reprint is the same sheet, code and all
    listed = {b["notice_id"]: b for b in all_batches(world.a.db, date(2027, 6, 3),
                                                     world.a.policy)}
    assert listed[notice_id]["kind_label"] == "低保变动公示"
    assert listed[notice_id]["cases"] == 2 and listed[notice_id]["status"] == "posted"
    assert listed[notice_id]["posted_sha256"] == digest
    sheets = []
    for name in ("a.pdf", "b.pdf"):
        code, _, err = cli(capsys, world.a, "2027-06-20", "notice", "pdf", notice_id, "-o",
                           str(tmp_path / name))
        assert code == 0, err
        sheets.append(_text((tmp_path / name).read_bytes()))
    world.a = reopen(world.a)
    assert sheets[0] == sheets[1] and digest[:12] in sheets[0]
    assert "调整保障金" in sheets[0] and "停保" in sheets[0] and "停发" in sheets[0]
    assert "790.00" in sheets[0] and "460.00" in sheets[0] and "2027年5月" in sheets[0]

    # up to the township in a real bundle: accepted, shown in its notice list
    send(world, world.a, world.township, date(2027, 6, 4))
    at_township = [(b["village_code"], b["notice_id"]) for b in
                   all_batches(world.township.db, date(2027, 6, 4)) if b["kind"] == "change"]
    assert sorted(at_township) == [(VILLAGE, "BD-2026-0001"), (VILLAGE, notice_id)]
    # the projections are the log's
    before = list(world.a.db.execute("SELECT * FROM notices ORDER BY 1, 2"))
    world.a.rebuild()
    assert list(world.a.db.execute("SELECT * FROM notices ORDER BY 1, 2")) == before


def test_a_late_bundle_s_decision_is_posted_on_the_next_notice(world):
    """A decision dated before the last notice but brought by a later bundle is posted
    then: "since the last notice" is "on no notice", not "decided after its date"."""
    case_id = enrolled(world)
    _phones(world.a)
    Casework(world.a, date(2027, 5, 10)).step(case_id, "dibao_review", review())
    send(world, world.a, world.township, date(2027, 5, 10))
    issue(world.a, date(2027, 5, 11))  # the enrollment
    Reviews(world.township, date(2027, 5, 12)).decide(case_id, 46_000)
    with pytest.raises(Refusal, match="没有决定新的低保变动"):
        issue(world.a, date(2027, 5, 20))  # the decision is not here yet
    send(world, world.township, world.a, date(2027, 5, 25))
    notice_id, count = issue(world.a, date(2027, 5, 25))
    assert count == 1
    assert notice_record(world.a.db, VILLAGE, notice_id)[0]["changes"][0]["change"] == "adjust"


def _forge(world, payload: dict, record: str, day: date) -> list[str]:
    """The village's change notice made without the operation: the township's refusals."""
    return recorded_and_sent(world, world.a, world.township, record,
                             "DibaoChangeNoticeIssued", payload, day)


LINE = {"change": "new", "decided_on": "2026-12-31", "persons": 3, "old_fen": 0,
        "new_fen": 79_000, "from_month": "2026-12", "exit_months": 0}
OTHER = "430522101202"


@pytest.mark.parametrize("forged, village, why", [
    ({"new_fen": 99_000}, VILLAGE, "不是乡镇决定过的低保变动"),  # a change never decided
    ({"from_month": "2027-01"}, VILLAGE, "不是乡镇决定过的低保变动"),
    ({}, VILLAGE, "已在另一张变动公示上公示过"),  # posted twice
    ({"village_code": OTHER}, VILLAGE, "不是本村的案件"),  # its fields: another village
    ({"village_code": OTHER}, OTHER, OTHER),  # another village's record altogether
])
def test_a_forged_notice_is_refused_at_the_township(world, forged, village, why):
    """A refused event holds the writer's later ones: one forgery per world."""
    case_id = enrolled(world)
    _phones(world.a)
    day = date(2027, 1, 5)
    line = {"case_id": case_id, **LINE}
    base = {"notice_id": "BD-2027-0001", "village_code": VILLAGE, "date": "2027-01-05",
            "days": 7, "board": "村务公开栏", "changes": [line]}
    assert _forge(world, base, f"{VILLAGE}-BD-2027-0001", day) == []  # the true one passes
    changed_line = {k: v for k, v in forged.items() if k in line}
    payload = {**base, "notice_id": "BD-2027-0002", "changes": [{**line, **changed_line}],
               **{k: v for k, v in forged.items() if k not in line}}
    refused = _forge(world, payload, f"{village}-BD-2027-0002", day)
    assert len(refused) == 1 and why in refused[0], refused
    assert [b["notice_id"] for b in all_batches(world.township.db, day)
            if b["kind"] == "change"] == ["BD-2027-0001"]


def test_only_the_village_posts_and_only_with_the_phones(world, capsys, tmp_path):
    enrolled(world)
    code, _, err = cli(capsys, world.a, "2026-12-31", "dibao", "change-notice")
    assert code == 2 and "异议反映电话" in err
    world.a = reopen(world.a)
    assert world.a.db.execute("SELECT COUNT(*) FROM events WHERE type = ?",
                              ["DibaoChangeNoticeIssued"]).fetchone()[0] == 0
    code, _, err = cli(capsys, world.township, "2026-12-31", "dibao", "change-notice")
    assert code == 2 and "村级工作站" in err
    world.township = reopen(world.township)
    code, _, err = cli(capsys, world.a, "2026-12-31", "dibao", "change-notice", "-o",
                       str(tmp_path / "x.txt"))
    assert code == 2 and ".pdf" in err
    world.a = reopen(world.a)
    listed = json.loads(cli(capsys, world.a, "2026-12-31", "notice", "list", "--format",
                            "json")[1])
    assert [b for b in listed if b["kind"] == "change"] == []


def test_a_change_notice_is_not_closed_nor_joined_like_an_initial_one(world):
    enrolled(world)
    _phones(world.a)
    notice_id, _ = issue(world.a, TODAY)
    with pytest.raises(Refusal, match="是低保变动公示,无须结束"):
        Notices(world.a, TODAY).close(notice_id)
    (case_id,) = world.cases_ready(world.a, 1, until="reviewed")
    with pytest.raises(Refusal, match="是低保变动公示的编号"):
        Casework(world.a, TODAY).step(case_id, "post_notice", {
            "notice_id": notice_id, "start": TODAY.isoformat(), "days": 7,
            "board": "村务公开栏"})
