"""Links that open a source at a quote (URL text fragments) and citations in one format."""

from __future__ import annotations

import re
from urllib.parse import quote as percent

from kb.models import Document

_WORDS = re.compile(r"\S+")
_FRAGMENT_WORDS = 6


def _encode(text: str) -> str:
    # Text fragments reserve '-', ',' and '&'; everything else is ordinary percent-encoding.
    return percent(text, safe="").replace("-", "%2D")


def text_fragment(text: str) -> str:
    """`#:~:text=start,end` for long quotes, `#:~:text=all words` for short ones."""
    # The exact words as the page shows them: browsers match fragments literally, quotation marks included.
    words = _WORDS.findall(text)
    if not words:
        return ""
    if len(words) <= 2 * _FRAGMENT_WORDS:
        return "#:~:text=" + _encode(" ".join(words))
    return "#:~:text=" + _encode(" ".join(words[:_FRAGMENT_WORDS])) + "," + _encode(" ".join(words[-_FRAGMENT_WORDS:]))


def source_link(doc: Document, quote_text: str, kb_base: str | None = None) -> str | None:
    """The document URL (or kb's own document page) with a fragment that scrolls to the quote.

    `kb_base` is where kb's own pages live (KB_PUBLIC_URL): "" gives a relative link, None no link at all.
    It comes from configuration, never from a request, so a link cannot be steered by a Host header."""
    base = doc.url or (f"{kb_base.rstrip('/')}/documents/{doc.id}" if kb_base is not None else None)
    if base is None:
        return None
    return base.split("#", 1)[0] + text_fragment(quote_text)


def citation(doc: Document, link: str | None) -> str:
    """'Title', Publisher, 2017-04-03. <link> — the format briefings and the web page share."""
    parts = [f"\u201c{doc.title}\u201d" if doc.title else "Untitled document"]
    if doc.publisher:
        parts.append(doc.publisher)
    if doc.published:
        parts.append(doc.published)
    text = ", ".join(parts) + "."
    return f"{text} {link}" if link else text


def speaker_line(name: str | None, title: str | None, organization: str | None, description: str | None) -> str:
    """'Greg Champagne, Sheriff, National Sheriffs Association' or the description of an unnamed source."""
    who = name or (description[:1].upper() + description[1:] if description else "Unattributed")
    return ", ".join(filter(None, [who, title if name else None, organization if name else None]))


def single_spaced(text: str) -> str:
    """A quote's words as read: a run of spaces (a link card or Markdown mark the text blanked) as one space."""
    return _SPACE_RUN.sub(" ", text)


_SPACE_RUN = re.compile(r" {2,}")


def quote_citation(text: str, who: str, doc: Document, link: str | None, reported_by: str | None = None) -> str:
    """The one-line citation staff paste: the quote, who said it (and who passed it on), and where."""
    return f"\u201c{single_spaced(text)}\u201d \u2014 {attributed(who, reported_by)}. {citation(doc, link)}"


def attributed(who: str, reported_by: str | None) -> str:
    """'Police officials, according to sources': a nested quote names its outer source after its speaker."""
    return f"{who}, according to {reported_by}" if reported_by else who


_DOUBLE = "\u201c\u201d\u201e\u00ab\u00bb\""


def opens_quotation(text: str, i: int) -> bool:
    """The double quotation mark at `i` of a quote's own words opens a quotation: a curly opening mark, or a straight one
    at the start or after neither a letter, a digit nor a stop."""
    ch = text[i]
    return ch in "\u201c\u201e\u00ab" or (ch == '"' and (i == 0 or not text[i - 1].isalnum() and text[i - 1] not in ".,!?;:"))


def balance_marks(text: str) -> str:
    """The quote's own words ready to sit inside “…”: outer marks dropped, inner ones single and paired, single-spaced."""
    text = single_spaced(text.strip())
    if len(text) > 1 and text[0] in _DOUBLE and text[-1] in _DOUBLE:  # wrapped whole: the briefing wraps it again
        text = text[1:-1].strip()
    out: list[str] = []
    open_at: list[int] = []
    for i, ch in enumerate(text):
        if ch in _DOUBLE or ch in "\u2018" or (ch == "\u2019" and not _apostrophe(text, i)):
            opening = ch in "\u2018" or opens_quotation(text, i)
            if opening:
                open_at.append(len(out))
                out.append("\u2018")
            elif open_at:
                open_at.pop()
                out.append("\u2019")
            # an unmatched closing mark is dropped
            continue
        out.append(ch)
    for index in reversed(open_at):  # unmatched opening marks are dropped too
        del out[index]
    return re.sub(r"\s{2,}", " ", "".join(out)).strip()


def _apostrophe(text: str, i: int) -> bool:
    return 0 < i < len(text) - 1 and text[i - 1].isalpha() and text[i + 1].isalpha() or (i > 0 and text[i - 1] in "sS" and (i + 1 == len(text) or text[i + 1] == " "))
