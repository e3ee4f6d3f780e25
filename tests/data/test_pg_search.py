"""Enterprise search on a real PostgreSQL server gives what the SQLite index gives: the same
enterprises and the same (capped) count for every query, whatever index serves it."""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from liaison.data import driver, pg_search, search
from liaison.data.search import COUNT_CAP
from liaison.demo.names import company_name
from liaison.domain.uscc import make_uscc

Row = tuple[str, str, str]


class Pair:
    """The same enterprises indexed on both engines."""

    def __init__(self, sqlite_path: Path, dsn: str) -> None:
        self.lite = driver.connect(sqlite_path, isolation_level=None)
        for statement in search.DDL:
            self.lite.execute(statement)
        self.pg = psycopg.connect(dsn)
        pg_search.create(self.pg)
        self.pg.commit()

    def index(self, rows: list[Row]) -> None:
        self.lite.execute("BEGIN")
        search.index_enterprises(self.lite, rows)
        self.lite.execute("COMMIT")
        pg_search.index_enterprises(self.pg, rows)
        self.pg.commit()

    def unindex(self, ids: list[str]) -> None:
        self.lite.execute("BEGIN")
        search.unindex_enterprises(self.lite, ids)
        self.lite.execute("COMMIT")
        pg_search.unindex_enterprises(self.pg, ids)
        self.pg.commit()

    def both(
        self, query: str, limit: int = 5000
    ) -> tuple[tuple[set[str], int] | None, tuple[set[str], int] | None]:
        """Every match (a page larger than the index) and the count, on each engine; the
        order of a page may differ (PostgreSQL puts pinyin prefixes first)."""
        lite, pg = search.search(self.lite, query, limit), pg_search.search(self.pg, query, limit)
        return (
            None if lite is None else (set(lite.enterprise_ids), lite.total),
            None if pg is None else (set(pg.enterprise_ids), pg.total),
        )

    def close(self) -> None:
        self.lite.close()
        self.pg.close()


@pytest.fixture
def pair(pg_dsn: str, tmp_path: Path) -> Iterator[Pair]:
    made = Pair(tmp_path / "search.sqlite", pg_dsn)
    yield made
    made.close()


def _district(n: int, seed: int = 3) -> list[Row]:
    rng = random.Random(seed)
    industries = ["C", "E", "F", "G", "H", "I"]  # the demo's industry letters
    rows = [
        (f"e{i:05d}", company_name(rng, rng.choice(industries)), make_uscc(f"91500105MA{i:07d}"))
        for i in range(n)
    ]
    rows += [
        ("odd1", "１００％纯净水厂", make_uscc("91500105MB0000001")),  # full-width, a literal %
        ("odd2", "A_B 五金 (江北) 店", make_uscc("92500105MB0000002")),  # _ and spaces
        ("odd3", "观音桥", make_uscc("91500105MB0000003")),
    ]
    return rows


QUERIES = [
    "江", "鑫", "渝", "华", "%", "_", "纯", "c", "j", "1",  # one character
    "江北", "观音", "科技", "有限", "重庆", "a_", "0%", "jb", "yx", "gs",  # two
    "观音桥", "科技有限", "江北区", "商贸有限公司", "a_b", "100%", "１００％",  # three and more
    "cq", "ch", "ji", "cqjb", "jbq", "gyq", "yxgs", "kjyx",  # pinyin initials, pinyin starts
    "jiangbei", "keji", "chongqing", "shangmao", "wuliu", "GuanYin",  # full pinyin
    "915001", "91500105M", "9150010", "92500", "91500105mb",  # code prefixes
    "没有这家企业", "zzzz", "  ", "",
]  # fmt: skip


def test_the_same_enterprises_and_counts_as_on_sqlite(pair: Pair) -> None:
    pair.index(_district(400))
    for query in QUERIES:
        lite, pg = pair.both(query)
        assert pg == lite, query
    assert pair.both("观音桥")[1] is not None


@pytest.mark.parametrize("n", [COUNT_CAP, COUNT_CAP + 100])
def test_counts_stop_at_the_same_cap(pair: Pair, n: int) -> None:
    """Up to COUNT_CAP matches are counted; more say COUNT_CAP + 1 (“1000+”), on both, whether
    the count comes from a prefix (the PostgreSQL shortcut) or from a substring."""
    rows = [
        (f"c{i:05d}", f"重庆鑫源{i}科技有限公司", make_uscc(f"91500105MA{i:07d}")) for i in range(n)
    ]
    pair.index(rows)
    for query in ("重庆", "cqxy", "chongqing", "科技有限", "kjyx", "9150010", "鑫"):
        lite, pg = pair.both(query, limit=200)
        assert lite is not None and lite[1] == min(n, COUNT_CAP + 1), query
        assert pg is not None and pg[1] == lite[1], query
        assert len(pg[0]) == len(lite[0]) == 200, query
        everything = pair.both(query, limit=5000)[1]
        assert everything is not None and pg[0] <= everything[0]  # a page of true matches


def test_renaming_and_removing_change_what_is_found(pair: Pair) -> None:
    pair.index(_district(50))
    pair.index([("e00001", "重庆嘉陵机械厂", make_uscc("91500105MA0000001"))])
    pair.unindex(["odd3"])
    for query in ("嘉陵机械", "观音桥", "jlj", "观"):
        lite, pg = pair.both(query)
        assert pg == lite, query
    found = pg_search.search(pair.pg, "嘉陵机械厂")
    assert found is not None and found.enterprise_ids == ["e00001"]
    gone = pg_search.search(pair.pg, "观音桥")
    assert gone is not None and gone.total == 0
    leftovers = pair.pg.execute(
        "SELECT count(*) FROM enterprise_gram g LEFT JOIN enterprise_search s USING (doc) "
        "WHERE s.doc IS NULL"
    ).fetchone()
    assert leftovers == (0,)  # the windows of a removed or renamed enterprise went with it


ALPHABET = "江北区观音桥重庆鑫源科技有限公司渝华A_%1"


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    names=st.lists(st.text(ALPHABET, min_size=1, max_size=9), min_size=1, max_size=25),
    query=st.text(ALPHABET, min_size=1, max_size=5),
)
def test_any_names_and_query_give_the_same_answer(pair: Pair, names: list[str], query: str) -> None:
    pair.lite.execute("DELETE FROM enterprise_gram")
    pair.lite.execute("DELETE FROM enterprise_search")
    pair.lite.execute("INSERT INTO enterprise_fts(enterprise_fts) VALUES ('delete-all')")
    pair.pg.execute("TRUNCATE enterprise_search CASCADE")
    rows = [(f"p{i}", name, make_uscc(f"91500105MA{i:07d}")) for i, name in enumerate(names)]
    pair.index(rows)
    lite, pg = pair.both(query)
    assert pg == lite


def test_a_search_leaves_the_session_as_it_found_it(pair: Pair) -> None:
    """Sequential scans are off for the search's statements only: on an idle connection and
    inside the caller's own transaction alike."""
    pair.index(_district(20))
    pg_search.search(pair.pg, "重庆")
    pair.pg.commit()
    assert pair.pg.execute("SHOW enable_seqscan").fetchone() == ("on",)
    pair.pg.rollback()
    with pair.pg.transaction():
        pair.pg.execute("SELECT 1")
        pg_search.search(pair.pg, "重庆")
        assert pair.pg.execute("SHOW enable_seqscan").fetchone() == ("on",)
