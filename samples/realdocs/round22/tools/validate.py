#!/usr/bin/env python3
"""Validate round22: facts/sections occur verbatim in extracted source text; chrome lines occur in docs 1 and 4."""
import json, os, re, sys
from collections import Counter
from html.parser import HTMLParser

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
KB = os.path.join(ROOT, "kb")

class _Text(HTMLParser):
    def __init__(self):
        super().__init__(); self.parts = []; self.skip = 0
    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"): self.skip += 1
    def handle_endtag(self, tag):
        if tag in ("script", "style") and self.skip: self.skip -= 1
    def handle_data(self, data):
        if not self.skip and data.strip(): self.parts.append(data.strip())

def extract(name):
    p = os.path.join(KB, name)
    if name.endswith(".txt"):
        return open(p, encoding="utf-8").read()
    if name.endswith(".docx"):
        from docx import Document
        d = Document(p)
        out = [para.text for para in d.paragraphs]
        for t in d.tables:
            for row in t.rows:
                out.append("\t".join(c.text for c in row.cells))
        return "\n".join(out)
    if name.endswith(".pdf"):
        from pypdf import PdfReader
        return "\n".join(pg.extract_text() for pg in PdfReader(p).pages)
    if name.endswith((".html", ".htm")):
        h = _Text(); h.feed(open(p, encoding="utf-8").read()); return "\n".join(h.parts)
    raise ValueError(name)

def norm(s):
    return re.sub(r"\s+", "", s)

def main():
    errs = []
    files = sorted(os.listdir(KB))
    texts = {f: extract(f) for f in files}
    ntexts = {f: norm(t) for f, t in texts.items()}
    for f, t in texts.items():
        print(f"{f}: {len(t.splitlines())} extracted lines")

    # chrome
    chrome_doc = {"document 1": "zhixing_wenku_销售代表岗位职责.txt", "document 4": "intranet_export_sales_policy.html"}
    cur = None; chrome = {v: [] for v in chrome_doc.values()}
    for line in open(os.path.join(ROOT, "chrome.txt"), encoding="utf-8").read().splitlines():
        if line.startswith("#"):
            for k, v in chrome_doc.items():
                if k in line: cur = v
            continue
        if not line.strip(): continue
        if cur is None: errs.append(f"chrome line before any doc marker: {line}"); continue
        chrome[cur].append(line)
        if cur.endswith(".txt"):
            if line not in texts[cur].splitlines():
                errs.append(f"chrome line not found exactly in {cur}: {line}")
        elif norm(line) not in ntexts[cur]:
            errs.append(f"chrome line not found in {cur}: {line}")
    # content text with chrome removed (facts must come from the real content)
    content = dict(ntexts)
    for f, lines in chrome.items():
        t = texts[f]
        for l in sorted(lines, key=len, reverse=True):
            t = t.replace(l, "\n") if f.endswith(".txt") else t
        if f.endswith(".html"):
            parts = [p for p in t.split("\n") if p.strip() not in set(lines)]
            t = "\n".join(parts)
        content[f] = norm(t)

    # questions
    qs = [json.loads(l) for l in open(os.path.join(ROOT, "questions.jsonl"), encoding="utf-8") if l.strip()]
    kinds = Counter(); kl = Counter(); per_src = Counter()
    for i, q in enumerate(qs, 1):
        tag = f"q{i} [{q.get('kind')}] {q.get('q')[:40]}"
        for k in ("q", "lang", "kind", "answerable", "source", "section", "facts"):
            if k not in q: errs.append(f"{tag}: missing {k}")
        kinds[q["kind"]] += 1; kl[(q["kind"], q["lang"])] += 1
        if q["source"]: per_src[q["source"]] += 1
        if q["lang"] not in ("zh", "en"): errs.append(f"{tag}: bad lang")
        is_zh_q = bool(re.search(r"[\u4e00-\u9fff]", q["q"]))
        if (q["lang"] == "zh") != is_zh_q: errs.append(f"{tag}: lang mismatch")
        if q.get("boilerplate") and not (q["kind"] == "near_miss" and not q["answerable"]):
            errs.append(f"{tag}: boilerplate only on unanswerable near_miss")
        if q["answerable"]:
            if q["source"] not in texts: errs.append(f"{tag}: unknown source {q['source']}"); continue
            if not (1 <= len(q["facts"]) <= 3): errs.append(f"{tag}: fact count {len(q['facts'])}")
            if q["kind"] != "procedure" and len(q["facts"]) > 2: errs.append(f"{tag}: >2 facts")
            if not q["section"] or norm(q["section"]) not in content[q["source"]]:
                errs.append(f"{tag}: section not found: {q['section']}")
            src_zh = q["source"].endswith(".pdf") or "销售" in q["source"]
            for fct in q["facts"]:
                if not (2 <= len(fct) <= 25): errs.append(f"{tag}: fact length {len(fct)}: {fct}")
                if norm(fct) not in content[q["source"]]: errs.append(f"{tag}: fact not in content: {fct}")
            if q["kind"] == "cross_lang" and src_zh == (q["lang"] == "zh"):
                errs.append(f"{tag}: cross_lang but same language as source")
            if q["kind"] == "same_lang" and src_zh != (q["lang"] == "zh"):
                errs.append(f"{tag}: same_lang but different language")
        else:
            if q["facts"]: errs.append(f"{tag}: unanswerable with facts")
            if q["kind"] not in ("near_miss", "off_topic"): errs.append(f"{tag}: unanswerable kind")
    print("total", len(qs)); print(dict(kinds)); print(dict(sorted(kl.items()))); print(dict(per_src))
    print("boilerplate", sum(1 for q in qs if q.get("boilerplate")))
    for e in errs: print("ERROR", e)
    print("OK" if not errs else f"{len(errs)} errors")
    return 1 if errs else 0

if __name__ == "__main__":
    sys.exit(main())
