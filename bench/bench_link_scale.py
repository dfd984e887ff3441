"""Dedup + link throughput at 10k / 100k (/ 1M) synthetic articles, memory included.

How the data is made: every non-empty line (sentence) of ../shared/data/{ecbplus,newsclust}
texts goes into one pool. A synthetic story draws a *theme* of up to 24 consecutive sentences
from one real document, two fictional people, one organisation and one place (made-up names
such as "Person 17-1"), and a base date. Each of its articles (5-15 per story) is as long as
a real document drawn at random (its line count; 18.5 lines, about 2,600 characters on
average, as in the real sets): theme sentences, at least one random pool sentence, and more
pool sentences (background) when the theme is shorter. It is published 0-6 days after the
base date and carries its story's entities (with character offsets into its text) and a DATE
TimeRef. Stories start spread over ``max(30, n/20)`` days and the stream is generated day by
day in publication order (``stream``), so only a week of articles is ever held by the
generator. The B3 against the synthetic labels is a sanity check, not a quality measure (that
is ``bench_clustering.py``, on gold data): the real sets hold several articles on one real
happening, so two synthetic stories built from two of them share their vocabulary and only
the invented names and dates tell them apart (most of crosswire's wrong merges here are
such pairs), and 761 documents feed n/10 stories.

The timed loop is what runs once extraction is done: crosswire's near-duplicate detector
(``ingest.dedup.Deduper(window=DEDUP_WINDOW)``: fingerprint, match, add; it keeps the
latest ``DEDUP_WINDOW`` to twice that many originals) over each article, then
``link_articles`` on the originals in batches of 1,000, updating the state in place
(``reuse=True``, as the local engine links), with archived stories in a cold tier file
(``link.cold.ColdStories(path)`` in a temporary folder; its size is reported). No spaCy runs.

The peer, on the same stream in the same run (``peer_run``): windowed single-pass clustering of
hashed TF vectors (scikit-learn's HashingVectorizer; the classic online topic-detection
baseline), its threshold tuned on a stream of another seed.

Usage: python bench/bench_link_scale.py --sizes 10000 100000 [1000000] [--systems crosswire peer]
Reports per size: articles/s (wall and CPU: the machine is shared, so CPU time is the steadier
number; CPU split into dedup and linking), peak RSS (MiB, resource.getrusage: the process peak
so far, so run one size per process for a clean peak: ``--sizes`` runs each size in a fresh
subprocess) and its curve over the run (at each tenth), the working set (articles whose
features are in memory, largest seen and at the end), stories, B3 F1 against the synthetic
labels, and the growth exponent fitted on log(cpu seconds) ~ k * log(n).
"""

from __future__ import annotations

import argparse
import heapq
import json
import math
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from common import SHARED_DATA  # noqa: E402  (bench/common.py: one place for the data path)

from crosswire.evaluate.clustering import b_cubed  # noqa: E402
from crosswire.ingest.dedup import Deduper  # noqa: E402
from crosswire.link import LinkState, link_articles  # noqa: E402
from crosswire.link.cold import ColdStories  # noqa: E402
from crosswire.records import (  # noqa: E402
    Analyzed,
    Article,
    Entity,
    Extraction,
    Sentence,
    TimeRef,
)

DATA = SHARED_DATA
# copies are looked for among the last 20,000-40,000 originals (the Deduper's window): a wire
# copy runs within days of its original, and the detector's memory stays flat
DEDUP_WINDOW = 20_000


def load_docs() -> list[list[str]]:
    docs = []
    for name in ("ecbplus/train.jsonl", "ecbplus/dev.jsonl", "newsclust/dev.jsonl"):
        with open(DATA / name, encoding="utf-8") as fh:
            for line in fh:
                text = json.loads(line)["text"]
                sents = [s.strip() for s in text.split("\n") if len(s.strip()) > 30]
                if len(sents) >= 6:
                    docs.append(sents)
    return docs


def synth(n: int, seed: int = 1) -> tuple[list[Analyzed], list[str]]:
    """The whole stream at once: articles and their story labels."""
    pairs = list(stream(n, seed))
    return [a for a, _ in pairs], [g for _, g in pairs]


def stream(n: int, seed: int = 1) -> Iterator[tuple[Analyzed, str]]:
    """``n`` synthetic (article, story label) pairs in ``(published, id)`` order."""
    rnd = random.Random(seed)
    docs = load_docs()
    pool = [s for d in docs for s in d]
    start = date(2030, 1, 1)
    span = max(30, n // 20)  # days over which stories start
    per_day = n / 10 / span  # stories starting per day (10 articles a story on average)
    pending: list[tuple[str, str, Analyzed, str]] = []
    made = story = day = 0
    owed = 0.0
    while made < n or pending:
        owed += per_day
        base = start + timedelta(days=day)
        while owed >= 1 and made < n:
            owed -= 1
            story += 1
            for item in _story(rnd, docs, pool, story, base):
                if made < n:
                    made += 1
                    heapq.heappush(pending, (item.article.published or "", item.article.id,
                                             item, str(story)))
        while pending and (pending[0][0] <= base.isoformat() or made >= n):
            _, _, item, label = heapq.heappop(pending)
            yield item, label
        day += 1


def _story(rnd: random.Random, docs, pool, story: int, base: date) -> list[Analyzed]:
    doc = rnd.choice(docs)
    i = rnd.randrange(max(1, len(doc) - 24))
    theme = doc[i : i + 24]
    names = [(f"Person {story}-1", "PERSON"), (f"Person {story}-2", "PERSON"),
             (f"Agency {story}", "ORG"), (f"Place {story}", "GPE")]
    out = []
    for k in range(rnd.randint(5, 15)):
        size = len(rnd.choice(docs))  # as long as a real article
        sents = rnd.sample(theme, max(3, min(len(theme), size - 2)))
        sents += rnd.sample(pool, max(1, size - len(sents)))
        ents = rnd.sample(names, 3)
        lead = " ".join(f"{e} said." for e, _ in ents) + " It happened on Monday."
        text = lead + " " + " ".join(sents)
        aid = f"syn-{story}-{k}"
        sentences, pos = [], 0
        for part in [*(f"{e} said." for e, _ in ents), "It happened on Monday.", *sents]:
            s0 = text.index(part, pos)
            sentences.append(Sentence(s0, s0 + len(part), part))
            pos = s0 + len(part)
        entities, pos = [], 0
        for e, label in ents:
            s0 = text.index(e, pos)
            entities.append(Entity(e, label, e, s0, s0 + len(e)))
            pos = s0 + len(e)
        published = base + timedelta(days=rnd.randint(0, 6))
        m = text.index("on Monday")
        when = TimeRef("on Monday", m, m + 9, base.isoformat(), "published", "DATE")
        art = Article(aid, text, title=sents[0][:80], source=f"site{k % 7}",
                      published=published.isoformat())
        out.append(Analyzed(art, Extraction(aid, tuple(sentences), tuple(entities), (),
                                            (when,))))
    return out


def _peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run(n: int, batch: int) -> dict:
    """Dedup + link ``n`` streamed articles; only the timed loop's own work is timed."""
    dedup = Deduper(window=DEDUP_WINDOW)  # two generations: memory stays flat
    # archived stories go to a cold tier on disk (``link.cold``), as a long stream would run
    tmp = tempfile.TemporaryDirectory(prefix="crosswire-bench-")
    cold_path = Path(tmp.name) / "cold.sqlite"
    state = LinkState(cold=ColdStories(cold_path))
    copies = peak_ws = peak_live = 0
    wall = cpu = dedup_cpu = 0.0
    chunk: list[Analyzed] = []
    curve: list[list[float]] = []  # [articles so far, peak RSS MiB] at each tenth of the run

    def link(part: list[Analyzed]) -> None:
        nonlocal wall, cpu, dedup_cpu, peak_ws, peak_live, copies
        t0, c0 = time.perf_counter(), time.process_time()
        originals = []
        for item in part:
            art = item.article
            prepared = dedup.fingerprint(art.text)  # normalised once for match and add
            if dedup.match(prepared) is None:
                dedup.add(art.id, prepared)
                originals.append(item)
            else:
                copies += 1
        c1 = time.process_time()
        link_articles(originals, state, reuse=True)  # as the local engine links
        wall += time.perf_counter() - t0
        cpu += time.process_time() - c0
        dedup_cpu += c1 - c0
        peak_ws = max(peak_ws, len(state.features))
        peak_live = max(peak_live, len(state.story_data))

    done = 0
    for item, _ in stream(n):  # the label is in the id (``syn-{story}-{k}``): none is kept
        chunk.append(item)
        if len(chunk) == batch:
            link(chunk)
            done += len(chunk)
            chunk = []
            if done % max(batch, n // 10) == 0:
                curve.append([done, round(_peak_rss_mib(), 1)])
    if chunk:
        link(chunk)
    rss = _peak_rss_mib()  # before the evaluation below builds its own lists
    if not curve or curve[-1][0] != n:
        curve.append([n, round(rss, 1)])
    cold_mib = sum(f.stat().st_size for f in cold_path.parent.iterdir()) / 2**20
    ids, stories = zip(*state.story_of.items(), strict=True)
    f1 = b_cubed([a.split("-")[1] for a in ids], list(stories))["f1"]
    gold_stories = len({a.split("-")[1] for a in ids})
    live, archived = len(state.story_data), len(state.cold)
    state.cold.close()
    tmp.cleanup()
    return {"n": n, "seconds": round(wall, 2), "articles_per_s": round(n / wall, 1),
            "cpu_seconds": round(cpu, 2), "articles_per_cpu_s": round(n / cpu, 1),
            "dedup_cpu_seconds": round(dedup_cpu, 2), "link_cpu_seconds": round(cpu - dedup_cpu, 2),
            "rss_curve_mib": curve,
            "peak_rss_mib": round(rss, 1), "working_set_peak": peak_ws,
            "working_set_end": len(state.features), "duplicates": copies,
            "live_stories_peak": peak_live, "cold_mib": round(cold_mib, 1),
            "stories": live + archived, "archived_stories": archived,
            "gold_stories": gold_stories,
            "b3_f1": round(f1, 4)}


PEER_WINDOW_DAYS = 30  # the peer compares with clusters active this recently, like the archive


def peer_run(n: int, batch: int, threshold: float, seed: int = 1) -> dict:
    """The peer on the same stream: windowed single-pass clustering of hashed TF vectors (the
    classic online topic-detection baseline), no dedup. Each article joins the most similar
    cluster (cosine to its summed vector >= ``threshold``) among the clusters active in the
    last ``PEER_WINDOW_DAYS`` days, or opens one. Mini-batch: clusters from earlier batches
    are compared at their state when the batch starts (one sparse product per batch); clusters
    opened inside the batch are compared exactly (through the batch's Gram matrix)."""
    from scipy import sparse
    from sklearn.feature_extraction.text import HashingVectorizer

    hasher = HashingVectorizer(n_features=2**20, alternate_sign=False, norm="l2",
                               stop_words="english")
    sums: dict[int, Any] = {}  # cluster -> summed member vectors (1 x F sparse)
    opened = [0]  # clusters opened so far (the next id)
    last_day: dict[int, int] = {}
    labels: list[int] = []
    gold: list[str] = []
    cpu = wall = 0.0
    chunk: list[tuple[Analyzed, str]] = []

    def flush(part: list[tuple[Analyzed, str]]) -> None:
        nonlocal cpu, wall
        t0, c0 = time.perf_counter(), time.process_time()
        x = hasher.transform([(a.article.title or "") + "\n" + a.article.text for a, _ in part])
        day = date.fromisoformat(part[-1][0].article.published or "2030-01-01").toordinal()
        active = [k for k, d in last_day.items() if d >= day - PEER_WINDOW_DAYS]
        if active:
            cen = sparse.vstack([sums[k] for k in active]).tocsr()
            norms = np.sqrt(np.asarray(cen.multiply(cen).sum(axis=1)).ravel())
            old = (x @ cen.T).toarray() / np.maximum(norms, 1e-12)
        else:
            old = np.zeros((x.shape[0], 0))
        gram = (x @ x.T).toarray()
        size = x.shape[0]
        member = np.zeros((size, size))  # member[i, c]: batch row i is in fresh cluster c
        norm2: list[float] = []  # squared norms of the fresh clusters' sums
        fresh_ids: list[int] = []
        for i, (item, label) in enumerate(part):
            best, best_sim = -1, -1.0
            if old.shape[1]:
                j = int(np.argmax(old[i]))
                best, best_sim = active[j], float(old[i, j])
            if fresh_ids:
                sims = (gram[i] @ member[:, : len(fresh_ids)]) / np.sqrt(norm2)
                c = int(np.argmax(sims))
                if sims[c] > best_sim:
                    best, best_sim = fresh_ids[c], float(sims[c])
            if best < 0 or best_sim < threshold:
                best = opened[0]
                opened[0] += 1
                fresh_ids.append(best)
                norm2.append(0.0)
            if best in fresh_ids:
                c = fresh_ids.index(best)
                norm2[c] += 2 * float(gram[i] @ member[:, c]) + gram[i, i]
                member[i, c] = 1.0
            else:
                sums[best] = sums[best] + x[i]
            labels.append(best)
            gold.append(label)
            pub = item.article.published or "2030-01-01"
            last_day[best] = max(last_day.get(best, 0), date.fromisoformat(pub).toordinal())
        for c, k in enumerate(fresh_ids):
            sums[k] = sparse.csr_matrix(x[np.flatnonzero(member[:, c])].sum(axis=0))
        for k in [k for k, d in last_day.items() if d < day - PEER_WINDOW_DAYS]:
            del last_day[k]  # out of the window for good: its vector leaves memory
            del sums[k]
        wall += time.perf_counter() - t0
        cpu += time.process_time() - c0

    for pair in stream(n, seed):
        chunk.append(pair)
        if len(chunk) == batch:
            flush(chunk)
            chunk = []
    if chunk:
        flush(chunk)
    f1 = b_cubed(gold, [str(v) for v in labels])["f1"]
    return {"n": n, "threshold": threshold, "seconds": round(wall, 2),
            "articles_per_s": round(n / wall, 1), "cpu_seconds": round(cpu, 2),
            "articles_per_cpu_s": round(n / cpu, 1), "peak_rss_mib": round(_peak_rss_mib(), 1),
            "stories": len(set(labels)), "b3_f1": round(f1, 4)}


def tune_peer(batch: int, n: int = 10_000) -> float:
    """The peer's threshold, picked on a stream of another seed (crosswire's thresholds were
    not tuned on synthetic data at all)."""
    scores = {t: peer_run(n, batch, t, seed=2)["b3_f1"] for t in (0.2, 0.3, 0.4, 0.5, 0.6)}
    return max(scores, key=lambda t: (scores[t], -t))


def _in_subprocess(args: list[str]) -> dict:
    """One measured run in a fresh interpreter (a clean peak RSS each)."""
    out = subprocess.run([sys.executable, __file__, "--one", *args], check=True,
                         capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def growth_exponent(rows: list[dict]) -> float | None:
    """k in cpu_seconds ~ n**k (least squares on logs; wall time varies with machine load)."""
    if len(rows) < 2:
        return None
    xs = [math.log(r["n"]) for r in rows]
    ys = [math.log(r["cpu_seconds"]) for r in rows]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sum(
        (x - mx) ** 2 for x in xs)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000])
    ap.add_argument("--batch", type=int, default=1000)
    ap.add_argument("--systems", nargs="+", choices=["crosswire", "peer"],
                    default=["crosswire", "peer"])
    ap.add_argument("--peer-threshold", type=float, default=None,
                    help="skip tuning the peer (tuned on a seed-2 stream of 10,000 otherwise)")
    ap.add_argument("--one", action="store_true", help="run one size in this process")
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "link_scale.json")
    args = ap.parse_args(argv)
    if args.one:
        n = args.sizes[0]
        if args.systems == ["peer"]:
            row = peer_run(n, args.batch, args.peer_threshold)
        else:
            row = run(n, args.batch)
        print(json.dumps(row), flush=True)
        return 0
    result: dict[str, Any] = {"batch": args.batch}
    if "crosswire" in args.systems:
        rows = []
        for n in args.sizes:
            rows.append(_in_subprocess(["--batch", str(args.batch), "--sizes", str(n)]))
            print(json.dumps(rows[-1]), flush=True)
        result.update(runs=rows, growth_exponent=growth_exponent(rows))
    if "peer" in args.systems:
        t = args.peer_threshold
        if t is None:
            t = tune_peer(args.batch)
        rows = []
        for n in args.sizes:
            rows.append(_in_subprocess(["--batch", str(args.batch), "--sizes", str(n),
                                        "--systems", "peer", "--peer-threshold", str(t)]))
            print("peer", json.dumps(rows[-1]), flush=True)
        result["peer"] = {"name": "windowed single-pass, hashed TF cosine (scikit-learn)",
                          "threshold": t, "tuned_on": "a seed-2 stream of 10,000",
                          "window_days": PEER_WINDOW_DAYS, "runs": rows,
                          "growth_exponent": growth_exponent(rows)}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
