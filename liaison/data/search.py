"""Enterprise search index: name substring of any length, pinyin, 统一社会信用代码 prefix.

Local, derived data (never synced): rebuilt from `enterprise` at any time.
- `enterprise_search` holds one row per live enterprise with its search keys; its integer
  `doc` is an explicit INTEGER PRIMARY KEY, so it survives VACUUM.
- `enterprise_fts` (FTS5, trigram tokenizer) serves substrings of three characters or more in
  the name, the pinyin initials and the full pinyin.
- `enterprise_gram` serves the one- and two-character queries a trigram index cannot (江北 is
  the most common query of all): every two-character window of the name and of the initials,
  plus the last character alone, each pointing at its document.
"""

from __future__ import annotations

import sqlite3
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, cast

from liaison.data import bulk
from liaison.data.pg_conn import PgConnection, is_postgresql
from liaison.domain.uscc import is_uscc_prefix

DDL = (
    """CREATE TABLE IF NOT EXISTS enterprise_search (
        doc INTEGER PRIMARY KEY,
        enterprise_id TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        initials TEXT NOT NULL,
        pinyin TEXT NOT NULL,
        uscc TEXT NOT NULL
    )""",
    "CREATE INDEX IF NOT EXISTS ix_enterprise_search_name ON enterprise_search(name)",
    "CREATE INDEX IF NOT EXISTS ix_enterprise_search_uscc ON enterprise_search(uscc)",
    """CREATE VIRTUAL TABLE IF NOT EXISTS enterprise_fts USING fts5(
        name, initials, pinyin,
        content='enterprise_search', content_rowid='doc', tokenize='trigram'
    )""",
    """CREATE TABLE IF NOT EXISTS enterprise_gram (
        gram TEXT NOT NULL,
        doc INTEGER NOT NULL,
        PRIMARY KEY (gram, doc)
    ) WITHOUT ROWID""",
    "CREATE INDEX IF NOT EXISTS ix_enterprise_gram_doc ON enterprise_gram(doc)",
)
DROP = (
    "DROP TABLE IF EXISTS enterprise_gram",
    "DROP TABLE IF EXISTS enterprise_fts",
    "DROP TABLE IF EXISTS enterprise_search",
)

COUNT_CAP = 1000
"""Counts stop here: the UI shows “1000+”, and counting every match of 有限 would be slow."""


def normalize(text: str) -> str:
    """Fold full-width forms, case and white space the way the index stores names."""
    return "".join(unicodedata.normalize("NFKC", text).lower().split())


def windows(text: str) -> set[str]:
    """Every two-character window of `text`, and its last character alone."""
    return {text[i : i + 2] for i in range(len(text))}


@dataclass(frozen=True)
class Keys:
    name: str
    initials: str
    pinyin: str

    @classmethod
    def of(cls, name: str) -> Keys:
        # imported on first use: pypinyin takes 0.2 s to load, too long for the GUI thread
        from liaison.domain.pinyin import pinyin_keys

        n = normalize(name)
        return cls(n, *pinyin_keys(n))


def _delete_docs(conn: sqlite3.Connection, enterprise_ids: Iterable[str]) -> None:
    docs = _select_docs(conn, enterprise_ids)
    if not docs:
        return
    rows = bulk.rows_text(docs)
    conn.execute(
        "INSERT INTO enterprise_fts(enterprise_fts, rowid, name, initials, pinyin) "
        "SELECT 'delete', value ->> 0, value ->> 1, value ->> 2, value ->> 3 FROM json_each(?)",
        (rows,),
    )
    conn.execute(
        "DELETE FROM enterprise_gram WHERE doc IN (SELECT value ->> 0 FROM json_each(?))", (rows,)
    )
    conn.execute(
        "DELETE FROM enterprise_search WHERE doc IN (SELECT value ->> 0 FROM json_each(?))",
        (rows,),
    )


def _select_docs(conn: sqlite3.Connection, enterprise_ids: Iterable[str]) -> list[list[Any]]:
    """[doc, name, initials, pinyin] of the enterprises' index entries."""
    return bulk.fetch_rows(
        conn,
        "SELECT json_group_array(json_array(doc, name, initials, pinyin)) FROM enterprise_search "
        "WHERE enterprise_id IN (SELECT value FROM json_each(?))",
        (bulk.rows_text(enterprise_ids),),
    )


def _pg(conn: sqlite3.Connection) -> Any:
    return cast(PgConnection, conn).pg


def index_enterprises(conn: sqlite3.Connection, rows: Iterable[tuple[str, str, str]]) -> None:
    """(Re)index enterprises given as (id, name, uscc); call inside the writing transaction."""
    if is_postgresql(conn):
        from liaison.data import pg_search  # it builds on this module: imported when used

        pg_search.index_enterprises(_pg(conn), rows)
        return
    rows = list(rows)
    _delete_docs(conn, (eid for eid, _, _ in rows))
    _insert(conn, rows)


def unindex_enterprises(conn: sqlite3.Connection, enterprise_ids: Iterable[str]) -> None:
    """Remove deleted enterprises from the index."""
    if is_postgresql(conn):
        from liaison.data import pg_search

        pg_search.unindex_enterprises(_pg(conn), enterprise_ids)
        return
    _delete_docs(conn, enterprise_ids)


def _insert(conn: sqlite3.Connection, rows: Iterable[tuple[str, str, str]]) -> None:
    docs: list[tuple[int, str, str, str, str, str]] = []
    grams: list[tuple[str, int]] = []
    row = conn.execute("SELECT coalesce(max(doc), 0) FROM enterprise_search").fetchone()
    doc = first = int(row[0])
    for eid, name, uscc in rows:
        k = Keys.of(name)
        doc += 1
        docs.append((doc, eid, k.name, k.initials, k.pinyin, uscc))
        grams += [(g, doc) for g in windows(k.name) | windows(k.initials)]
    if not docs:
        return
    conn.execute(
        "INSERT INTO enterprise_search(doc, enterprise_id, name, initials, pinyin, uscc) "
        "SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5 "
        "FROM json_each(?)",
        (bulk.rows_text(docs),),
    )
    conn.execute(
        "INSERT INTO enterprise_fts(rowid, name, initials, pinyin) "
        "SELECT doc, name, initials, pinyin FROM enterprise_search WHERE doc > ?",
        (first,),
    )
    conn.execute(
        "INSERT OR IGNORE INTO enterprise_gram(gram, doc) "
        "SELECT value ->> 0, value ->> 1 FROM json_each(?)",
        (bulk.rows_text(grams),),
    )


def rebuild(conn: sqlite3.Connection) -> int:
    """Rebuild the whole index from the live enterprises; returns how many were indexed.

    Runs in the caller's transaction. Bulk path: rows first, FTS rebuilt in one pass, grams
    inserted sorted so the WITHOUT ROWID tree is filled in order.
    """
    for stmt in DROP:
        conn.execute(stmt)
    for stmt in DDL:
        conn.execute(stmt)
    rows = conn.execute(
        "SELECT id, name, uscc FROM enterprise WHERE deleted_at IS NULL ORDER BY name"
    ).fetchall()
    keyed = [(eid, Keys.of(name), uscc) for eid, name, uscc in rows]
    conn.executemany(
        "INSERT INTO enterprise_search(doc, enterprise_id, name, initials, pinyin, uscc) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        ((i, eid, k.name, k.initials, k.pinyin, uscc) for i, (eid, k, uscc) in enumerate(keyed, 1)),
    )
    conn.execute("INSERT INTO enterprise_fts(enterprise_fts) VALUES ('rebuild')")
    conn.execute("DROP INDEX IF EXISTS ix_enterprise_gram_doc")
    grams = sorted(
        (g, i)
        for i, (_, k, _) in enumerate(keyed, 1)
        for g in windows(k.name) | windows(k.initials)
    )
    conn.executemany("INSERT INTO enterprise_gram(gram, doc) VALUES (?, ?)", grams)
    conn.execute("CREATE INDEX IF NOT EXISTS ix_enterprise_gram_doc ON enterprise_gram(doc)")
    return len(keyed)


@dataclass(frozen=True)
class SearchResult:
    enterprise_ids: list[str]
    total: int
    """Number of matches, capped at COUNT_CAP + 1 (show as “1000+”)."""

    @property
    def total_is_capped(self) -> bool:
        return self.total > COUNT_CAP


def _fts_phrase(q: str) -> str:
    return '"' + q.replace('"', '""') + '"'


def _substring_docs_sql(q: str) -> tuple[str, tuple[object, ...]]:
    if len(q) >= 3:
        return "SELECT rowid FROM enterprise_fts WHERE enterprise_fts MATCH ?", (_fts_phrase(q),)
    if len(q) == 2:
        return "SELECT doc FROM enterprise_gram WHERE gram = ?", (q,)
    upper = chr(ord(q) + 1)
    return "SELECT DISTINCT doc FROM enterprise_gram WHERE gram >= ? AND gram < ?", (q, upper)


def _code_docs_sql(q: str) -> tuple[str, tuple[object, ...]] | None:
    code = q.upper()
    if not is_uscc_prefix(code):
        return None
    return "SELECT doc FROM enterprise_search WHERE uscc >= ? AND uscc < ?", (code, code + "~")


def search(conn: sqlite3.Connection, text: str, limit: int = 200) -> SearchResult | None:
    """Enterprises whose name, pinyin initials, full pinyin or code prefix match `text`.

    Order: code prefix, then name prefix, then other substring matches. None for an empty query
    (no filter). Every branch is an index lookup bounded by `limit` or COUNT_CAP. On a
    PostgreSQL hub, `pg_search` answers alike.
    """
    if is_postgresql(conn):
        from liaison.data import pg_search

        return pg_search.search(_pg(conn), text, limit)
    q = normalize(text)
    if not q:
        return None
    docs: dict[int, None] = {}

    def take(sql: str, params: tuple[object, ...]) -> None:
        if len(docs) >= limit:
            return
        for (doc,) in conn.execute(f"{sql} LIMIT ?", (*params, limit)):
            docs.setdefault(doc)

    code = _code_docs_sql(q)
    if code:
        take(f"{code[0]} ORDER BY uscc", code[1])
    take(
        "SELECT doc FROM enterprise_search WHERE name >= ? AND name < ? ORDER BY name",
        (q, q + "\U0010ffff"),
    )
    sub_sql, sub_params = _substring_docs_sql(q)
    take(sub_sql, sub_params)
    total = _capped_count(conn, sub_sql, sub_params)
    if code:
        total = min(COUNT_CAP + 1, total + _capped_count(conn, *code))
    ids = _ids_for_docs(conn, list(docs)[:limit])
    return SearchResult(ids, max(total, len(ids)))


def _capped_count(conn: sqlite3.Connection, sql: str, params: tuple[object, ...]) -> int:
    row = conn.execute(f"SELECT count(*) FROM ({sql} LIMIT {COUNT_CAP + 1})", params).fetchone()
    return int(row[0])


def _ids_for_docs(conn: sqlite3.Connection, docs: list[int]) -> list[str]:
    if not docs:
        return []
    marks = ",".join("?" * len(docs))
    found = dict(
        conn.execute(
            f"SELECT doc, enterprise_id FROM enterprise_search WHERE doc IN ({marks})", docs
        ).fetchall()
    )
    return [found[d] for d in docs if d in found]
