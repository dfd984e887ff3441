""""The firm said", "the carrier said": a body taken up by a common noun is the organisation
the article has been talking about, not the bare words. Invented text only (never real
articles)."""

from __future__ import annotations

from quote_helpers import find_quote as _find


def test_the_firm_is_the_company_just_named(quotes_of):
    text = ("Brantley Logistics said on Monday that hackers had reached its payroll system. "
            "The firm said the records of 3,000 drivers were taken.")
    assert _find(quotes_of(text), "3,000 drivers").speaker == "Brantley Logistics"


def test_the_carrier_is_the_airline_that_spoke_before(quotes_of):
    text = ("Skyreach Air said on Tuesday that a flight to Calder had turned back. Passengers "
            "waited for six hours at the gate.\n\n“We apologise to everyone on board,” the "
            "carrier said.")
    assert _find(quotes_of(text), "apologise").speaker == "Skyreach Air"


def test_an_outlet_that_reported_it_is_not_the_carrier(quotes_of):
    text = ("Skyreach Air said on Tuesday that a flight to Calder had turned back. The plane "
            "carried 180 people, the Calder Tribune reported.\n\n“We apologise to everyone "
            "on board,” the carrier said.")
    assert _find(quotes_of(text), "apologise").speaker == "Skyreach Air"


def test_the_firm_is_the_nearest_body_that_spoke(quotes_of):
    text = ("Brantley Logistics said it had hired the Tessaly Group to look into the breach. "
            "The Tessaly Group said its work was done on Friday. The firm said the attackers "
            "used a stolen password.")
    assert _find(quotes_of(text), "stolen password").speaker == "Tessaly Group"


def test_a_company_no_name_goes_with_stays_as_written(quotes_of):
    text = ("A small company in the hills above Ostra makes most of the buoys.\n\n"
            "“We cannot keep up with the orders,” the company said.")
    assert _find(quotes_of(text), "orders").speaker == "the company"
