"""Keywords (关键词) of a reflection or a material, by TF-IDF over jieba's segmentation.

They let a reader see at a glance what a reflection is about and find the ones on a theme.
Keywords are extracted with ``jieba.analyse``'s TF-IDF, but over the app's own segmenter
(:mod:`desktop.segmenter`, with the domain user dictionary, so 劳模精神, 钉钉子精神 or
新时代中国特色社会主义思想 count as one term) and with the app's stop-word list, which adds
the genre's filler (工作, 进一步, 职工, 大会精神's 精神…) to the function words. Only nouns,
nominal verbs, place names, abbreviations and set phrases are candidates: a reader looks
for themes, and the verbs of this genre (践行, 推动, 搭建) say little about one.

jieba's global extractor is left untouched: a private extractor shares only its IDF table.
"""

from __future__ import annotations

import threading
import warnings
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:  # pragma: no cover - typing only
    from desktop.material import Material

Keyword = tuple[str, float]

# jieba part-of-speech tags of candidate keywords: nouns (n, nz, nt, ns), nominal verbs (vn),
# set phrases (l) and abbreviations (j).
KEYWORD_POS = ("n", "nz", "nt", "ns", "vn", "l", "j")

_lock = threading.Lock()
_extractor: Any = None


class HasBody(Protocol):
    """A reflection as the importer (Reflection) or the library (StoredReflection) gives it."""

    title: str
    paragraphs: Sequence[str]


def keywords_for_text(text: str, top_k: int = 8) -> list[Keyword]:
    """The ``top_k`` keywords of ``text`` with their TF-IDF weights, heaviest first."""
    if top_k <= 0 or not text.strip():
        return []
    extractor = _load_extractor()
    return [
        (word, float(weight))
        for word, weight in extractor.extract_tags(
            text, topK=top_k, withWeight=True, allowPOS=KEYWORD_POS
        )
    ]


def reflection_keywords(reflection: HasBody, top_k: int = 8) -> list[Keyword]:
    """Keywords of one reflection; its title counts, since authors title it with its theme."""
    return keywords_for_text(_join(reflection.title, *reflection.paragraphs), top_k)


def material_keywords(material: Material, top_k: int = 8) -> list[Keyword]:
    """Keywords of a whole page: its headline, lead and every reflection."""
    parts = [material.headline, material.subtitle, material.lead]
    for reflection in material.reflections:
        parts.append(reflection.title)
        parts.extend(reflection.paragraphs)
    return keywords_for_text(_join(*parts), top_k)


def _join(*parts: str) -> str:
    return "\n".join(part for part in parts if part)


def _load_extractor() -> Any:
    """The private TF-IDF extractor, built once (thread-safe) over the shared segmenter."""
    global _extractor
    extractor = _extractor
    if extractor is not None:
        return extractor
    with _lock:
        if _extractor is None:
            _extractor = _build_extractor()
        return _extractor


def _build_extractor() -> Any:
    from desktop.segmenter import import_jieba, load_segmenter, stop_words

    segmenter = load_segmenter()
    import_jieba()
    with warnings.catch_warnings():
        # Importing jieba.analyse reads its IDF table through a file it never closes.
        warnings.simplefilter("ignore", ResourceWarning)
        import jieba.analyse

    shared = jieba.analyse.default_tfidf  # built by the import; reuse its 300k-word IDF table
    extractor = jieba.analyse.TFIDF.__new__(jieba.analyse.TFIDF)
    extractor.tokenizer = segmenter.tokenizer
    extractor.postokenizer = segmenter.tagger
    extractor.stop_words = set(jieba.analyse.TFIDF.STOP_WORDS) | stop_words()
    extractor.idf_loader = shared.idf_loader  # only read: set_idf_path is never called
    extractor.idf_freq = shared.idf_freq
    extractor.median_idf = shared.median_idf
    return extractor
