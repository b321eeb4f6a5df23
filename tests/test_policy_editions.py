"""Policy issued from above (issue 13 item 3, issue 14 item 4): the township issues an
edition of its holiday calendar, it reaches the village in the next bundle, and from its
effective date the village's working-day deadlines follow it. Real workstations, real
bundles, through the command line."""

from __future__ import annotations

import json
import re

import pytest

from desktop.cli import main
from tests.helpers import make_application
from tests.test_sync_cli import enroll_both, village_and_township

ISSUED, EFFECTIVE = "2026-12-29", "2026-12-30"  # a Tuesday; 2027-01-01 is a Friday


@pytest.fixture
def rd(tmp_path, capsys):
    def run(where, *args, today=ISSUED):
        code = main(["--data-dir", str(tmp_path / where), "--today", today, *args])
        out, err = capsys.readouterr()
        return code, out, err
    return run


@pytest.fixture
def enrolled(rd, tmp_path):
    village_and_township(rd, tmp_path)
    enroll_both(rd, tmp_path)
    return rd


def write(tmp_path, name: str, doc) -> str:
    path = tmp_path / name
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return str(path)


def received_case(rd, tmp_path) -> str:
    apps = write(tmp_path, "apps.json", [make_application(received_on=ISSUED)])
    code, out, err = rd("v", "applications", "add", apps)
    assert code == 0, err
    return re.search(r"(\d{12}-\d{4}-\d{4})", out).group(1)


def due(rd, case_id: str, today: str) -> str:
    code, out, err = rd("v", "applications", "show", case_id, "--format", "json", today=today)
    assert code == 0, err
    return json.loads(out)["due_on"]


def carry(rd, tmp_path, today=ISSUED) -> str:
    """The township's bundle to the village, exported and imported on `today`."""
    usb = tmp_path / f"usb-{today}"
    usb.mkdir(exist_ok=True)
    assert rd("t", "bundle", "export", "--to", str(usb), today=today)[0] == 0
    code, out, err = rd("v", "bundle", "import", *map(str, usb.glob("*.rdbundle")), today=today)
    assert code == 0, err
    return out


def test_a_township_calendar_reaches_the_village_and_moves_its_deadlines_from_its_date(
        enrolled, tmp_path):
    rd = enrolled
    case_id = received_case(rd, tmp_path)
    # received Tue 12-29: investigation starts within 3 working days, by Fri 2027-01-01
    assert due(rd, case_id, ISSUED) == "2027-01-01"
    calendar = write(tmp_path, "calendar.json", {"holidays": ["2027-01-01"],
                                                 "township_office_phone": "0739-3601234"})
    code, out, err = rd("t", "policy", "issue", calendar, "--effective", EFFECTIVE)
    assert code == 0, err
    assert "陈家坊镇民政办第 1 版政策(2026-12-30 起施行)" in out
    assert "新事件 1 个" in carry(rd, tmp_path)
    # held, not yet in force: the deadline is as before until the effective date
    assert due(rd, case_id, ISSUED) == "2027-01-01"
    code, out, _ = rd("v", "policy", "show")
    assert "即将施行:陈家坊镇民政办 第 1 版,自 2026-12-30 起" in out
    # from the effective date New Year's Day is no working day: due the Monday after
    assert due(rd, case_id, EFFECTIVE) == "2027-01-04"
    code, out, _ = rd("v", "policy", "show", "--format", "json", today=EFFECTIVE)
    report = json.loads(out)
    assert [e["record_id"] for e in report["in_force"]] == ["430522101-POLICY-1"]
    assert report["in_force"][0]["effective"] == EFFECTIVE
    assert report["settings"]["holidays"] == {"value": ["2027-01-01"],
                                              "source": "430522101-POLICY-1"}
    assert report["settings"]["investigation_start_days"] == {"value": 3, "source": "local"}
    code, out, _ = rd("v", "policy", "show", today=EFFECTIVE)
    assert "陈家坊镇民政办 第 1 版,自 2026-12-30 起施行" in out
    # in words, as the window shows them; the key last (for the policy file)
    assert "  法定节假日:2027-01-01  [陈家坊镇民政办第 1 版]  (holidays)" in out
    assert "  受理后开始调查(工作日):3  [本机设置]  (investigation_start_days)" in out
    assert "  低保金额计算方法:差额  [本机设置]  (dibao_method)" in out
    assert "  低保月标准(元):430.00  [本机设置]" in out
    # the ledger as recomputed under the edition is the ledger the log gives under it
    code, out, err = rd("v", "doctor", today=EFFECTIVE)
    assert code == 0 and "台账与日志一致" in out, out + err


def test_a_key_set_from_above_is_not_edited_below(enrolled, tmp_path):
    rd = enrolled
    phone = write(tmp_path, "phone.json", {"township_office_phone": "0739-3601234"})
    assert rd("t", "policy", "issue", phone, "--effective", EFFECTIVE)[0] == 0
    carry(rd, tmp_path)
    code, _, err = rd("v", "notice", "phones", "--township", "0739-1111111", today=EFFECTIVE)
    assert code == 2
    assert "由陈家坊镇民政办第 1 版政策(2026-12-30 起施行)设定,本机不能修改" in err
    assert err.count("\n") == 1
    # the village's own line stays its own
    assert rd("v", "notice", "phones", "--village", "0739-2222222", today=EFFECTIVE)[0] == 0
    # at the issuer, a new edition changes it, not a local edit
    code, _, err = rd("t", "notice", "phones", "--township", "0739-1111111", today=EFFECTIVE)
    assert code == 2 and "请用 relief-desk policy issue 文件 --effective 日期 发布新版政策" in err


@pytest.mark.parametrize("doc, effective, says", [
    ({"no_such_key": 1}, EFFECTIVE, "未知的设置项“no_such_key”"),
    ({"township_cap_multiple": 9}, EFFECTIVE, "乡镇民政办不能设定“乡镇审批上限(低保标准倍数)”"),
    ({"holidays": ["2027-13-01"]}, EFFECTIVE, "法定节假日中的“2027-13-01”不是有效的日期"),
    ({"township_office_phone": 7}, EFFECTIVE, "应为文字"),
    ({"township_office_phone": "0739\u202e123456"}, EFFECTIVE, "“乡镇民政办电话”无效"),
    ({"holidays": ["2027-01-01"]}, "2026-12-28", "施行日期不能早于2026-12-29"),
    ({"settings": {"holidays": ["2027-01-01"]}, "version": 3}, EFFECTIVE, "政策版本号应为 1"),
    ({"settings": {"holidays": []}, "by": "x"}, EFFECTIVE, "未知的项“by”"),
    ({}, EFFECTIVE, "不空的设置项"),
])
def test_a_bad_edition_is_refused_in_one_line_and_changes_nothing(enrolled, tmp_path, doc,
                                                                    effective, says):
    rd = enrolled
    before = rd("t", "policy", "show", "--format", "json")[1]
    code, out, err = rd("t", "policy", "issue", write(tmp_path, "p.json", doc),
                        "--effective", effective)
    assert (code, out) == (2, "")
    assert says in err and err.count("\n") == 1
    assert rd("t", "policy", "show", "--format", "json")[1] == before


def test_a_village_issues_no_policy(enrolled, tmp_path):
    code, _, err = enrolled("v", "policy", "issue", write(tmp_path, "p.json", {"holidays": []}),
                            "--effective", EFFECTIVE)
    assert code == 2 and "村级工作站不能发布政策" in err


def test_a_wrong_choice_is_refused_in_the_officers_words_and_a_word_is_taken(rd, tmp_path):
    """A setting with fixed choices was refused listing codes (difference、levels): the
    line gives the choices as the officer knows them, written so; the word typed so is
    recorded as its code, and a code from an older script still works."""
    county = ["--county", "新邵县", "--county-code", "430522"]
    assert rd("c", "init", "--role", "county", *county, "--officer", "赵县局")[0] == 0
    before = rd("c", "policy", "show", "--format", "json")[1]
    for doc, says in (({"dibao_method": "fenceng"},
                       "设置“低保金额计算方法”应写作“差额”或“分档”,现在是“fenceng”。"),
                      ({"settings": {"deliberation_majority_base": "过半数"}},
                       "设置“评议过半数的基数”应写作“参加表决人数”、“到会人数”或“反对票”,"
                       "现在是“过半数”。")):
        code, out, err = rd("c", "policy", "issue", write(tmp_path, "p.json", doc),
                            "--effective", EFFECTIVE)
        assert (code, out) == (2, "") and says in err and err.count("\n") == 1
        assert not any(c in err for c in ("difference", "levels", "voting", "for_against"))
    assert rd("c", "policy", "show", "--format", "json")[1] == before  # nothing changed
    typed = {"dibao_method": "分档", "deliberation_majority_base": "到会人数"}
    code, _, err = rd("c", "policy", "issue", write(tmp_path, "p.json", typed),
                      "--effective", EFFECTIVE)
    assert code == 0, err
    shown = json.loads(rd("c", "policy", "show", "--format", "json", today=EFFECTIVE)[1])
    assert shown["settings"]["dibao_method"]["value"] == "levels"
    assert shown["settings"]["deliberation_majority_base"]["value"] == "present"
    code, _, err = rd("c", "policy", "issue", write(tmp_path, "p.json",
                                                    {"dibao_method": "difference"}),
                      "--effective", EFFECTIVE)
    assert code == 0, err
