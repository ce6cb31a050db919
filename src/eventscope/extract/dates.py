"""dates.v1: temporal expressions, normalised TIMEX3-style against the publication date.

Candidates are the parser's DATE and TIME entities plus text patterns for what small models
miss (clock times, "every week", "now", years after a preposition). Each is trimmed to a
TimeML extent (no preposition, no "just", no trailing "earlier"/"before" signal), ranges are
split in two ("2004-2006"), days coordinated with a dated day are dates of that month ("May 2
and 8"), and overlapping candidates give way to the longest one that
resolves. Values come from :func:`eventscope.extract.timenorm.normalise`, with the tense of
the governing verb deciding whether a bare "Friday" or "August" looks back or ahead.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Iterator, Optional

from eventscope.extract.offsets import DisjointSpans
from eventscope.extract.timenorm import Timex, clean, normalise
from eventscope.lexicons.temporal import (
    AGE_SUFFIX, DAY_NUMBER, DAYS_AFTER_MONTH, DAYS_BEFORE_MONTH, FIXED_PHRASES,
    FUTURE_GOVERNORS, LEADING_NOISE, NOT_TIMEX, NUMBER_RANGE, TEXT_PATTERNS, TIMEZONES,
    TRAILING_NOISE, UNIT_PLURALS, UNITS, YEAR_RANGE,
)
from eventscope.records import Article, DateExpr, content_id

# Any date resolves relative expressions when deciding whether a candidate is a timex at all;
# the article's own date (or None) decides the value that is stored.
_PROBE = date(2000, 6, 15)
_BEFORE, _AFTER = 8, 12  # characters before and after a candidate that _is_timex reads
_AGE = re.compile(AGE_SUFFIX, re.IGNORECASE)
_UNIT_WORDS = frozenset({*UNITS, *(f"{u}s" for u in UNITS), *UNIT_PLURALS})
_YEAR = re.compile(r"^(?:1[89]|20)\d\d$")
_FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
_MODAL_AUX = frozenset({"would", "'d", "could", "may", "might", "should", "must", "can"})


@dataclass(frozen=True)
class Candidate:
    """A stretch of text that may be a timex; ``reading`` is what gets normalised."""

    start: int
    end: int
    reading: str


def publication_date(article: Article) -> Optional[date]:
    if not article.published:
        return None
    try:
        return date.fromisoformat(article.published[:10])
    except ValueError:
        return None


def verb_tense(verb) -> Optional[str]:
    """"past", "present" or "future" of a verb token from its tag and auxiliaries."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    words = {a.lower_ for a in auxes}
    if words & _FUTURE_AUX:
        return "future"
    if words & _MODAL_AUX:  # "could resume Monday", "would vote Friday": from now on,
        return "past" if "have" in words else "present"  # but "could have met Monday"
    if "to" in words:
        # "plans to meet Friday" looks ahead; "agreed to sell in October" may already have
        # happened, so an infinitive under a past verb takes the nearest reading.
        head = verb.head
        if head.i == verb.i or verb_tense(head) == "past":  # tokens compare by index, not identity
            return None
        return "future" if head.lemma_.lower() in FUTURE_GOVERNORS else None
    if verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes):
        return "past"
    if verb.tag_ == "VBN" and (words & {"has", "have", "'ve"} or not auxes):
        return "past"
    if verb.tag_ in ("VBZ", "VBP") or words & {"is", "are", "am", "'s", "'re"}:
        return "present"
    return None


def tense_of(token) -> Optional[str]:
    """The tense of the verb governing ``token``, if any verb governs it."""
    for head in (token, *token.ancestors):
        if head.pos_ in ("VERB", "AUX"):
            return verb_tense(head)
    return None


def _trim(doc, start: int, end: int) -> Optional[tuple[int, int]]:
    """Character extent without leading prepositions/particles and trailing signals."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    tokens = list(span)
    if clean(span.text) in FIXED_PHRASES:
        return start, end
    while tokens and (tokens[0].is_punct or tokens[0].lower_ in LEADING_NOISE
                      or tokens[0].lower_ == "about"
                      or (tokens[0].like_num and len(tokens) > 1 and tokens[1].text == ",")):
        if tokens[0].like_num and len(tokens) > 1 and tokens[1].text == ",":
            tokens = tokens[1:]
        tokens = tokens[1:]
    while tokens and ((tokens[-1].is_punct and not _plural_possessive(tokens))
                      or tokens[-1].lower_ in ("'s", "\u2019s")
                      or _signal(tokens)):
        tokens = tokens[:-1]
    if not tokens:
        return None
    # Tokens can run past the candidate (a date glued to a note mark, "5.[2]"): the extent
    # never grows beyond it.
    s, e = max(tokens[0].idx, start), min(tokens[-1].idx + len(tokens[-1].text), end)
    return (s, e) if e > s else None


def _signal(tokens) -> bool:
    """A trailing "before"/"after" (or "earlier than") ties the length to another event:
    TimeML keeps only the length ("three hours" before the wedding). "A quarter earlier" on its
    own is a date and keeps its word."""
    last = tokens[-1]
    if last.lower_ not in TRAILING_NOISE or len(tokens) < 2 or tokens[-2].lower_ not in _UNIT_WORDS:
        return False
    if last.lower_ in ("earlier", "later"):
        return last.i + 1 < len(last.doc) and last.doc[last.i + 1].lower_ == "than"
    return True


def _plural_possessive(tokens) -> bool:
    """"two weeks' notice": the apostrophe belongs to the expression."""
    last = tokens[-1].text
    return last in ("'", "\u2019") and len(tokens) > 1 and tokens[-2].lower_.endswith("s")


def _split_range(text: str, start: int, end: int) -> list[Candidate]:
    """One candidate, or two for a range: "2004-2006", "three to five weeks"."""
    words = text[start:end]
    if m := YEAR_RANGE.match(words):
        second = m.group(2) if len(m.group(2)) == 4 else m.group(1)[:2] + m.group(2)
        return [Candidate(start + m.start(1), start + m.end(1), m.group(1)),
                Candidate(start + m.start(2), start + m.end(2), second)]
    if m := NUMBER_RANGE.match(words):
        return [Candidate(start + m.start(1), start + m.end(1), f"{m.group(1)} {m.group(3)}"),
                Candidate(start + m.start(2), end, words[m.start(2):])]
    return [Candidate(start, end, words)]


def _raw_spans(doc, text: str) -> Iterator[tuple[int, int]]:
    for ent in doc.ents:
        if ent.label_ in ("DATE", "TIME"):
            yield ent.start_char, ent.end_char
    for pattern in TEXT_PATTERNS:
        for m in pattern.finditer(text):
            yield m.start(), m.end()
    for token in doc:
        if _YEAR.match(token.text) and _is_year(token):
            yield token.idx, token.idx + len(token.text)


def _is_year(token) -> bool:
    """A four-digit number used as a year: not a count ("2000 troops"), sum or percentage."""
    doc = token.doc
    before = doc[token.i - 1] if token.i > 0 else None
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    if before is not None and (before.is_currency or before.text in ("$", "#", "No.", "no.")):
        return False
    if after is not None and (after.text in ("%", "percent") or after.tag_ == "NNS"
                              or after.lower_ in TIMEZONES
                              or after.lower_ in ("people", "men", "women", "troops")):
        return False
    return True


def candidates(doc) -> list[Candidate]:
    """Trimmed, range-split candidates from the tagger and the text patterns."""
    text = doc.text  # spaCy joins every token for each access: read it once
    found: set[Candidate] = set()
    for start, end in _raw_spans(doc, text):
        trimmed = _trim(doc, start, end)
        if trimmed is None:
            continue
        found.update(_split_range(text, *trimmed))
    found.update(coordinated_days(text))
    return sorted(found, key=lambda c: (c.start, c.end))


def coordinated_days(text: str) -> Iterator[Candidate]:
    """The bare days coordinated with a dated one, each read with its month: "May 2 and 8"
    gives "8" read as "May 8"; "3 and 5 June" gives "3" read as "3 June"."""
    for pattern in (DAYS_AFTER_MONTH, DAYS_BEFORE_MONTH):
        for m in pattern.finditer(text):
            month = m.group("month")
            for day in DAY_NUMBER.finditer(m.group("days")):
                start = m.start("days") + day.start()
                number = re.sub(r"\D", "", day.group(0))
                yield Candidate(start, start + len(day.group(0)), f"{month} {number}")


def _is_timex(text: str, probe: Timex, preceding: str, following: str) -> bool:
    if probe.value is None or clean(text) in NOT_TIMEX:
        return False
    if _AGE.search(text + following[:_AFTER]) or re.match(r"(?i)ages?\b", text):
        return False
    if re.search(r"(?i)\bages?\s+$", preceding[-_BEFORE:]):
        return False
    return True


def _choose(doc, found: list[Candidate]) -> list[tuple[Candidate, Timex]]:
    """Keep resolvable candidates; among overlapping ones the longest wins."""
    scored = []
    text = doc.text
    for cand in found:
        span = doc.char_span(cand.start, cand.end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        root = span.root
        probe = normalise(cand.reading, _PROBE, tense_of(root))
        if _YEAR.match(cand.reading) and not _is_year(root):
            continue
        # only the few characters around a candidate matter: slicing the whole text before
        # and after each one would cost the square of the article's length
        if _is_timex(text[cand.start:cand.end], probe, text[max(0, cand.start - _BEFORE):cand.start],
                     text[cand.end:cand.end + _AFTER]):
            scored.append((cand, root))
    scored.sort(key=lambda pair: (-(pair[0].end - pair[0].start), pair[0].start))
    kept: list[tuple[Candidate, object]] = []
    taken = DisjointSpans()
    for cand, root in scored:
        if not taken.overlaps(cand.start, cand.end):
            kept.append((cand, root))
            taken.add(cand.start, cand.end)
    return sorted(kept, key=lambda pair: pair[0].start)


def extract_dates(doc, article: Article, prior) -> tuple[DateExpr, ...]:
    """``(doc, article, prior) -> tuple[DateExpr, ...]`` in text order."""
    dct = publication_date(article)
    records = []
    for cand, root in _choose(doc, candidates(doc)):
        timex = normalise(cand.reading, dct, tense_of(root))
        records.append(DateExpr(
            id=content_id(article.id, "date", cand.start, cand.end), start=cand.start,
            end=cand.end, text=article.text[cand.start:cand.end], type=timex.type,
            value=timex.value, anchored=timex.anchored,
        ))
    return tuple(records)
