"""Every bad bundle is refused with a clear reason, and the store is left exactly as it
was (event log, projections and sync tables compared row by row)."""

from __future__ import annotations

import errno
import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.core.errors import Refusal
from desktop.core.ways import CLI, render
from desktop.storage.eventlog import Event, event_hash
from desktop.storage.queries import application_documents
from desktop.sync import bundle, export
from desktop.sync.importer import import_files
from desktop.sync.peers import peer
from desktop.sync.verify import read_verified
from tests.helpers import TODAY, make_store
from tests.sync_world import World, snapshot, status


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    w = World(tmp_path_factory.mktemp("refusals"))
    w.cases_ready(w.a, 2)
    w.good = w.export(w.a)[0].path
    yield w
    w.close()


def refused(world, data: bytes, name="bad.rdbundle", store=None) -> str:
    """Import `data` at the township (or `store`); assert nothing changed; the reason."""
    store = store or world.township
    path = world.tmp / name
    path.write_bytes(data)
    before = snapshot(store)
    (report,) = import_files(store, [path], TODAY)
    assert not report.ok
    assert snapshot(store) == before
    return report.error


def test_the_good_bundle_verifies(world):
    assert read_verified(world.township, world.good).events


@pytest.mark.parametrize("where", ["header", "payload", "signature"])
def test_one_flipped_byte_is_refused(world, where):
    raw = bytearray(world.good.read_bytes())
    head_len = int.from_bytes(raw[19:23], "big")
    at = {"header": 23 + head_len // 2, "payload": 23 + head_len + 8 + 10,
          "signature": len(raw) - 5}[where]
    raw[at] ^= 0x01
    reason = refused(world, bytes(raw))
    assert "改动" in reason or "损坏" in reason


@pytest.mark.parametrize("keep", [0, 5, 19, 40, -64, -1])
def test_truncated_empty_and_foreign_files(world, keep):
    raw = world.good.read_bytes()
    reason = refused(world, raw[:keep] if keep else b"")
    assert any(w in reason for w in ("截断", "空文件", "改动", "损坏")), reason


def test_not_a_bundle(world):
    assert "不是民生救助工作台的数据包" in refused(world, b"%PDF-1.4 hello")


def test_for_another_workstation(world):
    reason = refused(world, world.good.read_bytes(), store=world.b)
    assert "不是发给本工作站" in reason and "陈家坊镇" in reason


def test_from_an_unknown_sender(world, tmp_path):
    stranger = make_store(tmp_path, "village", village="新村", village_code="430522101209")
    try:
        card_t = export.own_card(world.township)
        from desktop.sync.identity import fingerprint
        from desktop.sync.peers import enroll

        enroll(stranger, card_t, confirmed_fingerprint=fingerprint(card_t))
        path = export.export_bundles(stranger, tmp_path, TODAY)[0].path
        assert "未登记的工作站" in refused(world, path.read_bytes())
    finally:
        stranger.close()


def forge(world, events, *, attachments=None, version=None) -> bytes:
    """A bundle signed with village A's real key, carrying whatever we like."""
    t_peer = peer(world.a.db, world.township.workstation["id"])
    acks = export.acks_for(world.a.db, t_peer["workstation_id"])
    since = export._acked(world.a.db, t_peer["workstation_id"])
    header, data = export._build(world.a, t_peer, events, attachments or {}, acks, since)
    if version is not None:
        header = dict(header, format_version=version)
        data = bundle.pack(header, bundle.unpack(data, "x").ciphertext,
                           export.keys_of(world.a).signing.sign)
    return data


def event_of(world, case_id: str, type_: str, payload: dict, seq: int = 999) -> Event:
    ws = world.a.workstation["id"]
    args = (ws, seq, "0" * 64, "2026-12-31T00:00:00+00:00", "x", case_id, type_, payload)
    return Event(*args[:2], args[2], event_hash(*args), *args[3:])


@pytest.mark.parametrize("case_prefix, type_", [
    ("430522101202", "Reviewed"),  # village B's case
    ("430522101201", "Approved"),  # a township decision written by a village
    ("430522101201", "SomethingNew"),
])
def test_event_outside_the_senders_scope(world, case_prefix, type_):
    e = event_of(world, f"{case_prefix}-2026-0001", type_, {"date": "2026-12-31"})
    assert "超出发送方的权限" in refused(world, forge(world, [e]))


def test_newer_format_version(world):
    assert "更新版本" in refused(world, forge(world, [], version=2))


def test_attachment_names_and_sizes(world):
    with pytest.raises(Refusal, match="名称不合规"):
        forge_and_read(world, {"../../evil": b"x"})
    big = "a" * 64
    with pytest.raises(Refusal, match="大小不合理"):
        forge_and_read(world, {big: b"\0" * (20 * 1024 * 1024 + 10)})


def forge_and_read(world, attachments):
    path = world.tmp / "att.rdbundle"
    path.write_bytes(forge(world, [], attachments=attachments))
    return read_verified(world.township, path)


def test_a_changed_key_is_refused(tmp_path):
    w = World(tmp_path)
    try:
        w.cases_ready(w.a, 1)
        os.remove(w.a.path.parent / "keys" / "workstation-keys.json")
        path = w.export(w.a)[0].path  # signed with a brand-new key
        before = snapshot(w.township)
        (report,) = import_files(w.township, [path], TODAY)
        assert "签名密钥与本机登记的" in report.error and "--replace" in render(report.error, CLI)
        assert snapshot(w.township) == before
    finally:
        w.close()


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.data())
def test_random_damage_is_always_a_clear_refusal(world, data):
    raw = bytearray(world.good.read_bytes())
    kind = data.draw(st.sampled_from(["flip", "truncate", "splice"]))
    if kind == "flip":
        at = data.draw(st.integers(0, len(raw) - 1))
        raw[at] ^= data.draw(st.integers(1, 255))
    elif kind == "truncate":
        raw = raw[:data.draw(st.integers(0, len(raw) - 1))]
    else:
        at = data.draw(st.integers(0, len(raw) - 1))
        junk = data.draw(st.binary(min_size=1, max_size=40))
        if bytes(raw[at:at + len(junk)]) == junk:
            return
        raw[at:at + len(junk)] = junk
    path = world.tmp / "damaged.rdbundle"
    path.write_bytes(bytes(raw))
    with pytest.raises(Refusal) as exc:
        read_verified(world.township, path)
    assert "本机数据未做任何改动" in exc.value.message or "升级" in exc.value.message


def test_no_personal_data_in_the_raw_bytes(world):
    raw = world.good.read_bytes()
    documents = application_documents(world.a.db)
    for row in world.a.db.query("SELECT id, applicant_name, applicant_id_number"
                                " FROM applications"):
        doc = documents[row["id"]]
        secrets = [row["applicant_name"], row["applicant_id_number"],
                   doc["applicant"]["phone"], doc["household"]["bank_account"]]
        secrets += [m["name"] for m in doc["members"]] + [m["id_number"] for m in doc["members"]]
        for secret in secrets:
            assert secret.encode("utf-8") not in raw, secret


@pytest.mark.parametrize("failure", ["full", "read_only"])
def test_a_failed_write_leaves_no_file_and_changes_nothing(tmp_path, monkeypatch, failure):
    w = World(tmp_path)
    try:
        (case_id,) = w.cases_ready(w.a, 1)
        before = snapshot(w.a)
        if failure == "full":
            def no_space(fd):
                raise OSError(errno.ENOSPC, "No space left on device")
            monkeypatch.setattr(os, "fsync", no_space)
        else:
            def read_only(*a, **k):
                raise PermissionError(errno.EROFS, "Read-only file system")
            monkeypatch.setattr("tempfile.mkstemp", read_only)
        with pytest.raises(Refusal, match="U 盘"):
            w.export(w.a)
        monkeypatch.undo()
        assert list(w.usb.iterdir()) == []
        assert snapshot(w.a) == before and status(w.a, case_id) == "notice_done"
    finally:
        w.close()
