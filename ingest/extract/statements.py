"""An official statement or press release is its issuer's: who issued it, and which of its quotes stay with others."""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Callable

from spacy.tokens import Doc

from ingest.extract.lexicon import (
    FEMALE_HONORIFICS,
    FIRST_PERSON,
    ISSUER_DESCRIPTIONS,
    MALE_HONORIFICS,
    ORGANIZATION_WORDS,
    gender_of_title,
)
from ingest.extract.marks import (
    count_words,
    first_person_outside_marks,
    outside_marks,
    trim_span,
)
from ingest.extract.people import clean_name, parse_title_and_name, party_at
from ingest.extract.transcripts import copy_speaker
from kb.models import Quote, SpeakerRef

# the words a statement's title goes on with past whose it is: 'on Iran', 'Marking Nowruz'
_TITLE_GOES_ON = "on|On|ON|Regarding|regarding|about|About|in|In|at|At|Marking|marking|for|For"
_STATEMENT_TITLE = re.compile(rf"^(?:Joint )?Statement (?:from|by|of) (.+?)(?:\s+(?:{_TITLE_GOES_ON})\s+|:|,|$)")
_JOINT_TITLE = re.compile(r"^(?i:joint statement (?:from|by|of|between)) (.+)")
# where a joint statement's title goes on past its authors: 'on Iran', ': Elevating Relations', 'Announcing …'
_HEADLINE_GOES_ON = re.compile(rf"\s*:|\s+(?:{_TITLE_GOES_ON}|Following|following|after|After|to)\s+|\s+[A-Z][a-z]+ing\b")
_AUTHORS_BREAK = re.compile(r",|\s+and\s+")  # 'A, B, and C'
_REMARKS_TITLE = re.compile(r"^(?:[\w-]+\s+){0,2}?Remarks(?:\s+as\s+Prepared\s+for\s+Delivery)?\s+by\s+(.+)", re.IGNORECASE)
_INTRODUCING_VERB = r"\b(?:issued|released|made|gave)"
_INTRODUCING = rf"{_INTRODUCING_VERB} (?:the following|this|a) statement\b"  # 'issued the following statement'
_ISSUED = re.compile(rf"{_INTRODUCING}|\bsaid in a statement\b", re.IGNORECASE)
_TITLE_ENDS = frozenset("on and regarding about in at for to after before following with upon amid as".split())
_NAME_WORD = re.compile(r"^[A-Z][\w.'’-]*$")
_ARTICLES = frozenset({"the", "a", "an"})  # 'Remembering the Holodomor' goes on as a headline


def statement_issuer(title: str, parsed: list[tuple[int, Doc]], issuer: str | None, publisher: str | None) -> str | None:
    """The record's issuer; else "Statement by NAME" in the title; else a person as publisher; else who "issued the following statement"."""
    return issuer or title_issuer(title) or person_publisher(publisher, " ".join(doc.text for _, doc in parsed[:3])) or _issued_in_text(parsed)


def statement_title(who: str | None, published: str | None) -> str:
    """The title an untitled statement gets: "Statement by NAME, DATE" (or as much of it as is known)."""
    if not who:
        return ""
    return f"Statement by {who}, {published}" if published else f"Statement by {who}"


def title_issuer(title: str) -> str | None:
    """'Statement from National Security Advisor Jake Sullivan Welcoming ...' -> 'National Security Advisor Jake Sullivan'."""
    m = _STATEMENT_TITLE.match((title or "").strip())
    return _name_opening(m.group(1)) if m else None


def joint_authors(title: str) -> str | None:
    """'Joint Statement from Canada, Mexico and the United States following …' -> "Canada, Mexico and the United States":
    the authors a joint statement's title names, as it writes them, when it names more than one."""
    m = _JOINT_TITLE.match(" ".join((title or "").split()))
    if m is None:
        return None
    authors = _HEADLINE_GOES_ON.split(m.group(1), maxsplit=1)[0].strip(" ,")
    return authors if _AUTHORS_BREAK.search(authors) else None


def remarks_speaker(title: str) -> str | None:
    """'Remarks as Prepared for Delivery by First Lady Jill Biden at the Navajo Nation' -> 'First Lady Jill Biden'."""
    m = _REMARKS_TITLE.match((title or "").strip())
    name = _name_opening(m.group(1)) if m and m.group(1)[:1].isupper() else None
    return name.title() if name and name.isupper() else name  # 'REMARKS BY VICE PRESIDENT HARRIS TO …'


def _name_opening(words_after: str) -> str | None:
    """The name a title's words open with, up to where the headline goes on."""
    words: list[str] = []
    given = words_after.split()
    for i, w in enumerate(given):
        # "Welcoming Constructive Dialogue" goes on as a headline; "King" or "Manning on ..." ends a name
        gerund = w.lower().endswith("ing") and i + 1 < len(given) and (given[i + 1][:1].isupper() or given[i + 1] in _ARTICLES)
        if words and (w.lower().strip(",.") in _TITLE_ENDS or gerund or not w[:1].isupper() and w not in {"of", "the"}):
            break  # the name ends where the headline goes on ("Welcoming", "on", "and")
        words.append(w.strip(","))
    return " ".join(words) or None


def person_publisher(publisher: str | None, text: str = "") -> str | None:
    """A member of Congress publishes their own releases; "The White House" is an organisation, not an issuer.
    The name is spelt as `text` writes it, where it does: a publisher field 'Jim Mcgovern' is "Jim McGovern"."""
    words = (publisher or "").split()
    if not 2 <= len(words) <= 4 or not all(_NAME_WORD.match(w) for w in words):
        return None
    if any(w.lower().strip(".,") in ORGANIZATION_WORDS for w in words):
        return None
    return " ".join(_spelling_in(text, w) for w in words)


def _spelling_in(text: str, word: str) -> str:
    """`word` as `text` first writes it in mixed case, up to its capitals, hyphens and apostrophes ('Diazbalart' ->
    'Diaz-Balart'); a heading's capitals ('MCGOVERN') say nothing of the spelling."""
    letters = [c for c in word if c.isalnum()]
    if not letters:
        return word
    spelt = r"[-'’]?".join(re.escape(c) for c in letters)
    for m in re.finditer(rf"(?<![\w'’-]){spelt}(?![\w'’-])", text, re.IGNORECASE):
        if m.group()[:1].isupper() and not m.group().isupper():
            return m.group()
    return word


def _issued_in_text(parsed: list[tuple[int, Doc]]) -> str | None:
    """'Congressman Jeb Hensarling (R-TX) ... issued the following statement': the person named before the cue."""
    for _, doc in parsed[:3]:
        for sent in doc.sents:
            m = _ISSUED.search(sent.text)
            if not m:
                continue
            cue = sent.start_char + m.start()
            people = [e for e in doc.ents if e.label_ == "PERSON" and sent.start_char <= e.start_char < cue]
            if people:
                return clean_name(people[0].text)
    return None


def attribute_statement(
    text: str, parsed: list[tuple[int, Doc]], quotes: list[Quote], who: str, release: bool = False, joint: bool = False,
) -> list[Quote]:
    """The issuer's words: their own quotes, first-person quotes and every stretch of text no one else is quoted in
    (with `release`, a member's press release, not the sentences that narrate the member in the third person, and in a
    release told so, only the stretches that speak in the first person). With `joint`, `who` is a joint statement's
    authors as its title names them, who speak together: its "we" is none of them alone.

    Quotations of other named people (and organisations) keep their speakers; anything credited to a vague
    subject ("Today's vote", "I") inside a statement is the issuer's.
    """
    if joint:  # described, not named: no one entry of the speakers holds several people or countries
        name = who
        issuer = SpeakerRef(name=None, description=who, resolution="document")
    else:
        title, org, name = parse_title_and_name(who)
        if not name:
            return quotes
        issuer = SpeakerRef(name=name, resolution="document", title=title, organization=org, gender=gender_of_title(title) or _gender_in_text(text, name))
    out: list[Quote] = []
    others_quoted = False  # a release that quotes others may quote them unattributed too
    for q in quotes:
        s = q.speaker
        if _is_issuer(s, name):
            speaker = copy_speaker(issuer)
            speaker.mention, speaker.resolution = s.mention, s.resolution if s.name else "document"
            speaker.title = speaker.title or s.title
            speaker.gender = speaker.gender or s.gender or gender_of_title(s.title)
            if s.name and s.name != name:
                speaker.aliases.append(s.name)
            q.speaker = speaker
            out.append(q)
        elif s.name and q.kind in ("direct", "mixed", "turn", "question") or q.kind == "question":
            out.append(q)  # another named person quoted in the statement
            # (not the member's own, written with an accent the issuer's name lacks: 'José E. Serrano', "Jose Serrano")
            others_quoted = others_quoted or q.kind != "question" and not _is_issuer(s, name, accents=False)
    covered = sorted((q.start, q.end) for q in out)
    keep = _members_words(name) if release else None
    # a release that narrates the member ('King congratulated Hauff') and holds no statement it introduces is the office's
    # account: of its unmarked text, only what speaks in the first person is the member's ('Hauff, 100, received the
    # award …' and its dateline are not)
    narrated = keep is not None and not _ISSUED.search(text) and any(
        not keep(text[base + st.start_char : base + st.end_char]) for base, doc in parsed for st in doc.sents
    )
    sentence_starts = sorted(base + st.start_char for base, doc in parsed for st in doc.sents)
    # what a release tells before 'He released the following statement' is its own account ('With their victory …, the
    # women won their seventh championship'), or the statement's first words set as a headline
    introduced = _FOLLOWING.search(text)
    for start, end in _uncovered_runs(text, parsed, covered, keep):
        if introduced is not None and end <= introduced.start():
            continue
        if (mark := _END_MARK.search(text, start, end)) is not None:
            end = mark.start()  # '… to our residents." ###': the release's end mark, not words of the issuer's
        start = _after_introduction(text, start, end, sentence_starts)
        if release and _BACKGROUND.match(text, start):
            continue  # '… BACKGROUND: Each year, Congress passes …' after the member's quotation: the office's own account
        end = _quotation_end(text, start, end)
        quoted = not others_quoted and _one_quotation(text, start, end)
        if narrated and not (quoted or first_person_outside_marks(text[start:end])) or _DATELINE.fullmatch(text, start, end):
            continue  # 'WASHINGTON (April 12, 2006)' heads the release; nobody says it (what a release that quotes no one
            # else quotes unattributed, the member says)
        if count_words(text[start:end]) >= 4:
            out.append(Quote(text=text[start:end], start=start, end=end, kind="statement", speaker=copy_speaker(issuer), confidence=0.9))
    if release and not joint:
        _label_the_member(text, name, out)
    return out


def _label_the_member(text: str, name: str, quotes: list[Quote]) -> None:
    """'Congressman Rick Larsen (WA-02)', 'U.S. Rep. Brian Babin (R-TX-36)': the office a release gives its member, and the
    party its shorthand gives, on each of the member's quotes that has none (a title the member's own quotes carry stays);
    a state or district is no body the member speaks for."""
    surname = re.escape(_unaccented(name.split()[-1]))
    plain = _unaccented(text[:_MEMBER_SEARCH_CHARS])
    m = re.search(rf"\b({_MEMBER_TITLES})\s+(?:[A-Z][\w.'’-]*\s+){{0,3}}?{surname}\b", plain)
    if m is None:
        return
    party = party_at(plain, m.end())
    for q in quotes:
        if q.speaker.name == name:
            q.speaker.title = q.speaker.title or m.group(1)
            q.speaker.organization = q.speaker.organization or party


_MEMBER_TITLES = r"Congressman|Congresswoman|Congressmember|Representative|Rep\.|Senator|Sen\."
_MEMBER_SEARCH_CHARS = 3000  # the release's opening, where it names its member in full


def _quotation_end(text: str, start: int, end: int) -> int:
    """Where a run that opens with the statement's quotation mark ends: at its closing mark where the release's own
    account goes on after it ('… protecting our lands and citizens.” Background The … Act allows …'), else at `end`."""
    close = _closing_mark(text, start, end)
    if close == -1 or text[close - 1] not in ".!?…":
        return end  # no mark, or one that closes a name ('“Sarah’s Law” was introduced …'), not the statement
    rest = text[close + 1 : end].strip()
    return close + 1 if rest and rest[0] not in _OPENING_MARKS else end


_OPENING_MARKS = {"“": "”", '"': '"'}  # an opening mark and the mark that closes it


def _closing_mark(text: str, start: int, end: int) -> int:
    """Where the quotation that `start`-`end` opens with closes first; -1 where it opens with no mark or never closes."""
    if start >= end or text[start] not in _OPENING_MARKS:
        return -1
    return text.find(_OPENING_MARKS[text[start]], start + 1, end)


def _one_quotation(text: str, start: int, end: int) -> bool:
    """Whether `start`-`end` is one quotation, its marks its ends: not '“…,” Said Martin Tolan, Chief of … “…”'."""
    return (close := _closing_mark(text, start, end)) != -1 and close == end - 1


def _after_introduction(text: str, start: int, end: int, sentence_starts: list[int]) -> int:
    """Where a run of a release starts after the sentence introducing its statement: 'WASHINGTON – Congressman Tom Reyes
    (AR-02) issued the following statement after voting …: “The safety …' starts at the mark; an introduction that is a
    sentence of its own ('… released the following statement after returning from a trip.') is skipped whole."""
    m = _INTRODUCED.search(text, start, min(end, start + _INTRODUCTION_MAX_CHARS))
    if m is None:
        return start
    first = bisect.bisect_right(sentence_starts, start)
    next_sentence = sentence_starts[first] if first < len(sentence_starts) else len(text)
    if next_sentence <= m.start():
        return start  # no introduction in the run's first sentence
    colon = text.find(":", m.end(), min(end, next_sentence))
    after = colon + 1 if colon != -1 else next_sentence
    while after < end and text[after].isspace():
        after += 1
    return after if after < end else start


def _members_words(name: str) -> Callable[[str], bool]:
    """Which sentences of a member's press release are the member's own words: not one that narrates the member in the
    third person ('Congressman Bera took to the House floor …', 'a hearing held by Royce', 'the congressman's website',
    'He represents California's 29th District …'), unless it introduces the member's words and runs on into them ('Rep.
    Bishop issued the following statement: "President Monson's service …', 'He continued, "We have …')."""
    # the surname as written (Rep. Young's release may speak of young people); 'the congressman' in any case
    surname = re.compile(rf"\b{re.escape(_unaccented(name.split()[-1]))}\b|\b[Tt]he (?i:congress(?:wo)?man|senator|representative)\b")

    def keep(sentence: str) -> bool:
        outside = outside_marks(sentence)
        if _NARRATED.match(outside.lstrip(" \"“”")):
            return _INTRODUCES.search(sentence) is not None  # 'He continued, "We have a lot of work to do …'
        # 'Rep. Gutiérrez' in the release of "Luis Gutierrez" (letter for letter: the offsets stay those of `sentence`,
        # whose marks may be UTF-8 read as Windows-1252, 'â€œ', which no accent may be taken off)
        named = [m.end() for m in surname.finditer(_unaccented(sentence))]
        return not surname.search(_unaccented(outside)) or bool(named) and _INTRODUCES.search(sentence, named[-1]) is not None

    return keep


def _unaccented(text: str) -> str:
    """The text with each letter's accent taken off, letter for letter (the offsets stay)."""
    return "".join(unicodedata.normalize("NFKD", c)[0] for c in text)


_BACKGROUND = re.compile(r"BACKGROUND\b|(?i:background|issues)\s*:")  # the headings a release gives its own account (not "Background checks …")
_DATELINE = re.compile(r"[A-Z][A-Z .,'’-]*\s*\([^()]*\d{4}\)\s*[-–—]*\s*")
_INTRODUCED = re.compile(_INTRODUCING, re.IGNORECASE)
_FOLLOWING = re.compile(rf"{_INTRODUCING_VERB} the following statement\b", re.IGNORECASE)
_INTRODUCTION_MAX_CHARS = 600  # a release's opening sentence, however long its list of the member's offices
_END_MARK = re.compile(r"\s*(?:#\s*){3}$|\s+-30-$")  # a press release's "###" or "-30-"
_INTRODUCES = re.compile(r"[:,]\s*(?:[“\"]|â€œ)")  # an opening mark, or its UTF-8 read as Windows-1252
_NARRATED = re.compile(r"(?:He|She|His|Her)\b")


def _gender_in_text(text: str, name: str) -> str | None:
    """'Congresswoman Jane Roe', 'Mr. Doe': what the release calls its issuer."""
    surname = re.escape(name.split()[-1])
    for m in re.finditer(rf"\b(Congresswoman|Congressman|Chairwoman|Chairman|Ms\.|Mrs\.|Mr\.)\s+(?:[A-Z][\w.'’-]*\s+){{0,2}}{surname}\b", text[:20000]):
        said = m.group(1).lower().strip(".")
        return "female" if said in FEMALE_HONORIFICS else "male" if said in MALE_HONORIFICS else gender_of_title(said)
    return None


def _is_issuer(s: SpeakerRef, name: str, accents: bool = True) -> bool:
    if s.name:
        if s.is_organization:
            return False
        fold = str.lower if accents else lambda words: _unaccented(words).lower()  # 'José E. Serrano' is "Jose Serrano"'s
        theirs, ours = fold(s.name).split(), fold(name).split()
        return theirs[-1] == ours[-1] and (len(theirs) == 1 or theirs[0].strip(".") == ours[0][: len(theirs[0].strip("."))])
    said = (s.description or "").lower().strip()
    return said in FIRST_PERSON or said in ISSUER_DESCRIPTIONS


def _uncovered_runs(
    text: str, parsed: list[tuple[int, Doc]], covered: list[tuple[int, int]], keep: Callable[[str], bool] | None = None
) -> list[tuple[int, int]]:
    """Runs of whole sentences, within a paragraph, that no kept quote overlaps (and, with `keep`, that it keeps)."""
    runs: list[tuple[int, int]] = []
    for base, doc in parsed:
        run: tuple[int, int] | None = None
        for sent in doc.sents:
            s, e = trim_span(text, base + sent.start_char, base + sent.end_char)
            if e <= s:
                continue
            if any(a < e and s < b for a, b in covered) or keep is not None and not keep(text[s:e]):
                if run:
                    runs.append(run)
                run = None
                continue
            run = (run[0], e) if run else (s, e)
        if run:
            runs.append(run)
    return runs
