"""Person-name helpers shared by entities and quotes: titles (roles), surnames, compatibility.

Pure string functions, no spaCy: ``split_title("Police Commissioner Bill Bratton")`` ->
``("Police Commissioner", "Bill Bratton")``;
``name_key("Bill de Blasio")`` -> ``("bill", "de blasio")``.
"""

from __future__ import annotations

import re

# Written title -> the role we record. Multi-word titles first (longest match wins).
TITLES: dict[str, str] = {
    "police commissioner": "Police Commissioner",
    "fire commissioner": "Fire Commissioner",
    "vice president": "Vice President",
    "attorney general": "Attorney General",
    "prime minister": "Prime Minister",
    "secretary of state": "Secretary of State",
    "city council speaker": "City Council Speaker",
    "council speaker": "Council Speaker",
    "house speaker": "House Speaker",
    "police chief": "Police Chief",
    "chief justice": "Chief Justice",
    "district attorney": "District Attorney",
    "dist. atty.": "District Attorney",
    "deputy dist. atty.": "Deputy District Attorney",
    "asst. dist. atty.": "Assistant District Attorney",
    "assistant district attorney": "Assistant District Attorney",
    "atty. gen.": "Attorney General",
    "press secretary": "Press Secretary",
    "lt. gov.": "Lieutenant Governor",
    "lieutenant governor": "Lieutenant Governor",
    "mayor": "Mayor",
    "gov.": "Governor",
    "governor": "Governor",
    "president": "President",
    "commissioner": "Commissioner",
    "sgt.": "Sergeant",
    "sgt": "Sergeant",
    "sergeant": "Sergeant",
    "officer": "Officer",
    "patrolman": "Officer",
    "det.": "Detective",
    "detective": "Detective",
    "lt.": "Lieutenant",
    "lieutenant": "Lieutenant",
    "capt.": "Captain",
    "captain": "Captain",
    "chief": "Chief",
    "inspector": "Inspector",
    "chief constable": "Chief Constable",
    "constable": "Constable",  # British police ranks: "Deputy Chief Constable Adrian Vell"
    "trooper": "Trooper",
    "deputy": "Deputy",
    "agent": "Agent",
    "sen.": "Senator",
    "senator": "Senator",
    "rep.": "Representative",
    "representative": "Representative",
    "congressman": "Representative",
    "congresswoman": "Representative",
    "councilman": "Council Member",
    "councilwoman": "Council Member",
    "judge": "Judge",
    "justice": "Justice",
    "secretary": "Secretary",
    "speaker": "Speaker",
    "chancellor": "Chancellor",
    "minister": "Minister",
    "ambassador": "Ambassador",
    "pope": "Pope",
    "cardinal": "Cardinal",
    "bishop": "Bishop",
    "archbishop": "Archbishop",
    "rev.": "Reverend",
    "reverend": "Reverend",
    "father": "Father",
    "dr.": "Doctor",
    "prof.": "Professor",
    "professor": "Professor",
    "gen.": "General",
    "general": "General",
    "col.": "Colonel",
    "colonel": "Colonel",
    # military and naval ranks, written out and abbreviated
    "lt. col.": "Lieutenant Colonel",
    "lieutenant colonel": "Lieutenant Colonel",
    "maj. gen.": "Major General",
    "major general": "Major General",
    "lt. gen.": "Lieutenant General",
    "lieutenant general": "Lieutenant General",
    "brig. gen.": "Brigadier General",
    "brigadier general": "Brigadier General",
    "brigadier": "Brigadier",
    "maj.": "Major",
    "major": "Major",
    "admiral": "Admiral",
    "adm.": "Admiral",
    "vice admiral": "Vice Admiral",
    "vice adm.": "Vice Admiral",
    "rear admiral": "Rear Admiral",
    "rear adm.": "Rear Admiral",
    "commodore": "Commodore",
    "commander": "Commander",
    "cmdr.": "Commander",
    "cdr.": "Commander",
    "corporal": "Corporal",
    "cpl.": "Corporal",
    "sheriff": "Sheriff",
    "coach": "Coach",
    "fire chief": "Fire Chief",
    "superintendent": "Superintendent",
    "supt.": "Superintendent",
    "insp.": "Inspector",
    "principal": "Principal",
    "council member": "Council Member",
    "council president": "Council President",
    "board president": "Board President",
    "board member": "Board Member",
    "director": "Director",
    "chairman": "Chair",
    "chairwoman": "Chair",
    "chair": "Chair",
    "spokesman": "Spokesperson",
    "spokeswoman": "Spokesperson",
    "spokesperson": "Spokesperson",
    "prosecutor": "Prosecutor",
}
# Roles that are ranks of one ladder (armed forces, police): a person holds one at a time, so
# two outlets giving one person two of them disagree. Posts are not ranks: a sergeant may
# also be a spokesperson, a senator become president.
RANKS = frozenset({
    "Corporal", "Sergeant", "Lieutenant", "Captain", "Major", "Lieutenant Colonel", "Colonel",
    "Brigadier", "Brigadier General", "Major General", "Lieutenant General", "General",
    "Commander", "Commodore", "Rear Admiral", "Vice Admiral", "Admiral",
})
# Honorifics are stripped from names but are not roles.
HONORIFICS = frozenset({"mr.", "mrs.", "ms.", "miss", "mr", "mrs", "ms", "sir", "dame", "lady"})
# Role word used in running text ("the mayor") -> the roles it may refer to.
ROLE_NOUNS: dict[str, tuple[str, ...]] = {
    "mayor": ("Mayor",),
    "governor": ("Governor", "Lieutenant Governor"),
    "president": ("President",),
    "commissioner": ("Police Commissioner", "Commissioner", "Fire Commissioner"),
    "sergeant": ("Sergeant",),
    "officer": ("Officer",),
    "detective": ("Detective",),
    "senator": ("Senator",),
    "speaker": ("Speaker", "House Speaker", "City Council Speaker", "Council Speaker"),
    "judge": ("Judge",),
    "secretary": ("Secretary", "Secretary of State", "Press Secretary"),
    "reverend": ("Reverend",),
    "pastor": ("Reverend",),
    "sheriff": ("Sheriff",),
    "coach": ("Coach",),
    "superintendent": ("Superintendent",),
    "principal": ("Principal",),
    "director": ("Director",),
    "chief": ("Chief", "Police Chief", "Fire Chief"),
    "spokesman": ("Spokesperson",),
    "spokeswoman": ("Spokesperson",),
    "minister": ("Minister", "Prime Minister"),
    "congressman": ("Representative",),
    "congresswoman": ("Representative",),
    "lawmaker": ("Senator", "Representative"),
}
# British style writes some abbreviated titles without their full stop ("Dr", "Insp", "Det
# Sgt"), capitalised before a name (a lower-case "prof" or "det" is a word). Only these: "Gen"
# or "Sen" without a full stop is as often a given name ("Gen <Surname>", PolNeAR train)
_UNDOTTED = {k.replace(".", ""): TITLES[k] for k in ("dr.", "prof.", "insp.", "supt.", "det.",
                                                      "capt.", "cmdr.", "cpl.")}
PARTICLES = frozenset(
    {"de", "del", "della", "der", "di", "da", "du", "van", "von", "la", "le", "bin", "al", "st."}
)
SUFFIXES = frozenset({"jr.", "jr", "sr.", "sr", "ii", "iii", "iv"})
_WRITTEN_TITLES = {**TITLES, **_UNDOTTED}  # as a capitalised name's title is written
_TITLE_WORDS = sorted(_WRITTEN_TITLES, key=lambda t: -len(t))
_POSSESSIVE = re.compile(r"(?:['\u2019]s|(?<=s)['\u2019])$")


def strip_possessive(text: str) -> str:
    """``"Liu's"`` -> ``"Liu"``, ``"Ramos'"`` -> ``"Ramos"``."""
    return _POSSESSIVE.sub("", text)


def split_title(name: str) -> tuple[str | None, str]:
    """Leading titles and honorifics off a name: ``(role or None, bare name)``."""
    role = None
    rest = name.strip()
    changed = True
    while changed and rest:
        changed = False
        low = rest.lower()
        for title in _TITLE_WORDS:
            if low.startswith(title + " ") and len(rest) > len(title) + 1:
                role = role or _WRITTEN_TITLES[title]
                rest = rest[len(title) + 1 :].lstrip()
                changed = True
                break
        else:
            first = low.split(" ", 1)[0]
            if first in HONORIFICS and " " in rest:
                rest = rest.split(" ", 1)[1].lstrip()
                changed = True
    return role, rest


def title_role(word: str) -> str | None:
    """The role for one title word or phrase (``"Sgt."`` -> ``"Sergeant"``), else None."""
    low = word.lower().strip()
    return TITLES.get(low) or (_UNDOTTED.get(low) if word.strip()[:1].isupper() else None)


def name_parts(name: str) -> tuple[list[str], str]:
    """``(given names, surname)``; the surname keeps its particles (``"de Blasio"``)."""
    tokens = [t for t in name.replace("\u00a0", " ").split() if t.lower() not in SUFFIXES]
    if not tokens:
        return [], ""
    i = len(tokens) - 1
    while i > 0 and tokens[i - 1].lower() in PARTICLES:
        i -= 1
    return tokens[:i], " ".join(tokens[i:])


def name_key(name: str) -> tuple[str, str]:
    """Case-insensitive key: (first given name or "", surname)."""
    given, surname = name_parts(name)
    return (given[0].lower().rstrip(".") if given else "", surname.lower())


def given_compatible(a: str, b: str) -> bool:
    """First names agree: equal, one empty, or one is the other's initial."""
    if not a or not b or a == b:
        return True
    return (len(a) == 1 and b.startswith(a)) or (len(b) == 1 and a.startswith(b))


def names_compatible(a: str, b: str) -> bool:
    """Same surname (case-insensitive) and compatible first names."""
    ga, sa = name_key(a)
    gb, sb = name_key(b)
    return bool(sa) and sa == sb and given_compatible(ga, gb)


def completeness(name: str) -> tuple[int, int]:
    """How complete a name form is: (token count, length)."""
    return (len(name.split()), len(name))
