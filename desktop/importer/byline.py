"""Bylines (署名): affiliation (单位职务) + author, parsed and scored.

A byline is the short line that says who wrote a reflection: ``朝阳区劲松街道工会服务站
常务副站长 陈亮``, ``陈亮 朝阳区…`` (name first), ``——陈亮``, ``（作者单位：…）``,
``邓  艳`` (a two-character name padded to the width of three). Rather than a list of
one page's names, recognition rests on what every byline of the genre shares:

* a Chinese personal name: two to four characters, starting with a surname (the common
  single and compound surnames are a small, stable list), standing apart from the
  affiliation by a space, a dash or a bracket;
* an affiliation made of organisations and posts, which end in a small family of
  suffixes (…工会, …街道, …公司, …部, …主席, …站长, …干部);
* no sentence punctuation, and a short line.

:func:`parse_byline` returns the parts with a *score* (roughly -5..8; above ~2 is a
byline) rather than a yes/no, so the classifier can weigh a byline reading of a line
against a title reading.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from desktop.text.cleanup import is_ideograph, normalize_spaces, remove_cjk_spaces

# The common single-character surnames (百家姓 and the most frequent modern ones), less
# the rare ones that are mostly ordinary words (和, 时, 国, 全…): an unknown surname
# still scores as a possible name, a word mistaken for one would do more harm.
SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程"
    "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝"
    "龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞"
    "左柳甘祝包宁尚符舒阮柯纪梅童凌毕季裴霍涂成苗谷盛翁冉骆蓝路游辛靳柴蒙鲍华喻祁蒲滕屈饶牟艾"
    "尤穆司卓吉缪芦麦褚娄窦戚岑宫费卜冷晏卫米柏宗瞿桂佟臧闵苟邬卞姬仇栾隋刁沙荣巫寇桑郎甄丛仲"
    "虞敖巩佘池查麻苑迟邝匡鞠荆冀郁胥班储栗燕楚鄢谌奚皮粟冼蔺楼厉伊仝郜阚帅屠朴廉禹井祖漆卿"
    "狄晋扈晁芮阙浦戈伏鹿薄邸雍辜羊裘亓修邰赫杭况鲜逯茹诸慕亢嵇哈湛宾戎勾茅於呼揭尉冶檀昝尧"
)
# Compound surnames (复姓), checked before single ones.
COMPOUND_SURNAMES = frozenset(
    "欧阳 司马 上官 诸葛 东方 皇甫 尉迟 公孙 慕容 长孙 宇文 司徒 夏侯 轩辕 令狐 端木 "
    "独孤 南宫 西门 百里 呼延 万俟 申屠 太史 淳于 单于 澹台 公冶 钟离 闻人 赫连 拓跋".split()
)

# Words that end an organisation or a post; an affiliation is built of them.
ORG_SUFFIXES = (
    "总工会", "工会", "委员会", "工委", "党委", "党组", "党支部", "支部", "联合会", "协会", "学会",
    "街道", "社区", "办事处", "管委会", "开发区", "新区", "区", "县", "市", "省", "镇", "乡", "村",
    "集团", "公司", "分公司", "有限", "企业", "工厂", "厂", "车间", "班组", "项目部",
    "局", "厅", "署", "部", "处", "科", "室", "站", "所", "院", "校", "学校", "大学", "学院",
    "医院", "中心", "银行", "酒店", "宾馆", "商场", "分会", "工作室", "大队", "中队", "支队", "队",
    "馆", "报社", "电视台", "委",
)
JOB_WORDS = (
    "主席", "副主席", "书记", "副书记", "干部", "站长", "副站长", "主任", "副主任", "部长", "副部长",
    "科长", "副科长", "处长", "局长", "经理", "总经理", "董事长", "工作者", "社工",
    "代表", "劳模", "工人", "技师", "工程师", "教师", "老师", "医生", "护士", "委员",
    "秘书长", "馆长", "院长", "校长", "厂长", "队长", "班长", "组长", "负责人", "专干", "干事",
    "科员", "司机", "民警", "调解员", "网格员", "志愿者", "记者", "编辑", "讲师", "教授", "研究员",
    "理事长", "会长", "社长", "所长", "段长", "车长", "主管", "专员", "助理",
)
# (职工, 员工, 党员 are left out on purpose: titles end with them as often as bylines.)
# Words of a post that begin with a surname character (常务副站长, 高级工程师).
_NOT_NAMES = frozenset("常务 高级 金牌 全国 全市 全区 全省 首席 时代 万名 于是 许多 江河 方面 任务".split())
_SUFFIXES = tuple(sorted(set(ORG_SUFFIXES + JOB_WORDS), key=len, reverse=True))
_LONG_CUES = tuple(s for s in _SUFFIXES if len(s) >= 2)
# Finds every cue, overlapping ones too (总工会 and the 工会 inside it), longest first.
_CUE_FINDER = re.compile("(?=(" + "|".join(map(re.escape, _LONG_CUES)) + "))")

# Markers that introduce a byline: dashes, bullets, "文/", "作者：".
_LEAD_MARKERS = re.compile(r"^(?:[—–―─━－\-~～]{1,4}|[□■◎●○◆◇★☆▲△▪◼]|文\s*[/／｜|]|作者\s*[：:]|作者\s+)\s*")
_BRACKETED = re.compile(r"^[（(\[【](.*)[）)\]】]$")
_NAME_WITH_BRACKET = re.compile(r"^(?P<name>[^\s（(]{2,4})\s*[（(](?P<aff>[^）)]+)[）)]$")
_BRACKET_KEYS = re.compile(r"^(?:作者单位|作者系|作者为|作者是|单位|作者)\s*[：:]?\s*")
_AUTHOR_FIELD = re.compile(r"作者\s*[：:]\s*(?P<name>\S{2,4})")
_UNIT_FIELD = re.compile(r"单位\s*[：:]\s*(?P<aff>[^）)]+)")
_SENTENCE_PUNCT = re.compile(r"[，。；！？,;!?]")
_DATE = re.compile(r"\d{4}\s*年|\d{1,2}\s*月\s*\d{1,2}\s*日|星期[一二三四五六日天]")
_QUOTES = re.compile(r"[“”\"《》「」]")

# Reporter credits: who wrote the news around the reflections, not a reflection.
_CREDIT = re.compile(
    r"^(?:[□■◎●○◆◇★☆▲△（(【\[]\s*)?(?:文\s*[/／｜|]\s*)?(?:图\s*[/／｜|]\s*)?"
    r"(?:本报|本刊|本台|本网|本版|特约|实习)?\s*"
    r"(?:记者|通讯员|实习生|摄影|摄|责任编辑|责编|编辑|校对|美编|版式|设计|制图|特约记者|见习记者)"
)
_CREDIT_ANYWHERE = re.compile(r"本报记者|本刊记者|本报通讯员|本报讯")


@dataclass(frozen=True)
class Byline:
    """A parsed byline and how much it looks like one (higher is surer)."""

    affiliation: str
    author: str
    score: float


def surname_length(token: str) -> int:
    """Length of the surname that ``token`` starts with (2 compound, 1 single, 0 none)."""
    if token[:2] in COMPOUND_SURNAMES:
        return 2
    if token[:1] in SURNAMES:
        return 1
    return 0


def name_score(token: str) -> float:
    """How much ``token`` looks like a Chinese personal name (0 = not at all).

    Two to four Chinese characters; a known surname makes it likely; a token that ends
    like an organisation or a post (``干部``, ``工会``) is not a name.
    """
    if not 2 <= len(token) <= 4 or not all(is_ideograph(c) for c in token):
        return 0.0
    if token in _NOT_NAMES or token.endswith(_LONG_CUES):
        return 0.0
    surname = surname_length(token)
    if surname == 2:
        return 2.0 if len(token) in (3, 4) else 0.5
    if surname == 1:
        return 2.0 if len(token) in (2, 3) else 0.8
    return 0.6 if len(token) in (2, 3) else 0.0


def affiliation_score(text: str) -> float:
    """How much ``text`` reads as an organisation and post (单位职务)."""
    if not text:
        return 0.0
    score = 0.0
    if text.endswith(_LONG_CUES):
        score += 1.5
    elif text.endswith(_SUFFIXES) and len(text) >= 4:
        # A one-character suffix (区, 部, 处) ends many ordinary phrases (落到实处).
        score += 0.6
    cues = len(set(_CUE_FINDER.findall(text)))
    score += min(cues, 3) * 0.5
    if _QUOTES.search(text):
        score -= 1.5
    if len(text) > 30:
        score -= (len(text) - 30) * 0.2
    return score


def is_credit(line: str) -> bool:
    """Whether ``line`` credits a reporter or editor (``本报记者 张三``), not an author."""
    text = normalize_spaces(line, ideographic=True).strip()
    if len(text) > 40 or _SENTENCE_PUNCT.search(text.rstrip("）)")) and "：" not in text:
        return False
    return bool(_CREDIT.match(text)) or (
        bool(_CREDIT_ANYWHERE.search(text)) and len(text) <= 30
    )


def _tokens(text: str) -> list[str]:
    """Space-separated tokens, with a padded two-character name closed up (``邓  艳``)."""
    tokens = text.split()
    if len(tokens) >= 2 and all(len(t) == 1 and is_ideograph(t) for t in tokens[-2:]):
        if len(tokens) == 2 or not (len(tokens[-3]) == 1 and is_ideograph(tokens[-3])):
            tokens[-2:] = [tokens[-2] + tokens[-1]]
    if len(tokens) >= 3 and all(len(t) == 1 and is_ideograph(t) for t in tokens[:2]):
        if not (len(tokens[2]) == 1 and is_ideograph(tokens[2])):
            tokens[:2] = [tokens[0] + tokens[1]]
    return tokens


def _join_affiliation(tokens: list[str]) -> str:
    return remove_cjk_spaces(" ".join(tokens)).strip()


@lru_cache(maxsize=4096)
def parse_byline(line: str) -> Byline | None:
    """Read ``line`` as a byline; ``None`` when it cannot be one at all.

    The score adds the evidence: a name-shaped token at either end, an affiliation
    built of organisation/post words, an introducing dash or bracket; sentence
    punctuation, quotes and length count against it.
    """
    text = normalize_spaces(line, ideographic=True).strip()
    if not text or len(text) > 60:
        return None
    score = 0.0
    marker = _LEAD_MARKERS.match(text)
    if marker and marker.end() < len(text):
        text = text[marker.end() :].strip()
        score += 1.0
    bracketed = _BRACKETED.match(text)
    if bracketed:
        return _parse_bracketed(bracketed.group(1).strip(), score)
    with_bracket = _NAME_WITH_BRACKET.match(text)
    if with_bracket and name_score(with_bracket.group("name")) > 0:
        aff = _BRACKET_KEYS.sub("", with_bracket.group("aff").strip())
        return Byline(
            _join_affiliation(aff.split()),
            with_bracket.group("name"),
            score + 2.0 + name_score(with_bracket.group("name")) + affiliation_score(aff),
        )
    if _SENTENCE_PUNCT.search(text):
        score -= 3.0
    if _DATE.search(text):
        score -= 4.0  # a dateline, not a byline
    if "、" in text:
        score -= 1.0  # a list of posts (副主席、党组成员) happens, but rarely
    tokens = _tokens(text)
    if not tokens:
        return None
    candidates: list[Byline] = []
    last, first = tokens[-1], tokens[0]
    if len(tokens) == 1:
        candidates.append(_single_token(first, score))
    else:
        # A name needs a known surname or an affiliation that reads as one.
        aff = _join_affiliation(tokens[:-1])
        if name_score(last) >= 2.0 or (name_score(last) and affiliation_score(aff) >= 1.0):
            candidates.append(
                Byline(aff, last, score + 1.0 + name_score(last) + affiliation_score(aff))
            )
        aff = _join_affiliation(tokens[1:])
        if name_score(first) >= 2.0 or (name_score(first) and affiliation_score(aff) >= 1.0):
            # Name first is the rarer order: it needs an affiliation-looking rest.
            candidates.append(
                Byline(aff, first, score + 0.5 + name_score(first) + affiliation_score(aff) - 0.5)
            )
        aff = _join_affiliation(tokens)
        candidates.append(_affiliation_only(aff, score))
    best = max(candidates, key=lambda b: b.score)
    return best


def _single_token(token: str, score: float) -> Byline:
    """A byline without spaces: a bare name, an affiliation, or both run together."""
    options = [_affiliation_only(token, score)]
    if name_score(token) >= 2.0 or (name_score(token) and score > 0):
        # A lone name: any short word could be one, so it takes a known surname or a
        # marker (——, □) in front.
        options.append(Byline("", token, score + name_score(token) + 0.5))
    for length in (3, 2, 4):
        if len(token) <= length + 1:
            continue
        head, name = token[:-length], token[-length:]
        # Without a space the cut is a guess: only after a two-character post or
        # organisation word (…干部陈亮), never after a bare 站/区 (…服务站常务).
        if name_score(name) >= 2.0 and head.endswith(_LONG_CUES):
            options.append(Byline(head, name, score + name_score(name) + affiliation_score(head) - 1.5))
    return max(options, key=lambda b: b.score)


def _affiliation_only(text: str, score: float) -> Byline:
    """A byline without a name: believable only if it reads as an organisation."""
    evidence = affiliation_score(text)
    penalty = 1.5 if evidence >= 1.0 else 4.0
    return Byline(text, "", score + evidence - penalty)


def _parse_bracketed(inner: str, score: float) -> Byline:
    """``（作者单位：朝阳区总工会）``, ``（作者系…干部）``, ``（作者：陈亮 单位：…）``."""
    score += 1.0
    author = ""
    author_match = _AUTHOR_FIELD.search(inner)
    unit_match = _UNIT_FIELD.search(inner)
    if author_match and unit_match:
        author = author_match.group("name")
        aff = unit_match.group("aff")
        score += 3.0
    elif _BRACKET_KEYS.match(inner) and _BRACKET_KEYS.match(inner).group(0).strip():
        aff = _BRACKET_KEYS.sub("", inner, count=1)
        score += 2.5
    else:
        aff = inner
    tokens = aff.split()
    if len(tokens) >= 2 and not author and name_score(tokens[-1]):
        author = tokens[-1]
        tokens = tokens[:-1]
    aff = _join_affiliation(tokens)
    if _SENTENCE_PUNCT.search(aff):
        score -= 3.0
    return Byline(aff, author, score + affiliation_score(aff))
