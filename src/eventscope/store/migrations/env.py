"""Alembic environment: eventscope runs migrations itself, on the connection it hands over."""
from alembic import context

from eventscope.store.schema import metadata

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
