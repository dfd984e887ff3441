"""Bad inputs never stop a batch: each is accounted for with a reason a person understands,
and the good inputs beside it survive. All inputs are generated here (fictional text)."""

from __future__ import annotations

import gzip
import io
import json
import os
import random
import time
import zlib
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crosswire.ingest import IngestLimits, read_inputs
from crosswire.records import Article, InputRecord

TODAY = date(2024, 6, 1)
GOOD = "Harbor news\nThe ferry to Westmere runs every twenty minutes on weekdays.\n"
RTL = "שלום עולם — مرحبا بالعالم 👋🏽 café 🇩🇪 naïve"
NOISE = GOOD.encode() + random.Random(1).randbytes(3000).hex().encode()  # does not compress
CP1252 = "Café owners said “we are open” – prices rose 5 % in Zürich."


def _line(obj) -> str:
    return json.dumps(obj, ensure_ascii=False)


def _warc_bytes(n: int) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True)
    for i in range(n):
        body = f"Record {i} of the crawl says the bridge reopened on Tuesday.".encode()
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/plain")], protocol="HTTP/1.1")
        writer.write_record(
            writer.create_warc_record(
                f"https://x.example/{i}", "response", payload=io.BytesIO(body), http_headers=headers
            )
        )
    return buf.getvalue()


def _bomb(size: int) -> bytes:
    comp = zlib.compressobj(9, zlib.DEFLATED, 31)  # gzip container
    chunk = b"\0" * 1_000_000
    return b"".join(comp.compress(chunk) for _ in range(size // len(chunk))) + comp.flush()


FEED_LINES = [
    _line({"id": "ok-1", "text": "First good line."}),
    '{"id": "bad-json", "text": "missing comma" "title": "x"}',
    _line({"id": "no-text", "title": "Only a title"}),
    _line({"id": "num-text", "text": 5}),
    _line({"id": "list-title", "text": "Fine text.", "title": ["a", "b"]}),
    _line({"id": 1.5, "text": "Float id."}),
    _line({"id": True, "text": "Bool id."}),
    _line({"id": "extra", "text": "Extra fields are ignored.", "cluster": 7, "lang": None}),
    _line({"id": "dup", "text": "Same id, same text."}),
    _line({"id": "dup", "text": "Same id, same text."}),
    _line({"id": "dup", "text": "Same id, other text."}),
    _line({"id": "old", "text": "Absurd year.", "published": "1066-10-14"}),
    _line({"id": "future", "text": "Far future.", "published": "2031-01-01"}),
    _line({"id": "ambiguous", "text": "Ambiguous date.", "published": "03/04/2024"}),
    _line({"id": "naive", "text": "No time zone.", "published": "2024-03-05T10:00:00"}),
    _line({"id": "pub-num", "text": "Date as number.", "published": 20240305}),
    "[1, 2, 3]",
    _line({"id": "empty", "text": ""}),
    _line({"id": "spaces", "text": " \n\t "}),
    _line({"id": "rtl", "text": RTL}),
    _line({"id": "ctrl", "text": "Bell\u0007 esc\u001b sep\u2028 nbsp\u00a0 end\r\n"}),
    '{"id": "surrogate", "text": "lone \\ud800 half"}',
    "[" * 100_000 + "]" * 100_000,
    '{"id": 1' + "0" * 5000 + ', "text": "huge int"}',
    "",
    _line({"id": "ok-2", "text": "Last good line."}),
]


@pytest.fixture(scope="module")
def batch(tmp_path_factory) -> dict[str, list[tuple[InputRecord, Article | None]]]:
    """One batch with every kind of bad input next to good ones; results by file name."""
    root = tmp_path_factory.mktemp("bad")
    files: dict[str, bytes] = {
        "00-good.txt": GOOD.encode(),
        "empty.txt": b"",
        "whitespace.txt": b"  \n\t \r\n  ",
        "title-only.txt": b"Just a headline\n",
        "binary.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4,
        "invalid-utf8.txt": "Grüße aus Köln\nDer Fluss ist über die Ufer getreten.".encode()
        + b" \xff\xfe kaputt",
        "cp1252.txt": f"Title\n{CP1252}".encode("cp1252"),
        "utf16.txt": f"Überschrift\nUTF-16: {RTL}".encode("utf-16"),
        "utf8-bom.txt": b"\xef\xbb\xbfBOM title\nBody after a BOM.",
        "rtl.txt": f"כותרת\n{RTL}".encode(),
        "control.txt": b"Control\nA bell \x07 and an escape \x1b inside text.",
        "truncated.html": b"<html><head><title>Cut</title></head><body><article><p>"
        + b"The council met late into the night to discuss the bridge budget. " * 4
        + b"</p><p>The vote was cut off mid-sen",
        "script-only.html": b"<html><head><title>T</title></head><body><script>var x=1;"
        b"</script><div> </div></body></html>",
        "cp1252-declared.html": b'<html><head><meta charset="windows-1252"><title>T</title>'
        b"</head><body><p>" + (CP1252 + " ").encode("cp1252") * 3 + b"</p></body></html>",
        "feed.jsonl": "\n".join(FEED_LINES).encode("utf-8"),
        "mixed-bytes.jsonl": _line({"id": "m1", "text": "fine"}).encode()
        + b'\n{"id": "m2", "text": "bad \xff byte"}\n'
        + _line({"id": "m3", "text": "also fine"}).encode(),
        "blank.jsonl": b"\n\n  \n",
        "corrupt.jsonl.gz": b"\x1f\x8b\x08\x00garbage that is not deflate data",
        "truncated.txt.gz": gzip.compress(
            GOOD.encode() + random.Random(1).randbytes(3000).hex().encode()
        )[:900],
        "not-gzip.txt.gz": b"plain text pretending to be gzip",
        "truncated.warc.gz": _warc_bytes(3)[:-60],
        "not-a-warc.warc": b"this is not a web archive at all\n" * 5,
        "report.pdf": b"%PDF-1.4 fictional",
        "orphan-sidecar.meta.json": b'{"source": "nobody"}',
        "bad-sidecar.txt": b"Sidecar broken\nBody text with a broken sidecar.",
        "bad-sidecar.meta.json": b"{not json",
        "zz-good.jsonl": _line({"id": "zz", "text": "A good feed line at the end."}).encode(),
    }
    for name, data in files.items():
        (root / name).write_bytes(data)
    with (root / "huge.txt").open("wb") as f:  # sparse: cheap to make, 25 MB by size
        f.truncate(25_000_000)
    (root / "loopdir").mkdir()
    (root / "loopdir" / "inner.txt").write_text("Inner\nA file inside a looping directory.")
    os.symlink("..", root / "loopdir" / "up")  # directory loop
    os.symlink("loop-b.txt", root / "loop-a.txt")  # file symlink loop
    os.symlink("loop-a.txt", root / "loop-b.txt")
    os.symlink("missing-target.txt", root / "broken-link.txt")
    os.mkfifo(root / "pipe.txt")  # reading it would block forever
    explicit = [root, root / "orphan-sidecar.meta.json", root / "does-not-exist.txt"]
    started = time.monotonic()
    results = list(read_inputs(explicit, today=TODAY))
    assert time.monotonic() - started < 30
    by_name: dict[str, list[tuple[InputRecord, Article | None]]] = {}
    for rec, art in results:
        name = Path(rec.input.split("#")[0]).name.split(":")[0]
        by_name.setdefault(name, []).append((rec, art))
    return by_name


def single(batch, name):
    (result,) = batch[name]
    return result


def test_ingest_bad_batch_accounts_for_every_input(batch):
    for results in batch.values():
        for rec, art in results:
            assert rec.status in ("ingested", "duplicate", "rejected")
            if rec.status == "rejected":
                assert art is None and rec.reason and rec.article is None
            else:
                assert art is not None and rec.article == art.id and art.input == rec.input
    assert single(batch, "00-good.txt")[0].status == "ingested"
    assert single(batch, "zz-good.jsonl")[0].status == "ingested"


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("empty.txt", "empty file"),
        ("whitespace.txt", "only whitespace"),
        ("title-only.txt", "only a title line"),
        ("binary.txt", "not text: looks binary (NUL bytes)"),
        ("script-only.html", "no main text"),
        ("blank.jsonl", "empty file"),
        ("corrupt.jsonl.gz", "corrupt or truncated gzip"),
        ("truncated.txt.gz", "corrupt or truncated gzip"),
        ("not-gzip.txt.gz", "corrupt or truncated gzip"),
        ("not-a-warc.warc", "not a WARC file"),
        ("report.pdf", "unsupported file type '.pdf'"),
        ("orphan-sidecar.meta.json", "metadata sidecar"),
        ("huge.txt", "file larger than 20 MB limit (25 MB; set --max-bytes)"),
        ("broken-link.txt", "broken symbolic link"),
        ("pipe.txt", "not a regular file"),
        ("loop-a.txt", "cannot read"),
        ("loop-b.txt", "cannot read"),
        ("does-not-exist.txt", "no such file"),
    ],
)
def test_ingest_bad_file_rejected_with_reason(batch, name, reason):
    rec, art = single(batch, name)
    assert (rec.status, art) == ("rejected", None)
    assert reason in rec.reason


@pytest.mark.parametrize(
    ("name", "text", "warning"),
    [
        ("cp1252.txt", CP1252, "decoded as cp1252"),
        ("utf16.txt", f"UTF-16: {RTL}", None),
        ("utf8-bom.txt", "Body after a BOM.", None),
        ("rtl.txt", RTL, None),
        ("control.txt", "A bell \x07 and an escape \x1b inside text.", None),
    ],
)
def test_ingest_text_encodings_decoded(batch, name, text, warning):
    rec, art = single(batch, name)
    assert rec.status == "ingested"
    assert art.text == text
    assert rec.reason == warning if warning is None else warning in rec.reason
    assert not art.title.startswith("\ufeff")


def test_ingest_invalid_utf8_replaced_with_warning(batch):
    rec, art = single(batch, "invalid-utf8.txt")
    assert rec.status == "ingested" and "invalid UTF-8" in rec.reason
    assert art.title == "Grüße aus Köln" and "\ufffd" in art.text


def test_ingest_truncated_html_keeps_what_is_there(batch):
    rec, art = single(batch, "truncated.html")
    assert rec.status == "ingested"
    assert "discuss the bridge budget" in art.text


def test_ingest_html_declared_charset(batch):
    rec, art = single(batch, "cp1252-declared.html")
    assert rec.status == "ingested" and CP1252 in art.text and rec.reason is None


def test_ingest_broken_sidecar_is_a_warning(batch):
    rec, art = single(batch, "bad-sidecar.txt")
    assert rec.status == "ingested" and "sidecar bad-sidecar.meta.json ignored" in rec.reason
    assert art.source is None


def test_ingest_symlink_loop_visits_directory_once(batch):
    assert [r.status for r, _ in batch["inner.txt"]] == ["ingested"]


def test_ingest_truncated_warc_keeps_earlier_records(batch):
    results = batch["truncated.warc.gz"]
    assert [r.status for r, _ in results] == ["ingested", "ingested", "rejected"]
    assert "truncated WARC" in results[-1][0].reason


def _feed(batch):
    return {int(r.input.rsplit(":", 1)[1]): (r, a) for r, a in batch["feed.jsonl"]}


@pytest.mark.parametrize(
    ("line", "status", "reason"),
    [
        (1, "ingested", None),
        (2, "rejected", "invalid JSON on line 2: Expecting ',' delimiter"),
        (3, "rejected", "missing 'text' field"),
        (4, "rejected", "'text' must be a string, got a number"),
        (5, "rejected", "'title' must be a string, got an array"),
        (6, "rejected", "'id' must be a string or an integer, got a number"),
        (7, "rejected", "'id' must be a string or an integer, got a boolean"),
        (8, "ingested", None),
        (9, "ingested", None),
        (10, "duplicate", "exact copy of dup"),
        (11, "rejected", "duplicate id 'dup' with different text"),
        (12, "ingested", "year 1066 in '1066-10-14' is before 1800"),
        (13, "ingested", "is more than a year after today"),
        (14, "ingested", "'03/04/2024' is not an ISO 8601 date"),
        (15, "ingested", None),
        (16, "rejected", "'published' must be a string, got a number"),
        (17, "rejected", "expected a JSON object, got an array"),
        (18, "rejected", "empty 'text'"),
        (19, "rejected", "'text' is only whitespace"),
        (20, "ingested", None),
        (21, "ingested", None),
        (22, "rejected", "unpaired surrogate"),
        (23, "rejected", "invalid JSON on line 23"),
        (24, "rejected", "invalid JSON on line 24"),
        (26, "ingested", None),
    ],
)
def test_ingest_feed_lines(batch, line, status, reason):
    rec, art = _feed(batch)[line]
    assert rec.status == status
    if reason is None:
        assert rec.reason is None
    else:
        assert reason in rec.reason
    if status in ("ingested", "duplicate"):
        assert art.text == json.loads(FEED_LINES[line - 1])["text"]  # exactly as given
    if line in (12, 13, 14):
        assert art.published is None and rec.reason.startswith("published date ignored")
    if line == 15:
        assert art.published == "2024-03-05T10:00:00"


def test_ingest_feed_blank_line_is_not_an_input(batch):
    assert sorted(_feed(batch)) == [n for n in range(1, 27) if n != 25]


def test_ingest_feed_invalid_utf8_line_rejected_alone(batch):
    results = batch["mixed-bytes.jsonl"]
    assert [r.status for r, _ in results] == ["ingested", "rejected", "ingested"]
    assert "invalid UTF-8 on line 2" in results[1][0].reason


def test_ingest_gzip_bomb_is_bounded(tmp_path):
    (tmp_path / "bomb.txt.gz").write_bytes(_bomb(30_000_000))
    (tmp_path / "bomb.jsonl.gz").write_bytes(_bomb(30_000_000))
    (tmp_path / "good.txt").write_text(GOOD)
    limits = IngestLimits(max_bytes=5_000_000, max_decompressed=10_000_000)
    started = time.monotonic()
    results = list(read_inputs([tmp_path], limits=limits, today=TODAY))
    assert time.monotonic() - started < 10
    by_name = {Path(r.input).name.split(":")[0]: r for r, _ in results}
    assert "larger than 5 MB limit (possible gzip bomb" in by_name["bomb.txt.gz"].reason
    assert "possible gzip bomb" in by_name["bomb.jsonl.gz"].reason
    assert by_name["good.txt"].status == "ingested"


def test_ingest_warc_decompression_budget(tmp_path):
    (tmp_path / "many.warc.gz").write_bytes(_warc_bytes(20))
    results = list(
        read_inputs([tmp_path], limits=IngestLimits(max_decompressed=1_000), today=TODAY)
    )
    assert results[-1][0].status == "rejected" and "--max-decompressed" in results[-1][0].reason
    assert 1 <= sum(r.status == "ingested" for r, _ in results) < 20


def test_ingest_overlong_jsonl_line_rejected_alone(tmp_path):
    path = tmp_path / "long.jsonl"
    lines = [_line({"id": "a", "text": "short"}), _line({"id": "b", "text": "x" * 5000})]
    path.write_text("\n".join(lines + [_line({"id": "c", "text": "short too"})]))
    results = list(read_inputs([path], limits=IngestLimits(max_bytes=1000), today=TODAY))
    assert [r.status for r, _ in results] == ["ingested", "rejected", "ingested"]
    assert "line 2 is 5.0 KB, over the 1 KB limit (set --max-bytes)" in results[1][0].reason


def test_ingest_unreadable_file(tmp_path):
    path = tmp_path / "secret.txt"
    path.write_text(GOOD)
    path.chmod(0)
    try:
        if os.access(path, os.R_OK):
            pytest.skip("running as root: chmod 000 does not stop reading")
        ((rec, _),) = list(read_inputs([path], today=TODAY))
        assert rec.status == "rejected" and "permission denied" in rec.reason
    finally:
        path.chmod(0o644)


def test_ingest_max_files_stops_with_reason(tmp_path):
    for i in range(5):
        (tmp_path / f"{i}.txt").write_text(f"T{i}\nbody {i}")
    results = list(read_inputs([tmp_path], limits=IngestLimits(max_files=3), today=TODAY))
    assert [r.status for r, _ in results] == ["ingested"] * 3 + ["rejected"]
    assert "--max-files" in results[-1][0].reason


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(), inner, max_size=3),
    max_leaves=8,
)
feed_objects = st.fixed_dictionaries(
    {"text": st.text(min_size=0, max_size=200)},
    optional={
        "id": st.one_of(st.text(max_size=20), st.integers(), json_values),
        "title": st.one_of(st.text(max_size=30), json_values),
        "published": st.one_of(st.text(max_size=30), st.dates().map(str), json_values),
        "source": st.text(max_size=20),
        "junk": json_values,
    },
)
feed_lines = st.one_of(feed_objects.map(_line), st.text(max_size=80), json_values.map(_line))


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(lines=st.lists(feed_lines, min_size=1, max_size=6))
def test_ingest_random_jsonl_never_raises_and_keeps_text(tmp_path, lines):
    path = tmp_path / "random.jsonl"
    path.write_text("\n".join(line.replace("\n", " ") for line in lines), encoding="utf-8")
    results = list(read_inputs([path], today=TODAY))
    assert results
    for rec, art in results:
        assert rec.status in ("ingested", "duplicate", "rejected")
        if art is not None:
            lineno = int(rec.input.rsplit(":", 1)[1])
            given_line = path.read_bytes().decode("utf-8").split("\n")[lineno - 1]
            assert art.text == json.loads(given_line)["text"]
