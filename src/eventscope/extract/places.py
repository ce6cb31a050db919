"""places.v1: toponyms geocoded with the GeoNames gazetteer, metonymic uses told apart.

Candidates are GPE, LOC and FAC entities and the names the gazetteer matcher finds beside them
(:mod:`eventscope.extract.place_matcher`). A name's gazetteer matches are read with the words
around it (:func:`_candidates`) and ranked on the article's evidence (:func:`choose`): countries
first, then a place in a region or country the article names, a homonym near its other places,
capitals, first-level regions, and population. A place that acts ("Baku blames ...", "Chicago
approved ..."), or that modifies or possesses a noun naming neither a place nor its people
("Moscow's decision", "Denver police"), is metonymic: it stands for a government, people or
institution, not a location.
See :func:`is_metonymic`.
"""
from __future__ import annotations

import re
from collections import Counter
from typing import Optional, Sequence

from eventscope.extract.gazetteer import LEADING_THE, Candidate, fold, load_gazetteer
from eventscope.extract.place_index import NEAR_KM, Neighbours, PointGrid, distance_km
from eventscope.extract.place_matcher import match_places, person_name_words
from eventscope.lexicons.actors import DEMONYMS
from eventscope.lexicons.places import (
    HOSTILITY_NOUNS, LOCATION_SUBJECT_VERBS, LOCATIVE_PREPOSITIONS, METONYMIC_NOUNS,
    METONYMIC_OBJECT_VERBS, METONYMIC_VERBS, PARTY_PREPOSITIONS, PLACE_KIND_NOUNS, PLACE_NOUNS,
)
from eventscope.records import Article, Place, content_id

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})


def choose(candidates: Sequence[Candidate], context: set[str],
           regions: frozenset[str] = frozenset(),
           near: Sequence[tuple[float, float]] = ()) -> tuple[Optional[Candidate], float]:
    """The best candidate given the countries, regions and other places the article names, and
    a confidence.

    Countries and continents come first, then a place in a region the article names ("Macon"
    beside "Georgia" or "Ga.") or the capital of a country it names, then a place within
    :data:`NEAR_KM` of the article's other places (``near``: their points), then any capital,
    first-level regions, places in a named country, and the most populous.
    """
    if not candidates:
        return None, 0.0
    ranked = sorted(candidates, key=lambda c: (
        c.feature not in ("country", "continent"),
        not (c.region in regions or (c.capital_of is not None and c.capital_of in context)),
        not _near(c, near), c.capital_of is None, c.feature not in ("admin1", "region", "water"),
        c.country not in context, -c.population))
    best = ranked[0]
    if len(ranked) == 1:
        return best, 0.9
    runner = ranked[1]
    margin = 0.3 if best.feature == "country" else min(0.3, best.population / (best.population + runner.population + 1) * 0.4)
    return best, round(0.5 + margin, 2)


# features too large for a point to say what is near them
AREAS = frozenset({"country", "continent", "admin1", "region", "water"})


def _near(c: Candidate, points: Sequence[tuple[float, float]]) -> bool:
    return c.lat is not None and c.lon is not None and any(
        distance_km(c.lat, c.lon, lat, lon) <= NEAR_KM for lat, lon in points)


def is_metonymic(doc, start: int, end: int, candidate: Optional[Candidate]) -> bool:
    """A place standing for its government, people or institutions, judged from the parse.

    Countries and capitals are metonymic as the subject of a political verb, the object of a
    verb of blame or appeal, or the possessor of a political noun ("Baku blames ...", "called
    on Moscow", "Tehran's decision"). Any resolved place is metonymic as the agent of a verb
    that needs one ("Chicago approved the budget", "Portugal stepped in"), and as the
    modifier or possessor of a common noun that names neither a place nor its residents
    ("Denver police", "French law", "Japan's policy"; not "a Paris suburb" or "Kansas
    farmers") or of a person's or organisation's name ("Oklahoma Gov. Ann Reyes"), and after
    "against" or "by" ("sanctions against Iran"). After a locative preposition a place is always
    a location.
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
    if _agent(root) or _modifies_non_place(root) or _modifies_name(root):
        return True
    if root.dep_ == "pobj" and root.head.lower_ in PARTY_PREPOSITIONS and root.head.head.pos_ in (
            "NOUN", "VERB"):  # "sanctions against Iran", "an inquiry by the United States"
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


def _modifies_name(root) -> bool:
    """A compound or possessive modifier of a person's or organisation's name: "Oklahoma Gov.
    Ann Reyes", "Borduria's Ministry of Fisheries" name an office or body of the place."""
    if root.dep_ not in ("compound", "poss") or root.head.i == root.i:
        return False
    head = root.head
    return head.ent_type_ in ("PERSON", "ORG") and head.ent_iob_ != "" and not (
        head.ent_type_ == root.ent_type_ and head.ent_iob_ == "I")


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


def _state_or_country(candidates: Sequence[Candidate], others: set[str]) -> Sequence[Candidate]:
    """A name of a country and of a first-level region elsewhere ("Georgia") is the region
    when the article's other places lie in the region's country and none in the other."""
    country = next((c for c in candidates if c.feature == "country"), None)
    if country is None or country.country in others:
        return candidates
    regions = [c for c in candidates if c.feature == "admin1" and c.country in others]
    return [c for c in candidates if c.feature != "country"] if regions else candidates


# how the entity stage codes persons only (a place's code comes from the "dictionary")
PERSON_CODE_SOURCES = frozenset({"description", "spelling", "surname"})


def _person_homonym(entity, person_words: frozenset[str], gazetteer) -> bool:
    """A place-labelled mention that is a person's name: one the entity stage coded as a
    person, or one word of a person's name the article gives in full ("Buhari" after
    "Muhammadu Buhari"), unless it names a country, region or capital."""
    if entity.code_source not in PERSON_CODE_SOURCES and fold(entity.text) not in person_words:
        return False
    return not any(c.feature in AREAS or c.capital_of for c in gazetteer.lookup(entity.text))


def _without_the(mention: tuple) -> tuple:
    """A mention without its leading "the" ("the Hague" is Hague at its own offsets)."""
    start, end, text, country = mention
    if (m := LEADING_THE.match(text)) is not None:
        return start + m.end(), end, text[m.end():], country
    return mention


# words around a place's name that name a part of it: "South Arlington", "Fargo city"
PART_WORDS = re.compile(r"^(?:north|south|east|west|northern|southern|eastern|western|central|"
                        r"downtown|greater|[nsew]\.)\s+|\s+(?:city|town|township|twp\.?)$",
                        re.IGNORECASE)


def _lookup(gazetteer, text: str) -> list[Candidate]:
    """Gazetteer candidates for a name; "Macon, Ga." is Macon, within Georgia when it can be;
    a part of a place the gazetteer lacks ("South Arlington") is the place."""
    found = gazetteer.lookup(text)
    if not found and "," not in text and PART_WORDS.search(text):
        found = [c for c in gazetteer.lookup(PART_WORDS.sub("", text))
                 if c.feature not in ("country", "continent")]
    if found or "," not in text:
        return found
    name, _, within = (part.strip() for part in text.partition(","))
    found = gazetteer.lookup(name)
    outer = gazetteer.lookup(within)[:1]
    return (_inside(found, outer[0]) or found) if outer else found


def _inside(found: Sequence[Candidate], outer: Candidate) -> list[Candidate]:
    """The candidates within ``outer``: its first-level region, else its country."""
    if outer.region and outer.feature == "admin1":
        return [c for c in found if c is not outer and c.region == outer.region]
    return [c for c in found if c is not outer and c.feature not in ("country", "continent")
            and outer.feature in AREAS and c.country == outer.country]


# How a name for a place's people is made from the place's name: "Sri Lankan", "Iraqi",
# "Sudanese", "Abkhaz" (Abkhazia); tried only on names the gazetteer does not hold.
DEMONYM_ENDINGS = (("n", ""), ("i", ""), ("ese", ""), ("", "ia"))
AREA_FEATURES = frozenset({"country", "admin1", "region"})


def demonym_places(gazetteer, name: str) -> list[Candidate]:
    """The country or region a word for its people names ("Russian", "Palestinians", "South
    Ossetian"), from the demonym lexicon, else by the usual endings onto a country's or region's
    name; [] for a name that is not such a word."""
    key = fold(name)
    if not key[:1].isalpha() or not name[:1].isupper():
        return []
    for word in (key, key[:-1]) if key.endswith(("ns", "is")) else (key,):
        code = DEMONYMS.get(word)
        if code in gazetteer.countries:
            return [gazetteer.countries[code]]
        for cut, add in DEMONYM_ENDINGS:
            if word.endswith(cut) and len(word) > len(cut) + 2:
                base = word[:len(word) - len(cut)] + add
                found = [c for c in gazetteer.lookup_key(base) if c.feature in AREA_FEATURES]
                if found:
                    return found
    return []


_NEXT_WORD = re.compile(r"\s+([A-Za-z]+)")
_POSSESSIVE = frozenset({"'s ", "’s "})
# the word or two after "Town, " that may name its region or country ("London, Ont.")
_AFTER_COMMA = re.compile(r",\s([A-Z][A-Za-z.]*)(?:\s[A-Z][A-Za-z.]*)?")


def _candidates(gazetteer, mentions: Sequence[tuple], i: int, text: str,
                neighbours: Optional[Neighbours] = None) -> tuple[list[Candidate], bool]:
    """Candidates for ``mentions[i]`` read with the words around it: a kind of place after it
    ("the Donetsk region" is the oblast), the place it is said to be in ("Ruritania's Vada
    district", "Vada, Ruritania"); a short all-capitals name only as a country or region
    ("EU" is not Eu in France). With no place of the name, a word for a place's people
    ("Iraqi") gives that place, and True says so."""
    start, end, name, _ = mentions[i]
    kind = _NEXT_WORD.match(text, end)
    found = []
    if kind is not None and kind.group(1).lower() in PLACE_KIND_NOUNS:
        found = gazetteer.lookup(f"{name} {kind.group(1)}")
    found = found or _lookup(gazetteer, name)
    if name.isupper() and sum(ch.isalpha() for ch in name) <= 3:
        found = [c for c in found if c.feature in AREAS]
    for j in (neighbours or Neighbours(mentions)).around(start, end):
        other = mentions[j]
        said_in = other[0] in (end + 1, end + 2) and text[end:other[0]].strip() == "," or \
            other[1] < start and text[other[1]:start] in _POSSESSIVE
        if said_in and j != i:
            outer = [c for c in gazetteer.lookup(other[2])[:1] if c.feature in AREAS]
            found = (_inside(found, outer[0]) or found) if outer else found
    if (after := _AFTER_COMMA.match(text, end)) is not None:  # "London, Ont.", not a mention
        outer = [c for name in (after.group(0)[1:].strip(), after.group(1))
                 for c in gazetteer.lookup(name)[:1] if c.feature in AREAS]
        found = (_inside(found, outer[0]) or found) if outer else found
    if found:
        return found, False
    found = demonym_places(gazetteer, name)
    return found, bool(found)


SHARED_NAMES = 3


def shared_region(mentions: Sequence[tuple], found: Sequence[Sequence[Candidate]]) -> Optional[str]:
    """The first-level region holding a place of each of at least :data:`SHARED_NAMES` of the
    article's distinct names, when no other region holds as many: a local paper's towns and
    county ("Walker County", "Huntsville", "Palestine") are read in the state they share rather
    than each in its most populous homonym."""
    support: Counter[str] = Counter()
    seen = set()
    for mention, candidates in zip(mentions, found):
        if (key := fold(mention[2])) not in seen:
            seen.add(key)
            support.update({c.region for c in candidates if c.region})
    top = support.most_common(2)
    if not top or top[0][1] < SHARED_NAMES or len(top) > 1 and top[1][1] == top[0][1]:
        return None
    return top[0][0]


class PlaceExtractor:
    """``(doc, article, prior) -> tuple[Place, ...]``; the gazetteer loads on first call.

    One place for each GPE, LOC and FAC mention, in the mentions' order, but for names of
    persons (:func:`_person_homonym`); then one for each name the gazetteer matcher finds beside
    them (:func:`match_places`), in text order; then one of use "demonym" for each NORP mention
    naming a country's or region's people (:func:`demonym_places`).

    ``min_population``: the smallest places the gazetteer holds (the
    ``gazetteer_min_population`` setting).
    """

    def __init__(self, min_population: int = 500):
        self.min_population = min_population

    def __call__(self, doc, article: Article, prior) -> tuple[Place, ...]:
        gazetteer = load_gazetteer(self.min_population)
        entities = prior.get("entities", ())
        person_words = person_name_words(entities)
        mentions = [(e.start, e.end, e.text, e.country) for e in entities
                    if e.label in PLACE_LABELS and not _person_homonym(e, person_words, gazetteer)]
        mentions += [(m.start, m.end, m.text, None) for m in match_places(doc, gazetteer, entities)]
        mentions = [_without_the(m) for m in mentions]
        context, regions = self._context([text for _, _, text, _ in mentions], gazetteer)
        neighbours = Neighbours(mentions)
        found, demonyms = zip(*(_candidates(gazetteer, mentions, i, article.text, neighbours)
                                for i in range(len(mentions)))) if mentions else ((), ())
        shared = shared_region(mentions, found)
        regions = regions | {shared} if shared else regions
        first = [choose(f, context, regions)[0] for f in found]
        points = PointGrid((fold(m[2]), c.lat, c.lon) for m, c in zip(mentions, first)
                            if c is not None and c.feature not in AREAS and c.lat is not None)
        names_of: dict[str, set[str]] = {}  # country -> the names that point to it
        for m, c in zip(mentions, first):
            if c is not None:
                names_of.setdefault(c.country, set()).add(fold(m[2]))
        places = []
        for mention, candidates, demonym in zip(mentions, found, demonyms):
            key = fold(mention[2])
            others = {country for country, names in names_of.items() if names != {key}}
            candidates = _state_or_country(candidates, others)
            near = points.near(candidates, key)
            best, confidence = choose(candidates, context, regions, near)
            places.append(self._place(doc, article, mention, best, confidence, demonym))
        for e in entities:  # "Russian", "Palestinians": a people's country, no location
            if e.label == "NORP" and (peoples := demonym_places(gazetteer, e.text)):
                best, confidence = choose(peoples, context, regions)
                places.append(self._place(doc, article, (e.start, e.end, e.text, e.country),
                                          best, confidence, demonym=True))
        return tuple(places)

    @staticmethod
    def _context(names: Sequence[str], gazetteer) -> tuple[set[str], frozenset[str]]:
        """The countries (ISO3) and first-level regions the article's place names point to."""
        countries, regions = set(), set()
        for name in names:
            for part in name.split(","):  # "Macon, Ga." names Georgia too
                for c in gazetteer.lookup(part)[:1]:
                    if c.feature in ("country", "admin1") or c.capital_of:
                        countries.add(c.country)
                    if c.feature == "admin1" and c.region:
                        regions.add(c.region)
        return countries, frozenset(regions)

    @staticmethod
    def _place(doc, article: Article, mention: tuple, best: Optional[Candidate],
               confidence: float, demonym: bool = False) -> Place:
        """``mention``: (start, end, text, country the entity stage gave it); ``demonym``: the
        mention is a word for the place's people, so it names no location."""
        start, end, text, entity_country = mention
        use = "demonym" if demonym else \
            "metonymic" if is_metonymic(doc, start, end, best) else "literal"
        country = (best.capital_of or best.country) if best else entity_country
        return Place(
            id=content_id(article.id, "place", start, end), start=start, end=end,
            text=text, use=use, name=best.name if best else None,
            geonameid=best.geonameid if best else None, lat=best.lat if best else None,
            lon=best.lon if best else None, country=country,
            feature=best.feature if best else None, confidence=confidence,
        )
