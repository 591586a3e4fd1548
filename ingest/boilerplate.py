"""Boilerplate: text that is not the document's own content, recognised by what it is.

Documents copied from document-sharing sites, saved web pages and printed PDFs carry the site's or printer's
text around the content: paid-download and VIP notices, copyright and "uploaded by users" disclaimers, the
site's complaint hotline, comment/view/like counters, "related documents" lists, navigation, page numbers
and running headers repeated on every page. Indexed, that text becomes titles, citations and even answers
("客服电话是多少？" answered with the site's hotline). It is recognised here by its kind (the words such text
always uses), never by one site's name, so the next site's chrome is caught too.

A line is boilerplate when it holds a strong cue (a counter, "本站", "VIP", "All rights reserved"), or two
weaker cues (a download word and a price word), and is short enough to be a notice rather than prose that
merely mentions downloading. Lines repeated across PDF pages are judged in `repeated_page_lines`.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

# Cues that on their own make a short line site chrome.
_STRONG = re.compile(
    r"本站|本网站|本平台|本文档由|文档由.{0,10}(?:上传|提供)|用户上传|网友上传|上传者|上传时间|上传人|"
    r"侵权|版权所有|版权归|版权声明|免责声明|©|\(c\)\s*\d{4}|copyright|all rights reserved|"
    # A site's ICP filing, not a product's energy-label filing number ("能效标识备案号：CEL-…").
    r"ICP备|ICP证|公网安备|"
    r"VIP|会员专享|开通会员|下载券|文档币|积分下载|金币|付费下载|免费下载|立即下载|下载文档|下载本文|"
    r"扫码关注|扫码下载|关注公众号|微信公众号|"
    r"猜你喜欢|相关推荐|相关文档|热门文档|推荐阅读|上一篇|下一篇|返回顶部|返回首页|网友评论|网友|游客_?\d|"
    r"skip to (?:main )?content|back to top|related (?:articles|posts|documents)|you may also like|"
    r"share (?:this|on)|follow us|register now|accept cookies|cookie policy|"
    r"privacy policy|terms of (?:use|service)|print this|email this|advertisement|sponsored|"
    r"was this (?:page|article|answer|information) (?:helpful|useful)|(?:有帮助|有用)吗|是否有帮助|点赞数|"
    r"powered by|leave a (?:comment|reply)|log ?in to (?:reply|comment)|subscribe to (?:our|the)|"
    r"分享到|扫一扫|手机阅读|展开全文|查看全文|阅读全文|阅读本文|收藏本文|加入收藏|设为首页|打印本页|关闭窗口|"
    r"最新文章|热门文章|热门标签|更多相关|来源于(?:网络|互联网)|文章来源|"
    r"文档分享|分享平台|海量文档|在线文库|当前位置|您的位置|你的位置|您现在的位置|我要评论|"
    # A WeChat official-account article copied with its page: follow prompts, the editor, reader comments.
    r"点击上方|关注我们|识别.{0,4}二维码|二维码图片|往期推荐|精选留言|作者回复|（作者）|\(作者\)|小编|(?<!版)本号|"
    r"阅读原文|原文链接|本文转载|转载自|投稿|商务合作|往下滑|发表于|点个.?在看|"
    # A forum thread reposting a document: the post's edit note, reply box, sign-in prompts, the repost marker.
    r"侵删|本帖最后由|只看该作者|倒序浏览|小黑屋|相关帖子|热门帖子|"
    # A blog platform's page: membership offers, the post's link and edit stamp, tags, tips, the author card.
    r"超级会员|付费专栏|免广告|打赏|本文链接|首次修改|文章标签|知识点与|博主|码龄|评论区|查看更多评论|查看全部评论|"
    r"[+＋]\s*关注|"
    # A blog column's subscription, the author's tip-jar line, a failed picture, a watermark's "no reposting",
    # the page's back-to-top and jump-to links, a promoted download or offer, a share bar of emoji counters.
    r"订阅专栏|专栏收录|创作的最大动力|图片加载失败|点击重试|禁止搬运|严禁搬运|回到顶部|点击跳转|"
    r"立即(?:获取|体验|领取)|(?:[👍👎⭐💬❤♥↗]\s*[\d.,kKwW万]*\s*){3,}|^≡\s|"
    # A news or self-media page: its search box, ads, the author's creator badge, the province stamp, the notices.
    r"搜索站内|站内搜索|【广告】|"
    # A document site's preview cut-off, its search box and its star rating.
    r"请输入关键[词字]|请输入[^\]】]{0,16}关键[词字]|🔍|已被收录|收录至专题|热搜\s*[:：]|热门搜索|热门关键词|[\[【]\s*搜\s*索\s*[\]】]|发表评论|我也要评论|"
    # A preview notice and a site's download terms.
    r"仅供在线预览|完整内容请下载|下载说明|重复扣除|扣除积分|"
    # A sign-in prompt and a membership offer ("【登录】", "扫码登录", "首月仅需9.9元", "全站800万份文档畅读畅下").
    r"扫码登录|登录送\d*积分|[【\[]\s*登录\s*[】\]]|首月仅需|畅读畅下|全站\d+万?份?(?:文档|资料)|"
    # A search box drawn as an input line ("搜资料 >>> ______ [搜一下]　大家都在搜：…"), a promoted link.
    r"大家都在搜|猜你想搜|猜你在找|你可能(?:想搜|在找)|相关搜索|[\[【]\s*搜一下\s*[\]】]|搜.{0,8}_{6,}|_{6,}\s*[\[【]\s*搜|【推广】|\[推广\]|"
    # Where-you-are labels, a watermark's terms, a WeChat page's audio button, comment box, mini-program card
    # and the lines under its comments.
    r"您在这里|你在这里|you are here|受版权保护|禁止商用|请勿商用|仅供学习交流|原创保护|"
    r"未经(?:许可|授权)[，,]?\s*(?:禁止|不得)转载|[\[【［〖]\s*(?:推广|广告)\s*[\]】］〗]|继续(?:免费)?预览|AI导读|内容由AI生成|"
    r"AI(?:智能)?摘要|由\S{0,8}AI生成|AI速读|AI生成[，,]\s*(?:内容)?仅供参考|"
    # A page's skip link for screen readers ("跳到主要内容").
    r"跳(?:到|转到|至)(?:主要内容|正文)|"
    # An AI summary offered by the page ("AI 一键总结全文", "一键速读", "以上内容由 AI 生成"), a locked rest of
    # the article, a WeChat page's QR card and mini-program card, a search icon.
    r"AI\s*一键|一键(?:速读|总结)|由\s*AI\s*生成|解锁全文|继续阅读|[〔\[【]\s*二维码\s*[〕\]】]|点击卡片|"
    r"长\s*按\s*图\s*片|扫码(?:添加|领取)|文末有福利|⌕|"
    # An English blog's reading time, paywall meter, share bar, comment loader, related posts, post links.
    r"\bfree articles? (?:left|this month)|^share\s*:|\bload \d+ more comments\b|"
    r"\byou might also like\b|^←\s*previous\s*:|^next\s*:.*→$|^reply\s*[·•|]\s*[♥▲❤]|"
    # A forum's buttons, member card, signature stand-in, thread links, rules and reply box.
    r"^(?:主题|帖子|积分|威望|铜钱|金币)\s*[:：]?\s*\d+\s|^回复\s*[|｜]?\s*举报$|^举报\s*[|｜]?\s*回复$|^UID\s*[:：]?\s*\d+$|^发消息$|电梯直达|签名被屏蔽|回帖后跳转|"
    r"上一主题|下一主题|下一页|本版版规|^发新帖|返回列表|[\[【]\s*复制链接\s*[\]】]|"
    # A comment marked with a speech bubble or a reply hooked under one ("💬 小程同学：…", "└ 客服 回复：…"), a
    # listed document with its rating or price ("▪ 销售制度.doc　4.6分　免费"), an ad's close button, a drawn
    # banner's letters ("┃招┃").
    r"^💬\s*\S{1,20}\s*[:：]|^[└↳↪]\s*\S{1,16}\s*回复|\.(?:docx?|pptx?|xlsx?|pdf|wps)[\s　]+.{0,20}"
    r"(?:\d(?:\.\d)?\s*分|免费|[¥￥]\s*\d)|^广告\s*[×✕]$|^[┃│║].{1,3}[┃│║]$|"
    # A page's cookie notice and a post's byline.
    r"\bwe use cookies\b|^by\s.{2,60}·\s*(?:published|updated|posted)\b|"
    # A blog's newsletter box, a sponsor's trial offer, the author box.
    r"\bin your inbox every\b|\bsign me up\b|\bstart (?:your )?free trial\b|\babout the author\b|"
    # A Q&A site's vote tally, answer buttons, follow button and question links; a feed's ad tag, a post's
    # province stamp.
    r"\d[\d,]*\s*人赞同|写回答|邀请回答|好问题\s*\d|下一个回答|查看全部\s*[\d,]+\s*个回答|\s[\d,]+\s*个回答$|^相关问题$|"
    r"[⊕+＋]\s*关注\s*(?:ta|他|她)?|广告\s*[｜|·]\s*\S|[·・]\s*来自[\u4e00-\u9fff]{2,3}(?:\s|$)|"
    # A magazine page's audio player, ad break, comment prompt, topic list and section links.
    r"\blisten to this article\b|\barticle continues below\b|\blog in or register to\b|^topics\s*:|^more in\s|"
    # A wiki page's feedback tally, edit stamp and history link.
    r"found this (?:page |article )?(?:helpful|useful)|^last edited by\b|view (?:version|page|revision) history|"
    r"\bpage owner\s*[:：]|"
    # A star-the-account prompt, a promoted line marked with a bar, a preview's scan-to-read notice.
    r"星标|收到推送|^\W{0,3}推广[\s　:：]|文档预览|扫码(?:可)?继续阅读|"
    # A reader's page controls ("阅读进度 ▓▓░░░░ 已读 12%　字号 A- A A+　护眼模式：关") and a site's note that its
    # software laid the text out ("本文由…AI自动识别排版，如有错漏请以原文档为准").
    r"左右滑动|滑动查看更多|阅读进度|已读\s*\d+\s*%|字号\s*A|护眼模式|夜间模式|[▓░▒]{3,}|自动(?:识别)?排版|如有错漏|"
    # A mail footer's print reminder in English ("Please consider the environment before printing this e-mail").
    r"before printing this e-?mail|consider the environment before printing|"
    r"听全文|写留言|已无更多数据|关注该公众号|继续滑动看下一个|"
    r"预览时标签不可点|喜欢此内容的人还喜欢|作者\s+回复|点击下方小程序|[\[【]\s*小程序\s*[\]】]|收录于合集|"
    r"^[\[【]\s*(?:图片|视频|动图|音频)\s*[\]】]$|"
    r"著作权|转载请|热门专栏|预览已结束|试读结束|剩余\s*\d+\s*页|剩余内容|下载须知|下载后(?:查看|阅读)|(?:\.{3}|…)[\s\]】]*[\[【]?\s*(?:搜\s*索|search)\s*[\]】]?$|^[\[【]\s*搜\s*索|已收录|收录文档|[★☆]{4,}|\d+\s*人评价|\[广告\]|^[>»\s]*广告\s*[:：｜|]|发布于\s*[\u4e00-\u9fff]{2,3}\s*$|作者原创|不感兴趣",
    re.IGNORECASE,
)
# Lines that open the way a page's chrome does: a byline, a tag list, the next post, a sign-in link.
_CHROME_START = re.compile(
    r"^(?:(?:posted|published|written)\s+(?:by|on)\b|(?:tags?|filed under)\s*[:：]|"
    r"(?:previous|next|prev)\s+(?:post|article|story)\b|read more$|continue reading|sign (?:in|up)(?:\s*[|/]|$)|"
    r"log ?in$|(?:来源|作者|责任编辑|关键词|(?:文档|文章)?标签|内容提要|文档简介|内容简介|文档摘要)\s*[:：])",
    re.IGNORECASE,
)
# A web page's byline holds two or more of these fields ("发布时间：2024-03-02 来源：原创 作者：小王"); a
# policy's own header ("发布日期：2025年3月1日") holds one and stays.
# An article's credits: "文｜渠道发展部　编辑｜阿May　审核｜周总" (two or more of them on one line).
_CREDIT = re.compile(r"(?:^|\s)(?:文|文字|作者|编辑|审核|校对|排版|责编|图|摄影|来源)\s*[｜|丨]\s*\S")
# A WeChat article's byline: "原创 市场部 某某润滑 2026年3月28日 09:30 江苏" (original, author, account, when, where).
_WECHAT_BYLINE = re.compile(r"^原创\s.{1,40}\d{4}年\d{1,2}月\d{1,2}日\s*\d{1,2}:\d{2}")
_BYLINE_FIELD = re.compile(r"(?:发布时间|发表时间|更新时间|来源|作者|责任编辑|浏览|阅读|点击)\s*[:：]")
MAX_CHROME_START_CHARS = 80
# Counters: "阅读 1,234", "评论(3)", "12人收藏", "浏览量：88", "3 comments", "1.2k views", "Likes: 40".
_COUNTER = re.compile(
    r"(?:阅读|浏览|评论|留言|点赞|收藏|分享|下载|举报|页数|字数|大小|热度|赞|在看)(?:量|次数|数)?\s*[:：(（]?\s*[\d.,]+[kKwW万]?|"
    r"[\d.,]+[kKwW万]?\s*(?:人|次|条)?\s*(?:阅读|浏览|评论|收藏|下载|点赞|赞)\b|"
    r"\b[\d.,]+[kK]?\s+(?:comments?|views?|likes?|shares?|downloads?|reads?)\b|"
    r"\b(?:page\s+)?(?:comments?|views?|likes?|shares?|downloads?)\s*[:(]\s*[\d.,]+|"
    r"\b\d+\s*min(?:ute)? read\b|\bviewed\s+[\d,.]+[kK]?\s+times\b",  # a blog's reading time, a wiki's views
    re.IGNORECASE,
)
_LETTER_SPACED = re.compile(r"(?<=[\u4e00-\u9fff]) (?=[\u4e00-\u9fff])")
# Cues that need company: a word about the web page itself next to a word about the site's trade.
_SITE = re.compile(
    # 注册 as signing up, not a registration certificate, number or capital (注册证, 注册号, 注册资本, 注册商标).
    r"网站|网页|页面|浏览器|首页|点击|登录|注册(?![证号资商地费])|导航|"
    r"website|web ?page|homepage|click|log ?in|sign ?up",
    re.IGNORECASE,
)
_TRADE = re.compile(
    r"下载|退款|付费|充值|会员|客服|投诉|举报|反馈|QQ(?:交流)?群|"
    r"download|refund|premium|membership|customer service|report",
    re.IGNORECASE,
)
# Page furniture: "第 3 页 共 10 页", "Page 3 of 10", "- 3 -", "3 / 10", a bare number.
# The same set in dashes or drawn rules ("- 第 3 页 / 共 7 页 -", "—— 第 2 页 / 共 7 页 ——", "━━━━ 第2页 / 共6页 ━━━━",
# "— Page 2 of 5 —"), or in brackets ("〔第3页 / 共9页〕", "[Page 2 of 5]").
_PAGE_NUMBER = re.compile(
    r"^(?:[-–—·.=*━─═┈┄╌〔【\[(（〈<]\s*)*(?:第\s*\d+\s*页(?:\s*[,，/／]?\s*共\s*\d+\s*页)?|共\s*\d+\s*页|"
    r"page\s+\d+(?:\s+of\s+\d+)?|\d+\s*/\s*\d+)(?:\s*[-–—·.=*━─═┈┄╌〕】\])）〉>])*$|^(?:[-–—━─═]+\s*\d+\s*[-–—━─═]+|\d{1,4})$",
    re.IGNORECASE,
)
# Breadcrumbs and menu bars: "首页 > 文档 > 管理", "Home | Products | About".
_TRAIL = re.compile(
    r"^(?:[^>|»/]{1,12}\s*(?:>|»|\||/|›)\s*){2,}[^>|»/]{0,20}$|"
    # with the steps set apart by spaces on both sides, longer ones ("Playbooks  /  Company Spotlights  /  …")
    r"^(?:[^>|»/。.!?]{1,30}\s(?:>|»|/|›)\s+){2,}[^>|»/。!?]{1,40}$"
)
_FIELD_VALUE = re.compile(r"[:：]\s*\S")
# A menu's items are set apart by a bar, two spaces or one ideographic space ("首页　文档分类　精品专区").
_MENU_SEPARATOR = re.compile(r"\s[|｜/·┊┆¦│]\s|\s{2,}|\u3000")
# A paid-download site's terms: "一经下载不支持退款", "下载后概不退款", "no refunds once downloaded".
_NO_REFUND_AFTER_DOWNLOAD = re.compile(
    r"下载.{0,8}(?:不支持|不予|概不|不可|不能|无法)\s*退|"
    r"no refunds?\b.{0,20}\b(?:once|after)\b.{0,20}\bdownload|\bdownloads? (?:are|is) (?:not )?non-?refundable",
    re.IGNORECASE,
)
MAX_NOTICE_CHARS = 120  # longer lines are prose that may mention a download; only counters count there
# A reader's comment under a shared document: "用户 hp_li**：内容很全…", "网友小王：谢谢分享".
_COMMENT = re.compile(r"^(?:用户|网友|游客|会员)\s*\S{1,20}\s*[:：]")
# A reader's comment with its date: a time or a colon right after it ("材料人阿杰  2024-05-20 13:47  请问…",
# "钢构老刘　2023-07-02：写得很实在"); "生效日期 2024-01-01 起执行" has neither.
_DATED_COMMENT = re.compile(
    r"^\S{1,16}\s+\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?\s+\S|\s*[:：]\s*\S)"
)
# A reply under a reader's comment ("老周 回复 阿杰：…"): chrome only right below a comment (a sales script's
# "销售 回复 客户：…" is a document's own line).
_REPLY = re.compile(r"^\S{1,16}\s+回复\s+\S{1,16}\s*[:：]")
# Words of a site's own pages that a company's text may also use ("积分商城", "会员中心", "快速回复客户"): chrome
# when a second site or trade word stands in the line, or when the line stands beside other chrome.
_WEAK_SITE = re.compile(r"快速回复|回帖|每日签到|积分商城|会员中心|版主|创作者|禁止转载|注明出处|不良信息")
# A notice drawn between rules: "———— 以下为文档预览 ————", "===== 广告 =====".
_RULED_NOTICE = re.compile(r"^[—\-=_*~·━─═┈]{2,}.+[—\-=_*~·━─═┈]{2,}$")
# A site's hotline ("客服热线：400-800-1234（工作日9:00-18:00）"): chrome only beside other chrome at the page's edge.
# A cookie banner pasted with the page, however long its sentences ("We use cookies 🍪 to personalise content …
# Accept · Reject non-essential", "本网站使用Cookie以提升您的浏览体验").
_COOKIES = re.compile(
    r"\b(?:we|this (?:site|website)) uses? cookies\b|(?:本网站|本站|我们)使用\s*cookies?", re.IGNORECASE
)
MAX_COOKIE_NOTICE_CHARS = 400
_LINK_ARROW = re.compile(r"\S\s*[›→▸»➜➔]$")
# A document's own header line names its number, version or effective date; a site's menu never does.
_DOCUMENT_FIELDS = re.compile(
    r"\b(?:version|rev\.|doc(?:ument)?\s+no\.?|effective)\s*\S|版本\s*[:：号]?\s*\S|文件编号|生效日期", re.IGNORECASE
)
_HOTLINE = re.compile(r"客服\s*[:：]|客服热线|客服电话|服务热线|customer service hotline", re.IGNORECASE)
# Tags under a post: "#劳保用品 #销售干货 #职场经验".
_HASHTAGS = re.compile(r"^(?:#\S+\s*){2,}$")
# A comment's footer line: "12小时前 · 回复 · 赞 88", "1天前 · 回复"; the line above it is the comment.
# Or its date and the commenter's province: "2023-11-09 · 广东　回复　♡ 56", "5月21日 · 来自广东　回复　👍 87".
_COMMENT_FOOTER = re.compile(
    r"^\s*(?:\d+\s*(?:秒|分钟|小时|天|周|个月|年)前|昨天|前天|\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}月\d{1,2}日)"
    r"(?:\s*[·・]\s*(?:来自)?[\u4e00-\u9fff]{2,3})?\s*[·・|｜\s]\s*回复"
)
# The rule a page draws around its ads: "—————— 广告 ——————", "--- Advertisement ---".
# Or the top of a box drawn around them ("┏━━━━ 广告 ━━━━┓").
_AD_MARKER = re.compile(
    r"^[—\-=_*~·\s┏┓╔╗┌┐━─═╳┈┄╌⋯▼▲]{2,}(?:广\s?告|推\s?广|赞\s?助|advertisement|sponsored)[—\-=_*~·\s┏┓╔╗┌┐━─═╳┈┄╌⋯▼▲]{2,}$",
    re.IGNORECASE,
)
MAX_AD_LINES = 4
# A web address: "wendanghui.com", "www.example.cn" (not an e-mail address).
_DOMAIN = re.compile(
    r"^(?:https?://)?(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|cn|net|org|info|io)(?:\.cn)?/?$", re.IGNORECASE
)
# A forum post's header: its floor ("楼主", "沙发", "板凳", "地板", "5#", "12楼") and the poster's name, short.
# (alone on its line too: "沙发", "５＃", counted only where two or more stand in a thread)
# The opening post's "楼主" only with its poster's name: alone it heads the thread's own text.
_FLOOR = re.compile(
    r"^(?:楼主(?:\s{1,4}\S{1,20}){1,4}|(?:沙发|板凳|地板|[\d０-９]{1,4}\s*[#＃]|[\d０-９]{1,4}\s*楼)(?:\s{1,4}\S{1,20}){0,4})$"
)


@dataclass(frozen=True)
class Dropped:
    """A line kept out of the document, with why (shown by `ingest --show`)."""

    line: str
    reason: str


# A line of one repeated mark ("=====", "-----", "*****") draws a rule: no text of the document, but a break. So
# does a drawn box's top or bottom, a small box's edge and a dotted rule.
_RULE = re.compile(
    r"^[=\-*_~#—─━·•╳┈┄╌]{10,}$|^[┏┗╔╚┌└][━═─]{8,}[┓┛╗╝┐┘]?$|^[┏┓┗┛╔╗╚╝┌┐└┘━═─]{2,}$|^(?:[·•]\s*){8,}$"
)
SEPARATOR = "separator line"
# A site's menu written as a row of bracketed links: 【首页】【行业资料】【企业管理】【合同范本】…
_BRACKET_MENU = re.compile(r"^(?:[【\[][^】\]]{1,8}[】\]]\s*){5,}$")


SITE_ADDRESS = "the site's name and address"
# The company's name above a document's title: page decoration, which as passage text became an "answer sentence".
LETTERHEAD = "the company's name above the title (letterhead)"
_FILE_NAME = re.compile(r"^\S[^。，,;；:：>›»]*\.(?:txt|docx?|pdf|pptx?|xlsx?|wps)$", re.IGNORECASE)


def _is_page_marker(text: str) -> bool:
    """A page marker, alone or with the site's name and address at its end or start ("—— 第 2 页 / 共 7 页 ——
    拾页文库 shiye.cn")."""
    if _PAGE_NUMBER.match(text):
        return True
    words = text.split()
    if len(words) <= 2:
        return False
    # The address last ("… 拾页文库 shiye.cn") or first ("shiye.cn 拾页文库 …"), with or without the name beside it.
    if _DOMAIN.match(words[-1]):
        rests = [words[:-1], words[:-2]]
    elif _DOMAIN.match(words[0]) or _DOMAIN.match(words[1]):
        rests = [words[1:], words[2:]]
    else:
        return False
    return any(_PAGE_NUMBER.match(" ".join(rest)) for rest in rests)


def boilerplate_reason(line: str) -> str | None:
    """Why this line is site or page chrome, or None when it is the document's own text."""
    text = " ".join(line.split())
    if not text:
        return None
    if _RULE.match(text):
        return SEPARATOR
    if len(text) <= MAX_COOKIE_NOTICE_CHARS and _COOKIES.search(text):
        return "cookie notice"  # a whole banner on one line, its buttons after its sentences
    segments = _SEGMENT.split(text)
    if len(segments) >= 2 and all(_PAGE_STAMP.match(seg) or _COUNTER.fullmatch(seg) for seg in segments):
        return "the page's stamp"  # "Last updated 12 Feb 2026 by Service Marketing · 1,204 views · Page ID SH-0417"
    if _BRACKET_MENU.match(text):
        return "site menu"
    if _is_page_marker(text):
        return "page number"
    if _CONTENTS_ENTRY.match(text):
        return "table of contents"
    # A field whose values are separated by slashes ("排水方式：水箱 / 连续排水 / 内置泵上排水") is a spec line,
    # not a breadcrumb: a trail has no "label:" before its steps.
    # Nor is a spec line whose label or values hold slashes ("阀体/阀球/阀杆材质：CF8M / SS316 / SS316"): a trail
    # has no "label: value" in it.
    if _TRAIL.match(text) and not re.search(r"[。！？.!?]$", text) and not _FIELD_VALUE.search(text):
        return "navigation"
    if len(text) <= MAX_CHROME_START_CHARS and _FILE_NAME.search(text):
        return "the file's name as the site lists it"  # "……销售流程.txt", "岗位职责(完整版).docx"
    words = text.split()
    if len(text) <= SITE_NAME_CHARS and 2 <= len(words) <= 3 and any(_DOMAIN.match(w) for w in words[1:]):
        return SITE_ADDRESS  # "简牍网 JIANDU.NET": a site's name with its address
    if (
        len(text) <= MAX_SITE_BANNER_CHARS
        and len(words) >= 3
        and _DOMAIN.match(words[1])
        and not re.search(r"[。！？!?:：]", text)
    ):
        return SITE_ADDRESS  # "墨格文档 mogedoc.com ·· 让好文档流动起来 ··": the name, the address, a slogan
    if len(text) <= MAX_CHROME_START_CHARS:
        if start := _CHROME_START.match(text):
            return f"page chrome ({start.group(0).strip()})"
        if len(_BYLINE_FIELD.findall(text)) >= 2 or _WECHAT_BYLINE.match(text) or len(_CREDIT.findall(text)) >= 2:
            return "byline"
        if _AD_MARKER.match(text):
            return "advertisement marker"
    if len(text) <= MAX_NOTICE_CHARS:
        # a letter-spaced notice ("闪 电 下 载", "推 广") reads as written without the spaces
        squeezed = _LETTER_SPACED.sub("", text)
        strong = _STRONG.search(text) or (squeezed != text and _STRONG.search(squeezed)) or None
        if strong:
            return f"site notice ({strong.group(0)})"
        if _COUNTER.search(text) and len(text) <= 60:
            return "counter"
        # "B2B销售从0到1 · 限时 ¥9.9　去看看 ›", "Book a demo →": a line ending in an arrow is a link or a button.
        if _LINK_ARROW.search(text) and not _NUMBERED.match(text):
            return "a link (ends in an arrow)"
        if _DATED_COMMENT.match(text):
            return "reader's comment"
        if _HASHTAGS.match(text):
            return "tags"
        if _COMMENT_FOOTER.search(text):
            return "comment footer"
        site, trade = _SITE.search(text), _TRADE.search(text)
        weak = {m.group(0) for m in _WEAK_SITE.finditer(text)}
        # A site's watermark names its address: "墨斗文库 modouwenku.cn ▪ 北方冷柜人 ▪ 禁止转载".
        if weak and (site or len(weak) >= 2 or any(_DOMAIN.match(word) for word in words)):
            return f"site notice ({', '.join(sorted(weak))})"
        if site and trade:
            return f"site notice ({site.group(0)}, {trade.group(0)})"
        # (on the line as written: `text` has its runs of spaces and ideographic spaces folded into one space)
        # "Document No. XR-SP-006 / Version 1.4 / Owner: Customer Service": the document's own header.
        if len(_MENU_SEPARATOR.findall(line.strip())) >= 2 and (site or trade) and not _DOCUMENT_FIELDS.search(text):
            return "site menu"
        # A download word beside another trade word is a short site notice; beside a hotline and a QQ group
        # ("下载遇到问题？…客服热线…QQ交流群") the site's help line at any notice length. A company's own line about
        # downloading a refund form from OA for customer service is not.
        trades = {m.group(0).lower() for m in _TRADE.finditer(text)}
        qq_group = any(t.startswith("qq") for t in trades)
        if trades & {"下载", "download"} and (
            (len(trades) >= 3 and qq_group) or (len(trades) >= 2 and len(text) <= 50)
        ):
            return f"site notice ({', '.join(sorted(trades))})"
        if _NO_REFUND_AFTER_DOWNLOAD.search(text):
            return "site notice (no refund once downloaded)"
    elif len(_COUNTER.findall(text)) >= 2:
        return "counter"
    return None


def split_boilerplate(lines: Sequence[str]) -> tuple[list[str], list[Dropped]]:
    """Keep the document's own lines (blank lines too, for paragraph breaks); drop chrome with its reason.

    A short line naming the web page itself ("首页", "点击", "login") is also dropped when it stands in the
    leading or trailing run of chrome (a site's menu above the article, its footer below).
    """
    lines = _unquoted(lines)
    reasons = [boilerplate_reason(line) for line in lines]
    _recommended_lists(lines, reasons)
    for edge in (range(len(lines)), range(len(lines) - 1, -1, -1)):
        for i in edge:
            text = lines[i].strip()
            if not text or reasons[i]:
                continue
            if _SITE.search(text) and len(text) <= 40:
                reasons[i] = "site notice next to other chrome"
                continue
            if (_COMMENT.match(text) or "👍" in text) and len(text) <= MAX_NOTICE_CHARS:
                reasons[i] = "reader's comment next to other chrome"
                continue
            if _HOTLINE.search(text) and len(text) <= MAX_NOTICE_CHARS and _beside_chrome(lines, reasons, i):
                reasons[i] = "the site's hotline next to other chrome"
                continue
            trades = {m.group(0).lower() for m in _TRADE.finditer(text)}
            if len(trades) >= 2 and len(text) <= MAX_NOTICE_CHARS:
                # "文库客服热线：400-…  官方QQ交流群：…  微信客服：…" among the site's lines: its help desk.
                reasons[i] = f"site notice next to other chrome ({', '.join(sorted(trades))})"
                continue
            break
    _chrome_runs(lines, reasons)
    _ad_blocks(lines, reasons)
    _chrome_boxes(lines, reasons)
    _forum_floors(lines, reasons)
    _comment_headers(lines, reasons)
    _replies_to_comments(lines, reasons)
    _weak_cues_beside_chrome(lines, reasons)
    _comments_above_footers(lines, reasons)
    _comments_under_header(lines, reasons)
    _forum_replies(lines, reasons)
    _repost_bounds(lines, reasons)
    subject = _email_thread(lines, reasons)
    _repeated_lines(lines, reasons)
    _contents_list(lines, reasons)
    _one_step_trails(lines, reasons)
    _site_page_titles(lines, reasons)
    _listed_titles(lines, reasons)
    _site_names(lines, reasons)
    _mastheads(lines, reasons)
    _slogans_under_names(lines, reasons)
    _author_names(lines, reasons)
    _after_the_end(lines, reasons)
    _dense_edges(lines, reasons)
    # A rule line stays as a blank line: the paragraph break it drew.
    kept = [
        without_counters(line) if reason is None else ""
        for line, reason in zip(lines, reasons, strict=True)
        if reason is None or reason == SEPARATOR
    ]
    if subject:  # an e-mail thread's title: its subject, above the messages
        kept = [subject, "", *kept]
    dropped = [Dropped(line.strip(), reason) for line, reason in zip(lines, reasons, strict=True) if reason]
    return kept, dropped


_SEGMENT = re.compile(r"\s+[|｜·•]\s+")
# A page's own stamp: when it was last changed and by whom, its id in the site's system.
_PAGE_STAMP = re.compile(
    r"^(?:last (?:updated|edited|modified)\b|page id\b|(?:页面|文章|文档)\s*id\b|最后(?:更新|修改|编辑))", re.IGNORECASE
)


def without_counters(line: str) -> str:
    """A page's meta line keeps its company fields and loses its view counter: "Document No. HR-SVC-002 | Owner:
    Customer Service | 1,284 views" -> "Document No. HR-SVC-002 | Owner: Customer Service"."""
    head, dot, tail = line.rstrip().rpartition(". ")
    if dot and head.strip() and len(tail) <= 30 and _COUNTER.fullmatch(tail.strip()):
        # A closing sentence that is a counter: "Last reviewed 2 March 2026 by QA. Page views: 1,284".
        return head + "."
    parts = _SEGMENT.split(line)
    if len(parts) < 2:
        return line
    kept = [part for part in parts if not (len(part) <= 30 and _COUNTER.fullmatch(part.strip()))]
    return " | ".join(kept) if kept and len(kept) < len(parts) else line


MIN_REPEATED_CHARS = 12
MIN_REPEATS = 3
# A forum signature sets its phone beside a slogan; a company's contact line said twice has no such bar.
_SIGNATURE_SEPARATOR = re.compile(r"☎|\S\s*[｜|]\s*\S")
# A page's own number in a repeated line: "Page 2 of 4", "第 2 页 / 共 4 页", "2/4".
_PAGE_OF = re.compile(
    r"page\s+\d+(?:\s+of\s+\d+)?|第\s*\d+\s*页(?:\s*\S?\s*共\s*\d+\s*页)?|\b\d+\s*/\s*\d+\b", re.IGNORECASE
)


def _repeated_lines(lines: Sequence[str], reasons: list[str | None]) -> None:
    """A text export of a printed document repeats its page header and footer on every page ("Kestrel Valve &
    Controls Ltd.   Distributor Sales Policy   KVC-SP-014 Rev. 3", "CONFIDENTIAL   Page 2 of 4"): a line of
    MIN_REPEATED_CHARS or more met MIN_REPEATS times (page numbers aside) is page furniture. Table rows and
    numbered lines repeat by nature and stay."""
    keys = [_PAGE_OF.sub("#", " ".join(line.split())) for line in lines]
    counts = Counter(keys)
    for i, key in enumerate(keys):
        if (
            reasons[i] is None
            and counts[key] >= MIN_REPEATS
            and len(key) >= MIN_REPEATED_CHARS
            and not key.startswith("|")
            and not _NUMBERED.match(key)
        ):
            reasons[i] = "repeated on every page"
        elif (
            reasons[i] is None
            and counts[key] >= 2
            and MIN_REPEATED_CHARS <= len(key) <= MAX_NOTICE_CHARS
            and _CONTACT.search(key)
            and _SIGNATURE_SEPARATOR.search(key)
            and not key.startswith("|")
            and not _NUMBERED.match(key)
        ):
            # "包装找青禾☎0571-8673 5521｜做销售，就是把信任装进盒子里📦" under each of a poster's floors
            reasons[i] = "a signature repeated under each post"


MAX_CHROME_GAP = 3  # unrecognised short lines above a page's chrome that may still be the site's


def _chrome_runs(lines: Sequence[str], reasons: list[str | None]) -> None:
    """A page's first block (down to its first blank line or rule, with the document below it) that holds two or more
    lines of site chrome: the few short lines above the first of them are the site's too (its name and slogan
    above its menu, a sign-in prompt). Lines after the first chrome line keep their own judgement: an article's
    title sits between the site's menu and its byline."""
    block: list[int] = []
    for i, line in enumerate(lines):
        if line.strip() and reasons[i] != SEPARATOR:
            block.append(i)
        elif block:
            break  # a blank line or a rule ("-----") ends the block
    if not block or not any(line.strip() for line in lines[block[-1] + 1 :]):
        return  # the whole file is one block: no document below the site's run
    found = [i for i in block if reasons[i]]
    if len(found) < 2:
        return
    above = [i for i in block if i < found[0]]
    if len(above) > MAX_CHROME_GAP or any(len(lines[i].strip()) > MAX_NOTICE_CHARS for i in above):
        return
    for i in above:
        reasons[i] = "site chrome above the page's other chrome"


# An e-mail thread pasted as text: each message's header fields, the quoted-message separators, the senders'
# signatures, the phone's "sent from" line, the confidentiality notice and the mail gateway's stamp.
_MAIL_FIELD = re.compile(
    r"^(?:发件人|发送时间|发送日期|收件人|抄送|密送|主题|附件|日期|时间|"
    r"from|sent|date|to|cc|bcc|subject|attachments?|importance|priority|重要性|优先级)\s*[:：]",
    re.IGNORECASE,
)
# A reply's attribution line above the quoted message: "On Fri, 12 Apr 2024 at 16:47, Grace <…> wrote:".
_ATTRIBUTION = re.compile(r"^on .{5,100}\bwrote:$|^在\s*.{5,80}写道[:：]$", re.IGNORECASE)
_MAIL_QUOTE = re.compile(
    r"^[-=_*\s]*(?:邮件原件|原始邮件|转发邮件|转发的邮件|original message|forwarded message)[-=_*\s]*$|"
    + _ATTRIBUTION.pattern,
    re.IGNORECASE,
)
_MAIL_FOOTER = re.compile(
    r"^[【\[]?\s*(?:发自我的|sent from (?:my|outlook|mail)|get outlook for|保密声明|免责声明|confidentiality notice|"
    r"disclaimer\s*[:：\]】]|this (?:e-?mail|message) (?:and|is|may|contains)|"
    r"this (?:e-?mail|message)\b.{0,40}\b(?:confidential|privileged))|病毒扫描|scanned by|virus[- ]checked|"
    # A mail gateway's stamp: "This message was scanned for viruses and spam. No threats detected."
    r"scanned for (?:viruses|malware|spam)|no threats? (?:were |was )?(?:detected|found)|未发现病毒|"
    # An auto-reply's stamp and a list mail's "do not reply" notice.
    r"此邮件为自动回复|^(?:automatic reply|auto-?reply)\b|"
    r"请勿(?:直接)?回复(?:此|本)邮件|do not reply (?:to )?(?:this|the) (?:e-?mail|message)|"
    # An outside sender's warning banner and an inline picture's placeholder ("[cid:image001.png@01DA…]").
    r"originated from outside|^\[external\]|^\[cid:|"
    r"打印前|打印之前|think before (?:you )?print",
    re.IGNORECASE,
)
# A signature's contact or address line: phones, fax, mailbox, a street address ("3F, Building B, 1888 Huaxia
# Road", "浦东新区华夏路1888号B座3楼").
_CONTACT = re.compile(
    r"手机|座机|电话|传真|邮箱|地址|tel\b|mobile|phone|fax|e-?mail\s*[:：]|\d{3,4}[- ]\d{4}|"
    r"\b(?:road|rd\.|street|st\.|avenue|building|floor|suite)\b|\d+F,|\d+号|大厦",
    re.IGNORECASE,
)
MIN_MAIL_FIELDS = 3  # header fields in one block for a text to be an e-mail thread
MAX_SIGNATURE_LINES = 6
_COMPANY_END = re.compile(r"\b(?:co|co\.,?\s*ltd|ltd|inc|corp|llc|gmbh|pte\.?\s*ltd|plc)\.$", re.IGNORECASE)
MAX_SIGNATURE_CHARS = 60  # "Director, Channel Sales | Guangchu Energy Co., Ltd." is 51
MAX_SLOGAN_CHARS = 40
# A reply quotes the message below it line by line: "> From: …", ">> Sent: …".
_QUOTE_MARK = re.compile(r"^\s*(?:>\s?)+")


_MAIL_SUBJECT = re.compile(r"^(?:主题|subject)\s*[:：]\s*", re.IGNORECASE)
_REPLY_PREFIX = re.compile(
    r"^(?:(?:回复|答复|转发|re|fw|fwd|aw|wg)\s*[:：]\s*|[【\[](?:重要|紧急|important|urgent)[】\]]\s*)+", re.IGNORECASE
)
_SALUTATION = re.compile(r"^\S.{0,15}[：:,，]$")
MAX_SALUTATION_CHARS = 16


def _unquoted(lines: Sequence[str]) -> Sequence[str]:
    """An e-mail thread's quoted messages without their quote marks ("> From: …" -> "From: …"), so that their
    header blocks, signatures and notices read as the top message's do and their words as plain text. Only in a
    text quoting MIN_MAIL_FIELDS header fields, or quoting as many lines under a reply's attribution ("On …, Grace
    <…> wrote:"): a line of a manual that begins with ">" stays as written."""
    quoted = [line[mark.end() :].strip() for line in lines if (mark := _QUOTE_MARK.match(line))]
    fields = sum(1 for text in quoted if _MAIL_FIELD.match(text))
    # or the reply's attribution line above quoted text ("On Fri, … Grace <…> wrote:")
    attributed = any(_ATTRIBUTION.match(_QUOTE_MARK.sub("", line).strip()) for line in lines)
    if fields < MIN_MAIL_FIELDS and not (attributed and len(quoted) >= MIN_MAIL_FIELDS):
        return lines
    return [_QUOTE_MARK.sub("", line) for line in lines]


def _email_thread(lines: Sequence[str], reasons: list[str | None]) -> str:
    """A forwarded e-mail thread keeps its messages' words and loses the mail around them: header blocks
    (发件人/发送时间/收件人/主题, From/Sent/To/Subject), the quoted-message separators, "发自我的华为手机", the
    confidentiality notice, the gateway's stamp, and each sender's signature (the short lines or contact lines
    between a message's last sentence and the next header, separator or footer). Only in a text with a block of
    MIN_MAIL_FIELDS header fields: a policy's own "主题：" line or a "保密声明" heading elsewhere stays. The
    salutation under a header ("王磊：", "Hi all,") goes too. Returns the thread's subject without its reply and
    forward prefixes (the document's title), "" for a text that is no e-mail thread."""
    fields = [bool(_MAIL_FIELD.match(line.strip())) for line in lines]
    runs = itertools.groupby(range(len(lines)), key=lambda i: fields[i])
    attributed = any(_ATTRIBUTION.match(line.strip()) for line in lines)  # "On …, Grace <…> wrote:"
    if not any(field and len(list(run)) >= MIN_MAIL_FIELDS for field, run in runs) and not attributed:
        return ""
    subjects = [_MAIL_SUBJECT.sub("", line.strip()) for line in lines if _MAIL_SUBJECT.match(line.strip())]
    subject = _REPLY_PREFIX.sub("", subjects[0]).strip() if subjects else ""
    edges: list[int] = []  # lines a signature ends above: header blocks, separators, footers, the text's end
    for i, line in enumerate(lines):
        text = line.strip()
        if reasons[i] not in (None, SEPARATOR):
            continue
        if fields[i] or _MAIL_QUOTE.match(text):
            reasons[i] = "e-mail header"
        elif _MAIL_FOOTER.search(text):
            reasons[i] = "e-mail footer"
        else:
            continue
        edges.append(i)
    edges.append(len(lines))
    for edge in edges:
        run: list[int] = []
        for j in range(edge - 1, -1, -1):
            text = lines[j].strip()
            if not text or reasons[j] == SEPARATOR:
                continue
            if reasons[j] is not None:
                if run:
                    break
                continue  # the footer's other lines, a separator
            # A sentence ends the message's text; "Example Co., Ltd." is a signature's company line, not one.
            # Nor is "Director, Channel Sales | Guangchu Energy Co., Ltd.", however many words it has.
            # So is a sentence in brackets or quotes ("[No. Without a nameplate there is no credit.]").
            closed = text.rstrip("\"'”’)]）】")
            sentence = re.search(r"[。！？!?；;：:]$", closed) or (
                closed.endswith(".") and len(text.split()) >= 5 and not _COMPANY_END.search(closed)
            )
            # A company's slogan closes the signature under its contact lines ("Keep it cool. Keep it fresh.").
            above, _below = _neighbours(lines, j)
            slogan = not run and len(text) <= MAX_SLOGAN_CHARS and above is not None and _CONTACT.search(lines[above])
            short = len(text) <= MAX_SIGNATURE_CHARS and (not sentence or bool(slogan))
            if len(run) >= MAX_SIGNATURE_LINES or _NUMBERED.match(text) or not (short or _CONTACT.search(text)):
                break
            run.append(j)
        for j in run:
            reasons[j] = "e-mail signature"
    for i, line in enumerate(lines):
        # the first line of a message under its header block (a blank line between)
        above, _below = _neighbours(lines, i)
        text = line.strip()
        under_header = above is not None and fields[above] and reasons[above] == "e-mail header"
        if not text or not under_header or reasons[i] is not None:
            continue
        if len(text) <= MAX_SALUTATION_CHARS and _SALUTATION.match(text):
            reasons[i] = "e-mail salutation"
    _automatic_replies(lines, reasons)
    return subject


_AUTO_REPLY_SUBJECT = re.compile(
    r"^(?:主题|subject)\s*[:：]\s*(?:自动回复|automatic reply|auto-?reply|out of (?:the )?office)", re.IGNORECASE
)


def _automatic_replies(lines: Sequence[str], reasons: list[str | None]) -> None:
    """An out-of-office reply in a thread ("Subject: Automatic reply: RE: …"): its words, down to the next header
    or separator, are the mail system's, not the thread's."""
    for i, line in enumerate(lines):
        if not _AUTO_REPLY_SUBJECT.match(line.strip()):
            continue
        j = i + 1
        while j < len(lines) and reasons[j] in (None, "e-mail header", "e-mail footer", "e-mail salutation"):
            if reasons[j] == "e-mail header" and j > i + 1 and not lines[j - 1].strip():
                break  # the next message's header block
            if lines[j].strip() and reasons[j] is None:
                reasons[j] = "an automatic reply"
            j += 1


CHROME_SHARE = 0.7  # of a page's closing lines that are chrome, for the lines among them to be too
HEAD_SHARE = 0.6  # of its opening lines, where the run must also end on a rule or a blank line
MIN_EDGE_CHROME = 4
_NUMBERED = re.compile(
    r"^(?:[一二三四五六七八九十]+、|第[一二三四五六七八九十百\d]+[章节条部分]|[(（][一二三四五六七八九十\d]+[)）]|\d+(?:\.\d+)*[.、)）]\s*\S)"
)
# Chrome that sits inside a document as well as around it (an ad between its parts, a page marker) says nothing
# about where the page's own chrome begins or ends.
_INSIDE_CHROME = frozenset(
    {"advertisement marker", "advertisement", "page number", "e-mail header", "e-mail footer", "e-mail signature"}
)


def _dense_edges(lines: Sequence[str], reasons: list[str | None]) -> None:
    """A page's opening run where most lines are chrome (menus, search box, counters, the document's file name
    and blurb between them), and likewise its closing run (download terms, the help line, reader comments
    between their headers and counters): the few unrecognised lines inside such a run are the site's too.
    The run is the longest opening (shortest closing) stretch ending (starting) on a chrome line with at
    least MIN_EDGE_CHROME chrome lines and HEAD_SHARE (CHROME_SHARE) of its lines chrome, and stops at a
    numbered heading or item: the document's own text has begun (ended) there. An opening run must end on a rule
    or a blank line, the page's own break between its chrome and the article: a title between the site's menu
    and the article's byline, with no break under it, stays."""
    filled = [i for i, line in enumerate(lines) if line.strip() and reasons[i] not in _INSIDE_CHROME]
    if len(filled) < 2 * MIN_EDGE_CHROME:
        return

    def mark(run: Sequence[int], why: str) -> None:
        for i in run:
            if reasons[i] is None:
                reasons[i] = why

    chrome = 0
    head: list[int] = []
    for n, i in enumerate(filled, 1):
        if reasons[i] is None and _NUMBERED.match(lines[i].strip()):
            break  # the document has begun
        chrome += reasons[i] is not None
        # (a notice drawn between rules, "———— 以下为文档预览（第1页/共6页）————", closes the run as a rule does)
        closed = (
            reasons[i] == SEPARATOR
            or (i + 1 < len(lines) and not lines[i + 1].strip())
            or (reasons[i] is not None and _RULED_NOTICE.match(lines[i].strip()) is not None)
        )
        if closed and reasons[i] is not None and chrome >= MIN_EDGE_CHROME and chrome >= HEAD_SHARE * n:
            head = filled[:n]
    if len(head) < len(filled):
        mark(head, "inside the page's opening chrome")
    chrome = 0
    tail: list[int] = []
    for n, i in enumerate(reversed(filled), 1):
        if reasons[i] is None and _NUMBERED.match(lines[i].strip()):
            break
        chrome += reasons[i] is not None
        if reasons[i] is not None and chrome >= MIN_EDGE_CHROME and chrome >= CHROME_SHARE * n:
            tail = filled[len(filled) - n :]
    if len(tail) < len(filled):
        mark(tail, "inside the page's closing chrome")


# The end of an article as its page marks it: WeChat's "- END -", a document site's preview cut-off.
_THE_END = re.compile(
    r"^[^\w]*(?:END|THE END|全文完|[（(]本文完[）)]|(?:免费|全文)?预览已?结束.*|(?:免费)?试读已?结束.*)"
    r"[-—–=~·\s]*$",
    re.IGNORECASE,
)
MIN_CHROME_AFTER_END = 2
# The document's own numbered lines (`_NUMBERED`: "（四）回款与客户维护", "2.回款逾期超过60天的…"): below a preview's
# end mark ("—— 试读结束，剩余4页需下载后阅读 ——" then "【会员已为您展开全文】"), three of them say the article goes
# on. A site's numbered download terms below the real end ("2.下载后…", "3.卷币为虚拟商品…") have no part heading
# among them; the article's rest does ("（四）回款与客户维护", "三、项目跟进流程").
_PART_HEADING = re.compile(
    r"^(?:[（(][一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+、|第[一二三四五六七八九十\d]+[章条])"
)
MIN_LINES_GOING_ON = 3


def _after_the_end(lines: Sequence[str], reasons: list[str | None]) -> None:
    """Everything below a page's end-of-article mark is the page's (its account card, comments with the author's
    replies, download terms), when at least MIN_CHROME_AFTER_END lines there are recognised chrome: a mark
    with the document going on below it (a slide titled "The End" before an appendix, a preview's end with the
    rest of the numbered article below) keeps its text."""
    ends = [i for i, line in enumerate(lines) if _THE_END.match(line.strip())]
    if not ends:
        return
    below = range(ends[-1] + 1, len(lines))
    if sum(reasons[i] is not None for i in below) < MIN_CHROME_AFTER_END:
        return
    own = [lines[i].strip() for i in below if reasons[i] is None and _NUMBERED.match(lines[i].strip())]
    if len(own) >= MIN_LINES_GOING_ON and any(_PART_HEADING.match(line) for line in own):
        reasons[ends[-1]] = reasons[ends[-1]] or "a preview's end mark with the article going on below it"
        return
    for i in [ends[-1], *below]:
        if lines[i].strip() and reasons[i] is None:
            reasons[i] = "below the article's end"


def _ad_blocks(lines: Sequence[str], reasons: list[str | None]) -> None:
    """The few short lines between two ad rules ("—————— 广告 ——————" above and below), or between an ad box's top
    and its bottom ("┏━━ 广告 ━━┓" … "┗━━━━━━┛"), are the ads themselves."""
    markers = [i for i, reason in enumerate(reasons) if reason == "advertisement marker"]
    ends = [i for i, reason in enumerate(reasons) if reason == SEPARATOR and lines[i].strip()[:1] in "┗╚└╳┈┄╌"]
    for start in markers:
        end = min((i for i in [*markers, *ends] if i > start), default=None)
        if end is None:
            continue
        inside = [j for j in range(start + 1, end) if lines[j].strip()]
        if 0 < len(inside) <= MAX_AD_LINES and all(len(lines[j].strip()) <= MAX_NOTICE_CHARS for j in inside):
            for j in inside:
                reasons[j] = reasons[j] or "advertisement"


_BOX_TOP = "┌┏╔"
_BOX_SIDE = "│┃║"
_BOX_BOTTOM = "└┗╚"


def _chrome_boxes(lines: Sequence[str], reasons: list[str | None]) -> None:
    """A box drawn around a page's widget ("┌ 🤖 AI 一键速读 ───" … "│ 本文介绍了…" … "└────"): when its top line is
    chrome, so are its sides' lines and its bottom."""
    i = 0
    while i < len(lines):
        top = lines[i].strip()
        if top[:1] in _BOX_TOP and reasons[i] not in (None, SEPARATOR):
            j = i + 1
            while j < len(lines) and lines[j].strip()[:1] in _BOX_SIDE:
                reasons[j] = reasons[j] or "inside the page's widget box"
                j += 1
            if j < len(lines) and lines[j].strip()[:1] in _BOX_BOTTOM:
                reasons[j] = reasons[j] or SEPARATOR
                j += 1
            i = j
        else:
            i += 1


def _neighbours(lines: Sequence[str], i: int) -> tuple[int | None, int | None]:
    """The nearest non-blank lines above and below line i (None at the text's edge)."""
    above = next((j for j in range(i - 1, -1, -1) if lines[j].strip()), None)
    below = next((j for j in range(i + 1, len(lines)) if lines[j].strip()), None)
    return above, below


def _beside_chrome(lines: Sequence[str], reasons: list[str | None], i: int) -> bool:
    """The nearest non-blank line above or below line i is a site's chrome (a page number is a document's own)."""
    return any(j is not None and reasons[j] not in (None, "page number") for j in _neighbours(lines, i))


_ONE_STEP = re.compile(r"^[^>›»。.!?:：]{1,30}\s*[>›»]\s*[^>›»。.!?:：]{1,40}$")


def _one_step_trails(lines: Sequence[str], reasons: list[str | None]) -> None:
    """A breadcrumb one step deep ("SALES & MARKETING › Inside Sales") beside the page's chrome is navigation,
    not a heading; the longer trails are caught on their own."""
    for i, line in enumerate(lines):
        if reasons[i] is None and _ONE_STEP.match(line.strip()) and _beside_chrome(lines, reasons, i):
            reasons[i] = "navigation"


_THREAD_WORDS = re.compile(r"楼主|帖子|回帖|点赞")


def _forum_floors(lines: Sequence[str], reasons: list[str | None]) -> None:
    """Floor headers ("沙发  锅铲侠阿斌", "5#  楼主  老王") in a forum thread: two or more of them, or one beside a
    "发表于" stamp; a lone "3楼 销售部" or "地板 强化复合 12mm" is a document's own line."""
    floors = [i for i, line in enumerate(lines) if reasons[i] is None and _FLOOR.match(" ".join(line.split()))]
    opening = [i for i, line in enumerate(lines) if reasons[i] is None and line.strip() == "楼主"]
    stamped = any("发表于" in line for line in lines)
    threaded = any(_THREAD_WORDS.search(line) for line in lines)
    if floors and (stamped or (len(floors) + len(opening) >= 2 and threaded)):
        for i in floors:
            reasons[i] = "forum post header"
        for i in opening:  # the thread's own post: its words are the document
            reasons[i] = "the opening post's header"


# A comment's header line, its text on the next line: "Rob Keeling · 2 days ago", "↪ Dana (author) · 1 day ago",
# "▷ 工控小白2020　2024.05.10", "└ ▷ 老周 回复 工控小白2020　2024.05.10".
_COMMENT_HEADER = re.compile(
    r"^[▷►▶•·└├↪↳\s]*[^\s:：][^:：]{0,30}?\s*(?:[·•|｜]\s*\d+\s*(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?)\s+ago|"
    r"[·•|｜]?\s*\d+\s*(?:秒|分钟|小时|天|周|个月|年)前|\s\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?:\s+\d{1,2}:\d{2})?)$",
    re.IGNORECASE,
)
MIN_COMMENT_HEADERS = 2
MAX_COMMENT_CHARS = 80  # a reader's one-line comment; longer text under a "name, date" line is a post's own


def _comment_headers(lines: Sequence[str], reasons: list[str | None]) -> None:
    """Reader comments laid out as a header (the commenter and when) over the comment's text: with two or more
    such headers in the text, each header and the short line under it are the page's comments. One "营销中心
    2025-03-01" under a notice is its own signature line and stays; so does a labelled answer header
    ("回答者：老王 2023-09-14") over a Q&A page's answer."""
    headers = [i for i, line in enumerate(lines) if reasons[i] is None and _COMMENT_HEADER.match(line.strip())]
    if len(headers) < MIN_COMMENT_HEADERS:
        return
    for i in headers:
        reasons[i] = "a reader's comment header"
        _above, below = _neighbours(lines, i)
        if below is None or reasons[below] is not None:
            continue
        text = lines[below].strip()
        if len(text) <= MAX_COMMENT_CHARS and not _NUMBERED.match(text):
            reasons[below] = "reader's comment"


def _replies_to_comments(lines: Sequence[str], reasons: list[str | None]) -> None:
    """"老周 回复 阿杰：…" right below a reader's comment (or another such reply) is a reply to it."""
    for i, line in enumerate(lines):
        if reasons[i] is None and _REPLY.match(line.strip()):
            above, _below = _neighbours(lines, i)
            if above is not None and reasons[above] in ("reader's comment", "a reply to a reader's comment"):
                reasons[i] = "a reply to a reader's comment"


def _weak_cues_beside_chrome(lines: Sequence[str], reasons: list[str | None]) -> None:
    """A short line with one weak site word ("趣读号创作者") beside the page's chrome is chrome too (judged against
    the chrome found before this pass, so one such line does not carry its neighbour along)."""
    before = list(reasons)
    for i, line in enumerate(lines):
        text = line.strip()
        short = len(text) <= MAX_NOTICE_CHARS
        if before[i] is None and short and _WEAK_SITE.search(text) and _beside_chrome(lines, before, i):
            reasons[i] = "site notice beside other chrome"


_COMMENTS_HEADER = re.compile(r"评论|留言|comments?", re.IGNORECASE)
_NAMED_REMARK = re.compile(r"^(?!问|答|Q\b|A\b)\S{1,16}\s*[:：]\s*\S")  # an FAQ's 问：/答： is no reader


def _comments_under_header(lines: Sequence[str], reasons: list[str | None]) -> None:
    """Under a comments header that is chrome ("网友评论（87）："), the run of "name：words" lines are readers'
    comments ("蓝色星空：3-6-1付款在开发商那边很难执行吧"), up to the first line of another shape."""
    for i, reason in enumerate(reasons):
        if not reason or not _COMMENTS_HEADER.search(lines[i]):
            continue
        j = i + 1
        while j < len(lines):
            text = lines[j].strip()
            if text and reasons[j] is None:
                if len(text) > MAX_NOTICE_CHARS or not _NAMED_REMARK.match(text):
                    break
                reasons[j] = "a reader's comment under the comments header"
            j += 1


def _comments_above_footers(lines: Sequence[str], reasons: list[str | None]) -> None:
    """The short lines right above a comment's footer ("12小时前 · 回复 · 赞 88") are the comment and the author's
    reply to it ("山东老刘：写得很实在…")."""
    for i, reason in enumerate(reasons):
        if not reason or not _COMMENT_FOOTER.search(lines[i]):
            continue
        j = i - 1
        while j >= 0 and i - j <= 3 and lines[j].strip() and not _COMMENT_FOOTER.search(lines[j]):
            if reasons[j] is None:
                if len(lines[j].strip()) > MAX_NOTICE_CHARS:
                    break
                reasons[j] = "a reader's comment above its footer"
            elif "回复" not in lines[j]:
                break  # other chrome (tags, a share bar) ends the comment; only the author's reply sits inside it
            j -= 1


MAX_NUMBERING = 6  # characters a heading's numbering may add before a contents entry's words ("一、", "2.1 ")
_CONTENTS = re.compile(
    r"^(?:文档|本文|全文)?(?:目录|目\s+录|contents|table of contents)\s*(?:[（(][^）)]{1,8}[）)])?\s*[:：]?$",
    re.IGNORECASE,
)
# An entry of a table of contents: its heading, a dot leader and the page ("岗位概述 ········· P1", "Scope ..... 3").
_CONTENTS_ENTRY = re.compile(r"^\S.{0,40}?\s*(?:[·.…]\s*){4,}\s*(?:p\.?\s*|第\s*)?\d{1,3}\s*页?$", re.IGNORECASE)


_LEADING_MARKS = re.compile(r"^[^\w\u4e00-\u9fff]+")


def _contents_list(lines: Sequence[str], reasons: list[str | None]) -> None:
    """A "目录" / "Contents" line (bare, or a page's widget: "📑 目录（点击跳转）") and the entries under it that
    recur later as the document's own headings ("▸ 岗位分工" over "一、岗位分工"): a copied page's table of
    contents, which would stand in the preamble as a list of headings without text."""
    for i, line in enumerate(lines):
        head = _LEADING_MARKS.sub("", line.strip())
        widget = (reasons[i] or "").startswith("site notice")  # "📑 目录（点击跳转）"
        if (reasons[i] is not None and not widget) or not _CONTENTS.match(head):
            continue
        _above, below = _neighbours(lines, i)
        if below is not None and reasons[below] == "table of contents":
            reasons[i] = "table of contents"  # its entries have dot leaders and pages
            return
        j = i + 1
        entries = []
        while j < len(lines) and lines[j].strip() and reasons[j] is None:
            entry = _LEADING_MARKS.sub("", lines[j].strip())
            later = (_LEADING_MARKS.sub("", other.strip()) for other in lines[j + 1 :])
            if not entry or not any(o.endswith(entry) and len(o) <= len(entry) + MAX_NUMBERING for o in later):
                break
            entries.append(j)
            j += 1
        if len(entries) >= 2:
            for k in (i, *entries):
                reasons[k] = "table of contents"
        return


# The markers stand alone on their line ("======== 以下为原文 ========"): "公司公告原文如下：" or "合同原文完整存档"
# inside a document are its own words.
_REPOST_START = re.compile(r"^[=\-—_*#\s【\[]*(?:以下为原文|以下是原文|原文如下)[=\-—_*#\s】\]:：]*$")
_REPOST_END = re.compile(r"^[=\-—_*#\s【\[]*(?:原文结束|原文完)[=\-—_*#\s】\]]*$")


def _repost_bounds(lines: Sequence[str], reasons: list[str | None]) -> None:
    """A repost marked "以下为原文 … 原文结束" holds the document between its markers: the poster's preface above
    and the thread below ("收藏了！我们公司报价单有效期是30天" contradicting the document) are not it."""
    starts = [i for i, line in enumerate(lines) if _REPOST_START.match(line.strip())]
    ends = [i for i, line in enumerate(lines) if _REPOST_END.match(line.strip())]
    if not starts or not ends or ends[-1] < starts[0]:
        return  # both markers or none: one alone may be a document's own rule line
    first, last = starts[0], ends[-1]
    for i in (first, last):
        reasons[i] = "the repost's marker"
    for i, line in enumerate(lines):
        if (i < first or i > last) and line.strip() and reasons[i] is None:
            reasons[i] = "outside the reposted document's markers"


_FLOOR_BODY_LINES = 3  # a reply's words under its floor header; a longer run is a document posted in the thread


def _forum_replies(lines: Sequence[str], reasons: list[str | None]) -> None:
    """The words of a forum reply: the run of lines after a floor header ("沙发  锅铲侠阿斌") and its chrome
    ("发表于 …"), up to the next chrome line or blank line, when that run is short (a reply, not a document)."""
    for i, reason in enumerate(reasons):
        if reason != "forum post header":
            continue
        j = i + 1
        while j < len(lines) and reasons[j] and not _REPOST_START.match(lines[j].strip()):
            j += 1
        if j < len(lines) and _REPOST_START.match(lines[j].strip()):
            continue  # the post is a repost: its markers bound the document
        end = j
        while end < len(lines) and lines[end].strip() and reasons[end] is None:
            end += 1
        if j < end <= j + _FLOOR_BODY_LINES:
            for k in range(j, end):
                reasons[k] = "a forum reply's words"


_SITE_SUFFIX = re.compile(r"\s*(?:_|\||｜|\s[-–—]\s)\s*")


def _site_page_titles(lines: Sequence[str], reasons: list[str | None]) -> None:
    """A page title carrying the site's name ("岗位职责_范文大全", "Returns - Example Wiki") above the
    document's own title line ("岗位职责") is the site's, not the document's."""
    own = [i for i, line in enumerate(lines) if line.strip() and reasons[i] is None][:12]
    for n, i in enumerate(own):
        parts = _SITE_SUFFIX.split(lines[i].strip(), maxsplit=1)
        if len(parts) == 2 and parts[0] and any(lines[j].strip() == parts[0] for j in own[n + 1 : n + 8]):
            reasons[i] = "page title with the site's name"


def _listed_titles(lines: Sequence[str], reasons: list[str | None]) -> None:
    """A sharing site lists the document under its own title line, between its chrome (a promoted link above,
    the uploader's line below): "光储能源储能销售工程师岗位职责与工作流程（2025版）" over the document's own
    "储能销售工程师岗位职责与工作流程（2025版）" a few lines down. The listing, ending with that title, is the
    site's."""
    own = [i for i, line in enumerate(lines) if line.strip() and reasons[i] is None][:15]
    for n, i in enumerate(own):
        text = lines[i].strip()
        above, below = _neighbours(lines, i)
        if above is None or below is None or reasons[above] is None or reasons[below] is None:
            continue
        if any(
            len(later) >= MIN_LISTED_TITLE_CHARS and text.endswith(later)
            for later in (lines[j].strip() for j in own[n + 1 : n + 7])
        ):
            reasons[i] = "the site's listing of the document's title"


MIN_LISTED_TITLE_CHARS = 6
_BULLET = re.compile(r"^\s*[▶▷►·•◆◇○●\-*]\s*\S")
_RECOMMENDS = re.compile(r"推荐|相关|往期|猜你|related|recommended|you may also", re.IGNORECASE)


def _recommended_lists(lines: Sequence[str], reasons: list[str | None]) -> None:
    """The bulleted titles under a site's "往期推荐" / "Related articles" line are its links, not the document's
    list (their counters mark them on document sites; an article page lists bare titles)."""
    i = 0
    while i < len(lines):
        if reasons[i] and _RECOMMENDS.search(lines[i]):
            j = i + 1
            while j < len(lines) and (not lines[j].strip() or _BULLET.match(lines[j])):
                if lines[j].strip() and reasons[j] is None and len(lines[j].strip()) <= MAX_NOTICE_CHARS:
                    reasons[j] = "a link listed under the site's recommendations"
                j += 1
            i = j
        else:
            i += 1


SITE_NAME_CHARS = 20
MAX_SITE_BANNER_CHARS = 50
AUTHOR_NAME_CHARS = 8
# The slogan after a site's name says what kind of site it is ("有料有趣的资讯平台", "工程师的知识分享社区").
_SITE_WORD = re.compile(
    r"(?:平台|社区|论坛|资讯|门户|博客|文库|网站|官网|频道|portal|community|forum|blog)\s*$", re.IGNORECASE
)
# What a document or news site's slogan promises ("海量实用文档 免费在线阅读", "free documents to read online").
_SITE_SLOGAN = re.compile(r"海量|免费|在线|分享|下载|阅读|文档|资料|free|online|download|documents?", re.IGNORECASE)
# A name that says it is a site ("芸笺文档网", "墨斗文库"): with a slogan after it, the site's banner.
_SITE_NAME_END = re.compile(r"(?:网|文库|论坛|社区|平台)$")
_NAME_AND_SLOGAN = re.compile(r"\s+(?:[·•|｜]|[\-–—]{1,2})\s+")


def _site_names(lines: Sequence[str], reasons: list[str | None]) -> None:
    """A short line among the first few that two or more chrome lines repeat is the site's or account's name
    ("冷链人说事" above "原创 … 冷链人说事 发表于上海" and "关注「冷链人说事」"), not the document's title. Two: a
    breadcrumb alone repeats the document's own title once."""
    dropped = [lines[i] for i, reason in enumerate(reasons) if reason]
    own = [i for i, line in enumerate(lines) if line.strip() and reasons[i] is None][:5]
    for i in own:
        text = lines[i].strip()
        if len(text) <= SITE_NAME_CHARS and sum(text in line for line in dropped) >= 2:
            reasons[i] = "the site's name, repeated in its chrome"
            continue
        # "灶台圈 · 餐饮设备人论坛 - 做厨房设备的人都在这里": the site's name and its slogan, the name (or its first
        # word: "技术圈" of "技术圈 JSQ") repeated.
        name = _NAME_AND_SLOGAN.split(text, maxsplit=1)[0]
        if name != text and _SITE_NAME_END.search(name.split()[0]):
            # "青蓝文档网 QINGLANDOC ｜ 好文档，一搜就有": a name that says it is a site, its Latin name, a slogan.
            reasons[i] = "the site's name and slogan"
            continue
        if name != text and _DOMAIN.match(name) and any(name.lower() in line.lower() for line in dropped):
            reasons[i] = "the site's address and slogan, the address in its chrome"
            continue
        # "文档汇 wendanghui.cn —— 海量实用文档，一键下载": a name with the site's address, and a site's slogan.
        # A title never carries a web address: "拾页文库 shiye.cn ｜ 拾起每一页，成就每一步" is the site's banner
        # whatever its slogan says.
        address = any(_DOMAIN.match(word) for word in name.split())
        if name != text and address and len(name.split()) >= 2:
            reasons[i] = "the site's name, address and slogan"
            continue
        if name == text or len(name) > SITE_NAME_CHARS // 2:
            continue
        first = name.split()[0] if name.split() else name
        forms = {name} | ({first} if len(first) >= 2 and not first.isdigit() else set())
        # "百问网": the site's own word without its 网 ("百问APP", "百问VIP", "就上百问").
        bare = re.sub(r"(?:网|网站|社区|论坛)$", "", name)
        forms |= {bare} if bare != name and len(bare) >= 2 else set()
        slogan = text[len(name) :]
        if _SITE_WORD.search(slogan) or len(set(_SITE_SLOGAN.findall(slogan))) >= 2 or _SITE_NAME_END.search(name):
            reasons[i] = "the site's name and slogan"
        elif any(sum(form in line for line in dropped) >= 2 for form in forms):
            reasons[i] = "the site's name and slogan, the name repeated in its chrome"


_MASTHEAD_LINES = 2  # the site's name and its tagline; a third short line above the menu is the page's own
_OPENING_LINES = 8  # a cookie banner and a skip link may stand above the masthead
_MENU_REASONS = ("site notice", "page chrome (sign", "page chrome (log")
# What a page's top bar holds beside its sections: the home link, a search box, sign-in links.
_MENU_CUE = re.compile(r"🔍|⌕|搜索|search|登录|log ?in|sign ?(?:in|up)|注册|subscribe|首页|\bhome\b", re.IGNORECASE)


def _mastheads(lines: Sequence[str], reasons: list[str | None]) -> None:
    """The short lines above a page's first menu or sign-in bar, with only chrome above them, are the site's
    masthead ("答岸 · 有问题，上答岸", "WHOLESALE LINES ⟡ monthly" / "The trade journal for industrial distributors
    — since 1987"), not the document's title: a page lays out its name, then its menu, then the article. A title
    above a byline stays, and so does a numbered heading or a sentence."""
    opening = [i for i, line in enumerate(lines) if line.strip()][:_OPENING_LINES]
    menus = [k for k, i in enumerate(opening) if reasons[i] is not None and _is_menu(lines[i], reasons[i] or "")]
    if not menus:
        return
    top = opening[: menus[0]]
    run = list(itertools.takewhile(lambda j: reasons[j] is None, reversed(top)))
    if not run or len(run) > _MASTHEAD_LINES or any(reasons[j] is None for j in top[: len(top) - len(run)]):
        return
    for j in run:
        text = lines[j].strip()
        if len(text) > MAX_SITE_BANNER_CHARS + 10 or _NUMBERED.match(text) or re.search(r"[。！？!?:：;；]$", text):
            return
    for j in run:
        reasons[j] = "the site's masthead above its menu"


def _is_menu(line: str, reason: str) -> bool:
    """A bar of several items (a menu, a search box, sign-in links) with no "label: value" in it (an uploader's
    line has those); a trail without arrows ("Subscribe | Sign in | Newsletters") is a menu too, while
    "首页 > 制度" may follow a document's title."""
    if reason == "navigation":
        return not re.search(r"[>›»→/]", line)
    if reason == "site menu":
        return True
    items = len(_MENU_SEPARATOR.findall(line.strip())) >= 2
    return reason.startswith(_MENU_REASONS) and items and not _FIELD_VALUE.search(line) and bool(_MENU_CUE.search(line))


def _slogans_under_names(lines: Sequence[str], reasons: list[str | None]) -> None:
    """A short line right under the site's name and address and right above more chrome is its slogan
    ("简牍网 JIANDU.NET" / "每一页，都值得被看见" / the sign-in bar), not the document's title."""
    for i, reason in enumerate(reasons):
        if reason != SITE_ADDRESS:
            continue
        _above, below = _neighbours(lines, i)
        if below is None or reasons[below] is not None or len(lines[below].strip()) > SITE_NAME_CHARS:
            continue
        _self, after = _neighbours(lines, below)
        if after is not None and reasons[after] is not None and not _NUMBERED.match(lines[below].strip()):
            reasons[below] = "the site's slogan under its name"


def _author_names(lines: Sequence[str], reasons: list[str | None]) -> None:
    """The author's name alone between two chrome lines (a tip jar above, the author card below), repeated in
    the byline and the replies."""
    dropped = [lines[i] for i, reason in enumerate(reasons) if reason]
    for i, line in enumerate(lines):
        text = line.strip()
        if not text or reasons[i] or len(text) > AUTHOR_NAME_CHARS or sum(text in d for d in dropped) < 2:
            continue
        above, below = _neighbours(lines, i)
        if above is not None and below is not None and reasons[above] and reasons[below]:
            reasons[i] = "the author's name between chrome lines"


def _shape(line: str) -> str:
    """A running header or footer with its page number blanked, so "Page 3" and "Page 4" compare equal."""
    return re.sub(r"\d+", "#", " ".join(line.split()))


def repeated_page_lines(pages: Sequence[Sequence[str]], *, edge: int = 3) -> set[str]:
    """Shapes of lines that open or close at least half of the pages (and 2+ of them): running headers
    and footers. Only the first and last `edge` non-empty lines of a page are candidates, so a term the
    body repeats on every page is not mistaken for a header."""
    if len(pages) < 2:
        return set()
    seen: Counter[str] = Counter()
    for page in pages:
        lines = [line for line in page if line.strip()]
        seen.update({_shape(line) for line in [*lines[:edge], *lines[-edge:]]})
    needed = max(2, (len(pages) + 1) // 2)
    return {shape for shape, count in seen.items() if count >= needed}


def is_repeated(line: str, repeated: set[str]) -> bool:
    """True when the line is one of the page furniture shapes found by `repeated_page_lines`."""
    return _shape(line) in repeated
