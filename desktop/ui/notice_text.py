"""The importer's warnings in the interface's language.

The importer writes its warnings as English sentences (:mod:`desktop.importer.notices`);
this module turns one back into its code and parameters and shows the translated
template for that code, with the same ``{placeholders}``. A sentence from no known
template (e.g. stored by an older version) is shown as it is.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop.importer.notices import parse_notice


def notice_templates() -> dict[str, str]:
    """Code -> translated template (tr() source text = the English one, to translate)."""
    return {
        "empty-page": QCoreApplication.translate(
            "NoticeText", "The page contains no text."),
        "no-headline": QCoreApplication.translate(
            "NoticeText", "No headline was recognised."),
        "ignored-line": QCoreApplication.translate(
            "NoticeText", "Ignored a line that is neither a title nor a byline: “{line}”."),
        "first-line-title": QCoreApplication.translate(
            "NoticeText", "The first line was read as a title, not as the page's headline."),
        "no-headings": QCoreApplication.translate(
            "NoticeText", "No titles or bylines were recognised: the page was imported as one untitled piece."),
        "heading-unplaced": QCoreApplication.translate(
            "NoticeText", "A title and byline could not be placed (no body left for it): “{heading}”."),
        "piece-without-heading": QCoreApplication.translate(
            "NoticeText", "A piece without title or byline was found: “{opening}”."),
        "title-far": QCoreApplication.translate(
            "NoticeText", "The title “{heading}” stood far from its body; check that it belongs to the piece beginning “{opening}”."),
        "no-title": QCoreApplication.translate(
            "NoticeText", "A piece has no title: “{opening}”."),
        "no-reflections": QCoreApplication.translate(
            "NoticeText", "No reflections were recognised: the page was imported as one untitled piece."),
        "unrecognised-structure": QCoreApplication.translate(
            "NoticeText", "The page's structure could not be recognised; it was imported as one untitled piece."),
    }


def notice_text(warning: str) -> str:
    """``warning`` (an English sentence from the importer) in the interface's language."""
    parsed = parse_notice(warning)
    if parsed is None:
        return warning
    code, params = parsed
    template = notice_templates().get(code)
    if template is None:
        return warning
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):  # a broken translation: the English sentence
        return warning
