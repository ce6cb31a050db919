"""The near-duplicate index of stored articles, and what incremental merged events need.

``near_duplicate_signatures`` and ``near_duplicate_bands`` hold each stored article's MinHash
signature and LSH band keys, so that later runs group copies of it (eventscope.store.signatures).
Articles stored before this revision are indexed here from their stored texts, 500 at a time,
with the signature code of this version (eventscope.ingest.minhash): about 2 ms an article of
400 words, so a store of 100,000 articles takes 3 to 4 minutes, once.

``merge_pending`` queues the articles whose events or copies changed since the merged events
were updated; ``merge_rules`` keeps the rule they were computed with; ``merged_events.merge_key``
is each group's key under that rule. No rule is stored here, so the first update after this
revision recomputes every merged event once (eventscope.store.merge_update).

Revision ID: 0008
Revises: 0007
"""
import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

ARTICLE = "articles.id"
CHUNK = 500


def upgrade() -> None:
    op.create_table(
        "near_duplicate_signatures",
        sa.Column("article_id", sa.String(32), sa.ForeignKey(ARTICLE, ondelete="CASCADE"),
                  primary_key=True),
        sa.Column("words", sa.Integer, nullable=False),
        sa.Column("signature", sa.LargeBinary, nullable=False),
    )
    op.create_table(
        "near_duplicate_bands",
        sa.Column("band_key", sa.BigInteger, primary_key=True, autoincrement=False),
        sa.Column("article_id", sa.String(32), sa.ForeignKey(ARTICLE, ondelete="CASCADE"),
                  primary_key=True),
    )
    op.create_index("ix_near_duplicate_bands_article_id", "near_duplicate_bands", ["article_id"])
    op.create_table("merge_pending", sa.Column("article_id", sa.String(32), primary_key=True))
    op.create_table(
        "merge_rules",
        sa.Column("name", sa.String(32), primary_key=True),
        sa.Column("rule", sa.Text, nullable=False),
    )
    with op.batch_alter_table("merged_events") as batch:
        batch.add_column(sa.Column("merge_key", sa.String(32)))
    op.create_index("ix_merged_events_merge_key", "merged_events", ["merge_key"])
    _index_stored_articles()


def downgrade() -> None:
    op.drop_index("ix_merged_events_merge_key", "merged_events")
    with op.batch_alter_table("merged_events") as batch:
        batch.drop_column("merge_key")
    for table in ("merge_rules", "merge_pending", "near_duplicate_bands",
                  "near_duplicate_signatures"):
        op.drop_table(table)


def _index_stored_articles() -> None:
    """Signatures and band keys of the stored articles, by id order, ``CHUNK`` at a time (keyset
    paging: memory is one chunk of texts)."""
    from eventscope.store.signatures import index_rows

    articles = sa.table("articles", sa.column("id"), sa.column("text"))
    signatures = sa.table("near_duplicate_signatures", sa.column("article_id"),
                          sa.column("words"), sa.column("signature"))
    bands = sa.table("near_duplicate_bands", sa.column("band_key"), sa.column("article_id"))
    bind = op.get_bind()
    last = None
    while True:
        query = sa.select(articles.c.id, articles.c.text).order_by(articles.c.id).limit(CHUNK)
        rows = bind.execute(query if last is None else query.where(articles.c.id > last)).all()
        if not rows:
            return
        indexed = [index_rows(article_id, text) for article_id, text in rows]
        bind.execute(sa.insert(signatures), [row for row, _ in indexed])
        bind.execute(sa.insert(bands), [key for _, keys in indexed for key in keys])
        last = rows[-1][0]
