"""Speaker labels in transcripts ("MS. JEAN-PIERRE:", "Q", "MODERATOR:"), resolved within their own document.

A label names a surname, an office ("THE PRESIDENT") or a role; the document's title and header usually say
who holds it ("Press Briefing by Press Secretary Karine Jean-Pierre"), and speakers introduce themselves
("This is Kevin."). A `Q` turn is a reporter's question; a role label is an anonymous, per-document speaker.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace

from ingest.extract.lexicon import FEMALE_HONORIFICS, HONORIFICS, MALE_HONORIFICS, NAME_STOPWORDS, ROLE_HEADS, TITLE_WORDS
from ingest.extract.people import OFFICE_CONNECTORS, ends_a_titled_name, is_title_word, office_parts
from kb.names import NICKNAMES, fold, given_name_gender, name_gender
from kb.models import Span, SpeakerRef

# A label opens a paragraph: capitals and a colon, a titled name and a colon, or a bare Q before the question.
_CAPITAL = "A-ZÀ-ÖØ-ÞĀ-ž"  # "MR. POUYANNÉ:", "MS. NÚÑEZ:", "MR. ŁUKASZ:"; Latin Extended-A alternates cases, harmlessly
LABEL = re.compile(
    rf"^((?:THE |MR\. |MS\. |MRS\. |DR\. )?[{_CAPITAL}][{_CAPITAL}.'’ -]{{1,60}}"
    rf"|(?:Mr|Ms|Mrs|Dr|Sheriff|Chief|Senator|Sen|Rep|Governor|Mayor)\.? [{_CAPITAL}][\w.'’-]*(?: [{_CAPITAL}][\w.'’-]*){{0,3}}"
    r"|Q):\s+"
    r"|^(Q)\s+(?=\S)(?!and\b|&)"
)
NOT_SPEAKERS = frozenset({
    "UPDATE", "NOTE", "EDITOR'S NOTE", "EDITOR’S NOTE", "CORRECTION", "WATCH", "READ MORE", "READ NEXT", "RELATED",
    "PHOTOS", "VIDEO", "SOURCE", "SOURCES", "CLARIFICATION", "ADVERTISEMENT", "FILE", "FILE PHOTO", "RELATED VIDEO",
    "END", "ALSO READ", "SEE ALSO", "MORE", "PHOTO", "CAPTION", "IMAGE CAPTION", "CREDIT", "TWITTER",
    # press-release furniture
    "CONTACT", "CONTACTS", "MEDIA CONTACT", "PRESS CONTACT", "FOR IMMEDIATE RELEASE", "IMMEDIATE RELEASE", "RELEASE",
    "EMBARGOED", "DATE", "SUBJECT", "LOCATION", "WHEN", "WHERE", "TIME", "FROM", "TO", "RE", "CC", "WASHINGTON",
    "FACT SHEET", "BACKGROUND", "HIGHLIGHTS", "SUMMARY", "AGENDA", "LINK", "LINKS", "WEBSITE", "EMAIL", "PHONE",
})
_FURNITURE_WORDS = frozenset({"CONTACT", "CONTACTS", "RELEASE", "NOTE", "CAPTION", "CREDIT", "PHOTO", "VIDEO", "UPDATE", "CORRECTION"})
QUESTION_LABELS = frozenset({"Q", "QUESTION", "REPORTER", "THE PRESS", "PRESS"})
REPORTER = "a reporter"
_INTRO = re.compile(r"\b(?:I'm|I’m|I am|This is|My name is|it's|it’s)\s+((?:[A-Z][\w’'-]+\s?){1,3})")
_NAME_PART = re.compile(r"^(?:[A-Z][a-zà-ÿ’'-]+|(?:[A-Z]\.){1,3}|[A-Z][a-z]*[A-Z][a-z]+)$")  # Karine, J., C.C., McCarthy
_HEADER_CHARS = 1500


def label_of(paragraph: str) -> re.Match[str] | None:
    """The speaker label opening a paragraph, unless it is page furniture ("NOTE:", "READ MORE:")."""
    m = LABEL.match(paragraph)
    if m is None:
        return None
    label = (m.group(1) or m.group(2)).strip().upper()
    if label in NOT_SPEAKERS or label.split()[-1] in _FURNITURE_WORDS:
        return None  # "FOR IMMEDIATE RELEASE CONTACT:", "PHOTO CREDIT:"
    if _HEADING.search(label):
        return None  # a newsletter's headings: "VIDEO OF THE DAY:", "JEB BUSH'S ADVICE TO MITT ROMNEY:", "CHANGE IN PLANS - …:"
    return m


# What a heading has and a speaker's label never does: a possessive, a spaced dash, a quotation, a preposition or verb of a
# phrase ("THIS WEEK ON 'THIS WEEK'", "MCCONNELL SUMS UP OBAMA'S CAMPAIGN"), a day's or week's feature
_HEADING = re.compile(r"['’]S\b|\s[-–—]\s|[\"“”‘]|\b(?:ON|TO|IN|UP|AT|WITH|ABOUT|OF THE (?:DAY|WEEK))\b")


def label_text(m: re.Match[str]) -> str:
    return (m.group(1) or m.group(2)).strip()


@dataclass
class DocumentNames:
    """Full names a document gives (title, header, text), by surname, and the titles its title gives them."""

    title: str = ""
    header: str = ""
    text: str = ""
    _cache: dict[str, list[tuple[str, str | None, bool]]] = field(default_factory=dict)

    @classmethod
    def of(cls, title: str, text: str, first_label_at: int | None = None) -> DocumentNames:
        head = text[: min(first_label_at if first_label_at is not None else _HEADER_CHARS, _HEADER_CHARS)]
        # An upper-case header ("REMARKS BY PRESIDENT TRUMP") reads like a title once title-cased.
        header = " ".join(_title_case(line) for line in head.splitlines() if line.strip() and line.strip().isupper())
        return cls(title=title or "", header=header, text=text)

    def full_names(self, surname: str) -> list[tuple[str, str | None, bool]]:
        """(full name, title words before it, named in the title) for every mention of the surname."""
        key = surname.lower()
        if key not in self._cache:
            found: list[tuple[str, str | None, bool]] = []
            # the words before the surname: its given name and the office the document writes before it, which may run
            # over lower-case connectors ("Coordinator for Strategic Communications John Kirby")
            pattern = re.compile(rf"(?<![\w’'-])((?:(?:[A-Z][\w’'.\u2060&-]*|of|for|and|the|to|on),?\s+){{0,14}})((?i:{re.escape(surname)}))\b(?!-)")
            for source, in_title in ((self.title, True), (self.header, True), (self.text, False)):
                for m in pattern.finditer(source):
                    if not m.group(2)[:1].isupper() or m.group(2).isupper() and len(m.group(2)) > 1 and not in_title:
                        continue  # "JEAN-PIERRE:" labels themselves are no evidence
                    found.append((*_split_name(m.group(1).split(), m.group(2)), in_title))
            self._cache[key] = found
        return self._cache[key]

    def office_holder(self, office: str) -> tuple[str, str] | None:
        """'President' in 'Remarks by President Trump Before Cabinet Meeting' -> ('President', 'Trump')."""
        for source in (self.title, self.header):
            for m in re.finditer(rf"(?<![Vv]ice )\b{re.escape(office)}\s+((?:[A-Z][\w’'.-]*\s*){{1,4}})", source):
                words = []
                for w in m.group(1).split():
                    if w.strip(",.").lower() in NAME_STOPWORDS or w.lower().strip(",.") in TITLE_WORDS or not _NAME_PART.match(w.strip(",")):
                        break
                    words.append(w.strip(","))
                    if w.endswith(","):
                        break
                if words:
                    return office, " ".join(words)
        return None

    def resolve(self, surname: str, first_hint: str | None = None, office: str | None = None) -> tuple[str, str | None]:
        """The full name (and its title) the document gives a surname; the surname alone when it is unclear.

        With an office ("President"), only names written after that office count: "President Donald J. Trump",
        never "Melania Trump".
        """
        mentions = [(n, t, in_title) for n, t, in_title in self.full_names(surname) if len(n.split()) >= 2]
        if office:
            mentions = [m for m in mentions if m[1] and m[1].lower().endswith(office.lower())]
        if first_hint:
            hinted = [m for m in mentions if m[0].split()[0].lower() == first_hint.lower()]
            if hinted:
                return hinted[0][0], next((t for _, t, _ in hinted if t), None)
            return f"{first_hint} {_title_case(surname)}", None
        titled = [m for m in mentions if m[2]]
        pool = titled or mentions
        counts = Counter(_first_last(n) for n, _, _ in pool)
        if not counts:
            return _title_case(surname) if surname.isupper() else surname, None
        (best, n), *rest = counts.most_common()
        if rest and rest[0][1] == n:
            return _title_case(surname) if surname.isupper() else surname, None  # two people share the surname
        full = max((m[0] for m in pool if _first_last(m[0]) == best), key=len)
        title = next((t for nm, t, _ in pool if _first_last(nm) == best and t), None)
        if title is None and len(counts) == 1:  # 'C.C. Wei', then 'Chairman Wei': the one Wei's title
            title = next((t for nm, t, _ in self.full_names(surname) if len(nm.split()) == 1 and t), None)
        return full, title


def _first_last(name: str) -> str:
    words = [w for w in name.split() if not re.fullmatch(r"[A-Z]\.", w)]
    return f"{words[0]} {words[-1]}".lower() if len(words) >= 2 else name.lower()


def _split_name(before: list[str], surname: str) -> tuple[str, str | None]:
    """'Press Secretary Karine' + 'Jean-Pierre' -> ('Karine Jean-Pierre', 'Press Secretary').

    One given name and any initials after it: in "Coordinator for Strategic Communications John Kirby" the
    capitalised words before "John" belong to the title, not the name.
    """
    given: list[str] = []
    i = len(before)
    while i > 0 and len(given) < 3:
        w = before[i - 1].rstrip(",")
        if before[i - 1].endswith(",") or is_title_word(w) or w.lower() in NAME_STOPWORDS or not _NAME_PART.match(w):
            break
        given.insert(0, w)
        i -= 1
        if not re.fullmatch(r"[A-Z]\.", w):
            break  # the given name itself; initials come after it
    title_words: list[str] = []
    k = i
    while k > 0 and is_title_word(before[k - 1]) and not before[k - 1].endswith(","):  # "Doctors Walensky, Fauci": plural too
        title_words.insert(0, before[k - 1])
        k -= 1
    office = _office_written_before(before[:i])
    if not any(w.lower().strip(".") in TITLE_WORDS - HONORIFICS for w in office):
        office = []  # 'Strategic Communications John Kirby' alone names no office
    surname = _title_case(surname) if surname.isupper() else surname
    return " ".join([*given, surname]), " ".join(office if len(office) > len(title_words) else title_words) or None


def _office_written_before(words: list[str]) -> list[str]:
    """The whole office a title writes before a name, over the words that are no title words and the connectors between
    them: "White House National Security Communications Advisor", "Coordinator for Strategic Communications",
    "Homeland Security Advisor and Deputy National Security Advisor"; never past a comma, a headline word ("Briefing by"),
    or an "and" that joins two people ("Press Secretary Karine Jean-Pierre and National Security Advisor")."""
    office: list[str] = []
    k = len(words)
    while k > 0 and len(office) < 14:
        w = words[k - 1]
        bare, low = w.rstrip(","), w.rstrip(",").lower()
        if w.endswith(",") or _ends_a_sentence(bare):
            break  # 'the “so-called” Judge Robart. Matt Adams, …': an office never runs over a sentence's end
        if low in OFFICE_CONNECTORS:
            if not office or low == "and" and ends_a_titled_name(words[: k - 1]):
                break  # 'Press Secretary Karine Jean-Pierre and National Security Advisor': two people
        elif not bare[:1].isupper() or low in NAME_STOPWORDS and low != "press" or re.fullmatch(r"[A-Z]", bare):
            break  # nor a question's "Q" before "Senator Warren proposed …"
        office.insert(0, bare)
        k -= 1
    while office and office[0].lower() in OFFICE_CONNECTORS:
        office = office[1:]
    return office


def _ends_a_sentence(word: str) -> bool:
    """'Robart.', 'here?': a word closing a sentence, not an initial ("J.", "U.S.") nor an abbreviated title ("Sen.")."""
    return word[-1:] in ".?!" and not re.fullmatch(r"(?:[A-Z]\.)+", word) and not is_title_word(word)


def _title_case(word: str) -> str:
    return "-".join(p[:1].upper() + p[1:].lower() for p in word.split("-")) if " " not in word else " ".join(_title_case(w) for w in word.split())


def label_speaker(label: str, start: int, names: DocumentNames | None = None, turn: str = "") -> SpeakerRef:
    """Who a label names: a reporter (Q), an anonymous role, an office holder, or a person named in the document."""
    names = names or DocumentNames()
    mention = Span(label, start, start + len(label))
    upper = label.upper().strip()
    if upper in QUESTION_LABELS:
        return SpeakerRef(name=None, resolution="label", description=REPORTER, mention=mention)
    words = label.replace(".", ". ").split()
    honorific = words[0].rstrip(".").lower() if words else ""
    gender = "female" if honorific in FEMALE_HONORIFICS else "male" if honorific in MALE_HONORIFICS else None
    plain = [w for w in words if w.upper() not in {"THE", "MR.", "MS.", "MRS.", "DR.", "MISS", "MR", "MS", "MRS", "DR"}]
    if not plain:
        return SpeakerRef(name=None, resolution="label", description=label, mention=mention)
    if honorific not in FEMALE_HONORIFICS | MALE_HONORIFICS | {"dr"} and plain[-1].lower() in ROLE_HEADS:
        role = " ".join(plain).lower()  # MODERATOR, SENIOR ADMINISTRATION OFFICIAL: nobody in particular, this document only
        article = "the" if plain[-1].lower() in {"moderator", "operator", "audience", "narrator", "announcer"} else "an" if role[0] in "aeiou" else "a"
        return SpeakerRef(name=None, resolution="anonymous", description=f"{article} {role}", mention=mention)
    if words[0].upper() == "THE" or all(w.lower().strip(".") in TITLE_WORDS | {"first", "lady", "second", "gentleman"} for w in plain):
        office = _title_case(" ".join(plain))  # THE PRESIDENT, THE VICE PRESIDENT, THE FIRST LADY
        if office.lower() in {"first lady"}:
            gender = "female"
        elif office.lower() in {"second gentleman"}:
            gender = "male"
        held = names.office_holder(office)
        if held is None:
            return SpeakerRef(name=None, resolution="label", title=office, description=f"the {office.lower()}", mention=mention, gender=gender)
        surname = held[1].split()[-1]
        full, _ = names.resolve(surname, office=office)
        name = full if len(full.split()) > len(held[1].split()) else held[1]
        return SpeakerRef(name=name, resolution="label", title=office, mention=mention, gender=gender)
    title_words = [w for w in plain[:-1] if is_title_word(w)]  # "PRESIDENT-ELECT DONALD TRUMP" too
    if not label.isupper() and len(plain) - len(title_words) > 1:  # "Sen. Jane Doe:" already gives the name
        name = " ".join(plain[len(title_words):])
        return SpeakerRef(name=name, resolution="label", title=" ".join(title_words) or None, mention=mention, gender=gender)
    surname = plain[-1]
    office = _title_case(" ".join(title_words)) if title_words else None
    full, title = names.resolve(surname, _introduced_as(turn, surname), office)
    if office and len(full.split()) < 2:
        full, title = names.resolve(surname, _introduced_as(turn, surname))
    given = plain[len(title_words) : -1]  # "MR. FERNÁNDEZ HERNÁNDEZ": every word the label gives is in the name it means
    if given and not {fold(w) for w in given} <= {fold(w) for w in full.split()}:
        full, title = _title_case(" ".join(plain[len(title_words) :])), None
    organization = None
    if title and (not office or set(office.lower().split()) <= set(title.lower().split())):
        # the office the document writes in full: "White House National Security Communications Advisor", and for
        # "SECRETARY CARDONA:" "Secretary of Education"
        title, organization = office_parts(title.split())
        office = None
    return SpeakerRef(name=full, resolution="label", title=office or title, organization=organization, mention=mention, gender=gender)


def _introduced_as(turn: str, surname: str) -> str | None:
    """The first name a speaker gives at the start of their turn: "This is Kevin.", "I'm Kevin Munoz with ..."."""
    intro = _INTRO.search(turn[:300])
    if not intro:
        return None
    said = intro.group(1).split()
    if len(said) >= 2 and said[-1].lower() == surname.lower():
        return said[0]
    after = turn[intro.end(1) - (1 if intro.group(1).endswith(" ") else 0) :][:1]
    return said[0] if len(said) == 1 and after in {".", ",", "!"} else None


# A first name said alone at a sentence's edge, set off by a comma: "Tony, it's yours.", "Thank you, Andy."
_VOCATIVE_OPENING = re.compile(r"^([A-Z][a-z]+),\s")
_VOCATIVE_CLOSING = re.compile(r",\s+([A-Z][a-z]+)\s*[.!?]$")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def _vocative(sentence: str, pattern: re.Pattern[str]) -> str | None:
    m = pattern.search(sentence.strip())
    if m is None:
        return None
    word = fold(m.group(1))
    return m.group(1) if name_gender(word) or word in NICKNAMES else None


def addressed_first_names(turns: list[tuple[str, str]]) -> dict[str, str]:
    """The first name each speaker of a transcript is addressed by, from the turns next to theirs.

    `turns`: (label, words) in order, short turns too. A first name at the start of a turn ("Thank you, Andy.")
    answers the previous speaker; at its end ("Tony, it's yours.") it hands over to the next. A label gets the
    name most said to it, when no other is said to it as often (transcripts label people by surname alone, and
    the officials they call by first name are the ones the title and header never name in full). A turn of one
    sentence is left out: it may answer or hand over.
    """
    votes: dict[str, Counter[str]] = {}
    for i, (label, words) in enumerate(turns):
        sentences = [s for s in _SENTENCE_END.split(words.strip()) if s]
        if len(sentences) < 2:
            continue  # "Before you do, Steve.": whether it answers or hands over, one sentence does not say
        for neighbour, sentence, pattern in ((i - 1, sentences[0], _VOCATIVE_CLOSING), (i - 1, sentences[0], _VOCATIVE_OPENING),
                                             (i + 1, sentences[-1], _VOCATIVE_OPENING), (i + 1, sentences[-1], _VOCATIVE_CLOSING)):
            if 0 <= neighbour < len(turns) and turns[neighbour][0] != label and (name := _vocative(sentence, pattern)):
                votes.setdefault(turns[neighbour][0], Counter())[name] += 1
    out = {}
    for label, counts in votes.items():
        (best, n), *rest = counts.most_common()
        if (not rest or rest[0][1] < n) and not _someone_elses(best, label, turns):
            out[label] = best
    return out


# How the podium hands the floor to a reporter, in the last sentence before a question: "Go ahead, Kristen.", "Mary, go
# ahead.", "Chris.", "Raquel, you have the last question, way in the back.", "Let's go to Zeke Miller, AP.", "For our
# next question we'll go with Jennifer Jacobs from Bloomberg.", "Next question, Sabrina Siddiqui at Wall Street Journal."
# ("Thank you, Kristen." thanks whoever asked last.)
_FLOOR = (
    r"(?:,\s+(?:go ahead|(?:way )?in the (?:back|middle|front)|right here|over here|you['’]re up|(?:you have )?the (?:last|next|final)"
    r" question|last question))"
)
_OUTLET = r"(?:(?:,| with| from| at| of) (?:the )?(?P<outlet>[A-Z][^.?!]{0,40}))?[.?!]?$"
_HANDOVERS = (
    re.compile(rf"^(?:(?:Go ahead|Yes|Yeah|Okay|OK|Sure|All right|Alright|Please),?\s+)?(?P<first>[A-Z][a-z]+){_FLOOR}*[.?!]?$"),
    re.compile(r"\b[Gg]o ahead,\s+(?P<first>[A-Z][a-z]+)(?:,\s[^.?!]*)?[.?!]?$"),
    re.compile(
        r"(?:(?i:question|line|next|first|let['’]s|we['’]ll|we will|we['’]re going).*"
        r"(?:\b(?:go|goes|going|turn it|come|comes)\s+(?:over\s+)?(?:(?:to|with)\s+)?(?:the line of\s+)?|\bquestion is\s+)"
        r"|\b(?i:next|first|last|final) question,\s+)"
        rf"(?P<first>[A-Z][a-z]+|[A-Z]{{2}})(?: (?P<surname>[A-Z][\w’'-]+))?{_OUTLET}"
    ),
    re.compile(r"\bcalled on (?P<first>[A-Z][a-z]+)[.?!]?$"),  # 'I just called on Matt.'
)
INTERJECTION_MAX_WORDS = 3  # "Mm-hmm.", "Of?": the podium lets the same reporter go on

# A turn that only runs the room ("Go ahead, Kristen.", "Thank you, Mr. President.", "All right. Next question, please.")
# says nothing a staffer would cite: every sentence a greeting, thanks or a hand-over, with whom it is addressed to.
_FILLER = r"(?i:okay|ok|all right|alright|yes|yeah|yep|sure|great|good|well|and|so|oh|please|mm-hmm|uh-huh)"
_COURTESY = (
    r"(?i:(?:thank you|thanks)(?: (?:so|very) much)?(?: (?:all|again|both))?(?: (?:so|very) much)?|go ahead(?:,? please)?"
    r"|good (?:morning|afternoon|evening)|hi|hello|hey|next question(?:,? please)?|back to you|(?:last|final) question(?:,? please)?)"
)
_ADDRESSED = (
    r"(?:(?i:sir|ma['’]am|all|everyone|everybody|guys|folks|again|please|(?:all the way |way )?in the (?:back|middle|front))"
    r"|\[[^\]]{1,40}\]|(?:(?:Mr|Madam|Madame|Ms|Mrs|Dr)\.? )?[A-Z][a-z'’-]+(?: [A-Z][a-z'’-]+)?)"
)
_RUNS_THE_ROOM = re.compile(rf"(?:{_FILLER}[,.!]?\s*)*(?:{_COURTESY}|{_FILLER})(?:,? {_ADDRESSED})*")
_COURTESY_MAX_WORDS = 10
_NOT_A_SENTENCE_END = re.compile(r"\b(?:Mr|Ms|Mrs|Dr)\.\s")


def runs_the_room(words: str) -> bool:
    """A turn of greetings, thanks and hand-overs alone ("Go ahead, Kristen.", "Okay. Thank you, ma'am."), no statement."""
    text = " ".join(words.split())
    if not text or len(text.split()) > _COURTESY_MAX_WORDS:
        return False
    protected = _NOT_A_SENTENCE_END.sub(lambda m: m.group(0).replace(". ", "\0"), text)  # 'Mr. President' ends nothing
    sentences = [s.replace("\0", ". ").strip().rstrip(".?!") for s in _SENTENCE_END.split(protected) if s.strip()]
    # a bare "Yes." or "Sure." answers the question before it: only a courtesy makes a turn one that runs the room
    return all(_RUNS_THE_ROOM.fullmatch(s) for s in sentences) and any(re.search(_COURTESY, s) for s in sentences)


@dataclass(frozen=True)
class Reporter:
    """A reporter a transcript names: in full with an outlet ("Zeke Miller, AP"), or by the first name called out."""

    first: str
    surname: str | None = None
    outlet: str | None = None

    def speaker(self, mention: Span | None) -> SpeakerRef:
        gender = given_name_gender(self.first.lower())
        if self.surname:
            return SpeakerRef(name=f"{self.first} {self.surname}", resolution="label", organization=self.outlet, mention=mention, gender=gender)
        return SpeakerRef(
            name=None, resolution="label", description=f"{self.first}, {REPORTER}" + (f" with {self.outlet}" if self.outlet else ""),
            organization=self.outlet, mention=mention, gender=gender,
        )


def _handover(sentence: str) -> Reporter | None:
    """The reporter a sentence hands the floor to, if it names one."""
    for pattern in _HANDOVERS:
        m = pattern.search(sentence.strip())
        if m is None:
            continue
        first, groups = m.group("first"), m.groupdict()
        # "Sure.", "Great.": no name; a first name the lists lack is one before the reporter's outlet ('Our next
        # question will go to Yuna with Israel 12.', 'MJ with CNN')
        if not groups.get("surname") and not groups.get("outlet") and not (given_name_gender(fold(first)) or fold(first) in NICKNAMES):
            return None
        outlet = (groups.get("outlet") or "").strip(" “”\"") or None
        return Reporter(first, groups.get("surname"), outlet)
    return None


def addressed_reporters(turns: list[tuple[str, str]]) -> dict[int, Reporter]:
    """The reporter asking each question turn the podium handed over by name (turn index -> reporter): the turn right
    after "Go ahead, Kristen.", and her next ones while the podium only interjects ("Mm-hmm."). A longer answer, or a
    hand-over to nobody by name ("Go ahead."), leaves the next question unnamed: another reporter may ask it."""
    out: dict[int, Reporter] = {}
    asking: Reporter | None = None
    for i, (label, words) in enumerate(turns):
        if label in QUESTION_LABELS:
            if asking is not None:
                out[i] = asking
            continue
        sentences = [s for s in _SENTENCE_END.split(words.strip()) if s]
        handed = _handover(sentences[-1]) if sentences else None
        if handed is not None and i + 1 < len(turns) and turns[i + 1][0] in QUESTION_LABELS:
            asking = handed
        elif len(words.split()) > INTERJECTION_MAX_WORDS or "go ahead" in words.lower():
            asking = None
    return out


_INTERVIEW = re.compile(r"\bInterview (?:of|with) .+? by (?P<name>(?:[A-Z][\w.'’-]+ ){1,3}[A-Z][\w'’-]+)(?:,\s*(?P<outlet>.+))?$")


def interviewer(title: str) -> Reporter | None:
    """Who asks the questions of an interview the title says is by one person: 'Interview of President Trump by Sean
    Hannity, “The Sean Hannity Show”' -> Sean Hannity of "The Sean Hannity Show"."""
    m = _INTERVIEW.search(title or "")
    if m is None or " and " in m.group("name"):
        return None
    first, *rest = m.group("name").split()
    outlet = (m.group("outlet") or "").strip(" “”\"") or None
    return Reporter(first, " ".join(rest), outlet)


def _someone_elses(first: str, label: str, turns: list[tuple[str, str]]) -> bool:
    """Whether the transcript gives this first name in full to another person ("MODERATOR: Kristen Welker, NBC."): then
    "Kristen, I think …" answers the reporter, whoever spoke just before (it had named Dr. Fauci "Kristen Fauci")."""
    surname = label.split()[-1].strip(".:").lower() if label.split() else ""
    pattern = re.compile(rf"\b{re.escape(first)}\s+([A-Z][\w'’-]+)")
    return any(m.group(1).lower() != surname for _, words in turns for m in pattern.finditer(words))


def copy_speaker(s: SpeakerRef) -> SpeakerRef:
    return replace(s, id=None, aliases=list(s.aliases))
