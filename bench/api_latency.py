"""Latency of the service: p95 per route on a store of 100,000 synthetic events.

    .venv/bin/python bench/api_latency.py                      # builds bench/results/api.db once
    .venv/bin/python bench/api_latency.py --events 5000 --requests 5    # a quick look
    .venv/bin/python bench/api_latency.py --db postgresql://user@host/db

The store is written through the store API (``Store.write``) with synthetic ArticleResults:
ten events per article, each with coded parties, a date and a located place, plus entities, a
quote, a date and a place per article. The service runs in uvicorn on a loopback port and is
asked each route ``--requests`` times in turn (after one warm-up request each); the report is
the median and the 95th percentile per route, and whether it is under the 200 ms goal.
Writes bench/results/api_latency.json.
"""
from __future__ import annotations

import argparse
import json
import random
import socket
import statistics
import sys
import threading
import time
from pathlib import Path

from eventscope.records import (
    Actor, Article, ArticleResult, DateExpr, Entity, Event, PipelineInfo, Place, Quote, Span,
    StageInfo, content_id,
)

HERE = Path(__file__).resolve().parent
GOAL_MS = 200
EVENTS_PER_ARTICLE = 10
TYPES = ("ACCUSE", "ASSAULT", "CONSULT", "REQUEST", "THREATEN", "AGREE", "SANCTION", "PROTEST",
         "SUPPORT", "REJECT", "AID", "COERCE")
COUNTRIES = ("ARM", "AZE", "RUS", "UKR", "TUR", "GEO", "IRN", "ISR", "PSE", "SYR", "IRQ", "SDN",
             "ETH", "SOM", "MLI", "NER", "COL", "VEN", "MMR", "AFG", "PAK", "IND", "CHN", "USA")
SECTORS = ("GOV", "MIL", "REB", "COP", "OPP", None)
FIRST = ("Ivo", "Ana", "Lev", "Mira", "Tomas", "Sara", "Omar", "Lina", "Davit", "Elif")
LAST = ("Marek", "Novak", "Petrov", "Aliyev", "Kaya", "Haddad", "Rahimi", "Okafor", "Silva",
        "Tanaka", "Weber", "Dubois", "Moreau", "Costa", "Ivanova", "Sokolov", "Nair", "Khan")
STAGES = tuple(StageInfo(n, 1) for n in ("nlp", "entities", "quotes", "dates", "places", "events"))
INFO = PipelineInfo(STAGES, "synthetic", "1.0")


def person(rng: random.Random) -> tuple[str, str, str]:
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}", rng.choice(COUNTRIES), rng.choice(SECTORS)


def article(n: int, rng: random.Random) -> ArticleResult:
    """One synthetic article of ten sentences, one event each."""
    day = f"{2019 + n % 6}-{1 + n % 12:02d}-{1 + n % 28:02d}"
    sentences, events, entities = [], [], []
    at = 0
    speaker, s_country, s_sector = person(rng)
    for i in range(EVENTS_PER_ARTICLE):
        actor, a_country, a_sector = person(rng)
        target = rng.choice(COUNTRIES)
        kind = rng.choice(TYPES)
        sentence = f"{actor} acted on {target} near town {n % 997} in report {n}-{i}. "
        trigger = Span(at + len(actor) + 1, at + len(actor) + 6, "acted")
        lat, lon = rng.uniform(-50, 60), rng.uniform(-120, 140)
        place = Place(f"p{n}-{i}", at, at + 4, sentence[:4], name=f"Town {n % 997}",
                      lat=round(lat, 3), lon=round(lon, 3), country=target, feature="city")
        events.append(Event(
            content_id(str(n), str(i)), kind, trigger, Span(at, at + len(sentence), sentence),
            sentence, mode=None,
            actor=(Actor(at, at + len(actor), actor, country=a_country, sector=a_sector,
                         code=a_country + (a_sector or ""), name=actor),),
            recipient=(Actor(at, at + 3, target, country=target, code=target),),
            date=day, event_loc=place))
        if i < 2:
            entities.append(Entity(f"e{i}", at, at + len(actor), actor, "PERSON", f"c{i}", actor,
                                   a_country, a_sector, code_source="dictionary"))
        sentences.append(sentence)
        at += len(sentence)
    text = "".join(sentences) + f"“We will not wait,” {speaker} said."
    start = text.index("We will")
    quote = Quote("q", "direct", Span(start, start + 16, "We will not wait"),
                  speaker=Span(text.rindex(speaker), text.rindex(speaker) + len(speaker), speaker),
                  speaker_name=speaker, speaker_country=s_country)
    first = events[0].event_loc
    return ArticleResult(
        article=Article(id=content_id(text), text=text, title=f"Report {n}", published=day,
                        source=f"synthetic/{n}.txt"),
        pipeline=INFO, entities=tuple(entities), quotes=(quote,),
        dates=(DateExpr("d", 0, 4, text[:4], value=day),), places=(first,), events=tuple(events))


def build(url: str, n_events: int) -> None:
    from eventscope.store import Store

    rng = random.Random(7)
    articles = n_events // EVENTS_PER_ARTICLE
    started = time.perf_counter()
    with Store.open(url) as store:
        have = store.stats().events
        if have >= n_events:
            print(f"store has {have:,} events already", file=sys.stderr)
            return
        for first in range(0, articles, 500):
            store.write([article(n, rng) for n in range(first, min(first + 500, articles))])
    print(f"built {n_events:,} events in {time.perf_counter() - started:.0f} s", file=sys.stderr)


def routes(sample_article: str) -> dict[str, str]:
    return {
        "api events": "/api/events",
        "api events type+country": "/api/events?type=ACCUSE&country=ARM",
        "api events actor name": "/api/events?actor=Marek",
        "api events text": "/api/events?text=town%2042",
        "api events from-to": "/api/events?from=2021-03&to=2021-04",
        "api events sort -date": "/api/events?sort=-date",
        "api events offset 50000": "/api/events?offset=50000",
        "api events limit 1000": "/api/events?limit=1000",
        "api quotes speaker": "/api/quotes?speaker=Novak",
        "api articles": "/api/articles",
        "api actors": "/api/actors",
        "api places": "/api/places?country=UKR",
        "api entities": "/api/entities?label=PERSON",
        "api article": f"/api/articles/{sample_article}",
        "api stats": "/api/stats",
        "page overview": "/",
        "page events": "/events?type=THREATEN",
        "page timeline": "/timeline",
        "page timeline dyads": "/timeline?by=dyad",
        "page map": "/map",
        "page network": "/network",
        "page actors": "/actors",
        "page actor": "/actors/Ivo%20Marek",
        "page articles": "/articles",
        "page article": f"/articles/{sample_article}",
    }


def serve_app(settings):
    """The service for ``settings`` in uvicorn on a free loopback port: (server, base URL, app)."""
    import uvicorn

    from eventscope.api import create_app

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    app = create_app(settings)
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="error"))
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    return server, f"http://127.0.0.1:{port}", app


def measure(base: str, paths: dict[str, str], requests: int) -> dict[str, dict]:
    import httpx

    times: dict[str, list[float]] = {name: [] for name in paths}
    statuses: dict[str, int] = {}
    with httpx.Client(base_url=base, timeout=120) as client:
        for name, path in paths.items():  # warm-up: caches, the world map, country names
            statuses[name] = client.get(path).status_code
        for _ in range(requests):
            for name, path in paths.items():
                started = time.perf_counter()
                response = client.get(path)
                times[name].append((time.perf_counter() - started) * 1000)
                statuses[name] = response.status_code
    report = {}
    for name, values in times.items():
        values.sort()
        p95 = values[min(len(values) - 1, max(0, round(0.95 * len(values)) - 1))]
        report[name] = {"path": paths[name], "status": statuses[name],
                        "median_ms": round(statistics.median(values), 1), "p95_ms": round(p95, 1),
                        "under_goal": p95 < GOAL_MS}
    return report


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", default=None, help="store URL (default: bench/results/api.db)")
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=20, help="timed requests per route")
    parser.add_argument("--only", default=None, help="routes whose name contains this text")
    args = parser.parse_args(argv)
    (HERE / "results").mkdir(exist_ok=True)
    url = args.db or f"sqlite:///{HERE / 'results' / f'api-{args.events}.db'}"
    build(url, args.events)
    from eventscope.settings import Settings

    server, base, app = serve_app(Settings(db_url=url))
    try:
        sample = app.state.store.article_ids()[0]
        chosen = {k: v for k, v in routes(sample).items() if not args.only or args.only in k}
        report = measure(base, chosen, args.requests)
    finally:
        server.should_exit = True
    stats = app.state.store.stats()
    out = {"database": stats.database, "events": stats.events, "articles": stats.articles,
           "requests_per_route": args.requests, "goal_p95_ms": GOAL_MS, "routes": report}
    import os

    out["load_average"] = os.getloadavg()
    (HERE / "results" / "api_latency.json").write_text(json.dumps(out, indent=2) + "\n")
    width = max(map(len, report))
    print(f"{stats.events:,} events, {stats.articles:,} articles; {args.requests} requests per route")
    print(f"{'route':{width}}  status  median ms  p95 ms  < {GOAL_MS} ms")
    for name, r in report.items():
        print(f"{name:{width}}  {r['status']:6}  {r['median_ms']:9.1f}  {r['p95_ms']:6.1f}  "
              f"{'yes' if r['under_goal'] else 'NO'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
