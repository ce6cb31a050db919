"""Near-duplicate copies, feed items seen by ``watch``, and merged events (issue 11).

New tables only; nothing stored before changes.

Revision ID: 0007
Revises: 0006
"""
import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

ARTICLE = "articles.id"


def upgrade() -> None:
    op.create_table(
        "article_copies",
        sa.Column("article_id", sa.String(32), sa.ForeignKey(ARTICLE, ondelete="CASCADE"),
                  primary_key=True),
        sa.Column("member_id", sa.String(32), primary_key=True),
        sa.Column("source", sa.String(2000), primary_key=True),
        sa.Column("similarity", sa.Float, nullable=False),
        sa.Column("url", sa.Text), sa.Column("title", sa.Text),
        sa.Column("published", sa.String(32)),
    )
    op.create_table(
        "feed_items",
        sa.Column("feed", sa.String(2000), primary_key=True),
        sa.Column("item_key", sa.String(2000), primary_key=True),
        sa.Column("link", sa.Text),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("article_id", sa.String(32)),
        sa.Column("reason", sa.Text),
        sa.Column("seen_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "merged_events",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("event_type", sa.String(32)),
        sa.Column("mode", sa.String(32)), sa.Column("modality", sa.String(16)),
        sa.Column("actors", sa.Text), sa.Column("recipients", sa.Text), sa.Column("place", sa.Text),
        sa.Column("date_first", sa.String(10)), sa.Column("date_last", sa.String(10)),
        sa.Column("mentions", sa.Integer, nullable=False),
        sa.Column("articles", sa.Integer, nullable=False),
        sa.Column("sources", sa.Integer, nullable=False),
    )
    op.create_index("ix_merged_events_event_type", "merged_events", ["event_type"])
    op.create_index("ix_merged_events_date_first", "merged_events", ["date_first"])
    op.create_table(
        "merged_event_mentions",
        sa.Column("merged_id", sa.String(32), sa.ForeignKey("merged_events.id", ondelete="CASCADE"),
                  primary_key=True),
        sa.Column("article_id", sa.String(32), sa.ForeignKey(ARTICLE, ondelete="CASCADE"),
                  primary_key=True),
        sa.Column("seq", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("start", sa.Integer), sa.Column("end", sa.Integer),
    )


def downgrade() -> None:
    for table in ("merged_event_mentions", "merged_events", "feed_items", "article_copies"):
        op.drop_table(table)
