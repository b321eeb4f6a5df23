"""The month's 考核 on the command line: the PDF, the workbook and the JSON say the same
points and scores; every refusal is one line, exit 2, nothing changed; a forged report
(another township's village, a score that is not its points) is refused at import by the
rule book, as any event."""

from __future__ import annotations

import io
import json

import pytest
from openpyxl import load_workbook

from desktop.assessment import publish
from desktop.cli import main
from desktop.core import assessment_items as kh
from desktop.core.errors import Refusal, ValidationFailed
from desktop.core.rulebook import check_recorded
from tests.helpers import TODAY
from tests.sync_world import snapshot
from tests.test_assessment import NOV, world  # noqa: F401  (the fixture)
from tests.test_notice_helpers import pdf_text


def run(store, *args) -> int:
    return main(["--data-dir", str(store.path.parent), "--today", TODAY.isoformat(), *args])


def test_pdf_workbook_and_json_agree(world, tmp_path, capsys):  # noqa: F811
    t = world.township
    t.close()
    pdf, xlsx = tmp_path / "考核.pdf", tmp_path / "考核.xlsx"
    assert run(t, "assessment", "--month", NOV, "--format", "json", "--pdf", str(pdf),
               "--xlsx", str(xlsx)) == 0
    out = json.loads(capsys.readouterr().out)
    lines = out["townships"] + out["villages"]
    text = pdf_text(pdf.read_bytes())
    assert "一月一公布" in text and "陈家坊镇" in text and NOV in text
    book = load_workbook(io.BytesIO(xlsx.read_bytes()))
    rows = {r[1]: r for sheet in book.worksheets for r in sheet.iter_rows(min_row=4,
                                                                          values_only=True)}
    for ln in lines:
        assert f"{ln['rank']} {ln['name']}" in text.replace("\n", " ")
        assert rows[ln["name"]][-1] == ln["score"] / 10
        assert rows[ln["name"]][0] == ln["rank"]
        for item in ln["items"].values():
            assert kh.tenths(item["points"]) in text
        points = [v for v in rows[ln["name"]][3:-1:2]]
        assert points == [item["points"] / 10 for item in ln["items"].values()]
        assert kh.tenths(ln["score"]) in text


def test_the_pdf_alone_and_the_text_table(world, tmp_path, capsys):  # noqa: F811
    t = world.township
    t.close()
    assert run(t, "assessment", "--month", NOV) == 0
    shown = capsys.readouterr().out
    assert "尚未公布" in shown and "石门村" in shown and "100.0" in shown
    assert run(t, "assessment", "--month", NOV, "--pdf", str(tmp_path / "k.pdf")) == 0
    assert (tmp_path / "k.pdf").read_bytes().startswith(b"%PDF")


@pytest.mark.parametrize("where, args, says", [
    ("township", ["assessment", "--month", "2026-13"], "写得不对,应为“年-月”,例如 2026-11"),
    ("township", ["assessment", "--month", "2027-01"], "还没有到"),
    ("township", ["assessment"], "--month"),
    ("township", ["assessment", "publish", "--month", "2026-12"], "还没有过完"),
    ("township", ["assessment", "publish", "--month", "2027-02"], "还没有到"),
    ("township", ["assessment", "publish", "--month", NOV, "--correction"], "还没有公布"),
    ("county", ["assessment", "publish", "--month", NOV], "由乡镇民政办公布"),
    ("a", ["assessment", "note", "--month", NOV, "--text", "好"], "村级工作站只能查看"),
    ("township", ["assessment", "note", "--month", NOV, "--text", ""], "讲评内容"),
    ("county", ["assessment", "note", "--month", NOV, "--text", "好", "--to", "430522999"],
     "不是本机登记的乡镇代码"),
])
def test_each_refusal_is_one_line_and_changes_nothing(world, capsys, where, args,  # noqa: F811
                                                      says):
    store = getattr(world, where)
    before = snapshot(store)
    store.close()
    assert run(store, *args) == 2
    err = capsys.readouterr().err.strip()
    assert says in err and "\n" not in err and "Traceback" not in err
    reopened = type(store).open(store.path.parent)
    try:
        assert snapshot(reopened) == before
    finally:
        reopened.close()


def test_publishing_twice_is_refused_on_the_command_line(world, capsys):  # noqa: F811
    t = world.township
    t.close()
    assert run(t, "assessment", "publish", "--month", NOV) == 0
    capsys.readouterr()
    assert run(t, "assessment", "publish", "--month", NOV) == 2
    assert "--correction" in capsys.readouterr().err
    assert run(t, "assessment", "publish", "--month", NOV, "--correction") == 0


def _published(world) -> dict:  # noqa: F811
    publish.publish(world.township, NOV, TODAY)
    row = world.township.db.execute("SELECT payload FROM events WHERE type ="
                                    " 'AssessmentReported'").fetchone()
    return json.loads(row[0])


def _check(report: dict, record_id: str, policy) -> None:
    check_recorded("AssessmentReported", record_id, report, None, role="township",
                   today=TODAY, policy=policy)


def test_a_forged_report_is_refused_by_the_rule_book(world):  # noqa: F811
    report, policy = _published(world), world.county.policy
    own = kh.report_id("430522101", NOV)
    _check(report, own, policy)  # as published: accepted
    with pytest.raises(Refusal, match="不属于该记录"):  # filed under another township
        _check(report, kh.report_id("430522102", NOV), policy)
    with pytest.raises(Refusal, match="不符"):  # another month's id
        _check(report, kh.report_id("430522101", "2026-10"), policy)
    inflated = json.loads(json.dumps(report))
    inflated["lines"][0]["score"] = 1000 if inflated["lines"][0]["score"] != 1000 else 990
    with pytest.raises(ValidationFailed):
        _check(inflated, own, policy)
    too_many = json.loads(json.dumps(report))
    too_many["lines"][0]["items"]["investigation"]["points"] = 999
    with pytest.raises(ValidationFailed):
        _check(too_many, own, policy)
    with pytest.raises(Refusal, match="不能由发送方这一级办理"):
        check_recorded("AssessmentReported", own, report, None, role="village",
                       today=TODAY, policy=policy)


def test_a_note_with_nobody_to_send_it_to_is_refused(tmp_path):
    from tests.helpers import make_store

    lonely = make_store(tmp_path, "township")
    try:
        with pytest.raises(Refusal, match="还没有登记任何村"):
            publish.note(lonely, NOV, "好", TODAY)
    finally:
        lonely.close()


def _mutations(value, path=()):
    """Every place in a payload, to replace with something hostile."""
    yield path
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _mutations(v, (*path, k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _mutations(v, (*path, i))


HOSTILE = [None, -1, 10 ** 30, 1.5, "", "x" * 5000, "\x1b[2J", [], {}, [1, 2, 3], {"a": 1},
           True, "2099-12-31", [[1]], ["1", 2]]


def test_every_hostile_field_of_a_report_is_refused_not_a_crash(world):  # noqa: F811
    report, policy = _published(world), world.county.policy
    own = kh.report_id("430522101", NOV)
    accepted = []
    for path in list(_mutations(report))[1:]:
        for bad in HOSTILE:
            forged = json.loads(json.dumps(report))
            target = forged
            for key in path[:-1]:
                target = target[key]
            target[path[-1]] = bad
            try:
                _check(forged, own, policy)
                accepted.append((path, bad))
            except Refusal:  # ValidationFailed is one: a refusal, never a crash
                pass
    # only what is lawful: a name of plain words, "not assessed" where an item allows it
    assert all(path[-1] == "name" and bad == "2099-12-31"
               or path[-1] == "raw" and bad is None and kh.ITEMS[path[-2]].kind in
               ("limit", "average") for path, bad in accepted), accepted


def test_every_assessment_setting_is_named_on_screen():
    from dataclasses import fields

    from desktop.core.policy import Policy
    from desktop.core.setting_labels import SETTING_LABELS

    for item in kh.ITEMS.values():
        assert item.weight in SETTING_LABELS and (not item.per or item.per in SETTING_LABELS)
    assert {f.name for f in fields(Policy) if f.name.startswith("assessment_")} <= set(
        SETTING_LABELS)
