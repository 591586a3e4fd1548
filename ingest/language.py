"""Language of a document or question: Chinese when CJK characters carry a real share of the letters."""

from __future__ import annotations

import re

_CJK_CHAR = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_LATIN_LETTER = re.compile("[A-Za-z\u00c0-\u024f]")

# One Chinese character carries about as much as a short English word (3-5 letters), so a document whose CJK
# characters are a fifth of all letters is mostly Chinese prose with English model numbers and terms in it.
ZH_SHARE = 0.2


def detect_language(text: str) -> str:
    """Return "zh" when CJK characters make up a high share of the letters, else "en".

    A character ratio is cheap, deterministic and handles the mixed text sales documents have ("AX-100 Pro
    的保修期"), where statistical detectors such as langdetect wobble on short inputs.
    """
    cjk = len(_CJK_CHAR.findall(text))
    if cjk == 0:
        return "en"
    latin = len(_LATIN_LETTER.findall(text))
    return "zh" if cjk / (cjk + latin) >= ZH_SHARE else "en"
