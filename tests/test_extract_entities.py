"""Entities: roles, NER repairs and canonical names within and across articles (fictional)."""

from __future__ import annotations

import random

import pytest

from crosswire.extract.entities import canonicalize_corpus, extract_entities, extract_sentences
from crosswire.extract.names import names_compatible, split_title, strip_possessive
from crosswire.records import Article, Extraction, Quote

TEXT = (
    "Mayor Rosa del Campo spoke at the pier on Monday. Del Campo said the ferry would return. "
    "Later, Mayor del Campo met Officer Jun Wei's family. Rosa del Campo thanked Police "
    "Commissioner Hal Brenner, and del Campo left at noon."
)


@pytest.fixture(scope="module")
def entities(nlp):
    article = Article(id="e1", text=TEXT)
    return extract_entities(article, nlp(TEXT))


def test_extract_entities_offsets_round_trip(entities):
    assert entities
    for e in entities:
        assert TEXT[e.start : e.end] == e.text


def test_extract_entities_one_canonical_per_person(entities):
    campo = [e for e in entities if "campo" in e.text.lower()]
    assert len(campo) >= 4
    assert {e.canonical for e in campo} == {"Rosa del Campo"}
    assert all(e.label == "PERSON" for e in campo)
    assert not any(e.text.startswith("Mayor") for e in entities)
    assert "Mayor" in {e.role for e in campo}


def test_extract_entities_titles_and_possessives(entities):
    wei = [e for e in entities if "Wei" in e.text]
    assert [(e.text, e.canonical, e.role) for e in wei] == [("Jun Wei", "Jun Wei", "Officer")]
    brenner = [e for e in entities if "Brenner" in e.text]
    assert brenner and brenner[0].role == "Police Commissioner"
    assert brenner[0].canonical == "Hal Brenner"


@pytest.mark.parametrize(
    ("name", "role", "bare"),
    [
        ("Police Commissioner Hal Brenner", "Police Commissioner", "Hal Brenner"),
        ("Sgt. Lena Park", "Sergeant", "Lena Park"),
        ("Mr. Omar Diaz", None, "Omar Diaz"),
        ("Gov. Tomas Reyes", "Governor", "Tomas Reyes"),
        ("Lena Park", None, "Lena Park"),
        # British style writes titles without a full stop (read on a real cluster: "Dr
        # <Surname>" headed his own voice beside the "<Given> <Surname>" of other outlets)
        ("Dr Ines Marl", "Doctor", "Ines Marl"),
        ("Prof Tam Vell", "Professor", "Tam Vell"),
        # military and naval ranks are titles as police ranks are
        ("Commander Ilsa Brand", "Commander", "Ilsa Brand"),
        ("Commodore Ilsa Brand", "Commodore", "Ilsa Brand"),
        ("Rear Admiral Pell Ostrow", "Rear Admiral", "Pell Ostrow"),
        ("Lt. Col. Dara Vime", "Lieutenant Colonel", "Dara Vime"),
        ("Maj. Gen. Oren Tash", "Major General", "Oren Tash"),
        ("Dist. Atty. Ines Marl", "District Attorney", "Ines Marl"),
        # a held-out read: "Insp <Surname>" stood as a second speaker beside "<Given>
        # <Surname>"; every abbreviated title may be written without its full stop
        ("Insp Ana Rusk", "Inspector", "Ana Rusk"),
        ("Insp. Ana Rusk", "Inspector", "Ana Rusk"),
        ("Det Sgt Ivo Marl", "Detective", "Ivo Marl"),
        ("Supt Ivo Marl", "Superintendent", "Ivo Marl"),
        ("Capt Oren Tash", "Captain", "Oren Tash"),
    ],
)
def test_split_title(name, role, bare):
    assert split_title(name) == (role, bare)


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("de Blasio", "Bill De Blasio", True),
        ("B. de Blasio", "Bill de Blasio", True),
        ("Hal Brenner", "Ida Brenner", False),
        ("Hal Brenner", "Hal Brennan", False),
    ],
)
def test_names_compatible(a, b, same):
    assert names_compatible(a, b) is same


@pytest.mark.parametrize(("raw", "clean"), [("Wei's", "Wei"), ("Ramos'", "Ramos"), ("Ng", "Ng")])
def test_strip_possessive(raw, clean):
    assert strip_possessive(raw) == clean


def test_extract_sentences_cover_text(nlp):
    article = Article(id="s", text=TEXT)
    sents = extract_sentences(article, nlp(TEXT))
    assert len(sents) >= 3
    assert all(TEXT[s.start : s.end] == s.text and s.text == s.text.strip() for s in sents)


def _ex(article_id, names, speaker=None):
    from crosswire.records import Entity

    ents = tuple(Entity(n, "PERSON", n, 0, len(n)) for n in names)
    quotes = (Quote("x", 0, 1, speaker),) if speaker else ()
    return Extraction(article=article_id, entities=ents, quotes=quotes)


def test_canonicalize_corpus_unifies_across_articles():
    exs = [
        _ex("a", ["Rosa del Campo", "Rosa del Campo"]),
        _ex("b", ["Del Campo"], speaker="Del Campo"),
        _ex("c", ["R. del Campo", "Hal Brenner"], speaker="R. del Campo"),
        _ex("d", ["Ida Brenner"]),
    ]
    out = canonicalize_corpus(exs)
    canon = {e.text: e.canonical for ex in out for e in ex.entities}
    assert canon["Del Campo"] == canon["R. del Campo"] == "Rosa del Campo"
    assert canon["Hal Brenner"] == "Hal Brenner" and canon["Ida Brenner"] == "Ida Brenner"
    assert [q.speaker for ex in out for q in ex.quotes] == ["Rosa del Campo", "Rosa del Campo"]


def _ex_said(article_id, names, sentence):
    from crosswire.records import Entity, Sentence

    ents = tuple(Entity(n, "PERSON", n, 0, len(n)) for n in names)
    return Extraction(article=article_id, entities=ents,
                      sentences=(Sentence(0, len(sentence), sentence),))


def test_canonicalize_corpus_a_role_glued_to_a_name_another_outlet_gives_bare():
    """One outlet opens with "Model Ada Lind and her husband ...": NER takes the role into
    the name, and the article never writes "model" in lower case to show it is a noun.
    Another outlet names her "Ada Lind" and calls her a model: the story's name for her is
    Ada Lind. A given name the story never writes as a word stays ("Hunter Sol Thompson")."""
    out = canonicalize_corpus([
        _ex_said("a", ["Model Ada Lind", "Hunter Sol Thompson"],
                 "Model Ada Lind and her husband were on the flight with Hunter Sol Thompson."),
        _ex_said("b", ["Ada Lind", "Sol Thompson"],
                 "Ada Lind, a model and television host, sat beside Sol Thompson."),
    ])
    canon = {e.text: e.canonical for ex in out for e in ex.entities}
    assert canon["Model Ada Lind"] == "Ada Lind", canon
    assert canon["Hunter Sol Thompson"] == "Hunter Sol Thompson", canon


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_canonicalize_corpus_is_order_independent(seed):
    exs = [_ex("a", ["Rosa del Campo"]), _ex("b", ["del Campo"]), _ex("c", ["R. del Campo"])]
    expected = {ex.article: ex for ex in canonicalize_corpus(exs)}
    random.Random(seed).shuffle(exs)
    assert {ex.article: ex for ex in canonicalize_corpus(exs)} == expected


def _short_forms_by_scanning(names: set[str]) -> dict[str, str]:
    """The plain statement of the rule ``_short_forms`` applies through an index."""
    short: dict[str, str] = {}
    for canon in sorted(names, key=lambda n: -len(n.split())):
        words = canon.lower().split()
        fits = {short.get(n, n) for n in names if len(n.split()) > len(words)
                and (n.lower().split()[: len(words)] == words
                     or n.lower().split()[-len(words):] == words)}
        if len(fits) == 1:
            short[canon] = fits.pop()
    return short


def test_org_short_forms_match_the_plain_rule_on_random_names():
    from crosswire.extract.entities import _short_forms

    words = ["Halvorsen", "Chemical", "Co.", "Local", "1187", "Firefighters", "Brindle",
             "Port", "Authority", "of", "the", "Harbor", "Council", "city", "", " "]
    rnd = random.Random(11)
    for _ in range(1000):
        names = {" ".join(rnd.choices(words, k=rnd.randint(1, 4)))
                 for _ in range(rnd.randint(1, 12))}
        assert _short_forms(names) == _short_forms_by_scanning(names), names


@pytest.mark.parametrize(("text", "expected"), [
    # issue 17: a break after "Sgt." left the fragment "Police said Sgt." in a summary
    ("Police said Sgt. Ada Fenn of the harbor unit was hurt. She is 34.",
     ["Police said Sgt. Ada Fenn of the harbor unit was hurt.", "She is 34."]),
    # a company's "Inc." before a new sentence still ends it
    ("The plant was sold to Velk Holdings Inc. The deal closed in May.",
     ["The plant was sold to Velk Holdings Inc.", "The deal closed in May."]),
    # two abbreviated titles in a row, and a rank after a body's name
    ('"This is the crime," said Dist. Atty. Ines Marl after the verdict.',
     ['"This is the crime," said Dist. Atty. Ines Marl after the verdict.']),
    ("The device went off at 5:30 p.m., said Velk State Police Lt. Mara Quill. No one was hurt.",
     ["The device went off at 5:30 p.m., said Velk State Police Lt. Mara Quill.",
      "No one was hurt."]),
])
def test_extract_sentences_a_title_before_a_name_ends_no_sentence(nlp, text, expected):
    article = Article(id="s", text=text)
    got = [s.text for s in extract_sentences(article, nlp(text))]
    assert got == expected
    assert [s.text for s in nlp(text).sents] == expected  # the parse's own sentences
    assert all(text[s.start:s.end] == s.text for s in extract_sentences(article, nlp(text)))


def test_extract_entities_a_full_name_with_a_persons_surname_is_a_person(nlp):
    # issue 17: the tagger called a widow's name a place, so her words went to her husband
    text = ("At the end of the route, Amara Okafor, Daniel Okafor's widow, spoke briefly. "
            "Her message was short.")
    ents = {e.text: e.label for e in extract_entities(Article(id="w", text=text), nlp(text))}
    assert ents.get("Amara Okafor") == "PERSON"


def test_extract_entities_a_name_runs_on_over_its_hyphen(nlp):
    # read on a real cluster: a president's name cut at its hyphen, then a fact "X: President"
    text = ("ORRIN (Northline Wire) - Velkan President Oh Min-jae said on Tuesday that the "
            "talks could help. The harbor leader Tor Almqvist said his fleet was ready.")
    names = [e.text for e in extract_entities(Article(id="h", text=text), nlp(text))
             if e.label == "PERSON"]
    assert "Oh Min-jae" in names and "Oh Min" not in names


def test_extract_entities_a_surname_in_use_before_a_relative_is_introduced(analyze):
    """A surname the article already uses for someone is not the relative introduced later
    under a full name: "Vance" who speaks all along is not "Her father, Arlo Vance"."""
    text = ("Vance said the director shouted at her on the set. \u201cIt was frightening,\u201d "
            "Vance said. Her father, Arlo Vance, a retired teacher, declined to comment. Vance "
            "said she had waited years to tell the story.")
    _, ex = analyze(text)
    bare = [e for e in ex.entities if e.text == "Vance"]
    assert len(bare) >= 2
    assert all(e.canonical != "Arlo Vance" for e in bare)
    assert all(q.speaker != "Arlo Vance" for q in ex.quotes)


def test_extract_entities_a_surname_after_its_full_name_is_that_person(analyze):
    text = ("Arlo Vance, a retired teacher, spoke at the hearing on Monday. \u201cWe waited "
            "years,\u201d Vance said. Vance left before the vote.")
    _, ex = analyze(text)
    assert {e.canonical for e in ex.entities if "Vance" in e.text} == {"Arlo Vance"}


def test_extract_entities_a_person_is_written_with_a_capital(analyze):
    """The tagger may read a lower-case phrase as a person ("golden halo"); a name has a
    capital, so such a phrase is no person and cannot speak."""
    text = ("Behind that shy smile and golden halo, she has had to be a fighter. "
            "\u201cI was afraid,\u201d Nora Vell said.")
    _, ex = analyze(text)
    assert all(any(w[:1].isupper() for w in e.text.split()) for e in ex.entities
               if e.label == "PERSON")


def test_extract_entities_any_name_is_written_with_a_capital(analyze):
    """The tagger reads "black crayon" as a place (issue 17: "place: black crayon"); a
    place, a body or a group is named with a capital somewhere ("eBay" has one)."""
    _, ex = analyze("A drawing in black crayon was taped to the shelter at Velden Park, and "
                    "a clerk at eBay said the lot had sold.")
    assert "black crayon" not in {e.text for e in ex.entities}
    assert "Velden Park" in {e.text for e in ex.entities}
    assert all(any(c.isupper() for c in e.text) for e in ex.entities)


@pytest.mark.parametrize(("text", "people"), [
    ("Her lawyer, Tom Vell, said the album Jolene sold well.", {"Tom Vell"}),
    ("The ship Mary Rose sank off Orrin, historian Ada Moss said.", {"Ada Moss"}),
])
def test_extract_entities_a_name_given_to_a_thing_is_no_person(analyze, text, people):
    _, ex = analyze(text)
    assert {e.canonical for e in ex.entities if e.label == "PERSON"} == people


def test_canonicalize_corpus_a_surname_shared_with_a_firm_is_the_person(analyze):
    """Read on a real cluster: a bare surname (the man, named in full elsewhere in the
    story) was credited to the company named after him. A firm named after a person still speaks
    as the firm when no person of that name is in the story ("Halvorsen said")."""
    _, a = analyze("The Vell Company said on Monday that it would sell its studio. Tomas Vell "
                   "founded it in 1990.", id="a")
    _, b = analyze("\u201cI never forced anyone,\u201d Vell said on Tuesday.", id="b")
    canon = canonicalize_corpus([a, b])
    assert [q.speaker for q in canon[1].quotes] == ["Tomas Vell"]


def test_extract_entities_a_caption_never_names_the_body(nlp):
    """A photo credit run into a caption ("EPA Harbor Trust said ...") is no fuller name of
    the body's "Harbor Trust": neither the body's names nor its quotes' speakers take it."""
    from crosswire.extract import extract_article

    text = ("Velk bank admits 40,000 customers hit by data theft\n"
            "Harbor Trust has admitted that 40,000 customers had their details stolen in a "
            "cyber attack.\n"
            "The bank said on Monday that a file holding 90,000 records was copied.\n"
            "EPA Harbor Trust said that a spare disk holding 90,000 records was copied\n"
            "It added: \u201cWe will write to every customer affected by post.\u201d\n"
            "Harbor Trust chief executive Mara Orr said the bank was sorry.\n")
    article = Article(id="a", text=text, title="Velk bank admits 40,000 customers hit by data "
                      "theft", published="2031-03-11", source="North Star")
    ex = extract_article(article, nlp(text))
    caption = [n for n in ex.nonbody if n.kind == "caption"]
    assert caption and "EPA" in text[caption[0].start : caption[0].end]
    body = [e for e in ex.entities if e.label == "ORG" and e.start > caption[0].end]
    body += [e for e in ex.entities if e.label == "ORG" and e.end < caption[0].start
             and e.start > 60]
    assert body and all("EPA" not in e.canonical for e in body), body
    outside = [q for q in ex.quotes if not caption[0].start <= q.start < caption[0].end]
    assert all("EPA" not in (q.speaker or "") for q in outside), outside


def test_canonicalize_corpus_skips_names_in_credit_lines(nlp):
    """Read on a real cluster: a bare surname "said" was credited to a reporter of that
    surname named in the credit line ("Additional reporting by ..."). Names outside the
    article's body (credits, captions, sidebars) never give a speaker or an entity their full
    name."""
    from crosswire.extract import canonicalize_corpus, extract_article
    from crosswire.records import Article

    text = ("Orrin's leader offered talks with Velk on Monday, in a speech broadcast across the "
            "country.\n\n\"We are ready to talk,\" Venn said in the speech.\n\n(Reporting by "
            "Lina Orr; Additional reporting by Tomas Venn in Velk; Editing by Ada Quill)")
    article = Article(id="a", text=text, published="2031-01-02", source="Wire")
    (ex,) = canonicalize_corpus([extract_article(article, nlp(text))])
    assert [q.speaker for q in ex.quotes] == ["Venn"]
    assert not [e for e in ex.entities if e.start < 140 and e.canonical == "Tomas Venn"]


def test_extract_entities_a_name_written_before_its_longer_form_is_its_own(nlp):
    # issue 17: a company named alone from the first line was taken for its payroll unit,
    # named once further down
    text = ("Corvant said on Tuesday that hackers had taken the records of 40 million "
            "customers. Corvant shares fell 9 percent. The breach began at Corvant Payroll "
            "Services, a unit that handles wage checks for employers, and Corvant has hired "
            "investigators.")
    ents = extract_entities(Article(id="c", text=text), nlp(text))
    assert {e.canonical for e in ents if e.text == "Corvant"} == {"Corvant"}
    later = ("Brindle Port Authority said the quay was safe. Brindle Port said divers "
             "found no damage.")
    ents = extract_entities(Article(id="b", text=later), nlp(later))
    assert {e.canonical for e in ents if e.label == "ORG"} == {"Brindle Port Authority"}


def test_canonicalize_corpus_short_forms_across_outlets_join_the_full_name():
    from crosswire.records import Entity, Extraction

    def ex(aid, *names):
        return Extraction(article=aid, entities=tuple(
            Entity(n, "ORG", n, 10 * k, 10 * k + len(n)) for k, n in enumerate(names)))

    # across outlets there is no order to read: a firm named alone by most ("Kraft") is
    # still the one longer name another writes ("Kraft Foods")
    out = canonicalize_corpus([ex("a1", "Brindle Port", "Brindle Port", "Brindle Port"),
                               ex("a2", "Brindle Port Authority")])
    assert {e.canonical for x in out for e in x.entities} == {"Brindle Port Authority"}
    # a longer name that only adds a phrase ("in Dunmere") is the same body
    out = canonicalize_corpus([ex("a1", "Harrow Clinic", "Harrow Clinic", "Harrow Clinic"),
                               ex("a2", "Harrow Clinic in Dunmere")])
    assert {e.canonical for x in out for e in x.entities} == {"Harrow Clinic in Dunmere"}


def test_canonicalize_corpus_an_honorific_is_no_given_name():
    # one outlet writes the chief executive "Mr. Tarrow" throughout, the others "Ilse
    # Tarrow": one person, one quote heading
    from crosswire.records import Entity, Extraction, Quote

    def ex(aid, name):
        return Extraction(article=aid, entities=(Entity(name, "PERSON", name, 0, len(name)),),
                          quotes=(Quote("We will build it.", 30, 47, name),))

    out = canonicalize_corpus([ex("a1", "Ilse Tarrow"), ex("a2", "Mr. Tarrow")])
    assert {e.canonical for x in out for e in x.entities} == {"Ilse Tarrow"}
    assert {q.speaker for x in out for q in x.quotes} == {"Ilse Tarrow"}


def test_canonicalize_corpus_a_firm_written_with_or_without_stops_is_one():
    # "Halvern Inc." and "Halvern Inc" (two outlets' house styles): one speaker heading
    from crosswire.records import Entity, Extraction, Quote

    def ex(aid, name):
        return Extraction(article=aid, entities=(Entity(name, "ORG", name, 0, len(name)),),
                          quotes=(Quote("We will review it.", 30, 48, name),))

    out = canonicalize_corpus([ex("a1", "Halvern Inc."), ex("a2", "Halvern Inc."),
                               ex("a3", "Halvern Inc")])
    assert {q.speaker for x in out for q in x.quotes} == {"Halvern Inc."}


def test_canonicalize_corpus_a_firm_one_outlet_tags_as_a_person_is_the_firm():
    # one outlet's tagger calls the firm a person throughout; the others name it a firm
    from crosswire.records import Entity, Extraction, Quote

    def ex(aid, name, label):
        return Extraction(article=aid, entities=(Entity(name, label, name, 0, len(name)),),
                          quotes=(Quote("We will review it.", 30, 48, name),))

    out = canonicalize_corpus([ex("a1", "Halvern Inc.", "ORG"), ex("a2", "Halvern Inc.", "ORG"),
                               ex("a3", "Halvern Inc", "PERSON")])
    assert {q.speaker for x in out for q in x.quotes} == {"Halvern Inc."}
    assert {e.canonical for x in out for e in x.entities} == {"Halvern Inc."}
    # the firm's first word tagged a person counts for the firm
    out = canonicalize_corpus([ex("a1", "Halvern Inc.", "ORG"), ex("a2", "Halvern", "PERSON"),
                               ex("a3", "Halvern", "PERSON"), ex("a4", "Halvern Inc", "PERSON"),
                               ex("a5", "Halvern Inc", "PERSON")])
    assert {q.speaker for x in out for q in x.quotes} == {"Halvern Inc."}
    # a person written as often as a firm of that name stays a person
    out = canonicalize_corpus([ex("a1", "Ada Halvern", "PERSON"),
                               ex("a2", "Ada Halvern", "ORG")])
    assert out[0].quotes[0].speaker == "Ada Halvern"


def test_an_indefinite_article_is_not_part_of_a_name(analyze):
    """The tagger may take "an" into a name ("on an All Tessmoor Airways jet"): one body is one
    name, with or without the article before it."""
    _, ex = analyze("He flew on an All Tessmoor Airways jet. All Tessmoor Airways said the "
                    "plane landed safely.")
    names = {e.canonical for e in ex.entities if "Tessmoor" in e.text}
    assert names == {"All Tessmoor Airways"}, names


@pytest.mark.parametrize(("text", "person"), [
    # a role opening the sentence is capitalised, and NER takes it into the name; the article
    # writing the same word in lower case shows it is a noun
    ("Comedian Moss Harlan, 87, was honoured in Velk on Friday. The comedian thanked his "
     "family.", "Moss Harlan"),
    # a given name that is also a noun stays, when the article never writes it as one
    ("Hunter Sol Thompson, 60, spoke in Velk on Friday. Thompson thanked his family.",
     "Hunter Sol Thompson"),
    # ... or writes only as a word for a thing
    ("Bill Tam Okoro, 60, spoke in Velk on Friday. The bill passed on Monday.",
     "Bill Tam Okoro"),
])
def test_extract_entities_a_role_opening_the_sentence_is_no_given_name(nlp, text, person):
    names = {e.text for e in extract_entities(Article(id="r", text=text), nlp(text))
             if e.label == "PERSON"}
    assert person in names


def test_extract_entities_a_name_never_ends_inside_a_bracket(nlp):
    # issue 17, read on a real cluster: a speaker heading "<Bank> (<TICKER>" and a name ending
    # in a stock ticker's open bracket
    text = ("Major Velk banks Orsabank (OSB), Marl Credit (MC) and Tessa (TSA), plus oil giant "
            "Brenn (BRN), have indicated the new rules could cost them $3 billion each.")
    found = extract_entities(Article(id="a", text=text), nlp(text))
    for e in found:
        assert e.text.count("(") == e.text.count(")"), e.text
        assert text[e.start : e.end] == e.text


def test_extract_entities_a_name_does_not_end_on_a_linking_word(nlp):
    # read on a real cluster: NER cut "<City> Zoo and <Gardens>" after "and", and the
    # speaker heading read "<City> Zoo and"; a name never ends on "and", "of" or "&"
    from spacy.tokens import Span

    text = "Photo courtesy of the Orrin Zoo and Velk Gardens. The zoo said the ape was calm."
    doc = nlp(text)
    start = next(t.i for t in doc if t.text == "Orrin")
    doc.ents = [Span(doc, start, start + 3, label="ORG")]  # "Orrin Zoo and", as NER cut it
    article = Article(id="a", text=text)
    names = {e.text for e in extract_entities(article, doc)}
    assert names == {"Orrin Zoo"}, names


@pytest.mark.parametrize(("alone", "label", "after"), [
    pytest.param("Harlan", "GPE", "PERSON", id="given-name-as-place"),
    pytest.param("Harlan", "ORG", "PERSON", id="given-name-as-body"),
    pytest.param("Velkton", "GPE", "GPE", id="a-place-no-one-is-named"),  # control
])
def test_extract_entities_a_persons_given_name_alone_is_that_person(alone, label, after):
    # read on a real cluster: a producer called by his given name alone in quoted words
    # was tagged a place four times, and became the event's place
    from crosswire.extract.entities import _Mention, _relabel_surnames

    text = f"Harlan Marsh produced the film. \u201cI trusted {alone},\u201d the actress said."
    at = text.index(alone, 10)
    mentions = [_Mention(0, 12, "PERSON", None), _Mention(at, at + len(alone), label, None)]
    _relabel_surnames(text, mentions)
    assert mentions[1].label == after


def test_extract_entities_a_given_name_written_as_a_place_stays_a_place():
    # control of the rule above: a town one is in ("grew up in Harlan") is a place, whoever
    # else bears its name; so is a town glued before a title's name ("Mayor of Orrin Peter
    # Vance": a name of three words gives no given name)
    from crosswire.extract.entities import _Mention, _relabel_surnames

    text = "Harlan Marsh grew up in Harlan, a mining town."
    at = text.index("Harlan", 10)
    mentions = [_Mention(0, 12, "PERSON", None), _Mention(at, at + 6, "GPE", None)]
    _relabel_surnames(text, mentions)
    assert mentions[1].label == "GPE"


def test_a_sentence_adverb_the_recogniser_glued_to_a_name_is_cut(nlp):
    # read on a real cluster: a sentence adverb glued to a surname made a speaker of both;
    # the recogniser does not always glue it, so the mention is given as it did there
    from crosswire.extract.entities import _Mention, _trim_overlong_persons

    text = "Ironically Brandvold had asked the council to keep the old ferry running."
    mentions = [_Mention(0, len("Ironically Brandvold"), "PERSON", None)]
    _trim_overlong_persons(text, nlp(text), mentions)
    assert text[mentions[0].start : mentions[0].end] == "Brandvold"


def test_a_given_name_that_is_also_a_word_stays(nlp):
    from crosswire.extract.entities import _Mention, _trim_overlong_persons

    text = "Early Brandvold had asked the council to keep the old ferry running."
    mentions = [_Mention(0, len("Early Brandvold"), "PERSON", None)]
    _trim_overlong_persons(text, nlp(text), mentions)
    assert text[mentions[0].start : mentions[0].end] == "Early Brandvold"


def test_a_numbered_person_keeps_the_number(nlp):
    # a numbered person was cut at the abbreviation's stop: the speaker read "<noun> No"
    text = '"We tasted every cake twice," said Steward No. 3, who ran the baking table.'
    found = extract_entities(Article(id="j", text=text), nlp(text))
    names = [e.text for e in found if e.label == "PERSON"]
    assert names == ["Steward No. 3"], names


@pytest.mark.parametrize(("text", "org", "person", "role"), [
    # the tagger takes an abbreviated title into the body's name ("... Police Lt"): the title
    # is the next person's
    ("The device went off at 5:30 p.m., said Velk State Police Lt. Mara Quill.",
     "Velk State Police", "Mara Quill", "Lieutenant"),
    ("The search was led by the Velk State Police and Capt. Ivo Renn of the harbour unit.",
     "Velk State Police", "Ivo Renn", "Captain"),
])
def test_extract_entities_a_title_closing_a_bodys_name_is_the_next_persons(nlp, text, org,
                                                                            person, role):
    ents = extract_entities(Article(id="t", text=text), nlp(text))
    assert org in [e.text for e in ents if e.label == "ORG"], [(e.text, e.label) for e in ents]
    assert [(e.text, e.role) for e in ents if e.label == "PERSON"] == [(person, role)]


@pytest.mark.parametrize(("text", "name", "label"), [
    # read on a real cluster: a researcher's name tagged as a body, so "she wrote" after it
    # found no one; "her thesis" in her own clause says she is a person
    ("Ines Varga looked at the harbour loans for her thesis. She found gaps in them.",
     "Ines Varga", "PERSON"),
    ("Tomas Brell spent a decade on his study of the Velk tides.", "Tomas Brell", "PERSON"),
    # a body with its own possessive stays a body; so does one whose clause names a person
    # the pronoun may be
    ("Harbor Trust sold the old ferry to its former owner.", "Harbor Trust", "ORG"),
    ("Velk Ferries hired Ada Kerr for her skills.", "Velk Ferries", "ORG"),
])
def test_extract_entities_a_name_a_gendered_pronoun_takes_up_is_a_person(nlp, text, name,
                                                                         label):
    found = {e.text: e.label for e in extract_entities(Article(id="g", text=text), nlp(text))}
    assert found.get(name) == label, found


@pytest.mark.parametrize("text", [
    "Ravel Osei enjoyed the finest of his seasons for the Orrin Gulls in 2006.",
    "The Velk Harriers beat the Orrin Kings 3-1 on Sunday.",
])
def test_extract_entities_a_plural_name_after_the_is_no_person(nlp, text):
    # the small model tags "the Orrin Gulls" a person; a plural name after "the" is a team
    # or a body (found when a person tagged right made two reports "name different people")
    people = [e.text for e in extract_entities(Article(id="t", text=text), nlp(text))
              if e.label == "PERSON"]
    assert not [p for p in people if p.endswith(("Gulls", "Harriers", "Kings"))], people
