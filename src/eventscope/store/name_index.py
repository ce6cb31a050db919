"""The name index: every distinct stored name value with its match keys, kept at write time.

A name filter (``events --actor``, ``quotes --speaker``) finds the stored values that
:func:`eventscope.store.names.name_matches` accepts. Reading every distinct value and matching
each in Python costs a scan of the record table per request; here each distinct value of a
named column is a row of ``names`` (with how many records hold it), and ``name_keys`` holds
its match keys: every suffix of each folded part, cut to :data:`KEY_CHARS` characters.

A query matches a part when its folded, untitled form (``names.query_form``) occurs in the folded
part (a title, the surname alone and diacritics are all covered by that; see names.py), so the
parts holding it are those with a key starting with its first :data:`KEY_CHARS` characters: one
range of an index. Up to that length the range is the answer; a longer query's candidates are
checked with ``name_matches`` itself. Keys compare by code point (SQLite's BINARY collation,
PostgreSQL's "C"), so a prefix is one range.
"""
from __future__ import annotations

import hashlib
from collections import Counter
from typing import Iterable, Mapping

from sqlalchemy import bindparam, delete, func, insert, select, update
from sqlalchemy.engine import Connection

from eventscope.store.names import fold_name, name_matches, query_form
from eventscope.store.schema import RECORD_TABLES, name_keys, names

KEY_CHARS = name_keys.c.key.type.length  # characters of a suffix kept as a key
# "table.column" -> the separator of the several names a value holds ("" for one name); a
# value names a query when one of its parts does (rows.py joins an event's parties with " | ")
NAMED_COLUMNS: Mapping[str, str] = {
    "events.actors": " | ", "events.recipients": " | ",
    "quotes.speaker": "", "quotes.speaker_name": "",
}
_CHUNK = 500
_LAST = 0x10FFFF


def name_id(field: str, value: str) -> str:
    """The row id of ``value`` in ``field``: a content hash, the same on every writer."""
    return hashlib.blake2b(f"{field}\x00{value}".encode("utf-8", "surrogatepass"),
                           digest_size=16).hexdigest()


def parts_of(field: str, value: str) -> list[str]:
    """The names ``value`` holds as ``field`` stores them."""
    separator = NAMED_COLUMNS[field]
    return value.split(separator) if separator else [value]


def keys_of(field: str, value: str) -> set[str]:
    """Every suffix of every folded part not starting with a space, cut to KEY_CHARS."""
    keys = set()
    for part in parts_of(field, value):
        folded = fold_name(part)
        keys.update(folded[i:i + KEY_CHARS] for i in range(len(folded)) if folded[i] != " ")
    return keys


def names_query(field: str, value: str, query: str) -> bool:
    """``value`` of ``field`` names ``query``: one of its parts does (names.name_matches)."""
    return bool(value) and any(name_matches(query, part) for part in parts_of(field, value))


def _after(prefix: str) -> str | None:
    """The least string above every string starting with ``prefix`` (code point order)."""
    while prefix:
        last = ord(prefix[-1])
        if last < _LAST:
            step = 0xE000 if last == 0xD7FF else last + 1  # no surrogates
            return prefix[:-1] + chr(step)
        prefix = prefix[:-1]
    return None


def values_named(connection: Connection, field: str, query: str) -> list[str]:
    """The distinct stored values of ``field`` ("events.actors") that name ``query``."""
    wanted = query_form(query)
    if not wanted:
        return []
    low = wanted[:KEY_CHARS]
    found = (select(names.c.value).distinct()
             .join(name_keys, name_keys.c.name_id == names.c.id)
             .where(names.c.field == field, name_keys.c.key >= low))
    high = _after(low)
    if high is not None:
        found = found.where(name_keys.c.key < high)
    values = list(connection.execute(found).scalars())
    if len(wanted) <= KEY_CHARS and high is not None:
        return values  # a key starting with the whole query: the query is in that part
    return [v for v in values if names_query(field, v, query)]


def stored_values(connection: Connection, table: str, article_ids: Iterable[str]) -> Counter:
    """(field, value) -> records of ``table`` holding it, among ``article_ids``' records."""
    counted: Counter = Counter()
    columns = [f for f in NAMED_COLUMNS if f.split(".")[0] == table]
    if not columns:
        return counted
    source = RECORD_TABLES[table]
    ids = list(article_ids)
    for start in range(0, len(ids), _CHUNK):
        rows = connection.execute(
            select(*(source.c[f.split(".")[1]] for f in columns))
            .where(source.c.article_id.in_(ids[start:start + _CHUNK])))
        for row in rows:
            counted.update((f, v) for f, v in zip(columns, row) if v)
    return counted


def row_values(table: str, rows: Iterable[Mapping]) -> Counter:
    """(field, value) -> how many of ``rows`` (about to be inserted into ``table``) hold it."""
    columns = [(f, f.split(".")[1]) for f in NAMED_COLUMNS if f.split(".")[0] == table]
    return Counter((f, row[c]) for row in rows for f, c in columns if row.get(c))


def update_names(connection: Connection, change: Mapping[tuple[str, str], int]) -> None:
    """Add ``change`` (records gained, or lost if negative, per (field, value)) to the index:
    new values get their row and keys, values no record holds any more lose theirs. Inserts
    skip rows another writer added meanwhile, and counts are added in id order (no deadlock)."""
    changed = sorted(((name_id(*fv), fv, n) for fv, n in change.items() if n),
                     key=lambda item: item[0])
    if not changed:
        return
    gained = [(i, fv) for i, fv, n in changed if n > 0]
    known = _existing(connection, [i for i, _ in gained])
    new = [(i, fv) for i, fv in gained if i not in known]
    if new:
        _insert_new(connection, names, [{"id": i, "field": f, "value": v, "records": 0}
                                         for i, (f, v) in new])
        _insert_new(connection, name_keys, [{"name_id": i, "key": k}
                                             for i, (f, v) in new for k in sorted(keys_of(f, v))])
    connection.execute(update(names).where(names.c.id == bindparam("i"))
                       .values(records=names.c.records + bindparam("n")),
                       [{"i": i, "n": n} for i, _, n in changed])
    lost = [i for i, _, n in changed if n < 0]
    for start in range(0, len(lost), _CHUNK):
        gone = list(connection.execute(select(names.c.id).where(
            names.c.id.in_(lost[start:start + _CHUNK]), names.c.records <= 0)).scalars())
        if gone:
            connection.execute(delete(name_keys).where(name_keys.c.name_id.in_(gone)))
            connection.execute(delete(names).where(names.c.id.in_(gone)))


def rebuild(connection: Connection) -> None:
    """Fill the index from the stored records (the migration that adds it runs this)."""
    connection.execute(delete(name_keys))
    connection.execute(delete(names))
    change: Counter = Counter()
    for field in NAMED_COLUMNS:
        table, column = field.split(".")
        source = RECORD_TABLES[table].c[column]
        rows = connection.execute(select(source, func.count()).where(source.isnot(None))
                                  .group_by(source))
        change.update({(field, value): n for value, n in rows if value})
    update_names(connection, change)


def _existing(connection: Connection, ids: list[str]) -> set[str]:
    return {i for start in range(0, len(ids), _CHUNK)
            for i in connection.execute(select(names.c.id).where(
                names.c.id.in_(ids[start:start + _CHUNK]))).scalars()}


def _insert_new(connection: Connection, table, rows: list[dict]) -> None:
    """Insert ``rows``, skipping any whose key a concurrent writer has just inserted."""
    dialect = connection.dialect.name
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as dialect_insert
    elif dialect == "sqlite":
        from sqlalchemy.dialects.sqlite import insert as dialect_insert
    else:  # no portable upsert: a concurrent duplicate fails the batch (run it again)
        connection.execute(insert(table), rows)
        return
    connection.execute(dialect_insert(table).on_conflict_do_nothing(), rows)
