"""One line on its own: the cues that make a line site or page chrome (a notice, a counter, a menu, a byline,
a page number), and the patterns the passes over a whole page share."""

from __future__ import annotations

import re
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
    r"搜索站内|站内搜索|"
    # A document site's preview cut-off, its search box and its star rating.
    r"请输入关键[词字]|请输入[^\]】]{0,16}关键[词字]|🔍|已被收录|收录至专题|热搜\s*[:：]|热门搜索|热门关键词|[\[【]\s*搜\s*索\s*[\]】]|发表评论|我也要评论|"
    # A preview notice and a site's download terms.
    r"仅供在线预览|完整内容请下载|下载说明|重复扣除|扣除积分|"
    # A sign-in prompt and a membership offer ("【登录】", "扫码登录", "首月仅需9.9元", "全站800万份文档畅读畅下").
    r"扫码登录|登录送\d*积分|[【\[]\s*登录\s*[】\]]|首月仅需|畅读畅下|全站\d+万?份?(?:文档|资料)|"
    # A search box drawn as an input line ("搜资料 >>> ______ [搜一下]　大家都在搜：…"), a promoted link.
    r"大家都在搜|猜你想搜|猜你在找|你可能(?:想搜|在找)|相关搜索|[\[【]\s*搜一下\s*[\]】]|搜.{0,8}_{6,}|_{6,}\s*[\[【]\s*搜|"
    # Where-you-are labels, a watermark's terms, a WeChat page's audio button, comment box, mini-program card
    # and the lines under its comments.
    r"您在这里|你在这里|you are here|受版权保护|禁止商用|请勿商用|仅供学习交流|原创保护|"
    r"未经(?:许可|授权)[，,]?\s*(?:禁止|不得)转载|[\[【［〖]\s*(?:推广|广告)\s*[\]】］〗]|继续(?:免费)?预览|AI\s*导读|内容由AI生成|"
    r"自动生成.{0,12}(?:可能存在错误|仅供参考)|请以原文为准|^本页(?:最后)?更新(?:时间|于)?\s*[:：]|"
    r"点击展开|展开剩余\s*\d+\s*%|AI\s*排版|自动分段|以下载(?:版本|文档)为准|"
    # Blog, Q&A and news-site furniture (CSDN, Zhihu, Douban, a CMS's article page, a WordPress theme).
    r"文章已被.{0,6}收录|^加入社区$|最新推荐文章于|请勿转载|扫描.{0,6}二维码|点个赞|转发给需要的|^留言区$|^精选(?:评论|留言)$|"
    r"^(?:作者|编辑|来源|责编)\s*[|｜]\s*\S|^微信号\s*[:：]|^ID\s*[:：]\s*\w+$|豆瓣评分|^有用\s*\d+\s*没用\s*\d+|^回应$|"
    r"^赞同\s*[\d.]+\s*万?$|^(?:发布|编辑)于\s*\d{4}-\d{1,2}-\d{1,2}|IP\s*属地|^查看更多$|^上一页$|"
    r"字体\s*[:：]\s*大\s*中\s*小|【(?:收藏|打印|关闭)】|^点击数\s*[:：]\s*\d|^发布人\s*[:：]|我要纠错|"
    r"^like this:$|^loading\.\.\.$|^related$|\btheme by\b|^search for:$|^recent (?:posts|comments)$|^archives$|"
    r"^categories$|^entries feed$|^comments feed$|wordpress\.org|^(?:primary )?menu$|toggle navigation|"
    r"^× close$|^open menu$|"
    # A site's chat widget, consent dialog, page-feedback box, app badges and legal footer links.
    r"chat with (?:us|our team)|how can we help you|^在线(?:咨询|客服)$|^online service$|we value your privacy|"
    r"accept all cookies|cookie preferences|^同意并继续$|rate this page|feedback on this page|"
    r"did you find this (?:page |article )?(?:useful|helpful)|^was this helpful|download our app|get it on google play|"
    r"download on the app store|page last reviewed|next review due|contact the page owner|^content owner\s*:|"
    r"^sitemap$|accessibility statement|modern slavery statement|^company no\.?\s*\d+.{0,6}\bvat\b|"
    # A cloud document's or wiki's furniture (Feishu, Tencent Docs, Yuque, DingTalk, MediaWiki), a repost's source
    # line, group-chat invitations and sign-in forms.
    r"^(?:飞书云文档|腾讯文档|语雀|钉钉文档)$|在腾讯文档中打开|^由\s*\S{1,12}\s*创建[，,]\s*最后修改于|^最近修改\s*[:：]|^所有者\s*[:：]|"
    r"^添加评论$|以上内容由\s*\S{1,16}\s*生成|^文档来源\s*[:：]\s*网络|^转自\s*[:：]|^原文地址\s*[:：]|欢迎转发|"
    r"进群交流|知识星球|^(?:手机号|验证码|密码|扫码|微信)登录$|^忘记密码|^立即注册$|page generated in|"
    r"^last modified\s*:|"
    # Short-video and social share text, web clippers, machine summaries, reprint notes, forum signature bars and
    # member cards, community Q&A votes and quiz widgets.
    r"复制打开(?:抖音|快手|小红书|微博)|打开(?:抖音|快手|小红书)|summary generated by|clipped with\b|"
    r"reproduced with permission|formatting adapted for|签名档|^\W*\d+\s*#\W*$|\blv\.?\s*\d+\b.{0,12}帖子\s*\d|"
    r"^▲\s*\d+\s*▼|\[\s*submit answer\s*\]|% of readers got this right|quick check\b|partner spot|\s[✕✖]$|"
    r"\bexported \d{4}-\d{2}-\d{2}|^(?:[▼▲]\s*){3,}$|"
    r"\d+(?:\.\d)?\s*avg\s*·\s*\d+\s*ratings|about the uploader|top contributor|^tags\s*[⟶→:：]|"
    r"community-run|shared by members|"
    r"this page was last edited|^retrieved from\b|jump to navigation|the free encyclopedia|^edit this page$|"
    r"^view history$|^printable version$|^permanent link$|^page information$|^cite this page$|"
    r"由\S{0,8}AI生成|AI生成[，,]\s*(?:内容)?仅供参考|"
    # A page's skip link for screen readers ("跳到主要内容").
    r"跳(?:到|转到|至)(?:主要内容|正文)|"
    # An AI summary offered by the page ("AI 一键总结全文", "一键速读", "以上内容由 AI 生成"), a locked rest of
    # the article, a WeChat page's QR card and mini-program card, a search icon.
    r"AI\s*一键|一键(?:速读|总结)|AI\s*(?:智能)?\s*(?:速读|摘要|总结)|仅供预览|由\s*AI\s*生成|解锁全文|继续阅读|[〔\[【]\s*二维码\s*[〕\]】]|点击卡片|"
    r"长\s*按\s*图\s*片|扫码(?:添加|领取)|文末有福利|⌕|"
    # An English blog's reading time, paywall meter, share bar, comment loader, related posts, post links.
    r"\bfree articles? (?:left|this month)|^share\s*:|\bload (?:\d+ )?more comments\b|"
    r"updates in your inbox|^stay in the loop\b|\[\s*subscribe\s*\]|"
    r"\byou might also like\b|^←\s*previous\s*:|^next\s*:.*→$|"
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
    r"左右滑动|滑动查看更多|阅读进度|已读\s*\d+\s*%|字号\s*[:：]?\s*A|护眼模式|阅读模式\s*[:：]|^☰|夜间模式|[▓░▒]{3,}|自动(?:识别)?排版|如有错漏|"
    # A mail footer's print reminder in English ("Please consider the environment before printing this e-mail").
    r"before printing this e-?mail|consider the environment before printing|"
    r"听全文|写留言|已无更多数据|关注该公众号|继续滑动看下一个|"
    # Reading time, an author's bio, picture credits, a reprint line, app prompts, loading and paging widgets.
    r"预计阅读(?:时间)?\s*\d+|阅读需\s*\d+\s*分钟|本文共计?\s*\d+\s*字|^作者简介\s*[:：]|^关于作者$|"
    r"长按二维码|^往期(?:回顾|精选)|^图片来源\s*[:：]|^(?:photo|image)\s*(?:credit)?\s*:|"
    r"下载\s*APP|打开\s*APP|APP\s*内打开|由\s*AI\s*翻译|^举报\s*/\s*反馈$|^文章已于.{4,20}修改$|^收起全文|"
    r"看一看|^继续浏览$|到第\s*页|^(?:热门|精品)推荐$|^(?:正在)?加载中?[.…]{1,3}$|^没有更多了$|^意见反馈$|"
    r"增值电信业务经营许可证|"
    r"\bis an? (?:senior |contributing |staff |freelance )?(?:editor|writer|reporter|journalist|columnist|contributor)"
    r" (?:at|for|with)\b|^read next\b|^trending now$|^most popular$|^promoted$|sign up for (?:our|the) newsletter|"
    r"enter your e-?mail(?: address)?$|already a subscriber|first appeared in\b|reprinted with permission|"
    r"^posted in\b.*\btagged\b|^\d+ (?:responses|comments|replies) to\b|^leave a reply|will not be published|"
    r"required fields are marked|save my name, email|^post comment$|^font size\s*:|^helpful\?\s*yes|^jump to\s*:|"
    r"^on this page$|report a problem with this page|^search the intranet|^quick links$|^my apps$|"
    r"^notifications\s*\(\d+\)$|"
    # A portal's account bar and cart, a page poll.
    r"\bsign out$|🛒|\bcart\s*\(\d+\)|购物车\s*[（(]\d+|^quick poll\b|\[\s*vote\s*\]|"
    r"how useful is this (?:page|policy|article)|"
    # A Discuz forum's floor furniture: the vote bar, the tools link, the member's rank, the poster's "continued".
    r"支持\s*\d+\s*反对\s*\d+|使用道具|^rank\s*:\s*\d|^(?:金牌|银牌|铜牌|钻石|高级|中级|初级|注册)会员$|^新手上路$|"
    r"字数超限|下楼继续|剩下的在\s*\d+\s*楼|"
    # WeChat's toolbar as copied ("赞 ，轻点两下取消赞 在看 …") and its audio guide ("👇本期音频导读 时长 06:42").
    r"轻点两下取消|音频导读|时长\s*\d{1,2}:\d{2}|"
    # An official account's follow prompt: "▍关注“昊伦流体”，后台回复【价目表】获取…".
    r"后台回复|^\W{0,2}关注\s*[“「\"].{1,16}[”」\"]\s*[，,]|"
    # A wall over the rest of the page: "—— 登录后可查看完整回答 ——", "Members only: sign in again to keep reading".
    r"登录后(?:可|即可)?(?:查看|阅读|浏览)|sign in .{0,12}to (?:keep|continue) reading|"
    r"预览时标签不可点|喜欢此内容的人还喜欢|作者\s+回复|点击下方小程序|[\[【]\s*小程序\s*[\]】]|收录于合集|"
    r"^[\[【]\s*(?:图片|视频|动图|音频)\s*[\]】]$|"
    r"著作权|转载请|热门专栏|预览已结束|试读结束|剩余\s*\d+\s*页|剩余内容|下载须知|下载后(?:查看|阅读)|(?:\.{3}|…)[\s\]】]*[\[【]?\s*(?:搜\s*索|search)\s*[\]】]?$|^[\[【]\s*搜\s*索|已收录|收录文档|[★☆]{4,}|\d+\s*人评价|^[>»\s]*广告\s*[:：｜|]|发布于\s*[\u4e00-\u9fff]{2,3}\s*$|作者原创|不感兴趣",
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
SITE = re.compile(
    # 注册 as signing up, not a registration certificate, number or capital (注册证, 注册号, 注册资本, 注册商标).
    r"网站|网页|页面|浏览器|首页|点击|登录|注册(?![证号资商地费])|导航|"
    r"website|web ?page|homepage|click|log ?in|sign ?up",
    re.IGNORECASE,
)
TRADE = re.compile(
    r"下载|退款|付费|充值|会员|客服|投诉|举报|反馈|QQ(?:交流)?群|"
    r"download|refund|premium|membership|customer service|report",
    re.IGNORECASE,
)
# Page furniture: "第 3 页 共 10 页", "Page 3 of 10", "- 3 -", "3 / 10", a bare number.
# The same set in dashes or drawn rules ("- 第 3 页 / 共 7 页 -", "—— 第 2 页 / 共 7 页 ——", "━━━━ 第2页 / 共6页 ━━━━",
# "— Page 2 of 5 —"), or in brackets ("〔第3页 / 共9页〕", "[Page 2 of 5]").
_PAGE_NUMBER = re.compile(
    r"^(?:[-–—·.=*━─═┈┄╌…⋯~～〔【\[(（〈<]\s*)*(?:第\s*\d+\s*页(?:\s*[,，/／]?\s*共\s*\d+\s*页)?|共\s*\d+\s*页|"
    r"page\s+\d+(?:\s+of\s+\d+)?|\d+\s*/\s*\d+)(?:\s*[-–—·.=*━─═┈┄╌…⋯~～〕】\])）〉>])*$|^(?:[-–—━─═]+\s*\d+\s*[-–—━─═]+|\d{1,4})$",
    re.IGNORECASE,
)
# Breadcrumbs and menu bars: "首页 > 文档 > 管理", "Home | Products | About".
_TRAIL = re.compile(
    r"^(?:[^>|»/▸►▶＞]{1,12}\s*(?:>|»|\||/|›|▸|►|▶|＞)\s*){2,}[^>|»/▸►▶＞]{0,20}$|"
    # with the steps set apart by spaces on both sides, longer ones ("Playbooks  /  Company Spotlights  /  …")
    r"^(?:[^>|»/。.!?]{1,30}\s(?:>|»|/|›|▸|►|▶|＞)\s+){2,}[^>|»/。!?]{1,40}$"
)
FIELD_VALUE = re.compile(r"[:：]\s*\S")
# A menu's items are set apart by a bar, a bullet, an arrow or a drawn mark ("首页 ▸ 文库", "Home • Shop"), two
# spaces or one ideographic space ("首页　文档分类　精品专区"); not by "=" or "+" (a formula's terms).
MENU_SEPARATOR = re.compile(
    r"\s[|｜/·┊┆¦│\u2022\u2023\u2027\u2043\u2190-\u21ff\u22c4\u22c5\u22ee\u22ef\u2500-\u27bf\u2b00-\u2bff]\s|\s{2,}|\u3000"
)
# A paid-download site's terms: "一经下载不支持退款", "下载后概不退款", "no refunds once downloaded".
_NO_REFUND_AFTER_DOWNLOAD = re.compile(
    r"下载.{0,8}(?:不支持|不予|概不|不可|不能|无法)\s*退|"
    r"no refunds?\b.{0,20}\b(?:once|after)\b.{0,20}\bdownload|\bdownloads? (?:are|is) (?:not )?non-?refundable",
    re.IGNORECASE,
)
MAX_NOTICE_CHARS = 120  # longer lines are prose that may mention a download; only counters count there
# A reader's comment under a shared document: "用户 hp_li**：内容很全…", "网友小王：谢谢分享".
COMMENT = re.compile(r"^(?:用户|网友|游客|会员)\s*\S{1,20}\s*[:：]")
# A reader's comment with its date: a time or a colon right after it ("材料人阿杰  2024-05-20 13:47  请问…",
# "钢构老刘　2023-07-02：写得很实在"); "生效日期 2024-01-01 起执行" has neither.
_DATED_COMMENT = re.compile(
    r"^\S{1,16}\s+\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?\s+\S|\s*[:：]\s*\S)"
)
# A reply under a reader's comment ("老周 回复 阿杰：…"): chrome only right below a comment (a sales script's
# "销售 回复 客户：…" is a document's own line).
REPLY = re.compile(r"^\S{1,16}\s+回复\s+\S{1,16}\s*[:：]")
# Words of a site's own pages that a company's text may also use ("积分商城", "会员中心", "快速回复客户"): chrome
# when a second site or trade word stands in the line, or when the line stands beside other chrome.
WEAK_SITE = re.compile(r"快速回复|回帖|每日签到|积分商城|会员中心|版主|创作者|禁止转载|注明出处|不良信息")
# A notice drawn between rules: "———— 以下为文档预览 ————", "===== 广告 =====".
RULED_NOTICE = re.compile(r"^[—\-=_*~·━─═┈]{2,}.+[—\-=_*~·━─═┈]{2,}$")
# A site's hotline ("客服热线：400-800-1234（工作日9:00-18:00）"): chrome only beside other chrome at the page's edge.
# A cookie banner pasted with the page, however long its sentences ("We use cookies 🍪 to personalise content …
# Accept · Reject non-essential", "本网站使用Cookie以提升您的浏览体验").
_COOKIES = re.compile(
    r"\b(?:we|this (?:site|website)) uses? cookies\b|(?:本网站|本站|我们)使用\s*cookies?", re.IGNORECASE
)
MAX_COOKIE_NOTICE_CHARS = 400
_PLAYER_TIME = re.compile(r"^\d{1,2}:\d{2}(?::\d{2})?$")
# A site's footer on one line, however long: its copyright beside its legal links or licence numbers.
_COPYRIGHT = re.compile(r"©|\(c\)\s*\d{4}|copyright|all rights reserved|版权所有", re.IGNORECASE)
_FOOTER_LINKS = re.compile(r"privacy|terms of (?:use|service)|cookie|隐私|用户协议|ICP", re.IGNORECASE)
_LINK_ARROW = re.compile(r"\S\s*[›→▸»➜➔]$")
# A document's own header line names its number, version or effective date; a site's menu never does.
_DOCUMENT_FIELDS = re.compile(
    r"\b(?:version|rev\.|doc(?:ument)?\s+no\.?|effective)\s*\S|版本\s*[:：号]?\s*\S|文件编号|生效日期", re.IGNORECASE
)
HOTLINE = re.compile(r"客服\s*[:：]|客服热线|客服电话|服务热线|customer service hotline", re.IGNORECASE)
# Tags under a post: "#劳保用品 #销售干货 #职场经验".
_HASHTAGS = re.compile(r"^(?:#\S+\s*){2,}$")
# A comment's footer line: "12小时前 · 回复 · 赞 88", "1天前 · 回复"; the line above it is the comment.
# Or its date and the commenter's province: "2023-11-09 · 广东　回复　♡ 56", "5月21日 · 来自广东　回复　👍 87".
COMMENT_FOOTER = re.compile(
    r"^\s*(?:\d+\s*(?:秒|分钟|小时|天|周|个月|年)前|昨天|前天|\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}月\d{1,2}日)"
    r"(?:\s*[·・]\s*(?:来自)?[\u4e00-\u9fff]{2,3})?\s*[·・|｜\s]\s*回复"
)
# A reply's vote bar under it: "回复 支持 112 反对 0", "Reply · 👍 4", "回复 · ♡ 14".
REPLY_BAR = re.compile(r"^(?:回复|reply)\s*[·•|｜]?\s*(?:支持\s*\d+|(?:[♥♡▲❤]|👍)\s*\d+)", re.IGNORECASE)
# The rule a page draws around its ads: "—————— 广告 ——————", "--- Advertisement ---".
# Or the top of a box drawn around them ("┏━━━━ 广告 ━━━━┓").
_AD_MARKER = re.compile(
    r"^[—\-=_*~·\s┏┓╔╗┌┐━─═╳┈┄╌⋯▼▲]{2,}(?:广\s?告|推\s?广|赞\s?助|advertisement|sponsored)[—\-=_*~·\s┏┓╔╗┌┐━─═╳┈┄╌⋯▼▲]{2,}$",
    re.IGNORECASE,
)
MAX_AD_LINES = 4
# An ad tagged in brackets or bars at the head of its own line; "广告费用由公司承担" is a policy's words.
_AD_TAG = re.compile(
    r"^[^\w\s\u4e00-\u9fff]{1,3}\s*(?:广\s?告|推\s?广|赞\s?助|sponsored|ad)\s*[^\w\s\u4e00-\u9fff，、。；：:,.;]{1,3}|"
    r"^(?:广\s?告|推\s?广|sponsored)\s*[｜|▍┃│]",
    re.IGNORECASE,
)
# A site's announcement bar: a tag in brackets, and a word about its service desk or members.
_ANNOUNCEMENT_TAG = re.compile(r"^[【\[〖]\s*(?:公告|通知|提示|温馨提示|系统(?:消息|通知)|站内(?:信|通知))\s*[】\]〗]")
# A web address: "wendanghui.com", "www.example.cn" (not an e-mail address).
DOMAIN = re.compile(
    r"^(?:https?://)?(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|cn|net|org|info|io)(?:\.cn)?/?$", re.IGNORECASE
)
# A forum post's header: its floor ("楼主", "沙发", "板凳", "地板", "5#", "12楼") and the poster's name, short.
# (alone on its line too: "沙发", "５＃", counted only where two or more stand in a thread)
# The opening post's "楼主" only with its poster's name: alone it heads the thread's own text.
FLOOR = re.compile(
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
    if DOMAIN.match(words[-1]):
        rests = [words[:-1], words[:-2]]
    elif DOMAIN.match(words[0]) or DOMAIN.match(words[1]):
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
    if _PLAYER_TIME.match(text):
        return "a media player's time"  # "12:47" under "听全文"
    if len(text) <= MAX_COOKIE_NOTICE_CHARS and _COPYRIGHT.search(text) and _FOOTER_LINKS.search(text):
        return "the site's footer"  # "© 2025 Northgate … All rights reserved. | Privacy | Terms of Use | …"
    if len(text) <= MAX_COOKIE_NOTICE_CHARS and _COOKIES.search(text):
        return "cookie notice"  # a whole banner on one line, its buttons after its sentences
    segments = _SEGMENT.split(text)
    if len(segments) >= 2 and all(_PAGE_STAMP.match(seg) or _COUNTER.fullmatch(seg) for seg in segments):
        return "the page's stamp"  # "Last updated 12 Feb 2026 by Service Marketing · 1,204 views · Page ID SH-0417"
    if _BRACKET_MENU.match(text):
        return "site menu"
    if _is_page_marker(text):
        return "page number"
    if _CONTENTS_ENTRY.match(text) or _contents_on_one_line(text):
        return "table of contents"
    # A field whose values are separated by slashes ("排水方式：水箱 / 连续排水 / 内置泵上排水") is a spec line,
    # not a breadcrumb: a trail has no "label:" before its steps.
    # Nor is a spec line whose label or values hold slashes ("阀体/阀球/阀杆材质：CF8M / SS316 / SS316"): a trail
    # has no "label: value" in it.
    if _TRAIL.match(text) and not re.search(r"[。！？.!?]$", text) and not FIELD_VALUE.search(text):
        return "navigation"
    if len(text) <= MAX_CHROME_START_CHARS and _FILE_NAME.search(text):
        return "the file's name as the site lists it"  # "……销售流程.txt", "岗位职责(完整版).docx"
    words = text.split()
    if len(text) <= SITE_NAME_CHARS and 2 <= len(words) <= 3 and any(DOMAIN.match(w) for w in words[1:]):
        return SITE_ADDRESS  # "简牍网 JIANDU.NET": a site's name with its address
    if (
        len(text) <= MAX_SITE_BANNER_CHARS
        and len(words) >= 3
        and DOMAIN.match(words[1])
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
    if len(text) <= MAX_NOTICE_CHARS and REPLY_BAR.match(text):
        return "a reply's vote bar"  # "Reply · 👍 4", "回复 支持 112 反对 0"
    if len(text) <= MAX_NOTICE_CHARS and _AD_TAG.match(text):
        return "advertisement"  # "▍广告 ▍永固空压机·厂价直销 …", "【推广】…", "[Sponsored] …"
    if len(text) <= MAX_NOTICE_CHARS and _ANNOUNCEMENT_TAG.match(text) and (SITE.search(text) or TRADE.search(text)):
        return "site notice (the site's announcement)"  # "【公告】春节期间人工客服在线时间调整为…"
    if len(text) <= MAX_NOTICE_CHARS:
        # a letter-spaced notice ("闪 电 下 载", "推 广") reads as written without the spaces
        squeezed = _LETTER_SPACED.sub("", text)
        strong = _STRONG.search(text) or (squeezed != text and _STRONG.search(squeezed)) or None
        if strong:
            return f"site notice ({strong.group(0)})"
        if _COUNTER.search(text) and len(text) <= 60:
            return "counter"
        # "B2B销售从0到1 · 限时 ¥9.9　去看看 ›", "Book a demo →": a line ending in an arrow is a link or a button.
        if _LINK_ARROW.search(text) and not NUMBERED.match(text):
            return "a link (ends in an arrow)"
        if _DATED_COMMENT.match(text):
            return "reader's comment"
        if _HASHTAGS.match(text):
            return "tags"
        if COMMENT_FOOTER.search(text):
            return "comment footer"
        site, trade = SITE.search(text), TRADE.search(text)
        weak = {m.group(0) for m in WEAK_SITE.finditer(text)}
        # A site's watermark names its address: "墨斗文库 modouwenku.cn ▪ 北方冷柜人 ▪ 禁止转载".
        if weak and (site or len(weak) >= 2 or any(DOMAIN.match(word) for word in words)):
            return f"site notice ({', '.join(sorted(weak))})"
        if site and trade:
            return f"site notice ({site.group(0)}, {trade.group(0)})"
        # (on the line as written: `text` has its runs of spaces and ideographic spaces folded into one space)
        # "Document No. XR-SP-006 / Version 1.4 / Owner: Customer Service": the document's own header.
        if len(MENU_SEPARATOR.findall(line.strip())) >= 2 and (site or trade) and not _DOCUMENT_FIELDS.search(text):
            return "site menu"
        # A download word beside another trade word is a short site notice; beside a hotline and a QQ group
        # ("下载遇到问题？…客服热线…QQ交流群") the site's help line at any notice length. A company's own line about
        # downloading a refund form from OA for customer service is not.
        trades = {m.group(0).lower() for m in TRADE.finditer(text)}
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


# A contents list on one line: its numbered headings set apart by bars, after a "目录" label.
MIN_CONTENTS_ITEMS = 3
MAX_CONTENTS_ITEM_CHARS = 24
_CONTENTS_LABEL = re.compile(r"^[^:：]{0,16}(?:目录|contents)[^:：]{0,12}[:：]\s*", re.IGNORECASE)
_ITEM_BAR = re.compile(r"\s*[/｜|]\s*")


def _contents_on_one_line(text: str) -> bool:
    """A contents list written on one line, its numbered headings set apart by bars ("本文目录（自动生成）：一、岗位概述
    / 二、岗位职责 / 三、任职要求"): the document's headings follow as its own text. A sentence that counts its points
    ("分三部分：一、业绩；二、回款；三、满意度") sets them apart with semicolons and stays."""
    items = _ITEM_BAR.split(_CONTENTS_LABEL.sub("", text))
    return len(items) >= MIN_CONTENTS_ITEMS and all(
        NUMBERED.match(item) and len(item) <= MAX_CONTENTS_ITEM_CHARS for item in items
    )


NUMBERED = re.compile(
    r"^(?:[一二三四五六七八九十]+、|第[一二三四五六七八九十百\d]+[章节条部分]|[(（][一二三四五六七八九十\d]+[)）]|\d+(?:\.\d+)*[.、)）]\s*\S)"
)


def neighbours(lines: Sequence[str], i: int) -> tuple[int | None, int | None]:
    """The nearest non-blank lines above and below line i (None at the text's edge)."""
    above = next((j for j in range(i - 1, -1, -1) if lines[j].strip()), None)
    below = next((j for j in range(i + 1, len(lines)) if lines[j].strip()), None)
    return above, below


def beside_chrome(lines: Sequence[str], reasons: list[str | None], i: int) -> bool:
    """The nearest non-blank line above or below line i is a site's chrome (a page number is a document's own)."""
    return any(j is not None and reasons[j] not in (None, "page number") for j in neighbours(lines, i))


# An entry of a table of contents: its heading, a dot leader and the page ("岗位概述 ········· P1", "Scope ..... 3").
_CONTENTS_ENTRY = re.compile(r"^\S.{0,40}?\s*(?:[·.…]\s*){4,}\s*(?:p\.?\s*|第\s*)?\d{1,3}\s*页?$", re.IGNORECASE)


SITE_NAME_CHARS = 20
MAX_SITE_BANNER_CHARS = 50
