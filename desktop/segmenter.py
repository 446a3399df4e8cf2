"""The app's one jieba segmenter: loaded lazily, once, with the domain dictionary.

Loading jieba's prefix dictionary takes over a second, so nothing imports jieba at start-up:
the first caller of :func:`load_segmenter` (normally a background worker) pays for it, every
later caller gets the same instance at no cost, and concurrent first callers wait on a lock
instead of loading twice.

The segmenter is a private ``jieba.Tokenizer`` rather than jieba's global default, so the
domain user dictionary does not leak into other users of jieba in the process, and its
dictionary cache lives in the app's cache folder (:func:`desktop.paths.cache_dir`) instead
of the shared temporary folder, where jieba puts it by default. The installers ship that
cache prebuilt (``resources/jieba/jieba-<version>.cache``, made by installer/bundle.py);
when it is there it is read in place and nothing is built or written per user.
"""

from __future__ import annotations

import logging
import threading
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover - typing only
    import jieba
    import jieba.posseg

USER_DICTIONARY = ("jieba", "userdict.txt")
STOP_WORDS = ("jieba", "stopwords.txt")
CACHE_FOLDER = "jieba"

_lock = threading.Lock()
_segmenter: Segmenter | None = None


@dataclass(frozen=True)
class Segmenter:
    """A loaded tokenizer and its part-of-speech tagger, sharing one dictionary."""

    tokenizer: jieba.Tokenizer
    tagger: jieba.posseg.POSTokenizer
    cache_file: Path

    def cut(self, text: str) -> list[str]:
        """Words of ``text`` (jieba's accurate mode, HMM on for unknown words)."""
        return self.tokenizer.lcut(text)

    def tag(self, text: str) -> list[tuple[str, str]]:
        """``(word, part of speech)`` pairs; the words concatenate back to ``text``."""
        return [(pair.word, pair.flag) for pair in self.tagger.cut(text)]


def import_jieba() -> Any:
    """Import jieba without its ``pkg_resources`` deprecation warning.

    jieba 0.42 imports ``pkg_resources``, which newer setuptools deprecate loudly; the
    warning says nothing a user of this app can act on.
    """
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=".*pkg_resources.*")
        warnings.filterwarnings("ignore", category=DeprecationWarning)
        import jieba
        import jieba.posseg  # noqa: F401  (binds jieba.posseg)

    # jieba logs every dictionary load at DEBUG to stderr; headless commands print JSON there.
    logging.getLogger("jieba").setLevel(logging.WARNING)
    return jieba


def is_loaded() -> bool:
    """Whether the segmenter is ready (a caller can then skip its "loading…" state)."""
    return _segmenter is not None


def load_segmenter() -> Segmenter:
    """The shared segmenter, loading it on first use (thread-safe, idempotent)."""
    segmenter = _segmenter
    if segmenter is not None:
        return segmenter
    with _lock:
        if _segmenter is None:
            _set(_build())
        assert _segmenter is not None
        return _segmenter


def _set(segmenter: Segmenter) -> None:
    global _segmenter
    _segmenter = segmenter


def _build() -> Segmenter:
    from desktop import paths
    from desktop.resources import resource_path

    jieba = import_jieba()
    cache_name = f"jieba-{jieba.__version__}.cache"
    prebuilt = resource_path(CACHE_FOLDER, cache_name)
    if prebuilt.is_file():
        # The installers ship the cache prebuilt (installer/bundle.py): no second spent
        # building it on first use, nothing written per user. jieba only reads it.
        cache_folder = prebuilt.parent
    else:
        cache_folder = paths.cache_dir() / CACHE_FOLDER
        cache_folder.mkdir(parents=True, exist_ok=True)
    tokenizer = jieba.Tokenizer()
    # jieba joins cache_file onto tmp_dir and writes through a temporary file in tmp_dir;
    # the version in the name keeps a cache from an older jieba's dictionary from being used.
    tokenizer.tmp_dir = str(cache_folder)
    tokenizer.cache_file = cache_name
    tokenizer.initialize()
    with resource_path(*USER_DICTIONARY).open("rb") as user_dictionary:  # jieba leaks a path's handle
        tokenizer.load_userdict(user_dictionary)
    tagger = jieba.posseg.POSTokenizer(tokenizer)
    # Move the user words' tags into the tagger now, so later cuts (possibly from several
    # threads) only read shared state.
    tagger.makesure_userdict_loaded()
    return Segmenter(tokenizer, tagger, cache_folder / tokenizer.cache_file)


def stop_words() -> frozenset[str]:
    """The stop-word list shipped in resources/jieba/stopwords.txt (``#`` starts a comment)."""
    from desktop.resources import resource_path

    text = resource_path(*STOP_WORDS).read_text(encoding="utf-8")
    words = (line.split("#", 1)[0].strip() for line in text.splitlines())
    return frozenset(word for word in words if word)
