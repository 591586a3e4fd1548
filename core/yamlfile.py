"""One wording for a YAML syntax error in any of our data files (glossary, rules, onboarding, policy).

PyYAML knows the line of most syntax errors; the message puts it where editors and `grep -n` expect it,
"file:LINE: not valid YAML (what is wrong)", so every loader reports the same way.
"""

from __future__ import annotations

import yaml


def yaml_problem(source: str, exc: yaml.YAMLError) -> str:
    """`source:LINE: not valid YAML (problem)`; without the line when PyYAML does not know it."""
    mark = getattr(exc, "problem_mark", None)
    where = f"{source}:{mark.line + 1}" if mark is not None else source
    if isinstance(exc, yaml.reader.ReaderError):  # a control character: no line, only an offset
        problem = f"{exc.reason} {exc.character!r} at character {exc.position}"
    else:
        problem = str(getattr(exc, "problem", None) or exc)
    return f"{where}: not valid YAML ({' '.join(problem.split())})"  # always one line
