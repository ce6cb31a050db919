"""Stage fingerprints: a short hash of everything that can change a stage's output.

A stage's records are only as reproducible as the code, lexicons, data, model and settings that
made them. A fingerprint hashes

- the code of the module that defines the stage's extractor and of every module of the same
  package it imports, directly or through others (found by reading their ``import`` statements,
  so a lexicon module edited counts, and a module the stage never reaches does not); code means
  the syntax tree without docstrings and comments, so a reworded comment changes nothing;
- the stage's configuration: the settings that change its output and the versions and contents
  of data it reads from outside the package (``Stage.config``);
- the fingerprints of the stages whose output it reads, and for the parse, the model's name and
  version, spaCy's version and the code that builds the pipeline.

The stored label is ``name.vN-<fingerprint>`` (``StageInfo.label``): a record says how it was
made, and re-ingesting an article whose stored label differs recomputes that stage::

    fingerprints = stage_fingerprints(stages, model_parts=("en_core_web_sm", "3.8.0"))
    fingerprints["events"]          # e.g. "3fa2c91b0e"
"""
from __future__ import annotations

import functools
import hashlib
import importlib.util
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Mapping, Optional, Sequence

DIGITS = 10  # 40 bits: collisions between two versions of one stage are not a practical concern


def digest(parts: Iterable[bytes | str]) -> str:
    """A short, stable hash of ``parts`` (order matters; each part is length-prefixed)."""
    h = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "big"))
        h.update(data)
    return h.hexdigest()[:DIGITS]


def _source_path(module: str) -> Optional[Path]:
    try:
        spec = importlib.util.find_spec(module)
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.origin or not spec.origin.endswith(".py"):
        return None
    return Path(spec.origin)


# import statements read from the source text: parsing every module would cost more than half a
# second per process, and a line that only looks like an import merely adds a module
_IMPORT = re.compile(
    r"^[ \t]*(?:from[ \t]+(\.*[\w.]*)[ \t]+import[ \t]+(\([^)]*\)|[^\n#;]*)"
    r"|import[ \t]+([^\n#;]*))", re.M)


def _names(clause: str) -> list[str]:
    """``a, b as c`` or ``(a,\n b)`` -> ``["a", "b"]``."""
    clause = clause.strip().strip("()").replace("\\", " ")
    return [part.split()[0] for part in clause.split(",") if part.split()]


def _imported(module: str, source: str) -> set[str]:
    """Absolute names of what ``source`` imports, names imported ``from`` a module included
    (they may be submodules)."""
    package = module.rpartition(".")[0]
    found: set[str] = set()
    for base, names, plain in _IMPORT.findall(source):
        if plain:
            found.update(_names(plain))
            continue
        level = len(base) - len(base.lstrip("."))
        base = base.lstrip(".")
        if level:  # relative: resolve against this module's package
            parent = package.rsplit(".", level - 1)[0] if level > 1 else package
            base = f"{parent}.{base}" if base else parent
        found.add(base)
        found.update(f"{base}.{name}" for name in _names(names))
    return found


@dataclass(frozen=True)
class ModuleCode:
    imports: frozenset[str]  # absolute names of what the module imports (maybe not modules)
    digest: str  # of its source


def read_module(name: str, path: Path) -> ModuleCode:
    """:class:`ModuleCode` of the file at ``path``, read once per process and file version."""
    stat = path.stat()
    return _read_module(name, path, stat.st_mtime_ns, stat.st_size)


@functools.lru_cache(maxsize=None)
def _read_module(name: str, path: Path, mtime_ns: int, size: int) -> ModuleCode:
    source = path.read_bytes()
    imports = _imported(name, source.decode("utf-8", errors="replace"))
    return ModuleCode(frozenset(imports), digest([source]))


def code_closure(root: str) -> dict[str, Path]:
    """``root`` and every module of its top-level package it imports, transitively.

    Imports inside functions count too (they are how heavy modules load lazily), and so do the
    packages (``__init__``) a module belongs to, which run when it is imported. Names that are
    not modules (a class imported ``from x import Y``) are skipped.
    """
    top = root.split(".")[0]
    seen: dict[str, Path] = {}
    todo = [root]
    while todo:
        name = todo.pop()
        if name in seen or name.split(".")[0] != top:
            continue
        path = _source_path(name)
        if path is None:
            continue
        seen[name] = path
        parents = {name.rsplit(".", n)[0] for n in range(1, name.count(".") + 1)}
        todo.extend((read_module(name, path).imports | parents) - seen.keys())
    return dict(sorted(seen.items()))


def code_parts(*roots: str) -> list[bytes | str]:
    """Names and code digests of the union of the roots' :func:`code_closure`, by name."""
    modules = {name: path for root in roots for name, path in code_closure(root).items()}
    parts: list[bytes | str] = []
    for name, path in sorted(modules.items()):
        parts += [name, read_module(name, path).digest]
    return parts


def file_parts(paths: Iterable[str]) -> list[bytes | str]:
    """Each file's name and content (a missing file counts by its name alone)."""
    parts: list[bytes | str] = []
    for path in paths:
        p = Path(path)
        parts += [str(path), p.read_bytes() if p.is_file() else b""]
    return parts


def extractor_modules(extract) -> list[str]:
    """The module defining ``extract`` and, for an extractor object, the modules of its
    attributes' types within the same package (an actor dictionary built elsewhere and handed
    to the extractor is its code too)."""
    own = getattr(extract, "__module__", None) or type(extract).__module__
    modules = {own}
    if not hasattr(extract, "__code__") and hasattr(extract, "__dict__"):  # an object
        modules |= {type(value).__module__ for value in vars(extract).values()}
    top = own.split(".")[0]
    return sorted(m for m in modules if m.split(".")[0] == top)


def stage_fingerprints(stages: Sequence, model_parts: Sequence[str],
                       parse_module: str = "eventscope.nlp.model") -> Mapping[str, str]:
    """Fingerprint per stage name, ``"nlp"`` (the parse) included.

    ``stages`` are :class:`~eventscope.execute.stages.Stage` objects in pipeline order; each
    one's fingerprint covers those of the outputs it ``requires``.
    """
    from eventscope.execute.stages import DOC

    by_output = {DOC: digest(["nlp", *model_parts, *code_parts(parse_module)])}
    found = {"nlp": by_output[DOC]}
    for stage in stages:
        parts = [stage.name, str(stage.version), *code_parts(*extractor_modules(stage.extract)),
                 *(f"{key}={value}" for key, value in stage.config),
                 *(f"{req}:{by_output.get(req, '')}" for req in stage.requires)]
        found[stage.name] = by_output[stage.provides] = digest(parts)
    return found
