"""The shared jieba segmenter: domain words, one load for all threads, cache in the app's folder."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest

from desktop import segmenter as segmenter_module
from desktop.segmenter import load_segmenter, stop_words

PROJECT_ROOT = Path(__file__).resolve().parent.parent

DOMAIN_TERMS = {
    "劳模精神": "大力弘扬劳模精神，争做新时代的奋斗者。",
    "劳动精神": "积极践行劳模精神、劳动精神、工匠精神。",
    "工匠精神": "以工匠精神打磨每一件产品。",
    "娘家人": "当好职工的娘家人，为职工办实事。",
    "四个意识": "牢固树立“四个意识”，坚定“四个自信”。",
    "四个自信": "坚定四个自信，做到两个维护。",
    "钉钉子精神": "以钉钉子精神做实做好各项工作。",
    "工会十四大": "迅速掀起学习贯彻北京工会十四大精神的高潮。",
    "新时代中国特色社会主义思想": "坚持以习近平新时代中国特色社会主义思想为指导。",
}


@pytest.mark.parametrize("term", sorted(DOMAIN_TERMS))
def test_domain_terms_are_one_word(term: str) -> None:
    sentence = DOMAIN_TERMS[term]
    assert term in load_segmenter().cut(sentence)


def test_tagged_words_rebuild_the_text() -> None:
    text = "作为基层工会，我们要迅速掀起学习贯彻北京工会十四大精神的高潮。"
    tagged = load_segmenter().tag(text)
    assert "".join(word for word, _ in tagged) == text
    assert ("我们", "r") in tagged
    assert ("工会十四大", "nz") in tagged  # the user dictionary's tag, not a guess


def test_loading_twice_returns_the_same_segmenter() -> None:
    assert load_segmenter() is load_segmenter()
    assert segmenter_module.is_loaded()


def test_concurrent_first_calls_load_once(monkeypatch: pytest.MonkeyPatch) -> None:
    built: list[object] = []

    def slow_build() -> object:
        time.sleep(0.2)  # long enough for every thread to arrive while loading
        built.append(object())
        return built[-1]

    monkeypatch.setattr(segmenter_module, "_segmenter", None)
    monkeypatch.setattr(segmenter_module, "_build", slow_build)
    results: list[object] = []
    threads = [threading.Thread(target=lambda: results.append(load_segmenter())) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(built) == 1
    assert results == built * 8


def _load_in_fresh_process(home: Path, temp: Path) -> subprocess.CompletedProcess[str]:
    script = textwrap.dedent(
        """
        from desktop.segmenter import load_segmenter
        from desktop.keywords import keywords_for_text
        assert "劳模精神" in load_segmenter().cut("弘扬劳模精神")
        print(keywords_for_text("弘扬劳模精神，发扬钉钉子精神。")[0][0])
        """
    )
    env = dict(os.environ, STUDYNOTES_HOME=str(home), TMPDIR=str(temp), TEMP=str(temp), TMP=str(temp))
    return subprocess.run(
        [sys.executable, "-c", script], cwd=PROJECT_ROOT, env=env, capture_output=True, text=True, check=False
    )


def test_dictionary_cache_lives_in_the_cache_folder_not_the_temp_folder(tmp_path: Path) -> None:
    home, temp = tmp_path / "home", tmp_path / "temp"
    temp.mkdir()
    first = _load_in_fresh_process(home, temp)
    assert first.returncode == 0, first.stderr
    assert first.stderr == ""  # no jieba chatter, no pkg_resources warning
    caches = list((home / "cache" / "jieba").glob("*.cache"))
    assert len(caches) == 1 and caches[0].stat().st_size > 1_000_000
    assert list(temp.iterdir()) == []

    written = caches[0].stat().st_mtime_ns
    second = _load_in_fresh_process(home, temp)
    assert second.returncode == 0, second.stderr
    assert caches[0].stat().st_mtime_ns == written  # read from the cache, not rebuilt
    assert list(temp.iterdir()) == []


def test_stop_words_skip_comments_and_blank_lines() -> None:
    words = stop_words()
    assert {"的", "工作", "进一步", "全面"} <= words
    assert not any(word.startswith("#") or not word.strip() for word in words)
    assert "劳模精神" not in words
