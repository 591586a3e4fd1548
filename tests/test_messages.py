"""The plain reply object's rules that every door relies on."""

from __future__ import annotations

import pytest

from core.messages import Citation, Reply


def _cite(name: str) -> Citation:
    return Citation(title=name, source=f"/kb/{name}.md", section=f"{name} > Part")


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        ("Ship within 5 days. [1] Escalate after 15. [2]", ["a", "b"]),
        ("Only the first source is used. [1]", ["a"]),
        ("No markers: a decision lists every source.", ["a", "b", "c"]),
    ],
    ids=["two-cited", "one-cited", "no-markers"],
)
def test_doors_list_only_the_cited_sources(answer: str, expected: list[str]) -> None:
    reply = Reply(answer=answer, grounded=True, citations=[_cite("a"), _cite("b"), _cite("c")])
    assert [c.title for c in reply.shown_citations()] == expected
    # JSON keeps the whole ranked list: the eval contract counts hits among the top-k citations.
    assert len(reply.to_json_dict()["citations"]) == 3  # type: ignore[arg-type]
