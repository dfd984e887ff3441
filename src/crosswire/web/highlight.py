"""Article text as escaped HTML with ``<mark>`` spans built from character offsets.

Spans may overlap or cross. The text is cut at every span boundary; each piece is wrapped in
the spans that cover it, outermost first, in one fixed order (anchors, quotes, then entities,
dates and numbers; longer before shorter). A span crossed by an outer one is closed and
reopened, so the output always nests correctly; only its first piece carries the ``id``, and
every piece carries ``data-cite`` so ``static/app.js`` can light them all (optional).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup, escape

from ..brief.statements import range_words
from ..brief.when import resolved_words

# nesting order: lower layers wrap higher ones
LAYER_ANCHOR, LAYER_QUOTE, LAYER_MARK = 0, 1, 2


@dataclass(frozen=True, slots=True)
class Mark:
    start: int
    end: int
    layer: int
    kind: str  # anchor | cited | quote | entity | time | number
    title: str = ""
    anchor: str | None = None  # element id ("c-<start>-<end>") for the anchor layer

    def order(self) -> tuple[int, int, int, int, str, str]:
        return (self.layer, -(self.end - self.start), self.start, self.end, self.kind, self.title)


def anchor_id(start: int, end: int) -> str:
    """The fragment id every citation link uses: ``/articles/<aid>#c-<start>-<end>``."""
    return f"c-{start}-{end}"


ENTITY_WORDS = {"PERSON": "person", "ORG": "organization", "GPE": "place", "LOC": "place",
                "FAC": "building or site", "NORP": "group", "EVENT": "event",
                "PRODUCT": "product", "LAW": "law", "WORK_OF_ART": "title"}


def entity_words(label: Any) -> str:
    """spaCy's entity label in words ("ORG" -> "organization")."""
    return ENTITY_WORDS.get(str(label), "name")


def article_marks(article: Mapping[str, Any], cited: Iterable[tuple[int, int]] = ()) -> list[Mark]:
    """Marks for an article dict (store/contract shape) plus the spans stories cite."""
    marks: list[Mark] = []
    cited_set = set(cited)
    anchors = cited_set | {(s["start"], s["end"]) for s in article.get("sentences") or ()}
    for start, end in sorted(anchors):
        kind = "cited" if (start, end) in cited_set else "anchor"
        marks.append(Mark(start, end, LAYER_ANCHOR, kind, anchor=anchor_id(start, end)))
    for q in article.get("quotes") or ():
        who = q.get("speaker") or "unattributed"
        via = f" (via {q['via']})" if q.get("via") else ""
        marks.append(Mark(q["start"], q["end"], LAYER_QUOTE, "quote",
                          f"{q.get('kind', 'direct')} quote: {who}{via}"))
    for e in article.get("entities") or ():
        canon = e.get("canonical") or e.get("text", "")
        marks.append(Mark(e["start"], e["end"], LAYER_MARK, "entity",
                          f"{entity_words(e.get('label'))}: {canon}"))
    for t in article.get("times") or ():
        value = resolved_words(str(t.get("text") or ""), t.get("value"))
        marks.append(Mark(t["start"], t["end"], LAYER_MARK, "time", f"date: {value}"))
    for n in article.get("numbers") or ():
        unit = f" {n['unit']}" if n.get("unit") else ""
        marks.append(Mark(n["start"], n["end"], LAYER_MARK, "number",
                          f"number: {range_words(n.get('low'), n.get('high'))}{unit}"))
    return marks


def _open_tag(mark: Mark, first_piece: bool) -> str:
    if mark.layer == LAYER_ANCHOR:
        ident = f' id="{escape(mark.anchor)}"' if first_piece and mark.anchor else ""
        return f'<span{ident} class="{mark.kind}" data-cite="{escape(mark.anchor or "")}">'
    return f'<mark class="m-{mark.kind}" title="{escape(mark.title)}">'


def _close_tag(mark: Mark) -> str:
    return "</span>" if mark.layer == LAYER_ANCHOR else "</mark>"


def highlight(text: str, marks: Sequence[Mark]) -> Markup:
    """``text`` escaped, with every mark wrapped around its characters (nesting kept valid)."""
    size = len(text)
    valid = sorted({m for m in marks if 0 <= m.start < m.end <= size}, key=Mark.order)
    cuts = sorted({0, size, *(m.start for m in valid), *(m.end for m in valid)})
    starting: dict[int, list[Mark]] = {}
    for m in valid:
        starting.setdefault(m.start, []).append(m)
    out: list[str] = []
    stack: list[Mark] = []
    opened: set[Mark] = set()
    active: set[Mark] = set()  # sweep: marks covering the current piece
    for left, right in zip(cuts, cuts[1:], strict=False):
        active = {m for m in active if m.end > left} | set(starting.get(left, ()))
        wanted = sorted(active, key=Mark.order)
        keep = 0
        while keep < min(len(stack), len(wanted)) and stack[keep] == wanted[keep]:
            keep += 1
        for mark in reversed(stack[keep:]):
            out.append(_close_tag(mark))
        del stack[keep:]
        for mark in wanted[keep:]:
            out.append(_open_tag(mark, mark not in opened))
            opened.add(mark)
            stack.append(mark)
        out.append(str(escape(text[left:right])))
    out.extend(_close_tag(mark) for mark in reversed(stack))
    return Markup("".join(out))  # noqa: S704 -- every piece above is escaped
