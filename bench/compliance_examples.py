"""Build the semantic detector's labelled examples and their vectors (compliance/examples.json/.npy).

Sources, all in the repo: the tuned set, the blind set, the fresh rounds already scored (a round joins only
after its first score is recorded: never the round about to be scored), and lawful background lines of a
company knowledge base (samples/fresh/northwind/kb) so that ordinary product and policy text has near
neighbours that are not violations. The sample company's own knowledge base (samples/kb) is left out: it is
the false-alarm test. Run `python -m bench.compliance_examples` after changing a source; it embeds with the
default backend (knowledge.embeddings.load_embeddings) and stores float16 vectors with the model's identity.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import numpy as np

from compliance.semantic import EXAMPLES_FILE, VECTORS_FILE, Example, examples_digest, model_identity

REPO = Path(__file__).resolve().parent.parent
EVAL = REPO / "samples" / "eval"
LABELLED_SOURCES = (
    "compliance.jsonl",
    "compliance_blind.jsonl",
    "compliance_fresh_r1.jsonl",  # first score committed in 14bf69c
    "compliance_fresh_r2.jsonl",  # first score committed in 3b422af
)
# Drafts written for the detector, a few per category in both languages with lawful twins (an open, booked
# commission; a sourced figure; a stated sale period; a warranty term), so that a family is recognised by more
# than the wordings the evaluation sets happen to use. None is taken from an evaluation round.
AUTHORED = REPO / "compliance" / "examples_authored.jsonl"
BACKGROUND = REPO / "samples" / "fresh" / "northwind" / "kb"
_MARKUP = re.compile(r"^[#>*\-\s|]+|[*`|]+")
_WORDS = re.compile(r"[\u3400-\u9fff]|[A-Za-z]+")


def labelled_examples() -> list[Example]:
    """Every labelled draft of the training sources and the authored examples, in file order."""
    examples: list[Example] = []
    for name in LABELLED_SOURCES:
        for line in (EVAL / name).read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                examples.append(Example(row["text"], tuple(row["categories"]), name))
    for line in AUTHORED.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            examples.append(Example(row["text"], tuple(row["categories"]), AUTHORED.name))
    return examples


def background_examples() -> list[Example]:
    """Lawful lines of a company knowledge base (markup stripped, fragments under 8 words dropped, deduplicated)."""
    seen: set[str] = set()
    examples: list[Example] = []
    for path in sorted(BACKGROUND.rglob("*")):
        if not path.is_file() or path.suffix not in {".md", ".txt"}:
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            text = _MARKUP.sub("", line).strip()
            if len(_WORDS.findall(text)) >= 8 and text not in seen:
                seen.add(text)
                examples.append(Example(text, (), f"background:{path.name}"))
    return examples


def build(embeddings: Any, out_dir: Path = REPO / "compliance") -> dict[str, Any]:
    """Write the examples JSON and their vectors; returns the JSON's header."""
    examples = labelled_examples() + background_examples()
    vectors = np.asarray(embeddings.embed_documents([e.text for e in examples]), dtype=np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    header = {
        "about": "labelled drafts for the semantic compliance check; built by bench/compliance_examples.py",
        "sources": [*LABELLED_SOURCES, str(AUTHORED.relative_to(REPO)), str(BACKGROUND.relative_to(REPO))],
        "vectors": {"model": model_identity(embeddings), "digest": examples_digest(examples), "file": VECTORS_FILE},
    }
    rows = [{"text": e.text, "categories": list(e.categories), "source": e.source} for e in examples]
    (out_dir / EXAMPLES_FILE).write_text(
        json.dumps({**header, "examples": rows}, ensure_ascii=False, indent=0) + "\n", encoding="utf-8"
    )
    np.save(out_dir / VECTORS_FILE, vectors.astype(np.float16))
    return {**header, "count": len(examples)}


if __name__ == "__main__":
    from core.settings import Settings
    from knowledge.embeddings import load_embeddings

    print(build(load_embeddings(Settings())))
