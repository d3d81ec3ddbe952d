"""Length-preserving text normalisation: every character keeps its offset.

Hard-wrapped lines, Markdown emphasis and escapes, the HTML tags Markdown may carry, odd spaces and control characters, a
video player's words, and the link cards some sites print after a name, are replaced one character for one, so an offset into
the normalised text is the same offset into the source text and no map needs to be carried downstream.
"""

from __future__ import annotations

import html
import re

_SPACES = re.compile(r"[\u00a0\u2000-\u200a\u202f\u205f\u3000\t\f\v]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f\u200b\u2060\ufeff]")
_MD_EMPHASIS = re.compile(r"\*\*|__")
_MD_ESCAPE = re.compile(r"\\(?=[\\`*_{}\[\]()#+\-.!>~|])")
# Markdown may carry HTML (the White House's transcripts come as table cells: '<td …>THE VICE PRESIDENT: How we doing?<br />').
# Where it does (a known element's closing tag, or an XHTML '<img … />', shows it), its tags are layout, and a tag that
# ends a block or breaks a line ends a paragraph; a stray tag in prose ('said "<img src=x> is what we fear"') stays text.
# An entity is its character wherever it stands.
_HTML_ELEMENTS = (
    r"table|colgroup|col|thead|tbody|tfoot|tr|td|th|br|hr|p|div|span|strong|em|b|i|u|s|del|strike|ins|sup|sub|a|img|figure"
    r"|figcaption|blockquote|ul|ol|li|h[1-6]"
)
_HTML_TAG = re.compile(rf"</?({_HTML_ELEMENTS})\b(?:\s[^<>]*)?/?>", re.IGNORECASE)
_HTML_MARKUP = re.compile(rf"</(?:{_HTML_ELEMENTS})\s*>|<(?:img|br|hr|col)\b[^<>]*/>", re.IGNORECASE)
_BREAKING_TAGS = frozenset({"br", "hr", "tr", "td", "th", "p", "div", "figure", "figcaption", "blockquote", "li", "table"} | {f"h{n}" for n in range(1, 7)})
# struck-through words a transcript corrects ('<s>Republicans</s> [Democrats]'): not what was said
_STRUCK = re.compile(r"<(s|del|strike)\b[^<>]*>[^<]*</\1>", re.IGNORECASE)
_HTML_ENTITY = re.compile(r"&(?:amp|lt|gt|quot|apos|nbsp|#\d{2,5});")
# A newline inside a paragraph (Markdown hard breaks end in two spaces): not before a blank line, and the next line is no list item or label.
_SOFT_BREAK = re.compile(r"(?<=\S) ?\n(?![ ]*\n)(?![ ]*(?:[-*+][ ]|\d+[.)][ ]|[A-Z][A-Z.'’ -]{2,}:))")
# ... and one before capitals and a colon that only look like a label, inside a sentence the line before leaves open ('the
# goal of a good chunk of the\nNSM: to move our networks …'): a label never follows a word cut off so, nor opens on one.
_RUN_ON_BREAK = re.compile(r"(?<=[a-z,]) ?\n(?=[ ]*[A-Z][A-Z.'’ -]{2,}:[ ]+[a-z])")


# Typewriter-style double quotes (''like this'' or ``like this''), as some newspapers print them.
_OPEN_PAIR = re.compile(r"(?:(?<=^)|(?<=[\s(\[—–-]))(?:``|'')(?=[^\s'])", re.M)
_CLOSE_PAIR = re.compile(r"(?<=[^\s'])''")


# The Hill prints a link card after a politician's name: the full name run into three headlines and "MORE"
# ("Sen. John Cornyn John CornynThe Hill's 12:30 Report: … MORE (R-Texas) said"). Read as prose it breaks the sentence
# and the name ("Cornyn John CornynThe"). A card starts with a full name (up to four given names, initials in brackets,
# particles) ending in the surname just written, joined to its first headline or after a space.
_MORE = re.compile(r"(?<=\S) MORE\b")
_CARD_START = re.compile(
    r"(?=\b(?P<w>[A-Z][a-zA-Z'’-]*[a-z]) ?(?P<card>(?:(?:\(?[A-Z][a-z.'’\"-]*\)?|de|del|la|le|van|von|der|da|di|du|bin|al) ){0,4}"
    r"(?P=w)(?P<join>[A-Z0-9‘“\"']| (?=[A-Z0-9]))))"
)
_CARD_MAX_CHARS = 800
# The BBC's player text before a video's caption: the caption itself is prose (who said what in the video), the player's
# words are not ("Media playback is unsupported on your device Media caption New York councillor …" was a speaker).
_PLAYER_TEXT = re.compile(r"\bMedia playback is unsupported on your device\b|\bMedia caption\b")
_POSSESSIVE = re.compile(r"['’]s\b")


def _given_name_again(text: str, card: re.Match[str]) -> bool:
    """The card opens with the word written before the surname (the prose's given name)."""
    before = text[: card.start("w")].split()
    return bool(before) and card.group("card").split()[0] == before[-1]


def without_link_cards(text: str) -> str:
    """The text with each link card ("<full name><headlines> MORE") after a name blanked, a possessive kept on the name."""
    if " MORE" not in text:
        return text
    out = list(text)
    floor = 0
    for more in _MORE.finditer(text):
        lo = max(floor, text.rfind("\n", 0, more.start()) + 1, more.start() - _CARD_MAX_CHARS)
        floor = more.end()
        # the card nearest its "MORE" that is joined to its headline; only if none, one after a space that opens with
        # the given name just written ("Paul Ryan Paul Davis Ryan Retirees should …")
        starts = [
            (m.group("join") != " ", m.start("card")) for m in _CARD_START.finditer(text, lo, more.start())
            if m.group("join") != " " or _given_name_again(text, m)
        ]
        if not starts:
            continue  # capitals in prose ("NO MORE DEALS"), or a card with no name before it: left as written
        start, end = max(starts)[1], more.end()
        if (possessive := _POSSESSIVE.match(text, end)) is not None:  # "Trump … MORE’s plan" reads "Trump’s plan"
            start -= text[start - 1] == " "
            end = possessive.end()
            out[start:end] = [*possessive.group(), *" " * (end - start - len(possessive.group()))]
        else:
            out[start:end] = " " * (end - start)
    return "".join(out)


def normalise(text: str, markdown: bool = False) -> str:
    """Return text of the same length with layout noise replaced by spaces."""
    text = text.replace("\r\n", " \n").replace("\r", "\n")
    if "''" in text or "``" in text:
        text = _OPEN_PAIR.sub(' "', text)
        text = _CLOSE_PAIR.sub('" ', text)
    text = _CONTROL.sub(" ", text)
    text = _SPACES.sub(" ", text)
    if markdown and _HTML_MARKUP.search(text):
        text = _STRUCK.sub(lambda m: re.sub(r"[^\n]", " ", m.group()), text)
        text = _HTML_TAG.sub(_html_tag_as_layout, text)
    if markdown:
        text = _HTML_ENTITY.sub(_html_entity_as_character, text)  # a scrape's '&amp;' anywhere
        text = _MD_EMPHASIS.sub(lambda m: " " * len(m.group()), text)
        text = _MD_ESCAPE.sub(" ", text)
    text = _SOFT_BREAK.sub(lambda m: " " * len(m.group()), text)
    text = _RUN_ON_BREAK.sub(lambda m: " " * len(m.group()), text)
    text = _PLAYER_TEXT.sub(lambda m: " " * len(m.group()), text)
    return without_link_cards(text)


def _html_tag_as_layout(tag: re.Match[str]) -> str:
    """A tag as spaces; one that ends a block or breaks a line as a blank line first ('<br />' or '</td>' ends a paragraph)."""
    return ("\n\n" if tag.group(1).lower() in _BREAKING_TAGS else "").ljust(len(tag.group()))


def _html_entity_as_character(entity: re.Match[str]) -> str:
    """'&amp;' as '&' and spaces; a no-break space as a space, as everywhere in normalised text."""
    character = html.unescape(entity.group())
    return (" " if character == "\u00a0" else character).ljust(len(entity.group()))


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
