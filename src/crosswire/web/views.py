"""Pages and their JSON twins: ``/``, ``/stories/<id>``, ``/articles/<id>`` (+ ``.json``)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from typing import Any
from urllib.parse import urlsplit

from flask import (
    Blueprint,
    Response,
    abort,
    current_app,
    jsonify,
    redirect,
    render_template,
    request,
    url_for,
)

from ..brief.statements import range_words
from ..brief.when import resolved_words, when_words
from ..errors import NotFoundError
from ..records import shown_extraction, to_dict
from ..render.html import Reader
from ..store.duckdb import DuckDBStore
from .highlight import anchor_id, article_marks, entity_words, highlight

views = Blueprint("views", __name__)

# ids are content hashes or ids given in JSON Lines input: no slashes, no "..", no spaces
ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.:@-]{0,199}$")
MAX_QUERY = 200


def open_store() -> DuckDBStore:
    """A read-only store for this request (raises NotFoundError when the file is missing)."""
    return DuckDBStore(current_app.config["CROSSWIRE_STORE"], read_only=True,
                       busy_timeout=current_app.config["CROSSWIRE_BUSY_TIMEOUT"])


def check_id(value: str) -> str:
    if not ID_RE.match(value) or ".." in value:
        abort(404)
    return value


def safe_url(url: Any) -> str | None:
    """``url`` when it is plain http(s), else None (never link ``javascript:`` and friends)."""
    if not isinstance(url, str):
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    return url.strip() if parts.scheme in ("http", "https") and parts.netloc else None


@views.app_template_filter("num_range")
def _range_filter(item: Mapping[str, Any]) -> str:
    return range_words(item.get("low"), item.get("high"))


@views.app_template_filter("safe_url")
def _safe_url_filter(url: Any) -> str | None:
    return safe_url(url)


@views.app_template_filter("when")
def _when_filter(value: Any) -> str:
    """An ISO date or TIMEX value in words ("Tuesday 4 March 2025"), never the code."""
    return when_words(value)


@views.app_template_filter("entity_words")
def _entity_filter(label: Any) -> str:
    return entity_words(label)


@views.app_template_filter("resolved")
def _resolved_filter(value: Any, text: str = "") -> str:
    return resolved_words(text, value)


def search_query() -> str:
    return (request.args.get("q") or "").strip()[:MAX_QUERY]


def list_stories(query: str) -> tuple[list[dict[str, Any]], str | None]:
    """Story rows and, when there is no store yet, a note saying how to make one."""
    try:
        store = open_store()
    except NotFoundError as err:
        return [], str(err)
    return store.stories(query or None), None


@views.get("/favicon.ico")
def favicon() -> Response:
    """Browsers ask for it whatever the page says; answer with the SVG icon."""
    return current_app.send_static_file("favicon.svg")


# -- story list ----------------------------------------------------------------------
@views.get("/")
def index() -> str:
    query = search_query()
    rows, note = list_stories(query)
    return render_template("index.html", stories=rows, query=query, note=note)


@views.get("/stories.json")
def index_json() -> Response:
    query = search_query()
    rows, note = list_stories(query)
    return jsonify({"ok": True, "query": query or None, "stories": rows, "note": note})


# -- one story -----------------------------------------------------------------------
def iter_citations(data: Any) -> Iterator[dict[str, Any]]:
    """Every ``{"article", "start", "end"}`` dict anywhere inside ``data``."""
    if isinstance(data, dict):
        if isinstance(data.get("article"), str) and isinstance(data.get("start"), int) \
                and isinstance(data.get("end"), int):
            yield data
        for value in data.values():
            yield from iter_citations(value)
    elif isinstance(data, list):
        for value in data:
            yield from iter_citations(value)


def load_articles(store: DuckDBStore, ids: set[str]) -> dict[str, dict[str, Any]]:
    out = {}
    for item in store.analyzed(sorted(ids), named=True):
        out[item.article.id] = {**to_dict(item.article), **shown_extraction(item.extraction)}
    return out


def article_label(article: Mapping[str, Any] | None, fallback: str) -> str:
    if not article:
        return fallback
    return str(article.get("source") or article.get("title") or fallback)


Cite = Callable[[Mapping[str, Any]], dict[str, Any]]


def make_cite(articles: Mapping[str, Mapping[str, Any]]) -> Cite:
    """A template helper: citation -> link, label (the outlet) and the exact cited words."""

    def cite(c: Mapping[str, Any]) -> dict[str, Any]:
        aid, start, end = str(c["article"]), int(c["start"]), int(c["end"])
        article = articles.get(aid)
        text = str(article.get("text") or "") if article else ""
        return {
            "href": url_for("views.article_page", article_id=aid) + "#" + anchor_id(start, end)
            if ID_RE.match(aid) else None,
            "label": article_label(article, "unknown outlet"),
            "snippet": text[start:end] if 0 <= start < end <= len(text) else "",
        }

    return cite


def cite_groups(cite: Cite) -> Callable[[Any], list[list[dict[str, Any]]]]:
    """A template helper: citations -> one group per outlet (first-seen order), so a fact
    cited fourteen times shows each outlet once, with its further sentences numbered."""

    def groups(citations: Any) -> list[list[dict[str, Any]]]:
        out: dict[str, list[dict[str, Any]]] = {}
        for c in citations or ():
            v = cite(c)
            out.setdefault(v["label"], []).append(v)
        return list(out.values())

    return groups


def story_context(store: DuckDBStore, story: dict[str, Any]) -> dict[str, Any]:
    """What the story and facts pages render: the reader's view and the citation helpers."""
    ids = set(story.get("articles") or ()) | {c["article"] for c in iter_citations(story)}
    articles = load_articles(store, ids)
    cite = make_cite(articles)
    view = Reader(story, articles)
    return {"story": story, "articles": articles, "view": view,
            "cite": cite, "cite_groups": cite_groups(cite), "no_facts": view.no_facts}


def get_story(store: DuckDBStore, story_id: str) -> dict[str, Any]:
    return store.story(check_id(story_id))


@views.get("/stories/<story_id>")
def story_page(story_id: str) -> Any:
    store = open_store()
    story = get_story(store, story_id)
    if story.get("id") != story_id:  # an alias of a merged story: send to the current id
        return redirect(url_for("views.story_page", story_id=story["id"]), code=301)
    return render_template("story.html", **story_context(store, story))


@views.get("/stories/<story_id>/facts")
def facts_page(story_id: str) -> Any:
    """Every fact of a story, ranked: the full list the story page links to."""
    store = open_store()
    story = get_story(store, story_id)
    if story.get("id") != story_id:
        return redirect(url_for("views.facts_page", story_id=story["id"]), code=301)
    return render_template("facts.html", **story_context(store, story))


@views.get("/stories/<story_id>.json")
def story_json(story_id: str) -> Any:
    story = get_story(open_store(), story_id)
    if story.get("id") != story_id:
        return redirect(url_for("views.story_json", story_id=story["id"]), code=301)
    return jsonify(story)


@views.get("/stories/<story_id>/facts.json")
def facts_json(story_id: str) -> Any:
    story = get_story(open_store(), story_id)
    if story.get("id") != story_id:
        return redirect(url_for("views.facts_json", story_id=story["id"]), code=301)
    return jsonify(story.get("facts") or {})


# -- one article ---------------------------------------------------------------------
def stories_citing(store: DuckDBStore, article_id: str) -> tuple[
        list[dict[str, Any]], set[tuple[int, int]], dict[tuple[int, int], Any]]:
    """Stories that mention ``article_id``, the spans of it they cite, and the times their
    briefs told again ((start, end) -> value; ``brief.restamp``)."""
    found: list[dict[str, Any]] = []
    spans: set[tuple[int, int]] = set()
    retold: dict[tuple[int, int], Any] = {}
    for row in store.stories(article_id):
        story = store.story(row["id"])
        cites = [c for c in iter_citations(story) if c["article"] == article_id]
        if cites or article_id in (story.get("articles") or ()):
            found.append({"id": story["id"], "title": story.get("title")})
            spans.update((c["start"], c["end"]) for c in cites)
            retold.update({(t["start"], t["end"]): t["value"]
                           for t in (story.get("dates_retold") or {}).get(article_id, ())})
    return found, spans, retold


@views.get("/articles/<article_id>")
def article_page(article_id: str) -> str:
    store = open_store()
    article = store.article(check_id(article_id))
    stories, cited, retold = stories_citing(store, article_id)
    if retold:  # a report stamped long after its story: its days as the story tells them
        article = {**article, "times": [{**t, "value": retold.get((t["start"], t["end"]),
                                                                   t.get("value"))}
                                        for t in article.get("times") or ()]}
    body = highlight(str(article.get("text") or ""), article_marks(article, cited))
    return render_template("article.html", article=article, body=body, stories=stories,
                           anchor_id=anchor_id)


@views.get("/articles/<article_id>.json")
def article_json(article_id: str) -> Response:
    return jsonify(open_store().article(check_id(article_id)))
