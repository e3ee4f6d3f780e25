"""Pinyin search keys for Chinese names."""

from __future__ import annotations

import time

import pytest

from liaison.domain.pinyin import full_pinyin, initials, pinyin_keys


@pytest.fixture(autouse=True)
def _uncached() -> None:
    """Each test computes its names: pinyin_keys memoises, and an answer cached by an earlier
    test would hide what the rules do now (mutmut forks every mutant's run from a process in
    which the whole suite has already run)."""
    pinyin_keys.cache_clear()


def test_initials_of_a_chongqing_company() -> None:
    assert initials("重庆江北嘉陵机械有限公司") == "cqjbjljxyxgs"


def test_full_pinyin_of_a_chongqing_company() -> None:
    assert full_pinyin("重庆江北嘉陵机械有限公司") == ("chongqingjiangbeijialingjixieyouxiangongsi")


def test_chongqing_reads_chong_not_zhong() -> None:
    assert initials("重庆江北") == "cqjb"
    assert full_pinyin("重庆") == "chongqing"


def test_zhong_is_kept_where_it_means_heavy() -> None:
    assert full_pinyin("重庆重工") == "chongqingzhonggong"


def test_bank_reads_hang() -> None:
    assert full_pinyin("中国银行") == "zhongguoyinhang"
    assert initials("重庆银行") == "cqyh"


def test_changan_reads_chang() -> None:
    assert full_pinyin("重庆长安汽车股份有限公司") == ("chongqingchanganqichegufenyouxiangongsi")


def test_chang_after_city_is_not_read_as_mayor() -> None:
    assert full_pinyin("重庆市长寿区") == "chongqingshichangshouqu"
    assert full_pinyin("西安市长安区") == "xianshichanganqu"
    assert initials("重庆市长江轮船有限公司") == "cqscjlcyxgs"


def test_chang_second_to_last_after_city_reads_chang() -> None:
    assert full_pinyin("重庆市长寿") == "chongqingshichangshou"


def test_mayor_hotline_keeps_zhang() -> None:
    assert full_pinyin("市长热线") == "shizhangrexian"


def test_lone_chang_in_place_names_reads_chang() -> None:
    assert full_pinyin("合肥市长丰县") == "hefeishichangfengxian"
    assert full_pinyin("长治市长子县") == "changzhishizhangzixian"


def test_fengdu_reads_du() -> None:
    assert full_pinyin("重庆市丰都县") == "chongqingshifengduxian"


def test_shop_suffix_hang() -> None:
    assert full_pinyin("渝北琴行") == "yubeiqinhang"
    assert full_pinyin("江北支行") == "jiangbeizhihang"
    assert initials("沙坪坝电器行有限公司") == "spbdqhyxgs"


def test_shop_hang_after_a_word_and_before_the_company_form() -> None:
    # segmented 重庆 / 摩托车 / 行 / 有限 / 责任 / 公 / 司
    assert full_pinyin("重庆摩托车行有限责任公司") == "chongqingmotuochehangyouxianzerengongsi"


def test_shop_hang_right_after_a_single_character_inside_a_name() -> None:
    assert full_pinyin("琴行老街店") == "qinhanglaojiedian"


def test_lone_xing_after_a_word_inside_a_name_keeps_xing() -> None:
    assert full_pinyin("重庆行知学校") == "chongqingxingzhixuexiao"


def test_lone_xing_at_the_start_of_a_name_keeps_xing() -> None:
    assert full_pinyin("行知路") == "xingzhilu"


def test_travel_keeps_xing() -> None:
    assert full_pinyin("重庆旅行") == "chongqinglvxing"


def test_latin_letters_and_digits_are_kept_lower_case() -> None:
    assert initials("ABC科技123有限公司") == "abckj123yxgs"
    assert full_pinyin("ABC科技123") == "abckeji123"


def test_full_width_letters_and_digits_are_folded() -> None:
    assert initials("ＡＢＣ科技１２３") == "abckj123"


def test_punctuation_and_spaces_are_dropped() -> None:
    assert initials("重庆 江北（集团）-有限公司，") == "cqjbjtyxgs"


def test_u_umlaut_is_written_v() -> None:
    assert full_pinyin("绿色") == "lvse"


def test_empty_name_gives_empty_keys() -> None:
    assert pinyin_keys("") == ("", "")
    assert pinyin_keys(" ，") == ("", "")


def test_initials_are_the_first_letters_of_full_pinyin_for_pure_chinese() -> None:
    name = "重庆两江新区嘉陵江大桥建设有限公司"
    ini, full = pinyin_keys(name)
    assert len(ini) == len(name)
    assert full.startswith("chongqingliangjiang")


def test_ten_thousand_distinct_names_take_well_under_a_second() -> None:
    names = [f"重庆第{i}号嘉陵江机械制造有限公司" for i in range(10_000)]
    start = time.perf_counter()
    for name in names:
        pinyin_keys(name)
    assert time.perf_counter() - start < 2.0
