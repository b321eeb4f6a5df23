"""The whole notice cycle through the command line, with --today moving the clock:
create → objection upheld → the case goes back → a new notice → close after the period;
and the refusals of issue 3, each exit 2 with one line and nothing changed."""

from __future__ import annotations

import json

import pytest

from desktop.cli import main
from tests.helpers import ORDINARY_PATH, make_application
from tests.test_cli import INIT

STEPS = dict(ORDINARY_PATH)


@pytest.fixture
def rd(tmp_path, capsys):
    def run(*args, today="2026-11-06", stdin=None, monkeypatch=None):
        code = main(["--data-dir", str(tmp_path / "data"), "--today", today, *args])
        out, err = capsys.readouterr()
        return code, out, err
    return run


def _json(tmp_path, name, value) -> str:
    path = tmp_path / name
    path.write_text(json.dumps(value, ensure_ascii=False), encoding="utf-8")
    return str(path)


def _walk(rd, tmp_path, case_id, codes, today):
    for code in codes:
        fields = dict(STEPS[code], date=today)
        if code == "deliberate":
            fields["meeting_id"] = f"PY-{today}"
        assert rd("step", case_id, code, "--json", _json(tmp_path, f"{code}.json", fields),
                  today=today)[0] == 0


def _status(rd, case_id, today):
    code, out, _ = rd("applications", "show", case_id, "--format", "json", today=today)
    return json.loads(out)["status"]


def _batches(rd, today) -> dict:
    code, out, _ = rd("notice", "list", "--format", "json", today=today)
    assert code == 0
    return {b["notice_id"]: b for b in json.loads(out)}


def test_full_notice_cycle(rd, tmp_path):
    assert rd(*INIT, today="2026-11-02")[0] == 0
    apps = [make_application(), make_application()]
    apps[1]["applicant"]["name"] = "王䶮"
    code, out, _ = rd("applications", "add", _json(tmp_path, "apps.json", apps), today="2026-11-02")
    a, b = out.strip().split(":")[1].split(", ")
    for case in (a, b):
        _walk(rd, tmp_path, case, ["investigate"], "2026-11-03")
        _walk(rd, tmp_path, case, ["deliberate"], "2026-11-04")
        _walk(rd, tmp_path, case, ["review"], "2026-11-05")
    assert rd("notice", "phones", "--village", "0739-3612345", "--township", "0739-3698765")[0] == 0

    code, out, err = rd("notice", "create", a, b, "--start", "2026-11-07", "--board", "村部公开栏")
    assert (code, err) == (0, "")
    first = out.strip()
    assert first == "GS-2026-0001"
    assert _status(rd, a, "2026-11-07") == "on_notice"
    batch = _batches(rd, "2026-11-08")[first]
    assert (batch["days_left"], batch["cases"], batch["photo"]) == (6, 2, False)

    objection = {"objection_id": "YY-1", "received_on": "2026-11-08", "from": "",
                 "content": "反映该户有车辆"}
    assert rd("step", a, "objection", "--json", _json(tmp_path, "o.json", objection),
              today="2026-11-08")[0] == 0
    assert _batches(rd, "2026-11-08")[first]["open_objections"] == 1
    code, _, err = rd("notice", "close", first, today="2026-11-20")
    assert code == 2 and "未处理的异议" in err

    resolve = {"objection_id": "YY-1", "date": "2026-11-09", "how_checked": "入户核实,车辆属实",
               "result": "upheld", "back_to": "deliberation"}
    assert rd("step", a, "resolve_objection", "--json", _json(tmp_path, "r.json", resolve),
              today="2026-11-09")[0] == 0
    assert _status(rd, a, "2026-11-09") == "investigated"
    _walk(rd, tmp_path, a, ["deliberate", "review"], "2026-11-10")
    code, out, _ = rd("notice", "create", a, "--start", "2026-11-11", today="2026-11-10")
    second = out.strip()
    assert (code, second) == (0, "GS-2026-0002")

    code, _, err = rd("notice", "close", first, today="2026-11-13")
    assert code == 2 and "2026-11-14 起才能结束" in err
    code, out, _ = rd("notice", "close", first, today="2026-11-14")
    assert code == 0 and b in out and a not in out
    assert (_status(rd, b, "2026-11-14"), _status(rd, a, "2026-11-14")) == ("notice_done", "on_notice")
    assert rd("notice", "close", second, today="2026-11-17")[0] == 2
    assert rd("notice", "close", second, today="2026-11-18")[0] == 0
    assert _status(rd, a, "2026-11-18") == "notice_done"
    listed = _batches(rd, "2026-11-18")
    assert (listed[first]["status"], listed[second]["status"]) == ("closed", "closed")

    pdf = tmp_path / "gs.pdf"
    assert rd("notice", "pdf", first, "-o", str(pdf), today="2026-11-18")[0] == 0
    assert pdf.read_bytes().startswith(b"%PDF")
    assert rd("form", "pdf", a, "-o", str(tmp_path / "form.pdf"), today="2026-11-18")[0] == 0
    assert rd("rebuild", today="2026-11-18")[0] == 0
    assert _batches(rd, "2026-11-18") == listed


def test_refusals_exit_2_with_one_line(rd, tmp_path):
    assert rd(*INIT)[0] == 0
    code, out, _ = rd("applications", "add", _json(tmp_path, "a.json", [make_application()]))
    case = out.strip().split(":")[1]
    for args in (["notice", "create", case],                       # not reviewed
                 ["notice", "create", "430522101201-2026-9999"],   # no such case
                 ["notice", "close", "GS-2026-0099"],              # no such notice
                 ["notice", "photo", "GS-2026-0099", str(tmp_path / "none.jpg")],
                 ["notice", "phones", "--village", "call me"],
                 ["form", "pdf", case, "-o", str(tmp_path / "no" / "such" / "dir.pdf")],
                 ["register", "--format", "pdf", "-o", str(tmp_path), "--status", "on_notice"],
                 ["register", "--format", "xlsx", "-o", "x.xlsx", "--status", "nonsense"]):
        code, out, err = rd(*args)
        assert code == 2, args
        assert err.count("\n") == 1 and err.startswith("relief-desk: "), (args, err)
    code, _, err = rd("step", case, "objection", "--json",
                      _json(tmp_path, "o.json", {"objection_id": "1", "received_on": "2026-11-06",
                                                  "content": "x"}))
    assert code == 2 and "不能办理“登记异议”" in err
