"""Claims compared across outlets: planted contradictions are flagged, rewordings are not, and
different subjects (victim and suspect, killed and injured, the shooting and the arrest, an
earlier flood, a vigil) are never compared. Every text here is invented for this test and was
written before the code was run on it.
"""

from __future__ import annotations

import re

import pytest

from crosswire.brief import compose_brief
from crosswire.brief.statements import statement
from crosswire.records import Analyzed, Event, Story

PUB = "2030-06-15"  # a Saturday


@pytest.fixture(scope="module")
def brief_of(analyze):
    def run(*reports: tuple[str, str] | tuple[str, str, str]):
        recs = {}
        for i, rep in enumerate(reports):
            outlet, text = rep[0], rep[1]
            published = rep[2] if len(rep) > 2 else PUB
            article, ex = analyze(text, published=published, source=outlet, id=f"a{i}")
            recs[article.id] = Analyzed(article, ex)
        ids = tuple(recs)
        event = Event("e1", "What happened", None, None, ids)
        return compose_brief(Story("s1", "A story", ids, (event,)), recs), recs

    return run


def _agreed_and_left_out(brief, kind):
    """The agreed facts of a kind (there must be some), as their statements, and per
    article what its framing says it leaves out."""
    agreed = {f.statement for f in brief.agreed if f.slot.startswith(kind)}
    assert agreed, [(f.slot, f.statement) for f in brief.agreed]
    return agreed, {f.article: set(f.omits) for f in brief.framing}


def _conflicts(brief):
    return [c for c in brief.conflicting if c.kind == "conflict"]


def _both_sides_cited(conflict, recs, needles):
    """Each needle (article id, text) is inside a citation of a different variant."""
    hits = set()
    for i, v in enumerate(conflict.variants):
        for c in v.citations:
            for aid, needle in needles:
                text = recs[c.article].article.text
                if c.article == aid and needle in text[c.start : c.end]:
                    hits.add((i, aid))
    return len({i for i, _ in hits}) >= 2 and len({a for _, a in hits}) == len(needles)


def _one_conflict_citing(brief, recs, prefix, needles):
    """The brief flags exactly one conflict of ``prefix`` slots, and it cites each needle
    (article id, text) in a different variant."""
    found = [c for c in _conflicts(brief) if c.slot.startswith(prefix)]
    assert len(found) == 1, [(c.slot, c.statement) for c in brief.conflicting]
    assert _both_sides_cited(found[0], recs, needles)


PLANTED = {
    "age": (
        "Marta Quell, 27, of Linden Falls, was killed when her car left Route 9 on Friday night.",
        "The driver, Marta Quell, 31, of Linden Falls, died at the scene on Route 9, police said.",
        ("27", "31"),
    ),
    "age of one person named by a given name alone": (  # "son Leo" is "Leo Maximilian"
        "Dana Holt bakes bread at home with her son Leo, 6, and her daughter Ina, 2, every "
        "Sunday.",
        "Dana Holt and her husband have their own star at home: their 13-year-old son, Leo "
        "Maximilian.",
        ("6", "13"),
    ),
    "age of one person named more fully": (  # the nickname and the full name are one man
        'Deputy Luis Tomas "Lou" Marren, 42, was wounded in the Orrin courthouse shooting.',
        "Deputy Lou Marren, 35, was wounded in the shooting at the Orrin courthouse.",
        ("42", "35"),
    ),
    "age of one whose surname is also a noun": (  # "Boots, 48,": the tagger's noun
        "Mo Boots led the Owls.\nBoots, 48, put together a steady 14-year career, spending "
        "9 seasons in Orrin.",
        "Mo Boots, 55, was fired by the Orrin Owls on Monday after six seasons.",
        ("48", "55"),
    ),
    "age told as years old": (  # "is 64 years old": the subject's age
        "Nils Dorran is 64 years old and has coached first base for the Orrin Owls since 2019.",
        "Nils Dorran, 60, the Orrin Owls' first base coach, fell ill at the title parade.",
        ("64", "60"),
    ),
    "age of a person 'of the' a place": (  # "of the U.K." names where he is from
        "An ill-equipped climber, 31-year-old Robert Bask of the U.K., slipped on ice on Mount "
        "Orrin on Saturday.",
        "Robert Bask, 32, fell while hiking to a shelter on Mount Orrin on Saturday, police said.",
        ("31", "32"),
    ),
    "year the bridge was built, active and passive": (
        "The Orrin council built the Pell Street footbridge in 1968.",
        "The Pell Street footbridge was built in 1986 by the Orrin council.",
        ("1968", "1986"),
    ),
    "two lower bounds far apart": (  # "more than 40" when 120 were known understates it
        "More than 40 firefighters fought the blaze at the Orrin flour mill on Friday.",
        "More than 120 firefighters fought the blaze at the Orrin flour mill on Friday.",
        ("More than 40", "More than 120"),
    ),
    "what the jewels were worth": (
        "Thieves made off with jewellery worth \u00a3264m from the Velk gallery on Monday.",
        "Thieves made off with jewellery worth \u00a3103m from the Velk gallery on Monday, "
        "police said.",
        ("264m", "103m"),
    ),
    "what the watches were worth, as 'worth of' and as 'valued at'": (
        "Masked men snatched $40 million worth of watches from the Orlin jeweller in Velk on "
        "Thursday, officials said.",
        "Masked men stole watches valued at $30 million from the Velk branch of the Orlin "
        "jeweller, the prosecutor said.",
        ("40", "30"),
    ),
    "how many a mother has, told as 'a mother of'": (  # the noun before "of" is counted
        "A video shows the moment a Velk mother of 12 was shot as she picked up her daughter "
        "from school.",
        "Mara Quill, a mother of 13, was shot as she picked up her daughter outside a Velk "
        "school.",
        ("12", "13"),
    ),
    "injured": (
        "Nine people were injured when a gas line exploded in downtown Orrin on Tuesday.",
        "The explosion in downtown Orrin on Tuesday injured 23 people, fire officials said.",
        ("Nine", "23"),
    ),
    "dead": (  # a state after 'be' is what befell the group
        "Three people are dead after a tanker overturned on the Orrin bypass, police said.",
        "Nine people were killed after a tanker overturned on the Orrin bypass, police said.",
        ("Three", "Nine"),
    ),
    "weekday": (
        "A warehouse in Teller Park burned down on Thursday, the fire marshal said.",
        "A warehouse in Teller Park burned down on Wednesday, the fire marshal said.",
        ("Thursday", "Wednesday"),
    ),
    "clock": (
        "The crash happened around 10:30 p.m. on Highway 12 near Corrigan, troopers said.",
        "The crash happened at about 10:55 p.m. on Highway 12 near Corrigan, troopers said.",
        ("10:30", "10:55"),
    ),
    "one of listed counts": (  # the other counts agree, so the sentences count one thing
        "Coast guards seized four rifles, nine radios and 200 rounds from the skiff on Monday.",
        "Coast guards seized eleven rifles, nine radios and 200 rounds from the skiff on Monday.",
        ("four", "eleven"),
    ),
    "where it came down": (
        "A test missile fired from the Orrin range came down in the Sea of Velk, officials said.",
        "A test missile fired from the Orrin range came down in the Pallid Ocean, officials "
        "said.",
        ("Sea of Velk", "Pallid Ocean"),
    ),
    "two rounded clock times": (  # each "around" allows a few minutes, not a quarter hour
        "The tanker overturned around 10:30 p.m. on the Orrin bypass, troopers said.",
        "The tanker overturned around 10:45 p.m. on the Orrin bypass, troopers said.",
        ("10:30", "10:45"),
    ),
    "the day of a clock time": (  # "10:30 p.m. Friday" states the day as well as the time
        "The crash happened around 10:30 p.m. Thursday on Highway 12 near Corrigan.",
        "The crash happened late on Wednesday on Highway 12 near Corrigan, troopers said.",
        ("Thursday", "Wednesday"),
    ),
    "year": (
        "The Pell Street footbridge, built in 1968, was closed after the storm.",
        "The footbridge on Pell Street was built in 1986 and was closed after the storm.",
        ("1968", "1986"),
    ),
    "said copies": (  # when it was said, in two copies of one sentence
        "The Orrin water board said on Monday that it would raise rates by 4 percent next year.",
        "The Orrin water board said on Thursday that it would raise rates by 4 percent next year.",
        ("Monday", "Thursday"),
    ),
    "said in other words": (  # one announcement, told in two sentences of their own
        "The Orrin water board announced Monday that Lena Varga will lead its review of the "
        "Marl reservoir.",
        "Lena Varga will lead a review of the Marl reservoir, the Orrin water board announced "
        "on Friday.",
        ("Monday", "Friday"),
    ),
    "said by the same body in other words": (  # the agent's name, then its people
        "Tessmoor Rail confirmed Tuesday that Ilse Marek had been named to lead the network's "
        "safety inquiry.",
        "Ilse Marek has been named to lead the safety inquiry into the network, Tessmoor Rail "
        "officials said Thursday.",
        ("Tuesday", "Thursday"),
    ),
    "said in the leads, in few words alike": (  # the statement each report leads with
        "Velmont Bank said Monday that an additional 4,000 customers may have had card "
        "numbers stolen in the breach.",
        "More customers were caught up in the breach than the lender first estimated, Velmont "
        "Bank said on Wednesday.",
        ("Monday", "Wednesday"),
    ),
    "reported, then confirmed": (  # an outlet reporting news is a statement too
        "Dr. Nila Sorrel has been asked to run the Velk health service, Orrin Radio reported "
        "Tuesday.",
        "Dr. Nila Sorrel was approached to run the Velk health service, Orrin Radio officials "
        "confirmed Thursday.",
        ("Tuesday", "Thursday"),
    ),
    "age beside a station's call number": (  # "1130 KVLK" is a name, not a year recalled
        "Lena Dorr, 59, of Velk, had just parked her car on Friday when a delivery van hit "
        "her, police told 1130 KVLK's Omar Reyes.",
        "Lena Dorr, 52, was struck by a van on Friday as she walked to her parked car.",
        ("59", "52"),
    ),
    "a copy with a longer subject": (  # one outlet titles the speaker, the other not
        "Orrin police spokesman Sgt. Tomas Reel said the driver had been let go from Velk "
        "Haulage on Thursday.",
        "Tomas Reel said Ivo Brandt had been let go from Velk Haulage on Tuesday.",
        ("Thursday", "Tuesday"),
    ),
    "said beside a plan": (  # a verb with a subject of its own is no part of the plan
        "The Marl council will vote on the dam next month, and the Orrin water board "
        "announced on Friday that Lena Varga will lead its review of the reservoir.",
        "The Orrin water board announced Monday that Lena Varga will lead its review of the "
        "reservoir.",
        ("Friday", "Monday"),
    ),
    "the time a noun is set for": (  # "a 4:35 p.m. semifinal": the semifinal's time
        "The Harriers advanced to a 4:35 p.m. semifinal against the Orrin Owls on Saturday.",
        "The Harriers will play the Orrin Owls in a 2:15 p.m. semifinal on Saturday.",
        ("4:35", "2:15"),
    ),
    "year after a bound": (
        "Before 2001, the mill had closed only once, for a flood in 1959.",
        "Before 2001, the mill had closed only once, for a flood in 1949.",
        ("1959", "1949"),
    ),
    "the day of what a clause's doer did on": (  # "..., stopping X": the title holder stopped X
        "Ilka Brant easily brushed aside the challenge of late substitute Mira Voss, stopping "
        "the former champion in five rounds on Saturday in Orrin.",
        "Ilka Brant kept her crown by stopping Mira Voss in the fifth round at Velk Arena on "
        "Tuesday.",
        ("Saturday", "Tuesday"),
    ),
    "the year of a recalled shooting, told with its toll": (  # the same three, two years
        "Brian Nell is accused of killing three people, among them a bailiff, in a courtroom "
        "shooting in 2005.",
        "Nell, a former boxer, went on a shooting spree at the Orrin courthouse in 2015, killing "
        "three people.",
        ("2005", "2015"),
    ),
    "the clock time of what happened while someone was doing something": (  # "was driving
        # at 4:20 when he was stopped": the stopping was at 4:20
        "Tomas Bekk was driving north on Route 14 just after 4:20 a.m. when he was stopped "
        "for speeding, the patrol said.",
        "Bekk was stopped on Route 14 just past 1:20 a.m. for speeding, the patrol said.",
        ("4:20", "1:20"),
    ),
    "the day of what happened right after someone had just done something": (  # "had
        # just chained his bike ... Friday when he was struck": the blow was on Friday
        "A falling sign hit a shopper on Quay Lane in Velk. Aron Tesk, 44, had just chained "
        "his bike around 6 p.m. Friday on Quay Lane when he was struck by a shop sign, which "
        "then slid into the road, the council said.",
        "A falling sign hit a shopper on Quay Lane in Velk. Witnesses say Aron Tesk, 44, was "
        "unchaining his bike on Quay Lane Monday when he was struck by a shop sign and "
        "knocked to the ground.",
        ("Friday", "Monday"),
    ),
    "said, with and without 'on'": (  # "announced on Friday" is "announced Friday"
        "The Velk ferry company announced on Friday that it will end the winter crossing to "
        "Orrin Island.",
        "The Velk ferry company announced Tuesday that it will end the winter crossing to "
        "Orrin Island.",
        ("Friday", "Tuesday"),
    ),
    "a clock time a happening was done by": (  # "by 5:50 a.m.": a bound, still a time
        "The blaze at the Orrin flour mill was under control by 5:50 a.m., the fire chief "
        "said.",
        "The blaze at the Orrin flour mill was under control by 8:50 a.m., the fire chief "
        "said.",
        ("5:50", "8:50"),
    ),
    "the day of a clock time written after a bound": (  # "shortly after 10 p.m. Tuesday":
        # the window is of the time; the day is Tuesday
        "Firefighters reached the Orrin flour mill shortly after 10 p.m. Tuesday, the chief "
        "said.",
        "Firefighters reached the Orrin flour mill on Friday night, the chief said.",
        ("Tuesday", "Friday"),
    ),
    "the sum one of several things was sold for": (  # "sold one of its farms": a farm,
        # not the seller, is what the sum was paid for
        "Edwin Marl sold one of the family's timber farms for a reported $35 million, and the "
        "family moved to Orrin.",
        "The family's timber farm near Velk was sold for a reported $85 million.",
        ("$35 million", "$85 million"),
    ),
    "the day a named doer did one thing, told after the lead": (  # who did what to what
        "The Marl reservoir reopened on Monday. The Velk water board issued the new fishing "
        "rules on Thursday, a spokesman said.",
        "The Marl reservoir reopened on Monday after repairs. According to a spokesman, the "
        "Velk water board issued the new fishing rules on Tuesday.",
        ("Thursday", "Tuesday"),
    ),
    "the time of a clause joined by 'and' with a subject of its own": (  # ", and the blaze
        # was put out at 6:40": the putting out, not the rushing
        "Crews rushed to the Orrin depot from three towns, and the blaze was put out at 6:40 "
        "a.m.",
        "The blaze at the Orrin depot was put out at 9:40 a.m. on Tuesday, the chief said.",
        ("6:40", "9:40"),
    ),
    "which one of a series it was": (  # an ordinal says how many came before it
        "The launch on Sunday was Norland's 15th missile test this year, officials in Velk "
        "said.",
        "Sunday's launch was the 19th missile test by Norland this year, the defence ministry "
        "in Velk said.",
        ("15th", "19th"),
    ),
    "amount": (
        "Bail for Dorian Maske was set at $50,000 at his arraignment.",
        "A judge set bail for Dorian Maske at $250,000 at his arraignment.",
        ("$50,000", "$250,000"),
    ),
}


@pytest.mark.slow
@pytest.mark.parametrize("kind", sorted(PLANTED))
def test_brief_claims_planted_contradiction_is_flagged(brief_of, kind):
    text_a, text_b, (va, vb) = PLANTED[kind]
    brief, recs = brief_of(("North Star", text_a), ("South Wire", text_b))
    conflicts = _conflicts(brief)
    assert len(conflicts) == 1, [c.statement for c in conflicts]
    (c,) = conflicts
    assert _both_sides_cited(c, recs, [("a0", va), ("a1", vb)])
    assert c.statement and ":" not in c.slot.split(":", 1)[0]
    for v in c.variants:
        assert v.statement and "XXXX" not in v.statement and "/" not in v.statement


REWORDED = {
    "a sum in another currency": (  # a conversion, not a second sum
        "Thieves made off with jewellery worth \u00a38m from the Velk gallery on Monday.",
        "Thieves made off with jewellery worth $10 million from the Velk gallery on Monday.",
    ),
    "number word": (
        "Three children were hurt when the school bus slid off Quarry Lane on Monday.",
        "3 children were hurt when the school bus slid off Quarry Lane on Monday.",
    ),
    "a clock time before its noun or after it": (
        "The Harriers will play the Orrin Owls in a 4:35 p.m. semifinal on Saturday.",
        "The Harriers will play the Orrin Owls in a semifinal at 4:35 pm on Saturday.",
    ),
    "clock style": (
        "The crash happened at 5:30 p.m. on Highway 12 near Corrigan.",
        "The crash happened at 5:30 pm on Highway 12 near Corrigan.",
    ),
    "weekday with date": (
        "The roof of the Orrin library collapsed on Friday, officials said.",
        "The roof of the Orrin library collapsed on Friday, June 14, officials said.",
    ),
    "money digits": (
        "The town paid $5 million for the new pumping station.",
        "The town paid $5,000,000 for the new pumping station.",
    ),
    "age wording": (
        "Marta Quell, 27, was killed when her car left Route 9.",
        "Marta Quell, aged 27, was killed when her car left Route 9.",
    ),
    "a night and the small hours after it": (
        "The Orrin chapel burned on Friday night, the fire chief said.",
        "The Orrin chapel burned early Saturday, the fire chief said.",
    ),
    "two lower bounds close together": (
        "More than 40 firefighters fought the blaze at the Orrin flour mill on Friday.",
        "At least 50 firefighters fought the blaze at the Orrin flour mill on Friday.",
    ),
    "the doer of a clause told two ways": (
        "Ilka Brant kept her title, stopping Mira Voss in the fifth round on Saturday.",
        "Ilka Brant kept her title on Saturday by stopping Mira Voss in round five.",
    ),
    "a recalled shooting with its toll and year": (
        "Brian Nell is accused of killing three people, among them a bailiff, in a courtroom "
        "shooting in 2005.",
        "Nell, a former boxer, went on a shooting spree at the Orrin courthouse in 2005, killing "
        "three people.",
    ),
    "the time of what happened while someone was doing something": (
        "Tomas Bekk was driving north on Route 14 at about 4:20 a.m. when he was stopped "
        "for speeding, the patrol said.",
        "Bekk was stopped on Route 14 at about 4:20 a.m. for speeding, the patrol said.",
    ),
    "a bound clock time in two styles": (
        "The blaze at the Orrin flour mill was under control by 6:40 a.m. on Tuesday.",
        "The blaze at the Orrin flour mill was under control by 6:40am on Tuesday.",
    ),
    "an ordinal in words or digits": (
        "The launch on Sunday was Norland's 15th missile test this year, officials said.",
        "The launch on Sunday was Norland's fifteenth missile test this year, officials said.",
    ),
    "range fits": (
        "Hundreds of residents were evacuated from the Teller Park area.",
        "About 400 residents were evacuated from the Teller Park area.",
    ),
}


@pytest.mark.slow
@pytest.mark.parametrize("case", sorted(REWORDED))
def test_brief_claims_rewording_is_never_flagged(brief_of, case):
    text_a, text_b = REWORDED[case]
    brief, _ = brief_of(("North Star", text_a), ("South Wire", text_b))
    assert _conflicts(brief) == []
    assert brief.agreed, "the two outlets state the same fact"


DIFFERENT = {
    "one doer's two different deeds": (
        "The Marl reservoir reopened on Monday. The Velk water board issued the new fishing "
        "rules on Thursday.",
        "The Marl reservoir reopened on Monday. The Velk water board closed the fishing piers "
        "on Tuesday.",
    ),
    "the inning of two plays": (  # an ordinal of a stretch of play is no rank of anything
        "The Orrin Owls scored in the 8th inning on Sunday to beat the Velk Harriers.",
        "The Orrin Owls scored again in the 10th inning on Sunday to beat the Velk Harriers.",
    ),
    "the first of one thing and the second of another": (
        "Mira Dorr, 52, became the first woman to lead the Velk council on Sunday.",
        "Mira Dorr, 52, was the second woman to chair the board of the Orrin bank, in 2019.",
    ),
    "victim and suspect ages": (
        "A 19-year-old man was shot and killed on Elm Street on Friday night.",
        "Police arrested a 24-year-old man on Saturday in the Elm Street shooting.",
    ),
    "killed and injured": (
        "Two people were killed and four were injured in the crash on Route 4.",
        "Four people were injured in the crash on Route 4, and two of them are in critical "
        "condition.",
    ),
    "shooting day and arrest day": (
        "A man was shot on Elm Street on Friday night, police said.",
        "Police arrested a suspect on Sunday in the Friday night shooting on Elm Street.",
    ),
    "an earlier flood": (
        "Three people died in Tuesday's flood in the Brenner Valley.",
        "Three people died in Tuesday's flood in the Brenner Valley. A flood in 2019 killed "
        "14 people in the same valley.",
    ),
    "two happenings' clock times by their nouns": (
        "Mourners gathered for a 7 p.m. vigil on Elm Street on Sunday.",
        "Mourners gathered for a 9 p.m. march on Elm Street on Sunday.",
    ),
    "vigil and shooting times": (
        "The shooting on Elm Street happened at 9:15 p.m. on Friday.",
        "A vigil for the victim will be held at 7 p.m. on Sunday on Elm Street.",
    ),
    "said on different days": (
        "Police said Monday that the man was shot on Saturday night.",
        "The man was shot on Saturday night, police said Tuesday.",
    ),
    "one body's two statements": (  # the same speaker, two things said on two days
        "The Orrin water board said Monday that it would raise rates by 4 percent next year.",
        "The Orrin water board said Thursday that the Marl reservoir was nearly empty after the "
        "dry summer.",
    ),
    "one body's two statements, each a lead": (  # the same speaker, two things said
        "Velmont Bank said Monday that its chief executive, Ora Finch, would step down in May.",
        "Velmont Bank said Wednesday that 4,000 customers had card numbers stolen in a breach.",
    ),
    "two bodies on one subject": (  # the same news, told by two speakers on two days
        "The Orrin water board announced Monday that Lena Varga will lead its review of the "
        "Marl reservoir.",
        "Lena Varga will lead a review of the Marl reservoir, the Velk county council announced "
        "on Friday.",
    ),
    "two players' passes": (  # a count's named doer: Arlen's passes are not Okoro's
        "Tom Arlen completed 17 passes for the Orrin Colts in the first half on Sunday.",
        "Dev Okoro, who completed 28 passes for the Tessmoor Jets, ran for a touchdown.",
    ),
    "a town and its county": (  # places that nest are not compared without a gazetteer
        "The tanker overturned near Tessmoor on Friday, troopers said.",
        "The tanker overturned in Velk County on Friday, troopers said.",
    ),
    "one raid and all raids": (  # the other counts of the sentence differ too: another scope
        "Coast guards seized four rifles, nine radios and 200 rounds from the skiff.",
        "Coast guards have seized a total of 17 rifles, 40 radios and 1,150 rounds in six "
        "raids this year.",
    ),
    "one game and the season": (
        "Dario Vell scored 3 goals and made 5 assists in the final against Pellham.",
        "Dario Vell scored 21 goals and made 30 assists in 38 games this season for Pellham.",
    ),
    "a group counted beside another": (  # "the depot and two sheds": a part of what burned
        "Rioters set the depot and two storage sheds ablaze on Marl Street on Friday.",
        "Several storage sheds were set ablaze on Marl Street on Friday.",
    ),
    "a recalled quake told on with 'it'": (  # "It" goes on about the quake of February
        "An earthquake struck the Velk valley on Sunday, killing 9 people, officials said.",
        "An earthquake struck the Velk valley on Sunday, killing 9 people. In February, a "
        "quake hit the town of Orrin. It killed 240 people and injured 800.",
    ),
    "another day's quake elsewhere": (  # no publication date: the weekdays tell them apart
        "An earthquake struck the Velk valley on Sunday, killing 9 people, officials said.",
        "An earthquake struck the Velk valley on Sunday, killing 9 people. On Saturday, more "
        "than 30 people were killed by a smaller quake in northern Tessmoor.",
    ),
    "a running total": (
        "Rescuers pulled 14 people from the flooded mine on Tuesday.",
        "So far rescuers have pulled 61 people from the flooded mine.",
    ),
    "an address and a caliber are not counts": (
        "The officer was shot in the 4100 block of Marl Avenue with a .38 caliber pistol.",
        "The officer was shot in the 4300 block of Marl Avenue with a .45 caliber pistol.",
    ),
    "a conversion in brackets": (
        "The city agreed a 40 million euro (34 million pound) loan for the Marl Avenue bridge.",
        "The city agreed a 40 million euro ($44 million) loan for the Marl Avenue bridge.",
    ),
    "two players put on the list on two days": (  # two named people: two happenings
        "The Harbor Gulls placed Tomas Brenn on the injured list on Tuesday with a sore knee.",
        "Kip Adair was placed on the injured list on Thursday with a sprained ankle, the "
        "Harbor Gulls said.",
    ),
    "one team puts two players on the list": (  # alike but for the person: two happenings
        "The Harbor Gulls placed Tomas Brenn on the injured list on Tuesday, the team said.",
        "The Harbor Gulls placed Kip Adair on the injured list on Thursday, the team said.",
    ),
    "two terms served": (  # what was served differs: two sentences, two terms
        "Tomas Vell had served a two-year term for theft in 1989, court records show.",
        "Tomas Vell was serving a ten-year sentence for fraud in 2004, court records show.",
    ),
    "a game's points and the record": (  # two orders of magnitude apart: two things counted
        "Mira Toll broke the school scoring record with 11 points against Marlow on Thursday.",
        "Mira Toll broke the school scoring record of 2,340 points against Marlow on Thursday.",
    ),
    "two climbers of two ages": (  # an age tells people apart
        "A 36-year-old hiker died on Friday after he fell from a ridge on Mount Orrin.",
        "Tam Ferris, 32, died on Saturday after he fell from a ridge on Mount Orrin.",
    ),
    "shot three, killing two": (  # the sentence gives both numbers: two counts
        "A gunman shot three guards at the Orrin depot on Friday, killing two, police said.",
        "A gunman shot and killed two guards at the Orrin depot on Friday, police said.",
    ),
    "two teams' last titles": (  # the year is the Owls'; the other sentence never names them
        "The Orrin Owls, without a title since 1961, beat the Velk Rams on Sunday.",
        "Velk fans, who have not watched their team win a title since 1987, left quietly on "
        "Sunday.",
    ),
    "games played and games missed": (  # one frame, two verbs: two numbers of one season
        "A sore ankle limited Ray Oduya to six games this season for the Harbor Gulls.",
        "Ray Oduya missed nine games this season for the Harbor Gulls with a sore ankle.",
    ),
    "points needed and points scored": (
        "Lena Voss needed nine points against Marlow on Thursday night to break the record.",
        "Lena Voss scored 24 points against Marlow on Thursday night to break the record.",
    ),
    "convicted and jailed": (  # told as background: the leads are about the parole hearing
        "The parole board heard Aldo Renn on Friday. Renn was convicted in June 2009 of fraud "
        "at the Orrin harbor office.",
        "Aldo Renn asked for parole on Friday. Renn was sent to prison in June 2010 for fraud "
        "at the Orrin harbor office.",
    ),
    "two boxers' clauses": (  # each stopping is its own title holder's
        "Ilka Brant kept her title, stopping Mira Voss in the fifth round on Saturday.",
        "Tova Lind kept her title, stopping Ana Pell in the fifth round on Friday.",
    ),
    "a pronoun's points and a named player's": (  # "he" is not shown to be Marsh
        "Rey Ostin came off the bench for the Orrin Owls. He scored 11 points and grabbed 6 "
        "rebounds.",
        "Tavi Marsh helped Ostin inside by scoring 16 points and adding seven rebounds.",
    ),
    "an age then and an age now": (  # "then 34": the age in 1996, not now
        "In 1996, Tomas Vell, then 34, fell from the Orrin bridge and survived.",
        "Tomas Vell, 68, spoke at the Orrin bridge on Monday about his fall.",
    ),
    "two shootings with one toll": (  # another place, another year: two happenings
        "A gunman killed four people at the Orrin high school in 2005, police recalled.",
        "In 2015 a gunman at the Velk shopping mall killed four people and wounded six.",
    ),
    "a fraction the text lost": (
        "Orla Brisk served 4\u00bd years in prison for the Marl Avenue fraud.",
        "Orla Brisk served 41/2 years in prison for the Marl Avenue fraud.",
    ),
}


@pytest.mark.slow
@pytest.mark.xfail(strict=True, reason="known gap: the two sentences align word for word "
                   "around the year, and alignment does not ask who did it (requiring it lost "
                   "3 planted contradictions and a real one on the bench clusters)")
def test_brief_claims_one_teams_title_drought_and_anothers(brief_of):
    brief, _ = brief_of(
        ("North Star", "The Orrin Owls won their first title since 1961 at Velk Park on Sunday."),
        ("South Wire", "Velk fans have not seen their team win a title since 1987, and left "
                       "Velk Park on Sunday."))
    assert _conflicts(brief) == [], [c.statement for c in _conflicts(brief)]


@pytest.mark.slow
def test_brief_claims_a_recalled_month_without_a_publication_date(brief_of):
    """"In January" is not this Friday's happening even when nothing resolves its year."""
    brief, _ = brief_of(
        ("North Star", "Three undersea cables were cut near the coast of Velk on Friday, the "
                       "ministry said.", None),
        ("South Wire", "Three undersea cables were cut on Friday, the ministry said. In "
                       "January, five cables were cut near the coast of Orrin.", None))
    assert _conflicts(brief) == [], [c.statement for c in _conflicts(brief)]


@pytest.mark.slow
@pytest.mark.parametrize("case", sorted(DIFFERENT))
def test_brief_claims_different_subjects_are_not_compared(brief_of, case):
    text_a, text_b = DIFFERENT[case]
    brief, _ = brief_of(("North Star", text_a, "2030-06-17"), ("South Wire", text_b, "2030-06-17"))
    assert _conflicts(brief) == [], [c.statement for c in _conflicts(brief)]


@pytest.mark.slow
@pytest.mark.xfail(reason="known gap: 'scored 20 points on Thursday' / '15 points on Saturday' "
                          "reads like one happening told with two days and two counts (as a "
                          "collapse 'on Friday, 12 hurt' / 'on Thursday, 40 hurt' is); telling "
                          "a repeated deed from one needs more than the parse", strict=True)
def test_brief_claims_one_players_two_games(brief_of):
    brief, _ = brief_of(
        ("North Star", "The Orrin Owls ended their season on Sunday. Jona Brek scored 20 "
                       "points for the Owls on Thursday."),
        ("South Wire", "The Orrin Owls ended their season on Sunday. Jona Brek scored 15 "
                       "points for the Owls on Saturday."))
    assert _conflicts(brief) == [], [c.statement for c in _conflicts(brief)]


@pytest.mark.slow
def test_brief_claims_a_rising_toll_is_an_update(brief_of):
    brief, _ = brief_of(
        ("North Star", "Seven people were killed when the Orrin dam failed on Monday.",
         "2030-06-17T20:00"),
        ("South Wire", "Twelve people were killed when the Orrin dam failed on Monday.",
         "2030-06-18T14:00"),
    )  # fmt: skip
    assert _conflicts(brief) == []
    (update,) = [c for c in brief.conflicting if c.kind == "update"]
    assert [v.value for v in update.variants] == ["7", "12"]


@pytest.mark.slow
def test_brief_claims_a_toll_revised_within_the_morning_is_an_update(brief_of):
    # wire copy is revised within the hour: a later report's higher count of the hurt,
    # ninety minutes on, is the count moving, not two outlets disagreeing
    brief, _ = brief_of(
        ("North Star", "A tram left the rails on Orrin's Quay Street and 14 passengers were "
                       "hurt, the operator said on Tuesday.", "2030-06-18T06:50"),
        ("South Wire", "The operator says 17 passengers are hurt after the Quay Street tram "
                       "left the rails in Orrin.", "2030-06-18T08:20"),
    )  # fmt: skip
    assert _conflicts(brief) == [], [c.statement for c in _conflicts(brief)]
    assert [sorted(v.value for v in c.variants) for c in brief.conflicting
            if c.kind == "update"] == [["14", "17"]]


@pytest.mark.slow
@pytest.mark.parametrize(("first", "conflict"), [
    # the outlet gives its figure as a floor ("at least four"), then as "four": a higher
    # count elsewhere does not contradict it, however its reports are dated
    ("A landslide buried the hamlet of Orrin Vale, killing at least four people. The "
     "district chief said four people were killed and two houses lost.", False),
    # control: four, and nothing says it is a floor
    ("A landslide buried the hamlet of Orrin Vale on Monday. The district chief said four "
     "people were killed and two houses lost.", True),
])
def test_brief_claims_a_count_its_outlet_calls_a_floor(brief_of, first, conflict):
    brief, _ = brief_of(
        ("North Star", first, None),
        ("South Wire", "Eleven people were killed when a landslide buried the hamlet of Orrin "
                       "Vale, the district chief said.", None),
    )  # fmt: skip
    counts = [c for c in _conflicts(brief) if c.slot.startswith("count:")]
    assert bool(counts) is conflict, [c.statement for c in brief.conflicting]


@pytest.mark.slow
def test_brief_claims_two_floors_of_a_toll_do_not_contradict(brief_of):
    # "at least four" dead and "at least 13" dead can both be true, and a toll only
    # grows: the lower floor is the earlier count, not an understatement (firefighters'
    # floors far apart still conflict: "two lower bounds far apart" above)
    brief, _ = brief_of(
        ("North Star", "At least four workers were killed when a rockfall hit the Orrin "
                       "quarry, the mine inspector said.", None),
        ("South Wire", "At least 13 workers were killed when a rockfall hit the Orrin quarry, "
                       "the mine inspector said.", None),
    )  # fmt: skip
    assert [c.statement for c in _conflicts(brief)] == []


@pytest.mark.slow
def test_brief_claims_statements_are_plain(brief_of):
    brief, _ = brief_of(
        ("North Star", "Nine people were injured when a gas line exploded in Orrin on Tuesday."),
        ("South Wire", "Nine people were injured when a gas line exploded in Orrin on Tuesday."),
    )
    statements = [f.statement for f in brief.agreed]
    assert "Nine people were injured" in statements or "9 people were injured" in statements
    for s in statements:
        assert "XXXX" not in s and "count:" not in s and not s.startswith("the ")


def test_brief_claims_a_place_conflict_asks_where(brief_of):
    brief, _ = brief_of(
        ("North Star", "A test missile fired from the Orrin range came down in the Sea of Velk."),
        ("South Wire", "A test missile fired from the Orrin range came down in the Pallid Ocean."),
    )
    (conflict,) = _conflicts(brief)
    assert conflict.statement == "Where the test missile came down"
    assert sorted(v.value for v in conflict.variants) == ["Pallid Ocean", "Sea of Velk"]


NAMES = [
    # one person spelled two ways by two outlets: a conflict
    ("The victim, Katelyn Morrow, was a nurse at Linden General Hospital, her family said.",
     "The victim, Kaitlyn Morrow, worked as a nurse at Linden General Hospital, her family said.",
     True),
    # a surname with a letter more: a surname has no short form (read on a real cluster;
    # names changed after the first run, as the small model took one for an organisation)
    ("The ferry mate, Lena Kovac, was hurt when a mooring line snapped at Velk pier on "
     "Friday, the harbour master said.",
     "The ferry mate, Lena Kovacs, was hurt on Friday when a mooring line snapped at the Velk "
     "pier, the harbour master said.", True),
    # two surnames of which one is the other and more: two families
    ("The ferry mate, Lena Kovac, was hurt when a mooring line snapped at Velk pier on "
     "Friday, the harbour master said.",
     "The ferry mate, Lena Kovacsik, was hurt on Friday when a mooring line snapped at the "
     "Velk pier, the harbour master said.", False),
    # an outlet that names both means two people
    ("Jon Hale and his sister Joan Hale were hurt when the porch of their house collapsed.",
     "Joan Hale was hurt when the porch of the house she shares with her brother collapsed.",
     False),
    # two people of one family in unrelated sentences
    ("Mark Evans, the fire chief, said the blaze started in the kitchen of the bakery.",
     "Mary Evans, who owns the flower shop next door, said she smelled smoke at noon.",
     False),
    # one letter more inside a name is a second spelling, however little the sentences share
    ("Philip Marsh was pulled from the river by two fishermen on Sunday, police said.",
     "Phillip Marsh, 61, spent the night at Orrin General and went home on Monday.", True),
]


@pytest.mark.slow
def test_brief_claims_one_persons_age_under_two_spellings_is_one_fact(brief_of):
    """Two outlets that spell a nurse's name two ways and give her one age agree on the age:
    one agreed line, not a single-source line per spelling (the spelling is the conflict)."""
    brief, _ = brief_of(
        ("North Star", "Katelyn Morrow, 34, a nurse at Linden General Hospital, was hurt when "
                       "part of the ceiling fell on the night shift."),
        ("South Wire", "A nurse, Kaitlyn Morrow, 34, was hurt when part of the ceiling at Linden "
                       "General Hospital fell overnight."))
    ages = [(f.slot, f.value, len(f.sources)) for f in (*brief.agreed, *brief.unique)
            if f.slot.startswith("age:")]
    assert len(ages) == 1 and ages[0][1:] == ("34", 2), ages
    assert [c.slot for c in _conflicts(brief)] == ["name:name:morrow"]


@pytest.mark.slow
def test_brief_claims_two_names_spelled_apart_in_one_sentence_are_two_conflicts(brief_of):
    """A sentence naming two people, each spelled another way by the other outlet, holds two
    spelling conflicts: the second name is no sign that the first is of someone else."""
    brief, _ = brief_of(
        ("North Star", "The trawler's skipper, Katelyn Morrow, and her deckhand, Tomas Breckner, "
                       "were winched aboard a coastguard helicopter on Sunday."),
        ("South Wire", "Skipper Kaitlyn Morrow and deckhand Thomas Breckner were winched to safety "
                       "by a coastguard helicopter after the trawler sank."))
    names = sorted(c.slot for c in _conflicts(brief) if c.slot.startswith("name:"))
    assert names == ["name:name:breckner", "name:name:morrow"], names


@pytest.mark.slow
@pytest.mark.parametrize(("text_a", "text_b", "conflict"), NAMES)
def test_brief_claims_names_spelled_two_ways(brief_of, text_a, text_b, conflict):
    brief, _ = brief_of(("North Star", text_a), ("South Wire", text_b))
    names = [c for c in _conflicts(brief) if c.slot.startswith("name:")]
    assert bool(names) is conflict, [c.statement for c in names]
    if conflict:
        x, y = (v.value for v in names[0].variants)  # asked in neither spelling
        assert names[0].statement in (f"How the name is spelled: {x} or {y}",
                                      f"How the name is spelled: {y} or {x}")


@pytest.mark.slow
def test_brief_claims_a_day_that_is_the_subject_dates_nothing(analyze):
    _, ex = analyze("Seven people were hurt when a tram left the rails in Orrin on Wednesday. "
                    "Today's was the worst tram crash in the town's history. Friday was the "
                    "last day of the old timetable.", published=PUB, source="North Star", id="t")
    dated = [c.text for c in ex.claims if c.attribute == "date"]
    assert dated == ["Wednesday"]


@pytest.mark.slow
def test_brief_claims_an_hour_without_a_day_dates_nothing(analyze):
    _, ex = analyze("The chief told reporters near the Orrin depot shortly before midnight that "
                    "the fire was out. The fire broke out on Tuesday night.", published=PUB,
                    source="North Star", id="t")
    assert [c.text for c in ex.claims if c.attribute == "date"] == ["Tuesday night"]


@pytest.mark.slow
def test_brief_claims_a_bound_clock_time_is_a_time_and_its_day_is_the_day(analyze):
    # "by 6:40 a.m.": a time the happening was done by (no day is said); "shortly after
    # 10 p.m. Tuesday": a window of the time, and Tuesday itself
    _, ex = analyze("The blaze at the Orrin mill was under control by 6:40 a.m. Crews had "
                    "reached it shortly after 10 p.m. Tuesday.", published=PUB,
                    source="North Star", id="t")
    got = {(c.attribute, c.text, c.key.rpartition("/")[2]) for c in ex.claims}
    assert ("time", "6:40 a.m.", "by") in got
    assert not any(a == "date" and t == "6:40 a.m." for a, t, _ in got)
    assert ("date", "Tuesday", "reach") in got


@pytest.mark.slow
def test_brief_claims_a_count_of_the_setting_is_not_who_was_hurt(analyze):
    _, ex = analyze("Nine people were injured in 40 tram accidents in Orrin last year, and the "
                    "storm spread to 6 homes.", published=PUB, source="North Star", id="t")
    counted = {c.text: c for c in ex.claims if c.attribute == "count"}
    assert sorted(counted) == ["40", "6", "Nine"]
    assert counted["Nine"].key.startswith("injure/person")  # (last year: "@2029")
    assert counted["40"].key.startswith("injure/in accident")  # compared with no one hurt
    assert statement(counted["40"]).startswith("Nine people were injured in 40 tram accidents")


@pytest.mark.slow
@pytest.mark.parametrize(("second", "conflict"), [
    ("2030-06-17", True),  # two days later the boy cannot be a year older
    ("2032-09-01", False),  # two years on, 27 and 29 are both true
])
def test_brief_claims_ages_across_two_events(analyze, second, conflict):
    a, xa = analyze("A 27-year-old man, Tobin Marsh, was shot on Elm Street in Orrin on Saturday.",
                    published="2030-06-15", source="North Star", id="a")
    b, xb = analyze("Tobin Marsh, 29, spoke at a hearing on the Elm Street shooting in Orrin.",
                    published=second, source="South Wire", id="b")
    recs = {"a": Analyzed(a, xa), "b": Analyzed(b, xb)}
    events = (Event("e1", "Shooting", "2030-06-15", None, ("a",)),
              Event("e2", "Hearing", second, None, ("b",)))
    brief = compose_brief(Story("s1", "A story", ("a", "b"), events), recs)
    ages = [c for c in _conflicts(brief) if c.slot.startswith("age:")]
    assert bool(ages) is conflict, [c.statement for c in _conflicts(brief)]


def test_brief_claims_a_sentence_told_in_its_words_keeps_its_subject(brief_of):
    # issue 17: "…and forced the evacuation …" lost who did it; the whole sentence is shown
    text = ("The fire at the Halvorsen depot in Orrin killed two workers, injured a dozen more and "
            "forced the evacuation of nearby homes overnight, officials said Wednesday.")
    brief, _ = brief_of(("North Star", text), ("South Wire", text))
    (said,) = [f for f in brief.agreed if f.slot == "date:say"]
    assert said.statement == text.replace("Wednesday.", "Wednesday (12 June 2030).")


@pytest.mark.parametrize(("first", "second", "conflict"), [
    # an age told beside a happening of last month is the age now: 34 and 41 contradict
    ("Mara Quill, 34, was found guilty just last month of setting the Brenn warehouse fire.",
     "A jury found Mara Quill, 41, guilty of setting the Brenn warehouse fire.", True),
    # the same age both times, one beside last month's verdict: nothing to report
    ("Mara Quill, 34, was found guilty just last month of setting the Brenn warehouse fire.",
     "A jury found Mara Quill, 34, guilty of setting the Brenn warehouse fire.", False),
    # an age at a happening years ago is not the age now
    ("Mara Quill, 27, was first arrested in 2024 for a fire at the Brenn warehouse.",
     "A jury found Mara Quill, 34, guilty of setting the Brenn warehouse fire.", False),
])
def test_brief_claims_age_beside_a_recent_happening_is_the_age_now(brief_of, first, second,
                                                                   conflict):
    brief, _ = brief_of(("North Star", first, "2031-04-10"), ("South Wire", second, "2031-04-11"))
    ages = [c for c in _conflicts(brief) if c.slot.startswith("age:")]
    assert bool(ages) is conflict, [c.slot for c in brief.conflicting]


@pytest.mark.parametrize(("first", "second", "conflict"), [
    # the year dates the draft, not the seasons played: 11 and 14 seasons contradict
    ("Ferran Ruiz was drafted by the Harbor Kings in 1998 and played 11 seasons for them.",
     "Ferran Ruiz played 14 seasons for the Harbor Kings before he retired.", True),
    # the same year in the other clause of the sentence leaves it a career's count
    ("Ferran Ruiz, drafted in 1998, played 11 seasons for the Harbor Kings.",
     "Ferran Ruiz played 14 seasons for the Harbor Kings before he retired.", True),
    # told in other words, so only the key joins the two counts
    ("Ferran Ruiz was drafted by the Harbor Kings in 1998 and played 11 seasons for them.",
     "Now a coach in Velden, Ruiz played 14 seasons as a guard.", True),
])
def test_brief_claims_a_year_dates_only_its_own_clause(brief_of, first, second, conflict):
    brief, _ = brief_of(("North Star", first), ("South Wire", second))
    counts = [c for c in _conflicts(brief) if c.slot.startswith("count:")]
    assert bool(counts) is conflict, [(c.slot, c.statement) for c in brief.conflicting]


def test_brief_claims_a_recalled_happening_is_not_compared_with_the_event(analyze):
    """Each report of Sunday's quake recalls an older one. However alike the sentences, the
    older quake's dead are not a count of Sunday's."""
    brief = _quake_brief(
        analyze,
        "A strong quake shook Velden island on Sunday, officials said. In December 2027, an "
        "earthquake struck the port of Orsa, killing 2,400 people.",
        "An earthquake struck Velden island on Sunday, killing 10 people, officials said.")
    for c in _conflicts(brief):
        values = {v.value for v in c.variants}
        assert not ({"10"} & values and values - {"10"}), (c.slot, values)


def test_brief_claims_what_a_named_player_did_is_not_what_he_did(brief_of):
    """A count of what someone did compares only when both reports name the doer: 'he' may
    be the other team's passer."""
    first = "Dev Okoro completed his first 14 passes as the Harbor Kings beat Velden 27-20."
    second = ("The Harbor Kings beat Velden 27-20 on Sunday. Velden's passer was sharp early. "
              "He completed 26 passes for 312 yards and two scores in the loss.")
    brief, _ = brief_of(("North Star", first), ("South Wire", second))
    assert not [c for c in _conflicts(brief) if c.slot.startswith("count:")]


@pytest.mark.slow
def test_brief_claims_a_role_named_in_a_caption_is_no_fact(brief_of):
    # "Mayor Elena Vasquez" only in a photo caption: the caption is not the article, so the
    # role is no fact (issue 17: roles were still read from captions and related headlines)
    caption = ("Mayor Elena Vasquez visits the flooded square in Millbrook on Monday "
               "(Tomas Ek/Getty Images)")
    brief, recs = brief_of(
        ("North Star", "Flood water reached the Millbrook town square early on Monday.\n"
                       f"{caption}\n"
                       "About 300 volunteers filled sandbags through the night, Vasquez said.\n"),
        ("South Wire", "The river flooded the Millbrook square on Monday, and Mayor Elena "
                       "Vasquez asked for help.\n"),
    )
    north = next(a for a, r in recs.items() if r.article.source == "North Star")
    start = recs[north].article.text.index(caption)
    cited = [c for f in (*brief.agreed, *brief.unique) for c in f.citations
             if c.article == north and c.start < start + len(caption) and c.end > start]
    assert not cited


@pytest.mark.parametrize(("text", "month"), [
    ("January", "XXXX-01"), ("late January", "XXXX-01"), ("Sept.", "XXXX-09"),
    ("Friday", None), ("January 12", None), ("6 December", None), ("the end of the month", None)])
def test_brief_claims_a_bare_month_is_a_time_of_its_own(text, month):
    from crosswire.extract.claims import _bare_month

    assert _bare_month(text) == month


@pytest.mark.slow
def test_brief_claims_an_outlets_year_of_another_thing_does_not_hide_its_conflict(brief_of):
    """An outlet that dates two different awards still disagrees on the one the other outlet
    dates: a second year of another thing (the grant, told by its noun) is not a second
    value of this one. (Letting any value whose sentence the parse could not tie to this one
    count found 7 more conflicts on the untouched bench clusters, 5 of them false; only a
    doer or a thing named apart counts now.)"""
    brief, recs = brief_of(
        ("North Star", "Dr. Mara Quill received the Halvorsen Prize in 1991. Later, she "
                       "received a Lindqvist research grant in 2004."),
        ("South Wire", "Dr. Mara Quill received the Halvorsen Prize in 2001."))
    _one_conflict_citing(brief, recs, "year:", [("a0", "1991"), ("a1", "2001")])


@pytest.mark.slow
def test_brief_claims_a_day_month_without_a_year_is_the_happenings_day(brief_of):
    """"On 6 December" with no publication date is a day (the happening's), not a recalled
    month: the ages around it still compare with the other outlet's."""
    brief, recs = brief_of(
        ("North Star", "Arlo Penn, 22, died under a patrol car in Velk on 6 December.", None),
        ("South Wire", "The death of Arlo Penn, 15, under a patrol car in Velk set off "
                       "protests.", None))
    _one_conflict_citing(brief, recs, "age:", [("a0", "22"), ("a1", "15")])


@pytest.mark.slow
@pytest.mark.parametrize(("first", "second", "years"), [
    # "it was sold": no subject, but the same uncommon price says it is the same sale
    ("The Orrin family ran the Marl depot for decades until it was sold for $12.5 million in "
     "1984.",
     "The Orrin family sold the Marl depot to the city of Velk in 1994 for $12.5 million; it "
     "is now a museum.", ("1984", "1994")),
    # a place word says where a thing is, not which one: "one of their Texas ranches" may
    # be the Marl ranch
    ("The Orrin family sold one of their Texas ranches for a reported $12.5 million in "
     "1962.",
     "The Orrin company built up the vast Marl ranch, which the family sold for $12.5 million "
     "in 1972.", ("1962", "1972")),
    # a span of years: the alignment pairs each end with its own
    ("Port files show Tam Penn held the Velk harbor licence from 1980 to 1991.",
     "Port files show that Tam Penn held the Velk harbor licence from 1990 to 1991.",
     ("1980", "1990")),
])
def test_brief_claims_years_that_the_rest_of_the_sentence_ties(brief_of, first, second, years):
    brief, recs = brief_of(("North Star", first), ("South Wire", second))
    _one_conflict_citing(brief, recs, "year:", [("a0", years[0]), ("a1", years[1])])


# One fact, two values, in two outlets' sentences: exactly one conflict, citing both.
ONE_CONFLICT = {
    # two outlets time one shooting in sentences that are not copies of each other
    "the clock time of one happening told in two sentences": (
        "A worker opened fire at the Velk bakery on Thursday night. The shooting began at about "
        "11:40 p.m., according to the police.",
        "A worker opened fire at the Velk bakery on Thursday night. Police said the worker's "
        "shooting in the packing hall started just after 8:20 p.m.",
        "time:", ("11:40", "8:20"),
    ),
    # two copies of one sentence give two years for one hosting; that the first outlet gives
    # another year of another hosting elsewhere does not make its copy a second fact
    "a copy conflicts whatever else its outlet says of the key": (
        "Nora Vell hosted the Velk film awards in 1997 and the Orsa music awards in 2003. Nora "
        "Vell also hosted the Tarn stage awards in 2007.",
        "Nora Vell hosted the Velk film awards in 2007 and the Orsa music awards in 2003.",
        "year:", ("1997", "2007"),
    ),
    # one report dates the capsizing, the other the deaths it caused: a "when" clause tells
    # one happening with its main clause
    "the lead days of a happening and of the deaths it caused": (
        "At least four travellers were killed and nine were hurt when a ferry capsized off "
        "Orsa on Wednesday, the coast guard said.",
        "At least four travellers were killed Tuesday when a ferry overturned in rough seas "
        "off Orsa.",
        "date:", ("Wednesday", "Tuesday"),
    ),
    # one outlet's copy gives the staff no verb of its own ("..., most of them pensioners,
    # and 12 staff members"): the sentence's verb is still theirs
    "a count with no verb of its own in a copy": (
        "The ferry was towed into Orsa harbour on Tuesday. A tug carried the 41 guests, most "
        "of them pensioners, and 12 staff members back to Velk.",
        "The ferry was towed into Orsa harbour on Tuesday. A tug carried the 41 guests and "
        "14 staff members back to Velk.",
        "count:", ("12", "14"),
    ),
    # neither sentence names who received it ("she"), and they are not copies of one
    # sentence, but both give the year of one award called by its name
    "the year of a thing called by its name, told by a pronoun": (
        "Tova Rinn ran the Velk clinic for two decades. She received the Orsa Award for "
        "Rural Medicine in 1998.",
        "Tova Rinn ran the Velk clinic for two decades. Her awards include the Orsa Award, "
        "which she received in 2001.",
        "year:", ("1998", "2001"),
    ),
    # the first outlet's other year is of another award: a thing called by another name
    # (the Marl Award is not the Orsa Award) is no second value of the one both report
    "an award's year conflicts beside another award's year": (
        "Dr. Tova Rinn received the Orsa Award for Rural Medicine in 1991, and was elected to "
        "the Velk medical board in 1995. She received the Marl Award for Nursing in 2000.",
        "Tova Rinn was named to lead the Velk clinic. She received the Orsa Award for Rural "
        "Medicine in 2001, among other honors.",
        "year:", ("1991", "2001"),
    ),
}


@pytest.mark.slow
@pytest.mark.parametrize("case", sorted(ONE_CONFLICT))
def test_brief_claims_one_fact_two_values_is_one_conflict(brief_of, case):
    text_a, text_b, prefix, (value_a, value_b) = ONE_CONFLICT[case]
    brief, recs = brief_of(("North Star", text_a), ("South Wire", text_b))
    _one_conflict_citing(brief, recs, prefix, [("a0", value_a), ("a1", value_b)])


@pytest.mark.slow
def test_brief_claims_a_call_and_the_fire_under_control_are_two_times(brief_of):
    brief, _ = brief_of(
        ("North Star", "Firefighters were called to the Marl Street depot at 3:30 a.m. on "
                       "Tuesday."),
        ("South Wire", "The fire at the Marl Street depot was under control by 6:40 a.m. on "
                       "Tuesday, the chief said."))
    assert _conflicts(brief) == [], [(c.slot, c.statement) for c in brief.conflicting]


@pytest.mark.slow
@pytest.mark.parametrize(("second", "conflict"), [
    ("Under a deal announced after months of talks, the Orrin council sold the Marl depot to "
     "Velk Homes, a builder, for $6 million.", True),
    ("The council bought the Velk mill for $6 million, officials said.", False),
    ("The council will sell the Marl depot for $6 million next year, officials said.", False),
])
def test_brief_claims_the_sum_paid_for_one_thing(brief_of, second, conflict):
    brief, _ = brief_of(
        ("North Star", "The Orrin council sold the Marl depot for $4 million on Monday."),
        ("South Wire", second))
    amounts = [c for c in _conflicts(brief) if c.slot.startswith("amount:")]
    assert bool(amounts) is conflict, [(c.slot, c.statement) for c in brief.conflicting]


def _quake_brief(analyze, a: str, b: str):
    """Two reports of Sunday's quake on Velden island, published the Monday after."""
    recs = {}
    for aid, (outlet, text) in {"a": ("North Star", a), "b": ("South Wire", b)}.items():
        article, ex = analyze(text, published="2031-03-10", source=outlet, id=aid)
        recs[aid] = Analyzed(article, ex)
    event = Event("e1", "Velden earthquake", "2031-03-09", None, ("a", "b"))
    return compose_brief(Story("s1", "A story", ("a", "b"), (event,)), recs)


def test_brief_claims_a_count_dated_another_day_is_another_happening(analyze):
    """A count whose own verb is dated another day than the event's tells of another
    happening, even in an opening sentence: Friday's landslide is not Sunday's quake."""
    brief = _quake_brief(
        analyze,
        "A strong quake shook Velden island on Sunday, killing four people, officials said.",
        "An earthquake struck Velden island on Sunday and flattened two villages. On Friday, "
        "30 people were killed by a landslide in the hills north of Orsa.")
    assert [c.statement for c in _conflicts(brief)] == []


@pytest.mark.parametrize("b", [
    "Rescuers flew the injured from Velden to Orsa, a port city of 420,000 people that was "
    "also shaken by the quake on Sunday.",
    "The quake on Sunday also shook Orsa, a port town of 420,000 people.",
])
def test_brief_claims_the_size_of_a_place_is_no_count_of_the_happening(analyze, b):
    """"A city of 420,000 people" and "home to 85,000 people" give the size of two places,
    not how many a verb of the story befell."""
    brief = _quake_brief(
        analyze,
        "The quake on Sunday shook Velden, an island of about 85,000 people.",
        b)
    assert [c.statement for c in _conflicts(brief)] == []


def test_brief_claims_two_places_sizes_in_alike_sentences_are_not_aligned(analyze):
    """Sentences alike in their words ("the port city of Orsa", "people", "the quake") may
    still give the sizes of two places: the island's and the city's."""
    brief = _quake_brief(
        analyze,
        "Many families on Velden island, which lies across the strait from the port city of "
        "Orsa and is home to about 85,000 people, spent Sunday night in tents.",
        "The injured were flown from Velden to Orsa, a port city of 420,000 people that also "
        "felt the quake on Sunday.")
    assert [c.statement for c in _conflicts(brief)] == []


@pytest.mark.parametrize("a, b", [
    ("Dev Okoro has run for 210 yards and scored three touchdowns over his past two games, the "
     "Harbor Kings said on Friday.",
     "Since Week 9, Okoro has scored nine touchdowns and run for 520 yards, the Harbor Kings "
     "said on Friday."),
    ("During the final 12-0 run, Ilse Marek hit two free throws, grabbed 4 of her 12 "
     "rebounds and blocked three shots.",
     "Ilse Marek scored 14 points, grabbed 12 rebounds and blocked seven shots in the win."),
    # the parse may read "the match's deciding run" as a clause ("the match is deciding")
    ("During the match's deciding 11 - 3 run, Tomas Brenn converted two three - point plays, "
     "grabbed 4 of his 10 rebounds, and blocked two shots.",
     "Tomas Brenn scored all 13 of his points after the break, grabbed 10 rebounds and "
     "blocked six shots."),
])
def test_brief_claims_a_count_over_a_stretch_is_not_the_whole(brief_of, a, b):
    """A count told over a stretch of its own ("over his past two games", "since Week 9",
    "during the final run") is a part of what a count without that stretch totals."""
    brief, _ = brief_of(("North Star", a), ("South Wire", b))
    assert [c.statement for c in _conflicts(brief) if c.slot.startswith("count:")] == []


def test_brief_claims_a_count_over_the_same_stretch_still_conflicts(brief_of):
    brief, _ = brief_of(
        ("North Star", "Dev Okoro has scored three touchdowns over his past two games, the "
                       "Harbor Kings said on Friday."),
        ("South Wire", "Dev Okoro has scored five touchdowns over his past two games, the "
                       "Harbor Kings said on Friday."))
    assert [c.slot for c in _conflicts(brief) if c.slot.startswith("count:")]


@pytest.mark.parametrize("vague, exact, conflict", [
    ("Several shops were set on fire on Friday, the fire service said.",
     "Two shops were set on fire on Friday, the fire service said.", False),
    ("Dozens of people were hurt on Friday, the fire service said.",
     "Eight people were hurt on Friday, the fire service said.", True),
])
def test_brief_claims_a_vague_quantity_contradicts_only_a_count_far_outside_it(
        brief_of, vague, exact, conflict):
    """"Several" or "dozens" is the writer's estimate, not a count: two shops are not
    contradicted by "several shops", eight people are by "dozens of people"."""
    brief, _ = brief_of(("North Star", vague), ("South Wire", exact))
    found = [c.slot for c in _conflicts(brief) if c.slot.startswith("count:")]
    assert bool(found) is conflict, found


def test_brief_claims_narration_around_a_quoted_phrase_is_still_read(brief_of):
    """Only the words inside quote marks are the speaker's: an age in the narration of a
    sentence that quotes a phrase is the outlet's own claim."""
    brief, recs = brief_of(
        ("North Star", "President Dana Holt nominated Mira Castell, 53, as the nation's next "
                       "chief medical officer, the \"steady hand on questions of public "
                       "health\" in the nation."),
        ("South Wire", "Mira Castell, 49, was named chief medical officer by President Dana "
                       "Holt."))
    ages = [c for c in _conflicts(brief) if c.slot.startswith("age:")]
    assert ages and _both_sides_cited(ages[0], recs, [("a0", "53"), ("a1", "49")])


def test_brief_claims_a_count_over_a_stretch_says_so(analyze):
    """The reader sees the stretch a count is told over, in the report's words."""
    _, ex = analyze("During the final 12-0 run, Ilse Marek blocked three shots.",
                    published=PUB, source="North Star", id="a0")
    (claim,) = [c for c in ex.claims if c.key == "block/shot"]
    assert statement(claim).endswith("during the final 12-0 run"), statement(claim)


def test_brief_claims_a_share_of_a_sum_is_not_the_sum(brief_of):
    """"The nation's share of the bailout -- 18 billion euros" is a part of the 88 billion
    in loans another outlet reports: the currency word is the unit, the share the thing."""
    brief, _ = brief_of(
        ("North Star", "The chancellor urged lawmakers in Orsa to approve the nation's share of "
                       "the bailout -- 18 billion euros over four years."),
        ("South Wire", "Velden agreed to deep cuts in return for 88 billion euros in loans over "
                       "four years from its neighbours."))
    assert [c.statement for c in _conflicts(brief) if c.slot.startswith("amount:")] == []


def test_brief_claims_a_lower_bound_does_not_corroborate_a_higher_count(brief_of):
    """"At least five were killed" does not contradict "seven were killed", but it does not
    say seven either: the outlet is no source of the seven."""
    brief, _ = brief_of(
        ("North Star", "At least five passengers were killed when a tram overturned in Velden on "
                       "Wednesday, police said."),
        ("South Wire", "Seven passengers were killed when a tram overturned in Velden on "
                       "Wednesday, police said."),
        ("East Post", "Seven passengers were killed when a tram overturned in Velden on Wednesday, "
                      "officials said."))
    assert _conflicts(brief) == []
    (seven,) = [f for f in brief.agreed if f.slot.startswith("count:kill")]
    assert seven.sources == ("East Post", "South Wire"), seven


def test_brief_claims_an_unnamed_persons_age_compares_whatever_the_verb(brief_of):
    """"A 5-year-old girl climbed into the pen" and "a 6-year-old girl fell into it" give
    the one girl two ages; the verbs differ, the girl does not."""
    brief, recs = brief_of(
        ("North Star", "A 5-year-old girl climbed into the tiger pen at the Velden Zoo on "
                       "Saturday, and keepers shot the tiger to save her."),
        ("South Wire", "Keepers at the Velden Zoo shot a tiger on Saturday after a 6-year-old "
                       "girl fell into its pen."))
    ages = [c for c in _conflicts(brief) if c.slot.startswith("age:")]
    assert ages and _both_sides_cited(ages[0], recs, [("a0", "5-year-old"), ("a1", "6-year")])


@pytest.mark.slow
def test_brief_claims_an_outlets_day_said_by_another_does_not_hide_its_conflict(brief_of):
    """Two copies of one sentence give two days for when the port's spokeswoman spoke. That
    the first outlet also dates what a union leader said is no second value of hers."""
    brief, recs = brief_of(
        ("North Star", "Tova Rinn, a spokeswoman for the Velk port, said Friday that the cranes "
                       "would restart next month. Union leader Jo Brenn said Tuesday that no "
                       "deal had been reached."),
        ("South Wire", "Tova Rinn, a spokeswoman for the Velk port, said Tuesday that the cranes "
                       "would restart next month."))
    _one_conflict_citing(brief, recs, "date:", [("a0", "Friday"), ("a1", "Tuesday")])


@pytest.mark.parametrize(("text", "agent"), [
    ("The Norland ferry operator, Velmont, announced on Friday that it had restored services.",
     "agent:velmont"),  # the name beside the noun, not the word that sorts the noun
    ("Velmont announced on Friday that it had restored services.", "agent:velmont"),
    ("The ferry operator announced on Friday that it had restored services.", None),
    # a passive's doer is the one its "by" names, never the person it happened to
    ("Ana Ruiz was struck by Tom Bell on Friday.", "agent:bell tom"),
    ("Ana Ruiz was walking home at 9 p.m. when she was knocked down by a delivery van.", None),
    ("Mara Quill left the pier at dusk. She was knocked down by a delivery van on Friday.",
     None),
    # a make of car is a kind of thing, not a named doer: "a" says so
    ("Ana Ruiz was struck by a blue Honda Civic on Friday.", None),
])
def test_brief_claims_the_doer_is_named_by_its_appositive(analyze, text, agent):
    _, ex = analyze(text, published=PUB)
    (day,) = [c for c in ex.claims if c.attribute in ("date", "time")]
    assert next((q for q in day.qualifiers if q.startswith("agent:")), None) == agent


@pytest.mark.parametrize(("text", "keys"), [
    # a conjoined verb with a time of its own is its own happening
    ("The Velk ferry left Orsa harbour at 9:10 a.m. on Tuesday and returned at 6:45 p.m.",
     {"9:10 a.m.": "leave", "Tuesday": "leave", "6:45 p.m.": "return"}),
    ("Tam Rinn was arrested on Sunday and charged on Monday.",
     {"Sunday": "arrest", "Monday": "charge"}),
    # without one, the joined verbs tell one happening: the first names it
    ("Tam Rinn was shot and killed on Friday.", {"Friday": "shoot"}),

])
def test_brief_claims_joined_verbs_each_timed_are_two_happenings(analyze, text, keys):
    _, ex = analyze(text, published=PUB)
    assert {c.text: c.key for c in ex.claims if c.attribute in ("date", "time")} == keys


@pytest.mark.slow
def test_brief_claims_the_time_of_a_joined_verb_conflicts_with_its_own(brief_of):
    brief, recs = brief_of(
        ("North Star", "The Velk ferry left Orsa harbour at 9:10 a.m. on Tuesday and returned "
                       "at 6:45 p.m. after its engine failed."),
        ("South Wire", "The Velk ferry returned to Orsa harbour at 7:45 p.m. on Tuesday after "
                       "its engine failed, the port said."))
    _one_conflict_citing(brief, recs, "time:", [("a0", "6:45 p.m."), ("a1", "7:45 p.m.")])


@pytest.mark.slow
def test_brief_claims_a_time_beside_the_other_verbs_own_is_not_its_copy(brief_of):
    """The first outlet times the leaving and the return; the second gives the return's
    time in a sentence much like it. The leaving's time stands in the same place as the
    other's return time, but the first sentence gives the return a time of its own."""
    brief, _ = brief_of(
        ("North Star", "The ferry was turned back over a crew mix-up. The ferry left Orsa "
                       "Bay Ferry Terminal at 9:10 a.m. on Tuesday and returned at 6:45 p.m."),
        ("South Wire", "After setting out at 9:10 a.m. local time, the ferry returned to Orsa "
                       "Bay Ferry Terminal at 6:45 p.m. local time."))
    assert [c.statement for c in _conflicts(brief)] == []


@pytest.mark.slow
def test_brief_claims_a_day_on_the_first_of_joined_verbs_dates_them_all(brief_of):
    """"walked in on Thursday and shot and killed the head baker": the shooting is
    Thursday's, so a charge on Saturday for that shooting is another happening, not another
    day for it."""
    brief, _ = brief_of(
        ("North Star", "A former cook walked into a staff party at the Velk bakery on Thursday "
                       "and shot and killed the head baker, according to police."),
        ("South Wire", "A former cook walked into a staff party at the Velk bakery on Thursday "
                       "and allegedly shot and killed the head baker."),
        ("Velk Radio", "A 58-year-old man was formally charged with murder on Saturday over "
                       "the shooting at the Velk bakery party, police said."))
    assert [c.statement for c in _conflicts(brief) if c.slot.startswith("date:")] == []


@pytest.mark.parametrize(("text", "named"), [
    ("Tova Rinn received the Orsa Award for Rural Medicine in 1991.", "named:orsa"),
    ("Tova Rinn received the award in 1991.", None),
    # a place says where the field is, not which field
    ("The Rinn family sold a Texas ranch in 1991.", None),
    # a person is told apart by the person rules (canonical names), not by a title or a
    # first name: "Dr. Rinn" and "Tova Rinn" are one person
    ("Velk voters elected Dr. Rinn to the board in 1991.", None),
    ("Velk voters elected Tova Rinn to the board in 1991.", None),
])
def test_brief_claims_a_thing_is_told_apart_by_its_own_name(analyze, text, named):
    _, ex = analyze(text, published=PUB)
    (year,) = [c for c in ex.claims if c.attribute == "year"]
    assert next((q for q in year.qualifiers if q.startswith("named:")), None) == named


@pytest.mark.slow
@pytest.mark.parametrize(("first", "second", "conflict"), [
    # 29 beside a shooting three years back, 36 now: neither 29 then nor 29 now makes 36
    ("The gunman wounded Tova Rinn, 29, in the Velk market shooting in March 2027.",
     "Tova Rinn, 36, told jurors she was wounded in the Velk market shooting.", True),
    # 29 then and 32 now: one woman three years older
    ("The gunman wounded Tova Rinn, 29, in the Velk market shooting in March 2027.",
     "Tova Rinn, 32, told jurors she was wounded in the Velk market shooting.", False),
    # 29 then, or 29 now: both readings of the first leave the second true
    ("The gunman wounded Tova Rinn, 29, in the Velk market shooting in March 2027.",
     "Tova Rinn, 29, told jurors she was wounded in the Velk market shooting.", False),
])
def test_brief_claims_a_named_persons_age_then_and_now(brief_of, first, second, conflict):
    """An age told beside a happening years ago may be the age then or now. The same
    person's two ages contradict only when neither reading lets both hold."""
    brief, _ = brief_of(("North Star", first, "2030-06-15"), ("South Wire", second, "2030-06-16"))
    ages = [c for c in _conflicts(brief) if c.slot.startswith("age:")]
    assert bool(ages) is conflict, [(c.slot, c.statement) for c in brief.conflicting]


@pytest.mark.slow
@pytest.mark.parametrize(("first", "second", "conflict"), [
    # 58 beside 2022 and 51 at the nomination: then or now, she cannot have grown younger
    ("Dr. Nila Sorrel, 58, became the first woman to lead the Velk medical board in 2022.",
     "President Ana Marl nominated Nila Sorrel, 51, as the nation's next surgeon general.", True),
    # 51 beside 2022 and 58 at the nomination: seven years on, or one of them wrong
    ("Dr. Nila Sorrel, 51, became the first woman to lead the Velk medical board in 2022.",
     "President Ana Marl nominated Nila Sorrel, 58, as the nation's next surgeon general.",
     False),
])
def test_brief_claims_a_named_persons_age_then_and_now_undated(brief_of, first, second,
                                                                conflict):
    """Without publication dates the years between an earlier happening and the reports are
    unknown, but they only run forward: an age beside the earlier happening that is higher
    than the age now contradicts it under either reading."""
    brief, _ = brief_of(("North Star", first, None), ("South Wire", second, None))
    ages = [c for c in _conflicts(brief) if c.slot.startswith("age:")]
    assert bool(ages) is conflict, [(c.slot, c.statement) for c in brief.conflicting]


@pytest.mark.slow
def test_brief_claims_an_outlet_giving_one_person_two_ages_is_in_the_conflict(brief_of):
    """A name is one person: an outlet that gives him two ages of one time contradicts
    itself and the other outlet, and is not taken to speak of two people."""
    brief, recs = brief_of(
        ("North Star", "Tobin Marsh, 27, was charged with the Elm Street shooting. At a hearing "
                       "in Orrin, Marsh, 20, was held without bail."),
        ("South Wire", "Tobin Marsh, 20, was charged with the Elm Street shooting."))
    _one_conflict_citing(brief, recs, "age:", [("a0", "27"), ("a1", "20")])


@pytest.mark.slow
@pytest.mark.parametrize(("first", "second", "conflict"), [
    # one unnamed hiker told of in two sentences: 32 and 36 contradict
    ("A 32-year-old hiker died after a fall on Mount Orr on Saturday, rescuers said.",
     "Police said the 36-year-old hiker had fallen 200 metres from a ridge on Mount Orr.", True),
    # a Danish and a Dutch hiker are two people, whatever the noun
    ("A 32-year-old Danish hiker died after a fall on Mount Orr on Saturday, rescuers said.",
     "Police said the 36-year-old Dutch hiker had fallen 200 metres from a ridge on Mount Orr.",
     False),
])
def test_brief_claims_an_unnamed_persons_age_across_sentences(brief_of, first, second, conflict):
    brief, _ = brief_of(("North Star", first), ("South Wire", second))
    ages = [c for c in _conflicts(brief) if c.slot.startswith("age:")]
    assert bool(ages) is conflict, [(c.slot, c.statement) for c in brief.conflicting]


@pytest.mark.slow
def test_brief_claims_each_value_of_a_sentence_aligns_with_one_place(brief_of):
    """A sentence giving a birth year and a founding year aligns each with its own place in
    another outlet's copy. When a third outlet tells both years in two sentences, its
    founding year must not be taken for the place of the birth year too, which left the
    copies' two years without a place of their own and hid the changed one."""
    copy = ("Born in Velk in {}, one of six children of a ferryman, Orla Brenn joined the "
            "Harbor Guild, founded in 1911 by a group of dock workers.")
    brief, recs = brief_of(
        ("North Star", copy.format(1941)),
        ("South Wire", copy.format(1944)),
        ("Coast Post", "Orla Brenn was born in Velk in 1941, the daughter of a ferryman. She "
                       "joined the Harbor Guild, which was founded in 1911 by dock workers."))
    _one_conflict_citing(brief, recs, "year:", [("a0", "1941"), ("a1", "1944")])


ONE_FACT_TWO_VERBS = {
    # read on a real cluster: "two brothers" was listed twice as single-source, once per
    # outlet, because one outlet's verb was "booked" and the other's "involved"
    "a group two outlets count with two verbs": (
        "Two brothers who booked seats on separate ferries from Orrin to Velk caused the "
        "mix-up, the line said.",
        "The mix-up at the Orrin terminal involved two brothers, a port official said.",
        True,
    ),
    # read on a real cluster: one take-off time, "departed" in one outlet and "took off" in
    # another, was listed twice as single-source
    "an exact clock time told with two verbs": (
        "The Velk Air flight departed Orrin at 9:14 a.m. on Tuesday, the airline said.",
        "Velk Air's flight took off from Orrin at 9:14 a.m. Tuesday, a port official said.",
        True,
    ),
    # read on a real cluster: one outlet's exact clock time of a derailment and another's
    # same time said as "about" it were one agreed line and one single-source line
    "an exact clock time and the same time said as about it": (
        "A tram overturned in Orrin on Wednesday. The accident happened at 7.25am near the "
        "Velk stop, police said.",
        "A tram left the rails in Orrin in a derailment that occurred at about 7.25am, "
        "officials said.",
        True,
    ),
    # ... but "about 7 a.m." is a round hour
    "a round hour said as about it": (
        "A tram overturned in Orrin on Wednesday. The accident happened at 7am near the Velk "
        "stop, police said.",
        "A tram left the rails in Orrin in a derailment that occurred at about 7am, "
        "officials said.",
        False,
    ),
    # a round hour is common: the vigil and the march may both start at 7 p.m.
    "a round hour told with two verbs": (
        "Mourners gathered for a vigil outside the Orrin chapel at 7 p.m. on Tuesday.",
        "Marchers set off from the Orrin docks at 7 p.m. on Tuesday, a port official said.",
        False,
    ),
    # four congregants on one plane are not four relatives killed
    "two groups of one size": (
        "Four congregants of the Orrin chapel were aboard the ferry, the line said.",
        "Four relatives of the captain were killed when the ferry sank, a port official said.",
        False,
    ),
    # read on a real cluster: how many were aboard, "had" in one outlet and "there were" in
    # another, was no agreed fact at all (both light verbs: the count of the group itself)
    "a head count told with two light verbs": (
        "The Velk Star, which had 212 people on board, struck a pier at Orrin on Sunday "
        "evening.",
        "There were 212 people aboard the ferry when it hit a pier at Orrin late Sunday.",
        True,
    ),
    # ... but a few people are a common count: three aboard and three on the pier
    "a small head count told with two light verbs": (
        "The Velk Star, which had 3 people on board, struck a pier at Orrin on Sunday "
        "evening.",
        "There were 3 people on the pier when the ferry hit it late Sunday.",
        False,
    ),
}


# The day of the happening each outlet leads with, told with two verbs ("hit a pier on
# Sunday" / "the accident happened late Sunday"): one fact, not two single-source lines.
LEAD_DAYS = {
    "one happening's day in two leads": (
        "The Velk Star struck a pier at Orrin on Sunday evening. Nine people were hurt.",
        "The accident happened late Sunday at the Orrin pier, the port said. Nine were hurt.",
        True,
    ),
    # the search is its own happening, however near in the story
    "a lead's day and a later sentence's": (
        "The Velk Star struck a pier at Orrin on Sunday evening. Nine people were hurt.",
        "Nine people were hurt at the Orrin pier this week, the port said. Divers searched "
        "the harbor on Sunday.",
        False,
    ),
}


@pytest.mark.slow
def test_brief_claims_a_third_outlets_lead_day_joins_the_agreed_one(brief_of):
    # two outlets lead with one verb and agree; a third tells the day with another: one line
    brief, _ = brief_of(
        ("North Star", "The Velk Star struck a pier at Orrin on Sunday evening."),
        ("South Wire", "The ferry Velk Star struck the Orrin pier on Sunday, the port said."),
        ("East Post", "The accident happened late Sunday at the Orrin pier, officials said."))
    days = [f for f in brief.agreed if f.slot.startswith("date:")]
    assert len(days) == 1 and len(days[0].sources) == 3, days
    assert not [f for f in brief.unique if f.slot.startswith("date:")], brief.unique


@pytest.mark.slow
@pytest.mark.parametrize("case", sorted(LEAD_DAYS))
def test_brief_claims_one_lead_day_two_verbs_is_agreed(brief_of, case):
    text_a, text_b, agreed = LEAD_DAYS[case]
    brief, _ = brief_of(("North Star", text_a), ("South Wire", text_b))
    both = [f for f in brief.agreed if f.slot.startswith("date:") and len(f.sources) == 2]
    lone = [f for f in brief.unique if f.slot.startswith("date:")]
    assert bool(both) is agreed, (brief.agreed, brief.unique)
    if agreed:
        assert not lone, lone


@pytest.mark.slow
@pytest.mark.parametrize("case", sorted(ONE_FACT_TWO_VERBS))
def test_brief_claims_one_count_two_verbs_is_agreed(brief_of, case):
    text_a, text_b, agreed = ONE_FACT_TWO_VERBS[case]
    brief, _ = brief_of(("North Star", text_a), ("South Wire", text_b))
    kinds = ("count:", "time:")
    both = [f for f in brief.agreed if f.slot.startswith(kinds) and len(f.sources) == 2]
    lone = [f for f in brief.unique if f.slot.startswith(kinds)]
    assert bool(both) is agreed, (brief.agreed, brief.unique)
    if agreed:
        assert not lone, lone


# One fact told in other words by two outlets: other verbs, so other keys, but the two
# sentences share most of what they speak of and give one value each of the kind.
PARAPHRASED = {
    "a career year told with two verbs": (
        "Ravel Osei had his best season for the Orrin Gulls in 1996, with 48 catches and "
        "nine touchdowns.",
        "Ravel Osei enjoyed the finest of his seasons for the Orrin Gulls in 2006, with 48 "
        "catches and nine touchdowns.",
        ("1996", "2006"),
    ),
    "a career year with its figures alike": (  # the verbs differ; the two figures agree
        "Tomas Brenn had his finest season in 1998 with 64 receptions for 1,137 yards and "
        "seven touchdowns for his club, the Velk Harriers.",
        "Tomas Brenn enjoyed the finest of his five pro seasons in 2008, making 64 catches for "
        "1,137 yards and seven touchdowns.",
        ("1998", "2008"),
    ),
    "a count of miners rescued and freed": (
        "Rescue teams freed nine miners trapped in the collapsed Tarn shaft near Velk on "
        "Tuesday, the mine's owner said.",
        "Four miners trapped in the collapsed Tarn shaft near Velk were rescued by teams on "
        "Tuesday, according to the mine's owner.",
        ("nine", "Four"),
    ),
    "the sum of a stolen haul": (
        "Thieves posing as cleaners took jewels worth $8 million from the Marl Street "
        "showroom of Orrin Gems, police said.",
        "Police said thieves dressed as cleaners got away with $3 million in jewels from the "
        "Orrin Gems showroom on Marl Street.",
        ("$8 million", "$3 million"),
    ),
}


# (the stolen haul: each sentence has verbs the other lacks, "took" / "got away with", and
# no synonyms say they are one; the named parties both give, the thief's mark and the
# showroom, do: ``one_sum_between_parties``)
@pytest.mark.slow
@pytest.mark.parametrize("case", sorted(PARAPHRASED))
def test_brief_claims_one_fact_in_other_words_is_compared(brief_of, case):
    text_a, text_b, (value_a, value_b) = PARAPHRASED[case]
    brief, recs = brief_of(("North Star", text_a), ("South Wire", text_b))
    found = _conflicts(brief)
    assert len(found) == 1, [(c.slot, c.statement) for c in brief.conflicting]
    assert _both_sides_cited(found[0], recs, [("a0", value_a), ("a1", value_b)])


# Sentences that share much of what they speak of and still state two facts.
TWO_FACTS_ALIKE = {
    "two seasons with one figure alike": (
        "Tomas Brenn had his finest season in 1998, making 64 catches for 1,137 yards.",
        "Tomas Brenn enjoyed his second-best season in 2001, making 64 catches for 870 yards.",
    ),
    "charged and suspended officers": (
        "Six officers were charged on Tuesday over the shooting of a teenager on Elm Street.",
        "Two officers involved in the shooting of a teenager on Elm Street were suspended on "
        "Tuesday.",
    ),
    "killed and hurt in one crash": (
        "Two people were killed when a bus and a truck collided on Route 4 near Velk.",
        "Nine people were hurt when a bus and a truck collided on Route 4 near Velk.",
    ),
    "the arrest day and the shooting day": (
        "Police arrested the gunman on Sunday, two days after the shooting at the Velk mall.",
        "The gunman opened fire at the Velk mall on Friday, police said.",
    ),
    # two players' points in one sentence, one of them told by a light verb ("had")
    "two players' points, one told by a light verb": (
        "Will Rinn scored 17 points as a reserve and Tam Okoro had 9 points, 13 rebounds "
        "and five blocked shots for Velk.",
        "Tam Okoro scored all 9 of his points in the fourth quarter for Velk.",
    ),
    # two clubs' offers, each a deal's worth: who offered it tells them apart
    "two clubs' offers of a deal": (
        "The Velk Rovers have reportedly offered Tam Rinn a six-year deal worth between $96 "
        "million and $104 million.",
        "Reports said Orsa United, the club of owner Ada Moss, offered Tam Rinn, 27, a "
        "seven-year deal worth $133 million, or $19 million a season.",
    ),
    # no doer named, but the deals are told apart by their length
    "a six-year deal and a seven-year deal": (
        "Reports said Tam Rinn was offered a six-year deal worth $96 million.",
        "Reports said Tam Rinn was offered a seven-year deal worth $133 million.",
    ),
    # the happening it follows, told as a verb ("after ... opening fire"), not a noun
    "the charge day after a shooting told as a verb": (
        "A 44-year-old man was formally charged with murder on Saturday after allegedly "
        "opening fire during a staff party at the Velk bakery, killing a co-worker, police said.",
        "A former cook walked into a staff party at the Velk bakery on Friday and shot and "
        "killed the head baker, police said.",
    ),
}


@pytest.mark.slow
@pytest.mark.parametrize("case", sorted(TWO_FACTS_ALIKE))
def test_brief_claims_two_facts_told_alike_are_not_compared(brief_of, case):
    text_a, text_b = TWO_FACTS_ALIKE[case]
    brief, _ = brief_of(("North Star", text_a), ("South Wire", text_b))
    assert _conflicts(brief) == [], [(c.slot, c.statement) for c in brief.conflicting]


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "A jury found Dario Penn guilty in 1991 of fraud at the Orrin harbor office.",
    "The Velk mill has stood on the river since 1884 as a landmark of the valley.",
])
def test_brief_claims_a_year_is_no_count(analyze, text):
    """"in 1991 of fraud": a year before an "of" phrase, not 1,991 frauds."""
    _, ex = analyze(text, published=PUB)
    assert [c for c in ex.claims if c.attribute == "count"] == [], ex.claims


@pytest.mark.parametrize(("text", "counts"), [
    # "of" a number, one person has that many; a body or a place is made of them
    ("Mara Quill, a mother of 12, was shot on Friday.", ["12"]),
    ("The ferry, with a crew of 20, sank on Friday.", []),
    ("The ferry sank off Orsa, a town of 38,000, on Friday.", []),
    ("The ferry sank in 2029 off Orsa.", []),
])
def test_brief_claims_the_members_of_a_person_or_group(analyze, text, counts):
    _, ex = analyze(text, published=PUB)
    assert [c.text for c in ex.claims if c.attribute == "count"] == counts, ex.claims


@pytest.mark.parametrize(("text", "counts"), [
    # a number the text also sets before one thing names it: "a 112 operator" is no count
    ("Neighbours made several 112 calls. A 112 operator said the first came at 9 p.m.",
     ["several"]),
    ("Crews answered 112 calls from Orsa on Friday, and the 112 supervisor praised them.", []),
    # alone before a plural noun, it counts
    ("Crews answered 112 calls from Orsa on Friday.", ["112"]),
])
def test_brief_claims_a_number_that_names_a_thing_is_no_count(analyze, text, counts):
    _, ex = analyze(text, published=PUB)
    assert [c.text for c in ex.claims if c.attribute == "count"] == counts, ex.claims


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "After taking off at 10:52 a.m. PST, the jet returned to Orrin International Airport at "
    "5:17 p.m. PST.",
    "After leaving at 10:52 a.m. PST, the ferry returned to Velk harbor at 5:17 p.m. PST.",
])
def test_brief_claims_a_time_in_an_after_clause_is_not_the_main_verbs(analyze, text):
    """"After taking off at 10:52": the take-off's time, not the return's, even where the
    parse hangs the time zone on "After"."""
    _, ex = analyze(text, published=PUB)
    returned = {c.value for c in ex.claims if c.attribute == "time" and c.key == "return"}
    assert returned == {"17:17"}, ex.claims


def _two_event_brief(analyze, a: str, b: str):
    """Two reports of one story that the linker put in two events (they date it apart)."""
    recs = {}
    for aid, (outlet, text, pub) in {"a": ("North Star", a, "2031-03-10"),
                                     "b": ("South Wire", b, "2031-03-11")}.items():
        article, ex = analyze(text, published=pub, source=outlet, id=aid)
        recs[aid] = Analyzed(article, ex)
    events = (Event("e1", "Ferry mix-up", "2031-03-09", None, ("a",)),
              Event("e2", "Ferry mix-up, the day after", "2031-03-10", None, ("b",)))
    return compose_brief(Story("s1", "A story", ("a", "b"), events), recs)


@pytest.mark.slow
@pytest.mark.parametrize(("b", "agreed"), [
    # one named group, counted with two verbs by two outlets whose reports sit in two events
    ("The mix-up at the Orrin terminal involved two brothers, a port official said.", True),
    # the same noun in a sentence dated to another year tells of another group
    ("In 2019, two brothers from Velk won the ferry line's lottery, a port official said.",
     False),
])
def test_brief_claims_one_group_counted_in_two_events(analyze, b, agreed):
    brief = _two_event_brief(
        analyze,
        "Two brothers who booked seats on separate ferries from Orrin to Velk caused the "
        "mix-up, the line said.", b)
    both = [f for f in brief.agreed if f.slot.startswith("count:") and len(f.sources) == 2]
    assert bool(both) is agreed, (brief.agreed, brief.unique)


@pytest.mark.slow
@pytest.mark.parametrize(("b", "agreed"), [
    # one sum, two verbs, two outlets
    ("The change saved the Orrin bank a total of $140 million in taxes last year, its filing "
     "showed.", True),
    # the same sum of another thing
    ("The Orrin bank also paid $140 million for a stake in Velk Media last year.", False),
])
def test_brief_claims_one_sum_two_verbs_is_agreed(brief_of, b, agreed):
    brief, _ = brief_of(
        ("North Star", "The new law cut the Orrin bank's tax bill by $140 million last year, "
                       "the bank said."),
        ("South Wire", b))
    both = [f for f in brief.agreed if f.slot.startswith("amount:") and len(f.sources) == 2]
    assert bool(both) is agreed, (brief.agreed, brief.unique)


@pytest.mark.slow
def test_brief_claims_an_agreed_count_shows_each_outlets_figure(brief_of):
    """Read on a real cluster: an exact toll was listed as agreed by two outlets, one of which
    gave only a lower bound. The figures fit, but a reader is told both, with who gave
    which."""
    brief, _ = brief_of(
        ("North Star", "At least 40 people were killed in the crush at the Orrin stadium on "
                       "Sunday, officials said."),
        ("South Wire", "Police said 43 people were killed in the crush at the Orrin stadium "
                       "on Sunday."))
    counts = [f for f in brief.agreed if f.slot.startswith("count:")]
    assert len(counts) == 1, brief.agreed
    said = counts[0].statement
    assert "43" in said and "at least 40" in said and "North Star" in said, said


@pytest.mark.slow
def test_brief_claims_name_spellings_are_compared_once_per_pair_of_names(brief_of, monkeypatch):
    """issue 18: a 1,291-article story spent 20 of its 27 s comparing every name of every
    two articles (556,836 comparisons); names are compared once per pair of names."""
    import crosswire.brief.claims as claims

    calls = []
    real = claims._spelled_apart
    monkeypatch.setattr(claims, "_spelled_apart",
                        lambda a, b, **kw: (calls.append((a, b)), real(a, b, **kw))[1])
    line = ("The victim, {}, was a nurse at Linden General Hospital, her family said. "
            "Tomas Brenner and Idris Calloway of the county board visited the ward on Monday.")
    reports = [(f"Outlet {k}", line.format("Katelyn Morrow")) for k in range(24)]
    reports.append(("South Wire", line.format("Kaitlyn Morrow")))
    brief, _ = brief_of(*reports)
    (name,) = [c for c in _conflicts(brief) if c.slot.startswith("name:")]
    assert {v.value for v in name.variants} == {"Katelyn Morrow", "Kaitlyn Morrow"}
    assert len(calls) <= 12  # four names, grouped by their first and last words


@pytest.mark.slow
def test_brief_claims_an_outlet_that_states_a_fact_in_its_own_words_does_not_leave_it_out(
        brief_of):
    """Two outlets agree the ferry left at 9:10 a.m. The third gives the same time in a
    clause no parse keys as the leaving; it states the fact, so its framing must not say
    it leaves it out. The fourth never gives the time."""
    brief, _ = brief_of(
        ("North Star", "The Velk ferry left Orsa harbour at 9:10 a.m. on Tuesday. It turned "
                       "back after its engine failed."),
        ("South Wire", "The Velk ferry left Orsa harbour at 9:10 a.m. on Tuesday. It turned "
                       "back when an engine failed."),
        ("Velk Radio", "After setting out at 9:10 a.m. on Tuesday, the Velk ferry turned back "
                       "when an engine failed."),
        ("Orsa Times", "The Velk ferry turned back on Tuesday when an engine failed."))
    agreed, omits = _agreed_and_left_out(brief, "time:")
    assert not agreed & omits["a2"], omits["a2"]
    assert agreed <= omits["a3"], omits["a3"]


_SORRY = "Marl Air is sorry for the delay and for the trouble it has caused everyone on board"


@pytest.mark.slow
@pytest.mark.parametrize("third", [
    # the same words, credited to "the airline"
    f"A jet turned back to Orsa on Tuesday. \u201c{_SORRY},\u201d the airline said.",
    # read on a real cluster: the words printed word for word in a quote running over
    # several paragraphs that the extraction did not read whole
    "A Marl Air jet turned back to Orsa on Tuesday, the carrier wrote to its customers.\n\"We "
    "will look into what went wrong.\n\"The crew did well, \"the statement added.\n\"We take "
    f"the safety of everyone on board very seriously.\n{_SORRY}. \"\nThe airline did not "
    "return a call.",
])
def test_brief_claims_an_outlet_that_carries_the_words_does_not_leave_out_who_said_them(
        brief_of, third):
    """Two outlets quote the spokesman Ari Dunn; a third carries the same words, whoever it
    credits them to and whether or not a quote was read there; a fourth never gives them.
    Only the fourth leaves out what he said."""
    brief, _ = brief_of(
        ("North Star", f"The Marl Air jet returned to Orsa on Tuesday. \u201c{_SORRY},\u201d "
                       "Marl Air spokesman Ari Dunn said."),
        ("South Wire", f"A Marl Air jet turned back to Orsa on Tuesday. \u201c{_SORRY},\u201d "
                       "said Ari Dunn, a spokesman for the carrier."),
        ("Velk Radio", third),
        ("Orsa Times", "A Marl Air jet turned back to Orsa on Tuesday after a ticket "
                       "mix-up."))
    said, omits = _agreed_and_left_out(brief, "speaker:")
    assert not said & omits["a2"], omits["a2"]
    assert said <= omits["a3"], omits["a3"]


@pytest.mark.slow
def test_brief_claims_a_quotes_later_sentence_printed_elsewhere_is_not_left_out(brief_of):
    """Read on a real cluster: the quote a line of the brief cites from its later sentence
    (its first ran on from the paragraph before) was said to be left out by an outlet that
    prints that sentence word for word."""
    first = "We will look into what went wrong and tell everyone what we find."
    later = ("Marl Air is sorry for the delay and for the trouble it has caused everyone on "
             "board.")
    brief, _ = brief_of(
        ("North Star", f"The Marl Air jet returned to Orsa on Tuesday, spokesman Ari Dunn "
                       f"said.\n\u201c{first}\n{later}\u201d\nThe jet flew on later."),
        ("South Wire", f"A Marl Air jet turned back to Orsa on Tuesday, spokesman Ari Dunn "
                       f"said.\n\u201c{first}\n{later}\u201d\nNo one was hurt."),
        ("Velk Radio", f"A Marl Air jet turned back to Orsa on Tuesday. {later} Ari Dunn "
                       "went on, in a statement the airline posted."),
        ("Orsa Times", "A Marl Air jet turned back to Orsa on Tuesday after a ticket "
                       "mix-up."))
    said, omits = _agreed_and_left_out(brief, "speaker:")
    sorry = {line for line in said if "sorry" in line}
    assert sorry and not sorry & omits["a2"], (said, omits["a2"])
    assert sorry <= omits["a3"], omits["a3"]


@pytest.mark.slow
def test_brief_claims_a_sentence_of_a_longer_quote_printed_elsewhere_gives_it(analyze):
    """Read on a real cluster: an outlet printing one sentence of a spokesman's longer
    quote, where the extraction read no quote, was said to leave his words out. (The
    outlet's quotes are dropped here to stand for the layout the extraction misread.)"""
    import dataclasses

    first = "Marl Air is sorry for the delay and for the trouble it has caused everyone."
    second = "Every passenger on the flight will get a full refund within a week"
    reports = [
        ("North Star", f"The Marl Air jet returned to Orsa on Tuesday. \u201c{first} {second},"
                       "\u201d Marl Air spokesman Ari Dunn said."),
        ("South Wire", f"A Marl Air jet turned back to Orsa on Tuesday. \u201c{first} "
                       f"{second},\u201d said Ari Dunn, a spokesman for the carrier."),
        ("Velk Radio", f"A Marl Air jet turned back to Orsa on Tuesday. {first} The airline "
                       "did not return a call."),
        ("Orsa Times", "A Marl Air jet turned back to Orsa on Tuesday after a ticket "
                       "mix-up."),
    ]
    recs = {}
    for i, (outlet, text) in enumerate(reports):
        article, ex = analyze(text, published=PUB, source=outlet, id=f"a{i}")
        if i == 2:
            ex = dataclasses.replace(ex, quotes=())
        recs[article.id] = Analyzed(article, ex)
    ids = tuple(recs)
    brief = compose_brief(Story("s1", "A story", ids, (Event("e1", "What happened", None,
                                                              None, ids),)), recs)
    said, omits = _agreed_and_left_out(brief, "speaker:")
    assert not said & omits["a2"], (said, omits["a2"])
    assert said <= omits["a3"], omits["a3"]


_WORDS = "\u201cI almost fell clean out of my chair,\u201d"


@pytest.mark.slow
@pytest.mark.parametrize(("kind", "reports"), [
    # two outlets quote Ada Lind whole; the third reports her words in its own sentence with
    # their core in marks: it does not leave out what she said (read on a real cluster)
    ("speaker:", (
        ("North Star", f"{_WORDS} Ada Lind told the Orsa Ledger after she saw her power bill."),
        ("South Wire", f"{_WORDS} said Ada Lind, who got a power bill for $312 billion."),
        ("Velk Radio", "The Orsa Ledger reports that Ada Lind said she \u201calmost fell "
                       "clean out\u201d of her chair when she opened the bill."))),
    # two outlets call Ada Lind the mayor, the third names her without the title: a title is
    # how outlets name someone, no fact one of them leaves out (read on a real cluster: a
    # head of state's title was listed as left out)
    ("role:", (
        ("North Star", "Mayor Ada Lind closed the Orsa bridge on Tuesday after a crack was "
                       "found in its deck."),
        ("South Wire", "Mayor Ada Lind ordered the Orsa bridge closed on Tuesday when a crack "
                       "was found."),
        ("Velk Radio", "Ada Lind closed the Orsa bridge on Tuesday after engineers found a "
                       "crack."))),
    # read on a real cluster: the third outlet gives the clock time only in the words of a
    # witness it quotes ("at approximately 5:52 local time"): a time it writes is given
    ("time:", (
        ("North Star", "A fireball lit up the sky over Orsa on Tuesday. A webcam on Orsa "
                       "Hill captured it at 5:52 p.m."),
        ("South Wire", "A fireball lit up the sky over Orsa on Tuesday. The Orsa Hill webcam "
                       "captured it at 5:52 p.m., the observatory said."),
        ("Velk Radio", "A fireball lit up the sky over Orsa on Tuesday. \u201cWe had 230 reports "
                       "of a fireball at approximately 5:52 local time,\u201d said Ada Lind of "
                       "the Orsa Sky Society."))),
], ids=["part of the words in marks", "a title", "a time in a quote"])
def test_brief_claims_the_third_outlet_leaves_nothing_out(brief_of, kind, reports):
    brief, _ = brief_of(*reports)
    agreed, omits = _agreed_and_left_out(brief, kind)
    assert not agreed & omits["a2"], omits["a2"]


@pytest.mark.slow
def test_brief_claims_a_value_two_outlets_give_is_not_single_source(brief_of):
    """Two outlets give the 148 passengers in sentences about different things (the ferry
    carrying them, their being safe). Neither is a fact only one outlet reports."""
    brief, _ = brief_of(
        ("North Star", "The Velk ferry, carrying 148 passengers, turned back on Tuesday."),
        ("South Wire", "All 148 passengers on the Velk ferry were safe, the operator said on "
                       "Tuesday."))
    assert [f.statement for f in brief.unique if f.slot.startswith("count:")] == []


@pytest.mark.slow
def test_brief_claims_a_figure_two_outlets_give_in_other_words_is_agreed(brief_of):
    """One outlet says the webcam caught the fireball at 6:17 p.m.; the other that "it
    happened at 6:17 p.m.". The time is no fact of one outlet, and it does not vanish
    either: it is agreed by both, with both cited."""
    brief, _ = brief_of(
        ("North Star", "A fireball streaked over Orsa on Tuesday evening. A webcam on Mount "
                       "Velk captured the fireball at 6:17 p.m."),
        ("South Wire", "A bright fireball was seen over Orsa on Tuesday. The flash was caught "
                       "by a webcam on Mount Velk. It happened at 6:17 p.m."))
    agreed = [f for f in brief.agreed if f.slot.startswith("time:")]
    assert [len(f.sources) for f in agreed] == [2], [(f.slot, f.statement) for f in agreed]
    assert {c.article for c in agreed[0].citations} == {"a0", "a1"}
    assert not [f for f in brief.unique if f.slot.startswith("time:")]


@pytest.mark.slow
@pytest.mark.parametrize(("a", "b", "lone"), [
    # two people of one age are two facts, each one outlet's (read on a real cluster:
    # three fans aged 36 were listed as one agreed age, or not at all)
    ("Ada Lind, 36, watched the parade from Velk Square on Friday.",
     "Tam Rinn, 36, said he had waited all night for the parade.", "Ada Lind is 36"),
    # "since 2019" is no "in 2019", whatever words the sentences share
    ("The march was led by Orsa Clean Air, a residents' group founded in 2019 to track "
     "odors from the plant.",
     "Ada Lind said she has called the city about odors from the plant 20 times since 2019.",
     "2019"),
    # the day a statement was made is no day of what it is about ("said early Wednesday")
    ("Fire Chief Tam Rinn said the fire at the Orsa plant was out by Wednesday.",
     "A fire at the Orsa plant killed two workers, officials said early Wednesday.",
     "Wednesday"),
])
def test_brief_claims_a_value_two_outlets_give_of_two_things_stays_apart(brief_of, a, b, lone):
    """The same uncommon value in two outlets tells one fact only when it is of one thing;
    otherwise each stays a fact of its own outlet (not agreed, and not dropped)."""
    brief, _ = brief_of(("North Star", a), ("South Wire", b))
    assert not [f.statement for f in brief.agreed if lone in f.statement], brief.agreed
    assert [f.statement for f in brief.unique if lone in f.statement], brief.unique


@pytest.mark.slow
def test_brief_claims_a_figure_without_an_upper_bound_agrees_with_the_figure(brief_of):
    """Read on a real cluster: a sum told as "more than" a figure was listed as one outlet's,
    beside two others' same figure told exactly."""
    brief, _ = brief_of(
        ("North Star", "Ada Lind of Orsa received a power bill of more than $312 billion."),
        ("South Wire", "A woman in Orsa was stunned to find she owed $312 billion on her "
                       "power bill."))
    assert not [f.statement for f in brief.unique if "312" in f.statement], brief.unique
    assert [f for f in brief.agreed if "312" in f.value and len(f.sources) == 2], brief.agreed


@pytest.mark.slow
def test_brief_claims_a_sentence_with_a_side_of_a_conflict_is_not_agreed(brief_of):
    """Two outlets agree on nine fire departments, but one of them says so in the sentence
    that gives its side of the firefighters' count (about 40 / more than 120): that sentence
    is not shown as agreed."""
    brief, _ = brief_of(
        ("North Star", "About 40 firefighters battled the flames at the Orsa mill for hours, "
                       "the fire department said."),
        ("South Wire", "More than 120 firefighters from nine departments fought the blaze at "
                       "the Orsa mill through the night."),
        ("Velk Radio", "Crews from at least nine fire departments responded to the Orsa mill "
                       "fire overnight."))
    assert _conflicts(brief), brief.conflicting
    assert not [f.statement for f in brief.agreed if "120" in f.statement], brief.agreed


@pytest.mark.slow
def test_brief_claims_a_year_two_outlets_give_in_other_words_is_not_single_source(brief_of):
    """One outlet says the guard was drafted in 2013; the other that he was a first-round
    choice in 2013. The year is not a fact only the first reports."""
    brief, _ = brief_of(
        ("North Star", "Tam Rinn, the brother of Velk Gulls guard Ari Rinn, was drafted by the "
                       "Orsa Hawks in 2013, after a single season at Marl State."),
        ("South Wire", "Tam Rinn, the younger brother of guard Ari Rinn, was a first-round "
                       "choice of the Orsa Hawks in 2013 before being traded to the Tarn Nets in "
                       "2016."))
    unique = [(f.value, f.statement) for f in brief.unique if f.slot.startswith("year:")]
    assert "2013" not in {v for v, _ in unique}, unique
    # (the trade in 2016 only the second tells: shown in its sentence, which has both years)
    assert "2016" in {v for v, _ in unique}, unique


@pytest.mark.slow
def test_brief_claims_a_day_another_outlet_gives_the_same_act_is_not_single_source(brief_of):
    """One outlet says the jet returned on Tuesday; another that it left on Tuesday and
    returned that evening. That it returned on Tuesday is no fact only the first reports.
    That the airline apologized on Tuesday is: no other outlet tells the apology. (So is
    the second outlet's sentence: only it tells when the jet left.)"""
    brief, _ = brief_of(
        ("North Star", "A Velk-bound jet returned to Orsa airport on Tuesday after the crew "
                       "found that one traveller held a ticket for another flight, Marl Air "
                       "said. The airline apologized to the passengers on Tuesday."),
        ("South Wire", "The jet left Orsa airport at 9:14 a.m. on Tuesday and returned at "
                       "5:48 p.m. with all 148 passengers."))
    unique = [f.statement for f in brief.unique if f.slot.startswith("date:")]
    assert not [u for u in unique if "returned" in u and "left" not in u], unique
    assert [u for u in unique if "apologized" in u], unique


@pytest.mark.parametrize(("text", "counts"), [
    # "of the two workers": the group the story already knows, named again; no count of
    # its own (a loose value, compared only with a copy of its sentence)
    ("Some mourners carried photographs of the two workers.", []),
    ("He apologized to the families of the two workers on Friday.", []),
    ("Hundreds of people marched in memory of the two workers.", ["Hundreds"]),
    # a group the sentence acts on is counted, "the" or not
    ("Police said the gunman shot the three guards.", ["three"]),
    ("The trial of the two brothers charged with killing Ada Moss opened on Monday.", ["two"]),
    ("Two workers were killed in the fire.", ["Two"]),
])
def test_brief_claims_the_group_named_again_is_no_count(analyze, text, counts):
    _, ex = analyze(text, published=PUB)
    assert [c.text for c in ex.claims
            if c.attribute == "count" and "loose" not in c.qualifiers] == counts


@pytest.mark.slow
def test_brief_claims_a_statement_left_out_is_listed_once(brief_of):
    """Two agreed figures of one sentence (the guests and the staff) are one statement: an
    outlet that gives neither leaves it out once."""
    line = "A tug took the 41 guests and 12 staff members back to Velk on Tuesday."
    brief, _ = brief_of(
        ("North Star", "The Orsa ferry struck a pier on Tuesday. " + line),
        ("South Wire", "The Orsa ferry struck a pier on Tuesday. " + line),
        ("Velk Radio", "The Orsa ferry struck a pier on Tuesday, police said."))
    omits = next(f.omits for f in brief.framing if f.article == "a2")
    assert len(omits) == len(set(omits)), omits


def _agreed_but_not_left_out_by_the_first(brief, name: str) -> None:
    """Other outlets agree on what ``name`` said, and the first report (``a0``), out before
    it, is not said to leave it out."""
    said = [f for f in brief.agreed if name in f.statement]
    assert said, [f.statement for f in brief.agreed]
    left_out = {f.article: f.omits for f in brief.framing}
    assert not [o for o in left_out["a0"] if name in o], left_out["a0"]


@pytest.mark.slow
def test_brief_framing_what_came_out_after_a_report_is_not_left_out(brief_of):
    """A report published on Monday evening cannot leave out what was said on Tuesday; the
    two later reports that carry it leave nothing out of each other."""
    brief, _ = brief_of(
        ("North Star", "The Orrin Owls coach Bram Tell retired on Monday after five seasons.",
         "2030-06-10T20:00"),
        ("South Wire", "Bram Tell retired on Monday after five seasons with the Orrin Owls.\n"
                       "Quarterback Ivo Renn said on Tuesday that he will retire at the end of "
                       "the season.", "2030-06-12T18:00"),
        ("East Post", "Quarterback Ivo Renn said on Tuesday that he will retire at the end of "
                      "the season.\nCoach Bram Tell retired on Monday after five seasons with the "
                      "Orrin Owls.", "2030-06-12T19:00"))
    _agreed_but_not_left_out_by_the_first(brief, "Renn")


@pytest.mark.slow
def test_brief_framing_words_first_reported_on_a_later_day_are_not_left_out(brief_of):
    """Read on a real cluster: a Monday report of a coach's retirement was faulted for
    leaving out the words of a letter his quarterback released on Tuesday. Words carry no
    date of their own; when every report of them came out on a later day, the earlier
    report cannot have left them out."""
    letter = ("\u201cHe taught me how to lose and how to win,\u201d quarterback Ivo Renn "
              "wrote in a note to the coach.")
    brief, _ = brief_of(
        ("North Star", "The Orrin Owls coach Bram Tell retired after five seasons.",
         "2030-06-10T20:00"),
        ("South Wire", "Bram Tell retired after five seasons with the Orrin Owls.\n" + letter,
         "2030-06-11T18:00"),
        ("East Post", letter + "\nCoach Bram Tell retired after five seasons with the Orrin "
                      "Owls.", "2030-06-11T19:00"))
    _agreed_but_not_left_out_by_the_first(brief, "Renn")


@pytest.mark.slow
def test_brief_framing_what_others_report_later_in_the_day_is_still_left_out(brief_of):
    """Read on a real cluster: an early report that says only that the coach is out of
    hospital leaves out his fall and his release, which two later reports give; when they
    came out says nothing of when it was known."""
    brief, _ = brief_of(
        ("North Star", "Coach Tam Reller is out of the hospital, the Orrin Owls said.",
         "2030-06-12T09:00"),
        ("South Wire", "Coach Tam Reller tripped over a loose cable on June 1 and bumped his "
                       "head, the Orrin Owls said.", "2030-06-12T10:00"),
        ("East Post", "Tam Reller tripped over a loose cable on June 1 and bumped his head, the "
                      "team said.", "2030-06-12T11:00"))
    agreed = [f.statement for f in brief.agreed]
    assert [s for s in agreed if "tripped" in s], agreed
    left_out = {f.article: f.omits for f in brief.framing}
    assert [o for o in left_out["a0"] if "tripped" in o], left_out["a0"]


@pytest.mark.slow
def test_brief_framing_a_quote_split_around_its_speaker_is_not_left_out(brief_of):
    """Read on a real cluster: an outlet that splits the doctor's words around his name
    ("'He was not breathing,' ... told reporters, 'it was awful.'") was said to leave out
    "He was not breathing, it was awful", which two others quote whole."""
    whole = ('Coach Tam Reller fainted at the festival in Orrin on Friday. "He was not '
             'breathing, it was awful," team doctor Ivo Munt said.')
    brief, _ = brief_of(
        ("North Star", whole), ("South Wire", whole.replace("team doctor", "the team doctor")),
        ("East Post", "Coach Tam Reller fainted at the festival in Orrin on Friday. 'He was not "
                      "breathing,' team doctor Ivo Munt told reporters, 'it was awful.'"))
    said = [f.statement for f in brief.agreed if f.slot.startswith("speaker:")]
    assert said, [f.statement for f in brief.agreed]
    left_out = {f.article: f.omits for f in brief.framing}
    assert not [o for o in left_out["a2"] if "breathing" in o], left_out["a2"]


_QUARTERBACK = ("North Star", "Quarterback Ivo Renn retired on Tuesday after 13 seasons, the "
                              "Orrin Owls said. Renn, 37, threw for 41,500 yards.")


def _two_story_brief(analyze, quarterback=_QUARTERBACK, recalls_the_coach=False):
    """The coach's reports by North Star and South Wire and a ``quarterback`` report (North
    Star's, unless given): one story with two happenings (a coach retires on Monday, the
    quarterback on Tuesday); with ``recalls_the_coach``, the quarterback's report mentions
    the coach's event."""
    texts = {
        "a0": ("North Star", "Coach Bram Tell retired on Monday after five seasons with the "
                             "Orrin Owls. \u201cMy tears today are tears of relief,\u201d Tell "
                             "told reporters.", "2030-06-10T20:00"),
        "a1": (*quarterback, "2030-06-11T20:00"),
        "a2": ("South Wire", "Coach Bram Tell retired on Monday after five seasons with the "
                             "Orrin Owls. \u201cMy tears today are tears of relief,\u201d Tell "
                             "said.", "2030-06-10T21:00"),
    }
    recs = {}
    for aid, (outlet, text, published) in texts.items():
        article, ex = analyze(text, published=published, source=outlet, id=aid)
        recs[aid] = Analyzed(article, ex)
    coach = Event("e1", "Coach retires", None, None, ("a0", "a2"),
                  mentioned_by=("a1",) if recalls_the_coach else ())
    quarterback_event = Event("e2", "Quarterback retires", None, None, ("a1",))
    story = Story("s1", "Two retirements", tuple(recs), (coach, quarterback_event))
    return compose_brief(story, recs)


def test_brief_framing_an_article_is_not_credited_with_its_outlets_other_report(analyze):
    """Read on a real cluster: one outlet's report of a quarterback's retirement was said to
    give all six facts and quotes the others agree on, three of them only in the same
    outlet's other report, of the coach's retirement. Each report answers for itself, and a
    quote of another happening is nothing it leaves out."""
    brief = _two_story_brief(analyze)
    assert [f.statement for f in brief.agreed if "tears" in f.statement], brief.agreed
    framing = {f.article: f for f in brief.framing}
    quarterback = framing["a1"]
    assert not [o for o in quarterback.omits if "tears" in o], quarterback.omits
    checked = quarterback.checked
    assert checked == 0, (checked, [f.statement for f in brief.agreed])


def test_brief_claims_a_count_in_a_plan_does_not_agree_with_one_that_happened(brief_of):
    """Read on a real cluster: one coach's winning run that lasted three seasons and a club
    expected to drop another coach after three poor seasons were shown as one agreed fact:
    a plan or expectation is not what happened."""
    brief, _ = brief_of(
        ("North Star", "Coach Bram Tell retired on Monday. He built a winning habit that "
                       "held firm for his first three seasons."),
        ("South Wire", "The Velk Gulls were widely expected to split with coach Tam Reller "
                       "after only 11 wins in three seasons."))
    assert not [f.statement for f in brief.agreed if f.slot.startswith("count:")], [
        (f.slot, f.statement) for f in brief.agreed]


def test_brief_framing_a_quote_of_a_happening_only_recalled_is_not_left_out(analyze):
    """A later report that recalls an earlier happening in passing (the quarterback's report
    mentions the coach's retirement) does not leave out the words said at it (read on the
    demo: the plant-restart report 'left out' the march's speeches)."""
    brief = _two_story_brief(
        analyze, ("East Post", "Quarterback Ivo Renn retired on Tuesday, a day after coach Bram "
                               "Tell retired, the Orrin Owls said. Renn threw for 41,500 yards."),
        recalls_the_coach=True)
    assert [f.statement for f in brief.agreed if "tears" in f.statement], brief.agreed
    framing = {f.article: f for f in brief.framing}
    assert not [o for o in framing["a1"].omits if "tears" in o], framing["a1"].omits


def test_brief_claims_who_comes_before_incidental_figures():
    # issue 16, rank by importance: who (a name's spelling) before a year or a rank
    from crosswire.brief.facts import importance

    assert importance("name:person:katelyn morrow") < importance("year:build/footbridge")
    assert importance("name:person:katelyn morrow") < importance("rank:test")
    assert importance("count:kill/person") < importance("rank:test") < importance("year:build")


@pytest.mark.slow
def test_brief_claims_one_sentence_two_outlets_carry_is_one_agreed_line(brief_of):
    # read on a real cluster: one sentence's count and the same count in digits were
    # listed as two agreed facts citing the same sentences, and a sentence shown
    # whole twice (once for its count, once for its day)
    text = ("A tourist barge struck a bridge on the Velk river on Tuesday, injuring 17 people. "
            "Four people were discharged from hospital on Wednesday, police said.")
    brief, _ = brief_of(("North Star", text), ("South Wire", text))
    lines = [(f.statement, tuple((c.article, c.start) for c in f.citations))
             for f in brief.agreed]
    words = [(re.findall(r"\w+", s.casefold().replace("four", "4")), cites)
             for s, cites in lines]
    for i, (w, cites) in enumerate(words):
        for j, (v, other) in enumerate(words):
            if i != j and cites == other:
                it = iter(v)
                assert not all(x in it for x in w), (lines[i][0], lines[j][0])


def test_brief_claims_aligned_copies_keep_the_key_others_use(brief_of):
    # two outlets' near-identical leads, parsed with two verbs (eliminated / issued), take one
    # key: the one the story's other claims use ("issued"), so a third outlet's "issued ...
    # Sunday" is still compared with them (a changed weekday went unflagged on real text)
    brief, recs = brief_of(
        ("Coastal Post", "The Orrin council eliminated the old mooring rules for yachts in the "
         "harbour on Thursday that boat owners say will drive visiting boats away. The harbour "
         "pilots said the rules would block the quay.", None),
        ("North Star", "The Orrin council issued new mooring rules for yachts in the harbour on "
         "Thursday that boat owners say will drive visiting boats away. Harbour pilots said the "
         "quay would be blocked.", None),
        ("Velk Wire", "With the sailing season a month off, the Orrin council issued revised "
         "harbour mooring rules for yachts Sunday, which cap each boat at two nights and keep "
         "the quay free for ferries. Boat owners say the mooring rules will drive visiting "
         "boats away.", None),
    )
    _one_conflict_citing(brief, recs, "date:", [("a1", "Thursday"), ("a2", "Sunday")])


def test_brief_claims_a_time_named_by_its_when_clause(analyze):
    # "what happened at 11:10 p.m., when the dam gate failed": 11:10 p.m. is the time the
    # gate failed, whatever verb the sentence hangs it on, so it compares with another
    # outlet's time of the failure (a changed time went unflagged on real text)
    _, ex = analyze("Nobody has explained what happened at the Kelby weir at 11:10 p.m., when "
                    "the dam gate failed. No one was hurt.", published=PUB)
    times = [(c.key, c.value) for c in ex.claims if c.attribute == "time"]
    assert times == [("fail", "23:10")], times


@pytest.mark.slow
def test_brief_claims_a_state_on_a_day_ranks_after_what_happened(brief_of):
    # read on a real cluster: "<he> is alive on <the day of publication>" (from "is alive
    # today") led the single-source facts; a day a state holds on is not when it happened
    brief, _ = brief_of(("North Star", "Tomas Brenn is alive today thanks to the medics, his "
                                       "wife said. Brenn collapsed at the Orrin parade on "
                                       "Tuesday night."))
    days = [f.slot for f in brief.unique if f.slot.startswith("date:")]
    assert "date:collapse" in days and "date:be" in days, days
    assert days.index("date:collapse") < days.index("date:be"), days


@pytest.mark.slow
def test_brief_claims_a_place_spelled_two_ways_is_asked_as_a_spelling(brief_of):
    """Read on a real cluster: a street spelled two ways ("...ton Road" / "...tone Road")
    was asked as where a tram caught fire, as if outlets placed it in two
    streets. Two spellings of one name are asked as a spelling; two places stay a
    question of where (the control)."""
    brief, _ = brief_of(
        ("North Star", "A tram overturned in Kettleby Road in Orrin on Tuesday after it hit a "
                       "lorry, police said. Two passengers were hurt."),
        ("South Wire", "Two passengers were hurt as a tram overturned in Kettlebye Road in "
                       "Orrin on Tuesday after a crash with a lorry."))
    (asked,) = [c.statement for c in _conflicts(brief)]
    assert asked.startswith("How the name is spelled"), asked
    brief, _ = brief_of(
        ("North Star", "A tram overturned in Kettleby Road in Orrin on Tuesday after it hit a "
                       "lorry, police said. Two passengers were hurt."),
        ("South Wire", "Two passengers were hurt as a tram overturned in Harbor Street in "
                       "Orrin on Tuesday after a crash with a lorry."))
    assert all(c.statement.startswith("Where") for c in _conflicts(brief)), _conflicts(brief)


@pytest.mark.slow
def test_brief_claims_a_figure_left_out_is_named_by_its_own_words(brief_of):
    # read on a real cluster: a third outlet that gives some of a list's figures was said to
    # leave out the list's whole sentence, so a reader took it to miss what it reports
    brief, _ = brief_of(
        ("North Star", "Wardens searched two market stalls in Velk on Saturday. In the "
                       "stalls they found seven parrots, three tortoises and up to four lizard "
                       "cages, the wardens said."),
        ("South Wire", "Wardens searched two market stalls in Velk on Saturday. In the stalls "
                       "were seven parrots, three tortoises and up to four lizard cages, a "
                       "warden said."),
        ("Velk Radio", "Wardens searched two market stalls in Velk on Saturday and took three "
                       "tortoises and four lizard cages."))
    omits = next(f.omits for f in brief.framing if f.article == "a2")
    assert omits == ("seven parrots",), omits


@pytest.mark.slow
def test_brief_claims_a_figure_left_out_ends_at_what_it_counts(brief_of):
    # read on a real cluster: a figure left out was named by its next six words, which
    # stopped mid-phrase ("two boats were towing stranded passengers back to"); what it counts
    # ends at the counted noun
    brief, _ = brief_of(
        ("North Star", "A ferry ran aground off Velk on Sunday. The coast guard said two "
                       "boats were towing stranded passengers back to the Orrin pier."),
        ("South Wire", "A ferry ran aground off Velk on Sunday, and the coast guard said two "
                       "boats were towing stranded passengers back to the Orrin pier."),
        ("Velk Radio", "A ferry ran aground off Velk on Sunday, the coast guard said."))
    assert "two boats" in _left_out(brief, "a2"), _left_out(brief, "a2")


@pytest.mark.slow
@pytest.mark.parametrize("third", [
    "Thieves took jewels worth 30 million pounds from the Orrin gallery on Sunday.",
    "Jewels valued at 36 million euros were taken from the Orrin gallery by thieves on "
    "Sunday.",
])
def test_brief_claims_a_sum_told_in_another_currency_is_not_left_out(brief_of, third):
    # read on real clusters: outlets were said to leave out a heist's worth they gave in
    # another currency; the sentence tells the same thing, so nothing is left out
    first = ("Thieves took jewels worth $40 million from the Orrin gallery on Sunday, the "
             "gallery said.")
    brief, _ = brief_of(("North Star", first), ("South Wire", first.replace("said", "says")),
                        ("Velk Radio", third))
    assert not [x for x in _left_out(brief, "a2") if "40 million" in x], _left_out(brief, "a2")


@pytest.mark.slow
def test_brief_claims_a_weekday_nothing_resolves_joins_its_own_day(brief_of):
    # read on a real cluster: reports without a publication day said "died Monday"; their
    # bare Monday fitted another death's month first, so the brief listed the death twice
    # ("on Monday", "on Monday 10 June") and the dated reports "left out" the bare one
    brief, _ = brief_of(
        ("North Star", "Orla Benn died Monday in a Velk hospital. Her brother Tam died in "
                       "May 2011."),
        ("South Wire", "Orla Benn died Monday in a hospital in Velk. Her brother Tam died in "
                       "May 2011."),
        ("Velk Radio", "Orla Benn died Monday in a Velk hospital, her family said.", None),
        ("Orrin Post", "Orla Benn died on Monday in a hospital in Velk.", None))
    mondays = [f for f in brief.agreed if "Monday" in f.value]
    assert len(mondays) == 1, [(f.slot, f.value) for f in brief.agreed]
    assert len(mondays[0].sources) == 4, mondays[0].sources
    assert not [x for f in brief.framing for x in f.omits if "Monday" in x]


@pytest.mark.slow
def test_brief_claims_a_year_written_in_a_date_is_not_left_out(brief_of):
    # read on a real cluster: an obituary that gave the birth date was said to leave out
    # the year of birth the others agree on
    first = "Born in Orrin in 1951, Tamsin Benn ran the Velk harbour for 30 years."
    brief, _ = brief_of(("North Star", first), ("South Wire", first.replace("ran", "led")),
                        ("Velk Radio", "The old harbour master has died. Tamsin Benn was "
                                       "born on May 2, 1951."))
    assert not [x for x in _left_out(brief, "a2") if "1951" in x], _left_out(brief, "a2")


@pytest.mark.slow
@pytest.mark.parametrize("third", ["Police put the haul at $2.3 million (two million euros).",
                                   "Police put the haul at $2.3 million (\u20ac2m)."])
def test_brief_claims_a_sum_written_with_its_scale_is_not_left_out(brief_of, third):
    # read on a real cluster: a sum given in brackets beside its conversion ("two million
    # euros") was read as 2 and 1,000,000, so the outlet was said to leave it out
    first = "Thieves took jewels worth 2 million euros from the Orrin gallery on Sunday."
    brief, _ = brief_of(("North Star", first), ("South Wire", first.replace("took", "stole")),
                        ("Velk Radio", "The Orrin gallery was robbed on Sunday. " + third))
    assert not [x for x in _left_out(brief, "a2") if "2 million" in x], _left_out(brief, "a2")


@pytest.mark.slow
def test_brief_claims_a_bare_weekday_and_a_month_do_not_agree(brief_of):
    # read on a real cluster: "destroyed ... on Tuesday" (no publication day resolves it)
    # and an earlier fire that "destroyed ... in February" of another year fit each other,
    # so the brief said they agree: "A kitchen fire destroyed the bakery in Tuesday"
    brief, _ = brief_of(
        ("North Star", "A fire destroyed the old Velk grain store on Tuesday, officials said.",
         None),
        ("South Wire", "Fire crews could not save the Velk grain store. A kitchen fire destroyed "
                       "the bakery next door in February 2011.", None))
    agreed = [f for f in brief.agreed if f.slot.startswith("date:")]
    assert not agreed, [(f.slot, f.value, f.statement) for f in agreed]


@pytest.mark.slow
def test_brief_claims_another_figure_of_a_line_names_what_it_counts(brief_of):
    # read on a real cluster: a line's note of the outlet's other figure read "(5: <outlet>)",
    # which a reader cannot place; it names what the figure counts
    brief, _ = brief_of(
        ("North Star", "A strong earthquake hit the Velk valley on Sunday, damaging several "
                       "villages, officials said. The governor said that between a third and a "
                       "half of the homes in four villages had been damaged."),
        ("South Wire", "A strong earthquake hit the Velk valley on Sunday."))
    (line,) = [f.statement for f in brief.unique if f.slot == "count:damage/village"]
    assert "(4 villages: North Star)" in line, line


def _left_out(brief, article):
    return next(f.omits for f in brief.framing if f.article == article)


@pytest.mark.slow
def test_brief_claims_a_day_an_outlet_tells_unresolved_is_not_left_out(brief_of):
    # read on a real cluster: reports without a publication date that say "yesterday" were
    # said to leave out the day the others give; what "yesterday" is cannot be told
    brief, _ = brief_of(
        ("North Star", "A storm tore the roof off the Orrin sailing club on Tuesday night, "
                       "the club secretary said.", None),
        ("South Wire", "The roof of the Orrin sailing club was torn off in a storm on Tuesday "
                       "night, its secretary said.", None),
        ("Velk Radio", "A storm tore the roof off the Orrin sailing club last night, the club "
                       "secretary said.", None))
    assert not [x for x in _left_out(brief, "a2") if "Tuesday" in x], _left_out(brief, "a2")


@pytest.mark.slow
def test_brief_claims_a_day_counted_from_another_happening_is_not_left_out(brief_of):
    # a held-out read: a report telling a death "a day after" another was said to leave
    # out the other's day; the count tells a day, though not which one
    brief, _ = brief_of(
        ("North Star", "Ana Rusk, 44, died in a fall on Mount Orr on Friday, rangers said."),
        ("South Wire", "Ivo Marl, 27, died on Mount Orr on Saturday, a day after Ana Rusk, "
                       "44, fell to her death on the same ridge."),
        ("Velk Radio", "Ana Rusk, 44, died in a fall on Mount Orr on Friday. Rangers said "
                       "the ridge was icy."))
    assert not [x for x in _left_out(brief, "a1") if "Friday" in x], _left_out(brief, "a1")


@pytest.mark.slow
def test_brief_claims_another_value_of_the_fact_is_no_omission(brief_of):
    # read on a real cluster: an outlet giving someone's age differently was said to leave
    # out the age the others give (a disagreement, not something it does not say)
    brief, _ = brief_of(
        ("North Star", "The potter Ines Varga, 61, won the Orrin craft prize on Tuesday."),
        ("South Wire", "Ines Varga, 61, a potter, won the Orrin craft prize on Tuesday, the "
                       "judges said."),
        ("Velk Radio", "Ines Varga, 68, a potter, won the Orrin craft prize on Tuesday, the "
                       "judges said."))
    assert not [x for x in _left_out(brief, "a2") if "61" in x], _left_out(brief, "a2")


def _year_placed(article, qualifiers, named=()):
    from crosswire.brief.claims import Placed
    from crosswire.records import Cite, Claim

    claim = Claim("year", "span", "2001", "2001", 50, 54, qualifiers=qualifiers)
    return Placed(claim, article, "e1", "span", Cite(article, 0, 90), named=frozenset(named))


@pytest.mark.parametrize(("qa", "qb", "named", "text_b", "apart"), [
    # one copied sentence the parse read two ways: each doer and thing is in both sentences
    (("agent:velder", "thing:velder"), ("agent:fraud", "named:fraud", "thing:conviction"),
     ((), ()), "According to state records, Velder has four prior fraud conviction "
               "spanning from 2007 to 2004.", False),
    # two people in sentences of one shape: the other's sentence does not name this one
    (("agent:benn",), ("agent:rusk",), (("benn",), ("rusk",)),
     "Rusk, who joined the service in 2006, now leads it.", True),
    (("thing:conviction",), ("thing:licence",), ((), ()),
     "Velder has held a fishing licence since 2007.", True),
])
def test_brief_claims_doers_apart_in_the_parse_only(qa, qb, named, text_b, apart):
    from crosswire.brief.claims import apart_in_words
    from crosswire.words import words

    text_a = ("Court records show Velder has four prior fraud convictions, spanning from 2001 "
              "to 2004.") if not named[0] else "Benn, who joined the service in 1998, now leads it."
    a, b = _year_placed("a", qa, named[0]), _year_placed("b", qb, named[1])
    assert apart_in_words(a, b, words(text_a), words(text_b)) is apart


@pytest.mark.slow
def test_brief_claims_a_mother_of_twelve_is_not_twelve_people(brief_of):
    """Outlets that agree on "a mother of 12" in other words are credited with that figure,
    never with "12 people": the number counts what one person has."""
    brief, _ = brief_of(
        ("North Star", "Mara Quill, a mother of 12, was shot as she walked her daughter to a "
                       "Velk school on Friday, police said."),
        ("South Wire", "A Velk mother of 12 was killed outside a school on Friday while "
                       "collecting her daughter, the prosecutor said."))
    lines = [f.statement for f in (*brief.agreed, *brief.unique) if f.slot.startswith("count:")]
    assert lines and not any("12 people" in line for line in lines), lines
