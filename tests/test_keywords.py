"""Keywords of a reflection and of a page: domain terms whole, filler left out."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.keywords import keywords_for_text, material_keywords, reflection_keywords
from desktop.material import Material, Reflection, StoredReflection

FIXTURES = Path(__file__).resolve().parent / "fixtures"

DOMAIN_TERMS = [
    "劳模精神",
    "劳动精神",
    "工匠精神",
    "娘家人",
    "四个意识",
    "四个自信",
    "钉钉子精神",
    "工会十四大",
    "新时代中国特色社会主义思想",
]

TEXT = (
    "学习贯彻北京工会十四大精神，坚持以习近平新时代中国特色社会主义思想为指导，"
    "牢固树立“四个意识”，坚定“四个自信”。大力弘扬劳模精神、劳动精神、工匠精神，"
    "以钉钉子精神进一步做好各项工作，全面当好职工的“娘家人”。"
)


@pytest.fixture(scope="module")
def seed() -> Material:
    data = json.loads((FIXTURES / "seed_expected.json").read_text(encoding="utf-8"))
    return Material(
        headline=data["headline"],
        subtitle=data["subtitle"],
        lead=data["lead"],
        reflections=tuple(
            Reflection(r["title"], r["author"], r["affiliation"], tuple(r["paragraphs"]))
            for r in data["reflections"]
        ),
    )


def test_domain_terms_are_whole_keywords() -> None:
    words = [word for word, _ in keywords_for_text(TEXT, top_k=20)]
    for term in DOMAIN_TERMS:
        assert term in words
    for fragment in ("劳模", "钉钉子", "中国特色社会主义", "十四大", "自信"):
        assert fragment not in words


def test_filler_and_function_words_are_left_out() -> None:
    words = {word for word, _ in keywords_for_text(TEXT, top_k=50)}
    assert words.isdisjoint({"工作", "进一步", "全面", "的", "各项", "精神", "学习"})


def test_keywords_are_heaviest_first_and_limited_to_top_k() -> None:
    keywords = keywords_for_text(TEXT, top_k=5)
    assert len(keywords) == 5
    weights = [weight for _, weight in keywords]
    assert weights == sorted(weights, reverse=True) and all(w > 0 for w in weights)


def test_no_text_no_keywords() -> None:
    assert keywords_for_text("") == []
    assert keywords_for_text("   \n") == []
    assert keywords_for_text(TEXT, top_k=0) == []


def test_reflection_keywords_name_its_theme(seed: Material) -> None:
    first = [word for word, _ in reflection_keywords(seed.reflections[0])]
    assert first[:3] == ["劳模精神", "劳动精神", "工匠精神"]  # its title and its pledge
    chaoyang = [word for word, _ in reflection_keywords(seed.reflections[1])]
    assert "钉钉子精神" in chaoyang


def test_reflection_keywords_accept_a_stored_reflection(seed: Material) -> None:
    r = seed.reflections[3]
    stored = StoredReflection(1, 1, 3, r.title, r.author, r.affiliation, r.paragraphs)
    assert reflection_keywords(stored) == reflection_keywords(r)
    assert "娘家人" in [word for word, _ in reflection_keywords(stored)]


def test_material_keywords_cover_the_page(seed: Material) -> None:
    words = [word for word, _ in material_keywords(seed, top_k=10)]
    assert "工会十四大" in words
    assert len(words) == 10


def test_jiebas_global_defaults_are_left_alone() -> None:
    keywords_for_text(TEXT)
    import jieba
    import jieba.analyse

    assert "钉钉子精神" not in jieba.dt.FREQ  # the user dictionary went to a private tokenizer
    assert "进一步" not in jieba.analyse.default_tfidf.stop_words
