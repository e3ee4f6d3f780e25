"""Enterprise search on PostgreSQL, measured before it is built (issue 16): which index serves
which query, on the district's 150,000 enterprises.

    .venv/bin/python bench/pg_search_bench.py [--db bench/out/district-seed1.sqlite]

Copies the search keys the SQLite index holds (`enterprise_search`: normalized name, pinyin
initials, full pinyin, code; `enterprise_gram`: every two-character window and last
character) from the bench database into a throwaway PostgreSQL server
(`tests/pg_cluster.py`), builds the candidate indexes, and runs bench/run.py's 44 queries
(20 times each) the way `liaison.data.search.search` runs them, in five designs (the last is
what `liaison.data.pg_search` does):

- `trigram`: pg_trgm GIN indexes on name, initials and pinyin for every substring query;
- `trigram+grams`: pg_trgm for three characters and more, the `enterprise_gram` table (a plain
  B-tree) for one and two, as the SQLite index does;
- `per-column+grams+chars`: the same, with the three columns' trigram searches as one index
  scan each (UNION), and one-character queries from a table of each name's characters;
- `indexed+grams+chars`: trigram, grams and characters, on a session that never reads the
  table whole (`enable_seqscan = off`): a frequent pattern with LIMIT tempts the planner into
  a sequential scan that finds its 200 rows late;
- `indexed+grams+chars+prefixes`: and the pinyin initials and full pinyin looked up as
  prefixes (B-tree) before as substrings: a pattern most names start with (chongqing, cqjb)
  fills the page and its count from the B-tree, and the trigram index is not asked.

Prints JSON; figures go to bench/RESULTS.md by hand.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import psycopg

from liaison.data import driver
from liaison.data.search import COUNT_CAP, normalize
from liaison.domain.uscc import is_uscc_prefix

sys.path[:0] = [str(Path(__file__).resolve().parent), str(Path(__file__).resolve().parents[1])]
from run import SEARCH_QUERIES  # noqa: E402

from tests.pg_cluster import cluster  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
LIMIT = 200
SCHEMA = (
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    """CREATE TABLE enterprise_search (
        doc integer PRIMARY KEY,
        enterprise_id text NOT NULL UNIQUE,
        name text NOT NULL,
        initials text NOT NULL,
        pinyin text NOT NULL,
        uscc text NOT NULL
    )""",
    "CREATE TABLE enterprise_gram (gram text NOT NULL, doc integer NOT NULL)",
    "CREATE TABLE enterprise_char (ch text NOT NULL, doc integer NOT NULL)",
)
INDEXES = (
    'CREATE INDEX ix_search_name ON enterprise_search (name COLLATE "C")',
    'CREATE INDEX ix_search_uscc ON enterprise_search (uscc COLLATE "C")',
    'CREATE INDEX ix_search_initials ON enterprise_search (initials COLLATE "C")',
    'CREATE INDEX ix_search_pinyin ON enterprise_search (pinyin COLLATE "C")',
    "CREATE INDEX ix_search_name_trgm ON enterprise_search USING gin (name gin_trgm_ops)",
    "CREATE INDEX ix_search_initials_trgm ON enterprise_search USING gin (initials gin_trgm_ops)",
    "CREATE INDEX ix_search_pinyin_trgm ON enterprise_search USING gin (pinyin gin_trgm_ops)",
    "ALTER TABLE enterprise_gram ADD PRIMARY KEY (gram, doc)",
    "ALTER TABLE enterprise_char ADD PRIMARY KEY (ch, doc)",
)
DESIGNS = (
    "trigram",
    "trigram+grams",
    "per-column+grams+chars",
    "indexed+grams+chars",
    "indexed+grams+chars+prefixes",
)


def _like(q: str) -> str:
    return "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _substring(q: str, design: str) -> tuple[str, tuple[object, ...]]:
    pattern = _like(q)
    if design == "trigram" or (design == "trigram+grams" and len(q) >= 3):
        return (
            "SELECT doc FROM enterprise_search "
            "WHERE name LIKE %s OR initials LIKE %s OR pinyin LIKE %s",
            (pattern, pattern, pattern),
        )
    if len(q) >= 3 and design.startswith("indexed"):  # the session reads no table whole
        return (
            "SELECT doc FROM enterprise_search "
            "WHERE name LIKE %s OR initials LIKE %s OR pinyin LIKE %s",
            (pattern, pattern, pattern),
        )
    if len(q) >= 3:  # one index scan per column: no plan can fall back to reading the table
        return (
            "SELECT doc FROM enterprise_search WHERE name LIKE %s "
            "UNION SELECT doc FROM enterprise_search WHERE initials LIKE %s "
            "UNION SELECT doc FROM enterprise_search WHERE pinyin LIKE %s",
            (pattern, pattern, pattern),
        )
    if len(q) == 2:
        return "SELECT doc FROM enterprise_gram WHERE gram = %s", (q,)
    if design == "trigram+grams":
        return (
            "SELECT DISTINCT doc FROM enterprise_gram WHERE gram >= %s AND gram < %s",
            (q, chr(ord(q) + 1)),
        )
    return "SELECT doc FROM enterprise_char WHERE ch = %s", (q,)


def search(conn: psycopg.Connection[Any], text: str, design: str) -> tuple[list[str], int]:
    """`liaison.data.search.search` on PostgreSQL: code prefix, name prefix, substring."""
    q = normalize(text)
    docs: dict[int, None] = {}

    def take(sql: str, params: tuple[object, ...]) -> None:
        if len(docs) < LIMIT:
            for (doc,) in conn.execute(f"{sql} LIMIT %s", (*params, LIMIT)):
                docs.setdefault(doc)

    code = q.upper()
    has_code = is_uscc_prefix(code)
    if has_code:
        take(
            'SELECT doc FROM enterprise_search WHERE uscc COLLATE "C" >= %s '
            'AND uscc COLLATE "C" < %s ORDER BY uscc COLLATE "C"',
            (code, code + "~"),
        )
    columns = ("name", "initials", "pinyin") if design.endswith("+prefixes") else ("name",)
    capped = False
    for column in columns:
        prefix = (
            f'SELECT doc FROM enterprise_search WHERE {column} COLLATE "C" >= %s '
            f'AND {column} COLLATE "C" < %s ORDER BY {column} COLLATE "C"'
        )
        take(prefix, (q, q + "\U0010ffff"))
        if len(columns) > 1 and not capped:  # a prefix is a substring: its count bounds the total
            capped = _count(conn, prefix, (q, q + "\U0010ffff")) > COUNT_CAP
    sql, params = _substring(q, design)
    take(sql, params)
    total = COUNT_CAP + 1 if capped else _count(conn, sql, params)
    found = conn.execute(
        "SELECT doc, enterprise_id FROM enterprise_search WHERE doc = ANY(%s)", (list(docs),)
    ).fetchall()
    ids = dict(found)
    return [ids[d] for d in docs if d in ids], total


def _count(conn: psycopg.Connection[Any], sql: str, params: tuple[object, ...]) -> int:
    row = conn.execute(f"SELECT count(*) FROM ({sql} LIMIT {COUNT_CAP + 1}) AS hits", params)
    found = row.fetchone()
    return int(found[0]) if found else 0


def _copy(
    conn: psycopg.Connection[Any], table: str, columns: str, rows: Iterable[tuple[Any, ...]]
) -> int:
    n = 0
    with conn.cursor().copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row(row)
            n += 1
    return n


def load(conn: psycopg.Connection[Any], sqlite_path: Path) -> dict[str, Any]:
    source = driver.connect(f"{sqlite_path.absolute().as_uri()}?mode=ro", uri=True)
    started = time.perf_counter()
    try:
        for statement in SCHEMA:
            conn.execute(statement)
        docs = _copy(
            conn,
            "enterprise_search",
            "doc, enterprise_id, name, initials, pinyin, uscc",
            source.execute(
                "SELECT doc, enterprise_id, name, initials, pinyin, uscc FROM enterprise_search"
            ),
        )
        grams = _copy(
            conn,
            "enterprise_gram",
            "gram, doc",
            source.execute("SELECT gram, doc FROM enterprise_gram"),
        )
        names = source.execute("SELECT doc, name FROM enterprise_search").fetchall()
        chars = _copy(
            conn, "enterprise_char", "ch, doc", ((c, doc) for doc, name in names for c in set(name))
        )
    finally:
        source.close()
    loaded = time.perf_counter()
    for statement in INDEXES:
        conn.execute(statement)
    conn.execute("ANALYZE")
    conn.commit()
    return {
        "enterprises": docs,
        "grams": grams,
        "chars": chars,
        "load_s": round(loaded - started, 1),
        "index_s": round(time.perf_counter() - loaded, 1),
    }


def _ms(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)
    return {
        "p50": round(statistics.median(ordered) * 1000, 2),
        "p95": round(ordered[int(len(ordered) * 0.95) - 1] * 1000, 2),
        "max": round(ordered[-1] * 1000, 2),
    }


def measure(conn: psycopg.Connection[Any], design: str, repeat: int) -> dict[str, Any]:
    conn.execute(f"SET enable_seqscan = {'off' if design.startswith('indexed') else 'on'}")
    out: dict[str, Any] = {}
    everything: list[float] = []
    for kind, queries in SEARCH_QUERIES.items():
        samples: list[float] = []
        matches = {}
        for q in queries:
            _ids, total = search(conn, q, design)  # warm, and the figures to compare
            matches[q] = total
            for _ in range(repeat):
                t = time.perf_counter()
                search(conn, q, design)
                samples.append(time.perf_counter() - t)
        everything += samples
        out[kind] = {**_ms(samples), "matches": matches}
    out["all"] = _ms(everything)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--db", type=Path, default=ROOT / "bench" / "out" / "district-seed1.sqlite")
    ap.add_argument("--repeat", type=int, default=20)
    args = ap.parse_args()
    if not args.db.exists():
        sys.exit(f"{args.db} is missing: build it with bench/run.py first")
    with cluster() as dsn, psycopg.connect(dsn, prepare_threshold=0) as conn:
        results: dict[str, Any] = {"server": conn.execute("SHOW server_version").fetchone()}
        results["load"] = load(conn, args.db)
        for design in DESIGNS:
            results[design] = measure(conn, design, repeat=args.repeat)
    print(json.dumps(results, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
