"""Extraction in worker processes: the parse *and* the extractors run on every core.

spaCy's own ``n_process`` parallelises only the parse, sends every ``Doc`` back to the parent
(where the extractors then run one article at a time) and starts its workers again on each
call. Here the workers keep the NLP back end for the whole run, each parses and extracts its
share of a batch, and they send back only the ``Extraction`` records, in input order.

On Linux the workers are forked, after the parent loaded the model once (the workers share
its pages); a spawned worker would load its own and import the caller's main module again,
so a script without ``if __name__ == "__main__":`` would run twice. The child never
touches what the parent's other threads (DuckDB's, a progress bar's) were doing; it only
parses and extracts. Elsewhere they are spawned (fork is unsafe on macOS), and scripts need
that guard. ``Article`` records go to the workers and ``Extraction`` records come back through
``multiprocessing``, pickled: objects our own processes made, never a pickle read from input.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import sys
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor

from ..nlp import BATCH_SIZE, process_backend
from ..records import Article, Extraction

log = logging.getLogger(__name__)

MAX_AUTO_WORKERS = 4  # a spawned worker holds its own model (a few hundred MB for spaCy's sm)
CHUNK = 8  # articles per task: small enough that long articles do not leave a core idle
START_METHOD = "fork" if sys.platform == "linux" else "spawn"
PR_SET_PDEATHSIG = 1  # prctl(2)

_task: tuple[str, str | None, int] = ("", None, 32)  # the worker's (back end, model, batch)
_failure: Exception | None = None  # why the back end did not load, raised with the first task


def auto_workers() -> int:
    """Worker processes for ``n_process = 0``: one per core this process may use, at most
    ``MAX_AUTO_WORKERS``."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cores = os.cpu_count() or 1
    return max(1, min(cores, MAX_AUTO_WORKERS))


class ExtractPool:
    """``workers`` processes extracting batches of articles; use as a context manager (or
    call ``close``)."""

    def __init__(self, backend: str, model: str | None, workers: int,
                 batch_size: int = BATCH_SIZE) -> None:
        if START_METHOD == "fork":  # load the model once, here: the workers share its pages
            process_backend(backend, model)
        self._pool = ProcessPoolExecutor(
            workers, mp_context=multiprocessing.get_context(START_METHOD),
            initializer=_start, initargs=(backend, model, batch_size, os.getpid()))
        log.info("extracting in %d worker processes", workers)

    def submit(self, articles: Sequence[Article]) -> Callable[[], list[Extraction]]:
        """Start extracting ``articles``; the returned function waits for their extractions
        (in input order). Batches submitted one after another keep the workers busy."""
        futures = [self._pool.submit(_extract_chunk, list(articles[i : i + CHUNK]))
                   for i in range(0, len(articles), CHUNK)]
        return lambda: [x for future in futures for x in future.result()]

    def extract(self, articles: Sequence[Article]) -> list[Extraction]:
        """Extractions of ``articles``, in input order."""
        return self.submit(articles)()

    def close(self) -> None:
        self._pool.shutdown(cancel_futures=True)

    def __enter__(self) -> ExtractPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _start(backend: str, model: str | None, batch_size: int, parent: int) -> None:
    """Worker initializer: load the back end once (a forked worker already has it). A
    failure is kept and raised with the first task, so the parent sees the real error (a
    model that is not installed), not a broken pool."""
    global _task, _failure
    _die_with_parent(parent)
    _task = (backend, model, batch_size)
    try:
        process_backend(backend, model)
    except Exception as err:  # noqa: BLE001 - re-raised in the parent by ``_extract_chunk``
        _failure = err


def _die_with_parent(parent: int) -> None:
    """On Linux, ask the kernel to end this worker when the parent (pid ``parent``) dies: a
    parent killed with SIGKILL cannot shut its pool down, and idle workers would wait for
    work forever."""
    if sys.platform != "linux":
        return
    import ctypes
    import signal

    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
    if os.getppid() != parent:  # the parent died before the request was made
        os._exit(1)


def _extract_chunk(articles: list[Article]) -> list[Extraction]:
    from ..extract import extract_articles

    if _failure is not None:
        raise _failure
    backend, model, batch_size = _task
    return list(extract_articles(articles, process_backend(backend, model),
                                 batch_size=batch_size))
