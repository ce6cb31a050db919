"""The store: SQLite by default (one file, WAL), any SQLAlchemy URL in principle.

    with Store.open("sqlite:///eventscope.db") as store:
        store.write(results)
        store.events(EventFilter(country="ARM"))
"""
from eventscope.store.queries import (
    ActorFilter, ActorRow, ArticleFilter, ArticleRow, EventFilter, EventRow, QuoteFilter, QuoteRow,
    StoreStats,
)
from eventscope.store.store import Store, WriteSummary

__all__ = [
    "ActorFilter", "ActorRow", "ArticleFilter", "ArticleRow", "EventFilter", "EventRow",
    "QuoteFilter", "QuoteRow", "Store", "StoreStats", "WriteSummary",
]
