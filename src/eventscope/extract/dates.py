"""dates.v1: temporal expressions, normalised TIMEX3-style against the publication date.

Candidates are the parser's DATE and TIME entities plus single words the small models miss
("now", "recently", "weekly"); values come from :mod:`eventscope.extract.timenorm`.
"""
from __future__ import annotations

import re
from datetime import date
from typing import Optional

from eventscope.extract.timenorm import normalise
from eventscope.lexicons.temporal import PAST_REF, PRESENT_REF, SET_WORDS
from eventscope.records import Article, DateExpr, content_id

_EXTRA_WORDS = sorted(
    {w for w in (*PRESENT_REF, *PAST_REF, *SET_WORDS) if " " not in w and w.isalpha()},
    key=len, reverse=True,
)
EXTRA = re.compile(r"\b(" + "|".join(_EXTRA_WORDS) + r")\b", re.IGNORECASE)
_NOT_TIME = re.compile(r"^(?:\d+|\d+%|one|first|second|third)$", re.IGNORECASE)


def publication_date(article: Article) -> Optional[date]:
    if not article.published:
        return None
    try:
        return date.fromisoformat(article.published[:10])
    except ValueError:
        return None


def tense_of(token) -> Optional[str]:
    """"past" or "future" from the verb governing ``token``, if it says."""
    for head in (token, *token.ancestors):
        if head.pos_ not in ("VERB", "AUX"):
            continue
        auxes = [c for c in head.children if c.dep_ in ("aux", "auxpass")]
        if any(a.lower_ in ("will", "shall", "'ll") or a.tag_ == "MD" and a.lower_ in ("will", "shall") for a in auxes):
            return "future"
        if any(a.lower_ == "to" for a in auxes) and any(a.lemma_ in ("plan", "expect", "schedule") for a in head.ancestors):
            return "future"
        if head.tag_ in ("VBD", "VBN") or any(a.tag_ == "VBD" for a in auxes):
            return "past"
        return None
    return None


def _candidates(doc):
    spans = [(e.start_char, e.end_char, e.root) for e in doc.ents if e.label_ in ("DATE", "TIME")]
    taken = [(s, e) for s, e, _ in spans]
    for m in EXTRA.finditer(doc.text):
        if not any(s < m.end() and m.start() < e for s, e in taken):
            span = doc.char_span(m.start(), m.end())
            if span is not None:
                spans.append((m.start(), m.end(), span.root))
    return sorted(spans, key=lambda s: s[0])


def extract_dates(doc, article: Article, prior) -> tuple[DateExpr, ...]:
    """``(doc, article, prior) -> tuple[DateExpr, ...]`` in text order."""
    dct = publication_date(article)
    records = []
    for start, end, root in _candidates(doc):
        text = article.text[start:end]
        if _NOT_TIME.match(text.strip()):
            continue
        timex = normalise(text, dct, tense_of(root))
        records.append(DateExpr(
            id=content_id(article.id, "date", start, end), start=start, end=end, text=text,
            type=timex.type, value=timex.value, anchored=timex.anchored,
        ))
    return tuple(records)
