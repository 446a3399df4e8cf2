"""Clean-up of Chinese text extracted from a PDF.

Text copied or extracted from a newspaper PDF carries the typesetting with it: lines are
hard-wrapped at the column width (often in the middle of a word), justification and
full-width punctuation leave spaces inside Chinese runs (``大会， 是在``, ``必 将激发``),
bold display type is drawn twice and comes out doubled (``新新时时代代``), and there is a
zoo of invisible and exotic space characters. Chinese has no spaces between words, so
every space next to a Chinese character or Chinese punctuation is an artefact, while the
spaces between Latin words and numbers (``Windows 10``) are real and must stay.

The functions are pure and small, so the importer can pick the right treatment for each
kind of text: body text loses every CJK-adjacent space, display text (headline, title)
keeps the spaces that separate its phrases.
"""

from __future__ import annotations

import re
import unicodedata

# Characters that stand for "no character at all" in extracted text.
# Stray control characters (a DOS end-of-file mark, a PDF tool's glitch) go too.
_INVISIBLE = dict.fromkeys(
    [*map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad")]
    + [c for c in range(0x20) if chr(c) not in "\t\n\r\x0b\x0c"]
    + [c for c in range(0x7F, 0xA0) if c != 0x85],
    None,
)
# Every horizontal space that is not the ideographic (full-width) one becomes " ".
_SPACES = dict.fromkeys(
    map(ord, "\t\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f"),
    " ",
)
# Quick test for any character the two tables above change (most lines have none).
_SPECIAL = re.compile("[" + re.escape("".join(map(chr, [*_INVISIBLE, *_SPACES]))) + "]")
_NEWLINES = re.compile(r"\r\n|[\r\u2028\u2029\x0b\x0c\x85]")

# Punctuation shared by Chinese and Western typography: it counts as Chinese when it
# stands against a Chinese character (``意识” “四个``), as Western otherwise.
_AMBIGUOUS_PUNCT = frozenset("“”‘’—–…·•")
# Sentence punctuation of Chinese prose (a title or a byline has none of it).
SENTENCE_PUNCT = frozenset("，。；！？、：,;!?")
# Punctuation that can end a paragraph (closing quotes/brackets follow the stop).
TERMINAL_PUNCT = frozenset("。！？!?…；;")
CLOSERS = frozenset("”’」』）)》〉】\"'")
# Dashes that open a subtitle (———…) or a byline (——陈亮).
DASHES = "—–―─━－-~～ "

_LATIN = re.compile(r"[A-Za-z0-9]")


def is_cjk(char: str) -> bool:
    """Whether ``char`` is a CJK ideograph, kana, CJK punctuation or a full-width form.

    These are the characters between which a space is never part of the text.
    """
    code = ord(char)
    return (
        0x4E00 <= code <= 0x9FFF
        or 0x3400 <= code <= 0x4DBF
        or 0x3000 <= code <= 0x30FF
        or 0xFF00 <= code <= 0xFFEF
        or 0xF900 <= code <= 0xFAFF
        or 0x2E80 <= code <= 0x2FDF
        or 0x3100 <= code <= 0x31FF
        or 0xFE30 <= code <= 0xFE4F
        or 0x20000 <= code <= 0x3FFFF
    )


def is_ideograph(char: str) -> bool:
    """Whether ``char`` is a Chinese character (not punctuation)."""
    code = ord(char)
    return (
        0x4E00 <= code <= 0x9FFF
        or 0x3400 <= code <= 0x4DBF
        or 0xF900 <= code <= 0xFAFF
        or 0x20000 <= code <= 0x3FFFF
        or code == 0x3007  # 〇
    )


def is_cjk_punct(char: str) -> bool:
    """Chinese punctuation proper (full-width or CJK block), not ideographs."""
    return is_cjk(char) and not is_ideograph(char)


def display_width(text: str) -> float:
    """Width of ``text`` in columns of Chinese characters.

    A Latin letter or digit is half as wide as a Chinese character, which is what makes
    line widths comparable across lines that mix the two (``平谷区6.8万名``); curly
    quotes and dashes ("ambiguous" width) are set full-width in Chinese type.
    """
    return sum(1.0 if unicodedata.east_asian_width(c) in "WFA" else 0.5 for c in text)


def normalize_newlines(text: str) -> str:
    """One line-end convention: CRLF, CR, form feeds and Unicode separators become LF."""
    return _NEWLINES.sub("\n", text)


def normalize_spaces(text: str, *, ideographic: bool = False) -> str:
    """Drop invisible characters and map exotic spaces to ``" "``.

    The ideographic space (U+3000) is kept unless ``ideographic`` is true, because at
    the start of a line it marks a paragraph indent that block splitting still needs.
    """
    if _SPECIAL.search(text):
        text = text.translate(_INVISIBLE).translate(_SPACES)
    if ideographic:
        text = text.replace("\u3000", " ")
    return text


def _cjk_side(text: str, index: int, step: int) -> bool:
    """Whether the character at ``index`` (next to a space) belongs to Chinese text.

    Ambiguous punctuation (curly quotes, dashes, ellipsis) is Chinese when the character
    beyond it, away from the space, is Chinese.
    """
    if not 0 <= index < len(text):
        return False
    char = text[index]
    if is_cjk(char):
        return True
    if char in _AMBIGUOUS_PUNCT:
        beyond = index + step
        while 0 <= beyond < len(text) and text[beyond] in _AMBIGUOUS_PUNCT:
            beyond += step
        return 0 <= beyond < len(text) and is_cjk(text[beyond])
    return False


def remove_cjk_spaces(text: str, *, keep_between_ideographs: bool = False) -> str:
    """Remove spaces next to Chinese characters or punctuation; collapse the others.

    ``keep_between_ideographs`` keeps one space between two Chinese characters: display
    lines (a headline such as ``新时代 新时期``) separate phrases that way on purpose,
    while in justified body text such a space is an artefact (``必 将激发``).
    """
    text = normalize_spaces(text, ideographic=True)
    if " " not in text:
        return text
    pieces: list[str] = []
    last = 0
    for match in re.finditer(r" +", text):
        start, end = match.span()
        pieces.append(text[last:start])
        last = end
        if start == 0 or end == len(text):
            continue  # leading/trailing: stripped
        left, right = text[start - 1], text[end]
        left_cjk = _cjk_side(text, start - 1, -1)
        right_cjk = _cjk_side(text, end, +1)
        if not (left_cjk or right_cjk):
            pieces.append(" ")
        elif keep_between_ideographs and _phrase_char(left) and _phrase_char(right):
            pieces.append(" ")
    pieces.append(text[last:])
    return "".join(pieces)


def _phrase_char(char: str) -> bool:
    """A character that can end or start a phrase of a display line."""
    return is_ideograph(char) or bool(_LATIN.match(char))


def join_lines(lines: list[str]) -> str:
    """Join hard-wrapped lines of one paragraph.

    A wrap inside Chinese text joins without a space; a wrap between two Latin words
    (or numbers) gets the space that the line end stood for.
    """
    result = ""
    for line in lines:
        line = line.strip()
        if not line:
            continue
        if result and _LATIN.match(result[-1]) and _LATIN.match(line[0]):
            result += " "
        result += line
    return result


def clean_prose(lines: list[str] | str) -> str:
    """A paragraph of body text: lines unwrapped and every CJK-adjacent space removed."""
    if isinstance(lines, str):
        lines = lines.split("\n")
    cleaned = [remove_cjk_spaces(line).strip() for line in lines]
    return join_lines(cleaned)


def is_doubled(token: str) -> bool:
    """Whether every character of ``token`` is written twice (``新新时时代代``)."""
    return len(token) >= 2 and len(token) % 2 == 0 and token[0::2] == token[1::2]


def undouble(text: str) -> str:
    """Undo the doubling of bold display type, token by token.

    Only when every space-separated token is doubled and one of them is at least two
    doubled characters long, so ordinary words with a repeated character (``天天``,
    ``常常 谢谢``) are never touched. The spaces between tokens stay.
    """
    tokens = text.split()
    if not tokens or max(len(t) for t in tokens) < 4:
        return text
    if not all(is_doubled(t) for t in tokens):
        return text
    if not any(is_cjk(c) for c in text):
        return text
    return " ".join(t[0::2] for t in tokens)


def looks_doubled(text: str) -> bool:
    """Whether the line is bold display type that came out doubled."""
    return undouble(text) != text


def strip_leading_dashes(text: str) -> str:
    """Drop the dashes that introduce a subtitle (``———北京工会十四大…``)."""
    return text.lstrip(DASHES + "\u3000")


def clean_display(text: str) -> str:
    """A display line (headline, subtitle, title): undoubled, phrase spaces kept.

    Spaces between two phrases of Chinese characters stay (``新时代 新时期``); spaces
    next to punctuation go. A line letter-spaced character by character (``学 习 心
    得``) is closed up, since single characters are not phrases.
    """
    text = normalize_spaces(text, ideographic=True).strip()
    text = undouble(text)
    tokens = text.split()
    if len(tokens) >= 3 and all(len(t) == 1 and is_cjk(t) for t in tokens):
        return "".join(tokens)
    return remove_cjk_spaces(text, keep_between_ideographs=True).strip()


def squeeze(text: str) -> str:
    """``text`` without any whitespace: how two texts are compared for identity."""
    return "".join(text.split())
