"""Event evaluation: PLOVER GSR sentences and the PETRARCH2 unit-test records.

Each sentence is one unit. The prediction for a sentence is its most confident event, with
the type events.v1 gave it: no mapping of the product's labels exists only here. events.v1
follows PLOVER in coding a planned cooperative act as AGREE and a planned hostile one as
THREATEN (:func:`eventscope.extract.events.stated_intent`). GSR labels (PLOVER 0.5b1) and CAMEO
roots (PETRARCH) are mapped to PLOVER 2.0 as the eval-data README says; CAMEO 01 and 02 are not
PLOVER events and count as no event. The PETRARCH fictional actors get their codes from
``PETR.Validate.actors.txt`` and ``PETR.Validate.agents.txt`` loaded as user actor
dictionaries.

Parties are compared by :func:`party_code`: a country by its ISO3 code (the first three
letters of a code; the GSR's three non-ISO codes JAP, ITL and VTN read as JPN, ITA, VNM), an
IGO by its whole code (``IGOUNO`` is not ``IGOEEC``); a gold code of bare
``IGO`` (the GSR names no organisation) matches any IGO code.

Two families of figures. ``type_accuracy``, ``macro_f1``, ``triple_accuracy`` and the country
accuracies score the sentences that have a gold event, as the event-coding literature does.
``top_event_*`` and ``top_triple_*`` count every sentence, as a user meets them: a top event
of a type the sentence's gold does not have is a false positive (so is any event on a
no-event sentence), a sentence with a gold event but no top event of a gold type is a false
negative; a wrong type is both.
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
    actors: tuple[str, ...] = ()  # party codes: see party_code
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


# The GSR's readme says every state has its ISO 3166-1 alpha-3 code; three gold codes are older
# CAMEO ones that are not, and are read as the ISO codes they stand for.
GOLD_CODE_FIXES = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}


def party_code(code: Optional[str]) -> Optional[str]:
    """The code parties are compared by: an IGO code whole, otherwise its ISO3 country."""
    code = (code or "").strip().upper()
    if not code or code.startswith("---"):
        return None
    return code if code.startswith("IGO") else GOLD_CODE_FIXES.get(code[:3], code[:3])


def same_party(gold: Sequence[str], predicted: Sequence[str]) -> bool:
    """Some predicted code names a gold party; bare ``IGO`` in the gold is any IGO."""
    return any(g == p or (g == "IGO" and p.startswith("IGO")) for g in gold for p in predicted)


def _gsr_codes(actors) -> tuple[str, ...]:
    """Country codes of a GSR source/target: a list of actor objects, one object, or a code."""
    if actors is None:
        return ()
    if not isinstance(actors, list):
        actors = [actors]
    codes = (party_code(a.get("code") if isinstance(a, dict) else str(a)) for a in actors)
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
                codings.append(Coding(plover, tuple(filter(None, [party_code(coding.get("sourcecode"))])),
                                      tuple(filter(None, [party_code(coding.get("targetcode"))]))))
        if body:
            out.append(GoldSentence(sentence.get("id", str(len(out))), body, tuple(codings)))
    return out


def _best_gold(codings: Sequence[Coding], pred: Optional[Coding]) -> Coding:
    if pred is not None:
        same = [c for c in codings if c.event_type == pred.event_type]
        if same:
            return max(same, key=lambda c: (same_party(c.actors, pred.actors),
                                            same_party(c.recipients, pred.recipients)))
    return codings[0]


def _triple(gold: Coding, pred: Optional[Coding]) -> bool:
    """Same type, and the parties the gold names (where it names any) among the predicted."""
    return bool(pred and pred.event_type == gold.event_type
                and (not gold.actors or same_party(gold.actors, pred.actors))
                and (not gold.recipients or same_party(gold.recipients, pred.recipients)))


def sentence_prf(gold: Sequence[GoldSentence], predictions: Sequence[Optional[Coding]],
                 triple: bool = False) -> PRF:
    """Every sentence counted: a hit is a top event of one of the sentence's gold types (and,
    with ``triple``, with its parties); a miss on an event sentence is a false negative, a
    top event that is not a hit a false positive."""
    tp = fp = fn = 0
    for g, p in zip(gold, predictions):
        hit = bool(g.codings) and p is not None and (
            _triple(_best_gold(g.codings, p), p) if triple
            else any(c.event_type == p.event_type for c in g.codings))
        tp += hit
        fp += p is not None and not hit
        fn += bool(g.codings) and not hit
    return PRF(tp, fp, fn)


def score(gold: Sequence[GoldSentence], predictions: Sequence[Optional[Coding]],
          prefix: str) -> tuple[Figure, ...]:
    with_event = [(g, p) for g, p in zip(gold, predictions) if g.codings]
    chosen = [(_best_gold(g.codings, p), p) for g, p in with_event]
    gold_types = [c.event_type for c, _ in chosen]
    pred_types = [p.event_type if p else None for _, p in chosen]
    per_type = per_label_prf(gold_types, pred_types)
    per_type = {k: v for k, v in per_type.items() if any(g == k for g in gold_types)}
    n = len(chosen)
    actor_ok = [bool(p and same_party(c.actors, p.actors)) for c, p in chosen if c.actors]
    recip_ok = [bool(p and same_party(c.recipients, p.recipients)) for c, p in chosen if c.recipients]
    said_none = [g for g, p in zip(gold, predictions) if p is None]
    share = lambda xs: sum(xs) / len(xs) if xs else None
    figures = [
        Figure(f"{prefix}.type_accuracy", share([g == p for g, p in zip(gold_types, pred_types)]), n, True),
        Figure(f"{prefix}.macro_f1", macro_f1(per_type), n, prefix == "gsr"),
        Figure(f"{prefix}.no_event_precision", share([not g.codings for g in said_none]), len(said_none)),
        Figure(f"{prefix}.actor_country_accuracy", share(actor_ok), len(actor_ok)),
        Figure(f"{prefix}.recipient_country_accuracy", share(recip_ok), len(recip_ok)),
        Figure(f"{prefix}.triple_accuracy", share([_triple(c, p) for c, p in chosen]), n, prefix == "petr"),
    ]
    figures += _sentence_figures(gold, predictions, prefix)
    figures += [Figure(f"{prefix}.f1.{label}", prf.f1, prf.tp + prf.fn) for label, prf in sorted(per_type.items())]
    return tuple(figures)


def _sentence_figures(gold, predictions, prefix: str) -> list[Figure]:
    out = []
    for name, prf in (("top_event", sentence_prf(gold, predictions)),
                      ("top_triple", sentence_prf(gold, predictions, triple=True))):
        out += [Figure(f"{prefix}.{name}_precision", prf.precision, prf.tp + prf.fp),
                Figure(f"{prefix}.{name}_recall", prf.recall, prf.tp + prf.fn),
                Figure(f"{prefix}.{name}_f1", prf.f1, len(gold), name in ("top_event", "top_triple"))]
    return out


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
                          tuple(filter(None, (party_code(a.country) for a in top.actor))),
                          tuple(filter(None, (party_code(a.country) for a in top.recipient)))))
    return out


def evaluate(gold_path: Path, settings, limit: Optional[int] = None) -> TaskReport:
    root = Path(gold_path)
    figures, notes, files = [], [], []
    gsr_path = root / "plover_gsr" / "PLOVER_GSR_CAMEO.txt"
    if gsr_path.exists():
        gold = load_gsr(gsr_path)[:limit]
        figures += score(gold, predict(gold, settings), "gsr")
        files.append(str(gsr_path))
        bare_igo = sum(c.count("IGO") for g in gold for k in g.codings for c in (k.actors, k.recipients))
        notes.append(f"gsr: {len(gold)} sentences (documentation record skipped); every one has a "
                     "gold event (no no-event sentences), so no_event_precision is 0 by "
                     "construction, its support counts the sentences given no event, and "
                     "top_event precision counts only wrong types")
        notes.append(f"gsr: {bare_igo} gold parties are coded bare 'IGO' (no organisation named); "
                     "any IGO code matches them")
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
                     "patterns give many verbs codes far from their meaning: type "
                     "accuracy there measures agreement with that dictionary, not with "
                     "CAMEO's meanings; actor and recipient accuracy are the informative figures")
        notes.append("top_event_* and top_triple_* count every sentence: an event on a no-event "
                     "sentence is a false positive, no event of a gold type on an event "
                     "sentence a false negative, a wrong type both")
    return TaskReport("events", tuple(files), tuple(figures), tuple(notes))
