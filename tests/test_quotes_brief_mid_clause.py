"""Quoted words that open in the middle of the outlet's own clause ("its radio had gone “quiet
and the beacon stopped blinking.”") are shown with the clause they finish, not as a fragment
that starts mid-clause (issue 17, read on a real cluster). Invented text only, written
before the code was run on it."""

from __future__ import annotations

import pytest

from test_brief_helpers import brief_of_texts, markdown_of

TEXTS = [
    ("The Orrin ferry's crew answered every call after it left Tessmoor on Monday, a harbour "
     "official told the Velk Post. By nightfall, though, its radio had gone \u201cquiet and "
     "the beacon stopped blinking.\u201d The coastguard sent a boat at dawn."),
    ("The Velk pier was closed on Friday after the storm, the harbour board said. Its "
     "timbers were \u201cbadly split along the whole of the eastern side,\u201d the board "
     "added in a statement."),
]


@pytest.mark.slow
@pytest.mark.parametrize("text", TEXTS)
def test_quoted_words_that_finish_a_clause_are_not_shown_cut_from_it(analyze, text):
    brief, recs = brief_of_texts(analyze, text)
    md = markdown_of(brief, recs)
    lines = [line for line in md.splitlines() if line.lstrip().startswith("- ")]
    for cut in ("quiet and the beacon", "badly split along"):
        for line in lines:
            at = line.find(cut)
            if at < 0 or "[^" not in line:
                continue
            before = line[:at].rstrip(" \u201c\"")
            assert not before.endswith(("paraphrase:", "- ")), line
