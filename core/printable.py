"""Text from outside (file names, values read from files) made safe to print on one terminal line.

A file named "\\x1b[2J.md" would clear the screen of whoever reads an error about it, and a name holding a
newline would forge a second line; undecodable bytes in a name (surrogate escapes) would crash the print.
Every such character is shown as its Python escape instead, the way repr() shows it, while Chinese and
other printable text stays as it is.
"""

from __future__ import annotations

import re

# Everything str.isprintable() rejects except the plain space: C0/C1 controls, DEL, format characters such as
# the right-to-left override U+202E, line and paragraph separators, surrogates, private-use and unassigned
# code points. Checked per character by the function below; the pattern only finds candidates fast.
_SUSPECT = re.compile(r"[^\x20-\x7e\u00a0-\u02ff\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]")


def _escape(char: str) -> str:
    if char == " " or char.isprintable():
        return char
    return repr(char)[1:-1]  # "\\x1b", "\\u202e", "\\udcff"


def printable(text: object) -> str:
    """`text` (a path, a string, anything with str()) with every non-printable character escaped (\\x1b)."""
    value = str(text)
    return _SUSPECT.sub(lambda match: _escape(match.group()), value)
