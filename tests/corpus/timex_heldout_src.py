"""Source of tests/corpus/timex_heldout.jsonl: eleven invented news articles, TimeML-marked.

    python tests/corpus/timex_heldout_src.py tests/corpus/timex_heldout.jsonl

Everything here is fiction (people, places, teams, firms). The articles were written and
annotated by the TimeML / TempEval-3 guidelines before the tagger was run on them, so the
fixture is a held-out measure for the rules in ``crosswire.extract.dates*`` (which were
tuned on the TempEval-3 AQUAINT dev split). Do not edit a gold span to match the tagger.

Markup: ``[[surface|TYPE|value]]`` or ``[[surface|TYPE|value|MOD]]``. Conventions:
extent takes determiners and modifiers ("the past four months", "late Monday", "early
2010", "about two weeks") but not prepositions ("since [[March]]") or a possessive 's
("[[2012]]'s harvest"); weekdays resolve by tense against the document date (past tense
on or before it, future tense on or after it); part-of-day is TIME (``2013-04-12TMO``);
decades are ``199X``; vague spans are ``PRESENT_REF`` / ``PXY``. Not dates, left
unmarked on purpose: "lap 14", "Lap 14", "page 14", "Game 3", "Game 4", "Route 9",
"No. 3", "Harlow 400", scores ("2-1", "101-96", "4-12").
"""
# ruff: noqa: E501  (the articles are prose, one paragraph a line)
import datetime as dt
import json
import re
import sys

ARTICLES = []


def art(id_, dct, title, body):
    ARTICLES.append((id_, dct, title, body))


art("fx-economy-reserve", "2013-03-14", "Reserve bank holds rate as factory output slips", """
PORT ALLARD —

The Allard Reserve Bank kept its key interest rate at 2.5 percent on [[Wednesday|DATE|2013-03-13]], its fourth straight hold since [[last spring|DATE|2012-SP]].

Governor Ilse Varga told reporters the bank would watch [[the third quarter|DATE|2013-Q3]] closely before it moved. "We are not in a hurry [[now|DATE|PRESENT_REF]], and we will not be rushed," she said.

Factory output fell 1.2 percent in [[February|DATE|2013-02]] from [[a month earlier|DATE|2013-01]], the statistics office said [[Tuesday|DATE|2013-03-12]]. It was the third drop in [[the past four months|DURATION|P4M]]. A table on page 14 of the report showed exports to the northern provinces down 9 percent.

Output had grown every quarter from [[early 2010|DATE|2010|START]] until [[the middle of last year|DATE|2012|MID]], helped by strong demand for farm machinery.

Economists polled by the Harbour Institute [[this month|DATE|2013-03]] expect growth of about 1.4 percent for [[2013|DATE|2013]], down from 2.1 percent in [[2012|DATE|2012]]. [[2012|DATE|2012]]'s grain harvest was the weakest in [[a decade|DURATION|P10Y]].

The bank publishes its inflation outlook [[quarterly|SET|P3M]] and will next update it on [[April 25|DATE|2013-04-25]]. Its board meets [[every six weeks|SET|P6W]].

Unemployment, [[currently|DATE|PRESENT_REF]] 7.9 percent, has not been below 6 percent since [[the late 1990s|DATE|199X|END]].

Varga, who took over [[two years ago|DATE|2011]], said the bank's models pointed to a recovery in [[the second half|DATE|2013-H2]].
""")

art("fx-courts-landfill", "2014-10-08", "Appeals court revives lawsuit over landfill permit", """
MILLBROOK —

A state appeals court on [[Tuesday|DATE|2014-10-07]] revived a lawsuit by residents of Millbrook who say a landfill expansion approved in [[2011|DATE|2011]] has fouled their wells.

The three-judge panel ruled 2-1 that a lower court erred when it threw out the case in [[January|DATE|2014-01]]. The residents now have [[30 days|DURATION|P30D]] to file an amended complaint.

Judge Rosa Kettering, writing for the majority, said the county held only one public hearing, on [[Aug. 3, 2010|DATE|2010-08-03]], and gave residents [[less than a week|DURATION|P1W|LESS_THAN]] to respond.

County attorney Paul Brandt said [[Tuesday|DATE|2014-10-07]] that the county would ask the full court to rehear the case. "This permit was reviewed for [[more than three years|DURATION|P3Y|MORE_THAN]]," he said.

Residents have complained for [[years|DURATION|PXY]] about the smell. The landfill takes in about 1,200 tons of trash [[a day|SET|P1D]], according to court filings, and trucks arrive [[every 10 minutes|SET|PT10M]] at busy times.

A hearing on the county's request is set for [[Nov. 14|DATE|2014-11-14]]. The landfill's operator, Greystone Waste, said in a statement [[Wednesday|DATE|2014-10-08]] that it was reviewing the ruling.

The case dates to [[the summer of 2012|DATE|2012-SU]], when tests found high nitrate levels in 14 wells.

[[Tuesday|DATE|2014-10-07]]'s ruling was the second setback for the county [[this year|DATE|2014]]. Judge Aldo Fenn, in a dissent that begins on page 14 of the opinion, wrote that the residents had waited [[nearly two years|DURATION|P2Y|APPROX]] to sue. State law requires such challenges to be filed within [[180 days|DURATION|P180D]] of a permit decision.

The county's lawyers have until [[the end of the month|DATE|2014-10|END]] to respond.
""")

art("fx-sports-speedway", "2012-05-28", "Okafor holds off Lind to win at Harlow Speedway", """
HARLOW —

Dario Okafor took the lead on lap 14 and never gave it back, winning the Harlow 400 on [[Sunday|DATE|2012-05-27]] for his first victory since [[2009|DATE|2009]].

Okafor, who missed [[the 2010 season|DATE|2010]] with a broken wrist, finished [[1.3 seconds|DURATION|PT1.3S]] ahead of Mats Lind, who won here [[last year|DATE|2011]].

Lind had pitted on Lap 14 as well, but a slow stop cost him [[about four seconds|DURATION|PT4S|APPROX]].

The race was delayed [[two hours|DURATION|PT2H]] by rain and did not start until [[4:40 p.m.|TIME|2012-05-27T16:40]]

"I've waited [[three years|DURATION|P3Y]] for this," Okafor said [[Sunday night|TIME|2012-05-27TNI]]. He turns 34 [[next month|DATE|2012-06]].

The series moves to Kell Lake [[next weekend|DATE|2012-W22-WE]], and the championship ends in [[October|DATE|2012-10]].
""")

art("fx-sports-playoffs", "2016-05-20", "Hawks edge Owls to take series lead", """
RIVERTON —

The Riverton Hawks beat the Capital Owls 101-96 on [[Thursday night|TIME|2016-05-19TNI]] to take a 2-1 lead in their best-of-seven series. Game 4 is [[Saturday|DATE|2016-05-21]] in Riverton.

Hawks forward Tomas Reyes scored 31 points, his most since [[March 4|DATE|2016-03-04]]. The Hawks have not reached the finals since [[2004|DATE|2004]] and have not won a title in [[the past three decades|DURATION|P30Y]]. The franchise won both of its championships in [[the 1980s|DATE|198X]].

Coach Lena Marsh said the team practises [[twice a day|SET|P1D]] during the playoffs. Marsh, whose contract runs through [[next season|DATE|2017]], would not discuss an extension.

Owls guard Ben Castillo, who signed a [[five-year|DURATION|P5Y]] extension [[last summer|DATE|2015-SU]], missed Game 3 with a sprained ankle. He will be examined again [[today|DATE|2016-05-20]], the team said.

Tickets for Game 5, set for [[May 24|DATE|2016-05-24]], sold out within [[an hour|DURATION|PT1H]].
""")

art("fx-weather-blizzard", "2015-01-26", "Blizzard warning for Carrow Valley", """
CARROW —

Heavy snow is expected to reach the Carrow Valley [[late Monday|DATE|2015-01-26|END]] and last through [[Wednesday morning|TIME|2015-01-28TMO]], forecasters said.

The National Weather Office issued a blizzard warning [[this morning|TIME|2015-01-26TMO]] for six counties, saying up to 60 centimetres could fall in [[36 hours|DURATION|PT36H]].

It would be the region's biggest storm since [[February 2011|DATE|2011-02]], when 71 centimetres fell over [[three days|DURATION|P3D]]. Temperatures dropped to minus 18 on [[Sunday night|TIME|2015-01-25TNI]].

Schools in Carrow and Pell will close [[Tuesday|DATE|2015-01-27]], and the state transport agency said it would post road conditions [[hourly|SET|PT1H]].

Snowfall [[this winter|DATE|2014-WI]] has been 40 percent below normal, and reservoirs are at their lowest level for [[late January|DATE|2015-01|END]] in [[more than a decade|DURATION|P10Y|MORE_THAN]].

Forecaster Nia Holm said the storm should move east by [[Thursday|DATE|2015-01-29]]. "[[The next 48 hours|DURATION|PT48H]] are the dangerous part," she said.

Crews have salted main roads [[every night|SET|XXXX-XX-XXTNI]] since [[Jan. 5|DATE|2015-01-05]]. The valley gets about 150 centimetres of snow [[a year|SET|P1Y]]. [[Last winter|DATE|2013-WI]] was the mildest on record, with no snow at all in [[December|DATE|2013-12]].
""")

art("fx-politics-governor", "2016-09-13", "Pruitt will not seek third term", """
DUNMORE —

Governor Alana Pruitt said [[Monday|DATE|2016-09-12]] she would not seek a third term, ending [[weeks|DURATION|PXW]] of speculation about her plans.

Pruitt, first elected in [[2010|DATE|2010]], told supporters she would serve out her term, which ends in [[January 2019|DATE|2019-01]]. The race to succeed her is expected to begin in earnest [[early next year|DATE|2017|START]].

Lieutenant Governor Sam Okoye, who has held his post for [[six years|DURATION|P6Y]], is seen as the front-runner. He said in an interview [[this week|DATE|2016-W37]] that he would decide in [[the coming months|DURATION|PXM]].

Pruitt's approval rating fell to 38 percent in [[August|DATE|2016-08]] from 51 percent [[a year earlier|DATE|2015-08]], after a [[six-month|DURATION|P6M]] fight over the state budget. A revenue report released [[Friday|DATE|2016-09-09]] showed a shortfall of $310 million.

The legislature meets [[every other year|SET|P2Y]], and its next session opens on [[the second Monday in January|DATE|2017-01-09]]. Pruitt will hold a news conference [[Thursday|DATE|2016-09-15]] to set out her priorities for [[the final two years|DURATION|P2Y]] of her term.

Voters approved a two-term limit [[four years ago|DATE|2012]], but it applies only to governors elected after [[2014|DATE|2014]]. [[Election Day|DATE|2016-11-08]] is [[eight weeks|DURATION|P8W]] away.
""")

art("fx-science-comet", "2011-07-20", "Student spots comet that returns every 74 years", """
SELDEN —

Astronomers at the Selden Observatory said [[Tuesday|DATE|2011-07-19]] they had found a faint comet that circles the sun [[once every 74 years|SET|P74Y]].

The comet was first seen on [[June 28|DATE|2011-06-28]] by a graduate student, Priya Nandakumar, who was checking images taken [[the night before|TIME|2011-06-27TNI]]. She spent [[three days|DURATION|P3D]] confirming its orbit.

It will pass closest to Earth in [[mid-November|DATE|2011-11|MID]] and may be visible through binoculars for [[about two weeks|DURATION|P2W|APPROX]]. Its last close pass was in [[1937|DATE|1937]], and notes from [[the 19th century|DATE|18]] hint at an earlier visit.

Nandakumar, who has worked at the observatory since [[2009|DATE|2009]], said the find was luck. In [[recent years|DURATION|PXY]], automated surveys have found most new comets.

The observatory's main telescope, built in [[the 1960s|DATE|196X]], is [[currently|DATE|PRESENT_REF]] being refitted and will reopen in [[spring 2012|DATE|2012-SP]]. The survey camera takes an image [[every 90 seconds|SET|PT90S]], and its funding runs out at [[the end of September|DATE|2011-09|END]].

A paper describing the comet will be published [[next month|DATE|2011-08]].
""")

art("fx-crime-stabbing", "2013-04-15", "Man charged in nightclub stabbing", """
FENWICK —

A Fenwick man was charged [[Sunday|DATE|2013-04-14]] with murder in the stabbing death of a bartender outside a nightclub [[early Friday|DATE|2013-04-12|START]], police said.

Victor Almeida, 24, appeared in court [[Sunday|DATE|2013-04-14]] and was ordered held without bail. He was arrested [[Saturday afternoon|TIME|2013-04-13TAF]] at a relative's home.

Police said the bartender, Owen Tully, was attacked at about [[1:30 a.m.|TIME|2013-04-12T01:30]] after he asked a group of men to leave. He died at Fenwick General Hospital [[later that morning|TIME|2013-04-12TMO]].

Tully, who had worked at the club for [[five years|DURATION|P5Y]], was to be married in [[June|DATE|2013-06]]. His family said in a statement [[Monday|DATE|2013-04-15]] that he "would give anyone a second chance."

It was the city's fourth homicide [[this year|DATE|2013]], compared with 11 in all of [[2012|DATE|2012]]. The club was cited for overcrowding [[last October|DATE|2012-10]] and closed for [[two weeks|DURATION|P2W]].

Almeida is due back in court on [[April 29|DATE|2013-04-29]]. Police Chief Dana Whitlock said officers would patrol the nightlife district [[every weekend|SET|XXXX-WXX-WE]] through [[the summer|DATE|2013-SU]]. A vigil is planned for [[Tuesday evening|TIME|2013-04-16TEV]] outside the club.
""")

art("fx-business-layoffs", "2010-11-03", "Corvid Systems to cut 400 jobs", """
ASHBY —

Corvid Systems, the Ashby maker of payment terminals, said [[Tuesday|DATE|2010-11-02]] it would cut 400 jobs over [[the next 18 months|DURATION|P18M]] and close its plant on Route 9.

The company reported a loss of $12 million for [[the third quarter|DATE|2010-Q3]], compared with a profit of $3 million [[a year ago|DATE|2009-Q3]]. Sales have fallen [[every quarter|SET|P3M]] since [[early 2009|DATE|2009|START]].

Chief executive Hal Brenner, who joined in [[2007|DATE|2007]], said the cuts would save about $30 million [[a year|SET|P1Y]] starting in [[2012|DATE|2012]]. "[[Today|DATE|2010-11-03]] is a hard day for our people," he wrote in a memo to staff.

The shares fell 6 percent to $8.15 in early trading [[Wednesday|DATE|2010-11-03]]. Corvid, founded in [[1986|DATE|1986]], had 2,900 employees at [[the end of last year|DATE|2009|END]]. The plant will close by [[mid-2012|DATE|2012|MID]], and its workers will receive [[six months|DURATION|P6M]] of health coverage.

Brenner said the company had been testing a new terminal since [[March|DATE|2010-03]] and hoped to ship it before [[Christmas|DATE|2010-12-25]]. The union local meets [[weekly|SET|P1W]] and will vote on [[Nov. 10|DATE|2010-11-10]] on whether to contest the closure.
""")

art("fx-sports-foxes", "2012-08-30", "Foxes open season with new coach, old doubts", """
KESTREL CITY —

The Kestrel City Foxes open [[the 2012 season|DATE|2012]] on [[Sunday|DATE|2012-09-02]] against Harlow, hoping to forget a 4-12 finish [[last season|DATE|2011]], their worst since [[1994|DATE|1994]].

Quarterback Eli Navarro, who threw for 3,400 yards in [[2010|DATE|2010]], missed the final [[six weeks|DURATION|P6W]] of [[2011|DATE|2011]] with a shoulder injury. [[2011|DATE|2011]]'s collapse cost coach Ray Dunn his job in [[January|DATE|2012-01]].

His replacement, Tom Haskell, spent [[a decade|DURATION|P10Y]] as an assistant in Harlow and signed a [[four-year|DURATION|P4Y]] contract. He has said the roster is built to contend [[next season|DATE|2013]].

Season ticket sales are down 15 percent from [[a year ago|DATE|2011]], although every home game has sold out since [[2003|DATE|2003]]. [[Two decades ago|DATE|1992]], the Foxes played in a stadium with 30,000 seats.

Practice is open to fans [[each Wednesday|SET|XXXX-WXX-3]] in [[September|DATE|2012-09]]. Kickoff on [[Sunday|DATE|2012-09-02]] is at [[1 p.m.|TIME|2012-09-02T13:00]], and the team drafted the No. 3 pick, a tackle, to protect Navarro.
""")

art("fx-health-flu", "2017-02-09", "Flu cases double in Marlow County", """
MARLOW —

Flu cases in Marlow County have doubled in [[the past two weeks|DURATION|P2W]], health officials said [[Wednesday|DATE|2017-02-08]], and schools reported absence rates of 12 percent on [[Monday|DATE|2017-02-06]].

The county recorded 212 confirmed cases [[last week|DATE|2017-W05]]. Three people have died of flu in the county since [[October|DATE|2016-10]]. The season usually peaks in [[February|DATE|XXXX-02]], and it takes [[about two weeks|DURATION|P2W|APPROX]] after a shot for full protection.

Dr. Imani Roth, the county health director, said the strain circulating [[this year|DATE|2017]] hits children harder than the one seen [[last year|DATE|2016]] or in [[2014|DATE|2014]]. She expects cases to keep rising for [[at least another week|DURATION|P1W|EQUAL_OR_MORE]].

The county will open two more clinics [[Monday|DATE|2017-02-13]], and clinics will give free shots [[every Saturday|SET|XXXX-WXX-6]] until [[March 31|DATE|2017-03-31]]. The health department posts its figures [[each Friday|SET|XXXX-WXX-5]]; the next update is due [[Friday|DATE|2017-02-10]].
""")

MARK = re.compile(r"\[\[([^|\]]+)\|(DATE|TIME|DURATION|SET)\|([^|\]]+)(?:\|([A-Z_]+))?\]\]")


def build(id_, dct, title, body):
    """One gold document: markup removed, offsets into the final text checked."""
    body = "\n\n" + body.strip("\n") + "\n"  # TE3 texts start with a blank line too
    out, timexes, pos = "", [], 0
    for n, m in enumerate(MARK.finditer(body), 1):
        out += body[pos : m.start()]
        t = {"start": len(out), "end": len(out) + len(m.group(1)), "text": m.group(1),
             "type": m.group(2), "value": m.group(3), "tid": f"t{n}"}
        if m.group(4):
            t["mod"] = m.group(4)
        out += m.group(1)
        timexes.append(t)
        pos = m.end()
    out += body[pos:]
    assert "[[" not in out and "]]" not in out, id_
    assert all(out[t["start"] : t["end"]] == t["text"] for t in timexes), id_
    dt.date.fromisoformat(dct)
    return {"id": id_, "source": "fiction", "dct": dct, "dct_value": dct, "title": title,
            "text": out, "timexes": timexes}


def main(path: str) -> None:
    total = 0
    types = {}
    with open(path, "w", encoding="utf-8") as fh:
        for a in ARTICLES:
            d = build(*a)
            total += len(d["timexes"])
            for t in d["timexes"]:
                types[t["type"]] = types.get(t["type"], 0) + 1
            fh.write(json.dumps(d, ensure_ascii=False) + "\n")
    print(len(ARTICLES), "docs", total, "timexes", types, file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1])
