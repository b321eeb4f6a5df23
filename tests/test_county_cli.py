# ruff: noqa: F811
"""The county on the command line (issue 14): init, enroll, bundles township ⇄ county,
the county's queue and decisions, and the decision back at the village."""

from __future__ import annotations

import json

# the fixtures `rd` and `enrolled` (a village and its township) are those of the sync tests
from tests.test_sync_cli import enrolled, fp, rd, ready_case, status  # noqa: F401

COUNTY = ["--county", "新邵县", "--county-code", "430522"]


def _county_enrolled(rd, tmp_path) -> None:
    assert rd("c", "init", "--role", "county", *COUNTY, "--officer", "赵县局")[0] == 0
    assert rd("c", "identity", "export", "-o", str(tmp_path / "c.json"))[0] == 0
    assert rd("t", "enroll", str(tmp_path / "c.json"), "--fingerprint", fp(rd, "c"))[0] == 0
    assert rd("c", "enroll", str(tmp_path / "t.json"), "--fingerprint", fp(rd, "t"))[0] == 0


def _carry(rd, tmp_path, sender: str, receiver: str, to_name: str) -> str:
    usb = tmp_path / f"usb-{sender}-{receiver}-{len(list(tmp_path.iterdir()))}"
    usb.mkdir()
    assert rd(sender, "bundle", "export", "--to", str(usb))[0] == 0
    paths = [str(p) for p in usb.glob("*.rdbundle") if f"至{to_name}_" in p.name]
    code, out, err = rd(receiver, "bundle", "import", *paths)
    assert code == 0, err
    return out


def test_a_referral_decided_at_the_county_on_the_command_line(enrolled, tmp_path):
    rd = enrolled
    _county_enrolled(rd, tmp_path)
    case_id = ready_case(rd, tmp_path)
    _carry(rd, tmp_path, "v", "t", "陈家坊镇")
    assert rd("t", "decide", case_id, "--refer")[0] == 0
    _carry(rd, tmp_path, "t", "c", "新邵县")
    code, out, _ = rd("c", "queue", "--format", "json")
    assert code == 0 and [r["id"] for r in json.loads(out)] == [case_id]
    code, _, err = rd("c", "decide", case_id, "--approve", "9999")
    assert code == 2 and "县级审批上限" in err
    code, _, err = rd("t", "decide", case_id, "--approve", "1500", "--county-ref", "x")
    assert code == 2 and "由县民政局在其工作站上决定" in err
    code, out, _ = rd("c", "decide", case_id, "--approve", "1500")
    assert code == 0 and "新邵县民政局转县审批〔2026〕1号" in out
    out = _carry(rd, tmp_path, "c", "t", "陈家坊镇")
    assert "已按县局决定登记 1 件" in out
    _carry(rd, tmp_path, "t", "v", "石门村")
    assert status(rd, "v", case_id) == "approved"
    code, out, _ = rd("c", "queue")
    assert code == 0 and "没有待县局审批的案件" in out


def test_init_of_a_county_refuses_a_township_code(rd):
    code, _, err = rd("c", "init", "--role", "county", *COUNTY, "--township-code",
                      "430522101", "--officer", "赵县局")
    assert code == 2 and "县级工作站不填写乡镇" in err


def test_spot_check_commands_refuse_clearly(rd):
    assert rd("c", "init", "--role", "county", *COUNTY, "--officer", "赵县局")[0] == 0
    code, _, err = rd("c", "spot-check", "draw", "--month", "2026-12")
    assert code == 2 and "没有已备案的案件" in err
    code, _, err = rd("c", "spot-check", "list", "--month", "2026-13")
    assert code == 2 and "抽查月份“2026-13”写得不对,应为“年-月”,例如 2026-11。" in err
    assert "YYYY" not in err
    code, out, _ = rd("c", "spot-check", "list", "--month", "2026-11", "--format", "json")
    assert code == 0 and json.loads(out)["cases"] == []
