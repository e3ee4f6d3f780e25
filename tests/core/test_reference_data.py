"""The routing reference data must agree with the district policy text it is derived from.

The policy text is parsed here on its own (regex, no project code), so a hand edit of the JSON
that drifts from the text, or a text that changes under the JSON, makes these tests fail.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path
from typing import Any, NamedTuple

import pytest

ROOT = Path(__file__).resolve().parents[2]
POLICY = ROOT / "resources" / "policy" / "jiangbei-private-economy-policy-2023.txt"
REFERENCE = ROOT / "resources" / "reference"

HUB_NAME = "区联络办"
DEFAULT_LIMITS = {
    "reply_days": 3,
    "resolve_days": 15,
    "max_days": 30,
    "extension_notice_days": 1,
    "return_days": 2,
}
SNAKE_CASE = re.compile(r"^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$")

# "13． 缓解融资难题。…（牵头单位：…；责任单位：…）"; a Word bookmark may follow the number.
MEASURE_LINE = re.compile(r"^(?P<no>\d{1,2})．\s*(?:\[bookmark:[^\]]*\]\s*)?(?P<title>[^。]+)。")
SECTION_LINE = re.compile(r"^(?P<section>（[一二三四五六七八九十]+）[^。]+)。$")
UNITS_PAREN = re.compile(r"（(?P<body>(?:牵头|责任)单位：[^（）]*)）\s*$")
UNIT_SEPARATORS = re.compile(r"[、，]")


class PolicyMeasure(NamedTuple):
    no: int
    title: str
    section: str
    labels: tuple[str, ...]
    lead_units: list[str]
    responsible_units: list[str]


def _split_paren(body: str) -> list[tuple[str, list[str]]]:
    segments = []
    for segment in body.split("；"):
        label, _, units = segment.partition("：")
        segments.append((label, UNIT_SEPARATORS.split(units)))
    return segments


@cache
def policy_lines() -> tuple[str, ...]:
    return tuple(POLICY.read_text(encoding="utf-8").splitlines())


@cache
def policy_measures() -> dict[int, PolicyMeasure]:
    lines = policy_lines()
    body = lines[lines.index("二、主要措施") + 1 : lines.index("三、保障机制")]
    measures: dict[int, PolicyMeasure] = {}
    section = ""
    for line in body:
        if heading := SECTION_LINE.match(line):
            section = heading["section"]
            continue
        match = MEASURE_LINE.match(line)
        if not match:
            continue
        paren = UNITS_PAREN.search(line)
        segments = _split_paren(paren["body"]) if paren else []
        labels = tuple(label for label, _ in segments)
        if labels == ("责任单位", "责任单位"):
            # Measure 13's known misprint: the first 责任单位 is the lead unit (see docs/rules.md).
            lead, responsible = segments[0][1], segments[1][1]
        else:
            lead = [u for label, units in segments if label == "牵头单位" for u in units]
            responsible = [u for label, units in segments if label == "责任单位" for u in units]
        no = int(match["no"])
        measures[no] = PolicyMeasure(no, match["title"], section, labels, lead, responsible)
    return measures


@cache
def policy_guarantee_units() -> dict[str, list[str]]:
    """Units named by the items of 三、保障机制 (not measures, but their units are departments)."""
    lines = policy_lines()
    items: dict[str, list[str]] = {}
    for line in lines[lines.index("三、保障机制") + 1 :]:
        heading = re.match(r"^(（[一二三四五六七八九十]+）[^。]+)。", line)
        paren = UNITS_PAREN.search(line)
        if heading and paren:
            items[heading[1]] = [u for _, units in _split_paren(paren["body"]) for u in units]
    return items


def all_policy_units() -> set[str]:
    units = {u for m in policy_measures().values() for u in m.lead_units + m.responsible_units}
    return units | {u for us in policy_guarantee_units().values() for u in us}


def load(name: str) -> Any:
    return json.loads((REFERENCE / name).read_text(encoding="utf-8"))


@cache
def measures() -> dict[int, dict[str, Any]]:
    return {m["no"]: m for m in load("measures.json")}


@cache
def departments() -> dict[str, Any]:
    return load("departments.json")


def department_names() -> set[str]:
    return {d["name"] for d in departments()["departments"]}


def collective_names() -> set[str]:
    return {c["name"] for c in departments()["collective_units"]}


@cache
def categories() -> list[dict[str, Any]]:
    return load("categories.json")


def category(code: str) -> dict[str, Any]:
    (found,) = [c for c in categories() if c["code"] == code]
    return found


# --- the policy text itself -----------------------------------------------------------------


def test_policy_text_parses_into_twenty_measures_with_units():
    parsed = policy_measures()
    assert sorted(parsed) == list(range(1, 21))
    assert all(m.section and m.lead_units for m in parsed.values())


def test_only_measure_13_has_the_double_responsible_label_misprint():
    misprinted = [m.no for m in policy_measures().values() if "牵头单位" not in m.labels]
    assert misprinted == [13]
    assert policy_measures()[13].labels == ("责任单位", "责任单位")


# --- measures.json --------------------------------------------------------------------------


def test_measures_json_lists_the_twenty_measures_in_order():
    assert [m["no"] for m in load("measures.json")] == list(range(1, 21))


@pytest.mark.parametrize("no", range(1, 21))
def test_measure_matches_policy_text(no):
    expected = policy_measures()[no]
    actual = measures()[no]
    assert actual["title"] == expected.title
    assert actual["section"] == expected.section
    assert actual["lead_units"] == expected.lead_units
    assert actual["responsible_units"] == expected.responsible_units


def test_measure_13_lead_unit_is_finance_office_and_the_misprint_is_noted():
    measure = measures()[13]
    assert measure["title"] == "缓解融资难题"
    assert measure["lead_units"] == ["区金融办"]
    assert measure["responsible_units"] == ["区发展改革委", "区财政局", "区经济信息委"]
    assert "牵头单位" in measure["note"]


def test_measure_5_has_only_lead_units_and_says_so():
    assert policy_measures()[5].labels == ("牵头单位",)
    assert measures()[5]["lead_units"] == ["区大数据发展局", "区经济信息委"]
    assert measures()[5]["responsible_units"] == []
    assert "责任单位" in measures()[5]["note"]


def test_comma_separated_unit_lists_are_split_and_noted():
    assert measures()[8]["responsible_units"] == [
        "区政府办",
        "区发展改革委",
        "区大数据发展局",
        "区级有关部门",
    ]
    assert measures()[18]["responsible_units"][-1] == "区级各有关单位"
    for no in (8, 18):
        assert "，" in measures()[no]["note"]


def test_word_bookmark_is_stripped_from_measure_18_title():
    (line,) = [line for line in policy_lines() if line.startswith("18．")]
    assert "[bookmark: _GoBack]" in line
    assert measures()[18]["title"] == "全面构建亲清政商关系"
    assert "bookmark" in measures()[18]["note"]


def test_unit_names_are_single_clean_names():
    for measure in measures().values():
        for unit in measure["lead_units"] + measure["responsible_units"]:
            assert unit
            assert not re.search(r"[、，；：\s\[\]（）]", unit), (measure["no"], unit)


# --- departments.json -----------------------------------------------------------------------


def test_every_unit_in_the_policy_lists_is_a_department_or_collective_unit():
    named = department_names() - {HUB_NAME}
    assert named | collective_names() == all_policy_units()
    assert not named & collective_names()


def test_collective_units_are_the_generic_names_not_single_departments():
    assert collective_names() == {
        "区级有关部门",
        "区级各有关单位",
        "区级相关部门",
        "区级各相关单位",
    }
    assert all(c["meaning"] for c in departments()["collective_units"])


def test_department_measure_references_match_policy_text():
    for dept in departments()["departments"]:
        expected = [
            m.no
            for m in policy_measures().values()
            if dept["name"] in m.lead_units + m.responsible_units
        ]
        assert dept["measure_nos"] == expected, dept["name"]


def test_liaison_office_is_the_only_hub():
    hubs = [d for d in departments()["departments"] if d["kind"] == "hub"]
    assert [h["name"] for h in hubs] == [HUB_NAME]
    kinds = {d["kind"] for d in departments()["departments"] if d["name"] != HUB_NAME}
    assert kinds == {"department"}


def test_department_codes_are_unique_snake_case():
    codes = [d["code"] for d in departments()["departments"]]
    codes += [c["code"] for c in departments()["collective_units"]]
    assert len(codes) == len(set(codes))
    assert all(SNAKE_CASE.match(code) for code in codes)
    names = [d["name"] for d in departments()["departments"]]
    assert len(names) == len(set(names))


# --- categories.json ------------------------------------------------------------------------


def test_category_codes_and_names_are_unique():
    codes = [c["code"] for c in categories()]
    names = [c["name"] for c in categories()]
    assert len(codes) == len(set(codes))
    assert len(names) == len(set(names))
    assert all(SNAKE_CASE.match(code) for code in codes)


def test_category_units_equal_its_measure_units():
    for cat in categories():
        if cat["measure_no"] is None:
            continue
        expected = policy_measures()[cat["measure_no"]]
        assert cat["lead_units"] == expected.lead_units, cat["code"]
        assert cat["responsible_units"] == expected.responsible_units, cat["code"]


def test_every_unit_named_by_a_category_is_known():
    known = department_names() | collective_names()
    for cat in categories():
        for unit in cat["lead_units"] + cat["responsible_units"]:
            assert unit in known, (cat["code"], unit)


def test_every_measure_owns_at_least_one_category():
    owned = {c["measure_no"] for c in categories()}
    assert set(range(1, 21)) <= owned


def test_catch_all_category_goes_to_the_hub_for_manual_routing():
    unrouted = [c for c in categories() if c["measure_no"] is None]
    assert [c["name"] for c in unrouted] == ["其他"]
    assert unrouted[0]["lead_units"] == [HUB_NAME]
    assert unrouted[0]["responsible_units"] == []


def test_financing_routes_to_measure_13_led_by_finance_office():
    cat = category("financing")
    assert cat["name"] == "融资"
    assert cat["measure_no"] == 13
    assert cat["lead_units"] == ["区金融办"]


def test_overdue_payments_routes_to_measure_17_and_its_three_lead_units():
    cat = category("overdue_payments")
    assert cat["name"] == "拖欠账款"
    assert cat["measure_no"] == 17
    assert cat["lead_units"] == ["区经济信息委", "区财政局", "区国资委"]


def test_government_services_routes_to_measure_8():
    cat = category("government_services")
    assert cat["name"].startswith("政务服务")
    assert cat["measure_no"] == 8
    assert cat["lead_units"] == ["区政务服务办"]


def test_employment_routes_to_measure_15():
    cat = category("employment_talent")
    assert "用工" in cat["name"]
    assert cat["measure_no"] == 15
    assert cat["lead_units"] == ["区人力社保局"]
    assert cat["responsible_units"] == ["区委组织部", "区教委"]


def test_category_limits_are_consistent_working_day_counts():
    for cat in categories():
        limits = {key: cat[key] for key in DEFAULT_LIMITS}
        assert all(isinstance(v, int) and v > 0 for v in limits.values()), cat["code"]
        assert cat["reply_days"] <= cat["resolve_days"] <= cat["max_days"], cat["code"]
        assert cat["extension_notice_days"] < cat["resolve_days"], cat["code"]
        if limits != DEFAULT_LIMITS:
            assert cat.get("limits_note"), cat["code"]
    assert category("overdue_payments")["resolve_days"] > DEFAULT_LIMITS["resolve_days"]


def test_keywords_point_to_one_category_only():
    owners: dict[str, str] = {}
    for cat in categories():
        assert cat["keywords"] or cat["measure_no"] is None, cat["code"]
        for keyword in cat["keywords"]:
            assert keyword not in owners, (keyword, owners.get(keyword), cat["code"])
            owners[keyword] = cat["code"]
    for keyword, code in owners.items():
        clashes = [k for k, c in owners.items() if c != code and keyword in k]
        assert not clashes, (keyword, code, clashes)


# --- streets.json ---------------------------------------------------------------------------


def test_district_has_nine_streets_and_three_towns():
    streets = load("streets.json")
    kinds = [s["kind"] for s in streets]
    assert len(streets) == 12
    assert kinds.count("street") == 9
    assert kinds.count("town") == 3
    for item in streets:
        suffix = "街道" if item["kind"] == "street" else "镇"
        assert item["name"].endswith(suffix), item["name"]
    assert {s["name"] for s in streets if s["kind"] == "town"} == {"鱼嘴镇", "复盛镇", "五宝镇"}
    codes = [s["code"] for s in streets]
    assert len(codes) == len(set(codes))
    assert all(SNAKE_CASE.match(code) for code in codes)


# --- file format ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name", ["measures.json", "departments.json", "streets.json", "categories.json"]
)
def test_reference_file_is_readable_utf8_with_two_space_indent(name):
    raw = (REFERENCE / name).read_text(encoding="utf-8")
    assert raw == json.dumps(json.loads(raw), ensure_ascii=False, indent=2) + "\n"
