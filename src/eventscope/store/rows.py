"""The denormalised query columns stored next to each record's JSON."""
from __future__ import annotations

from typing import Any, Iterable, Optional

from eventscope.store.periods import period


def codes(values: Iterable[Optional[str]]) -> str:
    """``|ARM|AZE|``: matched portably with LIKE '%|ARM|%'."""
    present = [v for v in values if v]
    return "|" + "|".join(present) + "|" if present else ""


def _actors_text(actors) -> str:
    return " | ".join(" ".join(filter(None, (a.text, a.name, a.code))) for a in actors)


def record_columns(kind: str, record: Any, published: Optional[str] = None) -> dict[str, Any]:
    """Columns for ``record`` of stage output ``kind`` (entities, quotes, ...).

    An event's days are those its date covers, else its article's publication date.
    """
    if kind == "entities":
        return dict(id=record.id, start=record.start, end=record.end, label=record.label,
                    cluster=record.cluster, canonical=record.canonical, country=record.country)
    if kind == "quotes":
        speaker = record.speaker.text if record.speaker else None
        return dict(id=record.id, start=record.content.start, end=record.content.end,
                    kind=record.kind, speaker=speaker, speaker_name=record.speaker_name,
                    speaker_country=record.speaker_country, content=record.content.text)
    if kind == "dates":
        return dict(id=record.id, start=record.start, end=record.end, type=record.type,
                    value=record.value)
    if kind == "places":
        return dict(id=record.id, start=record.start, end=record.end, use=record.use,
                    name=record.name, geonameid=record.geonameid, country=record.country,
                    lat=record.lat, lon=record.lon)
    if kind == "events":
        days = period(record.date) or period(published) or (None, None)
        return dict(
            id=record.id, start=record.trigger.start, end=record.trigger.end,
            event_type=record.event_type, date=record.date, modality=record.modality,
            actors=_actors_text(record.actor), actor_countries=codes(a.country for a in record.actor),
            recipients=_actors_text(record.recipient),
            recipient_countries=codes(a.country for a in record.recipient),
            event_text=record.event_text, date_first=days[0], date_last=days[1],
            mode=record.mode, actor_sectors=codes(a.sector for a in record.actor),
            recipient_sectors=codes(a.sector for a in record.recipient),
        )
    return dict(id=getattr(record, "id", None))
