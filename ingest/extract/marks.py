"""Find quoted spans by their quotation marks, straight or curly, across paragraphs when a quote runs on."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.normalise import paragraphs

_DOUBLE_MARKS = re.compile(r"[\"“”„«»]")
_OPENERS = "“„«"
_CLOSERS = "”»"
_WORD = re.compile(r"[\w’']+")


@dataclass
class MarkedSpan:
    """Text between quotation marks; `start`/`end` exclude the marks."""

    start: int
    end: int
    paragraph: int
    continues_previous: bool = False  # a run-on quote picked up again in a new paragraph
    closed: bool = True

    def words(self, text: str) -> int:
        return len(_WORD.findall(text[self.start : self.end]))


def _is_opening(text: str, pos: int) -> bool:
    mark = text[pos]
    if mark in _OPENERS:
        return True
    if mark in _CLOSERS:
        return False
    before = text[pos - 1] if pos > 0 else " "
    after = text[pos + 1] if pos + 1 < len(text) else " "
    if before.isspace() or before in "([{—–-:;/'‘’“":
        return not after.isspace()
    return False


def find_marked_spans(text: str) -> list[MarkedSpan]:
    """Quoted spans in reading order; a quote left open at a paragraph's end runs on if the next opens again."""
    paras = paragraphs(text)
    spans: list[MarkedSpan] = []
    carried = False  # the previous paragraph ended inside a quote
    for index, (p_start, p_end) in enumerate(paras):
        open_at: int | None = None  # a second opening before a closing means the first mark was stray
        continues = False
        found_here = False
        for m in _DOUBLE_MARKS.finditer(text, p_start, p_end):
            pos = m.start()
            if _is_opening(text, pos):
                open_at = pos
                continues = carried and not found_here
            elif open_at is not None:
                if pos > open_at + 1:
                    spans.append(MarkedSpan(open_at + 1, pos, index, continues_previous=continues))
                    found_here = True
                open_at = None
                continues = False
        carried = False
        if open_at is not None:
            end = _trim_end(text, open_at + 1, p_end)
            next_opens = index + 1 < len(paras) and text[paras[index + 1][0]] in "\"“"
            span = MarkedSpan(open_at + 1, end, index, continues_previous=continues, closed=False)
            if end > span.start and (next_opens or span.words(text) >= 6):
                spans.append(span)
                carried = next_opens
    return spans


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def count_words(text: str) -> int:
    return len(_WORD.findall(text))


def trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop surrounding spaces and trailing commas, dashes and colons from a content span."""
    while start < end and (text[start].isspace() or text[start] in ",;:—–-"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:—–-"):
        end -= 1
    return start, end
