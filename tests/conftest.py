"""Shared fixtures (the only conftest). Real data is read from ../shared/data and skipped
with a clear message when absent; everything else is written by us under tests/corpus."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORPUS = Path(__file__).resolve().parent / "corpus"
SHARED_DATA = Path(os.environ.get("CROSSWIRE_SHARED_DATA", ROOT.parent / "shared" / "data"))


def shared_path(*parts: str) -> Path:
    """A path under ../shared/data, or skip the test saying what is missing."""
    path = SHARED_DATA.joinpath(*parts)
    if not path.exists():
        where = ("set by CROSSWIRE_SHARED_DATA" if "CROSSWIRE_SHARED_DATA" in os.environ
                 else "the default, ../shared/data beside the repository")
        pytest.skip(f"needs the shared real-data folder {SHARED_DATA} ({where}), but "
                    f"{path} is missing; set CROSSWIRE_SHARED_DATA to the folder holding "
                    f"{parts[0]}/ to run it (see README.md, Tests)")
    return path


def story_citations(story: dict) -> list[dict]:
    """Every citation a story brief dict gives: facts, conflict variants, quote variants,
    summary sentences, timeline entries."""
    facts = story["facts"]
    cites = [c for f in facts["agreed"] + facts["unique"] for c in f["citations"]]
    cites += [c for f in facts["conflicting"] for v in f["variants"] for c in v["citations"]]
    cites += [c for g in story["quotes"] for v in g["variants"] for c in v["citations"]]
    cites += [c for s in story["summary"] for c in s["citations"]]
    cites += [c for t in story["timeline"] for c in t["citations"]]
    return cites


@pytest.fixture(scope="session")
def nlp():
    """The spaCy pipeline, loaded once per test session."""
    from crosswire.nlp import load_spacy

    return load_spacy()


@pytest.fixture(scope="session")
def quotes_of(nlp):
    """quotes_of(text) -> the quotes ``extract_quotes`` finds, each checked to round-trip to
    the text (its words and its speaker's mention)."""
    from crosswire.extract.entities import extract_entities
    from crosswire.extract.quotes import extract_quotes
    from crosswire.records import Article

    def run(text: str):
        article = Article(id="t", text=text)
        doc = nlp(text)
        quotes = extract_quotes(article, doc, extract_entities(article, doc))
        for q in quotes:
            assert text[q.start : q.end] == q.text
            if q.speaker_start is not None:
                assert text[q.speaker_start : q.speaker_end] == q.speaker_text
        return quotes

    return run


@pytest.fixture(scope="session")
def analyze(nlp):
    """analyze(text, published=None, source=None, id="a1") -> (Article, Extraction)."""
    from crosswire.extract import extract_article
    from crosswire.records import Article

    def run(text: str, published: str | None = None, source: str | None = None, id: str = "a1"):
        article = Article(id=id, text=text, published=published, source=source)
        return article, extract_article(article, nlp(text))

    return run


@pytest.fixture()
def seeds_dir() -> Path:
    return shared_path("seeds")
