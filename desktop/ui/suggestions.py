"""Suggested commitments, keywords and word spans of a reflection, computed off the GUI thread.

Everything jieba does happens in a child process (:mod:`desktop.reflection_analysis`,
which says why not a thread), waited for on a worker thread: loading the segmenter takes
more than a second the first time, and the window must never freeze for it. One job per reflection
gives the suggestions (:func:`desktop.commitments.suggest_in_paragraphs`), the keywords
(:func:`desktop.keywords.reflection_keywords`) and jieba's word spans per paragraph (for
double-click word selection). Results are cached by reflection id, so switching back to
a reflection is instant. Dismissed suggestions are filtered by the caller, who owns the
library: the cache holds what jieba found, not what the reader decided.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Signal

from desktop.material import Material, StoredReflection
from desktop.reflection_analysis import Analysis, AnalysisProcess, SuggestedSentence
from desktop.ui.workers import TaskRunner

__all__ = ["Analysis", "SuggestedSentence", "SuggestionService"]

log = logging.getLogger(__name__)


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
        self._process = AnalysisProcess()  # jieba runs there, never in the window's process
        self._loaded = False

    def material_keywords(self, material: Material, top_k: int) -> tuple[tuple[str, float], ...]:
        """A material's keywords from the analysis process (called on a worker thread)."""
        return self._process.material_keywords(material, top_k)

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
            self._tasks.start(self._process.analyse, reflection,
                              on_success=self._on_done,
                              on_failure=lambda error, rid=reflection.id: self._on_failed(rid, error))
        return None

    def segmenter_loaded(self) -> bool:
        """Whether jieba is ready in the analysis process (one analysis has come back)."""
        return self._loaded

    @property
    def busy(self) -> bool:
        return self._tasks.busy

    def shutdown(self) -> None:
        self._closed = True
        self._process.close()
        self._tasks.wait()

    def _on_done(self, analysis: Analysis) -> None:
        self._running.discard(analysis.reflection_id)
        self._loaded = True
        if self._closed:
            return
        self._cache[analysis.reflection_id] = analysis
        self.analysed.emit(analysis)

    def _on_failed(self, reflection_id: int, error: BaseException) -> None:
        self._running.discard(reflection_id)
        log.error("could not analyse reflection %s", reflection_id, exc_info=error)
        if not self._closed:
            self.failed.emit(reflection_id, error)
