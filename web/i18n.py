"""The console's words in English and Chinese, and which language a request gets.

The language is `?lang=` (remembered in a cookie), else the cookie, else the browser's Accept-Language.
"""

from __future__ import annotations

from typing import Literal

Language = Literal["en", "zh"]
LANG_COOKIE = "sc_lang"

TEXTS: dict[str, tuple[str, str]] = {
    "title": ("Sales coach console", "销售教练控制台"),
    "nav_team": ("Team", "团队"),
    "nav_me": ("My coaching", "我的辅导"),
    "nav_briefings": ("Briefings", "通知"),
    "nav_gaps": ("Gaps", "知识缺口"),
    "nav_documents": ("Documents", "文档"),
    "nav_audit": ("Audit", "审计"),
    "logout": ("Log out", "退出"),
    "signed_in_as": ("Signed in as", "当前用户"),
    "login_needed": ("Please log in", "请先登录"),
    "login_needed_body": (
        "Ask the bot for a link with /web, or run `salescoach web-link YOUR_ID`.",
        "在 Telegram 中发送 /web 获取登录链接，或运行 `salescoach web-link 您的工号`。",
    ),
    "link_invalid": ("This link is no longer valid", "此链接已失效"),
    "link_invalid_body": (
        "Login links work once and for 15 minutes. Ask for a new one with /web.",
        "登录链接只能使用一次，15 分钟内有效。请发送 /web 获取新链接。",
    ),
    "forbidden": ("Not available to you", "您无权查看此页面"),
    "forbidden_team": ("Only managers and directors see team pages.", "只有经理和总监可以查看团队页面。"),
    "not_found": ("Not found", "未找到"),
    "not_visible": ("No rep {target} among the people you may see.", "您可查看的人员中没有 {target}。"),
    "bad_request": ("Cannot show this page", "无法显示此页面"),
    "logged_out": ("You are logged out", "您已退出登录"),
    "period": ("Period", "期间"),
    "show": ("Show", "显示"),
    "rep": ("Rep", "销售代表"),
    "table_caption": (
        "Key KPIs for {period}; a flagged cell names its severity. Click a column to sort.",
        "{period} 关键 KPI；有提示的单元格注明严重程度。点击列标题排序。",
    ),
    "rows": ("Rows", "行"),
    "rows_of": ("rows {first}–{last} of {total}", "第 {first}–{last} 行，共 {total} 行"),
    "previous": ("previous", "上一页"),
    "next": ("next", "下一页"),
    "flags": ("Other flags", "其他提示"),
    "priorities": ("Top coaching priorities", "首要辅导重点"),
    "no_priorities": (
        "None: every rep is within the team's middle half or better.",
        "无：每位代表都处于团队中间水平或更好。",
    ),
    "without_data": ("No data for this period", "本期无数据"),
    "team_of": ("Team of {name}", "{name} 的团队"),
    "members": ("{n} reps", "{n} 位代表"),
    "sort_by": ("Sort by {column}", "按 {column} 排序"),
    "chart_team": ("Flags per KPI by severity", "各 KPI 的提示数量（按严重程度）"),
    "chart_rep": ("KPIs against the team's middle half", "KPI 与团队中间 50% 对比"),
    "findings": ("Findings", "发现"),
    "no_findings": (
        "No findings: every KPI is within the team's middle half or better.",
        "没有发现：每项 KPI 都处于团队中间水平或更好。",
    ),
    "actions": ("Suggested actions", "建议行动"),
    "sources": ("From the manuals", "参考手册"),
    "channels": ("Recommended channels", "推荐渠道"),
    "metric": ("Metric", "指标"),
    "value": ("Value", "数值"),
    "median": ("Team median", "团队中位数"),
    "p25": ("25th pct.", "25 分位"),
    "p75": ("75th pct.", "75 分位"),
    "against": ("Compared with {label} ({n} reps)", "对比 {label}（{n} 人）"),
    "briefing": ("Briefing", "通知"),
    "sent": ("Sent", "发送时间"),
    "due": ("Due", "截止"),
    "recipients": ("Recipients", "接收人"),
    "delivered": ("Delivered", "已送达"),
    "acknowledged": ("Acknowledged", "已确认"),
    "overdue": ("overdue", "已逾期"),
    "status": ("Status", "状态"),
    "pending": ("pending", "待发送"),
    "no_briefings": ("No briefings sent yet.", "尚未发送通知。"),
    "question": ("Question", "问题"),
    "asks": ("Asked", "次数"),
    "ungrounded": ("Unanswered", "未能回答"),
    "not_helpful": ("Voted down", "差评"),
    "last_asked": ("Last asked", "最近提问"),
    "door": ("Door", "来源"),
    "mark_handled": ("Mark handled", "标记为已处理"),
    "handled": ("handled", "已处理"),
    "no_gaps": ("No open gaps: every question found an answer.", "没有未解决的缺口。"),
    "show_handled": ("Show handled too", "同时显示已处理"),
    "doc_title": ("Title", "标题"),
    "doc_type": ("Type", "类型"),
    "language": ("Language", "语言"),
    "version": ("Version", "版本"),
    "review_by": ("Review by", "复审日期"),
    "stale": ("stale", "已过期"),
    "chunks": ("Passages", "段落数"),
    "audience": ("Audience", "受众"),
    "everyone": ("everyone", "所有人"),
    "no_documents": ("No documents indexed yet.", "尚未索引任何文档。"),
    "when": ("When", "时间"),
    "kind": ("Kind", "类型"),
    "requested": ("Requested", "申请"),
    "limit": ("Limit", "权限"),
    "allowed": ("Allowed", "允许"),
    "any": ("any", "全部"),
    "yes": ("yes", "是"),
    "no": ("no", "否"),
    "from": ("From", "起"),
    "to": ("To", "止"),
    "filter": ("Filter", "筛选"),
    "download_csv": ("Download CSV", "下载 CSV"),
    "audit_limited": (
        "Showing the latest {n} decisions; narrow the filters to see older ones.",
        "仅显示最近 {n} 条记录；请缩小筛选范围查看更早的记录。",
    ),
    "no_decisions": ("No decisions match.", "没有符合条件的记录。"),
    "bad_date": ("bad date {value!r}: use YYYY-MM-DD", "日期 {value!r} 无效：请使用 YYYY-MM-DD"),
    "bad_allowed": ("bad value {value!r} for allowed: use yes or no", "allowed 的值 {value!r} 无效：请用 yes 或 no"),
    "switch_lang": ("中文", "English"),
}


def t(key: str, language: Language, **values: object) -> str:
    """The text `key` in `language`, with `{name}` fields filled."""
    english, chinese = TEXTS[key]
    template = chinese if language == "zh" else english
    return template.format(**values) if values else template


def choose_language(query: str | None, cookie: str | None, accept_language: str | None) -> Language:
    """?lang= first, then the remembered choice, then the browser's preference order (q-values honoured)."""
    for explicit in (query, cookie):
        if explicit in ("en", "zh"):
            return "zh" if explicit == "zh" else "en"
    ranked: list[tuple[float, int, str]] = []
    for position, part in enumerate((accept_language or "").split(",")):
        tag, _, params = part.strip().partition(";")
        quality = 1.0
        if params.strip().startswith("q="):
            try:
                quality = float(params.strip()[2:])
            except ValueError:
                quality = 0.0
        ranked.append((-quality, position, tag.strip().lower()))
    for _q, _pos, tag in sorted(ranked):
        if tag.startswith("zh"):
            return "zh"
        if tag.startswith("en"):
            return "en"
    return "en"
