"""entities.v1: named-entity mentions from the parse, grouped into in-document clusters.

Clustering is deliberately simple and explainable: two mentions of the same label corefer when
their names match ignoring case and a leading "the", when one is the other's surname (or first
name) for persons, or when one is the other's acronym for organisations.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right, insort
from dataclasses import dataclass
from typing import Optional

from eventscope.extract.profiles import Profile, cluster_profiles
from eventscope.lexicons.actors import DETERMINERS, INSTITUTIONS, MOVEMENTS, ORGANISATIONS
from eventscope.records import Article, Entity, Span, content_id

LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "DATE", "TIME"})
_CLUSTERED = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"})
_LEADING = re.compile(r"^(the|a|an)\s+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"['’]s?$")


def normalise_name(text: str) -> str:
    """Case-folded name without a leading article or trailing possessive."""
    return _POSSESSIVE.sub("", _LEADING.sub("", text.strip())).strip().casefold()


def acronym(name: str) -> str:
    words = [w for w in re.split(r"[\s-]+", name) if w and w[0].isupper()]
    return "".join(w[0] for w in words).casefold()


# Spellings one transliterated surname takes ("Kh"/"H", "-yev"/"-ev"), as (pattern, written as).
_TRANSLITERATIONS = (
    (re.compile(r"kh"), "h"), (re.compile(r"yev\b"), "ev"), (re.compile(r"yeva\b"), "eva"),
)
_VARIANT_MIN = 5  # shorter surnames one letter apart are too often different names


def _one_edit_apart(a: str, b: str) -> bool:
    """One letter replaced, added or dropped."""
    if len(a) > len(b):
        a, b = b, a
    if len(b) - len(a) > 1:
        return False
    for i, (x, y) in enumerate(zip(a, b)):
        if x != y:
            return a[i + (len(a) == len(b)):] == b[i + 1:]
    return True  # a is b without its last letter


def spelling_variants(a: str, b: str) -> bool:
    """Two spellings of one transliterated surname (case-folded): the same after the usual
    transliteration choices, or one letter apart with the same initial; never a feminine form
    in "-a" of the other ("Ivanov", "Ivanova"), and never surnames under five letters."""
    if a == b or min(len(a), len(b)) < _VARIANT_MIN:
        return False
    plain = []
    for name in (a, b):
        for pattern, written in _TRANSLITERATIONS:
            name = pattern.sub(written, name)
        plain.append(name)
    if plain[0] == plain[1]:
        return True
    if a[0] != b[0] or a + "a" == b or b + "a" == a:
        return False
    return _one_edit_apart(a, b)


@dataclass
class _Cluster:
    label: str
    canonical: str
    key: str

    def accepts(self, label: str, key: str, text: str) -> bool:
        if label != self.label and {label, self.label} - {"GPE", "LOC"}:
            return False
        if key == self.key:
            return True
        tokens = self.key.split()
        if label == "PERSON" and len(key.split()) == 1 and len(tokens) > 1:
            return key in (tokens[0], tokens[-1])
        if label == "ORG" and text.isupper() and len(text) >= 2:
            return acronym(self.canonical) == key
        return False

    def spelled_alike(self, label: str, key: str) -> bool:
        """A person's name spelled another way: "Mareck" or "Ivo Mareck" for "Ivo Marek" (the
        same first name, or none)."""
        if label != "PERSON" or self.label != "PERSON":
            return False
        words, tokens = key.split(), self.key.split()
        if len(words) == 1 or len(words) == len(tokens):
            first = words[:-1]
            return first in ([], tokens[:-1]) and spelling_variants(words[-1], tokens[-1])
        return False


def cluster_mentions(mentions: list[tuple[str, str]]) -> tuple[list[int], list[_Cluster]]:
    """Cluster index for each (label, text) mention, and the clusters; longest names seed.

    A mention joins the first cluster that accepts it; the clusters that can (same key, a
    surname or first name of the key, an acronym) are looked up, not scanned.
    """
    order = sorted(range(len(mentions)), key=lambda i: -len(mentions[i][1]))
    clusters: list[_Cluster] = []
    index = _ClusterIndex()
    assigned = [0] * len(mentions)
    for i in order:
        label, text = mentions[i]
        key = normalise_name(text)
        match = min((n for n in index.candidates(label, key, text)
                     if label in _CLUSTERED and clusters[n].accepts(label, key, text)), default=None)
        if match is None and label == "PERSON":  # a spelling variant only where no name matches
            match = next((n for n in index.persons if clusters[n].spelled_alike(label, key)), None)
        if match is None:
            clusters.append(_Cluster(label, _LEADING.sub("", text.strip()), key))
            match = len(clusters) - 1
            index.add(match, clusters[match])
        assigned[i] = match
    return assigned, clusters


class _ClusterIndex:
    """Clusters by what :meth:`_Cluster.accepts` compares: key, first and last word, acronym."""

    def __init__(self) -> None:
        self.by_key: dict[str, list[int]] = {}
        self.by_word: dict[str, list[int]] = {}
        self.by_acronym: dict[str, list[int]] = {}
        self.persons: list[int] = []

    def add(self, n: int, cluster: _Cluster) -> None:
        self.by_key.setdefault(cluster.key, []).append(n)
        tokens = cluster.key.split()
        if len(tokens) > 1:
            for word in {tokens[0], tokens[-1]}:
                self.by_word.setdefault(word, []).append(n)
        self.by_acronym.setdefault(acronym(cluster.canonical), []).append(n)
        if cluster.label == "PERSON":
            self.persons.append(n)

    def candidates(self, label: str, key: str, text: str) -> list[int]:
        found = list(self.by_key.get(key, ()))
        if label == "PERSON" and len(key.split()) == 1:
            found += self.by_word.get(key, ())
        if label == "ORG" and text.isupper() and len(text) >= 2:
            found += self.by_acronym.get(key, ())
        return found


# Names of organisations and movements the built-in actor dictionary knows; ``True`` when a
# mention spaCy typed as a place or group (GPE, NORP, ...) is really the organisation.
_KNOWN_ORGS: dict[str, bool] = {
    **{name: False for name in INSTITUTIONS},
    **{name: True for name in ORGANISATIONS},
    **{name: True for name in MOVEMENTS},
}
_RELABELLED = frozenset({"GPE", "NORP", "LOC", "PERSON", "FAC"})
_SPLITTABLE = frozenset({"ORG", "GPE", "NORP", "LOC", "PERSON", "FAC"})
# a name ends before "'s" or "-held", not inside a longer word ("UNESCO", "Pro-NATO-Alliance")
_EDGE = r"(?<![\w'’-])", r"(?-i:(?!\w|-[A-Z0-9]|['’][A-Za-rt-z]))"
_ACRONYM_DEF = re.compile(r"\(\s*([A-Z][A-Za-z]{0,2}[A-Z][A-Z0-9-]{0,6})\s*\)")
_TITLE_WORDS = (
    r"Mr\.?|Mrs\.?|Ms\.?|Dr\.?|Sir|Dame|President|Vice|Prime|Minister|Secretary|Deputy|"
    r"Foreign|Defen[cs]e|Home|Interior|State|Acting|Chief|Senior|Special|High|Ambassador|"
    r"Envoy|Representative|Senator|Governor|Mayor|Chancellor|King|Queen|Prince|Princess|"
    r"Sheikh|Pope|Commodore|Admiral|General|Colonel|Major|Captain|Lieutenant|Sergeant|"
    r"Commander|Officer|Petty|Gen\.|Lt\.|Col\.|Maj\.|Capt\.|Sgt\.|Adm\.|Brig\.|Cpl\.|"
    r"Pvt\.|Spc\.|Cmdr\.|Rear|Staff|Master|First|Class"
)
# Title words that can head a title on their own ("Minister", "Gen."), not only modify one.
_TITLE_HEADS = frozenset(
    "Mr Mr. Mrs Mrs. Ms Ms. Dr Dr. Sir Dame President Minister Secretary Ambassador Envoy "
    "Representative Senator Governor Mayor Chancellor King Queen Prince Princess Sheikh Pope "
    "Commodore Admiral General Colonel Major Captain Lieutenant Sergeant Commander Officer "
    "Gen. Lt. Col. Maj. Capt. Sgt. Adm. Brig. Cpl. Pvt. Spc. Cmdr.".split()
)
_TITLES = re.compile(rf"(?:\b(?:{_TITLE_WORDS})[ \t]+)+$")


def _name_pattern(name: str) -> str:
    parts = []
    for piece in re.split(r"([\s'’-]+)", name):
        if not piece:
            continue
        if not piece.strip(" '’-"):  # a separator: "al-qaeda" also matches "al qaeda"
            quote = r"['’]" if set(piece) & {"'", "’"} else ""
            space = r"\s+" if " " in piece else ""
            parts.append(quote + space if quote or space else r"[-‐ ]")
        else:
            parts.append(re.escape(piece))
    return "".join(parts)


def _org_key(name: str) -> str:
    """The same key for every spelling :func:`_name_pattern` accepts ("Al Qaeda", "al-qaeda")."""
    return " ".join(re.split(r"[\s'’‐-]+", name.casefold()))


_ORG_BY_KEY = {_org_key(n): n for n in _KNOWN_ORGS}
_ORG_NAMES = re.compile(
    _EDGE[0] + "(?:" + "|".join(_name_pattern(n) for n in sorted(_KNOWN_ORGS, key=len, reverse=True))
    + ")" + _EDGE[1],
    re.IGNORECASE,
)


def _looks_like_name(found: str, name: str) -> bool:
    """A dictionary name written as a name: acronyms in capitals, other words capitalised."""
    if not found[0].isupper():
        return found[:3].casefold() in {"al-", "al "} and found[3:4].isupper()  # "al-Qaeda"
    words = [w for w in re.split(r"[\s-]+", found) if w]
    if len(words) == 1 and len(name.replace(".", "")) < 4:  # "UN", not "Un"
        return found.replace(".", "").isupper()
    return True


@dataclass(frozen=True)
class _Mention:
    start: int
    end: int
    label: str
    name_start: int = -1  # where the name starts after a title ("President | Ann Lee")

    @property
    def name(self) -> tuple[int, int]:
        return max(self.start, self.name_start), self.end


def _overlapping(mentions: list[_Mention], start: int, end: int) -> list[int]:
    """Positions of the mentions across [start, end); ``mentions`` are disjoint and sorted by
    start, so only those from the last one starting at or before ``start`` on need a look."""
    first = max(0, bisect_right(mentions, start, key=_start) - 1)
    last = bisect_left(mentions, end, key=_start)
    return [i for i in range(first, last) if mentions[i].start < end and start < mentions[i].end]


def _start(mention: _Mention) -> int:
    return mention.start


def _add_org(mentions: list[_Mention], start: int, end: int, relabel: bool) -> None:
    """Put an organisation name found by rule among the mentions (disjoint, sorted by
    start), in place.

    A mention that already contains it wins (relabelled when it is exactly the name); mentions
    inside or partly across it give way to it.
    """
    positions = _overlapping(mentions, start, end)
    hits = [mentions[i] for i in positions]
    if any(m.start <= start and end <= m.end for m in hits):
        same = [i for i in positions if (mentions[i].start, mentions[i].end) == (start, end)]
        if relabel and same and mentions[same[0]].label in _RELABELLED:
            mentions[same[0]] = _Mention(start, end, "ORG")
        return
    if any(m.label not in _SPLITTABLE for m in hits):
        return
    if positions:
        del mentions[positions[0]:positions[-1] + 1]  # contiguous: the mentions are disjoint
    insort(mentions, _Mention(start, end, "ORG"), key=_start)


def _dictionary_orgs(text: str, mentions: list[_Mention]) -> None:
    for match in _ORG_NAMES.finditer(text):
        found = match.group(0)
        name = _ORG_BY_KEY.get(_org_key(found))
        if name is not None and _looks_like_name(found, name):
            _add_org(mentions, match.start(), match.end(), _KNOWN_ORGS[name])


def _defined_acronyms(text: str, mentions: list[_Mention]) -> None:
    """"Syrian Democratic Forces (SDF)": the acronym names the organisation wherever it is."""
    orgs = {m.end: m for m in mentions if m.label == "ORG"}
    defined = set()
    for match in _ACRONYM_DEF.finditer(text):
        short = match.group(1)
        before = match.start()  # where the text before it ends, trailing spaces left out
        while before > 0 and text[before - 1].isspace():
            before -= 1
        org = orgs.get(before)
        named = org is not None and acronym(text[org.start:org.end])[:1] == short[0].casefold()
        if named or acronym(text[max(0, before - 80):before]).endswith(short.casefold()):
            defined.add(short)
    for short in sorted(defined):
        for match in re.finditer(_EDGE[0] + re.escape(short) + _EDGE[1], text):
            _add_org(mentions, match.start(), match.end(), True)


def _trim(text: str, m: _Mention) -> _Mention:
    """Spans end before a possessive ("NATO's"); organisation names keep a leading "the"."""
    start, end = m.start, m.end
    possessive = re.search(r"\s*['’]s?$", text[start:end])
    if possessive and possessive.start() > 0 and m.label not in {"DATE", "TIME"}:
        end = start + possessive.start()
    name_start = start  # the name itself, without a leading "the" or a title
    if m.label == "ORG" and not _LEADING.match(text[start:end]):
        article = re.search(r"(?<![\w-])[Tt]he[ \t]+$", text[max(0, start - 6):start])
        if article:
            start -= len(article.group(0))
    if m.label == "PERSON":  # "Foreign Secretary Jane Doe", "Lt. Gen. John Roe"
        titles = _TITLES.search(text[max(0, start - 80):start])
        if titles and any(w in _TITLE_HEADS for w in titles.group(0).split()):
            start -= len(titles.group(0))
    return _Mention(start, end, m.label, name_start)


def find_mentions(doc, text: str) -> list[_Mention]:
    """Entity spans of ``text``: spaCy's, plus organisations named by dictionary or acronym."""
    mentions = [  # disjoint and sorted by start, as spaCy's entities are
        _Mention(e.start_char, e.end_char, e.label_)
        for e in doc.ents if e.label_ in LABELS and e.text.strip()
    ]
    _dictionary_orgs(text, mentions)
    _defined_acronyms(text, mentions)
    trimmed: list[_Mention] = []
    for m in sorted((_trim(text, m) for m in mentions), key=lambda m: (m.start, -m.end)):
        if m.end > m.start and text[m.start:m.end].strip() and not (
            trimmed and m.start < trimmed[-1].end
        ):
            trimmed.append(m)
    return trimmed


def _title(text: str, ent: _Mention) -> Optional[Span]:
    """The title a person's mention opens with ("Foreign Minister"), if any."""
    words = text[ent.start:ent.name[0]].rstrip()
    return Span(ent.start, ent.start + len(words), words) if ent.label == "PERSON" and words else None


@dataclass(frozen=True)
class _Coded:
    """A person cluster's codes, the characters of the description that gave them (if one
    did) and where they came from: dictionary, description, spelling or surname."""
    country: Optional[str]
    sector: Optional[str]
    description: Optional[tuple[int, int]]
    source: str


class EntityExtractor:
    """``(doc, article, prior) -> tuple[Entity, ...]``, codes from an actor dictionary."""

    def __init__(self, actors):
        self.actors = actors

    def __call__(self, doc, article: Article, prior) -> tuple[Entity, ...]:
        text = article.text
        ents = find_mentions(doc, text)
        # clusters and canonical names go by the name itself, without a title
        assigned, clusters = cluster_mentions(
            [(e.label, text[e.name[0]:e.name[1]]) for e in ents]
        )
        persons = self._persons(doc, article, ents, assigned, clusters)
        records = []
        for ent, index in zip(ents, assigned):
            cluster = clusters[index]
            code = persons.get(index) or self._code(cluster.canonical, ent.label, article.published)
            source = code.source if isinstance(code, _Coded) else ("dictionary" if code else None)
            described = code.description if isinstance(code, _Coded) else None
            records.append(
                Entity(
                    id=content_id(article.id, "entity", ent.start, ent.end),
                    start=ent.start,
                    end=ent.end,
                    text=text[ent.start:ent.end],
                    label=ent.label,
                    cluster=content_id(article.id, "cluster", cluster.label, cluster.key),
                    canonical=cluster.canonical,
                    country=code.country if code else None,
                    sector=code.sector if code else None,
                    title=_title(text, ent),
                    description=Span(*described, text[described[0]:described[1]]) if described else None,
                    code_source=source if code and (code.country or code.sector) else None,
                )
            )
        return tuple(records)

    def _persons(self, doc, article: Article, ents, assigned, clusters) -> dict[int, "_Coded"]:
        """Country and sector of each person cluster: the country its descriptions in the
        parse give (profiles.v1), else the dictionary's for the name (or for the name it
        misspells, or for a titled surname); the sector the dictionary's dated role, else the
        descriptions'."""
        on = article.published
        profiles = cluster_profiles(
            doc, [(i, e.name[0], e.end) for e, i in zip(ents, assigned) if e.label == "PERSON"],
            lambda phrase: self._code(phrase, "PERSON", on),
        )
        titled = {i for e, i in zip(ents, assigned) if e.label == "PERSON" and e.start < e.name[0]}
        found = {}
        for index, profile in profiles.items():
            name = clusters[index].canonical
            code, source = self._code(name, "PERSON", on), "dictionary"
            if code is None:
                code, source = self._similar(name, on), "spelling"
            if code is None and index in titled:
                code, source = self._surname(name, on), "surname"
            known = Profile(*(code.country, code.sector) if code else ())
            if not profile.country and not known.country and profile.source:
                profile = Profile(self._named_before(article, profile.source, on), profile.sector,
                                  profile.source)
            # what the article says of the person beats the dictionary's country for the name
            # ("the UN envoy", "X of Ruritania"); the dictionary's dated role, its sector
            described = bool(profile.country) or (not known.sector and bool(profile.sector))
            found[index] = _Coded(profile.country or known.country, known.sector or profile.sector,
                                  profile.source if described else None,
                                  "description" if described else source)
        return found

    def _named_before(self, article: Article, description: tuple[int, int],
                      on: Optional[str]) -> Optional[str]:
        """The country of the body a description names when the article named it with its
        country earlier: "foreign ministry spokesperson X" after "the Ruritanian foreign
        ministry" is Ruritanian."""
        words = article.text[description[0]:description[1]].split()
        while words and words[0].lower() in DETERMINERS:
            words = words[1:]
        body = " ".join(words[:-1])  # without the role itself ("spokesperson")
        if len(body) < 4 or body[:1].isupper():
            return None
        pattern = re.compile(r"\b([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)\s+" + re.escape(body) + r"\b",
                             re.IGNORECASE)
        country = None  # the last earlier mention that names a country
        for m in pattern.finditer(article.text, 0, description[0]):
            code = self._code(m.group(1), "ORG", on) if m.group(1)[:1].isupper() else None
            country = code.country if code is not None and code.country else country
        return country

    def _similar(self, name: str, published: Optional[str]) -> Optional[object]:
        """A person's name the dictionary lacks may be its name misspelt ("Mandella")."""
        similar = getattr(self.actors, "similar", None)  # stand-ins in tests may lack it
        return similar(name, on=published) if similar is not None else None

    def _surname(self, name: str, published: Optional[str]) -> Optional[object]:
        """A titled surname ("President Marek") is the one office holder of that surname the
        dictionary has in government on the date; a namesake out of office is no match."""
        by_surname = getattr(self.actors, "by_surname", None)
        code = by_surname(name, on=published) if by_surname is not None else None
        return code if code is not None and code.sector == "GOV" else None

    def _code(self, name: str, label: str, published: Optional[str]) -> Optional[object]:
        """Roles by the publication date: a name the dictionary dates gets the code it had
        then (no date: the latest it knew)."""
        if label in {"DATE", "TIME", "EVENT"}:
            return None
        # undated articles keep the one-argument call, which any dictionary-like stand-in has
        return self.actors.lookup(name, on=published) if published else self.actors.lookup(name)
