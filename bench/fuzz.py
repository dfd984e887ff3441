"""Long fuzz runs of the reliability properties, with a JSON summary.

    python bench/fuzz.py                                   # 2,000 examples per property
    python bench/fuzz.py --examples 20000 --targets jsonl textfile
    python bench/fuzz.py --atheris 600 --targets jsonl      # coverage-guided, 10 minutes each

The properties are the ones in tests/test_reliability_properties.py (random Unicode through
extraction, random JSON Lines bytes and text files through ingest): the same code, run with a
bigger budget (``CROSSWIRE_FUZZ_EXAMPLES``, the variable the test module reads); hypothesis'
example database (.hypothesis/) replays earlier failures first. Summary
(``--out``, default bench/results/fuzz.json): per property the examples run, the seconds, and
each failure with its falsifying example as hypothesis printed it.

``--atheris SECONDS`` drives the same properties with atheris (libFuzzer, coverage-guided;
``pip install atheris``) through hypothesis' ``fuzz_one_input``, one child process per
property; a crash stops that child and is recorded with libFuzzer's message.
"""

from __future__ import annotations

import argparse
import inspect
import io
import os
import re
import subprocess
import sys
import time
import traceback
from contextlib import redirect_stdout
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from common import write_result  # noqa: E402

TARGETS = {
    "extract": "test_extract_random_unicode_spans_exact",
    "extract-pure": "test_extract_same_text_same_result_with_and_without_date",
    "jsonl": "test_ingest_random_jsonl_bytes_never_raise_and_keep_text",
    "textfile": "test_ingest_then_extract_text_files",
}


def _fixtures(targets: list[str]) -> dict[str, Any]:
    """The conftest fixtures the properties use, built the same way (spaCy only if needed)."""
    if set(targets) <= {"jsonl"}:
        return {}
    from crosswire.extract import extract_article
    from crosswire.nlp import load_spacy
    from crosswire.records import Article

    nlp = load_spacy()

    def analyze(text: str, published: str | None = None, source: str | None = None,
                id: str = "a1") -> tuple[Article, Any]:
        article = Article(id=id, text=text, published=published, source=source)
        return article, extract_article(article, nlp(text))

    return {"nlp": nlp, "analyze": analyze}


def _property(target: str, examples: int,
              fixtures: dict[str, Any]) -> tuple[Any, dict[str, int]]:
    """The property wrapped with a bigger budget, its fixtures bound, and a counter of the
    examples run (hypothesis reads ``inner_test`` at call time, so it can be wrapped)."""
    os.environ["CROSSWIRE_FUZZ_EXAMPLES"] = str(examples)  # read when the module is imported
    import test_reliability_properties as props

    test = getattr(props, TARGETS[target])
    counter = {"examples": 0}
    inner = test.hypothesis.inner_test
    wanted = {k: v for k, v in fixtures.items() if k in inspect.signature(test).parameters}

    def counting(*args: Any, **kwargs: Any) -> Any:
        counter["examples"] += 1
        return inner(*args, **{**kwargs, **wanted})

    test.hypothesis.inner_test = counting
    return test, counter


def run_hypothesis(target: str, examples: int, fixtures: dict[str, Any]) -> dict[str, Any]:
    test, counter = _property(target, examples, fixtures)
    wanted = {k: None for k in inspect.signature(test).parameters}  # bound in inner_test
    started = time.monotonic()
    failures = []
    out = io.StringIO()
    try:
        with redirect_stdout(out):
            test(**wanted)
    except Exception as err:  # noqa: BLE001 -- a failure is the result we report
        failures.append({
            "error": f"{type(err).__name__}: {err}"[:2000],
            "falsifying_example": out.getvalue()[-4000:],
            "traceback": "".join(traceback.format_exception(err))[-4000:],
        })
    return {"mode": "hypothesis", "examples": counter["examples"], "failures": failures,
            "seconds": round(time.monotonic() - started, 1)}


def run_atheris_child(target: str) -> None:
    """Inside the child: hand the property to libFuzzer (never returns)."""
    import atheris

    with atheris.instrument_imports(include=["crosswire"]):  # coverage of crosswire only
        import crosswire.extract
        import crosswire.ingest  # noqa: F401
    test, _ = _property(target, 10**9, _fixtures([target]))
    atheris.Setup(sys.argv[:1] + [a for a in sys.argv if a.startswith("-max_total_time")],
                  test.hypothesis.fuzz_one_input)
    atheris.Fuzz()


def run_atheris(target: str, seconds: int) -> dict[str, Any]:
    started = time.monotonic()
    proc = subprocess.run(  # one child per property: libFuzzer exits the process when done
        [sys.executable, __file__, "--atheris-child", target, f"-max_total_time={seconds}"],
        capture_output=True, text=True, timeout=seconds + 600, check=False)
    runs = re.findall(r"Done (\d+) runs", proc.stderr)
    crash = re.search(r"(==\d+== ERROR: libFuzzer.*|Uncaught Python exception:.*)", proc.stderr)
    failures = [] if proc.returncode == 0 else [{
        "error": crash.group(1) if crash else f"exit code {proc.returncode}",
        "output": proc.stderr[-4000:],
    }]
    return {"mode": "atheris", "examples": int(runs[-1]) if runs else None,
            "failures": failures, "seconds": round(time.monotonic() - started, 1)}


def main() -> None:
    if len(sys.argv) > 2 and sys.argv[1] == "--atheris-child":
        run_atheris_child(sys.argv[2])
        return
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--examples", type=int, default=2000, help="examples per property")
    parser.add_argument("--targets", nargs="+", choices=sorted(TARGETS), default=sorted(TARGETS))
    parser.add_argument("--atheris", type=int, metavar="SECONDS",
                        help="fuzz with atheris for SECONDS per property instead")
    parser.add_argument("--out", default="bench/results/fuzz.json")
    args = parser.parse_args()
    fixtures = {} if args.atheris else _fixtures(args.targets)
    results = {}
    for target in args.targets:
        print(f"fuzzing {target} ...", file=sys.stderr, flush=True)
        results[target] = (run_atheris(target, args.atheris) if args.atheris
                           else run_hypothesis(target, args.examples, fixtures))
        r = results[target]
        print(f"  {r['examples']} examples, {len(r['failures'])} failure(s), {r['seconds']} s",
              file=sys.stderr, flush=True)
    total = sum(r["examples"] or 0 for r in results.values())
    failed = sum(len(r["failures"]) for r in results.values())
    write_result(args.out, "fuzz", {"properties": results, "examples_total": total,
                                    "failures_total": failed,
                                    "budget": {"examples": args.examples,
                                               "atheris_seconds": args.atheris}})
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
