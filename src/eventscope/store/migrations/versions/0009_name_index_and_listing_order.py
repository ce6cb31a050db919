"""The name index, and an index for the listings' default order.

``names`` and ``name_keys`` (see eventscope.store.name_index) are filled from the records
already stored, so a name filter answers as before from the first request. The index on
articles (published, id) lets a listing read its default order instead of sorting every row;
SQLite's planner statistics are refreshed so it knows to.

Revision ID: 0009
Revises: 0008
"""
import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

KEY = sa.String(12).with_variant(sa.String(12, collation="C"), "postgresql")


def upgrade() -> None:
    from eventscope.store.engine import refresh_statistics
    from eventscope.store.name_index import rebuild

    op.create_index("ix_articles_published_id", "articles", ["published", "id"])
    op.create_table(
        "names",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("field", sa.String(64), nullable=False),
        sa.Column("value", sa.Text, nullable=False),
        sa.Column("records", sa.Integer, nullable=False),
    )
    op.create_table(
        "name_keys",
        sa.Column("key", KEY, primary_key=True),
        sa.Column("name_id", sa.String(32), sa.ForeignKey("names.id", ondelete="CASCADE"),
                  primary_key=True),
        sqlite_with_rowid=False,
    )
    bind = op.get_bind()
    rebuild(bind)
    refresh_statistics(bind, always=True)


def downgrade() -> None:
    op.drop_table("name_keys")
    op.drop_table("names")
    op.drop_index("ix_articles_published_id", "articles")
