"""Events inside a story: a happening with a date.

Each article has one main event: the resolved date its lead is about (else its publication
date). It joins the story's event that its headline and opening are most like (IDF-weighted
cosine of their terms), provided the dates allow it: the same day needs little likeness,
dates ``event_days`` apart more, and an unknown date on either side is decided by likeness
alone; dates further apart join only when the wording is near-identical. Likeness is measured
on openings centred on the story's mean; because that is noise in a small story, an article a
day away, or dated by its publication soon after the event, also joins when the plain
likeness is high. An event's date is the most common main date of its articles (so one
outlet's wrong date does not move it). Other dated expressions of the article that fall
within ``mention_days`` of another event of the story add the article to that event's
``mentioned_by``; this is checked both ways, so an article linked earlier is credited when a
later article founds the event it mentioned.

Dates can disagree: two reports that match on what happened, where and to whom are one
happening even when they give days up to ``SAME_HAPPENING_DAYS`` apart. The opening is split
in two: the words of names (places, people, organisations) and the rest. The rest says what
happened and must be alike; the names say where and to whom and must be alike too, with a
salient place in common (or, when neither names a place, a salient person or organisation
in common) and no salient people or organisations on both sides without one in common. (The
disagreement is then a conflict inside the one event, for the brief to show.)
"""

from __future__ import annotations

import logging
import math
from collections import Counter
from collections.abc import Mapping

from ..config import LinkConfig
from ..records import short_hash
from .data import EventData
from .features import ArticleFeatures, day_iso, terms, title_order
from .state import LinkState
from .stories import dot, unit, unit_tfidf

log = logging.getLogger(__name__)

TITLE_CHARS = 80
STORY_MEAN_ARTICLES = 50  # recent story articles that define the story's common words
EVENT_ARTICLES = 20  # recent articles of an event compared with a new one
# the same happening dated differently (see docs/linking.md for how these were chosen): main
# dates at most this many days apart, the openings' likeness without names (what happened)
# and on names only (where, to whom) at least these
SAME_HAPPENING_DAYS = 4
SAME_HAPPENING_WHAT = 0.3
SAME_HAPPENING_NAMES = 0.5


def _event_title(f: ArticleFeatures) -> str:
    title = " ".join(f.title.split())
    if len(title) > TITLE_CHARS:
        title = title[: TITLE_CHARS - 1].rsplit(" ", 1)[0] + "…"
    if f.place and f.place.lower() not in title.lower():
        title = f"{title} ({f.place})"
    return title


class _Openings:
    """Headline+opening vectors of a story's articles, centred on the story's mean so the
    words every article of the story shares (the fire, the company) do not make two events
    alike; what is left is what each article is about."""

    def __init__(self, state: LinkState, story_id: str, f: ArticleFeatures, cfg: LinkConfig):
        self.state = state
        feats = state.features
        members = [a for a in state.story_data[story_id].articles if a != f.id and a in feats]
        members = members[-STORY_MEAN_ARTICLES:] + [f.id]
        # IDF-weighted openings at this moment (the corpus statistics change with every
        # article, so they are not kept from one article to the next)
        self.raw = {aid: unit_tfidf(state, feats[aid].lead) for aid in members}
        k = len(members)
        mean: dict[str, float] = {}
        for aid in members:
            for t, v in self.raw[aid].items():
                mean[t] = mean.get(t, 0) + v / k
        self.mean = mean
        self.alpha = cfg.event_centring
        self.memo: dict[str, dict[str, float]] = {}

    def vec(self, aid: str) -> dict[str, float]:
        v = self.memo.get(aid)
        if v is None:
            raw = self.raw_vec(aid)
            mean, alpha = self.mean, self.alpha
            v = unit({t: x - alpha * mean.get(t, 0.0) for t, x in raw.items()})
            self.memo[aid] = v
        return v

    def raw_vec(self, aid: str) -> dict[str, float]:
        raw = self.raw.get(aid)
        if raw is None:
            raw = self.raw[aid] = unit_tfidf(self.state, self.state.features[aid].lead)
        return raw

    def likeness(self, f: ArticleFeatures, ev: EventData, centred: bool = True) -> float:
        """Cosine between ``f``'s opening and the sum of the event's articles', centred on the
        story's mean opening (or plain: ``centred=False``)."""
        vec = self.vec if centred else self.raw_vec
        mass: dict[str, float] = {}
        for aid in ev.articles[-EVENT_ARTICLES:]:
            for t, v in vec(aid).items():
                mass[t] = mass.get(t, 0) + v
        norm = math.sqrt(sum(v * v for v in mass.values())) or 1.0
        return dot(vec(f.id), mass) / norm

    def split_likeness(self, f: ArticleFeatures, ev: EventData) -> tuple[float, float]:
        """Plain likeness of ``f``'s opening to the event's articles' (as ``likeness``), once
        on the words that are not part of a name (what happened) and once on the words of
        names only (where and to whom). A word is a name's when it is in a canonical entity
        name of ``f`` or of one of the event's articles."""
        feats = self.state.features
        members = [feats[a] for a in ev.articles[-EVENT_ARTICLES:]]
        names = _name_words(f).union(*map(_name_words, members))

        def halves(x: ArticleFeatures) -> tuple[dict[str, float], dict[str, float]]:
            what = {t: v for t, v in x.lead.items() if t not in names}
            named = {t: v for t, v in x.lead.items() if t in names}
            return unit_tfidf(self.state, what), unit_tfidf(self.state, named)

        what_mass: dict[str, float] = {}
        name_mass: dict[str, float] = {}
        for m in members:
            for part, mass in zip(halves(m), (what_mass, name_mass), strict=True):
                for t, v in part.items():
                    mass[t] = mass.get(t, 0) + v
        what, named = halves(f)
        return (dot(what, what_mass) / (_norm(what_mass) or 1.0),
                dot(named, name_mass) / (_norm(name_mass) or 1.0))


def _norm(vec: Mapping[str, float]) -> float:
    return math.sqrt(sum(v * v for v in vec.values()))


def _name_words(f: ArticleFeatures) -> set[str]:
    """The terms of the article's entity names (its ``@name`` terms split into words)."""
    return {t for k in f.tf if k.startswith("@") for t in terms(k[1:])}


def _needed(ev: EventData, f: ArticleFeatures, cfg: LinkConfig) -> float:
    """Likeness ``f`` needs to join ``ev`` given their dates."""
    if ev.day is None or f.event_day is None:
        return cfg.event_undated
    gap = abs(ev.day - f.event_day)
    if gap == 0:
        return cfg.event_same_day
    if gap <= cfg.event_days:
        return cfg.event_near
    if not f.event_cites:  # its only date is its publication: a later report on this event?
        return cfg.event_report
    return cfg.event_far


def _plain_needed(ev: EventData, f: ArticleFeatures, cfg: LinkConfig) -> float | None:
    """Plain (uncentred) likeness that also lets ``f`` join ``ev``: a day apart, or a report
    dated by its publication soon after the event; None when only the centred one counts."""
    if ev.day is None or f.event_day is None:
        return None
    gap = f.event_day - ev.day
    if 0 < abs(gap) <= cfg.event_days:
        return cfg.event_plain_near
    if not f.event_cites and 0 < gap <= cfg.event_report_days:
        return cfg.event_plain_report
    return None


def _same_happening(openings: _Openings, f: ArticleFeatures, ev: EventData) -> bool:
    """``f`` and ``ev`` match on what happened, where and to whom, their dates a few days
    apart: one happening that the reports date differently."""
    if ev.day is None or f.event_day is None:
        return False
    if not 0 < abs(f.event_day - ev.day) <= SAME_HAPPENING_DAYS:
        return False
    feats = openings.state.features
    members = [feats[a] for a in ev.articles[-EVENT_ARTICLES:]]
    placeless = not f.where and not any(m.where for m in members)
    if not placeless and not _shares(f.where, members, "where"):
        return False  # no salient place in common, or only one side names one
    if placeless and not _shares(f.who, members, "who"):
        return False  # (a company's statement happens nowhere: its who must be shared)
    if f.who and not _shares(f.who, members, "who") and any(m.who for m in members):
        return False  # both name their people and organisations, and none in common
    what, names = openings.split_likeness(f, ev)
    log.debug("%s vs event %s (%s): what %.3f, names %.3f", f.id, ev.id, ev.value, what, names)
    return what >= SAME_HAPPENING_WHAT and names >= SAME_HAPPENING_NAMES


def _shares(keys: list[str], members: list[ArticleFeatures], attr: str) -> bool:
    """Whether any of ``keys`` is a salient ``where``/``who`` of one of ``members``."""
    return any(k in getattr(m, attr) for m in members for k in keys)


def assign_event(
    state: LinkState,
    story_id: str,
    f: ArticleFeatures,
    cfg: LinkConfig,
    index: dict[str, list[EventData]],
) -> str:
    """Put ``f``'s main event in ``story_id`` (joining or founding one); returns the event id.

    ``index`` maps story id -> its events (the linker's, ``WorkingSet.events``) and is kept
    up to date.
    """
    events = index.setdefault(story_id, [])
    best: tuple[float, int, str] | None = None
    match = None
    openings = _Openings(state, story_id, f, cfg) if events else None
    feats = state.features
    for ev in events:
        assert openings is not None
        if ev.articles[0] not in feats:
            continue  # an archived event is closed (its articles' openings are gone)
        like = openings.likeness(f, ev)
        log.debug("%s vs event %s (%s): likeness %.3f", f.id, ev.id, ev.value, like)
        if like < _needed(ev, f, cfg):
            plain = _plain_needed(ev, f, cfg)
            if (plain is None or openings.likeness(f, ev, centred=False) < plain) \
                    and not _same_happening(openings, f, ev):
                continue
        key = (-like, -len(ev.articles), ev.id)
        if best is None or key < best:
            best, match = key, ev
    if match is None:
        founder = state.story_data[story_id].founder
        match = EventData(
            id=short_hash("e-", f"{founder}|{f.event_value or ''}|{f.id}"),
            story=story_id,
            founder=f.id,
            day=f.event_day,
            value=f.event_value,
            place=f.place,
            title=_event_title(f),
            articles=[],
        )
        state.add_event(match)
        events.append(match)
    match.articles.append(f.id)
    opener = state.features.get(match.founder)
    if opener is not None and opener.title_voiced:
        # a column's first-person line stands for the event only until a report gives better
        titled = min((state.features[a] for a in match.articles if a in state.features),
                     key=title_order)
        match.title = _event_title(titled)
    if f.id in match.mentioned_by:
        match.mentioned_by.remove(f.id)
    old_day = match.day
    _settle_date(state, match)
    if match.place is None and f.place is not None:
        match.place = f.place
    if match.day != old_day or len(match.articles) == 1:
        _credit_earlier_mentions(state, story_id, match, cfg)
    _credit_mentions(events, f, cfg)
    return match.id


def fold_events(state: LinkState, story_id: str, moved: list[str], cfg: LinkConfig,
                index: dict[str, list[EventData]]) -> None:
    """After two stories merged: each event the merged-away story brought (``moved``) joins
    the survivor's event that is the same happening (main dates within ``event_days``, or
    either undated), else stays an event of its own. Archived events are closed."""
    events = state.own_events(story_id, index)
    moved_set = set(moved)
    feats = state.features
    kept = [e for e in events if e.id not in moved_set]
    for ev in [e for e in events if e.id in moved_set]:
        live = ev.articles[0] in feats
        target = next((k for k in kept if live and k.articles[0] in feats and (
            k.day is None or ev.day is None or abs(k.day - ev.day) <= cfg.event_days)), None)
        if target is None:
            kept.append(ev)
            continue
        target.articles.extend(ev.articles)
        target.mentioned_by = [a for a in dict.fromkeys(target.mentioned_by + ev.mentioned_by)
                               if a not in target.articles]
        target.place = target.place or ev.place
        state.remove_event(ev.id)
        _settle_date(state, target)
        log.debug("event %s folded into %s", ev.id, target.id)
    events[:] = kept


def _settle_date(state: LinkState, ev: EventData) -> None:
    """The event's date: the most common main date of its articles (earliest member on ties),
    cited by every article that gives it."""
    feats = [state.features[a] for a in ev.articles]
    written = [f for f in feats if f.event_cites]  # dates the texts give beat publication days
    feats = written or feats
    days = Counter(f.event_day for f in feats if f.event_day is not None)
    if not days:
        ev.day, ev.value, ev.cites = None, None, []
        return
    top = max(days.values())
    ev.day = next(f.event_day for f in feats if f.event_day is not None
                  and days[f.event_day] == top)
    ev.value = day_iso(ev.day)
    ev.cites = [c for f in feats if f.event_day == ev.day for c in f.event_cites]
    ev.mentioned_by = [a for a in ev.mentioned_by if a not in ev.articles]


def _credit_mentions(events: list[EventData], f: ArticleFeatures, cfg: LinkConfig) -> None:
    for ev in events:
        if ev.day is None or f.id in ev.articles:
            continue
        if _mentions(f, ev.day, cfg):
            if f.id not in ev.mentioned_by:
                ev.mentioned_by.append(f.id)


def _credit_earlier_mentions(
    state: LinkState, story_id: str, ev: EventData, cfg: LinkConfig
) -> None:
    if ev.day is None:
        return
    feats = state.features
    for aid in state.story_data[story_id].articles:
        other = feats.get(aid)
        if other is None or aid in ev.articles or aid in ev.mentioned_by:
            continue
        if _mentions(other, ev.day, cfg):
            ev.mentioned_by.append(aid)


def _mentions(f: ArticleFeatures, day: int, cfg: LinkConfig) -> bool:
    """``f`` names ``day`` (within ``mention_days``), or a past month/week holding it."""
    if any(abs(m.day - day) <= cfg.mention_days for m in f.mentions):
        return True
    own = f.event_day if f.event_day is not None else f.pub_day
    return any(p.first <= day <= p.last and (own is None or day <= own) for p in f.periods)
