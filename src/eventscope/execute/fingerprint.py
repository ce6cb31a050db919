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

import ast
import functools
import hashlib
import importlib.util
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


def _imported(module: str, tree: ast.AST) -> set[str]:
    """Absolute names of the modules ``tree`` imports, submodules named in ``from`` included."""
    package = module.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # relative: resolve against this module's package
                parent = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                base = f"{parent}.{base}" if base else parent
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)
    return found


@functools.lru_cache(maxsize=None)
def code_closure(root: str) -> tuple[tuple[str, Path], ...]:
    """``root`` and every module of its top-level package it imports, transitively, sorted.

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
        tree = ast.parse(path.read_bytes(), filename=str(path))
        parents = {name.rsplit(".", n)[0] for n in range(1, name.count(".") + 1)}
        todo.extend((_imported(name, tree) | parents) - seen.keys())
    return tuple(sorted(seen.items()))


def code_parts(*roots: str) -> list[bytes | str]:
    """Names and code of the union of the roots' :func:`code_closure`, sorted by name (read
    afresh: the cache holds paths only)."""
    modules = dict(item for root in roots for item in code_closure(root))
    parts: list[bytes | str] = []
    for name, path in sorted(modules.items()):
        parts += [name, code_of(path.read_bytes())]
    return parts


def code_of(source: bytes) -> str:
    """The syntax tree of ``source`` without docstrings (comments are never in it), so that
    editing prose does not change a label while any change to code or data does."""
    tree = ast.parse(source)
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if (isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
                and body and isinstance(body[0], ast.Expr)
                and isinstance(body[0].value, ast.Constant) and isinstance(body[0].value.value, str)):
            node.body = body[1:] or [ast.Pass()]
    return ast.dump(tree, include_attributes=False)


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
