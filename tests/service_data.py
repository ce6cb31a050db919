"""A few stored articles written by hand for the service tests: events with parties, places and
dates, quotes with speakers, coded persons, and one article whose text and title try to run
script in the dashboard (which must show them as text)."""
from __future__ import annotations

from eventscope.records import (
    Actor, Article, ArticleResult, DateExpr, Entity, Event, PipelineInfo, Place, Quote, Span,
    StageInfo, content_id,
)

STAGES = tuple(StageInfo(n, 1) for n in ("nlp", "entities", "quotes", "dates", "places", "events"))
INFO = PipelineInfo(STAGES, "en_test", "1.0")
XSS = '<script>window.__xss = 1</script><img src=x onerror="window.__xss = 2">'


def span(text: str, part: str, after: int = 0) -> Span:
    start = text.index(part, after)
    return Span(start, start + len(part), part)


def entity(text, part, label, canonical, country=None, sector=None, n=0):
    s = span(text, part)
    return Entity(f"e{n}", s.start, s.end, part, label, f"c{n}", canonical, country, sector,
                  code_source="dictionary" if country else None)


def event(text, trigger, kind, actor, recipient, date=None, place=None, n=0):
    t = span(text, trigger)
    whole = Span(0, len(text), text)
    side = lambda party: tuple(
        Actor(*(lambda s: (s.start, s.end, s.text))(span(text, words)), country=country,
              sector=sector, code=(country or "") + (sector or "") or None, name=name)
        for words, name, country, sector in party)
    return Event(content_id(text, kind, str(n)), kind, t, whole, text, actor=side(actor),
                 recipient=side(recipient), date=date, event_loc=place)


def result(text, published, title=None, url=None, **records) -> ArticleResult:
    article = Article(id=content_id(text), text=text, title=title, url=url, published=published,
                      source=f"{published}.txt")
    return ArticleResult(article=article, pipeline=PipelineInfo(STAGES, "en_test", "1.0"),
                         **records)


def results() -> list[ArticleResult]:
    one = ("Ruritanian Foreign Minister Ivo Marek accused Borduria of shelling Ostrava on "
           "Tuesday. “We will answer,” Marek said in Zenda.")
    zenda = Place("p1", *(lambda s: (s.start, s.end, s.text))(span(one, "Zenda")),
                  name="Zenda", lat=48.2, lon=16.37, country="RUT", feature="city")
    first = result(
        one, "2023-07-06", title="Marek accuses Borduria",
        entities=(entity(one, "Foreign Minister Ivo Marek", "PERSON", "Ivo Marek", "RUT", "GOV"),
                  entity(one, "Borduria", "GPE", "Borduria", "BRD", n=1)),
        quotes=(Quote("q1", "direct", span(one, "We will answer"), speaker=span(one, "Marek", 60),
                      cue=span(one, "said"), speaker_name="Ivo Marek", speaker_country="RUT"),),
        dates=(DateExpr("d1", *(lambda s: (s.start, s.end, s.text))(span(one, "Tuesday")),
                        value="2023-07-04", anchored=True),),
        places=(zenda,),
        events=(event(one, "accused", "ACCUSE", [("Foreign Minister Ivo Marek", "Ivo Marek", "RUT",
                                                  "GOV")],
                      [("Borduria", "Borduria", "BRD", None)], "2023-07-04", zenda),))
    two = "Bordurian troops attacked a Ruritanian border post near Kladno in August."
    kladno = Place("p2", *(lambda s: (s.start, s.end, s.text))(span(two, "Kladno")),
                   name="Kladno", lat=50.14, lon=14.1, country="RUT", feature="city")
    second = result(two, "2023-08-20", title="Border post attacked", places=(kladno,),
                    events=(event(two, "attacked", "ASSAULT", [("Bordurian troops", None, "BRD",
                                                                 "MIL")],
                                  [("Ruritanian border post", None, "RUT", None)], "2023-08",
                                  kladno),))
    three = f"Marek met envoys in Zenda. {XSS} The talks went on."
    third = result(three, "2023-09-01", title=f"Talks {XSS}", url="javascript:alert(1)",
                   entities=(entity(three, "Marek", "PERSON", "Ivo Marek", "RUT", "GOV"),),
                   events=(event(three, "met", "CONSULT", [("Marek", "Ivo Marek", "RUT", "GOV")],
                                 [("envoys", None, "BRD", None)], "2023-09-01"),))
    return [first, second, third]
