"""The Spark engine: its pure helpers (no Spark needed), then equivalence with the local engine
on local[2] (marked ``spark``; skipped when Java or pyspark is missing)."""

from __future__ import annotations

import io
import json
import os
import random
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from crosswire.config import load_settings
from crosswire.engines import spark_tasks as tasks
from crosswire.engines.spark_plan import apply_matches, colliding_files, plan_accounting
from crosswire.errors import MissingExtraError
from crosswire.ingest.dedup import CopyRule, Deduper, Match, find_exact_copies, fingerprint
from crosswire.records import InputRecord

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "corpus"
DEMO = ROOT / "src" / "crosswire" / "demo" / "corpus"


# -- pure helpers ------------------------------------------------------------------------------
def _texts(n: int, seed: int = 7) -> list[str]:
    rnd = random.Random(seed)
    words = [f"w{i}" for i in range(300)]
    base = [" ".join(rnd.choice(words) for _ in range(120)) for _ in range(n)]
    copies = [t + " extra closing words here" for t in base[: n // 2]]  # near copies
    edited = [t.replace(t.split()[5], "changed", 3) for t in base[: n // 3]]  # closer or not
    return base + copies + edited + ["", "   "]  # wordless texts are never indexed


def _local_matches(texts: list[str], rule: CopyRule) -> dict[int, tuple[float, int, str]]:
    deduper, out = Deduper.for_rule(rule), {}
    for i, text in enumerate(texts):
        found = deduper.match(text)
        if found is not None:
            out[i] = (found.jaccard, int(found.id), found.id)
        deduper.add(str(i), signature=deduper.signature(text))
    return out


def _banded_matches(texts: list[str], rule: CopyRule) -> dict[int, tuple[float, int, str]]:
    deduper = Deduper.for_rule(rule)
    entries = [(i, str(i), tasks.as_signature(deduper.signature(t))) for i, t in
               enumerate(texts)]
    buckets: dict[object, list[tasks.Entry]] = {}
    empty = tasks.as_signature(deduper.signature(""))
    for key, entry in tasks.band_keys(entries, rule.bands(), empty):
        buckets.setdefault(key, []).append(entry)
    best: dict[int, tuple[float, int, str]] = {}
    for members in buckets.values():
        for later, cand in tasks.bucket_pairs(members, rule):
            best[later] = rule.better(best[later], cand) if later in best else cand
    return best


@pytest.mark.parametrize(("threshold", "window"), [(0.5, None), (0.8, None), (0.95, None),
                                                   (0.8, 3), (0.5, 7)])
def test_spark_tasks_banding_equals_local_deduper(threshold, window):
    texts = _texts(12)
    rule = CopyRule(threshold, window=window)
    local = _local_matches(texts, rule)
    assert local, "the generated texts must contain near copies"
    assert _banded_matches(texts, rule) == local


def test_spark_exact_copies_equal_the_local_deduper():
    """The driver's exact step finds what ``Deduper.match`` finds first: the earliest article
    with the same words, within the window; stored articles (no words) are only counted."""
    texts = ["Ferry sails at noon.", "FERRY sails, at noon!", "!!!", "!!!", "Council meets.",
             "Ferry sails at noon.", "Council  meets"]
    for window in (None, 2, 3):
        rule = CopyRule(window=window)
        local, deduper = {}, Deduper.for_rule(rule)
        deduper.add("s", signature=deduper.signature("stored text"))
        for i, text in enumerate(texts):
            prepared = deduper.fingerprint(text)
            if (found := deduper.match(prepared)) is not None and found.exact:
                local[i] = found
            deduper.add(str(i), prepared)
        entries = [(str(i), fingerprint(t).key) for i, t in enumerate(texts)]
        assert find_exact_copies(rule, ["s"], entries) == local
        assert local, window


@pytest.mark.parametrize(("a", "b", "winner"), [
    ((0.9, 3, "c"), (0.95, 5, "e"), (0.95, 5, "e")),  # higher Jaccard wins
    ((0.9, 5, "e"), (0.9, 3, "c"), (0.9, 3, "c")),  # tie: the earlier article wins
])
def test_spark_tasks_best_match_rule(a, b, winner):
    assert CopyRule.better(a, b) == winner
    assert CopyRule.better(b, a) == winner


def _rec(name: str, status: str = "ingested", article: str | None = None) -> InputRecord:
    return InputRecord(input=name, status=status, article=article)  # type: ignore[arg-type]


def test_spark_plan_accounting_follows_local_rules():
    rows = [
        ((1, 0), _rec("b.txt", article="B"), "B"),
        ((0, 0), _rec("a.txt", article="A"), "A"),
        ((0, 1), _rec("old.txt", article="O"), "O"),  # resumed run: already seen -> skipped
        ((2, 0), _rec("c.txt", article="S"), "S"),  # id already stored -> duplicate, not kept
        ((3, 0), _rec("bad.bin", "rejected"), None),
    ]
    plan = plan_accounting(rows, seen={"old.txt"}, known_ids={"S"})
    assert plan.skipped == 1
    assert list(plan.records) == [(0, 0), (1, 0), (2, 0), (3, 0)]
    assert [key for key, _ in plan.entries] == [(0, 0), (1, 0)]  # input order, not row order
    assert plan.records[(2, 0)].status == "duplicate"
    assert plan.records[(2, 0)].reason == "article S is already in the store"
    assert plan.keep == {(0, 0), (1, 0)}
    assert apply_matches(plan, {1: Match("A", 0.9, False)}) == 1
    marked = plan.records[(1, 0)]
    assert (marked.status, marked.duplicate_of) == ("duplicate", "A")
    assert marked.reason == "near-duplicate of A (Jaccard≈0.90)"


@pytest.mark.parametrize(("ids", "groups"), [
    ({0: ["a", "b"], 1: ["c"], 2: ["d"]}, []),
    ({0: ["a"], 1: ["b", "a"], 2: ["c"], 3: ["b"], 4: ["c"]}, [[0, 1, 3], [2, 4]]),
])
def test_spark_plan_colliding_files(ids, groups):
    rows = [((f, k), None, a) for f, names in ids.items() for k, a in enumerate(names)]
    rows.append(((9, 0), None, None))  # rejected records carry no id
    assert colliding_files(rows) == groups


def test_spark_engine_needs_pyspark(monkeypatch):
    from crosswire.engines.spark import make_spark_engine

    monkeypatch.setitem(sys.modules, "pyspark", None)
    with pytest.raises(MissingExtraError, match=r"crosswire\[spark\]"):
        make_spark_engine(load_settings(engine="spark.v1"))


# -- equivalence on local[2] -------------------------------------------------------------------
@pytest.fixture(scope="module")
def spark():
    if shutil.which("java") is None:
        pytest.skip("Spark tests need Java 17+ on PATH (apt-get install default-jre-headless)")
    pytest.importorskip("pyspark", reason="needs pyspark: pip install 'crosswire[spark]'")
    from crosswire.engines.spark import spark_session

    session = spark_session("local[2]", {
        "spark.ui.enabled": "false",
        "spark.driver.memory": "1g",
        "spark.default.parallelism": "2",
        "spark.sql.shuffle.partitions": "2",
        "spark.ui.showConsoleProgress": "false",
        "spark.driver.extraJavaOptions": "-XX:TieredStopAtLevel=1",
    })
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


def _corpus(engine, batches) -> dict:
    from crosswire.api import corpus_from_store, open_store

    store = open_store(":memory:")
    for paths in batches:
        engine.ingest(paths, store)
    engine.link(store)
    corpus = corpus_from_store(store, store.story_dicts())
    corpus.pop("crosswire_version")
    return corpus


def _both(spark, batches, **settings):
    from crosswire.engines.local import LocalEngine
    from crosswire.engines.spark import SparkEngine

    local = _corpus(LocalEngine(load_settings(**settings)), batches)
    distributed = _corpus(SparkEngine(load_settings(engine="spark.v1", **settings), spark),
                          batches)
    return local, distributed


def _assert_same(local: dict, distributed: dict) -> None:
    for key in ("inputs", "articles", "stories"):  # one by one: a short diff on failure
        assert distributed[key] == local[key], key
    assert distributed == local


def _write_jsonl(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    return path


def _warc(path: Path, pages: list[tuple[str, str]]) -> Path:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        for url, html in pages:
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")],
                                       protocol="HTTP/1.1")
            record = writer.create_warc_record(url, "response", payload=io.BytesIO(
                html.encode("utf-8")), http_headers=headers)
            writer.write_record(record)
    return path


_BRIDGE = ("<p>The Ferrow Lane footbridge in Westmere closed on Tuesday after inspectors found "
           "a cracked support beam, the town engineer Priya Nandan said.</p><p>\"We will not "
           "reopen it until the beam is replaced,\" Nandan said. About 40 students use the "
           "bridge every morning to reach the Westmere school.</p>")


@pytest.mark.spark
def test_spark_engine_equals_local_on_fixtures_and_warc(spark, nlp, tmp_path):
    rows = [json.loads(p.read_text("utf-8")) for p in sorted(CORPUS.glob("*.json"))]
    feed = _write_jsonl(tmp_path / "fixtures.jsonl", rows)
    pages = [(f"https://paper{i}.example/bridge",
              f"<html><head><title>Footbridge closed {i}</title></head><body><article>"
              f"<h1>Footbridge closed {i}</h1>{_BRIDGE}</article></body></html>") for i in range(3)]
    warc = _warc(tmp_path / "crawl.warc.gz", pages)
    local, distributed = _both(spark, [[feed, warc, CORPUS / "ingest"]])
    assert any(i["status"] == "duplicate" for i in local["inputs"])  # wire copies planted
    from_warc = [i for i in distributed["inputs"] if i["input"].startswith(f"{warc}#")]
    assert len(from_warc) == 3 and from_warc[0]["status"] == "ingested"
    _assert_same(local, distributed)


def test_spark_engine_is_registered():
    """``--engine spark`` resolves through the registry in a fresh interpreter."""
    code = "from crosswire.registry import engines; print(engines.names())"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, env={**os.environ, "PYTHONPATH": str(ROOT / "src")})
    assert "spark.v1" in out.stdout


@pytest.mark.spark
def test_spark_engine_equals_local_on_demo(spark, nlp):
    if not DEMO.is_dir():
        pytest.skip(f"demo corpus not found at {DEMO}")
    local, distributed = _both(spark, [[DEMO]])
    assert len(local["stories"]) >= 2
    _assert_same(local, distributed)


def _generated(n: int, seed: int = 3) -> list[dict]:
    """``n`` fictional articles made by recombining the fixture sentences, every seventh a
    light edit of an earlier one (near-duplicates for the LSH step)."""
    rnd = random.Random(seed)
    sentences = sorted({s.strip() + "." for p in sorted(CORPUS.glob("*.json"))
                        for s in json.loads(p.read_text("utf-8"))["text"].split(". ")
                        if len(s) > 40})
    outlets = ["Harbor Ledger", "Vale Courier", "North Pike Times", "Kestrel Gazette"]
    rows: list[dict] = []
    for i in range(n):
        if i % 7 == 6:
            text = rows[rnd.randrange(len(rows))]["text"] + " Reporting by the news desk."
        else:
            text = " ".join(rnd.sample(sentences, rnd.randint(4, 7)))
        rows.append({"id": f"gen-{i}", "title": f"Generated report {i}", "text": text,
                     "source": outlets[i % 4], "published": f"2025-06-{1 + i % 9:02d}"})
    return rows


@pytest.mark.spark
def test_spark_engine_equals_local_on_generated_corpus(spark, nlp, tmp_path):
    rows = _generated(60)
    first = _write_jsonl(tmp_path / "a.jsonl", rows[:25])
    second = _write_jsonl(tmp_path / "b.jsonl", rows[25:])
    stored = _write_jsonl(tmp_path / "c.jsonl", rows[20:24])  # ids already in the store
    shared = _write_jsonl(tmp_path / "d.jsonl", rows[30:33])  # ids in b.jsonl, same run
    # two runs on one store: the second sees stored signatures and a resumed input
    local, distributed = _both(spark, [[first], [second, stored, shared, first]])
    statuses = {i["status"] for i in local["inputs"]}
    assert statuses == {"ingested", "duplicate"}
    assert sum(i["status"] == "duplicate" for i in local["inputs"]) >= 10
    _assert_same(local, distributed)


@pytest.mark.spark
def test_spark_engine_equals_local_on_exact_copies_and_warnings(spark, nlp, tmp_path):
    """Exact copies under other ids (the same words, other punctuation), wordless texts and
    copies whose records carry warnings: the Spark engine accounts them as the local one."""
    rows = _generated(8, seed=5)
    text = rows[0]["text"]
    rows += [
        {**rows[0], "id": "again", "text": text.upper().replace(".", " ."),
         "published": "not a day"},  # exact copy; its ignored date stays in the reason
        {**rows[1], "id": "near", "text": rows[1]["text"] + " Reporting by the news desk.",
         "published": "soon"},
        {"id": "dots-1", "title": "Dots", "text": "!!! ..."},
        {"id": "dots-2", "title": "Dots", "text": "!!! ..."},
    ]
    first = _write_jsonl(tmp_path / "a.jsonl", rows[:4])
    second = _write_jsonl(tmp_path / "b.jsonl", rows[4:])
    local, distributed = _both(spark, [[first], [second]])
    reasons = {i["input"].rsplit(":", 1)[-1]: i["reason"] for i in local["inputs"]
               if i["status"] == "duplicate"}
    assert any(r.startswith("exact copy of ") and "published date ignored" in r
               for r in reasons.values()), reasons
    assert any(r.startswith("near-duplicate of ") and "published date ignored" in r
               for r in reasons.values()), reasons
    _assert_same(local, distributed)


@pytest.mark.spark
def test_spark_engine_equals_local_through_the_pipeline(spark, nlp, tmp_path):
    """Both engines, driven through the ``Engine`` protocol by ``pipeline.run`` (the one
    path the API and CLI take), store the same inputs, stories and briefs."""
    from crosswire import pipeline
    from crosswire.api import corpus_from_store, open_store
    from crosswire.engines import Engine
    from crosswire.engines.local import LocalEngine
    from crosswire.engines.spark import SparkEngine

    rows = [json.loads(p.read_text("utf-8")) for p in sorted(CORPUS.glob("*.json"))]
    feed = _write_jsonl(tmp_path / "fixtures.jsonl", rows)
    settings = load_settings(ingest__batch_size=3)
    corpora = []
    engines: list[Engine] = [LocalEngine(settings), SparkEngine(settings, spark)]
    for engine in engines:
        store = open_store(":memory:")
        ran = pipeline.run([feed], store, settings, engine=engine)
        assert ran.stories == store.story_dicts() and len(ran.stories) >= 2
        corpus = corpus_from_store(store, ran.stories)
        corpus.pop("crosswire_version")
        corpora.append(corpus)
    _assert_same(*corpora)
