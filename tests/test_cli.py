"""The command line: thin commands, results on stdout, exit codes scripts can rely on."""

from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner

from conftest import CORPUS
from crosswire.cli import cli, main  # noqa: F401  (main registers the subcommands)

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def runner():
    import crosswire.cli.eval  # noqa: F401
    import crosswire.cli.misc  # noqa: F401
    import crosswire.cli.query  # noqa: F401
    import crosswire.cli.run  # noqa: F401
    import crosswire.cli.serve  # noqa: F401

    return CliRunner()


@pytest.fixture(scope="module")
def feed(tmp_path_factory):
    folder = tmp_path_factory.mktemp("feed")
    path = folder / "feed.jsonl"
    rows = [json.loads(p.read_text()) for p in sorted(CORPUS.glob("*.json"))]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    return path


@pytest.fixture(scope="module")
def ran(runner, feed, tmp_path_factory):
    out = tmp_path_factory.mktemp("out")
    store = out / "s.duckdb"
    result = runner.invoke(cli, ["run", str(feed), "--out", str(out), "--store", str(store),
                                 "--json"])
    return result, out, store


def test_cli_run_writes_corpus_and_briefs(ran):
    result, out, _ = ran
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    assert summary["corpus"].endswith("corpus.json")
    assert len(summary["stories"]) == 2
    for story in summary["stories"]:
        assert sorted(p.rsplit(".", 1)[1] for p in story["files"]) == ["html", "json", "md"]
    assert (out / "corpus.json").exists()


def test_cli_stories_and_brief_formats(runner, ran):
    _, out, store = ran
    listed = runner.invoke(cli, ["stories", "--store", str(store), "--json"])
    assert listed.exit_code == 0
    rows = json.loads(listed.stdout)
    story_id = rows[0]["id"]
    for fmt, marker in (("json", '"facts"'), ("md", "# "), ("html", "<svg")):
        brief = runner.invoke(cli, ["brief", story_id, "--store", str(store), "--format", fmt])
        assert brief.exit_code == 0, brief.output
        assert marker in brief.stdout
    text = runner.invoke(cli, ["stories", "--store", str(store)])
    assert story_id in text.stdout


def test_cli_validate_accepts_output_and_rejects_broken(runner, ran, tmp_path):
    _, out, _ = ran
    ok = runner.invoke(cli, ["validate", str(out / "corpus.json")])
    assert ok.exit_code == 0 and "valid corpus" in ok.stdout
    broken = json.loads((out / "corpus.json").read_text())
    del broken["stories"][0]["facts"]
    path = tmp_path / "broken.json"
    path.write_text(json.dumps(broken))
    bad = runner.invoke(cli, ["validate", str(path)])
    assert bad.exit_code == 1
    assert "facts" in bad.output


def test_cli_rejected_input_exits_3_and_says_why(runner, feed, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("   \n")
    result = runner.invoke(cli, ["run", str(feed), str(empty), "--out", str(tmp_path / "o"),
                                 "--store", str(tmp_path / "s.duckdb")])
    assert result.exit_code == 3
    assert "rejected" in result.stderr and "empty" in result.stderr


@pytest.mark.parametrize(("args", "code", "words"), [
    (["brief", "s-nope", "--store", "{store}"], 1, "crosswire stories"),
    (["stories", "--store", "{missing}"], 1, "crosswire ingest"),
    (["run", "--out", "x"], 2, "Missing argument"),
    (["run", "{feed}", "--out", "{tmp}/o", "--store", "{tmp}/s2.duckdb", "--published",
      "not a date"], 2, "published"),
])
def test_cli_errors_have_codes_and_advice(runner, ran, feed, tmp_path, args, code, words):
    _, _, store = ran
    args = [a.format(store=store, missing=tmp_path / "none.duckdb", feed=feed, tmp=tmp_path)
            for a in args]
    result = runner.invoke(cli, args)
    assert result.exit_code == code, result.output
    assert words.lower() in result.output.lower()


def test_cli_plugins_lists_backends(runner):
    result = runner.invoke(cli, ["plugins"])
    assert "nlp.spacy.v1" in result.stdout and "local.v1" in result.stdout


def test_cli_eval_timex_on_fictional_gold(runner, tmp_path):
    text = "The ferry sank on Tuesday. Divers searched for three days."
    gold = {"id": "d1", "dct": "2024-05-09", "text": text, "timexes": [
        {"start": 18, "end": 25, "text": "Tuesday", "type": "DATE", "value": "2024-05-07"},
        {"start": 43, "end": 57, "text": "for three days"[4:], "type": "DURATION",
         "value": "P3D"}]}
    gold["timexes"][1].update(start=text.index("three days"), end=text.index("three days") + 10)
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(gold) + "\n")
    result = runner.invoke(cli, ["eval", "timex", str(path), "--json"])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.stdout)
    assert scores["relaxed"]["f1"] == 1.0 and scores["value_accuracy"] == 1.0


def test_cli_demo_counts_what_each_brief_holds(runner, tmp_path):
    result = runner.invoke(cli, ["demo", "--out", str(tmp_path / "demo")])
    assert result.exit_code == 0, result.output
    briefs = sorted((tmp_path / "demo" / "stories").glob("*.json"))
    assert briefs
    for path in briefs:
        story = json.loads(path.read_text())
        speakers = {q["speaker"] for q in story["quotes"] if q["speaker"]}
        n = len(story["events"])
        assert (f"{n} event{'' if n == 1 else 's'}, " in result.output)
        assert (f"{len(story['quotes'])} quotes from {len(speakers)} speakers"
                in result.output)
        # the fact counts are those the report lists (issue 17: the demo said 22 agreed where
        # its report showed 12)
        md = path.with_suffix(".md").read_text()
        agreed = re.search(r"### Agreed by two or more independent sources \((\d+)\)", md)
        unique = re.search(r"### Reported by one source only \((\d+)\)", md)
        assert agreed and unique
        assert f"{agreed[1]} agreed / {unique[1]} single-source" in result.output
