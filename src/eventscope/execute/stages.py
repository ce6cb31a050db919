"""The stage contract: a named, versioned pure function with declared inputs and output."""
from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType
from typing import Any, Callable, Mapping, Optional, Sequence

from eventscope.errors import PipelineError
from eventscope.records import Article, StageInfo

# What an extractor sees of earlier stages' output: stage output name -> records.
Prior = Mapping[str, tuple]
Extractor = Callable[[Any, Article, Prior], tuple]

DOC = "doc"  # the parsed spaCy Doc, provided by the nlp stage


@dataclass(frozen=True)
class Stage:
    """One pipeline stage. ``extract(doc, article, prior) -> tuple of records``.

    ``requires`` names outputs of earlier stages (``"doc"`` is the parse); ``provides`` names
    this stage's output, which is also the key under which :class:`ArticleResult` holds it.
    ``config`` lists, as (name, value) pairs, whatever besides its code changes the output: the
    settings it reads and the versions or contents of outside data; it goes into the stage's
    fingerprint (:mod:`eventscope.execute.fingerprint`). ``label`` names the code (``quotes.v1``,
    used for timings and messages); a stored record carries :attr:`StageInfo.label`, which adds
    the fingerprint.
    """

    name: str
    version: int
    requires: tuple[str, ...]
    provides: str
    extract: Optional[Extractor] = None
    config: tuple[tuple[str, str], ...] = ()

    def info(self, fingerprint: str = "") -> StageInfo:
        return StageInfo(self.name, self.version, fingerprint)

    @property
    def label(self) -> str:
        return f"{self.name}.v{self.version}"


def check_contracts(stages: Sequence[Stage]) -> None:
    """Raise :class:`PipelineError` naming each unmet requirement, in pipeline order."""
    available: list[str] = []
    problems: list[str] = []
    for stage in stages:
        missing = [r for r in stage.requires if r not in available]
        if missing:
            problems.append(
                f"{stage.label} requires {', '.join(missing)} "
                f"(available before it: {', '.join(available) or 'nothing'})"
            )
        if stage.provides in available:
            problems.append(f"{stage.label} provides {stage.provides!r}, already provided")
        available.append(stage.provides)
    if problems:
        raise PipelineError("pipeline cannot be built: " + "; ".join(problems))


def frozen_prior(found: dict[str, tuple]) -> Prior:
    """A read-only view of earlier outputs, so extractors cannot mutate their input."""
    return MappingProxyType(found)
