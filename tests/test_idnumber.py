"""Resident ID numbers: the published examples, normalisation, each refusal, and properties."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.core.errors import Refusal
from desktop.core.idnumber import (
    PROVINCE_CODES,
    IdNumber,
    InvalidIdNumber,
    check_character,
    mask_id_number,
    parse_id_number,
    plain_birth_and_sex,
)

TODAY = date(2026, 6, 1)
FEMALE_1949 = "11010519491231002X"
MALE_1880 = "440524188001010014"


def refusal_message(text: str, today: date = TODAY) -> str:
    with pytest.raises(InvalidIdNumber) as caught:
        parse_id_number(text, today=today)
    return caught.value.message


def with_check(first17: str) -> str:
    return first17 + check_character(first17)


# --- published examples -------------------------------------------------------------------


def test_published_female_example_with_x_check_character():
    parsed = parse_id_number(FEMALE_1949, today=TODAY)
    assert parsed == IdNumber(
        number=FEMALE_1949, birth_date=date(1949, 12, 31), sex="女", region_code="110105"
    )


def test_published_male_example_born_on_earliest_allowed_date():
    parsed = parse_id_number(MALE_1880, today=TODAY)
    assert parsed.birth_date == date(1880, 1, 1)
    assert parsed.sex == "男"
    assert parsed.region_code == "440524"


def test_check_character_of_published_examples():
    assert check_character(FEMALE_1949[:17]) == "X"
    assert check_character(MALE_1880[:17]) == "4"


def test_check_character_rejects_wrong_input():
    with pytest.raises(ValueError):
        check_character("1234")
    with pytest.raises(ValueError):
        check_character("1101051949123100X")


def test_invalid_id_number_is_a_refusal():
    assert issubclass(InvalidIdNumber, Refusal)


def test_today_defaults_to_the_real_date():
    assert parse_id_number(FEMALE_1949).sex == "女"


# --- normalisation ------------------------------------------------------------------------


def test_lower_case_x_is_accepted_and_stored_upper_case():
    assert parse_id_number("11010519491231002x", today=TODAY).number == FEMALE_1949


def test_full_width_digits_and_x_are_accepted():
    full_width = "１１０１０５１９４９１２３１００２Ｘ"
    assert parse_id_number(full_width, today=TODAY).number == FEMALE_1949
    assert (
        parse_id_number("１１０１０５１９４９１２３１００２ｘ", today=TODAY).number == FEMALE_1949
    )


def test_surrounding_spaces_including_ideographic_space_are_removed():
    assert parse_id_number(f" \u3000{MALE_1880}\t\n\u3000", today=TODAY).number == MALE_1880


# --- each kind of refusal -----------------------------------------------------------------


@pytest.mark.parametrize("text", ["", "   ", "\u3000"])
def test_empty_is_refused(text):
    assert "为空" in refusal_message(text)


def test_fifteen_digit_old_form_is_refused_with_advice():
    assert refusal_message("110105491231002") == "这是15位旧身份证号,请使用18位身份证号"


@pytest.mark.parametrize("text,count", [("1101051949123100", 16), ("11010519491231002X1", 19)])
def test_wrong_length_says_how_many_were_given(text, count):
    message = refusal_message(text)
    assert f"输入了{count}位" in message
    assert "18位" in message


def test_fifteen_characters_with_a_letter_is_a_length_problem_not_old_form():
    message = refusal_message("11010549123100X")
    assert "输入了15位" in message


def test_non_digit_names_its_position():
    message = refusal_message("1101A519491231002X")
    assert "第5位" in message
    assert "「A」" in message


def test_inner_space_is_named_as_a_non_digit():
    assert "第7位" in refusal_message("110105 9491231002X")


def test_invalid_last_character_is_named():
    message = refusal_message("11010519491231002Y")
    assert "第18位" in message
    assert "X" in message


def test_non_ascii_digit_is_refused():
    # '٣' (Arabic-Indic three) satisfies str.isdigit() but is not a digit of an ID number.
    assert "第3位" in refusal_message("11٣10519491231002X")


@pytest.mark.parametrize(
    "prefix", ["00", "10", "16", "20", "24", "38", "47", "55", "66", "72", "84", "99"]
)
def test_implausible_province_code_is_refused(prefix):
    number = with_check(prefix + "010519491231002")
    message = refusal_message(number)
    assert f"「{prefix}」" in message
    assert "行政区划" in message


@pytest.mark.parametrize("birth", ["19491331", "19490230", "19000229", "19490100", "00000000"])
def test_impossible_birth_date_is_refused(birth):
    number = with_check("110105" + birth + "002")
    message = refusal_message(number)
    assert "出生日期" in message
    assert f"「{birth}」" in message
    assert "不是真实的日期" in message


def test_leap_day_birth_date_is_accepted():
    parsed = parse_id_number(with_check("11010520000229002"), today=TODAY)
    assert parsed.birth_date == date(2000, 2, 29)


def test_birth_date_after_today_is_refused():
    number = with_check("11010520260602001")
    message = refusal_message(number, today=date(2026, 6, 1))
    assert "晚于今天" in message
    assert "2026-06-02" in message


def test_birth_date_equal_to_today_is_accepted():
    number = with_check("11010520260601001")
    assert parse_id_number(number, today=date(2026, 6, 1)).birth_date == date(2026, 6, 1)


def test_birth_date_before_1880_is_refused():
    number = with_check("44052418791231001")
    message = refusal_message(number)
    assert "早于1880年1月1日" in message


def test_wrong_check_character_says_given_and_expected():
    message = refusal_message("110105194912310021")
    assert "校验码" in message
    assert "「1」" in message
    assert "「X」" in message


# --- age and masking ----------------------------------------------------------------------


def test_age_on_counts_completed_years():
    person = parse_id_number(FEMALE_1949, today=TODAY)
    assert person.age_on(date(1950, 12, 30)) == 0
    assert person.age_on(date(1950, 12, 31)) == 1
    assert person.age_on(date(2026, 6, 1)) == 76


def test_age_on_a_leap_day_birthday_turns_over_on_march_first():
    person = parse_id_number(with_check("11010520000229002"), today=TODAY)
    assert person.age_on(date(2014, 2, 28)) == 13
    assert person.age_on(date(2014, 3, 1)) == 14


def test_age_before_birth_is_an_error():
    person = parse_id_number(FEMALE_1949, today=TODAY)
    with pytest.raises(ValueError):
        person.age_on(date(1949, 12, 30))


def test_mask_keeps_first_six_and_last_four():
    assert mask_id_number(FEMALE_1949) == "110105********002X"
    assert mask_id_number(MALE_1880) == "440524********0014"


def test_mask_normalises_first():
    assert mask_id_number(" 11010519491231002x ") == "110105********002X"


def test_mask_never_reveals_a_short_string_whole():
    assert mask_id_number("1234567890") == "**********"
    assert mask_id_number("") == ""


# --- properties ---------------------------------------------------------------------------

EARLIEST = date(1880, 1, 1)


@st.composite
def valid_numbers(draw):
    """A random valid number: real province, birth date in range, any sequence."""
    province = draw(st.sampled_from(sorted(PROVINCE_CODES)))
    rest_of_region = draw(st.from_regex(r"\A[0-9]{4}\Z"))
    birth = draw(st.dates(min_value=EARLIEST, max_value=TODAY))
    sequence = draw(st.integers(min_value=0, max_value=999))
    first17 = f"{province}{rest_of_region}{birth:%Y%m%d}{sequence:03d}"
    return first17 + check_character(first17), birth, "男" if sequence % 2 else "女"


@given(valid_numbers())
def test_any_valid_number_parses_back_to_its_birth_date_and_sex(case):
    number, birth, sex = case
    parsed = parse_id_number(number, today=TODAY)
    assert parsed.number == number
    assert parsed.birth_date == birth
    assert parsed.sex == sex
    assert parsed.region_code == number[:6]


@given(
    valid_numbers(), st.integers(min_value=0, max_value=17), st.integers(min_value=1, max_value=10)
)
def test_changing_any_one_character_makes_it_invalid(case, position, shift):
    number = case[0]
    alphabet = "0123456789X" if position == 17 else "0123456789"
    current = alphabet.index(number[position])
    replacement = alphabet[(current + shift) % len(alphabet)]
    if replacement == number[position]:  # shift == len(alphabet) for the last position
        replacement = alphabet[(current + 1) % len(alphabet)]
    changed = number[:position] + replacement + number[position + 1 :]
    with pytest.raises(InvalidIdNumber):
        parse_id_number(changed, today=TODAY)


def iso7064_mod11_2(first17: str) -> str:
    """The same check computed the other way ISO 7064 describes it (recursive, no table)."""
    p = 0
    for ch in first17:
        p = ((p + int(ch)) * 2) % 11
    value = (12 - p) % 11
    return "X" if value == 10 else str(value)


def test_reference_check_matches_the_published_examples():
    assert iso7064_mod11_2(FEMALE_1949[:17]) == "X"
    assert iso7064_mod11_2(MALE_1880[:17]) == "4"


@given(st.from_regex(r"\A[0-9]{17}\Z"))
def test_check_character_agrees_with_iso7064_for_any_17_digits(first17):
    assert check_character(first17) == iso7064_mod11_2(first17)


def test_every_check_character_value_occurs_and_is_verified():
    # One first-17 per possible check character, so each entry of the table is exercised.
    seen = {}
    for sequence in range(200):
        first17 = f"11010519491231{sequence:03d}"
        seen.setdefault(iso7064_mod11_2(first17), first17)
    assert sorted(seen) == sorted("0123456789X")
    for expected, first17 in seen.items():
        assert parse_id_number(first17 + expected, today=TODAY).number[17] == expected


@given(valid_numbers())
def test_normalised_full_width_form_parses_the_same(case):
    number = case[0]
    full_width = number.translate(str.maketrans("0123456789X", "０１２３４５６７８９ｘ"))
    assert parse_id_number(f"\u3000{full_width} ", today=TODAY).number == number


@given(valid_numbers())
def test_mask_hides_exactly_the_middle_eight(case):
    number = case[0]
    masked = mask_id_number(number)
    assert masked[:6] == number[:6] and masked[-4:] == number[-4:]
    assert masked[6:14] == "*" * 8


# --- the import's predicate: the same verdict as parse_id_number --------------------------


def _kept_as_is(value, today: date):
    """What parse_id_number says of `value`: (birth, sex) where it keeps it unchanged."""
    try:
        parsed = parse_id_number(value, today=today)
    except (InvalidIdNumber, AttributeError, TypeError):
        return None
    if parsed.number != value:
        return None
    return (parsed.birth_date.isoformat(), parsed.sex)


@pytest.mark.parametrize("value", [
    FEMALE_1949, MALE_1880, with_check("11010520260601001"),  # born today
    with_check("11010520260602001"),  # born tomorrow
    with_check("44052418791231001"),  # before 1880
    with_check("99010519491231002"),  # no such province
    with_check("11010519490231002"),  # no 31 February
    FEMALE_1949[:-1] + "x", FEMALE_1949[:-1] + "0",  # lower-case x, wrong check
    " " + FEMALE_1949, FEMALE_1949 + "\u3000", "１１０１０５１９４９１２３１００２Ｘ",
    "110105491231002", "", FEMALE_1949[:17], 110105194912310020, None,
])
def test_the_import_predicate_agrees_with_the_full_parse(value):
    assert plain_birth_and_sex(value, TODAY) == _kept_as_is(value, TODAY)


@given(st.text(alphabet="0123456789Xx １", min_size=0, max_size=19))
def test_the_import_predicate_never_says_yes_where_the_parse_would_not(text):
    assert plain_birth_and_sex(text, TODAY) == _kept_as_is(text, TODAY)


@given(st.from_regex(r"[1-6][0-9]{16}", fullmatch=True), st.booleans())
def test_the_import_predicate_agrees_on_numbers_with_their_check_character(first17, right):
    number = with_check(first17) if right else first17 + "0"
    assert plain_birth_and_sex(number, TODAY) == _kept_as_is(number, TODAY)
