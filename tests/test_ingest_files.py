"""Ingest readers on good inputs: each format, sidecars, caller metadata, directories."""

from __future__ import annotations

import gzip
import io
import json
from datetime import date
from pathlib import Path

import pytest

from conftest import CORPUS, shared_path
from crosswire.errors import ConfigError
from crosswire.ingest import IngestLimits, check_published, make_article_id, read_inputs
from crosswire.records import Article, InputRecord

INGEST = CORPUS / "ingest"
TODAY = date(2024, 6, 1)


def run(paths, **kwargs) -> list[tuple[InputRecord, Article | None]]:
    kwargs.setdefault("today", TODAY)
    return list(read_inputs(paths, **kwargs))


def only(paths, **kwargs) -> tuple[InputRecord, Article | None]:
    results = run(paths, **kwargs)
    assert len(results) == 1, results
    return results[0]


def write_warc(path: Path, pages: list[tuple[str, str, bytes, str]], gz: bool = True) -> None:
    """pages: (url, status line, body, content type) -> one response record each."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=gz)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "tests"}))
        for url, status, body, ctype in pages:
            headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            record = writer.create_warc_record(
                url, "response", payload=io.BytesIO(body), http_headers=headers
            )
            writer.write_record(record)


def test_ingest_text_file_title_body_and_sidecar():
    rec, art = only([INGEST / "wire-original.txt"])
    assert rec.status == "ingested" and rec.reason is None
    assert art.title == "Westmere reopens Harbor Street bridge after six weeks of repairs"
    assert art.text.startswith("WESTMERE — The Harbor Street bridge reopened")
    assert art.text.endswith("at its next meeting.")
    assert (art.source, art.published, art.author) == ("Northline Wire", "2024-03-05", "Tom Reyes")
    assert art.url == "https://wire.example/westmere-bridge"
    assert art.id == make_article_id(art.text, art.url) == rec.article
    assert art.input == rec.input == str(INGEST / "wire-original.txt")


def test_ingest_meta_overrides_sidecar_and_first_line():
    meta = {"source": "Cli Outlet", "published": "2024-03-04", "title": None}
    _, art = only([INGEST / "wire-original.txt"], meta=meta)
    assert art.source == "Cli Outlet" and art.published == "2024-03-04"
    assert art.title.startswith("Westmere reopens")  # None means "not given"
    assert art.author == "Tom Reyes"


@pytest.mark.parametrize("bad", [{"outlet": "x"}, {"published": "next tuesday"}])
def test_ingest_bad_caller_meta_is_a_config_error(bad):
    with pytest.raises(ConfigError, match="outlet|published"):
        run([INGEST / "wire-original.txt"], meta=bad)


def test_ingest_markdown_title_and_crlf(tmp_path):
    path = tmp_path / "note.md"
    path.write_bytes(b"# A markdown headline\r\n\r\nFirst line.\r\nSecond line.\r\n")
    _, art = only([path])
    assert art.title == "A markdown headline"
    assert art.text == "First line.\nSecond line."


def test_ingest_jsonl_contract_fields_kept_exactly():
    results = run([INGEST / "feed.jsonl"])
    assert [r.input for r, _ in results] == [f"{INGEST / 'feed.jsonl'}:{n}" for n in (1, 2, 3)]
    assert all(r.status == "ingested" for r, _ in results)
    lines = [json.loads(x) for x in (INGEST / "feed.jsonl").read_text().splitlines()]
    for (rec, art), line in zip(results, lines, strict=True):
        assert art.text == line["text"]  # byte-for-byte: offsets line up with the source
        assert art.id == str(line["id"]) == rec.article
    first = results[0][1]
    assert (first.title, first.source, first.author) == (
        "Council approves bridge review",
        "Westmere Radio",
        "Sam Okafor",
    )
    assert first.published == "2024-03-06T08:00:00Z" and first.url == "https://radio.example/1"
    assert results[1][1].id == "42"


def test_ingest_jsonl_meta_fills_gaps_only():
    results = run([INGEST / "feed.jsonl"], meta={"source": "Flag Source"})
    assert [a.source for _, a in results] == ["Westmere Radio", "Flag Source", "Flag Source"]


def test_ingest_jsonl_gz_and_ndjson(tmp_path):
    line = json.dumps({"id": "z1", "text": "Zipped text."}) + "\n"
    (tmp_path / "a.jsonl.gz").write_bytes(gzip.compress(line.encode()))
    (tmp_path / "b.ndjson").write_text(line.replace("z1", "z2"))
    results = run([tmp_path])
    assert [(r.status, a.id) for r, a in results] == [("ingested", "z1"), ("ingested", "z2")]


def test_ingest_jsonl_utf16_with_bom(tmp_path):
    path = tmp_path / "u16.jsonl"
    lines = [json.dumps({"id": i, "text": f"Zeile {i} — ü"}, ensure_ascii=False) for i in (1, 2)]
    path.write_bytes("\n".join(lines).encode("utf-16"))
    results = run([path])
    assert [a.text for _, a in results] == ["Zeile 1 — ü", "Zeile 2 — ü"]


def test_ingest_html_main_text_and_metadata():
    rec, art = only([INGEST / "courier-bridge.html"])
    assert rec.status == "ingested", rec
    assert "Traffic returned to the Harbor Street bridge" in art.text
    assert "chief engineer Marek Dubois" in art.text
    for boilerplate in ("Advertisement", "All rights reserved", "Privacy", "Weather"):
        assert boilerplate not in art.text
    assert art.source == "The Westmere Courier"
    assert art.author == "Priya Nandakumar"
    assert art.published == "2024-03-05"
    assert art.url == "https://courier.example/news/harbor-bridge-reopens"
    assert "Harbor Street bridge reopens" in art.title


def test_ingest_html_meta_flags_override_page(tmp_path):
    _, art = only(
        [INGEST / "courier-bridge.html"], meta={"source": "Mine", "published": "2024-03-01"}
    )
    assert (art.source, art.published) == ("Mine", "2024-03-01")


def test_ingest_html_date_in_body_is_not_publication_date(tmp_path):
    body = "<p>" + "The market opened on 12 January 2021 with new stalls and music. " * 5 + "</p>"
    path = tmp_path / "nodate.html"
    path.write_text(f"<html><head><title>Market</title></head><body>{body}</body></html>")
    rec, art = only([path])
    assert rec.status == "ingested" and art.published is None


def test_ingest_warc_html_responses(tmp_path):
    page = (INGEST / "courier-bridge.html").read_bytes()
    path = tmp_path / "crawl.warc.gz"
    write_warc(
        path,
        [
            ("https://courier.example/a", "200 OK", page, "text/html; charset=utf-8"),
            ("https://courier.example/logo.png", "200 OK", b"\x89PNG\r\n\x1a\n", "image/png"),
            ("https://courier.example/old", "301 Moved Permanently", b"", "text/html"),
            ("https://courier.example/t.txt", "200 OK", b"Plain words here.", "text/plain"),
        ],
    )
    results = run([path])
    assert all(r.input.startswith(f"{path}#") for r, _ in results)
    assert [r.status for r, _ in results] == ["ingested", "rejected", "rejected", "ingested"]
    (rec, art), (png, _), (moved, _), (_, plain) = results
    assert "Traffic returned" in art.text and art.source == "The Westmere Courier"
    assert "image/png" in png.reason and "301" in moved.reason
    assert plain.text == "Plain words here." and plain.url == "https://courier.example/t.txt"
    offsets = [int(r.input.rsplit("#", 1)[1]) for r, _ in results]
    assert offsets == sorted(offsets) and len(set(offsets)) == 4


def test_ingest_uncompressed_warc(tmp_path):
    path = tmp_path / "crawl.warc"
    write_warc(path, [("https://x.example/", "200 OK", b"Only text.", "text/plain")], gz=False)
    ((rec, art),) = run([path])
    assert rec.status == "ingested" and art.text == "Only text."


def test_ingest_directory_walk_sorted_recursive_and_sidecars_skipped(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.txt").write_text("Zed\nbody z")
    (tmp_path / "b" / "z.meta.json").write_text('{"source": "Zed Times"}')
    (tmp_path / "a.txt").write_text("Aye\nbody a")
    (tmp_path / ".hidden.txt").write_text("Hidden\nnot an input")
    (tmp_path / "c.text").write_text("See\nbody c")
    results = run([tmp_path])
    names = [Path(r.input).relative_to(tmp_path).as_posix() for r, _ in results]
    assert names == ["a.txt", "b/z.txt", "c.text"]
    assert results[1][1].source == "Zed Times"
    assert run([tmp_path]) == results  # deterministic


def test_ingest_corpus_directory_accounts_for_every_file():
    results = run([INGEST])
    by_name = {Path(r.input.split(":")[0]).name: r for r, _ in results}
    assert by_name["README.md"].status == "ingested"  # markdown is an input format
    assert "wire-original.meta.json" not in by_name
    statuses = {r.status for r, _ in results}
    assert statuses == {"ingested"}
    assert len(results) == 8  # README.md, 3 txt, 1 html, 3 feed lines


@pytest.mark.parametrize(
    ("value", "kept"),
    [
        ("2024-03-05", True),
        ("2024-03-05T10:00:00", True),  # no time zone: kept as given
        ("2024-03-05 10:00", True),
        ("2024-03-05T10:00:00.123+02:00", True),
        ("2024-03-05T10:00:00Z", True),
        ("2025-05-31", True),  # within a year of today
        ("2026-01-01", False),  # far future
        ("0201-03-05", False),  # absurd year
        ("2024-02-30", False),  # no such day
        ("03/04/2024", False),  # ambiguous
        ("2024-03", False),  # not precise to the day
        ("next tuesday", False),
    ],
)
def test_ingest_check_published(value, kept):
    got, warning = check_published(value, TODAY)
    assert (got == value) is kept
    assert (warning is None) is kept
    if warning:
        assert warning.startswith("published date ignored:") and repr(value) in warning


def test_ingest_limits_are_configurable(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Title\n" + "word " * 100)
    rec, _ = only([path], limits=IngestLimits(max_chars=50))
    assert rec.status == "rejected" and "--max-chars" in rec.reason
    rec, _ = only([path], limits=IngestLimits(max_bytes=100))
    assert rec.status == "rejected" and "--max-bytes" in rec.reason


def test_ingest_real_seeds_have_title_and_body(seeds_dir):
    results = run([seeds_dir])
    assert len(results) == 2 and all(r.status == "ingested" for r, _ in results)
    for _, art in results:
        assert art.title and len(art.text) > 1000 and art.published is None


def test_ingest_real_newsclust_feed():
    path = shared_path("newsclust", "dev.jsonl")
    results = run([path], today=date(2026, 1, 1))
    lines = path.read_text(encoding="utf-8").splitlines()
    assert len(results) == len(lines)
    assert all(r.status == "ingested" for r, _ in results), [
        r for r, _ in results if r.status != "ingested"
    ][:3]
    for (_, art), line in zip(results, lines, strict=True):
        obj = json.loads(line)
        assert art.text == obj["text"] and art.id == obj["id"]
