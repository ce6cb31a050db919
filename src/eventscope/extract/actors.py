"""Actor dictionary: names, capitals and demonyms to country and sector codes. (stub)"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Optional


@dataclass(frozen=True)
class ActorCode:
    country: Optional[str]
    sector: Optional[str] = None
    name: Optional[str] = None

    @property
    def code(self) -> Optional[str]:
        return (self.country or "") + (self.sector or "") or None


class ActorDictionary:
    @classmethod
    def load(cls, paths: Iterable[str] = ()) -> "ActorDictionary":
        return cls()

    def lookup(self, text: str) -> Optional[ActorCode]:
        return None
