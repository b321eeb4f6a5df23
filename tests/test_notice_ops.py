"""Notice operations: a batch is posted whole or not at all; bad input is refused with
nothing changed; batch projections (notices, notice_cases) rebuild exactly from the log;
a store of schema 0001 gets its batches from its log when migrated."""

from __future__ import annotations

import shutil
from datetime import date, timedelta

import pytest

from desktop.core.errors import Refusal
from desktop.operations.casework import Casework
from desktop.operations.notices import Notices
from desktop.paths import store_path
from desktop.storage.store import Store
from tests.helpers import event_count, playing
from tests.test_notice_helpers import NOTICE_TODAY, cases_at, village_store
from tests.test_store import FIXTURE

PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 64


@pytest.fixture
def store(tmp_path):
    s = village_store(tmp_path)
    yield s
    s.close()


def _tables(db) -> dict:
    return {t: list(db.query(f"SELECT * FROM {t} ORDER BY notice_id, village_code"))
            for t in ("notices", "notice_cases")}


def test_a_batch_is_all_or_nothing(store):
    good = cases_at(store, ["甲一", "乙二"])
    bad = cases_at(store, ["丙三"], status="deliberated")
    n = Notices(store, NOTICE_TODAY)
    before = event_count(store.db)
    with pytest.raises(Refusal, match="丙三"):
        n.create(good + bad)
    assert event_count(store.db) == before
    assert {store.db["applications"].get(i)["status"] for i in good} == {"reviewed"}
    with pytest.raises(Refusal, match="至少要包含一个案件"):
        n.create([])
    with pytest.raises(Refusal, match="公示期不得少于"):
        n.create(good, days=3)
    assert event_count(store.db) == before
    assert n.create(good, days=10) == "GS-2026-0001"
    assert n.batches()[0]["days"] == 10


def test_mixed_programs_and_the_township_are_refused(store):
    relief = cases_at(store, ["甲一"])
    dibao = cases_at(store, ["乙二"], program="dibao", category="dibao", reason="dibao_illness")
    n = Notices(store, NOTICE_TODAY)
    with pytest.raises(Refusal, match="同一救助项目"):
        n.create(relief + dibao)
    with playing(store, "township"), pytest.raises(Refusal, match="村级工作站"):
        n.create(relief)


def test_close_needs_the_period_elapsed_and_no_open_objection(store):
    ids = cases_at(store, ["甲一", "乙二"])
    n = Notices(store, NOTICE_TODAY)
    notice_id = n.create(ids)
    oid = n.record_objection(ids[0], content="反映收入不实", received_on=NOTICE_TODAY)
    assert oid == "YY-2026-0001"
    late = Notices(store, NOTICE_TODAY + timedelta(days=7))
    with pytest.raises(Refusal, match="未处理的异议"):
        late.close(notice_id)
    late.resolve_objection(ids[0], oid, result="dismissed", how_checked="经核实收入属实")
    with pytest.raises(Refusal, match="起才能结束"):
        Notices(store, NOTICE_TODAY + timedelta(days=6)).close(notice_id)
    assert late.close(notice_id) == ids
    with pytest.raises(Refusal, match="已经结束"):
        late.close(notice_id)
    assert late.batches()[0]["status"] == "closed"


def test_photo_is_kept_by_hash_and_shown_in_the_list(store, tmp_path):
    n = Notices(store, NOTICE_TODAY)
    notice_id = n.create(cases_at(store, ["甲一"]))
    photo = tmp_path / "posted.png"
    photo.write_bytes(PNG)
    digest = n.attach_photo(notice_id, photo)
    (batch,) = n.batches()
    assert (batch["photo"], batch["photo_sha256"], batch["photo_on"]) == (
        True, digest, NOTICE_TODAY.isoformat())
    not_image = tmp_path / "note.txt"
    not_image.write_text("hello")
    with pytest.raises(Refusal, match="不是 JPG 或 PNG"):
        n.attach_photo(notice_id, not_image)
    with pytest.raises(Refusal, match="找不到照片文件"):
        n.attach_photo(notice_id, tmp_path / "missing.jpg")


def test_rebuild_reproduces_the_notice_tables_exactly(store, tmp_path):
    ids = cases_at(store, ["甲一", "乙二", "丙三"])
    n = Notices(store, NOTICE_TODAY)
    first = n.create(ids)
    oid = n.record_objection(ids[1], content="有异议", from_whom="张三")
    n.resolve_objection(ids[1], oid, result="upheld", how_checked="属实",
                        back_to="investigation")
    photo = tmp_path / "p.png"
    photo.write_bytes(PNG)
    n.attach_photo(first, photo)
    Notices(store, NOTICE_TODAY + timedelta(days=7)).close(first)
    approved = cases_at(store, ["丁四"], status="approved")
    Notices(store, date(2026, 12, 1)).post_results(approved, board="村部")
    before = _tables(store.db)
    assert {c["state"] for c in before["notice_cases"]} == {"closed", "withdrawn", "posted"}
    store.rebuild()
    assert _tables(store.db) == before
    store.set_settings({"notice_days_temporary": 7})  # a settings change rebuilds too
    assert _tables(store.db) == before


def test_a_store_of_schema_0001_gets_its_batches_when_migrated(tmp_path):
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    shutil.copyfile(FIXTURE, store_path(data_dir))
    s = Store.open(data_dir)
    try:
        (batch,) = [b for b in Notices(s, date(2026, 11, 20)).batches()
                    if "430522101201-2026-0002" in b["case_ids"]]
        assert batch["open_objections"] == 1 and batch["status"] in ("on_notice", "elapsed")
        before = _tables(s.db)
        s.rebuild()
        assert _tables(s.db) == before
    finally:
        s.close()


def test_a_posted_sheet_takes_no_late_comer(store, tmp_path):
    """Issue 13 item 4: a case may join a sheet only while it is as it was put up; once
    photographed (or objected to, or a case of it ended) a later case goes on a new sheet,
    so the sheet's code and hash keep naming what hung on the board."""
    n = Notices(store, NOTICE_TODAY)
    notice_id = n.create(cases_at(store, ["甲一", "乙二"]))
    (batch,) = n.batches()
    same = {"notice_id": notice_id, "start": batch["start"], "days": batch["days"],
            "board": batch["board"]}
    work = Casework(store, NOTICE_TODAY)
    (third,) = cases_at(store, ["丙三"])
    work.step(third, "post_notice", same)  # the sheet not yet up: it may still take one
    assert n.batches()[0]["cases"] == 3
    (fourth,) = cases_at(store, ["丁四"])
    with pytest.raises(Refusal, match="须与它相同"):
        work.step(fourth, "post_notice", {**same, "start": "2026-11-07"})
    photo = tmp_path / "posted.png"
    photo.write_bytes(PNG)
    n.attach_photo(notice_id, photo)
    posted = n.batches()[0]["posted_sha256"]
    before = event_count(store.db)
    with pytest.raises(Refusal, match="已有张贴照片.*请另建一张新的公示"):
        work.step(fourth, "post_notice", same)
    assert event_count(store.db) == before
    assert store.db["applications"].get(fourth)["status"] == "reviewed"
    assert (n.batches()[0]["cases"], n.batches()[0]["posted_sha256"]) == (3, posted)
    assert n.create([fourth]) != notice_id  # the officer's way: a new numbered sheet
