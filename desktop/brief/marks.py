"""Highlights (标注) shown in context, distinguishable on a black-and-white laser printer.

Colour alone does not survive an office printer, so each category has its own *shape*:

* 承诺 commitment: a light tint behind the text **and** a straight underline;
* 金句 quote: a wavy underline;
* 疑问 question: a bar in the left margin beside every line that holds the question.

A commented highlight carries a superscript number [n] after it; the same number leads
its comment in the lists at the end of the reflection.

The wavy line and the side bar are not reportlab markup: the markup marks where a
decoration begins and ends with zero-width ``<onDraw>`` boundaries, the line breaker
(:mod:`paragraph`) turns them into one marker per run and line carrying the run's width,
and the marker's callback draws the decoration where reportlab prints that run.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from reportlab.lib import colors

from desktop.brief.content import COMMITMENT, QUESTION, QUOTE, BriefHighlight, BriefReflection
from desktop.brief.fonts import FontSet
from desktop.brief.markup import rich
from desktop.brief.paragraph import BOUNDARY_CALLBACK

WAVE, SIDE = "W", "S"

COMMITMENT_TINT = colors.HexColor("#F6E3A1")  # prints as a light grey
COMMITMENT_LINE = colors.HexColor("#6B4F00")
QUOTE_LINE = colors.HexColor("#9C2A2A")
QUESTION_RULE = colors.HexColor("#1F4E79")
NUMBER_COLOUR = colors.HexColor("#9C2A2A")

CATEGORY_LABELS = {COMMITMENT: "承诺", QUOTE: "金句", QUESTION: "疑问"}


@dataclass(frozen=True)
class Placed:
    """A highlight with offsets that are valid for its paragraph (or None if not found)."""

    highlight: BriefHighlight
    paragraph: int | None
    start: int
    end: int
    number: int | None = None

    @property
    def category(self) -> str:
        return self.highlight.category


def place_highlights(reflection: BriefReflection, categories: frozenset[str], numbered: bool) -> list[Placed]:
    """The reflection's highlights of the chosen categories, located and numbered.

    Offsets that no longer fit the paragraph (the text was edited after highlighting)
    are repaired by finding the highlighted text; a highlight that cannot be found is
    kept for the lists but not marked in the text. Never raises on bad offsets.
    """
    located = [
        _locate(reflection.paragraphs, h) for h in reflection.highlights if h.category in categories
    ]
    located.sort(key=lambda p: (p.paragraph if p.paragraph is not None else 1 << 30, p.start, p.end))
    if not numbered:
        return located
    result = []
    number = 0
    for placed in located:
        if placed.highlight.comment.strip():
            number += 1
            placed = Placed(placed.highlight, placed.paragraph, placed.start, placed.end, number)
        result.append(placed)
    return result


def _locate(paragraphs: tuple[str, ...], h: BriefHighlight) -> Placed:
    if h.detached:
        return Placed(h, None, 0, 0)
    index = h.paragraph if isinstance(h.paragraph, int) else -1
    if 0 <= index < len(paragraphs):
        text = paragraphs[index]
        if 0 <= h.start < h.end <= len(text) and (not h.text or text[h.start : h.end] == h.text):
            return Placed(h, index, h.start, h.end)
    needle = h.text.strip()
    if needle:
        order = ([index] if 0 <= index < len(paragraphs) else []) + [
            i for i in range(len(paragraphs)) if i != index
        ]
        for i in order:
            found = paragraphs[i].find(needle)
            if found >= 0:
                return Placed(h, i, found, found + len(needle))
    return Placed(h, None, 0, 0)


def marked_paragraph(text: str, placed: list[Placed], fonts: FontSet, link_prefix: str | None = None) -> str:
    """Markup for one paragraph with its highlights drawn in place.

    ``placed`` holds only the highlights of this paragraph. Overlapping highlights
    combine their decorations. ``link_prefix`` makes the [n] numbers links to
    ``{link_prefix}{n}`` (the comment in the lists).
    """
    n = len(text)
    spans = []
    cuts = {0, n}
    for p in placed:
        start, end = _on_base(text, max(0, p.start)), _on_base(text, min(n, p.end))
        if start < end:
            spans.append((start, end, p))
            cuts.update((start, end))
    bounds = sorted(cuts)
    out: list[str] = []
    open_key: frozenset[str] = frozenset()
    drawn: set[str] = set()
    for a, b in zip(bounds, bounds[1:]):
        deco = frozenset(p.category for start, end, p in spans if start <= a < end)
        wanted = _drawn_kinds(deco)
        out += [_boundary("-", kind) for kind in sorted(drawn - wanted)]
        out += [_boundary("+", kind) for kind in sorted(wanted - drawn)]
        drawn = wanted
        if deco != open_key:
            out.append(_close(open_key))
            out.append(_open(deco))
            open_key = deco
        out.append(rich(text[a:b], fonts))
        numbers = sorted(p.number for start, end, p in spans if end == b and p.number is not None)
        if numbers:
            out.append(_close(open_key))
            open_key = frozenset()
            out += [number_markup(number, fonts, link_prefix) for number in numbers]
    out.append(_close(open_key))
    out += [_boundary("-", kind) for kind in sorted(drawn)]
    return "".join(out)


def _on_base(text: str, index: int) -> int:
    """Move an offset off a combining mark, so a cut never separates it from its base."""
    while 0 < index < len(text) and unicodedata.combining(text[index]):
        index += 1
    return index


def _drawn_kinds(deco: frozenset[str]) -> set[str]:
    return ({WAVE} if QUOTE in deco else set()) | ({SIDE} if QUESTION in deco else set())


def _boundary(sign: str, kind: str) -> str:
    return f'<onDraw name="{BOUNDARY_CALLBACK}" label="{sign}{kind}"/>'


def number_markup(number: int, fonts: FontSet, link_prefix: str | None) -> str:
    """The superscript [n] after a commented highlight."""
    label = f'<font name="{fonts.latin.name}" color="{NUMBER_COLOUR.hexval()}">[{number}]</font>'
    if link_prefix:
        label = f'<a href="#{link_prefix}{number}">{label}</a>'
    return f"<super>{label}</super>"


def _open(deco: frozenset[str]) -> str:
    if COMMITMENT in deco:
        return (
            f'<span backColor="{COMMITMENT_TINT.hexval()}">'
            f'<u color="{COMMITMENT_LINE.hexval()}" width="0.07*F" offset="-0.2*F">'
        )
    return ""


def _close(deco: frozenset[str]) -> str:
    return "</u></span>" if COMMITMENT in deco else ""



def draw_run(canvas, kind: str, label: str) -> None:  # noqa: ARG001 - reportlab's callback signature
    """onDraw callback: the wavy underline or side bar of one run on one line."""
    info = getattr(canvas, "_curr_tx_info", None)
    if info is None:
        return
    try:
        which, width_text, size_text = label.split(";")
        width, size = float(width_text), float(size_text)
    except ValueError:
        return
    if width <= 0:
        return
    x, y = info["cur_x"], info["cur_y"]
    canvas.saveState()
    if which == WAVE:
        _wave(canvas, x, x + width, y - 0.24 * size, size)
    elif which == SIDE:
        _side_rule(canvas, y, size, float(info.get("leading") or 1.6 * size))
    canvas.restoreState()


# The wavy line is one form XObject per font size: a long wave of fixed half-periods,
# defined once when the document is saved. A run draws it clipped to its width and
# stretched a little so it ends where the run ends, on the baseline of the wave. Drawing
# each wave as its own path made the Bézier coordinates over half of a brief's content
# streams (they compress badly) and a fifth of the time spent drawing.
_WAVE_FORM_HALF_PERIODS = 320  # longer than a line at 7 pt; a longer run repeats it
WAVE_FORMS = "_sn_wave_forms"  # canvas attribute: {form name: font size}


def _wave(canvas, x0: float, x1: float, y: float, size: float) -> None:
    """The wavy underline of one run: ``count`` half-periods of ``step``, x0 to x1."""
    half = 0.25 * size
    count = max(1, round((x1 - x0) / half))
    scale = (x1 - x0) / count / half
    name = _wave_form_name(size)
    forms = canvas.__dict__.setdefault(WAVE_FORMS, {})
    forms.setdefault(name, size)
    reach = 0.11 * size + 0.06 * size  # amplitude plus line width
    canvas.addLiteral(f"q {scale:.4f} 0 0 1 {x0:.2f} {y:.2f} cm")
    done = 0
    while done < count:
        n = min(_WAVE_FORM_HALF_PERIODS, count - done)
        canvas.addLiteral(f"q 1 0 0 1 {done * half:.2f} 0 cm 0 {-reach:.2f} {n * half:.2f} {2 * reach:.2f} re W n")
        canvas.doForm(name)
        canvas.addLiteral("Q")
        done += n
    canvas.addLiteral("Q")


def _wave_form_name(size: float) -> str:
    return f"snwave{round(size * 100)}"


def define_wave_forms(canvas) -> None:
    """Write the wave forms the document used; called when the canvas is saved."""
    for name, size in sorted(canvas.__dict__.get(WAVE_FORMS, {}).items()):
        half = 0.25 * size
        amplitude = 0.11 * size
        reach = amplitude + 0.06 * size
        canvas.beginForm(name, lowerx=-1, lowery=-reach, upperx=_WAVE_FORM_HALF_PERIODS * half + 1, uppery=reach)
        canvas.setStrokeColor(QUOTE_LINE)
        canvas.setLineWidth(0.06 * size)
        numbers = [0.0, 0.0]
        for i in range(_WAVE_FORM_HALF_PERIODS):
            a = i * half
            peak = amplitude if i % 2 == 0 else -amplitude
            numbers += (a + half / 3, peak, a + 2 * half / 3, peak, a + half, 0.0)
        path = " ".join(["%.2f %.2f m", *["%.2f %.2f %.2f %.2f %.2f %.2f c"] * _WAVE_FORM_HALF_PERIODS, "S"])
        canvas.addLiteral(path % tuple(numbers))
        canvas.endForm()


def _side_rule(canvas, y: float, size: float, leading: float) -> None:
    """One bar per line, a full leading tall so the bars of consecutive lines join."""
    key = (canvas.getPageNumber(), round(canvas.absolutePosition(0, y)[1], 1))
    done = canvas.__dict__.setdefault("_sn_side_rules", set())
    if key in done:
        return
    done.add(key)
    x = -0.6 * size
    canvas.setStrokeColor(QUESTION_RULE)
    canvas.setLineWidth(0.2 * size)
    bottom = y - 0.5 * (leading - size) - 0.12 * size
    canvas.line(x, bottom, x, bottom + leading)
