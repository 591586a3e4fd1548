"""Does a passage cover the question? The informative terms of a question and their IDF-weighted coverage.

Why not plain BM25 token coverage: a question's tokens include words that only ask ("how long", "多久",
"怎么办"), model numbers split three ways ("ax-100", "ax100", "ax", "100"), and Chinese character bigrams that
straddle two words ("司年" in 公司年会); all of them move coverage without saying what the question is about.
Here a question becomes its *informative terms*: English content words (light plural stemming, a compound
counted once) and Chinese dictionary words, with runs of single characters the dictionary could not place kept
together as one unknown word ("年会", "拖款"). Each term weighs its IDF in the knowledge base, so "年会" (found
nowhere) and "canteen" outweigh "公司" and "company", and a passage that matches only the generic words of an
off-topic question no longer looks like an answer.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Sequence
from functools import lru_cache

from core.text import CJK_CHAR, CJK_RANGES, STOPWORDS_ZH, tokenize

_RUN = re.compile(rf"[{CJK_RANGES}]+|[0-9A-Za-z\u00c0-\u024f][0-9A-Za-z\u00c0-\u024f\-_/.+']*")
_COMPOUND = re.compile(r"[-_/.+]")

# Words that ask rather than name a topic: a passage need not contain them to answer the question.
_ASKING_EN_TEXT = """
    when where why how many much long often soon far get got need needs ok okay now next still anything
    something anyone someone happens happen else really please want wants tell let know allowed supposed
    normal typical actually here there yes not does
    hey hi hello quick one question whats what's thru pls plz thanks thx btw guys kinda sorta gonna wanna
    lemme basically literally honestly just um uh hmm walk step steps says said hasn haven isn doesn didn
    have has had himself herself themselves gets give go going max
    yo lol ugh um umm hiii sooo asap gotta im like asking dumb sorry already exactly quickly goes until
    besides say again thing things stuff bunch hw wat wut u ur r sry cant rember remember dunno idk tho nah but
    hiya heya howdy morning afternoon evening cheers ta ty tks thank fyi lmao omg argh oops whoops erm emm oh ah
    cool great awesome sure yeah yep yup nope right remind reminder forgot forget forgotten always recall
    wondering wonder curious boss folks mate buddy anybody somebody mad angry upset annoyed pretty totally
    thingy whatev whatever random sanity silly q maxes maxed"""
_ASKING_ZH_TEXT = """
    多久 多少 多长 多大 多少钱 几 几天 几个 几号 几点 几折 几种 几次 什么 什么样 什么时候 时候 怎么 怎么办
    怎样 如何 哪 哪里 哪儿 哪些 哪个 谁 为什么 有没有 是否 能不能 可不可以 可以 要不要 需不需要 应该 会不会
    算不算 大概 一般 那里 这里 现在 一下 不要 不能 怎么样 第几 第几天 以后 之后 出来 每个 每次 一次
    这块 那块 这边 那边 到底 究竟 几家 几个月 几年 几级 咋 咋办 咋整 啥 啥时候 问下 问一下 想问 请问 麻烦
    其实 反正 然后 就是 是不是 对不对 行不行 能否 咱们 的话 一般来说 卷 卷不卷 靠谱 搞 搞出 自己 因为
    不用 不是 才能 直接 另外 以内 还是 所以 但是 而且 如果 的时候 多长时间 一步步 几步 哪一年
    嗯嗯 哈哈 哎呀 这样 那样 老大 领导 大佬 各位 亲 哥 姐 兄弟 老记不住 记不住 忘了 来着 急急急
    哈喽 哈罗 嗨 你好 您好 在吗 在不在 谢谢 谢啦 多谢 感谢 谢了 辛苦 辛苦了 拜托 求助 求问 帮忙 帮我 看看 看下
    查下 查一下 问问 确认下 确认一下 请教 大家 同事 老师 大神 亲们 家人们 好像 似乎 对吧 是吧 没错吧 我去 天哪
    妈呀 老问 一直问 总问 嫌贵 又忘 忘记 记不清 不记得 搞忘 着急 急着 老是 总是 一直"""
# Interjections however long they are drawn out: "emmm", "hmmm", "ummm", "hahaha", "ugh", "嗯嗯嗯", "哈哈哈".
_INTERJECTION = re.compile(
    r"^(?:e+m+|h+m+|u+m+|a+h+|o+h+|u+g+h+|(?:ha)+h?|(?:he){2,}|lo+l|k+|[嗯呃额哈嘿唉哎呀啊哦噢喔诶欸哇]+|"
    r"([\u4e00-\u9fff])\1+)$"  # one character said over and over: "急急急" (jieba's 急急 + 急)
)
_ASKING_EN = frozenset(_ASKING_EN_TEXT.split())
_ASKING_ZH = frozenset(_ASKING_ZH_TEXT.split())
# Single characters that are grammar (particles, localisers, modal and light verbs); they end a run of
# single characters instead of joining it, so "展会上扫" does not make up a word "上扫".
_GRAMMAR_ZH = frozenset(
    "谁几哪啥上下内外前后中里要能可给有在到让把被了过很该做去来说问多少最再才还就都也又而但对从向跟和与及或每各个次些吗呢吧啊呀嘛么我你您他她它这那的是之其得地着"
    "哈喽啦哦噢诶欸嗯呃唉哎嘿哇"
)


def is_chat_word(word: str) -> bool:
    """A word that asks or chats rather than names a topic ("到底", "大佬", "emmm", "thx"): no passage need hold
    it, and it names no one the documents should know."""
    lowered = word.lower()
    return lowered in _ASKING_EN or word in _ASKING_ZH or bool(_INTERJECTION.fullmatch(lowered))


@lru_cache(maxsize=4096)
def chat_words(question: str) -> tuple[int, int]:
    """(words that chat or ask rather than name a topic, words in all) of a question: jieba's words of its Chinese,
    the letters-and-digits words of the rest. How chatty a question is tells how to read its coverage: "哎问下哈，
    日报要是老迟交，迟几次会扣分啊" or "hey quick one, whats the daily meal allowance when im out" share fewer of
    the document's words than a plain question about the same rule, without being any less answered by it."""
    import jieba

    jieba.setLogLevel(logging.WARNING)
    words: list[str] = []
    for match in _RUN.finditer(question):
        run = match.group(0)
        if CJK_CHAR.match(run):
            words.extend(w for w in jieba.lcut(run, HMM=False) if w.strip())
        else:
            words.append(run)
    return sum(is_chat_word(w) for w in words), len(words)


def stem(word: str) -> str:
    """Light English plural folding, so "canteen" meets "canteens" and "designer" meets "designers"."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


# A count or an amount asked for ("一天", "一台", "多少度", "加多少"): how much of something, not what. 几 and
# any measure word ("几路", "几组", "几根") asks a count: the answering line says "3 路", never "几路".
_QUANTITY_ZH = re.compile(r"[一半每][个台支桶天次年月周件套张片箱卷条只瓶包盒份家位]|几.|.?多少.?")


def _chinese_terms(run: str) -> list[str]:
    import jieba

    jieba.setLogLevel(logging.WARNING)
    terms: list[str] = []
    pending = ""  # consecutive single characters the dictionary left unplaced
    for word in [*jieba.lcut(run, HMM=False), ""]:
        if len(word) == 1 and word not in _GRAMMAR_ZH and word not in STOPWORDS_ZH:
            pending += word
            continue
        if len(pending) >= 2:
            terms.append(pending)
        pending = ""
        if len(word) >= 2 and not is_chat_word(word) and word not in STOPWORDS_ZH and not _QUANTITY_ZH.fullmatch(word):
            terms.append(word)
    return terms


@lru_cache(maxsize=4096)
def informative_terms(question: str) -> tuple[str, ...]:
    """The question's topic-bearing terms, in order, without repeats (English lowercased)."""
    terms: list[str] = []
    for match in _RUN.finditer(question):
        run = match.group(0)
        if CJK_CHAR.match(run):
            terms.extend(_chinese_terms(run))
            continue
        tokens = tokenize(run)
        if len(tokens) > 1 and _COMPOUND.search(run):
            tokens = tokens[:1]  # "AX-100" is one concept, not four
        terms.extend(t for t in tokens if not is_chat_word(t))
    return tuple(dict.fromkeys(terms))


@lru_cache(maxsize=8192)
def _passage_words(text: str) -> frozenset[str]:
    return frozenset(stem(t) for t in tokenize(text))


def term_present(term: str, text: str) -> bool:
    """Chinese: the word occurs in the text. English: a token of the text has the same (plural-folded) stem."""
    if CJK_CHAR.match(term):
        return term in text
    return stem(term) in _passage_words(text)


def term_weight(term: str, idf: Callable[[str], float]) -> float:
    """IDF of the term, or of its other plural form when only that one occurs in the knowledge base."""
    if CJK_CHAR.match(term):
        return idf(term)
    base = stem(term)
    return min(idf(form) for form in {term, base, base + "s", term + "s", term + "es"})


def _known_parts(terms: Sequence[str], idf: Callable[[str], float]) -> list[str]:
    """A glued Chinese run of 3+ characters the knowledge base never uses is split into the bigrams it uses.

    Runs of single characters are glued into one term ("买延保" from 买 + 延 + 保); when the knowledge base
    knows a part ("延保"), that part is the concept to look for. A run with no known part stays whole.
    """
    unknown = idf("\x00")  # the IDF any absent term gets
    out: list[str] = []
    for term in terms:
        if len(term) >= 3 and CJK_CHAR.match(term) and idf(term) >= unknown and not _in_dictionary(term):
            parts = [term[i : i + 2] for i in range(len(term) - 1) if idf(term[i : i + 2]) < unknown]
            out.extend(parts or [term])
        else:
            out.append(term)
    return list(dict.fromkeys(out))


def _in_dictionary(word: str) -> bool:
    """A jieba dictionary word ("年终奖") is a concept of its own; only glued runs ("买延保") are split."""
    import jieba

    jieba.initialize()
    return bool(jieba.get_FREQ(word))


def coverage(
    terms: Sequence[str],
    passage: str,
    idf: Callable[[str], float],
    equivalents: Callable[[str], Sequence[str]] | None = None,
) -> float:
    """IDF-weighted share of the informative terms present in the passage (0..1; 0 without terms).

    With `equivalents` (the glossary's), a term also counts as present when the passage uses one of its
    equivalents: "滤网" is covered by a sheet that says "filter".
    """
    total = covered = 0.0
    for term in _known_parts(terms, idf):
        weight = term_weight(term, idf)
        total += weight
        if term_present(term, passage) or (
            equivalents is not None and any(_phrase_present(other, passage) for other in equivalents(term))
        ):
            covered += weight
    return covered / total if total else 0.0


def _phrase_present(phrase: str, text: str) -> bool:
    """A glossary term in a passage: Chinese as a substring, English as all of its words."""
    if CJK_CHAR.search(phrase):
        return phrase in text
    words = phrase.split()
    return bool(words) and all(term_present(word, text) for word in words)
