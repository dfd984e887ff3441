"""The extract stage refuses a pipeline without a parser with a clear error (no crash)."""

from __future__ import annotations

import pytest
import spacy

from crosswire.errors import ModelError
from crosswire.extract import extract_article
from crosswire.records import Article


def test_extract_backend_without_parser_says_what_to_use():
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    article = Article(id="a", text="The mayor said on Tuesday that 40 homes burned.")
    with pytest.raises(ModelError, match="parser"):
        extract_article(article, nlp(article.text))
