"""The attribute a figure question asks about (weight, price, power, warranty...) and the words a line uses for it.

Why: "How much does a CS-80 weigh?" shares no word with "| 整机重量 | 138 公斤 |", and the dictionary glosses
重量 as "weight", not "weigh"; meanwhile the chat words around the question ("customer needs it") match the
sheet's sales tips. A product sheet states many figures about one model, so the line that answers is the one
holding the asked attribute *and* a figure, for the asked model. The attribute table below is general product
and commercial vocabulary (any sheet of any company states weight, price, power...), matched in the question
by its cue words in either language; the words a line may use for it are the table's own, plus whatever the
knowledge base's dictionary table (CC-CEDICT, `knowledge.dictionary`) gives for them, so a company's own word
for an attribute ("自重", "整机重量", "list price") is found without naming it here.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from core.text import CJK_CHAR, tokenize


@dataclass(frozen=True)
class Attribute:
    """One kind of figure: the question's cues for it, and the words a line stating it uses."""

    name: str
    cue: re.Pattern[str]
    en: tuple[str, ...]
    zh: tuple[str, ...]


def _attr(name: str, cue: str, en: str, zh: str) -> Attribute:
    return Attribute(name, re.compile(cue, re.IGNORECASE), tuple(en.split()), tuple(zh.split()))


# Cues are what a question says; `en`/`zh` what a line stating the figure says. English words are matched as
# tokens (plural-folded), Chinese words as substrings. Keep both general: no product's or company's names.
ATTRIBUTES: tuple[Attribute, ...] = (
    _attr(
        "weight",
        r"\bweigh(?:s|t|ts|ing)?\b|\bhow heavy\b|\bheav(?:y|ier|iest)\b|\bload capacity\b|"
        r"\bmax(?:imum)? (?:\w+ )?load\b|"
        r"重量|自重|净重|毛重|多重|多沉|承重|载重|几公斤|多少公斤|多少斤",
        "weight weighs weigh mass load kg",
        "重量 自重 净重 毛重 承重 载重 公斤 千克",
    ),
    _attr(
        "price",
        r"\bpric(?:e|es|ed|ing)\b|\bcosts?\b|\bhow much (?:is|are|for|would|will)\b|\blist price\b|\bquote\b|"
        r"\bfee\b|\bcharge[sd]?\b|\blist(?:ed|s)? (?:\S+ ){0,6}at\b|价(?!单)|多少钱|费用|收费|几块钱|卖多少",
        "price priced cost costs fee charge charged rrp cny rmb yuan ¥",
        "价格 价 元 费 收费",
    ),
    _attr(
        "power",
        r"\bpower\b|\bwattage\b|\bwatts?\b|\bkw\b|\bmotor\b|功率|功耗|千瓦|瓦数|电机",
        "power wattage watt watts kw motor",
        "功率 功耗 千瓦 电机",
    ),
    _attr(
        "supply",
        r"\bvoltage\b|\bvolts?\b|\bsingle[- ]phase\b|\bthree[- ]phase\b|\bpower supply\b|\bmains\b|电压|电源|单相|三相",
        "voltage volt volts phase supply hz",
        "电压 电源 单相 三相 伏",
    ),
    _attr(
        "warranty",
        # with a chat typo's spellings ("warrenty", "waranty", "garantee")
        r"\bwarr?[ae]nt(?:y|ee|ies|ied)\b|\bgu?ar[ae]nt(?:e|ee|eed)\b|质保|保修|保固",
        "warranty warranted guarantee",
        "质保 保修",
    ),
    _attr(
        "speed",
        r"\bspeed\b|\bhow fast\b|\bper (?:minute|hour|min|day)\b|\bthroughput\b|\boutput\b|\bcapacity\b|"
        r"\b(?:top|max(?:imum)?) rate\b|"
        r"\brpm\b|速度|转速|每分钟|每小时|产能|产量|处理量|产水量|多快",
        "speed minute min throughput output capacity rpm",
        "速度 转速 每分钟 每小时 产能 产量 处理量 产水量",
    ),
    # A pump's or valve's flow is no machine's travel speed or output: a sheet stating "作业速度 6-9 km/h" does not
    # answer "液压泵流量是多少".
    _attr(
        "flow",
        r"\bflow(?:s| rate)?\b|\bl/min\b|流量|流速",
        "flow",
        "流量 流速",
    ),
    _attr(
        "efficiency",
        r"\befficien(?:cy|t)\b|效率",
        "efficiency efficient",
        "效率",
    ),
    _attr(
        "protection",
        r"\bip ?(?:rating|code|class|grade)\b|\bip\d{2}\b|\bprotection (?:degree|class|rating|level)\b|"
        r"\b(?:water|dust)[- ]?(?:proof|resistant)\b|\boutdoors?\b|防护等级|防护|防水|防尘|IP等级|户外|室外",
        "protection ingress ip20 ip21 ip23 ip44 ip54 ip55 ip56 ip65 ip66 ip67 ip68 outdoor",
        "防护等级 防护 防水 防尘 户外 室外",
    ),
    _attr(
        "temperature",
        r"(?<!colour )(?<!color )\btemperatures?\b|\bhow (?:hot|cold)\b|\bfreez(?:e|ing)\b|\bbelow zero\b|"
        r"温度|多少度|耐温|零下|低温|高温",
        "temperature temperatures °c ℃",
        "温度 ℃ 低温 高温",
    ),
    _attr(
        "size",
        r"\bsize\b|\bdimensions?\b|\bfootprint\b|\bhow (?:big|wide|tall|high)\b|\bwidth\b|\bheight\b|"
        r"尺寸|外形|长宽高|宽度|高度|占地|多宽|多高|体积多大",
        "size dimension dimensions footprint width height length",
        "尺寸 外形 宽度 高度 长度 占地 扬程",
    ),
    _attr(
        "lead time",
        r"\blead time\b|\bdelivery time\b|\bhow (?:soon|long)\b.*\b(?:deliver|ship|arrive)|交期|交货期|货期|"
        r"多久(?:能)?(?:发货|到货|交货)|几天(?:能)?(?:发货|到货|交货)",
        "delivery lead ship shipped",
        "交期 交货 发货 到货 货期",
    ),
    _attr(
        "lifetime",
        r"\blifespan\b|\bservice life\b|\blife\b|\bhow long (?:does|do|will|can|would)\b.{0,40}\blast\b|"
        r"\bhow many hours\b|\breplace(?:d|ment)? every\b|"
        r"寿命|多少小时|更换周期|多久换|用多久|能用多少",
        "lifespan life hours replace every",
        "寿命 小时 更换",
    ),
    _attr(
        "volume",
        r"\bvolume\b|\blitres?\b|\bliters?\b|\bhow much (?:resin|water|oil|salt)\b|容量|容积|装填量|多少升",
        "volume capacity litre litres liter liters tank",
        "容量 容积 装填量 升",
    ),
    _attr(
        "consumption",
        r"\bconsum(?:e|es|ption)\b|\bburns?\b|\buses?\b.*\bper\b|\bhow much \w+ does it use\b|"
        r"消耗|耗量|用量|要用多少|耗电|耗水",
        "consumption consumes uses",
        "消耗 耗 用量",
    ),
    _attr(
        "pressure",
        r"\bpressure\b|\bbar\b|\bmpa\b|\bpsi\b|压力|气压|兆帕|气源",
        "pressure bar mpa psi",
        "压力 气压 兆帕 气源",
    ),
    _attr(
        "area",
        r"\bfloor area\b|\barea\b|\bsquare (?:met(?:er|re)s?|feet|foot)\b|\bhow many (?:m2|m²|sqm)\b|"
        r"面积|平米|平方米|多大地方",
        "area square m² m2 sqm",
        "面积 平方米 平米",
    ),
    _attr(
        "brightness",
        r"\blumens?\b|\bbright(?:ness)?\b|\bansi\b|亮度|流明|多亮",
        "brightness lumen lumens ansi",
        "亮度 流明",
    ),
    _attr(
        "colour temperature",
        r"\bcolou?r temperatures?\b|\bcct\b|\bkelvin\b|色温",
        "cct kelvin colour color",
        "色温",
    ),
    _attr(
        "colour rendering",
        r"\bcri\b|\bcolou?r rendering\b|显色指数|显指|显色性",
        "cri ra rendering",
        "显色 显指",
    ),
    # How far a sensor, a lamp's beam or a remote reaches: no size of the product itself.
    _attr(
        "range",
        r"\bhow far\b|\b(?:detection|sensing|detecting|working) (?:range|distance|radius)\b|"
        r"探测距离|感应距离|探测范围|感应范围|感应半径|多远",
        "range distance radius",
        "距离 范围 半径",
    ),
    _attr(
        "noise",
        r"\bnois(?:e|y)\b|\bloud(?:ness)?\b|\bquiet\b|\bdb\b|\bdecibels?\b|噪音|噪声|分贝|多吵|声音多大",
        "noise db decibel decibels sound",
        "噪音 噪声 分贝 声压",
    ),
    _attr(
        "refrigerant",
        r"\brefrigerant\b|\bgas charge\b|冷媒|制冷剂|充注量|加注量",
        "refrigerant charge",
        "冷媒 制冷剂 充注量 加注量",
    ),
    _attr(
        "cooling capacity",
        r"\bcooling capacity\b|\bheating capacity\b|\bcooling output\b|制冷量|制热量|冷量",
        "cooling heating capacity",
        "制冷量 制热量 冷量",
    ),
    _attr(
        "accuracy",
        r"\baccura(?:te|cy)\b|\bprecision\b|\btolerance\b|精度|准确度|误差|多准",
        "accuracy accurate precision tolerance",
        "精度 准确度 误差",
    ),
    _attr(
        "thickness",
        r"\bthick(?:ness|er|est)?\b|厚度|壁厚|多厚|板厚|膜厚",
        "thickness thick",
        "厚度 壁厚 厚",
    ),
    _attr(  # a rep's pay: a commission plan states rates on sales, not the base salary
        "salary",
        r"\b(?:base|basic|monthly|fixed) (?:salary|pay|wage)s?\b|\bsalar(?:y|ies)\b|底薪|基本工资|固定工资|月薪|工资",
        "salary salaries wage wages",
        "底薪 基本工资 固定工资 月薪 工资 薪资",
    ),
    _attr(  # interest or a late fee on overdue money: a collection procedure's steps do not give a rate
        "interest",
        r"\binterest\b|\blate (?:payment )?(?:fee|charge)s?\b|利率|利息|滞纳金|罚息",
        "interest late",
        "利率 利息 滞纳金 罚息",
    ),
    _attr(
        "time limit",
        r"\bhow long (?:do(?:es)?|did|will) \w+(?: \w+)? have to\b|\bdeadline\b|\btime limit\b|\bwithin how\b|"
        r"多久内|几天内|多长时间内|时限|期限内",
        "within deadline",
        "以内 之内 时限 期限",
    ),
    _attr(
        "validity",
        r"\bvalid(?:ity)?\b|\bexpir(?:e|es|y)\b|有效期|多久有效|管多久|多久过期|过期",
        "valid validity expire expires",
        "有效期 有效 过期",
    ),
    _attr(
        "contact",
        r"\bphone\b|\btelephone\b|\bextension\b|\bext\b|\bhotline\b|\be-?mail\b|\bnumber to call\b|"
        r"\bwho (?:do|should|can) (?:i|we) call\b|\bcontact (?:number|details|info|person)\b|"
        r"电话|分机|热线|邮箱|联系方式|联系电话",
        "phone telephone tel ext extension hotline email e-mail contact",
        "电话 分机 热线 邮箱 联系",
    ),
    _attr(
        "minimum order",
        r"\bminimum order\b|\bmoq\b|\bsmallest order\b|起订|最低订货|最少(?:要|得|需)?订|至少(?:要|得)?订",
        "minimum order moq",
        "起订 最低 订货",
    ),
)
# "How much does it weigh / consume" asks the weight, not a price: the bare "how much" price cue gives way to
# any other attribute the question names.
# "Can I promise a 3-year warranty?", "我能不能先答应": the rep asks what they may do; the warranty is the topic,
# not a figure asked for.
_PERMISSION = re.compile(
    r"\b(?:can|may|could|should|must) (?:i|we)\b|\bam i allowed\b|\bis it ok\b|我们?(?:能不能|能否|可不可以|可以|能)",
    re.IGNORECASE,
)
_HOW_MUCH = re.compile(r"\bhow much (?:is|are|for|would|will)\b", re.IGNORECASE)


@dataclass(frozen=True)
class AskedAttribute:
    """An attribute the question asks, with every word (English token or Chinese string) a line may use for it."""

    name: str
    words: frozenset[str]

    def in_text(self, text: str, tokens: Iterable[str] | None = None) -> bool:
        """The text names the attribute (Chinese as a substring, English as a token, plural folded)."""
        present = set(tokens if tokens is not None else tokenize(text))
        present |= {t[:-1] for t in present if t.endswith("s")}
        lowered = text.lower()
        for word in self.words:
            if CJK_CHAR.match(word):
                if word in text:
                    return True
            elif word in present or (not word.isalnum() and word in lowered):
                return True
        return False

    def last_at(self, text: str) -> int:
        """Where the attribute's last-named word ends in the text (-1 when absent): in a label naming two
        attributes ("流速精度", "Power supply") the last one is its head, the attribute the value states."""
        lowered = text.lower()
        ends = [lowered.rfind(word) + len(word) for word in self.words if word and word in lowered]
        return max(ends, default=-1)


def asked_attributes(question: str, translate: Callable[[str], Sequence[str]] | None = None) -> list[AskedAttribute]:
    """The attributes the question asks about, each with the words that state it in either language.

    `translate` (the knowledge base's dictionary table, `LexicalIndex.translate`) adds the knowledge base's
    own words for the attribute's words in the other language.
    """
    if _PERMISSION.search(question):
        return []
    found = [a for a in ATTRIBUTES if a.cue.search(question)]
    if len(found) > 1:
        found = [a for a in found if a.name != "price" or a.cue.search(_HOW_MUCH.sub(" ", question))]
    out: list[AskedAttribute] = []
    for attribute in found:
        words = {w.lower() for w in attribute.en} | set(attribute.zh)
        if translate is not None:
            # Only the head word of each language: the others are forms and units whose dictionary senses
            # stray ("charge" is also 负责, "lead" 铅).
            for word in (attribute.en[0], attribute.zh[0]):
                words.update(w.lower() for w in translate(word))
        out.append(AskedAttribute(attribute.name, frozenset(words)))
    return out
