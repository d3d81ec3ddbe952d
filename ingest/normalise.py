"""Length-preserving text normalisation: every character keeps its offset.

Hard-wrapped lines, Markdown emphasis and escapes, odd spaces and control characters
are replaced one character for one, so an offset into the normalised text is the
same offset into the source text and no map needs to be carried downstream.
"""

from __future__ import annotations

import re

_SPACES = re.compile(r"[\u00a0\u2000-\u200a\u202f\u205f\u3000\t\f\v]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f\u200b\u2060\ufeff]")
_MD_EMPHASIS = re.compile(r"\*\*|__")
_MD_ESCAPE = re.compile(r"\\(?=[\\`*_{}\[\]()#+\-.!>~|])")
# A newline inside a paragraph (Markdown hard breaks end in two spaces): not before a blank line, and the next line is no list item or label.
_SOFT_BREAK = re.compile(r"(?<=\S) ?\n(?![ ]*\n)(?![ ]*(?:[-*+][ ]|\d+[.)][ ]|[A-Z][A-Z.'’ -]{2,}:))")


# Typewriter-style double quotes (''like this'' or ``like this''), as some newspapers print them.
_OPEN_PAIR = re.compile(r"(?:(?<=^)|(?<=[\s(\[—–-]))(?:``|'')(?=[^\s'])", re.M)
_CLOSE_PAIR = re.compile(r"(?<=[^\s'])''")


def normalise(text: str, markdown: bool = False) -> str:
    """Return text of the same length with layout noise replaced by spaces."""
    text = text.replace("\r\n", " \n").replace("\r", "\n")
    if "''" in text or "``" in text:
        text = _OPEN_PAIR.sub(' "', text)
        text = _CLOSE_PAIR.sub('" ', text)
    text = _CONTROL.sub(" ", text)
    text = _SPACES.sub(" ", text)
    if markdown:
        text = _MD_EMPHASIS.sub(lambda m: " " * len(m.group()), text)
        text = _MD_ESCAPE.sub(" ", text)
    text = _SOFT_BREAK.sub(lambda m: " " * len(m.group()), text)
    return text


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Offsets of the non-blank lines of normalised text (each one a paragraph)."""
    spans = []
    for m in re.finditer(r"[^\n]+", text):
        s, e = m.start(), m.end()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            spans.append((s, e))
    return spans
