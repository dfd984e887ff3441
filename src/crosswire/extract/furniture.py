"""Page furniture: the parts of an article's text that are not the article.

Scraped news text carries more than the story: photo captions and credits ("Enlarge this
image toggle caption Jane Roe/AP", "Hide Caption 3 of 12", "Photo: X/Getty Images"), player
controls ("playpause"), copyright and wire lines, "Read more" and newsletter prompts, lists of
other stories' headlines (sidebars), fact boxes, embedded posts, author bios, section headings,
the headline repeated on the first line, and sometimes a second, unrelated story appended
under the first. The text is kept as given (offsets stay true); ``find_nonbody`` returns the
spans that are not body, and the brief never builds a summary line, a timeline line, a quote
or a claim from them.

The signals are general, read line by line (the parser starts a sentence at every line break):

- cue words at the start of a line (caption, credit, copyright, promo and social prompts);
- a credit at the end of a line ("... (Getty Images)", "Photograph: X/AP") or a line that is
  only a credit ("Jane Roe/Getty Images", "PA");
- the shape of a line: no sentence-final punctuation in a text whose lines otherwise end in
  one, together with no finite verb (a heading), a present-tense main verb (a caption: "Fans
  celebrate outside the stadium"), caption words ("pictured", "is seen"), a "Label: caption"
  form, or the words of another line of the text (a caption repeating the body);
- runs of such short headline-like lines (a sidebar), and lines after "Read more"/"Related";
  a capitalised heading opening a fact box; a menu of capitalised words; a time stamp line
  ("Updated: March 3, 2027, 6:42 PM ET"); an author's bio opening or closing a column;
- a cue inside a line ("... reports playpause On Sunday ..."): the cue and the caption words
  before it, not the sentence after it; a credit closing a line ("(Reporting by ...)");
- a dateline ("LONDON (Reuters) -") a few lines down: what comes before it is a caption or a
  headline; a second dateline, or a late heading followed by lines that
  share no names with the story so far, starts an appended story, which runs to the end (not
  a question: columns ask them, and the text after one shares few names);
- slides of a gallery: three lines or more in a row opening with one title and then a capital;
  an image's alt text doubled into its caption ("Acme Acme runs ..."); a title-case title run
  into the text under it (a graphic); a box's lead opening with a word in capitals that the
  text otherwise writes in lower case; a sentence in another language than the text's; short
  lines from "Read more" to the end, full stop or not (teasers); a fact box closing the text
  (a short late heading, then a few lines in the present tense where no one speaks: "About
  the Hotel"); a later copy of a body line next to furniture (a caption repeating the body).

``in_body(extraction, start, end)`` tells whether a span is clear of every non-body span;
``overlaps(spans, start, end)`` does the same on the spans themselves (before the
``Extraction`` exists). Measured on the news-stream dev set (193 scraped articles): 19% of the
characters are marked, almost all captions, promos and sidebars; on ECB+ (clean text, train and
dev) 2.8%, mostly headlines and time stamps.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Sequence
from typing import Any

from ..lexicon import stop_words
from ..records import Extraction, NonBody
from .spans import HEADLINE_WORDS

KINDS = ("headline", "caption", "credit", "copyright", "promo", "sidebar", "heading", "embed",
         "bio", "appended")  # fmt: skip

MAX_HEADING_WORDS = 14  # a heading or sidebar headline is short
MAX_CAPTION_WORDS = 60  # a caption is one to three sentences
PUNCTUATED_SHARE = 0.35  # share of the text (in lines of 8+ words) ending a sentence for the
# shape rules to apply: where lines end without punctuation as a rule, that is the style
DUPLICATE_SHARE = 0.8  # share of a line's words found in another line: a repeat (caption)
PREAMBLE_CHARS = 1500  # a dateline this far in: what precedes it is a caption or headline
APPENDED_MIN_BODY = 300  # body characters before a second story can start
APPENDED_MIN_AFTER = 200  # and in it, after a heading
APPENDED_SHARE = 0.15  # most a second story shares of the first one's names and top words
APPENDED_TOP_WORDS = 25  # its most frequent words compared
TRAILER_CHARS = 700  # after a copyright line this close to the end, the rest is trailer
GALLERY_RUN = 3  # lines in a row opening with one title: slides of a gallery
BIO_LINES = 3  # lines of a bio under an "About the author" heading
GALLERY_TITLE_WORDS = 3  # words of that title at least
FOREIGN_MIN_WORDS = 8  # a line this long with almost none of the text's function words
FOREIGN_SHARE = 0.05  # (at most this share) is in another language: a box, not the story
ENGLISH_SHARE = 0.25  # when the text's own share is at least this
COPY_MIN_WORDS = 6  # content words of a line that repeats an earlier one (a caption)
COPY_OPENING = 4  # the opening lines (summary bullets): the body may repeat them
FACT_BOX_LINES = 3  # lines of a fact box under a late heading, at most
PAST_CAPTIONS = 3  # unpunctuated past-tense lines that make a text's caption style
TEASER_MAX_LINES = 8  # after "Read more", this many short lines up to the end are teasers
LABELLED_SHARE = 0.7  # words capitalised (or numbers): a menu, a list of headlines, a map
LABEL_TAIL_WORDS = 8  # words at least of a map's labels run onto the end of a line

_AGENCY = (r"(?:Getty(?:\s+Images)?|GETTY(?:\s+IMAGES)?|Reuters|REUTERS|AP|AFP|EPA|PA|"
           r"Associated\s+Press|Press\s+Association|Rex(?:\s+Features)?|REX|Shutterstock|"
           r"Alamy|SWNS|Bloomberg|Xinhua|dpa|Storyful|WireImage|iStock|Landov|Corbis|"
           r"Sipa|NurPhoto|Anadolu|ANI|PTI|IANS)")  # fmt: skip
_CREDIT_WORD = re.compile(rf"\b{_AGENCY}\b|\bImages?\b|\bPhoto(?:graph)?s?\b|\bCourtesy\b"
                          r"|\bvia\b|/")  # fmt: skip

# cue words at the start of a line -> kind; the whole line is furniture
_LINE_CUES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(pattern, re.IGNORECASE if ci else 0))
    for kind, pattern, ci in (
        ("caption", r"(?:photos?|images?|pictures?|photograph|video|watch|gallery|graphic|"
                    r"illustration|caption|credit|slideshow)\s*(?:\(\d+[^)]*\))?\s*[:|]", True),
        ("caption", r"(?:photo|photos|image|video|audio|graphic|slideshow|gallery|listen|"
                    r"watch|advertisement|next|prev|previous|close|play|pause|playpause|"
                    r"replay|loading|share)\W*$", True),
        ("caption", r"image (?:copyright|caption)\b|media (?:caption|playback)\b|"
                    r"enlarge this image\b|toggle caption\b|hide caption\b|"
                    r"slideshow \(\d+ images?\)", True),
        ("caption", r"file\s*(?:photo\b|[-–—:]\s*(?:in )?th(?:is|ese)\b)", True),
        ("caption", r"(?:CLOSE|JUST WATCHED|MUST WATCH|Skip in Skip|Facebook Twitter Pinterest)"
                    r"\b", False),
        ("caption", r"\d+\s+of\s+\d+\s+(?:full screen|autoplay)|\d{1,3}/\d{1,3}\s+\S|"
                    r"\d+ show all\b", True),
        ("caption", r"scroll (?:down )?for (?:video|more)\b|your browser does not support|"
                    r"this video (?:is|has)\b|media playback\b", True),
        ("copyright", r"(?:copyright\b|©|\(c\)\s|all rights reserved\b)", True),
        ("credit", r"\(?(?:additional )?reporting by\b|editing by\b|writing by\b|compiled by\b|"
                   r"(?:—\s*)?with assistance (?:by|from)\b|information from\s*:|"
                   r"this (?:article|story|report|post) (?:was|has been|originally|first)\b|"
                   r"this is a breaking news story\b|disclaimer\s*:|about the author\b|"
                   r"(?:an? )?earlier versions? of this (?:story|article|report|post)\b|"
                   r"external (?:links|sites) (?:are|is) provided\b|"
                   r"(?:update|updated|correction|clarification|editor['’]s note)\b[^:]{0,40}:|"
                   r".{0,80}\bcontributed (?:to )?(?:this|the) (?:report|story|article)\W*$|"
                   r"source\s*:|by [A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,3}\W*$|"
                   # a byline with its posting date: "On behalf of <name> posted in <section>
                   # on <date>.", "Posted in <section> on <date>", "By <name> | published <date>"
                   r"(?:on behalf of|by)\b[^\n]{2,80}?\b(?:posted|published|updated)\b"
                   r"[^\n]{0,60}\b(?:19|20)\d\d\W*$|"
                   r"(?:posted|published|updated) (?:in|on|at)\b[^\n]{0,60}\b(?:19|20)\d\d\W*$|"
                   r"[a-z]{2,4}/[a-z]{2,4}(?:/[a-z]{2,4})?\s*\(.*\)\W*$", True),
        ("promo", r"(?:read (?:more|next)|also read|see also|more from\b|related(?: stories| "
                  r"articles| coverage| content)?\b\s*[:\-–]?|most read\b|recommended\b|"
                  r"trending\b|top stories\b|more on\b|more:|more stories\b|watch more\b|"
                  r"click (?:here|to)\b|sign up\b|newsletter sign up\b|subscribe\b|"
                  r"get (?:the|our) [\w ]{0,30}newsletter\b|follow (?:us|@|[A-Z][\w.]+ "
                  r"[A-Z][\w.]+ on)\b|follow\b[^.:]{0,80}\bon (?:twitter|facebook|instagram)\b|"
                  r"like us on\b|check us out\b|join the (?:conversation|"
                  r"discussion)\b|chat with us\b|share this\b|read or share this story\b|"
                  r"we pay for your stories\b|got a (?:confidential )?news tip\b|"
                  r"if you like this story\b|craving even more\b|continue reading\b|"
                  r"advertisement\b|sponsored\b|sorry, this (?:zip|content)|re-enter zip\b|"
                  r"get digital access\b|email address\b|ES News Email\b|"
                  r"for more [\w ]{1,30}coverage\b|live updates\b|savesave)", True),
        ("bio", r"the (?:views|opinions) expressed in this\b", True),
        ("embed", r"(?:pic\.twitter\.com|https?://)\S+\W*$", True),
    )
)
# a whole line that is a URL, a separator or a lone symbol run
_LINE_JUNK = re.compile(r"(?:https?://\S+|www\.\S+|[_\-=*•·.…]{3,}|\W{1,3})\s*$")
# credits at the end of a line that has no sentence-final punctuation after them
_END_CREDIT = re.compile(
    r"(?:\((?:[^()]{0,80}?(?:/|\b" + _AGENCY + r"\b|\bGetty\b|\bImages?\b|\bPhoto\b|\bfile\b|"
    r"\bFile\b|\bCourtesy\b|\bpictured\b|\bhandout\b|\bvia\b)[^()]{0,80})\)"
    r"|\[(?:Photo|Image|Video)[^\]]{0,60}\]"
    r"|\b(?:Photograph|Photographer|Photo|Picture|Image|Credit|Source|Author|Video|Graphic|"
    r"Illustration)s?\s*:\s*[^.:]{2,80}"
    r"|\((?:[A-Z][\w.&'’\-]*\s?){1,6}\)"
    r"|©\s*[^.©]{2,80}"
    r"|\b[A-Z][A-Za-z.'’\- ]{1,40}\s?/\s?(?:" + _AGENCY + r"|[A-Z][\w.&'’\- ]{1,40})"
    r"|\b(?:Getty Images|AFP/Getty(?: Images)?|REUTERS|Reuters|EPA|AP|AFP|PA|Rex(?: Features)?|"
    r"Shutterstock|Alamy|SWNS)"
    r")\s*$"
)
# a caption that opens with its credit (tabloid style): "Getty Images Fans celebrate ..."
_START_CREDIT = re.compile(
    r"(?:Getty\s*-\s*Contributor|Getty Images|GETTY(?: IMAGES)?|Getty|AFP or licensors|"
    r"AP:\s*Associated Press|Usa Today Sports|[A-Z][A-Z ]{1,30}\s*•\s*[A-Z]+|"
    r"Reuters|REUTERS|EPA|AFP|AP|PA|Rex Features|Rex|SWNS|Alamy|Twitter\s*/\s*@\w+)"
    r"\s+(?=[A-Z\"“‘'])"
)
_EMBED = re.compile(r"pic\.twitter\.com/|\bA post shared by\b|\(@\w{1,30}\) on \w+ \d")
_GALLERY = re.compile(r"\b\d+ show all\b|\bHide Caption \d+ of \d+|\bFull Screen Autoplay\b|"
                      r"\bSkip Ad\b|\bView Photos\b|\benable JavaScript\b", re.IGNORECASE)
_PROMPT = re.compile(r"\bclick (?:here|to (?:read|see|watch|view|subscribe|listen))\b|"
                     r"\btell us (?:your|what|in)\b|\bin the comments\b|\bcomments? below\b|"
                     r"\bshare (?:it|this story) with\b|\bsubscribe (?:now|today|here)\b|"
                     r"\b(?:hit|after) the jump\b",  # a blog's "read on" teaser
                     re.IGNORECASE)
_TWEET = re.compile(r"—\s*[^—()\n]{1,60}\(@\w{1,30}\)\s+\w+\s+\d{1,2},\s+\d{4}\W*$")
_CAPTION_WORDS = re.compile(
    r"\((?:pictured|pictured [\w ]{1,20}|left|right|centre|center|top|bottom|above|below|"
    r"[A-Z]-?[A-Z]?|second left|second right|file)\)|\bpictured\b|\bPictured:|"
    r"\b(?:is|are) (?:seen|pictured|shown)\b|\bseen (?:here|in this)\b|\bposes?\b|"
    r"\bphotographed\b|\bcan be seen\b|"
    r"\bin this (?:undated |file |handout )?(?:photo|picture|image)\b",
    re.IGNORECASE,
)
_LABEL = re.compile(  # a tabloid caption's label: "Star: Cardi B ...", not "Lee said: ..."
    r"(?![\w'’ ]*\b(?:said|says|say|tweeted|wrote|writes|told|tells|added|adds|explained|"
    r"stated|posted|asked|replied|declared|announced|noted|according)\b)"
    r"[A-Z][\w'’!?,.\-]*(?: [\w'’!?,.\-]+){0,4}:\s+[A-Z\"“‘']")
_DATELINE = re.compile(
    r"(?P<city>[A-Z][A-Z.'’\-]+(?:\s+[A-Z][A-Z.'’\-]+){0,3})"  # CITY in capitals
    r"(?P<region>(?:,\s*[A-Z][A-Za-z.'’\-]+(?:\s+[A-Z][A-Za-z.'’\-]+){0,2}){0,2}"  # , State
    r"(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?)"  # , Jan 1
    r"\s*(?P<agency>\([A-Z][\w.&'’ ]{0,30}\))?\s*(?:—|–|-{1,2}|_)\s+(?=[A-Z\"“‘'])"
    r"|\((?:AP|Reuters|AFP|CNN|[A-Z][A-Za-z.&'’ ]{1,30})\)\s*(?:—|–|-{1,2})?\s*(?=[A-Z\"“‘'])"
)
_NOT_CITY = frozenset({
    "FILE", "UPDATE", "UPDATED", "CORRECTION", "NOTE", "EDITOR'S", "WATCH", "READ", "MORE",
    "PHOTO", "PHOTOS", "VIDEO", "BREAKING", "EXCLUSIVE", "AP", "AFP", "PA", "EPA", "REUTERS",
    "GETTY", "CLOSE", "LIVE", "ANALYSIS", "OPINION", "COMMENT", "Q", "A", "I",
})
_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*|\d+")
_CAPS_RUN = re.compile(r"(?:[A-Z][A-Z'’&\-]+[,:?!]?\s+)+")
_FIGURE = re.compile(r"[A-Za-z][\w ,'’\-]{0,40}:\s*[$£€]?[\d,.]+\s*\w{0,12}\W*")
_STAMP = re.compile(  # a publication time stamp: "Posted: 03 / 04 / 2027 7:41 am EDT"
    r"(?:(?:posted|updated|published|last updated|modified|created)(?: on| at)?\s*:?\s*|on |"
    r"[|,@\-–—:/.]\s*|\d{1,4}(?:st|nd|rd|th)?\b\s*|(?:a\.?m\.?|p\.?m\.?|am|pm|"
    r"[A-Z]{2,4}T?|GMT|UTC|IST|hrs)\b\s*|(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)"
    r"(?:day|nesday|sday|urday)?\.?,?\s*|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|"
    r"dec)[a-z]*\.?,?\s*|[+\-]\d{2}:?\d{2}\s*|and\s+)+",
    re.IGNORECASE,
)
_YEAR_IN_STAMP = re.compile(r"\b(?:19|20)\d\d\b")  # a stamp gives the year, not only a clock
_NAME = re.compile(r"\b[A-Z][a-z][\w'’\-]+")
_NOT_NAMES = frozenset(
    "the a an this that these those he she it they we i you his her their its our in on at "
    "but and or so as for after before when while if then there here what who how why "
    "monday tuesday wednesday thursday friday saturday sunday january february march april "
    "may june july august september october november december mr mrs ms dr".split())
_TOPIC = re.compile(r"[A-Za-z][a-z'’]{3,}")
_STOP = stop_words("talk")  # the words of four letters or more count (``_TOPIC``)
_CLOSERS = "\"'”’)]»"
_PRESENT = {"VBZ", "VBP"}
_FINITE = {"VBD", "VBZ", "VBP", "MD"}
_FUNCTION = frozenset(
    "a an the of in on at to for from by with and or but as is are was were be it its this "
    "that these those his her their our your my after before over under into out up".split())
_INLINE = (  # furniture inside a line: from the line start (or last sentence end) to the cue
    re.compile(r"\bplaypause\b", re.IGNORECASE),
    re.compile(r"\bHide Caption\s+\d+\s+of\s+\d+\b", re.IGNORECASE),
    re.compile(r"\bReplay More Videos\b.{0,200}?\bMUST WATCH\b.{0,200}?\d{1,2}:\d\d\b"),
)
_INLINE_CREDIT = re.compile(  # a credit closing a body line: only the credit itself
    r"\s*(?:\((?:Additional )?(?:Reporting|Writing|Editing) by [^()]{2,200}\)"
    r"|[—–-]\s*With (?:assistance (?:by|from) )?[A-Z][\w.'’\-]+(?: [A-Z][\w.'’\-]+){0,3}"
    r"|\((?:c|C)\) (?:\d{4} )?[A-Z][\w.&' ]{1,40}"
    r")\s*$"
)
_HIDE = re.compile(r"\bHide Caption\s+\d+\s+of\s+\d+\b", re.IGNORECASE)
# an image's alt text run into its caption: the opening word(s) said twice ("Acme Acme runs")
_DOUBLED = re.compile(r"([A-Z][\w'’.&\-]*(?: [A-Z][\w'’.&\-]*){0,2}) \1 ")
# a title in title case run into the text under it, with no stop between ("How a Small Firm
# Built a Fleet The company began ..."): the title of a graphic or of a box
_TITLE_WORD = r"(?:[A-Z0-9][\w'’.&\-]*|a|an|the|of|for|to|in|on|and|or|at|by|with|from|as|is|vs)"
_TITLE_RUN = re.compile(rf"(?P<run>{_TITLE_WORD}(?: {_TITLE_WORD}){{5,15}}) "
                        r"(?=(?:The|A|An|In|On|This|It|He|She|They|We|When|After|Its|His|Her|"
                        r"Their) \S)")
_TITLE_FUNCTION = frozenset("a an the of for to in on and or at by with from as is vs".split())
# a word in capitals opening a box's lead after its heading ("... step by step ACME is ...")
_CAPS_LEAD = re.compile(r"(?<=[a-z0-9?’'] )(?P<word>[A-Z]{5,})(?= [a-z])")
_AFTER_DETERMINER = re.compile(r"\b(?:the|a|an|of|to|in|for|on|by|with|at|from|and|or)\s$",
                               re.IGNORECASE)
_ENGLISH = frozenset(  # the commonest English words: a line of English has some
    "the a an of to in and is was for on that with as by at it he she they from has have be "
    "are were said this his her their not or but who will its had been which no more so up "
    "out all one two new off now we you i my me us our your do did if can get got yes too "
    "how why what when where there here than then just also over into after before any "
    "some only very".split())
_INLINE_REACH = 240  # how far back an inline cue takes the caption text before it


class _Line:
    __slots__ = ("start", "end", "text", "words", "kind", "ends", "tokens")

    def __init__(self, start: int, end: int, text: str) -> None:
        self.start, self.end, self.text = start, end, text
        self.words = len(text.split())
        self.kind: str | None = None
        self.ends = _ends_sentence(text)
        self.tokens: list[Any] = []


def _ends_sentence(line: str) -> bool:
    """Whether a line ends as a sentence does (or opens a quote or list with a colon)."""
    body = line.rstrip().rstrip(_CLOSERS).rstrip()
    return bool(body) and body[-1] in ".!?…:;"


def _lines(text: str) -> list[_Line]:
    out = []
    pos = 0
    for raw in text.split("\n"):
        start, end = pos, pos + len(raw)
        pos = end + 1
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            out.append(_Line(start, end, text[start:end]))
    return out


def _attach_tokens(lines: list[_Line], doc: Any) -> None:
    starts = [ln.start for ln in lines]
    for tok in doc:
        i = bisect.bisect_right(starts, tok.idx) - 1
        if i >= 0 and tok.idx < lines[i].end and not tok.is_space:
            lines[i].tokens.append(tok)


def _finite(line: _Line) -> bool | None:
    """Whether the line has a finite verb (None without a parse)."""
    if not line.tokens:
        return None
    return any(t.tag_ in _FINITE for t in line.tokens)


def _present_root(line: _Line) -> bool:
    """A one-sentence caption's main verb is in the present ("Fans celebrate outside the
    stadium", "The moon is seen over the bridge")."""
    roots = [t for t in line.tokens if t.dep_ == "ROOT"]
    if len(roots) != 1 or line.words > MAX_CAPTION_WORDS * 2 // 3:
        return False
    root = roots[0]
    if root.tag_ in _PRESENT:
        return True
    return root.tag_ in ("VBN", "VBG") and any(
        c.dep_ in ("aux", "auxpass") and c.tag_ in _PRESENT for c in root.children
    )


def _content(text: str) -> set[str]:
    return {w.casefold() for w in _WORD.findall(text) if w.casefold() not in _FUNCTION}


def _cue_kind(line: _Line) -> str | None:
    text = line.text
    bare = text.lstrip("•●■▪►*·–—- ")  # a cue after a bullet is still a cue
    for kind, pattern in _LINE_CUES:
        if pattern.match(bare):
            return kind
    if _LINE_JUNK.fullmatch(text):
        return "promo"
    if line.words <= 60 and re.search(r"all rights reserved|may not be (?:published|reproduced)"
                                      r"|this material may not", text, re.IGNORECASE):
        return "copyright"
    if _TWEET.search(text) or _EMBED.search(text):
        return "embed"
    if _GALLERY.search(text):
        return "caption"
    if line.words <= 30 and _PROMPT.search(text):
        return "promo"  # "Click to read the full report.", "Tell us in the comments below!"
    if re.fullmatch(r"\[[^\[\]]{3,200}\]", text):
        return "promo"  # "[Another story's headline]"
    if not line.ends and (re.fullmatch(r"[-–—•*]+\s*[^.]{2,80}?\s*[-–—•*]+", text) or (
        line.words <= 10 and re.fullmatch(r"[\"“‘'][^\"“”]{2,80}[\"”’']", text)
    ) or (
        line.words <= 16 and re.fullmatch(r"[\"“‘'][^\"“”]{2,80}[\"”’']\s*[–—-]\s*"
                                          r"[\w .'’\-]{2,40}", text)
    )):
        return "heading"  # "- 'Will not quit' -", "'Impossible situations' – a witness"
    if line.words <= 8 and not line.ends and _CREDIT_WORD.search(text) and (
        "/" in text or all(w[:1].isupper() for w in _WORD.findall(text) if not w.isdigit())
    ):
        return "credit"  # "Jane Roe/Getty Images", "AP - AFP", "Rina Sol via Storyful"
    if not line.ends or text.rstrip().endswith(")"):
        if _END_CREDIT.search(text) and (line.words <= MAX_CAPTION_WORDS * 2):
            return "caption"
    if text.rstrip().endswith(("Read more", "Read More")):
        return "promo"
    if not line.ends and line.words >= 4 and _DOUBLED.match(text):
        return "caption"  # "Acme Acme runs forty boats to the islands"
    if _title_run(text):
        return "caption"
    m = _START_CREDIT.match(text)
    if m and (not line.ends or line.words <= 25):
        return "caption"
    caps = _CAPS_RUN.match(text)
    if (caps and len(caps.group(0).split()) >= 3 and text[caps.end() : caps.end() + 1] not in "—–-"
            and not _DATELINE.match(text)
            and not re.match(r"[A-Z][A-Z .,'’\-]+:\s+(?![A-Z]{2,}\b)", text)):
        return "sidebar"  # a fact box under a capitalised heading (not a "LEAD-IN — ...")
    if line.words >= 12 and not line.ends:
        words = [w for w in _WORD.findall(text) if not w.isdigit()]
        upper = sum(1 for w in words if w[:1].isupper())
        if words and upper / len(words) >= LABELLED_SHARE:
            return "sidebar"  # a menu, a list of headlines or section names
    if line.words <= MAX_HEADING_WORDS and text.isupper() and any(c.isalpha() for c in text):
        return "heading"
    return None


def _title_run(text: str) -> bool:
    """A line that opens with a title in title case run into a sentence: at least five
    capitalised words, lower case only for a few short function words (at least one)."""
    m = _TITLE_RUN.match(text)
    if not m:
        return False
    words = m.group("run").split()
    small = sum(w in _TITLE_FUNCTION for w in words)
    return small >= 1 and len(words) - small >= 5


def _inline_spans(line: _Line) -> list[tuple[int, int]]:
    """Furniture inside a body line: the cue and the caption text just before it."""
    out = []
    for pattern in _INLINE:
        for m in pattern.finditer(line.text):
            begin = 0
            before = line.text[: m.start()]
            ends = [e.end() for e in re.finditer(r"[.!?][\"'”’)]*\s+", before)]
            if ends:
                begin = ends[-1]
            if m.start() - begin > _INLINE_REACH:
                begin = m.start()
            out.append((line.start + begin, line.start + m.end()))
    credit = _INLINE_CREDIT.search(line.text)
    if credit and credit.start() > 0:
        lead = len(credit.group(0)) - len(credit.group(0).lstrip())
        out.append((line.start + credit.start() + lead, line.end))
    tail = _label_tail(line.text)
    if tail is not None:
        out.append((line.start + tail, line.end))
    for m in _ENTRY_STAMP.finditer(line.text):
        # a live blog's entry: its stamp, its label and the heading run into its first
        # sentence with no stop between them, so up to that sentence's end
        end = _SENTENCE_END.search(line.text, m.end())
        out.append((line.start + m.start(), line.start + (end.end() if end else len(line.text))))
    return out


# a live blog's entry stamp run into a paragraph: a clock time, a dash and a label in
# capitals ("11.38am - UPDATE -", "9:05 PM — BREAKING:"); "10:45 a.m. Police say ..." is a
# sentence of its own
_ENTRY_STAMP = re.compile(
    r"(?<![\w.])\d{1,2}[.:]\d{2}\s?(?:[ap]\.?m\.?|[AP]\.?M\.?)\s*[-–—]\s*"
    r"[A-Z]{3,}(?:\s[A-Z]{3,})*\s*[-–—:]")
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*(?=\s|$)")


def _label_tail(text: str) -> int | None:
    """Where the labels of a map or a diagram start when they run onto the end of a line:
    after a sentence, ``LABEL_TAIL_WORDS`` or more words to the end with no full stop,
    mostly capitalised or numbers ("... the road. SLIPWAY B BOATHOUSE 4 KELBY PIER 250
    YARDS 3 8 Boats moored here COASTGUARD HUT Drawing by Coast Wire"). The earliest such
    start: a label's own abbreviations ("ST.") end no sentence."""
    body = text.rstrip()
    if not body or body[-1] in ".!?:;\"'\u201d\u2019)":
        return None
    for m in re.finditer(r"[.!?][\"'\u201d\u2019)]*\s+", body):
        words = _WORD.findall(body[m.end() :])
        if len(words) < LABEL_TAIL_WORDS:
            return None
        labelled = sum(1 for w in words if w[:1].isupper() or w.isdigit())
        if labelled >= LABELLED_SHARE * len(words):
            return m.end()
    return None


def _gallery_end(line: _Line) -> int:
    """Where a run of gallery captions ends on a line the body goes on after
    ("... Hide Caption 15 of 25 The storm reached the coast ... said.")."""
    if line.kind != "caption":
        return line.end
    hides = list(_HIDE.finditer(line.text))
    if not hides:
        return line.end
    last = hides[-1]
    rest = line.text[last.end() :].strip()
    return line.start + last.end() if len(rest.split()) >= 8 and _ends_sentence(rest) else line.end


def _dateline(line: _Line) -> bool:
    m = _DATELINE.match(line.text)
    if not m:
        return False
    city = (m.group("city") or "").split()
    if city and city[0].rstrip(".:") in _NOT_CITY:
        return False
    # a capitalised lead-in ("QUESTIONABLE MEDICAL CLAIMS — ...") is no place name: a
    # dateline of three capitalised words or more names its region or agency
    return len(city) <= 2 or bool(m.group("region") or m.group("agency"))


def _is_title(line: _Line, title: str | None) -> bool:
    if not title:
        return False
    a = " ".join(_WORD.findall(line.text.casefold()))
    b = " ".join(_WORD.findall(title.casefold()))
    return bool(a and b) and (a == b or (len(b) >= 20 and b in a) or (len(a) >= 20 and a in b))


def find_nonbody(text: str, title: str | None = None, doc: Any = None) -> tuple[NonBody, ...]:
    """Non-body spans of ``text``, sorted, not overlapping. ``title`` (the article's title)
    finds the headline repeated on the first line; ``doc`` (the parse of ``text``) tells
    headings and captions from sentences by their verbs; without it only the cue, credit,
    run and dateline rules apply."""
    lines = _lines(text)
    if not lines:
        return ()
    if doc is not None:
        _attach_tokens(lines, doc)
    for ln in lines:
        ln.kind = _cue_kind(ln)
    if lines[0].kind == "sidebar" and lines[0].ends:
        lines[0].kind = None  # an opening sentence with a capitalised lead-in
    _bio(lines)
    _gallery(lines)
    _foreign(lines)
    _boxes(lines, text)
    _headline(lines, title)
    _preamble(lines)
    _shape(lines)
    _copies(lines)
    _listed_under_a_label(lines)
    _fact_box(lines)
    _promo_runs(lines)
    _appended(lines, title)
    _trailer(lines, len(text))
    spans: list[tuple[int, int, str | None]] = [(ln.start, _gallery_end(ln), ln.kind)
                                                for ln in lines if ln.kind]
    for ln in lines:
        if ln.kind is None:
            spans.extend((s, e, "caption") for s, e in _inline_spans(ln))
    return _merge(spans)


_ABOUT_AUTHOR = re.compile(r"about the authors?\W*", re.IGNORECASE)
_BIO = re.compile(r"(?:[A-Z][\w.'’\-]+ ){1,3}is (?:a|an|[A-Z][\w]+['’]s) [^.]{0,120}\b(?:writer|"
                  r"journalist|columnist|correspondent|editor|contributor|reporter|"
                  r"commentator)\b")  # fmt: skip


def _gallery(lines: list[_Line]) -> None:
    """Slides of a gallery flattened into the text: several lines in a row open with the same
    title and then a capitalised word (the slide's own title or caption)."""
    def opening(ln: _Line) -> tuple[str, ...]:
        return tuple(ln.text.split()[: GALLERY_TITLE_WORDS + 1])

    i = 0
    while i < len(lines):
        head = opening(lines[i])[:GALLERY_TITLE_WORDS]
        j = i
        while j < len(lines) and len(opening(lines[j])) > GALLERY_TITLE_WORDS and (
            opening(lines[j])[:GALLERY_TITLE_WORDS] == head
        ):
            j += 1
        if j - i >= GALLERY_RUN and len(head) == GALLERY_TITLE_WORDS:
            # the longest title all the slides share, and a capital after it on each
            words = [ln.text.split() for ln in lines[i:j]]
            n = GALLERY_TITLE_WORDS
            while all(len(w) > n + 1 and w[n] == words[0][n] for w in words):
                n += 1
            if all(w[n][:1].isupper() or w[n][:1].isdigit() for w in words):
                for ln in lines[i:j]:
                    if ln.kind is None:
                        ln.kind = "caption"
        i = max(j, i + 1)


def _foreign(lines: list[_Line]) -> None:
    """A line in another language than the text's (a helpline box, a foreign edition's
    promo): a sentence long enough, almost none of the function words the rest of the text
    uses, but short words of its own (a telegraphic headline has none of either)."""
    def share(words: list[str]) -> float:
        return sum(w in _ENGLISH for w in words) / len(words) if words else 0.0

    every = [w.casefold() for ln in lines for w in _WORD.findall(ln.text) if not w.isdigit()]
    if share(every) < ENGLISH_SHARE:
        return
    for ln in lines:
        words = [w.casefold() for w in _WORD.findall(ln.text) if not w.isdigit()]
        if ln.kind is None and ln.ends and len(words) >= FOREIGN_MIN_WORDS and (
            share(words) <= FOREIGN_SHARE
        ) and sum(w not in _ENGLISH for w in re.findall(r"(?<![\w'’])[a-zäöüéèàáíóúñç]{2,3}"
                                                       r"(?![\w'’])", ln.text)) >= 2:
            ln.kind = "promo"


def _boxes(lines: list[_Line], text: str) -> None:
    """A boxed explainer run into the text: its heading, then its lead opening with a word
    in capitals ("Were you on board? Your refund, step by step ACME is writing to ..."), a word the
    text otherwise writes in lower case, so no acronym."""
    for ln in lines[1:]:
        if ln.kind is not None:
            continue
        for m in _CAPS_LEAD.finditer(ln.text):
            word = m.group("word")
            if _AFTER_DETERMINER.search(ln.text[: m.start()]):
                continue
            if text.count(word) == 1 and re.search(rf"\b{word[0]}{word[1:].lower()}\b", text):
                ln.kind = "sidebar"
                break


def _bio(lines: list[_Line]) -> None:
    """An author's bio opens or closes a column ("Jane Roe is a columnist for ..."), or
    stands under an "About the author" heading, whatever it says of them (up to
    ``BIO_LINES`` lines)."""
    for ln in [*lines[:2], *lines[-3:]]:
        if ln.kind is None and _BIO.match(ln.text):
            ln.kind = "bio"
    for i, ln in enumerate(lines):
        if _ABOUT_AUTHOR.fullmatch(ln.text.strip()):
            for after in lines[i + 1 : i + 1 + BIO_LINES]:
                if after.kind is None:
                    after.kind = "bio"


def _headline(lines: list[_Line], title: str | None) -> None:
    """The first line is the headline when it has no sentence punctuation (or a time stamp
    stands right under it) and is short (or is the title), and some body is left after it;
    a time stamp standing above it ("June 3, 2031 9:15 pm") is a credit, and the line after
    it is the one that may be the headline."""
    at = 0
    if len(lines) > 1 and lines[0].kind in (None, "credit") and _STAMP.fullmatch(lines[0].text):
        lines[0].kind, at = "credit", 1
    first = lines[at]
    # (a full stop ends no headline, unless a time stamp stands right under the line: "Ferry
    # Sinks Off Velk.\n07 June 2031")
    stamped = at + 1 < len(lines) and bool(_STAMP.fullmatch(lines[at + 1].text)
                                           and _YEAR_IN_STAMP.search(lines[at + 1].text))
    if stamped and first.kind == "sidebar":
        first.kind = None  # (a long title-case line over its stamp is no menu of sections)
    if first.kind is not None or (first.ends and not stamped) or not any(
        ln.kind is None and ln.words >= 8 for ln in lines[at + 1:]
    ):
        return
    if _is_title(first, title) or (first.words <= HEADLINE_WORDS and _punctuated(lines)):
        first.kind = "headline"


HEADLINE_LINES = 2  # a headline is the first line, or the second under a time stamp


def headline_of(text: str, title: str | None, nonbody: Sequence[NonBody]) -> str | None:
    """The article's title, else the headline line its text opens with (``find_nonbody``'s
    "headline" span), else None: what a reader is shown as the report's title."""
    if title and title.strip():
        return title.strip()
    top = text.split("\n", HEADLINE_LINES)[:HEADLINE_LINES]
    reach = sum(len(line) + 1 for line in top)
    for nb in nonbody:
        if nb.kind == "headline" and nb.start < reach:
            return " ".join(text[nb.start : nb.end].split()) or None
    return None


def _preamble(lines: list[_Line]) -> None:
    """Lines before a dateline near the top are its caption and headline; so are the lines
    before a time stamp there ("FRIDAY, MAY 2, 2031, 9:53 PM"), where a page sets its
    photo captions between the headline and the stamp."""
    for i, ln in enumerate(lines[:6]):
        if ln.start > PREAMBLE_CHARS:
            return
        if i > 1 and _STAMP.fullmatch(ln.text) and _YEAR_IN_STAMP.search(ln.text):
            for prev in lines[1:i]:
                if prev.kind is None:
                    prev.kind = "caption"
            return
        if ln.kind is None and _dateline(ln):
            for prev in lines[:i]:
                if prev.kind is None:
                    prev.kind = "headline" if prev is lines[0] and not prev.ends else "caption"
            return


def _punctuated(lines: list[_Line]) -> bool:
    """Whether the text's long lines end in sentence punctuation (so one that does not is an
    outlier: a caption or a heading, not the writer's style)."""
    long = [ln for ln in lines if ln.kind is None and ln.words >= 8]
    size = sum(ln.end - ln.start for ln in long)
    ended = sum(ln.end - ln.start for ln in long if ln.ends)
    return bool(long) and ended >= PUNCTUATED_SHARE * size


def _continues(lines: list[_Line], i: int) -> bool:
    """A line broken inside a sentence: it ends on a comma or hyphen, or the next line goes
    on in lower case."""
    ln = lines[i]
    if ln.text[-1:] in ",-–—(&/" or re.search(r"\b(?:the|a|an|of|and|or|to|in)$", ln.text):
        return True
    nxt = lines[i + 1] if i + 1 < len(lines) else None
    return bool(nxt and nxt.start - ln.end <= 2 and nxt.text[:1].islower())


def _past_root(line: _Line) -> bool:
    """A report's sentence tells what happened in the past tense ("The woman was taken")."""
    return any(t.dep_ == "ROOT" and (t.tag_ == "VBD" or any(
        c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in t.children))
        for t in line.tokens)  # fmt: skip


def _shape(lines: list[_Line]) -> None:
    """Lines without sentence punctuation in a punctuated text: headings, captions, runs.

    A heading has no finite verb; a caption has caption words, a "Label: ..." form or the
    words of another line; a present-tense main verb marks a caption only where the text has
    other such lines (one unpunctuated sentence is more likely a lost full stop), a
    past-tense one where the text has ``PAST_CAPTIONS`` of them (a site that writes its
    captions and summary bullets as sentences without a full stop). Two or more such lines
    in a row are a sidebar, except a past-tense one in a short run."""
    if not _punctuated(lines):
        return
    bare = [
        i for i, ln in enumerate(lines)
        if ln.kind is None and not ln.ends and i > 0 and not _continues(lines, i)
        and ln.words <= MAX_CAPTION_WORDS
    ]  # fmt: skip
    contents = [_content(ln.text) for ln in lines]
    several = len([i for i in bare if i > 1]) >= 2
    past = [i for i in bare if _past_root(lines[i])]
    past_style = len(past) >= PAST_CAPTIONS
    for i in bare:
        ln = lines[i]
        finite = _finite(ln)
        if _STAMP.fullmatch(ln.text):
            ln.kind = "credit"  # "Updated: March 3, 2027, 6:42 PM ET"
        elif ln.words <= MAX_HEADING_WORDS and (finite is False or ln.words <= 6):
            ln.kind = "heading"
        elif _CAPTION_WORDS.search(ln.text) or _LABEL.match(ln.text):
            ln.kind = "caption"
        elif (several and _present_root(ln)) or _repeats(ln.text, i, contents):
            ln.kind = "caption"  # a caption repeating a sentence of the body
        elif past_style and i in past and finite:
            ln.kind = "caption"
    run: list[int] = []
    for i in [*bare, -1]:
        if run and i == run[-1] + 1 and i != -1:
            run.append(i)
            continue
        if len(run) >= 2:
            for j in run:
                if _FIGURE.fullmatch(lines[j].text):
                    continue  # "Injured: 74": a list of figures belongs to the report
                if lines[j].kind in (None, "heading") and (len(run) >= 4
                                                           or not _past_root(lines[j])):
                    lines[j].kind = "sidebar"
        run = [i] if i != -1 else []


def _copies(lines: list[_Line]) -> None:
    """A line whose words are (nearly) all in an earlier body line, next to furniture, is a
    caption printed twice or repeating the body: the later copy goes, the first stays. (Next
    to body, a copy is as often the body repeating the summary bullets a page opens with.)"""
    contents = [_content(ln.text) for ln in lines]
    changed = True
    while changed:
        changed = False
        for i, ln in enumerate(lines):
            own = contents[i]
            if ln.kind is not None or len(own) < COPY_MIN_WORDS or any(
                q in ln.text for q in "\"“”"
            ):
                continue
            near = [lines[j].kind for j in (i - 1, i + 1) if 0 <= j < len(lines)]
            if any(k not in (None, "heading") for k in near) and any(
                lines[j].kind is None and len(own & contents[j]) >= DUPLICATE_SHARE * len(own)
                for j in range(COPY_OPENING, i)
            ):  # a copy of a caption is the body the caption quoted, and a copy of an opening
                # line the body repeating the page's summary bullets: they stay
                ln.kind = "caption"
                changed = True


def _fact_box(lines: list[_Line]) -> None:
    """A fact box closing the article ("About the Hotel"): a short heading in the second half,
    then at most a few lines to the end that describe in the present tense, no one speaking
    and nothing told in the past."""
    for i, ln in enumerate(lines):
        if ln.kind != "heading" or ln.words > 6 or i < len(lines) // 2 or i < 3:
            continue
        rest = [x for x in lines[i + 1 :] if x.kind is None]
        if not 0 < len(rest) <= FACT_BOX_LINES or len(lines) - i - 1 > FACT_BOX_LINES * 2:
            continue
        if all(x.tokens and _describes(x) for x in rest):
            for x in rest:
                x.kind = "sidebar"
            return


LABEL_WORDS = 6  # words at most of a label opening a box ("Some famous keepers:")


def _listed_under_a_label(lines: list[_Line]) -> None:
    """A label with a colon and no verb ("Some famous keepers:", "Opening hours:"), then
    lines without a finite verb (names, descriptions): a box set in the story, not its
    sentences; the first line that tells something ends it. A speech intro ("Ada Lind told
    them:") has its verb."""
    for i, ln in enumerate(lines):
        if (ln.kind not in (None, "heading") or not ln.text.rstrip().endswith(":")
                or ln.words > LABEL_WORDS or _finite(ln) is not False):  # fmt: skip
            continue
        items = []
        for nxt in lines[i + 1 :]:
            if nxt.kind is not None or _finite(nxt) is not False:
                break
            items.append(nxt)
        if items:
            for x in (ln, *items):
                x.kind = "sidebar"


def _describes(line: _Line) -> bool:
    """Every sentence's main verb is in the present, and none is a reporting verb (no one
    speaks)."""
    roots = [t for t in line.tokens if t.dep_ == "ROOT" and t.tag_[:2] in ("VB", "MD")]
    return bool(roots) and all(
        (t.tag_ in _PRESENT or any(c.dep_ in ("aux", "auxpass") and c.tag_ in _PRESENT
                                   for c in t.children))
        and t.lemma_ not in ("say", "tell", "add")
        for t in roots)  # fmt: skip


def _repeats(text: str, i: int, contents: list[set[str]]) -> bool:
    """Whether a sentence of line ``i`` is (nearly) all in another line of the text."""
    for piece in re.split(r"(?<=[.!?])\s+(?=[A-Z\"“‘'])", text):
        own = _content(piece)
        if len(own) >= 5 and any(
            j != i and len(own & other) >= DUPLICATE_SHARE * len(own)
            for j, other in enumerate(contents)
        ):
            return True
    return False


def _promo_runs(lines: list[_Line]) -> None:
    """Short headline lines right after "Read more" / "Related" are a sidebar."""
    for i, ln in enumerate(lines):
        if ln.kind != "promo" or ln.words > 4:
            continue
        rest = lines[i + 1 :]
        if 0 < len(rest) <= TEASER_MAX_LINES and all(
            x.kind in (None, "heading", "sidebar", "caption") and x.words <= MAX_HEADING_WORDS + 4
            for x in rest
        ):
            for x in rest:  # short lines from "Read more" to the end: teasers, full stop or not
                x.kind = "sidebar"
            return
        for nxt in rest:
            if nxt.kind not in (None, "heading", "sidebar", "caption") or (
                nxt.words > MAX_HEADING_WORDS + 4
            ):
                break
            if nxt.kind is None and nxt.ends and nxt.text.rstrip()[-1:] == ".":
                break  # a sentence: the body goes on
            nxt.kind = "sidebar"


def _names(lines: Sequence[_Line]) -> set[str]:
    return {m.group(0) for ln in lines for m in _NAME.finditer(ln.text)
            if m.group(0).casefold() not in _NOT_NAMES}  # fmt: skip


def _topic_words(text: str) -> list[str]:
    return [w.casefold() for w in _TOPIC.findall(text) if w.casefold() not in _STOP]


def _unrelated(before: Sequence[_Line], after: Sequence[_Line], title: str | None) -> bool:
    """Text after a heading that shares almost no names and none of its most frequent words
    with the story before it (and its title) is another story."""
    old_names = _names(before) | set(_NAME.findall(title or ""))
    new_names = _names(after)
    if len(new_names) < 4 or len(new_names & old_names) > APPENDED_SHARE * len(new_names):
        return False
    old_words = {w for ln in before for w in _topic_words(ln.text)} | set(_topic_words(title or ""))
    counts = Counter(w for ln in after for w in _topic_words(ln.text))
    top = [w for w, _ in counts.most_common(APPENDED_TOP_WORDS)]
    return bool(top) and sum(w in old_words for w in top) <= APPENDED_SHARE * len(top)


def _appended(lines: list[_Line], title: str | None) -> None:
    """A second dateline, or a late heading opening text unrelated to the story so far,
    starts an appended story: everything from it to the end."""
    body_chars, body_lines, seen_dateline = 0, 0, False
    for i, ln in enumerate(lines):
        if ln.kind is not None:
            continue
        if _dateline(ln):
            if seen_dateline or (body_lines >= 3 and body_chars >= APPENDED_MIN_BODY * 3):
                if body_chars >= APPENDED_MIN_BODY:
                    _mark_rest(lines, i)
                    return
            seen_dateline = True
        if ln.ends:
            body_chars += ln.end - ln.start
            body_lines += 1
    for i, ln in enumerate(lines):
        if i < 3 or ln.kind not in (None, "heading") or ln.ends or ln.words > MAX_HEADING_WORDS:
            continue
        before = [x for x in lines[:i] if x.kind is None]
        after = [x for x in lines[i + 1 :] if x.kind is None]
        if sum(x.end - x.start for x in before) < APPENDED_MIN_BODY or len(after) < 3:
            continue
        if sum(x.end - x.start for x in after) >= APPENDED_MIN_AFTER and _unrelated(
            before, [ln, *after], title
        ):
            _mark_rest(lines, i)
            return


def _mark_rest(lines: list[_Line], i: int) -> None:
    for ln in lines[i:]:
        if ln.kind is None or ln.kind in ("heading", "sidebar"):
            ln.kind = "appended"


def _trailer(lines: list[_Line], size: int) -> None:
    """After a copyright line or a rule ("___") near the end, the rest is trailer."""
    for i, ln in enumerate(lines):
        if size - ln.start > TRAILER_CHARS:
            continue
        if ln.kind == "copyright" or re.fullmatch(r"[_\-=*]{3,}", ln.text):
            for nxt in lines[i:]:
                if nxt.kind is None:
                    nxt.kind = "copyright"
            return


def _merge(spans: list[tuple[int, int, str | None]]) -> tuple[NonBody, ...]:
    out: list[NonBody] = []
    for s, e, kind in sorted(spans, key=lambda x: (x[0], -x[1])):
        if out and s <= out[-1].end:
            last = out[-1]
            if e > last.end:
                out[-1] = NonBody(last.start, e, last.kind)
            continue
        out.append(NonBody(s, e, kind or "caption"))
    return tuple(out)


# ------------------------------------------------------------------------------ queries


_INDEXED: dict[int, tuple[tuple[NonBody, ...], list[int], list[int]]] = {}


def _index(spans: tuple[NonBody, ...]) -> tuple[list[int], list[int]]:
    """Start and end offsets of ``spans``, kept by the tuple's identity: a cache keyed by
    the tuple itself hashed every span on every lookup (slow on a long article)."""
    hit = _INDEXED.get(id(spans))
    if hit is not None and hit[0] is spans:
        return hit[1], hit[2]
    if len(_INDEXED) >= 256:
        _INDEXED.clear()
    starts, ends = [s.start for s in spans], [s.end for s in spans]
    _INDEXED[id(spans)] = (spans, starts, ends)
    return starts, ends


def overlaps(spans: tuple[NonBody, ...], start: int, end: int) -> NonBody | None:
    """The non-body span that overlaps ``[start, end)`` (a point when start == end), if any."""
    if not spans:
        return None
    starts, ends = _index(spans)
    i = bisect.bisect_left(starts, max(end, start + 1)) - 1  # last span starting before end
    return spans[i] if i >= 0 and ends[i] > start else None


def dateline_city(text: str, nonbody: tuple[NonBody, ...]) -> tuple[int, int] | None:
    """Where the city of the dateline opening the article's body stands ("BERGEN, Norway
    —": the place the report was filed from, for most news where it happened), or None."""
    for line in _lines(text):
        if overlaps(nonbody, line.start, line.end) is not None:
            continue  # a headline or a caption above the body
        m = _DATELINE.match(line.text)
        if m is None or not m.group("city") or not _dateline(line):
            return None
        return line.start + m.start("city"), line.start + m.end("city")
    return None


def in_body(extraction: Extraction, start: int, end: int) -> bool:
    """Whether ``[start, end)`` of the article's text touches no non-body span (captions,
    credits, copyright lines, sidebars, an appended story ...)."""
    return overlaps(extraction.nonbody, start, end) is None


def has_body(text: str, extraction: Extraction) -> bool:
    """Whether a word of ``text`` lies outside its non-body spans: a page of only "External
    links are provided for reference purposes ..." and a copyright line has none."""
    pos = 0
    for span in extraction.nonbody:  # sorted and disjoint
        if any(ch.isalnum() for ch in text[pos : span.start]):
            return True
        pos = max(pos, span.end)
    return any(ch.isalnum() for ch in text[pos:])


def nonbody_ranges(extraction: Extraction) -> list[tuple[int, int]]:
    """The non-body spans as (start, end) pairs, sorted."""
    return [(s.start, s.end) for s in extraction.nonbody]


__all__ = ["KINDS", "find_nonbody", "has_body", "headline_of", "in_body", "nonbody_ranges",
           "overlaps"]
