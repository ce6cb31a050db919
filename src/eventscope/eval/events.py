"""Event evaluation: PLOVER GSR sentences and the PETRARCH2 unit-test records.

Each sentence is one unit. The prediction for a sentence is its most confident event.
GSR labels (PLOVER 0.5b1) and CAMEO roots (PETRARCH) are mapped to PLOVER 2.0 as the
eval-data README says; CAMEO 01 and 02 are not PLOVER events and count as no event. The
PETRARCH fictional actors get their codes from ``PETR.Validate.actors.txt`` and
``PETR.Validate.agents.txt`` loaded as user actor dictionaries. Country accuracy compares
the first three characters of the codes.

Events are scored by the type events.v1 gives them, with no mapping of its own: events.v1
follows PLOVER in coding a planned cooperative act as AGREE and a planned hostile one as
THREATEN (see :func:`eventscope.extract.events.stated_intent`).
"""
from __future__ import annotations

import dataclasses
import json
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from typing import Optional, Sequence

from eventscope.eval.metrics import PRF, macro_f1, per_label_prf
from eventscope.eval.report import Figure, TaskReport

GSR_LABELS = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE",
              "FIGHT": "ASSAULT"}
CAMEO_ROOTS = {"03": "AGREE", "04": "CONSULT", "05": "SUPPORT", "06": "COOPERATE", "07": "AID",
               "09": "ACCUSE", "10": "REQUEST", "11": "ACCUSE", "12": "REJECT",
               "13": "THREATEN", "14": "PROTEST", "15": "MOBILIZE", "16": "SANCTION",
               "17": "COERCE", "18": "ASSAULT", "19": "ASSAULT", "20": "ASSAULT"}


@dataclass(frozen=True)
class Coding:
    event_type: str
    actors: tuple[str, ...] = ()  # country codes (first three characters)
    recipients: tuple[str, ...] = ()


@dataclass(frozen=True)
class GoldSentence:
    id: str
    text: str
    codings: tuple[Coding, ...]  # empty: no PLOVER event


def cameo_to_plover(code: str) -> Optional[str]:
    code = code.strip()
    if code[:3] in ("081", "082", "083"):
        return "CONCEDE"
    if code[:2] == "08":
        return "RETREAT"
    return CAMEO_ROOTS.get(code[:2])


def _country(code: Optional[str]) -> Optional[str]:
    code = (code or "").strip().upper()
    return code[:3] if code and code[:3] != "---" else None


def _gsr_codes(actors) -> tuple[str, ...]:
    """Country codes of a GSR source/target: a list of actor objects, one object, or a code."""
    if actors is None:
        return ()
    if not isinstance(actors, list):
        actors = [actors]
    codes = (_country(a.get("code") if isinstance(a, dict) else str(a)) for a in actors)
    return tuple(filter(None, codes))


def load_gsr(path: Path) -> list[GoldSentence]:
    records = json.loads(Path(path).read_text(encoding="utf-8"))
    out = []
    for r in records:
        if r.get("event") == "DOCUMENT" or not r.get("text"):
            continue
        label = GSR_LABELS.get(r["event"], r["event"])
        actors = _gsr_codes(r.get("source"))
        targets = _gsr_codes(r.get("target"))
        out.append(GoldSentence(r["id"], r["text"], (Coding(label, actors, targets),)))
    return out


def load_petrarch(path: Path) -> list[GoldSentence]:
    text = Path(path).read_text(encoding="utf-8")
    text = re.sub(r"=\s*\"\"", '="x"', text).replace("'\"\"'", '"x"')
    out = []
    for sentence in ET.fromstring(text).iter("Sentence"):
        body = " ".join((sentence.findtext("Text") or "").split())
        codings = []
        for coding in sentence.iter("EventCoding"):
            plover = cameo_to_plover(coding.get("eventcode") or "")
            if plover:
                codings.append(Coding(plover, tuple(filter(None, [_country(coding.get("sourcecode"))])),
                                      tuple(filter(None, [_country(coding.get("targetcode"))]))))
        if body:
            out.append(GoldSentence(sentence.get("id", str(len(out))), body, tuple(codings)))
    return out


def _best_gold(codings: Sequence[Coding], pred: Optional[Coding]) -> Coding:
    if pred is not None:
        same = [c for c in codings if c.event_type == pred.event_type]
        if same:
            return max(same, key=lambda c: (bool(set(c.actors) & set(pred.actors)),
                                            bool(set(c.recipients) & set(pred.recipients))))
    return codings[0]


def score(gold: Sequence[GoldSentence], predictions: Sequence[Optional[Coding]],
          prefix: str) -> tuple[Figure, ...]:
    with_event = [(g, p) for g, p in zip(gold, predictions) if g.codings]
    chosen = [(_best_gold(g.codings, p), p) for g, p in with_event]
    gold_types = [c.event_type for c, _ in chosen]
    pred_types = [p.event_type if p else None for _, p in chosen]
    per_type = per_label_prf(gold_types, pred_types)
    per_type = {k: v for k, v in per_type.items() if any(g == k for g in gold_types)}
    n = len(chosen)
    actor_ok = [bool(p and c.actors and set(p.actors) & set(c.actors)) for c, p in chosen if c.actors]
    recip_ok = [bool(p and c.recipients and set(p.recipients) & set(c.recipients))
                for c, p in chosen if c.recipients]
    triple = [bool(p and p.event_type == c.event_type
                   and (not c.actors or set(p.actors) & set(c.actors))
                   and (not c.recipients or set(p.recipients) & set(c.recipients)))
              for c, p in chosen]
    said_none = [g for g, p in zip(gold, predictions) if p is None]
    share = lambda xs: sum(xs) / len(xs) if xs else None
    figures = [
        Figure(f"{prefix}.type_accuracy", share([g == p for g, p in zip(gold_types, pred_types)]), n, True),
        Figure(f"{prefix}.macro_f1", macro_f1(per_type), n, prefix == "gsr"),
        Figure(f"{prefix}.no_event_precision", share([not g.codings for g in said_none]), len(said_none)),
        Figure(f"{prefix}.actor_country_accuracy", share(actor_ok), len(actor_ok)),
        Figure(f"{prefix}.recipient_country_accuracy", share(recip_ok), len(recip_ok)),
        Figure(f"{prefix}.triple_accuracy", share(triple), n, prefix == "petr"),
    ]
    figures += [Figure(f"{prefix}.f1.{label}", prf.f1, prf.tp + prf.fn) for label, prf in sorted(per_type.items())]
    return tuple(figures)


def predict(gold: Sequence[GoldSentence], settings) -> list[Optional[Coding]]:
    """The most confident event of each sentence as a coding, with the type events.v1 gave it."""
    from eventscope.execute import Pipeline
    from eventscope.records import Article, content_id

    pipeline = Pipeline.from_settings(settings)
    out = []
    for result in pipeline.process(Article(id=content_id(g.text), text=g.text) for g in gold):
        if not result.events:
            out.append(None)
            continue
        top = max(result.events, key=lambda e: e.confidence)
        out.append(Coding(top.event_type,
                          tuple(filter(None, (_country(a.country) for a in top.actor))),
                          tuple(filter(None, (_country(a.country) for a in top.recipient)))))
    return out


def evaluate(gold_path: Path, settings, limit: Optional[int] = None) -> TaskReport:
    root = Path(gold_path)
    figures, notes, files = [], [], []
    gsr_path = root / "plover_gsr" / "PLOVER_GSR_CAMEO.txt"
    if gsr_path.exists():
        gold = load_gsr(gsr_path)[:limit]
        figures += score(gold, predict(gold, settings), "gsr")
        files.append(str(gsr_path))
        notes.append(f"gsr: {len(gold)} sentences (documentation record skipped); every one has a "
                     "gold event, so no_event_precision is 0 by construction and its support "
                     "counts the sentences given no event")
    petr = root / "petrarch2_unittest"
    if (petr / "PETR.UnitTest.records.xml").exists():
        gold = load_petrarch(petr / "PETR.UnitTest.records.xml")[:limit]
        dictionaries = (str(petr / "PETR.Validate.actors.txt"), str(petr / "PETR.Validate.agents.txt"))
        petr_settings = dataclasses.replace(
            settings, actor_dictionaries=tuple(settings.actor_dictionaries) + dictionaries)
        figures += score(gold, predict(gold, petr_settings), "petr")
        files += [str(petr / "PETR.UnitTest.records.xml"), *dictionaries]
        notes.append(f"petr: {len(gold)} records, {sum(not g.codings for g in gold)} without a "
                     "PLOVER event (noevents, errors, or CAMEO 01/02 only)")
        notes.append("petr: the expected codes come from PETRARCH's own validation verb "
                     "dictionary (PETR.Validate.verbs.txt, not in the gold set), whose test "
                     "patterns give many verbs arbitrary codes ('postponed' is 191): type "
                     "accuracy there measures agreement with that dictionary, not with "
                     "CAMEO's meanings; actor and recipient accuracy are the informative figures")
    return TaskReport("events", tuple(files), tuple(figures), tuple(notes))
