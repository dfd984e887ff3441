"""Temporal expressions: one fictional case per rule, anchors, offsets, and the seed articles."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import shared_path
from crosswire.extract.dates import extract_times
from crosswire.records import Analyzed, Article, TimeRef


@pytest.fixture(scope="module")
def times(nlp):
    def run(text: str, published: str | None = None) -> tuple[TimeRef, ...]:
        return extract_times(Article(id="t", text=text, published=published), nlp(text))

    return run


def find(refs: tuple[TimeRef, ...], span: str) -> TimeRef:
    hits = [r for r in refs if r.text == span]
    assert hits, f"{span!r} not tagged; got {[r.text for r in refs]}"
    return hits[0]


PUB = "2015-01-05"  # a Monday


@pytest.mark.parametrize(
    ("text", "published", "span", "value", "kind"),
    [
        # weekdays: the most recent one, the next one in future clauses, same day = published
        (
            "On Sunday morning, the officer was buried.",
            PUB,
            "Sunday morning",
            "2015-01-04TMO",
            "TIME",
        ),
        (
            "On Saturday, the mayor spoke at the chapel.",
            "2014-12-28",
            "Saturday",
            "2014-12-27",
            "DATE",
        ),
        (
            "On Sunday, the crowd gathered at the pier.",
            "2014-12-28",
            "Sunday",
            "2014-12-28",
            "DATE",
        ),
        (
            "The mayor will speak at the harbour on Saturday.",
            "2014-12-28",
            "Saturday",
            "2015-01-03",
            "DATE",
        ),
        ("The board met last Friday.", "2015-01-09", "last Friday", "2015-01-02", "DATE"),
        ("The vote is set for next Tuesday.", PUB, "next Tuesday", "2015-01-06", "DATE"),
        (
            "The fire started Friday night near the mill.",
            PUB,
            "Friday night",
            "2015-01-02TNI",
            "TIME",
        ),
        # month-day without a year: nearest occurrence, past or future per tense
        (
            "The bridge closed on Jan. 5 after the storm.",
            "2015-03-10",
            "Jan. 5",
            "2015-01-05",
            "DATE",
        ),
        ("The fire broke out on December 20.", PUB, "December 20", "2014-12-20", "DATE"),
        ("The fair will open on December 20.", PUB, "December 20", "2015-12-20", "DATE"),
        ("The ferry sails again on 12 March.", PUB, "12 March", "2015-03-12", "DATE"),
        # explicit dates
        ("It snowed on January 5, 2015 in Linden.", None, "January 5, 2015", "2015-01-05", "DATE"),
        ("It snowed on 5 January 2015 in Linden.", None, "5 January 2015", "2015-01-05", "DATE"),
        ("The log starts at 2015-01-05 in the archive.", None, "2015-01-05", "2015-01-05", "DATE"),
        ("The form was signed 12/28/2014 by the clerk.", None, "12/28/2014", "2014-12-28", "DATE"),
        ("The mill closed in July 1997.", None, "July 1997", "1997-07", "DATE"),
        ("The mill closed in 1997.", None, "1997", "1997", "DATE"),
        ("The town grew in the 1990s.", None, "1990s", "199X", "DATE"),
        ("The dock was rebuilt in the fall of 2009.", None, "the fall of 2009", "2009-FA", "DATE"),
        # deictic and calendar-relative
        ("The council voted today.", PUB, "today", "2015-01-05", "DATE"),
        ("The council voted yesterday.", PUB, "yesterday", "2015-01-04", "DATE"),
        ("The council votes tomorrow.", PUB, "tomorrow", "2015-01-06", "DATE"),
        ("The pier reopened last week.", "2015-01-01", "last week", "2014-W52", "DATE"),
        ("Rents rose this month.", PUB, "this month", "2015-01", "DATE"),
        ("Rents rose last year.", PUB, "last year", "2014", "DATE"),
        ("The ferry sank two weeks ago.", PUB, "two weeks ago", "2014-W52", "DATE"),
        ("The ferry sank 11 days ago.", PUB, "11 days ago", "2014-12-25", "DATE"),
        ("The ferry sank a few weeks ago.", PUB, "a few weeks ago", "2014-12", "DATE"),
        # an open bound names no moment: "more than two decades ago" is some time before
        # 1995, a length of time as TimeML writes it (a timeline showed one as a year)
        ("The ferry sank more than two decades ago.", PUB, "more than two decades ago", "P20Y",
         "DURATION"),
        ("The ferry sank over three years ago.", PUB, "over three years ago", "P3Y", "DURATION"),
        ("The ferry sank at least two weeks ago.", PUB, "at least two weeks ago", "P2W",
         "DURATION"),
        ("The ferry sank almost four years ago.", PUB, "almost four years ago", "2011", "DATE"),
        ("Earlier this month the port shut.", PUB, "Earlier this month", "2015-01", "DATE"),
        ("The mayor said it would end next month.", PUB, "next month", "2015-02", "DATE"),
        ("The plant has been idle since Christmas.", PUB, "Christmas", "2014-12-25", "DATE"),
        ("Clerks count the votes now.", PUB, "now", "PRESENT_REF", "DATE"),
        # "today's" before a plural names the present, not a day (read on a real cluster:
        # "some of today's biggest firms" dated an event); before a happening it is the day
        ("Some of today's biggest ferry lines run at a loss.", PUB, "today", "PRESENT_REF",
         "DATE"),
        ("Today's vote on the harbor toll was close.", PUB, "Today", "2015-01-05", "DATE"),
        ("The tower was recently repainted.", PUB, "recently", "PAST_REF", "DATE"),
        ("More ships will come in the future.", PUB, "the future", "FUTURE_REF", "DATE"),
        (
            "The blast came at 10:35 a.m. Tuesday.",
            "2015-01-08",
            "10:35 a.m. Tuesday",
            "2015-01-06T10:35",
            "TIME",
        ),
        # durations
        ("The strike lasted three days.", PUB, "three days", "P3D", "DURATION"),
        ("The strike lasted a week.", PUB, "a week", "P1W", "DURATION"),
        ("The talks took several months.", PUB, "several months", "PXM", "DURATION"),
        ("Crews worked for five hours.", PUB, "five hours", "PT5H", "DURATION"),
        ("The feud lasted two decades.", PUB, "two decades", "P20Y", "DURATION"),
        ("Prices have climbed for years.", PUB, "years", "PXY", "DURATION"),
        ("The crossing took 5 1/2 hours.", PUB, "5 1/2 hours", "PT5H30M", "DURATION"),
        ("He was charged in the 1995 shooting of a guard.", PUB, "1995", "1995", "DATE"),
        ("Leaders of the 1992 protests have moved away.", PUB, "1992", "1992", "DATE"),
        ("A jury found Dario Penn guilty in 1991 of fraud at the Orrin harbor office.", PUB,
         "1991", "1991", "DATE"),
        # sets
        ("The market opens every Monday.", PUB, "every Monday", "XXXX-WXX-1", "SET"),
        ("The ferry runs daily.", PUB, "daily", "P1D", "SET"),
        ("The paper appears weekly.", PUB, "weekly", "P1W", "SET"),
        ("The fair returns every year.", PUB, "every year", "P1Y", "SET"),
    ],
)
def test_extract_times_rule(times, text, published, span, value, kind):
    ref = find(times(text, published), span)
    assert (ref.value, ref.type) == (value, kind)
    if published and value and value[0].isdigit() and span not in ("1997", "July 1997"):
        assert ref.anchor in ("absolute", f"published:{published}")


@pytest.mark.parametrize(
    ("text", "span", "anchor"),
    [
        ("It snowed on January 5, 2015 in Linden.", "January 5, 2015", "absolute"),
        ("On Saturday, the mayor spoke at the chapel.", "Saturday", "published:2015-01-05"),
        ("The strike lasted three days.", "three days", "absolute"),
    ],
)
def test_extract_times_anchor(times, text, span, anchor):
    assert find(times(text, PUB), span).anchor == anchor


@pytest.mark.parametrize(
    ("text", "earlier", "span", "value"),
    [
        (
            "The shooting happened on December 20, 2014. A week later, the funeral was held.",
            "2014-12-20",
            "A week later",
            "2014-12-27",
        ),
        (
            "The shooting happened on December 20, 2014. The next day, crowds came.",
            "2014-12-20",
            "The next day",
            "2014-12-21",
        ),
        (
            "The shooting happened on December 20, 2014. Two days earlier, a warning came.",
            "2014-12-20",
            "Two days earlier",
            "2014-12-18",
        ),
        (
            "The dam failed in March 2010. A month later, the valley was dry.",
            "2010-03",
            "A month later",
            "2010-04",
        ),
        (
            "The shooting happened on December 20, 2014. Days later, the suspect fled.",
            "2014-12-20",
            "Days later",
            "2014-12",
        ),
    ],
)
def test_extract_times_relative_to_previous_date(times, text, earlier, span, value):
    for published in (None, PUB):  # the anchor is the earlier date, never the publication
        ref = find(times(text, published), span)
        assert (ref.value, ref.anchor) == (value, f"relative:{earlier}")


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("On Saturday, the mayor spoke at the chapel.", "Saturday"),
        ("On Sunday morning, the officer was buried.", "Sunday morning"),
        ("The council voted yesterday.", "yesterday"),
        ("The pier reopened last week.", "last week"),
        ("The ferry sank two weeks ago.", "two weeks ago"),
        ("The bridge closed on Jan. 5 after the storm.", "Jan. 5"),
        ("Rents rose this month.", "this month"),
        ("A week later, the funeral was held.", "A week later"),
    ],
)
def test_extract_times_without_published_stay_unresolved(times, text, span):
    ref = find(times(text, None), span)
    assert (ref.value, ref.anchor) == (None, None)


@pytest.mark.parametrize(
    "text",
    [
        "The 6-year-old boy and 60 Minutes crew met the party daily Granma editor.",
        "Dozens marched in the March for Life while 1500 soldiers watched.",
        "Of the 2,000 troops sent, 1500 of them came home safely.",
        "A steward of the Tessmoor Women's March was taken off the Orrin flight.",
        "WASHINGTON, March 12 (Wire) -- Nothing happened.",
    ],
)
def test_extract_times_skips_non_times(times, text):
    spans = {r.text for r in times(text, PUB)}
    assert not spans & {"6-year", "60 Minutes", "daily", "March", "1500", "March 12"}


@pytest.mark.parametrize(("text", "dated"), [
    # a capitalised day word naming a programme is a name, not the publication day
    ("Speaking to the Velk Radio Today programme, Mara Orr said the plan was sound.", False),
    ("Asked on Harbor FM's Tonight show whether he would run, Orr said no.", False),
    # read on a real cluster: a paper's name ending in the day word ("<Name> Today are
    # reporting") dated a line to the publication day
    ("Harbor Today is reporting that the Orrin pier will reopen in spring.", False),
    ("Kell Today reported that the pier had shut.", False),
    # a day word as a day, capitalised at a sentence's start or not
    ("Today, the Orrin council voted to close the mill.", True),
    ("The Orrin council voted today to close the mill.", True),
])
def test_extract_times_a_day_word_in_a_name_is_no_date(times, text, dated):
    words = {r.text.casefold() for r in times(text, PUB)}
    assert bool(words & {"today", "tonight"}) is dated, words


@pytest.mark.parametrize(("text", "dates"), [
    # a month that is a person's first name (read on a real cluster: a fan named after a
    # month gave the timeline a line in that month)
    ("Fans cheered as June Marsh, 24, held up her sign outside the Velk ballpark on "
     "Wednesday.", {"Wednesday"}),
    ("\u201cWe waited all night,\u201d said April Orrey, who drove in from Tessmoor.", set()),
    # a month as a month
    ("The Velk ballpark reopened in June after the floods.", {"June"}),
])
def test_extract_times_a_month_that_is_a_first_name_is_no_date(times, text, dates):
    assert {r.text for r in times(text, PUB)} == dates


def test_extract_times_offsets_round_trip(times):
    text = (
        "On Sunday morning, 3,000 officers met. On January 5, 2015, the mayor spoke; a week "
        "later he left. Every Monday the market opens daily at 10 a.m. for three days, and "
        "last year, two weeks ago and in the 1990s it was different. The fair is on Jan. 5."
    )
    refs = times(text, PUB)
    assert len(refs) >= 10
    for r in refs:
        assert text[r.start : r.end] == r.text
    assert [r.start for r in refs] == sorted(r.start for r in refs)
    assert all(a.end <= b.start for a, b in zip(refs, refs[1:], strict=False))


def test_extract_times_without_doc():
    refs = extract_times(Article(id="t", text="On Saturday it rained.", published=PUB), None)
    assert [(r.text, r.value) for r in refs] == [("Saturday", "2015-01-03")]


WORDS = [
    "on",
    "Saturday",
    "Jan.",
    "5",
    "2015",
    "last",
    "week",
    "ago",
    "two",
    "days",
    "later",
    "the",
    "next",
    "day",
    "every",
    "Monday",
    "10",
    "a.m.",
    "1990s",
    "May",
    "March",
    "of",
    "morning",
    ",",
    ".",
    "-",
    "12/28/2014",
    "years",
    "a",
    "few",
    "since",
    "1,200",
    "'",
]


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    words=st.lists(st.sampled_from(WORDS), max_size=25),
    noise=st.text(max_size=30),
    published=st.sampled_from([None, PUB, "2014-12-28T09:30:00Z", "not a date"]),
)
def test_extract_times_random_text_never_raises(nlp, words, noise, published):
    text = " ".join(words) + noise
    article = Article(id="h", text=text, published=published)
    for doc in (nlp(text), None):
        for r in extract_times(article, doc):
            assert 0 <= r.start < r.end <= len(text)
            assert text[r.start : r.end] == r.text
            if published in (None, "not a date"):
                assert r.anchor is None or not r.anchor.startswith("published:")


def _seed(prefix: str) -> str:
    folder = shared_path("seeds")
    files = sorted(folder.glob(f"{prefix}_*.txt"))
    if not files:
        pytest.skip(f"no {prefix}_*.txt seed in {folder}")
    return files[0].read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("prefix", "published", "span", "value"),
    [
        ("000", "2015-01-05", "Sunday morning", "2015-01-04"),
        ("001", "2014-12-28", "Saturday", "2014-12-27"),
    ],
)
def test_extract_times_seed_articles(nlp, prefix, published, span, value):
    text = _seed(prefix)
    doc = nlp(text)
    refs = extract_times(Article(id=prefix, text=text, published=published), doc)
    hits = [r for r in refs if r.text == span and text[r.start - 3 : r.start] == "On "]
    assert hits, f"'On {span}' not found in seed {prefix}"
    assert hits[0].value.startswith(value)
    assert hits[0].anchor == f"published:{published}"
    bare = extract_times(Article(id=prefix, text=text, published=None), doc)
    relative = [r for r in bare if r.anchor != "absolute"]
    assert relative and all(r.value is None for r in relative)


# -- datelines: a text without ``published`` that dates itself on one of its first lines ------
DATELINED = (
    "Ferry crews strike at Lake Orm\n"
    "Updated: May 14, 2031 18:40\n"
    "Deckhands walked off the Blue Gull ferries on Tuesday, the union said yesterday."
)


def test_dateline_anchors_relative_dates_when_published_is_missing(times):
    refs = times(DATELINED)
    line = find(refs, "May 14, 2031")
    assert (line.value, line.anchor) == ("2031-05-14", "dateline")
    tuesday = find(refs, "Tuesday")
    assert (tuesday.value, tuesday.anchor) == ("2031-05-13", "dateline:2031-05-14")
    assert find(refs, "yesterday").value == "2031-05-13"


def test_dateline_is_not_used_when_published_is_given(times):
    refs = times(DATELINED, published="2031-05-20")
    assert find(refs, "May 14, 2031").anchor == "absolute"
    assert find(refs, "Tuesday").anchor == "published:2031-05-20"


def test_a_dated_sentence_is_no_dateline(times):
    text = "The ferry board met on May 14, 2031 and voted again on Friday about the fares."
    refs = times(text)
    assert find(refs, "May 14, 2031").anchor == "absolute"
    assert find(refs, "Friday").value is None  # nothing to resolve it against


def _features(nlp, text: str):
    """The linker's features of one undated invented article (``link.features``)."""
    from crosswire.extract import extract_article
    from crosswire.link.features import article_features

    art = Article(id="f", text=text)
    return article_features(Analyzed(art, extract_article(art, nlp(text))))


def test_dateline_day_stands_in_for_publication_in_linking(times, nlp):
    from crosswire.link.features import day_iso

    f = _features(nlp, DATELINED)
    assert day_iso(f.pub_day) == "2031-05-14"
    assert f.event_value == "2031-05-13"  # Tuesday, not the dateline's own day


@pytest.mark.parametrize(
    ("text", "line"),
    [
        # a byline before the stamp does not hide it
        ("Ferry fares rise\nBy Tilda Marr and Osk Brenn, Harbour Desk. posted in Local "
         "Transport on Friday, May 16, 2031.\nThe board voted on Thursday.",
         "Friday, May 16, 2031"),
        ("Ferry fares rise\nPUBLISHED FRIDAY, MAY 16, 2031 AT 9:14 AM / UPDATED AT 10:03 AM\n"
         "The board voted on Thursday.", "FRIDAY, MAY 16, 2031"),
        ("Ferry fares rise\nMAY 16, 2031 11:12AM\nThe board voted on Thursday.", "MAY 16, 2031"),
    ],
)
def test_dateline_after_a_publishing_stamp_or_in_capitals(times, text, line):
    refs = times(text)
    assert (find(refs, line).value, find(refs, line).anchor) == ("2031-05-16", "dateline")
    assert find(refs, "Thursday").value == "2031-05-15"


def test_a_publishing_stamp_below_a_headline_a_standfirst_and_a_caption(times):
    # read on a real cluster: a tabloid page's stamp stood on its fourth line, after the
    # headline and two standfirst lines, so nothing resolved its weekdays
    text = ("Ferry strike spreads to a third pier as deckhands walk out\n"
            "Crews at Lake Orm stopped work for a third night.\n"
            "Union leaders met the ferry board but no deal was struck.\n"
            "PUBLISHED: FRIDAY, MAY 16, 2031, 2:10 PM\n"
            "UPDATED: SATURDAY, MAY 17, 2031, 8:02 AM\n"
            "The board voted on Thursday to cut the night crossings.")
    refs = times(text)
    assert (find(refs, "FRIDAY, MAY 16, 2031").anchor) == "dateline"
    assert find(refs, "Thursday").value == "2031-05-15"


def test_a_date_below_the_first_lines_without_a_stamp_is_no_dateline(times):
    text = ("Ferry strike spreads\nCrews stopped work again.\nUnion leaders met the board.\n"
            "May 16, 2031\nThe board voted on Thursday to cut the night crossings.")
    refs = times(text)
    assert find(refs, "May 16, 2031").anchor == "absolute"
    assert find(refs, "Thursday").value is None


def test_a_sentence_saying_published_is_no_dateline(times):
    refs = times("Ferry fares rise\nThe fare study was published on May 3, 2031 by the board.\n"
                 "The board voted on Thursday.")
    assert find(refs, "May 3, 2031").anchor == "absolute"
    assert find(refs, "Thursday").value is None


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("The patrol turned back two skiffs on 10 Nov 31.", "10 Nov 31", "2031-11-10"),
        ("Posted 14 November 2031 6:07:15 PM GMT", "6:07:15 PM GMT", "2031-11-14T18:07"),
    ],
)
def test_day_month_two_digit_year_and_seconds(times, text, span, value):
    assert find(times(text, published="2031-11-14"), span).value == value


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        ("On 5 May 12 men sailed.", "2012-05-05"),  # two digits before a noun: not a year
        ("THEY MAY 12 TIMES TRY.", "2031-05-12"),  # capitals only in full dates with a year
        ("In MARCH 2031 the pier shut.", "2031-03"),
    ],
)
def test_capitals_and_two_digit_years_only_in_full_dates(times, text, wrong):
    assert wrong not in [t.value for t in times(text, published="2031-05-20")]


def test_the_datelines_clock_time_is_no_event_date(nlp):
    text = ("Two walkers rescued on Mount Orm\n"
            "8:05am UK, Monday 16 June 2031\n"
            "Two walkers were lifted off Mount Orm on Saturday after a night on the ridge. "
            "Posted by the Orm Valley Desk in Rescue and Mountain Safety News on 16 June 2031.")
    f = _features(nlp, text)
    assert f.event_value == "2031-06-14"  # Saturday, not the header's 8:05am


def test_a_long_stamp_category_still_dates_the_text(times):
    refs = times("Fares rise\nBy Tilda Marr. posted in Harbour Ferry Fares and Routes on "
                 "Friday, May 16, 2031.\nThe board voted on Thursday.")
    assert find(refs, "Thursday").value == "2031-05-15"


# -- weekdays by tense and by the story's order (sentences written after the rules) ----------
# 2031-03-15 is a Saturday; 2031-03-14 Friday, 03-16 Sunday, 03-09 the Sunday before.
SAT = "2031-03-15"


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        # past tense: on or before publication, never after
        ("The ferry board said Friday that fares would rise.", "Friday", "2031-03-14"),
        ("Harbour pilots walked out on Sunday over pay.", "Sunday", "2031-03-09"),
        # future and modal clauses: on or after publication
        ("The pilots will return to work Monday.", "Monday", "2031-03-17"),
        ("The storm should reach the islands by Tuesday.", "Tuesday", "2031-03-18"),
        ("A second vote must be held Thursday, the charter says.", "Thursday", "2031-03-20"),
        # ... but a modal perfect, written out or contracted, tells the past (read on a real
        # cluster: "In September, ... it should've backtracked" put September a year ahead)
        ("In January, the ferry board should've raised the fares.", "January", "2031-01"),
        ("In January, the ferry board should have raised the fares.", "January", "2031-01"),
        ("On Tuesday the pilots must've left the pier early.", "Tuesday", "2031-03-11"),
        # present tense with a day is a schedule
        ("The regatta final is Sunday at the north pier.", "Sunday", "2031-03-16"),
        ("The Gulls host the Terns on Wednesday in Orm Bay.", "Wednesday", "2031-03-19"),
        # ...but a possessive or a day hanging off a noun names an event: it keeps the past
        ("The Gulls trail the Terns after Wednesday's defeat.", "Wednesday", "2031-03-12"),
        ("The cause of the pier fire on Thursday night is unknown.", "Thursday night",
         "2031-03-13TNI"),
        ("Those are the lessons of a regatta on Sunday that ended in a protest.", "Sunday",
         "2031-03-09"),
        # "is to"/"was to" + verb: a schedule
        ("The mayor is to open the new dock Sunday.", "Sunday", "2031-03-16"),
        # a plan told in the past perfect was a plan before some past moment: its day has
        # passed ("had expected to testify Thursday, but ...")
        ("A diver had expected to give evidence on Thursday, but the inquiry was put off.",
         "Thursday", "2031-03-13"),
        ("The mayor had planned to open the dock on Wednesday before the storm hit.",
         "Wednesday", "2031-03-12"),
        # ... a plan now is still to come
        ("The mayor plans to open the dock on Wednesday.", "Wednesday", "2031-03-19"),
    ],
)
def test_weekday_direction_follows_tense(times, text, span, value):
    assert find(times(text, SAT), span).value == value


def test_weekday_without_tense_is_not_put_before_the_storys_day(times):
    # a killing on Friday, then a court date in a clause with no finite verb: the Sunday
    # after publication, not the Sunday before the killing
    text = ("A deckhand was stabbed to death outside a bar in Orm Bay early Friday. "
            "A cousin of the victim, in court Sunday to face a charge of murder.")
    refs = times(text, SAT)
    assert find(refs, "early Friday").value == "2031-03-14"
    assert find(refs, "Sunday").value == "2031-03-16"
    # with a past-tense verb the court date is the Sunday before publication, as it says
    text = "A deckhand was stabbed on Friday. A cousin appeared in court Sunday."
    assert find(times(text, "2031-03-17"), "Sunday").value == "2031-03-16"


# -- families added from the held-out check: a grammar each, tested on new sentences --------
# 2031-05-14 is a Wednesday (second quarter, first half of 2031).
MAY = "2031-05-14"


@pytest.mark.parametrize(
    ("text", "span", "value", "kind"),
    [
        # present-reference adverb
        ("The causeway is currently shut to lorries.", "currently", "PRESENT_REF", "DATE"),
        # clock times written the British way, or split by a tokenizer before storage
        ("The first ferry left at 6.10am with 40 cars.", "6.10am", "2031-05-14T06:10", "TIME"),
        ("The alarm was raised at 1:30 a. m. by a guard.", "1:30 a. m.", "2031-05-14T01:30",
         "TIME"),
        # a league's season: relative, or named by its year
        ("The Terns were relegated last season.", "last season", "2030", "DATE"),
        ("The Gulls hope to return to the top flight next season.", "next season", "2032",
         "DATE"),
        ("She scored 14 goals in the 2028 season.", "the 2028 season", "2028", "DATE"),
        ("He joined the Terns for the 2026-27 season.", "the 2026-27 season", "2026", "DATE"),
        # ordinal parts of a year
        ("The ferry company made a loss in the first quarter of 2030.",
         "the first quarter of 2030", "2030-Q1", "DATE"),
        ("Freight volumes should pick up in the second half of the year.",
         "the second half of the year", "2031-H2", "DATE"),
        ("Tolls rose sharply in the fourth quarter, the port said.", "the fourth quarter",
         "2030-Q4", "DATE"),  # past tense, the quarter has not begun: last year's
        ("Dock wages will be reviewed in the third quarter.", "the third quarter", "2031-Q3",
         "DATE"),
        # centuries
        ("The lighthouse dates from the 18th century.", "the 18th century", "17", "DATE"),
        ("Orm Bay grew fast in the early twentieth century.", "the early twentieth century",
         "19", "DATE"),
        # edges of a unit or a year
        ("The old quay shuts for good at the end of the month.", "the end of the month", "2031-05",
         "DATE"),
        ("The harbour tax was cut at the start of 2029.", "the start of 2029", "2029", "DATE"),
        # sets: every + count/other + unit, plural weekdays, weekends
        ("A water taxi leaves the pier every 20 minutes.", "every 20 minutes", "PT20M", "SET"),
        ("The harbour board meets every three months.", "every three months", "P3M", "SET"),
        ("The island census is taken every other year.", "every other year", "P2Y", "SET"),
        ("The dredgers clear the channel every quarter.", "every quarter", "P3M", "SET"),
        ("The tide gauge is read every 12.5 hours.", "every 12.5 hours", "PT12.5H", "SET"),
        ("The fish market is closed on Tuesdays.", "Tuesdays", "XXXX-WXX-2", "SET"),
        ("Ferries are busiest at weekends.", "weekends", "XXXX-WXX-WE", "SET"),
        ("Lifeguards patrol the beach every weekend.", "every weekend", "XXXX-WXX-WE", "SET"),
        # the n-th weekday of a month
        ("The council sits on the first Thursday in June.", "the first Thursday in June",
         "2031-06-05", "DATE"),
        ("Rents are due on the last Friday of the month.", "the last Friday of the month",
         "2031-05-30", "DATE"),
        # decimal and "another" durations
        ("The Terns' keeper was beaten after 4.5 seconds.", "4.5 seconds", "PT4.5S", "DURATION"),
        ("The strike could run for at least another month.", "at least another month", "P1M",
         "DURATION"),
    ],
)
def test_extract_times_families(times, text, span, value, kind):
    ref = find(times(text, MAY), span)
    assert (ref.value, ref.type) == (value, kind)


@pytest.mark.parametrize(
    "text",
    [
        "Kell led on lap 14, then pitted on Lap 15.",
        "The tide tables are on page 14 of the almanac.",
        "The Gulls took Game 3 and lead the final 2-1.",
        "The Terns scored twice in the second half and led at the end of the third quarter.",
    ],
)
def test_extract_times_numbered_things_and_periods_of_play_are_no_dates(times, text):
    # a year-like number after a noun stays a year ("Copyright 2031", "Budget 2031"): in real
    # news that is far more often a date than a flight or a room number
    assert not [r.text for r in times(text, MAY) if r.type == "DATE"]


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("The pier collapsed on Saturday. Divers had checked it the morning before.",
         "the morning before", "2031-05-09"),
        ("A fire broke out on Monday. Crews put it out later that evening.",
         "later that evening", "2031-05-12"),
        ("The vote was held on June 2, 2030. The mayor resigned the week after.",
         "the week after", "2030-W23"),
    ],
)
def test_anaphora_grammar(times, text, span, value):
    assert find(times(text, MAY), span).value == value


@pytest.mark.parametrize(
    ("text", "span", "value", "kind"),
    [
        # a second day after a month-day, in a list or a range
        ("The island fair runs on July 8 and 9.", "9", "2031-07-09", "DATE"),
        ("Berths are closed from June 2 to 6 for dredging.", "6", "2031-06-06", "DATE"),
        ("The hearings ran April 14-16.", "16", "2031-04-16", "DATE"),
        # an hour said with a part of the day
        ("The pumps failed at 5 in the morning.", "5 in the morning", "2031-05-14T05:00",
         "TIME"),
        ("The last ferry leaves at 11 at night.", "11 at night", "2031-05-14T23:00", "TIME"),
        # split years and fiscal years
        ("The port's 2030-31 budget was approved.", "2030-31", "2030", "DATE"),
        ("Dock fees will rise in the next fiscal year.", "the next fiscal year", "2032",
         "DATE"),
        # halves
        ("The crossing takes an hour and a half.", "an hour and a half", "PT1H30M",
         "DURATION"),
        ("The pier was shut for a year and a half.", "a year and a half", "P18M", "DURATION"),
        ("Divers searched for half an hour.", "half an hour", "PT30M", "DURATION"),
    ],
)
def test_extract_times_more_families(times, text, span, value, kind):
    ref = find(times(text, MAY), span)
    assert (ref.value, ref.type) == (value, kind)


@pytest.mark.parametrize(
    ("text", "not_span"),
    [
        ("The mill made 40 tons of flour on May 3 and 12 tons on May 4.", "12"),
        ("The harbour's busiest month of the year is July.", "year"),
        ("Subscribe to The Morning After, our newsletter.", "The Morning After"),
        ("Late in the day the wind dropped.", "day"),
    ],
)
def test_extract_times_not_a_second_day_nor_a_length(times, text, not_span):
    assert not_span not in [r.text for r in times(text, MAY)]


def test_anaphora_pattern_and_table_agree():
    """Every phrase the anaphora pattern can match has an offset in the table, and back."""
    import itertools
    import re

    from crosswire.extract.dates import _ANAPHORA_KEYS
    from crosswire.extract.dates import rules as R

    rx = re.compile(_ANAPHORA_KEYS)
    assert all(rx.fullmatch(k) for k in R._ANAPHORA)
    units = ["day", "morning", "afternoon", "evening", "night", "week", "month", "year"]
    heads = ["that", "that same", "earlier that", "later that", "earlier that same",
             "the same", "the following", "the preceding", "the previous", "the next", "the"]
    tails = ["", " before", " after"]
    for head, unit, tail in itertools.product(heads, units, tails):
        phrase = f"{head} {unit}{tail}"
        if rx.fullmatch(phrase):
            assert phrase in R._ANAPHORA, phrase


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        ("The fair opens May 3 and 4 p.m. is the first show.", {"May 3", "4 p.m."}),
        ("Berths reopen June 2 or 3, the board said.", {"June 2", "3"}),
    ],
)
def test_second_day_does_not_swallow_the_next_expression(times, text, spans):
    assert spans <= {r.text for r in times(text, MAY)}


def test_untensed_weekday_next_to_the_publication_day_stays_in_the_past(times):
    # the story named only the publication day (Saturday): an untensed Friday is yesterday
    text = "Harbour police said Saturday. A ferry hand, hit by a van on Orm Road Friday night."
    assert find(times(text, SAT), "Friday night").value == "2031-03-14TNI"


def test_second_half_in_a_clause_about_a_team_is_no_date(times):
    text = "The Gulls rode a second-half surge to the playoffs."
    assert not [r for r in times(text, MAY) if r.type == "DATE"]


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        # a caption's present tense beside a past: the past
        ("Gulls fans cheer on the quay on Thursday night after their team won the cup.",
         "Thursday night", "2031-03-13TNI"),
        # "am" of a clock time is no verb: the clause is past
        ("The ferry left Orm Bay at 10:15 am local time on Thursday and turned back.",
         "Thursday", "2031-03-13"),
    ],
)
def test_weekday_direction_captions_and_clock_am(times, text, span, value):
    assert find(times(text, SAT), span).value == value


# -- days a sentence does not name (issue 17: a timeline line dated 1988 for a sentence about
#    "that night", and "on a Tuesday" dated the Tuesday after publication) ------------------


@pytest.mark.parametrize(
    ("text", "span"),
    [
        # an indefinite weekday is some Tuesday, not a day of the calendar
        ("\u201cTomas went to sea on a Tuesday and never came back,\u201d his sister said.",
         "Tuesday"),
        ("The ferry sank on a Friday night in a storm off Orm Point.", "Friday night"),
        ("It was any Sunday on the quay, until the crane fell.", "Sunday"),
    ],
)
def test_an_indefinite_weekday_names_no_day(times, text, span):
    ref = find(times(text, SAT), span)
    assert (ref.value, ref.anchor) == (None, None)


@pytest.mark.parametrize("text", [
    "The pilots marched in a Sunday rally in Orm Bay.",  # "a" is the rally's: Sunday is a day
])
def test_a_weekday_modifying_a_noun_keeps_its_day(times, text):
    assert find(times(text, SAT), "Sunday").value == "2031-03-09"


@pytest.mark.parametrize(
    ("text", "span"),
    [
        # a year (a bound of a span, or a whole year) says nothing of which night "that
        # night" was
        ("Ivo Marsh has lived on Dock Lane since 1987. His widow asked what happened in the "
         "boathouse that night.", "that night"),
        ("The cannery opened in 1987. The workers sang that same evening.",
         "that same evening"),
        ("The pier was rebuilt in May 2029. The crowd stayed late that night.", "that night"),
    ],
)
def test_day_anaphora_needs_a_day_to_point_to(times, text, span):
    assert find(times(text, None), span).value is None
    assert find(times(text, SAT), span).value is None


def test_day_anaphora_still_points_to_a_day(times):
    text = "The pier collapsed on March 3, 2031. The divers came back that night."
    ref = find(times(text, SAT), "that night")
    assert ref.value is not None and ref.value.startswith("2031-03-03")


@pytest.mark.parametrize(
    ("text", "published", "span", "value"),
    [
        # issue 17: told in the past, counted from a narrated moment, it cannot land after
        # the day the article was published
        ("The pier rally ended on Saturday, Jan. 3. The same clash would play out a week "
         "later, when two wardens were hurt.", "2015-01-05", "a week later", None),
        ("The pier rally ended on Saturday, Jan. 3. A week later, two wardens were hurt.",
         "2015-01-05", "A week later", None),
        # the same count that stays before publication is dated
        ("The pier rally ended on Dec. 20. A week later, two wardens were hurt.",
         "2015-01-05", "A week later", "2014-12-27"),
        # and the future may lie after it
        ("The inquiry opens on Jan. 8. A week later, the wardens will testify.",
         "2015-01-05", "A week later", "2015-01-15"),
        ("The inquiry opens on Jan. 8. The next day, the wardens will testify.",
         "2015-01-05", "The next day", "2015-01-09"),
    ],
)
def test_extract_times_narrated_past_never_after_publication(times, text, published, span,
                                                             value):
    assert find(times(text, published), span).value == value


def test_extract_times_a_scheduled_date_is_the_nearest_one(times):
    """A participle schedule ("set for March 6") has no tense of its own: from early
    February it is the coming March, not last year's."""
    text = "The board named three directors for the Orrin annual meeting, set for March 6."
    assert find(times(text, "2018-02-05"), "March 6").value == "2018-03-06"


@pytest.mark.parametrize("text", [
    # read on a real cluster: a past stretch "until <date>, when <past clause>", in a January
    # report, was dated the coming winter ("until" reads as a deadline)
    "The Velk ferry ran until Nov. 3, when the harbour board laid it up for the winter.",
    "Tam Orrel kept the bakery open until Nov. 3, when he sold it to his niece.",
])
def test_extract_times_a_date_its_when_clause_tells_in_the_past_is_past(times, text):
    assert find(times(text, "2031-01-12"), "Nov. 3").value == "2030-11-03"


@pytest.mark.parametrize("text", [
    # read on a real cluster: a court date "set for" a day in the autumn, in a June report,
    # was dated the autumn before: the past tense is of the setting, not of the hearing
    "The harbour board vote was set for November 9 after a long debate in the hall.",
    "The judge set the hearing for November 9 and sent Ivo Marsh home.",
    "The hearing has been scheduled for November 9 at the Velk town hall.",
])
def test_extract_times_a_date_set_for_is_a_schedule_whatever_the_tense(times, text):
    assert find(times(text, "2031-06-12"), "November 9").value == "2031-11-09"


@pytest.mark.parametrize(("text", "span", "tagged"), [
    ("She thought her Christmas lights had blown a fuse.", "Christmas", False),
    ("They put up a Christmas tree in the Orrin square.", "Christmas", False),
    ("A Christmas Day fire killed two people in Orrin.", "Christmas Day", True),
    ("The family opened gifts on Christmas morning.", "Christmas", True),
])
def test_extract_times_a_holiday_naming_a_kind_of_thing_is_no_day(times, text, span, tagged):
    """Read on a real cluster: a woman's "Christmas lights" were dated 25 December and
    shown with the day and year written in brackets between "Christmas" and "lights"."""
    assert any(r.text == span for r in times(text, "2017-12-27")) is tagged


def test_extract_times_a_condition_has_no_past_of_its_own(times):
    """Read on a real cluster: a bid to be dropped "if" the target moved a meeting from a day
    in early March put the meeting a year early: the "if" clause's past tense is a
    condition, not a past, so the nearest such day wins."""
    text = ("Velk Chips said it would drop its bid if Orrin Semis moved its annual "
            "meeting from March 9.")
    assert find(times(text, "2031-02-05"), "March 9").value == "2031-03-09"


@pytest.mark.parametrize(("text", "published", "span", "value"), [
    # a past clock time later in the day than the report went out happened the day before
    ("After leaving Orrin at 10:52 a.m., the ferry returned to port at 6:15 p.m.",
     "2031-04-09T02:10:00", "10:52 a.m.", "2031-04-08T10:52"),
    ("The storm knocked out power at 9:40 p.m., the utility said.",
     "2031-04-09T06:30:00", "9:40 p.m.", "2031-04-08T21:40"),
    # earlier in the day than publication: that day
    ("The storm knocked out power at 4:40 a.m., the utility said.",
     "2031-04-09T06:30:00", "4:40 a.m.", "2031-04-09T04:40"),
    # a plan stays on the publication day or after
    ("The ferry will leave Orrin at 10:52 a.m.", "2031-04-09T02:10:00", "10:52 a.m.",
     "2031-04-09T10:52"),
    # no publication time: the publication day, as before
    ("The storm knocked out power at 9:40 p.m., the utility said.", "2031-04-09",
     "9:40 p.m.", "2031-04-09T21:40"),
])
def test_extract_times_a_past_hour_after_publication_is_the_day_before(
        times, text, published, span, value):
    assert find(times(text, published), span).value == value


@pytest.mark.parametrize("text", [
    "Vote on March 3, 2031. Deadline for appeals: two days later.",
    "Vote on March 3, 2031. Next up, the scheduled recount two days later.",
    "Vote on March 3, 2031. Then the upcoming runoff, two weeks later.",
])
def test_extract_times_a_later_day_in_a_sentence_without_a_verb_ends(times, text):
    """A "later" counted past the publication date in a clause told as future, in a
    sentence with no verb: the climb to the clause's verb looped for ever at the root
    ('head is not tok' is always true of spaCy tokens). It ends, and the day is kept."""
    import signal

    def stop(*_: object) -> None:
        raise TimeoutError("extract_times did not end")

    signal.signal(signal.SIGALRM, stop)
    signal.alarm(10)
    try:
        refs = times(text, "2030-06-01")
    finally:
        signal.alarm(0)
    assert find(refs, "March 3, 2031").value == "2031-03-03"


@pytest.mark.parametrize(("text", "value"), [
    # "Tuesday's fire" names the fire; the story's day stays Thursday, the hearing's
    ("Mayor Ana Ruiz told the Velden council on Thursday that she wanted answers about "
     "Tuesday's fire. The hearing began at 6 p.m. and ended after 10.", "2031-03-06T18:00"),
    # a day that sets the story's time still does
    ("The Velden council met on Thursday. Mayor Ana Ruiz spoke on Tuesday about the fire. "
     "The hearing began at 6 p.m.", "2031-03-04T18:00"),
])
def test_a_day_in_the_possessive_names_a_happening_not_the_storys_day(times, text, value):
    assert find(times(text, "2031-03-07"), "6 p.m.").value == value


def test_a_relative_day_said_again_is_the_same_day(times):
    # "the next day" taken up again ("And the next day was ...") is that day, not the one
    # after it (read on a real transcript: the second one was dated a day later)
    text = ("Crowds filled Orrin square on New Year's Eve. Wardens shut the square near midnight "
            "but did not hear of the thefts until the next day. And the next day, as it "
            "happened, was a holiday.")
    found = [t.value for t in times(text, "2031-01-06") if t.text == "the next day"]
    assert found == ["2031-01-01", "2031-01-01"], found


@pytest.mark.parametrize(("text", "span", "value"), [
    # a day, week or weekend counted from a date written right after it is that day moved,
    # not the date itself: Christmas 2030 is a Wednesday, Thanksgiving 2030 a Thursday
    ("Stall keepers in Orrin doubled their stock the week before Christmas.",
     "the week before Christmas", "2030-W51"),
    ("The Velden ferry sailed again the day after Christmas.",
     "the day after Christmas", "2030-12-26"),
    ("Volunteers swept the Orrin square the weekend before Thanksgiving.",
     "the weekend before Thanksgiving", "2030-W47-WE"),
    ("The pier reopened the morning after March 3, 2031, the harbour master said.",
     "the morning after March 3, 2031", "2031-03-04"),
    ("The council met the month before June 2031 to set the fares.",
     "the month before June 2031", "2031-05"),
])
def test_a_unit_before_or_after_a_written_date_moves_that_date(times, text, span, value):
    assert find(times(text, "2031-03-20"), span).value == value


def test_a_unit_before_an_undated_happening_is_still_no_date(times):
    # "the day before the vote": the vote has no date in the text, so no day is given
    assert not [t for t in times("Ballots were printed the day before the vote.", "2031-03-20")
                if t.value]


@pytest.mark.parametrize(("text", "span", "value"), [
    # a month told in the simple past is never the month after publication (a read: a
    # ruling "in December", in a report of mid-November, was put a month in the future)
    ("A judge in Orrin threw out the ferry claims in December.", "December", "2030-12"),
    ("Wardens said last December that the pier was unsafe.", "last December", "2030-12"),
    # ... and so is one told with a past auxiliary: "did" (a read: a ruling "in December"
    # that "didn't" stop a suit, in a mid-November report, was put a month ahead), "was", "had"
    ("Vera Holm argues the December verdict didn't stop her tenants from appealing.",
     "December", "2030-12"),
    ("The Orrin ferry claims were thrown out in December.", "December", "2030-12"),
    ("The ferry firm had settled the claims in December, Vera Holm notes.", "December",
     "2030-12"),
    # control: a participle's time is only guessed from its tense; the month stays ahead
    ("A harbour summit is set for Orrin in December.", "December", "2031-12"),
    # "<month> of that year" is a month of the year the text last named
    ("Records reach back to early 2029. A Velk letter says the rot first showed in early "
     "February of that year.", "early February of that year", "2029-02"),
    ("The pier closed in 2027. Repairs started in March of the following year.",
     "March of the following year", "2028-03"),
])
def test_a_month_without_a_year_takes_the_year_its_clause_tells(times, text, span, value):
    assert find(times(text, "2031-11-14"), span).value == value


@pytest.mark.parametrize(("text", "not_a_date", "a_date"), [
    # a year before the name of a thing says which thing it is (a model), it dates nothing;
    # TimeML tags it, so the tagger keeps it and the article's times leave it out
    ("A blue 2019 Velo hatchback clipped a cyclist on Marl Road on Friday.", "2019", "Friday"),
    ("Wardens towed her green 2006 Orra coupe from the quay on Sunday.", "2006", "Sunday"),
])
def test_extract_times_a_year_that_names_a_thing_dates_nothing(nlp, times, text, not_a_date,
                                                               a_date):
    from crosswire.extract import extract_article

    assert [r for r in times(text, "2031-05-16") if r.text == not_a_date]  # TimeML's
    ex = extract_article(Article(id="t", text=text, published="2031-05-16"), nlp(text))
    assert not [r for r in ex.times if not_a_date in r.text], ex.times
    assert [r for r in ex.times if r.text.endswith(a_date)], ex.times
    assert not [c for c in ex.claims if c.text == not_a_date], ex.claims


@pytest.mark.parametrize("text", [
    # read on a real cluster: a house number before a street's name, without "Street"
    "The choir meets every week in the parish hall at 1918 Harbour, above the bakery.",
    "The fire started in a flat at 2044 Quay Road on Tuesday.",
    # ... or after another preposition of place
    "All three live in a top-floor flat inside 1804 Orrin Ave., neighbours said.",
    "The van was left near 2210 Quay Road overnight.",
])
def test_a_house_number_after_at_is_no_year(times, text):
    assert not [t for t in times(text, published="2031-05-20") if re.fullmatch(r"\d{4}", t.text)]


@pytest.mark.parametrize(("text", "year"), [
    ("The mill closed in 1918 after a fire.", "1918"),
    ("The mill, which opened at Easter 1918, closed in 1961.", "1918"),
])
def test_a_year_after_in_or_before_a_noun_stays_a_year(times, text, year):
    assert year in [t.value for t in times(text, published="2031-05-20")]


def test_an_undated_reports_background_date_is_not_its_events(nlp):
    # read on a real cluster: a report with no publication date whose only absolute date was
    # an earlier happening's, far down, dated the story's event (and its "happened" line)
    text = ("The Orrin choir won the regional cup in Velk on Saturday, its conductor said. "
            "Forty singers took part. The judges praised the altos. The choir sang three "
            "songs. Its next concert is in the spring. The win came a year after the choir "
            "lost its hall to a flood on September 15, 2031. It rehearsed in a barn for months.")
    f = _features(nlp, text)
    assert f.event_day is None, f.event_value


@pytest.mark.parametrize("text", [
    # read on a real cluster: a clock on the 24-hour dial before "GMT" was a timeline year
    "The ferry reached the Velk pier at about 2130 GMT on Sunday.",
    "The patrol boat left the harbour at 0600 hours.",
    "Talks resumed at 1430 local time in Velk.",
])
def test_a_clock_written_in_four_digits_is_no_year(times, text):
    assert not [t for t in times(text, published="2031-05-20")
                if t.value and re.fullmatch(r"\d{4}", t.value)]


@pytest.mark.parametrize(("text", "span", "value"), [
    # days counted from a moment known only by its month stay in that month: "a few days
    # earlier" than June is not May (the month's first day, moved back, was)
    ("The Velk ranger station closed in June 2031. Just a few days earlier, a ranger had "
     "reported a leak.", "Just a few days earlier", "2031-06"),
    ("The Velk ranger station closed in June 2031. Four days earlier, a ranger had reported "
     "a leak.", "Four days earlier", "2031-06"),
    ("The Velk ranger station closed in June 2031. Two days later, the roof fell in.",
     "Two days later", "2031-06"),
])
def test_days_from_a_month_stay_in_that_month(times, text, span, value):
    assert find(times(text), span).value == value


@pytest.mark.parametrize(("text", "span", "value"), [
    # a clock time with its day written after it is on that day, not on the publication day
    ("Wardens reached the lighthouse at 6:20 a.m. on Sunday, the harbour office said.",
     "6:20 a.m.", "2031-04-06T06:20"),
    ("The ferry ran aground at 11.05pm on Saturday near Orrin.", "11.05pm", "2031-04-05T23:05"),
    ("Crews cut the power at 3:15 p.m. on April 2 and restored it the next morning.",
     "3:15 p.m.", "2031-04-02T15:15"),
    ("Divers reached the wreck at noon on Monday.", "noon", "2031-04-07T12:00"),
    # ... while a clock time before another clause's day keeps its own
    ("The match ends at 4 p.m. and the final is on Sunday.", "4 p.m.", "2031-04-09T16:00"),
])
def test_a_clock_time_takes_the_day_written_after_it(times, text, span, value):
    assert find(times(text, "2031-04-09"), span).value == value


@pytest.mark.parametrize(("text", "span"), [
    # the n-th weekday of each month recurs: no one day (read on a real cluster: a monthly
    # release day was dated to the week of the report)
    ("The utility reads the meters on the third Friday of each month.",
     "the third Friday of each month"),
    ("Fares rise on the first Monday of every month, the ferry line said.",
     "the first Monday of every month"),
])
def test_the_nth_weekday_of_every_month_is_a_set(times, text, span):
    ref = find(times(text, "2031-04-09"), span)
    assert ref.type == "SET" and not (ref.value or "").startswith("2031"), ref


def test_the_nth_weekday_of_a_named_month_is_still_a_day(times):
    ref = find(times("The vote falls on the second Tuesday of May.", "2031-04-09"),
               "the second Tuesday of May")
    assert ref.value == "2031-05-13", ref


@pytest.mark.parametrize(("text", "years"), [
    # a year after the name it numbers is a version's number, no date (read on a real
    # cluster: three releases of a server's software gave the timeline three years)
    ("The flaw affects Velk Office 2012 and Orrin Server 2008, the vendor said.", set()),
    ("Patches for Harbor Studio 2010 ship today.", set()),
    ("The flaw hits Velk Server 2003 and 2008.", set()),
    ("The pier opened in 1998 and 2008.", {"1998", "2008"}),
    # ... while a year before its noun, or after a preposition, dates
    ("The 2019 Velk festival drew crowds.", {"2019"}),
    ("Ana Ruiz won the Velk Open in 2008.", {"2008"}),
    ("The mill closed in March 2008.", {"March 2008"}),
])
def test_a_year_numbering_the_name_before_it_is_no_date(times, text, years):
    assert {r.text for r in times(text, "2031-04-09") if r.text[-4:].isdigit()} == years


@pytest.mark.parametrize(("text", "span", "value"), [
    # a possessive day a present clause heads toward is still to come (read on a real
    # cluster: a player's total "heading into" the next round's day was put a week back)
    ("Ruiz now has 212 goals heading into Saturday's final.", "Saturday", "2031-03-22"),
    ("The board meets ahead of Thursday's vote on the pier.", "Thursday", "2031-03-20"),
    # ... while one it follows has passed, or one a clause with a tense counts (controls)
    ("The Gulls trail the Terns after Wednesday's defeat.", "Wednesday", "2031-03-19"),
    ("The Gulls are still counting the cost of Wednesday's defeat.", "Wednesday",
     "2031-03-19"),
])
def test_a_day_a_present_clause_heads_into_is_to_come(times, text, span, value):
    assert find(times(text, "2031-03-21"), span).value == value


def test_a_stamp_writing_may_with_a_period_dates_the_text(times):
    # "May." written like the other months' short forms (read on a real cluster: the stamp
    # was read as a year alone, and the year became a line of the timeline)
    refs = times("Orrin mill fire\nFri., May. 3, 2031 11:45 AM PDT\nThe mill burned down on "
                 "Thursday.")
    assert find(refs, "May. 3, 2031").anchor == "dateline"
    assert find(refs, "Thursday").value == "2031-05-01"


def test_may_ending_a_sentence_before_a_count_is_the_month(times):
    refs = times("The pier closed in May. 3 people were hurt.", "2031-06-01")
    assert find(refs, "May").value == "2031-05", refs


@pytest.mark.parametrize(("text", "value"), [
    # "is due to appear on Tuesday" is a schedule (read on a real cluster: a court date was
    # put the week before the report, before the crime it was for)
    ("Ana Ruiz, 31, of Orrin is due to stand trial at the county court on Tuesday.",
     "2031-03-18"),
    # ... "was due to", a plan told in the past, keeps the past (control)
    ("Ana Ruiz was due to appear before Orrin magistrates on Tuesday, but the hearing was put "
     "off.", "2031-03-11"),
])
def test_is_due_to_is_a_schedule(times, text, value):
    assert find(times(text, "2031-03-17"), "Tuesday").value == value


# "The storm lifts the odds of the Terns snatching a win on Saturday.", the day hung on the
# noun "win" (as the parser sometimes does), under a gerund with no auxiliary
_SNATCHING = [
    ("The", 1, "det", "DT", "DET", "the"), ("storm", 2, "nsubj", "NN", "NOUN", "storm"),
    ("lifts", 2, "ROOT", "VBZ", "VERB", "lift"), ("the", 4, "det", "DT", "DET", "the"),
    ("odds", 2, "dobj", "NNS", "NOUN", "odds"), ("of", 4, "prep", "IN", "ADP", "of"),
    ("the", 7, "det", "DT", "DET", "the"), ("Terns", 8, "nsubj", "NNPS", "PROPN", "Terns"),
    ("snatching", 5, "pcomp", "VBG", "VERB", "snatch"), ("a", 10, "det", "DT", "DET", "a"),
    ("win", 8, "dobj", "NN", "NOUN", "win"), ("on", 10, "prep", "IN", "ADP", "on"),
    ("Saturday", 11, "pobj", "NNP", "PROPN", "Saturday"), (".", 2, "punct", ".", "PUNCT", "."),
]


def test_a_day_a_bare_gerund_reaches_for_is_to_come(nlp):
    # issue 17, read on a real cluster: a team's hopes of winning "on Saturday" were put on
    # the Saturday before publication
    from parse_helpers import parsed

    doc = parsed(nlp, _SNATCHING)
    refs = extract_times(Article(id="t", text=doc.text, published="2031-03-21"), doc)
    assert find(refs, "Saturday").value == "2031-03-22"


@pytest.mark.parametrize(("text", "span", "value"), [
    # a participle clause after its verb tells no tense of its own: its day comes at or after
    # the verb's ("left on Tuesday, competing on Saturday" is the Saturday after)
    ("The two crews left Tessmoor on Tuesday, competing in the regatta final at Orsa on "
     "Saturday.", "Saturday", "2031-03-15"),
    ("Both teams flew out of Velk on Monday, racing for the Marl Cup on Sunday.", "Sunday",
     "2031-03-16"),
    # controls: a perfect participle is past, and so is a participle before its verb, or
    # one whose clause names no earlier day
    ("The crews left Tessmoor on Tuesday, having raced at Orsa on Saturday.", "Saturday",
     "2031-03-08"),
    ("Walking home on Saturday night, a teacher was struck by a van in Orrin.", "Saturday night",
     "2031-03-08TNI"),
    ("A van struck a teacher in Orrin, leaving her badly hurt on Saturday night.",
     "Saturday night", "2031-03-08TNI"),
])
def test_a_trailing_participle_takes_its_day_from_the_story_not_its_verbs_past(
        times, text, span, value):
    assert find(times(text, "2031-03-13"), span).value == value


@pytest.mark.parametrize(("text", "span", "value"), [
    # "due to" a cause is no schedule: the clause's past tense holds
    ("Divers could not search the wreck due to murky water on Saturday, a coastguard officer "
     "said.", "Saturday", "2031-03-08"),
    ("The pier was shut to walkers due to high seas on Tuesday.", "Tuesday", "2031-03-11"),
    # controls: what is due, or due to happen, lies ahead
    ("The Velk ferry is due to sail on Saturday.", "Saturday", "2031-03-15"),
    ("Harbour fees are due on Saturday.", "Saturday", "2031-03-15"),
])
def test_due_to_a_cause_dates_no_plan(times, text, span, value):
    assert find(times(text, "2031-03-13"), span).value == value


@pytest.mark.parametrize(("text", "span", "value"), [
    # a held-out read: the parse hung a day deep under a relative clause's object ("a tank
    # that would carry a tonne of fuel at a depot ... during an inspection Monday evening");
    # that clause's "would" tells what the tank can carry, not when the inspection comes
    ("Crews spotted a tank that would carry a tonne of fuel at a depot near the Velk quay "
     "during an inspection Monday evening.", "Monday evening", "2031-03-10TEV"),
    ("Auditors noted a ledger that would cover ten years of sales at an office beside the "
     "Orrin mill during a visit Monday afternoon.", "Monday afternoon", "2031-03-10TAF"),
    # controls: a day on the relative clause's own verb keeps the clause's future
    ("The board backed a plan that would close the pier on Monday.", "Monday", "2031-03-17"),
    ("The board backed a plan that would shut the Velk pier to boats on Monday.", "Monday",
     "2031-03-17"),
    ("The council backed a bill that would ban boats from the bay on Sunday.", "Sunday",
     "2031-03-16"),
    ("The mayor named a panel that would meet at the town hall on Friday.", "Friday",
     "2031-03-14"),
])
def test_a_day_deep_under_a_relative_clause_does_not_take_its_would(times, text, span, value):
    assert find(times(text, "2031-03-12"), span).value == value


@pytest.mark.parametrize("published", [None, "2031-03-12"])
@pytest.mark.parametrize(("text", "span", "value"), [
    # a held-out read: "four days earlier" in a lead was counted from the text's own date
    # line, which dates the report, not a moment the story tells
    ("Baker held after market crash\nPublished March 12, 2031\nA baker who lost his stall "
     "four days earlier drove a van into the Velk market and hurt two traders.",
     "four days earlier", None),
    # control: a moment the story dates is counted from
    ("Mill reopens\nPublished March 12, 2031\nThe Velk mill reopened on March 3, 2031. Four "
     "days later, a clerk was fired.", "Four days later", "2031-03-07"),
])
def test_a_texts_own_date_line_is_no_moment_to_count_from(times, text, span, value,
                                                            published):
    assert find(times(text, published), span).value == value


def test_extract_times_over_as_a_particle_is_no_bound(nlp):
    """"took over two years ago": "over" is the verb's, and the time is the year 2013."""
    text = "Vera Holm, who took over two years ago, runs the ferry line."
    doc = nlp(text)
    art = Article(id="a", text=text, title="", source="s", published=PUB)
    (t,) = [t for t in extract_times(art, doc) if "two years ago" in t.text]
    assert (t.type, t.value) == ("DATE", "2013")
