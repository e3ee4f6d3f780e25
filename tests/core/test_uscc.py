"""统一社会信用代码: normalization, validation messages, generation."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st
from stdnum.cn import uscc as stdnum_uscc

from liaison.domain.errors import ValidationError
from liaison.domain.uscc import (
    ALPHABET,
    is_uscc_prefix,
    make_uscc,
    normalize_uscc,
    validate_uscc,
)

# Both are valid according to python-stdnum (the second is stdnum's own doctest example).
CHONGQING = "91500000202805720T"
BEIJING = "91110000600037341L"


def _error(raw: str) -> ValidationError:
    with pytest.raises(ValidationError) as info:
        validate_uscc(raw)
    return info.value


def test_real_codes_are_valid() -> None:
    assert stdnum_uscc.is_valid(CHONGQING)
    assert validate_uscc(CHONGQING) == CHONGQING
    assert validate_uscc(BEIJING) == BEIJING


def test_full_width_input_is_normalized() -> None:
    assert validate_uscc("９１５０００００２０２８０５７２０Ｔ") == CHONGQING


def test_lower_case_spaces_and_hyphens_are_normalized() -> None:
    assert validate_uscc(" 9150 0000-2028\t0572 0t ") == CHONGQING


def test_full_width_space_and_invisible_characters_are_removed() -> None:
    assert normalize_uscc("\ufeff91500000\u3000202805720T\u200b") == CHONGQING


def test_dashes_pasted_from_documents_are_removed() -> None:
    assert normalize_uscc("915000—00202805720－T") == CHONGQING


def test_normalize_does_not_validate() -> None:
    assert normalize_uscc("abc") == "ABC"


def test_empty_input_is_reported_as_empty() -> None:
    err = _error(" \u3000 ")
    assert str(err) == "统一社会信用代码不能为空"
    assert err.field == "uscc"


def test_too_short_input_reports_the_count_given() -> None:
    err = _error(CHONGQING[:17])
    assert str(err) == "统一社会信用代码应为 18 位，当前输入了 17 位"
    assert err.field == "uscc"


def test_too_long_input_reports_the_count_given() -> None:
    assert "当前输入了 19 位" in str(_error(CHONGQING + "1"))


def test_disallowed_letter_is_named_with_its_position() -> None:
    err = _error("9150000020280572OT")
    assert str(err).startswith("统一社会信用代码含有不允许的字符：第 17 位“O”")
    assert "I、O、S、V、Z" in str(err)
    assert err.field == "uscc"


def test_each_excluded_letter_is_rejected() -> None:
    for letter in "IOSVZ":
        assert f"“{letter}”" in str(_error(CHONGQING[:10] + letter + CHONGQING[11:]))


def test_many_bad_characters_are_summarized() -> None:
    msg = str(_error("重庆江北嘉陵机械"))
    assert "第 1 位“重”、第 2 位“庆”、第 3 位“江”等 8 处" in msg


def test_wrong_check_character_names_the_expected_one() -> None:
    err = _error(CHONGQING[:17] + "X")
    assert str(err).startswith("统一社会信用代码校验位错误：第 18 位应为“T”，当前为“X”")
    assert err.field == "uscc"


def test_error_messages_are_one_line() -> None:
    for raw in ("", "123", "9150000020280572OT", CHONGQING[:17] + "X"):
        assert "\n" not in str(_error(raw))


def test_letters_in_the_first_eight_positions_are_accepted() -> None:
    # stdnum.validate wants digits there; GB 32100 registries also use letters (N2…, Y1…).
    code = make_uscc("N2500000MA1234567")
    assert validate_uscc(code) == code


def test_make_uscc_appends_the_check_character() -> None:
    assert make_uscc(CHONGQING[:17]) == CHONGQING
    assert make_uscc(BEIJING[:17]) == BEIJING


def test_make_uscc_rejects_a_wrong_length() -> None:
    with pytest.raises(ValueError):
        make_uscc("9150")


def test_make_uscc_rejects_a_disallowed_character() -> None:
    with pytest.raises(ValueError):
        make_uscc("9150000020280572O")


@given(st.text(alphabet=ALPHABET, min_size=17, max_size=17))
def test_make_uscc_agrees_with_stdnum(body: str) -> None:
    code = make_uscc(body)
    assert code[-1] == stdnum_uscc.calc_check_digit(body)
    assert validate_uscc(code) == code


@given(st.text(alphabet="0123456789", min_size=17, max_size=17))
def test_generated_all_digit_codes_pass_stdnum_validate(body: str) -> None:
    assert stdnum_uscc.is_valid(make_uscc(body))


def test_uscc_prefix_accepts_leading_digits() -> None:
    assert is_uscc_prefix("9150")
    assert is_uscc_prefix("９１５０ 00")
    assert is_uscc_prefix(CHONGQING)


def test_uscc_prefix_requires_a_digit() -> None:
    assert not is_uscc_prefix("ABC")


def test_uscc_prefix_rejects_empty_and_too_long_text() -> None:
    assert not is_uscc_prefix("")
    assert not is_uscc_prefix(" - ")
    assert not is_uscc_prefix(CHONGQING + "1")


def test_uscc_prefix_rejects_disallowed_characters() -> None:
    assert not is_uscc_prefix("915O")
    assert not is_uscc_prefix("重庆1")


def test_a_disallowed_character_message_in_full() -> None:
    assert str(_error("9150000020280572OT")) == (
        "统一社会信用代码含有不允许的字符：第 17 位“O”"
        "（只能是数字和大写字母，且不含 I、O、S、V、Z）"
    )


def test_three_bad_characters_are_all_named_without_a_count() -> None:
    assert str(_error("9150000020280IOS0T")) == (
        "统一社会信用代码含有不允许的字符：第 14 位“I”、第 15 位“O”、第 16 位“S”"
        "（只能是数字和大写字母，且不含 I、O、S、V、Z）"
    )


def test_a_wrong_check_character_message_in_full() -> None:
    assert str(_error(CHONGQING[:17] + "X")) == (
        "统一社会信用代码校验位错误：第 18 位应为“T”，当前为“X”（请核对前 17 位是否录入有误）"
    )


def test_make_uscc_says_how_many_characters_it_got() -> None:
    with pytest.raises(ValueError, match=re.escape("needs 17 characters, got 4: '9150'")):
        make_uscc("9150")


def test_make_uscc_names_the_disallowed_character() -> None:
    with pytest.raises(ValueError, match=re.escape("character 'O' is not allowed in a USCC")):
        make_uscc("9150000020280572O")


def test_uscc_prefix_accepts_a_single_digit() -> None:
    assert is_uscc_prefix("9")
