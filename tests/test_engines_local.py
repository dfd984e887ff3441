"""The local engine: resume after kill -9, idempotent re-runs, incremental ids, readers
during a write. Uses generated fictional articles (no real text)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

import duckdb
import pytest

import crosswire
from crosswire.config import load_settings
from crosswire.errors import StoreBusyError
from crosswire.store.duckdb import DuckDBStore

pytestmark = pytest.mark.slow

TOWNS = ["Ashford", "Belmont Cove", "Cedar Falls", "Dunmore", "Elkridge", "Fairhaven"]
THINGS = ["bridge repair", "library expansion", "bus strike", "harbor dredging",
          "school merger", "water rate hike"]


def _article(i: int) -> dict:
    town, thing = TOWNS[i % len(TOWNS)], THINGS[(i // len(TOWNS)) % len(THINGS)]
    text = (
        f"{town} officials discussed the {thing} on Tuesday, report number {i}.\n\n"
        f"Council member Dana Whitfield{i % 7} said the {thing} would cost about {i + 3} million "
        f"dollars. \"We have waited long enough,\" said Whitfield{i % 7}. "
        f"More than {20 + i % 50} residents attended the meeting in {town}."
    )
    return {"id": f"gen-{i:04d}", "title": f"{town} weighs {thing}", "source": f"Outlet {i % 5}",
            "published": f"2024-0{1 + i % 9}-1{i % 9}", "text": text}


@pytest.fixture()
def feed(tmp_path):
    path = tmp_path / "feed.jsonl"
    lines = [json.dumps(_article(i)) for i in range(120)]
    lines.insert(17, "{not json")  # one bad line: rejected, the rest goes on
    path.write_text("\n".join(lines) + "\n")
    return path


def _count_inputs(store_path) -> int:
    try:
        con = duckdb.connect(str(store_path), read_only=True)
    except duckdb.Error:
        return -1  # the writer holds the lock right now
    try:
        return con.execute("SELECT count(*) FROM inputs").fetchone()[0]
    except duckdb.Error:
        return -1
    finally:
        con.close()


def test_engine_resumes_after_kill_9_without_loss_or_duplicates(tmp_path, feed):
    store = tmp_path / "s.duckdb"
    config = tmp_path / "c.toml"
    config.write_text("[ingest]\nbatch_size = 8\n")
    cmd = [sys.executable, "-m", "crosswire.cli", "ingest", str(feed), "--store", str(store),
           "--config", str(config), "--json"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        if _count_inputs(store) >= 24:
            break
        time.sleep(0.05)
    assert proc.poll() is None, "the ingest finished before it could be interrupted"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    done = _count_inputs(store)
    assert 24 <= done < 121

    again = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    assert again.returncode == 0, again.stderr  # the bad line was accounted for before the kill
    summary = json.loads(again.stdout)
    assert summary["skipped"] == done

    reader = DuckDBStore(store, read_only=True)
    records = reader.inputs()
    assert len(records) == 121 == len({r.input for r in records})  # each input exactly once
    assert sum(r.status == "rejected" for r in records) == 1
    ingested = {r.article for r in records if r.status == "ingested"}
    assert {a.article.id for a in reader.analyzed()} == ingested | {
        r.article for r in records if r.status == "duplicate"}
    assert ingested == {f"gen-{i:04d}" for i in range(120)}

    # the resumed store links exactly like an uninterrupted run
    fresh = crosswire.analyze([feed], store=str(tmp_path / "fresh.duckdb"))
    resumed = sorted((s["id"], tuple(reader.story(s["id"])["articles"])) for s in reader.stories())
    clean = sorted((s["id"], tuple(s["articles"])) for s in fresh.stories)
    assert [sid for sid, _ in resumed] == [sid for sid, _ in clean]


def test_engine_rerun_is_idempotent_and_incremental_ids_stable(tmp_path):
    first = tmp_path / "a.jsonl"
    second = tmp_path / "b.jsonl"
    first.write_text("".join(json.dumps(_article(i)) + "\n" for i in range(0, 36, 2)))
    second.write_text("".join(json.dumps(_article(i)) + "\n" for i in range(1, 36, 2)))
    store = str(tmp_path / "s.duckdb")
    a = crosswire.analyze([first], store=store)
    before = {s["id"]: set(s["articles"]) for s in a.stories}
    again = crosswire.analyze([first], store=store)
    assert again.report.skipped == 18 and again.report.ingested == 0
    assert {s["id"]: set(s["articles"]) for s in again.stories} == before
    b = crosswire.analyze([second], store=store)
    after = {s["id"]: set(s["articles"]) for s in b.stories}
    for sid, members in before.items():
        survivor = next((k for k, v in after.items() if members <= v), None)
        assert survivor is not None, f"story {sid} lost articles"
        assert survivor == sid or sid in next(
            s for s in b.stories if s["id"] == survivor).get("aliases", [])


def test_engine_reader_during_write_sees_snapshot_or_busy(tmp_path, feed):
    store = tmp_path / "s.duckdb"
    DuckDBStore(store)  # an empty store, so readers can open it from the start
    config = tmp_path / "c.toml"
    config.write_text("[ingest]\nbatch_size = 16\n")
    cmd = [sys.executable, "-m", "crosswire.cli", "ingest", str(feed), "--store", str(store),
           "--config", str(config), "--json"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    seen, busy = [], 0
    try:
        while proc.poll() is None:
            try:
                reader = DuckDBStore(store, read_only=True, busy_timeout=0.2)
                seen.append(len(reader.inputs()))
            except StoreBusyError:
                busy += 1
            time.sleep(0.1)
    finally:
        proc.wait(timeout=300)
    final = len(DuckDBStore(store, read_only=True).inputs())
    assert final == 121
    assert seen == sorted(seen), "a reader never sees the store go backwards"
    assert all(n % 16 == 0 or n == final for n in seen), "readers see whole batches only"
    assert seen or busy


def test_engine_settings_batch_size_used(tmp_path, feed):
    settings = load_settings(ingest__batch_size=50)
    store, report = crosswire.ingest([feed], store=str(tmp_path / "s.duckdb"), settings=settings)
    assert report.ingested == 120 and report.rejected == 1
