"""He and she go to the nearest fitting person, named or not: invented sentences, one per
rule (never real articles)."""

from __future__ import annotations

from quote_helpers import find_quote as _find


def test_he_after_an_unnamed_person_is_not_someone_named_before(quotes_of):
    text = ("The band of Orrin Tal had just started its last song on Marlow Street. "
            "A guard near the east gate raised his radio. "
            '"We have people down by the west stairs," he said.')
    q = _find(quotes_of(text), "west stairs")
    assert q.speaker != "Orrin Tal"
    assert q.speaker is not None and "guard" in q.speaker.lower()


def test_he_after_the_named_persons_own_title_is_still_that_person(quotes_of):
    # "the guard" takes up the guard just named: the name stays the speaker
    text = ("Orrin Tal works as a guard at the east gate. The guard raised his radio. "
            '"We have people down by the west stairs," he said.')
    assert _find(quotes_of(text), "west stairs").speaker == "Orrin Tal"


def test_he_is_not_someone_who_speaks_only_later_in_the_text(quotes_of):
    # the last speaker of the article's quoted words comes after this "he": he is Arkwright
    text = ("Tomas Arkwright, head of the Fenwick Tenants Union, said he would fight the "
            "charges. The union has 400 members. Its office is on Mill Street. Rents rose "
            "twice last year.\n\nThe charges are false, he said.\n\n"
            '"We will win this case," Mary Collins told the Harbor Post.')
    q = _find(quotes_of(text), "charges are false")
    assert q.speaker == "Tomas Arkwright"
