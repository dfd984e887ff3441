"""Events inside a story: a happening with a date and a place.

Each article has one main event: its most salient resolved DATE (else its publication date)
and its main place. It joins the story's event whose date is within ``event_days`` and whose
place agrees; otherwise it founds a new event. Other dated expressions of the article that
fall within ``mention_days`` of another event of the story add the article to that event's
``mentioned_by``; this is checked both ways, so an article linked earlier is credited when a
later article founds the event it mentioned.
"""

from __future__ import annotations

from .features import ArticleFeatures, entity_key
from .state import EventData, LinkConfig, LinkState
from .stories import short_hash

TITLE_CHARS = 80


def _places_agree(ev: EventData, f: ArticleFeatures) -> bool:
    if ev.place is None or f.place is None:
        return True
    key = entity_key(ev.place)
    return key == entity_key(f.place) or key in f.where


def _event_title(f: ArticleFeatures) -> str:
    title = " ".join(f.title.split())
    if len(title) > TITLE_CHARS:
        title = title[: TITLE_CHARS - 1].rsplit(" ", 1)[0] + "…"
    if f.place and f.place.lower() not in title.lower():
        title = f"{title} ({f.place})"
    return title


def _dates_agree(ev: EventData, f: ArticleFeatures, days: int) -> bool:
    if ev.day is None or f.event_day is None:
        return ev.day is None and f.event_day is None
    return abs(ev.day - f.event_day) <= days


def events_by_story(state: LinkState) -> dict[str, list[EventData]]:
    out: dict[str, list[EventData]] = {}
    for ev in state.event_data.values():
        out.setdefault(ev.story, []).append(ev)
    return out


def assign_event(
    state: LinkState,
    story_id: str,
    f: ArticleFeatures,
    cfg: LinkConfig,
    index: dict[str, list[EventData]],
) -> str:
    """Put ``f``'s main event in ``story_id`` (joining or founding one); returns the event id.

    ``index`` maps story id -> its events (from ``events_by_story``) and is kept up to date.
    """
    events = index.setdefault(story_id, [])
    match = None
    for ev in sorted(events, key=lambda e: (len(e.articles) * -1, e.id)):
        if _dates_agree(ev, f, cfg.event_days) and _places_agree(ev, f):
            match = ev
            break
    if match is None:
        founder = state.story_data[story_id].founder
        key = f"{founder}|{f.event_value or ''}|{f.id}"
        match = EventData(
            id=short_hash("e-", key),
            story=story_id,
            founder=f.id,
            day=f.event_day,
            value=f.event_value,
            place=f.place,
            title=_event_title(f),
            articles=[],
        )
        state.event_data[match.id] = match
        events.append(match)
        _credit_earlier_mentions(state, story_id, match, cfg)
    match.articles.append(f.id)
    if f.id in match.mentioned_by:
        match.mentioned_by.remove(f.id)
    match.cites.extend(c for c in f.event_cites if c not in match.cites)
    if match.place is None and f.place is not None:
        match.place = f.place
    _credit_mentions(events, f, cfg)
    return match.id


def _credit_mentions(events: list[EventData], f: ArticleFeatures, cfg: LinkConfig) -> None:
    for ev in events:
        if ev.day is None or f.id in ev.articles:
            continue
        if any(abs(d - ev.day) <= cfg.mention_days for d, *_ in f.mentions):
            if f.id not in ev.mentioned_by:
                ev.mentioned_by.append(f.id)


def _credit_earlier_mentions(
    state: LinkState, story_id: str, ev: EventData, cfg: LinkConfig
) -> None:
    if ev.day is None:
        return
    for aid in state.story_data[story_id].articles:
        other = state.features[aid]
        if aid == ev.founder or aid in ev.mentioned_by:
            continue
        if any(abs(d - ev.day) <= cfg.mention_days for d, *_ in other.mentions):
            ev.mentioned_by.append(aid)
