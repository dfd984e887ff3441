"""A report stamped weeks after every other outlet's (a crawl or an archive date, not its
publication) tells its weekdays against that stamp: "sank on Tuesday" lands on a Tuesday weeks
later (read on three real clusters). The day several reports say alike is shown as most of
them resolve it, not as the late one does; a report a week later keeps its own week. Invented
text only, written before the code was run on it."""

from __future__ import annotations

import json

import pytest

import crosswire

POST = ("The Velk ferry sank off Orrin Point on Tuesday, and all 40 passengers were pulled "
        "from the water by the coastguard. The harbour board said the ferry had left Tessmoor "
        "an hour late.")
STAR = ("The Velk ferry sank off Orrin Point on Tuesday evening, the coastguard said. All 40 "
        "people on board were rescued.")
LATE = ("The Velk ferry sank off Orrin Point on Tuesday, the harbour board said. Divers "
        "reached the wreck on Thursday.")


EARLY = [("post", "Coastal Post", "2026-03-11T09:00:00Z", POST),
         ("star", "North Star", "2026-03-11T18:00:00Z", STAR)]  # the news cycle's reports


def _analyzed(tmp_path, rows, store=None):
    """The analysis of the ferry reports ``rows``: (id prefix, outlet, published, text),
    into the DuckDB file ``store`` when given."""
    feed = tmp_path / "feed.jsonl"
    with feed.open("w", encoding="utf-8") as out:
        for aid, source, published, text in rows:
            out.write(json.dumps({"id": f"{aid}-ferry", "title": "Velk ferry sinks off Orrin",
                                  "source": source, "published": published,
                                  "text": text}) + "\n")
    return crosswire.analyze([feed], **({"store": store} if store else {}))


def _story(tmp_path, late_published: str):
    rows = [*EARLY,
            ("wire", "Velk Wire", late_published, LATE)]
    result = _analyzed(tmp_path, rows)
    (story,) = [s for s in result.stories if "wire-ferry" in s["articles"]]
    return story


def _timeline_days(*stories) -> set[str | None]:
    """The days the timelines of ``stories`` show."""
    return {e.get("date") for story in stories for e in story["timeline"]}


def _days_shown(story) -> set[str]:
    lines = [e.get("date") or "" for e in story["timeline"]]
    facts = story["facts"]
    lines += [f["statement"] for part in ("agreed", "unique") for f in facts[part]]
    return {line for line in lines if "2026-03-31" in line or "31 March" in line}


@pytest.mark.slow
def test_brief_restamp_an_agreed_day_is_the_one_most_reports_give(tmp_path):
    # the three say "Tuesday" alike (the same written day never conflicts); the day shown is
    # the one most of them resolve it to, not the latest
    story = _story(tmp_path, "2026-04-01T08:00:00Z")
    sank = [f["statement"] for f in story["facts"]["agreed"] if "sank" in f["statement"]]
    assert sank and all("10 March 2026" in s for s in sank), sank


@pytest.mark.slow
def test_brief_restamp_a_report_a_week_later_keeps_its_own_week(tmp_path):
    # control: a report a week after the others may tell of a Tuesday of its own week; one
    # week is no sign of a wrong stamp
    story = _story(tmp_path, "2026-03-18T08:00:00Z")
    shown = _timeline_days(story)
    assert "2026-03-17" in shown, story["timeline"]


@pytest.mark.slow
def test_brief_restamp_a_late_stamp_does_not_move_its_days(tmp_path):
    # the wire's copy stamped three weeks late: its "Tuesday" is 31 March by the stamp,
    # 10 March by the others; its "Thursday" (26 March by the stamp) cannot be told from
    # the stamp at all, so no line dates it
    story = _story(tmp_path, "2026-04-01T08:00:00Z")
    assert not _days_shown(story), _days_shown(story)
    assert not story["facts"]["conflicting"], story["facts"]["conflicting"]
    shown = _timeline_days(story)
    assert "2026-03-26" not in shown, story["timeline"]


LATE_LEAD = ("A ferry bound for Tessmoor sank off Orrin Point, and divers are searching the "
             "wreck. The ferry left Orrin at 7:15 a.m. on Tuesday and sank an hour later, "
             "the harbour board said.")


@pytest.mark.slow
def test_brief_restamp_a_late_copy_without_a_dated_lead_is_not_an_event_of_its_stamp(tmp_path):
    # the late copy's lead gives no day and its clock time was told against its stamp: its
    # happening is the others' Tuesday, not 1 April, and the story does not run to April
    rows = [*EARLY,
            ("wire", "Velk Wire", "2026-04-01T08:00:00Z", LATE_LEAD)]
    result = _analyzed(tmp_path, rows)
    (story,) = [s for s in result.stories if "wire-ferry" in s["articles"]]
    dates = {e["date"] for e in story["events"] if e.get("date")}
    assert all(d < "2026-03-12" for d in dates), story["events"]
    assert all(not (e.get("date") or "").startswith(("2026-03-31", "2026-04"))
               for e in story["timeline"]), story["timeline"]


FOLLOW_UP = ("The captain of the Velk ferry that sank off Orrin Point was charged on Monday "
             "with neglect, the harbour board said.")


@pytest.mark.slow
def test_brief_restamp_a_later_report_of_other_news_keeps_its_days(tmp_path):
    # control: three weeks on, a report of new news ("charged on Monday") whose day does not
    # fall on the sinking's weekday is a report of its own time: 30 March stays
    rows = [*EARLY,
            ("wire", "Velk Wire", "2026-04-01T08:00:00Z", FOLLOW_UP)]
    result = _analyzed(tmp_path, rows)
    story = next(s for s in result.stories if "wire-ferry" in s["articles"])
    shown = _timeline_days(story)
    assert "2026-03-30" in shown, story["timeline"]


FAR = ("The Velk ferry sank off Orrin Point early on Wednesday, the harbour board said. All "
       "40 passengers were rescued.")
FAR_COPY = ("Divers have reached the wreck of the Velk ferry off Orrin Point, the harbour "
            "board said.")


@pytest.mark.slow
def test_brief_restamp_a_copy_stamped_months_late_a_day_off_and_its_sibling(tmp_path):
    # an archive stamps the wire's two reports five months on; the first says "early on
    # Wednesday" (Tuesday night where the others are), the second gives no day at all: the
    # story stays in March, and neither report is an event of August
    rows = [*EARLY,
            ("wire", "Velk Wire", "2026-08-14T08:00:00Z", FAR),
            ("wire2", "Velk Wire", "2026-08-14T08:00:00Z", FAR_COPY)]
    result = _analyzed(tmp_path, rows)
    for story in result.stories:
        dates = [e.get("date") or "" for e in (*story["events"], *story["timeline"])]
        assert not [d for d in dates if d.startswith("2026-08")], story["events"]


FOLLOW_ON = ("Divers began lifting the wreck of the Velk ferry off Orrin Point on Tuesday, the "
             "harbour board said.")
MIDWEEK = ("The harbour board opened an inquiry into the sinking of the Velk ferry off Orrin "
           "Point, its chair said.")


@pytest.mark.slow
def test_brief_restamp_a_report_after_steady_coverage_keeps_its_days(tmp_path):
    # control: two weeks on, a report whose "Tuesday" falls on the sinking's weekday by
    # chance, but the story was reported in between: it is news of its own time (24 March)
    rows = [*EARLY,
            ("times", "Orrin Times", "2026-03-18T09:00:00Z", MIDWEEK),
            ("wire", "Velk Wire", "2026-03-25T08:00:00Z", FOLLOW_ON)]
    result = _analyzed(tmp_path, rows)
    shown = _timeline_days(*(s for s in result.stories if "wire-ferry" in s["articles"]))
    assert "2026-03-24" in shown, shown


@pytest.mark.slow
def test_web_article_page_shows_the_days_the_story_told_again(tmp_path):
    # one state: the late copy's own page dates its "Tuesday" as the brief does (10 March),
    # not by its stamp (31 March); the other reports' pages are as they were (control)
    from crosswire.web.app import create_app

    rows = [*EARLY, ("wire", "Velk Wire", "2026-04-01T08:00:00Z", LATE)]
    path = tmp_path / "s.duckdb"
    _analyzed(tmp_path, rows, store=str(path)).store.close()
    client = create_app(path).test_client()
    late = client.get("/articles/wire-ferry").get_data(as_text=True)
    assert "31 March" not in late and "10 March" in late, late[:2000]
    post = client.get("/articles/post-ferry").get_data(as_text=True)
    assert "10 March" in post


@pytest.mark.slow
def test_brief_restamp_two_outlets_back_after_a_silence_tell_their_own_week(tmp_path):
    # a read: three weeks after a story's first reports, two outlets five days apart told of
    # a new happening "on Tuesday" of their own week; each was taken for a late stamp and
    # its Tuesday moved back to the first one. Coverage that resumes with two outlets is a
    # news cycle of its own, not a crawl
    raised = ("Divers raised the Velk ferry off Orrin Point on Tuesday, three weeks after it "
              "sank, the harbour board said.")
    rows = [*EARLY,
            ("gull", "Gull Times", "2026-03-31T18:00:00Z", raised),
            ("bay", "Bay Herald", "2026-04-04T09:00:00Z",
             "The Velk ferry was raised on Tuesday, the harbour board said. Divers found "
             "the hull intact.")]
    result = _analyzed(tmp_path, rows)
    assert "2026-03-31" in _timeline_days(*result.stories), [
        s["timeline"] for s in result.stories]


# a page dated only by its "Last updated" stamp: the report was written on or before that
# day, and a copy of an earlier report updated days later tells its weekdays from the day it
# was written (read on a real cluster: a copy updated days later put its happening a week
# late). Dated only by the text's own line, as many pages are
def _stamped(stamp: str, body: str) -> str:
    return f"Grain store fire in Orrin\n{stamp}\n{body}"


GRAIN = ("Fire destroyed the Orrin grain store on Saturday, and two night guards were "
         "treated for smoke. Crews were called at 4:10 a.m. on Saturday, the fire service "
         "said. The owner, Ilse Varga, was questioned by police on Sunday.")
GRAIN_EARLY = [("tide", "Tide Courier", GRAIN),
               ("mill", "Mill Gazette",
                "Two night guards were treated for smoke after fire destroyed the Orrin grain "
                "store on Saturday, the fire service said. Police questioned the owner on "
                "Sunday.")]


def _grain_story(tmp_path, late_stamp: str):
    rows = [(aid, source, None, _stamped("Published: Monday, 9 March 2026", text))
            for aid, source, text in GRAIN_EARLY]
    rows.append(("lamp", "Lamp Weekly", None, _stamped(late_stamp, GRAIN)))
    result = _analyzed(tmp_path, rows)
    (story,) = [s for s in result.stories if "lamp-ferry" in s["articles"]]
    return story


def _dated_lines(story, article: str) -> set[str]:
    return {e.get("date") or "" for e in story["timeline"]
            if any(c["article"] == article for c in e.get("citations", ()))}


@pytest.mark.slow
def test_brief_restamp_a_copy_updated_days_later_tells_its_days_from_the_others(tmp_path):
    story = _grain_story(tmp_path, "Last updated at 09:10, Sunday, 15 March 2026")
    days = _dated_lines(story, "lamp-ferry")
    # its Saturday is the others' (7 March), not the Saturday before its stamp (14 March);
    # its Sunday cannot be told from the stamp, so no line dates it (not 8 or 15 March)
    assert not {d for d in days if d.startswith(("2026-03-14", "2026-03-15"))}, days
    sat = [f["statement"] for part in ("agreed", "unique") for f in story["facts"][part]
           if "14 March" in f["statement"]]
    assert not sat, sat


@pytest.mark.slow
def test_brief_restamp_a_report_published_days_later_keeps_its_own_week(tmp_path):
    # control: the same page stamped "Published" a week on is a report of its own week
    story = _grain_story(tmp_path, "Published: Sunday, 15 March 2026")
    days = _dated_lines(story, "lamp-ferry")
    assert any(d.startswith("2026-03-14") for d in days), story["timeline"]
