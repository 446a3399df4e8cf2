"""What jieba finds in one reflection: suggested commitments, keywords and word spans.

Qt-free, and run in a separate *process* by the window (see
:class:`AnalysisProcess`). A worker thread is not enough: loading jieba spends long
stretches inside single C calls (unmarshalling its dictionaries and cache) that hold
Python's global interpreter lock, which froze the window for about 1.5 s and delayed
note autosaves past their promised second. A child process has its own interpreter lock,
so the window stays responsive however long jieba takes.
"""

from __future__ import annotations

import multiprocessing
import threading
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from typing import TypeVar

from desktop.material import Material, StoredReflection

KEYWORD_COUNT = 6
_T = TypeVar("_T")

Span = tuple[int, int]


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
    """Suggestions, keywords and jieba's word spans per paragraph (for word selection)."""
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


def material_keywords(material: Material, top_k: int) -> tuple[tuple[str, float], ...]:
    """The material's top keywords with their weights (the brief's keyword figure)."""
    from desktop.keywords import material_keywords as extract

    return tuple(extract(material, top_k=top_k))


def _exit_with_parent() -> None:
    """In the child: end when the window's process ends, however it ends.

    A killed or crashed window cannot shut the pool down; without this watch the child
    would live on (holding jieba's 100+ MB) until its current job finished or forever.
    """
    import os
    from multiprocessing.connection import wait

    parent = multiprocessing.parent_process()
    if parent is None:
        return

    def watch() -> None:
        wait([parent.sentinel])
        os._exit(0)

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()


class AnalysisProcess:
    """One long-lived child process that keeps jieba loaded between reflections.

    Started on first use ("spawn", so it shares no Qt state with the window and works the
    same on Windows, Linux and in a PyInstaller bundle, whose entry point calls
    ``multiprocessing.freeze_support()``). ``analyse`` blocks the calling (worker) thread
    while waiting, without holding the interpreter lock.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._executor: ProcessPoolExecutor | None = None

    def analyse(self, reflection: StoredReflection) -> Analysis:
        return self._submit(analyse_reflection, reflection).result()

    def material_keywords(self, material: Material, top_k: int) -> tuple[tuple[str, float], ...]:
        """For the brief exported from the window: jieba stays out of its process."""
        return self._submit(material_keywords, material, top_k).result()

    def _submit(self, function: Callable[..., _T], *args: object) -> Future[_T]:
        with self._lock:
            if self._executor is None:
                context = multiprocessing.get_context("spawn")
                self._executor = ProcessPoolExecutor(max_workers=1, mp_context=context,
                                                     initializer=_exit_with_parent)
            return self._executor.submit(function, *args)

    def close(self) -> None:
        """Stop the child at once: a half-loaded jieba is worth nothing to keep."""
        with self._lock:
            executor, self._executor = self._executor, None
        if executor is None:
            return
        processes = list((getattr(executor, "_processes", None) or {}).values())
        executor.shutdown(wait=False, cancel_futures=True)
        for process in processes:
            process.terminate()
        for process in processes:
            process.join(timeout=5)
