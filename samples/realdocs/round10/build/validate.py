#!/usr/bin/env python3
"""Validate questions.jsonl against kb/ documents."""
import json, os, re, sys, collections, html as htmlmod
BASE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
KB = os.path.join(BASE, "kb")
KINDS = {"same_lang", "cross_lang", "chat", "procedure", "near_miss", "off_topic"}

def extract(path):
    ext = path.rsplit(".", 1)[-1].lower()
    if ext == "txt":
        return open(path, encoding="utf-8").read()
    if ext == "docx":
        import docx
        d = docx.Document(path)
        parts = [p.text for p in d.paragraphs]
        for t in d.tables:
            for row in t.rows:
                for c in row.cells:
                    parts.append(c.text)
        return "\n".join(parts)
    if ext == "pdf":
        import pypdf
        r = pypdf.PdfReader(path)
        return "\n".join(p.extract_text() or "" for p in r.pages)
    if ext in ("html", "htm"):
        s = open(path, encoding="utf-8").read()
        s = re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", s)
        s = re.sub(r"(?s)<!--.*?-->", " ", s)
        s = re.sub(r"(?s)<[^>]+>", " ", s)
        s = htmlmod.unescape(s)
        return s
    raise ValueError("unsupported " + path)

def main():
    qpath = os.path.join(BASE, "questions.jsonl")
    texts, errors = {}, []
    by_kind, by_lang, by_src = collections.Counter(), collections.Counter(), collections.Counter()
    src_lang = collections.Counter()
    n = 0
    for i, line in enumerate(open(qpath, encoding="utf-8"), 1):
        if not line.strip():
            errors.append(f"line {i}: blank line"); continue
        try:
            q = json.loads(line)
        except Exception as e:
            errors.append(f"line {i}: bad json {e}"); continue
        n += 1
        for k in ("q", "lang", "kind", "answerable"):
            if k not in q: errors.append(f"line {i}: missing {k}")
        if q.get("lang") not in ("en", "zh"): errors.append(f"line {i}: bad lang")
        if q.get("kind") not in KINDS: errors.append(f"line {i}: bad kind {q.get('kind')}")
        lang = q.get("lang")
        if lang == "zh" and not re.search(r"[\u4e00-\u9fff]", q.get("q", "")):
            errors.append(f"line {i}: lang zh but no Chinese chars")
        if lang == "en" and re.search(r"[\u4e00-\u9fff]", q.get("q", "")):
            errors.append(f"line {i}: lang en but has Chinese chars")
        by_kind[q.get("kind")] += 1; by_lang[lang] += 1
        if q.get("answerable") is True:
            allowed = {"q", "lang", "kind", "answerable", "source", "section", "facts"}
            extra = set(q) - allowed
            if extra: errors.append(f"line {i}: extra fields {extra}")
            if q.get("kind") in ("near_miss", "off_topic"): errors.append(f"line {i}: answerable but kind {q['kind']}")
            src = q.get("source"); sp = os.path.join(KB, src or "")
            if not src or not os.path.isfile(sp):
                errors.append(f"line {i}: source missing {src}"); continue
            if src not in texts: texts[src] = extract(sp)
            by_src[src] += 1; src_lang[(src, lang)] += 1
            if not q.get("section"): errors.append(f"line {i}: empty section")
            facts = q.get("facts")
            if not isinstance(facts, list) or not 1 <= len(facts) <= 3:
                errors.append(f"line {i}: facts must be list of 1-3"); continue
            for f in facts:
                if not isinstance(f, str) or not f or f not in texts[src]:
                    errors.append(f"line {i}: fact not found in {src}: {f!r}")
            sec = q.get("section", "")
            # section heading check: the numbered heading's leading token should be in the text
            if sec and sec.split()[0] not in texts[src]:
                errors.append(f"line {i}: section token not in text: {sec!r}")
            doc_zh = bool(re.search(r"[\u4e00-\u9fff]{20}", texts[src]))
            if q.get("kind") == "cross_lang" and ((lang == "zh") == doc_zh):
                errors.append(f"line {i}: cross_lang but same language as document")
            if q.get("kind") == "same_lang" and ((lang == "zh") != doc_zh):
                errors.append(f"line {i}: same_lang but other language than document")
        elif q.get("answerable") is False:
            allowed = {"q", "lang", "kind", "answerable", "boilerplate"}
            extra = set(q) - allowed
            if extra: errors.append(f"line {i}: extra fields on unanswerable {extra}")
            if "boilerplate" in q and q["boilerplate"] is not True: errors.append(f"line {i}: boilerplate must be true")
            if q.get("kind") not in ("near_miss", "off_topic"): errors.append(f"line {i}: unanswerable kind {q.get('kind')}")
        else:
            errors.append(f"line {i}: answerable must be bool")
    docs = sorted(f for f in os.listdir(KB))
    print(f"total questions: {n}")
    print("by kind:", dict(by_kind))
    print("by lang:", dict(by_lang))
    print("boilerplate:", sum(1 for l in open(qpath, encoding='utf-8') if '"boilerplate": true' in l))
    print("by source:")
    for d in docs:
        print(f"  {by_src[d]:3d}  (en {src_lang[(d,'en')]}, zh {src_lang[(d,'zh')]})  {d}")
        if by_src[d] < 20: errors.append(f"source {d} has only {by_src[d]} questions")
    for d in docs:
        t = texts.get(d) or extract(os.path.join(KB, d))
        print(f"  doc {d}: {len(t)} chars extracted, {len(t.split())} tokens")
    if n < 120: errors.append("fewer than 120 questions")
    if by_kind["cross_lang"] < 20: errors.append("fewer than 20 cross_lang")
    if errors:
        print(f"\n{len(errors)} ERRORS:"); [print(" ", e) for e in errors]; sys.exit(1)
    print("\nOK: clean")

if __name__ == "__main__":
    main()
