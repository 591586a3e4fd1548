"""E-mail threads pasted as text: quoted replies unquoted, each message's header fields, separators, signatures,
footers and automatic replies dropped, the thread's subject kept as its title."""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

from ingest.boilerplate.lines import NUMBERED, SEPARATOR, neighbours

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
    r"打印前|打印之前|think before (?:you )?print|"
    # An out-of-office reply's sentence, a company's registration line under a signature.
    r"\bI(?:'m| am| will be) (?:currently )?out of (?:the )?office\b|我(?:目前)?正在休假|无法及时回复邮件|"
    r"^自动回复\s*[:：]|来自企业外部|来自外部(?:发件人|邮箱)|外部邮件(?:提醒|警告|提示)|"
    r"limited access to (?:my )?e-?mail|休年假|邮件处理可能延迟|links? rewritten|sender verified|"
    r"^»+\s*meet us at\b|^when\s*:\s*\w+day,|"
    r"registered in england|registered office\s*:|company (?:registration|reg\.?) no|"
    # A meeting invitation pasted under a message: its join link, ID, passcode and dial-in lines.
    r"^join (?:zoom|microsoft teams|teams|webex) meeting|zoom\.us/j/|^meeting id\s*:|^passcode\s*:|"
    r"^one tap mobile|,,\d{6,}#|^(?:会议号|会议密码|腾讯会议)\s*[:：]",
    re.IGNORECASE,
)
# A signature's contact or address line: phones, fax, mailbox, a street address ("3F, Building B, 1888 Huaxia
# Road", "浦东新区华夏路1888号B座3楼").
CONTACT = re.compile(
    r"手机|座机|电话|传真|邮箱|地址|tel\b|mobile|phone|fax|e-?mail\s*[:：]|\d{3,4}[- ]\d{4}|"
    r"\b(?:road|rd\.|street|st\.|avenue|building|floor|suite)\b|\d+F,|\d+号|大厦|\bunit \d+\b|"
    r"\b[a-z]{1,2}\d{1,2}[a-z]? \d[a-z]{2}\b",  # "Unit 4, Harwell Innovation Park, Didcot OX11 0QX"
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


def unquoted(lines: Sequence[str]) -> Sequence[str]:
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


def email_thread(lines: Sequence[str], reasons: list[str | None]) -> str:
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
            above, _below = neighbours(lines, j)
            slogan = not run and len(text) <= MAX_SLOGAN_CHARS and above is not None and CONTACT.search(lines[above])
            short = len(text) <= MAX_SIGNATURE_CHARS and (not sentence or bool(slogan))
            if len(run) >= MAX_SIGNATURE_LINES or NUMBERED.match(text) or not (short or CONTACT.search(text)):
                break
            run.append(j)
        for j in run:
            reasons[j] = "e-mail signature"
    for i, line in enumerate(lines):
        # the first line of a message under its header block (a blank line between)
        above, _below = neighbours(lines, i)
        text = line.strip()
        under_header = above is not None and fields[above] and reasons[above] == "e-mail header"
        if not text or not under_header or reasons[i] is not None:
            continue
        if len(text) <= MAX_SALUTATION_CHARS and _SALUTATION.match(text):
            reasons[i] = "e-mail salutation"
    _wrapped_footers(lines, reasons)
    _signed_blocks(lines, reasons)
    _automatic_replies(lines, reasons)
    return subject


MAX_WRAPPED_LINES = 8
MIN_WRAPPED_CHARS = 40
_SENTENCE_END = re.compile(r"[.。!！?？]['\"”’)）]*$")


def _wrapped_footers(lines: Sequence[str], reasons: list[str | None]) -> None:
    """A disclaimer wrapped over several lines ("CONFIDENTIALITY NOTICE: This e-mail and any attachments are" /
    "confidential and intended solely for the addressee. If you have" / …): the lines after its first, down to
    the one that ends its last sentence."""
    for i, reason in enumerate(reasons):
        text = lines[i].strip()
        # cut mid-sentence: a long line ending on a word ("…and any attachments are"), not "[cid:image001.png]"
        if reason == "e-mail footer" and len(text) >= MIN_WRAPPED_CHARS and text[-1].isalnum():
            for j in range(i + 1, min(len(lines), i + 1 + MAX_WRAPPED_LINES)):
                follow = lines[j].strip()
                if not follow or reasons[j] is not None:
                    break
                reasons[j] = "e-mail footer"
                if _SENTENCE_END.search(follow):
                    break


# A message's closing word: the lines under it, down to a blank line, are the sender's signature. So are the
# lines under the mail convention's "-- " delimiter.
_SIGNATURE_DELIMITER = re.compile(r"^--$")
_VALEDICTION = re.compile(
    r"^(?:best|kind|warm)?\s*regards|^(?:best|cheers|thanks|thank you|many thanks|sincerely|yours sincerely|br)"
    r"[,，.!！]?$|^(?:此致|敬礼|祝好|顺祝商祺|祝商祺|谢谢|多谢)[!！,，。]?$",
    re.IGNORECASE,
)
MAX_SIGNED_LINES = 8


def _signed_blocks(lines: Sequence[str], reasons: list[str | None]) -> None:
    """The closing ("Best regards") and the lines under it down to a blank line: the sender's name, title,
    company, phone, slogan and the banners a mail system appends ("Join the weekly sales call on Teams … |
    Meeting ID …"), however long. A sentence under the closing (a P.S.) ends the signature and stays; under a
    "--" delimiter every line down to the blank line is the signature ("www.example.com | Make every screen
    count.")."""
    for i, line in enumerate(lines):
        delimited = bool(_SIGNATURE_DELIMITER.match(line.strip()))
        if reasons[i] is not None or not (delimited or _VALEDICTION.match(line.strip())):
            continue
        block = [i]
        for j in range(i + 1, min(len(lines), i + 1 + MAX_SIGNED_LINES)):
            text = lines[j].strip()
            if not text or reasons[j] not in (None, "e-mail signature"):
                break
            if not delimited and (re.search(r"[。！？!?]$", text) or (text.endswith(".") and len(text.split()) >= 5)):
                break
            block.append(j)
        for j in block:
            reasons[j] = "e-mail signature"


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
