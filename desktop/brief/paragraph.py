"""Chinese line breaking (禁则) and justification for reportlab paragraphs.

reportlab's ``wordWrap='CJK'`` breaks anywhere and only keeps a handful of closing marks
off the start of a line: a line may still start with ，；：！？”’》 and end with “‘（《,
numbers such as 2018 are cut in half, and CJK lines are never justified (they all end
ragged). :class:`CJKParagraph` replaces the line breaker, following GB/T 15834-2011:

* closing punctuation never starts a line, opening punctuation never ends one;
* ——, …… and runs of Latin letters/digits (with 3.5, 10:30, 2024-05) are not split;
* when the character that overflows may not start a line it is first *pushed in*
  (kept on the line, which is then compressed by a fraction of a point per character),
  otherwise characters are *pushed out* to the next line;
* full lines are justified by spreading the slack over the gaps between characters
  (PDF character spacing), so the right edge is straight as in a printed newspaper.

Lines that carry highlights (tint, underlines, wavy lines, side rules, links) are not
respaced, because reportlab places those decorations from the unspaced glyph widths;
they keep their natural width and a pushed-in mark hangs into the margin instead.

Line layouts are cached per paragraph and width: reportlab wraps a paragraph several
times (to try a page, inside keep-together groups, in table cells) at the same width.
"""

from __future__ import annotations

from reportlab.lib.abag import ABag
from reportlab.lib.enums import TA_JUSTIFY
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfbase.pdfmetrics import getAscentDescent
from reportlab.platypus.paragraph import FragLine, ParaLines, Paragraph, _handleBulletWidth

# GB/T 15834-2011 4.x: marks that may not begin a line / may not end a line.
CANNOT_START = frozenset(
    "，。、；：！？）》」』】〕〗〙〛〉”’．｡､﹐﹑﹒﹔﹕﹖﹗︰"
    ",.;:!?)]}%‰℃°′″・·～〜々〻ゝゞヽヾーぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ"
)
CANNOT_END = frozenset("（《「『【〔〖〘〚〈“‘([{＄￥$£¥€#＃@")
# Closing marks that may be pushed in (kept on a full line by compressing it).
PUSH_IN = frozenset("，。、；：！？）》」』】〕〗〉”’．,.;:!?)]}")
# Marks written doubled (——, ……) that must stay on one line.
INSEPARABLE = frozenset("—…⋯─")
# Inside a Latin word or number: 3.5, 10:30, 2024-05, it's, a/b.
_WORD_JOINERS = frozenset(".,:/-'’_")

CHAR_SPACE_CALLBACK = "sn_char_space"
# Decorations drawn by callbacks (wavy underline, side rule): the markup holds only
# boundaries (label "+W" opens a wavy run, "-W" closes it); the line breaker turns them
# into one drawing marker per run and line, labelled "W;<width>;<font size>".
BOUNDARY_CALLBACK = "sn_mark"
RUN_CALLBACK = "sn_mark_run"
_FUZZ = 1e-6
# Respacing beyond this fraction of the font size per gap looks worse than a ragged line.
_MAX_SPREAD = 0.45
_MAX_SQUEEZE = 0.2


def _is_word(char: str) -> bool:
    return char.isascii() and char.isalnum() or ("\u00c0" <= char <= "\u024f")


def ignore_boundary(canvas, kind: str, label: str) -> None:  # noqa: ARG001
    """onDraw callback for decoration boundaries: the run markers do the drawing."""


def set_char_space(canvas, kind: str, label: str) -> None:  # noqa: ARG001 - reportlab's callback signature
    """onDraw callback: justify one line by setting the text object's character spacing."""
    info = getattr(canvas, "_curr_tx_info", None)
    if info is not None:
        info["tx"].setCharSpace(float(label))


# One printed character (or a zero-width marker): (text, frag, width).
Item = tuple


def _callback_name(frag: object) -> str | None:
    cb = getattr(frag, "cbDefn", None)
    return getattr(cb, "name", None) if cb is not None else None


def _is_own_marker(frag: object) -> bool:
    """Markers the line breaker adds (and drops again when lines are re-broken)."""
    return _callback_name(frag) in (CHAR_SPACE_CALLBACK, RUN_CALLBACK)


def _decorated(frag: object) -> bool:
    if getattr(frag, "cbDefn", None) is not None:
        return _callback_name(frag) != CHAR_SPACE_CALLBACK
    return bool(getattr(frag, "us_lines", None) or getattr(frag, "backColor", None) or getattr(frag, "link", None))


_WIDTHS: dict[tuple[str, float], dict[str, float]] = {}


def _width_table(font: str, size: float) -> dict[str, float]:
    """Character widths per font and size, shared by every paragraph of the process."""
    table = _WIDTHS.get((font, size))
    if table is None:
        table = _WIDTHS[(font, size)] = {}
    return table


class _Layout:
    """The characters of a paragraph grouped into clusters that cannot be separated.

    A cluster is a visible character plus the zero-width markers in front of it (the
    highlight decorations attach to the character they decorate), or a forced break.
    """

    def __init__(self, frags: list) -> None:
        items: list[Item] = []
        starts: list[int] = []
        chars: list[str] = []
        widths: list[float] = []
        breaks: list[bool] = []
        self.items, self.starts, self.chars, self.widths, self.breaks = items, starts, chars, widths, breaks
        pending: int | None = None  # first zero-width marker waiting for its character
        for frag in frags:
            if _is_own_marker(frag):
                continue
            text = frag.text
            if isinstance(text, bytes):
                text = text.decode("utf-8")
            cb = getattr(frag, "cbDefn", None)
            if cb is not None or not text:
                width = float(getattr(cb, "width", 0) or 0) if cb is not None else 0.0
                items.append(("", frag, width))
                if hasattr(frag, "lineBreak"):
                    self._close_pending(pending)
                    self._add_cluster(len(items) - 1, "\n", width, True)
                    pending = None
                elif width:
                    self._add_cluster(pending if pending is not None else len(items) - 1, "\ufffc", width, False)
                    pending = None
                elif pending is None:
                    pending = len(items) - 1
                continue
            font, size = frag.fontName, frag.fontSize
            measure = _width_table(font, size)
            first = len(items)
            for char in text:
                width = measure.get(char)
                if width is None:
                    width = measure[char] = stringWidth(char, font, size)
                items.append((char, frag, width))
                chars.append(char)
                widths.append(width)
            count = len(text)
            starts.extend(range(first, first + count))
            breaks.extend([False] * count)
            if pending is not None:
                starts[-count] = pending
                pending = None
        self._close_pending(pending)

    def _add_cluster(self, start: int, char: str, width: float, is_break: bool) -> None:
        self.starts.append(start)
        self.chars.append(char)
        self.widths.append(width)
        self.breaks.append(is_break)

    def _close_pending(self, start: int | None) -> None:
        """Trailing zero-width markers stay with the cluster before them."""
        if start is not None and not self.chars:
            self._add_cluster(start, "", 0.0, False)

    def __len__(self) -> int:
        return len(self.chars)

    def item_range(self, first: int, stop: int) -> list[Item]:
        begin = self.starts[first]
        end = self.starts[stop] if stop < len(self.starts) else len(self.items)
        return self.items[begin:end]

    def allowed(self, line_start: int, b: int) -> bool:
        """May a line end before cluster ``b`` (which starts the next line)?"""
        if b >= len(self.chars):
            return True
        if b <= line_start:
            return False
        prev, nxt = self.chars[b - 1], self.chars[b]
        if self.breaks[b - 1] or self.breaks[b]:
            return True
        if nxt in CANNOT_START or prev in CANNOT_END or nxt.isspace():
            return False
        if prev == nxt and prev in INSEPARABLE:
            return False
        if _is_word(prev) and _is_word(nxt):
            return False
        if prev in _WORD_JOINERS and _is_word(nxt) and b - 2 >= line_start and _is_word(self.chars[b - 2]):
            return False
        return True


def break_lines(frags: list, max_widths: list[float], justify: bool, calc_bounds: bool) -> ParaLines:
    """Lines of a CJK paragraph following the 禁则 rules above."""
    layout = _Layout(frags)
    n = len(layout)
    lines = []
    start = 0
    open_runs: dict[str, int] = {}
    while start < n:
        max_width = max_widths[min(len(lines), len(max_widths) - 1)]
        end, used, forced = _fill_line(layout, start, max_width)
        opened = frozenset(kind for kind, count in open_runs.items() if count > 0)
        glyphs = _decoration_runs(layout.item_range(start, end), open_runs)
        line = _make_line(glyphs, used, max_width, forced, justify and end < n, calc_bounds)
        line._sn_open = opened
        lines.append(line)
        start = end
    return ParaLines(kind=1, lines=lines)


def _fill_line(layout: _Layout, start: int, max_width: float) -> tuple[int, float, bool]:
    """Where the line starting at ``start`` ends: (stop index, width used, forced break)."""
    n = len(layout)
    used = 0.0
    i = start
    while i < n:
        if layout.breaks[i]:
            return i + 1, used, True
        width = layout.widths[i]
        if used + width <= max_width + _FUZZ or i == start:
            used += width
            i += 1
            continue
        b = _choose_break(layout, start, i)
        return b, sum(layout.widths[start:b]), False
    return n, used, False


def _choose_break(layout: _Layout, start: int, overflow: int) -> int:
    if layout.allowed(start, overflow):
        return overflow
    if layout.chars[overflow] in PUSH_IN and layout.allowed(start, overflow + 1):
        return overflow + 1
    for b in range(overflow - 1, start, -1):
        if layout.allowed(start, b):
            return b
    return overflow


def _decoration_runs(items: list[Item], open_runs: dict[str, int]) -> list[Item]:
    """Add one drawing marker per decoration run on this line, labelled with its width.

    ``open_runs`` counts the runs open at the line start (a highlight continuing from the
    line before) and is updated for the next line.
    """
    if not any(open_runs.values()) and not any(_callback_name(i[1]) == BOUNDARY_CALLBACK for i in items if not i[0]):
        return items
    out: list[Item] = []
    runs: dict[str, list] = {}
    template = next((i[1] for i in items if i[0]), items[0][1])
    for kind in sorted(k for k, count in open_runs.items() if count > 0):
        runs[kind] = _start_run(out, template)
    for item in items:
        text, frag, width = item
        out.append(item)
        if not text:
            if _callback_name(frag) == BOUNDARY_CALLBACK:
                label = str(frag.cbDefn.label)
                sign, kind = label[:1], label[1:]
                if sign == "+":
                    open_runs[kind] = open_runs.get(kind, 0) + 1
                    if open_runs[kind] == 1:
                        runs[kind] = _start_run(out, template)
                elif sign == "-" and open_runs.get(kind, 0) > 0:
                    open_runs[kind] -= 1
                    if open_runs[kind] == 0 and kind in runs:
                        _finish_run(kind, *runs.pop(kind))
            continue
        for run in runs.values():
            run[1] += width
            if frag.fontSize > run[2]:
                run[2] = frag.fontSize
    for kind, run in runs.items():
        _finish_run(kind, *run)
    return out


def _start_run(out: list[Item], template) -> list:
    marker = template.clone(text="", cbDefn=ABag(kind="onDraw", name=RUN_CALLBACK, label="", width=0))
    out.append(("", marker, 0.0))
    return [marker, 0.0, 0.0]


def _finish_run(kind: str, marker, width: float, size: float) -> None:
    marker.cbDefn.label = f"{kind};{width:.3f};{size or marker.fontSize:g}"


def _make_line(items: list[Item], used: float, max_width: float, forced: bool, justify: bool, calc_bounds: bool):  # noqa: ARG001
    extra = max_width - used
    if justify and not forced and abs(extra) > 0.01:
        spread = _spread(items, extra)
        if spread is not None:
            first = items[0][1]
            items = [_marker(first, spread), *items, _marker(first, 0.0)]
            used, extra = max_width, 0.0
    words = []
    size = ascent = descent = 0.0
    current = None
    texts: list[str] = []
    seen = set()
    for text, frag, _ in items:
        if frag is not current:
            if current is not None:
                words.append(current.clone(text="".join(texts)))
            current, texts = frag, []
            key = (frag.fontName, frag.fontSize)
            if key not in seen:
                seen.add(key)
                up, down = _ascent_descent(*key)
                size = max(size, frag.fontSize)
                ascent = max(ascent, up)
                descent = min(descent, down)
        texts.append(text)
    if current is not None:
        words.append(current.clone(text="".join(texts)))
    return FragLine(
        kind=1, extraSpace=extra, wordCount=1, words=words, fontSize=size, ascent=ascent, descent=descent,
        maxWidth=max_width, currentWidth=used, lineBreak=forced,
    )


_ASCENTS: dict[tuple[str, float], tuple[float, float]] = {}


def _ascent_descent(font: str, size: float) -> tuple[float, float]:
    value = _ASCENTS.get((font, size))
    if value is None:
        value = _ASCENTS[(font, size)] = getAscentDescent(font, size)
    return value


def _spread(items: list[Item], extra: float) -> float | None:
    """Character spacing that makes the line exactly full, or None to leave it as is."""
    visible = 0
    size = 0.0
    for text, frag, _ in items:
        if not text:
            if _decorated(frag):
                return None
            continue
        if _decorated(frag):
            return None
        visible += 1
        if frag.fontSize > size:
            size = frag.fontSize
    if visible < 2:
        return None
    gap = extra / (visible - 1)
    if gap > _MAX_SPREAD * size or gap < -_MAX_SQUEEZE * size:
        return None
    return gap


def _marker(frag, value: float) -> Item:
    marker = frag.clone(text="", cbDefn=ABag(kind="onDraw", name=CHAR_SPACE_CALLBACK, label=f"{value:.4f}", width=0))
    return ("", marker, 0.0)


def _split_lines_frags(bl_para: ParaLines, start: int, stop: int) -> list:
    """The frags of lines [start, stop) for a split part, without reportlab's added spaces.

    reportlab appends a space to the end of every line when it re-joins split CJK lines
    (harmless in English, a visible gap in Chinese) and mutates the cached lines while
    doing so; this joins clones instead, drops the markers the breaker added, and reopens
    the decoration runs that were open where the part begins.
    """
    frags = []
    lines = bl_para.lines[start:stop]
    if lines and lines[0].words:
        for kind in sorted(getattr(lines[0], "_sn_open", ())):
            boundary = lines[0].words[0].clone()
            boundary.text = ""
            boundary.cbDefn = ABag(kind="onDraw", name=BOUNDARY_CALLBACK, label=f"+{kind}", width=0)
            frags.append(boundary)
    for line in lines:
        for word in line.words:
            if not _is_own_marker(word):
                frags.append(word.clone())
    return frags


class CJKParagraph(Paragraph):
    """A Paragraph that breaks Chinese lines by the rules above and justifies them."""

    def breakLinesCJK(self, maxWidths):  # noqa: N802, N803 - reportlab's API
        if hasattr(self, "blPara") and getattr(self, "_splitpara", 0):
            return self.blPara
        if not self.frags:
            return super().breakLinesCJK(maxWidths)
        widths = list(maxWidths) if isinstance(maxWidths, (list, tuple)) else [maxWidths]
        _handleBulletWidth(self.bulletText, self.style, widths)
        key = tuple(round(w, 4) for w in widths)
        cache = self.__dict__.setdefault("_sn_layouts", {})
        lines = cache.get(key)
        if lines is None:
            auto = getattr(self, "autoLeading", getattr(self.style, "autoLeading", ""))
            justify = self.style.alignment == TA_JUSTIFY
            lines = cache[key] = break_lines(self.frags, widths, justify, auto not in ("", "off"))
        self.height = 0
        return lines

    def _get_split_blParaFunc(self):  # noqa: N802 - reportlab's API
        if self.blPara.kind == 1:
            return _split_lines_frags
        return super()._get_split_blParaFunc()
