"""Page text -> Material: the steps of the importer, in order.

1. split the text into units: prose paragraphs and display lines (:mod:`.blocks`);
2. pick out the page's own furniture: the headline (doubled bold type, or the first
   display line), the subtitle (opened by dashes), reporter credits;
3. read every run of display lines between paragraphs as headings — title + byline in
   either order, one of them alone, wrapped or sharing a line (:mod:`.classify`); a
   dash or bracket byline right after a body is that body's trailer (``——陈亮``,
   ``（作者单位：…）``);
4. find the lead among the paragraphs; the remaining paragraphs form bodies, split
   wherever a heading, trailer or the lead stands between them;
5. assign headings to bodies by content, globally (:mod:`.assign`), splitting a body
   in two when a heading is left over and the content says where;
6. assemble the reflections in the order of their bodies, with warnings for every
   guess the user should check.

Nothing here raises on odd text: the worst case is one untitled reflection holding the
whole page, with a warning. :func:`recognise` is the strict core; ``parse_page`` in the
package adds a last safety net.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass, field

from desktop.importer.assign import (
    ADJACENT_BONUS,
    EXACT_LIMIT,
    NEARBY,
    ContentScorer,
    assign,
    bigrams,
    greedy_assign,
)
from desktop.importer.blocks import Page, Unit, split_units
from desktop.importer.byline import Byline, is_credit, parse_byline
from desktop.importer.classify import (
    LEAD_THRESHOLD,
    Heading,
    Junk,
    clean_subtitle,
    is_doubled_line,
    is_headline_candidate,
    is_subtitle_line,
    lead_score,
    segment_headings,
)
from desktop.importer.notices import notice
from desktop.material import Material, Reflection, TitlePosition
from desktop.text.cleanup import DASHES, clean_display, clean_prose, normalize_spaces

# A heading left over may split a multi-paragraph body only with this much evidence.
SPLIT_MIN_GAIN = 0.2
# Bound on the greedy search for cuts (cuts tried x assignments of n x m^2 steps): a
# page of reflections needs a few cuts among a few dozen paragraphs, far below it.
SPLIT_WORK_BUDGET = 20_000_000
# A byline right after a body, marked like this, closes that body.
_TRAILER_MIN_SCORE = 3.0
_MAX_QUOTED = 24
# More short lines in a row than any run of headings has.
MAX_HEADING_LINES = 40

Edges = list[tuple[int | None, int | None]]
Matched = tuple[list["_Run"], list[int], float]  # runs, run of each heading, total score


@dataclass
class _Run:
    """Consecutive body paragraphs (unit indices) not separated by any heading."""

    units: list[int]
    trailer: Byline | None = None


@dataclass
class _Analysis:
    page: Page
    kinds: dict[int, str] = field(default_factory=dict)
    headline: str = ""
    subtitle: str = ""
    lead_units: list[int] = field(default_factory=list)
    headings: list[Heading] = field(default_factory=list)
    trailers: dict[int, Byline] = field(default_factory=dict)
    junk: list[Junk] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    grams: dict[int, set[str]] = field(default_factory=dict)  # bigrams of each body unit


def recognise(text: str) -> Material:
    """The structure of a page of reflections (may raise only on a programming error)."""
    page = split_units(text)
    analysis = _Analysis(page)
    units = page.units
    if not units:
        return Material("", "", "", (), (notice("empty-page"),), source_text=text)
    _find_furniture(analysis)
    _find_headings(analysis)
    _find_lead(analysis)
    runs = _body_runs(analysis)
    matched = _match(analysis, runs) if runs and (analysis.headings or analysis.trailers) else None
    if matched is not None and analysis.lead_units:
        matched = _reconsider_lead(analysis, runs, matched)
    reflections = _assemble(analysis, matched)
    if not analysis.headline:
        analysis.warnings.insert(0, notice("no-headline"))
    for junk in analysis.junk:
        if analysis.kinds[junk.unit] == "junk":
            analysis.warnings.append(notice("ignored-line", line=junk.text))
    return Material(
        headline=analysis.headline,
        subtitle=analysis.subtitle,
        lead="\n".join(_paragraph(units[i]) for i in analysis.lead_units),
        reflections=tuple(reflections),
        warnings=tuple(analysis.warnings),
        source_text=text,
    )


# --- furniture ------------------------------------------------------------------------


def _find_furniture(analysis: _Analysis) -> None:
    """Reporter credits, a doubled headline and a dashed subtitle: the sure signs."""
    units = analysis.page.units
    kinds = analysis.kinds
    for i, unit in enumerate(units):
        kinds[i] = "body" if unit.kind == "prose" else "line"
        if unit.kind == "line" and is_credit(unit.text):
            kinds[i] = "credit"
    doubled = [i for i, u in enumerate(units) if kinds[i] == "line" and is_doubled_line(u.text)]
    chosen: list[int] = []
    if doubled:
        chosen = [doubled[0]]
        while chosen[-1] + 1 in doubled:
            chosen.append(chosen[-1] + 1)
        for i in chosen:
            kinds[i] = "headline"
        analysis.headline = " ".join(clean_display(units[i].text) for i in chosen)
    near = set(_top_lines(analysis))
    for i in chosen:
        near.update(j for j in range(i - 2, i + 3) if 0 <= j < len(units))
    for i in sorted(near):
        if kinds.get(i) == "line" and is_subtitle_line(units[i].text):
            kinds[i] = "subtitle"
            analysis.subtitle = clean_subtitle(units[i].text)
            break


def _top_lines(analysis: _Analysis) -> list[int]:
    """Display lines above the first paragraph (headline, subtitle, first heading)."""
    top: list[int] = []
    for i, unit in enumerate(analysis.page.units):
        if unit.kind == "prose":
            break
        if analysis.kinds[i] == "line":
            top.append(i)
    return top


# --- headings ----------------------------------------------------------------------------


def _find_headings(analysis: _Analysis) -> None:
    """Read each run of display lines between paragraphs as trailers, headings, junk.

    The lines above the first paragraph come last: whether their first line is the
    headline or the first piece's title depends on how the other pieces are headed.
    """
    units = analysis.page.units
    kinds = analysis.kinds
    groups: list[list[int]] = []
    group: list[int] = []
    for i in range(len(units) + 1):
        if i < len(units) and kinds[i] in ("line", "credit"):
            if kinds[i] == "line":
                group.append(i)
            continue
        # Anything else ends the run of lines (furniture is not part of a heading).
        if group:
            groups.append(group)
        group = []
    top = set(_top_lines(analysis))
    for group in groups:
        if not top.intersection(group):
            _read_group(analysis, group)
    for group in groups:
        if top.intersection(group):
            _read_top_group(analysis, group)
    analysis.headings.sort(key=lambda h: min(h.units))


def _read_group(analysis: _Analysis, group: list[int]) -> None:
    units = analysis.page.units
    kinds = analysis.kinds
    if len(group) > MAX_HEADING_LINES:
        # No page has this many titles and bylines in a row: these short lines are
        # text we cannot structure (a list, a poem), kept as body paragraphs.
        for i in group:
            kinds[i] = "body"
        return
    first = group[0]
    previous = _previous_significant(analysis, first)
    if previous is not None and kinds[previous] == "body":
        trailer = _trailer(units[first].text)
        if trailer is not None:
            kinds[first] = "trailer"
            analysis.trailers[first] = trailer
            group = group[1:]
    items, _ = segment_headings([(i, units[i].text) for i in group])
    _record(analysis, items)


def _read_top_group(analysis: _Analysis, group: list[int]) -> None:
    """The lines above the first paragraph: headline?, subtitle?, first heading?

    A page has a headline, so the first line is taken as one — unless the lines read
    as exactly one heading shaped like the page's other headings (title + byline when
    they have both), which means the text starts with the first piece. Consistency
    decides because a line above a byline is a title on a page of titled pieces and
    the headline on a page of untitled ones.
    """
    units = analysis.page.units
    if len(group) > MAX_HEADING_LINES:
        _read_group(analysis, group)
        return
    if not analysis.headline and is_headline_candidate(units[group[0]].text):
        with_first, _ = segment_headings([(i, units[i].text) for i in group])
        without_first, _ = segment_headings([(i, units[i].text) for i in group[1:]])
        if _one_usual_heading(analysis, with_first) and not _one_usual_heading(analysis, without_first):
            analysis.warnings.append(notice("first-line-title"))
        else:
            analysis.kinds[group[0]] = "headline"
            analysis.headline = clean_display(units[group[0]].text)
            group = group[1:]
    items, _ = segment_headings([(i, units[i].text) for i in group])
    if (
        items
        and isinstance(items[0], Heading)
        and not items[0].has_byline
        and not _usual_shape(analysis, items[0])
        and analysis.headline
        and not analysis.subtitle
    ):
        # A title-like line under the headline, on a page whose pieces have bylines,
        # is the subtitle (one without its dashes).
        for j in items[0].units:
            analysis.kinds[j] = "subtitle"
        analysis.subtitle = items[0].title
        items = items[1:]
    _record(analysis, items)


def _one_usual_heading(analysis: _Analysis, items: list[Heading | Junk]) -> bool:
    return len(items) == 1 and isinstance(items[0], Heading) and _usual_shape(analysis, items[0])


def _usual_shape(analysis: _Analysis, heading: Heading) -> bool:
    """Whether ``heading`` has the page's usual shape (title and/or byline).

    With no other headings to compare, the genre's usual shape counts: both.
    """
    shapes = [(bool(h.title), h.has_byline) for h in analysis.headings]
    usual = max(set(shapes), key=shapes.count) if shapes else (True, True)
    return (bool(heading.title), heading.has_byline) == usual


def _record(analysis: _Analysis, items: list[Heading | Junk]) -> None:
    for item in items:
        if isinstance(item, Junk):
            analysis.kinds[item.unit] = "junk"
            analysis.junk.append(item)
            continue
        analysis.headings.append(item)
        for j in item.units:
            analysis.kinds[j] = "heading"


def _previous_significant(analysis: _Analysis, index: int) -> int | None:
    """The nearest unit before ``index`` that is not a credit."""
    j = index - 1
    while j >= 0 and analysis.kinds[j] == "credit":
        j -= 1
    return j if j >= 0 else None


def _trailer(raw: str) -> Byline | None:
    """A byline that closes the body above it: ``——陈亮``, ``（作者单位：…）``."""
    text = normalize_spaces(raw, ideographic=True).strip()
    if not text:
        return None
    marked = text[0] in DASHES.strip() or text[0] in "（(【[" or text.startswith(("作者", "文/", "文／"))
    if not marked:
        return None
    byline = parse_byline(text)
    if byline is None or byline.score < _TRAILER_MIN_SCORE:
        return None
    return byline


# --- lead and bodies -------------------------------------------------------------------


def _find_lead(analysis: _Analysis) -> None:
    """The editor's lead: the most lead-like paragraph, if it is lead-like enough."""
    if not analysis.headings and not analysis.trailers:
        return  # a page without pieces: every paragraph is the (one) body
    units = analysis.page.units
    prose = [i for i, kind in analysis.kinds.items() if kind == "body"]
    prose.sort()
    if not prose:
        return
    scores = {
        i: lead_score(units[i], analysis.page.column, rank / max(1, len(prose) - 1))
        for rank, i in enumerate(prose)
    }
    best = max(prose, key=lambda i: (scores[i], -i))
    if scores[best] < LEAD_THRESHOLD:
        return
    chosen = [best]
    for step in (-1, 1):
        j = best + step
        while 0 <= j < len(units) and analysis.kinds.get(j) == "body" and scores[j] >= LEAD_THRESHOLD - 1.0:
            chosen.append(j)
            j += step
    for i in sorted(chosen):
        analysis.kinds[i] = "lead"
    analysis.lead_units = sorted(chosen)


def _reconsider_lead(analysis: _Analysis, runs: list[_Run], matched: Matched) -> Matched:
    """Give the "lead" back to the pieces if it is the body one of them lacks.

    Only asked when a heading was left without a body. The page is matched again with
    the lead's paragraphs as body text; they go back to the pieces if that places more
    headings (a reflection that happens to be dated and impersonal), not merely for a
    better score.
    """
    placed = sum(1 for r in matched[1] if r >= 0)
    if placed == len(analysis.headings):
        return matched
    kinds = dict(analysis.kinds)
    for i in analysis.lead_units:
        analysis.kinds[i] = "body"
    alternative = _match(analysis, _body_runs(analysis))
    if sum(1 for r in alternative[1] if r >= 0) > placed:
        analysis.lead_units = []
        return alternative
    analysis.kinds = kinds
    return matched


def _body_runs(analysis: _Analysis) -> list[_Run]:
    """Bodies: paragraphs not separated by a heading, trailer, lead or furniture."""
    runs: list[_Run] = []
    current: list[int] = []
    for i in range(len(analysis.page.units)):
        kind = analysis.kinds[i]
        if kind == "body":
            current.append(i)
        elif kind in ("credit", "junk"):
            continue
        else:
            if current:
                runs.append(_Run(current))
                current = []
            if kind == "trailer" and runs and runs[-1].trailer is None:
                if _ends_right_before(analysis, runs[-1], i):
                    runs[-1].trailer = analysis.trailers[i]
    if current:
        runs.append(_Run(current))
    return runs


def _ends_right_before(analysis: _Analysis, run: _Run, index: int) -> bool:
    return _previous_significant(analysis, index) == run.units[-1]


# --- assignment -----------------------------------------------------------------------


def _adjacency(analysis: _Analysis, heading: Heading) -> tuple[int | None, int | None]:
    """The body units a heading directly follows and directly precedes (or None).

    Credits and junk lines are looked through; a trailer is looked through backwards
    (it closes the body above); anything else — another heading, the lead, the
    headline — breaks adjacency.
    """
    kinds = analysis.kinds
    first, last = min(heading.units), max(heading.units)
    after: int | None = None
    j = first - 1
    while j >= 0 and kinds[j] in ("credit", "junk", "trailer"):
        j -= 1
    if j >= 0 and kinds[j] == "body":
        after = j
    before: int | None = None
    j = last + 1
    while j < len(kinds) and kinds[j] in ("credit", "junk"):
        j += 1
    if j < len(kinds) and kinds[j] == "body":
        before = j
    return after, before


def _match(analysis: _Analysis, runs: list[_Run]) -> Matched:
    """Assign headings to runs, splitting runs while headings are left over.

    Returns the (possibly split) runs, the run of each heading (-1: none) and the
    assignment's total score.
    """
    headings = analysis.headings
    edges: Edges = [_adjacency(analysis, h) for h in headings]
    if len(headings) > EXACT_LIMIT or len(runs) > EXACT_LIMIT:
        return runs, _match_nearby(analysis, runs, edges), 0.0
    mapping, total = _evaluate(analysis, runs, edges)
    # Only a full heading (with a byline) is evidence enough to cut a body in two:
    # bodies run together where a title below one body meets a title above the next,
    # or where a far title left its body next to another.
    excess = sum(1 for h in headings if h.has_byline) - len(runs)
    cuts = sum(len(run.units) - 1 for run in runs)
    if excess <= 0 or excess * cuts * len(headings) * (len(runs) + excess) ** 2 > SPLIT_WORK_BUDGET:
        return runs, mapping, total
    while sum(1 for h in headings if h.has_byline) > len(runs):
        best: tuple[float, list[_Run], list[int]] | None = None
        for r, run in enumerate(runs):
            for cut in range(1, len(run.units)):
                halves = [_Run(run.units[:cut]), _Run(run.units[cut:], run.trailer)]
                candidate = runs[:r] + halves + runs[r + 1 :]
                cand_mapping, cand_total = _evaluate(analysis, candidate, edges)
                if best is None or cand_total > best[0]:
                    best = (cand_total, candidate, cand_mapping)
        if best is None or best[0] - total < SPLIT_MIN_GAIN:
            break
        total, runs, mapping = best
    return runs, mapping, total


def _is_adjacent(edge: tuple[int | None, int | None], run: _Run) -> bool:
    after, before = edge
    return (after is not None and after == run.units[-1]) or (before is not None and before == run.units[0])


def _run_grams(analysis: _Analysis, runs: list[_Run]) -> list[set[str]]:
    """Each run's bigrams, from its paragraphs' (computed once per page)."""
    units = analysis.page.units
    result = []
    for run in runs:
        grams: set[str] = set()
        for i in run.units:
            if i not in analysis.grams:
                analysis.grams[i] = bigrams(_paragraph(units[i]))
            grams |= analysis.grams[i]
        result.append(grams)
    return result


def _evaluate(analysis: _Analysis, runs: list[_Run], edges: Edges) -> tuple[list[int], float]:
    """The exact global assignment of headings to these runs, and its total score."""
    scorer = ContentScorer(_run_grams(analysis, runs))
    content = [scorer.scores(h.title, h.affiliation) for h in analysis.headings]
    adjacent = [[_is_adjacent(edge, run) for run in runs] for edge in edges]
    return assign(content, adjacent)


def _match_nearby(analysis: _Analysis, runs: list[_Run], edges: Edges) -> list[int]:
    """Large inputs: each heading competes only for the few runs around it."""
    scorer = ContentScorer(_run_grams(analysis, runs))
    starts = [run.units[0] for run in runs]
    weights: dict[tuple[int, int], float] = {}
    for h, heading in enumerate(analysis.headings):
        centre = bisect.bisect_left(starts, min(heading.units))
        nearby = list(range(max(0, centre - NEARBY), min(len(runs), centre + NEARBY)))
        for r, score in zip(nearby, scorer.scores(heading.title, heading.affiliation, nearby)):
            weights[(h, r)] = score + (ADJACENT_BONUS if _is_adjacent(edges[h], runs[r]) else 0.0)
    mapping, _ = greedy_assign(weights, len(analysis.headings))
    return mapping


def _position(analysis: _Analysis, heading: Heading, run: _Run) -> TitlePosition:
    after, before = _adjacency(analysis, heading)
    if before is not None and before == run.units[0]:
        return "before"
    if after is not None and after == run.units[-1]:
        return "after"
    return "far"


def _assemble(analysis: _Analysis, matched: Matched | None) -> list[Reflection]:
    """The reflections, in the order of their bodies, with a warning for every guess."""
    units = analysis.page.units
    warnings = analysis.warnings
    runs = _body_runs(analysis) if matched is None else matched[0]
    if not runs:
        return _without_bodies(analysis)
    if matched is None:
        paragraphs = tuple(_paragraph(units[i]) for run in runs for i in run.units)
        warnings.append(notice("no-headings"))
        return [Reflection("", "", "", paragraphs, "none")]
    runs, mapping, _ = matched
    heading_for_run: dict[int, Heading] = {}
    for h, r in enumerate(mapping):
        if r >= 0:
            heading_for_run[r] = analysis.headings[h]
        else:
            described = analysis.headings[h].describe()
            warnings.append(notice("heading-unplaced", heading=described))
    reflections: list[Reflection] = []
    for r, run in enumerate(runs):
        paragraphs = tuple(_paragraph(units[i]) for i in run.units)
        heading = heading_for_run.get(r)
        trailer = run.trailer
        if heading is None and trailer is None:
            if r == 0 and not analysis.lead_units and _before_all_headings(analysis, run):
                # An introduction above every piece, with no heading of its own.
                analysis.lead_units = list(run.units)
                for i in run.units:
                    analysis.kinds[i] = "lead"
                continue
            warnings.append(notice("piece-without-heading", opening=_opening(paragraphs)))
            reflections.append(Reflection("", "", "", paragraphs, "none"))
            continue
        title = heading.title if heading else ""
        affiliation = (heading.affiliation if heading else "") or (trailer.affiliation if trailer else "")
        author = (heading.author if heading else "") or (trailer.author if trailer else "")
        position: TitlePosition = _position(analysis, heading, run) if heading else "after"
        if heading is not None and position == "far":
            warnings.append(
                notice("title-far", heading=heading.describe(), opening=_opening(paragraphs))
            )
        if not title:
            warnings.append(notice("no-title", opening=_opening(paragraphs)))
        reflections.append(Reflection(title, author, affiliation, paragraphs, position))
    return reflections


def _before_all_headings(analysis: _Analysis, run: _Run) -> bool:
    first_heading = min((min(h.units) for h in analysis.headings), default=None)
    return first_heading is not None and run.units[-1] < first_heading


def _without_bodies(analysis: _Analysis) -> list[Reflection]:
    """A page with no paragraphs at all: keep its lines as one untitled piece."""
    units = analysis.page.units
    kept = [
        clean_display(units[i].text)
        for i in range(len(units))
        if analysis.kinds[i] not in ("headline", "subtitle", "credit")
    ]
    analysis.warnings.append(notice("no-reflections"))
    analysis.headings.clear()
    for i in range(len(units)):
        if analysis.kinds[i] in ("junk", "heading", "trailer", "line"):
            analysis.kinds[i] = "body"
    return [Reflection("", "", "", tuple(k for k in kept if k), "none")]


def _paragraph(unit: Unit) -> str:
    """A body paragraph's text (a display line demoted to body text is cleaned too)."""
    return unit.text if unit.kind == "prose" else clean_prose(unit.text)


def _opening(paragraphs: Sequence[str]) -> str:
    text = "".join(paragraphs)
    return text if len(text) <= _MAX_QUOTED else text[:_MAX_QUOTED] + "…"
