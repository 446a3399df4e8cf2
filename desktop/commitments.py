"""Suggested commitments (承诺): the sentences in which the author or their unit pledges action.

A cadre reading a reflection marks its key commitments first; suggesting them saves most of
that work. A sentence is suggested when its structure, read through jieba's part-of-speech
tags, says the author (or their unit) will act:

* ``first-person-modal``: a first-person subject with a modal of intent or a pledge verb
  (我将…, 我们要…, 我会…, 我们还将…, 我们中心将…, 我们学校工会力争…, 让我们…);
* ``unit-modal``: the author's unit as subject (公司工会将…), never 各级/广大/全体 (others);
* ``imperative``: a subjectless modal opening the sentence (要健全…, 在…上将倍加努力…) or a
  subjectless verb phrase after a forward time adverbial (下一步，持续推进…);
* ``enumeration``: an item of 一是…二是…三是… (or 第一/其次/最后…) whose head is a pledge;
* ``measure-after-pledge``: a subjectless verb phrase following a pledge (加大经费监管…).

Not suggested, because the modal or the plan is someone else's: reported speech (a clause
such as 报告中提到 / 领导强调 / 大会号召 introduces what follows, and its enumerations),
predictions (大会的胜利召开必将激发…: a modal with another subject), background (是在…召开的),
opinions (我认为 / 我相信 / 我深知 introduce what follows, and the imperatives and enumeration
items that elaborate them), the author's feelings and past actions. Questions are never
pledges.

Sentences are the reading pane's (:mod:`desktop.text.sentences`: they end at 。！？… with any
closing quotes or brackets, and the span includes them), except that a ； ends one only where
the next clause opens an enumeration item (…；二是…): each item of 一是…；二是…；三是… is its
own suggestion, while a ；-separated list of measures (组织…；参加…；开展…) stays one
sentence, as a reader would mark it.

jieba is loaded through :mod:`desktop.segmenter` on the first call, never at import.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover - typing only
    from desktop.material import Material

REASON_FIRST_PERSON = "first-person-modal"
REASON_UNIT = "unit-modal"
REASON_IMPERATIVE = "imperative"
REASON_ENUMERATION = "enumeration"
REASON_MEASURE = "measure-after-pledge"
REASONS = (REASON_FIRST_PERSON, REASON_UNIT, REASON_IMPERATIVE, REASON_ENUMERATION, REASON_MEASURE)


@dataclass(frozen=True)
class ParagraphSuggestion:
    """A suggested sentence within a sequence of paragraphs: ``paragraphs[paragraph][start:end]``."""

    paragraph: int
    start: int
    end: int
    sentence: str
    reason: str


@dataclass(frozen=True)
class Suggestion:
    """A suggested commitment: ``material.reflections[reflection].paragraphs[paragraph][start:end]``."""

    reflection: int
    paragraph: int
    start: int
    end: int
    sentence: str
    reason: str

    def to_json(self) -> dict[str, object]:
        """The shape ``studynotes suggest --json`` prints (the reason is for people)."""
        return {
            "reflection": self.reflection,
            "paragraph": self.paragraph,
            "start": self.start,
            "end": self.end,
            "sentence": self.sentence,
        }


def suggest_commitments(material: Material) -> list[Suggestion]:
    """Suggested commitments of every reflection of ``material``, in reading order."""
    return [
        Suggestion(index, s.paragraph, s.start, s.end, s.sentence, s.reason)
        for index, reflection in enumerate(material.reflections)
        for s in suggest_in_paragraphs(reflection.paragraphs)
    ]


def suggest_in_paragraphs(paragraphs: Sequence[str]) -> list[ParagraphSuggestion]:
    """Suggested commitments of one reflection's body, given as its paragraphs.

    The paragraphs are read as one text: a pledge at the end of one paragraph carries over to
    the measures that open the next.
    """
    from desktop.segmenter import load_segmenter

    segmenter = load_segmenter()
    reader = _Reader()
    found: list[ParagraphSuggestion] = []
    for index, paragraph in enumerate(paragraphs):
        reader.start_paragraph()
        for start, end in split_sentences(paragraph):
            sentence = paragraph[start:end]
            reason = reader.read(sentence, segmenter.tag(sentence))
            if reason is not None:
                found.append(ParagraphSuggestion(index, start, end, sentence, reason))
    return found


# --- sentences ----------------------------------------------------------------------

_CLOSERS = "”’」』）)》〉】\"'"
_SEMICOLONS = "；;"
_NUMERALS = "一二三四五六七八九十"
# An enumeration item at the start of a clause: 二是 / 三要 / 第二， / 其次 / （二）.
_LATER_ITEM = re.compile(
    r"\s*(?:[二三四五六七八九十]+[是要]|第[二三四五六七八九十]+[是，、,：:]|其次|再次|最后[，,]"
    r"|[（(][二三四五六七八九十]+[）)])"
)
_FIRST_ITEM = re.compile(r"\s*(?:一[是要]|第一[是，、,：:]|首先[，,]|[（(]一[）)])")


def split_sentences(paragraph: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each sentence of ``paragraph``, as commitments are suggested.

    Built on the reading pane's sentences (:func:`desktop.text.sentences.sentence_spans`:
    closing punctuation and quotes included, no surrounding whitespace), so a suggestion
    is always a whole number of the sentences a reader selects; the pane ends one at every
    ；, and clauses are joined back here unless the next one opens an enumeration item.
    """
    from desktop.text.sentences import sentence_spans

    spans: list[tuple[int, int]] = []
    for start, end in sentence_spans(paragraph):
        if spans and _joins(paragraph, spans[-1], start):
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
    return spans


def _joins(paragraph: str, previous: tuple[int, int], start: int) -> bool:
    """Whether the clause at ``start`` continues the ；-ended clause ``previous``."""
    if paragraph[previous[1] - 1] not in _SEMICOLONS:
        return False
    if any(char in "\n\r" for char in paragraph[previous[1] : start]):
        return False
    return _LATER_ITEM.match(paragraph, start) is None


# --- the lexicon the structure is read with -------------------------------------------

Token = tuple[str, str]  # (word, part of speech)

_FIRST_PERSON = frozenset({"我", "我们", "咱们", "咱", "本人"})
# Modals of intent: what a pledge puts between its subject and its verb.
_MODALS = frozenset({
    "将", "要", "会", "还要", "也要", "都要", "更要", "就要", "还将", "也将", "都将", "将要",
    "还会", "也会", "必须", "务必", "一定要", "应当", "应该", "定将", "必将", "誓将",
})
# Verbs that pledge by themselves (我们力争…, 我决心…).
_PLEDGE_VERBS = frozenset({"力争", "争取", "决心", "立志", "保证", "承诺", "誓", "定当"})
# Verbs of plan that pledge only with the author or their unit as subject (我们打算…).
_INTENT_VERBS = frozenset({"打算", "计划", "准备", "决定", "愿意"})
# 我们有决心 / 有信心…: a pledge stated as a resolve.
_RESOLVE_NOUNS = frozenset({"决心", "信心"})
# Modals that predict rather than promise when their subject is not the author.
_PREDICTIVE = frozenset({"必将", "终将", "终会", "势必", "必然", "将会", "定将", "一定能", "一定会"})
# Verbs that introduce what someone else said (also at the end of 纷纷表示, 明确提出).
_REPORTING = ("指出", "提到", "提出", "强调", "表示", "谈到", "讲到", "宣布", "阐述", "明确")
_SAYING = frozenset({"说", "说道"})  # exact: 来说, 所说, 小说 report nothing
# ... and those that always govern a directive addressed to others.
_DIRECTIVE = frozenset({"号召", "要求", "希望", "倡议", "勉励", "寄语", "呼吁"})
# Verbs of belief that introduce an opinion (感到/感受 only report a feeling).
_BELIEF = frozenset({
    "认为", "觉得", "相信", "坚信", "深信", "深知", "以为", "看来", "认识到", "意识到",
    "体会到", "懂得", "明白",
})
_BELIEF_STEMS = frozenset({"认识", "意识", "体会"})  # + 到
# Heads of a noun phrase naming an organisation (the author's unit when it pledges).
_UNIT_HEADS = (
    "工会", "中心", "工作室", "部", "站", "室", "公司", "集团", "学校", "单位", "支部",
    "委员会", "班组", "团队", "车间", "协会", "街道", "科", "处",
)
# Determiners that make a noun phrase a group the author addresses, not the author's unit.
_COLLECTIVE = ("各", "全国", "全市", "全区", "全省", "广大", "全体", "所有", "每个", "每一")
_FORWARD = ("今后", "下一步", "接下来", "未来", "以后", "此后", "下阶段", "下一阶段", "新的一年", "明年")
_CLAUSE_BREAKS = frozenset("，,：:；;")
_LOCATIVE_ENDS = frozenset({"中", "上", "下", "里", "时", "后", "前", "内", "间", "期间"})
# jieba glues a modal onto the particle or locative before it (了要, 上将, 中将, 我会):
# the first character is never the start of a word that ends in the modal here.
_GLUE_HEADS = frozenset("了上中里下还也都就更又仍则亦我")
_GLUE_FLAGS = {"了": "ul", "上": "f", "中": "f", "里": "f", "下": "f", "我": "r"}
_VERBISH = ("v", "a", "l", "i")  # jieba tags verbs v*, adjectives a*, idioms l / i


def _repair(tokens: list[Token]) -> list[Token]:
    repaired: list[Token] = []
    for word, flag in tokens:
        if len(word) == 2 and word[1] in "要将会" and word[0] in _GLUE_HEADS and word not in _MODALS:
            repaired.append((word[0], _GLUE_FLAGS.get(word[0], "d")))
            repaired.append((word[1], "d"))
        else:
            repaired.append((word, flag))
    return repaired


def _is_punct(token: Token) -> bool:
    return token[1] == "x" and not token[0].isalnum()


def _is_noun(token: Token) -> bool:
    word, flag = token
    return (flag.startswith("n") or flag in ("j", "s", "r")) and word not in _FIRST_PERSON


def _is_verbish(token: Token) -> bool:
    return token[1].startswith(_VERBISH) or token[0] in _MODALS or token[0] in _PLEDGE_VERBS


# --- clauses ------------------------------------------------------------------------

ADVERBIAL = "adverbial"  # 作为…, 在今后的工作中, 同时, 如, 下一步
FIRST_PERSON = "first-person-modal"
UNIT = "unit-modal"
BARE_MODAL = "bare-modal"  # 要健全…
REPORT = "report"  # 报告中提到…, 领导强调…
OPINION = "opinion"  # 我认为…, 相信…
NARRATIVE = "narrative"  # 我有幸经历了…, 公司工会组织收看了…
SUBJECTLESS = "subjectless"  # 加大经费监管…
OTHER = "other"  # another subject: background, prediction, feelings


@dataclass(frozen=True)
class _Clause:
    kind: str
    forward: bool = False


def _clauses(tokens: list[Token]) -> list[list[Token]]:
    clauses: list[list[Token]] = [[]]
    for token in tokens:
        if token[0] in _CLAUSE_BREAKS:
            clauses.append([])
        elif not _is_punct(token):
            clauses[-1].append(token)
    return [clause for clause in clauses if clause]


def _classify(clause: list[Token]) -> _Clause:
    text = "".join(word for word, _ in clause)
    forward = text.startswith(_FORWARD) or any(word in _FORWARD for word, _ in clause)
    body = _strip_leading(clause)
    if not body or _is_adverbial(body, forward):
        return _Clause(ADVERBIAL, forward)
    if body[0][0] in ("让", "使") and len(body) > 1 and body[1][0] in ("我们", "咱们"):
        return _Clause(FIRST_PERSON if len(body) > 2 and not _feels(body[2:]) else NARRATIVE)
    for index, (word, flag) in enumerate(body):
        following = _next_word(body, index)
        if word in ("让", "使") and following in _FIRST_PERSON:
            continue  # 这让我认识到…: the belief verb after it decides
        if word in _BELIEF or (word in _BELIEF_STEMS and following == "到"):
            if index == 0 or _has_first_person(body[:index]):
                return _Clause(OPINION)
        if word == "想" and index + 1 == len(body) and _has_first_person(body[:index]):
            return _Clause(OPINION)
        if _is_report(body, index):
            return _Clause(REPORT)
        if word in _MODALS or word in _PLEDGE_VERBS or word in _PREDICTIVE or word in _INTENT_VERBS:
            kind = _modal_clause(body, index)
            if kind is not None:
                return _Clause(kind, forward)
            continue
        if _is_predicate(body, index):
            return _Clause(_predicate_clause(body, index), forward)
    return _Clause(ADVERBIAL, forward)  # no predicate: a topic or time phrase


def _is_predicate(body: list[Token], index: int) -> bool:
    """Whether the word at ``index`` is the clause's (first) predicate."""
    word, flag = body[index]
    if word == "作为":
        return False
    if flag.startswith("v") and flag != "vn":
        return True
    if flag == "a":  # 完善机制 (a verb here) / 人才短缺 (a predicate after its subject)
        if index == 0:
            return index + 1 < len(body) and _is_noun(body[index + 1])
        return _is_noun(body[index - 1])
    return False


def _strip_leading(clause: list[Token]) -> list[Token]:
    """Drop leading connectives and fronted prepositional phrases (在…中, 通过…上)."""
    body = list(clause)
    while body and (body[0][1] == "c" or body[0][0] in ("而", "并", "且")):
        body = body[1:]
    if body and body[0][1] == "p" and body[0][0] in ("在", "于", "从"):
        for index, (word, flag) in enumerate(body[1:], 1):
            if word in _FIRST_PERSON or word in _MODALS:
                break
            if flag == "f" or word in _LOCATIVE_ENDS:
                return body[index + 1 :]
    return body


def _is_adverbial(body: list[Token], forward: bool) -> bool:
    first = body[0][0]
    if first in ("作为", "为了", "随着", "面对", "按照", "根据", "对照"):
        return True
    if body[-1][0] in ("后", "时", "以后", "之后", "以来", "期间") and not _has_first_person(body):
        return True
    if forward and not any(_is_verbish(t) and t[1] != "vn" for t in body):
        return True
    if len(body) == 1 and body[0][0] not in _MODALS:
        return body[0][1] not in ("v", "vn") or body[0][0] in ("如", "例如", "比如")
    if body[-1][1] == "f" and not _has_first_person(body):
        return not any(_is_verbish(t) and t[1] != "vn" for t in body[:-1]) or body[0][1] == "p"
    return all(flag[:1] in ("t", "m", "f", "c", "d", "q") for _, flag in body)


def _modal_clause(body: list[Token], index: int) -> str | None:
    """The kind of a clause whose first verbal word is the modal at ``index``."""
    word = body[index][0]
    before = body[:index]
    after = body[index + 1 :]
    if not after:
        return None
    subject = _subject_kind(before)
    if subject == "verb":  # 解答问题要有耐心: a verb phrase is the topic
        return None
    if word == "将" and subject == "none" and not _opens_verb_phrase(after):
        return None  # 将职工想看的内容制作成…: 将 is 把 here
    if word in ("会", "还会", "也会") and subject == "none":
        return None
    if word in _INTENT_VERBS:
        if subject not in ("first", "unit") or after[0][0] in ("了", "过", "是", "的", "和"):
            return None  # 我们准备了… / 提升计划: a past action or a noun
        return FIRST_PERSON if subject == "first" else UNIT
    if word in _PREDICTIVE and subject not in ("first", "unit"):
        return OTHER
    if subject == "first":
        if after[0][0] in ("能", "能够"):
            return OTHER
        return FIRST_PERSON
    if subject == "unit":
        return UNIT
    if subject == "none":
        return BARE_MODAL
    return OTHER


def _opens_verb_phrase(tokens: list[Token]) -> bool:
    for word, flag in tokens:
        if flag in ("d", "ad") or word in ("继续", "进一步", "时刻", "始终", "一直"):
            continue
        return flag.startswith(("v", "p", "a", "l", "i")) or word in _PLEDGE_VERBS
    return False


def _subject_kind(before: list[Token]) -> str:
    """``first``, ``unit``, ``other``, ``verb`` (a verb phrase as topic) or ``none``."""
    words = [w for w, f in before if f not in ("d", "ad", "t", "c", "uj", "m", "q") or w in _FIRST_PERSON]
    if not words:
        return "none"
    for position, (word, flag) in enumerate(before):
        if word in _FIRST_PERSON and (position == 0 or before[position - 1][1] != "p"):
            return "first"
    if before[0][1] == "p":
        return "none"  # a prepositional phrase, no subject: 在征途上将…
    if before[0][1].startswith("v") and before[0][1] != "vn":
        return "verb"
    nouns = [(w, f) for w, f in before if _is_noun((w, f)) or f == "vn"]
    if not nouns:
        return "none"
    head = nouns[-1][0]
    text = "".join(w for w, _ in before)
    if head.endswith(_UNIT_HEADS) and not text.startswith(_COLLECTIVE):
        return "unit"
    return "other"


def _is_report(body: list[Token], index: int) -> bool:
    """Whether the word at ``index`` introduces someone else's words or directive."""
    word, flag = body[index]
    if _subject_kind(body[:index]) == "first":
        return False
    if word in _DIRECTIVE and flag.startswith("v"):
        return True
    if word in ("作出", "做出") and _next_word(body, index) in ("部署", "安排"):
        return _introduces(body[index + 2 :])
    if not (word.endswith(_REPORTING) or word in _SAYING):
        return False
    return _introduces(body[index + 1 :])


def _introduces(rest: list[Token]) -> bool:
    """A reporting verb introduces content when nothing, or a verb phrase, follows it."""
    rest = [t for t in rest if t[0] not in ("了", "过")]
    if not rest:
        return True
    return rest[0][0] in _MODALS or rest[0][1] == "v"


def _predicate_clause(body: list[Token], index: int) -> str:
    """The kind of a clause whose first verb (not a modal) is at ``index``."""
    before = body[:index]
    subject = _subject_kind(before)
    if subject in ("first", "unit") and body[index][0] == "有" and _next_word(body, index) in _RESOLVE_NOUNS:
        return FIRST_PERSON if subject == "first" else UNIT
    if subject == "first" and _is_pledge_cleft([word for word, _ in body[index:]]):
        return FIRST_PERSON
    if subject in ("first", "unit"):
        return NARRATIVE
    if subject == "other":
        return OTHER
    if body[index][0] in ("是", "有", "就是", "成为"):
        return OTHER
    return SUBJECTLESS


def _is_pledge_cleft(words: list[str]) -> bool:
    """我能做的（就/则）是… / 我要做的就是…: what the author will do, as a pseudo-cleft."""
    while words and words[0] in ("能", "能够", "要", "会", "所", "将", "该", "应该"):
        words = words[1:]
    if len(words) < 2 or words[0] not in ("做", "干") or words[1] != "的":
        return False
    rest = [word for word in words[2:] if word not in ("则", "就", "便")]
    return not rest or rest[0] in ("是", "就是")


def _has_first_person(tokens: list[Token]) -> bool:
    return any(word in _FIRST_PERSON for word, _ in tokens)


def _next_word(tokens: list[Token], index: int) -> str:
    return tokens[index + 1][0] if index + 1 < len(tokens) else ""


def _feels(tokens: list[Token]) -> bool:
    return bool(tokens) and tokens[0][0] in ("深受", "备受", "感到", "倍感", "深感", "感受")


# --- sentences in context ---------------------------------------------------------------

PLEDGE = "pledge"
NONE = "none"


@dataclass(frozen=True)
class _Reading:
    """What one sentence is, before the context decides whether it is suggested."""

    frame: str | None  # PLEDGE, REPORT, OPINION or None
    reason: str | None
    first: str  # kind of the first substantive clause
    forward: bool
    narrative: bool


class _Reader:
    """Reads a reflection's sentences in order, carrying what the context makes of them.

    ``mode`` is what the last telling sentence was: a pledge lets the subjectless measures
    after it count; reported speech or an opinion makes the imperatives after it theirs.
    ``enumeration`` is the status of the open 一是… list, inherited by its later items.
    """

    def __init__(self) -> None:
        self.mode = NONE
        self.enumeration: str | None = None

    def start_paragraph(self) -> None:
        if self.mode in (REPORT, OPINION):
            self.mode = NONE

    def read(self, sentence: str, tagged: list[tuple[str, str]]) -> str | None:
        tokens = _repair(list(tagged))
        later_item = _LATER_ITEM.match(sentence) is not None
        first_item_at_start = _FIRST_ITEM.match(sentence) is not None
        tokens = _drop_item_marker(tokens)
        reading = _read(tokens, self.mode)
        if sentence.rstrip(_CLOSERS + " ").endswith(("？", "?")):
            reading = _Reading(None, None, OTHER, False, False)

        status, reason = self._decide(reading)
        if first_item_at_start or _has_first_item(tokens):
            if reading.frame is None and first_item_at_start and self.mode == PLEDGE:
                status, reason = PLEDGE, REASON_ENUMERATION
            self.enumeration = status if status in (PLEDGE, REPORT, OPINION) else NONE
        elif later_item and self.enumeration is not None:
            if reading.frame is None or (reading.frame == PLEDGE and reason == REASON_IMPERATIVE):
                status = self.enumeration
                reason = REASON_ENUMERATION if status == PLEDGE else None

        if status in (PLEDGE, REPORT, OPINION):
            self.mode = status
        elif reading.narrative:
            self.mode = NONE
        return reason if status == PLEDGE else None

    def _decide(self, reading: _Reading) -> tuple[str, str | None]:
        if reading.frame is not None:
            return reading.frame, reading.reason
        if reading.first == SUBJECTLESS:
            if self.mode == PLEDGE:
                return PLEDGE, REASON_MEASURE
            if reading.forward:
                return PLEDGE, REASON_IMPERATIVE
        return NONE, None


def _read(tokens: list[Token], mode: str) -> _Reading:
    clauses = [_classify(clause) for clause in _clauses(tokens)]
    forward = False
    seen_subject = False
    for clause in clauses:
        forward = forward or clause.forward
        if clause.kind in (REPORT, OPINION):
            return _Reading(clause.kind, None, clause.kind, forward, False)
        if clause.kind == FIRST_PERSON:
            return _Reading(PLEDGE, REASON_FIRST_PERSON, clause.kind, forward, False)
        if clause.kind == UNIT:
            return _Reading(PLEDGE, REASON_UNIT, clause.kind, forward, False)
        if clause.kind == BARE_MODAL and not seen_subject and mode not in (REPORT, OPINION):
            return _Reading(PLEDGE, REASON_IMPERATIVE, clause.kind, forward, False)
        if clause.kind in (OTHER, NARRATIVE):
            seen_subject = True
    substantive = [c.kind for c in clauses if c.kind != ADVERBIAL]
    first = substantive[0] if substantive else ADVERBIAL
    if first == BARE_MODAL:
        first = SUBJECTLESS if mode not in (REPORT, OPINION) else OTHER
    return _Reading(None, None, first, forward, NARRATIVE in substantive)


def _drop_item_marker(tokens: list[Token]) -> list[Token]:
    """Remove a leading 二是 / 第二 / 其次 so the item is read as the clause it opens."""
    if len(tokens) >= 2 and tokens[0][0] in _NUMERALS and tokens[1][0] == "是":
        return tokens[2:]
    if tokens and tokens[0][0] in _NUMERALS and len(tokens) >= 2 and tokens[1][0] == "要":
        return tokens[1:]
    if tokens and re.fullmatch(rf"第[{_NUMERALS}]+|首先|其次|再次|最后", tokens[0][0]):
        return tokens[1:]
    return tokens


def _has_first_item(tokens: list[Token]) -> bool:
    """Whether an enumeration opens inside the sentence (…：一是… / 青年干部一是要…)."""
    for index, (word, _) in enumerate(tokens[:-1]):
        following = tokens[index + 1][0]
        if word == "一" and following in ("是", "要"):
            return True
        if word == "第一" and following in ("是", "，", ",", "、", "：", ":"):
            return True
        if word == "首先" and following in ("，", ","):
            return True
    return False
