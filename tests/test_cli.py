"""The command-line contract of DESIGN.md: outputs, exit codes, refusals that change nothing."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.cli import main

TODAY = "2026-11-20"
INIT = ["init", "--role", "village", "--county", "新邵县", "--county-code", "430522",
        "--township", "陈家坊镇", "--township-code", "430522101", "--village", "石门村",
        "--village-code", "430522101201", "--officer", "刘晓梅"]


def application(name="王䶮", id_number="11010519491231002X", **extra) -> dict:
    doc = {"received_on": "2026-11-02", "program": "temporary_relief",
           "category": "emergency", "reason": "fire", "requested_fen": 300000,
           "applicant": {"name": name, "id_number": id_number, "group": "第三村民小组"}}
    doc.update(extra)
    return doc


@pytest.fixture
def rd(tmp_path, capsys):
    """Run the CLI in-process on a fresh data dir; returns (exit code, stdout, stderr)."""
    def run(*args, today=TODAY):
        code = main(["--data-dir", str(tmp_path / "data"), "--today", today, *args])
        out, err = capsys.readouterr()
        return code, out, err
    return run


@pytest.fixture
def village(rd):
    assert rd(*INIT)[0] == 0
    return rd


def write_json(tmp_path: Path, value, name="apps.json") -> str:
    path = tmp_path / name
    path.write_text(json.dumps(value, ensure_ascii=False), encoding="utf-8")
    return str(path)


def list_json(rd) -> list[dict]:
    code, out, _ = rd("applications", "list", "--format", "json")
    assert code == 0
    return json.loads(out)


def test_version(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["--version"])
    assert exc.value.code == 0
    assert "relief-desk 0." in capsys.readouterr().out


def test_check_id_valid_and_invalid(rd):
    code, out, _ = rd("check-id", " １１０１０５１９４９１２３１００２x ")
    assert code == 0 and "11010519491231002X" in out and "1949-12-31" in out and "女" in out
    code, out, err = rd("check-id", "--format", "json", "440524188001010014")
    assert code == 0 and json.loads(out)["sex"] == "男"
    code, _, err = rd("check-id", "110105491231002")
    assert code == 2 and "18位" in err
    code, _, err = rd("check-id", "110105194912310021")
    assert code == 2 and "校验码" in err


def test_commands_refuse_a_directory_that_is_not_a_workstation(rd):
    code, _, err = rd("applications", "list")
    assert code == 2 and "init" in err


def test_add_list_show_step_and_json_fields(village, tmp_path):
    code, out, _ = village("applications", "add", write_json(tmp_path, [application()]))
    assert code == 0 and "430522101201-2026-0001" in out
    (case,) = list_json(village)
    for key in ("id", "status", "applicant_name", "applicant_id_number", "category",
                "requested_fen", "received_on"):
        assert key in case
    assert case["status"] == "received" and case["requested_fen"] == 300000
    assert case["applicant_id_number"] == "11010519491231002X"
    fields = {"date": "2026-11-03", "investigators": ["刘晓梅", "王建国"], "methods": ["入户调查"],
              "household_income_fen": 1200000, "household_expenditure_fen": 2500000,
              "findings": "房屋烧毁,情况属实"}
    code, out, _ = village("step", case["id"], "investigate", "--json",
                           write_json(tmp_path, fields, "step.json"))
    assert code == 0 and "已调查" in out
    code, out, _ = village("applications", "show", case["id"], "--format", "json")
    shown = json.loads(out)
    assert [h["action"] for h in shown["history"]] == ["receive", "investigate"]
    assert shown["history"][1]["fields"]["investigators"] == ["刘晓梅", "王建国"]


def test_add_is_all_or_nothing_and_names_the_bad_record(village, tmp_path):
    bad = application(name="李四", id_number="110105194912310021")
    good2 = application(name="张三", id_number="440524188001010014")
    code, _, err = village("applications", "add",
                           write_json(tmp_path, [application(), bad, good2]))
    assert code == 2
    assert "第 2 条申请" in err and "李四" in err and "applicant.id_number" in err
    assert list_json(village) == []


@pytest.mark.parametrize("content, expected", [
    ("{not json", "不是有效的 JSON"),
    ('[{"received_on": "2026-11-02", "colour": "red"}]', "colour"),
    ("[]", "没有任何申请"),
    ('{"a": 1}', "JSON 数组"),
])
def test_add_refuses_bad_files(village, tmp_path, content, expected):
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    code, _, err = village("applications", "add", str(path))
    assert code == 2 and expected in err
    assert list_json(village) == []


def test_add_missing_file(village, tmp_path):
    code, _, err = village("applications", "add", str(tmp_path / "nope.json"))
    assert code == 2 and "找不到文件" in err


def test_forbidden_step_changes_nothing(village, tmp_path):
    village("applications", "add", write_json(tmp_path, [application()]))
    (case,) = list_json(village)
    for action, expect in (("approve", "乡镇"), ("deliberate", "不能办理"), ("fly", "没有")):
        code, _, err = village("step", case["id"], action)
        assert code == 2 and expect in err
    code, out, _ = village("applications", "show", case["id"], "--format", "json")
    assert len(json.loads(out)["history"]) == 1


def test_step_date_defaults_to_today(village, tmp_path):
    village("applications", "add", write_json(tmp_path, [application(draft=True)]))
    (case,) = list_json(village)
    assert case["status"] == "draft"
    code, out, _ = village("step", case["id"], "accept")
    assert code == 0
    (case,) = list_json(village)
    assert case["status"] == "received" and case["status_on"] == TODAY


def test_list_filters_and_csv(village, tmp_path):
    village("applications", "add", write_json(tmp_path, [
        application(), application(name="张三", id_number="440524188001010014")]))
    code, out, _ = village("applications", "list", "--search", "张")
    assert code == 0 and "张三" in out and "王䶮" not in out and "共 1 件" in out
    code, out, _ = village("applications", "list", "--format", "csv")
    assert out.splitlines()[0].startswith("id,status")
    assert len(out.splitlines()) == 3
    code, _, err = village("applications", "list", "--status", "flying")
    assert code == 2 and "状态" in err


def test_rebuild_reports_events(village, tmp_path):
    village("applications", "add", write_json(tmp_path, [application()]))
    before = list_json(village)
    code, out, _ = village("rebuild")
    assert code == 0 and "1 个事件" in out
    assert list_json(village) == before


def test_init_twice_and_bad_codes(rd):
    assert rd(*INIT)[0] == 0
    code, _, err = rd(*INIT)
    assert code == 2 and "重复初始化" in err


def test_init_where_no_folder_can_be_made_is_refused_in_one_line(tmp_path, capsys):
    """A file of that name, or a folder under a file (a stick's path gone): the reason in
    Chinese, exit 2 — it was an internal error with a crash report."""
    (tmp_path / "U盘").write_text("", encoding="utf-8")
    for where, why in ((tmp_path / "U盘", "同名文件已存在"),
                       (tmp_path / "U盘" / "救助数据", "路径中有一部分不是文件夹")):
        code = main(["--data-dir", str(where), "--today", TODAY, *INIT])
        err = capsys.readouterr().err
        assert code == 2 and f"无法建立数据目录 {where}:{why}" in err, err
        assert len(err.strip().splitlines()) == 1
    assert [p.name for p in tmp_path.iterdir()] == ["U盘"]


def test_init_bad_code(rd):
    args = [a if a != "430522101201" else "43052210120" for a in INIT]
    code, _, err = rd(*args)
    assert code == 2 and "village_code" in err


def test_subprocess_exit_codes_and_no_traceback(tmp_path):
    env = dict(os.environ, RELIEF_DESK_HOME=str(tmp_path / "d"))
    cases = [(["--today", "2026-02-30", "applications", "list"], 2),
             (["applications", "list"], 2), (["check-id", "abc"], 2),
             (["step"], 2)]
    for args, expected in cases:
        proc = subprocess.run([sys.executable, "-m", "desktop", *args], env=env,
                              capture_output=True, text=True, timeout=60)
        assert proc.returncode == expected, (args, proc.stderr)
        assert "Traceback" not in proc.stderr
        assert len(proc.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("args, said", [
    (["pay"], "缺少必填的参数 app_id, --amount, --method"),
    (["nonsense"], "没有 'nonsense' 这个命令"),
    (["notice"], "还要写明做哪一项"),
    (["queue", "--format", "xml"], "参数 --format 的值 'xml' 不在可选范围内(可选:'table', 'json')"),
    (["applications", "list", "--bogus"], "无法识别的参数 --bogus"),
    (["assessment", "--month"], "参数 --month 后面要跟一个值"),
])
def test_the_parsers_own_refusals_are_in_chinese(rd, args, said):
    """argparse words its refusals in English; the officer reads them in Chinese, with
    the options as typed, on one line, and nothing is done."""
    code, out, err = rd(*args)
    assert code == 2 and out == ""
    assert said in err and err.count("\n") == 1
    assert "argument" not in err and "required" not in err


def test_demo_has_every_status_and_refuses_a_real_workstation(rd, tmp_path, capsys):
    from desktop.core.status import STATUS_LABELS

    code, out, _ = rd("demo", "--applications", "40")
    assert code == 0
    statuses = {case["status"] for case in list_json(rd)}
    assert statuses == set(STATUS_LABELS) - {"county_decided"}  # a state of the county's
    real = str(tmp_path / "real")
    assert main(["--data-dir", real, *INIT]) == 0
    assert main(["--data-dir", real, "demo"]) == 2
    assert "正式工作站" in capsys.readouterr().err
