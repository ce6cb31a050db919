"""spaCy components eventscope adds to the configured model. Registered when imported."""
from __future__ import annotations

from spacy.language import Language

NEWLINE_SENTENCES = "eventscope_newline_sentences"


@Language.component(NEWLINE_SENTENCES)
def newline_sentences(doc):
    """A line break ends a sentence: headlines, datelines and list items are not run on."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if "\n" in previous.text_with_ws and not token.is_space:
            token.is_sent_start = True
    return doc
