"""Words a brief must not give to someone: a plan or an expectation told by the writer ("the
league plans to ...", "expects its ranks to grow"), a role written in quotation marks beside a
name ('a former "safety officer"'), a name given by a participle ('Called "The Harbor Truth,"
the campaign ...'), a direct quote whose speaker's description holds a title in quotation
marks ('author of the book "Tides"'), and a thing the article brought in itself ("launched a
campaign ... the campaign states") taken for a company named nearby. Invented text only
(never real articles)."""

from __future__ import annotations

import pytest

from quote_helpers import find_quote as _find

# A verb of planning, wanting or expecting with an infinitive tells what the subject means
# to do or expects to happen: the writer's narration. Extraction keeps it as the subject's
# attributed intent (gold attribution corpora count it); the brief shows no one's words.
PLANS = {
    "expects": "The coalition expects its membership to double by the spring.",
    "plans": "The new league also plans to start lobbying for rules to curb the big ferry "
             "firms.",
    "wants": "The harbor board wants to close the old pier before the winter storms.",
    "intended": "The union intended to open a second office in Port Alder last year.",
    "seeks": "The council seeks to raise the toll on the Ferrow bridge to pay for repairs.",
    # an object before the infinitive, and a participle later on
    "wanted-someone-to": "The agency wanted Brightline to build a ferry dock valued at roughly "
                         "$5 million.",
    # read on a real cluster: a wish with no infinitive ("wanted <it> done") stood among a
    # man's quotes; a wish gives no words, whatever form its object takes
    "wanted-it-done": "Mr. Tolvan wanted the paintings sold because the gallery owed him money.",
    "seeks-it-done": "The council seeks the toll on the Ferrow bridge raised by the spring.",
}


def _shown(analyze, text):
    from test_brief_helpers import brief_of_texts

    brief, _ = brief_of_texts(analyze, text)
    return [(v.text, v.speaker or g.speaker) for g in brief.quotes for v in g.variants]


@pytest.mark.parametrize("text", list(PLANS.values()), ids=list(PLANS))
def test_quotes_brief_shows_no_plan_or_expectation_as_a_quote(analyze, text):
    assert _shown(analyze, text) == []


@pytest.mark.parametrize(("text", "shown"), [
    # read on a final read of real clusters: "<a manager> knows ..." stood among his quotes;
    # what someone knows, learnt or understands is the writer's account of a fact, not
    # words anyone gave
    ("General manager Ivo Renn knows the Orrin Owls need a coach who can win now.", False),
    ("The harbor board learned that the old pier had been unsafe for years.", False),
    # control: a view someone holds is theirs to hold
    ("General manager Ivo Renn believes the Orrin Owls need a coach who can win now.", True),
], ids=["knows", "learned", "believes"])
def test_quotes_brief_shows_no_fact_told_as_known(analyze, text, shown):
    from test_brief_helpers import brief_of_texts

    assert bool(_shown(analyze, text)) is shown
    # and the framing counts as voices only the quotes the brief shows
    brief, _ = brief_of_texts(analyze, text)
    assert bool([v for f in brief.framing for v in f.voices]) is shown, brief.framing


@pytest.mark.parametrize(("text", "needle", "speaker"), [
    ("The union vowed to fight the closure of the Orrin plant.", "fight the closure",
     "the union"),
    ("The harbor board said it plans to close the old pier in the winter.", "close the old pier",
     "the harbor board"),
    ("Ada Kerr promised to rebuild the ferry dock by the summer.", "rebuild the ferry dock",
     "Ada Kerr"),
    ("The harbor board expects that the old pier will close in the winter.", "will close",
     "the harbor board"),
    ("The harbor board expects the old ferry will return to service in May.", "will return",
     "the harbor board"),
])
def test_quotes_brief_still_shows_a_plan_someone_states(analyze, text, needle, speaker):
    assert [s for t, s in _shown(analyze, text) if needle in t] == [speaker]


def test_quotes_a_role_in_marks_beside_a_name_is_no_quote(quotes_of):
    """'include Ada Quill, a former "safety officer" at ...': the marks set off what she was
    called at work, and "include" says nothing: no one is quoted."""
    text = ('The harbor veterans behind the Center for Safe Ferries include Ada Quill, a former '
            '"safety officer" at Brightline, and Tom Vale, who was an adviser to the mayor.')
    assert [(q.text, q.speaker) for q in quotes_of(text)] == []


@pytest.mark.parametrize(("text", "needle"), [
    ('Mayor Ilse Brandvold declared the harbor "a place for everyone" on Monday.',
     "a place for everyone"),
    # the marks hold the words a noun of speech names, beside it
    ('Mayor Ilse Brandvold repeated the phrase "a harbor for all" in her speech on Monday.',
     "a harbor for all"),
])
def test_quotes_words_in_marks_a_subject_uses_still_are_a_quote(quotes_of, text, needle):
    assert _find(quotes_of(text), needle).speaker == "Ilse Brandvold"


@pytest.mark.parametrize("text", [
    'Called "The Harbor Truth," the campaign is aimed at parents and teachers in Port Alder.',
    'Dubbed "Safe Harbor Now," the drive will reach sixty schools on the coast.',
], ids=["called", "dubbed"])
def test_quotes_a_name_given_by_a_participle_is_no_quote(quotes_of, text):
    """'Called "The Harbor Truth," the campaign ...': the marks hold what the campaign is
    called; the participle has no one who calls it so."""
    assert [(q.text, q.speaker) for q in quotes_of(text)] == []


@pytest.mark.parametrize("text", [
    # read on a real cluster (an obituary): the one named was credited with his nickname
    'Tolvan, who was called "the Velvet Fox" for short, died on Monday at 81.',
    'Born Tomasz, he was called "Tom" by his friends at the harbour.',
], ids=["was-called", "called-by"])
def test_quotes_a_name_given_in_the_passive_is_not_the_named_ones_words(quotes_of, text):
    assert not [q for q in quotes_of(text) if q.speaker in ("Tolvan", "he", "Tomasz")], [
        (q.text, q.speaker) for q in quotes_of(text)]


def test_quotes_a_name_given_by_someone_to_a_noun_is_theirs(quotes_of):
    # read on a real cluster: 'the man dubbed the "..." by tabloid papers' was the man's quote
    text = 'The man dubbed the "Harbor King" by local papers died on Monday at 81.'
    assert not [q for q in quotes_of(text) if q.speaker and "man" in q.speaker.casefold()], [
        (q.text, q.speaker) for q in quotes_of(text)]


def test_quotes_a_name_someone_gives_still_is_their_quote(quotes_of):
    text = 'Mayor Ada Kerr called the plan "Harbor Folly" on Monday.'
    assert _find(quotes_of(text), "Harbor Folly").speaker == "Ada Kerr"


@pytest.mark.parametrize("book", ["Tides", "iTide"])
def test_quotes_a_title_in_marks_inside_the_attribution_keeps_its_speaker(quotes_of, book):
    """The marks around a book's name inside the words that attribute a quote do not end
    them: the quote is the economist's, not the experts' of the sentence before."""
    text = ('Weather experts say the storms bring higher risks of floods. "The fall in sales '
            'might be caused by the rain keeping shoppers at home and away from the market," '
            f'economist Rhea Lund, author of the book "{book}" and coauthor on many studies of '
            'rain, told the Herald.')
    assert _find(quotes_of(text), "fall in sales").speaker == "Rhea Lund"


@pytest.fixture
def titled_quotes(nlp):
    """quotes(title, text): the quotes of an article that has a headline."""
    from crosswire.extract.entities import extract_entities
    from crosswire.extract.quotes import extract_quotes
    from crosswire.records import Article

    def run(title: str, text: str):
        article = Article(id="t", text=text, title=title)
        doc = nlp(text)
        return extract_quotes(article, doc, extract_entities(article, doc))

    return run


CAMPAIGN = ("Two former engineers of Norvik have launched a campaign against the pull of ferry "
            "rides. {spoke}Behind the campaign are Ada Quill, a founding investor in Norvik, and "
            "Tom Vale, a former engineer at Norvik. On its site, the campaign states that ferries "
            'are "not harmless boats" but rather "belong to a scheme designed to keep us '
            'sailing".')


@pytest.mark.parametrize("spoke", ["", 'Norvik said it is "a valued part of the coast". '],
                         ids=["headline", "spoke-before"])
def test_quotes_a_thing_the_article_brought_in_is_not_the_company_named(titled_quotes, spoke):
    """'launched a campaign ... the campaign states': "the campaign" is the one the article
    brought in, not the company its headline names or that spoke just before."""
    quotes = titled_quotes("Former Norvik engineers fight ferry habit",
                           CAMPAIGN.format(spoke=spoke))
    q = _find(quotes, "not harmless boats")
    assert (q.speaker, q.speaker_text) == ("the campaign", "the campaign")


@pytest.mark.parametrize(("title", "text", "needle", "speaker"), [
    ("Norvik sues ferry firm",
     "Norvik filed a suit against the ferry firm on Monday. Norvik runs ten boats. The "
     "company said the firm had copied its hulls.", "copied its hulls", "Norvik"),
    ("Skyreach Air turns back a flight",
     "An airline says a flight to Calder turned back after a passenger boarded the wrong "
     "plane, Skyreach Air said on Monday. The airline said the crew had acted safely.",
     "acted safely", "Skyreach Air"),
    ("Skyreach Air cancels flights",
     "Skyreach Air, a carrier based in Calder, cancelled two flights on Monday. Passengers "
     "waited for hours. The carrier said a storm had closed the airport.", "closed the airport",
     "Skyreach Air"),
])
def test_quotes_the_company_still_is_the_one_the_article_is_about(titled_quotes, title, text,
                                                                   needle, speaker):
    """A body brought in with its name ("Skyreach Air, a carrier ...") is what "the carrier"
    takes up; only a thing the article brought in with no name stays itself."""
    assert _find(titled_quotes(title, text), needle).speaker == speaker


@pytest.mark.parametrize(("text", "needle"), [
    # a read: a "such ... that" result clause of a crash report became the victim's words
    ("Ada Quill was thrown at such a high speed that her bag flew into the road.",
     "her bag flew"),
    ("The cyclist got hit at such high speed that her bag flew into the road.", "her bag flew"),
    ("The driver took the bend so fast that the van rolled onto its side.", "the van rolled"),
], ids=["such-that-thrown", "such-that-hit", "so-that"])
def test_a_result_clause_is_no_ones_words(quotes_of, text, needle):
    assert not [q for q in quotes_of(text) if needle in q.text]
