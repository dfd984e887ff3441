"""The link state's saved records: a story's bookkeeping (``StoryData``), an event
(``EventData``) and what an archived story keeps of its articles (``StorySummary``).

Plain data that round-trips through JSON; ``LinkState`` (``link.state``) holds them and the
store keeps them as rows (``link.saved``). Nothing here is derived or cached.
"""

from __future__ import annotations

from array import array
from dataclasses import dataclass, field
from sys import intern
from typing import Any

from .features import DateCite


@dataclass(slots=True)
class StorySummary:
    """What an archived story keeps of its articles once their features are dropped: a
    fixed-size digest the linker scores a late article against (see ``link.archive``).
    Compact, since one is kept per archived story for good: interned strings in tuples,
    numbers in arrays (about 4 KB besides the strings; a dict of 100 terms alone takes 7)."""

    articles: int  # how many articles it stands for
    terms: tuple[str, ...]  # heaviest centroid terms, heaviest first ...
    weights: array[float]  # ... and their masses (summed unit vectors), ``array("d")``
    who: dict[str, int]  # most frequent salient people/organisations -> count
    where: dict[str, int]
    names: tuple[str, ...]  # entity keys mentioned (bounded)
    years: tuple[int, ...]
    days: array[int]  # distinct article dates (the latest ones, bounded), ``array("l")``
    last_day: int  # latest publication day
    anchor: str  # the article whose position indexes the summary (the story's founder)
    lead_places: tuple[str, ...] = ()  # places its articles led with

    @classmethod
    def make(cls, articles: int, terms: dict[str, float], who: dict[str, int],
             where: dict[str, int], names: list[str], years: list[int], days: list[int],
             last_day: int, anchor: str, lead_places: list[str]) -> StorySummary:
        return cls(articles, tuple(map(intern, terms)), array("d", terms.values()),
                   {intern(k): v for k, v in who.items()},
                   {intern(k): v for k, v in where.items()}, tuple(map(intern, names)),
                   tuple(years), array("l", days), last_day, anchor,
                   tuple(map(intern, lead_places)))

    def items(self) -> zip[tuple[str, float]]:
        """(term, mass) pairs, heaviest first."""
        return zip(self.terms, self.weights, strict=True)

    def to_json(self) -> dict[str, Any]:
        return {"articles": self.articles, "terms": dict(self.items()), "who": self.who,
                "where": self.where, "names": list(self.names), "years": list(self.years),
                "days": list(self.days), "last_day": self.last_day, "anchor": self.anchor,
                "lead_places": list(self.lead_places)}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> StorySummary:
        return cls.make(int(data["articles"]),
                        {str(k): float(v) for k, v in data["terms"].items()},
                        {k: int(v) for k, v in data["who"].items()},
                        {k: int(v) for k, v in data["where"].items()},
                        [str(n) for n in data["names"]],
                        [int(y) for y in data["years"]], [int(d) for d in data["days"]],
                        int(data["last_day"]), str(data["anchor"]),
                        [str(p) for p in data.get("lead_places", [])])


@dataclass(slots=True)
class StoryData:
    """Mutable bookkeeping of one story while linking (serialised inside ``LinkState``)."""

    id: str
    founder: str
    articles: list[str]
    aliases: list[str] = field(default_factory=list)
    summaries: list[StorySummary] = field(default_factory=list)  # archived members, if any
    title: str | None = None  # kept when the founder's features are archived


@dataclass(slots=True)
class EventData:
    id: str
    story: str
    founder: str
    day: int | None
    value: str | None
    place: str | None
    title: str
    articles: list[str]
    mentioned_by: list[str] = field(default_factory=list)
    cites: list[DateCite] = field(default_factory=list)  # where its articles give its date

    def to_json(self) -> dict[str, Any]:
        """Plain JSON data (the cites as ``[article, start, end]`` lists)."""
        out = {f: getattr(self, f) for f in EventData.__slots__}
        out["cites"] = [list(c) for c in self.cites]
        return out

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> EventData:
        return cls(**{**data, "cites": [DateCite._make(c) for c in data.get("cites", ())]})
