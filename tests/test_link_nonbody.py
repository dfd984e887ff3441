"""The date a report's event takes: never one from the page furniture around the story (a
photo caption's "file photo" day, a time stamp). Fictional text, written before the rule."""

from __future__ import annotations

from crosswire.extract import extract_article
from crosswire.link.features import article_features
from crosswire.records import Analyzed, Article


def test_link_nonbody_a_file_photos_day_is_not_the_events(nlp):
    # read on a real cluster: an AP caption ("FILE - In this Thursday ... file photo") opened
    # a report of a Monday indictment, and the event took the photo's Thursday
    text = ("FILE - In this Thursday, June 12, 2031 file photo, Orla Benn arrives at the "
            "Orrin court.\nThe Orrin court charged Orla Benn with arson on Monday over the fire "
            "that destroyed the old grain store. Her lawyer said she would plead not guilty. "
            "The trial is expected to open in the autumn.")
    art = Article(id="g1", text=text, title="Orrin woman charged over grain store fire",
                  source="North Star", published="2031-06-17")
    f = article_features(Analyzed(art, extract_article(art, nlp(text))))
    assert f.event_value == "2031-06-16", f.event_value
