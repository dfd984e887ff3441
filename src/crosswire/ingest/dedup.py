"""Exact and near-duplicate articles (wire copies, syndication) with MinHash + LSH.

Texts are normalised (NFKC, case-folded, words only) and cut into word 5-shingles; a MinHash
signature (``num_perm=128``, datasketch's ``affine32`` permutations, ``seed=1``) estimates
their Jaccard similarity and a ``MinHashLSH`` index finds candidates. A candidate is a copy
when the estimated Jaccard is at least ``threshold`` (0.8): a re-headlined wire story or one
with a byline added is caught, a different article on the same topic is not.

Signature scheme ``SCHEME_VERSION`` 2: each shingle (its words joined by single spaces, as
UTF-8) gets a 64-bit polynomial hash, computed for all shingles at once from one prefix sum
over the text's bytes, mixed (xor-shift-multiply) and cut to 32 bits; datasketch's
``affine32`` step (``fmix32``, ``a * h + b mod 2**32``, min per permutation) then runs for all
permutations at once in numpy. The values equal ``MinHash(hashfunc=shingle_hash, seed=1,
scheme="affine32")`` fed the shingles, at about a sixth of the cost of SHA-1 per shingle
(scheme 1). Values of two schemes look alike but never match: a store records the scheme of
its signatures and recomputes them when it changes. A ``Fingerprint`` holds one article's exact
key and signature so the text is normalised once.

The LSH index is built for ``threshold - LSH_SLACK`` (``candidate_index``): banded for 0.8 it
returns only about 60% of the copies whose Jaccard is 0.8-0.9; for 0.7 it returns nearly all
of them, and the Jaccard check still decides (``bench/bench_dedup.py``).
"""

from __future__ import annotations

import hashlib
import logging
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache

import numpy as np
from datasketch import LeanMinHash, MinHash, MinHashLSH

from ..config import IngestSettings
from ..records import EXACT_COPY, Article, InputRecord
from .common import ReadResult

log = logging.getLogger(__name__)

SEED = 1
SCHEME = "affine32"  # datasketch's permutation scheme (>= 2.0)
SCHEME_VERSION = 2  # how shingles are hashed; 1 was datasketch's SHA-1 per shingle
SHINGLE = 5
NUM_PERM = 128  # permutations per signature
LSH_SLACK = 0.1  # the LSH index looks for candidates this far below the copy threshold
_WORD = re.compile(r"\w+")
_NOT_ASCII = re.compile(r"[^\x00-\x7f]")
_COMMON_PUNCTUATION = "\u2019\u201c\u201d\u2014\u2018\u2013"  # ’“”—‘– (cheap to replace)
_SPACE_NON_WORD = bytes(  # ASCII non-word bytes -> space; UTF-8 bytes of word characters kept
    c if c >= 128 or chr(c).isalnum() or c == ord("_") else ord(" ") for c in range(256))
_CHUNK = 2048  # shingles hashed and permuted at once: bounded memory on huge texts
_U64 = np.uint64
_BASE = _U64(0x9E3779B97F4A7C15)  # odd, so invertible mod 2**64
_BASE_INV = _U64(pow(int(_BASE), -1, 1 << 64))
_MIX = _U64(0xBF58476D1CE4E5B9)  # splitmix64's first multiplier
_MAX32 = np.uint32(0xFFFFFFFF)
_POWERS_KEPT = 1 << 16
_powers_cache: tuple[np.ndarray, np.ndarray] = (np.ones(1, _U64), np.ones(1, _U64))


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


def shingle_hash(shingle: bytes) -> int:
    """The 32-bit hash scheme 2 gives one shingle (slow reference; ``fingerprint`` computes
    the same values for all shingles at once)."""
    mask = (1 << 64) - 1
    h = 0
    for byte in shingle:
        h = (h * int(_BASE) + byte) & mask
    return int(_mix_high(np.array([h], dtype=_U64))[0])


def reference_signature(text: str, hashfunc: Callable[[bytes], int] | None = None) -> np.ndarray:
    """datasketch's own MinHash of ``text``'s shingles (slow reference): with
    ``shingle_hash`` it equals ``fingerprint(text).values``; with the default SHA-1 it is
    scheme 1, as stores written before ``SCHEME_VERSION`` 2 hold it."""
    kwargs = {} if hashfunc is None else {"hashfunc": hashfunc}
    minhash = MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME, **kwargs)
    minhash.update_batch(list(shingles(normalize_tokens(text))))
    values: np.ndarray = minhash.hashvalues  # datasketch publishes no types
    return values


def exact_jaccard(a: str, b: str) -> float:
    """The Jaccard similarity of two texts' shingle sets, which signatures estimate (slow:
    for checks and benchmarks). Two wordless texts are alike (1.0)."""
    sa, sb = shingles(normalize_tokens(a)), shingles(normalize_tokens(b))
    return len(sa & sb) / len(sa | sb) if sa | sb else 1.0


@dataclass(frozen=True, slots=True, eq=False)
class Fingerprint:
    """One article prepared for ``Deduper.match`` and ``Deduper.add``: the exact-copy key of
    its normalised words (None for a signature loaded without its text) and its MinHash
    hash values (``num_perm`` uint32s)."""

    key: bytes | None
    values: np.ndarray


def fingerprint(text: str, num_perm: int = NUM_PERM) -> Fingerprint:
    """Normalise ``text`` once; its exact key and MinHash signature. Pure and deterministic."""
    joined = _joined(text)
    a, b = _permutations(num_perm)
    values = np.full(num_perm, _MAX32, dtype=np.uint32)
    if joined.size:
        hashes = _fmix32(_shingle_hashes(joined))
        for i in range(0, hashes.size, _CHUNK):
            block = np.multiply.outer(hashes[i : i + _CHUNK], a)  # wraps: mod 2**32
            block += b
            np.minimum(values, block.min(axis=0), out=values)
    return Fingerprint(_exact_key(joined, text), values)


def _joined(text: str) -> np.ndarray:
    """``" ".join(normalize_tokens(text))`` as UTF-8 bytes (uint8), without a str per word:
    non-word characters (``\\w`` is ``isalnum()`` or ``_``) become spaces, ASCII ones by a
    byte table, then runs of spaces collapse to one."""
    norm = unicodedata.normalize("NFKC", text).casefold()
    if not norm.isascii():
        for char in _COMMON_PUNCTUATION:
            norm = norm.replace(char, " ")
        if not norm.isascii():
            for char in set(_NOT_ASCII.findall(norm)):
                if not char.isalnum():  # "_" is ASCII
                    norm = norm.replace(char, " ")
    spaced = norm.encode("utf-8", "surrogatepass").translate(_SPACE_NON_WORD)
    data = np.frombuffer(spaced, dtype=np.uint8)
    word = data != 32
    keep = word.copy()
    keep[1:] |= word[:-1]  # a word byte, or the first space after one
    joined: np.ndarray = data[keep]  # (numpy types a boolean-mask index as Any)
    return joined[:-1] if joined.size and joined[-1] == 32 else joined


def _exact_key(joined: np.ndarray, text: str) -> bytes:
    """Equal for texts with the same words; a wordless text is keyed by itself."""
    data = joined.data if joined.size else text.encode("utf-8", "surrogatepass")
    return hashlib.blake2b(data, digest_size=16).digest()


def candidate_index(threshold: float, num_perm: int) -> MinHashLSH:
    """An empty LSH index that finds the candidate copies for ``threshold`` (banded for
    ``threshold - LSH_SLACK``, so copies just above the threshold are not missed)."""
    return MinHashLSH(threshold=max(0.05, threshold - LSH_SLACK), num_perm=num_perm)


def make_minhash(signature: Sequence[int] | np.ndarray) -> LeanMinHash:
    """A comparable MinHash from stored hash values (same seed and scheme as ``Deduper``)."""
    return LeanMinHash(seed=SEED, hashvalues=np.asarray(signature, dtype=np.uint32), scheme=SCHEME)


@lru_cache(maxsize=4)
def _permutations(num_perm: int) -> tuple[np.ndarray, np.ndarray]:
    """datasketch's own ``a``, ``b`` for ``num_perm`` permutations (seed ``SEED``)."""
    a, b = MinHash(num_perm=num_perm, seed=SEED, scheme=SCHEME).permutations
    return a.astype(np.uint32), b.astype(np.uint32)


def _shingle_hashes(data: np.ndarray, size: int = SHINGLE) -> np.ndarray:
    """``shingle_hash`` of every word ``size``-shingle of space-joined words, vectorised."""
    bounds = np.concatenate(([-1], np.flatnonzero(data == 32), [data.size]))  # around words
    if bounds.size - 1 < size:  # fewer words than a shingle: the text is one shingle
        starts, ends = bounds[:1] + 1, bounds[-1:]
    else:
        starts, ends = bounds[: bounds.size - size] + 1, bounds[size:]
    if starts.size <= _CHUNK:
        return _poly_hashes(data, starts, ends)
    out = np.empty(starts.size, dtype=np.uint32)
    for i in range(0, starts.size, _CHUNK):
        first, last = starts[i : i + _CHUNK], ends[i : i + _CHUNK]
        low = first[0]
        out[i : i + first.size] = _poly_hashes(data[low : last[-1]], first - low, last - low)
    return out


def _poly_hashes(data: np.ndarray, starts: np.ndarray, ends: np.ndarray) -> np.ndarray:
    """``sum(data[j] * BASE**(end - 1 - j))`` mod 2**64 over each ``[start, end)``, from one
    prefix sum of ``data[j] * BASE**-j``; then mixed and cut to its top 32 bits."""
    powers, inverse = _powers(data.size)
    prefix = np.zeros(data.size + 1, dtype=_U64)
    np.cumsum(data * inverse[: data.size], out=prefix[1:])
    h = (prefix[ends] - prefix[starts]) * powers[ends - 1]
    return _mix_high(h)


def _powers(n: int) -> tuple[np.ndarray, np.ndarray]:
    """``BASE**j`` and ``BASE**-j`` mod 2**64 for ``j < n`` (at least)."""
    global _powers_cache
    if _powers_cache[0].size >= n:
        return _powers_cache
    size = max(n, min(2 * _powers_cache[0].size, _POWERS_KEPT))
    both = []
    for base in (_BASE, _BASE_INV):
        steps = np.full(size, base, dtype=_U64)
        steps[0] = 1
        both.append(np.cumprod(steps))  # wraps: mod 2**64
    if size <= _POWERS_KEPT:
        _powers_cache = (both[0], both[1])
    return both[0], both[1]


def _mix_high(h: np.ndarray) -> np.ndarray:
    """The top 32 bits of ``h`` after an xor-shift-multiply round (every bit reaches them)."""
    h = h ^ (h >> _U64(29))
    h *= _MIX
    h >>= _U64(32)
    return h.astype(np.uint32)


def _fmix32(h: np.ndarray) -> np.ndarray:
    """MurmurHash3's 32-bit finaliser: datasketch's ``affine32`` pre-mix of each input hash."""
    h = h ^ (h >> np.uint32(16))
    h *= np.uint32(0x85EBCA6B)
    h ^= h >> np.uint32(13)
    h *= np.uint32(0xC2B2AE35)
    h ^= h >> np.uint32(16)
    return h


Scored = tuple[float, int, str]  # (estimated Jaccard, earlier article's index order, its id)
THRESHOLD = IngestSettings().near_duplicate_threshold  # the run settings own the default


@dataclass(frozen=True, slots=True)
class CopyRule:
    """When an article copies an earlier one: the one decision both engines apply (the local
    engine through a ``Deduper``, article by article; the Spark engine over LSH buckets on its
    executors, with ``find_exact_copies`` on the driver).

    - an earlier article is a candidate when their signatures share an LSH band (``bands``);
    - a candidate is a copy when the estimated Jaccard reaches ``threshold`` (``is_copy``);
    - of several copies the most similar is the original, the earliest on a tie (``better``);
      an exact copy (the same words) comes before any near one, the earliest first;
    - with ``window``, an article is compared only with the latest ``window`` to ``2 * window``
      articles indexed before it (``sees``): the index keeps two generations.
    """

    threshold: float = THRESHOLD
    num_perm: int = NUM_PERM
    window: int | None = None

    def __post_init__(self) -> None:
        if not 0.0 < self.threshold <= 1.0:
            raise ValueError(f"threshold must be in (0, 1], got {self.threshold}")
        if self.window is not None and self.window < 1:
            raise ValueError(f"window must be a positive number of articles, got {self.window}")

    @classmethod
    def from_settings(cls, settings: IngestSettings) -> CopyRule:
        """The rule a run uses: ``[ingest]`` threshold and window."""
        return cls(settings.near_duplicate_threshold, window=settings.near_duplicate_window)

    def is_copy(self, jaccard: float) -> bool:
        return jaccard >= self.threshold

    @staticmethod
    def better(a: Scored, b: Scored) -> Scored:
        """The likelier original of two: the higher Jaccard, then the earlier."""
        if a[0] != b[0]:
            return a if a[0] > b[0] else b
        return a if a[1] <= b[1] else b

    def sees(self, earlier: int, later: int) -> bool:
        """Whether the article indexed ``later``-th (counting from 0) is compared with the
        ``earlier``-th: generations hold ``window`` articles each, and the index keeps the
        one being filled and the one before it."""
        if earlier >= later:
            return False
        return self.window is None or earlier // self.window >= (later - 1) // self.window - 1

    def bands(self) -> list[tuple[int, int]]:
        """The LSH bands (signature slices) a ``Deduper`` with this rule indexes."""
        return list(candidate_index(self.threshold, self.num_perm).hashranges)


@dataclass(frozen=True, slots=True)
class Match:
    """An earlier article that a text copies: its id, the estimated Jaccard, exact or not."""

    id: str
    jaccard: float
    exact: bool

    @property
    def reason(self) -> str:
        if self.exact:
            return f"{EXACT_COPY} {self.id}"
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

    def __init__(self, threshold: float = THRESHOLD, num_perm: int = NUM_PERM,
                 window: int | None = None) -> None:
        self.rule = CopyRule(threshold, num_perm, window)
        self.threshold = threshold
        self.num_perm = num_perm
        self.window = window
        self._empty = np.full(num_perm, _MAX32, dtype=np.uint32)
        self._empty.flags.writeable = False  # shared by every wordless fingerprint
        self._windows = [self._new_window()]
        self._count = 0  # articles ever added: their order across windows

    @classmethod
    def for_rule(cls, rule: CopyRule) -> Deduper:
        return cls(rule.threshold, rule.num_perm, rule.window)

    def _new_window(self) -> _Window:
        return _Window(candidate_index(self.threshold, self.num_perm))

    @property
    def empty_signature(self) -> np.ndarray:
        """The signature of a text with no words (every value at its maximum), read-only: a
        ``Fingerprint`` with it is indexed and matched by its exact key alone."""
        return self._empty

    def __len__(self) -> int:
        return sum(len(w.order) for w in self._windows)

    def __contains__(self, article_id: object) -> bool:
        return any(article_id in w.order for w in self._windows)

    def fingerprint(self, text: str) -> Fingerprint:
        """``text`` prepared once for ``match`` and ``add`` (exact key and signature)."""
        return fingerprint(text, self.num_perm)

    def signature(self, text: str) -> np.ndarray:
        """MinHash hash values of ``text`` (``num_perm`` uint32s). Pure and deterministic."""
        return self.fingerprint(text).values

    def add(
        self,
        article_id: str,
        text: str | Fingerprint | None = None,
        signature: Sequence[int] | np.ndarray | None = None,
    ) -> None:
        """Index an article by its ``Fingerprint`` (or text), or by a stored ``signature``
        when the text is not at hand (then only near copies of it are found)."""
        if article_id in self:
            return
        if text is None and signature is None:
            raise ValueError(f"add({article_id!r}) needs the text or a stored signature")
        prepared = self._prepare(text, signature)
        if self.window is not None and len(self._windows[-1].order) >= self.window:
            self._windows = [self._windows[-1], self._new_window()]  # the oldest is dropped
        win = self._windows[-1]
        win.order[article_id] = self._count
        self._count += 1
        if prepared.key is not None:
            win.exact.setdefault(prepared.key, article_id)
        if np.array_equal(prepared.values, self._empty):
            return  # no words: only an exact copy can match it
        lean = make_minhash(prepared.values)
        win.hashes[article_id] = lean
        win.lsh.insert(article_id, lean, check_duplication=False)

    def match(self, text: str | Fingerprint,
              signature: Sequence[int] | np.ndarray | None = None) -> Match | None:
        """The earlier article ``text`` copies (exact first, then the most similar), or None.
        Pass the article's ``Fingerprint`` when it is also to be added."""
        prepared = self._prepare(text, signature)
        for win in self._windows:  # oldest first: the original, not a later copy
            if prepared.key and (exact := win.exact.get(prepared.key)) is not None:
                return Match(exact, 1.0, True)
        values = prepared.values
        if np.array_equal(values, self._empty) or not any(w.hashes for w in self._windows):
            return None
        query = make_minhash(values)
        best: Scored | None = None
        for win in self._windows:
            for key in sorted(win.lsh.query(query), key=win.order.__getitem__):
                score = float(query.jaccard(win.hashes[key]))
                if self.rule.is_copy(score):
                    found = (score, win.order[key], key)
                    best = found if best is None else self.rule.better(best, found)
        return None if best is None else Match(best[2], best[0], False)

    def find(self, text: str) -> str | None:
        """Id of an earlier article this text is a copy of, or None."""
        found = self.match(text)
        return found.id if found else None

    def _prepare(self, text: str | Fingerprint | None,
                 signature: Sequence[int] | np.ndarray | None) -> Fingerprint:
        """One ``Fingerprint`` from what the caller has; stored values win over the text's."""
        if isinstance(text, Fingerprint):
            key, values = text.key, text.values if signature is None else signature
        elif signature is None:
            return self.fingerprint(text or "")
        else:
            key, values = (None if text is None else _exact_key(_joined(text), text)), signature
        return Fingerprint(key, self._as_values(values))

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


def as_copy(record: InputRecord, of: str, reason: str) -> InputRecord:
    """``record`` accounted as a duplicate of article ``of``: ``reason`` first, then the
    warnings the record already carried (a copy's ignored date is still worth reading)."""
    if record.reason:
        reason = f"{reason}; {record.reason}"
    return replace(record, status="duplicate", duplicate_of=of, reason=reason)


def admit(record: InputRecord, article_id: str, known_ids: set[str]) -> InputRecord | None:
    """The id rule, before any signature: an article whose id is in ``known_ids`` (stored, or
    admitted earlier in this run) is that article again, and its record says so (the article
    is not kept). Otherwise None, and the id is known from now on."""
    if article_id in known_ids:
        return as_copy(record, article_id, f"article {article_id} is already in the store")
    known_ids.add(article_id)
    return None


class DuplicateCheck:
    """Every ingested article of a run through the one duplicate rule, in input order.

    ``admit`` first; an admitted article enters the copy index whether or not it copies an
    earlier one, so index order is input order (what ``CopyRule.sees`` counts). A copy keeps
    its article: it is stored and cited beside its original, not counted as a source.
    """

    def __init__(self, deduper: Deduper, known_ids: Iterable[str] = ()) -> None:
        self.deduper = deduper
        self.known_ids = set(known_ids)

    def check(self, record: InputRecord, article: Article | None
              ) -> tuple[InputRecord, Article | None, Fingerprint | None]:
        """The record as accounted, the article if it is kept, and the fingerprint indexed
        (None when nothing was)."""
        if article is None or record.status != "ingested":
            return record, article, None
        if (again := admit(record, article.id, self.known_ids)) is not None:
            return again, None, None
        prepared = self.deduper.fingerprint(article.text)  # the text is normalised once
        found = self.deduper.match(prepared)
        self.deduper.add(article.id, prepared)
        if found is not None:
            record = as_copy(record, found.id, found.reason)
        return record, article, prepared


def mark_duplicates(results: Iterable[ReadResult], deduper: Deduper,
                    known_ids: Iterable[str] = ()) -> Iterator[ReadResult]:
    """The same stream with ``DuplicateCheck`` applied: each ingested article that copies an
    earlier one (in this stream or already in ``deduper``) becomes a ``duplicate`` record
    with its article attached; one whose id is in ``known_ids`` loses its article."""
    check = DuplicateCheck(deduper, known_ids)
    for record, article in results:
        record, kept, _ = check.check(record, article)
        yield record, kept


def find_exact_copies(rule: CopyRule, stored: Iterable[str],
                      entries: Iterable[tuple[str, bytes | None]]) -> dict[int, Match]:
    """The exact half of ``Deduper.match`` over a whole run at once, for an engine that finds
    the near copies elsewhere (Spark, over LSH buckets): entry number -> the article it copies
    word for word. ``stored`` are the ids indexed before the run (by signature only: no
    words to compare), ``entries`` the run's ``(id, exact key)`` in index order. A
    ``Deduper`` with no signatures does it, so its windows decide what is seen."""
    deduper = Deduper.for_rule(rule)
    for article_id in stored:
        deduper.add(article_id, Fingerprint(None, deduper.empty_signature))
    found: dict[int, Match] = {}
    for n, (article_id, key) in enumerate(entries):
        prepared = Fingerprint(key, deduper.empty_signature)
        if (match := deduper.match(prepared)) is not None:
            found[n] = match
        deduper.add(article_id, prepared)
    return found
