"""A story's title, and an article's, when the input gives none: the headline line the text
opens with, never a time stamp standing on a line of its own ("June 3, 2031 9:15 pm",
"Updated: June 4, 2031"). Read on real clusters, such a stamp was a story's title, and every
outlet's report was listed as "Untitled article". Fictional texts, written before the code
was run on them."""

from __future__ import annotations

import json

import crosswire

BODY = ("A ferry deckhand from Orsa was hurt on Saturday when a mooring line snapped at the "
        "Velk pier, the harbour master said. Crew members gave first aid before paramedics "
        "arrived. ")


def _analyze(tmp_path, texts: dict[str, str]):
    feed = tmp_path / "feed.jsonl"
    with feed.open("w", encoding="utf-8") as out:
        for aid, text in texts.items():
            out.write(json.dumps({"id": aid, "source": f"Outlet {aid}",
                                  "published": "2031-06-03T21:15:00Z", "text": text}) + "\n")
    (story,) = crosswire.analyze([feed]).stories
    return story


def test_a_stamp_line_is_no_title(tmp_path):
    story = _analyze(tmp_path, {
        "a": "June 3, 2031 9:15 pm\nDeckhand hurt as mooring line snaps at Velk pier\n" + BODY,
        "b": "Updated: June 4, 2031\nOrsa deckhand injured at Velk pier\n" + BODY.replace(
            "the harbour master said", "a port official said"),
    })
    assert story["title"] in ("Deckhand hurt as mooring line snaps at Velk pier",
                              "Orsa deckhand injured at Velk pier"), story["title"]


def test_an_untitled_articles_headline_line_is_its_title(tmp_path):
    feed = tmp_path / "feed.jsonl"
    texts = {"a": "Deckhand hurt as mooring line snaps at Velk pier\n" + BODY,
             "b": "Updated: June 4, 2031\nOrsa deckhand injured at Velk pier\n" + BODY,
             "c": BODY}  # no headline line: no title
    with feed.open("w", encoding="utf-8") as out:
        for aid, text in texts.items():
            out.write(json.dumps({"id": aid, "source": f"Outlet {aid}",
                                  "published": "2031-06-03T21:15:00Z", "text": text}) + "\n")
    titles = {a["id"]: a["title"] for a in crosswire.analyze([feed]).corpus()["articles"]}
    assert titles == {"a": "Deckhand hurt as mooring line snaps at Velk pier",
                      "b": "Orsa deckhand injured at Velk pier", "c": None}, titles


def test_a_line_above_a_stamp_is_the_headline_even_with_a_full_stop():
    # issue 17, read on a real cluster: a headline ending in a full stop, over its time
    # stamp, left the outlet listed as "Untitled article"
    from crosswire.extract.furniture import find_nonbody, headline_of

    text = "Deckhand Hurt As Mooring Line Snaps At Velk Pier.\n07 June 2031\n" + BODY
    assert headline_of(text, None, find_nonbody(text, None)) == (
        "Deckhand Hurt As Mooring Line Snaps At Velk Pier.")
    # control: a first sentence with no stamp under it is the report, not a headline
    lead = "A deckhand was hurt at the Velk pier.\n" + BODY
    assert headline_of(lead, None, find_nonbody(lead, None)) is None


def test_a_title_case_line_above_a_stamp_is_the_headline_not_a_menu():
    # issue 17, read on a real cluster: a long headline in title case, over its time stamp,
    # was taken for a menu of section names, and the outlet was "Untitled article"
    from crosswire.extract.furniture import find_nonbody, headline_of

    line = "Velk Deckhand, Father Of Three, Hurt At Pier; Union Calls For Inquiry"
    text = f"{line}\nJune 6, 2031 3:05 PM EDT\n" + BODY
    assert headline_of(text, None, find_nonbody(text, None)) == line
    # control: the same line with no stamp under it, in the middle of a page, stays a menu
    menu = BODY + "\n" + line + "\n" + BODY
    assert headline_of(menu, None, find_nonbody(menu, None)) is None
