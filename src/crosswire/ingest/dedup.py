"""Exact and near-duplicate articles (wire copies, syndication) with MinHash + LSH.

Texts are normalised (NFKC, case-folded, words only) and cut into word 5-shingles; a
``MinHash(seed=1, num_perm=128, scheme="affine32")`` signature estimates their Jaccard
similarity and a ``MinHashLSH`` index finds candidates. A candidate is a copy when the
estimated Jaccard is at least ``threshold`` (0.8): a re-headlined wire story or one with a
byline added is caught, a different article on the same topic is not. Signatures are plain
lists of ints once ``.tolist()``-ed, so a store can rebuild the index on the next run.
"""

from __future__ import annotations

import hashlib
import logging
import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

import numpy as np
from datasketch import LeanMinHash, MinHash, MinHashLSH

from .common import Result, duplicate

log = logging.getLogger(__name__)

SEED = 1
SCHEME = "affine32"  # datasketch >= 2.0; signatures of different schemes never mix
SHINGLE = 5
_WORD = re.compile(r"\w+")
_BATCH = 4096


def normalize_tokens(text: str) -> list[str]:
    """Words of ``text`` after NFKC and case folding; punctuation and spacing dropped."""
    return _WORD.findall(unicodedata.normalize("NFKC", text).casefold())


def shingles(tokens: Sequence[str], size: int = SHINGLE) -> set[bytes]:
    """Word ``size``-shingles; a text shorter than that is one shingle."""
    if not tokens:
        return set()
    if len(tokens) < size:
        return {" ".join(tokens).encode("utf-8", "surrogatepass")}
    return {
        " ".join(tokens[i : i + size]).encode("utf-8", "surrogatepass")
        for i in range(len(tokens) - size + 1)
    }


def make_minhash(signature: Sequence[int] | np.ndarray) -> LeanMinHash:
    """A comparable MinHash from stored hash values (same seed and scheme as ``Deduper``)."""
    return LeanMinHash(seed=SEED, hashvalues=np.asarray(signature, dtype=np.uint32), scheme=SCHEME)


@dataclass(frozen=True, slots=True)
class Match:
    """An earlier article that a text copies: its id, the estimated Jaccard, exact or not."""

    id: str
    jaccard: float
    exact: bool

    @property
    def reason(self) -> str:
        if self.exact:
            return f"exact copy of {self.id}"
        return f"near-duplicate of {self.id} (Jaccard≈{self.jaccard:.2f})"


@dataclass
class _Window:
    """One generation of the index (all of it when the Deduper has no window)."""

    lsh: MinHashLSH
    hashes: dict[str, LeanMinHash] = field(default_factory=dict)
    exact: dict[bytes, str] = field(default_factory=dict)
    order: dict[str, int] = field(default_factory=dict)


class Deduper:
    """An index of articles seen so far; ``find`` names the one a new text copies.

    With ``window`` the index remembers the latest ``window`` to ``2 * window`` articles (two
    generations; the older is dropped when the newer fills up), so memory stays flat on an
    endless stream: a wire copy runs within days of its original, not years later.
    """

    def __init__(self, threshold: float = 0.8, num_perm: int = 128,
                 window: int | None = None) -> None:
        if not 0.0 < threshold <= 1.0:
            raise ValueError(f"threshold must be in (0, 1], got {threshold}")
        if window is not None and window < 1:
            raise ValueError(f"window must be a positive number of articles, got {window}")
        self.threshold = threshold
        self.num_perm = num_perm
        self.window = window
        self._template = MinHash(num_perm=num_perm, seed=SEED, scheme=SCHEME)
        self._empty = self._template.hashvalues.copy()
        self._windows = [self._new_window()]
        self._count = 0  # articles ever added: their order across windows

    def _new_window(self) -> _Window:
        return _Window(MinHashLSH(threshold=self.threshold, num_perm=self.num_perm))

    def __len__(self) -> int:
        return sum(len(w.order) for w in self._windows)

    def __contains__(self, article_id: object) -> bool:
        return any(article_id in w.order for w in self._windows)

    def signature(self, text: str) -> np.ndarray:
        """MinHash hash values of ``text`` (``num_perm`` uint32s). Pure and deterministic."""
        minhash = self._template.copy()
        grams = list(shingles(normalize_tokens(text)))
        for i in range(0, len(grams), _BATCH):  # bounded memory on long texts
            minhash.update_batch(grams[i : i + _BATCH])
        values: np.ndarray = minhash.hashvalues.copy()
        return values

    def add(
        self,
        article_id: str,
        text: str | None = None,
        signature: Sequence[int] | np.ndarray | None = None,
    ) -> None:
        """Index an article by its text, its stored signature, or both (saves rehashing)."""
        if article_id in self:
            return
        if text is None and signature is None:
            raise ValueError(f"add({article_id!r}) needs the text or a stored signature")
        values = self._as_values(signature) if signature is not None else self.signature(text or "")
        if self.window is not None and len(self._windows[-1].order) >= self.window:
            self._windows = [self._windows[-1], self._new_window()]  # the oldest is dropped
        win = self._windows[-1]
        win.order[article_id] = self._count
        self._count += 1
        if text is not None:
            win.exact.setdefault(_exact_key(text), article_id)
        if np.array_equal(values, self._empty):
            return  # no words: only an exact copy can match it
        lean = make_minhash(values)
        win.hashes[article_id] = lean
        win.lsh.insert(article_id, lean, check_duplication=False)

    def match(self, text: str, signature: Sequence[int] | np.ndarray | None = None) -> Match | None:
        """The earlier article ``text`` copies (exact first, then the most similar), or None."""
        key = _exact_key(text)
        for win in self._windows:  # oldest first: the original, not a later copy
            if (exact := win.exact.get(key)) is not None:
                return Match(exact, 1.0, True)
        values = self._as_values(signature) if signature is not None else self.signature(text)
        if np.array_equal(values, self._empty) or not any(w.hashes for w in self._windows):
            return None
        query = make_minhash(values)
        best: Match | None = None
        for win in self._windows:
            for key in sorted(win.lsh.query(query), key=win.order.__getitem__):
                score = float(query.jaccard(win.hashes[key]))
                if score >= self.threshold and (best is None or score > best.jaccard):
                    best = Match(key, score, False)
        return best

    def find(self, text: str) -> str | None:
        """Id of an earlier article this text is a copy of, or None."""
        found = self.match(text)
        return found.id if found else None

    def _as_values(self, signature: Sequence[int] | np.ndarray) -> np.ndarray:
        try:
            values = np.asarray(signature, dtype=self._empty.dtype)
        except (OverflowError, ValueError, TypeError) as err:
            raise ValueError(
                f"signature is not a list of {self._empty.dtype} values ({err}); it may come "
                "from an older datasketch scheme: recompute it with Deduper.signature"
            ) from err
        if values.shape != (self.num_perm,):
            raise ValueError(
                f"signature has {values.size} values but this Deduper uses num_perm="
                f"{self.num_perm}; rebuild signatures with the same num_perm"
            )
        return values


def _exact_key(text: str) -> bytes:
    joined = " ".join(normalize_tokens(text)) or text
    return hashlib.blake2b(joined.encode("utf-8", "surrogatepass"), digest_size=16).digest()


def mark_duplicates(records_and_articles: Iterable[Result], deduper: Deduper) -> Iterator[Result]:
    """The same stream, with each ingested article that copies an earlier one (in this
    stream or already in ``deduper``) turned into a ``duplicate`` record; the rest are
    added to ``deduper``. Articles stay attached so callers can keep the copies."""
    for record, article in records_and_articles:
        if record.status != "ingested" or article is None:
            yield record, article
            continue
        values = deduper.signature(article.text)
        found = deduper.match(article.text, signature=values)
        if found is None or found.id == article.id:
            deduper.add(article.id, article.text, signature=values)
            yield record, article
            continue
        reason = found.reason
        if record.reason:
            reason = f"{reason}; {record.reason}"
        log.info("%s: %s", record.input, reason)
        yield duplicate(record.input, article, found.id, reason)
