"""Stage fingerprints: each stored stage says which code, lexicons, model and settings made it.

Rows stored before this revision get no fingerprint, so their labels (``quotes.v1``) differ
from every current one (``quotes.v1-3fa2c91b0e``) and the next ingest of those articles
recomputes them.

Revision ID: 0003
Revises: 0002
"""
import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("article_stages") as batch:
        batch.add_column(sa.Column("fingerprint", sa.String(32)))


def downgrade() -> None:
    with op.batch_alter_table("article_stages") as batch:
        batch.drop_column("fingerprint")
