"""Property tests (hypothesis) over ingest and extract: nothing crashes, every span is exact.

* random Unicode texts (quotes, digits, weekday and month names, control characters, RTL,
  emoji, odd spaces) through ``extract_article`` with and without a publication date:
  no exception, and every sentence / entity / quote / time / number satisfies
  ``text[start:end] == x.text``;
* random bytes of JSON Lines (UTF-8 or UTF-16, LF or CRLF, gzipped or not, random JSON
  values, escaped surrogates) through ``read_inputs``: never raises, one record per non-blank
  line, ingested text is exactly the given text;
* random text files (title + body, several encodings) through ``read_inputs`` and then
  extraction: the chain holds end to end.

The budget is bounded (60 examples each). For long runs set ``CROSSWIRE_FUZZ_EXAMPLES``
(e.g. ``CROSSWIRE_FUZZ_EXAMPLES=5000``) or use ``python bench/fuzz.py`` which writes a summary.
"""

from __future__ import annotations

import gzip
import json
import os
import tempfile
from datetime import date, datetime
from pathlib import Path

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from crosswire.extract import extract_article
from crosswire.ingest import read_inputs
from crosswire.records import Article

EXAMPLES = int(os.environ.get("CROSSWIRE_FUZZ_EXAMPLES", "60"))
settings.register_profile(
    "crosswire-fuzz", max_examples=max(EXAMPLES, 60), deadline=None,
    suppress_health_check=list(HealthCheck),
)
FUZZ = settings(max_examples=EXAMPLES, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

QUOTES = list("\"'\u201c\u201d\u2018\u2019\u00ab\u00bb\u201e\u201a\u2039\u203a`")
WORDS = [
    "said", "told", "according to", "Monday", "Tuesday", "Sunday morning", "last week",
    "next Friday", "January", "March 3", "May 2015", "Dec.", "2024", "1990s", "yesterday",
    "tonight", "hundreds of", "thousands", "about 40", "more than six", "1,200", "3.5",
    "12%", "$5 million", "two dozen", "Mayor", "Officer", "Odile Farrant", "the council",
    "Westmere", "ABC News", "he", "she", "they", ":", ",", ".", "!", "?", "\n", "\n\n",
    "\u05e9\u05dc\u05d5\u05dd", "\u0645\u0631\u062d\u0628\u0627", "\u200f", "\u202e", "\u200b",
    "\u00a0", "\u2028", "\U0001f44b\U0001f3fd", "\U0001f1e9\U0001f1ea", "\x00", "\x07",
    "\x1b", "\r", "\t", "\ufeff", "\ufffd", "e\u0301", "\u6e2f", "-", "\u2013", "\u2014",
]
chars = st.characters(blacklist_categories=("Cs",))  # no lone surrogates: ingest refuses them
pieces = st.one_of(
    st.sampled_from(WORDS), st.sampled_from(QUOTES), st.text(chars, max_size=8),
    st.integers(-10**7, 10**7).map(str), st.sampled_from(["Said", "He said", "she told"]),
)
texts = st.lists(pieces, max_size=60).flatmap(
    lambda parts: st.sampled_from([" ", "", " ", "\n"]).map(lambda sep: sep.join(parts)))
published = st.one_of(
    st.none(),
    st.dates(date(1800, 1, 1), date(2100, 12, 31)).map(date.isoformat),
    st.datetimes(datetime(1800, 1, 1), datetime(2100, 12, 31)).map(
        lambda d: d.isoformat(timespec="seconds")),
    st.sampled_from(["2024-03-05T10:00:00Z", "2015-01-05T23:59:59+02:00", "1900-02-28",
                     "2099-12-31", "2024-02-29"]),
)


def check_spans(article: Article, extraction) -> int:
    """Every span of ``extraction`` is exact; returns how many were checked."""
    text = article.text
    n = 0
    for key in ("sentences", "entities", "quotes", "times", "numbers"):
        for x in getattr(extraction, key):
            assert 0 <= x.start <= x.end <= len(text), (key, x)
            assert text[x.start:x.end] == x.text, (key, x)
            n += 1
    for q in extraction.quotes:
        if q.speaker_start is not None and q.speaker_end is not None:
            assert 0 <= q.speaker_start <= q.speaker_end <= len(text), q
            if q.speaker_text is not None:
                assert text[q.speaker_start:q.speaker_end] == q.speaker_text, q
    for t in extraction.numbers:
        assert t.low is None or t.high is None or t.low <= t.high, t
    return n


@FUZZ
@given(text=texts, date=published)
def test_extract_random_unicode_spans_exact(analyze, text, date):
    article, extraction = analyze(text, published=date)
    check_spans(article, extraction)
    if date is None:  # no publication date: relative dates stay unresolved
        assert all(t.anchor is None or not t.anchor.startswith("published")
                   for t in extraction.times)


@FUZZ
@given(text=texts)
def test_extract_same_text_same_result_with_and_without_date(nlp, text):
    """Extraction is a pure function; the date only changes time values, never spans."""
    a = Article(id="p", text=text)
    b = Article(id="p", text=text, published="2015-01-05")
    xa, xb = extract_article(a, nlp(text)), extract_article(b, nlp(text))
    assert xa == extract_article(a, nlp(text))
    assert [(t.start, t.end) for t in xa.times] == [(t.start, t.end) for t in xb.times]
    assert xa.entities == xb.entities and xa.sentences == xb.sentences


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(chars),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner,
                                                                max_size=3),
    max_leaves=6,
)
clean_text = st.text(chars, min_size=1, max_size=120).filter(lambda t: t.strip())
clean_lines = st.builds(
    lambda text, extra: {"text": text, **extra},
    clean_text,
    st.fixed_dictionaries({}, optional={"title": st.text(chars, max_size=20),
                                        "source": st.text(chars, max_size=20),
                                        "junk": json_values}),
)
odd_lines = st.one_of(
    json_values.map(lambda v: json.dumps(v)),
    st.fixed_dictionaries({"text": json_values}, optional={"id": json_values}).map(json.dumps),
    st.text(chars, max_size=40).map(lambda s: s.replace("\n", " ").replace("\r", " ")),
    st.sampled_from(['{"text": "a \\ud800 b"}', '{"text": "\\ud83d\\ude00 ok"}', "{", "[]",
                     '{"text": "x", "id": ""}', '{"text": "x", "id": 1e400}', "\ufeff{}"]),
)
line_items = st.one_of(
    clean_lines.map(lambda obj: (obj, True)),
    odd_lines.map(lambda line: (line, False)),
)


@FUZZ
@given(items=st.lists(line_items, min_size=1, max_size=8),
       encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16"]),
       newline=st.sampled_from(["\n", "\r\n"]), gz=st.booleans(),
       ascii_only=st.booleans(), blanks=st.integers(0, 2))
def test_ingest_random_jsonl_bytes_never_raise_and_keep_text(items, encoding, newline, gz,
                                                             ascii_only, blanks):
    lines, clean = [], []
    for item, is_clean in items:
        line = json.dumps(item, ensure_ascii=ascii_only) if is_clean else item
        lines.append(line)
        clean.append(is_clean)
        lines += [""] * blanks
        clean += [False] * blanks
    data = newline.join(lines).encode(encoding)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / ("feed.jsonl.gz" if gz else "feed.jsonl")
        path.write_bytes(gzip.compress(data) if gz else data)
        results = list(read_inputs([path]))
    expected = [i + 1 for i, line in enumerate(lines) if line.strip()]
    if not expected:
        assert [r.status for r, _ in results] == ["rejected"]
        return
    numbers = [int(r.input.rsplit(":", 1)[1]) for r, _ in results]
    assert numbers == expected, "one record per non-blank line, in order"
    for rec, article in results:
        lineno = int(rec.input.rsplit(":", 1)[1])
        assert rec.status in ("ingested", "duplicate", "rejected")
        if rec.status == "rejected":
            assert article is None and rec.reason
            assert not clean[lineno - 1], f"a clean line was rejected: {rec.reason}"
            continue
        given_obj = json.loads(lines[lineno - 1].lstrip("\ufeff"))
        assert article.text == given_obj["text"], "text kept exactly as given"


encodings = st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "cp1252", "latin-1"])


@FUZZ
@given(title=st.text(chars, min_size=1, max_size=30), body=texts, encoding=encodings)
def test_ingest_then_extract_text_files(nlp, title, body, encoding):
    """Bytes on disk -> read_inputs -> extract_article: one record, spans exact."""
    data_text = title.replace("\n", " ").replace("\r", " ") + "\n" + body
    try:
        data = data_text.encode(encoding)
    except UnicodeEncodeError:
        assume(False)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "a.txt"
        path.write_bytes(data)
        ((rec, article),) = list(read_inputs([path]))
    if rec.status == "rejected":
        assert article is None and rec.reason
        return
    assert rec.status == "ingested" and article.text == article.text.strip()
    check_spans(article, extract_article(article, nlp(article.text)))
