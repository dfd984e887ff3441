"""A text parsed as a test gives it: for rules about a parse the model makes only now and
then, tested on that parse whatever the model does today."""

from __future__ import annotations

from typing import Any


def parsed(nlp: Any, rows: list[tuple[str, int, str, str, str, str]]) -> Any:
    """A spaCy Doc of (word, head, dep, tag, pos, lemma) rows, heads counted from the whole
    text; no space before a comma or a full stop."""
    from spacy.tokens import Doc

    words, heads, deps, tags, pos, lemmas = (list(col) for col in zip(*rows, strict=True))
    return Doc(nlp.vocab, words=words, heads=heads, deps=deps, tags=tags, pos=pos,
               lemmas=lemmas, spaces=[w not in {",", "."} and nxt not in {",", "."}
                                      for w, nxt in zip(words, [*words[1:], ""], strict=True)])
