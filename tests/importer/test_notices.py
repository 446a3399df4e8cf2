"""The importer's warning sentences: one template per code, readable back into code + params."""

from __future__ import annotations

import pytest

from desktop.importer import parse_file, parse_page
from desktop.importer.notices import NOTICES, notice, parse_notice, placeholders

TRICKY = "“引号”里的话：{不是占位符}. 还有 ” stood far"


@pytest.mark.parametrize("code", sorted(NOTICES))
def test_every_template_round_trips(code):
    params = {name: f"{TRICKY}{i}" for i, name in enumerate(placeholders(NOTICES[code]))}
    sentence = notice(code, **params)
    assert "{" not in sentence.replace(TRICKY, "")
    assert parse_notice(sentence) == (code, params)


def test_templates_are_distinct_sentences():
    sentences = [notice(code, **{name: "x" for name in placeholders(t)}) for code, t in NOTICES.items()]
    assert len(set(sentences)) == len(sentences)
    assert all(parse_notice(s)[0] == code for s, code in zip(sentences, NOTICES))


def test_other_text_is_not_a_notice():
    assert parse_notice("Something an older version wrote.") is None
    assert parse_notice("") is None


def test_every_warning_the_importer_gives_is_a_known_notice(seed_path):
    pages = [
        parse_file(seed_path),
        parse_page("只有一行字"),
        parse_page("标题\n\n第一段正文内容很长很长很长很长很长很长很长很长很长很长很长。\n\n第二段。"),
        parse_page("   \n\n"),
    ]
    warnings = [w for page in pages for w in page.warnings]
    assert warnings
    for warning in warnings:
        assert parse_notice(warning) is not None, warning
