"""Records keyed by (article_id, seq); the days event dates and publication dates cover.

Record ids are content hashes that a stage could repeat within one article; with the id in the
primary key one repeat failed the whole batch. Date filters compared TIMEX strings ("2023-W27"
sorted after every day of 2023); they now compare the first and last ISO day a value covers.

Each record table is rebuilt (create, copy, drop, rename), which works the same on SQLite and
PostgreSQL, and the new day columns are filled from the stored values.

Revision ID: 0002
Revises: 0001
"""
import sqlalchemy as sa
from alembic import op

from eventscope.store.periods import period

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

# the query columns as revision 0001 made them (a migration is a snapshot, not a live import)
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
DAY_COLUMNS = [("date_first", sa.String(10)), ("date_last", sa.String(10))]
INDEXED = {"entities": ["country"], "quotes": ["speaker_country"], "places": ["country"],
           "events": ["event_type"]}
INDEXED_0001 = {"dates": ["stage"]}
COMMON = ["article_id", "id", "seq", "stage", "start", "end"]


def upgrade() -> None:
    op.add_column("articles", sa.Column("published_first", sa.String(10)))
    op.add_column("articles", sa.Column("published_last", sa.String(10)))
    _fill_published_days()
    for name, columns in RECORD_COLUMNS.items():
        extra = DAY_COLUMNS if name == "events" else []
        _rebuild(name, columns, extra, key="seq")
        for column in ["id", *INDEXED.get(name, []), *(c for c, _ in extra)]:
            op.create_index(f"ix_{name}_{column}", name, [column])
    _fill_event_days()


def downgrade() -> None:
    for name, columns in RECORD_COLUMNS.items():
        _rebuild(name, columns, [], key="id")
        op.create_index(f"ix_{name}_article_seq", name, ["article_id", "seq"])
        for column in INDEXED.get(name, INDEXED_0001.get(name, [])):
            op.create_index(f"ix_{name}_{column}", name, [column])
    with op.batch_alter_table("articles") as batch:
        batch.drop_column("published_last")
        batch.drop_column("published_first")


def _rebuild(name: str, columns, extra, key: str) -> None:
    """Create ``name`` anew with primary key (article_id, ``key``) and copy the rows over."""
    new = f"{name}_new"
    op.create_table(
        new,
        sa.Column("article_id", sa.String(32), sa.ForeignKey("articles.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False, autoincrement=False),
        sa.Column("id", sa.String(64), nullable=False),
        sa.Column("stage", sa.String(64), nullable=False),
        sa.Column("start", sa.Integer()), sa.Column("end", sa.Integer()),
        *(sa.Column(column, kind) for column, kind in (*columns, *extra)),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("article_id", key),
    )
    copied = [*COMMON, *(c for c, _ in columns), "data"]
    source = sa.table(name, *(sa.column(c) for c in copied))
    target = sa.table(new, *(sa.column(c) for c in copied))
    op.execute(sa.insert(target).from_select(copied, sa.select(*source.c)))
    op.drop_table(name)
    op.rename_table(new, name)


def _fill_published_days() -> None:
    articles = sa.table("articles", sa.column("id"), sa.column("published"),
                        sa.column("published_first"), sa.column("published_last"))
    bind = op.get_bind()
    for article_id, published in bind.execute(sa.select(articles.c.id, articles.c.published)):
        days = period(published) or (None, None)
        bind.execute(articles.update().where(articles.c.id == article_id)
                     .values(published_first=days[0], published_last=days[1]))


def _fill_event_days() -> None:
    events = sa.table("events", sa.column("article_id"), sa.column("seq"), sa.column("date"),
                      sa.column("date_first"), sa.column("date_last"))
    articles = sa.table("articles", sa.column("id"), sa.column("published"))
    bind = op.get_bind()
    rows = bind.execute(sa.select(events.c.article_id, events.c.seq, events.c.date,
                                  articles.c.published)
                        .join(articles, articles.c.id == events.c.article_id)).all()
    for article_id, seq, value, published in rows:
        days = period(value) or period(published) or (None, None)
        bind.execute(events.update()
                     .where((events.c.article_id == article_id) & (events.c.seq == seq))
                     .values(date_first=days[0], date_last=days[1]))
