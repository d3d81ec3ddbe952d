"""Turn a speaker mention into a name, title, organisation or description."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from ingest.extract.lexicon import (
    ANONYMOUS_HEADS,
    AUTHORED_NOUNS,
    DESCRIPTIVE_WORDS,
    GENERIC_ORGANIZATION_HEADS,
    GOVERNMENT_NAME_WORDS,
    HONORIFICS,
    INTRODUCED_ROLES,
    NATIONS,
    NOT_PEOPLE,
    ORGANIZATION_HEADS,
    SPEECH_VERBS,
    STATE_ROLES,
    TITLE_MODIFIERS,
    TITLE_WORDS,
)
from ingest.extract.marks import NICKNAME_WORDS
from kb.names import (
    ORG_HEADS,
    clean_text,
    fold,
    given_name_gender,
    junk_organization,
    name_gender,
)

_ORG_LABELS = {"ORG", "NORP", "GPE", "FAC"}
POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
# Words that end a name in a title-cased headline ("Remarks by President Trump Aboard Air Force One").
_HEADLINE_BREAKS = frozenset(
    "before after aboard during at on in with to for upon following from and & as by about ahead announcing at "
    "in-flight regarding on-the-record discussing welcoming meeting".split()
)


@dataclass
class Mention:
    """What a speaker mention says about the speaker."""

    start: int
    end: int
    text: str
    name: str | None = None
    title: str | None = None
    organization: str | None = None
    description: str | None = None
    is_organization: bool = False
    anonymous: bool = False
    pronoun: str | None = None
    apposed: bool = False  # the title and organisation come from an apposition after the name ('X, a spokeswoman for Y')


_NICKNAME_IN_NAME = re.compile(rf"(?<=\w)\s+[\"“](?:{NICKNAME_WORDS.pattern})[\"”]\s+(?=[A-Z])")  # the marks' nickname rule


def clean_name(text: str) -> str:
    """A name without markup, bullets, honorifics or leading titles: '• Mr. Obama' -> 'Obama'."""
    text = _NICKNAME_IN_NAME.sub(" ", clean_text(text))  # 'Joseph "Joe" Lowe' is Joseph Lowe, as every other mention names him
    words = [w for w in text.split() if w.lower().strip(".") not in HONORIFICS]
    while len(words) > 1 and is_title_word(words[0]) and not _organisation_head(words[-1]):
        if words[0].lower() in _NO_OFFICE_ALONE and not is_title_word(words[1]):
            break  # "National Review" is the magazine's name, not a review titled "National"
        words = words[1:]  # "Sheriff Champagne", "Congressmen Serrano" -> the name; the title is kept elsewhere
    return POSSESSIVE.sub("", " ".join(words)).strip(" ,.;:")


def is_title_word(word: str) -> bool:
    """A title word, plurals too ("Representatives Carter and Smith", "Congressmen José E. Serrano")."""
    if word.strip(".,") == "SEC":
        return False  # the Securities and Exchange Commission, not "Sec." for secretary
    w = word.lower().strip(".,").removesuffix("-elect")  # "President-Elect"
    singular = w[:-3] + "man" if w.endswith("men") else w[:-1] if w.endswith("s") else w
    return w in TITLE_WORDS or singular in TITLE_WORDS


def split_title(words: list[str], professions: bool = False) -> tuple[str | None, str | None]:
    """'White House press secretary' -> ('press secretary', 'White House'); descriptive words and honorifics dropped.

    The title is the run of title words that ends at the name ("Chief of Staff", "first lady"), with the lower-case words
    before the organisation ("presidential candidate", "political scientist"); before a capitalised title, only those
    that qualify it ("former", "retired"): 'liberal icon Sen.' is a senator, 'pro-immigration … Executive Director' a
    director. With `professions`, a profession in lower case ends the run too ('consultant' before a name)."""
    words = [
        w for i, w in enumerate(words)
        if _first_lady(words, i) or _party_opens_a_body(words, i) or w.lower().strip(",") not in DESCRIPTIVE_WORDS and w.lower().strip(".,") not in HONORIFICS
    ]
    while words and words[0].lower() in {"and", "or", "&"}:
        words = words[1:]  # 'a Democrat and … retired district attorney': the party dropped, its "and" goes with it
    cut = len(words)
    while cut > 0 and _in_title_run(words, cut - 1, cut < len(words), professions):
        cut -= 1
    if cut < len(words) - 1 and words[cut].lower() == "fellow":
        del words[cut]  # 'Fellow Democratic Sen. Chris Coons': the adjective, not a research fellow
    head = words[:cut]
    # Lower-case words before the organisation ("former", "top") belong to the title.
    lead = 0
    while lead < len(head) and not head[lead][:1].isupper():
        lead += 1
    formal = cut < len(words) and words[cut][:1].isupper()  # 'Sen.', 'Executive Director'; not 'presidential candidate'
    described = [w for w in head[:lead] if is_title_word(w) or w.lower() in TITLE_MODIFIERS] if formal else head[:lead]
    # 'Special Counsel Robert Mueller' opening a sentence, read in lower case: the kind of office is part of its name
    described += [w.capitalize() for w in head[lead - 1 : lead] if formal and w in _KINDS_OF_OFFICE and w not in described]
    run = [_PLURAL_TITLES.get(w, w) for w in words[cut:]]  # 'Sens. John Doe of Arizona and …': one of them is a senator
    trail = len(head)
    while run and not formal and trail > lead and head[trail - 1].isalpha() and head[trail - 1].islower() and head[trail - 2 : trail - 1] != ["-"]:
        trail -= 1  # 'a former Florida emergency official': lower-case words after the organisation qualify its title (not
        # before a capitalised one: 'on infant formula Senator')
    title = " ".join([*described, *head[trail:], *run]).strip(" ,") or None
    org = " ".join(head[lead:trail]).strip(" ,") or None
    if org is not None and org.split()[-1].lower() in _PLACED:
        org = None  # 'a Tennessee-based immigration attorney': where they work, not whom for
    body, _, kind = (org or "").rpartition(" ")
    if title is not None and kind.lower() in _KINDS_OF_OFFICE:
        # 'Special Counsel Robert Mueller', 'House Ranking Member': what kind of counsel or member, not (part of) a body
        title, org = f"{kind} {title}", body or None
    return title, (None if junk_organization(org) else org)  # "Jim Watson Getty Images" is a credit, not an organisation


_PLACED = frozenset({"based", "area"})  # 'Tennessee - based', 'Washington - area'
_KINDS_OF_OFFICE = frozenset({"special", "independent", "ranking"})  # 'Special Counsel', 'Ranking Member': part of the office
_PLURAL_TITLES = {"Sens.": "Sen.", "Sens": "Sen.", "Reps.": "Rep.", "Reps": "Rep.", "Senators": "Senator", "Representatives": "Representative"}


def _party_opens_a_body(words: list[str], i: int) -> bool:
    """'Republican National Committee member', 'Democratic Governors Association': the party word opens a body's name (a
    run of capitalised words that ends in an organisation's head word), so it stays ('Republican Florida Sen.' is a party)."""
    if not words[i][:1].isupper() or words[i].lower() not in DESCRIPTIVE_WORDS:
        return False
    run = list(itertools.takewhile(lambda w: w[:1].isupper(), words[i + 1 :]))
    return any(w.lower() in _PARTY_BODIES for w in run)


# Heads of a body a party word may name ('Republican National Committee'); not a chamber or an office, which the party
# only describes ('Republican House Speaker', 'Democratic Senate candidate').
_PARTY_BODIES = ORG_HEADS - {"house", "senate", "congress", "court", "administration", "campaign", "office", "department"}


def _first_lady(words: list[str], i: int) -> bool:
    """'first lady', 'First Lady': an office, though "lady" alone is an honorific."""
    low = [w.lower().strip(".,") for w in words]
    spouse = {"lady", "gentleman"}
    return low[i] == "first" and i + 1 < len(low) and low[i + 1] in spouse or low[i] in spouse and i > 0 and low[i - 1] == "first"


def _in_title_run(words: list[str], i: int, run_after: bool, professions: bool) -> bool:
    """Whether words[i] continues the title run that ends at the name: a title word, with `professions` one written in
    lower case ('longtime California Democratic consultant Bill Carrick'), 'first lady', or the "of" of "Chief of Staff"
    between a title word and the run."""
    w = words[i].lower().strip(".,")
    if w == "of":
        return run_after and i > 0 and is_title_word(words[i - 1])
    if w in _CHIEF_OFFICER_DOMAINS and run_after and 0 < i < len(words) - 1:
        return words[i - 1].lower() == "chief" and words[i + 1].lower().strip(".,") == "officer"  # 'Chief Operating Officer'
    return is_title_word(w) or professions and words[i] in INTRODUCED_ROLES or _first_lady(words, i)


# What a chief officer is chief of, written between the two words ('Chief Operating Officer', 'Chief Financial Officer').
_CHIEF_OFFICER_DOMAINS = frozenset({
    "operating", "financial", "technology", "information", "medical", "marketing", "communications", "legal", "diversity",
    "data", "digital", "compliance", "investment", "strategy", "product", "people", "science", "scientific",
})


def clause_subject_in_source(source: Token) -> Token | None:
    """'According to The Washington Post, the first bill, Kate's Law, increases …': the parse hangs the sentence's subject
    on the source as an apposition and leaves the verb without one. That phrase is what the source reports on, not the
    source (nor is a second apposition after it: 'the first one, Kate's Law,')."""
    to = source.head
    according = to.head
    if source.dep_ != "pobj" or to.lower_ != "to" or according.lower_ != "according" or according.head.i == according.i:
        return None
    verb = according.head
    if verb.i < source.i or any(c.dep_ in {"nsubj", "nsubjpass", "expl", "csubj"} for c in verb.children):
        return None
    appos = next((c for c in source.children if c.dep_ == "appos" and c.i > source.i), None)
    if appos is None or source.doc[appos.left_edge.i - 1].text != "," or appos.right_edge.i >= verb.i:
        return None
    return appos


def noun_phrase(head: Token) -> tuple[int, int]:
    """Token range of a subject phrase without relative clauses or trailing appositive clauses."""
    tokens = [head]
    for child in head.children:
        if child.dep_ in {"relcl", "acl", "punct", "cc", "conj", "appos", "advcl", "prep"} and child.i > head.i:
            continue
        tokens.extend(child.subtree)
    start = min(t.i for t in tokens)
    # '"… all of us in this country, for political gain," Warriors coach Steve Kerr said': the parse may hang the end of
    # the quotation on the name; 'WASHINGTON (Reuters) - President Donald Trump said': a dateline. The phrase starts after
    # the mark that closes the quotation, or the dash after the dateline.
    cuts = [t.i for t in head.doc[start : head.i] if t.i > 0 and (_closes_quotation(t) or _ends_dateline(t))]
    return (max(cuts) + 1 if cuts else start), max(t.i for t in tokens) + 1


def _closes_quotation(t: Token) -> bool:
    return t.text in _QUOTE_MARKS and t.nbor(-1).text in _CLOSING_PUNCT


def _ends_dateline(t: Token) -> bool:
    """The dash after 'WASHINGTON' or 'PARIS (AP)'."""
    spaced = bool(t.whitespace_) and bool(t.nbor(-1).whitespace_)  # not the hyphen of "AFL-CIO"
    return t.text in DASHES and spaced and (t.nbor(-1).text == ")" or t.nbor(-1).is_upper and len(t.nbor(-1)) > 1)


def _after_dateline(head: Token) -> Token | None:
    """The appositive a dateline's dash introduces, when the parse made the dateline the subject."""
    return next((a for a in head.children if a.dep_ == "appos" and any(_ends_dateline(t) for t in head.doc[head.i + 1 : a.left_edge.i])), None)


_QUOTE_MARKS = frozenset({'"', "“", "”", "''"})
_NAMING_MEMBERS = frozenset({"including", "like", "such", "along", "alongside", "among", "with", "besides", "unlike", "except"})
_CLOSING_PUNCT = frozenset({",", ".", "?", "!"})
DASHES = frozenset({"-", "--", "—", "–"})  # as spaced punctuation: a dateline's, or one that ends a name


def _part_of_named_group(head: Token) -> bool:
    """'some of the Republican presidential candidates', 'many of the growers': a quantifier that names its group is no
    pronoun ("some of them" is)."""
    return head.lower_ in _QUANTIFIERS and any(
        c.dep_ == "prep" and c.lower_ == "of" and any(o.dep_ == "pobj" and o.pos_ != "PRON" for o in c.children) for c in head.children
    )


_ONE_OF = frozenset({"one", "each", "any", "none"})  # one person of the group: the one named after it is who speaks
_QUANTIFIERS = _ONE_OF | {"some", "many", "several", "most", "few", "all", "both", "two", "three", "others"}


def describe(head: Token, doc_ents: list[SpacySpan]) -> Mention:
    """Read the subject phrase headed by `head`; a nation's adjective as its organisation is the state an office speaks
    for ('Russian President' -> Russia), and no organisation of anyone else ('a Russian lawyer')."""
    mention = _read_mention(head, doc_ents)
    if mention.organization in NATIONS:
        roles = " ".join(filter(None, [mention.title, mention.description])).lower().replace("-", " ").split()
        of_state = any(w.strip(".,") in STATE_ROLES or w.strip(".,").removesuffix("s") in STATE_ROLES for w in roles)
        mention.organization = NATIONS[mention.organization] if of_state else None
    return mention


def _read_mention(head: Token, doc_ents: list[SpacySpan]) -> Mention:
    """The subject phrase headed by `head`, as the words give it."""
    doc = head.doc
    lower = head.lower_
    group = _part_of_named_group(head)
    if head.pos_ == "PRON" and not group:
        return Mention(head.idx, head.idx + len(head), head.text, pronoun=lower)
    if head.is_upper and (after_dateline := _after_dateline(head)) is not None:
        return describe(after_dateline, doc_ents)  # 'WASHINGTON (Reuters) - Senator Tom Bradley dismissed …': the place is no one
    start_i, end_i = noun_phrase(head)
    full_start, full_end = min(t.i for t in head.subtree), max(t.i for t in head.subtree) + 1
    phrase = doc[start_i:end_i]
    person = _person_in(doc_ents, start_i, end_i, head.i)
    if person is not None and person.end <= head.i and _organisation_head(head.text):
        person = None  # 'the Trump administration', 'the Clinton campaign': the body speaks, not the person it is named for
    if person is None:
        person = next((e for e in doc_ents if titled_organisation(e) and start_i <= e.start and e.end <= end_i), None)
    reported_on = clause_subject_in_source(head)
    appos = [c for c in head.children if c.dep_ == "appos" and (reported_on is None or c.i < reported_on.i)] + _name_read_as_conjunct(head)
    appos += _name_hung_on_body(head)
    org_after = _of_organization(head, doc_ents)
    if person is None:
        for a in appos:  # "a former DHS official, John Cohen"
            a_start, a_end = noun_phrase(a)
            # the apposition is the person ("a former DHS official, John Cohen"), not a noun a person qualifies ('Howell, an
            # Obama nominee, said': the nominee speaks, not Obama)
            person = next((e for e in doc_ents if is_person(e) and a_start <= e.start and e.end <= a_end and not (a.pos_ == "NOUN" and e.end <= a.i)), None)
            if person is None and a.pos_ == "PROPN" and (proper := _titled_name(doc[a_start:a_end])) is not None:
                # 'said the official, Alderman Eddie Nabors of Batesville': a titled name the tagger took for a body
                title, org = _split_titled(proper[0])
                return Mention(phrase.start_char, phrase.end_char, phrase.text, name=clean_name(proper[1]), title=title,
                               organization=org or _of_organization(a, doc_ents) or org_after)
            if person is not None and any(c.dep_ == "appos" for c in a.children):
                # 'until the election, Minyon Kessel, a senior adviser …, called': a name with a title of its own is the
                # subject the parse hung on the wrong noun; the noun before it is no title
                return describe(a, doc_ents)
            if person is not None:
                break
    if person is not None:
        given = _given_name_before(person)
        # 'Senate minority leader Chuck Schumer and House minority leader Nancy Pelosi': Pelosi's words start after the "and"
        # that follows another name (not the one of 'Customs and Border Protection')
        own = max([start_i, *(t.i + 1 for t in doc[start_i : person.start] if t.pos_ == "CCONJ" and any(u.ent_type_ == "PERSON" for u in doc[start_i : t.i]))])
        words = [t for t in doc[own : person.start] if _describes(t) and (given is None or t.i != given.i) and not _describes_the_person(t, person)]
        tail: list[Token] = []
        # 'her biggest supporter in Kentucky, Democratic Rep. Jane Doe,': the office written with the name is its title
        between = doc[end_i : person.start] if person.start >= end_i else doc[0:0]
        after_comma = max((t.i + 1 for t in between if t.text == ","), default=None)  # not the "of staff" of 'chief of staff, …'
        own_office = [t for t in doc[after_comma : person.start] if _describes(t)] if after_comma is not None else []
        if any(is_title_word(t.text) for t in own_office):
            own, words = own_office[0].i, own_office
        elif person.start < start_i or person.start >= end_i:  # named in an appositive: the head phrase is the title
            tail = _office_of(head)
            # 'some of the candidates--Jeb Bush, …', 'one of the senators, John McCain,': "some" and "one" are no title;
            # nor is what the writer calls someone ('my colleague Dana Reyes', 'your colleague')
            words = ([] if group or _relation_to_the_writer(head) else [t for t in phrase if _describes(t)]) + tail
        if tail:  # 'acting chief of staff', 'the secretary of state': an office ending in what it is "of", not an owner
            title, org = split_title([_as_written(t) for t in words])
            org_after = None
        else:
            title, org = _office_before(doc[own : given.i if given is not None else person.start], words, person, doc_ents)
        lead = [t.text for t in person if t.lower_.strip(".") in TITLE_WORDS and t.i < person.end - 1]
        if lead and all(person[i].text == w for i, w in enumerate(lead)):  # "Sheriff Champagne" tagged as one PERSON
            title = " ".join(filter(None, [title, *lead]))
            person = person[len(lead):]
        name = _with_given_name(person)
        apposed = title is None and org is None and org_after is None
        if apposed:
            title, org = office_in_apposition(person)
            apposed = bool(title or org)
        if org in _COUNTRY and title and _office_word(title) in _CONGRESS:
            org = None  # 'U.S. Rep. Jane Doe (R-Ariz.)': the party says more than the country
        if _constituency(org, title, words, doc_ents):
            org = _party_word(words)  # 'Texas Republican Jane Doe': the party she speaks for, not the state she sits for
        if _constituency(org_after, title, words, doc_ents):
            org_after = None  # 'Sen. Jane Doe (D) of Vermont'
        # 'One Republican, Sen. Jane Doe,': the noun the name is set beside gives her party
        head_party = _PARTY_MEMBERS.get(head.text) if own_office and person.start >= end_i else None
        org = org or org_after or party_after(person) or _party_in_apposition(person) or head_party or employer_in_relative(person)
        title, org = _office_in_full(title, org)
        return Mention(
            doc[start_i].idx, doc[end_i - 1].idx + len(doc[end_i - 1]), phrase.text, name=name, title=title,
            organization=org, apposed=apposed,
        )
    proper = _titled_name(phrase)
    if proper is not None:  # "Sheriff Champage": a name the tagger missed, after a title
        title_words, name = proper
        title, org = _split_titled(title_words)
        return Mention(phrase.start_char, phrase.end_char, phrase.text, name=clean_name(name), title=title, organization=org or org_after)
    org_ent = _entity_in(doc_ents, start_i, end_i, {"ORG", "NORP"})
    if org_ent is None or org_ent.root.i != head.i:
        org_ent = _agency_name(head, doc_ents, start_i, end_i) or org_ent
    determiners = {t.lower_ for t in phrase if t.dep_ == "det"}
    if org_ent is not None and org_ent.root.i == head.i and not determiners - {"the"}:
        org_ent = doc[_joined_start(org_ent, start_i) : org_ent.end]
        # "The Department of Homeland Security" however the sentence writes its "the", as kb names a described body
        name = re.sub(r"^the\b", "The", re.sub(r"^the\s+(?=The\b)", "", clean_name(org_ent.text)))  # 'the The Washington Post'
        return Mention(org_ent.start_char, org_ent.end_char, org_ent.text, name=name, is_organization=True)
    if (author := author_of(head, doc_ents)) is not None:
        # 'according to a report by the Government Accountability Office', 'the estimates by Ms. Arias': the author's
        return Mention(author.start_char, author.end_char, author.text, name=clean_name(author.text), is_organization=author.label_ != "PERSON")
    described = doc[full_start:full_end]
    of_group = [t for t in head.subtree if t.dep_ == "pobj" and t.head.head.i == head.i]
    members = [a.left_edge.i for t in [head, *of_group] for a in t.children if a.dep_ == "appos" and a.i > head.i]
    if group and members and head.lower_ not in _ONE_OF:  # 'some of the farm groups--Green Acres, Dairy First and the Valley
        # Growers': the group, not its list of members ('one of his lawyers, Eugene Fidell' keeps the one it names)
        end = min(members)
        while end > head.i + 1 and doc[end - 1].is_punct:
            end -= 1
        described = doc[full_start:end]
    # a relative clause of speech is the quote's own cue, not who speaks: "a report issued last week that described …" is
    # "a report issued last week"; "a source who was at the meeting" stays whole
    relative = [t.i for c in head.subtree if c.dep_ == "relcl" and c.i > head.i and c.lemma_.lower() in SPEECH_VERBS for t in c.subtree]
    said_by = doc[full_start : min(relative)] if relative and min(relative) > head.i else described
    # 'Schiff, 56, who has served …': a name the tagger missed, not what follows it; 'Calder this week': no date either
    name_like = head.text[:1].isupper() and (head.pos_ in {"PROPN", "VERB"} or head.pos_ == "NOUN" and not head.is_sent_start)  # 'said Flake, …'
    ends = [c.left_edge.i - 1 for c in head.children if name_like and c.i > head.i and c.dep_ in {"appos", "relcl"} and doc[c.left_edge.i - 1].text == ","]
    ends += [c.left_edge.i for c in head.children if c.i > head.i and c.dep_ == "npadvmod" and c.ent_type_ in {"DATE", "TIME"}]
    # 'Agents on May 28 asked …', 'Trump at one point said …': the parse hangs the sentence's time on the subject
    ends += [_time_cut(t) for t in described if t.i > head.i and t.dep_ == "prep" and t.right_edge.i == described.end - 1 and _time_phrase(t)]
    # 'The official, who spoke on condition of anonymity because …': who the official is, not what the reader needs to cite
    ends += [c.left_edge.i - 1 for c in head.children if c.i > head.i and c.dep_ == "relcl" and doc[c.left_edge.i - 1].text == ","]
    # 'The congressman, on his way to talks with …, said': where the speaker was going or was is no part of who speaks
    # (not the members a group names: 'Critics, including David Leopold, …', 'Supporters, such as Rep. Rob Woodall')
    ends += [
        c.left_edge.i - 1 for c in head.children
        if c.i > head.i and c.dep_ == "prep" and doc[c.left_edge.i - 1].text == "," and not {c.lower_, c.left_edge.lower_} & _NAMING_MEMBERS
    ]
    # 'ICE — in a not-so-subtle jab at sanctuary cities — said': the writer's aside between dashes is no part of who speaks
    ends += [c.left_edge.i - 1 for c in head.children if c.i > head.i and doc[c.left_edge.i - 1].text in _DASHES]
    # 'House Minority Whip Steny Hoyer (D., Md.), …': a party shorthand in parentheses is no part of who speaks
    ends += [t.i for t in described if t.text == "(" and t.i > head.left_edge.i and _PARTY_AFTER.match(doc.text, doc[t.i - 1].idx + len(doc[t.i - 1]))]
    if ends and said_by.start < min(ends) < said_by.end:
        said_by = doc[said_by.start : min(ends)]
    while len(said_by) > 1 and (said_by[-1].is_punct and said_by[-1].text != "%" or said_by[-1].tag_ in {"WDT", "WP"}):  # a share keeps its sign ('46% said')
        said_by = said_by[:-1]
    if len(said_by) > 1 and said_by[-1].lower_ in _EMPHATIC:
        said_by = said_by[:-1]  # 'The president himself noted …' is the president, as a citation writes him
    if len(said_by) > 1 and said_by[0].lower_ == "even" and said_by[0].dep_ == "advmod":
        said_by = said_by[1:]  # 'Even Republican lawmakers' are Republican lawmakers, as a citation writes them
    if (said_by.start, said_by.end) != (start_i, end_i) and (proper := _titled_name(said_by)) is not None:
        # 'House Minority Whip Steny Hoyer (D-Md.)', the name hung on the title as an apposition the tagger did not name
        title, org = _split_titled(proper[0])
        return Mention(said_by.start_char, said_by.end_char, said_by.text, name=clean_name(proper[1]), title=title, organization=org or org_after)
    if len(said_by) == 1 and said_by[0].i == head.i and _acronym_tagged_elsewhere(head, doc_ents):
        # 'ICE — in a not-so-subtle jab … — said', the sentence's first "ICE" untagged, the one after it a body
        return Mention(head.idx, head.idx + len(head), head.text, name=head.text, is_organization=True)
    mention = Mention(described.start_char, described.end_char, described.text, description=POSSESSIVE.sub("", said_by.text.strip(" ,\"“”'")))
    mention.anonymous = head.lemma_.lower() in ANONYMOUS_HEADS or lower in ANONYMOUS_HEADS
    ents = [e for e in doc_ents if start_i <= e.start and e.end <= end_i and (e.label_ in _ORG_LABELS or _with_body(e, end_i) != e.text)]
    mention.organization = _with_body(ents[0], end_i) if ents else org_after
    if head.lemma_.lower() in TITLE_WORDS:
        mention.title = _office_of_head(head)
    return mention


_DASHES = frozenset({"—", "–", "--"})
_EMPHATIC = frozenset({"himself", "herself", "itself", "themselves"})


def _acronym_tagged_elsewhere(head: Token, ents: list[SpacySpan]) -> bool:
    """An acronym the tagger missed here but names an organisation elsewhere in the paragraph ('ICE')."""
    acronym = head.is_alpha and head.is_upper and 2 <= len(head.text) <= 6 and not is_title_word(head.text)
    return acronym and any(e.text == head.text and e.label_ == "ORG" for e in ents)


def _relation_to_the_writer(head: Token) -> bool:
    """'my colleague', 'our friend', 'your colleague': what the one writing or speaking calls someone, not an office."""
    return not is_title_word(head.text) and any(c.dep_ == "poss" and c.lower_ in {"my", "our", "your"} for c in head.children)


def _name_read_as_conjunct(head: Token) -> list[Token]:
    """'Another Democratic contender, Sen. Alma Reyes (MA), has proposed …': a name after a comma that the parse joined to
    a singular description as a second subject, with no "and" or "or" to make it one, is the description's apposition."""
    if head.tag_ in {"NNS", "NNPS"} or any(c.dep_ in {"cc", "preconj"} for c in head.children):
        return []
    doc = head.doc
    return [
        c for c in head.children
        if c.dep_ == "conj" and c.i > head.i and c.ent_type_ == "PERSON" and c.left_edge.i > 0 and doc[c.left_edge.i - 1].text == ","
        and not any(d.dep_ in {"cc", "conj"} for d in c.children)  # 'The mayor, Sen. Reyes and the sheriff': a list
        and not any(t.text in {"(", ")"} for t in doc[head.i : c.i])  # 'Plattsburgh, New York (CNN) Gene Palmer': a dateline
    ]


def _name_hung_on_body(head: Token) -> list[Token]:
    """'His former business partner at Lenox, Lawrence B. Cummings, said …': the parse may hang the name set off by commas
    on the body in the description's phrase; a body is no person, so the name is the description's."""
    doc = head.doc
    return [
        a for prep in head.children if prep.dep_ == "prep" and prep.i > head.i
        for body in prep.children if body.dep_ == "pobj" and body.ent_type_ in {"ORG", "GPE"}
        for a in body.children if a.dep_ == "appos" and a.i > body.i and a.ent_type_ == "PERSON" and doc[a.left_edge.i - 1].text == ","
    ]


def author_of(head: Token, ents: list[SpacySpan]) -> SpacySpan | None:
    """The person or organisation named as the author of a report, a study, estimates ("by", "from"), the whole object."""
    if head.lemma_.lower() not in AUTHORED_NOUNS:
        return None
    for prep in (c for c in head.children if c.dep_ == "prep" and c.i > head.i and c.lower_ in {"by", "from"}):
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            return next((e for e in ents if e.label_ in {"PERSON", "ORG"} and e.root.i == obj.i), None)
    return None


def _time_cut(prep: Token) -> int:
    """Where a description ends before its time: before the phrase, or before the participle or relative clause it is
    the time of ('Public Policy Polling surveys [taken in February]', 'the report [it issued in 1968]')."""
    verb = prep.head
    bare = all(c.i == prep.i or c.dep_ in {"aux", "auxpass", "nsubj", "nsubjpass", "advmod", "punct"} for c in verb.children)
    if verb.pos_ == "VERB" and verb.dep_ in {"acl", "relcl"} and verb.left_edge.i > verb.head.i and bare:
        return verb.left_edge.i
    return prep.i  # 'data released by the rights group [on Monday]': who released it stays


def _time_phrase(prep: Token) -> bool:
    """A prepositional phrase that says when: of a date or a time ('on May 28', 'in 2016'), or 'at one point', 'at times'."""
    objects = [c for c in prep.children if c.dep_ == "pobj"]
    return bool(objects) and all(o.ent_type_ in {"DATE", "TIME"} or o.lemma_.lower() in _WHEN_NOUNS for o in objects)


_WHEN_NOUNS = frozenset({"point", "time", "times", "moment"})


# Words before an office that make it another ('the deputy director' is not the director, 'the Vice President' no president).
_RANKS = frozenset({"deputy", "assistant", "associate", "acting", "interim", "former", "principal", "vice", "lieutenant", "under"})
# Offices named by two words, the second of which alone is another office ('the attorney general' is no general).
_TWO_WORD_OFFICES = {"general": frozenset({"attorney", "inspector", "surgeon", "solicitor"}), "secretary": frozenset({"press"})}


def _office_of_head(head: Token) -> str:
    """The office a described speaker's head word names: 'the attorney general' -> "attorney general", 'the Homeland
    Security inspector general' -> "inspector general", 'a spokesman' -> "spokesman", 'the deputy director' ->
    "deputy director"."""
    word = head.lemma_.lower()
    first = head.i
    before = head.doc[head.i - 1] if head.i > 0 else None
    if before is not None and before.head == head and before.lower_ in _TWO_WORD_OFFICES.get(word, ()):
        word, first = f"{before.lower_} {word}", before.i
    # 'the deputy director', 'a former spokesman': another office than the director's, the spokesman's now
    ranks: list[str] = []
    while first > 0 and (rank := head.doc[first - 1]).head == head and rank.lower_ in _RANKS:
        ranks.insert(0, rank.lower_)
        first -= 1
    return " ".join([*ranks, word])


def _office_of(head: Token) -> list[Token]:
    """'acting White House chief [of staff], Mick Mulvaney': the "of" phrase that ends an office the parse heads with its
    first word, where the phrase is the title and the name its apposition."""
    doc = head.doc
    if not _of_right_after(head):
        return []
    named = doc[head.i + 2]
    office = is_title_word(named.text) or head.lower_ == "secretary" and named.lower_ in DEPARTMENTS  # 'secretary of state'
    return [doc[head.i + 1], named] if named.head.i == head.i + 1 and office and is_title_word(head.text) else []


def _of_right_after(head: Token) -> bool:
    """An "of" hung on the office word right after it, with a word after it ('chief [of] staff', 'director [of] research')."""
    doc = head.doc
    return head.i + 2 < len(doc) and doc[head.i + 1].lower_ == "of" and doc[head.i + 1].head.i == head.i


def _field_of(head: Token) -> list[Token]:
    """'director of U.S. research at the Migration Policy Institute': the field an office is "of", in lower case, which
    is part of the title (the body it is held at is the organisation); not a body ('director of the FBI')."""
    doc = head.doc
    if not is_title_word(head.text) or not _of_right_after(head):
        return []
    field = next((c for c in doc[head.i + 1].children if c.dep_ == "pobj"), None)
    if field is None or field.pos_ != "NOUN" or not field.text.islower() or field.ent_type_:
        return []
    if fold(field.lemma_) in ORGANIZATION_HEADS | GENERIC_ORGANIZATION_HEADS:
        return []  # 'head of the advocacy group America's Voice': the body, described
    words = [t for t in field.subtree if t.i <= field.i]
    # 'professor of family and community medicine': the field whole, or none of it
    joined = [t for t in field.subtree if t.i > field.i]
    if joined and joined[0].dep_ == "cc" and all(t.text.islower() and t.dep_ in {"cc", "conj", "compound", "amod"} for t in joined):
        words += joined
    elif field.i + 1 < len(doc) and doc[field.i + 1].dep_ == "cc":
        return []
    if words[0].i != head.i + 2 or any(t.dep_ in {"det", "poss"} or not (t.text.islower() or t.ent_type_ in {"GPE", "NORP"}) for t in words):
        return []
    return [doc[head.i + 1], *words]


# What a secretary is "of" when the office is named in lower case ('the secretary of state, Mike Pompeo').
DEPARTMENTS = frozenset({"state", "defense", "defence", "labor", "commerce", "energy", "education", "transportation", "agriculture", "treasury", "interior"})


def _office_before(before: SpacySpan, words: list[Token], person: SpacySpan, ents: list[SpacySpan]) -> tuple[str | None, str | None]:
    """The title and organisation the words before a name give (`words`: those of `before` that may describe)."""
    owner = _owning_organisation(before, ents)
    if owner is not None:  # "The Weekly Standard's Jonathan V. Last", "Department of Justice lawyer Jeffrey Wall"
        org, used = owner
        title, rest = split_title([_as_written(t) for t in words if t.i not in used])
        if title is None and rest and any(is_title_word(w) for w in rest.split()):
            title = rest  # 'White House Director of Legislative Affairs': an office in title case
        return _dweller(title, org) or (title, _whole_body(org, title, before, person) if title else org)
    # a profession ends the run before a name ('consultant Bill Carrick'); after one, its own words do ('a Middle East
    # expert at the American Enterprise Institute', read by office_in_apposition)
    title, org = split_title([_as_written(t) for t in words], professions=True)
    named = [e[1:] if _capitalised_as_first(e[0]) else e for e in ents if e.label_ in _ORG_LABELS and before.start <= e.start and e.end <= person.start]
    named = [e for e in named if len(e)]
    # "Press Secretary Sarah Sanders" with "Press" tagged an organisation: all of it is the title
    org_ent = named[0] if named and not all(is_title_word(w) for w in named[0].text.split()) else None
    if org_ent is not None and (org is None or org_ent.text in (title or "")):
        org = org_ent.text
        title = (title or "").replace(org_ent.text, "").strip() or None
    org, title = _named_organisation(org, named, title)
    if org is None and title and _office_word(title) in _OFFICES_OF_A_PLACE:
        org = _place_before(words, title)
    return _dweller(title, org) or (title, _whole_body(org, title, before, person) if org and title else org)


def _office_in_full(title: str | None, org: str | None) -> tuple[str | None, str | None]:
    """'State Sen. Jeff Danielson' holds a state senate seat, not an office of a body called "State"; 'U.S. District Judge
    Jane Doe' sits on the U.S. District Court, not in a "U.S. District"."""
    if not title or not org:
        return title, org
    words = org.split()
    if fold(words[-1]) == "state" and (len(words) == 1 or fold(title.split()[0]) in _STATE_LEGISLATORS):
        # 'Iowa State Sen.': a state senator, the state no body she speaks for; 'Republican State Sen.': her party
        party = " ".join(words[:-1])
        return f"{words[-1]} {title}", (_PARTY_MEMBERS.get(party, party) if party in _PARTY_WORDS else None)
    if fold(title.split()[-1]) == "judge" and words[-1] in _COURT_KINDS:
        chief = words[0] == "Chief" and len(words) > 1  # 'Chief U.S. District Judge': a judge, the chief, of that court
        return (f"Chief {title}" if chief else title), " ".join([*words[chief:], "Court"])
    return title, org


_STATE_LEGISLATORS = frozenset({"sen", "senator", "rep", "representative", "assemblyman", "assemblywoman", "delegate", "legislator"})
_COURT_KINDS = frozenset({"District", "Circuit", "Bankruptcy", "Appeals", "Superior", "Immigration"})


def _dweller(title: str | None, org: str | None) -> tuple[str, None] | None:
    """'Dededo resident Vicente Bautista': where someone lives is part of the description, not a body they speak for."""
    if not (org and title and fold(title.split()[-1]) in _DWELLERS):
        return None
    place = " ".join(w for w in org.split() if fold(w) not in _STANDING_WORDS)  # 'Longtime Phoenix'
    return (f"{place} {title}" if place else title), None


_DWELLERS = frozenset({"resident", "native", "homeowner", "voter", "villager", "local"})


_OFFICES_OF_A_PLACE = frozenset({"mayor", "governor", "gov", "sheriff"})
_WHEN_HELD = frozenset({"former", "acting", "interim", "then"})  # when a title is held, not which body
# Words of an office holder's standing that the parse takes for a name when they open a sentence ('Longtime Mayor …').
_STANDING_WORDS = frozenset({
    "longtime", "veteran", "embattled", "outgoing", "incoming", "current", "popular", "controversial", "beleaguered",
    "then", "now", "newly", "new", "local", "beloved", "retiring", "retired", "late",
})


def _place_before(words: list[Token], title: str) -> str | None:
    """'Fargo Mayor Tim Mahoney': the one proper noun before an office held of a place is the place, tagged or not (not
    'Longtime Mayor', an adjective capitalised as the sentence's first word)."""
    rest = words[: len(words) - len(title.split())]
    if len(rest) != 1 or rest[0].pos_ != "PROPN" or not rest[0].is_alpha or not rest[0].text[:1].isupper() or is_title_word(rest[0].text):
        return None
    if rest[0].is_sent_start and not rest[0].ent_type_ and rest[0].lower_ in _STANDING_WORDS:
        return None
    return rest[0].text


def _whole_body(org: str, title: str, before: SpacySpan, person: SpacySpan) -> str:
    """The organisation as the text names it before an office: 'Immigration and Customs Enforcement Director' (the words
    that describe leave out the "and"), 'U.S. Customs and Border Protection Commissioner' (two of the tagger's
    organisations), 'House Ways and Means Committee Chairman'; where the parse makes the officer the conjunct of the
    body's first name, that name too."""
    doc, words = before.doc, org.split()
    start = next((t.i for t in before if t.text == words[0]), None)
    if start is None:
        return org
    end, matched = start, 0
    for t in doc[start : before.end]:
        if matched < len(words) and t.text == words[matched]:
            matched, end = matched + 1, t.i
        elif matched == len(words) or t.lower_ not in _JOINING:
            break
    if matched < len(words):
        return org
    office = title.split()[0]

    def named(i: int) -> bool:  # a capitalised noun of the body's name before the office ('Brooklyn Borough President',
        # 'House Foreign Affairs Committee'); not a party: 'Florida Republican Sen.' gives the state, as body_before decides;
        # not a minister's portfolio: 'Mexican Foreign Minister' is of Mexico's government, not of a "Mexican Foreign"
        t = doc[i] if i < before.end else None
        portfolio = t is not None and t.lower_ in _PORTFOLIOS and i + 1 < len(doc) and doc[i + 1].text == office and fold(office) in {"minister", "secretary"}
        return t is not None and t.text != office and _name_word(t) and t.pos_ in {"PROPN", "NOUN"} and not is_title_word(t.text) and (
            t.text not in _PARTY_WORDS and not portfolio
        )

    while True:  # '… and Border Protection', '… Ways and Means Committee': on up to the office
        if named(end + 1):
            end += 1
            continue
        joining = doc[end + 1 : end + 2].text.lower()
        run = end + 2
        while named(run):
            run += 1
        # one word between an "and" and the office is another body's ('the ACLU and House Speaker …')
        if joining not in _JOINING or run == end + 2 or joining in {"and", "&"} and run - (end + 2) < 2:
            break
        end = run - 1
    root = person.root
    if start == before.start and start >= 2 and doc[start - 1].lower_ in {"and", "&"} and root.dep_ == "conj" and root.head.i == start - 2 and (
        root.head.ent_type_ == "ORG"
    ):
        start = next((e.start for e in doc.ents if e.start <= start - 2 < e.end), start - 2)  # 'U.S. Customs and …'
    whole = doc[start : end + 1]
    return whole.text if len(whole) > len(words) else org


def _with_body(ent: SpacySpan, end: int) -> str:
    """An organisation, or a person something is named for, with the body it names: 'Trump administration officials' speak
    for the Trump administration, 'a Clinton campaign spokesman' for the Clinton campaign, not for Trump or Clinton."""
    if len(ent) > 1 and ent[-1].lower_ in {"'s", "’s"}:
        # the tagger took the possessive in: 'Pew’s new report' is Pew's; 'Marco Rubio’s spokeswoman' is no body's
        return ent[:-1].text if ent.label_ in _ORG_LABELS else ent.text
    after = ent.doc[ent.end] if ent.end < end else None
    body = after is not None and after.is_lower and _organisation_head(after.text)
    return f"{ent.text} {after.text}" if body else ent.text


def _given_name_before(person: SpacySpan) -> Token | None:
    """A given name the tagger left outside the entity ("spokeswoman Amanda [Infield Duvall]", "Mayor Rahm [Emanuel]"),
    or a capitalised word between a lower-case title or an owner and a bare surname ("lawyer August [Flentje]", read as a
    date; "the AFL-CIO's Ana [Avendano]")."""
    before = person.doc[person.start - 1] if person.start > 0 else None
    if before is None or not before.text[:1].isupper() or not before.is_alpha or is_title_word(before.text):
        return None
    if before.pos_ == "PROPN" and name_gender(fold(before.text)) and (not name_gender(fold(person[0].text)) or len(person) > 1):
        return before  # "Tania [Marie Guerrero]": two given names, the tagger took the second
    prior = person.doc[before.i - 1] if before.i > 0 else None
    after_title = prior is not None and (prior.is_lower and is_title_word(prior.text) or prior.lower_ in {"'s", "’s"})
    if len(person) == 1 and after_title and before.ent_type_ not in _ORG_LABELS:
        return before
    # 'Mayor Sadiq [Khan]', 'San Juan Mayor Carmen [Yulin Cruz]': a proper noun between an office and the name is its given name
    office = prior is not None and prior.text[:1].isupper() and is_title_word(prior.text) and prior.lower_ != "of"
    joined = before.pos_ == "PROPN" and before.dep_ == "compound" and before.head.i in range(person.start, person.end)
    return before if office and joined and len(person) <= 2 and not before.ent_type_ else None


def _with_given_name(person: SpacySpan) -> str:
    """The entity's name, with a given name the tagger left outside it."""
    name = clean_name(person.text)
    given = _given_name_before(person)
    return f"{given.text} {name}" if given is not None else name


def _describes(t: Token) -> bool:
    """A word before a name that may be its title or organisation: not punctuation, an article, a possessor or its 's, an
    adverb ("Even Obama"; by its place, since the tagger calls 'demographer' one), a number ("One …"), another person's
    name ("Rubio and Boehner …") or a lone letter (a transcript's "Q   Senator Warren proposed …")."""
    return not (
        t.is_punct or t.dep_ in {"det", "poss", "case", "advmod"} or t.pos_ in {"NUM", "CCONJ", "SPACE"}
        or t.ent_type_ == "PERSON" and not (is_title_word(t.text) and t.text[:1].isupper())  # 'Waco police Sgt[PERSON].'
        or t.lower_ in {"'s", "’s"} or len(t.text) == 1 and t.is_alpha and not _opens_a_name_with(t)
    )


def _opens_a_name_with(letter: Token) -> bool:
    """'Y Combinator president': a capital letter that opens a name of the next word (not a transcript's "Q   Senator …",
    whose next word is a title after more than a space)."""
    after = letter.doc[letter.i + 1] if letter.i + 1 < len(letter.doc) else None
    return (
        after is not None and letter.is_upper and letter.whitespace_ == " " and after.is_alpha and after.text[:1].isupper()
        and after.text[1:].islower() and not is_title_word(after.text) and letter.dep_ == "compound"
    )


_PARTY_AFTER = re.compile(r"\s*(?:(?:\(\s*|,\s*)([RDI])\s*[.,]?\s*[-–,]\s*[A-Z]|\(\s*([RDI])\.?\s*\))")
_PARTY_LETTERS = {"R": "Republican", "D": "Democratic", "I": "Independent"}  # a congressional shorthand's party
_COUNTRY = frozenset({"U.S.", "U.S", "US", "United States", "the United States"})
_CONGRESS = frozenset({"rep", "sen", "senator", "representative", "congressman", "congresswoman"})
_PARTY_MEMBERS = {"Republican": "Republican", "Democrat": "Democratic", "Independent": "Independent"}
_PARTY_WORDS = frozenset({*_PARTY_MEMBERS, "Democratic", "GOP"})  # a party written before an office ('Democratic Sen.')


def party_after(person: SpacySpan) -> str | None:
    """The party a congressional shorthand after the name gives: 'Sen. John Doe (R-Ariz.)', 'Rep. Jane Doe, D-N.Y.,',
    'Sen. Jane Doe (D) of Vermont'."""
    return party_at(person.doc.text, person.end_char)


def party_at(text: str, pos: int) -> str | None:
    """The party a congressional shorthand at `pos` gives ('(R-Ariz.)', ', D-N.Y.,', '(D)'), or None."""
    m = _PARTY_AFTER.match(text, pos)
    return _PARTY_LETTERS[m.group(1) or m.group(2)] if m else None


def _office_word(title: str) -> str:
    """The word of a title that names the office, folded: 'former Sen.' -> "sen", 'Foreign Minister' -> "minister"."""
    return fold(title.split()[-1].strip("."))


def _party_word(words: list[Token]) -> str | None:
    """The party written among the words before a name ('Texas Republican', 'New York Democratic Sen.')."""
    return next((_PARTY_MEMBERS.get(t.text, t.text) for t in words if t.text in _PARTY_WORDS), None)


def _constituency(org: str | None, title: str | None, words: list[Token], ents: list[SpacySpan]) -> bool:
    """'Florida Sen. Jane Doe', 'Sen. Jane Doe (D) of Vermont', 'Texas Republican Jane Doe': the state or place a member
    of a legislature sits for is no body they speak for (a governor's state is: 'Texas Gov.' stays)."""
    if org is None or not any(e.text == org and e.label_ in {"GPE", "LOC"} for e in ents):
        return False
    member = title is not None and _office_word(title) in _CONGRESS
    return member or title is None and _party_word(words) is not None


def _apposition_head(person: SpacySpan) -> Token | None:
    """The head of an apposition after the name ('Dana Whitfield, a spokeswoman for …'; 'co-director' is three)."""
    doc = person.doc
    heads = [c for c in person.root.children if c.dep_ == "appos" and c.i >= person.end and doc[person.end].text == ","]
    if not heads:
        return None
    head = heads[0]
    while head.i + 1 < len(doc) and doc[head.i + 1] in heads:
        head = doc[head.i + 1]
    return head


def _party_in_apposition(person: SpacySpan) -> str | None:
    """'Sen. Dana Whitfield, an Oklahoma Republican,': the party, as "Republican Sen." gives it."""
    head = _apposition_head(person)
    return _PARTY_MEMBERS.get(head.text) if head is not None else None


def _whole_compounds(words: list[Token]) -> list[Token]:
    """The words kept, less any hyphenated word whose other half was left out: 'the Pentagon's second-ranking
    intelligence official' keeps "intelligence official", not "- ranking intelligence official"."""
    doc, kept = words[0].doc if words else None, {t.i for t in words}

    def counted(i: int) -> bool:  # a number or measure left out ('second', '35-year-old'), not 'in' of 'editor-in-chief'
        return doc is not None and 0 <= i < len(doc) and i not in kept and (doc[i].ent_type_ in {*_MEASURES, "ORDINAL"} or doc[i].like_num)

    joined = {
        t.i for t in words
        for h in (t.nbor(-1) if t.i > 0 else None, t.nbor(1) if t.i + 1 < len(t.doc) else None, t)
        if h is not None and h.tag_ == "HYPH" and abs(h.i - t.i) <= 1 and (counted(h.i - 1) or counted(h.i + 1))
    }
    return [t for t in words if t.i not in joined]


def office_in_apposition(person: SpacySpan) -> tuple[str | None, str | None]:
    """The office an apposition after the name gives ('Dana Whitfield, a spokeswoman for the Department of Homeland
    Security', 'said Dana Whitfield, policy counsel with the ACLU Border Rights Center', 'Dana Whitfield, Kind's senior
    director'): the title, when its head is a title word, and the organisation it is held with, for, at or of, when that
    is a name ('the campaign' is none)."""
    doc = person.doc
    head = _apposition_head(person)
    first = person.end + 1
    if head is not None and not _holds_office(head):  # 'Mr. Trump's son-in-law and senior adviser': the office joined on
        held = next((c for c in head.children if c.dep_ == "conj" and _holds_office(c)), None)
        head, first = (held, held.left_edge.i) if held is not None else (head, first)
    if head is None or not _holds_office(head):
        return None, None  # 'Dana Whitfield, 54,', 'Laura Bush, wife of …', 'a Texas Republican' (a party: see above)
    words = [
        t for t in doc[first : head.i + 1]
        if t.dep_ not in {"det", "poss", "case"} and t.ent_type_ not in {*_MEASURES, "ORDINAL"}  # '35-year-old', 'the second'
        and not (t.pos_ == "ADJ" and t.head == head and not is_title_word(t.text) and t.lower_ not in TITLE_MODIFIERS and not _opens_a_name(t))  # 'a prominent lawyer'
        and not (t.dep_ == "advmod" and t.head == head and t.i < head.i and t.pos_ == "ADV" and t.lower_ not in TITLE_MODIFIERS)  # 'also a former …'
        and not any(a.dep_ == "poss" for a in _up_to(t, head))
    ]
    words = _whole_compounds(words)
    if [t.lower_ for t in words] == ["member"]:
        return None, None  # 'Schumer, a member of the Gang of Eight': a body they sit on, no office of their own
    title, org = split_title([t.text for t in words] if not any(t.is_punct and t.text != "-" for t in words) else [head.text])
    title = title.replace(" - ", "-") if title else title
    if title and title.split()[-1] == head.text and (held_of := _office_of(head) or _field_of(head)):
        title = " ".join([title, *(t.text for t in held_of)])  # "Pelosi's deputy chief of staff", 'the Kansas secretary of state'
    if org is not None and not is_title_word(head.text) and (title is None or org.split()[-1] == head.text):
        # 'a New York Times journalist', 'a Maryland-based activist'; 'the former top White House expert on Russia' is
        # no "former top" of a "White House expert"
        when = [t.text for t in words if t.lower_ in _WHEN_HELD and t.i < head.i] if title else []
        title, org = _profession(words, head)
        title = " ".join([*when, title])
    if org is None:  # 'director of research at the Center for Immigration Studies': the first naming one
        owners = [c for c in head.children if c.dep_ == "poss" and c.pos_ != "PRON"]
        preps = [p for p in head.subtree if p.dep_ == "prep" and p.lower_ in {"with", "for", "at", "of"} and not _in_clause(p, head)]
        # 'director of Immigration Research at the Fiscal Policy Institute': the place the office is held at names the body
        # (a "for" may be inside the name: 'president of Americans for Legal Immigration')
        held_at = [p for p in preps if p.lower_ in {"at", "with"} and p.head == head]
        held = [_whole_name(o, head) for p in [*held_at, *(p for p in preps if p not in held_at)] for o in p.children if o.dep_ == "pobj"]
        org = next((name for o in [*owners, *held] if (name := _proper_name(o) or _name_apposed_to(o)) is not None), None)
    if org is None and _office_word(head.text) in _CONGRESS:  # 'a former Republican congressman from Arizona': the party
        org = next((_PARTY_MEMBERS.get(t.text, t.text) for t in doc[first : head.i] if t.text in {*_PARTY_MEMBERS, "Democratic"}), None)
    return title, org


def _whole_name(word: Token, office: Token) -> Token:
    """The head of the name an "of" phrase is inside ('the Humane Society of [the United States]' -> "Society"), not the
    office's own "of" ('CEO of HIAS')."""
    while (
        word.head.lower_ == "of" and word.head.head.pos_ == "PROPN" and word.head.head.text[:1].isupper()
        and word.head.head != office and word.head.head.i < word.i
    ):
        word = word.head.head
    return word


def _profession(words: list[Token], head: Token) -> tuple[str, str | None]:
    """A profession no title word names, after capitalised words: the lower-case words that end at it are the title, the
    capitalised ones the organisation where the tagger names one ('New York Times journalist'), else none (a place a
    hyphen joins on: 'Maryland-based activist')."""
    lower = [t for t in words if t.i <= head.i and t.is_lower and t.is_alpha and (t.i == 0 or t.doc[t.i - 1].text != "-")]
    run = [t for t in lower if all(u in lower for u in words if t.i <= u.i <= head.i)]
    capitalised = [t for t in words if t.i < (run[0].i if run else head.i) and not t.is_lower]
    named = bool(capitalised) and all(t.ent_type_ in _ORG_LABELS - {"GPE"} and t.text != "-" for t in capitalised)
    return " ".join(t.text for t in run) or head.text, " ".join(t.text for t in capitalised) if named else None


def _holds_office(head: Token) -> bool:
    """An apposition's head that is an office or a profession ('spokeswoman', 'co-director', 'attorney')."""
    return is_title_word(head.text.split("-")[-1]) or head.lemma_.lower() in INTRODUCED_ROLES


def _name_apposed_to(noun: Token) -> str | None:
    """'head of advocacy group America's Voice', 'an attorney for the nonprofit organization Human Rights First': the
    name a common noun puts in apposition."""
    if noun.pos_ != "NOUN" or not noun.is_lower:
        return None
    return next((name for c in noun.children if c.dep_ in {"appos", "compound"} and c.i > noun.i and (name := _proper_name(c)) is not None), None)


def employer_in_relative(person: SpacySpan) -> str | None:
    """'Andrew Arthur, who now works at the Center for Immigration Studies,': where a relative clause after the name says
    the person works, when it names the place."""
    for clause in (c for c in person.root.children if c.dep_ == "relcl" and c.i >= person.end and c.lemma_.lower() == "work"):
        if not any(c.dep_ == "nsubj" and c.tag_ in {"WP", "WDT"} for c in clause.children):
            continue  # 'Diaz, whose sister works at …': someone else works there
        for prep in (c for c in clause.children if c.dep_ == "prep" and c.lower_ in {"at", "for", "with"}):
            if (name := next((n for o in prep.children if o.dep_ == "pobj" and (n := _proper_name(o) or _name_apposed_to(o))), None)) is not None:
                return name
    return None


def body_before(first: Token, office: str) -> str:
    """The body the text names right before an office that starts at `first`: 'White House Press Secretary', 'DHS
    Inspector General', 'Washington Attorney General', 'Republican Sen.', 'U.S. Customs and Border Protection
    Commissioner' (a run of capitalised words, "and", "of" or "for" between them, that the tagger names an organisation,
    place or group in); "" for none, for the country before a member of Congress ('U.S. Sen.': the party says more) and
    for a word capitalised only as the sentence's first."""
    doc = first.doc
    run: list[Token] = []
    i = first.i - 1
    while i >= 0:
        t = doc[i]
        if _name_word(t) or t.ent_type_ in _ORG_LABELS and t.text[:1].isupper():  # "U.S."
            run.insert(0, t)
        elif t.lower_ in BODY_CONNECTORS and run and i > 0 and (
            _name_word(doc[i - 1]) and doc[i - 1].ent_type_ != "NORP" or doc[i - 1].lower_ in BODY_CONNECTORS
        ):  # not a group's name ('Senate Democrats and House Speaker …' name two speakers)
            run.insert(0, t)  # 'Stand Up for the Wall founder', 'Customs and Border Protection Commissioner'
        else:
            break
        i -= 1
    while run and (run[0].lower_ in BODY_CONNECTORS or run[0].text in _CAPTION_WORDS or _capitalised_as_first(run[0])):
        run = run[1:]
    acronym = len(run) == 1 and run[0].is_alpha and run[0].is_upper and 2 <= len(run[0]) <= 5  # 'ICE Director', untagged
    if not run or not acronym and not any(t.ent_type_ in _ORG_LABELS for t in run):
        return ""
    body = POSSESSIVE.sub("", first.doc[run[0].i : run[-1].i + 1].text).strip()
    congress = _office_word(office) in _CONGRESS
    if body in NATIONS:  # 'Russian President', 'Mexican Foreign Minister': the state; 'a Russian lawyer': no body
        return NATIONS[body] if _office_word(office) in STATE_ROLES else ""
    if congress and all(t.ent_type_ in {"GPE", "LOC"} for t in run):
        return ""  # 'Florida Sen. Marco Rubio': the state he sits for is no body he speaks for
    if len(run) > 1 and run[-1].text in _PARTY_WORDS:
        # 'New York Democratic Sen.': the party, as 'Democratic Sen.' gives it; 'Michigan Republican Gov.': the state
        return _PARTY_MEMBERS.get(run[-1].text, run[-1].text) if congress else body_before(run[-1], office)
    if body in _COUNTRY and congress or junk_organization(body):
        return ""
    return _office_in_full(office, body)[1] or ""


BODY_CONNECTORS = frozenset({"and", "&", "of", "for", "the"})  # the small words inside a body's name
_JOINING = BODY_CONNECTORS - {"the"}  # inside a body's name after its first word


def _name_word(t: Token) -> bool:
    """A capitalised word that may go on a body's name ('Customs', 'Build', the 'We' of 'We Build the Wall' mid-sentence):
    not a title ('Sen.'), a person or a date."""
    word_class = t.pos_ in {"PROPN", "NOUN", "VERB", "ADJ"} or t.pos_ == "PRON" and not t.is_sent_start and t.text != "I"
    office_word = is_title_word(t.text) or t.lower_ in TITLE_MODIFIERS  # 'Sen.', 'Incoming'
    return t.text[:1].isupper() and t.is_alpha and not office_word and word_class and t.ent_type_ not in {"PERSON", *_MEASURES}


def _in_clause(t: Token, top: Token) -> bool:
    return any(a.dep_ in {"relcl", "acl", "appos", "advcl", "ccomp"} for a in _up_to(t, top))


def _proper_name(head: Token) -> str | None:
    """The name a noun phrase gives ('the ACLU Border Rights Center', 'Customs and Border Protection', 'the Department of
    Homeland Security', 'the anti-deportation Dream Action Coalition'), or None when it gives none ('the campaign')."""
    # a capitalised preposition is a word of the name ('Doctors Without Borders', 'Mothers Against Drunk Driving')
    inside = [t for t in head.subtree if not any(
        a.dep_ in {"relcl", "acl", "appos"} or a.dep_ == "prep" and a.lower_ not in {"of", "for"} and not a.text[:1].isupper() for a in _up_to(t, head)
    )]
    while inside and not inside[0].text[:1].isupper():
        inside = inside[1:]
    if head.pos_ == "PRON":
        return None  # 'the founder of She the People', cut to its first word by the parse
    while inside and inside[-1].is_punct:
        inside = inside[:-1]
    while inside and (inside[-1].lower_ in _NAME_CONNECTORS or inside[-1].lower_ in _OWNER_MARKS):
        inside = inside[:-1]  # 'Industrial and [Labor Relations]' cut by the parse; 'Kind's'
    if head not in inside or not all(t.text[:1].isupper() or t.lower_ in _NAME_CONNECTORS | _OWNER_MARKS for t in inside) or any(t.ent_type_ == "PERSON" for t in inside):
        return None  # nor a person: 'a deputy press secretary for Vice President Mike Pence'
    end = _tagged_name_end(inside[0], inside[-1])
    name = head.doc[inside[0].i : end].text
    return None if junk_organization(name) else name


def _capitalised_as_first(t: Token) -> bool:
    """A common word capitalised only because it opens the sentence, which the tagger then takes for a name ('Radio
    host', 'Longtime Democratic consultant', 'Veteran Republican strategist'); not a party or a nationality of its own
    ('Republican Sen.', 'Mexican President')."""
    if not (t.is_sent_start and t.pos_ in {"NOUN", "ADJ", "ADV"}) or t.is_upper and len(t) > 1:
        return False  # 'ICE Director …': an acronym is a name wherever it stands
    ends_here = t.i + 1 == len(t.doc) or t.doc[t.i + 1].ent_iob_ != "I"
    return not (t.ent_type_ in {"NORP", "GPE", "LANGUAGE"} and ends_here)


def _opens_a_name(t: Token) -> bool:
    """'a Republican National Committee member': the adjective is the first word of the body's name."""
    nxt = t.doc[t.i + 1] if t.i + 1 < len(t.doc) else None
    return t.text[:1].isupper() and nxt is not None and nxt.pos_ == "PROPN" and nxt.text[:1].isupper() and not is_title_word(nxt.text)


def _as_written(t: Token) -> str:
    """A word as it would be written mid-sentence: 'Radio host Rush Limbaugh' is a radio host, not a host at Radio."""
    return t.lower_ if _capitalised_as_first(t) else t.text


def _tagged_name_end(first: Token, last: Token) -> int:
    """Where a name ends when the tagger's organisation goes on past the parse's cut: 'Kids in Need of Defense',
    'Reporters Without Borders', 'the Center on Religion and Culture' (the parse stops at a preposition it hangs
    elsewhere). Not past an opening parenthesis ('Kids in Need of Defense (KIND')."""
    # the small tagger calls some organisations laws or products ("Human Rights First")
    ent = next((e for e in first.doc.ents if e.label_ in {"ORG", "FAC", "LAW", "PRODUCT"} and e.start <= first.i and last.i < e.end), None)
    if ent is None or any(t.ent_type_ == "PERSON" for t in ent):
        return last.i + 1
    tokens = [t for t in first.doc[last.i + 1 : ent.end]]
    cut = next((k for k, t in enumerate(tokens) if t.text == "(" or t.is_punct and t.text not in {"&", "-", "'", "’"}), len(tokens))
    tokens = tokens[:cut]
    while tokens and not (tokens[-1].text[:1].isupper() or tokens[-1].is_digit):
        tokens.pop()  # never ends on a connector
    return (tokens[-1].i if tokens else last.i) + 1


_NAME_CONNECTORS = frozenset({"and", "of", "for", "&", "-"})
_OWNER_MARKS = frozenset({"'s", "’s", "'", "’"})  # "the ACLU's Immigrants' Rights Project"


def _up_to(t: Token, top: Token) -> list[Token]:
    """t and its heads up to (not including) `top`."""
    out = []
    while t.i != top.i and t.head.i != t.i:
        out.append(t)
        t = t.head
    return out


def _describes_the_person(t: Token, person: SpacySpan) -> bool:
    """A word about the person, not their office: an age or a date ('54-year-old Aurora Diaz'), or an adjective on a
    name after an article ('a defiant Schumer', 'another leading Dem'; not 'demographer William Frey', which the tagger
    may also call an adjective)."""
    if t.ent_type_ in _MEASURES:
        return True
    on_name = t.dep_ == "amod" and t.head.i in range(person.start, person.end) and not is_title_word(t.text) and t.lower_ not in TITLE_MODIFIERS
    return on_name and any(c.dep_ == "det" and c.i < t.i for c in t.head.children)


_MEASURES = frozenset({"DATE", "TIME", "CARDINAL", "QUANTITY", "PERCENT", "MONEY"})


def _owning_organisation(words: SpacySpan, ents: list[SpacySpan]) -> tuple[str, set[int]] | None:
    """An organisation named before a person's name, and the tokens it takes: a tagged one ("Department of Justice
    lawyer", "state Republican Party Chairman"; title words at its end are the title: "ICE Director") or an owner
    ("Just Security's Kate Brannen"), never a person ("Trump's spokeswoman" is the spokeswoman), an office ("Kansas
    Secretary of State", tagged) nor title words alone ("Press Secretary", with "Press" tagged)."""
    for ent in ents:
        if ent.label_ != "ORG" or not words.start <= ent.start < ent.end <= words.end or ent.start > 0 and ent.doc[ent.start - 1].lower_ == "of":
            continue  # 'Secretary of [State]': the office's, read with its title below
        if ent[0].text in _CAPTION_WORDS or junk_organization(ent.text):
            continue
        tokens = [t for t in ent if t.dep_ != "det" and t.lower_ not in {"'s", "’s"}]
        while tokens and (not tokens[0].text[:1].isupper() or _capitalised_as_first(tokens[0])):
            tokens = tokens[1:]  # 'pro-immigration America's Voice'; 'Radio host Rush Limbaugh', 'Longtime Democratic consultant'
        while tokens and tokens[0].i > words.start and _opens_a_tagged_name(ent.doc[tokens[0].i - 1]):
            tokens.insert(0, ent.doc[tokens[0].i - 1])  # 'according to Just Security's Kate Brannen': "Security" was tagged
        while len(tokens) > 1 and is_title_word(tokens[-1].text) and not _organisation_head(tokens[-1].text) and tokens[-2].lower_ != "of":
            tokens = tokens[:-1]  # not 'Department of Justice'
        name_goes_on = [t for t in words.doc[ent.end : words.end] if t.text[:1].isupper() and t.is_alpha and not is_title_word(t.text)]
        if ent[-1].lower_ in {"'s", "’s"} and name_goes_on and name_goes_on[0].i == ent.end:
            tokens += list(words.doc[ent.end : name_goes_on[0].i + 1])  # "America's Voice": the 's is part of the name
        office = bool(tokens) and is_title_word(tokens[0].text) and not _organisation_head(tokens[-1].text)  # "Secretary of State"
        if tokens and not office and not all(is_title_word(t.text) for t in tokens):
            return POSSESSIVE.sub("", words.doc[tokens[0].i : tokens[-1].i + 1].text), set(range(tokens[0].i, tokens[-1].i + 1))
    owner = next((t.head for t in words if t.lower_ in {"'s", "’s"} and t.head.ent_type_ != "PERSON"), None)
    if owner is None or not owner.text[:1].isupper() or not words.start <= owner.left_edge.i:
        return None
    run = [t for t in words.doc[owner.left_edge.i : owner.i + 1] if t.dep_ != "det"]
    if not run or not all(t.text[:1].isupper() or not t.is_alpha for t in run):
        return None
    return words.doc[run[0].i : owner.i + 1].text, {t.i for t in run}


def _opens_a_tagged_name(t: Token) -> bool:
    """A capitalised word mid-sentence right before the tagger's organisation, which the tagger left out of its name."""
    return t.text[:1].isupper() and t.is_alpha and not t.is_sent_start and not is_title_word(t.text) and t.ent_type_ in {"", "ORG"} and t.dep_ != "det"


# Last words that make a run of capitalised words an organisation the tagger did not name ("Dream Action Coalition").
_ORGANISATION_ENDS = ORG_HEADS | frozenset("caucus coalition network center centre alliance group project society league fund service board school college".split())
# Capitalised words of page furniture that look like acronyms ("CLOSE President Donald Trump", a video's close button).
_CAPTION_WORDS = frozenset("CLOSE WATCH VIDEO READ MORE PHOTO PHOTOS UPDATE BREAKING".split())


def _named_organisation(org: str | None, named: list[SpacySpan], title: str | None) -> tuple[str | None, str | None]:
    """The organisation of the words before a name, and the title: the tagger's organisation among them ("Rollins College
    political scientist" -> Rollins College, and the rest is the title), else capitalised words that name one ("House
    Democratic Caucus", "Acting Homeland Security" -> Homeland Security), or an acronym ("ICE"); other words ("CLOSE",
    "Sec.", "Longtime", "Former immigration") are none."""
    if org is not None and org.split()[0] in _CAPTION_WORDS:
        org = " ".join(org.split()[1:]) or None  # "CLOSE Senate", even where the tagger calls CLOSE an organisation
    if org is None:
        return None, title
    for entity in named:
        if org in entity.text:
            return org, title  # "D.C. Council member": D.C., of the council the tagger named
        if entity.text not in org:
            continue
        lead = org[: org.index(entity.text)].split()
        if lead and lead[-1] == "of" and any(is_title_word(w) for w in lead):
            return None, " ".join(filter(None, [title, org]))  # "Secretary of State John Kerry": all of it is the title
        rest = org.replace(entity.text, " ").split()
        if not title and rest and (all(w.islower() for w in rest) or any(is_title_word(w) for w in rest)):
            title = " ".join(rest)  # "Kansas Secretary of State" -> Kansas, Secretary of State
        return entity.text, title
    words = org.split()
    when = []
    while len(words) > 1 and fold(words[0]) in {"acting", "former", "interim"}:
        when.append(words.pop(0))  # when, not which organisation: "Acting ICE Director" is the acting director
    title = " ".join([*when, title]) if title and when else title
    org = " ".join(words)
    acronym = len(words) == 1 and org.isalpha() and org.isupper() and 2 <= len(org) <= 5  # "ICE Director" (a caption word went above)
    proper = len(words) > 1 and all(w[:1].isupper() and w.rstrip(".").isalpha() and not is_title_word(w) and not name_gender(fold(w)) for w in words)
    return (org if acronym or proper or len(words) > 1 and fold(words[-1]) in _ORGANISATION_ENDS else None), title


def _titled_name(phrase: SpacySpan) -> tuple[list[str], str] | None:
    """Title words followed by capitalised proper nouns, with nothing else in the phrase but the name of the body the
    title is held in before them ('House Minority Whip Steny Hoyer')."""
    words = [t for t in phrase if not t.is_punct and t.dep_ != "det"]
    if len(words) < 2:
        return None
    first = next((k for k, t in enumerate(words) if t.lower_.strip(".") in TITLE_WORDS), len(words))
    if not all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in words[:first]):
        return None
    cut = first
    while cut < len(words) and words[cut].lower_.strip(".") in TITLE_WORDS:
        cut += 1
    end = len(words)
    if first < cut < len(words) - 2 and words[cut].lower_ == "of":
        cut, end = _portfolio_end(words, cut)  # 'Superintendent of Schools Tony Evers': the office is held "of" something
    rest = words[cut:end]
    if cut == first or not rest or not all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in rest) or _organisation_head(rest[-1].text):
        return None
    if all(t.lower_ in _NO_OFFICE_ALONE for t in words[first:cut]):
        return None  # 'National Review argued', 'Political Wire': a name that opens with a word of offices, no office
    if end < len(words) or any(t.lower_ == "of" for t in words[:cut]):  # 'Speaker of the House Nancy Pelosi': "the" kept
        return [t.text for t in phrase.doc[words[0].i : words[cut - 1].i + 1] if not t.is_punct], " ".join(t.text for t in rest)
    return [t.text for t in words[:cut]], " ".join(t.text for t in rest)


def _split_titled(words: list[str]) -> tuple[str | None, str | None]:
    """split_title for the words before a name, an office held "of" something kept whole: 'Wisconsin Superintendent of
    Schools' -> ('Superintendent of Schools', 'Wisconsin')."""
    if "of" not in words[1:-1] or not is_title_word(words[words.index("of") - 1]):
        return split_title(words)
    of = words.index("of")
    title, org = split_title(words[:of])
    return (f"{title} {' '.join(words[of:])}" if title else None), org


def _portfolio_end(words: list[Token], of: int) -> tuple[int, int]:
    """Where the name starts and ends after an office held "of" something ('Superintendent of Schools Tony Evers', 'member
    of Congress Ted Lieu, a Democrat'): a given name opening two or three capitalised words side by side, none a place
    ('the mayor of San Jose, Calif.' names no one); (`of`, all) where none does (the words stay no name)."""
    for k in range(of + 2, len(words) - 1):
        end = k + 1
        while end < len(words) and words[end].i == words[end - 1].i + 1 and end - k < 3:
            end += 1
        name = words[k:end]
        if (
            len(name) >= 2 and given_name_gender(words[k].lower_) is not None and all(t.text[:1].isupper() for t in words[of + 1 : end])
            and words[end - 1].i - words[of].i == end - 1 - of  # side by side from the "of" ('chair of the CCRB, the Rev. …' is not)
            and not any(t.ent_type_ in {"GPE", "LOC", "NORP"} for t in name)
        ):
            return k, end
    return of, len(words)


# What a minister or secretary holds, written before the office ('Foreign Minister'), not part of a body's name.
_PORTFOLIOS = frozenset({"foreign", "finance", "defense", "defence", "interior", "justice", "health", "economy", "home"})

# Title words that name no office by themselves ("National Security Adviser" does; "National Review" is a magazine).
_NO_OFFICE_ALONE = frozenset({"national", "political", "legislative", "majority", "minority", "campaign", "senior", "press", "prime", "under"})


def _organisation_head(word: str) -> bool:
    """'Justice Department', 'Police Department': a title word before an organisation's head word is part of its name,
    not a person's title (they had become one person called "Department")."""
    return fold(word.strip(".,")) in ORG_HEADS


def is_person(ent: SpacySpan) -> bool:
    """A PERSON entity that names a person: not a platform the tagger took for one ("he wrote on Twitter"), nor a name
    with a digit in it ("COVID-19", "G7", which the tagger may call a person and a "he" then resolve to)."""
    bare = POSSESSIVE.sub("", ent.text.lower().strip(" .,’'")).strip(" .,’'")  # "Twitter's", not the s of "Snapchat"
    return ent.label_ == "PERSON" and bare not in NOT_PEOPLE and not any(c.isdigit() for c in ent.text)


_ROLES_BEFORE_A_NAME = TITLE_WORDS | INTRODUCED_ROLES  # built once: every organisation the tagger names is tested


def titled_organisation(ent: SpacySpan) -> bool:
    """A name the tagger called an organisation, with a person's title in apposition ("Kirstjen Nielsen, the secretary
    of homeland security"): two or three capitalised proper nouns, so a person."""
    if ent.label_ != "ORG" or not 2 <= len(ent) <= 3 or not all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in ent):
        return False
    # or a role right before it and a given name opening it ('Fox News host Sean Hannity')
    before = ent.doc[ent.start - 1] if ent.start else None
    if before is not None and before.lemma_.lower() in _ROLES_BEFORE_A_NAME and given_name_gender(ent[0].lower_):
        return True
    return any(
        c.dep_ == "appos" and c.i >= ent.end and any(t.lemma_.lower() in TITLE_WORDS for t in list(c.subtree)[:4])
        for c in ent.root.children
    )


def _possessor(ent: SpacySpan, head: int) -> bool:
    """A name that owns the phrase's head ("Melania Trump's spokeswoman"): whose it is, not who it is."""
    return not ent.start <= head < ent.end and ent.root.dep_ == "poss"


def _qualifies(ent: SpacySpan, head: int) -> bool:
    """A name inside a phrase about others: 'former Obama administration officials', 'a Clinton spokesman' (before a
    common noun), 'people close to Donald Trump', 'sources familiar with the plan Boehner is drafting' (under a modifier of the
    head). Not 'Secretary of State John Kerry', which the parse may head with the title."""
    if ent.start <= head < ent.end:
        return False
    top = ent.doc[head]
    if ent.end <= head:
        return top.pos_ == "NOUN"  # 'a Clinton aide', 'Trump administration officials': not Clinton, not Trump
    chain = [t for t in ent.root.ancestors if t.i != head and top in t.ancestors]
    return any(t.dep_ in {"prep", "amod", "acl", "relcl"} for t in chain) and not (
        is_title_word(top.text) and all(t.dep_ != "prep" or t.lower_ == "of" for t in chain)
    )


def _person_in(ents: list[SpacySpan], start: int, end: int, head: int) -> SpacySpan | None:
    """The PERSON entity that holds the phrase's head, else the last one ("Café owner José Peña"), never its possessor
    nor a name that only qualifies the head ("people close to Donald Trump")."""
    people = [e for e in ents if is_person(e) and start <= e.start and e.end <= end and not _possessor(e, head) and not _qualifies(e, head)]
    holding = [e for e in people if e.start <= head < e.end]
    return (holding or people[-1:] or [None])[0]


def _entity_in(ents: list[SpacySpan], start: int, end: int, labels: set[str]) -> SpacySpan | None:
    for ent in ents:
        if ent.label_ in labels and start <= ent.start and ent.end <= end:
            return ent
    return None


def _of_organization(head: Token, ents: list[SpacySpan]) -> str | None:
    """'Fulghum of DHS', 'Sheriff Greg Champagne of St. Charles, Louisiana'; 'a report from the Treasury Department', 'the
    representatives at Gallup' (a described speaker, from or at an organisation only: 'a man from Ohio' is from a place,
    not of its government; a name's "at" would override the office the document gave it: 'Ms. Rabinovitz at the ACLU')."""
    preps = {"of", "from", "at"} if head.pos_ == "NOUN" else {"of"}
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ in preps:
            for obj in child.children:
                if obj.dep_ == "pobj":
                    s, e = min(t.i for t in obj.subtree), max(t.i for t in obj.subtree) + 1
                    if child.lower_ == "of":
                        ent = _entity_in(ents, s, e, _ORG_LABELS)
                    else:  # 'figures from the Labor Department's Bureau of Labor Statistics': the bureau, not its owner
                        holding = (x for x in ents if x.label_ == "ORG" and x.start <= obj.i < x.end)
                        ent = next(holding, None) or _entity_in(ents, s, e, {"ORG"})
                    if ent is not None:
                        return _joined_name(ent)
    return None


def _joined_name(ent: SpacySpan) -> str:
    """An organisation's name the tagger cut at its "and": 'U.S. Immigration [and Customs Enforcement]', 'Department of
    Health [and Human Services]'; not when the words after "and" are a name of their own ('the ACLU and Human Rights
    Watch')."""
    return ent.doc[ent.start : _joined_end(ent)].text


def joined_name_run(ent: SpacySpan) -> SpacySpan:
    """'the group Rise and Resist': a name cut at its "and" (or "&"), run on over the capitalised words after it that the
    tagger named nothing of its own, whatever part of speech the parse gave them ("Resist", a verb), though not over a
    word capitalised as a sentence's first."""
    return ent.doc[ent.start : _joined_end(ent, loose=True)]


def _joined_end(ent: SpacySpan, loose: bool = False) -> int:
    """Where the name `_joined_name` reads ends; with `loose`, where `joined_name_run` does."""
    doc = ent.doc
    end = ent.end

    def name_word(t: Token) -> bool:
        if t.ent_type_ or not t.text[:1].isupper():
            return False
        return t.is_alpha and not t.is_sent_start if loose else t.pos_ == "PROPN"

    if end + 1 < len(doc) and doc[end].lower_ in ({"and", "&"} if loose else {"and"}):
        run = end + 1
        while run < len(doc) and name_word(doc[run]):
            run += 1
        if run > end + 1:
            return run
    return end


# The head word of a body's name that runs on with "of" ('Department of …', 'Centers for …', 'Conference of …').
_BODY_WORDS = ORGANIZATION_HEADS | GOVERNMENT_NAME_WORDS | ORG_HEADS | frozenset({
    "departments", "center", "centre", "conference", "society", "academy", "project", "observatory", "chamber", "bank",
    "corps", "institution", "college", "school", "network", "coalition", "alliance", "federation", "league", "association",
    "organization", "organisation", "fund", "trust", "secretariat", "directorate", "church",
})


def _agency_name(head: Token, ents: list[SpacySpan], start: int, end: int) -> SpacySpan | None:
    """The whole name of a body the subject phrase is, where the tagger or the parse cut it: through its "of" ('The
    Department of Homeland Security', which the phrase stops short of), or across its "and" ('[US Immigration] and
    Customs Enforcement', 'Immigration and [Customs Enforcement]'). Only a name that opens the phrase (after "the") and
    that nothing after it goes on ('the U.S. Court of Appeals for the 9th Circuit', 'Army Corps of Engineers
    officials' stay descriptions, as do 'The 9th U.S. Circuit Court of Appeals' and 'House Republicans')."""
    doc = head.doc
    opens = {start, start + 1} if doc[start].lower_ == "the" else {start}
    for ent in (e for e in ents if e.label_ == "ORG" and start <= e.start < end):
        if ent.root.i == head.i and ent.end > end and head.lower_ in _BODY_WORDS:
            name = ent  # through its "of" ('Jenks of Numbers USA' is a man of one)
        elif ent.root.i != head.i and _joined_end(ent) == head.i + 1 and head.lower_ in GOVERNMENT_NAME_WORDS:
            name = doc[ent.start : head.i + 1]  # '[US Immigration] and Customs Enforcement'
        elif ent.root.i == head.i:
            name = doc[_joined_start(ent, start) : ent.end]  # 'Immigration and [Customs Enforcement]'
        else:
            continue
        after = doc[name.end] if name.end < len(doc) else None
        goes_on = after is not None and (after.lower_ in {"and", "&"} or after.dep_ == "prep" or after.pos_ in {"NOUN", "PROPN"})
        if name.start in opens and not goes_on and name[-1].lower_ not in OFFICE_CONNECTORS:
            return name
    return None


def _joined_start(ent: SpacySpan, first: int) -> int:
    """Where an agency's name the tagger cut at its "and" begins: '[Immigration and] Customs Enforcement', '[U.S.
    Citizenship and] Immigration Services', no earlier than `first`. Only where the name ends in a word of government
    and the word before the "and" names no body itself ('the ACLU and Human Rights Watch' are two)."""
    doc = ent.doc
    if ent.start - 2 < first or doc[ent.start - 1].lower_ != "and" or ent[-1].lower_ not in GOVERNMENT_NAME_WORDS:
        return ent.start
    before = doc[ent.start - 2]
    if not before.text.istitle() or before.lower_ in GOVERNMENT_NAME_WORDS | ORGANIZATION_HEADS:
        return ent.start
    start = ent.start - 2
    while start - 1 >= first and doc[start - 1].text[:1].isupper() and doc[start - 1].pos_ == "PROPN":
        start -= 1  # 'US Immigration and …'
    return start


OFFICE_CONNECTORS = frozenset({"of", "for", "and", "the", "to", "on"})


def office_parts(words: list[str]) -> tuple[str | None, str | None]:
    """An office written in title case before a name, as a briefing's title gives it, as (title, organisation).

    'White House National Security Communications Advisor' -> ('National Security Communications Advisor', 'White
    House'); 'NSC Coordinator for Strategic Communications' -> ('Coordinator for Strategic Communications', 'NSC');
    'Council of Economic Advisers Member' -> ('Member', 'Council of Economic Advisers'); 'Director of the National
    Economic Council' -> ('Director', 'National Economic Council'); 'Secretary of Education' stays one title.
    """
    # "Dr." is no office; "COVID-\u206019" carries a word joiner
    words = [w.replace("\u2060", "") for i, w in enumerate(words) if _first_lady(words, i) or w.lower().strip(".,") not in HONORIFICS]
    while words and words[0].lower() in OFFICE_CONNECTORS:
        words = words[1:]
    while words and words[-1].lower() in OFFICE_CONNECTORS:
        words = words[:-1]
    if not words:
        return None, None
    for i in range(1, len(words) - 2):  # 'Director of the National Economic Council', 'Port Envoy to the … Task Force'
        if words[i].lower() in {"of", "to"} and words[i + 1].lower() == "the" and _names_a_body_of(words[i + 2 :]):
            return " ".join(words[:i]), " ".join(words[i + 2 :])
    if len(words) > 2 and [w.lower() for w in words[:2]] == ["white", "house"]:
        return " ".join(words[2:]), "White House"
    if len(words) > 1 and re.fullmatch(r"[A-Z]{2,6}", words[0]):
        return " ".join(words[1:]), words[0]  # 'OMB Director', 'NSC Coordinator for …'
    for k in range(1, len(words)):  # 'Office of Science and Technology Policy Director', 'National Security Council Coordinator for …'
        opens_title = words[k].lower().strip(".") in TITLE_WORDS or words[k].lower() == "ranking"  # 'Ranking Member'
        # the body's last word is its head or no title word: 'Advisers' in 'Council of Economic Advisers Member' is the council's
        body_ends = words[k - 1].lower() in ORG_HEADS or words[k - 1].lower().strip(".") not in TITLE_WORDS
        if opens_title and body_ends and _names_a_body_of(words[:k]):
            return " ".join(words[k:]), " ".join(words[:k])
    return " ".join(words), None


def ends_a_titled_name(words: list[str]) -> bool:
    """'… Press Secretary Dana Whitfield', '… President Trump': up to three words after a title word that are neither title
    words nor connectors (not 'Office of Science', 'Director for Global Health Security'), or a given name and a surname
    after a long office ('Coordinator for Strategic Communications John Kirby')."""
    if len(words) >= 3 and given_name_gender(words[-2].lower()) and words[-1][:1].isupper() and not is_title_word(words[-1]):
        return True
    j = len(words)
    while j > 0 and words[j - 1][:1].isupper() and not is_title_word(words[j - 1]) and words[j - 1].lower() not in OFFICE_CONNECTORS:
        j -= 1
    return 1 <= len(words) - j <= 3 and j > 0 and is_title_word(words[j - 1]) or len(words) - j in (2, 3) and j == 0


def _names_a_body_of(words: list[str]) -> bool:
    return all(w[:1].isupper() or w.lower() in OFFICE_CONNECTORS or w == "&" for w in words) and any(w.lower() in ORG_HEADS for w in words)


def parse_title_and_name(text: str) -> tuple[str | None, str | None, str]:
    """'White House Press Secretary Karine Jean-Pierre' -> (title, organisation, name), by capitalised words."""
    words = text.split()
    cut = len(words)
    # The name is the trailing run of capitalised words that are not title words.
    while cut > 0 and words[cut - 1][:1].isupper() and not is_title_word(words[cut - 1]) and not _first_lady(words, cut - 1):
        cut -= 1
    name_words = words[cut:]
    # An office before the name in title case: "Strategic Communications John Kirby" -> the name starts at "John".
    given = next((i for i, w in enumerate(name_words) if i and name_gender(fold(w)) and len(name_words) - i >= 2), 0)
    if not given and cut > 0 and words[cut - 1].lower() in OFFICE_CONNECTORS and len(name_words) > 2:
        # the run goes on from an office's connector: "Secretary of Education Miguel Cardona", "Advisor for Cyber and
        # Emerging Technology Anne Neuberger": the name is its last two words, with any initials before them
        given = len(name_words) - 2
        while given > 1 and re.fullmatch(r"[A-Z]\.", name_words[given - 1]):
            given -= 1
        given -= 1 if given > 1 and re.fullmatch(r"[A-Z]\.", name_words[given]) else 0
    if given:
        cut += given
        name_words = name_words[given:]
    # Title case carries headline words into the name: "President Trump Before Cabinet Meeting" -> "Trump".
    stop = next((i for i, w in enumerate(name_words) if w.lower().strip(".,:;") in _HEADLINE_BREAKS), len(name_words))
    office = words[:cut]
    joined = [i for i, w in enumerate(office) if w.lower() == "and" and ends_a_titled_name(office[:i])]
    if joined:
        office = office[joined[-1] + 1 :]  # "President Joe Biden and First Lady Jill Biden": her office, not his name
    # an office written in title case ("Council of Economic Advisers Member") reads as one; words in lower case before it
    # ("former", "acting") as split_title reads them
    title, org = office_parts(office) if office and any(w[:1].isupper() for w in office) and not text.isupper() else split_title(office)
    return title, org, clean_name(" ".join(name_words[:stop]))
