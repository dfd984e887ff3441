"""He and she go to the nearest fitting person, named or not: invented sentences, one per
rule (never real articles)."""

from __future__ import annotations

import pytest

from quote_helpers import assert_speaker, first_quoted
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


@pytest.mark.xfail(strict=True, reason=(
    "a firm tagged PERSON throughout is the nearest subject. Refusing one-word names never "
    "written with a given name or a title fixed this and a real cluster's three quotes, but "
    "cost PolNeAR speaker accuracy (dev 0.920 -> 0.918, train 0.916 -> 0.914): political "
    "reports write 'Trump' and 'Clinton' alone throughout"))
def test_he_is_never_a_name_the_article_never_gives_a_person(nlp):
    # a firm the tagger calls a person throughout, never written with a given name or a
    # title, is no candidate for "he": the man introduced as "Mr. Adair" is
    from crosswire.extract.quotes import extract_quotes
    from crosswire.records import Article, Entity

    text = ("Vantorix reported a sharp fall in earnings last quarter. For Mr. Adair, who ran "
            "Brellcom for twelve years, Vantorix's troubles are the kind he and his staff know "
            "how to mend, and that Vantorix has not proved it can mend alone. \u201cWe have "
            "great regard for the engineers,\u201d he said.")

    def ent(name, label, nth=0):
        start = -1
        for _ in range(nth + 1):
            start = text.index(name, start + 1)
        return Entity(name, label, name, start, start + len(name))

    entities = (ent("Vantorix", "PERSON"), ent("Mr. Adair", "PERSON"),
                ent("Brellcom", "ORG"), ent("Vantorix", "PERSON", 1),
                ent("Vantorix", "PERSON", 2))
    article = Article(id="t", text=text)
    (quote,) = [q for q in extract_quotes(article, nlp(text), entities)
                if q.text.startswith("We have")]
    assert quote.speaker == "Mr. Adair"


@pytest.mark.parametrize(("text", "speaker"), [
    # issue 17, read on a real cluster: a quote credited to "Constable"
    ("The tram came off the rails in Orrin on Wednesday. Robin Vale, Assistant Chief "
     "Constable at the Orrin Transport Police, confirmed that lives had been lost. He said: "
     '"Sadly we must tell you that some passengers did not survive."', "Robin Vale"),
    ("Ada Lind, Chief Inspector of the Velk Harbour Police, said the ferry was late. She "
     'said: "We are still looking for two people."', "Ada Lind"),
])
def test_a_title_beside_a_name_is_that_persons_not_another_person(quotes_of, text, speaker):
    q = _find(quotes_of(text), "Sadly" if "Sadly" in text else "still looking")
    assert q.speaker == speaker


def test_a_british_police_rank_is_a_title_not_part_of_the_name(quotes_of):
    text = ("The tram came off the rails in Orrin on Wednesday.\nDeputy Chief Constable Adrian "
            'Vell said: "We can confirm that four passengers lost their lives."')
    assert _find(quotes_of(text), "We can confirm").speaker == "Adrian Vell"


def test_she_goes_on_as_the_she_before_her(quotes_of):
    """Sentences that each open with "She" tell of one woman: a name further back, not one
    those sentences only mention ("the staff who looked after Orla, the elephant")."""
    text = ('Pilar Vance, a writer, no longer takes her children to the zoo. '
            '"The animals look bored," Vance said. She feels sorry for the staff who looked '
            'after Orla, the elephant that was put down. She also pities the father and girl '
            'who were injured. "Nobody comes out of this well," she said.')
    assert _find(quotes_of(text), "Nobody comes out").speaker == "Pilar Vance"


def test_the_role_that_opens_a_sentence_is_taken_up_later(quotes_of):
    # "Comedian Moss Harlan": a role opening the sentence is capitalised and tagged as part of
    # the name; "the comedian" later is still that person
    text = ('Comedian Moss Harlan, 87, was honoured in Velk on Friday. "I never planned to be '
            'funny," the comedian said.')
    (q,) = [q for q in quotes_of(text) if "planned" in q.text]
    assert q.speaker == "Moss Harlan"


def test_he_who_restates_his_words_is_their_speaker_not_a_name_in_them(quotes_of):
    # issue 17, read on a real cluster: the doctor's words, which name the patient, ended on
    # "he said"; "he" was taken for the patient, the subject named last
    text = ("Coach Tam Reller collapsed at the parade in Orrin on Friday. Dr. Ivo Marsh, a "
            "neurosurgeon at Orrin General, said when he reached the ward, Reller was "
            'unconscious, "barely with us," he said.')
    assert _find(quotes_of(text), "barely with us").speaker == "Ivo Marsh"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # "they" closing a quote goes on for the body that spoke just before, by its own
        # name or through its spokesman
        ("A Harlow Fire Brigade spokesman said crews were called at dawn. "
         '"There are six fire engines at the scene," they added.', "Harlow Fire Brigade"),
        ("The Orrin Hawks said the coach had resigned on Monday. "
         '"We thank him for ten seasons," they added.', "Orrin Hawks"),
        # control: the residents are the nearer subject, so "they" is theirs (whom no name
        # gives), not the council's
        ("The Orrin Council said it would vote on the plan on Monday. Residents of Kell "
         'Street were angry. "Nobody asked us," they said.', None),
    ],
    ids=["spokesman", "club", "residents"],
)
def test_they_goes_on_for_the_body_that_spoke_before(quotes_of, text, speaker):
    assert_speaker(_find(quotes_of(text), first_quoted(text)), speaker)


_FIRM = ("The Velk-based firm said it would pay a fee if {condition}. It told Orra Systems "
         "shareholders they would get a monthly \u201cwaiting bonus\u201d until the vote.")


@pytest.mark.parametrize(("text", "needle", "speaker"), [
    # a held-out read: "The <place>-based firm said ... It also said ..." left the second
    # statement unattributed; "it" saying something next is the firm that just spoke
    (_FIRM.format(condition="regulators block the deal"), "waiting bonus",
     "the Velk-based firm"),
    # the firm's, not the body of a verb inside what it said ("if the two firms agree")
    (_FIRM.format(condition="the two firms agree to terms"), "waiting bonus",
     "the Velk-based firm"),
    # a firm the text has named is that firm ("The firm said ... It added: ...")
    ("Velk Chips raised its bid on Monday. The firm said it would pay a fee if regulators "
     "block the deal. It added: \u201cWe will write to 2,000 shareholders.\u201d",
     "2,000 shareholders", "Velk Chips"),
], ids=["unnamed", "a-body-inside-its-words", "named-before"])
def test_it_goes_on_for_the_body_that_spoke_before(quotes_of, text, needle, speaker):
    q = _find(quotes_of(text), needle)
    assert q.speaker == speaker, q


def test_he_with_no_subject_near_is_the_person_the_text_is_about(quotes_of):
    # a read: a person the narration names once (an artist a plan would feature) took the
    # words "he" went on to say, after quotes of the man the text is about; a sentence of
    # other people's views and a quote line stand between
    text = ("'We built the Orrin tower to stand for a century,' Tomas Velk said.\n"
            "Velk also posted a photo of the crane last week.\n"
            "He said 'The crane lifts twelve tonnes in one go.\n"
            "'It is twice as strong as the old one.\n"
            "A few critics had argued Velk's idea of opening the tower with music by Piet Orr "
            "on loudspeakers was only a stunt.\n"
            "'What a crane that is.'\n"
            "He also promised the tower will have a 'viewing deck on the top floor,' adding "
            "the first tours will run in May.")
    assert_speaker(_find(quotes_of(text), "first tours will run"), "Tomas Velk")


def test_he_with_no_subject_near_is_still_the_nearest_when_no_one_is_named_more(quotes_of):
    # control: two people named once each, no subject near: the nearest one not an owner
    text = ("Crowds filled the Orrin square for the fair. A band led by Piet Orr played "
            "first, and the crowd cheered for Tam Brill's dancers. "
            "'It was the best night in years.' He also said the fair would return in May.")
    q = _find(quotes_of(text), "return in May")
    assert q.speaker in ("Piet Orr", None), q


def test_he_is_not_a_name_in_brackets(quotes_of):
    # the bracketed name says who plays the part (a held-out read: a cast name in brackets
    # took the director's "he says"); the person the sentence before names is he
    text = ("Critics praised Ravi Tesh's work on the fight with the pirate Ysa (Ona Breck) "
            "in the new film. Asked about the rope, he says it was his own idea to use a "
            "real one.")
    assert _find(quotes_of(text), "his own idea").speaker == "Ravi Tesh"


@pytest.mark.parametrize(("text", "needle", "speaker"), [
    ("Piet Orr has urged the council to allow Tomas Vell to open a market on Sundays. "
     "He said the town needed more trade.", "more trade", "Piet Orr"),
    ("Piet Orr, the mayor, wants Tomas Vell to run the harbor board next year. He said the "
     "board needed a new voice.", "new voice", "Piet Orr"),
    # a bare infinitive after "let" ("letting Mara Lund steer") is no subject the text
    # goes on about either
    ("Ravi Tesh has said letting Mara Lund steer a speedboat that flipped during the shoot "
     "of the 2009 film Catch Billy is the mistake he most regrets. He admitted he took the "
     "boat out alone the day before.", "took the boat", "Ravi Tesh"),
])
def test_he_is_not_the_one_a_verb_lets_or_asks_to_do_something(quotes_of, text, needle,
                                                                  speaker):
    # the subject of "to open" is whom the mayor urges, not whom the text goes on about
    # (PolNeAR train: 4 speakers of this shape now right, none lost)
    assert _find(quotes_of(text), needle).speaker == speaker


@pytest.mark.parametrize("aide", ["Tomas Vell", "his aide Tomas Vell"])
def test_he_is_not_someone_only_shown_doing_something(quotes_of, aide):
    # "with <name> standing behind him": a participle's subject the text only shows, not one
    # it goes on about (PolNeAR train: 2 speakers of this shape now right, none lost); one
    # shown telling something still speaks ("with Senator Ann Lee telling reporters ...")
    text = (f"Ravi Tesh spoke to the crowd at the quay for an hour, with {aide} standing "
            "behind him. He said the board should resign.")
    assert _find(quotes_of(text), "board should resign").speaker == "Ravi Tesh"


def test_he_is_not_a_film_named_after_a_year(quotes_of):
    # "the 2009 film Catch Billy": the tagger's person is a film's title (a held-out read:
    # a director's three "he said" went to a film)
    text = ("Ravi Tesh has said allowing Mara Lund to steer a boat that sank on the shoot of "
            "the 2009 film Catch Billy is what he most regrets. He admitted he took the boat out "
            "alone the day before to try it.")
    assert _find(quotes_of(text), "took the boat").speaker == "Ravi Tesh"


def test_a_place_that_shares_a_surname_is_nobody_the_text_is_about(quotes_of):
    # the rule above, read on the demo: a park named twice ("to Orrin Park", "At Orrin
    # Park") was counted as a person the text is about and took a widow's words; and a bare
    # "Park" went to the park, not to the woman of that name who spoke
    text = ("Marchers walked to Orrin Park, near the old mill. \"We will keep marching,\" said "
            "Lena Park, the group's founder. At Orrin Park, the crowd went quiet as Mara Quill, "
            "the miller's widow, stepped up to a microphone. She thanked the volunteers, then "
            "turned to the mill and spoke to its owners directly:\n\n"
            "\"Tom went to work that night and never came home. Keep your flowers.\"\n\n"
            "Park said the group would return to the town hall on May 3, when the council "
            "votes on the mill's permit.")
    quotes = quotes_of(text)
    assert_speaker(_find(quotes, "never came home"), "Mara Quill")
    assert_speaker(_find(quotes, "return to the town hall"), "Lena Park")


# read on a real cluster: a body's unit named by a person noun and a plural ("its <person
# noun> <plural>") took a "he said" that was a spokesperson's: the person noun made the name
# read like a title and a surname
_STORM = ("Climbers on the north ridge were caught by the storm around noon, before the park "
          "service sent a team, a park spokesperson said.\n"
          "The climbers had lost a rope in the wind when one of them radioed for help, and the "
          "service, which kept a base nearby, flew its {unit} up in a helicopter to reach them, "
          "he said.")


@pytest.mark.parametrize("unit", ["Ranger Medics", "Marine Riflemen"])  # (plural, singular tag)
def test_he_is_never_a_units_name(quotes_of, unit):
    q = _find(quotes_of(_STORM.format(unit=unit)), "lost a rope")
    assert q.speaker is not None and unit.split()[-1] not in q.speaker, q.speaker
    assert "spokesperson" in q.speaker.lower(), q.speaker


def test_he_with_no_one_named_is_the_person_noun_the_sentence_is_about(quotes_of):
    # read on a real cluster: no one is named near "he" but a definite person noun, the
    # subject of the clause before; the words are that person's, not unattributed
    text = ("The captain of the grain barge had been asleep at the wheel, according to the "
            "inspectors, and he admitted he knew the hatch was loose.")
    q = _find(quotes_of(text), "hatch was loose")
    assert q.speaker is not None and "captain" in q.speaker.lower(), q.speaker


def test_he_with_someone_named_is_still_that_person(quotes_of):
    text = ("Pim Osk, the captain of the grain barge, had been asleep at the wheel, according "
            "to the inspectors, and he admitted he knew the hatch was loose.")
    assert _find(quotes_of(text), "hatch was loose").speaker == "Pim Osk"


def test_he_is_the_one_person_named_nearby(quotes_of):
    # issue 17, read on a real cluster: the engineer named three lines up is the only person
    # there, and nothing shows his gender; "he" is him, not no one
    text = ("Northrail's night trains were late too, according to Peter Hollis of Northrail.\n"
            "Crews found dozens of signals dark by dawn on Tuesday.\n"
            "Without a signal, no train may leave a station.\n"
            '"We have never lost that many at once," he said\n'
            '"Half the morning trains sat still."\n'
            "The signals were back by noon, Hollis said.")
    assert _find(quotes_of(text), "never lost").speaker == "Peter Hollis"


def test_he_is_not_the_one_person_nearby_shown_to_be_a_woman(quotes_of):
    # control: the one person nearby is "she"; "he" is someone else, so no one
    text = ("Northrail's night trains were late too, according to Ada Hollis of Northrail.\n"
            "She said dozens of signals were dark by dawn on Tuesday.\n"
            "Without a signal, no train may leave a station.\nThe signals were back by noon.\n"
            '"We have never lost that many at once," he said.')
    assert _find(quotes_of(text), "never lost").speaker != "Ada Hollis"


def test_she_goes_on_as_the_she_before_with_no_one_named_in_reach(quotes_of):
    # issue 17, read on a real cluster: the spokeswoman (no name, no person) is out of reach
    # behind her quoted lines; the "she" that said the lines before goes on as her
    text = ("Ferry crossings stopped on Tuesday, Harbor Lines said.\n"
            "Both engines failed within minutes, a Harbor Lines spokeswoman said.\n"
            "The firm is still checking the fuel, she said.\n"
            '"Our engineers are on board.\nThey will know more by tonight," she said.\n'
            '"Nobody was hurt."\n'
            "Spare parts are due on Thursday, she said.")
    assert _find(quotes_of(text), "Spare parts").speaker == "a Harbor Lines spokeswoman"


@pytest.mark.parametrize(("text", "needle", "expected"), [
    # a read: a name inside what a verb of a view reports ("pointed out that <Name> is not
    # ...") is no rival of its speaker for the "she" that speaks next
    ('In a phone interview with the Velk Times, Ana Dorr pointed out that Ida Lind is not '
     '"a surgeon who would cut corners" and that her clinic work shows her "care for the '
     'poor." "You do not win that prize for nothing," she told the paper.',
     "win that prize", "Ana Dorr"),
    # a clause before a verb of a view is not what the view holds
    ("Ada Quill, 52, a nurse who came to a Velk rally last week, counts herself among the "
     "voters who want change - only she thinks Ina Roth should be the one to bring it.",
     "should be the one", "Ada Quill"),
    # a view no one holds ("that" means ...) keeps the names in it
    ('Tom Vell works nights at the depot. Did that mean Vell would vote for Ina Roth? '
     '"No, never," he said, laughing.', "No, never", "Tom Vell"),
], ids=["pointed-out", "clause-before-a-view", "no-ones-view"])
def test_a_name_in_what_a_view_holds_is_no_rival(quotes_of, text, needle, expected):
    q = _find(quotes_of(text), needle)
    assert q.speaker == expected, q
