"""The command line as a new user meets it: each --out folder holds its own corpus, inputs
that read differently on a re-run are reported and replaced on request (--update),
crosswire's own outputs are never read back as articles, readers need an existing store,
results are text for people and JSON with --json, a bad --published is bad usage. All
articles here are invented."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from crosswire.cli import cli

FERRY = {
    "ferry-post.txt": "Lake Vorn ferry sails again\n"
    "The ferry between Brinmouth and Oskarhavn sailed again on Tuesday after a week of "
    "repairs, the operator said. Captain Ilse Marrow said the crossing took forty minutes.\n",
    "ferry-courier.txt": "Brinmouth ferry back on Lake Vorn\n"
    "The Brinmouth ferry returned to Lake Vorn on Tuesday following a week of repairs, the "
    "operator said. Passengers waited at the Oskarhavn pier for the first crossing.\n",
}
ORCHARD = {
    "orchard.txt": "Frost damages Tellmark orchards\n"
    "A late frost on Monday damaged apple blossoms across the Tellmark valley, growers said. "
    "The Tellmark cooperative expects a smaller harvest this autumn.\n",
}


@pytest.fixture(scope="module")
def runner():
    import crosswire.cli.misc  # noqa: F401  (registers the subcommands)
    import crosswire.cli.query  # noqa: F401
    import crosswire.cli.run  # noqa: F401
    import crosswire.cli.serve  # noqa: F401

    return CliRunner()


def write(folder: Path, docs: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in docs.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def run(runner, *args: str):
    result = runner.invoke(cli, ["run", *args, "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout), result


def corpus(out: str | Path) -> dict:
    return json.loads((Path(out) / "corpus.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def store(runner, tmp_path_factory):
    """A store holding the ferry story and the orchard story."""
    root = tmp_path_factory.mktemp("stored")
    write(root / "in", {**FERRY, **ORCHARD})
    path = root / "s.duckdb"
    run(runner, str(root / "in"), "--out", str(root / "out"), "--store", str(path),
        "--published", "2024-05-09")
    return path


# -- each --out folder is its own corpus ---------------------------------------------------
@pytest.mark.slow
def test_cli_each_out_folder_holds_its_own_corpus(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(Path("x"), FERRY)
    write(Path("y"), ORCHARD)
    run(runner, "x", "--out", "A")
    summary, _ = run(runner, "y", "--out", "B")
    assert summary["store"] == str(Path("B") / "crosswire.duckdb")
    assert not Path("crosswire.duckdb").exists()
    assert [r["input"] for r in corpus("B")["inputs"]] == [str(Path("y") / "orchard.txt")]
    assert len(corpus("A")["inputs"]) == 2

    again, _ = run(runner, "x", "y", "--out", "A")  # the same --out stays incremental
    assert again["inputs"] == {"ingested": 1, "duplicate": 0, "rejected": 0, "updated": 0,
                               "skipped": 2}
    assert len(corpus("A")["inputs"]) == 3 and len(corpus("B")["inputs"]) == 1

    run(runner, "x", "--out", "C", "--store", "shared.duckdb")  # --store shares a corpus
    run(runner, "y", "--out", "D", "--store", "shared.duckdb")
    assert len(corpus("D")["inputs"]) == 3
    assert not Path("C", "crosswire.duckdb").exists()


# -- inputs that read differently on a re-run ----------------------------------------------
def _dates(out: str) -> tuple[set, set, list]:
    c = corpus(out)
    return ({a["published"] for a in c["articles"]}, {a["source"] for a in c["articles"]},
            [(s["id"], sorted(e["date"] for e in s["events"])) for s in c["stories"]])


@pytest.mark.slow
def test_cli_changed_metadata_is_reported_then_updated_with_update(runner, tmp_path,
                                                                    monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(Path("x"), FERRY)
    run(runner, "x", "--out", "A", "--published", "2024-05-09", "--source", "Vorn Post")
    published, sources, stories = _dates("A")
    assert published == {"2024-05-09"} and sources == {"Vorn Post"}
    (story_id, dates), = stories
    assert dates[0] == "2024-05-07"  # "on Tuesday" before Thursday 9 May

    plain = runner.invoke(cli, ["run", "x", "--out", "A", "--published", "2024-05-16"])
    assert plain.exit_code == 0, plain.output
    assert "2 already in the store" in plain.stderr
    assert "read differently now" in plain.stderr
    for name in FERRY:
        assert f"{Path('x') / name}: published 2024-05-09 -> 2024-05-16" in plain.stderr
    assert "--update" in plain.stderr
    assert _dates("A")[0] == {"2024-05-09"}  # kept as stored

    updated, result = run(runner, "x", "--out", "A", "--published", "2024-05-16", "--update")
    assert updated["inputs"]["updated"] == 2 and updated["inputs"]["skipped"] == 0
    assert all(c["updated"] and c["fields"] == {"published": {"stored": "2024-05-09",
                                                              "now": "2024-05-16"}}
               for c in updated["changed"])
    assert "recomputed" in result.stderr
    published, sources, stories = _dates("A")
    assert published == {"2024-05-16"}
    assert sources == {"Vorn Post"}  # not given again: the stored value stays
    assert stories == [(story_id, ["2024-05-14"])]  # the event moved with the publication date

    quiet, result = run(runner, "x", "--out", "A", "--published", "2024-05-16")
    assert quiet["changed"] == [] and quiet["inputs"]["skipped"] == 2
    assert "differently" not in result.stderr


@pytest.mark.slow
def test_cli_changed_text_is_read_anew_with_update(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    folder = write(Path("x"), FERRY)
    run(runner, "x", "--out", "A")
    edited = FERRY["ferry-post.txt"].replace("forty minutes", "fifty minutes")
    (folder / "ferry-post.txt").write_text(edited, encoding="utf-8")

    kept, result = run(runner, "x", "--out", "A")
    (change,) = kept["changed"]
    assert change["content"] == "its text changed" and not change["updated"]
    assert "its text changed" in result.stderr
    assert not any("fifty" in a["text"] for a in corpus("A")["articles"])

    updated, _ = run(runner, "x", "--out", "A", "--update")
    assert updated["inputs"]["ingested"] == 1 and updated["inputs"]["skipped"] == 1
    texts = [a["text"] for a in corpus("A")["articles"]]
    assert len(texts) == 2 and any("fifty minutes" in t for t in texts)
    assert not any("forty minutes" in t for t in texts)


@pytest.mark.slow
def test_cli_update_keeps_an_article_other_inputs_copy(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    row = {"id": "vorn-1", "title": "Lake Vorn ferry sails again",
           "text": FERRY["ferry-post.txt"].split("\n", 1)[1], "source": "Vorn Post"}
    Path("feed.jsonl").write_text(json.dumps(row) + "\n", encoding="utf-8")
    Path("mirror.jsonl").write_text(json.dumps(row) + "\n", encoding="utf-8")
    run(runner, "feed.jsonl", "mirror.jsonl", "--out", "A")
    row["text"] = row["text"].replace("forty", "fifty")
    Path("feed.jsonl").write_text(json.dumps(row) + "\n", encoding="utf-8")

    summary, result = run(runner, "feed.jsonl", "mirror.jsonl", "--out", "A", "--update")
    (change,) = summary["changed"]
    assert change["input"] == "feed.jsonl:1" and not change["updated"]
    assert "depend on its stored article" in change["kept_because"]
    assert "not updated" in result.stderr


# -- crosswire's own outputs are never inputs ----------------------------------------------
@pytest.mark.slow
def test_cli_run_never_reads_its_own_outputs(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(Path("."), FERRY)
    first, _ = run(runner, ".", "--out", "out")
    assert first["inputs"]["ingested"] == 2

    again, result = run(runner, ".", "--out", "out")  # corpus.json, briefs and store are there
    assert again["inputs"] == {"ingested": 0, "duplicate": 0, "rejected": 0, "updated": 0,
                               "skipped": 2}
    story_id = first["stories"][0]["id"]
    left_out = set(again["excluded"])
    assert {str(Path("out") / "corpus.json"), str(Path("out") / "crosswire.duckdb"),
            str(Path("out") / "crosswire.duckdb.cold"),  # the store's kept cold tier
            str(Path("out") / "stories" / f"{story_id}.md"),
            str(Path("out") / "stories" / f"{story_id}.html")} <= left_out
    assert "left out" in result.stderr

    other, _ = run(runner, ".", "--out", "elsewhere")  # earlier outputs of another run too
    assert other["inputs"]["ingested"] == 2 and other["inputs"]["rejected"] == 0
    assert len(corpus("elsewhere")["inputs"]) == 2

    named, _ = run(runner, str(Path("out") / "stories" / f"{story_id}.md"), "--out", "z")
    assert named["inputs"]["ingested"] == 0 and named["excluded"]


# -- readers need a store ------------------------------------------------------------------
@pytest.mark.parametrize("command", [["serve"], ["stories"], ["brief", "s-0123456789"]])
def test_cli_readers_stop_on_a_missing_store(runner, tmp_path, monkeypatch, command):
    import werkzeug.serving

    monkeypatch.setattr(werkzeug.serving, "run_simple",
                        lambda *a, **k: pytest.fail("served a missing store"))
    missing = tmp_path / "none.duckdb"
    result = runner.invoke(cli, [*command, "--store", str(missing)])
    assert result.exit_code == 1, result.output
    assert "No crosswire store" in result.stderr and result.stdout == ""
    assert not missing.exists()
    helped = runner.invoke(cli, [command[0], "--help"])
    assert "created if missing" not in helped.stdout
    assert "to read" in helped.stdout


def test_cli_missing_store_names_the_stores_nearby(runner, tmp_path, monkeypatch):
    from crosswire.store.duckdb import DuckDBStore

    monkeypatch.chdir(tmp_path)
    DuckDBStore(Path("out") / "crosswire.duckdb")
    result = runner.invoke(cli, ["stories"])
    assert result.exit_code == 1
    assert f"--store {Path('out') / 'crosswire.duckdb'}" in result.stderr


@pytest.mark.slow
def test_cli_stories_query_without_match_is_not_an_empty_store(runner, store, tmp_path):
    from crosswire.store.duckdb import DuckDBStore

    result = runner.invoke(cli, ["stories", "--store", str(store), "-q", "zzz"])
    assert result.exit_code == 0 and result.stdout == ""
    assert "No story matches 'zzz'" in result.stderr and "2 stories" in result.stderr
    assert "No stories yet" not in result.stderr
    found = runner.invoke(cli, ["stories", "--store", str(store), "-q", "tellmark"])
    assert found.stdout.count("\n") == 1 and "Frost damages Tellmark orchards" in found.stdout

    empty = tmp_path / "empty.duckdb"
    DuckDBStore(empty)
    nothing = runner.invoke(cli, ["stories", "--store", str(empty)])
    assert nothing.exit_code == 0 and "No stories yet" in nothing.stderr


# -- usage errors ----------------------------------------------------------------------------
@pytest.mark.parametrize("command", ["run", "ingest"])
def test_cli_bad_published_is_bad_usage_and_leaves_no_store(runner, tmp_path, command,
                                                             monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(Path("x"), ORCHARD)
    args = ["--out", "A"] if command == "run" else ["--store", "s.duckdb"]
    result = runner.invoke(cli, [command, "x", *args, "--published", "next Tuesday"])
    assert result.exit_code == 2, result.output
    assert "--published" in result.stderr and "ISO 8601" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x"]


def test_api_bad_published_raises_before_a_store_exists(tmp_path):
    import crosswire
    from crosswire.errors import ConfigError

    write(tmp_path / "x", ORCHARD)
    with pytest.raises(ConfigError, match="published"):
        crosswire.analyze([tmp_path / "x"], store=tmp_path / "s.duckdb", published="soon")
    assert not (tmp_path / "s.duckdb").exists()


# -- text for people, --json for scripts -----------------------------------------------------
@pytest.mark.slow
def test_cli_run_and_ingest_print_text_unless_json(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(Path("x"), FERRY)
    write(Path("y"), ORCHARD)
    text = runner.invoke(cli, ["run", "x", "--out", "A"])
    assert text.exit_code == 0, text.output
    with pytest.raises(json.JSONDecodeError):
        json.loads(text.stdout)
    assert text.stdout.startswith(f"Corpus: {Path('A') / 'corpus.json'} (1 story)")
    assert f"Store:  {Path('A') / 'crosswire.duckdb'}" in text.stdout
    assert "2 articles" in text.stdout and "Lake Vorn ferry sails again" in text.stdout
    assert "inputs: 2 ingested" in text.stderr and "inputs:" not in text.stdout

    store = str(Path("A") / "crosswire.duckdb")
    ingested = runner.invoke(cli, ["ingest", "y", "--store", store])
    assert ingested.exit_code == 0, ingested.output
    assert ingested.stdout == f"{store}: 1 ingested, 0 duplicate, 0 rejected; 2 stories\n"
    scripted = runner.invoke(cli, ["ingest", "x", "y", "--store", store, "--json"])
    data = json.loads(scripted.stdout)
    assert data["skipped"] == 3 and data["ingested"] == 0 and data["stories"] == 2
    assert data["changed"] == [] and data["store"] == store


# -- the tests that need real data say what to set ------------------------------------------
def test_shared_data_skip_names_the_folder_and_the_variable(monkeypatch, tmp_path):
    import conftest

    monkeypatch.setattr(conftest, "SHARED_DATA", tmp_path / "nowhere")
    with pytest.raises(pytest.skip.Exception) as skipped:
        conftest.shared_path("seeds")
    message = str(skipped.value)
    assert str(tmp_path / "nowhere") in message and "CROSSWIRE_SHARED_DATA" in message
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    assert "CROSSWIRE_SHARED_DATA" in readme
