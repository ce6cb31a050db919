"""The first schema: articles, their stage versions, and one table per record kind.

Revision ID: 0001
Revises:
"""
import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

RECORD_COLUMNS = {
    "entities": [("label", sa.String(32)), ("cluster", sa.String(64)), ("canonical", sa.Text()),
                 ("country", sa.String(16))],
    "quotes": [("kind", sa.String(16)), ("speaker", sa.Text()), ("speaker_name", sa.Text()),
               ("speaker_country", sa.String(16)), ("content", sa.Text())],
    "dates": [("type", sa.String(16)), ("value", sa.String(64))],
    "places": [("use", sa.String(16)), ("name", sa.Text()), ("geonameid", sa.Integer()),
               ("country", sa.String(16)), ("lat", sa.Float()), ("lon", sa.Float())],
    "events": [("event_type", sa.String(32)), ("date", sa.String(64)), ("modality", sa.String(16)),
               ("actors", sa.Text()), ("actor_countries", sa.String(200)),
               ("recipients", sa.Text()), ("recipient_countries", sa.String(200)),
               ("event_text", sa.Text())],
}
INDEXED = {"entities": "country", "quotes": "speaker_country", "places": "country",
           "events": "event_type"}


def upgrade() -> None:
    op.create_table(
        "articles",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("text", sa.Text(), nullable=False),
        *(sa.Column(name, sa.Text()) for name in ("title", "url")),
        sa.Column("published", sa.String(32)),
        *(sa.Column(name, sa.Text()) for name in ("source", "author", "external_id")),
        sa.Column("model", sa.String(200)), sa.Column("model_version", sa.String(50)),
        sa.Column("pipeline", sa.JSON(), nullable=False),
        sa.Column("errors", sa.JSON(), nullable=False),
        sa.Column("stored_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_articles_published", "articles", ["published"])
    op.create_table(
        "article_stages",
        sa.Column("article_id", sa.String(32), sa.ForeignKey("articles.id", ondelete="CASCADE"),
                  primary_key=True),
        sa.Column("stage", sa.String(64), primary_key=True),
        sa.Column("version", sa.Integer(), nullable=False),
    )
    for name, columns in RECORD_COLUMNS.items():
        op.create_table(
            name,
            sa.Column("article_id", sa.String(32),
                      sa.ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
            sa.Column("id", sa.String(64), primary_key=True),
            sa.Column("seq", sa.Integer(), nullable=False),
            sa.Column("stage", sa.String(64), nullable=False),
            sa.Column("start", sa.Integer()), sa.Column("end", sa.Integer()),
            *(sa.Column(column, kind) for column, kind in columns),
            sa.Column("data", sa.JSON(), nullable=False),
        )
        op.create_index(f"ix_{name}_article_seq", name, ["article_id", "seq"])
        op.create_index(f"ix_{name}_{INDEXED.get(name, 'stage')}", name,
                        [INDEXED.get(name, "stage")])


def downgrade() -> None:
    for name in (*RECORD_COLUMNS, "article_stages", "articles"):
        op.drop_table(name)
