"""The JSON API under ``/api``: listings with filters, paging, sorting and downloads; one
article whole; statistics; and the token-guarded ingest upload (see :mod:`eventscope.api.ingest`).
"""
from __future__ import annotations

from typing import Any, Optional

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel

from eventscope.api import listing, params
from eventscope.api.downloads import download
from eventscope.api.errors import ERROR_RESPONSES, ApiError
from eventscope.records import to_json
from eventscope.store import ActorFilter

router = APIRouter(prefix="/api", responses=ERROR_RESPONSES)


class Page(BaseModel):
    rows: list[dict[str, Any]]
    total: int
    limit: int
    offset: int
    next: Optional[str] = None


# a listing answers JSON, or a download with format=csv or format=jsonl
LISTING = {200: {"description": "a page of rows, or every row as CSV or JSON Lines",
                 "content": {"text/csv": {"schema": {"type": "string"}},
                             "application/x-ndjson": {"schema": {"type": "string"}}}}}


def store_of(request: Request):
    return request.app.state.store


def _next(request: Request, total: int, paging: params.Paging) -> Optional[str]:
    if paging.offset + paging.limit >= total:
        return None
    return str(request.url.include_query_params(offset=paging.offset + paging.limit))


def listed(request: Request, name: str, f, paging: params.Paging):
    """A page of resource ``name`` as JSON, or every matching row as a download."""
    resource = listing.RESOURCES[name]
    engine = store_of(request).engine
    if paging.format != "json":
        make_row = resource.flat if paging.format == "csv" else resource.row
        rows = listing.stream(engine, resource, f, paging.sort, paging.limit, paging.offset,
                              make_row)
        return download(rows, paging.format, name, resource.columns)
    total, rows = listing.page(engine, resource, f, paging.sort, paging.limit, paging.offset,
                               request.app.state.cache)
    return JSONResponse({"rows": rows, "total": total, "limit": paging.limit,
                         "offset": paging.offset, "next": _next(request, total, paging)})


@router.get("/events", response_model=Page, responses=LISTING, summary="Stored events, filtered")
def list_events(request: Request, f=Depends(params.event_filter), paging=Depends(params.paging)):
    return listed(request, "events", f, paging)


@router.get("/quotes", response_model=Page, responses=LISTING, summary="Stored quotes with their speakers")
def list_quotes(request: Request, f=Depends(params.quote_filter), paging=Depends(params.paging)):
    return listed(request, "quotes", f, paging)


@router.get("/articles", response_model=Page, responses=LISTING, summary="Stored articles")
def list_articles(request: Request, f=Depends(params.article_filter),
                  paging=Depends(params.paging)):
    return listed(request, "articles", f, paging)


@router.get("/places", response_model=Page, responses=LISTING, summary="Place mentions with their coordinates")
def list_places(
    request: Request, paging=Depends(params.paging),
    name: Optional[str] = params._text("Gazetteer name (substring)."),
    country: Optional[str] = params._text("Country: ISO3, name or demonym."),
    use: Optional[str] = Query(None, pattern="^(literal|metonymic|demonym|unknown)$",
                               description="literal, metonymic, demonym or unknown."),
):
    f = listing.PlaceFilter(name=name or None, country=params.country(country), use=use)
    return listed(request, "places", f, paging)


@router.get("/entities", response_model=Page, responses=LISTING, summary="Named entity mentions")
def list_entities(
    request: Request, paging=Depends(params.paging),
    text: Optional[str] = params._text("Canonical name (substring)."),
    label: Optional[str] = Query(None, pattern="^[A-Z_]{1,20}$", description="PERSON, ORG, GPE..."),
    country: Optional[str] = params._text("Country: ISO3, name or demonym."),
):
    f = listing.EntityFilter(text=text or None, label=label, country=params.country(country))
    return listed(request, "entities", f, paging)


ACTOR_COLUMNS = ("name", "label", "country", "sector", "code", "source", "evidence", "mentions",
                 "articles", "first", "last", "example_article", "example_span",
                 "example_published")


def actor_json(row) -> dict:
    data = to_json(row)
    data["example_span"] = list(row.example_span)
    return data


@router.get("/actors", response_model=Page, responses=LISTING, summary="People and organisations, with codes")
def list_actors(request: Request, f: ActorFilter = Depends(params.actor_filter),
                paging=Depends(params.paging)):
    if paging.sort:
        raise ApiError(400, "parameter 'sort': actors come most articles first and cannot be "
                       "sorted otherwise", "sort")
    rows = request.app.state.cache.get(("actors", f), lambda: store_of(request).actors(f))
    total = len(rows)
    end = None if paging.limit is None else paging.offset + paging.limit
    chosen = [actor_json(r) for r in rows[paging.offset:end]]
    if paging.format != "json":
        flat = ({**r, "example_span": "%d-%d" % tuple(r["example_span"])} for r in chosen)
        return download(flat if paging.format == "csv" else iter(chosen), paging.format,
                        "actors", ACTOR_COLUMNS)
    return JSONResponse({"rows": chosen, "total": total, "limit": paging.limit,
                         "offset": paging.offset, "next": _next(request, total, paging)})


@router.get("/articles/{article_id}", summary="One article with every record, as stored")
def get_article(request: Request,
                article_id: str = Path(..., max_length=64, pattern="^[0-9A-Za-z_-]+$")):
    result = store_of(request).get(article_id)
    if result is None:
        raise ApiError(404, f"no article {article_id!r} in the store", "article_id")
    return JSONResponse(to_json(result))


@router.get("/stats", summary="Counts of what the store holds")
def get_stats(request: Request):
    stats = request.app.state.cache.get("stats", lambda: store_of(request).stats())
    return JSONResponse(to_json(stats))
