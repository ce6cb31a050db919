"""quotes.v1: direct quotes (between quotation marks) and indirect ones, with their speaker.

Direct quotes come from paired quotation marks; an unpaired mark is refused, not guessed. The
speaker is the subject of the nearest reporting verb outside the quote, in the same sentence or
the neighbouring one. Indirect quotes are what a reporting verb reports: its clausal complement
("X said that ..."), the clause it interrupts ("..., X said, ..."), an infinitive ("urged Y to
..."), or a phrase ("called for ...", "criticized Y as ..."); and "according to X, ...".
Speakers are resolved to entity clusters.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from typing import Iterable, Optional

from eventscope.extract.offsets import SpanIndex, covered

from eventscope.lexicons.reporting import (
    HEDGE_SUBJECTS, INFINITIVE_REPORTING, MIN_STATEMENT_WORDS, OBJECT_REPORTING,
    PREPOSITIONAL_REPORTING, PRONOUNS_GROUP, PRONOUNS_PERSON, QUOTE_PAIRS, REPORTING_VERBS,
    WEAK_REPORTING,
)
from eventscope.records import Article, Entity, Quote, Span, content_id

_SUBJECTS = ("nsubj", "nsubjpass")
_OBJECT_PREPS = ("as", "of", "for")
_SPEAKER_LABELS = {"PERSON": 0, "ORG": 1, "GPE": 2, "NORP": 3}  # rank when several overlap  # "cited [X as Y]", "accused [X of Y]", "blamed [X for Y]"


def quote_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of the text inside each pair of quotation marks; unpaired marks dropped.

    Each closing mark and paragraph end is looked up among their sorted offsets, so many
    unclosed marks cost n log n, not a search to the end of the text for each.
    """
    marks = "".join(sorted(set(QUOTE_PAIRS) | set(QUOTE_PAIRS.values())))
    offsets: dict[str, list[int]] = {}
    for found in re.finditer(f"[{re.escape(marks)}]", text):
        offsets.setdefault(found.group(0), []).append(found.start())
    paragraphs = [m.start() for m in re.finditer(r"(?=\n\n)", text)]
    opening = sorted(i for mark in QUOTE_PAIRS for i in offsets.get(mark, ()))
    spans, i = [], 0
    for at in opening:
        if at < i:
            continue
        end = _next(offsets.get(QUOTE_PAIRS[text[at]], []), at + 1)
        paragraph_end = _next(paragraphs, at + 1)
        if end == -1 or (paragraph_end != -1 and paragraph_end < end):
            continue  # unclosed within its paragraph: refuse it
        spans.append((at + 1, end))
        i = end + 1
    return spans


def _next(offsets: list[int], start: int) -> int:
    """The first offset at or after ``start``, or -1 (``str.find`` over sorted offsets)."""
    at = bisect_left(offsets, start)
    return offsets[at] if at < len(offsets) else -1


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] in ",;:"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:"):
        end -= 1
    return start, end


def _span(text: str, start: int, end: int) -> Span:
    start, end = _trimmed(text, start, end)
    return Span(start, end, text[start:end])


def _is_reporting(token) -> bool:
    return token.lemma_.lower() in REPORTING_VERBS and token.pos_ in ("VERB", "AUX")


def _subject(verb, depth: int = 3):
    """The verb's subject, or that of the verb it is chained to ("and added", "by saying")."""
    subjects = [c for c in verb.children if c.dep_ in _SUBJECTS]
    if subjects:
        return subjects[0]
    if depth and verb.dep_ in ("conj", "xcomp", "advcl") and verb.head.i != verb.i:
        return _subject(verb.head, depth - 1)
    if depth and verb.dep_ == "pcomp" and verb.head.dep_ == "prep":  # "by saying ..."
        return _subject(verb.head.head, depth - 1)
    return None


def _subject_span(doc, subject, inside: tuple[int, int]) -> Optional[tuple[int, int]]:
    tokens = [t for t in subject.subtree
              if not (inside[0] <= t.idx < inside[1]) and t.dep_ not in ("relcl", "acl")]
    tokens = [t for t in tokens if not t.is_punct] or [subject]
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1])


def _nearest_verb(doc, start: int, end: int):
    """The reporting verb nearest to a quote at [start, end), outside it.

    A verb in a neighbouring sentence counts only when the quote fills its own sentence(s):
    "He added: ..." or a quoted paragraph, not a phrase in scare quotes.
    """
    first = doc.char_span(start, end, alignment_mode="expand")
    if first is None:
        return None
    opening, closing = first[0].sent, first[-1].sent
    sents = {opening.start, closing.start}
    own = closing.end_char - opening.start_char
    neighbours_allowed = (end - start) >= 0.6 * own
    candidates = []
    for sent in _around(doc, opening, closing, neighbours_allowed):
        for t in sent:
            if _is_reporting(t) and not (start <= t.idx < end) and t.lemma_.lower() not in WEAK_REPORTING:
                gap = start - t.idx if t.idx < start else t.idx - end
                same = sent.start in sents
                candidates.append((not same, not _subject(t), gap, t))
    return min(candidates, key=lambda c: c[:3])[3] if candidates else None


def _around(doc, opening, closing, neighbours: bool) -> list:
    """The sentences a quote's verb may be in, in text order: the ones it opens and closes
    in and, with ``neighbours``, the sentence before and the one after."""
    found = [doc[opening.start - 1].sent] if neighbours and opening.start > 0 else []
    found.append(opening)
    if closing.start != opening.start:
        found.append(closing)
    if neighbours and closing.end < len(doc):
        found.append(doc[closing.end].sent)
    return found


def is_partial(text: str, start: int, end: int) -> bool:
    """A quoted fragment inside someone else's sentence: 'said he was “unfit”'.

    A full direct quote opens a paragraph or sentence, follows a colon, or starts with a
    capital after a comma ('he said, “We ...'). A fragment belongs to the clause around it,
    which is an indirect quote; it is not a direct quote of its own.
    """
    at = start - 2  # the character before the opening mark, spaces and tabs skipped
    while at >= 0 and text[at] in " \t":
        at -= 1
    before = text[at] if at >= 0 else ""
    first = text[start:end].lstrip()[:1]
    if before in ("", "\n", ".", "!", "?", ":", "—") or before in QUOTE_PAIRS.values():
        return False
    return not (before == "," and (first.isupper() or first.isdigit()))


def direct_quotes(doc, article: Article) -> list[tuple[Span, Optional[Span], Optional[Span]]]:
    text = article.text
    found = []
    for start, end in quote_spans(text):
        content = _span(text, start, end)
        if not content.text or is_partial(text, start, end):
            continue
        verb = _nearest_verb(doc, start - 1, end + 1)
        if verb is None and len(content.text.split()) < MIN_STATEMENT_WORDS:
            continue  # scare quotes or a title, not a statement
        if verb is None and not content.text.rstrip()[-1:] in ".!?":
            continue
        speaker = cue = None
        if verb is not None:
            cue = Span(verb.idx, verb.idx + len(verb), verb.text)
            subject = _subject(verb)
            if subject is not None:
                bounds = _subject_span(doc, subject, (start - 1, end + 1))
                speaker = _span(text, *bounds) if bounds else None
        found.append((content, speaker, cue))
    return found


def indirect_quotes(doc, article: Article, direct: list[tuple[int, int]]):
    text = article.text
    inside = covered([(s - 1, e) for s, e in direct])
    for verb in doc:
        if not _is_reporting(verb) or inside(verb.idx) or _is_hedge(verb):
            continue
        for tokens in _complements(verb):
            if len(tokens) < 3:
                continue
            start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
            if any(inside(i) for i in (start, end - 1)):
                continue
            subject = _subject(verb)
            speaker = None
            if subject is not None:
                around = (start, end) if not start <= verb.idx < end else (0, 0)
                speaker = _span(text, *_subject_span(doc, subject, around))
            cue = Span(verb.idx, verb.idx + len(verb), verb.text)
            yield Span(*_trimmed_end(text, start, end)), speaker, cue
    yield from _according_to(doc, text, inside)


def _is_hedge(verb) -> bool:
    """"I think ...", "you believe ...": a speaker's hedge, not a report of someone's view."""
    subject = _subject(verb)
    return (verb.lemma_.lower() in WEAK_REPORTING and subject is not None
            and subject.lower_ in HEDGE_SUBJECTS)


def _complements(verb):
    """Token runs a reporting verb reports: its "that" clause, infinitive or phrase, or the
    clause it interrupts ("The plan, she said, will fail")."""
    for clause in (c for c in verb.children if c.dep_ == "ccomp"):
        yield [t for t in clause.subtree if t.dep_ != "mark" or t.head.i != clause.i]
    infinitives = verb.lemma_.lower() in INFINITIVE_REPORTING
    for clause in (c for c in verb.children if infinitives and c.dep_ == "xcomp" and c.i > verb.i):
        yield _with_object(verb, clause)
    yield from _phrases(verb)
    if verb.dep_ == "parataxis" and not any(c.dep_ in ("ccomp", "dobj") for c in verb.children):
        yield _clause(verb.head)


def _with_object(verb, clause):
    """An infinitive complement with the object before it: "urged [Congress to act]"."""
    objects = [c for c in verb.children if verb.i < c.i < clause.i
               and (c.dep_ in ("dobj", "dative") or (c.dep_ == "prep" and c.lower_ == "on"))]
    if objects and objects[0].dep_ == "prep":  # "called on [Baku to ...]": not the preposition
        objects = [c for c in objects[0].children if c.dep_ == "pobj"] or objects[1:]
    first = objects[0].left_edge if objects else clause.left_edge
    return list(verb.doc[first.i:clause.right_edge.i + 1])


def _phrases(verb):
    """Phrases a verb reports: "called for [X]", "called [X Y]", "criticized [X as Y]"."""
    lemma, after = verb.lemma_.lower(), [c for c in verb.children if c.i > verb.i]
    for prep in after:
        if prep.dep_ == "prep" and (lemma, prep.lower_) in PREPOSITIONAL_REPORTING:
            yield [t for t in prep.subtree if t.i != prep.i]
    objects = [c for c in after if c.dep_ == "dobj"]
    if not objects:
        return
    ends = [c for c in after if c.dep_ == "oprd"]
    if lemma in OBJECT_REPORTING:
        ends += [objects[0], *(c for c in after if c.dep_ == "prep" and c.lower_ in _OBJECT_PREPS)]
    if ends:
        last = max(t.right_edge.i for t in ends)
        yield list(verb.doc[objects[0].left_edge.i:last + 1])


def _clause(head):
    """The tokens of a clause, without a leading conjunction or punctuation ("But ...")."""
    tokens = list(head.subtree)
    while tokens and (tokens[0].dep_ == "cc" or tokens[0].is_punct):
        tokens.pop(0)
    return tokens


def _trimmed_end(text: str, start: int, end: int) -> tuple[int, int, str]:
    start, end = _trimmed(text, start, end)
    while end > start and text[end - 1] in ".!?\"”":
        end -= 1
    return start, end, text[start:end]


def _according_to(doc, text: str, inside):
    for token in doc:
        if token.lower_ != "according" or inside(token.idx):
            continue
        to = next((c for c in token.children if c.lower_ == "to"), None)
        pobj = next((c for c in to.children if c.dep_ == "pobj"), None) if to else None
        if pobj is None:
            continue
        phrase_end = pobj.right_edge.idx + len(pobj.right_edge)
        sent = token.sent
        if token.i == sent.start:
            start, end = phrase_end, sent.end_char
        else:
            start, end = sent.start_char, token.idx
        start, end, content = _trimmed_end(text, start, end)
        if len(content.split()) >= 3:
            speaker = _span(text, pobj.left_edge.idx, phrase_end)
            cue = Span(token.idx, to.idx + len(to), text[token.idx:to.idx + len(to)])
            yield Span(start, end, content), speaker, cue


class SpeakerIndex:
    """An article's entities indexed for speakers: the names a speaker phrase overlaps, and
    the last person (or group) named before a pronoun, each found in O(log n)."""

    def __init__(self, entities: Iterable[Entity]):
        self.all = SpanIndex(entities)
        named = [e for e in self.all.records if e.label in _SPEAKER_LABELS]
        self.named = SpanIndex(named)
        self.persons = SpanIndex(e for e in named if e.label == "PERSON")
        self.groups = SpanIndex(e for e in named if e.label in ("ORG", "GPE", "PERSON"))


def resolve_speaker(speaker: Optional[Span],
                    entities: "Iterable[Entity] | SpeakerIndex") -> Optional[Entity]:
    """The entity the speaker span names: an overlapping one, or a pronoun's antecedent."""
    if speaker is None:
        return None
    index = entities if isinstance(entities, SpeakerIndex) else SpeakerIndex(entities)
    overlapping = index.named.overlapping(speaker.start, speaker.end)
    if overlapping:
        return min(overlapping, key=lambda e: (_SPEAKER_LABELS[e.label], -len(e.text)))
    word = speaker.text.lower()
    before = index.persons if word in PRONOUNS_PERSON else (
        index.groups if word in PRONOUNS_GROUP else None)
    return before.last_ending_by(speaker.start) if before is not None else None


def _country_within(speaker: Optional[Span], index: SpeakerIndex) -> Optional[str]:
    """A country named inside the speaker's phrase ("Armenian spokesperson Ani Petrosyan")."""
    if speaker is None:
        return None
    return next((e.country for e in index.all.within(speaker.start, speaker.end) if e.country),
                None)


def extract_quotes(doc, article: Article, prior) -> tuple[Quote, ...]:
    """``(doc, article, prior) -> tuple[Quote, ...]``, direct quotes first, in text order."""
    entities = SpeakerIndex(prior.get("entities", ()))
    direct = direct_quotes(doc, article)
    spans = [(c.start, c.end) for c, _, _ in direct]
    records = []
    for kind, items in (("direct", direct), ("indirect", list(indirect_quotes(doc, article, spans)))):
        for content, speaker, cue in items:
            who = resolve_speaker(speaker, entities)
            country = (who.country if who else None) or _country_within(speaker, entities)
            confidence = 0.4 + 0.2 * (kind == "direct") + 0.2 * bool(speaker) + 0.1 * bool(who)
            records.append(Quote(
                id=content_id(article.id, "quote", content.start, content.end), kind=kind,
                content=content, speaker=speaker, cue=cue,
                speaker_cluster=who.cluster if who else None,
                speaker_name=who.canonical if who else None,
                speaker_country=country, confidence=round(confidence, 2),
            ))
    unique = {q.id: q for q in records}
    return tuple(sorted(unique.values(), key=lambda q: (q.content.start, q.kind)))
