"""Source of tests/corpus/timex_heldout2.jsonl: nine more invented news articles, TimeML-marked.

    python tests/corpus/timex_heldout2_src.py tests/corpus/timex_heldout2.jsonl

A second held-out batch. The first (``timex_heldout_src.py``) was used to find which
families the rules missed, so after that work it no longer measures generalisation. This
batch was written and annotated after those rule changes and before the tagger was run on
it; it has not been used to change a rule. Same conventions as the first batch (read its
docstring); everything here is fiction. Do not edit a gold span to match the tagger.

Not dates, left unmarked on purpose: "110 kilometres per hour" (a rate), "88" (an age),
"52" (an age), "4 percent", "Route 4".
"""

# ruff: noqa: E501  (the articles are prose, one paragraph a line)
import datetime as dt
import json
import re
import sys

ARTICLES = []


def art(id_, dct, title, body):
    ARTICLES.append((id_, dct, title, body))


art("fy-farming-drought", "2019-06-11", "Water board cuts irrigation quotas", """
VARNE VALLEY —

Farmers in the Varne Valley have had less than half their usual rain [[this spring|DATE|2019-SP]], and the regional water board said [[Monday|DATE|2019-06-10]] it would cut irrigation quotas by a fifth from [[July 1|DATE|2019-07-01]].

It is the third cut in [[five years|DURATION|P5Y]]. The board last rationed water in [[2017|DATE|2017]], when the river fell to its lowest level since records began in [[1921|DATE|1921]].

"We have had [[eight dry months|DURATION|P8M]] out of ten. The quota will be reviewed [[every two weeks|SET|P2W]] until [[the autumn|DATE|2019-FA]]," said board chairman Lucas Ferreira-Holt.

Wheat growers say the crop needs rain within [[the next ten days|DURATION|P10D]]. Some orchards have been watered only [[once a week|SET|P1W]] since [[mid-May|DATE|2019-05|MID]], and forecasters expect little relief before [[the end of June|DATE|2019-06|END]].

Average rainfall for [[June|DATE|2019-06]] is 48 millimetres; so far [[this month|DATE|2019-06]] the valley has had four.

Farmers in the valley lost an estimated 40 million in [[2017|DATE|2017]], and insurers paid claims for [[more than 18 months|DURATION|P18M|MORE_THAN]]. [[Last week|DATE|2019-W23]], several growers began selling cattle early, a practice last seen in the drought of [[the early 1990s|DATE|199X|START]].

The board meets again on [[June 24|DATE|2019-06-24]].
""")

art("fy-diplomacy-fishing", "2021-11-25", "Calder Sea states agree to halve catches", """
LOSSBERG —

Leaders of the nine Calder Sea states ended [[two days|DURATION|P2D]] of talks in Lossberg on [[Wednesday|DATE|2021-11-24]] with a pledge to halve fishing catches by [[2030|DATE|2030]].

The agreement, [[18 months|DURATION|P18M]] in the making, replaces a treaty signed in [[1996|DATE|1996]] that expired [[last December|DATE|2020-12]]. Negotiators worked through [[Tuesday night|TIME|2021-11-23TNI]] to settle the last quotas, and [[earlier this week|DATE|2021-W47]] the talks nearly collapsed over herring.

"For [[a quarter of a century|DURATION|P25Y]] we managed this sea by handshake. [[Today|DATE|2021-11-24]] we write it down," Foreign Minister Anya Dorsett said [[late Wednesday|DATE|2021-11-24|END]]. Dorsett has been foreign minister since [[2015|DATE|2015]].

Parliaments in each state have [[six months|DURATION|P6M]] to ratify the deal, which would take effect on [[Jan. 1, 2023|DATE|2023-01-01]]. Catch limits will be set [[annually|SET|P1Y]] by a joint commission that will meet [[twice a year|SET|P1Y]].

Fish stocks have fallen by about a third over [[the past 25 years|DURATION|P25Y]]. Crews will have until [[March|DATE|2022-03]] to register their boats, and the next summit is planned for [[autumn 2023|DATE|2023-FA]] in Varrow.
""")

art("fy-tech-earnings", "2018-02-01", "Quillon profit rises on holiday router sales", """
HALDEN BAY —

Quillon, the Halden Bay maker of home routers, said [[Wednesday|DATE|2018-01-31]] that its profit rose 22 percent in [[the final three months of 2017|DATE|2017-Q4]], helped by holiday sales. Revenue for [[the full year|DATE|2017]] reached 1.9 billion crowns, up from 1.6 billion in [[2016|DATE|2016]].

The company expects growth to slow in [[the first quarter|DATE|2018-Q1]] as it phases out older models, chief executive Mira Solberg told analysts on a call [[Wednesday evening|TIME|2018-01-31TEV]].

Quillon shares, which have doubled over [[the past 12 months|DURATION|P12M]], fell 4 percent in early trading [[Thursday|DATE|2018-02-01]].

The company will launch its next router in [[April|DATE|2018-04]] and will release software updates [[monthly|SET|P1M]] rather than [[every quarter|SET|P3M]]. Its warranty will be extended to [[three years|DURATION|P3Y]].

Solberg, who founded Quillon [[11 years ago|DATE|2007]] in a rented garage, said the firm would hire 300 engineers [[this year|DATE|2018]]. The company has paid a dividend [[each year|SET|P1Y]] since [[2012|DATE|2012]]. A recall of 40,000 routers in [[the summer of 2016|DATE|2016-SU]] cost it about 30 million crowns.
""")

art("fy-obituary-fiddler", "2014-04-07", "Ines Marrow, fiddler of the Pellan coast, dies at 88", """
PELLAN —

Ines Marrow, a fiddler who helped revive the dance music of the Pellan coast, died [[Saturday|DATE|2014-04-05]] at her home. She was 88. Her daughter, Ruth, said she had been ill for [[several months|DURATION|PXM]].

Born in a fishing village in [[1925|DATE|1925]], Marrow learned the fiddle from her grandfather and played at weddings [[every weekend|SET|XXXX-WXX-WE]] as a teenager. She made her first recording in [[the spring of 1951|DATE|1951-SP]] and by [[the end of the decade|DATE|195X|END]] was touring the coast with her own band.

For [[more than 30 years|DURATION|P30Y|MORE_THAN]] she taught at the Pellan Music School, retiring in [[1994|DATE|1994]]. In [[the 1970s|DATE|197X]], when the old dances had nearly vanished, she collected more than 400 tunes from older players.

Her [[1983|DATE|1983]] album "Low Tide Reels" sold more copies in [[a single month|DURATION|P1M]] than any folk record before it. She played her last public concert in [[October 2012|DATE|2012-10]].

Her husband, the boat builder Tom Marrow, died in [[2003|DATE|2003]]. The funeral is [[Thursday|DATE|2014-04-10]], and a memorial concert will be held at the school on [[April 19|DATE|2014-04-19]].
""")

art("fy-transport-strike", "2020-09-30", "Orrin train drivers call 48-hour strike", """
ORRIN —

Train drivers on the Orrin regional network will strike for [[48 hours|DURATION|PT48H]] from [[6 a.m. Friday|TIME|2020-10-02T06:00]], their union said [[Tuesday|DATE|2020-09-29]], the second walkout in [[a month|DURATION|P1M]].

The last strike, on [[Sept. 14|DATE|2020-09-14]], cancelled about 900 trains and left commuters stranded for [[hours|DURATION|PTXH]]. Talks broke down [[late Monday|DATE|2020-09-28|END]] after [[nine hours|DURATION|PT9H]].

Drivers want a 4 percent raise [[this year|DATE|2020]]; the operator, Orrin Rail, has offered 2 percent [[a year|SET|P1Y]] for [[three years|DURATION|P3Y]]. Drivers have not had a raise since [[2018|DATE|2018]], the union says.

Orrin Rail said it would run a reduced timetable during the strike, with one train [[an hour|SET|PT1H]] on main lines such as Route 4 between [[7 a.m.|TIME|2020-10-02T07:00]] and [[7 p.m.|TIME|2020-10-02T19:00]]. Services are expected to return to normal by [[Sunday morning|TIME|2020-10-04TMO]].

Passenger numbers have fallen by half since [[March|DATE|2020-03]], and the operator lost 80 million crowns in [[the first half|DATE|2020-H1]]. The union has threatened a further strike in [[the week of Oct. 19|DATE|2020-W43]].
""")

art("fy-education-exams", "2022-08-18", "Exam pass rate highest in a decade", """
BRANTLEY —

More students passed the Brantley school-leaving exam [[this year|DATE|2022]] than at any time in [[the past decade|DURATION|P10Y]], figures released [[Thursday|DATE|2022-08-18]] show.

The pass rate rose to 81 percent from 76 percent in [[2021|DATE|2021]]. Schools had [[nearly two years|DURATION|P2Y|APPROX]] of disrupted teaching before exams returned to normal [[last year|DATE|2021]]. Education Secretary Paulo Venn called the [[2022|DATE|2022]] results "a recovery, not a miracle."

Students can appeal their grades until [[Sept. 9|DATE|2022-09-09]], and resit papers will be held in [[November|DATE|2022-11]]. The new school year begins on [[Aug. 29|DATE|2022-08-29]].

Venn said a reformed exam, [[three years|DURATION|P3Y]] in the planning, would be introduced in [[2025|DATE|2025]] and taken by students who are [[now|DATE|PRESENT_REF]] in their second year of secondary school. Teachers' unions have asked for [[at least 12 months|DURATION|P12M|EQUAL_OR_MORE]] of notice before any change to the syllabus.

Results were published online at [[8 a.m.|TIME|2022-08-18T08:00]], and the exam board's website was down for [[about 40 minutes|DURATION|PT40M|APPROX]]. In [[the 1980s|DATE|198X]], fewer than half of students passed. The board publishes a breakdown by school [[every autumn|SET|XXXX-FA]].
""")

art("fy-science-glacier", "2016-03-06", "Selva glacier shrinking faster, ice core shows", """
TORVIK —

The Selva glacier has lost about a fifth of its ice since [[1950|DATE|1950]], and the loss has sped up in [[the past 15 years|DURATION|P15Y]], according to a study published [[this week|DATE|2016-W09]].

Researchers from Torvik University drilled a 300-metre core in [[the summer of 2014|DATE|2014-SU]] and dated layers going back [[about 2,000 years|DURATION|P2000Y|APPROX]]. The core shows the glacier grew during [[the 17th century|DATE|16]], in a cold spell that lasted until [[the mid-1800s|DATE|18|MID]].

If melting keeps this pace, the glacier could vanish within [[80 years|DURATION|P80Y]], lead author Freya Lund said [[Saturday|DATE|2016-03-05]]. Her team measures the glacier's front [[twice a month|SET|P1M]].

The front retreated 42 metres in [[2015|DATE|2015]] alone, the most in [[a single year|DURATION|P1Y]] since measurements began [[six decades ago|DATE|1956]]. The study appears in the [[March|DATE|2016-03]] issue of the Northern Ice Journal. Field work will resume in [[June|DATE|2016-06]], when the team returns to the ice for [[six weeks|DURATION|P6W]].
""")

art("fy-courts-bribery", "2023-05-22", "Former harbour official jailed for bribery", """
KELLBRIDGE —

A former harbour official was sentenced [[Friday|DATE|2023-05-19]] to [[six years|DURATION|P6Y]] in prison for taking bribes from shipping agents over a period of [[four years|DURATION|P4Y]].

Judge Helen Ostrova said Bram Keel, 52, could apply for parole after [[three years|DURATION|P3Y]]. Keel was convicted in [[February|DATE|2023-02]] after a [[five-week|DURATION|P5W]] trial.

Prosecutors said Keel took payments [[every month|SET|P1M]] from [[2015|DATE|2015]] to [[2019|DATE|2019]] in exchange for letting ships skip inspections. He has been on bail since his arrest in [[2020|DATE|2020]].

Keel's lawyer said [[Sunday|DATE|2023-05-21]] that he would appeal within the [[30-day|DURATION|P30D]] limit. The court ordered Keel to repay 1.2 million crowns within [[two years|DURATION|P2Y]]. Two shipping agents who paid him will be sentenced on [[June 5|DATE|2023-06-05]].

The port has changed its rules since the case came to light: inspectors [[now|DATE|PRESENT_REF]] rotate [[every six months|SET|P6M]]. It was the port's first bribery conviction in [[more than 20 years|DURATION|P20Y|MORE_THAN]]. Keel showed no emotion when the sentence was read out at [[3 p.m.|TIME|2023-05-19T15:00]]
""")

art("fy-weather-ferries", "2019-10-15", "Storm halts island ferries", """
ORM BAY —

Ferries between Orm Bay and the outer islands were cancelled [[this afternoon|TIME|2019-10-15TAF]] as gusts topped 110 kilometres per hour.

The coastguard said [[this morning|TIME|2019-10-15TMO]] that the storm would peak [[overnight|TIME|2019-10-15TNI]] and ease by [[Wednesday afternoon|TIME|2019-10-16TAF]]. It is the fourth storm to hit the bay since [[the start of September|DATE|2019-09|START]] and the strongest in [[six years|DURATION|P6Y]].

Schools on the islands will stay closed [[tomorrow|DATE|2019-10-16]]. Power crews have been on standby since [[Sunday night|TIME|2019-10-13TNI]]. In [[October 2013|DATE|2013-10]], a similar storm cut power to 9,000 homes for [[three days|DURATION|P3D]].
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
