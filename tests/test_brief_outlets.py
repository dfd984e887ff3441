"""Framing summed per outlet."""

from __future__ import annotations

from crosswire.brief.framing import outlet_framing
from crosswire.records import Framing, Marker


def test_brief_outlet_framing_sums_articles_of_one_outlet():
    framings = [
        Framing("a1", "Observer", ({"speaker": "Ana Ruiz", "count": 2, "share": 1.0},),
                (Marker("loaded", "Disaster", 0, 8), Marker("hedge", "reportedly", 10, 20))),
        Framing("a2", "Observer", ({"speaker": "Ben Ode", "count": 2, "share": 1.0},),
                (Marker("loaded", "disaster", 5, 13),)),
        Framing("a3", "Ledger", (), ()),
    ]
    ledger, observer = outlet_framing(framings)
    assert ledger == {"source": "Ledger", "articles": ["a3"], "voices": [], "markers": {},
                      "loaded": []}
    assert observer["articles"] == ["a1", "a2"]
    assert observer["voices"] == [{"speaker": "Ana Ruiz", "count": 2, "share": 0.5},
                                  {"speaker": "Ben Ode", "count": 2, "share": 0.5}]
    assert observer["markers"] == {"hedge": 1, "loaded": 2}
    assert observer["loaded"] == ["disaster"]
