"""Validates questions.jsonl against the documents in kb/. Run with /work/main/.venv/bin/python."""
import json, os, sys, collections
from html.parser import HTMLParser

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, "..")
KB = os.path.join(ROOT, "kb")


class _Text(HTMLParser):
    def __init__(self):
        super().__init__(); self.out = []; self.skip = 0
    def handle_starttag(self, tag, a):
        if tag in ("script", "style"): self.skip += 1
    def handle_endtag(self, tag):
        if tag in ("script", "style"): self.skip -= 1
    def handle_data(self, d):
        if not self.skip: self.out.append(d)


def text_of(name):
    p = os.path.join(KB, name)
    if name.endswith(".docx"):
        import docx
        return "\n".join(x.text for x in docx.Document(p).paragraphs)
    if name.endswith(".pdf"):
        import pypdf
        return "\n".join(pg.extract_text() for pg in pypdf.PdfReader(p).pages)
    raw = open(p, encoding="utf-8").read()
    if name.endswith(".html"):
        t = _Text(); t.feed(raw); return "".join(t.out)
    return raw


texts = {n: text_of(n) for n in os.listdir(KB)}
KINDS = {"same_lang", "cross_lang", "chat", "procedure", "near_miss", "off_topic"}
errors = []
by_doc = collections.Counter(); by_kind = collections.Counter(); by_lang = collections.Counter()
by_doc_lang = collections.Counter(); unans = 0; boiler = 0
for i, line in enumerate(open(os.path.join(ROOT, "questions.jsonl"), encoding="utf-8"), 1):
    try:
        r = json.loads(line)
    except Exception as e:
        errors.append(f"line {i}: bad json {e}"); continue
    if r.get("lang") not in ("en", "zh"): errors.append(f"line {i}: lang")
    if r.get("kind") not in KINDS: errors.append(f"line {i}: kind")
    if not isinstance(r.get("q"), str) or not r["q"].strip(): errors.append(f"line {i}: q")
    by_kind[r["kind"]] += 1; by_lang[r["lang"]] += 1
    if r["answerable"]:
        src = r.get("source")
        if src not in texts: errors.append(f"line {i}: source {src}"); continue
        t = texts[src]
        if r.get("section") not in t: errors.append(f"line {i}: section not in text: {r.get('section')}")
        if not r.get("facts"): errors.append(f"line {i}: no facts")
        for f in r.get("facts", []):
            if f not in t: errors.append(f"line {i}: fact not in {src}: {f!r}")
        if r["kind"] in ("near_miss", "off_topic"): errors.append(f"line {i}: answerable with kind {r['kind']}")
        by_doc[src] += 1; by_doc_lang[(src, r["lang"])] += 1
    else:
        unans += 1
        if any(k in r for k in ("source", "section", "facts")): errors.append(f"line {i}: unanswerable has source/facts")
        if r["kind"] not in ("near_miss", "off_topic"): errors.append(f"line {i}: unanswerable kind {r['kind']}")
        boiler += bool(r.get("boilerplate"))
total = sum(by_kind.values())
print("total", total, "unanswerable", unans, f"({unans/total:.0%})", "boilerplate", boiler)
print("answerable by doc:", dict(by_doc)); print("answerable by doc/lang:", dict(by_doc_lang))
print("by kind:", dict(by_kind)); print("by lang:", dict(by_lang))
for n, t in texts.items(): print(f"  {n}: {len(t)} chars extracted")
if errors:
    print("\n".join(errors)); sys.exit(1)
print("OK")
