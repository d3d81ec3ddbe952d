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
        return pos == 0 or text[pos - 1] == "\n"  # '” … what I learned …,” he said': nothing is open to close where a paragraph begins
    before = text[pos - 1] if pos > 0 else " "
    after = text[pos + 1] if pos + 1 < len(text) else " "
    if before.isspace() or before in "([{—–-:;/'‘’“":
        return not after.isspace()
    return False


_GLUED_RUN_ON_WORDS = 6


def _glued(text: str, pos: int, mark: str) -> bool:
    """`mark` at `pos`, between a sentence's stop and a capital with no space: a scrape dropped the paragraph break there.
    A straight mark so placed with nothing open opens a quotation ('… with the administration."We don't agree …"'); a curly
    opening mark inside an open one opens the next paragraph of a quotation that runs on ('… should be higher.“If you have
    that …'), not a closing mark typed the wrong way round at a paragraph's end ('great again.“')."""
    return text[pos] == mark and 0 < pos < len(text) - 1 and text[pos - 1] in ".?!" and text[pos + 1].isupper()


def find_marked_spans(text: str) -> list[MarkedSpan]:
    """Quoted spans in reading order; a quote left open at a paragraph's end runs on if the next opens again."""
    paras = paragraphs(text)
    spans: list[MarkedSpan] = []
    carried = False  # the previous paragraph ended inside a quote
    for index, (p_start, p_end) in enumerate(paras):
        open_at: int | None = None  # a second opening before a closing means the first mark was stray
        continues = False
        found_here = False
        inner_at: int | None = None  # '"… the question: “As you know …” …"': a quotation of the other style inside one
        marks = [m.start() for m in _DOUBLE_MARKS.finditer(text, p_start, p_end)]
        closing: _Closings | None = None  # built the first time a paragraph nests, so every paragraph stays linear
        for i, pos in enumerate(marks):
            if inner_at is not None:
                if _closes(text[inner_at], text[pos]):
                    inner_at = None  # the inner quotation is part of the outer one's words
                continue
            if (
                open_at is not None and _is_opening(text, pos) and _straight(text[open_at]) != _straight(text[pos])
                and not _adjacent(text, open_at, pos)  # '"“You don't win …,”': two marks in a row open one quotation, typed twice
                and (closing := closing or _Closings(text, marks)).nests(text[open_at], i)
            ):
                inner_at = pos
                continue
            if open_at is not None and _glued(text, pos, "“") and count_words(text[open_at + 1 : pos]) >= _GLUED_RUN_ON_WORDS:
                # '“The basic principle … should be higher.“If you have that …': a quotation running on into the next
                # paragraph opens it again, and a scrape glued the two paragraphs together
                spans.append(MarkedSpan(open_at + 1, pos, index, continues_previous=continues, closed=False))
                found_here = True
                open_at, continues = pos, True
            elif _is_opening(text, pos) or open_at is None and _glued(text, pos, '"'):
                open_at = pos
                continues = carried and not found_here
            elif open_at is not None:
                if pos > open_at + 1:
                    spans.append(MarkedSpan(open_at + 1, pos, index, continues_previous=continues))
                    found_here = True
                open_at = None
                continues = False
            elif text[pos] == "”" and (lost := _lost_opening(text, spans[-1].end + 1 if found_here else p_start, pos)) is not None:
                # a curly closing mark with no opening since the last quote: its opening mark was lost
                spans.append(MarkedSpan(lost, pos, index))
                found_here = True
        carried = False
        if open_at is not None:
            end = _trim_end(text, open_at + 1, p_end)
            next_opens = index + 1 < len(paras) and text[paras[index + 1][0]] in "\"“"
            span = MarkedSpan(open_at + 1, end, index, continues_previous=continues, closed=False)
            if end > span.start and (next_opens or span.words(text) >= 6):
                spans.append(span)
                carried = next_opens
    return spans


def _straight(mark: str) -> bool:
    return mark == '"'


def _closes(opening: str, mark: str) -> bool:
    """Whether `mark` closes a quotation opened with `opening` (a straight mark closes a straight one only)."""
    return mark == '"' if _straight(opening) else mark in _CLOSERS


def _adjacent(text: str, first: int, second: int) -> bool:
    """Nothing but white space between two marks."""
    j = second - 1
    while j > first and text[j].isspace():
        j -= 1
    return j == first


class _Closings:
    """For each mark of a paragraph, the next mark that closes a straight or a curly opening, and the next that does so
    and cannot itself open: read once from the right, so asking whether a quotation nests takes constant time."""

    def __init__(self, text: str, marks: list[int]) -> None:
        self.text, self.marks = text, marks
        keys = ((True, False), (True, True), (False, False), (False, True))  # (straight opening, only marks that cannot open)
        self.next: dict[tuple[bool, bool], list[int | None]] = {key: [None] * (len(marks) + 1) for key in keys}
        for i in range(len(marks) - 1, -1, -1):
            mark = text[marks[i]]
            for straight, strict in keys:
                found = _closes('"' if straight else "“", mark) and not (strict and _is_opening(text, marks[i]))
                self.next[(straight, strict)][i] = i if found else self.next[(straight, strict)][i + 1]

    def nests(self, outer: str, i: int) -> bool:
        """Whether the opening at mark i closes before the paragraph ends and the quotation opened by `outer` closes after
        it (a paragraph that only opens a quotation holds the quotations inside it as they are)."""
        inner_close = self.next[(_straight(self.text[self.marks[i]]), False)][i + 1]
        return inner_close is not None and self.next[(_straight(outer), True)][inner_close + 1] is not None


_SENTENCE_START = re.compile(r"[.!?](?=\s*[A-Z])")


def _lost_opening(text: str, since: int, close: int) -> int | None:
    """Where a quotation closed at `close` with no opening mark began: 'Booker … said.They deserve more support … safely.”'
    opens at the first sentence after the last mark (the one holding the previous quote's cue ends before it);
    None when no sentence ends in between (a stray mark inside one sentence says nothing)."""
    m = _SENTENCE_START.search(text, since, close)
    if m is None:
        return None
    start = m.end()
    while start < close and text[start].isspace():
        start += 1
    return start if close - start > 1 else None


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def count_words(text: str) -> int:
    return len(_WORD.findall(text))


def trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop surrounding spaces and trailing commas, dashes, colons and opening brackets from a content span (the clause
    may end where the writer's aside opens: 'better spent at the border (asylum-seekers ask …)')."""
    while start < end and (text[start].isspace() or text[start] in ",;:—–-"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:—–-(["):
        end -= 1
    return start, end


# Words before a marked phrase that make it a name, a title or a slogan rather than words someone said.
_NAMING_BEFORE = re.compile(
    r"(?:\bso[- ]called|\bdubbed|\btitled|\bentitled|\bnicknamed|\bbranded|\blabell?ed|\bknown as|\bcalled the"
    r"|\bthe (?:term|word|words|phrase|slogan|label|motto|hashtag|headline|caption|banner|sign|book|film|song|show|program|programme|campaign)"
    r"|(?<![\w-])(?:labels?|moniker|epithet|catchphrase|buzzword|term|phrase|slogan|motto|hashtag)"  # 'the powerful label', not 'short-term'
    r"|\b(?:signs?|banners?|placards?|posters?|shirts?|t-shirts?|hats?|headlines?|captions?|slogans?|chants?)(?: that)?,? (?:read|reads|reading|said|saying|says|bearing|with)"
    r")[\s,:]*$",
    re.IGNORECASE,
)
_SO_CALLED = re.compile(r"so[- ]called\b", re.IGNORECASE)
_SMALL_WORDS = frozenset("a an and as at but by for from in into nor of on or per than the to vs via with".split())


def names_a_thing(text: str, span: MarkedSpan, title_max_words: int) -> bool:
    """A marked phrase that names something (a scare quote, a title, a banner, a slogan), not words said.

    'so-called "sanctuary cities"', 'a sign reading "Rally Against Family Separation"', a short title-cased
    phrase. A marked span ending a sentence with its own punctuation ("Under what authority?") is never one.
    """
    inner = text[span.start : span.end].strip()
    if _SO_CALLED.match(inner) or _NAMING_BEFORE.search(text, max(0, span.start - 60), max(0, span.start - 1)):
        return True
    return title_cased(inner, title_max_words) or is_nickname(text, span)


NICKNAME_WORDS = re.compile(r"[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*)?")


def is_nickname(text: str, span: MarkedSpan) -> bool:
    """'Del. Marcia "Cia" Price', 'Joseph "Joe" Lowe': one or two capitalised words in marks between a given name and
    a surname are what the person is called, not something said."""
    before = text[max(0, span.start - 30) : max(0, span.start - 1)].rstrip()
    after = text[span.end + 1 : span.end + 30].lstrip()
    return (
        NICKNAME_WORDS.fullmatch(text[span.start : span.end].strip()) is not None
        and re.search(r"[A-Z][a-z]+$", before) is not None
        and re.match(r"[A-Z][a-z]+", after) is not None
    )


def title_cased(phrase: str, max_words: int) -> bool:
    """'Rally Against Family Separation', 'Make America Great Again': every word but the small ones capitalised."""
    phrase = phrase.rstrip("\"”’' ").removesuffix(".").removesuffix(",")  # the sentence's period or comma, not the phrase's
    if not phrase or phrase[-1:] in "!?" or any(c in phrase for c in ",;:.!?"):
        return False  # "Under what authority?", "The Donald. Big Daddy.": said, not a title
    words = _WORD.findall(phrase)
    if not 3 <= len(words) <= max_words:  # two capitalised words are as often a nickname ("Miss Piggy")
        return False
    content = [w for w in words if w.lower() not in _SMALL_WORDS]
    return len(content) >= 2 and all(w[:1].isupper() or w[:1].isdigit() for w in content)


_FIRST_PERSON = re.compile(r"\b(?:I|[Mm]e|[Mm]y|[Ww]e|[Uu]s|[Oo]urs?|[Mm]yself|[Oo]urselves)\b")  # not "US"
# 'the Securing Our Schools Act', 'Title I schools', 'World War I': a first-person word inside a name is nobody's voice
_CAPITAL_IN_A_NAME = re.compile(r"[A-Za-z] $")  # 'Securing Our Schools': a word before it and a capital after it
_NUMBERED = frozenset({"Title", "War", "Phase", "Part", "Article", "Section", "Division", "Chapter", "Tier", "Stage"})  # 'Title I'


def outside_marks(text: str) -> str:
    """The text in its own voice: every quotation it carries taken out."""
    for m in reversed(find_marked_spans(text)):
        text = text[: m.start] + text[m.end :]
    return text


def first_person_outside_marks(text: str) -> bool:
    """'I', 'we', 'our' in the text's own voice, not in the quotations it carries: a speaker's words, not a report."""
    return speaks_in_first_person(outside_marks(text))


def speaks_in_first_person(text: str) -> bool:
    """'I', 'we', 'our' anywhere in the text, but not inside a name ('the Securing Our Schools Act', 'Title I')."""
    return any(not _in_a_name(text, m) for m in _FIRST_PERSON.finditer(text))


def _in_a_name(text: str, word: re.Match[str]) -> bool:
    """A capitalised first-person word between capitalised words ('Securing Our Schools'), or "I" numbering a part."""
    before = text[max(0, word.start() - 12) : word.start()]
    if word.group() == "I":
        return before.rstrip().rsplit(" ", 1)[-1] in _NUMBERED
    return word.group()[0].isupper() and _CAPITAL_IN_A_NAME.search(before) is not None and text[word.end() : word.end() + 2][1:].isupper()
