"""Selecting a sentence or a word of Chinese text with one click, on the seed's texts."""

from __future__ import annotations

import pytest

from desktop.text.sentences import CLOSERS, TERMINATORS, sentence_at, sentence_spans, word_at

CRAFTSMAN_SENTENCE = (
    "作为北京金融街威斯汀大酒店工会委员会的一名基层工会工作者，我将时刻以习近平新时代"
    "中国特色社会主义思想为指引，引领和组织广大酒店职工积极践行劳模精神、劳动精神、工匠精神。"
)


@pytest.fixture(scope="module")
def hotel(seed_expected: dict) -> str:
    """The one paragraph of 践行劳模精神劳动精神工匠精神 (王霞)."""
    (paragraph,) = seed_expected["reflections"][0]["paragraphs"]
    assert CRAFTSMAN_SENTENCE in paragraph
    return paragraph


@pytest.fixture(scope="module")
def bodies(seed_expected: dict) -> list[str]:
    """Every reflection's body, paragraphs joined by line breaks, plus the lead."""
    return ["\n".join(r["paragraphs"]) for r in seed_expected["reflections"]] + [
        seed_expected["lead"]
    ]


def texts(text: str, spans) -> list[str]:
    return [text[a:b] for a, b in spans]


# --- sentences -------------------------------------------------------------------------------


def test_sentences_of_a_seed_paragraph(hotel: str) -> None:
    assert texts(hotel, sentence_spans(hotel)) == [
        "北京市工会第十四次代表大会，是在中国特色社会主义进入新时代、北京建设发展迈入新阶段、"
        "工会深化改革开启新征程的关键时期召开的一次重要会议。",
        "大会的召开让我备受鼓舞。",
        CRAFTSMAN_SENTENCE,
        "带领职工投入到自身本职工作中去，把自身工作做实做细；",
        "作为职工的娘家人，在酒店开展全方位的帮扶慰问；",
        "提高职工劳动技能，开展结合岗位实际的劳动竞赛。",
        "我相信，我们基层工会每个小小的点，终会聚成亮亮的光。",
    ]


def test_click_in_the_middle_selects_the_whole_sentence(hotel: str) -> None:
    click = hotel.index("我将时刻以") + 2

    start, end = sentence_at(hotel, click)

    assert hotel[start:end] == CRAFTSMAN_SENTENCE


@pytest.mark.parametrize("mark", ["。", "，", "、"])
def test_click_on_punctuation_selects_its_sentence(hotel: str, mark: str) -> None:
    sentence_start = hotel.index(CRAFTSMAN_SENTENCE)
    click = sentence_start + CRAFTSMAN_SENTENCE.index(mark)

    assert sentence_at(hotel, click) == (sentence_start, sentence_start + len(CRAFTSMAN_SENTENCE))


def test_click_on_the_first_and_last_character(hotel: str) -> None:
    first = sentence_at(hotel, 0)
    last = sentence_at(hotel, len(hotel) - 1)

    assert hotel[first[0] : first[1]].startswith("北京市工会第十四次代表大会")
    assert hotel[last[0] : last[1]] == "我相信，我们基层工会每个小小的点，终会聚成亮亮的光。"
    assert sentence_at(hotel, len(hotel)) == last  # cursor after the end


def test_semicolon_ends_a_clause(hotel: str) -> None:
    click = hotel.index("娘家人")

    start, end = sentence_at(hotel, click)

    assert hotel[start:end] == "作为职工的娘家人，在酒店开展全方位的帮扶慰问；"


def test_closing_quote_stays_with_its_sentence(hotel: str) -> None:
    text = "王霞说：“" + CRAFTSMAN_SENTENCE + "”她又说：“我相信，我们基层工会每个小小的点，终会聚成亮亮的光。”"

    spans = texts(text, sentence_spans(text))

    assert spans == [
        "王霞说：“" + CRAFTSMAN_SENTENCE + "”",
        "她又说：“我相信，我们基层工会每个小小的点，终会聚成亮亮的光。”",
    ]
    assert text[slice(*sentence_at(text, text.index("”")))] == spans[0]


def test_closing_bracket_and_quote_after_question_and_exclamation() -> None:
    text = "你问：“工会是谁的家？”（是职工的家！）我们当好“娘家人”。"

    assert texts(text, sentence_spans(text)) == [
        "你问：“工会是谁的家？”",
        "（是职工的家！）",
        "我们当好“娘家人”。",
    ]


def test_quoted_words_inside_a_sentence_do_not_end_it(seed_expected: dict) -> None:
    """“工会服务年” is closed by ” without a full stop: the sentence goes on."""
    (paragraph,) = seed_expected["reflections"][1]["paragraphs"]
    click = paragraph.index("工会服务年")

    start, end = sentence_at(paragraph, click)

    assert paragraph[start:end].startswith("今后一段时期")
    assert paragraph[start:end].endswith("见到实效。")


def test_runs_of_terminators_end_once() -> None:
    text = "真的吗？！当然……我们继续努力。"

    assert texts(text, sentence_spans(text)) == ["真的吗？！", "当然……", "我们继续努力。"]


def test_text_without_terminal_punctuation_is_one_sentence(hotel: str) -> None:
    unfinished = hotel.removesuffix("。")
    last_start = unfinished.index("我相信")

    spans = sentence_spans(unfinished)

    assert spans[-1] == (last_start, len(unfinished))
    assert sentence_at(unfinished, len(unfinished) - 1) == spans[-1]
    assert sentence_spans("学好报告内容") == [(0, 6)]


def test_line_breaks_end_sentences_and_whitespace_is_left_out(seed_expected: dict) -> None:
    first, second = seed_expected["reflections"][3]["paragraphs"]
    body = "　　" + first + "\n　　" + second.removesuffix("。") + "  \n"

    spans = texts(body, sentence_spans(body))

    assert spans[0].startswith("在今后的工作中")
    assert spans[1].startswith("工作中，向劳模学习")
    assert spans[1].endswith("贡献自己的力量")
    assert len(spans) == 2
    for span in spans:
        assert span == span.strip()
        assert "\n" not in span


def test_half_width_full_stop_only_before_a_space() -> None:
    text = "平谷区6.8万名职工欢欣鼓舞. Next one"

    assert texts(text, sentence_spans(text)) == ["平谷区6.8万名职工欢欣鼓舞.", "Next one"]


def test_every_character_belongs_to_one_sentence(bodies: list[str]) -> None:
    for body in bodies:
        spans = sentence_spans(body)
        covered = [i for a, b in spans for i in range(a, b)]
        assert covered == sorted(set(covered))  # in order, no overlap
        missing = set(range(len(body))) - set(covered)
        assert all(body[i].isspace() for i in missing)
        for a, b in spans:
            assert not body[a].isspace() and not body[b - 1].isspace()
            last = body[b - 1]
            ends_line = b == len(body) or body[b] == "\n"
            assert last in TERMINATORS or last in CLOSERS or ends_line, body[a:b]


def test_click_on_blank_space() -> None:
    text = "大会的召开让我备受鼓舞。  带领职工\n\n投入工作。"

    assert text[slice(*sentence_at(text, text.index("  ") + 1))] == "大会的召开让我备受鼓舞。"
    assert text[slice(*sentence_at(text, text.index("\n")))] == "带领职工"
    assert sentence_at(text, text.index("\n") + 1) == (text.index("\n") + 1,) * 2
    assert sentence_at("   ", 1) == (1, 1)
    assert sentence_at("", 0) == (0, 0)


# --- words -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("clicked", "word"),
    [("匠", "工匠精神"), ("劳动", "劳动精神")],
)
def test_word_without_tokens_is_the_chinese_run_up_to_punctuation(
    hotel: str, clicked: str, word: str
) -> None:
    phrase = hotel.index("劳模精神、劳动精神、工匠精神。")
    click = hotel.index(clicked, phrase)

    assert hotel[slice(*word_at(hotel, click))] == word


def test_word_never_runs_into_the_next_sentence() -> None:
    text = "积极践行工匠精神\n带领职工投入到自身本职工作中去"

    assert text[slice(*word_at(text, text.index("神")))] == "积极践行工匠精神"
    assert text[slice(*word_at(text, text.index("带")))] == "带领职工投入到自身本职工作中去"


def test_word_without_tokens_separates_digits_latin_and_chinese(seed_expected: dict) -> None:
    (paragraph,) = seed_expected["reflections"][6]["paragraphs"]
    at = paragraph.index("平谷区6.8万名")

    assert paragraph[slice(*word_at(paragraph, at + 4))] == "6.8"
    assert paragraph[slice(*word_at(paragraph, at + 2))] == "平谷区"
    assert paragraph[slice(*word_at(paragraph, at + 6))].startswith("万名职工")

    mixed = "用WPS Office软件写心得"
    assert mixed[slice(*word_at(mixed, 2))] == "WPS"
    assert mixed[slice(*word_at(mixed, mixed.index("ffice")))] == "Office"


def _tokens(text: str, words: list[str]) -> list[tuple[int, int]]:
    """Token spans for a text segmented by hand (as jieba would return them)."""
    spans, at = [], 0
    for word in words:
        assert text.startswith(word, at)
        spans.append((at, at + len(word)))
        at += len(word)
    assert at == len(text)
    return spans


def test_word_with_tokens_selects_the_token() -> None:
    text = "引领和组织广大酒店职工积极践行劳模精神。"
    words = _tokens(
        text, ["引领", "和", "组织", "广大", "酒店", "职工", "积极", "践行", "劳模", "精神", "。"]
    )

    assert text[slice(*word_at(text, text.index("酒"), words))] == "酒店"
    assert text[slice(*word_at(text, text.index("店"), words))] == "酒店"
    assert text[slice(*word_at(text, text.index("和"), words))] == "和"
    assert text[slice(*word_at(text, text.index("。"), words))] == "。"


def test_a_bad_token_is_cut_at_the_sentence_and_at_punctuation() -> None:
    text = "做实做细；作为职工的娘家人"
    words = [(0, 2), (2, 7), (7, 13)]  # "做实", "做细；作为" (wrong), "职工的娘家人"

    assert text[slice(*word_at(text, text.index("细"), words))] == "做细"
    assert text[slice(*word_at(text, text.index("为"), words))] == "作为"


def test_click_not_covered_by_tokens_falls_back_to_the_run() -> None:
    text = "工会服务年"
    assert word_at(text, 3, [(0, 2)]) == (0, 5)


def test_word_on_punctuation_or_space() -> None:
    text = "劳模精神、 劳动精神"

    assert word_at(text, text.index("、")) == (4, 5)
    assert word_at(text, text.index(" ")) == (5, 5)
    assert word_at("", 0) == (0, 0)
    assert text[slice(*word_at(text, len(text)))] == "劳动精神"  # cursor after the end
