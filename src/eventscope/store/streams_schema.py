"""Tables of streams and scale (issue 11): near-duplicate copies, feed items seen, merged events.

None of them changes what the extractors stored: copies point at the article that was
processed for them, feed items say what a poll has already seen, and merged events group
stored event rows (see :mod:`eventscope.store.merge`). Part of :data:`schema.metadata`.
"""
from __future__ import annotations

from sqlalchemy import (
    BigInteger, Column, DateTime, Float, ForeignKey, Integer, LargeBinary, String, Table, Text,
)

from eventscope.store.schema import metadata

article_copies = Table(
    "article_copies", metadata,
    Column("article_id", String(32), ForeignKey("articles.id", ondelete="CASCADE"),
           primary_key=True),
    Column("member_id", String(32), primary_key=True),  # the copy's own content hash
    Column("source", String(2000), primary_key=True),  # where the copy was read, "" if unknown
    Column("similarity", Float, nullable=False),
    Column("url", Text), Column("title", Text),
    Column("published", String(32)),
)

feed_items = Table(
    "feed_items", metadata,
    Column("feed", String(2000), primary_key=True),
    Column("item_key", String(2000), primary_key=True),
    Column("link", Text),
    Column("status", String(16), nullable=False),  # stored, copy, skipped, refused
    Column("article_id", String(32)),
    Column("reason", Text),
    Column("seen_at", DateTime(timezone=True), nullable=False),
)

merged_events = Table(
    "merged_events", metadata,
    Column("id", String(32), primary_key=True),
    Column("event_type", String(32), index=True),
    Column("mode", String(32)), Column("modality", String(16)),
    Column("actors", Text), Column("recipients", Text), Column("place", Text),
    Column("date_first", String(10), index=True), Column("date_last", String(10)),
    Column("mentions", Integer, nullable=False),
    Column("articles", Integer, nullable=False),
    Column("sources", Integer, nullable=False),
    # the hash of the group's merge key under the stored rule (merge_rules): what an
    # incremental update selects the groups of a key by
    Column("merge_key", String(32), index=True),
)

merged_event_mentions = Table(
    "merged_event_mentions", metadata,
    Column("merged_id", String(32), ForeignKey("merged_events.id", ondelete="CASCADE"),
           primary_key=True),
    Column("article_id", String(32), ForeignKey("articles.id", ondelete="CASCADE"),
           primary_key=True),
    Column("seq", Integer, primary_key=True, autoincrement=False),
    Column("start", Integer), Column("end", Integer),
)

# The near-duplicate index of stored articles (eventscope.ingest.minhash): every stored article's
# MinHash signature and word count, written with the article, and its LSH band keys, looked up
# per batch by the grouping of later runs (see eventscope.store.signatures).
near_duplicate_signatures = Table(
    "near_duplicate_signatures", metadata,
    Column("article_id", String(32), ForeignKey("articles.id", ondelete="CASCADE"),
           primary_key=True),
    Column("words", Integer, nullable=False),
    Column("signature", LargeBinary, nullable=False),  # NUM_PERM little-endian uint32
)

near_duplicate_bands = Table(
    "near_duplicate_bands", metadata,
    Column("band_key", BigInteger, primary_key=True, autoincrement=False),
    Column("article_id", String(32), ForeignKey("articles.id", ondelete="CASCADE"),
           primary_key=True, index=True),
)

# Incremental merged events (eventscope.store.merge_update): the articles whose events or
# copies changed since the merged events were last brought up to date, and the rule (merge
# keys and window) those were computed with; a different rule means a full recompute.
merge_pending = Table(
    "merge_pending", metadata,
    Column("article_id", String(32), primary_key=True),
)

merge_rules = Table(
    "merge_rules", metadata,
    Column("name", String(32), primary_key=True),
    Column("rule", Text, nullable=False),
)
