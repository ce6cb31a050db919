"""Articles keep their publication time with its zone's offset (Article.published_at).

Rows stored before this revision have no time: the column stays NULL (their source value
was not kept); ingesting the articles again does not fill it either, as an article already
stored is skipped, so only new articles have it.

Revision ID: 0006
Revises: 0005
"""
import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("articles") as batch:
        batch.add_column(sa.Column("published_at", sa.String(40)))


def downgrade() -> None:
    with op.batch_alter_table("articles") as batch:
        batch.drop_column("published_at")
