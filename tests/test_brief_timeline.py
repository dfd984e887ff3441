"""Timeline lines: dated from what the sentences write. Every text here is invented."""

from __future__ import annotations

import dataclasses

import pytest

from crosswire.brief import compose_brief
from crosswire.records import Event
from test_brief_helpers import art, story_of


def _anchored(rec, span, anchor):
    """``rec`` with the time ``span`` resolved against ``anchor`` (as the tagger does for
    "that same year" after "in 1987")."""
    times = tuple(dataclasses.replace(t, anchor=anchor) if t.text == span else t
                  for t in rec.extraction.times)  # fmt: skip
    return dataclasses.replace(rec, extraction=dataclasses.replace(rec.extraction, times=times))


def _timeline_of(analyze, text, published, event_date, title="What happened"):
    """The timeline of a one-article story (the article is "a", its one event "e1")."""
    from crosswire.records import Analyzed, Story

    article, ex = analyze(text, published=published, source="North Star", id="a")
    event = Event("e1", title, event_date, None, ("a",))
    return compose_brief(Story("s1", title, ("a",), (event,)),
                         {"a": Analyzed(article, ex)}).timeline


def test_brief_timeline_a_date_is_told_by_a_sentence_that_writes_it():
    # issue 17: a timeline line dated 1988 showed a sentence with no 1988 in it (its date was
    # only counted from another sentence's year)
    opened = ("The Velk cannery in Orrin was opened in 1987 by three fishing families, and it "
              "grew to employ most of the harbor.")
    later = "That same year, the roof fell in."
    a = art("a", "North Star", opened, published="2031-03-05", times=[("1987", "1987")])
    b = art("b", "South Wire", f"The Velk cannery closed on Tuesday. {later}",
            published="2031-03-05",
            times=[("Tuesday", "2031-03-04"), ("That same year", "1987")])
    b = _anchored(b, "That same year", "relative:1987")
    event = Event("e1", "Velk cannery closes", "2031-03-04", "Orrin", ("a", "b"))
    story, by_id = story_of([a, b], [event])
    (line,) = [t for t in compose_brief(story, by_id).timeline if t.date == "1987"]
    assert "1987" in line.text, line.text


def test_brief_timeline_a_recalled_happening_is_an_event_of_its_own():
    """Issue 17: a story about two wardens' funerals recalls the day they were shot. That day
    is a happening no article is about: an event of its own, mentioned by the report that
    recalls it, with no articles; a day someone only said something on, or a state held on, is
    not."""
    text = ("Hundreds of wardens stood outside the chapel in Orrin on Saturday for the funeral "
            "of Warden Alvar Reyes. On March 20, Reyes and his partner, Tomas Quill, were shot "
            "while sitting in their boat. The union said on March 22 that it would march. "
            "The chapel was open on March 23 for mourners.")
    a = art("a", "North Star", text, published="2031-03-30",
            times=[("Saturday", "2031-03-29"), ("March 20", "2031-03-20"),
                   ("March 22", "2031-03-22"), ("March 23", "2031-03-23")])
    funeral = Event("e-fun", "Funeral of Warden Alvar Reyes", "2031-03-29", "Orrin", ("a",))
    story, recs = story_of([a], [funeral])
    brief = compose_brief(story, recs)
    events = {e.date: e for e in brief.story.events}
    shot = events.get("2031-03-20")
    assert shot is not None and shot.articles == () and shot.mentioned_by == ("a",)
    assert "shot" in shot.title and "2031-03-22" not in events  # said on a day
    assert "2031-03-23" not in events  # a state ("was open"), not a happening
    (line,) = [t for t in brief.timeline if t.date == "2031-03-20"]
    assert line.event == shot.id


def test_brief_timeline_a_past_happening_is_never_after_publication(analyze):
    """Issue 17: a receiver's count of catches was dated a year after the report, from a
    season word read as a calendar year. What a report tells in the past tense happened
    before it was published; a date after that is misread and makes no timeline line."""
    from crosswire.records import Analyzed, Story

    text = ("The Orrin Gulls ended their season on Sunday. Tam Ferris caught 40 passes next "
            "season, the club said. Ada Moss scored 12 goals in 2031, by the club's count. "
            "The club will play in Velk in 2032.")
    article, ex = analyze(text, published="2030-01-06", source="North Star", id="a")
    event = Event("e1", "Gulls end season", "2030-01-05", "Orrin", ("a",))
    brief = compose_brief(Story("s1", "Gulls", ("a",), (event,)), {"a": Analyzed(article, ex)})
    told = {t.date: t.text for t in brief.timeline}
    assert not any("caught" in text or "scored" in text for text in told.values()), told
    assert any("will play" in text for text in told.values()), told  # the future stays


def test_brief_timeline_years_ago_beside_the_year_written_is_one_line(analyze):
    """Read on a real cluster: two years, one apart, for one start, the second counted from
    a number of "years ago" in a report of early January. A round count of years is not a
    second date when the article writes the year, one off, itself."""
    from crosswire.records import Analyzed, Story

    text = ("Coach Ada Moss retired on Monday. Moss began coaching in 1986 at Orrin State. "
            "She started 44 years ago as a volunteer, and she won her first title in 1991.")
    article, ex = analyze(text, published="2031-01-07", source="North Star", id="a")
    event = Event("e1", "Moss retires", "2031-01-06", "Orrin", ("a",))
    brief = compose_brief(Story("s1", "Moss", ("a",), (event,)), {"a": Analyzed(article, ex)})
    dates = [t.date for t in brief.timeline]
    assert "1986" in dates and "1987" not in dates and "1991" in dates, dates


def test_brief_timeline_years_ago_beside_another_reports_year_is_one_line(analyze):
    """The re-read found 1975 from one outlet and 1976 from another's "42 years ago"."""
    from crosswire.records import Analyzed, Story

    a, xa = analyze("Coach Ada Moss retired on Monday. Moss began coaching in 1986 at Orrin "
                    "State.", published="2031-01-07", source="North Star", id="a")
    b, xb = analyze("Coach Ada Moss retired on Monday. She started coaching 44 years ago as a "
                    "volunteer.", published="2031-01-07", source="South Wire", id="b")
    event = Event("e1", "Moss retires", "2031-01-06", "Orrin", ("a", "b"))
    brief = compose_brief(Story("s1", "Moss", ("a", "b"), (event,)),
                          {"a": Analyzed(a, xa), "b": Analyzed(b, xb)})
    dates = [t.date for t in brief.timeline]
    assert "1986" in dates and "1987" not in dates, dates


def test_brief_timeline_a_bound_of_a_stretch_dates_nothing(analyze):
    """"Has lost half its value since Nov. 13" tells of a fall over a stretch, not of
    something on 13 November; "since 2019, when the plant was cited" tells the citing."""
    text = ("Velcoin fell sharply on Tuesday, traders said. The coin has lost more than half "
            "its value since Nov. 13, according to the exchange. It was the worst day for the "
            "exchange since 2029, when a glitch halted trading for a week.")
    told = {t.date: t.text for t in _timeline_of(analyze, text, "2031-02-06", "2031-02-05")}
    assert not any(d and d.endswith("-11-13") for d in told), told  # no line for Nov. 13
    assert any(d and d.startswith("2029") for d in told), told


def test_brief_timeline_an_event_only_its_publication_dates_is_undated():
    """Read on a real cluster: a late report of a flight that turned back, which dates
    nothing, put the flight on the timeline at the report's publication day, eleven days
    after it happened. A day no sentence writes is when the report came out, not when its
    happening happened: the event stays on the timeline, undated."""
    a = art("a", "North Star", "A fire destroyed the grain store in Orrin on Friday night.",
            published="2031-06-14", times=[("Friday night", "2031-06-13")])
    b = art("b", "South Wire", "The owner of the burned Orrin grain store vowed to rebuild it.",
            published="2031-06-25")
    fire = Event("e1", "Fire destroys Orrin grain store", "2031-06-13", "Orrin", ("a",))
    vow = Event("e2", "Owner vows to rebuild grain store", "2031-06-25", "Orrin", ("b",))
    story, recs = story_of([a, b], [fire, vow])
    timeline = compose_brief(story, recs).timeline
    (line,) = [t for t in timeline if t.event == "e2"]
    assert line.date is None and line.precision == "unknown", line
    assert [t.date for t in timeline if t.event == "e1"] == ["2031-06-13"]


def test_brief_timeline_a_state_as_of_a_day_dates_nothing(analyze):
    """Read on a real cluster: a national head count given "as of" the first of January
    became the story's first key date. A count held "as of" a day tells a state on that day,
    not a happening, like "since" or "until"."""
    from crosswire.records import Analyzed, Story

    text = ("A fire destroyed the Orrin grain store on Friday night, the fire service said. "
            "The town's population stood at 41,000 as of January 1, 2031, according to the "
            "county.")
    article, ex = analyze(text, published="2031-06-14", source="North Star", id="a")
    event = Event("e1", "Fire destroys Orrin grain store", "2031-06-13", None, ("a",))
    brief = compose_brief(Story("s1", "Fire", ("a",), (event,)), {"a": Analyzed(article, ex)})
    assert not [t for t in brief.timeline if (t.date or "").startswith("2031-01")], brief.timeline
    assert not [e for e in brief.story.events if (e.date or "").startswith("2031-01")]


def test_brief_timeline_a_leagues_season_is_no_calendar_year(analyze):
    """Read on a real cluster: in a report of early January, a line on this season's
    injuries was dated the new year and a deal for next season the year after, though the
    season meant began the year before. A league's season straddles two years: it names none
    of them."""
    text = ("Coach Bram Tell retired from the Orrin Owls on Monday. Sprains kept half the Owls "
            "out this season, and Tell is signed up for next season.")
    timeline = _timeline_of(analyze, text, "2031-01-02", "2030-12-30")
    assert not [t.date for t in timeline if t.date in ("2031", "2032", "2030")], timeline


def test_brief_timeline_a_stretch_told_of_now_dates_nothing(analyze):
    """Read on a real cluster: a sentence on a coach likely to go back to a post he had held
    between two years made two timeline lines, one per year, for a sentence about what may
    happen now. The bounds of a stretch date nothing, as "since" does not."""
    text = ("Coach Bram Tell retired from the Orrin Owls on Monday. Ivo Renn looks all but sure "
            "to go back to the Velk post he filled between 2011 and 2014.")
    timeline = _timeline_of(analyze, text, "2031-01-02", "2030-12-30")
    assert not [t for t in timeline if t.date in ("2011", "2014")], timeline


def test_brief_timeline_a_line_that_points_back_keeps_what_it_points_to(analyze):
    """Read on a real cluster: a line opening on "It" and forecasting a rise in profits
    stood alone on the timeline of a story about another bank, and read as that bank's
    forecast. A line that opens by pointing back carries the sentence it points to."""
    text = ("Orsa Bank expects a $5 billion hit from the tax law on Friday. The biggest winner of "
            "the law will be Velk Bank, analysts at Marl Capital said. It should see profits "
            "climb by 23 percent in 2032, Marl estimates.")
    (line,) = [t for t in _timeline_of(analyze, text, "2031-12-29", "2031-12-26")
               if t.date == "2032"]
    assert "Velk Bank" in line.text, line.text


def test_brief_timeline_a_line_never_loses_its_date_to_what_it_points_to(analyze):
    """Read on a real cluster: a dated line opening on "This is the same ..." was shown
    after the sentence before it, which itself opens on "They", and was cut before the
    year. A sentence before is carried only when it says what the line points to and both
    fit the line whole."""
    text = ("The Orrin crew could not reach the lab, so another route was needed. "
            "They settled on calling from Ada Lind's own phone so that she could guide the crew "
            "as it scanned the hull with the handheld Velk scanner. This is the same scanner "
            "that Tom Vell used in 2029 to read a ship's hull at sea for the first time ever.")
    (line,) = [t for t in _timeline_of(analyze, text, "2031-01-02", "2030-12-30")
               if t.date == "2029"]
    assert "2029" in line.text and not line.text.startswith("They"), line.text


def test_brief_timeline_a_line_cut_inside_a_quotation_reads_from_its_start(analyze):
    """The parse may end a sentence inside quoted words ("... to 'prove it.'"); the dated
    rest then starts mid-quotation ('Drummers have been proving it ..."), Ada Lind ...'). The
    line reads from where the quotation opened (issue 17, read on a real story)."""
    text = ("The academy chief spoke on Friday. Pell Orrin (\"Drummers in bands don't have "
            "to 'prove it.' Drummers have been proving it for as long as there were drums\"), "
            "Ada Lind "
            "and Tam Reed all condemned the remark at a concert on Saturday.")
    lines = [e.text for e in _timeline_of(analyze, text, "2030-06-17", "2030-06-14")
             if e.date == "2030-06-15"]
    assert lines and all(line.startswith("Pell Orrin") for line in lines), lines


def test_brief_timeline_a_day_in_someone_s_quoted_words_dates_nothing(analyze):
    # read on a real cluster: a fan's "today is the day", in quotation marks, was a timeline
    # line dated the day after the game (the words are the speaker's; as for claims, a day
    # inside a direct quotation is not the report's)
    text = ("The Velk Owls won the league final in Orrin on Wednesday night. \u201cI have "
            "waited forty years and today is finally the day,\u201d said fan Orla Benn, 71. "
            "The team will parade through Orrin on Saturday.")
    timeline = _timeline_of(analyze, text, "2031-03-06T08:00", "2031-03-05")
    dated = [e.date for e in timeline]
    assert "2031-03-06" not in dated, [(e.date, e.text) for e in timeline]


def test_brief_timeline_a_wait_til_a_year_dates_nothing(analyze):
    # read on a real cluster: a fans' wait "'til next year" being over gave the timeline a line
    # dated the year after the game ("'til" is "until": a bound of a wait, no happening)
    text = ("The Velk Owls won the league final in Orrin on Wednesday night. For their fans, "
            "the long wait \u2019til next year was finally over.")
    timeline = _timeline_of(analyze, text, "2031-03-06T08:00", "2031-03-05")
    assert all(not (e.date or "").startswith("2032") for e in timeline), [
        (e.date, e.text) for e in timeline]


def test_brief_timeline_a_side_clauses_date_is_told_by_its_own_clause(analyze):
    """Read on a real cluster: a sentence dating a charge on Monday and, in a side clause,
    a filming "last month" stood on the timeline under last month in its own words, so the
    line read as if the charge came then. A line for a date the sentence gives beside
    another of its dates tells only what happened then, as the facts do."""
    text = ("A court in Velk on Monday charged a teenage climber who was photographed last "
            "month scaling the Orrin dam with a rope and a kite.")
    lines = [t for t in _timeline_of(analyze, text, "2030-06-12", "2030-06-10")
             if t.date == "2030-05"]
    assert len(lines) == 1, lines
    assert "photographed" in lines[0].text and "charged" not in lines[0].text, lines[0].text
    assert "May 2030" in lines[0].text, lines[0].text  # its date in words, as a fact line


def _lines(timeline):
    return {t.date: t.text for t in timeline}


def test_brief_timeline_a_date_aside_in_a_sentence_is_not_its_sentences_date(analyze):
    """A real read: a sentence dated "last week" that recalls a test "of November 29", or a
    report released on Saturday "promising ... in 2018", stood in the timeline under the
    aside's date, as if the whole sentence happened then. A date that only a noun, a
    participle or an infinitive clause holds is not its sentence's date when the main clause
    has one."""
    cases = [
        ("Last week, the Orrin harbour board approved new fees in response to the Velk "
         "company's March 3 fuel spill, seeking to cover the clean-up.", "2031-03-03"),
        ("The Velden ferry company released a plan on Saturday promising that its new boats "
         "would sail in 2032.", "2032"),
        ("The mayor of Orrin held out an offer to the net makers on Monday, proposing talks "
         "before the regatta next month.", "2031-04"),
        # issue 17, read on a real cluster: a year describing the man, in apposition to him
        ("Tam Reller, the Harbor Hawks' fastest bowler in 2029, has gone on the long "
         "sick list, the club confirmed on Wednesday.", "2029"),
        # a read of a held-out cluster: a verdict given on a weekday, on a happening a
        # "<month> <year>" before its noun dates, stood under that month
        ("Judges in Orrin on Tuesday jailed a lorry driver over a June 2030 crash on the "
         "Velk bridge that closed it for a week.", "2030-06"),
        ("A court on Tuesday fined Ivo Marl for the March 2030 theft of a Velk rowing boat.",
         "2030-03"),
    ]
    for text, aside in cases:
        lines = _lines(_timeline_of(analyze, text, "2031-03-20", "2031-03-20"))
        said = lines.get(aside)
        assert said is None or len(said) < len(text) * 0.6, (aside, said)


def test_brief_timeline_two_main_clause_dates_each_keep_their_line(analyze):
    # control: two happenings told side by side each date the sentence's line
    text = ("The Orrin harbour board met on Monday, March 10, and the Velk ferry sank on "
            "Thursday, March 13, near the breakwater.")
    lines = _lines(_timeline_of(analyze, text, "2031-03-20", "2031-03-01"))
    assert {"2031-03-10", "2031-03-13"} <= set(lines), lines


def test_brief_timeline_a_model_year_is_no_line(analyze):
    # read on real clusters: "a 2013 <car>" and "his 2008 <car>" were timeline lines
    text = ("Wardens found Oren Vale's green 2006 Orra coupe parked on the Marl towpath on "
            "Sunday. Vale, 47, was fined for leaving it there, the council said.")
    lines = _timeline_of(analyze, text, "2031-05-16", "2031-05-11")
    assert lines and not [t for t in lines if t.date.startswith("2006")], lines


def test_brief_timeline_a_day_only_the_texts_own_dateline_gives_is_undated(analyze):
    # read on real clusters: a post without publication metadata, whose only day is its
    # posting line, put the happening it retells on the timeline (and in the byline's
    # "happened" span) at the posting day, a week after it
    a = art("a", "North Star", "A swarm of bees closed the Orrin market hall on Friday "
            "morning.", published="2031-06-14", times=[("Friday morning", "2031-06-13")])
    text = ("Bees close market hall\n"
            "By the Halden Beekeepers. posted in Club Notes on Thursday, June 19, 2031.\n"
            "A swarm can settle anywhere in June. One settled in the Orrin market hall and the "
            "stalls stayed shut until a keeper came.")
    article, ex = analyze(text, source="Halden Bee Club", id="b")
    assert [t.anchor for t in ex.times if t.text.startswith("Thursday")] == ["dateline"]
    from crosswire.records import Analyzed
    crash = Event("e1", "Bees close Orrin market hall", "2031-06-13", "Orrin", ("a",))
    post = Event("e2", "Bees close market hall", "2031-06-19", None, ("b",))
    story, recs = story_of([a], [crash, post])
    recs = {**recs, "b": Analyzed(article, ex)}
    story = dataclasses.replace(story, articles=("a", "b"))
    timeline = compose_brief(story, recs).timeline
    (line,) = [t for t in timeline if t.event == "e2" and t.text == post.title]
    assert line.date is None and line.precision == "unknown", line


@pytest.mark.slow
def test_brief_timeline_a_texts_own_date_line_is_no_happening(tmp_path):
    # a page's own date line dates the report, not a happening (read on a real cluster: the
    # stamp line "on <weekday>, <date> <time>." was a line of the timeline)
    import json

    import crosswire

    texts = {"a0": "FERRY FARES TO RISE\non Tuesday, 4 March 2031 10:15.\nThe Velk ferry board "
                   "raised fares on Monday, its chair said.",
             "a1": "Velk ferry fares up\nThe Velk ferry board raised fares on Monday, 3 March "
                   "2031, after a vote."}
    feed = tmp_path / "feed.jsonl"
    with feed.open("w", encoding="utf-8") as out:
        for aid, text in texts.items():
            out.write(json.dumps({"id": aid, "text": text, "source": aid,
                                  "title": text.split("\n")[0]}) + "\n")
    lines = [e["text"] for s in crosswire.analyze([feed]).stories for e in s["timeline"]]
    assert lines and not [t for t in lines if t.startswith("on Tuesday")], lines
