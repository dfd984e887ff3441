"""Write docs/benchmarks.md from the JSON results in bench/results/ (so the table is always
the numbers last measured, never typed by hand).

    python bench/report.py
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results"
DOC = ROOT / "docs" / "benchmarks.md"

Row = tuple[str, str, str, str, str, str]  # what, crosswire, peer, ratio, target, reproduce


def _load(name: str) -> dict[str, Any] | None:
    path = RESULTS / f"{name}.json"
    return json.loads(path.read_text()) if path.exists() else None


def _f(x: float | None, digits: int = 3) -> str:
    return "—" if x is None else f"{x:.{digits}f}"


def _ratio(a: float | None, b: float | None) -> str:
    return "—" if not a or not b else f"{a / b:.2f}×"


def quotes(d: dict[str, Any]) -> list[Row]:
    cw, tx = d["crosswire"], d["textacy"]
    cmd = "`python bench/bench_quotes.py`"
    rows = []
    for group, target in (("direct+mixed", "≥ 0.80"), ("indirect", "≥ 0.50"), ("all", "")):
        a, b = cw[group]["overlap"]["f1"], tx[group]["overlap"]["f1"]
        rows.append((f"Quotes ({group}), span F1 overlap — PolNeAR dev", _f(a), f"textacy {_f(b)}",
                     _ratio(a, b), target, cmd))
    a, b = cw["direct+mixed"]["speaker_accuracy"], tx["direct+mixed"]["speaker_accuracy"]
    rows.append(("Quotes (direct+mixed), speaker accuracy — PolNeAR dev", _f(a),
                 f"textacy {_f(b)}", _ratio(a, b), "≥ 0.90 (issue 17)", cmd))
    return rows


def timex(d: dict[str, Any]) -> list[Row]:
    cw, dp = d["crosswire"], d["dateparser"]
    cmd = "`python bench/bench_timex.py`"
    return [
        ("Timex value F1 — TempEval-3 AQUAINT dev", _f(cw["value_f1"]),
         f"dateparser {_f(dp['value_f1'])}", _ratio(cw["value_f1"], dp["value_f1"]),
         "> 0.776 (HeidelTime, TE-3 test)", cmd),
        ("Timex relaxed span F1", _f(cw["relaxed"]["f1"]), f"dateparser {_f(dp['relaxed']['f1'])}",
         _ratio(cw["relaxed"]["f1"], dp["relaxed"]["f1"]), "≥ 0.90", cmd),
        ("Timex strict span F1", _f(cw["strict"]["f1"]), f"dateparser {_f(dp['strict']['f1'])}",
         _ratio(cw["strict"]["f1"], dp["strict"]["f1"]), "", cmd),
    ]


def numbers(d: dict[str, Any]) -> list[Row]:
    rows = []
    systems = d.get("systems", {})
    for fixture in ("numbers_heldout", "numbers"):
        try:
            a = systems["crosswire"][fixture]["full"]["f1"]
            b = systems["quantulum3"][fixture]["full"]["f1"]
        except KeyError:
            continue
        rows.append((f"Numeric claims full F1 (span+value+unit) — fixture `{fixture}`", _f(a),
                     f"quantulum3 {_f(b)}", _ratio(a, b), "",
                     "`python bench/bench_numbers.py` (needs `pip install quantulum3`)"))
    return rows


def entities(d: dict[str, Any]) -> list[Row]:
    cw, sp = d["systems"]["crosswire"], d["systems"]["spacy_surface"]
    a, b = cw["corpus"]["b3"]["f1"], sp["corpus"]["b3"]["f1"]
    return [("Entity canonical names, corpus B³ F1 — fictional fixture", _f(a),
             f"spaCy surface strings {_f(b)}", _ratio(a, b), "",
             "`python bench/bench_entities.py`")]


def clustering(d: dict[str, Any]) -> list[Row]:
    rows = []
    cmd = "`python bench/bench_clustering.py`"
    names = {"ecbplus_dev": ("ECB+ dev (gold: subtopic)", "≥ 0.97", "≥ 0.95"),
             "newsclust_dev": ("news stream dev (gold: cluster)", "≥ 0.90", "")}
    for key, (label, story_target, event_target) in names.items():
        s = d["sets"].get(key)
        if not s:
            continue
        sy = s["systems"]
        best = max(("tfidf_agglo", "single_pass"), key=lambda k: sy[k]["b3"]["f1"])
        peer = sy[best]["b3"]["f1"]
        a = sy["crosswire"]["b3"]["f1"]
        rows.append((f"Story clustering B³ F1 — {label}", _f(a),
                     f"TF-IDF+agglomerative {_f(sy['tfidf_agglo']['b3']['f1'])}, "
                     f"single-pass {_f(sy['single_pass']['b3']['f1'])}", _ratio(a, peer),
                     story_target, cmd))
        ref = s.get("reference_kmeans_known_k")
        if ref:
            rows.append((f"Reference: K-means told the gold K ({ref['k']}) — {label}",
                         "—", f"mean {_f(ref['b3_f1_mean'])} (min {_f(ref['b3_f1_min'])}, "
                         f"max {_f(ref['b3_f1_max'])}, 5 seeds)", "—", "", cmd))
        e = sy["crosswire_event"]["b3"]["f1"]
        rows.append((f"Event clustering B³ F1 — {label}", _f(e), "—", "—", event_target, cmd))
    return rows


def embeddings(d: dict[str, Any]) -> list[Row]:
    rows = []
    cmd = "`python bench/bench_embeddings.py` (needs the packages in its docstring)"
    for key, label in (("ecbplus_dev", "ECB+ dev"), ("newsclust_dev", "news stream dev")):
        sy = d["sets"][key]
        a = sy["crosswire"]["b3"]["f1"]
        best = max(sy["emb_agglo"]["b3"]["f1"], sy["emb_single_pass"]["b3"]["f1"])
        rows.append((f"Story B³ F1, sparse linker vs MiniLM embeddings — {label}", _f(a),
                     f"MiniLM agglomerative {_f(sy['emb_agglo']['b3']['f1'])}, single-pass "
                     f"{_f(sy['emb_single_pass']['b3']['f1'])}; linker + MiniLM term "
                     f"{_f(sy['crosswire_plus_emb']['b3']['f1'])}", _ratio(a, best), "", cmd))
    rows.append(("MiniLM (int8 ONNX) embedding speed, articles per CPU-second",
                 "—", _f(d["embed_articles_per_cpu_s"], 1), "—", "", cmd))
    return rows


def dedup(d: dict[str, Any]) -> list[Row]:
    cmd = "`python bench/bench_dedup.py`"
    sp, err, q = d["speed"], d["jaccard_error"], d["dedup"]
    ours, peer = sp["crosswire_signature"], sp["peer_signature"]
    e2e, e2e_peer = sp["crosswire_end_to_end"], sp["peer_end_to_end"]
    a, b = err["crosswire"]["mean_abs_error"], err["peer"]["mean_abs_error"]
    return [
        (f"Near-duplicate signature, {d['articles']} real articles (~{d['mean_words']} words): "
         "ms per article (CPU)", _f(ours["ms_per_article"]),
         f"datasketch SHA-1 `update_batch` {_f(peer['ms_per_article'])}",
         f"{d['ratio_signature_speed']:.2f}×", "< 0.2 ms", cmd),
        ("Dedup end to end (signature, match, add): articles per CPU-s",
         _f(e2e["articles_per_s"], 1), f"scheme 1 path {_f(e2e_peer['articles_per_s'], 1)}",
         f"{d['ratio_end_to_end_speed']:.2f}×", "", cmd),
        (f"MinHash Jaccard mean abs error vs exact shingle Jaccard ({err['crosswire']['pairs']} "
         f"edited/unrelated real pairs; ideal {_f(err['ideal']['mean_abs_error'], 4)})",
         f"{_f(a, 4)} (bias {_f(err['crosswire']['mean_error'], 4)})",
         f"datasketch SHA-1 {_f(b, 4)} (bias {_f(err['peer']['mean_error'], 4)})",
         _ratio(a, b), "≈ peer", cmd),
        ("Dedup precision / recall, synthetic copies of real articles (exact Jaccard ≥ 0.8)",
         f"{_f(q['crosswire']['precision'])} / {_f(q['crosswire']['recall'])}",
         f"datasketch SHA-1 {_f(q['peer']['precision'])} / {_f(q['peer']['recall'])}", "—", "",
         cmd),
    ]


def link_scale(d: dict[str, Any]) -> list[Row]:
    cmd = "`python bench/bench_link_scale.py --sizes 10000 100000 1000000`"
    peer = d.get("peer") or {}
    peer_runs = {r["n"]: r for r in peer.get("runs", [])}
    rows = []
    for run in d["runs"]:
        cpu = run.get("articles_per_cpu_s")
        ws = run.get("working_set_peak")
        split = ""
        if run.get("link_cpu_seconds"):
            n = run["n"]
            split = (f"; dedup {1000 * run['dedup_cpu_seconds'] / n:.2f} + link "
                     f"{1000 * run['link_cpu_seconds'] / n:.2f} ms/article")
        other = peer_runs.get(run["n"])
        rows.append((f"Dedup + linking, {run['n']:,} synthetic articles: articles per CPU-s "
                     "(wall; peak RSS; live articles at most; B³ F1 vs synthetic labels)",
                     f"{cpu if cpu else '—'} ({run['articles_per_s']}/s wall; "
                     f"{run['peak_rss_mib']:.0f} MiB; {ws if ws else '—'}; "
                     f"{_f(run.get('b3_f1'))}{split})",
                     (f"windowed single-pass (hashed TF, t={peer['threshold']}) "
                      f"{other['articles_per_cpu_s']} ({other['peak_rss_mib']:.0f} MiB; "
                      f"{_f(other['b3_f1'])})") if other else "—",
                     _ratio(cpu, other["articles_per_cpu_s"]) if other and cpu else "—",
                     "≥ 1,000/s, < 2 GB flat", cmd))
        curve = run.get("rss_curve_mib")
        if curve and run is d["runs"][-1]:  # the largest run's curve
            points = ", ".join(f"{n // 1000:,}k: {mib:.0f}" for n, mib in curve)
            if run.get("cold_mib") is not None:  # archived stories in the cold tier on disk
                points += (f" (archived stories on disk: {run['archived_stories']:,}, "
                           f"{run['cold_mib']:.0f} MiB)")
            rows.append((f"Peak RSS (MiB) along the {run['n']:,} run", points, "—", "—",
                         "flat", cmd))
    if d.get("growth_exponent"):
        rows.append(("Linking cost growth exponent", _f(d["growth_exponent"], 2),
                     _f(peer["growth_exponent"], 2) if peer.get("growth_exponent") else "—",
                     "—", "≈ 1", "`python bench/bench_link_scale.py`"))
    return rows


def incremental(d: dict[str, Any]) -> list[Row]:
    sizes = " ".join(str(r["n"]) for r in d["runs"])
    cmd = f"`python bench/bench_incremental.py --sizes {sizes}`"
    rows = []
    for run in d["runs"]:
        ours, peer = run["crosswire"], run["peer_relink_all"]
        peer_mib = f"; {peer['peak_mib']}" if peer.get("peak_mib") is not None else ""
        rows.append((f"Add {d['batch']} articles to a store of {run['n']:,}: seconds, median of "
                     f"{d.get('batches', 1)} batches (link and store; briefs of "
                     f"{ours.get('articles_briefed', '?')} articles; CPU seconds; peak MiB "
                     f"of the step, of link and store alone; stored link state "
                     f"{run['link_state_kib']:,.0f} KiB)",
                     f"{ours['seconds']} ({ours.get('link_and_store_seconds', '?')}; "
                     f"{ours.get('brief_seconds', '?')}; {ours['cpu_seconds']}; "
                     f"{ours['peak_mib']}; {ours.get('link_and_store_peak_mib', '?')})",
                     f"relink the whole store {peer['seconds']} ({peer['cpu_seconds']}"
                     f"{peer_mib})",
                     _ratio(peer["seconds"], ours["seconds"]),
                     "link and store flat from 1k to 100k", cmd))
    return rows


def pipeline(d: dict[str, Any]) -> list[Row]:
    peer = d["peer_spacy_plus_trafilatura"]
    workers = d.get("extraction_workers")
    cmd = "`python bench/bench_pipeline.py`"
    label = (f"Full pipeline, {d['articles']} real articles (~{d['mean_words']} words): "
             "articles/s" + (f" ({workers} extraction workers)" if workers else ""))
    rows = [(label, _f(d["crosswire"]["articles_per_s"], 2),
             f"bare spaCy + trafilatura {_f(peer['articles_per_s'], 2)}",
             f"{d['ratio_crosswire_over_peer']:.2f}×", "≥ 20/s", cmd)]
    parallel = d.get(f"peer_spacy_n_process_{workers}_plus_trafilatura")
    if parallel:
        rows.append((f"Full pipeline vs the peer on {workers} processes too (spaCy n_process)",
                     _f(d["crosswire"]["articles_per_s"], 2),
                     f"bare spaCy ({workers} processes) + trafilatura "
                     f"{_f(parallel['articles_per_s'], 2)}",
                     f"{d['ratio_crosswire_over_parallel_peer']:.2f}×", "", cmd))
    return rows


def stream(d: dict[str, Any]) -> list[Row]:
    rows = [(f"Streaming ingest, {r['n']:,} synthetic ~600-word articles: articles/s "
             "(peak RSS" + (f"; {r['extraction_workers']} extraction workers, largest"
                            if r.get("extraction_workers") else "") + ")",
             f"{r['articles_per_s']} ({r['peak_rss_mb']:.0f} MB"
             + (f"; {r['worker_peak_rss_mb']:.0f} MB" if r.get("extraction_workers") else "")
             + (f"; all processes {r['peak_pss_all_processes_mb']} MB PSS"
                if r.get("peak_pss_all_processes_mb") else "")
             + ")", "—", "—", "≥ 20/s, < 2 GB", "`python bench/bench_stream.py`")
            for r in d["runs"]]
    if d.get("growth_exponent"):
        rows.append(("Streaming cost growth exponent", _f(d["growth_exponent"], 2), "—", "—",
                     "≈ 1", "`python bench/bench_stream.py`"))
    return rows


def extract_speed(d: dict[str, Any]) -> list[Row]:
    rows = []
    cmd = "`python bench/bench_extract_speed.py`"
    for name, r in d.get("extractors", {}).items():
        rows.append((f"Extractor speed, {name} (parsed docs): articles/s",
                     _f(r["articles_per_s"], 1), "—", "—", "", cmd))
    stage = d.get("extract_stage", {})
    pooled, spacy2 = stage.get("worker pool, 2 processes"), stage.get("n_process=2")
    if pooled and spacy2:
        rows.append(("Extract stage (parse + all extractors), 2 worker processes: articles/s",
                     _f(pooled["articles_per_s"], 1),
                     f"one process {_f(stage['n_process=1']['articles_per_s'], 1)}, spaCy "
                     f"n_process=2 {_f(spacy2['articles_per_s'], 1)}",
                     f"{pooled['articles_per_s'] / stage['n_process=1']['articles_per_s']:.2f}×",
                     "≥ 20/s", cmd))
    return rows


def spark(d: dict[str, Any]) -> list[Row]:
    cmd = "`python bench/bench_spark.py`"
    return [
        (f"Spark local[2] vs local[1] speed-up ({d['corpus']['articles']} articles)",
         f"{d['speedup_local2_vs_local1']:.2f}×", "—", "—", "≥ 1.7×", cmd),
        ("Spark local[2] time / local engine time", f"{d['overhead_spark2_vs_local']:.2f}", "—",
         "—", "", cmd),
    ]


def conflicts(d: dict[str, Any]) -> list[Row]:
    cmd = "`python bench/bench_conflicts.py`"
    cw, base = d["plants"]["crosswire"], d["plants"]["baseline"]
    peer = "numbers-before-a-word baseline"
    sets = ", ".join(s.replace("_", " ").replace("ecbplus", "ECB+") for s in d["splits"])
    rows = []
    for kind in (*d["kinds"], "all"):
        a, b = cw[kind], base[kind]
        if not a["planted"]:
            continue
        what = (f"Planted contradictions found (recall), all kinds, {a['planted']} plants in "
                f"{d['clusters']} real clusters ({sets})" if kind == "all" else
                f"Planted contradictions found (recall), {kind} ({a['planted']} plants)")
        note = " (count plants are numbers before a noun: what it flags)" if kind == "count" else ""
        rows.append((what, f"{_f(a['recall'])} ({a['found']})",
                     f"{peer} {_f(b['recall'])} ({b['found']}){note}",
                     _ratio(a["recall"], b["recall"]), "", cmd))
    a, b = cw["all"], base["all"]
    if "recall_any_copy" in a:  # (results written before this measure have none)
        rows.append(("Planted contradictions shown against the partner or another outlet's "
                     "copy of the replaced value (recall), all kinds",
                     f"{_f(a['recall_any_copy'])} ({a['found_any_copy']})",
                     f"{peer} {_f(b['recall_any_copy'])} ({b['found_any_copy']})",
                     _ratio(a["recall_any_copy"], b["recall_any_copy"]), "", cmd))
    rows.append(("False alarms on plants: new conflicts not about the plant (plants with one)",
                 f"{a['false_alarms']} ({a['plants_with_false_alarm']})",
                 f"{peer} {b['false_alarms']} ({b['plants_with_false_alarm']})", "—", "", cmd))
    a, b = d["rewordings"]["crosswire"]["all"], d["rewordings"]["baseline"]["all"]
    rows.append((f"False alarms on {a['cases']} meaning-preserving rewordings: new conflicts "
                 "(rewordings with one)", f"{a['false_alarms']} ({a['cases_with_false_alarm']})",
                 f"{peer} {b['false_alarms']} ({b['cases_with_false_alarm']})", "—", "0", cmd))
    u = d["untouched_conflicts"]
    rows.append((f"Conflicts flagged on the {d['clusters']} untouched clusters (true or not)",
                 str(u["crosswire"]), f"{peer} {u['baseline']}", "—", "", cmd))
    return rows


SECTIONS: list[tuple[str, str, Callable[[dict[str, Any]], list[Row]]]] = [
    ("quotes", "Quotes", quotes), ("timex", "Dates", timex), ("numbers", "Numbers", numbers),
    ("entities", "Entities", entities), ("clustering", "Stories and events", clustering),
    ("conflicts", "Contradictions", conflicts),
    ("embeddings", "Sparse linking vs sentence embeddings", embeddings),
    ("dedup", "Near duplicates", dedup),
    ("link_scale", "Linking at scale", link_scale),
    ("incremental", "Adding to a large store", incremental),
    ("pipeline", "Pipeline speed", pipeline),
    ("stream", "Streaming", stream),
    ("extract_speed", "Extractor speed", extract_speed), ("spark", "Spark", spark),
]

HEADER = """# Benchmarks

Generated by `python bench/report.py` from the JSON files in `bench/results/` (each written
by the benchmark named in the last column; run it to reproduce the row). Real data is read
from `../shared/data/` at run time and never stored here. Every benchmark runs a peer on the
same data in the same run; "ratio" is crosswire / peer (for speed, higher is better).
Measured on this project's 2-core machine, often while other jobs shared it: speed rows are
lower bounds. Quality targets are the ones in the issues.

| what | crosswire | peer | ratio | target | reproduce |
|---|---|---|---|---|---|
"""


def main() -> None:
    lines = [HEADER.rstrip("\n")]
    notes = []
    for name, _, build in SECTIONS:
        data = _load(name)
        if data is None:
            notes.append(f"- `bench/results/{name}.json` is missing: run its benchmark.")
            continue
        for row in build(data):
            lines.append("| " + " | ".join(row) + " |")
    text = "\n".join(lines) + "\n"
    extra = ROOT / "docs" / "benchmarks-notes.md"
    if notes:
        text += "\n" + "\n".join(notes) + "\n"
    if extra.exists():
        text += "\n" + extra.read_text()
    DOC.write_text(text)
    print(f"wrote {DOC}")


if __name__ == "__main__":
    main()
