"""Questions outside any company document's scope: live data and workplace small talk.

"What's today's USD to RMB exchange rate?", "What's our share price today?", "Where do visitors park?", "食堂今天吃
什么？" share words with the documents ("price", "today", "visitors", "RMB") and a fitted gate can score them as
answerable; a sales knowledge base holds none of them. Each topic here is a kind of question such assistants
are asked everywhere, with the words a company document would use if it did cover the topic. The question is
out of scope when it asks such a topic and none of the passages retrieved for it uses those words: a company
whose travel policy has a parking rule still gets its parking question judged on the passages.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from knowledge.retriever import ScoredChunk


@dataclass(frozen=True)
class Topic:
    """A kind of question no sales document answers unless it names the topic itself."""

    name: str
    cue: re.Pattern[str]  # the question asks this topic
    words: re.Pattern[str]  # a passage about the topic uses one of these
    live: bool = False  # asked for today or tomorrow, it is in no document whatever a passage says of it


def _topic(name: str, cue: str, words: str, *, live: bool = False) -> Topic:
    return Topic(name, re.compile(cue, re.IGNORECASE), re.compile(words, re.IGNORECASE), live)


TOPICS: tuple[Topic, ...] = (
    _topic(  # 台风 (typhoon), not "一台风机" (one fan)
        "weather",
        r"\bweather\b|\bforecast\b|天气|气温|下雨|下雪|(?<![一二两三四五六七八九十几\d])台风(?![机扇])",
        r"\bweather\b|\bforecast|天气|气温|台风(?![机扇])",
        live=True,
    ),
    _topic(
        "share price",
        r"\b(?:share|stock) prices?\b|\bstock market\b|\bmarket cap|股价|股票|市值",
        r"\b(?:share|stock) prices?\b|\bshareholders?\b|\bdividends?\b|股价|股票|市值|股东",
        live=True,
    ),
    _topic("exchange rate", r"\bexchange rates?\b|汇率", r"\bexchange rates?\b|汇率", live=True),
    _topic(
        "parking",
        r"\bparking\b|\bwhere (?:do|can|should|could) (?:\w+ ){1,2}park\b|\bpark (?:my|our|the|a) (?:car|van)\b|"
        r"停车|车位",
        r"\bparking\b|停车|车位",
    ),
    _topic(  # the staff canteen's food and hours, not a canteen as a customer ("a canteen group wants 12 woks")
        "canteen",
        r"\b(?:canteen|cafeteria)\b.{0,30}\b(?:menu|food|serv\w*|lunch|dinner|breakfast|open\w*|hours?)\b|"
        r"\b(?:menu|lunch|dinner|breakfast)\b.{0,30}\b(?:canteen|cafeteria)\b|食堂.{0,8}(?:吃|菜|饭|开|几点)|(?:吃|菜|饭).{0,8}食堂",
        r"\bcanteen\b|\bcafeteria\b|食堂",
    ),
    _topic(
        "employee shares",
        r"\bstock options?\b|\besop\b|\bemployee (?:stock|share)|员工持股|持股计划|期权",
        r"\bstock options?\b|\besop\b|\bemployee (?:stock|share)|持股|期权",
    ),
    _topic(  # a rival's price: a sales knowledge base states its own
        "competitor prices",
        r"(?:竞争对手|竞品|友商|\bcompetitor|\brival)[^。？?\n]{0,24}"
        r"(?:多少钱|报价多少|价格是多少|价格多少|卖多少|\bcharges?\b|\bprice (?:of|for)\b)|"
        r"\bhow much (?:does|do|is|are) (?:our |the |a )?(?:competitor|rival)",
        r"(?:竞争对手|竞品|友商|\bcompetitors?'?s?\b|\brivals?\b)[^。\n]{0,40}(?:¥|￥|\bCNY\b|\bRMB\b|元|\d{3,})",
    ),
    _topic(
        "payday",
        r"发工资|工资.{0,6}(?:哪天|几号|什么时候)|\bpay ?day\b|\bsalar(?:y|ies) (?:is |are )?paid\b",
        r"发薪日|工资发放日|每月\d+日发放工资|\bpay ?day\b|\bsalar(?:y|ies) (?:is|are) paid on\b",
    ),
    _topic(
        "company events",
        r"年会|团建|\bannual (?:party|dinner|gala)\b|\bteam[- ]building\b|\bcompany (?:outing|trip|party)\b",
        r"年会|团建|\bannual (?:party|dinner|gala)\b|\bteam[- ]building\b",
    ),
    _topic(  # a ticket's fare: a travel policy gives classes of travel, not fares
        "fares",
        r"(?:高铁票|火车票|机票|飞机票|\b(?:train|flight|plane|air) tickets?\b|\bair ?fares?\b).{0,8}"
        r"(?:多少钱|价格|\bcost|\bprice|\bhow much)|"
        r"\bhow much (?:is|are) (?:a |the )?(?:train|flight|plane) tickets?\b",
        r"(?:高铁|火车|机票|飞机|\btrain\b|\bflight\b|\bair\b)[^。\n]{0,20}(?:¥|\bCNY\b|元)",
    ),
    _topic(
        "meeting rooms",
        r"会议室|\b(?:meeting|conference) rooms?\b",
        r"会议室|\b(?:meeting|conference) rooms?\b",
    ),
    _topic(  # the employee's own tax, not the VAT on an invoice or an export rebate
        "personal tax",
        r"\b(?:personal )?income tax\b|\b(?:my|personal) tax (?:refund|return|rebate)s?\b|个税|个人所得税",
        r"\bincome tax\b|\btax returns?\b|个税|个人所得税",
    ),
    _topic(  # an HR entitlement: a sales policy states travel, commission and approvals, not days off
        "leave",
        r"\b(?:annual|sick|maternity|paternity|marriage|personal) leave\b|\bvacation days?\b|"
        r"年假|年休假|病假|产假|陪产假|婚假|丧假|调休",
        r"\b(?:annual|sick|maternity|paternity|marriage|personal) leave\b|\bvacation\b|"
        r"年假|年休假|病假|产假|陪产假|婚假|丧假|调休",
    ),
    _topic(
        "entertainment",
        r"\bfootball\b|\bsoccer\b|\bnba\b|\blottery\b|\bmovies?\b|\bhoroscope\b|彩票|电影|球赛|星座",
        r"\bfootball\b|\bsoccer\b|\blottery\b|\bmovies?\b|彩票|电影|球赛",
    ),
)


# Asked for now: the weather, a rate or a share price today or tomorrow (a live topic) is in no document, whatever
# a passage says of weather in general ("delays caused by weather").
_NOW = re.compile(
    r"\b(?:today|tomorrow|tonight|this (?:week|weekend)|right now|currently|at the moment)\b|"
    r"今天|明天|今晚|现在|本周|这周|周末|当前",
    re.IGNORECASE,
)


def out_of_scope(question: str, hits: Sequence[ScoredChunk]) -> str | None:
    """The topic the question asks that no retrieved passage is about, or None."""
    for topic in TOPICS:
        if not topic.cue.search(question):
            continue
        if topic.live and _NOW.search(question):
            return topic.name
        if not any(topic.words.search(f"{h.metadata.get('title', '')}\n{h.section}\n{h.text}") for h in hits):
            return topic.name
    return None
