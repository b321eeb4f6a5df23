"""The command-line round trip of the README, and its exit codes."""

from __future__ import annotations

import json
import re

import pytest

from desktop.cli import main
from tests.helpers import ORDINARY_PATH, make_application

TODAY = "2026-12-31"
REGION = ["--county", "新邵县", "--county-code", "430522", "--township", "陈家坊镇",
          "--township-code", "430522101"]


@pytest.fixture
def rd(tmp_path, capsys):
    def run(where, *args):
        code = main(["--data-dir", str(tmp_path / where), "--today", TODAY, *args])
        out, err = capsys.readouterr()
        return code, out, err
    return run


def fp(rd, where) -> str:
    code, out, _ = rd(where, "identity", "show")
    assert code == 0
    return re.search(r"指纹 ([\d ]+)", out).group(1)


def village_and_township(rd, tmp_path) -> None:
    """A village and its township set up through the command line, cards exported."""
    assert rd("v", "init", "--role", "village", *REGION, "--village", "石门村",
              "--village-code", "430522101201", "--officer", "刘晓梅")[0] == 0
    assert rd("t", "init", "--role", "township", *REGION, "--officer", "王审批")[0] == 0
    for side in ("v", "t"):
        assert rd(side, "identity", "export", "-o", str(tmp_path / f"{side}.json"))[0] == 0


def enroll_both(rd, tmp_path) -> None:
    """Each enrolls the other, giving the fingerprint its card shows."""
    assert rd("v", "enroll", str(tmp_path / "t.json"), "--fingerprint", fp(rd, "t"))[0] == 0
    assert rd("t", "enroll", str(tmp_path / "v.json"), "--fingerprint", fp(rd, "v"))[0] == 0


@pytest.fixture
def enrolled(rd, tmp_path):
    village_and_township(rd, tmp_path)
    code, _, err = rd("v", "enroll", str(tmp_path / "t.json"))
    assert code == 2 and "--fingerprint" in err  # a person must compare first
    code, _, err = rd("v", "enroll", str(tmp_path / "t.json"), "--fingerprint", "1" * 30)
    assert code == 2 and "指纹不一致" in err
    enroll_both(rd, tmp_path)
    return rd


def ready_case(rd, tmp_path) -> str:
    (tmp_path / "apps.json").write_text(json.dumps([make_application()], ensure_ascii=False),
                                        encoding="utf-8")
    code, out, _ = rd("v", "applications", "add", str(tmp_path / "apps.json"))
    case_id = re.search(r"(\d{12}-\d{4}-\d{4})", out).group(1)
    for action, fields in ORDINARY_PATH[:5]:
        (tmp_path / "step.json").write_text(json.dumps(fields, ensure_ascii=False))
        assert rd("v", "step", case_id, action, "--json", str(tmp_path / "step.json"))[0] == 0
    return case_id


def status(rd, where, case_id) -> str:
    code, out, _ = rd(where, "applications", "show", case_id, "--format", "json")
    return json.loads(out)["status"]


def test_command_line_round_trip(enrolled, tmp_path):
    rd = enrolled
    case_id = ready_case(rd, tmp_path)
    usb = tmp_path / "usb"
    usb.mkdir()
    code, out, _ = rd("v", "bundle", "export", "--to", str(usb))
    assert code == 0 and "随包上报案件 1 件" in out
    (path,) = usb.glob("*.rdbundle")
    assert path.name.startswith("石门村至陈家坊镇_2026-12-31_第1包_事件1-")
    code, out, _ = rd("v", "bundle", "verify", str(path))
    assert code == 0 and "本机签名正确" in out
    code, out, _ = rd("t", "bundle", "verify", str(path))
    assert code == 0 and "签名正确,内容已解密核对" in out and "石门村" in out
    code, out, _ = rd("t", "bundle", "import", str(path))
    assert code == 0 and "已接收案件 1 件" in out
    code, _, err = rd("t", "bundle", "import", str(path))
    assert code == 2 and "导入过" in err
    assert status(rd, "t", case_id) == "acknowledged"
    assert rd("t", "step", case_id, "approve", "--json", str(_fields(tmp_path)))[0] == 0
    back = tmp_path / "back"
    back.mkdir()
    assert rd("t", "bundle", "export", "--to", str(back))[0] == 0
    (reply,) = back.glob("*.rdbundle")
    code, out, _ = rd("v", "bundle", "import", str(reply))
    assert code == 0 and "新事件 2 个" in out
    assert status(rd, "v", case_id) == "approved"
    # until the village's acknowledgement arrives, the township sends the same again
    code, out, _ = rd("t", "bundle", "export", "--to", str(back))
    assert code == 0 and "事件 1–2" in out
    ack = tmp_path / "ack"
    ack.mkdir()
    code, out, _ = rd("v", "bundle", "export", "--to", str(ack))
    assert code == 0 and "仅回执" in out
    assert rd("t", "bundle", "import", *map(str, ack.glob("*.rdbundle")))[0] == 0
    code, out, _ = rd("t", "bundle", "export", "--to", str(back))
    assert code == 0 and "没有需要发送的新内容" in out


def _fields(tmp_path):
    path = tmp_path / "approve.json"
    path.write_text(json.dumps({"approver": "王审批", "amount_fen": 100_000}))
    return path


def test_refusals_exit_2(enrolled, tmp_path):
    rd = enrolled
    junk = tmp_path / "junk.rdbundle"
    junk.write_bytes(b"not a bundle")
    code, _, err = rd("t", "bundle", "import", str(junk))
    assert code == 2 and "不是民生救助工作台的数据包" in err
    code, _, err = rd("t", "bundle", "verify", str(tmp_path / "missing.rdbundle"))
    assert code == 2 and "找不到文件" in err
    code, _, err = rd("v", "bundle", "export", "--to", str(tmp_path / "nowhere"))
    assert code == 2 and "不存在" in err
    code, _, err = rd("v", "enroll", str(tmp_path / "v.json"), "--fingerprint", fp(rd, "v"))
    assert code == 2 and "自己的身份文件" in err


def test_identity_sheet_and_peers(enrolled, tmp_path):
    rd = enrolled
    code, out, _ = rd("v", "identity", "sheet", "-o", str(tmp_path / "sheet.pdf"))
    assert code == 0 and (tmp_path / "sheet.pdf").read_bytes().startswith(b"%PDF")
    code, out, _ = rd("v", "peers")
    assert code == 0 and "陈家坊镇" in out and fp(rd, "t") in out
