"""Query parameters: the CLI's filters, checked as the CLI checks them, plus paging, sorting and
the download format. A value the store could never match is a 400 naming the parameter."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, Optional

from fastapi import Query, Request

from eventscope.api.errors import ApiError
from eventscope.store import ActorFilter, ArticleFilter, EventFilter, QuoteFilter

TEXT = 200  # longest filter value, in characters
DEFAULT_PAGE = 50
Format = Literal["json", "csv", "jsonl"]


def _text(description: str, alias: Optional[str] = None):
    return Query(None, max_length=TEXT, description=description, alias=alias)


def _one_of(name: str, value: Optional[str], valid, normalise, what: str) -> Optional[str]:
    if value is None or value == "":
        return None
    value = normalise(value.strip())
    if value not in valid:
        raise ApiError(400, f"parameter {name!r}: {value[:40]!r} is not {what}; choose one of: "
                       f"{', '.join(sorted(valid))}", name)
    return value


def country(value: Optional[str], name: str = "country") -> Optional[str]:
    from eventscope.cli.choices import country_code

    if not value:
        return None
    code = country_code(value)
    if code is None:
        raise ApiError(400, f"parameter {name!r}: {value[:40]!r} is not a country: give an "
                       "ISO3 code (TUR), a country name (Turkey) or a demonym (Turkish)", name)
    return code


def event_type(value: Optional[str]) -> Optional[str]:
    from eventscope.cli.choices import event_types_and_modes

    return _one_of("type", value, event_types_and_modes()[0], str.upper, "a PLOVER event type")


def mode(value: Optional[str]) -> Optional[str]:
    from eventscope.cli.choices import event_types_and_modes

    return _one_of("mode", value, event_types_and_modes()[1], str.lower, "a PLOVER mode")


def sector(value: Optional[str]) -> Optional[str]:
    from eventscope.cli.choices import sectors

    return _one_of("sector", value, sectors(), str.upper, "a sector code")


def _blank(value: Optional[str]) -> Optional[str]:
    return value if value else None  # an empty form field filters nothing


def event_filter(
    actor: Optional[str] = _text("Actor name, text or code (substring)."),
    recipient: Optional[str] = _text("Recipient name, text or code (substring)."),
    country_: Optional[str] = _text("Actor or recipient country: ISO3, name or demonym.",
                                    "country"),
    type_: Optional[str] = _text("PLOVER event type, e.g. ACCUSE.", "type"),
    mode_: Optional[str] = _text("PLOVER mode, e.g. meet.", "mode"),
    sector_: Optional[str] = _text("Actor or recipient sector, e.g. GOV.", "sector"),
    date_from: Optional[str] = _text("Events on or after this day, month or year.", "from"),
    date_to: Optional[str] = _text("Events on or before this day, month or year.", "to"),
    text: Optional[str] = _text("Words of the event's text (substring)."),
) -> EventFilter:
    return EventFilter(actor=_blank(actor), recipient=_blank(recipient), country=country(country_),
                       type=event_type(type_), mode=mode(mode_), sector=sector(sector_),
                       date_from=_blank(date_from), date_to=_blank(date_to), text=_blank(text))


def quote_filter(
    speaker: Optional[str] = _text("Speaker name or text (substring)."),
    country_: Optional[str] = _text("Speaker country: ISO3, name or demonym.", "country"),
    date_from: Optional[str] = _text("Articles published on or after this date.", "from"),
    date_to: Optional[str] = _text("Articles published on or before this date.", "to"),
    text: Optional[str] = _text("Words of the quote (substring)."),
) -> QuoteFilter:
    return QuoteFilter(speaker=_blank(speaker), country=country(country_), text=_blank(text),
                       date_from=_blank(date_from), date_to=_blank(date_to))


def article_filter(
    date_from: Optional[str] = _text("Published on or after this date.", "from"),
    date_to: Optional[str] = _text("Published on or before this date.", "to"),
    text: Optional[str] = _text("Words of the title or text (substring)."),
) -> ArticleFilter:
    return ArticleFilter(text=_blank(text), date_from=_blank(date_from), date_to=_blank(date_to))


def actor_filter(
    name: Optional[str] = _text("Full name, surname or part of a name; titles ignored."),
    country_: Optional[str] = _text("Country: ISO3, name or demonym.", "country"),
    sector_: Optional[str] = _text("Sector code, e.g. GOV.", "sector"),
    source: Optional[str] = _text("Where the codes came from: description, dictionary, "
                                  "spelling or surname."),
    label: Optional[str] = _text("PERSON or ORG (default: both)."),
) -> ActorFilter:
    from eventscope.cli.choices import CODE_SOURCES

    return ActorFilter(name=_blank(name), country=country(country_), sector=sector(sector_),
                       source=_one_of("source", source, CODE_SOURCES, str.lower, "a code source"),
                       label=_one_of("label", label, {"PERSON", "ORG"}, str.upper,
                                     "an actor label"))


@dataclass(frozen=True)
class Paging:
    limit: Optional[int]  # None: every row (downloads only)
    offset: int
    sort: Optional[str]
    format: str


def paging(
    request: Request,
    limit: Optional[int] = Query(None, ge=1, description="Rows per page (JSON: default 50, "
                                 "at most the api_max_page setting; downloads: every row)."),
    offset: int = Query(0, ge=0, le=2**31, description="Rows to skip."),
    sort: Optional[str] = Query(None, max_length=40, description="Column to sort on; a leading "
                                "'-' sorts descending."),
    format_: Format = Query("json", alias="format", description="json (a page), csv or jsonl "
                            "(a download of every matching row)."),
) -> Paging:
    most = request.app.state.settings.api_max_page
    if limit is not None and limit > most:
        raise ApiError(400, f"parameter 'limit': {limit} is more than the {most} rows a page "
                       "may hold (setting api_max_page); page with offset", "limit")
    if limit is None and format_ == "json":
        limit = min(DEFAULT_PAGE, most)
    return Paging(limit, offset, _blank(sort), format_)
