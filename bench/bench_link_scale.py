"""Link-only throughput of ``link_articles`` at 10k / 100k (/ 1M) synthetic articles.

How the data is made: every non-empty line (sentence) of ../shared/data/{ecbplus,newsclust}
texts goes into one pool. A synthetic story draws a *theme* of 12 consecutive sentences from
one real document, two fictional people, one organisation and one place (made-up names such
as "Person 17-1"), and a base date. Each of its articles (5-15 per story) takes 4-7 theme
sentences plus 1-2 random pool sentences, is published 0-6 days after the base date, and
carries its story's entities (with character offsets into its text) and a DATE TimeRef.
Stories arrive spread over the corpus period, so the stream keeps opening new stories. No
spaCy runs: the bench measures the link stage only. Articles are linked in batches of 1,000
(incremental, as the local engine does), and the sanity B³ F1 against the synthetic story
labels is reported too.

Usage: python bench/bench_link_scale.py --sizes 10000 [100000 ...] --out FILE.json
Reports articles/s (wall and CPU: the machine is shared, so CPU time is the steadier
number), seconds, peak RSS (resource.getrusage, MiB) per size and the growth exponent
fitted on log(cpu seconds) ~ k * log(n) across the sizes run.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import resource
import sys
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from common import SHARED_DATA  # noqa: E402  (bench/common.py: one place for the data path)

from crosswire.evaluate.clustering import b_cubed  # noqa: E402
from crosswire.link import link_articles  # noqa: E402
from crosswire.records import (  # noqa: E402
    Analyzed,
    Article,
    Entity,
    Extraction,
    Sentence,
    TimeRef,
)

DATA = SHARED_DATA


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
    rnd = random.Random(seed)
    docs = load_docs()
    pool = [s for d in docs for s in d]
    items, gold = [], []
    start = date(2030, 1, 1)
    span = max(30, n // 20)  # days over which stories start
    story = 0
    while len(items) < n:
        story += 1
        doc = rnd.choice(docs)
        i = rnd.randrange(max(1, len(doc) - 12))
        theme = doc[i : i + 12]
        names = [(f"Person {story}-1", "PERSON"), (f"Person {story}-2", "PERSON"),
                 (f"Agency {story}", "ORG"), (f"Place {story}", "GPE")]
        base = start + timedelta(days=rnd.randrange(span))
        for k in range(rnd.randint(5, 15)):
            if len(items) >= n:
                break
            sents = rnd.sample(theme, min(len(theme), rnd.randint(4, 7)))
            sents += rnd.sample(pool, rnd.randint(1, 2))
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
            items.append(Analyzed(art, Extraction(aid, tuple(sentences), tuple(entities), (),
                                                  (when,))))
            gold.append(str(story))
    return items, gold


def run(n: int, batch: int) -> dict:
    items, gold = synth(n)
    items_order = sorted(range(n), key=lambda i: (items[i].article.published, items[i].article.id))
    t0, c0 = time.perf_counter(), time.process_time()
    state = None
    for b in range(0, n, batch):
        state = link_articles([items[i] for i in items_order[b : b + batch]], state)
    secs = time.perf_counter() - t0
    cpu = time.process_time() - c0
    assert state is not None
    pred = [state.story_of[a.article.id] for a in items]
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"n": n, "seconds": round(secs, 2), "articles_per_s": round(n / secs, 1),
            "cpu_seconds": round(cpu, 2), "articles_per_cpu_s": round(n / cpu, 1),
            "peak_rss_mib": round(rss, 1), "stories": len(state.stories),
            "gold_stories": len(set(gold)), "b3_f1": round(b_cubed(gold, pred)["f1"], 4)}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000])
    ap.add_argument("--batch", type=int, default=1000)
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "link_scale.json")
    args = ap.parse_args(argv)
    rows = []
    for n in args.sizes:
        rows.append(run(n, args.batch))
        print(json.dumps(rows[-1]), flush=True)
    exponent = None
    if len(rows) >= 2:
        xs = [math.log(r["n"]) for r in rows]
        ys = [math.log(r["cpu_seconds"]) for r in rows]  # wall time varies with machine load
        mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
        exponent = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sum(
            (x - mx) ** 2 for x in xs
        )
    result = {"runs": rows, "growth_exponent": exponent, "batch": args.batch}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n")
    print(f"growth exponent: {exponent}; wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
