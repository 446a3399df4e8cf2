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

Markup is read by reportlab's own tag handlers, but once per *shape* (the tags and
attributes with the texts, link targets and anchor names taken out) and style, not once
per paragraph: the fragments of a paragraph are the shape's with its texts put in, the
same fragments reportlab's parser would make (anything unusual goes to that parser).
"""

from __future__ import annotations

import re
import threading
import weakref
from itertools import groupby, repeat
from operator import itemgetter

from reportlab.lib.abag import ABag
from reportlab.lib.enums import TA_JUSTIFY
from reportlab.lib.styles import PropertySet
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfbase.pdfmetrics import getAscentDescent
from reportlab.platypus.paragraph import FragLine, ParaLines, Paragraph, _handleBulletWidth, textTransformFrags
from reportlab.platypus.paraparser import ParaParser

from desktop.brief import line_drawing

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
# Sets the character spacing back to 0 at the start of a line that follows a respaced
# one (a marker at the end of every respaced line would cost a text operator per line;
# the spacing never outlives the paragraph, which is drawn inside its own q/Q).
CHAR_SPACE_RESET_CALLBACK = "sn_char_space_reset"
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


def _with_text(frag, text: str):
    """``frag.clone(text=text)`` without the keyword-argument round trip (ABag.clone
    rebuilds the fragment through ``__init__(**attributes)``; this is the same copy)."""
    if type(frag).clone is not ABag.clone or type(frag).__init__ is not ABag.__init__:
        return frag.clone(text=text)
    new = object.__new__(type(frag))
    attributes = frag.__dict__.copy()
    attributes["text"] = text
    new.__dict__ = attributes
    return new


# One printed character (or a zero-width marker): (text, frag, width).
Item = tuple
_TEXT, _FRAG = itemgetter(0), itemgetter(1)


def _callback_name(frag: object) -> str | None:
    cb = getattr(frag, "cbDefn", None)
    return getattr(cb, "name", None) if cb is not None else None


_OWN_MARKERS = frozenset((CHAR_SPACE_CALLBACK, CHAR_SPACE_RESET_CALLBACK, RUN_CALLBACK))
_SPACING_MARKERS = frozenset((CHAR_SPACE_CALLBACK, CHAR_SPACE_RESET_CALLBACK))


def _is_own_marker(frag: object) -> bool:
    """Markers the line breaker adds (and drops again when lines are re-broken)."""
    return _callback_name(frag) in _OWN_MARKERS


def _decorated(frag: object) -> bool:
    if getattr(frag, "cbDefn", None) is not None:
        return _callback_name(frag) not in (CHAR_SPACE_CALLBACK, CHAR_SPACE_RESET_CALLBACK)
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
        self.has_boundaries = False
        for frag in frags:
            cb = getattr(frag, "cbDefn", None)
            if cb is not None and getattr(cb, "name", None) in _OWN_MARKERS:
                continue
            text = frag.text
            if isinstance(text, bytes):
                text = text.decode("utf-8")
            if cb is not None or not text:
                if cb is not None and getattr(cb, "name", None) == BOUNDARY_CALLBACK:
                    self.has_boundaries = True
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
            measured = list(map(measure.get, text))
            if None in measured:
                for char in set(text).difference(measure):
                    measure[char] = stringWidth(char, font, size)
                measured = list(map(measure.__getitem__, text))
            items.extend(zip(text, repeat(frag), measured))
            chars.extend(text)
            widths.extend(measured)
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
    spaced = False  # is the character spacing of the previous line still in force?
    while start < n:
        max_width = max_widths[min(len(lines), len(max_widths) - 1)]
        end, used, forced = _fill_line(layout, start, max_width)
        opened = frozenset(kind for kind, count in open_runs.items() if count > 0)
        glyphs = layout.item_range(start, end)
        if layout.has_boundaries or _any_open(open_runs):
            glyphs = _decoration_runs(glyphs, open_runs)
        line, spaced = _make_line(glyphs, used, max_width, forced, justify and end < n, spaced)
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


def _any_open(open_runs: dict[str, int]) -> bool:
    """Is a decoration run (wavy line, side rule) open at this point?"""
    return any(open_runs.values())


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


def _make_line(items: list[Item], used: float, max_width: float, forced: bool, justify: bool, spaced: bool):
    """The line and whether it leaves a character spacing in force for the next one."""
    extra = max_width - used
    spread = None
    if justify and not forced and abs(extra) > 0.01:
        spread = _spread(items, extra)
        if spread is not None:
            items = [_marker(items[0][1], spread), *items]
            used, extra = max_width, 0.0
    if spread is None and spaced:
        items = [_marker(items[0][1], 0.0, CHAR_SPACE_RESET_CALLBACK), *items]
    words = []
    size = ascent = descent = 0.0
    seen = set()
    for frag, group in groupby(items, key=_FRAG):  # runs of one fragment (compared by identity)
        words.append(_with_text(frag, "".join(map(_TEXT, group))))
        key = (frag.fontName, frag.fontSize)
        if key not in seen:
            seen.add(key)
            up, down = _ascent_descent(*key)
            size = max(size, frag.fontSize)
            ascent = max(ascent, up)
            descent = min(descent, down)
    line = FragLine(
        kind=1, extraSpace=extra, wordCount=1, words=words, fontSize=size, ascent=ascent, descent=descent,
        maxWidth=max_width, currentWidth=used, lineBreak=forced,
    )
    line._sn_draw = line_drawing.classify(words, _SPACING_MARKERS)
    return line, spread is not None


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


def _marker(frag, value: float, name: str = CHAR_SPACE_CALLBACK) -> Item:
    marker = frag.clone(text="", cbDefn=ABag(kind="onDraw", name=name, label=f"{value:.4f}", width=0))
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


# The markup this package writes: double-quoted attributes, the three escapes of
# markup.escape. Anything else (or a stray "<", ">", "&") goes to reportlab's parser.
_TOKEN = re.compile(r'<(/?)([A-Za-z][A-Za-z0-9]*)((?:\s+[A-Za-z][A-Za-z0-9_-]*="[^"<>&]*")*)\s*(/?)>|&(amp|lt|gt);|[<>&]')
_ATTRIBUTE = re.compile(r'([A-Za-z][A-Za-z0-9_-]*)="([^"]*)"')
_ENTITIES = {"amp": "&", "lt": "<", "gt": ">"}
# Link targets and anchor names differ from paragraph to paragraph (c-r12-3): they are
# slots of the shape too, put back into the fragments' links and anchors.
_TARGET = re.compile(r'<a (name|href)="([#A-Za-z0-9_.:-]+)"(/?)>')
_VALUE = "\x00"


def _shape(text: str) -> tuple[tuple, list[str], list[str]] | None:
    """The markup cut into its shape and its texts; None when it is not this package's
    simple markup (then reportlab's own parser reads it).

    The shape is the sequence of tags and entities with a slot (None) for each text:
    paragraphs of the same shape -- same tags, same attributes -- parse alike.
    """
    if "<" not in text and "&" not in text:
        return ((None,), [text], []) if text else ((), [], [])
    shape: list = []
    texts: list[str] = []
    values: list[str] = []
    position = 0
    for match in _TOKEN.finditer(text):
        start = match.start()
        if start > position:
            texts.append(text[position:start])
            shape.append(None)
        position = match.end()
        if match.group(5) is not None:
            shape.append(match.group(5))
        elif match.group(2) is None:
            return None  # a stray <, > or &: let reportlab report or read it
        else:
            tag = match.group(0)
            target = _TARGET.fullmatch(tag) if tag.startswith("<a ") else None
            if target is not None:
                values.append(target.group(2))
                tag = f'<a {target.group(1)}="{_VALUE}"{target.group(3)}>'
            shape.append(tag)
    if position < len(text):
        texts.append(text[position:])
        shape.append(None)
    return tuple(shape), texts, values


def _tuple_tree(shape: tuple, values: list[str]) -> tuple | None:
    """reportlab's tuple tree for a shape, its text slots numbered 0, 1, ...

    ``ParaParser.tt_parse`` runs the very same tag handlers as the html.parser path.
    Tag and attribute names are lower-cased and each entity is its own text piece,
    exactly as html.parser reports them, so the fragments are identical.
    """
    root: tuple = ("para", None, [])
    stack = [root]
    slot = 0
    pending_values = iter(values)
    for token in shape:
        if token is None:
            stack[-1][2].append(slot)
            slot += 1
        elif token in _ENTITIES:
            stack[-1][2].append(_ENTITIES[token])
        else:
            match = _TOKEN.fullmatch(token)
            name = match.group(2).lower()
            if match.group(1):
                if match.group(3) or match.group(4) or len(stack) == 1 or stack[-1][0] != name:
                    return None
                stack.pop()
                continue
            if name == "para" and len(stack) == 1 and not root[2]:
                return None  # reportlab treats a leading <para> specially
            attributes = {k.lower(): (next(pending_values) if v == _VALUE else v) for k, v in _ATTRIBUTE.findall(match.group(3))}
            node = (name, attributes, [])
            stack[-1][2].append(node)
            if not match.group(4):
                stack.append(node)
    return root if len(stack) == 1 else None


def _fill(node: tuple, texts: list[str]) -> tuple:
    """The tree with its text slots (indices) replaced by ``texts``."""
    name, attributes, children = node
    return (name, attributes, [
        texts[c] if isinstance(c, int) else c if isinstance(c, str) else _fill(c, texts) for c in children
    ])


_SLOT = "\ue000{}\ue001"
_VALUE_SLOT = "\ue002{}\ue003"
# Per style (by its attributes, so a second brief reuses the first one's work):
# markup shape -> template fragments with the slot each one prints, or None.
_SHAPES: dict[tuple, dict[tuple, list | None]] = {}
_STYLE_KEYS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
_MAX_SHAPES = 2048
_SHAPES_LOCK = threading.Lock()


def _style_key(style) -> tuple | None:
    """A style's attributes as a hashable key; None (no sharing) if they are not plain."""
    try:
        key = _STYLE_KEYS.get(style)
    except TypeError:
        return None
    if key is None:
        try:
            items = tuple(sorted(vars(style).items()))
            hash(items)
            key = items if getattr(style, "parent", None) is None else ()
        except TypeError:
            key = ()
        _STYLE_KEYS[style] = key
    return key or None


def _parse(tree: tuple, style, case_sensitive: int):
    parser = ParaParser()
    parser.caseSensitive = case_sensitive
    return parser.tt_parse(tree, style)


def _shape_template(shape: tuple, count: int, value_count: int, style, case_sensitive: int):
    """Fragments for a markup shape, parsed once with placeholders in the text slots.

    reportlab's tag handlers copy a fragment per tag and per text and convert colours
    and sizes each time; that is most of the cost of a Paragraph, and a brief repeats a
    handful of shapes (plain text, text with a Latin run in the fallback font, a comment
    with its coloured label) thousands of times. Each text makes exactly one fragment
    (``handle_data``) whose other attributes do not depend on the text, so the
    fragments of another paragraph of the same shape are these with the texts put in.
    """
    style_key = _style_key(style)
    if style_key is None:
        return None
    key = (shape, case_sensitive)
    shapes = _SHAPES.get(style_key)
    if shapes is not None and key in shapes:
        return shapes[key]
    with _SHAPES_LOCK:  # briefs may be built on worker threads
        return _new_shape_template(style_key, key, shape, count, value_count, style, case_sensitive)


def _new_shape_template(style_key: tuple, key: tuple, shape: tuple, count: int, value_count: int, style, case_sensitive: int):
    shapes = _SHAPES.setdefault(style_key, {})
    entry = shapes.get(key)
    if entry is None and key not in shapes:
        value_placeholders = [_VALUE_SLOT.format(k) for k in range(value_count)]
        tree = _tuple_tree(shape, value_placeholders)
        placeholders = [_SLOT.format(i) for i in range(count)]
        parsed_style, frags, bullet_frags = _parse(_fill(tree, placeholders), style, case_sensitive) if tree else (None, None, None)
        entry = None
        if frags is not None and not bullet_frags:
            where = {t: i for i, t in enumerate(placeholders)}
            slots = [where.get(getattr(f, "text", None)) for f in frags]
            patches = [_value_patch(f, value_placeholders) for f in frags]
            filled = sorted(i for i in slots if i is not None)
            patched = sorted({k for patch in patches if patch for k in patch[1]})
            clean = all(_no_placeholders(f, i is not None, patch) for f, i, patch in zip(frags, slots, patches))
            plain = parsed_style is style and not any(isinstance(v, PropertySet) for f in frags for v in vars(f).values())
            if filled == list(range(count)) and clean and plain and patched == list(range(value_count)):
                entry = list(zip(frags, slots, patches))
        if sum(map(len, _SHAPES.values())) >= _MAX_SHAPES:
            _SHAPES.clear()
            shapes = _SHAPES.setdefault(style_key, {})
        shapes[key] = entry
    return entry


def _value_patch(frag, placeholders: list[str]) -> tuple | None:
    """Where a template fragment holds value slots: ("anchor", (k,)) or ("link", (k, ...)).

    Anything else holding a placeholder makes the shape unusable (checked by the caller:
    every value must be found exactly here).
    """
    where = {v: k for k, v in enumerate(placeholders)}
    cb = getattr(frag, "cbDefn", None)
    if cb is not None and getattr(cb, "kind", None) == "anchor" and getattr(cb, "name", None) in where:
        return ("anchor", (where[cb.name],))
    link = getattr(frag, "link", None)
    if link:
        found = tuple(where[target] for _, target in link if target in where)
        if found:
            return ("link", found)
    return None


def _no_placeholders(frag, has_text: bool, patch: tuple | None) -> bool:
    """No placeholder left anywhere in the fragment but where it is filled in."""
    rest = dict(vars(frag))
    if has_text:
        rest["text"] = ""
    if patch is not None:
        rest.pop("cbDefn" if patch[0] == "anchor" else "link", None)
    if patch is not None and patch[0] == "anchor":
        rest["cbDefn"] = {k: v for k, v in vars(frag.cbDefn).items() if k != "name"}
    text = repr(rest)
    return _SLOT[0] not in text and _VALUE_SLOT[0] not in text


def _put_values(frag, patch: tuple, values: list[str]) -> None:
    kind, slots = patch
    if kind == "anchor":
        frag.cbDefn = frag.cbDefn.clone(name=values[slots[0]])
    else:
        placeholders = {_VALUE_SLOT.format(k): values[k] for k in slots}
        frag.link = [(n, placeholders.get(target, target)) for n, target in frag.link]


class CJKParagraph(Paragraph):
    """A Paragraph that breaks Chinese lines by the rules above and justifies them."""

    def _setup(self, text, style, bulletText, frags, cleaner):  # noqa: N803 - reportlab's API
        if frags is None and isinstance(text, str):
            cleaned = cleaner(text)
            parts = _shape(cleaned)
            if parts is not None:
                shape, texts, values = parts
                entry = _shape_template(shape, len(texts), len(values), style, self.caseSensitive)
                if entry is not None:
                    parsed = [_with_text(f, texts[i]) if i is not None else f.clone() for f, i, _ in entry]
                    for frag, (_, _, patch) in zip(parsed, entry):
                        if patch is not None:
                            _put_values(frag, patch, values)
                    textTransformFrags(parsed, style)
                    return super()._setup(cleaned, style, bulletText, parsed, cleaner)
        return super()._setup(text, style, bulletText, frags, cleaner)

    def wrap(self, availWidth, availHeight):  # noqa: N803 - reportlab's API
        """reportlab's wrap, answered at once when asked again at the same width.

        A paragraph's height does not depend on the height offered, and platypus asks the
        same paragraph the same question several times (to try a page, for a keep-together
        group, for each table row computation): the lines are cached already, this skips
        the rest. Anything that re-wraps at another width replaces the answer.
        """
        done = self.__dict__.get("_sn_wrapped")
        if done is not None and done[0] == availWidth and done[1] is self.__dict__.get("blPara"):
            return self.width, self.height
        size = super().wrap(availWidth, availHeight)
        if availWidth >= _FUZZ:
            self._sn_wrapped = (availWidth, self.blPara)
        return size

    def breakLinesCJK(self, maxWidths):  # noqa: N802, N803 - reportlab's API
        if hasattr(self, "blPara") and getattr(self, "_splitpara", 0):
            return self.blPara
        if not self.frags:
            return super().breakLinesCJK(maxWidths)
        widths = list(maxWidths) if isinstance(maxWidths, (list, tuple)) else [maxWidths]
        _handleBulletWidth(self.bulletText, self.style, widths)
        key = tuple([round(w, 4) for w in widths])
        cache = self.__dict__.setdefault("_sn_layouts", {})
        lines = cache.get(key)
        if lines is None:
            auto = getattr(self, "autoLeading", getattr(self.style, "autoLeading", ""))
            justify = self.style.alignment == TA_JUSTIFY
            lines = cache[key] = break_lines(self.frags, widths, justify, auto not in ("", "off"))
        self.height = 0
        return lines

    def drawPara(self, debug=0):  # noqa: N802 - reportlab's API
        if not debug and line_drawing.can_draw(self):
            line_drawing.draw(self)
        else:
            super().drawPara(debug)

    def _get_split_blParaFunc(self):  # noqa: N802 - reportlab's API
        if self.blPara.kind == 1:
            return _split_lines_frags
        return super()._get_split_blParaFunc()
