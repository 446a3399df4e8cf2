"""Suggested commitments, keywords and word spans of a reflection, computed off the GUI thread.

Everything jieba does happens here, on a worker: loading the segmenter takes more than a
second the first time, and the window must never freeze for it. One job per reflection
gives the suggestions (:func:`desktop.commitments.suggest_in_paragraphs`), the keywords
(:func:`desktop.keywords.reflection_keywords`) and jieba's word spans per paragraph (for
double-click word selection). Results are cached by reflection id, so switching back to
a reflection is instant. Dismissed suggestions are filtered by the caller, who owns the
library: the cache holds what jieba found, not what the reader decided.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from PySide6.QtCore import QObject, Signal

from desktop.material import StoredReflection
from desktop.text.sentences import Span
from desktop.ui.workers import TaskRunner

log = logging.getLogger(__name__)

KEYWORD_COUNT = 6


@dataclass(frozen=True)
class SuggestedSentence:
    paragraph: int
    start: int
    end: int
    sentence: str


@dataclass(frozen=True)
class Analysis:
    """What jieba found in one reflection's text."""

    reflection_id: int
    paragraphs: tuple[str, ...]  # the text analysed: a corrected reflection is analysed again
    suggestions: tuple[SuggestedSentence, ...]
    keywords: tuple[str, ...]
    words: dict[int, list[Span]] = field(default_factory=dict)


def analyse_reflection(reflection: StoredReflection) -> Analysis:
    """Runs on the worker thread: jieba is loaded (once) and used only here."""
    from desktop.commitments import suggest_in_paragraphs
    from desktop.keywords import reflection_keywords
    from desktop.segmenter import load_segmenter

    paragraphs = tuple(reflection.paragraphs)
    suggestions = tuple(SuggestedSentence(s.paragraph, s.start, s.end, s.sentence)
                        for s in suggest_in_paragraphs(paragraphs))
    keywords = tuple(word for word, _ in reflection_keywords(reflection, KEYWORD_COUNT))
    tokenizer = load_segmenter().tokenizer
    words = {index: [(start, end) for _, start, end in tokenizer.tokenize(text)]
             for index, text in enumerate(paragraphs)}
    return Analysis(reflection.id, paragraphs, suggestions, keywords, words)


class SuggestionService(QObject):
    """Analyses reflections on its own worker thread (not the library's), with a cache."""

    analysed = Signal(object)  # Analysis
    failed = Signal(int, object)  # reflection id, exception
    busyChanged = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._tasks = TaskRunner(self)
        self._tasks.busyChanged.connect(self.busyChanged)
        self._cache: dict[int, Analysis] = {}
        self._running: set[int] = set()
        self._closed = False

    def cached(self, reflection: StoredReflection) -> Analysis | None:
        analysis = self._cache.get(reflection.id)
        if analysis is not None and analysis.paragraphs == tuple(reflection.paragraphs):
            return analysis
        return None

    def request(self, reflection: StoredReflection) -> Analysis | None:
        """The cached analysis, or None after starting one (``analysed`` will follow)."""
        analysis = self.cached(reflection)
        if analysis is not None or self._closed:
            return analysis
        if reflection.id not in self._running:
            self._running.add(reflection.id)
            self._tasks.start(analyse_reflection, reflection,
                              on_success=self._on_done,
                              on_failure=lambda error, rid=reflection.id: self._on_failed(rid, error))
        return None

    @staticmethod
    def segmenter_loaded() -> bool:
        from desktop.segmenter import is_loaded

        return is_loaded()

    @property
    def busy(self) -> bool:
        return self._tasks.busy

    def shutdown(self) -> None:
        self._closed = True
        self._tasks.wait()

    def _on_done(self, analysis: Analysis) -> None:
        self._running.discard(analysis.reflection_id)
        if self._closed:
            return
        self._cache[analysis.reflection_id] = analysis
        self.analysed.emit(analysis)

    def _on_failed(self, reflection_id: int, error: BaseException) -> None:
        self._running.discard(reflection_id)
        log.error("could not analyse reflection %s", reflection_id, exc_info=error)
        if not self._closed:
            self.failed.emit(reflection_id, error)
