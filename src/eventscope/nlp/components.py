"""spaCy components eventscope adds to the configured model. Registered when imported."""
from __future__ import annotations

from spacy.attrs import SENT_START
from spacy.language import Language

NEWLINE_SENTENCES = "eventscope_newline_sentences"


@Language.component(NEWLINE_SENTENCES)
def newline_sentences(doc):
    """A line break ends a sentence: headlines, datelines and list items are not run on.

    The starts are written in one array: setting ``token.is_sent_start`` one token at a time
    makes spaCy scan the whole Doc each time, quadratic in a long article's lines."""
    starts = doc.to_array(SENT_START)
    for token in doc[1:]:
        if not token.is_space and "\n" in doc[token.i - 1].text_with_ws:
            starts[token.i] = 1
    doc.from_array([SENT_START], starts.reshape(-1, 1))
    return doc
