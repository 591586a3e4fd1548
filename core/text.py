"""Text primitives shared by ingest and retrieval: the BM25 tokenizer and the sentence splitter.

Both live here, not in ingest/, because the retriever must tokenize questions exactly as documents were
tokenized, and the answer composer must cut passages into the same sentences the chunker respected.
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Callable
from functools import lru_cache, partial

# CJK unified ideographs (basic + extension A) and compatibility ideographs: the runs jieba segments. The one
# definition of "Chinese text" for the whole package (tokenizer, grounding, retriever, glossary, parsers).
CJK_RANGES = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
CJK_CHAR = re.compile(f"[{CJK_RANGES}]")


def has_cjk(text: str) -> bool:
    """True when the text holds any CJK ideograph."""
    return CJK_CHAR.search(text) is not None


# One scan finds both kinds of token: a CJK run, or a word made of letters/digits that may be joined by
# - _ / . + (so "ax-100", "7.5", "usb-c", "v2.1" stay whole; their parts are added separately).
_TOKEN = re.compile(
    rf"(?P<cjk>[{CJK_RANGES}]+)"
    r"|(?P<word>[0-9a-z\u00c0-\u024f]+(?:[-_/.+][0-9a-z\u00c0-\u024f]+)*)"
)
_PART_SPLIT = re.compile(r"[-_/.+]")
_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")
_DECIMAL = re.compile(r"\d+(?:\.\d+)+")

# Deliberately small: function words and question words that carry no topic. Negations ("not", "no", "不")
# and quantity words stay, because compliance and authority questions hinge on them.
_STOPWORDS_EN_TEXT = """
    a an the and or of to in on at by for with from as is are was were be been being am it its this that
    these those there their they them we our us you your i me my he she his her what which who whom how
    do does did doing can could should would will shall may might must if then than so about into over
    just also any some such e.g i.e eg ie"""
_STOPWORDS_ZH_TEXT = """
    的 了 是 在 和 与 及 或 吗 呢 吧 啊 呀 嘛 么 我 你 您 他 她 它 我们 你们 他们 这 那 这个 那个 这些 那些
    就 都 也 还 又 被 把 给 让 着 过 地 得 之 其 怎么 怎样 如何 什么 哪些 哪个 请问 一下 一个"""
STOPWORDS_EN = frozenset(_STOPWORDS_EN_TEXT.split())
STOPWORDS_ZH = frozenset(_STOPWORDS_ZH_TEXT.split())
STOPWORDS = STOPWORDS_EN | STOPWORDS_ZH

_jieba_lock = threading.Lock()
_jieba_cut: Callable[[str], list[str]] | None = None


def _segmenter() -> Callable[[str], list[str]]:
    """Load jieba on first Chinese text only (it logs to stderr by default); its dictionary is read word by word
    from a table when one was written (core.jieba_dictionary: the whole dictionary costs ~0.5 s and ~70 MB)."""
    global _jieba_cut
    if _jieba_cut is None:
        with _jieba_lock:
            if _jieba_cut is None:
                import jieba

                from core.jieba_dictionary import prepare

                jieba.setLogLevel(logging.WARNING)
                prepare(jieba.dt)
                # HMM guesses unknown words; the character bigrams already cover those, and without it
                # segmentation is ~30% faster at equal recall on the sample KB.
                _jieba_cut = partial(jieba.lcut_for_search, HMM=False)
    return _jieba_cut


@lru_cache(maxsize=65536)
def _cjk_tokens(run: str) -> tuple[str, ...]:
    """One CJK run as jieba search-mode words (保修期 -> 保修, 保修期) plus its characters and bigrams.

    Words give precise matches; characters and bigrams catch terms the dictionary segments differently in
    a question and in a document, or does not know at all. Measured with plain BM25 over the sample KB's
    Chinese eval questions: search words alone recall@1 0.79 / recall@5 0.93 / MRR 0.86; with characters and
    bigrams 0.87 / 0.95 / 0.90, English unchanged. Runs repeat a lot across chunks, hence the cache.
    """
    if len(run) == 1:
        return (run,) if run not in STOPWORDS else ()
    words = [t for t in _segmenter()(run) if t not in STOPWORDS]
    chars = [c for c in run if c not in STOPWORDS]
    bigrams = [run[i : i + 2] for i in range(len(run) - 1) if run[i : i + 2] not in STOPWORDS]
    return (*words, *chars, *bigrams)


_MODEL_PLURAL = re.compile(r"[a-z]{1,4}-?\d{1,4}s")  # "ax-200s", "k7s": several units of one model


def _joined(word: str) -> str:
    """A compound's parts run together: "ax-100" -> "ax100"."""
    return "".join(p for p in _PART_SPLIT.split(word) if p)


# A figure written against its unit ("75kW", "300W", "8bar", "30kg"): the whole, the figure and the unit.
_FIGURE_AND_UNIT = re.compile(r"(\d+(?:\.\d+)?)(kw|kwh|w|kv|v|a|mah|hz|khz|kg|g|t|mm|cm|m|km|l|ml|bar|mpa|psi|db|lm|k)")


@lru_cache(maxsize=65536)
def _word_tokens(word: str) -> tuple[str, ...]:
    """An ASCII-ish word; compounds ("ax-100") yield the whole, the parts and the joined form ("ax100").

    A model number in the plural ("AX-200s", "K7s") also yields the model's own tokens, so "25 AX-200s"
    finds the AX-200 sheet.
    """
    if _MODEL_PLURAL.fullmatch(word):
        # Lowercased, "QLW-15S" (a model of its own) reads like "AX-200s" (several AX-200s): both readings.
        return tuple(dict.fromkeys((*_word_tokens(word[:-1]), word, _joined(word))))
    if glued := _FIGURE_AND_UNIT.fullmatch(word):  # "75kw" meets "75 kW" and "75-160 kW"; "7.5kw" "7.5 kW"
        unit = glued.group(2)  # a one-letter unit ("w", "k") is dropped as a word of its own is
        return (word, glued.group(1), unit) if len(unit) > 1 else (word, glued.group(1))
    if not _PART_SPLIT.search(word):
        if len(word) == 1 and not word.isdigit():
            return ()
        return () if word in STOPWORDS_EN else (word,)
    if word in STOPWORDS_EN:
        return ()
    if _DECIMAL.fullmatch(word):  # 7.5 or 1.2.3: the parts alone would match unrelated numbers
        return (word,)
    out = [word]
    parts = [p for p in _PART_SPLIT.split(word) if p]
    if "-" in word or "_" in word:
        out.append(_joined(word))  # so "AX100" in a question finds "AX-100" in a sheet
    out.extend(p for p in parts if (len(p) > 1 or p.isdigit()) and p not in STOPWORDS_EN)
    return tuple(out)


def tokenize(text: str) -> list[str]:
    """BM25 tokens: lowercased words with model numbers kept whole and in parts, jieba words for Chinese.

    >>> tokenize("AX-100 Pro")
    ['ax-100', 'ax100', 'ax', '100', 'pro']
    """
    tokens: list[str] = []
    # "50,000" and "50000" must meet; the comma is a digit-group mark, not a separator.
    for match in _TOKEN.finditer(_THOUSANDS.sub("", text.lower())):
        cjk = match.group("cjk")
        if cjk is not None:
            tokens.extend(_cjk_tokens(cjk))
        else:
            tokens.extend(_word_tokens(match.group("word")))
    return tokens


# --- sentences -------------------------------------------------------------------------------------------

# Abbreviations whose period does not end a sentence (compared lowercased, without the final period).
_ABBREVIATIONS_TEXT = """
    e.g i.e etc vs approx no nos fig mr mrs ms dr prof inc ltd co corp dept est jan feb mar apr jun jul aug
    sep sept oct nov dec st ave mt art sec ext tel fax max rev ref pcs qty incl excl"""
_ABBREVIATIONS = frozenset(_ABBREVIATIONS_TEXT.split())
# English terminator: . ! ? (plus closing quotes/brackets) followed by whitespace. A period between digits
# (7.5) or letters (No.1, e.g.) is never followed by whitespace and so never matches.
_EN_END = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s)")
# Chinese terminators end a sentence wherever they occur (ASCII ! ? ; too when typed right after a Chinese
# character); closing quotes and brackets stay with the sentence they close.
_ZH_END = re.compile(rf"(?:[。！？；]|(?<=[{CJK_RANGES}])[!?;])+[”’」』）)\]]*")
_LIST_ITEM = re.compile(r"^\s*(?:[-*+•·]\s|\d+[.)]\s|[a-z][.)]\s|[（(]?[一二三四五六七八九十\d]+[)）、]|\|)")
_HEADING_LIKE = re.compile(r"^\s*#{1,6}\s")
_MARKER_ONLY = re.compile(r"(?:[-*+•]\s*)?(?:\d{1,3}|[a-zA-Z]|[ivxIVX]{1,4})[.)]")
_LINE_END = re.compile(r"[.!?:;。！？；：”’」』)）]\s*$")


def _is_cjk(ch: str) -> bool:
    return CJK_CHAR.match(ch) is not None


def _logical_lines(text: str) -> list[str]:
    """Rejoin hard-wrapped English lines; keep list items, table rows, finished and Chinese lines apart.

    PDF and plain-text extraction wraps English sentences across lines: splitting on every newline would cut
    them mid-sentence, while a list or table line is a unit of its own.
    """
    lines: list[str] = []
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            lines.append("")
            continue
        if (
            lines
            and lines[-1]
            # A finished line ends the unit, except English prose wrapped right after a full stop.
            and (not _LINE_END.search(lines[-1]) or (lines[-1][-1] in ".!?" and line[0].isupper()))
            and not _LIST_ITEM.match(line)
            and not _HEADING_LIKE.match(line)
            and not _HEADING_LIKE.match(lines[-1])
            and not lines[-1].endswith("|")
            # Chinese authors do not hard-wrap: a line break next to Chinese text ends the unit.
            and not _is_cjk(lines[-1][-1])
            and not _is_cjk(line[0])
        ):
            lines[-1] = lines[-1] + " " + line
        else:
            lines.append(line)
    return [line for line in lines if line]


def reflow(text: str) -> str:
    """Undo hard wrapping: each paragraph's lines become whole sentences, list items or table rows, one per
    line; blank lines between paragraphs stay. A list item's continuation line joins its item."""
    paragraphs = (p for p in re.split(r"\n[ \t]*\n", text) if p.strip())
    return "\n\n".join("\n".join(_logical_lines(p)) for p in paragraphs)


def _split_line(line: str) -> list[str]:
    """Split one logical line at sentence ends: Chinese punctuation anywhere, English . ! ? before a space."""
    cuts: set[int] = set()
    for m in _ZH_END.finditer(line):
        cuts.add(m.end())
    for m in _EN_END.finditer(line):
        if m.group(0).startswith(".") and _is_abbreviation(line, m.start()):
            continue
        if _MARKER_ONLY.fullmatch(line[: m.end()].strip()):
            continue  # "1. Call the customer": the period belongs to the list number
        cuts.add(m.end())
    pieces: list[str] = []
    start = 0
    for cut in sorted(cuts):
        piece = line[start:cut].strip()
        if piece:
            pieces.append(piece)
        start = cut
    tail = line[start:].strip()
    if tail:
        pieces.append(tail)
    return pieces


def _is_abbreviation(line: str, dot: int) -> bool:
    """True when the period at `dot` closes an abbreviation ("e.g.", "No.") or a single initial ("J.")."""
    start = dot
    while start > 0 and (line[start - 1].isalpha() or line[start - 1] == "."):
        start -= 1
    word = line[start:dot].lower().rstrip(".")
    if not word:
        return False
    return word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha() and line[start].isupper())


def split_sentences(text: str) -> list[str]:
    """Sentences in reading order; list items and table rows count as one sentence each.

    English ends at . ! ? followed by whitespace (never inside 7.5, No.1 or after e.g.); Chinese ends at
    。！？； and at line ends. Wrapped lines are rejoined first so no sentence is cut at a line break.
    """
    sentences: list[str] = []
    for line in _logical_lines(text):
        sentences.extend(_split_line(line))
    return sentences


CN_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}


CN_UNITS = {"十": 10, "百": 100, "千": 1000, "万": 10000}


CN_NUMERALS = "零〇一二两三四五六七八九十百千万"


def cn_number(text: str) -> float | None:
    """Chinese numerals, possibly mixed with Arabic digits: 八百, 两千五 (= 2,500), 十五, 1千, 1.5万."""
    text = text.replace(",", "").strip()
    if not text:
        return None
    try:
        return float(text)
    except ValueError:
        pass
    result = 0.0
    section = 0.0
    number: float | None = None
    last_unit = 0
    after_zero = False
    for match in re.finditer(rf"\d+(?:\.\d+)?|[{CN_NUMERALS}]", text):
        token = match.group(0)
        if token[0].isdigit():
            number = float(token)
        elif token in CN_DIGITS:
            after_zero = after_zero or token in "零〇"
            number = float(CN_DIGITS[token])
        elif token == "万":
            section += number or 0.0
            result += (section or 1.0) * 10000
            section, number, last_unit, after_zero = 0.0, None, 10000, False
        else:
            unit = CN_UNITS[token]
            section += (1.0 if number is None else number) * unit
            number, last_unit, after_zero = None, unit, False
    if number is not None:
        # Colloquial shortening: 两千五 = 2,500, 一万二 = 12,000 (but 一千零五 = 1,005).
        if last_unit >= 100 and not after_zero:
            number *= last_unit / 10
        section += number
    return result + section
