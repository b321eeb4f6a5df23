"""Money in fen: parsing what officers type, formatting, and the round trip."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.core.errors import Refusal
from desktop.core.money import format_yuan, parse_yuan


def refusal_message(text) -> str:
    with pytest.raises(Refusal) as caught:
        parse_yuan(text)
    return caught.value.message


@pytest.mark.parametrize(
    "text,fen",
    [
        ("1234", 123400),
        ("1234.5", 123450),
        ("1234.50", 123450),
        ("1,234.50", 123450),
        ("1,234,567.89", 123456789),
        ("１２３４.５０", 123450),
        ("１，２３４．５０", 123450),
        ("¥1234", 123400),
        ("￥1234.05", 123405),
        ("1234元", 123400),
        ("¥ 1234.5 元", 123450),
        ("  800\u3000", 80000),
        ("0", 0),
        ("0.01", 1),
        ("0.1", 10),
        ("007", 700),
    ],
)
def test_accepted_forms(text, fen):
    assert parse_yuan(text) == fen


def test_result_is_an_int_not_a_decimal_or_float():
    assert type(parse_yuan("0.29")) is int
    assert parse_yuan("0.29") == 29  # float("0.29") * 100 would be 28.999999999999996


def test_int_means_whole_yuan():
    assert parse_yuan(1234) == 123400
    assert parse_yuan(0) == 0


def test_float_and_bool_are_programming_errors():
    with pytest.raises(TypeError):
        parse_yuan(12.5)
    with pytest.raises(TypeError):
        parse_yuan(True)


@pytest.mark.parametrize("text", ["", "   ", "元", "¥"])
def test_empty_is_refused(text):
    assert "金额为空" in refusal_message(text)


@pytest.mark.parametrize(
    "text", ["abc", "12a", "1.2.3", "1,23", "12,34.5", "1 234", ".5", "5.", "1e3"]
)
def test_non_numeric_is_refused_naming_the_input(text):
    message = refusal_message(text)
    assert "不是有效的数字" in message
    assert f"「{text}」" in message


@pytest.mark.parametrize("text", ["1.234", "0.001", "1,234.567"])
def test_more_than_two_decimals_is_refused(text):
    assert "两位小数" in refusal_message(text)


@pytest.mark.parametrize("text", ["-1", "-0.5", "－100", "-¥5", "¥-5"])
def test_negative_text_is_refused(text):
    assert "负数" in refusal_message(text)


def test_negative_int_is_refused():
    assert "负数" in refusal_message(-3)


@pytest.mark.parametrize(
    "fen,plain,grouped",
    [
        (0, "0.00", "0.00"),
        (1, "0.01", "0.01"),
        (10, "0.10", "0.10"),
        (123450, "1234.50", "1,234.50"),
        (100000000, "1000000.00", "1,000,000.00"),
        (-123450, "-1234.50", "-1,234.50"),
        (-5, "-0.05", "-0.05"),
    ],
)
def test_format_yuan(fen, plain, grouped):
    assert format_yuan(fen) == plain
    assert format_yuan(fen, grouped=True) == grouped


def test_format_refuses_float():
    with pytest.raises(TypeError):
        format_yuan(1234.5)


@given(st.integers(min_value=0, max_value=10**15))
def test_round_trip(n):
    assert parse_yuan(format_yuan(n)) == n
    assert parse_yuan(format_yuan(n, grouped=True)) == n
