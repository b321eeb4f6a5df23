"""Fonts: names print exactly as written, rare characters through the fallback fonts,
Latin digits through the main font; markup never loses or replaces a character."""

from __future__ import annotations

import pytest

from desktop.core.errors import Refusal
from desktop.printing import fonts


def test_each_character_goes_to_the_first_font_that_has_it():
    assert fonts.font_for("王") == fonts.MAIN and fonts.font_for("7") == fonts.MAIN
    assert fonts.font_for("·") == fonts.MAIN
    assert fonts.font_for("䶮") == "RD-HanaMinA"
    assert fonts.font_for("𠮷") == "RD-HanaMinB"
    assert fonts.font_for("\U0003134A") is None


def test_markup_keeps_every_character_and_escapes_xml():
    m = fonts.markup("张𠮷祥 <a&b>\n王䶮")
    assert '<font name="RD-HanaMinB">𠮷</font>' in m and '<font name="RD-HanaMinA">䶮</font>' in m
    assert "&lt;a&amp;b&gt;<br/>" in m


def test_unprintable_text_is_refused_naming_character_and_text():
    fonts.check_printable([("姓名", "阿不都热依木·买买提"), ("姓名", "李堃喆")])
    with pytest.raises(Refusal) as exc:
        fonts.check_printable([("姓名", "王䶮"), ("家庭成员姓名", "赵\U0003134A")])
    assert "家庭成员姓名“赵\U0003134A”" in exc.value.message and "U+3134A" in exc.value.message


def test_text_wholly_in_the_main_font_is_only_escaped():
    assert fonts.in_main_font("王小明 7·") and fonts.markup("A&B 王") == "A&amp;B 王"
    assert not fonts.in_main_font("王䶮") and not fonts.in_main_font("王\n明")
    assert fonts.unprintable("王小明") == []
    assert fonts.unprintable("张\U0003134A明\U0003134A") == ["\U0003134A"]
    assert fonts.font_runs("张𠮷祥") == [(fonts.MAIN, "张"), ("RD-HanaMinB", "𠮷"),
                                        (fonts.MAIN, "祥")]
