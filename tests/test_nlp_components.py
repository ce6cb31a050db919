"""eventscope's own spaCy components, on blank pipelines (no model needed)."""
from __future__ import annotations

import spacy

from eventscope.nlp.components import NEWLINE_SENTENCES


def _starts(text: str) -> list[str]:
    nlp = spacy.blank("en")
    nlp.add_pipe(NEWLINE_SENTENCES)
    doc = nlp(text)
    return [t.text for t in doc if t.is_sent_start]


def test_a_line_break_starts_a_sentence_and_a_space_token_does_not():
    assert _starts("OSTEL, Varnia\nTroops entered the town.\n\n  Talks follow") == \
        ["OSTEL", "Troops", "Talks"]


def test_text_without_line_breaks_and_empty_text_are_left_alone():
    assert _starts("One line only, with no break.") == ["One"]
    assert _starts("") == []
    assert _starts("\n") == ["\n"]


def test_every_one_of_many_lines_starts_a_sentence():
    lines = [f"Line {i} says little." for i in range(3000)]
    assert len(_starts("\n".join(lines))) == 3000
