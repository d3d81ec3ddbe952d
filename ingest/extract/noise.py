"""Page furniture that is nobody's statement: captions, photo credits, datelines, "READ NEXT", link text, headlines.

Each check names the kind of noise it found, so the extractor can count what it rejected and `kb stats` can
show it.
"""

from __future__ import annotations

import re
from enum import Enum


class Rejected(str, Enum):
    """Why a paragraph, label or quote was not kept as a statement."""

    CAPTION = "caption"  # an image caption or photo credit ("Joshua Lott/Reuters", "File Photo")
    FURNITURE = "furniture"  # "READ NEXT", "Related Video", "Advertisement", link lists, a transcript's "(CROSSTALK.)"
    HEADLINE = "headline"  # a headline or all-capitals line inside the text
    DATELINE = "dateline"  # "KABUL (Reuters) —" taken for a speaker
    LABEL = "label"  # "Breaking:", "Opinion:" taken for a speaker label
    LINK_TEXT = "link_text"  # a speaker fused with link text or markup ("| DOJ", "Kevin] McCarthy")
    SCARE_QUOTE = "scare_quote"  # a short marked phrase that is a title, a slogan or a scare quote
    NARRATOR = "narrator"  # an article's own "I", "we" or "you" (its unnamed author, its reader: "I wonder if …", "we asked")
    COURTESY = "courtesy"  # a transcript turn that only runs the room ("Go ahead, Kristen.", "Thank you, Mr. President.")


_AGENCIES = r"(?:Reuters|REUTERS|AP|AFP|Staff|Getty(?: Images)?|EPA|Bloomberg|NYT|The New York Times|The Washington Post|Pool|Shutterstock|ZUMA|Sipa|UPI|CNN|Fox News|NBC|ABC|CBS)"
_CREDIT = re.compile(
    rf"(?:\b[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){{0,3}} ?/ ?{_AGENCIES}\b|\b{_AGENCIES} ?/ ?[A-Z][\w'’-]+|\bGetty Images\b|\bImage (?:copyright|caption)\b"
    r"|\bFile [Pp]hoto\b|\bPhoto(?:graph)? (?:by|credit|courtesy)\b|\((?:Photo|Image|Credit)[^)]*\)|\bAP Photo\b)"
)
_FURNITURE = re.compile(
    r"^(?:READ (?:NEXT|MORE)|Read (?:next|more)|Related(?: Video| Articles?| Stories| Coverage)?|RELATED|Advertisement|ADVERTISEMENT|"
    r"Watch|WATCH|MUST WATCH|Replay More Videos|More Videos|Sign up|Subscribe|Click here|CLICK HERE|Follow (?:us|him|her)|"
    r"Share this|Also read|ALSO READ|See also|Continue reading|Story continues|Image \d+ of \d+|Skip Ad|Video)\b"
)
# A related-article link: "More: Police pledge more patrols …", "… to restart family separation policy Read more"
_LINK_LINE = re.compile(
    r"^(?:More|MORE|Related|RELATED|Read|READ|See|SEE|Watch|WATCH|Also|ALSO)(?: (?:[Mm]ore|MORE|[Aa]lso|ALSO|[Nn]ext|NEXT|[Vv]ideo|VIDEO|[Cc]overage|[Ss]tories))?:\s"
    r"|\s(?:Read|READ) (?:more|More|MORE)$"
)
# A transcript's note of what happened in the room, in brackets, marks or not: "(CROSSTALK.)", '"(LAUGHTER)', "[APPLAUSE]",
# or a sentence without a comma: "(Cross-talk.)", "(The executive order is signed.)", "(The president gives Mr. Scharf a pen.)"
_DIRECTION = r"\s*(?:[A-Za-z]+(?:\s+[A-Za-z]+){0,2}\s*[.!]?|[A-Z][\w’'-]*(?:\s+[\w’'.-]+){0,11}[.!]?)\s*"
_STAGE_DIRECTION = re.compile(rf"[\"“]?(?:\({_DIRECTION}\)|\[{_DIRECTION}\])\s*\.?[\"”]?")
# the same note closing a turn ("Joe Biden!  (Laughter.)"); in parentheses only: "[senior administration official]" stands
# for a name the speaker said
_DIRECTION_AT_END = re.compile(rf"\s*\({_DIRECTION}\)\s*\.?\s*$")
# a note on the words themselves, which a quotation keeps: "we will (inaudible)."
_ABOUT_THE_WORDS = re.compile(r"(?i)inaudible|unintelligible|indiscernible|sic\b")
# CNN's video box: "JUST WATCHED Graham: 'Gang of Eight' bill will pass Replay More Videos ... MUST WATCH Graham: … 02:05"
_VIDEO_BOX = re.compile(r"JUST WATCHED .+ MUST WATCH .+ \d{1,2}:\d\d")
# A newsletter box: "… Email Sign Up By signing up you agree to receive email newsletters …" (the tagger reads a person
# "Email Sign", whom a later "she said" would fall back on)
_NEWSLETTER_BOX = re.compile(r"\bBy signing up,? you agree\b|\bEmail Sign Up\b|\bYou can unsubscribe at any time\b")
_DATELINE = re.compile(r"^[A-Z][A-Z.'’ ,-]{2,40}(?:\s*\([\w .]+\))?\s*[—–-]+")
_LINK_JUNK = re.compile(r"[|\[\]<>{}]|https?:|www\.|@\w")
_LETTERS = re.compile(r"[A-Za-z]")


def paragraph_noise(text: str) -> Rejected | None:
    """A whole paragraph that is furniture, a caption or a headline; None for prose."""
    stripped = text.strip()
    if not stripped:
        return None
    if is_stage_direction(stripped):
        return Rejected.FURNITURE
    if _FURNITURE.match(stripped) and len(stripped.split()) <= 12 or _LINK_LINE.search(stripped) and len(stripped.split()) <= 30:
        return Rejected.FURNITURE
    if _NEWSLETTER_BOX.search(stripped) and len(stripped.split()) <= 60:
        return Rejected.FURNITURE
    if _VIDEO_BOX.fullmatch(stripped):
        return Rejected.FURNITURE  # its titles name people ("Barbara Bush: I'm sick of …"), who are nobody's antecedents
    if stripped.startswith("Enlarge this image"):
        return Rejected.CAPTION  # NPR's image box ("… toggle caption Jane Roe/NPR"); its slideshow captions quote people
    credit = _CREDIT.search(stripped)
    if credit and (credit.end() >= len(stripped.rstrip(".)] ")) or stripped.startswith("Image ")):
        return Rejected.CAPTION  # credits close a caption ("... Joshua Lott/Reuters"); "a Reuters/Ipsos poll" mid-sentence is prose
    if credit and credit.start() == 0 and stripped[-1] not in ".!?\"”’'":
        return Rejected.CAPTION  # a graphic's credit and title: "Rich Clabaugh/Staff Europe's migration crisis: The routes"
    if credit and stripped[credit.end() :].lstrip().startswith("Story Highlights"):
        return Rejected.CAPTION  # USA Today's photo box: "… (Photo: Jane Roe, AP) Story Highlights <the summary's bullets>"
    letters = _LETTERS.findall(stripped)
    words = stripped.split()
    if len(words) >= 3 and letters and sum(c.isupper() for c in letters) >= 0.8 * len(letters):
        return Rejected.HEADLINE  # "ISIS HAS LOST 98 PERCENT OF ITS TERRITORY"
    if 3 <= len(words) <= 14 and stripped[-1] not in ".!?\"”’':;)…" and _title_cased(words) and '"' not in stripped and "“" not in stripped:
        return Rejected.HEADLINE  # "Eight Faces of ISIS in America"
    if 5 <= len(words) <= 25 and _title_cased(words) and any(w.strip(".,:;!?\"'”’") in _CAPITALISED_LINKS for w in words[1:]):
        return Rejected.HEADLINE  # "Marco Rubio Responds To Question About Minimum Wage By Saying …." (a list of related links)
    return None


# Small words prose never capitalises mid-sentence, and headline style does ("The" and "A" open names: "The Hill").
_CAPITALISED_LINKS = frozenset("To By Of In On For At And With From About Into Over As".split())


def _title_cased(words: list[str]) -> bool:
    content = [w for w in words if len(w) > 3 and w[:1].isalpha()]
    return bool(content) and sum(w[:1].isupper() for w in content) >= 0.8 * len(content)


def is_stage_direction(paragraph: str) -> bool:
    """A transcript's note of what happened in the room: "(CROSSTALK.)", '"(LAUGHTER)', "[APPLAUSE]"."""
    return _STAGE_DIRECTION.fullmatch(paragraph.strip()) is not None


def without_closing_directions(text: str, start: int, end: int) -> int:
    """Where a turn's words end before the stage directions that close it: "Joe Biden!  (Laughter.)" -> "Joe Biden!";
    "we will (inaudible)." keeps its note, which says words are missing."""
    while (m := _DIRECTION_AT_END.search(text, start, end)) is not None and m.start() > start and not _ABOUT_THE_WORDS.search(m.group()):
        end = m.start()
    return end


def dateline_end(text: str, start: int) -> int:
    """Where words that open a paragraph start after its dateline ("WASHINGTON (Reuters) - ", "Washington (CNN) "):
    `start` itself where none heads it."""
    if start and text[start - 1] != "\n":
        return start
    m = _DATELINE.match(text, start) or _AGENCY_DATELINE.match(text, start)
    if m is None:
        return start
    end = m.end()
    while end < len(text) and text[end] in " \t—–-":
        end += 1
    return end


# 'Washington (CNN) ', 'Plattsburgh, New York (CNN) ': a dateline in the wire's style, the place in title case
_AGENCY_DATELINE = re.compile(r"[A-Z][\w.'’ ,-]{1,40}\((?:CNN|AP|Reuters|AFP|UPI|CNNMoney)\)")


def is_dateline(paragraph: str, start: int, end: int) -> bool:
    """A speaker mention that is only the dateline heading a paragraph ("KABUL —", "WASHINGTON (AP) —")."""
    if paragraph[:start].strip():
        return False
    mention = paragraph[start:end].strip(" ,—–-")
    letters = _LETTERS.findall(mention)
    return bool(letters) and all(c.isupper() for c in letters) and bool(_DATELINE.match(paragraph[start:].lstrip()))


def speaker_noise(mention: str) -> Rejected | None:
    """A speaker phrase that is a credit, link text or markup rather than a person or organisation."""
    credit = _CREDIT.search(mention)
    if credit and credit.end() >= len(mention.rstrip(" .,)")):
        return Rejected.CAPTION  # "Jeff Chiu/AP Bernie Sanders" would be fused; "a New York Times/CBS News poll" is a source
    inner = mention.strip(" |[]<>{}\"'“”")
    if "|" in mention or _LINK_JUNK.search(inner):
        return Rejected.LINK_TEXT  # "| DOJ", "Kevin] McCarthy"; a stray ">" before a name is cleaned, not rejected
    return None
