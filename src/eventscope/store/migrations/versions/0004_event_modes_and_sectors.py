"""Events keep their PLOVER mode and their parties' sectors as query columns.

``events --mode`` and ``events --sector`` filter on them. Rows stored before this revision get
them from the event JSON each row already holds.

Revision ID: 0004
Revises: 0003
"""
import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

COLUMNS = [("mode", sa.String(32)), ("actor_sectors", sa.String(200)),
           ("recipient_sectors", sa.String(200))]


def upgrade() -> None:
    with op.batch_alter_table("events") as batch:
        for name, kind in COLUMNS:
            batch.add_column(sa.Column(name, kind))
    _fill()


def downgrade() -> None:
    with op.batch_alter_table("events") as batch:
        for name, _ in reversed(COLUMNS):
            batch.drop_column(name)


def _codes(parties) -> str:
    # as eventscope.store.rows.codes makes them: "|GOV|MIL|", matched with LIKE '%|GOV|%'
    present = [p.get("sector") for p in parties or () if p.get("sector")]
    return "|" + "|".join(present) + "|" if present else ""


def _fill() -> None:
    events = sa.table("events", sa.column("article_id"), sa.column("seq"),
                      sa.column("data", sa.JSON()), *(sa.column(name) for name, _ in COLUMNS))
    bind = op.get_bind()
    rows = bind.execute(sa.select(events.c.article_id, events.c.seq, events.c.data)).all()
    for article_id, seq, data in rows:
        bind.execute(events.update()
                     .where((events.c.article_id == article_id) & (events.c.seq == seq))
                     .values(mode=data.get("mode"), actor_sectors=_codes(data.get("actor")),
                             recipient_sectors=_codes(data.get("recipient"))))
