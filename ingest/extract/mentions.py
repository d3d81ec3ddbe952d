"""People mentioned in one document, with what the text says of their gender and how salient each mention is.

Pronoun resolution needs more than "the last name before": "she" after "Laura Bush, wife of former President
George W Bush" is Laura Bush, because she is the head of the phrase (George W Bush sits inside her apposition)
and because "wife" says she is a woman. Gender comes from honorifics (Mrs., Ms., Mr.), gendered nouns in
apposition ("wife of", "spokeswoman"), gendered titles, common first names and pronouns already resolved.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from ingest.extract.lexicon import (
    FEMALE_HONORIFICS,
    FEMALE_NOUNS,
    MALE_HONORIFICS,
    MALE_NOUNS,
    SPEECH_VERBS,
    SPOUSE_NOUNS,
    TITLE_WORDS,
    gender_of_title,
)
from ingest.extract.people import (
    DEPARTMENTS,
    body_before,
    clean_name,
    employer_in_relative,
    is_person,
    is_title_word,
    office_in_apposition,
    party_after,
    titled_organisation,
)
from kb.names import SURNAME_PREFIXES, given_name_gender, name_gender

# How salient a mention is for a pronoun after it (centering: subjects before objects, the main clause first).
# QUOTED: inside quotation marks; MODIFIER: a name that only qualifies a noun ("the Obama administration's weakness")
# SPEAKING: the named speaker of a quote, in that quote's sentence
QUOTED, MODIFIER, OTHER, SUBJECT, MAIN_SUBJECT, SPEAKING = -2, -1, 0, 1, 2, 3


@dataclass(frozen=True)
class SubjectPronoun:
    """A "he" or "she" that is a clause's subject, at `pos` in the sentence starting at `sentence`: `leads` the
    sentence (the main clause's subject, or that of one joined to it: '… and he said'), or is `embedded` in a clause
    describing a noun ('… the war that, throughout his career, he counseled')."""

    pos: int
    sentence: int
    gender: str
    leads: bool = False
    embedded: bool = False


@dataclass
class PersonMention:
    """A person named at `pos`; `inside` is the person whose phrase holds this mention ("wife of X": X is inside).

    `sentence` is the start of its sentence (None: unknown) and `rank` its salience: the subject of a main clause,
    another subject, anything else, or words inside quotation marks (someone else's words name them).
    """

    pos: int
    name: str
    inside: str | None = None
    sentence: int | None = None
    rank: int = OTHER
    titles: frozenset[str] = frozenset()  # the offices the text gives them here ("President Trump": president)
    qualifiers: frozenset[str] = frozenset()  # the words before the name here ("former", "mexican"), lower-cased
    office: str = ""  # the office as written right before the name ("Press Secretary Sarah Sanders": Press Secretary)
    body: str = ""  # the body named before that office ("White House Press Secretary Sarah Sanders": White House)
    apposition: tuple[str | None, str | None] = (None, None)  # title and organisation an apposition gives ('X, director of Y,')
    party: str | None = None  # the party a shorthand after the name gives ('Rep. Jane Doe (R-WA)')


def _noun_gender(lemma: str) -> str | None:
    return "female" if lemma in FEMALE_NOUNS else "male" if lemma in MALE_NOUNS else None


def first_name_gender(name: str) -> str | None:
    """The gender a person's first name tells. A name of one word is most often a surname ("Clinton", "Warren", "Harris"
    are also census first names): only the hand list of names that are near certain speaks for it ("Melanie")."""
    words = name.split()
    first = words[0].lower().strip(".") if words else ""
    if len(words) > 1 and first in SURNAME_PREFIXES and name_gender(first) is None:
        return None  # 'Mac Donald', 'Van Hollen', 'St. John': the first word is part of the surname
    return given_name_gender(first) if len(words) > 1 else name_gender(first)


def person_surnames(docs: list[Doc]) -> dict[str, set[str]]:
    """The last words of a document's PERSON entities, each with the full names (two words or more) that end in it."""
    found: dict[str, set[str]] = {}
    for ent in (e for d in docs for e in d.ents if e.label_ == "PERSON"):
        # "President-elect Donald Trump’s unwillingness": the tagger takes the owner's mark into the name
        e = ent[:-1] if len(ent) > 1 and ent[-1].lower_ in {"'s", "’s"} else ent
        proper = all(t.pos_ in {"PROPN", "PUNCT"} for t in e)  # not "Will Sanders win?", "Broaddrick Sunday night"
        name = clean_name(e.text).split()
        # 'Stephanie Rawlings-Blake', three tokens: "Rawlings-Blake" and "Blake" both ('Adel al-Jubeir' is "Jubeir")
        ends = [e[-1].text, *filter(None, [_hyphenated_end(e)])]
        for last in ends:
            names = found.setdefault(last, set())
            if proper and len(name) > 1 and name[-1] in ends:
                names.add(" ".join(name))
    return found


def _hyphenated_end(e: SpacySpan) -> str | None:
    """The hyphenated surname a name ends in, which the tokenizer splits in three ("Rawlings", "-", "Blake")."""
    return f"{e[-3].text}-{e[-1].text}" if len(e) >= 3 and _joins(e[-2]) else None


def _joins(dash: Token) -> bool:
    """A hyphen written between two words with no space either side, as in a hyphenated surname."""
    return dash.text == "-" and dash.i > 0 and not dash.whitespace_ and not dash.doc[dash.i - 1].whitespace_


def place_words(docs: list[Doc], surnames: dict[str, set[str]]) -> set[str]:
    """Words a document's tagger calls a place (GPE, LOC, FAC) more often than a person, which it names nobody in full
    by: 'Baghouz', 'Lewiston' tagged PERSON once are no antecedents of "he"."""
    words = [e for d in docs for e in d.ents if len(e) == 1]
    places = Counter(e.text for e in words if e.label_ in {"GPE", "LOC", "FAC"}) - Counter(e.text for e in words if e.label_ == "PERSON")
    return {w for w in places if not surnames.get(w)}  # a Counter's difference keeps the words counted more often as places


def _names_nobody(ent: SpacySpan, places: set[str], surnames: dict[str, set[str]]) -> bool:
    """One word the tagger called a person that is no person's name here: a place the document names ('Baghouz'), a
    word opening another proper name ('the Ferguson Police Department', 'the Arkansas Democrat Gazette'), a word after
    "a" ('a young Macedonian', 'an MEP') or a speech verb ('Said he in 1992:'). A surname the document gives someone in full is
    a name all the same ('a defiant Schumer')."""
    root = ent.root
    if len(ent) != 1 or surnames.get(ent.text):
        return False
    if ent.text in places or root.pos_ == "VERB" and root.lemma_.lower() in SPEECH_VERBS:
        return True
    described = any(c.dep_ == "det" and c.lower_ in {"a", "an"} for c in root.children)
    return described or root.dep_ == "compound" and root.head.i > root.i and root.head.pos_ == "PROPN" and root.head.ent_type_ != "PERSON"


def read_people(
    base: int, doc: Doc, genders: dict[str, str], surnames: dict[str, set[str]] | None = None, places: set[str] | None = None,
) -> list[PersonMention]:
    """PERSON entities of one paragraph (and titled names the tagger took for organisations), noting gender evidence.

    `surnames`: last words of the document's PERSON entities; "Secretary of Homeland Security Kirstjen Nielsen",
    tagged as one organisation, holds a person when the document names Nielsen elsewhere. `places`: the document's
    `place_words`.
    """
    found: list[PersonMention] = []
    ents = [e for e in doc.ents if (is_person(e) or titled_organisation(e)) and not _names_nobody(e, places or set(), surnames or {})]
    for ent in ents:
        name = clean_name(ent.text)
        if not name:
            continue
        gender = _gender_around(ent)
        if gender and name not in genders:
            genders[name] = gender
        office, office_start = _office(ent)
        found.append(
            PersonMention(
                base + ent.start_char, name, _container(ent, ents), base + ent.sent.start_char, salience(ent.root), _titles(ent),
                _qualifiers(ent), office, body_before(doc[office_start], office) if office else "",
                _described_after(ent), party_after(ent) if is_person(ent) else None,
            )
        )
    for ent in doc.ents:
        if ent.label_ != "ORG" or len(ent) < 3:
            continue
        titled = any(t.lower_ in TITLE_WORDS for t in doc[max(0, ent.start - 3) : ent.end - 2])
        tail = [t for t in ent[-2:] if t.pos_ == "PROPN" and t.text[:1].isupper() and t.lower_ not in TITLE_WORDS]
        if titled and len(tail) == 2 and (tail[1].text in (surnames or set()) or first_name_gender(tail[0].text)):
            given = tail[0].i
            while given - 2 >= ent.start and doc[given - 1].text == "-" and not doc[given - 2].whitespace_ and not doc[given - 1].whitespace_:
                given -= 2  # 'president, Jean-Claude Juncker': the given name whole, not "Claude"
            found.append(PersonMention(base + doc[given].idx, f"{doc[given : tail[1].i].text} {tail[1].text}", None, base + ent.sent.start_char, salience(ent.root)))
    found.extend(_untagged_people(base, doc, {w: full for w, full in (surnames or {}).items() if w not in (places or set())}))
    for p in found:
        if p.name not in genders and (g := first_name_gender(p.name)):
            genders[p.name] = g
    return found


_MISREAD_NAME_TAGS = frozenset({"NOUN", "AUX", "VERB", "ADJ"})


def _untagged_people(base: int, doc: Doc, surnames: dict[str, set[str]]) -> list[PersonMention]:
    """Names the tagger missed or mislabelled ("Trump made the announcement", "Earlier Melania Trump made a statement",
    "the first Trump held" tagged as an organisation): the surname of a person the document names elsewhere, with a
    given name right before it when the name lexicon knows that given name. They are antecedents like any other.

    A surname opening a sentence that the tagger calls a common noun ("Trump has also commented on …") or a verb counts when the
    document names at most one person with it in full, and is named by that full name (as a bare "Trump" would resolve to)."""
    found: list[PersonMention] = []
    found += _untagged_hyphenated(base, doc, surnames)
    for tok in doc:
        full = surnames.get(tok.text, set())
        # the parse may make it anything at a sentence's start ("Trump on Wednesday extended …" read as an auxiliary)
        common = tok.pos_ in _MISREAD_NAME_TAGS and not tok.is_stop and tok.i == tok.sent.start and tok.text[:1].isupper() and len(full) <= 1
        if tok.pos_ != "PROPN" and not common or tok.text not in surnames or tok.ent_type_ == "PERSON":
            continue
        if tok.ent_type_ and not (tok.ent_iob_ == "B" and (tok.i + 1 == len(doc) or doc[tok.i + 1].ent_iob_ != "I")):
            continue  # part of a longer entity ("Trump Tower", "the Bush administration" as one organisation)
        if tok.i + 1 < len(doc) and doc[tok.i + 1].pos_ == "PROPN" or tok.dep_ == "compound" and tok.head.pos_ != "PROPN":
            continue  # "the Trump administration", "Trump Tower": a modifier, not the person
        if tok.i > 0 and doc[tok.i - 1].text == "-" and not doc[tok.i - 1].whitespace_:
            continue  # the end of a hyphenated name ("Mucarsel-Powell"), read whole by _untagged_hyphenated
        start, name = tok.idx, next(iter(full)) if common and full else tok.text
        before = doc[tok.i - 1] if tok.i > 0 else None
        if before is not None and before.pos_ == "PROPN" and not before.ent_type_ and first_name_gender(before.text):
            start, name = before.idx, f"{before.text} {tok.text}"
        found.append(PersonMention(base + start, name, None, base + tok.sent.start_char, salience(tok)))
    return found


def _untagged_hyphenated(base: int, doc: Doc, surnames: dict[str, set[str]]) -> list[PersonMention]:
    """A hyphenated surname of a person the document names in full, not tagged a person here: 'what Rawlings-Blake is
    counting on' (tagged an organisation)."""
    found = []
    for tok in doc[: len(doc) - 2]:
        end = doc[tok.i + 2]
        if not _joins(doc[tok.i + 1]) or (surname := f"{tok.text}-{end.text}") not in surnames:
            continue
        if tok.ent_type_ == "PERSON" or tok.i > 0 and doc[tok.i - 1].pos_ == "PROPN" or end.i + 1 < len(doc) and doc[end.i + 1].pos_ == "PROPN":
            continue  # tagged already, or part of a longer name ("Stephanie Rawlings-Blake", "the Rawlings-Blake Foundation")
        found.append(PersonMention(base + tok.idx, surname, None, base + tok.sent.start_char, salience(end)))
    return found


def _described_after(ent: SpacySpan) -> tuple[str | None, str | None]:
    """The title and organisation the words after a name give: an apposition ('X, director of Y,'), else the organisation
    of a relative clause ('X, who works at Y,')."""
    if not is_person(ent) and not titled_organisation(ent):
        return None, None
    title, org = office_in_apposition(ent)
    return title, org or employer_in_relative(ent)


# Abbreviated titles as a description spells them out ("Sen. Grassley" ... "the senator").
_TITLE_SPELLED = {"sen": "senator", "rep": "representative", "gov": "governor", "lt": "lieutenant", "gen": "general"}


def office_word(title: str) -> str:
    """The word a title is held by, as `PersonMention.titles` spells it: 'Rep.' -> 'representative', 'Majority Leader' ->
    'leader', 'first lady' -> 'first lady'."""
    words = title.lower().replace(".", "").split()
    if words[-2:] == ["first", "lady"]:
        return "first lady"
    if "of" in words[1:-1] and not is_title_word(words[-1]) and words[-1] not in DEPARTMENTS:
        words = words[: words.index("of")]  # 'minister of transport', 'director of research': the office before its field
        # ('Secretary of State' stays "state", as the prose's "the secretary of state" reads it)
    return _TITLE_SPELLED.get(words[-1], words[-1]) if words else ""


def _titles(ent: SpacySpan) -> frozenset[str]:
    """Office words right before a name or inside its entity: "President Donald Trump", "Sen. Chuck Grassley"."""
    doc = ent.doc
    words = [t.lower_.strip(".") for t in doc[max(0, ent.start - 2) : ent.start]] + [t.lower_.strip(".") for t in ent[:-1]]
    first_lady = {"first lady"} if " ".join(words[:2]) == "first lady" else set()  # an office, though "lady" is no title word
    before = list(doc[max(0, ent.start - 6) : ent.start])
    if portfolio := _portfolio_after(before):  # "Secretary of Homeland Security Kirsten Nelson": a secretary
        words.append(before[-portfolio - 1].lower_.strip("."))
    return frozenset({*(_TITLE_SPELLED.get(w, w) for w in words if w in TITLE_WORDS), *first_lady})


# Title words that are no office on their own ("Under President Obama", "former", "Press", "chief of staff").
_OFFICE_MODIFIERS = frozenset(
    "under former acting vice deputy senior associate principal national legislative political press majority minority "
    "campaign lieutenant assistant staff".split()
)


def _office(ent: SpacySpan) -> tuple[str, int]:
    """The run of title words right before a name, as written, and the token it starts at: "White House Press Secretary
    Sarah Sanders" -> "Press Secretary", "the attorney general, Jeff Sessions" -> "Attorney General", "Pence's chief of
    staff, Marc Short" -> "Chief of Staff"; "" when it ends in a modifier ("Vice Mike Pence")."""
    doc = ent.doc
    lead = 0
    while lead < len(ent) - 1 and ent[lead].lower_.strip(".") in TITLE_WORDS:
        lead += 1
    before = doc[max(0, ent.start - 5) : ent.start]
    if not lead and len(before) > 1 and before[-1].text == "," and before[-2].lower_ in TITLE_WORDS:
        before = before[:-1]  # "the judge, Richard Seeborg": the office in apposition
    tokens = [*before, *ent[:lead]]
    run: list[str] = []
    start = ent.start
    portfolio = _portfolio_after(tokens)
    if portfolio:  # "former Kansas Secretary of State Kris Kobach": the department the secretary holds ends the run
        run, start, tokens = [t.text for t in tokens[-portfolio:]], tokens[-portfolio].i, tokens[:-portfolio]
    for i in range(len(tokens) - 1, -1, -1):
        word = tokens[i].lower_.strip(".")
        linking = word == "of" and run and i > 0 and tokens[i - 1].lower_ in TITLE_WORDS  # "chief of staff"
        if not linking and (word not in TITLE_WORDS or word == "under" and (not run or run[0].lower() != "secretary")):
            break  # "Under President Obama": a preposition, not "Under Secretary"
        run.insert(0, tokens[i].text)
        start = tokens[i].i
    while run and run[0].lower().strip(".") in {"former", "acting"}:
        run = run[1:]  # when, not what: the office is the same
    if run and (spelled := _TITLE_SPELLED.get(run[-1].lower().strip("."))):
        run = [spelled]  # "Sen.", "Ranking Member Sen.": the senator
    if not run and (shared := _shared_plural_title(ent)):
        return shared, ent.start
    if not run or run[-1].lower().strip(".") in _OFFICE_MODIFIERS and "of" not in run:
        return "", start
    return " ".join(w if w == "of" or not w.islower() else w.capitalize() for w in run), start  # "the attorney general": Attorney General


def _portfolio_after(tokens: list[Token]) -> int:
    """How many of the last tokens before a name are "of" and a department after a secretary or another title word
    ('Secretary of State', 'Secretary of Homeland Security'); 0 for none."""
    k = len(tokens)
    while k > 0 and tokens[k - 1].text[:1].isupper() and tokens[k - 1].lower_ in _PORTFOLIO_WORDS:
        k -= 1
    if k == len(tokens) or k < 2 or tokens[k - 1].lower_ != "of" or tokens[k - 2].lower_.strip(".") not in TITLE_WORDS:
        return 0
    return len(tokens) - k + 1


# Words of a US department's name, which a secretary holds ("Secretary of State", "… of Health and Human Services").
_PORTFOLIO_WORDS = frozenset({
    "state", "defense", "labor", "commerce", "energy", "education", "transportation", "agriculture", "treasury", "interior",
    "homeland", "security", "health", "human", "services", "veterans", "affairs", "housing", "urban", "development", "and",
})


# A plural title before a list of names, and the office each of them holds ("Sens. Jane Doe and John Roe").
_PLURAL_OFFICES = {"sens": "Senator", "senators": "Senator", "reps": "Representative", "representatives": "Representative", "govs": "Governor", "governors": "Governor"}


def _shared_plural_title(ent: SpacySpan) -> str:
    """'Sens. John Hoeven of North Dakota and Bob Corker of Tennessee', 'Sens. Rubio and Robert Menendez': each name of
    a list holds the office the plural title before the first gives; "" when no such list leads to this name."""
    doc = ent.doc
    for i in range(ent.start - 1, max(ent.sent.start, ent.start - 14) - 1, -1):
        office = _PLURAL_OFFICES.get(doc[i].lower_.strip("."))
        if office is not None:
            listed = [t for t in doc[i + 1 : ent.start] if t.text != "."]
            if not listed:
                return office
            only_a_list = all(t.ent_type_ in {"PERSON", "GPE", "NORP"} or t.is_punct or t.lower_ in {"and", "of"} for t in listed)
            return office if listed[0].ent_type_ == "PERSON" and listed[-1].lower_ in {"and", ","} and only_a_list else ""
        if doc[i].pos_ in {"VERB", "AUX"} or doc[i].lower_.strip(".") in TITLE_WORDS:
            return ""
    return ""


def _qualifiers(ent: SpacySpan) -> frozenset[str]:
    """The words of the phrase before a name: "former President George W. Bush" -> former, president."""
    doc = ent.doc
    reach = 3 + _portfolio_after(list(doc[max(0, ent.start - 6) : ent.start]))  # "former Secretary of State Hillary Clinton"
    return frozenset(t.lower_.strip(".") for t in [*doc[max(0, ent.start - reach) : ent.start], *ent[:-1]] if t.is_alpha or "." in t.text)


@dataclass
class OfficeMention:
    """A definite office standing for its holder in the narration ("The former president spoke …"), at `pos`."""

    pos: int
    office: str
    qualifiers: frozenset[str]  # "former", "mexican": which holder of the office
    sentence: int
    rank: int


def read_offices(base: int, doc: Doc) -> list[OfficeMention]:
    """Subjects like "the former president" or "the Mexican president": one office holder, named before or not at all."""
    found: list[OfficeMention] = []
    for tok in doc:
        if tok.dep_ not in {"nsubj", "nsubjpass"} or tok.pos_ not in {"NOUN", "PROPN"} or tok.tag_ in {"NNS", "NNPS"} or tok.ent_type_:
            continue  # "the President" of a White House text is a proper noun to the tagger; a name after it is not an office
        if any(c.dep_ in {"compound", "flat", "appos"} and c.pos_ == "PROPN" for c in tok.children):
            continue
        office = tok.lemma_.lower()
        determiners = [c for c in tok.children if c.dep_ in {"det", "poss"}]
        place = _place_owning(determiners)
        if office not in TITLE_WORDS or {d.lower_ for d in determiners} != {"the"} and place is None:
            continue
        modifiers = [c for c in tok.children if c.dep_ in {"amod", "compound"}]
        if any(c.i > tok.i or any(g.dep_ == "prep" for g in c.children) for c in modifiers):
            continue
        qualifiers = frozenset(c.lower_ for c in modifiers) | (place or frozenset())
        found.append(OfficeMention(base + tok.idx, office, qualifiers, base + tok.sent.start_char, salience(tok)))
    return found


def _place_owning(determiners: list[Token]) -> frozenset[str] | None:
    """"Newark's Democratic mayor": the place or body whose office it is, written as its owner, qualifies the office as
    "the" would not (the words of its name); None for any other determiner ("his mayor", "a mayor")."""
    if len(determiners) != 1 or determiners[0].dep_ != "poss" or determiners[0].ent_type_ not in {"GPE", "ORG"}:
        return None
    return frozenset(t.lower_ for t in determiners[0].subtree if t.is_alpha)


PARTY_QUALIFIERS = {"democratic": "Democratic", "republican": "Republican"}
_BELOW = frozenset({"vice", "deputy", "assistant", "associate", "lieutenant", "press"})  # 'Vice President Pence' is no president
PAST_QUALIFIERS = frozenset({"former", "ex", "then"})  # 'former President George W. Bush' holds the office no more


def _qualified(qualifiers: frozenset[str], p: PersonMention) -> bool:
    """Whether a mention of a holder fits the description's qualifiers: all written before the name, or a party the
    document gives the holder nowhere else ('The Democratic governor' after 'Gov. Ralph Northam', not after 'Republican
    Gov. …' or 'Gov. … (R-Va.)')."""
    named_party = p.qualifiers & PARTY_QUALIFIERS.keys()
    written = p.qualifiers | frozenset(p.body.lower().split())  # 'The House Judiciary Committee chairman': the body named before
    return all(q in PARTY_QUALIFIERS and not named_party and p.party in (None, PARTY_QUALIFIERS[q]) for q in qualifiers - written)


def office_holders(office: str, qualifiers: frozenset[str], people: list[PersonMention], at: int, strict: bool = False) -> set[str]:
    """The names of the people given this office before `at` whom the qualifiers fit; `strict`, not those given an office
    below it ("Vice President Mike Pence" holds no presidency, though "president" is among his titles).

    Never narrowed to those who hold it now, nor strict when one holder is sought: 'The President' of an article that
    titles only 'President Xi Jinping' and 'former Vice President Joe Biden' may well be the untitled Trump it is about."""
    return {
        p.name for p in people
        if p.pos < at and office in p.titles and _qualified(qualifiers, p) and not (strict and (p.qualifiers & _BELOW) - qualifiers)
    }


def office_holder(office: str, qualifiers: frozenset[str], people: list[PersonMention], at: int, surname_alone: bool = False) -> str | None:
    """The one person named before `at` with this office and these qualifiers ("the former president": the person
    introduced as "former President …"; with `surname_alone`, as "President Obama" where the document writes no full
    name of that surname); None when nobody or people of different surnames fit.

    A surname alone names a speaker, never a mention pronouns may mean: it has no given name to tell a "she" it is not.
    """
    names = office_holders(office, qualifiers, people, at)
    if len({n.split()[-1] for n in names}) != 1:
        return None
    holder = max(names, key=len)
    return holder if len(holder.split()) >= 2 or surname_alone and not surname_written_whole(holder, people) else None


def surname_written_whole(surname: str, people: list[PersonMention]) -> bool:
    """Whether the document names someone in full with this surname: a "President Obama" the document never calls
    Barack may be read as its "Michelle Obama" when the surname is resolved."""
    return any(len(p.name.split()) >= 2 and p.name.split()[-1] == surname for p in people)


def salience(root: Token) -> int:
    """Salience of a name whose phrase is headed by `root`: a main clause's subject, another subject, or other."""
    if root.dep_ in {"compound", "nmod", "amod"} and root.head.pos_ == "NOUN":
        return MODIFIER  # "the Obama administration", "Trump supporters": a thing named after the person, not the person
    node = root
    while node.dep_ in {"compound", "flat", "appos"} and node.head.i != node.i:
        node = node.head
    if node.dep_ not in {"nsubj", "nsubjpass"}:
        return OTHER
    return MAIN_SUBJECT if node.head.dep_ == "ROOT" else SUBJECT


def _gender_around(ent: SpacySpan) -> str | None:
    doc = ent.doc
    before = doc[ent.start - 1].lower_.strip(".") if ent.start > 0 else ""
    # any word before the surname: "Earlier Mrs Trump" is one entity whose honorific is its second word
    for word in [*(t.lower_.strip(".") for t in ent[:-1]), before]:
        if word in FEMALE_HONORIFICS:
            return "female"
        if word in MALE_HONORIFICS:
            return "male"
    title = gender_of_title(" ".join(t.text for t in doc[max(0, ent.start - 3) : ent.start]))
    if title:
        return title
    root = ent.root
    for child in root.children:  # "Laura Bush, wife of ...", "Jane Roe, a spokeswoman for ..."
        if child.dep_ == "appos" and (g := _noun_gender(child.lemma_.lower())):
            return g
    if root.dep_ == "appos" and (g := _noun_gender(root.head.lemma_.lower())):
        return g  # "his wife, Laura Bush"
    if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lemma_.lower() in SPOUSE_NOUNS:
        spouse = _noun_gender(root.head.head.lemma_.lower())  # "wife of George W Bush": he is her husband
        return {"female": "male", "male": "female"}.get(spouse or "")
    return None


def _container(ent: SpacySpan, ents: list[SpacySpan]) -> str | None:
    """The other person whose appositive or modifier holds this mention ("Laura Bush, wife of ... George W Bush")."""
    node = ent.root
    for _ in range(6):
        if node.head.i == node.i:
            return None
        node = node.head
        for other in ents:
            if other is not ent and other.start <= node.i < other.end:
                return clean_name(other.text)
        if node.dep_ in {"ROOT", "nsubj", "nsubjpass", "dobj"} and node.pos_ == "VERB":
            return None
    return None


def _gender_of(name: str, people: list[PersonMention], genders: dict[str, str]) -> str | None:
    """A name's gender; a bare surname ("Trump") takes that of the document's full names ending with it ("President
    Donald Trump"), when they all agree."""
    if name in genders or " " in name:
        return genders.get(name)
    found = {genders.get(p.name) or first_name_gender(p.name) for p in people if p.name.endswith(" " + name)}
    return found.pop() if len(found) == 1 else None


def subject_pronouns(base: int, doc: Doc) -> list[SubjectPronoun]:
    """Every "he" and "she" that is the subject of a clause in doc, with where its sentence starts."""
    return [
        SubjectPronoun(
            base + tok.idx, base + tok.sent.start_char, "female" if tok.lower_ == "she" else "male",
            leads=tok.head.dep_ == "ROOT" or tok.head.dep_ == "conj" and tok.head.head.dep_ == "ROOT",
            embedded=any(v.dep_ in {"relcl", "acl"} for v in [tok.head, *tok.head.ancestors]),
        )
        for tok in doc
        if tok.lower_ in {"he", "she"} and tok.dep_ in {"nsubj", "nsubjpass"}
    ]


def pick_antecedent(
    people: list[PersonMention],
    at: int,
    gender: str | None,
    genders: dict[str, str],
    window: int = 1500,
    subjects: Sequence[SubjectPronoun] = (),
    sentence: int | None = None,
) -> str | None:
    """The person a pronoun at `at` refers to: of the agreeing people named before it, those of the latest sentence
    naming any, and of those the most salient (a main clause's subject first), then the latest.

    Names inside quotation marks count only when nobody else agrees, and the head of an apposition is preferred to
    what it holds. "Bill Clinton spoke out, suggesting that Mr. Trump was using the practice. 'These children …,' he
    wrote": Clinton, the subject of the main clause, not Trump, the last man named. When that sentence names nobody as
    its main subject but is led by a "he" or "she" (`subjects`), a pronoun in a later sentence (the one starting at
    `sentence`), or in the same one but no clause describing a noun, means whom that one means.
    """
    before = [p for p in people if p.pos < at and at - p.pos < window]
    agreeing = [p for p in before if gender is None or _gender_of(p.name, people, genders) in (None, gender)]
    names = {p.name for p in agreeing}
    salient = [p for p in agreeing if p.inside is None or p.inside not in names]
    pool = salient or agreeing
    pool = [p for p in pool if p.rank != QUOTED] or pool
    pool = [p for p in pool if p.rank != MODIFIER] or pool
    if not pool:
        return None
    latest = max(pool, key=lambda p: p.pos)
    if latest.sentence is None:
        return latest.name
    best = max((p for p in pool if p.sentence == latest.sentence), key=lambda p: (p.rank, p.pos))
    later = sentence is not None and latest.sentence < sentence or any(s.pos == at and not s.embedded for s in subjects)
    if best.rank < MAIN_SUBJECT and gender is not None and later:
        # 'He criticized Tom Reyes's plan. "…," he said': the sentence before is led by a "he", and this "he" (in a
        # later sentence, or the same one outside a clause describing a noun: 'He went after Reyes …, and -- … -- he
        # said') goes on with that one, not with the man it only names (centering: a subject continues)
        chained = next((s for s in subjects if s.sentence == latest.sentence and s.leads and s.gender == gender and s.pos < best.pos), None)
        if chained is not None:
            return pick_antecedent(people, chained.pos, gender, genders, window, subjects, chained.sentence) or best.name
    return best.name
