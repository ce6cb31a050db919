"""places.v1: toponyms geocoded with the GeoNames gazetteer, metonymic uses told apart.

Candidates are GPE, LOC and FAC entities. Among a name's gazetteer matches, countries and
first-level regions come first, then places in countries the article mentions, then the most
populous. A place that acts ("Baku blames ...", "Chicago approved ..."), or that modifies or
possesses a noun naming neither a place nor its people ("Moscow's decision", "Denver
police"), is metonymic: it stands for a government, people or institution, not a location.
See :func:`is_metonymic`.
"""
from __future__ import annotations

from typing import Optional, Sequence

from eventscope.extract.gazetteer import LEADING_THE, Candidate, load_gazetteer
from eventscope.lexicons.places import (
    HOSTILITY_NOUNS, LOCATION_SUBJECT_VERBS, LOCATIVE_PREPOSITIONS, METONYMIC_NOUNS,
    METONYMIC_OBJECT_VERBS, METONYMIC_VERBS, PLACE_NOUNS,
)
from eventscope.records import Article, Entity, Place, content_id

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})


def choose(candidates: Sequence[Candidate], context: set[str],
           regions: frozenset[str] = frozenset()) -> tuple[Optional[Candidate], float]:
    """The best candidate given the countries and regions the article mentions, and a confidence.

    Countries and continents come first, then a place in a region the article names ("Macon"
    beside "Georgia" or "Ga.") or the capital of a country it names, then any capital,
    first-level regions, places in a named country, and the most populous.
    """
    if not candidates:
        return None, 0.0
    ranked = sorted(candidates, key=lambda c: (
        c.feature not in ("country", "continent"),
        not (c.region in regions or (c.capital_of is not None and c.capital_of in context)),
        c.capital_of is None, c.feature != "admin1", c.country not in context, -c.population))
    best = ranked[0]
    if len(ranked) == 1:
        return best, 0.9
    runner = ranked[1]
    margin = 0.3 if best.feature == "country" else min(0.3, best.population / (best.population + runner.population + 1) * 0.4)
    return best, round(0.5 + margin, 2)


def is_metonymic(doc, start: int, end: int, candidate: Optional[Candidate]) -> bool:
    """A place standing for its government, people or institutions, judged from the parse.

    Countries and capitals are metonymic as the subject of a political verb, the object of a
    verb of blame or appeal, or the possessor of a political noun ("Baku blames ...", "called
    on Moscow", "Tehran's decision"). Any resolved place is metonymic as the agent of a verb
    that needs one ("Chicago approved the budget", "Portugal stepped in"), and as the
    modifier or possessor of a common noun that names neither a place nor its residents
    ("Denver police", "French law", "Japan's policy"; not "a Paris suburb" or "Kansas
    farmers"). After a locative preposition a place is always a location.
    """
    if candidate is None:
        return False
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    if root.head.i != root.i and root.head.dep_ == "prep" or root.dep_ == "pobj":
        if root.head.lower_ in LOCATIVE_PREPOSITIONS:
            return False
    if _agent(root):
        return True
    if _modifies_non_place(root):
        return True
    if not (candidate.feature == "country" or candidate.capital_of):
        return False
    if root.dep_ == "nsubjpass" and root.head.lemma_.lower() in METONYMIC_VERBS:
        return True
    if root.dep_ == "dobj" and root.head.lemma_.lower() in METONYMIC_OBJECT_VERBS:
        return True
    if root.dep_ == "pobj" and root.head.lower_ in ("on", "upon") and \
            root.head.head.lemma_.lower() in METONYMIC_OBJECT_VERBS:
        return True
    if root.dep_ == "poss" and root.head.lemma_.lower() in METONYMIC_NOUNS:
        return True
    return root.dep_ == "compound" and root.head.lemma_.lower() in METONYMIC_NOUNS and candidate.feature == "country"


def _agent(root) -> bool:
    """The active subject (or a conjunct of it) of a verb that is not one of location or state."""
    if root.dep_ == "conj" and root.head.dep_ == "nsubj":
        root = root.head
    if root.dep_ != "nsubj" or root.head.pos_ not in ("VERB", "AUX"):
        return False
    return root.head.lemma_.lower() not in LOCATION_SUBJECT_VERBS


def _modifies_non_place(root) -> bool:
    """A compound or possessive modifier of a common noun naming neither a place nor people of it."""
    if root.dep_ not in ("compound", "poss") or root.head.i == root.i:
        return False
    head = root.head
    if head.pos_ != "NOUN" or head.ent_type_ in ("GPE", "LOC", "FAC"):
        return False
    noun = head.lemma_.lower()
    if noun in HOSTILITY_NOUNS:
        return root.dep_ == "poss"
    return noun not in PLACE_NOUNS


def _lookup(gazetteer, text: str) -> list[Candidate]:
    """Gazetteer candidates for a name; "Macon, Ga." is Macon, within Georgia when it can be."""
    found = gazetteer.lookup(text)
    if found or "," not in text:
        return found
    name, _, within = (part.strip() for part in text.partition(","))
    found = gazetteer.lookup(name)
    outer = gazetteer.lookup(within)[:1]
    if outer:
        inside = [c for c in found if c.feature != "country" and (
            (outer[0].region and c.region == outer[0].region)
            or (outer[0].feature == "country" and c.country == outer[0].country))]
        return inside or found
    return found


class PlaceExtractor:
    """``(doc, article, prior) -> tuple[Place, ...]``; the gazetteer loads on first call.

    ``min_population``: the smallest places the gazetteer holds (the
    ``gazetteer_min_population`` setting).
    """

    def __init__(self, min_population: int = 5000):
        self.min_population = min_population

    def __call__(self, doc, article: Article, prior) -> tuple[Place, ...]:
        gazetteer = load_gazetteer(self.min_population)
        mentions = [e for e in prior.get("entities", ()) if e.label in PLACE_LABELS]
        context, regions = self._context(mentions, gazetteer)
        return tuple(self._place(doc, article, e, gazetteer, context, regions) for e in mentions)

    @staticmethod
    def _context(mentions: Sequence[Entity], gazetteer) -> tuple[set[str], frozenset[str]]:
        """The countries (ISO3) and first-level regions the article's place names point to."""
        countries, regions = set(), set()
        for e in mentions:
            for part in e.text.split(","):  # "Macon, Ga." names Georgia too
                for c in gazetteer.lookup(part)[:1]:
                    if c.feature in ("country", "admin1") or c.capital_of:
                        countries.add(c.country)
                    if c.feature == "admin1" and c.region:
                        regions.add(c.region)
        return countries, frozenset(regions)

    @staticmethod
    def _place(doc, article: Article, entity: Entity, gazetteer, context: set[str],
               regions: frozenset[str] = frozenset()) -> Place:
        start, text = entity.start, entity.text
        if (m := LEADING_THE.match(text)) is not None:
            start, text = start + m.end(), text[m.end():]
        best, confidence = choose(_lookup(gazetteer, text), context, regions)
        use = "metonymic" if is_metonymic(doc, start, entity.end, best) else "literal"
        country = (best.capital_of or best.country) if best else entity.country
        return Place(
            id=content_id(article.id, "place", start, entity.end), start=start, end=entity.end,
            text=text, use=use, name=best.name if best else None,
            geonameid=best.geonameid if best else None, lat=best.lat if best else None,
            lon=best.lon if best else None, country=country,
            feature=best.feature if best else None, confidence=confidence,
        )
