"""Hostile files (issue 7), fuzzed with hypothesis: the bundle reader, the JSON importer,
the encrypted-backup reader and the spreadsheet writer. Only clear refusals: never a
crash, a hang, unbounded memory, or a change to the store.

Quick in the normal run; the long run:

    RELIEF_DESK_FUZZ_EXAMPLES=5000 pytest tests/test_fuzz.py"""

from __future__ import annotations

import io
import json
import os
import zlib

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from desktop.core.errors import Refusal
from desktop.sync import bundle, payload
from desktop.sync.importer import import_files
from tests.helpers import TODAY, make_application
from tests.sync_world import World, snapshot

EXAMPLES = int(os.environ.get("RELIEF_DESK_FUZZ_EXAMPLES", "100"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None,
                suppress_health_check=list(HealthCheck))
JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False)
                    | st.text(max_size=30),
                    lambda inner: st.lists(inner, max_size=5)
                    | st.dictionaries(st.text(max_size=12), inner, max_size=6), max_leaves=40)


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    w = World(tmp_path_factory.mktemp("fuzz"))
    w.cases_ready(w.a, 1)
    w.good = w.export(w.a)[0].path.read_bytes()
    yield w
    w.close()


@FUZZ
@given(st.binary(max_size=2048))
def test_random_bytes_are_refused(raw):
    try:
        bundle.unpack(raw, "x.rdbundle")
    except Refusal:
        pass


@FUZZ
@given(data=st.data())
def test_damaged_bundles_change_nothing(world, data):
    raw = bytearray(world.good)
    for _ in range(data.draw(st.integers(1, 4))):
        kind = data.draw(st.sampled_from(["flip", "cut", "insert"]))
        pos = data.draw(st.integers(0, len(raw) - 1))
        if kind == "flip":
            raw[pos] ^= data.draw(st.integers(1, 255))
        elif kind == "cut":
            del raw[pos:pos + data.draw(st.integers(1, 200))]
        else:
            raw[pos:pos] = data.draw(st.binary(min_size=1, max_size=50))
    assume(bytes(raw) != world.good)  # an insert undone by a cut
    path = world.tmp / "fuzzed.rdbundle"
    path.write_bytes(bytes(raw))
    before = snapshot(world.township)
    (report,) = import_files(world.township, [path], TODAY)
    assert not report.ok and report.error
    assert snapshot(world.township) == before


@FUZZ
@given(JSON)
def test_payloads_of_any_shape_are_refused_or_parsed(doc):
    try:
        payload.parse(zlib.compress(json.dumps(doc).encode()), "x")
    except Refusal:
        pass


def test_a_decompression_bomb_stops_at_the_cap(monkeypatch):
    monkeypatch.setattr(payload, "MAX_PLAIN_BYTES", 1024 * 1024)
    bomb = zlib.compress(b"[" + b" " * (16 * 1024 * 1024) + b"]", 9)  # 16 MB from ~16 KB
    assert len(bomb) < 64 * 1024
    with pytest.raises(Refusal, match="过大"):
        payload.parse(bomb, "bomb")


@pytest.mark.parametrize("text", ["[" * 100_000 + "]" * 100_000,
                                  '{"a":' * 50_000 + "1" + "}" * 50_000])
def test_deeply_nested_json_is_refused(tmp_path, text):
    from desktop.cli.commands import read_json

    with pytest.raises(Refusal):
        payload.parse(zlib.compress(text.encode()), "deep")
    (tmp_path / "deep.json").write_text(text)
    with pytest.raises(Refusal, match="嵌套"):
        read_json(tmp_path / "deep.json")


def test_a_huge_json_file_is_refused_unread(tmp_path, monkeypatch):
    from desktop.cli import commands

    monkeypatch.setattr(commands, "MAX_INPUT_BYTES", 1000)
    (tmp_path / "big.json").write_text("[" + "1," * 10_000 + "1]")
    with pytest.raises(Refusal, match="超过"):
        commands.read_json(tmp_path / "big.json")


@FUZZ
@given(data=st.data())
def test_application_files_of_any_shape(world, data, tmp_path_factory):
    """Random JSON, or a valid application with one part replaced by random JSON."""
    from desktop.cli.commands import read_json
    from desktop.operations.casework import Casework

    doc = data.draw(JSON)
    if data.draw(st.booleans()):
        good = make_application()
        key = data.draw(st.sampled_from(sorted(good)))
        doc = [{**good, key: doc}]
    path = tmp_path_factory.mktemp("apps") / "apps.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    before = snapshot(world.a)
    try:
        Casework(world.a, TODAY).receive_many(read_json(path))
    except Refusal:
        assert snapshot(world.a) == before
    else:  # a random part that happened to be acceptable (e.g. an empty note)
        world.a.db.execute("SELECT 1")


@FUZZ
@given(st.binary(max_size=4096))
def test_encrypted_backup_reader_refuses_garbage(tmp_path_factory, raw):
    from desktop.safety import vault

    folder = tmp_path_factory.mktemp("vault")
    path = folder / "x.rdbackup"
    path.write_bytes(vault.MAGIC + raw if raw[:1] == b"\0" else raw)
    with pytest.raises(Refusal):
        vault.open_backup(path, "口令123456", folder / "staging")
    assert not (folder / "staging").exists()


def test_backup_archives_with_hostile_names_are_refused(tmp_path):
    """Zip-slip: `../`, absolute paths and unknown names never land anywhere."""
    import zipfile

    from desktop.safety import vault

    for name in ("../../evil.sh", "/etc/passwd", "attachments/../../x", "keys/../../y",
                 "relief-desk.sqlite3/../z"):
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w") as z:
            z.writestr("relief-desk.sqlite3", b"x")
            z.writestr(name, b"boom")
        staging = tmp_path / "s"
        staging.mkdir(exist_ok=True)
        with pytest.raises(Refusal):
            vault._unpack(out.getvalue(), staging, "hostile.rdbackup")
        assert list(staging.rglob("*")) == []
    assert not (tmp_path.parent / "evil.sh").exists()


@FUZZ
@given(st.text(max_size=40))
def test_spreadsheet_cells_never_run_as_formulas(text):
    from openpyxl import Workbook, load_workbook

    from desktop.printing.register import _xlsx_value
    from desktop.printing.sheets import append_row, sheet_text
    from desktop.textout import formula_like

    wb = Workbook()
    append_row(wb.active, [_xlsx_value(2, text)])
    assert wb.active["A1"].value == sheet_text(text)  # the text itself, nothing added
    out = io.BytesIO()
    wb.save(out)
    cell = load_workbook(io.BytesIO(out.getvalue())).active["A1"]
    assert cell.data_type != "f"
    assert cell.quotePrefix == formula_like(sheet_text(text))
