"""The database schema (SQLAlchemy Core), portable across SQLite and PostgreSQL.

Each record is stored whole as JSON (``data``) for exact round trips, plus a few denormalised
columns that queries filter on. ``seq`` keeps records in the order the pipeline produced them
and is the key with the article id: record ids are content hashes a stage could repeat, and a
repeat must not cost the whole batch. ``*_first``/``*_last`` are the ISO days a date covers
(see :mod:`eventscope.store.periods`), so date filters compare days, not TIMEX strings.
Changing this schema means adding an Alembic revision under ``migrations/versions``.
"""
from __future__ import annotations

from sqlalchemy import (
    JSON, Column, DateTime, Float, ForeignKey, Index, Integer, MetaData, String, Table, Text,
)

metadata = MetaData()

articles = Table(
    "articles", metadata,
    Column("id", String(32), primary_key=True),
    Column("text", Text, nullable=False),
    Column("title", Text), Column("url", Text), Column("published", String(32), index=True),
    Column("source", Text), Column("author", Text), Column("external_id", Text),
    Column("published_first", String(10)), Column("published_last", String(10)),
    Column("published_at", String(40)),  # Article.published_at: the time and its offset
    Column("model", String(200)), Column("model_version", String(50)),
    Column("pipeline", JSON, nullable=False), Column("errors", JSON, nullable=False),
    Column("stored_at", DateTime(timezone=True), nullable=False),
)
# the listings' default order (publication date, article, record) read from an index
Index("ix_articles_published_id", articles.c.published, articles.c.id)

article_stages = Table(
    "article_stages", metadata,
    Column("article_id", String(32), ForeignKey("articles.id", ondelete="CASCADE"),
           primary_key=True),
    Column("stage", String(64), primary_key=True),
    Column("version", Integer, nullable=False),
    Column("fingerprint", String(32)),  # see eventscope.execute.fingerprint; NULL before 0003
)


# Articles a running ingest has claimed and not yet stored (see eventscope.store.claims); no
# foreign key: a claim comes before its article is stored.
claims = Table(
    "claims", metadata,
    Column("article_id", String(32), primary_key=True),
    Column("owner", String(200), nullable=False),
    Column("claimed_at", Float, nullable=False),  # seconds since the epoch
)

def _record_table(name: str, *columns: Column) -> Table:
    table = Table(
        name, metadata,
        Column("article_id", String(32), ForeignKey("articles.id", ondelete="CASCADE"),
               primary_key=True),
        Column("seq", Integer, primary_key=True, autoincrement=False),
        Column("id", String(64), nullable=False, index=True),
        Column("stage", String(64), nullable=False),
        Column("start", Integer), Column("end", Integer),
        *columns,
        Column("data", JSON, nullable=False),
    )
    return table


entities = _record_table(
    "entities", Column("label", String(32)), Column("cluster", String(64)),
    Column("canonical", Text), Column("country", String(16), index=True),
)
quotes = _record_table(
    "quotes", Column("kind", String(16)), Column("speaker", Text), Column("speaker_name", Text),
    Column("speaker_country", String(16), index=True), Column("content", Text),
)
dates = _record_table("dates", Column("type", String(16)), Column("value", String(64)))
places = _record_table(
    "places", Column("use", String(16)), Column("name", Text), Column("geonameid", Integer),
    Column("country", String(16), index=True), Column("lat", Float), Column("lon", Float),
)
events = _record_table(
    "events", Column("event_type", String(32), index=True), Column("date", String(64)),
    Column("modality", String(16)), Column("actors", Text), Column("actor_countries", String(200)),
    Column("recipients", Text), Column("recipient_countries", String(200)),
    Column("event_text", Text), Column("date_first", String(10), index=True),
    Column("date_last", String(10), index=True),
    Column("mode", String(32)), Column("actor_sectors", String(200)),
    Column("recipient_sectors", String(200)),
)

# The name index (see eventscope.store.name_index): each distinct value of a named column
# ("events.actors") with the records holding it, and its match keys. Keys compare by code point
# (SQLite's default BINARY collation; "C" on PostgreSQL), so a key prefix is one index range.
NAME_KEY = String(12).with_variant(String(12, collation="C"), "postgresql")
names = Table(
    "names", metadata,
    Column("id", String(32), primary_key=True),  # name_index.name_id(field, value)
    Column("field", String(64), nullable=False),
    Column("value", Text, nullable=False),
    Column("records", Integer, nullable=False),
)
name_keys = Table(
    "name_keys", metadata,
    Column("key", NAME_KEY, primary_key=True),
    Column("name_id", String(32), ForeignKey("names.id", ondelete="CASCADE"), primary_key=True),
    sqlite_with_rowid=False,
)

# stage output name -> table holding its records
RECORD_TABLES: dict[str, Table] = {
    "entities": entities, "quotes": quotes, "dates": dates, "places": places, "events": events,
}

# the tables of feeds, near-duplicates and merged events register on the same metadata
from eventscope.store import streams_schema  # noqa: E402,F401
