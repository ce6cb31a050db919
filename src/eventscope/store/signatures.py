"""The stored near-duplicate index: each stored article's MinHash signature and LSH band keys.

Written in the transaction that stores the article (:func:`write_signatures`, called by
:func:`eventscope.store.writer.write_batch`), so every stored article is in the index, whichever
run, process or executor stored it and whether or not that run grouped near-duplicates. A
later run's grouping looks the band keys of one batch of articles up here
(:func:`stored_candidates`) instead of loading every stored signature: its memory is one batch's
candidates, and the lookup is one indexed ``IN`` query per 500 keys.

::

    with engine.begin() as connection:
        write_signatures(connection, {article.id: article.text})
    found = stored_candidates(engine, keys, min_words=40)   # key -> ids, id -> signature
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Mapping

import numpy as np
from sqlalchemy import insert, select
from sqlalchemy.engine import Connection, Engine

from eventscope.ingest import minhash
from eventscope.store.streams_schema import near_duplicate_bands, near_duplicate_signatures

CHUNK = 500  # values per IN (...) clause


@dataclass
class Candidates:
    """Stored articles sharing a band key with a batch: key -> ids, and id -> signature."""

    by_key: dict[int, set[str]] = field(default_factory=dict)
    signatures: dict[str, np.ndarray] = field(default_factory=dict)


def index_rows(article_id: str, text: str) -> tuple[dict, list[dict]]:
    """The signature row and the band key rows of one article."""
    sig = minhash.signature(text)
    row = dict(article_id=article_id, words=minhash.word_count(text),
               signature=minhash.to_bytes(sig))
    return row, [dict(band_key=k, article_id=article_id) for k in set(minhash.band_keys(sig))]


def write_signatures(connection: Connection, texts: Mapping[str, str]) -> None:
    """Index the articles ``texts`` (id -> text), newly stored on ``connection``."""
    signatures, bands = [], []
    for article_id, text in texts.items():
        row, keys = index_rows(article_id, text)
        signatures.append(row)
        bands.extend(keys)
    if signatures:
        connection.execute(insert(near_duplicate_signatures), signatures)
        connection.execute(insert(near_duplicate_bands), bands)


def stored_candidates(engine: Engine, keys: Iterable[int], min_words: int) -> Candidates:
    """The stored articles of ``min_words`` words or more that share one of ``keys``."""
    keys = list(dict.fromkeys(keys))
    found = Candidates()
    sigs, bands = near_duplicate_signatures, near_duplicate_bands
    with engine.connect() as connection:
        for start in range(0, len(keys), CHUNK):
            rows = connection.execute(
                select(bands.c.band_key, bands.c.article_id)
                .join(sigs, sigs.c.article_id == bands.c.article_id)
                .where(bands.c.band_key.in_(keys[start:start + CHUNK])
                       & (sigs.c.words >= min_words)))
            for key, article_id in rows:
                found.by_key.setdefault(key, set()).add(article_id)
        ids = sorted(set().union(*found.by_key.values())) if found.by_key else []
        for start in range(0, len(ids), CHUNK):
            for article_id, data in connection.execute(
                    select(sigs.c.article_id, sigs.c.signature)
                    .where(sigs.c.article_id.in_(ids[start:start + CHUNK]))):
                found.signatures[article_id] = minhash.from_bytes(data)
    return found
