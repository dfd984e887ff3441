"""Exact and near duplicates: wire copies are caught, same-topic articles are not."""

from __future__ import annotations

import json
from datetime import date

import pytest

from conftest import CORPUS, shared_path
from crosswire.ingest import Deduper, mark_duplicates, read_inputs
from crosswire.records import Article, InputRecord

INGEST = CORPUS / "ingest"
ORIGINAL = INGEST / "wire-original.txt"
COPY = INGEST / "wire-copy-gazette.txt"
OTHER = INGEST / "same-topic-other.txt"


def body(path) -> str:
    return path.read_text().split("\n", 1)[1].strip()


def ingested(text: str, aid: str) -> tuple[InputRecord, Article]:
    return InputRecord(aid, "ingested", article=aid), Article(id=aid, text=text, input=aid)


def test_dedup_wire_copy_with_new_headline_and_byline():
    stream = read_inputs([ORIGINAL, COPY, OTHER], today=date(2024, 6, 1))
    results = list(mark_duplicates(stream, Deduper()))
    (orig, orig_art), (copy, copy_art), (other, _) = results
    assert orig.status == "ingested" and other.status == "ingested"
    assert copy.status == "duplicate"
    assert copy.duplicate_of == orig_art.id and copy.article == copy_art.id != orig_art.id
    assert copy.reason.startswith(f"near-duplicate of {orig_art.id} (Jaccard≈0.9")
    assert copy_art is not None  # the copy stays attached, linked, not counted as a source


def test_dedup_same_topic_is_not_a_duplicate():
    deduper = Deduper()
    deduper.add("orig", body(ORIGINAL))
    assert deduper.find(body(OTHER)) is None
    assert deduper.find(body(COPY)) == "orig"


@pytest.mark.parametrize(
    "edit",
    [
        lambda t: t.upper(),  # case
        lambda t: "  ".join(t.split()),  # spacing
        lambda t: t.replace("—", "-").replace('"', "\u201c"),  # punctuation
    ],
)
def test_dedup_exact_copy_after_normalisation(edit):
    deduper = Deduper()
    deduper.add("orig", body(ORIGINAL))
    match = deduper.match(edit(body(ORIGINAL)))
    assert match is not None and match.exact and match.reason == "exact copy of orig"


def test_dedup_lightly_edited_copy_is_near_duplicate():
    edited = body(ORIGINAL).replace("told reporters", "said").replace("Tuesday", "Tuesday, 5 March")
    deduper = Deduper()
    deduper.add("orig", body(ORIGINAL))
    match = deduper.match(edited)
    assert match is not None and not match.exact and 0.8 <= match.jaccard < 1.0


def test_dedup_signature_is_storable_and_rebuilds_the_index():
    deduper = Deduper()
    signature = deduper.signature(body(ORIGINAL))
    stored = json.loads(json.dumps(signature.tolist()))
    assert len(stored) == 128 and all(isinstance(v, int) for v in stored)
    assert Deduper().signature(body(ORIGINAL)).tolist() == stored  # deterministic (seed=1)
    rebuilt = Deduper()
    rebuilt.add("orig", signature=stored)
    assert rebuilt.find(body(COPY)) == "orig"
    assert rebuilt.find(body(OTHER)) is None
    assert "orig" in rebuilt and len(rebuilt) == 1


def test_dedup_mark_duplicates_against_previous_run():
    previous = Deduper()
    previous.add("stored-1", signature=previous.signature(body(ORIGINAL)).tolist())
    stream = [ingested(body(COPY), "new-1"), ingested(body(OTHER), "new-2")]
    out = list(mark_duplicates(stream, previous))
    assert [(r.status, r.duplicate_of) for r, _ in out] == [
        ("duplicate", "stored-1"),
        ("ingested", None),
    ]
    assert "new-2" in previous and "new-1" not in previous


def test_dedup_passes_rejected_and_keeps_warnings():
    warned = InputRecord("b", "ingested", article="b", reason="published date ignored: 'x'")
    stream = [
        (InputRecord("bad", "rejected", reason="empty file"), None),
        ingested(body(ORIGINAL), "a"),
        (warned, Article(id="b", text=body(COPY), input="b")),
    ]
    out = list(mark_duplicates(stream, Deduper()))
    assert [r.status for r, _ in out] == ["rejected", "ingested", "duplicate"]
    assert out[2][0].reason.endswith("; published date ignored: 'x'")


@pytest.mark.parametrize(("a", "b"), [("!!!", "???"), ("Short.", "Other."), ("", " ")])
def test_dedup_short_or_wordless_texts_do_not_collide(a, b):
    deduper = Deduper()
    deduper.add("a", a)
    assert deduper.find(b) is None


def test_dedup_rejects_bad_settings_and_signatures():
    with pytest.raises(ValueError, match="threshold"):
        Deduper(threshold=1.5)
    with pytest.raises(ValueError, match="num_perm=128"):
        Deduper().add("x", signature=[1, 2, 3])
    with pytest.raises(ValueError, match="needs the text"):
        Deduper().add("x")


def test_dedup_real_newsclust_no_cross_event_duplicates():
    """On real multi-outlet news, a duplicate must never link two different gold events."""
    path = shared_path("newsclust", "dev.jsonl")
    gold = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        obj = json.loads(line)
        gold[obj["id"]] = obj["cluster"]
    results = list(mark_duplicates(read_inputs([path], today=date(2026, 1, 1)), Deduper()))
    dups = [r for r, _ in results if r.status == "duplicate"]
    cross = [r for r in dups if gold[r.article] != gold[r.duplicate_of]]
    assert not cross, cross
    assert len(dups) < len(results) * 0.1


def test_dedup_window_keeps_memory_flat_and_still_finds_recent_copies():
    texts = [f"Harbour report number {i}: the ferry Stella sailed {i} miles past the "
             f"lighthouse of Orm while crews counted {i * 3} gulls over the pier."
             for i in range(50)]
    d = Deduper(window=10)
    for i, text in enumerate(texts):
        d.add(f"a{i}", text)
    assert 10 <= len(d) <= 20  # two generations at most
    assert d.find(texts[-1]) == "a49" and d.find(texts[42]) == "a42"  # recent: still known
    assert d.find(texts[3]) is None  # long gone
    assert "a49" in d and "a3" not in d


def test_dedup_window_finds_the_original_across_generations():
    original = ("The Blue Gull ferry company cancelled all sailings across Lake Orm after an "
                "engine fire; passengers waited at the pier for hours, the harbour office said.")
    d = Deduper(window=3)
    d.add("orig", original)
    for i in range(3):  # fills the first generation; the original is now in the older one
        d.add(f"x{i}", f"Unrelated council minutes number {i} about parking fees and bins.")
    d.add("copy", original)
    assert d.find(original) == "orig"
    with pytest.raises(ValueError, match="window"):
        Deduper(window=0)
