"""A story's title, and an article's, when the input gives none: the headline line the text
opens with, never a time stamp standing on a line of its own ("June 3, 2031 9:15 pm",
"Updated: June 4, 2031"). Read on real clusters, such a stamp was a story's title, and every
outlet's report was listed as "Untitled article". Fictional texts, written before the code
was run on them."""

from __future__ import annotations

import json

import crosswire

BODY = ("A climber from Orsa died on Saturday after falling about 150 metres on Mount Brisk, "
        "police said. Rescuers reached him by helicopter, but he died at the scene. ")


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
        "a": "June 3, 2031 9:15 pm\nClimber dies after fall on Mount Brisk\n" + BODY,
        "b": "Updated: June 4, 2031\nOrsa climber killed on Mount Brisk\n" + BODY.replace(
            "police said", "officers said"),
    })
    assert story["title"] in ("Climber dies after fall on Mount Brisk",
                              "Orsa climber killed on Mount Brisk"), story["title"]


def test_an_untitled_articles_headline_line_is_its_title(tmp_path):
    feed = tmp_path / "feed.jsonl"
    texts = {"a": "Climber dies after fall on Mount Brisk\n" + BODY,
             "b": "Updated: June 4, 2031\nOrsa climber killed on Mount Brisk\n" + BODY,
             "c": BODY}  # no headline line: no title
    with feed.open("w", encoding="utf-8") as out:
        for aid, text in texts.items():
            out.write(json.dumps({"id": aid, "source": f"Outlet {aid}",
                                  "published": "2031-06-03T21:15:00Z", "text": text}) + "\n")
    titles = {a["id"]: a["title"] for a in crosswire.analyze([feed]).corpus()["articles"]}
    assert titles == {"a": "Climber dies after fall on Mount Brisk",
                      "b": "Orsa climber killed on Mount Brisk", "c": None}, titles
