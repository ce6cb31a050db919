"""Dashboard pages. Each page is one function giving the data its template shows; the same data
is its JSON twin at the page's path plus ``.json`` (``/timeline`` and ``/timeline.json``).
Templates autoescape everything; no page runs a script.
"""
from __future__ import annotations

from dataclasses import asdict, is_dataclass
from importlib import resources
from typing import Callable, Optional
from urllib.parse import quote

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import JSONResponse
from fastapi.templating import Jinja2Templates

from eventscope.api import aggregates, listing, params
from eventscope.api.errors import ApiError
from eventscope.api.routes import actor_json
from eventscope.records import to_json
from eventscope.web import charts
from eventscope.web.highlight import marked, segments

TEMPLATES = Jinja2Templates(directory=str(resources.files("eventscope.web") / "templates"))
# a value as one URL path segment or query value: "/" and "&" encoded too
TEMPLATES.env.filters["segment"] = lambda value: quote(str(value), safe="")
router = APIRouter(include_in_schema=False)
PAGE = 50
ID = Path(..., max_length=64, pattern="^[0-9A-Za-z_-]+$")


def _plain(value):
    """Dataclasses as dicts, recursively, for the JSON twin."""
    if is_dataclass(value):
        return {k: _plain(v) for k, v in asdict(value).items()}
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def _render(request: Request, template: str, data: dict, as_json: bool, **view):
    if as_json:
        return JSONResponse(_plain(data))
    return TEMPLATES.TemplateResponse(request, template, {"data": data, "query": dict(
        request.query_params), "path": quote(request.url.path), **view})


def twin(path: str, template: str):
    """Register ``fn(request, ...) -> (data, view)`` at ``path`` (HTML) and ``path.json``."""
    def register(fn: Callable):
        def html(request: Request, data_view=Depends(fn)):
            data, view = data_view
            return _render(request, template, data, False, **view)

        def json_twin(request: Request, data_view=Depends(fn)):
            return _render(request, template, data_view[0], True)

        suffix = path.rstrip("/") or "/index"
        router.add_api_route(f"{suffix}.json", json_twin, methods=["GET"])
        router.add_api_route(path, html, methods=["GET"])
        return fn
    return register


def _pages(request: Request, total: int, offset: int, limit: int) -> dict:
    url = request.url
    return {"total": total, "offset": offset, "limit": limit,
            "previous": str(url.include_query_params(offset=max(0, offset - limit)))
            if offset else None,
            "next": str(url.include_query_params(offset=offset + limit))
            if offset + limit < total else None,
            "csv": str(url.replace(path=_api(url.path)).include_query_params(format="csv")),
            "jsonl": str(url.replace(path=_api(url.path)).include_query_params(format="jsonl"))}


def _api(path: str) -> str:
    return "/api" + path.removesuffix(".json")


def _store(request: Request):
    return request.app.state.store


def _kept(request: Request, key, compute):
    """``compute()``, kept until the store changes (see eventscope.api.cache)."""
    return request.app.state.cache.get(key, compute)


def _offset(offset: int = Query(0, ge=0, le=2**31)) -> int:
    return offset


@twin("/", "index.html")
def index(request: Request):
    stats = _kept(request, "stats", lambda: _store(request).stats())
    return {"stats": to_json(stats)}, {}


@twin("/events", "events.html")
def events_page(request: Request, f=Depends(params.event_filter), offset: int = Depends(_offset)):
    total, rows = listing.page(_store(request).engine, listing.RESOURCES["events"], f, None,
                               PAGE, offset, request.app.state.cache)
    return {"rows": rows, "total": total, "offset": offset}, {
        "pages": _pages(request, total, offset, PAGE)}


@twin("/timeline", "timeline.html")
def timeline_page(request: Request, f=Depends(params.event_filter),
                  by: str = Query("type", pattern="^(type|dyad)$")):
    line = _kept(request, ("timeline", f, by),
                 lambda: aggregates.timeline(_store(request).engine, f, by))
    return {"timeline": line}, {"chart": charts.stacked(line.months, line.series)}


@twin("/map", "map.html")
def map_page(request: Request, f=Depends(params.event_filter)):
    points = _kept(request, ("map", f),
                   lambda: aggregates.event_locations(_store(request).engine, f))
    most = max((p.events for p in points), default=1)
    dots = [(*charts.project(p.lat, p.lon), round(2 + 8 * (p.events / most) ** 0.5, 1), p)
            for p in points]
    return {"points": points}, {"world": charts.world(), "dots": dots,
                                "width": charts.MAP_W, "height": charts.MAP_H}


@twin("/network", "network.html")
def network_page(request: Request, f=Depends(params.event_filter)):
    net = _kept(request, ("network", f), lambda: aggregates.network(_store(request).engine, f))
    most = max((e.events for e in net.edges), default=1)
    return {"network": net}, {"layout": charts.circle_layout(net.nodes), "most": most}


@twin("/actors", "actors.html")
def actors_page(request: Request, f=Depends(params.actor_filter), offset: int = Depends(_offset)):
    rows = _kept(request, ("actors", f), lambda: _store(request).actors(f))
    chosen = [actor_json(r) for r in rows[offset:offset + PAGE]]
    return {"rows": chosen, "total": len(rows), "offset": offset}, {
        "pages": _pages(request, len(rows), offset, PAGE)}


@twin("/actors/{name}", "actor.html")
def actor_page(request: Request, name: str = Path(..., min_length=1, max_length=200)):
    profile = _kept(request, ("actor", name),
                    lambda: aggregates.actor_profile(_store(request), name))
    if not profile.rows and not profile.statements and not profile.events_by_type:
        raise ApiError(404, f"no actor named {name[:80]!r} in the store", "name")
    data = {"name": name, "codes": [actor_json(r) for r in profile.rows],
            "spellings": profile.spellings, "statements_by_month": profile.statements_by_month,
            "statements": [{"article_id": q.article_id, "published": q.published,
                            "quote": to_json(q.quote)} for q in profile.statements],
            "events_by_type": profile.events_by_type}
    months = list(profile.statements_by_month)
    return data, {"chart": charts.stacked(months, {"statements": [
        profile.statements_by_month[m] for m in months]}, height=120)}


@twin("/articles", "articles.html")
def articles_page(request: Request, f=Depends(params.article_filter),
                  offset: int = Depends(_offset)):
    total, rows = listing.page(_store(request).engine, listing.RESOURCES["articles"], f, None,
                               PAGE, offset, request.app.state.cache)
    return {"rows": rows, "total": total, "offset": offset}, {
        "pages": _pages(request, total, offset, PAGE)}


@twin("/articles/{article_id}", "article.html")
def article_page(request: Request, article_id: str = ID):
    result = _store(request).get(article_id)
    if result is None:
        raise ApiError(404, f"no article {article_id!r} in the store", "article_id")
    spans = marked(result)
    return {"result": to_json(result), "spans": spans}, {
        "segments": segments(result.article.text, spans)}


def render_error(request: Request, error: ApiError) -> Optional[object]:
    """A page's error as HTML; None for the API, JSON twins, the spec and static files."""
    path = request.url.path
    if path.startswith(("/api/", "/static/")) or path.endswith(".json"):
        return None
    return TEMPLATES.TemplateResponse(request, "error.html", {"error": error, "path": quote(path),
                                                              "query": {}},
                                      status_code=error.status)
