"""Names and free texts are checked when they are typed or imported: no invisible
characters (controls, direction overrides, zero-width, lone surrogates), names only of CJK
ideographs and the middle dot, of a sensible length, and printable with the bundled fonts
(DOMAIN: a name prints exactly as written; the officer is told before printing)."""

from __future__ import annotations

import json
from datetime import date

import pytest

from desktop.core import fields
from desktop.core.application import check_application
from desktop.core.policy import Policy
from tests.helpers import make_application
from tests.test_cli import rd, village  # noqa: F401 (fixtures)

TODAY = date(2026, 11, 20)


def name_errors(name, who="applicant"):
    doc = make_application()
    if who == "applicant":
        doc["applicant"]["name"] = name
        path = "applicant.name"
    else:
        doc["members"][0]["name"] = name
        path = "members[0].name"
    errors = check_application(doc, today=TODAY, policy=Policy())
    return [e.message for e in errors if e.path == path], [e for e in errors if e.path != path]


@pytest.mark.parametrize("name, kind, code", [
    ("王\x1b五", "控制字符", "U+001B ESC"),
    ("王五\x00", "控制字符", "U+0000 NUL"),
    ("\u202e王五", "文字方向控制符", "U+202E RIGHT-TO-LEFT OVERRIDE"),
    ("王\u2066五", "文字方向控制符", "U+2066"),
    ("王\u200b五", "零宽字符", "U+200B ZERO WIDTH SPACE"),
    ("王\ufeff五", "零宽字符", "U+FEFF"),
    ("王\u2060五", "零宽字符", "U+2060"),
    ("王\ud800五", "孤立的代理项", "U+D800"),
    ("王\n五", "控制字符", "U+000A"),
])
@pytest.mark.parametrize("who", ["applicant", "member"])
def test_invisible_characters_in_a_name_are_refused_naming_them(name, kind, code, who):
    messages, others = name_errors(name, who)
    assert len(messages) == 1 and others == []
    assert messages[0].startswith("姓名中有看不见的") and kind in messages[0]
    assert code in messages[0] and "请删除" in messages[0]
    assert "\ud800" not in messages[0]  # a message that cannot be written is no message


@pytest.mark.parametrize("name, shown", [
    ("王五😀", "U+1F600 GRINNING FACE"),
    ("Wang Wu", "U+0057 LATIN CAPITAL LETTER W"),
    ("王 五", "U+0020 SPACE"),
    ("王五★", "U+2605"),
    ("王五2", "U+0032"),
    ("⼈民", "U+2F08 KANGXI RADICAL MAN"),  # a radical that looks like 人
])
def test_a_name_is_cjk_ideographs_only(name, shown):
    messages, _ = name_errors(name)
    assert len(messages) == 1 and shown in messages[0] and "姓名只能用汉字" in messages[0]


def test_a_million_character_name_is_refused_by_its_length():
    messages, _ = name_errors("王" * 1_000_000)
    assert messages == [f"姓名过长(最多 {fields.NAME_MAX} 字)。"]
    assert name_errors("王" * fields.NAME_MAX)[0] == []


def test_middle_dot_look_alikes_become_the_middle_dot():
    errors = []
    assert fields.person_name(errors, "n", "阿不都热依木•买买提") == "阿不都热依木·买买提"
    assert fields.person_name(errors, "n", "阿不都热依木・买买提") == "阿不都热依木·买买提"
    assert errors == []
    for bad in ("·王五", "王五·", "王··五"):
        assert "间隔号" in name_errors(bad)[0][0]


def test_a_name_no_font_can_print_is_refused_when_typed():
    for name in ("王䶮", "张𠮷祥", "李堃喆", "阿不都热依木·买买提", "〇一",
                 "王\U0002B739", "刘\U0002EBE0", "陈\U0002A700"):  # Extensions A-F
        assert name_errors(name) == ([], []), name
    messages, _ = name_errors("张\U0003134A明")  # CJK Extension G: in no bundled font
    assert len(messages) == 1 and "U+3134A" in messages[0] and "无法用内置字体打印" in messages[0]
    messages, _ = name_errors("李\U0003134A", "member")
    assert len(messages) == 1 and "U+3134A" in messages[0]


@pytest.mark.parametrize("value, code", [("情况\x1b说明", "U+001B"), ("\u202e说明", "U+202E"),
                                         ("说\u200d明", "U+200D"), ("说明\ud83d", "U+D83D")])
def test_free_texts_refuse_invisible_characters_naming_the_field(value, code):
    errors = []
    fields.text(errors, "reason_detail", value, label="情况说明")
    assert len(errors) == 1 and errors[0].path == "reason_detail"
    assert errors[0].message.startswith("情况说明中有看不见的") and code in errors[0].message
    # Line breaks, tabs and full-width spaces are text: minutes and findings keep them.
    errors = []
    kept = "第一行\r\n第二行\t金额　一千元"
    assert fields.text(errors, "minutes", kept, max_len=5000, label="会议记录") == kept
    assert errors == []


def test_other_text_fields_of_the_application_are_checked():
    doc = make_application(reason_detail="着火\u202e了")
    doc["applicant"]["address"] = "石门村\x00三组"
    doc["household"]["income_sources"] = "务农\u200b"
    paths = {e.path for e in check_application(doc, today=TODAY, policy=Policy())}
    assert paths == {"reason_detail", "applicant.address", "household.income_sources"}


@pytest.mark.parametrize("name", ["王\ud800五", "王" * 1_000_000, "王\x1b[31m五"])
def test_the_command_line_refuses_such_a_name_with_exit_2(village, tmp_path, name):  # noqa: F811
    doc = {"received_on": "2026-11-02", "program": "temporary_relief",
           "category": "emergency", "reason": "fire", "requested_fen": 300000,
           "applicant": {"name": name, "id_number": "11010519491231002X",
                         "group": "第三村民小组"}}
    path = tmp_path / "apps.json"
    path.write_text(json.dumps([doc]), encoding="ascii")  # \ud800 as JSON writes it
    code, out, err = village("applications", "add", str(path))
    assert code == 2 and ("applicant.name" in err or "代理项" in err) and len(err) < 2000
    assert "\ud800" not in err and "\x1b" not in err
    code, out, _ = village("applications", "list", "--format", "json")
    assert json.loads(out) == []


def test_list_items_are_checked_like_texts():
    errors = []
    assert fields.text_list(errors, "documents_seen", [" 身份证 ", "", "户口簿"],
                            label="已查验材料") == ["身份证", "户口簿"]
    assert errors == []
    fields.text_list(errors, "documents_seen", ["身份证", "户口\u200b簿"], label="已查验材料")
    assert len(errors) == 1 and errors[0].path == "documents_seen[1]"
    assert "U+200B" in errors[0].message
