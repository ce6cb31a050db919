"""Names as people write them: one person found by any name the store knows for them.

A query and a stored name are compared folded (case, diacritics and extra spaces aside) and
without the titles the query opens with, so "Erdogan" finds "Erdoğan" and back, "President
Marek" and "marek" find "Ivo Marek". The same matching serves ``actors NAME``, ``quotes
--speaker`` and ``events --actor/--recipient``.
"""
from __future__ import annotations

import functools
import re
import unicodedata
from typing import Iterable

# Words a name may open with in a query ("President Marek", "Dr. Ivo Marek"), left out
# before names are compared; the longest first, so "foreign minister" goes whole.
TITLE_WORDS = tuple(sorted((tuple(title.split()) for title in (
    "president", "vice president", "prime minister", "deputy prime minister", "minister",
    "foreign minister", "defence minister", "defense minister", "interior minister",
    "secretary", "secretary of state", "chancellor", "premier", "king", "queen", "prince",
    "sheikh", "emir", "mr", "mrs", "ms", "dr", "general", "gen", "colonel", "sir", "senator",
    "ambassador", "spokesman", "spokeswoman",
)), key=len, reverse=True))


def fold_name(text: str) -> str:
    """A name without case, diacritics or extra spaces: "José  Pérez" -> "jose perez"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


def _untitled(folded: str) -> str:
    """A folded name without the title words it opens with ("dr. ivo marek" -> "ivo marek")."""
    words = folded.split()
    bare = [re.sub(r"[.,]+$", "", w) for w in words]
    at = 0
    while True:
        title = next((t for t in TITLE_WORDS if tuple(bare[at:at + len(t)]) == t
                      and at + len(t) < len(words)), None)
        if title is None:
            return " ".join(words[at:])
        at += len(title)


@functools.lru_cache(maxsize=64)
def query_form(query: str) -> str:
    """What a query looks for: folded, without leading titles ("Dr. Marék" -> "marek")."""
    return _untitled(fold_name(query))


def name_matches(query: str, canonical: str) -> bool:
    """``query`` names ``canonical``: folded and without titles, it is the name, its last word
    (a surname) or a part of it ("Marek", "President Ivo Marek" and "marék" name "Ivo Marek")."""
    wanted, folded = query_form(query), fold_name(canonical)
    if not wanted:
        return False
    # the name as stored too: "General" names the organisation "General Grain Works"
    return any(wanted == name or wanted == name.rsplit(" ", 1)[-1] or wanted in name
               for name in (_untitled(folded), folded))


def names_matching(query: str, names: Iterable[str | None]) -> list[str]:
    """The distinct ``names`` that ``query`` names, in the order first seen."""
    return [n for n in dict.fromkeys(names) if n and name_matches(query, n)]
