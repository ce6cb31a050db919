"""MinHash signatures of article texts and their LSH band keys: the near-duplicate index's data.

A text is cut into word 3-grams (case folded, punctuation dropped) and summarised by a MinHash
of ``NUM_PERM`` permutations (datasketch, fixed seed, so signatures are comparable across
processes and runs and can be stored). The signature is cut into ``BANDS`` bands of ``ROWS``
values; two texts whose signatures agree on a whole band are candidates, checked against the
threshold with the signatures themselves.

The band layout is fixed, not derived from ``near_duplicate_threshold``: the keys are stored
with each article (:mod:`eventscope.store.signatures`), so a layout that followed the setting
would make every stored key useless when the setting changes. 32 bands of 4 rows make a pair
of Jaccard similarity 0.5 a candidate with probability 0.87, 0.6 with 0.988 and 0.7 with
0.9998, while texts of similarity 0.1 are one time in 300 and 0.05 one in 5000 (a candidate
costs one signature comparison): thresholds from 0.55 up lose next to nothing to banding;
lower ones lose recall.

>>> a = signature("the bridge over the river stays closed for repairs until the end of May")
>>> similarity(a, a), len(band_keys(a)) == BANDS
(1.0, True)
"""
from __future__ import annotations

import functools
import hashlib
import re

import numpy as np

NUM_PERM = 128  # permutations per MinHash: error of the Jaccard estimate about 1/sqrt(128)
BANDS, ROWS = 32, 4  # BANDS * ROWS == NUM_PERM
SHINGLE_WORDS = 3
SEED = 1  # fixed, so signatures are comparable across processes and runs
_WORD = re.compile(r"\w+")


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[bytes]:
    """The set of word ``size``-grams of ``text`` (casefolded), as bytes for hashing."""
    words = _WORD.findall(text.casefold())
    if len(words) < size:
        return {" ".join(words).encode("utf-8")} if words else set()
    return {" ".join(words[i:i + size]).encode("utf-8") for i in range(len(words) - size + 1)}


@functools.lru_cache(maxsize=1024)
def signature(text: str) -> np.ndarray:
    """The MinHash of ``text``'s shingles: ``NUM_PERM`` values under 2**32, as uint32 (read
    only). The last texts' are kept: a processed article's signature serves its grouping and
    then the store's index, in the same process, a batch or two apart."""
    from datasketch import MinHash

    minhash = MinHash(num_perm=NUM_PERM, seed=SEED)
    minhash.update_batch(list(shingles(text)))
    sig = minhash.hashvalues.astype("<u4")
    sig.flags.writeable = False
    return sig


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity of two signatures (the share of equal values)."""
    return float(np.count_nonzero(a == b)) / NUM_PERM


def band_keys(sig: np.ndarray) -> list[int]:
    """One signed 64-bit key per band (the band's number and values hashed), for SQL BIGINT."""
    raw = sig.astype("<u4").tobytes()
    width = ROWS * 4
    return [int.from_bytes(hashlib.blake2b(bytes([band]) + raw[band * width:(band + 1) * width],
                                           digest_size=8).digest(), "little", signed=True)
            for band in range(BANDS)]


def to_bytes(sig: np.ndarray) -> bytes:
    return sig.astype("<u4").tobytes()


def from_bytes(data: bytes) -> np.ndarray:
    return np.frombuffer(data, dtype="<u4")


def word_count(text: str) -> int:
    """Words as ``near_duplicate_min_words`` counts them."""
    return len(text.split())
