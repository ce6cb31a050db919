"""Claims: concurrent ingests into one store share the work, so no article is parsed twice.

Before its parse, an ingest claims the articles of a batch that are still pending: one row
per article in ``claims`` (article id, owner, time), written in one write transaction that
also checks the article is not stored yet and has no live claim by another owner. It parses
only what it claimed; what another run holds it sets aside and comes back to at the end, when
that run has stored it (nothing to do) or died (its claim is taken over). Storing an article
deletes its claim in the same transaction (:func:`eventscope.store.writer.write_batch`), and a
run that ends any other way deletes its own claims.

A claim is stale, and taken over, when it is older than ``ttl`` seconds (a run on another
machine that died), or at once when its owner was a process on this machine that no longer
runs (``kill -9``). The ttl must exceed the time a batch takes from claim to store.

>>> claims = Claims(store, pipeline.labels())           # doctest: +SKIP
>>> claims.claim(["3fa2c91b0e4d5a6b"]).claimed           # doctest: +SKIP
frozenset({'3fa2c91b0e4d5a6b'})
"""
from __future__ import annotations

import os
import socket
import time
import uuid
from dataclasses import dataclass
from typing import Callable, Iterable, Sequence

from sqlalchemy import delete, insert, select
from sqlalchemy.exc import IntegrityError

from eventscope.store import engine as engines
from eventscope.store.schema import claims
from eventscope.store.writer import chunks, stored_versions

CLAIM_TTL_S = 1800.0  # a batch of 32 long articles takes about a minute on one core
CLAIM_RETRIES = 5  # a concurrent insert of the same claim (PostgreSQL) is tried again


@dataclass(frozen=True)
class ClaimResult:
    claimed: frozenset[str]  # pending and now this owner's: parse and store these
    done: frozenset[str]  # already stored with the wanted stage labels: nothing to do
    held: frozenset[str]  # claimed by another live owner: come back to them later


def new_owner() -> str:
    """``host:pid:token``: the token tells apart two runs of one process (the API in a loop)."""
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:12]}"


class Claims:
    """The claims of one run (``owner``) on a store, for articles stored with ``labels``."""

    def __init__(self, store, labels: Sequence[str], owner: str | None = None,
                 ttl: float = CLAIM_TTL_S, clock: Callable[[], float] = time.time):
        self.store = store
        self.wanted = {(label.rsplit(".v", 1)[0], label) for label in labels}
        self.owner = owner or new_owner()
        self.ttl = ttl
        self.clock = clock

    def claim(self, article_ids: Iterable[str]) -> ClaimResult:
        """Claim the pending ones of ``article_ids``, in one write transaction."""
        ids = list(dict.fromkeys(article_ids))
        for attempt in range(CLAIM_RETRIES):
            try:
                with self.store.engine.connect() as connection:
                    with connection.execution_options(**engines.WRITE).begin():
                        return self._claim(connection, ids)
            except IntegrityError:  # another run inserted one of these claims first
                if attempt == CLAIM_RETRIES - 1:
                    raise
                time.sleep(0.05 * (attempt + 1))
        raise AssertionError("unreachable")

    def release(self, article_ids: Iterable[str] | None = None) -> None:
        """Delete this owner's claims (all of them, or those of ``article_ids``)."""
        mine = claims.c.owner == self.owner
        with self.store.engine.connect() as connection:
            with connection.execution_options(**engines.WRITE).begin():
                if article_ids is None:
                    connection.execute(delete(claims).where(mine))
                    return
                for chunk in chunks(list(article_ids)):
                    connection.execute(delete(claims).where(mine & claims.c.article_id.in_(chunk)))

    def _claim(self, connection, ids: list[str]) -> ClaimResult:
        stored = stored_versions(connection, ids)
        done = {i for i in ids if all(stored.get(i, {}).get(n) == lb for n, lb in self.wanted)}
        pending = [i for i in ids if i not in done]
        now = self.clock()
        current = {row.article_id: row for chunk in chunks(pending) for row in connection.execute(
            select(claims).where(claims.c.article_id.in_(chunk)))}
        held = {i for i, row in current.items()
                if row.owner != self.owner and not self.is_stale(row.owner, row.claimed_at, now)}
        taken_over = [i for i in current if i not in held and current[i].owner != self.owner]
        for chunk in chunks(taken_over):
            connection.execute(delete(claims).where(claims.c.article_id.in_(chunk)))
        new = [i for i in pending if i not in held and (i not in current or i in taken_over)]
        if new:
            connection.execute(insert(claims), [
                {"article_id": i, "owner": self.owner, "claimed_at": now} for i in new])
        return ClaimResult(frozenset(i for i in pending if i not in held), frozenset(done),
                           frozenset(held))

    def is_stale(self, owner: str, claimed_at: float, now: float) -> bool:
        """True for a claim older than the ttl, or made by a process of this host now gone."""
        if now - claimed_at > self.ttl:
            return True
        host, _, rest = owner.partition(":")
        pid = rest.partition(":")[0]
        return host == socket.gethostname() and pid.isdigit() and not _running(int(pid))


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):  # someone else's process: it exists
        return True
    return True
