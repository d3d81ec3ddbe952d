"""Rule-based quote extraction and speaker attribution over a spaCy dependency parse.

Named sieves from precise to broad (`config.Sieve`, in that order; `RuleConfig.sieves` chooses which run), after
GenderGapTracker and Stanford's quote attribution: speaker labels in transcripts; signed words (embedded tweets, pull
quotes "― Name"); quotation marks with a speech cue in their own sentence or the short sentence right after, and
floating quotes that inherit the previous speaker; reported speech (a speech verb governing a clause); "according to";
claim nouns ("Trump's claim that …"); the trained tagger's whole attributions where no rule found a quote
(KB_ATTRIBUTION=model); the issuer of an official statement. Speakers are resolved after the sieves, in reading order.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass, field, replace
from itertools import pairwise

from spacy.language import Language
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from ingest.extract.config import DEFAULT_RULES, RuleConfig, Sieve
from ingest.extract.entities import add_to as add_person_names
from ingest.extract.lexicon import (
    ACCORDING_TO_IDIOMS,
    ADDRESSEE_VERBS,
    AGENCY_NAME_WORDS,
    ANONYMOUS_HEADS,
    AUTHORED_NOUNS,
    BELIEF_VERBS,
    CLAIM_NOUNS,
    CLAUSAL_ONLY,
    COLLECTIVE_HEADS,
    DOCUMENT_NOUNS,
    FEMALE_HONORIFICS,
    FEMALE_NOUNS,
    FIRST_PERSON,
    FRAMING_CUES,
    GAINSAYING_VERBS,
    GENERIC_ORGANIZATION_HEADS,
    GOVERNMENT_NAME_WORDS,
    GROUNDING_VERBS,
    GROUP_HEADS,
    HONORIFICS,
    INTRODUCED_ROLES,
    INTRODUCING_VERBS,
    ISSUING_CUES,
    MADE_TO_SAY,
    MAKING_SPEAK,
    MALE_HONORIFICS,
    MALE_NOUNS,
    MEDIA_NAME_WORDS,
    MEDIA_NOUNS,
    MEDIUM_NOUNS,
    NARRATOR_PRONOUNS,
    OBJECT_PREPOSITIONS,
    ORGANIZATION_HEADS,
    OWN_VIEW_VERBS,
    OWNED_WORDS,
    PARTY_NOUNS,
    PERSON_PRONOUNS,
    PLURAL_PRONOUNS,
    REPORTING_CUES,
    ROLE_HEADS,
    RULE_NOUNS,
    SPEECH_PHRASAL,
    SPEECH_VERBS,
    STATEMENT_NOUNS,
    TITLE_WORDS,
    TOPIC_VERBS,
    US_STATES,
    WRITING_VERBS,
    WRITTEN_NOUNS,
    gender_of_title,
)
from ingest.extract.marks import (
    MarkedSpan,
    count_words,
    find_marked_spans,
    first_person_outside_marks,
    is_nickname,
    names_a_thing,
    trim_span,
)
from ingest.extract.mentions import (
    MAIN_SUBJECT,
    PARTY_QUALIFIERS,
    PAST_QUALIFIERS,
    QUOTED,
    SPEAKING,
    SUBJECT,
    OfficeMention,
    PersonMention,
    SubjectPronoun,
    first_name_gender,
    office_holder,
    office_holders,
    office_word,
    person_surnames,
    pick_antecedent,
    place_words,
    read_offices,
    read_people,
    salience,
    subject_pronouns,
    surname_written_whole,
)
from ingest.extract.model import Attribution as LearnedAttribution
from ingest.extract.model import Tagger, link
from ingest.extract.noise import (
    Rejected,
    dateline_end,
    is_dateline,
    is_stage_direction,
    paragraph_noise,
    speaker_noise,
    without_closing_directions,
)
from ingest.extract.people import (
    BODY_CONNECTORS,
    POSSESSIVE,
    author_of,
    clause_subject_in_source,
    clean_name,
    describe,
    is_person,
    is_title_word,
    joined_name_run,
)
from ingest.extract.sentences import add_to as add_sentence_starts
from ingest.extract.statements import (
    attribute_statement,
    joint_authors,
    person_publisher,
    remarks_speaker,
    statement_issuer,
    title_issuer,
)
from ingest.extract.transcripts import (
    REPORTER,
    DocumentNames,
    Reporter,
    addressed_first_names,
    addressed_reporters,
    copy_speaker,
    interviewer,
    label_of,
    label_speaker,
    label_text,
    runs_the_room,
)
from ingest.normalise import paragraphs
from kb.citations import opens_quotation, single_spaced
from kb.models import Quote, Span, SpeakerRef
from kb.names import (
    ORG_HEADS,
    SUFFIXES,
    WEEKDAYS,
    edit_distance,
    fold,
    junk_organization,
    names_an_organisation,
    proper_name,
    white_house,
)

_SUBJECTS = {"nsubj", "nsubjpass", "csubj"}
_CONTENT_DEPS = {"ccomp", "parataxis", "xcomp", "dobj", "oprd", "advcl", "dep", "conj"}
_WORD = re.compile(r"[\w’']+")
_SPOKES = {"spokesman", "spokeswoman", "spokesperson"}
_INTRODUCED = re.compile(r"(?:\s+[\w’'.-]+){0,3}\s*:\s*[\"“]|\s*[,—–-]\s*[\"“]")  # a cue, a colon and the opening mark: the marks hold what was said
# Limits that keep hostile text (one giant line, thousands of quotation marks) linear; no prose comes near them.
MAX_UNIT_CHARS = 5_000
MAX_MARKS_PER_UNIT = 60
MAX_SENTENCE_TOKENS = 150
QUESTION_MIN_WORDS = 5  # under this, a reporter's words with no verb ask nothing yet ("A separate question.")
CUT_OFF_MAX_WORDS = 12  # a reporter's opener the podium cut off; a longer one holds its question
HEADLINE_MAX_WORDS = 25  # a headline or link text; prose paragraphs that long end with punctuation
_LETTER_WORD = re.compile(r"[^\W\d_]+")  # a rule of underscores under a letterhead is no words
SPEECH_HEADER_MAX_WORDS = 15  # a transcript's header lines above its first label: place, date, clock, a title
_CLOSING = ".!?)…:;]"
_CLOCK_LINE = re.compile(r"^(?:END\s+)?\d{1,2}:\d{2}\s*[AaPp]\.?\s?[Mm]\.?(?:\s+[A-Z]{2,4})?\.?$")
_BARE_REFERENCES = frozenset({"that", "which", "who", "whom", "this", "these", "those", "what"})
_NOBODY_IN_PARTICULAR = frozenset({"those", "anyone", "everyone", "someone", "whoever", "anybody", "everybody"})
_SUPPOSING = frozenset({"could", "would", "might", "may", "should"})
_WITHHOLDING = frozenset({"decline", "refuse", "fail", "unable", "reluctant"})
_UNRESTRAINED = frozenset({"resist", "help", "hesitate"})  # 'could not resist pointing out', 'did not hesitate to say': said
_DIRECTING = frozenset({"order", "direct", "instruct", "demand"})
_WARNING_VERBS = frozenset({"warn", "promise", "convince", "persuade", "show", "caution", "urge", "bet", "notify"})  # someone, then a clause
_INFERENCE_VERBS = frozenset({"suggest", "indicate", "signal", "underscore"})
_THINGS = DOCUMENT_NOUNS | RULE_NOUNS | frozenset(
    "report data datum poll study evidence move decision government administration finding survey analysis record document "
    "result figure number action vote filing budget plan policy rhetoric history pattern trend behavior behaviour "
    "experience polling statistic track expression face look tone silence reaction demeanor demeanour gesture smile".split()
)  # 'Her expression suggests she regrets …': a look says nothing


@dataclass
class Cue:
    """A speech cue in a sentence, with the subject that says and the clause that is said."""

    start: int
    end: int
    text: str
    subject: Token | None
    content: Token | None  # head of the clause said
    sentence: SpacySpan
    tokens: set[int] = field(default_factory=set)
    sieve: Sieve = Sieve.REPORTED  # which sieve reads its content: a speech verb's, "according to", a claim noun's
    objects: list[Token] = field(default_factory=list)  # non-clausal content: objects and their complements
    before: tuple[int, int] | None = None  # token range said before a sentence-final cue the parse left without a clause
    passed_on_by: Token | None = None  # '… said X, the Post reported': the outer source the parse hung inside the content

    @property
    def according_to(self) -> bool:
        return self.sieve is Sieve.ACCORDING_TO


@dataclass
class _Unit:
    """One paragraph (or cut unit) as the sieves see it: its parse, marked spans and cues, and the quotes found so far."""

    index: int
    base: int
    doc: Doc
    in_turn: bool
    signed: list[Quote]  # words signed by a dash; their quotation marks are no one else's quote
    marked: list[MarkedSpan]
    ents: list[SpacySpan]
    sents: list[SpacySpan]
    inside: set[int]  # tokens inside quotation marks
    cues: list[Cue]
    used_cues: set[int] = field(default_factory=set)
    found: list[tuple[int, Quote]] = field(default_factory=list)

    @property
    def end(self) -> int:
        return self.base + len(doc_text(self.doc))


_TEXT = "kb_text"


def doc_text(doc: Doc) -> str:
    """A parse's text. spaCy joins every token's text again on each `Doc.text`, which the sieves read per cue and per
    quotation: 8 s of the rules' 11.6 s on 60 news articles before it was kept."""
    text = doc.user_data.get(_TEXT)
    if text is None:
        text = doc.user_data[_TEXT] = doc.text
    return text


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


_words = count_words
_trim = trim_span


@dataclass
class Extraction:
    """One document's quotes, and how many paragraphs, labels, speakers and quotes were rejected as noise, by kind."""

    quotes: list[Quote]
    rejected: dict[str, int] = field(default_factory=dict)


class QuoteExtractor:
    """Extracts quotes with speakers from one document's normalised text."""

    def __init__(self, nlp: Language, rules: RuleConfig = DEFAULT_RULES, tagger: Tagger | None = None) -> None:
        add_sentence_starts(nlp)  # before the parser: no sentence break after a word that ends none
        add_person_names(nlp)  # after the entity tagger: a person's name it cut short is taken on to the surname
        self.nlp = nlp
        self.rules = rules
        self.tagger = tagger  # the trained attribution tagger: a last sieve over articles (KB_ATTRIBUTION=model)

    # -- entry points ------------------------------------------------------------------------
    def extract(self, text: str, kind: str = "article", title: str = "", issuer: str | None = None, publisher: str | None = None) -> list[Quote]:
        return self.extract_parsed(text, self.parse(text), kind, title, issuer, publisher)

    def parse(self, text: str) -> list[tuple[int, Doc]]:
        spans = parse_units(text)
        docs = self.nlp.pipe((for_parser(text[s:e]) for s, e in spans), batch_size=64)
        return [(s, d) for (s, _), d in zip(spans, docs, strict=True)]

    def parse_many(self, texts: Iterable[str], n_process: int = 1) -> Iterator[list[tuple[int, Doc]]]:
        """Parse many documents' paragraphs in one spaCy stream (faster than one call each)."""
        texts = list(texts)
        all_spans = [parse_units(t) for t in texts]
        flat = (for_parser(t[s:e]) for t, spans in zip(texts, all_spans, strict=True) for s, e in spans)
        docs = iter(self.nlp.pipe(flat, batch_size=128, n_process=n_process))
        for spans in all_spans:
            yield [(s, next(docs)) for s, _ in spans]

    def extract_parsed(
        self, text: str, parsed: list[tuple[int, Doc]], kind: str, title: str, issuer: str | None, publisher: str | None = None,
    ) -> list[Quote]:
        """Quotes of one parsed document; a statement's publisher may be its issuer (a member of Congress)."""
        return self.extract_counted(text, parsed, kind, title, issuer, publisher).quotes

    def extract_counted(
        self, text: str, parsed: list[tuple[int, Doc]], kind: str, title: str, issuer: str | None, publisher: str | None = None,
    ) -> Extraction:
        """Quotes of one parsed document, with the noise rejected on the way counted by kind."""
        sieves = self.rules.sieves
        labels = self._label_turns(text, parsed, title, kind) if Sieve.SPEAKER_LABELS in sieves else []
        rejected: Counter[str] = Counter()
        if labels:
            quotes = labels + _ArticleExtraction(text, parsed, title, self.rules).nested_in_turns(labels)
            if (lede := self._lede(text, parsed, title)) is not None:
                quotes += lede.run()
                rejected = lede.rejected
        else:
            # an article's own "I" is its author, whom the text does not name; a statement's is its issuer's (below), and so
            # is that of a White House letter or memorandum no title marks as a statement ('I hereby report …')
            narrated = kind == "article" and not issuer and not white_house(publisher)
            article = self._article(text, parsed, title, text, narrated=narrated)
            quotes = article.run()
            rejected = article.rejected
        if (kind == "statement" or issuer) and Sieve.STATEMENTS in sieves:
            joint = joint_authors(title)
            who = joint or statement_issuer(title, parsed, issuer, publisher if kind == "statement" else None)
            if who:
                # a member's press release narrates the member in the third person ('Congressman Bera took to the House
                # floor …'), which is not the member's words; a statement the White House titles is its issuer's
                # throughout ('The President will travel to …' in the Press Secretary's)
                release = kind == "statement" and (person_publisher(publisher) is not None or issuer is not None and not title_issuer(title))
                quotes = attribute_statement(text, parsed, quotes, who, release=release, joint=joint is not None)
        elif kind == "roundtable" and not labels and Sieve.STATEMENTS in sieves and (who := remarks_speaker(title)) and first_person_outside_marks(text):
            quotes = attribute_statement(text, parsed, quotes, who)  # 'Remarks as Prepared for Delivery by …', no labels: all theirs
        courtesies = [q for q in quotes if q.kind in {"turn", "question"} and runs_the_room(q.text)]
        if courtesies:
            rejected = Counter(rejected)  # not the sieves' own counter
            rejected[Rejected.COURTESY.value] += len(courtesies)
            dropped = {id(q) for q in courtesies}
            quotes = [q for q in quotes if id(q) not in dropped]
        quotes.sort(key=lambda q: (q.start, q.end))
        _given_names_of_speakers(quotes)
        for q in quotes:
            _single_spaced(q)
            _as_the_document_writes(q, text)
            _with_its_closing_mark(q, text)
            _without_dateline(q, text)
            if q.reported_by is not None and q.reported_by in {q.speaker.name, q.speaker.description}:
                q.reported_by = None  # 'Mary Stone said she told him, "No."': her own account, passed on by no one else
        return Extraction(_dedupe(quotes), dict(rejected))

    def _article(self, text: str, parsed: list[tuple[int, Doc]], title: str, tagged: str, narrated: bool = False) -> _ArticleExtraction:
        """The article's sieves over these paragraphs; the tagger, the last sieve, reads `tagged` (the text or its start).
        `narrated`: the text's first person outside quotation marks is its unnamed author, whose words are no quote."""
        learned = link(self.tagger.tag(tagged), tagged) if self.tagger is not None and Sieve.LEARNED in self.rules.sieves else []
        return _ArticleExtraction(text, parsed, title, self.rules, learned, narrated)

    # -- transcripts -------------------------------------------------------------------------
    def _lede(self, text: str, parsed: list[tuple[int, Doc]], title: str) -> _ArticleExtraction | None:
        """'Governor Mary Fallin (R-OK) said Trump is "trying to campaign as a racial healer." | Partial transcript as
        follows: | JAKE TAPPER: …': the story above a transcript is prose, read by the article's sieves (its lede is often
        the quote the story is about); the tagger reads only that much of the text."""
        first = next((i for i, (base, doc) in enumerate(parsed) if label_of(text[base : base + len(doc_text(doc))])), 0)
        lede = parsed[:first]
        if not lede:
            return None
        end = lede[-1][0] + len(doc_text(lede[-1][1]))
        if first_person_outside_marks(text[:end]):
            return None  # 'I want to thank the president for …': the first speaker's words before any label, not a story
        return self._article(text, lede, title, text[:end])

    def _label_turns(self, text: str, parsed: list[tuple[int, Doc]], title: str, kind: str) -> list[Quote]:
        """A transcript: speaker-labelled turns, unlabelled paragraphs continuing the current speaker.

        Only for roundtables or documents made mostly of labelled paragraphs; an article that quotes an
        interview ("PENCE: ...") keeps its narrative, and its labelled paragraphs become turns one by one.
        Labels are resolved within the document (its title, header and self-introductions); a `Q` turn is a
        reporter's question, never the previous or next speaker's.
        """
        matches = [(label_of(text[base : base + len(doc_text(doc))]), base, doc) for base, doc in parsed]
        labelled = sum(1 for m, _, _ in matches if m)
        if (labelled < 2 or kind != "roundtable" and labelled < 0.4 * len(matches)) and not _opens_a_speech(text, matches):
            return []
        first = next(base for m, base, _ in matches if m)
        names = DocumentNames.of(title, text, first)
        by_label: dict[str, SpeakerRef] = {}
        quotes: list[Quote] = []
        speaker: SpeakerRef | None = None
        turns: list[tuple[str, str]] = []  # (label, words) of every turn, short ones too: who is next to whom
        turn_of: dict[int, int] = {}  # quote index -> its turn's index
        for m, base, doc in matches:
            start, end = base, base + len(doc_text(doc))
            if m:
                label = label_text(m)
                start = base + m.end()
                turns.append((label.upper(), ""))
                known = by_label.get(label.upper())
                if known is None:
                    known = by_label[label.upper()] = label_speaker(label, base, names, text[start:end])
                speaker = replace(known, mention=Span(label, base, base + len(label)), aliases=[])
            if turns:
                turns[-1] = (turns[-1][0], f"{turns[-1][1]} {text[start:end].strip()}")
            if speaker is None or _words(text[start:end]) < 3 or _CLOCK_LINE.match(text[start:end].strip()) or is_stage_direction(text[start:end]):
                continue  # "7:02 P.M. EDT", "END 2:35 P.M. EST", "(The executive order is signed.)": nobody's words
            s, e = _trim(text, start, end)
            e = without_closing_directions(text, s, e)
            kind_of = "question" if speaker.description == REPORTER and speaker.name is None else "turn"
            if kind_of == "question" and _cut_off(text[start:end], doc.char_span(s - base, e - base, alignment_mode="expand")):
                continue  # "Q On student loan forgiveness —": an opener the podium cut off, no question yet
            quotes.append(Quote(text=text[s:e], start=s, end=e, kind=kind_of, speaker=_copy(speaker), confidence=self.rules.turn))
            turn_of[len(quotes) - 1] = len(turns) - 1
        _name_by_address(quotes, addressed_first_names(turns))
        _name_reporters(quotes, turn_of, addressed_reporters(turns), interviewer(title))
        # A misspelt label ("S. PSAKI:") names the same person as its neighbours: it shares their gender.
        genders = {q.speaker.name: q.speaker.gender for q in quotes if q.speaker.name and q.speaker.gender}
        for q in quotes:
            q.speaker.gender = q.speaker.gender or genders.get(q.speaker.name)
        return quotes


def _opens_a_speech(text: str, matches: list[tuple[re.Match[str] | None, int, Doc]]) -> bool:
    """'U.S. Capitol | 12:10 P.M. EST | THE PRESIDENT: Thank you. … | From this day forward, our country will …': one
    speaker's remarks, labelled once. The label opens the document (only header lines above it) and the paragraphs after
    it speak in the first person outside quotation marks, as a speaker does and a reporter's narrative does not."""
    first = next((i for i, (m, _, _) in enumerate(matches) if m), None)
    if first is None or any(len(_LETTER_WORD.findall(doc_text(doc))) > SPEECH_HEADER_MAX_WORDS for _, _, doc in matches[:first]):
        return False
    return first_person_outside_marks(text[matches[first][1] :])


def _cut_off(words: str, parsed: SpacySpan | None) -> bool:
    """A few words broken off by a dash, with no question asked ("On student loan forgiveness —"), or a reporter's few
    words with no verb, that ask nothing yet ("A separate question.", "On a separate issue?"; not "Is the list final?")."""
    if _words(words) < QUESTION_MIN_WORDS and parsed is not None and not any(t.pos_ in {"VERB", "AUX"} for t in parsed):
        return True
    return words.rstrip().endswith(("—", "--", "–")) and "?" not in words and _words(words) < CUT_OFF_MAX_WORDS


def _name_by_address(turns: list[Quote], first_names: dict[str, str]) -> None:
    """A label the document names by surname alone ("DR. ALLEN:") takes the first name the others address it by."""
    for q in turns:
        s = q.speaker
        label = s.mention.text.upper() if s.mention else ""
        if s.name and len(s.name.split()) == 1 and label in first_names and not label.startswith("THE "):  # an office's holder is named by the title
            s.aliases.append(s.name)
            s.name = f"{first_names[label]} {s.name}"


def _name_reporters(quotes: list[Quote], turn_of: dict[int, int], addressed: dict[int, Reporter], interviewing: Reporter | None) -> None:
    """Questions whose asker the transcript names: the interviewer its title gives, else the reporter the podium handed
    the floor to by name. They stay questions."""
    for i, q in enumerate(quotes):
        reporter = interviewing or addressed.get(turn_of.get(i, -1))
        if q.kind == "question" and reporter is not None:
            q.speaker = reporter.speaker(q.speaker.mention)


def _states_something(words: SpacySpan, phrase_words: int, marked: bool = False) -> bool:
    """Reported words that say something: a clause. What hangs on the cue as a phrase is what was talked about, not what
    was said: a noun phrase ("called for another shutdown", "maintain good relationships with communities that …"), a
    prepositional phrase ("warned of the raids", "spoken out about a culture …"), a label ("described this as a policy").
    Said are a request's clause ("urged supporters to vote"), a judgement ("described the curfew as cruel, reckless"),
    a noun's that-clause ("voiced concern that the plan would fail"), and a clause with its own subject where the parse
    hung it on a noun ("tensions flared, as Fulghum defended the reports, sources said"). Marked words judge too: 'what
    one source described as "the most heated" moment'. A phrase of `phrase_words` or more carries what was said ("praised
    Florida for becoming the 20th state to grant in-state tuition to immigrants")."""
    inside = range(words.start, words.end)
    heads = [t for t in words if t.head.i not in inside or t.head.i == t.i]  # what the cue governs directly
    if _words(words.text) < phrase_words // 2 and all(_bare_infinitive(t) for t in heads if not t.is_punct):
        return False  # "threatened to cut off aid", "agreed to end the shutdown": an act in a few words, no statement
    acts = [t for t in heads if not t.is_punct]
    if acts and all(_act_judged(t) for t in acts) and (_words(words.text) < phrase_words or any(_speech_within(t) for t in acts)):
        return False  # 'criticized closing the plant', 'defended not paying an architect who said he was stiffed …': the act
        # judged, in a few words, or holding what another said ('defended separating migrant children from their parents
        # at the border' says what the speaker stands for, as a long phrase does)
    if any(_blamed_for_saying(t) for t in heads):
        return False  # 'praised the police chief for saying the department would …': what the chief said is the chief's
    # "as cruel, immoral", not "as likely genuine applicants" (the adjective of a noun); marked, any adjective judges
    judged = (lambda a: any(c.pos_ == "ADJ" or c.dep_ == "amod" for c in a.subtree if c.i != a.i)) if marked else (
        lambda a: any(c.pos_ == "ADJ" and c.head.pos_ not in {"NOUN", "PROPN"} for c in a.subtree if c.i != a.i))
    if any(
        t.pos_ in {"VERB", "AUX"}
        or any(a.lower_ == "as" and judged(a) for a in (t, *t.children))
        or marked and any(a.lower_ == "for" and judged(a) for a in (t, *t.children))  # 'blasted the media for being "dishonest"'
        or any(c.dep_ in {"acl", "ccomp"} and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children) for c in t.children)
        or _judgement_named(t)
        for t in heads
    ):
        return True
    # 'that he was "troubled" by …': the parse may make the marked adjective the head of its clause
    return any(t.pos_ in {"VERB", "AUX", "ADJ"} and _own_clause(t, inside) for t in words) or _words(words.text) >= phrase_words


_JUDGING_NAMES = frozenset({"call", "brand", "label", "dub"})
_NAMED_NOTHING = frozenset({"day", "night", "quits", "home", "name"})  # 'called it a day', 'call the region home', 'called him names'


def _judgement_named(t: Token) -> bool:
    """'called the report a hoax', 'called the policy unconstitutional': the second object of a verb of naming judges the
    first, a statement that it is so; 'dubbed the bill the Dream Act' only names it, and 'called it quits' says nothing."""
    verb = t.head
    if t.dep_ != "oprd" or verb.lemma_.lower() not in _JUDGING_NAMES or t.lemma_.lower() in _NAMED_NOTHING or t.tag_ not in _JUDGING_TAGS:
        return False
    if t.ent_type_ or any(c.dep_ == "dobj" and c.tag_ in {"WDT", "WP"} for c in verb.children):
        return False  # 'what he calls "hell"', 'the bill, which she called a disgrace': the thing judged is not in the words
    if any(c.dep_ == "prt" or c.dep_ == "prep" and verb.i < c.i < t.i for c in verb.children):
        return False  # 'called in sick', 'called for unity not division': no object judged
    if verb.dep_ in {"acl", "advcl"} and verb.tag_ in {"VBN", "VBD"} and not any(c.dep_ in _SUBJECTS for c in verb.children):
        return False  # 'the series of raids, called the "night sweep"': a name the things go by
    if any(c.dep_ == "compound" and c.lemma_.lower() in _CALLED_PEOPLE for c in t.children):
        return False  # 'the employee who called police mistook for gunfire': whom one phones, read as a compound
    definite = next((c for c in t.children if c.dep_ in {"det", "poss"} and c.lower_ not in {"a", "an"}), None)
    if definite is None or t.tag_.startswith("JJ") or any(c.dep_ == "amod" for c in t.children):
        return True  # 'called it the worst deal ever made' judges as well
    # 'called the meeting productive': the parse may take the first object for a compound of the second
    return definite.dep_ == "det" and any(c.dep_ == "compound" and c.pos_ == "NOUN" and c.i > definite.i for c in t.children)


_JUDGING_TAGS = frozenset({"NN", "NNS", "JJ", "JJR", "JJS"})  # a noun or an adjective, not a name


def _marked_judgement(cue: Cue, base: int, s: int, e: int) -> int | None:
    """'called half of his supporters "deplorables"', 'described Clinton as a "disgrace"', 'branded it an "outlaw
    nation"': the cue names its object with words in marks (s..e) that hold the predicate's head, so they are the
    speaker's word for it; what was said starts at the object (its character offset is returned). Marks around a
    modifier only ('described this as a "zero tolerance" policy') label a thing: that is no judgement."""
    if cue.subject is None or cue.according_to:
        return None
    verb = cue.sentence.doc[min(cue.tokens)]
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if not objects or verb.lemma_.lower() in ADDRESSEE_VERBS and any(c.dep_ == "ccomp" for c in verb.children):
        return None  # 'told FBI agents last year that he considered Zimmerman as having "…"': whom he told, not what he judged
    first = objects[0]
    if first.tag_ in {"WP", "WDT"} or first.lower_ in _BARE_REFERENCES:
        return None  # 'what she called a "rant"', 'an act that he described as "intentional"': the marked words alone
    predicates = [
        *(c for c in verb.children if c.dep_ == "oprd" and c.i > first.i),
        *(g for c in verb.children if c.dep_ == "prep" and c.lower_ == "as" and c.i > first.i for g in c.children if g.dep_ == "pobj"),
        *objects[1:],
        *(c for c in first.children if c.dep_ == "appos"),  # 'called the plan "daylight robbery"': parsed as the plan's apposition
        *(c for c in first.children if c.dep_ == "amod" and c.i > first.i),  # 'called his behavior "outrageous"': an adjective after its noun
    ]
    if not any(s <= base + p.idx and base + p.idx + len(p) <= e for p in predicates):
        return None
    return base + first.left_edge.idx


def _act_judged(verb: Token) -> bool:
    """'defended [voting against the bill]': an act a verb of attitude takes as its object (a gerund with no subject of its
    own and no judgement beside it), what the speaker judges, not words said; 'suggested raising the tax' and 'denied
    having met him' say something."""
    return verb.tag_ == "VBG" and verb.dep_ in {"dobj", "xcomp"} and verb.head.lemma_.lower() in TOPIC_VERBS and not any(
        c.dep_ in _SUBJECTS or c.dep_ == "prep" and c.lower_ in {"as", "for"} for c in verb.children
    )  # ('condemns getting comment from ICE as "cultural insensitivity"' judges it)


def _speech_within(verb: Token) -> bool:
    """'not paying an architect [who said he was stiffed]': a relative clause of speech inside the words, another's."""
    return any(t.dep_ == "relcl" and t.lemma_.lower() in SPEECH_VERBS for t in verb.subtree)


def _staff_of_the_subject(root: Token) -> bool:
    """'Officials at the Office of Government Ethics responded …': the body a clause's subject works for, which "the agency"
    after it means as it would the subject itself."""
    prep = root.head
    return root.dep_ == "pobj" and prep.lower_ in {"at", "for", "from", "of"} and prep.head.dep_ in {"nsubj", "nsubjpass"} and (
        prep.head.lemma_.lower() in GROUP_HEADS
    )


def _blamed_for_saying(prep: Token) -> bool:
    """'praised the chief [for saying …]', 'blasted Democrats [for insisting …]': the words the one praised or blamed said,
    which are theirs (`_reason_object`), not the praise's."""
    return prep.dep_ == "prep" and prep.lower_ == "for" and prep.head.lemma_.lower() in TOPIC_VERBS and any(
        c.dep_ == "pcomp" and c.lemma_.lower() in SPEECH_VERBS and any(g.dep_ == "ccomp" for g in c.children)
        and not any(g.dep_ in _SUBJECTS for g in c.children)
        for c in prep.children
    )  # not 'scolded them for what he said was …' (the scolder's words), nor 'rebuked Clinton for defending his wife's use …'


def _pageant_title(t: Token) -> bool:
    """'The former Miss Michigan', 'Miss Universe': a title won, not a woman named Michigan, nor the state speaking."""
    crowned = any(c.dep_ == "compound" and c.text == "Miss" for c in t.children)
    return crowned and (t.ent_type_ in {"GPE", "LOC"} or t.text in {"America", "Universe", "World", "USA"})


def _party_shorthand(t: Token) -> bool:
    """'D-Del.', 'R-Texas': a congressional shorthand set after a name, which the parse may take for a subject."""
    first = t.left_edge
    return first.text in {"R", "D", "I"} and first.i + 1 < t.i and t.doc[first.i + 1].text in {"-", "–"}


def _bare_infinitive(verb: Token) -> bool:
    """'to cut off aid': a verb with "to" and no subject of its own."""
    children = list(verb.children)
    return verb.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in children) and not any(c.dep_ in _SUBJECTS for c in children)


def _own_clause(verb: Token, inside: range) -> bool:
    """A verb with a subject of its own, not inside a relative or a noun's clause ("communities that have been worried")."""
    if not any(c.dep_ in {"nsubj", "nsubjpass"} and c.tag_ not in {"WDT", "WP"} for c in verb.children):
        return False
    node = verb
    while node.i in inside and node.head.i != node.i:
        if node.dep_ in {"relcl", "acl", "pcomp"}:
            return False
        node = node.head
    return True


def _refusing(verb: Token) -> bool:
    """"deny asylum seekers the chance", 'denies the plaintiffs' request', 'dismissed the lawsuit': to refuse someone
    something, or a court's act on what was asked of it, not to say no; 'dismissed the lawsuit as frivolous' is said."""
    lemma = verb.lemma_.lower()
    if lemma == "deny" and sum(c.dep_ in {"dative", "dobj"} for c in verb.children) >= 2:
        return True
    return lemma in _REFUSING_VERBS and not any(c.dep_ == "prep" and c.lower_ == "as" for c in verb.children) and any(
        c.dep_ == "dobj" and c.lemma_.lower() in _ASKED_FOR for c in verb.children
    )


_REFUSING_VERBS = frozenset({"deny", "reject", "dismiss"})
# What is asked of a court or an office, which it grants or refuses by an act, not by words of its own.
_ASKED_FOR = frozenset({
    "request", "motion", "application", "petition", "appeal", "permit", "license", "licence", "access", "entry", "bail",
    "visa", "asylum", "lawsuit", "suit", "case", "complaint", "injunction", "waiver", "exemption", "extension",
})


def _was_asked(verb: Token) -> bool:
    """'Asked whether Cruz's plan is stricter, Trump said it is not', 'said when asked if …': the one asked answers in
    the main clause; what he was asked is his questioner's, not his."""
    return verb.lemma_.lower() == "ask" and verb.tag_ == "VBN" and not any(
        c.dep_ in _SUBJECTS | {"aux", "auxpass", "agent"} for c in verb.children
    )  # 'Asked by WNYC host Brian Lehrer, "Are you …?"' is the host's question


def _asks_whether(verb: Token) -> bool:
    """'Does the White House welcome Special Counsel Hur testifying …?', 'Did she say she would veto it?': a question
    whose helping verb comes before its subject asks whether someone said it; it reports nothing said."""
    subject = next((c for c in verb.children if c.dep_ in _SUBJECTS), None)
    helper = next((c for c in verb.children if c.dep_ in {"aux", "auxpass"}), None)
    end = verb.sent[-1].i
    while end > verb.sent.start and (verb.doc[end].is_space or verb.doc[end].is_quote):
        end -= 1
    return subject is not None and helper is not None and helper.i < subject.i and verb.doc[end].text == "?"


def _joined_after(verb: Token, clause: Token) -> bool:
    """'The mayor said the bridge was unsafe, so the council closed it': a clause before the verb, joined to it by "so",
    "and", "but", is a sentence of its own the parse hung on the verb; a parenthetical cue ('…, the council said') takes no
    conjunction."""
    return clause.i < verb.i and any(
        c.dep_ in {"advmod", "mark", "cc"} and c.lower_ in _JOINING_WORDS and clause.i < c.i < verb.i for c in verb.children
    )


_JOINING_WORDS = frozenset({"so", "and", "but", "yet", "then", "thus", "therefore", "hence"})


def _runs_into_inverted_cue(verb: Token, clause: Token, subject: Token | None) -> bool:
    """'The tweet comes after Johnson during an interview on ABC's "Good Morning America" confirmed Wilson's account':
    the words before a cue its subject follows ('"…," said Wilson', 'This is a "first step," said McCain') end at a comma,
    a dash, or a quotation's closing mark after its own comma or stop, or the quotation they open; a clause running into
    the verb without one (a title's closing mark is none) is the parse's misreading of a sentence of its own."""
    if clause.i > verb.i or subject is None or subject.i < verb.i:
        return False
    doc = verb.doc
    words = [t for t in doc[clause.left_edge.i : verb.i] if not t.is_space]  # "approach,''  said": the spaces a mark left
    if len(words) < 2:
        return False
    if words[-1].text in _CLOSING_MARK_TOKENS:
        first = clause.left_edge
        opened = first.text in _MARK_TOKENS or first.i > 0 and doc[first.i - 1].text in _MARK_TOKENS
        return not (opened or words[-2].is_punct)
    return not words[-1].is_punct


def _supposed(verb: Token) -> bool:
    """'Let's say you are from Honduras', 'let us stipulate that …', 'let's call it what it is': a supposition or a
    manner of speaking the writer invites the reader into, not anyone's statement."""
    node = verb.head if verb.dep_ == "conj" else verb
    return node.dep_ == "ccomp" and node.head.lemma_.lower() == "let" and any(c.dep_ == "nsubj" and c.lower_ in _LET_US for c in node.children)


_LET_US = frozenset({"'s", "’s", "us"})


def _a_course(verb: Token) -> bool:
    """'the best hope for acquittal is to claim that …', 'His strategy is to argue …': a course open to someone, not
    speech anyone gave ('His best response was to say he would …' tells what he said)."""
    return verb.tag_ == "VB" and verb.dep_ in {"xcomp", "attr"} and verb.head.lemma_.lower() == "be" and verb.head.tag_ in {"VBZ", "VBP"} and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in verb.children
    )


# Set phrases with a verb of speech that link or sum up the writer's own sentences; nobody is quoted in them.
_DISCOURSE_MARKER = re.compile(
    r"(?:(?:and|but|now|so|still)\s+)?(?:all\s+told|(?:with\s+)?(?:all\s+(?:of\s+)?)?that(?:\s+being|\s+having\s+been)?\s+said"
    r"|having\s+said\s+(?:all\s+(?:of\s+)?)?that|needless\s+to\s+say|suffice\s+(?:it\s+)?to\s+say|so\s+to\s+speak"
    r"|(?:sad|strange|sufficient)\s+to\s+say)"
)
_MARKER_WORDS = 5  # the longest marker runs to six words around its verb ("With all of that being said")


def _discourse_marker(verb: Token) -> bool:
    """'All told, 23,589 people were caught …', 'That said, the more I read …', 'Needless to say, …', 'so to speak':
    a set phrase between punctuation marks that sums up or links the writer's sentences; nobody says anything."""
    sent = verb.sent
    start = verb.i
    while start > sent.start and verb.i - start < _MARKER_WORDS and not _phrase_break(verb.doc[start - 1]):
        start -= 1
    end = verb.i + 1
    while end < sent.end and end - verb.i <= _MARKER_WORDS and not _phrase_break(verb.doc[end]):
        end += 1
    closed = end == sent.end or _phrase_break(verb.doc[end])
    opened = start == sent.start or _phrase_break(verb.doc[start - 1])
    return closed and opened and _DISCOURSE_MARKER.fullmatch(verb.doc[start:end].text.lower()) is not None


def _phrase_break(tok: Token) -> bool:
    """A mark that ends a set phrase; an apostrophe is part of a word."""
    return tok.is_punct and tok.text not in {"'", "’"}


def _named_so(verb: Token) -> bool:
    """'that's why it's called the Cuban Adjustment Act': a passive verb of naming with nobody doing it gives a thing its
    name; nobody says anything ('has been called a charlatan by fellow physicians' has its speakers)."""
    return verb.lemma_.lower() in _NAMING_VERBS and any(c.dep_ == "auxpass" for c in verb.children) and not _done_by_someone(verb)


def _done_by_someone(verb: Token) -> bool:
    """A passive with its agent anywhere under it: 'was called "scripted" by rival Chris Christie' (the parse may hang the
    agent on the name given)."""
    return any(c.dep_ == "agent" or c.dep_ == "prep" and c.lower_ == "by" for t in verb.subtree for c in t.children)


_NAMING_VERBS = frozenset({"call", "dub", "name", "nickname", "term", "title"})


# Relatives by kinship: whom someone calls ('called his family to let them know'), and how a relative is named after the
# bearer of the surname ("Trump's wife, Melania Trump").
_KIN = frozenset({
    "aunt", "brother", "cousin", "daughter", "father", "granddaughter", "grandfather", "grandmother", "grandson",
    "husband", "mother", "nephew", "niece", "parent", "sister", "son", "stepdaughter", "stepson", "uncle", "widow", "wife",
})


def _phoned(verb: Token) -> bool:
    """'the president called Kavanaugh to congratulate him', 'called his family to let them know', 'Republicans call Hunter
    Biden to testify': a telephone call or a summons to someone, no words of the caller's own; 'called on Congress to
    act', 'called for a ban' and 'called the move "a stain"' say something."""
    if verb.lemma_.lower() != "call" or any(
        c.dep_ in {"ccomp", "attr"} or c.dep_ == "prep" and c.lower_ in {"on", "for"} or c.dep_ == "prt" and c.lower_ == "out"
        for c in verb.children
    ):
        return False  # 'called out these Republicans who …' says something too
    purpose = next((c for c in verb.children if c.dep_ in {"xcomp", "advcl"} and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)), None)
    # the parse may take the one called for a name given ('called [Kavanaugh] to congratulate him'), when a purpose follows
    named = next((c for c in verb.children if c.dep_ == "oprd" and purpose is not None and (c.ent_type_ == "PERSON" or c.pos_ == "PROPN") and c.i < purpose.i), None)
    callee = next((c for c in verb.children if c.dep_ == "dobj"), named)
    if callee is None or any(c.dep_ == "oprd" and c.i != callee.i for c in verb.children) or any(c.dep_ in {"oprd", "attr", "appos"} for c in callee.children):
        return False
    if any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children) or any(t.i > callee.i and t.is_quote for t in verb.sent):
        return False  # '(or, as The Daily Beast called them in an article, "Manchurian anchors")': a name given
    if any(c.dep_ in {"xcomp", "advcl"} and c.i > callee.i and (purpose is None or c.i != purpose.i) for c in verb.children):
        return False  # 'called the White House, hoping to …': a clause after the one called other than a purpose
    # whom one calls: a person or a body, not 'it' ('calling it the boldest move ever made', however the parse hangs it)
    return (
        callee.ent_type_ in {"PERSON", "ORG", "NORP", "GPE"} or callee.pos_ == "PROPN" or callee.lower_ in {"him", "her", "them", "me", "us", "you"}
        or callee.lemma_.lower() in _CALLED_PEOPLE or is_title_word(callee.text)
    )


_CALLED_PEOPLE = GROUP_HEADS | _KIN | {"friend", "police"}  # whom one calls by a common noun: 'called his family


def _in_store(verb: Token) -> bool:
    """'The storm threatens to flood the city', 'the deficit promises to dominate the fight': a thing that threatens or
    promises to do something is only likely to; nobody says anything ('the union threatened to strike' speaks)."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return (
        verb.lemma_.lower() in {"threaten", "promise"} and subject is not None and _mute_thing(subject)
        and subject.lemma_.lower() in _MUTE_SUBJECTS and any(c.dep_ == "xcomp" for c in verb.children)
    )


# What happens, or a state of things, rather than anyone who could speak ('the affair threatens to …').
_EVENTS = frozenset({
    "issue", "affair", "clash", "storm", "hurricane", "deficit", "debt", "fight", "battle", "dispute", "controversy", "crisis",
    "scandal", "war", "conflict", "debate", "bill", "law", "measure", "proposal", "change", "program", "economy", "virus",
    "pandemic", "outbreak", "shutdown", "deal", "situation", "case", "trial", "election", "race", "event", "incident",
    "development", "episode",
})
_MUTE_SUBJECTS = _THINGS | _EVENTS  # things and events: subjects that say nothing


def _said_of_its_subject(verb: Token) -> bool:
    """'The country is projected to avoid decline', 'Millian has been accused of embellishing …', 'the bill was criticized
    as a giveaway': a passive verb of speech with nobody doing it says something of its subject; the subject says
    nothing (who does, if anyone, comes with a cue of its own: '…, according to the report'). 'was quoted as saying' is
    the one passive whose subject speaks; 'was asked', 'were told' stay cues whose speaker is their agent or no one."""
    # "he's repeatedly said that he's …", "it's said just as clearly that …": the "'s" of "has", which the parse may take
    # for "is" (and hang the clause on the adverb)
    if any(c.dep_ == "auxpass" and c.lower_ in {"'s", "’s"} for c in verb.children) and any(
        c.dep_ == "ccomp" or c.dep_ == "advmod" and any(g.dep_ == "ccomp" for g in c.children) for c in verb.children
    ):
        return False
    return (
        any(c.dep_ == "nsubjpass" for c in verb.children) and verb.lemma_.lower() not in ADDRESSEE_VERBS | {"quote"}
        and not _done_by_someone(verb)
    )


def _inferred(verb: Token) -> bool:
    """'suggest', 'indicate', 'signal', 'underscore' with a thing or an event as subject (a statement, the data,
    the government's move, 'Recent events … underscore that …'): what the writer reads into it, not words anyone said. A
    person who suggests something says it."""
    if verb.lemma_.lower() not in _INFERENCE_VERBS:
        return False
    subject = next((c for c in verb.children if c.dep_ in {"nsubj", "csubj"}), None)
    if subject is not None and subject.tag_ in {"WDT", "WP"}:
        subject = _relative_antecedent(subject) or verb.head
    return subject is not None and (subject.dep_ == "csubj" or subject.pos_ != "PROPN" and subject.lemma_.lower() in _MUTE_SUBJECTS)


# Verbs of saying that, with a thing for subject, only say what the thing shows or makes likely: 'today's argument
# suggested that …', 'Audio released by the firm reveals how …', 'bad apples explain why …', 'ways that threaten to …'.
_VERBS_OF_THINGS = _INFERENCE_VERBS | {"reveal", "explain", "threaten", "promise"}
_ROLE_NOUNS = GROUP_HEADS | TITLE_WORDS | INTRODUCED_ROLES  # built once: every relative "who" reads it (_a_role)
_PEOPLE_NOUNS = _ROLE_NOUNS | ANONYMOUS_HEADS  # ... and _a_thing
# Common nouns for whoever can speak: people by role or relation, groups and bodies, and quantities of them.
_SPEAKING_NOUNS = (
    _PEOPLE_NOUNS | COLLECTIVE_HEADS | ROLE_HEADS | FEMALE_NOUNS | MALE_NOUNS
    | ORGANIZATION_HEADS | GENERIC_ORGANIZATION_HEADS | GOVERNMENT_NAME_WORDS | MEDIA_NOUNS | frozenset({
        "other", "one", "many", "some", "few", "both", "all", "most", "several", "everyone", "everybody", "someone",
        "somebody", "anyone", "anybody", "public", "crowd", "audience", "folk", "folks", "guy", "kid", "child", "man",
        "woman", "person", "friend", "neighbor", "neighbour", "colleague", "couple", "pair", "majority", "minority",
        "side", "camp", "wing", "faction", "caucus", "delegation", "alliance", "bloc", "crew", "staff", "team", "panel",
        "jury", "court", "bench", "regime", "country", "nation", "state", "city", "county", "town", "province",
        "kingdom", "republic", "community", "industry", "church", "school", "university", "college", "firm", "network",
        "outlet", "site", "website", "paper", "newsroom", "elite", "accomplice", "spouse", "hero", "boss", "rival",
        "foe", "youth", "cop", "guard", "troop"
    })
)
# ... and, for 'reveal' and 'explain', writings that speak for whoever wrote them ('The documents revealed that …').
_REVEALING_WRITINGS = AUTHORED_NOUNS | WRITTEN_NOUNS | frozenset({
    "document", "record", "file", "transcript", "book", "complaint", "lawsuit", "suit", "indictment", "ruling",
    "filing", "testimony", "interview", "article", "editorial", "speech", "email", "message", "text", "post", "tweet"
})
# A noun for a person by what they do ('the economist', 'the defendant', 'the 34-year-old'); not 'argument' or 'list'.
_AGENT_NOUN = re.compile(r"(?:er|or|ist|ian|ant|(?<!m)ent|eer|ee|ive|man|men|woman|women|ess|year-old)s?$")
# ... and things that end like one ('numerous factors that help explain why …')
_LIKE_AGENT_NOUNS = frozenset({"factor", "sector", "error", "rumor", "rumour", "event", "incident", "element", "extent"})


def _thing_infers(verb: Token, names: Collection[str] = ()) -> bool:
    """'today's argument suggested that …', 'Audio … reveals how …', 'Low incomes … threaten to extend to the next':
    a verb of saying whose subject is a thing, so what follows is what the writer reads into it, not words anyone said.
    A person, a group or a body ('the economist suggested', 'the agency signaled'), a name or a pronoun speaks; for
    'reveal' and 'explain' a writing speaks too ('the documents revealed'). `names`: words of the document's names."""
    lemma = verb.lemma_.lower()
    if lemma not in _VERBS_OF_THINGS:
        return False
    if lemma in {"threaten", "promise"} and not any(c.dep_ == "xcomp" for c in verb.children):
        return False  # 'the agency threatened Mexico with tariffs': only 'threatens to …' is what a thing makes likely
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if not subjects and verb.dep_ == "conj" and verb.head.dep_ not in {"ccomp", "xcomp", "parataxis"}:
        # 'Obama's victory had sealed his win and underscored to Republicans that …'; not 'Ryan said the strike was
        # "appropriate" and signaled that …', where the parse joins the speaker's next act to what he said
        subjects = [c for c in verb.head.children if c.dep_ == "nsubj"]
    if not subjects and verb.dep_ == "xcomp":
        subjects = [c for c in verb.head.children if c.dep_ == "nsubj"]  # 'factors that help explain why …'
    # the parse may give the verb two ('the IRS' after 'A key body under the Treasury Department,'): any that speaks, speaks
    subjects = [(_relative_antecedent(c) or (verb.head if verb.dep_ == "relcl" else None)) if c.tag_ in {"WDT", "WP"} else c for c in subjects]
    return bool(subjects) and all(c is not None and _mute_for(c, lemma, names) for c in subjects)


def _mute_for(subject: Token, lemma: str, names: Collection[str]) -> bool:
    """A subject that says nothing with this verb: a common noun for no one who could speak."""
    capitalised = subject.text[:1].isupper() and (subject.i != subject.sent.start or subject.text.isupper())
    if subject.pos_ != "NOUN" or subject.ent_type_ or subject.text in names or capitalised:
        return False  # a pronoun, a name (a surname the tagger calls a noun, 'Eskridge suggests'), an acronym ('the IRS')
    if any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in subject.children):
        return False  # a thing named after a body ('the Pew survey')
    word = subject.lemma_.lower()
    if word in _SPEAKING_NOUNS or subject.lower_ in _SPEAKING_NOUNS or is_title_word(subject.text) or _AGENT_NOUN.search(subject.lower_) and word not in _LIKE_AGENT_NOUNS:
        return False
    return not (lemma in {"reveal", "explain"} and word in _REVEALING_WRITINGS)


def _owner(noun: Token, inside: set[int]) -> Token | None:
    """Whose the noun is, outside quoted words: "Trump's claim", "her statement"."""
    return next((c for c in noun.children if c.dep_ == "poss" and c.i not in inside), None)


def _owner_before_colon(noun: Token, inside: set[int]) -> Token | None:
    """The owner of words named as the sentence's subject right before a colon ('Her statement continued:', "Boehner's
    statement read:", 'His answer:'), not as an object ('She added of Rubio's remarks: "…"' is hers)."""
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in OWNED_WORDS or noun.dep_ not in {"nsubj", "nsubjpass", "ROOT"}:
        return None
    owner = _owner(noun, inside)
    after = noun.doc[noun.i + 1 : noun.i + 5]
    colon = next((t for t in after if t.text == ":"), None)
    if owner is None or colon is None or any(t.pos_ in {"NOUN", "PROPN", "PRON"} or t.is_punct for t in noun.doc[noun.i + 1 : colon.i]):
        return None
    return owner


_TOPIC_PREPOSITIONS = frozenset({"about", "on", "over"})  # 'asked about her claim that …': the claim is the topic


def _detached_claim_clause(noun: Token) -> Token | None:
    """'was forced to walk back her statement from a day earlier that she wanted …': the parse hangs a claim noun's
    that-clause on a verb further up. A clause opening with "that" where the noun's phrase ends, or after one
    prepositional phrase without a verb ('from a day earlier', 'on Tuesday'), is the noun's."""
    doc = noun.doc
    at = noun.right_edge.i + 1
    if at < len(doc) and doc[at].dep_ == "prep" and doc[at].i > noun.i:
        gap = doc[at : doc[at].right_edge.i + 1]
        if len(gap) > _CLAIM_GAP_WORDS or any(t.pos_ in {"VERB", "AUX"} for t in gap):
            return None
        at = gap.end
    elif at < len(doc) and doc[at].text == "," and (aside := _aside_between_commas(doc, at)) is not None:
        at = aside  # "the president's earlier announcement, also on Twitter, that …"
    if at >= len(doc) or doc[at].lower_ != "that" or doc[at].dep_ != "mark":
        return None
    clause = doc[at].head
    if clause.i <= at or clause.pos_ not in {"VERB", "AUX"} or clause.i in {t.i for t in noun.subtree}:
        return None
    governor = noun.head
    # not past a participle read as a preposition ('thanked Trump following the president's announcement, …, that'): it
    # governs the noun, and the verb above it has no clause of its own there
    while governor.dep_ in {"prep", "pobj", "conj"} and governor.head.i != governor.i and not (governor.pos_ == "VERB" and noun.dep_ == "dobj"):
        governor = governor.head
    asked_about = at == noun.right_edge.i + 1 and noun.head.lower_ in _TOPIC_PREPOSITIONS and governor.lemma_.lower() in SPEECH_VERBS
    if clause.head.i == governor.i and not asked_about:
        # 'We know from his disclosure statements that …': the clause is the verb's, the noun where it is known from;
        # not 'Tapper tries to press him on his statement that …', where the statement is what the cue asks about
        return None
    return clause


_CLAIM_GAP_WORDS = 6


def _aside_between_commas(doc: Doc, comma: int) -> int | None:
    """Where the words after a short aside set off by commas and holding no verb resume ('…, also on Twitter, that'):
    the index after its closing comma."""
    for i in range(comma + 1, min(comma + 2 + _CLAIM_GAP_WORDS, len(doc))):
        if doc[i].pos_ in {"VERB", "AUX"}:
            return None
        if doc[i].text == ",":
            return i + 1 if i > comma + 1 else None
    return None


def _claimed_by_noun(clause: Token, sent: SpacySpan, inside: set[int]) -> bool:
    """The clause is a possessed claim noun's that-clause the parse hung on this verb ('…, her statement that …')."""
    return any(
        t.pos_ == "NOUN" and t.lemma_.lower() in CLAIM_NOUNS and _owner(t, inside) is not None
        and (found := _detached_claim_clause(t)) is not None and found.i == clause.i
        for t in sent if t.i < clause.i
    )


def _speech_it_is_said_in(cue: Cue, start: int, end: int) -> Token | None:
    """The speech verb whose clause the cue is ('Gutiérrez said [Mr. Kelly told the group that "…"]'), where the cue's
    own subject is a named person and the cue's clause holds the quoted words (start..end, offsets in the cue's doc):
    its subject passed the words on."""
    verb = cue.sentence.doc[min(cue.tokens)]
    own = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if cue.sieve is not Sieve.REPORTED or verb.dep_ != "ccomp" or own is None or not _named_person(own) or cue.subject is None or cue.subject.i != own.i:
        return None  # not 'Mary Stone said she told him, "No."', her own account
    after = doc_text(verb.doc)[verb.right_edge.idx + len(verb.right_edge) : max(end, verb.right_edge.idx + len(verb.right_edge))]
    if not verb.left_edge.idx <= start or after.strip(" .,;:!?\"”’'") or _asked_of(verb) or verb.idx > start:
        return None  # '"exactly how much Mr. Papadopoulos said" to Downer "is unclear"': words of the clause around his;
        # '"Because I pledged that," Grassley said': a cue after the words is no clause of theirs
    outer = verb.head
    if outer.i > verb.i or outer.pos_ != "VERB" or outer.lemma_.lower() not in SPEECH_VERBS - BELIEF_VERBS or not _embedded_in(own, outer):
        return None
    return outer


def _named_speech_passed_on(cue: Cue) -> Token | None:
    """'Gutiérrez said Mr. Kelly told the group that "…"': the clause a speaker says is a named person's speech; the
    clause that person said, where it opens. None for anything else (a belief, an unnamed or pronoun subject)."""
    verb = cue.content
    if verb is None or cue.sieve is not Sieve.REPORTED or verb.pos_ != "VERB" or verb.lemma_.lower() not in SPEECH_VERBS - BELIEF_VERBS:
        return None
    if not any(c.dep_ == "nsubj" and _named_person(c) and _embedded_in(c, cue.sentence.doc[min(cue.tokens)]) for c in verb.children) or _asked_of(verb):
        return None
    return next((c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i), None)


def _embedded_in(subject: Token, outer: Token) -> bool:
    """The clause of `subject` follows the outer verb directly, or after "that" ('said Mr. Kelly told …', 'said that
    Kelly told …'), not after another clause joined on ('Macron said the EU needed … and Kurz said …')."""
    before = subject.doc[subject.left_edge.i - 1] if subject.left_edge.i > 0 else None
    return before is not None and (before.i == outer.i or before.lower_ == "that" and before.i == outer.i + 1)


def _asked_of(verb: Token) -> bool:
    """'exactly how much Mr. Papadopoulos said', 'what Peskov said': what someone said, as a question or a thing, not
    their words passed on."""
    return any(t.tag_ in {"WDT", "WP", "WRB"} for t in verb.subtree if t.i < verb.i)


def _named_person(subject: Token) -> bool:
    """A subject that names a person: tagged one, and no "the" before it ('the Bill declares …' is a bill)."""
    return subject.ent_type_ == "PERSON" and not any(c.dep_ == "det" for c in subject.children)


def _small_clause(cue: Token, verb: Token) -> bool:
    """'ordered the separations halted', 'demanded the statue removed': an order's object and the state it is to be in,
    no clause said (a participle, often tagged as a past tense, with no auxiliary and no complementiser)."""
    return cue.lemma_.lower() in _DIRECTING and verb.tag_ in {"VBN", "VBD"} and not any(c.dep_ in {"aux", "auxpass", "mark"} for c in verb.children)


# Verbs whose object is only what was brought up ('mentioned an image of him', 'proposes a new credit', 'posted a video').
_NAMING_A_TOPIC = frozenset({"mention", "propose", "post", "discuss", "cite"})


def _only_a_thing_named(cue: Cue) -> bool:
    """A cue that only brings something up (`_NAMING_A_TOPIC`, or "called off"), whose only object is a noun phrase with
    nothing said of it (no 'as' or 'for' judgement, no that-clause, no clause or request hung on the verb): what was
    mentioned, proposed or called off, not a statement, however long the phrase ('mentioned an alternative image of Mr.
    Romney from Saturday: the success of a dressage horse …'). A stance taken on a thing is said ('reaffirmed their
    commitment to …', 'condemned the attack')."""
    objects = cue.objects if cue.content is None else [cue.content] if cue.content.dep_ == "dobj" else []
    if cue.according_to or cue.before or not objects:
        return False  # (an object as content: the phrase before a colon, 'mentioned an image of him: the success of …')
    verb = cue.sentence.doc[min(cue.tokens)]
    called_off = verb.lemma_.lower() == "call" and any(c.dep_ == "prt" and c.lower_ == "off" for c in verb.children)
    if verb.lemma_.lower() not in _NAMING_A_TOPIC and not called_off:
        return False  # 'reaffirmed their commitment to …', 'condemned the attack': a stance taken is said
    if any(
        c.dep_ in {"ccomp", "xcomp", "oprd", "dative", "parataxis"}
        or c.dep_ == "prep" and (c.lower_ == "as" or c.lower_ == "for" and any(t.pos_ == "VERB" for t in c.subtree))
        for c in verb.children if c.i > verb.i
    ):
        return False  # 'urged supporters to vote', 'described it as …', 'praised Florida for becoming …'
    colon = next((t.i for t in cue.sentence if t.text == ":" and t.i > verb.i), None)
    if colon is not None and any(
        t.pos_ in {"VERB", "AUX"} and t.dep_ not in {"relcl", "acl"} and any(c.dep_ in _SUBJECTS for c in t.children) for t in cue.sentence if t.i > colon
    ):
        return False  # 'suggested one possible solution: ICE could ask judges …': the clause after the colon is said
    for obj in objects:
        if obj.dep_ == "prep":  # ("as", and "for" with a clause, returned above)
            if any(t.pos_ == "VERB" for t in obj.subtree):
                return False
            continue  # 'proposes a new credit [for first-time buyers]', 'mentioned a plan [on housing]': the phrase goes on
        if obj.dep_ != "dobj" or obj.pos_ not in {"NOUN", "PROPN"}:
            return False
        if any(c.dep_ in {"acl", "ccomp", "relcl"} and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children) or c.lower_ == "as" for c in obj.children):
            return False  # 'voiced concern that the plan would fail', 'disputes the idea that …', 'described the move as a disgrace'
    return True


def _had_done(verb: Token) -> bool:
    """'needed to have their relationship confirmed', 'got the order reversed': a participle after causative "have" or
    "get", what someone has done to a thing; the thing before it says nothing."""
    return (
        verb.tag_ == "VBN" and verb.dep_ in {"ccomp", "xcomp", "oprd"} and verb.head.lemma_.lower() in {"have", "get"}
        and verb.head.i < verb.i and not any(c.dep_ in {"aux", "auxpass", "mark"} for c in verb.children)
    )


def _runs_across_clauses(cue: Token, said: SpacySpan) -> bool:
    """Words that hold a verb the cue's own clause hangs under and stop on the subject of a verb after them ('… are
    demanding [a break from the recent past suggests the issue] could go further …'): a run across clauses, not what
    anyone said. Words cut short inside the cue's own clause ('said [yet another ruling … until their immigration
    cases] are resolved') are still what was said."""
    words = [t for t in said if not t.is_punct]
    if not words or words[-1].dep_ not in {"nsubj", "nsubjpass"} or words[-1].head.i < said.end:
        return False
    above = {a.i for a in cue.ancestors}
    return any(t.i in above for t in said)


def _only_able(cue: Token) -> bool:
    """'Republicans can now claim that …', 'are now able to claim that …': what someone could say, not what they said;
    but 'I can tell you that …' says it, and 'was able to tell reporters …' did."""
    if any(c.dep_ == "aux" and c.lower_ in {"can", "ca"} for c in cue.children):
        subject = next((c for c in cue.children if c.dep_ == "nsubj"), None)
        return subject is None or subject.lower_ not in FIRST_PERSON
    able, copula = cue.head, cue.head.head
    return (
        cue.dep_ == "xcomp" and able.lower_ == "able" and able.dep_ == "acomp" and copula.tag_ in {"VBP", "VBZ", "VB"}
        and not any(c.dep_ == "nsubj" and c.lower_ in FIRST_PERSON for c in copula.children)
    )  # "is able to", "will be able to"; not "was able to", which says it was done


def _denied(cue: Token) -> bool:
    """'did not say', 'declined to say', 'were unable to clarify whether …': the cue says these words were not said;
    nor were they under a cue the writer only supposes ('unless Boehner agreed to …', 'critics could argue that …')."""
    if any(c.dep_ == "neg" or c.dep_ == "mark" and c.lower_ in {"if", "unless"} or c.dep_ == "aux" and c.lower_ in _SUPPOSING for c in cue.children):
        return True
    if _only_able(cue):
        return True
    head = cue.head
    if cue.dep_ in {"xcomp", "ccomp"} and any(c.dep_ == "aux" and c.lower_ == "to" for c in cue.children) and any(
        c.dep_ == "aux" and c.lower_ in _SUPPOSING for c in head.children
    ):
        return True  # 'the agreement could allow the U.S. to deny …': what might be said one day
    if cue.dep_ != "xcomp" or head.lemma_.lower() in _UNRESTRAINED:
        return False  # 'could not resist pointing out that …' says it twice over: it was said
    return head.lemma_.lower() in _WITHHOLDING or any(c.dep_ == "neg" for c in head.children)


def _headline(doc: Doc) -> bool:
    """A headline or a related link inside the text ("Trump says he's 'not looking' to restart …", "Proposed amendment
    says …"): a short line with no closing punctuation whose speech verb is in the present tense, as headlines write it."""
    text = doc_text(doc).strip()
    if not text or text[0] in "\"“'‘" or len(text.split()) > HEADLINE_MAX_WORDS:
        return False
    if text.rstrip("\"”’'")[-1:] in _CLOSING:  # 'Proposed amendment says Ukrainian aid was "on time"' ends with no full stop
        return False
    return any(t.tag_ in {"VBZ", "VBP"} and t.lemma_.lower() in SPEECH_VERBS for t in doc)


def parse_units(text: str) -> list[tuple[int, int]]:
    """Paragraphs, with any longer than MAX_UNIT_CHARS cut at a sentence end or a space (parsing time grows with length),
    and cut where a scrape glued two paragraphs together ('… told the Post.Mr. Paul said …')."""
    units = []
    for start, end in _unglued(text, paragraphs(text)):
        while end - start > MAX_UNIT_CHARS:
            cut = text.rfind(". ", start, start + MAX_UNIT_CHARS)
            cut = cut + 1 if cut > start else text.rfind(" ", start, start + MAX_UNIT_CHARS)
            cut = cut if cut > start else start + MAX_UNIT_CHARS
            units.append((start, cut))
            start = cut
            while start < end and text[start].isspace():
                start += 1
        if end > start:
            units.append((start, end))
    return units


# A sentence's end glued to the next one's start, with no space between ('administration."We', 'highway?”Administration',
# 'the Post.Mr', 'create jobs.”“I am'): a scrape that dropped the break between two paragraphs. The word before the stop
# ends in two lower-case letters at least and is no abbreviation, so "Mr.Paul", "Sen.Cruz", "U.S.Border" and
# "a.m.Monday" are no ends.
_GLUED = re.compile(r"(?<=[a-z]{2}[.?!])(?=[A-Z“\"][A-Za-z])|(?<=[a-z]{2}[.?!][”’])(?=[A-Z][a-z]|“[A-Z])")
_ADDRESS = re.compile(r"[@/%]|www\.|\.(?:com|gov|org|net|edu|mil|us)\b", re.IGNORECASE)
_NOT_ENDS = frozenset({
    "Mrs", "Gov", "Sen", "Rep", "Gen", "Col", "Sgt", "Adm", "Maj", "Cpl", "Det", "Rev", "Hon", "Atty", "Capt",
    "Prof", "Corp", "Inc", "Ltd", "Bros", "Dept", "Govt", "Assn", "Supt", "Insp", "Cmdr", "Brig", "Ave", "Blvd",
    "Ariz", "Ark", "Calif", "Colo", "Conn", "Del", "Fla", "Ill", "Ind", "Kan", "Mass", "Md", "Mich", "Minn", "Miss",
    "Mo", "Mont", "Neb", "Nev", "Okla", "Ore", "Pa", "Tenn", "Tex", "Va", "Vt", "Wash", "Wis", "Wisc", "Wyo", "Jan",
    "Feb", "Mar", "Apr", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "vs", "etc",
})


def _unglued(text: str, units: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Each unit cut at the places a scrape glued two paragraphs together."""
    out = []
    quoted: list[MarkedSpan] | None = None
    for start, end in units:
        for m in _GLUED.finditer(text, start, end):
            word = re.search(r"[A-Za-z]+(?=[.?!][”’]?\Z)", text[max(start, m.start() - 12) : m.start()])
            if word is not None and word.group() in _NOT_ENDS:
                continue
            quoted = find_marked_spans(text) if quoted is None else quoted
            cut = m.start()
            if any(q.start < cut < q.end for q in quoted):
                continue  # inside a quotation: '“Because I'm sane.This whole regime …'
            if any(q.end == cut for q in quoted):
                cut += 1  # 'do you have to do?"In his comments': the mark closes the quotation before the cut
            left, right = text.rfind(" ", start, cut) + 1, text.find(" ", cut, end)
            if cut >= end or _ADDRESS.search(text, left or start, end if right < 0 else right):
                continue  # 'Laura.Meckler@wsj.com', 'ChildTaxCredit.Gov', 'www.Facebook.com': an address, not two sentences
            out.append((start, cut))
            start = cut
        out.append((start, end))
    return out


def _copy(s: SpeakerRef) -> SpeakerRef:
    return copy_speaker(s)


def _single_spaced(q: Quote) -> None:
    """A speaker's name, description, title and organisation with each run of spaces as one (the quote's own text stays
    the document's slice): a blanked link card or Markdown mark inside a name is layout, not part of it."""
    s = q.speaker
    s.name, s.description, s.title, s.organization, s.surface = (
        single_spaced(v) if v else v for v in (s.name, s.description, s.title, s.organization, s.surface)
    )
    s.aliases = [single_spaced(a) for a in s.aliases]
    q.reported_by = single_spaced(q.reported_by) if q.reported_by else q.reported_by


def _dedupe(quotes: list[Quote]) -> list[Quote]:
    """One quote per span; a span inside a longer one with the same speaker is dropped, and so is a cue's clause that is
    only the words a direct quote holds."""
    out: list[Quote] = []
    direct = [d for d in quotes if d.kind == "direct"]
    for q in quotes:
        if q.kind in ("mixed", "indirect") and any(d.start - 1 <= q.start and q.end <= d.end + 1 for d in direct):
            continue  # 'Trump said he responded: "…"': the marked words are one quote, not one per cue around them
        if q.kind == "mixed" and any(_opens_with(q, d) for d in direct):
            continue  # 'footage of Trump saying, "That makes me smart," when …': another cue's clause opening with his words
        framed = next((d for d in direct if _frames(q, d)), None) if q.kind in ("mixed", "indirect") else None
        if framed is not None:
            lead = _marked_lead(q, framed)
            if lead is None:
                continue
            q = lead
        same = (out[-1].speaker.name, out[-1].speaker.description) == (q.speaker.name, q.speaker.description) if out else False
        if same and out[-1].start <= q.start and q.end <= out[-1].end and q.kind not in ("direct",):
            continue
        if out and (out[-1].start, out[-1].end) == (q.start, q.end):
            continue
        out.append(q)
    return out


def _opens_with(q: Quote, direct: Quote) -> bool:
    """A cue's clause that begins with the words a direct quote holds, not by this cue, and runs on past them."""
    other_cue = direct.cue is None or q.cue is None or q.cue.start != direct.cue.start
    return other_cue and abs(q.start - direct.start) <= 1 and q.end > direct.end


def _frames(q: Quote, direct: Quote) -> bool:
    """'defend not paying an architect …, saying, "Maybe he didn't do a good job"': a clause of the speaker's that holds
    their own direct quote with its cue is only the frame around that quote."""
    return (direct.cue is not None and q.start <= direct.cue.start < direct.start <= q.end
            and (q.speaker.name, q.speaker.description) == (direct.speaker.name, direct.speaker.description))


_LEADING_MARKS = re.compile(r"\s*[\"“]([^\"“”]+)[\"”]")


def _marked_lead(frame: Quote, direct: Quote) -> Quote | None:
    """'"That makes me smart" -- and, when questioned, asserting, "Of course, I pay …"': marked words the frame opens with,
    before the other quote's cue, are a quote of their own; the frame's other words go."""
    if direct.cue is None:
        return None
    lead = _LEADING_MARKS.match(frame.text, 0, direct.cue.start - frame.start)
    if lead is None:
        return None
    start, end = frame.start + lead.start(1), frame.start + lead.end(1)
    return replace(frame, text=lead.group(1), start=start, end=end, kind="direct")


class _ArticleExtraction:
    """State for one news article: previous speaker, people named so far."""

    def __init__(
        self, text: str, parsed: list[tuple[int, Doc]], title: str = "", rules: RuleConfig = DEFAULT_RULES,
        learned: list[LearnedAttribution] | None = None, narrated: bool = False,
    ) -> None:
        self.text = text
        self.narrated = narrated
        self.learned = learned or []  # the tagger's attributions, in text order
        self.rules = rules
        self.title = title
        self.names: DocumentNames | None = None  # built on the first speaker label, if any
        self.parsed = parsed
        self.marked = find_marked_spans(text)
        self.last_speaker: SpeakerRef | None = None
        self.last_speaker_para = -10
        self.people: list[PersonMention] = []  # every person mentioned, in order
        self.genders: dict[str, str] = {}  # what the document says of each name's gender
        self.rejected: Counter[str] = Counter()  # what was not kept, by kind of noise
        self.noise: dict[int, Rejected | None] = {}
        self.surnames: dict[str, set[str]] = {}  # last words of the document's PERSON names, with their full names
        self.scare_quotes: set[tuple[int, int]] = set()
        self.orgs: list[tuple[int, str]] = []
        self.subject_orgs: set[int] = set()  # where an organisation is named as a clause's subject
        self.introduced_orgs: list[tuple[int, str, str]] = []  # 'utility Duke Energy': where, the name, the noun before it
        self.joint: set[tuple[int, int]] = set()  # where two people named together speak ('Pelosi and Schumer said')
        self.main_subject_orgs: set[int] = set()  # ... as a sentence's subject, not one of what someone said
        self._plurals: list[tuple[int, int, Token]] | None = None  # plural nouns, read at the first "they" (_plural_antecedent)
        self.passers: dict[int, SpeakerRef] = {}  # id of a quote passed on by someone -> who passed it on (_marked_sieve)
        self.passed_on_from: dict[str, str] = {}  # who passed words on -> whose words they were, last time (_pronoun)
        self._authored: list[tuple[int, str, SpeakerRef | None]] | None = None  # reports introduced, read at the first "the report"
        self.titled: dict[str, SpeakerRef] = {}  # the last titled mention of each name, for "he said" after it
        self.apposed: set[int] = set()  # ids of the speakers whose title and organisation an apposition gave
        self.pronouns: dict[tuple[int, int], SpeakerRef] = {}  # each he/she resolved, by where it stands
        self.subject_pronouns: list[SubjectPronoun] = []  # the narration's "he" and "she" that are a clause's subject
        self.sentence_starts: list[int] = []  # where each sentence of the document starts, in order
        self.issued: list[tuple[int, SpeakerRef]] = []  # who issued each statement, letter, advisory named so far
        self.quoted_orgs: list[tuple[int, SpeakerRef, str]] = []  # organisations quoted so far, with their cue's lemma
        self.announced: tuple[int, SpeakerRef, Span | None] | None = None  # 'The governor added:' ending paragraph i

    def run(self) -> list[Quote]:
        quotes: list[Quote] = []
        self.noise = {i: paragraph_noise(doc_text(doc)) for i, (_, doc) in enumerate(self.parsed)}
        prose = [(base, doc) for i, (base, doc) in enumerate(self.parsed) if self.noise[i] is None]
        self.surnames = surnames = person_surnames([doc for _, doc in prose])
        places = place_words([doc for _, doc in prose], surnames)
        for base, doc in prose:  # a caption's names are nobody's antecedents
            if not _name_line(doc):  # nor a byline's ('John Battersby' between an interview's paragraphs)
                self.people.extend(read_people(base, doc, self.genders, surnames, places))
            for ent in doc.ents:
                if ent.label_ == "ORG":
                    self.orgs.append((base + ent.start_char, clean_name(ent.text)))
                    if (noun := _introducing_noun(ent)) is not None:
                        self.introduced_orgs.append((base + ent.start_char, clean_name(joined_name_run(ent).text), noun))
                    if salience(ent.root) >= SUBJECT or _staff_of_the_subject(ent.root):
                        self.subject_orgs.add(base + ent.start_char)
                    if salience(ent.root) == MAIN_SUBJECT:
                        self.main_subject_orgs.add(base + ent.start_char)
        for base, doc in prose:  # "The former president spoke …": the holder of that office the document named before
            for office in read_offices(base, doc):
                if (holder := office_holder(office.office, office.qualifiers, self.people, office.pos)) is not None:
                    self.people.append(
                        PersonMention(office.pos, holder, None, office.sentence, office.rank, frozenset({office.office}), office=office.office.capitalize())
                    )
        for person in self.people:  # a name inside someone's quoted words is not whom the narration's "he" means
            if self._quoted_at(person.pos):
                person.rank = QUOTED
        self.subject_pronouns = [s for base, doc in prose for s in subject_pronouns(base, doc) if not self._quoted_at(s.pos)]
        self.sentence_starts = [base + sent.start_char for base, doc in self.parsed for sent in doc.sents]
        for index, (base, doc) in enumerate(self.parsed):
            quotes.extend(self._paragraph(index, base, doc))
        _name_office_descriptions(quotes, self.people, self.rules)
        _resolve_names(quotes, self.people, self.rules.surname_recency_chars, self.apposed, self.text)
        _name_spokespeople_named_after(quotes, self.rules.spokesperson_named_after_chars)
        _sources_described_before(quotes, self.text, self.rules.described_source_recency_chars)
        _given_names_in_full(quotes, self.text, self.surnames)
        _full_organisation_names(quotes, [name for _, name in self.orgs])
        _spelled_out_acronyms(quotes, [name for _, name in self.orgs])
        _name_introduced_roles(quotes, self.people, self.rules.document_recency_chars)
        _name_described_roles(quotes, self.people, self.rules.surname_recency_chars)
        _name_epithets(quotes, self.people, self.rules.epithet_recency_chars)
        full = list(dict.fromkeys(n for n in [*(q.speaker.name for q in quotes), *(p.name for p in self.people)] if n and len(n.split()) >= 2))
        for q in quotes:  # "according to Lapan": the outer source by the full name the document gives him ('the Times' too)
            if q.reported_by and (one := re.fullmatch(r"(?:the )?([A-Z][\w’'-]+)", q.reported_by)):
                q.reported_by = _match_surname(one.group(1), full) or q.reported_by
        for q in quotes:
            s = q.speaker
            if s.name and not s.is_organization:
                s.gender = s.gender or self.genders.get(s.name) or first_name_gender(s.name) or gender_of_title(s.title)
        return quotes

    # -- one paragraph -----------------------------------------------------------------------
    def nested_in_turns(self, turns: list[Quote]) -> list[Quote]:
        """Quotations a transcript's speaker reads out ('The President said "…"'): the named person's, reported by the speaker."""
        out: list[Quote] = []
        self.noise = {}
        offices = [o for base, doc in self.parsed for o in read_offices(base, doc) if _US_OFFICE.fullmatch(o.office)]
        people = [base + e.start_char for base, doc in self.parsed for e in doc.ents if is_person(e)]
        for index, (base, doc) in enumerate(self.parsed):
            turn = next((t for t in turns if t.start <= base + len(doc_text(doc)) and base <= t.end and t.start >= base), None)
            if turn is None:
                continue
            for q in self._paragraph(index, base, doc, in_turn=True):
                if q.speaker.resolution == "pronoun" and q.speaker.name is None and q.speaker.mention is not None:
                    # the office named in this speaker's turns so far, with nobody named since
                    opened = _block_start(turns, turn)
                    said = q.speaker.mention.start
                    named = [o for o in offices if opened <= o.pos < said and not any(o.pos < p < said for p in people)]
                    q.speaker = _turn_office(q.speaker, named) or q.speaker
                inside = turn.start <= q.start and q.end <= turn.end
                if inside and q.kind in ("direct", "mixed", "indirect") and _someone_else(q.speaker, turn.speaker, self.joint):
                    q.reported_by = turn.speaker.name or turn.speaker.description
                    out.append(q)
        return out

    def _paragraph(self, index: int, base: int, doc: Doc, in_turn: bool = False) -> list[Quote]:
        noise = self.noise.get(index)
        if noise is not None:
            self.rejected[noise.value] += 1
            if self.last_speaker_para == index - 1 and is_stage_direction(doc_text(doc)):
                self.last_speaker_para = index  # a quotation running on past a "(CROSSTALK.)" is still its speaker's
            return []
        turn = None if in_turn or Sieve.SPEAKER_LABELS not in self.rules.sieves else self._turn(base, doc)
        if turn is not None:  # an interview transcript inside an article: "PENCE: Well, ..."
            self.last_speaker, self.last_speaker_para = turn.speaker, index
            return [turn]
        if not in_turn and _headline(doc):
            self.rejected[Rejected.HEADLINE.value] += 1
            return []
        unit = self._unit(index, base, doc, in_turn)
        for sieve, step in self._paragraph_sieves():
            if sieve in self.rules.sieves:
                unit.found += [(q.start, q) for q in step(unit)]
        if not in_turn and not unit.found and not unit.marked and (block := self._block_quote(index, base, doc)) is not None:
            unit.found.append((block.start, block))
        quotes: list[Quote] = []
        events, outer_of = _nest(unit.found)
        for _, q in sorted(events, key=lambda e: e[0]):
            inherited = False
            if q.speaker.resolution == "inherit":
                narrated = None if quotes else self._narrated_subject(q, base, doc, unit.ents)
                if narrated is not None:
                    q.speaker = narrated
                elif self.last_speaker is None or index - self.last_speaker_para > 1:
                    continue
                else:
                    q.speaker, inherited = _copy(self.last_speaker), True
            # the previous speaker's "she" was read where it was written ('a spokesperson from … said …. "…," she
            # wrote. "…"'): read again here, it could mean whoever the narration named last
            if not inherited and q.speaker.resolution == "pronoun" and q.speaker.name is None and q.speaker.mention is not None:
                said = (_own_view_holder_end(q, base, doc) or q.start, q.end)
                owned = q.speaker.description  # 'its ruling': what stays the description when no one is found for "its"
                if not _its_thing(doc, base, q.speaker.mention):
                    q.speaker = self._pronoun(q.speaker.mention, said, _relative_head(doc, base, q.speaker.mention))
                if q.speaker.name is None and q.speaker.mention is not None and q.speaker.description == q.speaker.mention.text and owned:
                    q.speaker.description = owned
            if self.narrated and self._by_the_narrator(q.speaker):
                # 'I wonder if …', 'What I am saying is …', 'I ask how she …': the author's own words and questions, and a
                # generic "you" ('you tend to insist that …') is no one; the quotation after the author's question is still
                # the previous speaker's (an interview's answers), never the author's
                self.rejected[Rejected.NARRATOR.value] += 1
                if self.last_speaker is not None and index - self.last_speaker_para <= 1:
                    self.last_speaker_para = index
                continue
            # "the president said …" named now, not at the end: the "he said" of the next paragraph may mean him
            _name_office_descriptions([q], self.people, self.rules)
            self._name_described_source(q)
            self._name_owning_body(q)
            self._note_sources(q, base, doc)
            outer = outer_of.get(id(q))
            if outer is not None:
                # an outer quote already passed on by someone ("according to the AP, …") passes this one on too
                q.reported_by = outer.reported_by or self._source_name(outer.speaker)
                if outer.speaker.name and not outer.speaker.is_organization and outer.speaker.mention is not None:
                    self.people.append(_speaking(outer.speaker.mention.start, outer.speaker.name, base, doc))
            quotes.append(q)
            # 'Mulvaney said Trump told him it was a "corrupt place." "Everybody knows …"': the words after a quote passed
            # on are the one who passed it on's
            self.last_speaker = self.passers.pop(id(q), q.speaker)
            self.last_speaker_para = index
            if q.speaker.name and not q.speaker.is_organization and q.speaker.mention is not None:
                # 'But, he added, Trump is unlike …': a speaker whose cue interrupts the words outranks whom they speak of
                parenthetical = q.start <= q.speaker.mention.start < q.end
                self.people.append(_speaking(q.speaker.mention.start, q.speaker.name, base, doc, SPEAKING if parenthetical else MAIN_SUBJECT))
        self._announce(index, base, unit.cues, unit.ents)
        return quotes

    def _quoted_at(self, pos: int) -> bool:
        """Whether a position lies inside someone's quoted words (a marked span)."""
        return any(m.start <= pos < m.end for m in self.marked)

    def _by_the_narrator(self, s: SpeakerRef) -> bool:
        """A speaker that is the article's own "I" or "we" (its author) or "you" (the reader: 'If you asked them what they
        need, they would ask for …'), outside anyone's quoted words."""
        if s.name or s.mention is None or (s.description or "").strip().lower() not in NARRATOR_PRONOUNS:
            return False
        return not self._quoted_at(s.mention.start)

    def _narrated_subject(self, q: Quote, base: int, doc: Doc, ents: list[SpacySpan]) -> SpeakerRef | None:
        """'Sen. Bernie Sanders … identified young voters' exhaustion with bigotry as one of the reasons … "The younger
        people are … sick and tired of discrimination."': a quotation with no cue, right after a sentence of its paragraph
        whose subject is a person, is that person's, not the previous quote's speaker's."""
        before = [sent for sent in doc.sents if base + sent.end_char <= q.start]
        if not before or self.text[base + before[-1].end_char : q.start].strip(" \"“‘'"):
            return None
        root = before[-1].root
        subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
        if root.pos_ not in {"VERB", "AUX"} or subject is None or not (subject.ent_type_ == "PERSON" or subject.lower_ in {"he", "she"}):
            return None
        return self._speaker(subject, base, ents)

    def _unit(self, index: int, base: int, doc: Doc, in_turn: bool) -> _Unit:
        """A paragraph's marked spans and cues, read once for every sieve."""
        end = base + len(doc_text(doc))
        marked = [m for m in self.marked if base <= m.start < end]
        if len(marked) > MAX_MARKS_PER_UNIT:
            marked = []  # thousands of quotation marks in one paragraph is not prose
        signed = [] if in_turn or Sieve.SIGNED not in self.rules.sieves else self._signed(base, doc)
        marked = [m for m in marked if not any(_overlap((m.start, m.end), (q.start, q.end)) for q in signed)]
        inside = {t.i for m in marked for t in doc.char_span(m.start - base, m.end - base, alignment_mode="expand") or []}
        sents = [sent for sent in doc.sents if len(sent) <= MAX_SENTENCE_TOKENS]
        cues = [c for sent in sents for c in self._cues(sent, inside)]
        return _Unit(index, base, doc, in_turn, signed, marked, list(doc.ents), sents, inside, cues)

    def _paragraph_sieves(self) -> list[tuple[Sieve, Callable[[_Unit], list[Quote]]]]:
        """The sieves that read one paragraph, in their declared order."""
        steps: dict[Sieve, Callable[[_Unit], list[Quote]]] = {
            Sieve.SIGNED: lambda unit: unit.signed,
            Sieve.MARKED: self._marked_sieve,
            Sieve.REPORTED: lambda unit: self._cue_sieve(unit, Sieve.REPORTED),
            Sieve.ACCORDING_TO: lambda unit: self._cue_sieve(unit, Sieve.ACCORDING_TO),
            Sieve.CLAIM_NOUNS: lambda unit: self._cue_sieve(unit, Sieve.CLAIM_NOUNS),
            Sieve.LEARNED: self._learned_sieve,
        }
        return [(sieve, steps[sieve]) for sieve in Sieve if sieve in steps]

    def _marked_sieve(self, unit: _Unit) -> list[Quote]:
        """Quotation marks with a speech cue in or right after their sentence, or the previous speaker's."""
        found = (self._marked_quote(m, unit.base, unit.sents, unit.marked, unit.cues, unit.ents, unit.used_cues) for m in unit.marked)
        quotes = [q for q in found if q is not None]
        for q in quotes:  # 'Reuters, citing a source, said: "…"': the source's words, as Reuters passed them on
            cue = next((c for c in unit.cues if q.cue is not None and unit.base + c.start == q.cue.start), None)
            if cue is not None and cue.passed_on_by is not None and q.reported_by is None:
                q.reported_by = self._passed_on_by(cue, unit.base, unit.ents)
            elif cue is not None and q.reported_by is None and (outer := _speech_it_is_said_in(cue, q.start - unit.base, q.end - unit.base)) is not None:
                # 'Gutiérrez said Mr. Kelly told the group that "…"': Kelly's words, as Gutiérrez passed them on
                passer = self._speaker(self._subject(outer), unit.base, unit.ents)
                q.reported_by = self._source_name(passer) if passer is not None else None
                if passer is not None:
                    self.passers[id(q)] = passer
                    if passer.name and q.speaker.name:
                        self.passed_on_from[passer.name] = q.speaker.name
        return quotes

    def _passed_on_by(self, cue: Cue, base: int, ents: list[SpacySpan]) -> str | None:
        """How a citation names whoever passed the cue's words on; an outlet among them is one "the newspaper" may mean."""
        outer = self._speaker(cue.passed_on_by, base, ents) if cue.passed_on_by is not None else None
        if outer is None:
            return None
        if outer.name and outer.is_organization and outer.mention is not None:
            self.quoted_orgs.append((outer.mention.start, _copy(outer), cue.passed_on_by.head.lemma_.lower()))
        return self._source_name(outer)

    def _cue_sieve(self, unit: _Unit, sieve: Sieve) -> list[Quote]:
        """What a cue of this sieve's kind says, where no earlier sieve used the cue."""
        out = []
        for cue in unit.cues:
            if cue.sieve is not sieve or id(cue) in unit.used_cues or cue.content is None and not cue.according_to and not cue.objects and not cue.before:
                continue
            q = self._reported(cue, unit.base, unit.doc, unit.ents, unit.inside)
            if q is not None:
                out.append(q)
        return out

    def _learned_sieve(self, unit: _Unit) -> list[Quote]:
        """The tagger's whole attributions inside this paragraph where no rule found a quote (never inside a transcript's turn)."""
        if unit.in_turn:
            return []
        found = list(unit.found)  # what the rules found, then each quote this sieve adds
        for a in self.learned:
            if unit.base <= a.content[0].start and a.content[-1].end <= unit.end:  # never across paragraphs or cut units
                q = self._learned(a, unit.base, unit.doc, unit.ents, found)
                if q is not None:
                    found.append((q.start, q))
        return [q for _, q in found[len(unit.found) :]]

    def _name_described_source(self, q: Quote) -> None:
        """'the statement said', 'the newspaper noted', 'the department said': who the document named for it before.

        A statement, letter or advisory is its issuer's, the one named last (within `document_recency_chars`) as issuing
        one ("a statement from the Department …", "Oakley said in a statement", "according to a campaign advisory");
        a newspaper is the news outlet quoted last; "the department" the organisation with that word in its name named
        last. Nothing named before: the description stays.
        """
        s = q.speaker
        description = (s.description or "").strip()
        # 'the news release', 'the joint statement': a document by the kind of statement it is
        m = re.fullmatch(r"(?i)the\s+(?:(?:news|press|joint|written|new|full|final)\s+)?([a-z-]+)", description) or _RULE_SOURCE.match(description)
        if s.name or s.resolution != "nominal" or m is None:
            return
        noun, at = m.group(1).lower(), s.mention.start if s.mention else q.start
        recent = self.rules.document_recency_chars
        found: SpeakerRef | None = None
        introduced = [(pos, name) for pos, name, kind in self.introduced_orgs if kind == noun and 0 < at - pos <= recent]
        if introduced:  # 'utility Duke Energy said. …, the utility said': the body the text introduced as one
            found = SpeakerRef(name=re.sub(r"^(?i:the)\s+", "", max(introduced)[1]), resolution="named", is_organization=True)
        elif noun in DOCUMENT_NOUNS or noun.split("-")[-1] in DOCUMENT_NOUNS or noun in RULE_NOUNS:
            issued = [(pos, who) for pos, who in self.issued if 0 < at - pos <= recent]
            found = max(issued, key=lambda e: e[0])[1] if issued else None
            # 'Brown wrote in a letter … Brown's words come in response to Trump's memorandum … "…," the memo states': a
            # document of that kind introduced with its author since is the one meant
            since = self._authored_since(noun, max((pos for pos, _ in issued), default=at - recent), at)
            found = since or found
        elif noun in MEDIA_NOUNS:
            outlets = [
                (pos, who) for pos, who, cue in self.quoted_orgs
                if 0 < at - pos <= recent and (cue == "report" or any(w.lower() in MEDIA_NAME_WORDS for w in (who.name or "").split()))
            ]
            found = max(outlets, key=lambda e: e[0])[1] if outlets else None
        elif (body := self._body_called(noun, at)) is not None:
            found = SpeakerRef(name=body, resolution="named", is_organization=True)
        if found is None and noun in AUTHORED_NOUNS - MEDIA_NOUNS:  # "the paper" is a newspaper
            found = self._author_named_before(noun, at)
        if found is not None and found.name:
            s.name, s.is_organization, s.resolution = found.name, found.is_organization or noun in MEDIA_NOUNS, "named"
            s.title, s.organization = s.title or found.title, s.organization or found.organization
            s.description = None

    def _body_called(self, noun: str, at: int, since: int | None = None, quoted: bool = False) -> str | None:
        """The body "the department", "the group" or "the company" means at `at`: the organisation with that word in its
        name named last (within `document_recency_chars`, or since `since`); for a word any body may go by, the one a
        recent clause had for its subject (with `quoted`, a clause of what someone said too)."""
        if noun not in ORGANIZATION_HEADS | GENERIC_ORGANIZATION_HEADS:
            return None
        since = at - self.rules.document_recency_chars if since is None else since
        recent = [(pos, name) for pos, name in self.orgs if since <= pos < at]
        named = [(pos, name) for pos, name in recent if noun in name.lower().split()]
        if not named and noun in GENERIC_ORGANIZATION_HEADS:
            named = [
                (pos, name) for pos, name in recent if pos in self.subject_orgs and (quoted or not self._quoted_at(pos)) and self._goes_by(name, noun)
            ]
        return re.sub(r"^(?i:the)\s+", "", max(named)[1]) if named else None

    def _name_owning_body(self, q: Quote) -> None:
        """'The Institute of Electrical and Electronics Engineers Inc. called it a positive step … "…," said the group's
        president, Jim Jefferies': he works for the body "the group" means, when the sentence or the one before names it."""
        s = q.speaker
        m = re.match(r"(?i)the\s+([a-z]+)['’]s\s", s.mention.text) if s.mention is not None else None
        if m is None or s.mention is None or not s.name or s.is_organization or s.organization or not s.title:
            return
        k = bisect.bisect_right(self.sentence_starts, s.mention.start) - 1
        since = self.sentence_starts[max(0, k - 1)] if k >= 0 else 0
        s.organization = self._body_called(m.group(1).lower(), s.mention.start, since=since, quoted=True)

    def _author_named_before(self, noun: str, at: int) -> SpeakerRef | None:
        """'Special Counsel Robert Mueller's report was released Thursday. … the report said': the author of the report the
        document last introduced, when it gave one ('a Syracuse University study', 'a report by the GAO'); a report it
        introduced since without an author ('a new report') leaves "the report" unknown."""
        before = [who for pos, who in self._documents_like(noun) if pos < at]
        return _copy(before[-1]) if before and before[-1] is not None else None

    def _authored_since(self, noun: str, after: int, at: int) -> SpeakerRef | None:
        """The author of the last document of this kind ("memo" and "memorandum" alike) the text introduced between `after`
        and `at` with an author ('Trump's memorandum'), or None."""
        named = [who for pos, who in self._documents_like(noun) if after < pos < at and who is not None]
        return _copy(named[-1]) if named else None

    def _documents_like(self, noun: str) -> list[tuple[int, SpeakerRef | None]]:
        """(offset, author) of every document of this noun's kind the narration introduced ("memo" and "memorandum" alike),
        in text order; the documents are read once, at the first that is asked for."""
        if self._authored is None:
            prose = [(base, doc) for i, (base, doc) in enumerate(self.parsed) if self.noise.get(i) is None]  # no headline's
            self._authored = _authored_documents(prose, self.marked)
        kinds = next((family for family in _SAME_DOCUMENT if noun in family), frozenset({noun}))
        return [(pos, who) for pos, kind, who in self._authored if kind in kinds]

    def _goes_by(self, name: str, noun: str) -> bool:
        """Whether an organisation the tagger named may be "the group", "the company" or "the agency": a part of government
        only for "agency", never a news outlet, never a person the tagger took for a body ("Trump", "Rosa DeLauro")."""
        words = [w.lower().strip(".,") for w in name.split()]
        if any(w in MEDIA_NAME_WORDS for w in words) or name.split()[-1] in self.surnames:
            return False
        if noun == "agency":
            return any(w in AGENCY_NAME_WORDS for w in words) or name.isupper() and 2 <= len(name) <= 6
        return not any(w in GOVERNMENT_NAME_WORDS for w in words) and "white" not in words

    def _note_sources(self, q: Quote, base: int, doc: Doc) -> None:
        """Remember a named source that issued a document ("said in a statement", "The DHS fact-sheet … says") or an
        organisation quoted, for the descriptions that refer back to them."""
        s = q.speaker
        at = s.mention.start if s.mention else q.start
        if not s.name:  # "the Departments of Justice and Homeland Security announced": a name the store will give it
            named = proper_name(s.description or "") if s.resolution == "nominal" else None
            if named is None:
                return
            s = SpeakerRef(name=named[0], resolution="named", is_organization=named[1])
        cue = _cue_lemma(q, base, doc)
        # 'Politico reported that …': a one-word name that is no given name, no surname of a person the document names in
        # full, nor written after an abbreviated title, reports as an outlet does, though the tagger did not call it one
        reporting = cue == "report" and bool(re.fullmatch(r"[A-Z][\w’'-]+", s.name or "")) and not first_name_gender(s.name or "") and not any(
            len(full.split()) >= 2 for full in self.surnames.get(s.name or "", ())
        ) and not re.search(rf"\b[A-Z][a-z]{{1,4}}\.\s+{re.escape(s.name or '')}\b", self.text)  # 'Citing Gen. Prayuth, …': a person
        if s.is_organization or reporting:
            self.quoted_orgs.append((at, _copy(s), cue))
        where = q.cue.start if q.cue is not None else at
        sentence = next((sent for sent in doc.sents if base + sent.start_char <= where < base + sent.end_char), None)
        if sentence is None:
            return
        # the document named outside the words said, or as their source ("according to a campaign advisory"), even where
        # the reported clause runs on over it; or the source announced what later sentences cite ("… announced Monday that")
        # near the cue or the speaker, or the words' source: not 'an email' at the end of the next cue's words ('It
        # notes that … -- but says … as long as an analyst knows an email address')
        if cue in ISSUING_CUES or any(
            (t.lemma_.lower() in DOCUMENT_NOUNS or t.lower_ in DOCUMENT_NOUNS) and (
                not q.start <= base + t.idx < q.end and min(abs(base + t.idx - where), abs(base + t.idx - at)) <= _DOCUMENT_NEAR_CHARS
                or _according_to(t)
            )
            for t in sentence
        ):
            self.issued.append((at, _copy(s)))

    def _announce(self, index: int, base: int, cues: list[Cue], ents: list[SpacySpan]) -> None:
        """'He said:' at the end of a paragraph: the quotation in the next paragraph is his."""
        paragraph_end = self.text.find("\n", base)
        last_line = self.text[base : paragraph_end if paragraph_end >= 0 else len(self.text)].rstrip()
        if not last_line.endswith(":"):
            return
        colon = base + len(last_line) - 1
        # the cue right before the colon ('The governor added:'), not one with its own clause ('suggested that she has
        # the following tasks:'), whose words run on into the next paragraph
        closing = [c for c in cues if c.subject is not None and c.subject.lower_ != "you" and _words(self.text[base + c.end : colon]) <= 3 and _introduces_a_block(c)]
        subject, cue = (closing[-1].subject, Span(closing[-1].text, base + closing[-1].start, base + closing[-1].end)) if closing else _introducing(self.parsed[index][1], base)
        if subject is None:
            return
        speaker = self._speaker(subject, base, ents)
        if speaker is not None and speaker.resolution == "pronoun" and speaker.name is None and speaker.mention is not None:
            speaker = self._pronoun(speaker.mention)
        if speaker is not None:
            self.last_speaker, self.last_speaker_para = speaker, index
            self.announced = (index, speaker, cue)

    def _block_quote(self, index: int, base: int, doc: Doc) -> Quote | None:
        """The paragraph after 'The governor added:' printed as a block, without quotation marks: the speaker's words."""
        if self.announced is None or self.announced[0] != index - 1 or _words(doc_text(doc)) < self.rules.floating_min_words:
            return None
        if not (doc_text(doc)[:1].isalnum() or doc_text(doc)[:1] in "…“\"‘"):
            return None  # an embedded post's markup ('<tweet …>') or a list's bullet, not prose said
        _, speaker, cue = self.announced
        s, e = _trim(self.text, base, base + len(doc_text(doc)))
        if self.text[s] in "“\"‘":
            s += 1  # a quotation opened here and closed in a later paragraph, or never: the words, not the mark
        if self.text[e - 1] in "”\"’" and e - 1 > s:
            e -= 1
        return Quote(text=self.text[s:e], start=s, end=e, kind="direct", speaker=_copy(speaker), cue=cue, confidence=self.rules.floating)

    def _signed(self, base: int, doc: Doc) -> list[Quote]:
        """'Any deal on DACA … Make a deal! — Donald J. Trump (@realDonaldTrump) February 5, 2018' (an embedded tweet) or
        '“He represents our greatest shame.” ― Sonya Herridge' (pull quotes, several to a paragraph): the signer's words."""
        tweet = _TWEET_SIGNOFF.fullmatch(doc_text(doc))
        found = []
        for m in [tweet] if tweet else _QUOTE_SIGNOFF.finditer(doc_text(doc)):
            signed = m.end("name") if tweet else _signer_end(doc, m)
            if signed is None:
                continue
            # a tweet is signed by its account's name ('St. Pete Police'); a pull quote by a person, often with an office
            title, org, name = (None, None, clean_name(m.group("name"))) if tweet else _signer(doc_text(doc)[m.start("name") : signed])
            if len(name.split()) < 2 or speaker_noise(name) is not None:
                continue
            s, e = _without_links(self.text, *_trim(self.text, base + m.start("words"), base + m.end("words")))
            if _words(self.text[s:e]) < 3:
                continue
            mention = Span(self.text[base + m.start("name") : base + signed], base + m.start("name"), base + signed)
            speaker = SpeakerRef(name=name, resolution="named", title=title, organization=org, mention=mention)
            found.append(Quote(text=self.text[s:e], start=s, end=e, kind="direct", speaker=speaker, confidence=self.rules.signed))
        return found

    def _turn(self, base: int, doc: Doc) -> Quote | None:
        para = doc_text(doc)
        lead = 1 if para[:1] in "\"“" else 0
        m = label_of(para[lead:])
        if not m:
            return None
        s, e = _trim(self.text, base + lead + m.end(), base + len(para))
        e = without_closing_directions(self.text, s, e)
        if e > s and self.text[e - 1] in "\"”" and self.text.count("“", s, e) < self.text.count("”", s, e) + (lead and self.text[e - 1] == '"'):
            e -= 1
        if _words(self.text[s:e]) < 2:
            return None
        if self.names is None:
            self.names = DocumentNames.of(self.title, self.text)
        speaker = label_speaker(label_text(m), base + lead, self.names, self.text[s:e])
        if not self._person_like_label(label_text(m), speaker):
            self.rejected[Rejected.LABEL.value] += 1
            return None
        kind = "question" if speaker.description == REPORTER and speaker.name is None else "turn"
        return Quote(text=self.text[s:e], start=s, end=e, kind=kind, speaker=speaker, confidence=self.rules.embedded_turn)

    def _cues(self, sent: SpacySpan, inside: set[int]) -> Iterator[Cue]:
        for tok in sent:
            if tok.i in inside:
                continue
            if _opens_according_to(tok):
                to = tok.doc[tok.i + 1]
                objs = [c for c in to.children if c.dep_ == "pobj"] or [c for c in tok.children if c.dep_ == "pobj"]
                if objs:
                    end = to.idx + len(to)
                    yield Cue(tok.idx, end, doc_text(tok.doc)[tok.idx : end], objs[0], None, sent, {tok.i, to.i}, sieve=Sieve.ACCORDING_TO)
                continue
            lemma = tok.lemma_.lower()
            if (owner := _owner_before_colon(tok, inside)) is not None:
                # 'Her statement continued: "…"', "The President's answer was: …": the owner's words, in the marks after the colon
                yield Cue(tok.idx, tok.idx + len(tok), tok.text, owner, None, sent, {tok.i}, sieve=Sieve.CLAIM_NOUNS)
                continue
            if tok.pos_ == "NOUN" and lemma in CLAIM_NOUNS:
                # "Trump's claim that ...": the possessor says, the that-clause is what was said
                owner = _owner(tok, inside)
                clause = next((c for c in tok.children if c.dep_ in {"acl", "ccomp", "relcl"} and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)), None)
                clause = clause or (_detached_claim_clause(tok) if owner is not None else None)
                if owner is not None and clause is not None:
                    yield Cue(tok.idx, tok.idx + len(tok), tok.text, owner, clause, sent, {tok.i}, sieve=Sieve.CLAIM_NOUNS)
                continue
            if tok.dep_ == "amod" and not _inverted_cue_read_as_modifier(tok) or _had_done(tok):
                continue  # "proposed policies": a participle describing a noun, not a verb of speech; nor 'to have it confirmed'
            is_verb = tok.pos_ in {"VERB", "AUX"} or tok.tag_.startswith("VB")
            # the parser takes the particle of "shot back" for an adverb as often as for a particle
            particle = next((c for c in tok.children if c.dep_ == "prt" or c.dep_ == "advmod" and (lemma, c.lower_) in SPEECH_PHRASAL), None)
            particle = particle or (_put_it(tok) if lemma == "put" else None)
            phrasal = particle is not None and (lemma, particle.lower_) in SPEECH_PHRASAL
            if not is_verb or not (lemma in SPEECH_VERBS or phrasal or "-" in tok.text and tok.text.split("-")[0].lower() == "tap"):
                continue
            if tok.pos_ == "AUX" and lemma not in {"say"}:
                continue
            if _reporting_aside(tok) is not None and tok.dep_ == "ccomp" and tok.head.i < tok.i and tok.head.lemma_.lower() in SPEECH_VERBS:
                continue  # 'He said a poll showed …, the Post reported': the outer source of the cue above, read with it
            if _inferred(tok) or _thing_infers(tok, self.surnames):
                continue  # 'a statement that suggests she …', 'the government signaled it …': the writer's reading of a thing
            if _refusing(tok) or _supposed(tok) or _a_course(tok) or _named_so(tok) or _phoned(tok) or _said_of_its_subject(tok) or _in_store(tok) or _discourse_marker(tok) or _asks_whether(tok) or _was_asked(tok):
                continue
            if _asked_to_say(tok):
                continue  # 'wants everyone to call it …', 'asked residents to report …': no one is said to have said it
            if lemma == "blame" and tok.dep_ == "xcomp" and tok.head.lemma_ == "be":
                continue  # 'the media are to blame for …': the idiom says who is at fault; nobody blames anyone aloud
            if lemma == "add" and any(c.dep_ == "prep" and c.lower_ == "to" for c in tok.children):
                continue  # "would only make matters worse and add to the backlog": to increase, not to say more
            if lemma == "continue" and any(c.dep_ == "xcomp" or c.dep_ == "aux" and c.lower_ != "did" for c in tok.children):
                continue  # "the numbers could continue to grow", 'That offensive will continue': going on, not going on speaking
            if any(c.dep_ == "dobj" and c.ent_type_ in {"MONEY", "QUANTITY", "PERCENT"} for c in tok.children):
                continue  # "pledge $10,000 for the re-election bid": money promised, not words said
            if lemma == "write" and tok.tag_ == "VBN" and any(c.dep_ in {"mark", "advmod"} and c.lower_ == "as" and c.i < tok.i for c in tok.children):
                continue  # "whether the amendment, as written, would apply": the text as it stands, not an act of writing
            subject = self._subject(tok)
            if subject is not None and (_nobody(subject) or _share_polled(subject)):
                # 'There is no law that says …', 'Nothing in the statute says …', 'No one said …': nobody said it; '65 percent
                # of native-born citizens said …': what a poll found, which no one can be cited for
                continue
            if subject is not None and subject.i in inside:
                # '"…, it will at some point," said James Alton': the parse took a word of the quote for a second subject
                subject = next((c for c in tok.children if c.dep_ in _SUBJECTS and c.i not in inside), None) or _named_after_marks(tok) or _participle_speaker(tok, inside)
                if subject is None:
                    continue  # '"Every court" has said': the subject is quoted words, not a speaker
            # '… as Eric Garner said before he died': a clause of time the parse hangs on the cue is not what was said
            clauses = [c for c in tok.children if c.dep_ == "ccomp" and not _small_clause(tok, c) and not any(m.dep_ == "mark" and m.lower_ in _TIME_MARKS for m in c.children)]
            clauses = [c for c in clauses if not _claimed_by_noun(c, sent, inside) and not _joined_after(tok, c) and not _runs_into_inverted_cue(tok, c, subject)]
            # the clause after the verb, where the parse also hung one on it before ('Writing for a panel that agreed Pence
            # won, Barabak noted that …'); a clause before it only when it is the one ('"…," he said')
            content = next((c for c in clauses if c.i > tok.i), clauses[0] if clauses and not _acts_on_an_object(tok) else None)
            if content is None:
                content = next((c for c in tok.children if c.dep_ in {"parataxis"}), None) or _clause_after_phrase(tok) or _clause_after_addressee(tok)
            if content is None:
                obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
                colon = next((t for t in sent if t.i > tok.i and t.text == ":"), None)
                # 'stressed her support … and said she has …: "…"': a colon after the verb's own next act is that act's
                another_act = colon is not None and any(c.dep_ == "conj" and tok.i < c.i < colon.i for c in tok.children)
                if obj is not None and colon is not None and colon.i + 1 < sent.end and not another_act:
                    content = obj  # the object and the clause after the colon are what was said
            passed_on_by = None
            if subject is not None and (cited := _cited_source(tok, subject)) is not None:
                subject, passed_on_by = cited, subject  # 'CNN's Tal Kopan, citing an administration official, reported that …'
            if content is not None and content.i > tok.i and (aside := _reporting_aside(content)) is not None:
                content, passed_on_by = aside  # 'He said a poll showed …, the Post reported': the poll clause, reported by the Post
            objects: list[Token] = []
            # a cue in a clause of its own ('When the diagnosis was confirmed, Clinton …') is no parenthesis over the sentence
            parenthetical = content is None and tok.dep_ in {"parataxis", "advcl", "ccomp"} and tok.head.i != tok.i and subject is not None and not _not_a_parenthesis(tok) and not any(c.dep_ == "mark" or c.dep_ == "advmod" and c.tag_ == "WRB" for c in tok.children) and any(t.text == "," for t in sent if t.i == tok.i - 1 - len(list(subject.subtree)) or t.i == tok.i + 1)
            parenthetical = parenthetical or content is None and subject is not None and _as_cue(tok)
            if parenthetical:
                content = tok.head  # "Acts of protest, Mr. Obama said, are acts of patriotism": the rest of the sentence
            if content is None and lemma not in CLAUSAL_ONLY:
                # "criticized the act as a 'crazy system'", "called for a ban", "urged supporters to vote"
                objects = [
                    c for c in tok.children
                    if c.i > tok.i and (c.dep_ in {"dobj", "xcomp", "oprd"} or c.dep_ == "prep" and c.lower_ in OBJECT_PREPOSITIONS and not _on_a_platform(c))
                    and not (c.dep_ == "dobj" and lemma in ADDRESSEE_VERBS)
                ]
            before = _said_before(tok, subject, sent) if content is None and not objects and subject is not None else None
            end = (particle.idx + len(particle)) if phrasal and particle is not None else tok.idx + len(tok)
            yield Cue(tok.idx, end, doc_text(tok.doc)[tok.idx : end], subject, content, sent, {tok.i}, objects=objects, before=before, passed_on_by=passed_on_by)

    @staticmethod
    def _subject(verb: Token) -> Token | None:
        if (blamed := _reason_object(verb)) is not None:
            return blamed
        if (moved := _made_to_say(verb)) is not None:
            return moved
        if (shown := _shown_saying(verb)) is not None:
            return shown
        if (absolute := _absolute_subject(verb)) is not None:
            return absolute
        if (opened := _subject_read_as_object(verb)) is not None:
            return opened
        if (makers := _makers_of_the_thing(verb)) is not None:
            return makers
        if (quoted := _quoted_as_saying(verb)) is not None:
            return quoted
        if (inverted := _object_after_inverted_cue(verb)) is not None:
            return inverted
        if _inverted_cue_read_as_modifier(verb):
            return verb.head  # '“…!” tweeted Sen. Bob Casey (D., Pa.).': the name the parse hung the cue on speaks
        if (after_as := _subject_hung_on_as(verb)) is not None:
            return after_as
        node = verb
        if _next_act(verb) and verb.head.dep_ == "ccomp" and verb.head.head.lemma_.lower() in SPEECH_VERBS:
            node = verb.head.head  # 'He said Trump made an offer and urged Democrats to …': he urged (see _gloss_start)
        elif _next_act(verb) and verb.head.dep_ == "ccomp" and any(c.dep_ == "nsubj" and _mute_thing(c) for c in verb.head.children) and (
            said := next((a for a in verb.head.ancestors if a.lemma_.lower() in SPEECH_VERBS and any(c.dep_ in _SUBJECTS for c in a.children)), None)
        ) is not None:
            node = said  # 'Bush said he doesn't believe the expression is offensive and blamed Democrats …': an expression
            # blames no one; the one who said so does
        elif verb.dep_ == "advcl" and verb.tag_ == "VBG" and verb.head.dep_ == "ccomp" and verb.head.head.lemma_.lower() in SPEECH_VERBS and any(
            c.dep_ == "nsubjpass" or c.dep_ == "nsubj" and (c.pos_ == "PRON" or _mute_thing(c)) for c in verb.head.children
        ):
            node = verb.head.head  # 'Clinton told them that she believes …, saying that …': the parse hangs the speaker's next act on "believes";
            # 'The mayor said the budget failed …, arguing that …': a budget argues nothing; 'It said that members are
            # protected by the Secret Service, suggesting …': whoever a passive names, the one who said it suggests
        elif (
            verb.dep_ == "advcl" and _comma_gerund(verb) and verb.head.dep_ == "advcl"
            and verb.head.head.dep_ == "ccomp" and verb.head.head.head.lemma_.lower() in SPEECH_VERBS
        ):
            node = verb.head.head.head  # 'Trump said the results were rigged because they showed …, suggesting …': his next act,
            # hung on the reason the clause he said gives
        elif verb.dep_ == "advcl" and _comma_gerund(verb) and (over := _verb_over_noun_clause(verb.head)) is not None:
            node = over  # 'Johnson rejected Smith's claims that the order would lead to a surge …, insisting that …': the
            # parse hangs the next act on the claim the subject rejects; the one rejecting insists
        if verb.dep_ in {"xcomp", "advcl"} and _comma_gerund(verb) and (
            aside := next((c for c in verb.head.children if c.dep_ == "parataxis" and c.i < verb.i and c.lemma_.lower() in SPEECH_VERBS
                           and any(g.dep_ in _SUBJECTS for g in c.children)), None)
        ) is not None:
            node = aside  # 'The system shows "…", he said, claiming it put …': the parse makes "he said" an aside of the
            # clause he said and hangs his next act on that clause
        for _ in range(5):  # up a chain of clauses: 'forced to defend not paying …, saying' is the subject's
            subjects = [c for c in node.children if c.dep_ in _SUBJECTS]
            if len(subjects) > 1:
                subjects = [c for c in subjects if c.lower_.strip(".") not in SUFFIXES] or subjects  # 'Joseph R. Biden, Jr. declared'
                # 'The congressman, on his way to talks with Joe Biden, D-Del., said': a party's shorthand is the named one's
                subjects = [c for c in subjects if not _party_shorthand(c)] or subjects
                # 'said Waco police Sgt. W. Patrick Swanton': a title the parse cut off its name is no subject of its own
                subjects = [c for c in subjects if not any(_title_cut_off(c, o) for o in subjects)] or subjects
                # 'About a quarter of members polled before the decision to back him said …': a thing after "before" is the
                # subject of a clause of its own, which the parse flattened into the sentence (not 'This, after Obama said')
                subjects = [c for c in subjects if not (_mute_thing(c) and any(
                    m.dep_ == "mark" and m.lower_ in _TIME_MARKS and o.i < m.i < c.i for m in node.children for o in subjects
                ))] or subjects
            # two subjects is a misparse; the one nearest before the verb speaks ('…, something Mexican leaders say they won't do')
            subj = max((c for c in subjects if c.i < node.i), key=lambda c: c.i, default=subjects[0] if subjects else None)
            if subj is not None and _channel_read_as_subject(node, subj):
                node = node.head.head  # 'Cruz appeared on CNN declaring, "…"': the one who appeared declares, not the channel
                continue
            if subj is not None and subj.dep_ == "nsubjpass" and node.lemma_.lower() != "quote":
                by = _agent_of(node)
                if node.lemma_.lower() in ADDRESSEE_VERBS:
                    return by  # "Fox News is told …", "CBP was told …": the one told is no speaker; the teller only as the agent
                if by is not None:
                    return by  # 'Oz has been called a charlatan by fellow physicians': who calls him, not who is called
            if subj is not None and subj.dep_ == "csubj" and subj.pos_ in {"VERB", "AUX"}:
                return None  # 'claims that legalizing DREAMers would lead to …, while also pointing out': a clause speaks for no one
            if subj is not None:
                if subj.tag_ in {"WP", "WDT"} and node.dep_ == "relcl":
                    ante = _relative_antecedent(subj) or node.head  # "Lapan, who said ..." -> Lapan
                    for _ in range(3):  # "a report issued last week that described …": the report, not the week
                        if ante.ent_type_ not in {"DATE", "TIME"} or ante.head.i == ante.i:
                            break
                        ante = ante.head
                    if ante.lower_ in _NOBODY_IN_PARTICULAR:
                        return None  # "criticized by those who say …": nobody a staffer could cite
                    ante = ante if ante.pos_ in {"NOUN", "PROPN", "PRON"} else node.head  # 'a letter on Friday that …': the letter
                    issued = ante.lemma_.lower() in DOCUMENT_NOUNS and ante.head.lemma_.lower() in ISSUING_CUES
                    written = _document_word(ante) in DOCUMENT_NOUNS | WRITTEN_NOUNS and ante.head.lemma_.lower() in WRITING_VERBS
                    # 'the inspector general said in a new memo … that concluded …': the memo speaks for who said it in it
                    spoken_in = ante.dep_ == "pobj" and ante.head.lower_ == "in" and _document_word(ante) in DOCUMENT_NOUNS | WRITTEN_NOUNS and (
                        ante.head.head.lemma_.lower() in SPEECH_VERBS
                    )
                    if ante.dep_ == "dobj" and (issued or written) or spoken_in:
                        author = ante.head if ante.dep_ == "dobj" else ante.head.head
                        issuer = next((c for c in author.children if c.dep_ == "nsubj" and c.ent_type_ not in {"DATE", "TIME"}), None)
                        if issuer is not None:  # "McSally issued a statement that says …", "Roberts wrote the opinion, which states …"
                            return issuer
                    return ante
                if subj.lower_ in {"anyone", "anybody"}:
                    return None  # 'It's not clear whether anyone is insisting on …': asked of no one in particular
                return _aged_name(subj) or _juxtaposed_name(subj, node) or _office_holder_joined(subj) or subj
            if any(c.dep_ in {"agent", "auxpass"} for c in node.children) and (
                (by := _agent_of(node)) is not None or any(c.dep_ == "agent" for c in node.children)
            ):
                return by  # '… and was called "scripted" by rival Chris Christie': who calls, not whom the chain is about
            if node.dep_ == "xcomp" and node.head.lemma_.lower() in MAKING_SPEAK and node.lemma_.lower() in MADE_TO_SAY and (
                controller := next((c for c in node.head.children if c.dep_ == "dobj" and c.i < node.i), None)
            ) is not None:
                return controller  # 'forced Stumpf to admit that …': the one made to speak, not the one who made him
            if node.dep_ == "xcomp" and _extraposed_it(node):
                return None  # 'It is fair to say that …', 'it is fashionable to say …': the writer's hedge, no one's words
            if node.dep_ == "advcl" and _comma_gerund(node) and node.head.dep_ == "relcl" and (
                node.head.head.head.i != node.head.head.i
            ):
                node = node.head.head.head  # 'scolded a constituent who disagreed with her, telling him: "…"': she tells, not he
            elif node.dep_ in {"conj", "xcomp", "advcl"} and node.head.i != node.i:
                node = node.head
            elif node.dep_ == "ccomp" and node.i > 0 and node.doc[node.i - 1].lower_ in {"and", "but"} and node.head.lemma_.lower() in SPEECH_VERBS:
                node = node.head  # '… said Friday that she thinks … but said "…"': the parse hangs the second verb on the first
            elif node.dep_ == "pcomp" and node.head.dep_ == "prep" and node.head.lower_ == "by":
                node = node.head.head  # "pushed back against them by claiming that …": who pushed back claims
            elif node.dep_ == "pcomp" and node.head.dep_ == "prep" and node.head.lower_ == "for" and node.head.head.pos_ in {"VERB", "AUX"}:
                # 'came under fire for saying …', 'drew criticism for saying …' (no one blamed as object): the subject
                # said it; 'was criticized by Democrats for saying …': the one criticized, not the critics
                blamed = _reason_object(node) or next((c for c in node.head.head.children if c.dep_ == "nsubjpass"), None)
                if blamed is not None:
                    return blamed  # (the one sued or praised, where the chain came up a conjunct: 'brought suit against
                    # Trump for running a bait and switch operation and calling it a "university"')
                node = node.head.head
            else:
                return (_trailing_apposition(verb) or _source_apposition(verb) or _absorbed_subject(verb) or _named_after_marks(verb)) if node.i == verb.i else None
        return None

    # -- quotation marks ---------------------------------------------------------------------
    def _marked_quote(
        self, m: MarkedSpan, base: int, doc_sents: list[SpacySpan], marked: list[MarkedSpan], cues: list[Cue], ents: list[SpacySpan], used: set[int],
    ) -> Quote | None:
        text = self.text
        s, e = _trim(text, m.start, m.end)
        if e <= s:
            return None
        if names_a_thing(text, m, self.rules.title_max_words):
            self._reject_scare([m])  # 'so-called "sanctuary cities"', a banner's "Rally Against Family Separation"
            return None
        local_s, local_e = s - base, e - base
        sents = [sent for sent in doc_sents if sent.start_char < local_e + 1 and local_s - 1 < sent.end_char]
        after = next((st for st in doc_sents if st.start_char >= local_e), None)
        if after is not None and _cue_sentence(after) and not text[base + local_e : base + after.start_char].strip(" \"”’'!?.,\n"):
            sents.append(after)  # '“… Make a deal!” Trump tweeted.': the parser ends the sentence at the mark, the cue follows
        near = [c for c in cues if any(c.sentence.start == st.start for st in sents)]
        words = m.words(text)
        if (aside := self._aside_of(m, base, ents)) is not None:
            return Quote(text=text[s:e], start=s, end=e, kind="direct", speaker=aside, confidence=self.rules.mixed)
        if near:
            introducing = [c for c in near if c.subject is not None and _opens_quotation(text, c, base, m)]
            # 'scolded him: "…," she said': the cue that opens the quotation with a colon is its cue
            cue = max(introducing, key=lambda c: c.end) if introducing else self._nearest_cue(near, base, s, e)
            if cue.subject is None and not cue.according_to:
                return None
            sent_words = sum(_words(st.text) for st in sents)
            speaker_words = _speaker_words(cue.subject) if cue.subject is not None else 0
            # '"…," the mayor said, adding that …': what a further cue after the marks goes on to say is not free prose
            further = min((c.start for c in near if c is not cue and base + c.start > e and c.start > cue.start
                           and _goes_on(c, cue)), default=None)
            sent_end = base + max(st.end_char for st in sents)
            ends = sent_end if further is None else base + further
            sent_words -= _words(text[ends:sent_end])
            free = max(1, sent_words - speaker_words - _words(cue.text) - _adjunct_words(cue, base, marked, m, ends))
            quoted = sum(x.words(text) for x in marked if x.start < ends and any(st.start_char <= x.start - base < st.end_char for st in sents))
            speaker = self._speaker(self._account_giver(cue, near, base), base, ents)
            if speaker is None:
                return None
            cue_span = Span(cue.text, base + cue.start, base + cue.end)
            short = words < self.rules.short_phrase_words
            introduced = _opens_quotation(text, cue, base, m)  # 'shot back: "Under what authority?"'
            if introduced or _leads_its_cue(cue, base, m) or free - quoted <= max(2, 0.25 * free):  # nearly everything but the speaker and cue is inside the marks
                if short and self._topic_cue(cue):
                    self._reject_scare([m])  # 'The mayor criticized "the sanctuary city policy."': the topic, not his words
                    return None
                if short and _marked_label(cue.sentence.doc.char_span(local_s, local_e, alignment_mode="expand")):
                    self._reject_scare([m])  # 'said on MSNBC's "Morning Joe."', 'One ad, "Balanced Rebellion," stars …'
                    return None
                used.add(id(cue))
                return Quote(text=text[s:e], start=s, end=e, kind="direct", speaker=speaker, cue=cue_span, confidence=self.rules.direct_whole)
            judged = _marked_judgement(cue, base, s, e)
            if judged is not None:  # 'called half of his supporters "deplorables"': her word for them, up to the marks' end
                used.add(id(cue))
                js = _trim(text, judged, e)[0]
                je = e + 1 if e < len(text) and text[e] in "\"”" else e
                return Quote(text=text[js:je], start=js, end=je, kind="mixed", speaker=speaker, cue=cue_span, confidence=self.rules.mixed)
            content = self._content_span(cue, base)
            runs_on = content is not None and content[0] < s and content[1] <= s and not text[content[1] : s].strip(" \"“‘'")
            if runs_on and not cue.according_to and not re.search(r"[.!?][\"”’']?\s+\S", text[s:e]):
                # the clause runs on into the marks, which the parse hung on the cue as a clause of their own ('said Democrats
                # are to blame for focusing on “he said this, he tweeted that.”'); marks holding a sentence and more are
                # a quotation of their own ('was “like a manhood thing for him. As if …”')
                content = (content[0], e)
            if content is None or _overlap(content, (s, e)) < 0.5 * (e - s) or self._says_nothing(cue, content, base, marked=True) or _only_a_thing_named(cue):
                # the marked words alone, if long enough: 'spoken out about a culture that often "glorifies guns and violence"'
                # (not 'proposes the creation of a "small claims tribunal" within …', a thing proposed)
                if words < self.rules.near_cue_min_words or self._scare_quote(cue, (s, e)):
                    return None  # a scare quote or a title near a cue, not what the speaker said ('attacked "all people of faith"')
                used.add(id(cue))
                return Quote(text=text[s:e], start=s, end=e, kind="direct", speaker=speaker, cue=cue_span, confidence=self.rules.direct_near_cue)
            if self._scare_quote(cue, content):
                return None
            used.add(id(cue))
            cs, ce = content
            if not text[cs:s].strip(" \"“‘'") and not text[e:ce].strip(" \"”’'.,"):
                cs, ce = s, e  # the cue's whole clause is the marked words ('but said "the question is the timing."'): no stray mark
            quote = Quote(text=text[cs:ce], start=cs, end=ce, kind="mixed", speaker=speaker, cue=cue_span, confidence=self.rules.mixed)
            return self._according_to_inner(cue, base, ents, quote)
        if (introducer := _introduced_after_colon(text, base, sents, s)) is not None and (
            speaker := self._speaker(introducer[0], base, ents)
        ) is not None:
            # 'Larsen released the following statement: “…”': the quotation the sentence introduces is its subject's
            return Quote(text=text[s:e], start=s, end=e, kind="direct", speaker=speaker, cue=introducer[1], confidence=self.rules.direct_whole)
        sent_words = sum(_words(st.text) for st in sents)
        floating = words >= self.rules.floating_min_words and words >= self.rules.floating_min_share * sent_words
        if m.continues_previous or floating or self._after_its_cue(m, s, words, sent_words, base, marked, cues):
            placeholder = SpeakerRef(name=None, resolution="inherit")
            return Quote(text=text[s:e], start=s, end=e, kind="direct", speaker=placeholder, confidence=self.rules.floating)
        return None

    def _account_giver(self, cue: Cue, near: list[Cue], base: int) -> Token | None:
        """'Lynch said she recalled thinking, "…"': a pronoun's cue inside what a named speaker says is that speaker's own
        account, and the quotation's mention is where the account is given ("Lynch"); 'Lowe said he told her, "…"', where
        "he" is someone else, stays his."""
        subject = cue.subject
        if subject is None or subject.lower_ not in {"he", "she"}:
            return subject
        node = cue.sentence.doc[min(cue.tokens)]
        while node.dep_ in {"ccomp", "xcomp"} and node.head.i != node.i:
            node = node.head
            outer = next((c.subject for c in near if min(c.tokens) == node.i and c.subject is not None), None)
            if outer is None:
                continue
            if outer.lower_ == subject.lower_:
                return outer  # 'She said she recalls …'
            gender = "female" if PERSON_PRONOUNS[subject.lower_] == "f" else "male"
            meant = pick_antecedent(self.people, base + subject.idx, gender, self.genders)
            named = outer.pos_ == "PROPN" and meant is not None and (meant == outer.text or meant.endswith(" " + outer.text))
            return outer if named else subject
        return subject

    def _aside_of(self, m: MarkedSpan, base: int, ents: list[SpacySpan]) -> SpeakerRef | None:
        """'including the former candidate Mitt Romney -- "It is disqualifying …" -- and Fred Goldberg': a quotation set
        off by dashes right after a person's name is that person's."""
        before = _DASH_BEFORE.search(self.text, max(0, m.start - 80), m.start)
        if before is None or not _DASH_AFTER.match(self.text, m.end):
            return None
        person = next((e for e in ents if e.label_ == "PERSON" and base + e.end_char == before.start()), None)
        return None if person is None else self._speaker(person.root, base, ents)

    def _after_its_cue(self, m: MarkedSpan, s: int, words: int, sent_words: int, base: int, marked: list[MarkedSpan], cues: list[Cue]) -> bool:
        """'"Here he is, babe," she said. "Donald's here, babe."': a short quotation that is a sentence of its own, right
        after the cue of the quotation before it in the paragraph, goes on with that quotation."""
        if words < 2 or words < sent_words:
            return False
        before = [p for p in marked if p.end <= m.start and p.start >= base]
        if not before:
            return False
        gap = self.text[before[-1].end : s].strip(" \"“”’'")
        if _words(gap) > self.rules.cue_sentence_max_words or re.search(r"[.!?]\s+\S", gap):
            return False  # the cue's sentence alone stands between
        return any(before[-1].end <= base + c.start and base + c.end <= s for c in cues if c.subject is not None)

    def _says_nothing(self, cue: Cue, content: tuple[int, int], base: int, marked: bool = False) -> bool:
        """A cue's content that is no statement: what the cue talks about, not what it says ('called for another
        shutdown'; with `marked`, the marked words of 'described this as a "zero tolerance" policy'), unless enough of it
        is marked to be said; or anything under a cue that says nothing was said. "According to": the rest of the
        sentence is what was said."""
        if cue.according_to:
            return False
        cs, ce = content
        doc = cue.sentence.doc
        if _denied(doc[min(cue.tokens)]):
            return True
        said = doc.char_span(cs - base, ce - base, alignment_mode="expand")
        few_marked = self._quoted_words(cs, ce) < self.rules.short_phrase_words
        return said is not None and few_marked and not _states_something(said, self.rules.phrase_statement_words, marked)

    def _nearest_cue(self, near: list[Cue], base: int, s: int, e: int) -> Cue:
        """The cue nearest the marked words, unless its clause leaves them out and another cue's clause holds them:
        'X said Republicans "have to have the guts" to tell him' is X's, not the Republicans' of the nearer 'tell'."""
        nearest = min(near, key=lambda c: min(abs(c.start + base - e), abs(c.end + base - s)))
        if _hypothetical(nearest):
            # 'said it would tell an American story, one of "…"': a telling that is only foreseen, inside what the outer
            # cue's speaker said, is no act of speech; the marked words are the outer speaker's
            words_end = s + len(self.text[s:e].rstrip(" .,;:!?\"”’'"))  # the parse may hang the closing stop on the outer verb
            outer = next((c for c in near if c is not nearest and c.subject is not None and self._holds(c, base, s, words_end)
                          and self._holds(c, base, base + nearest.start, base + nearest.end)), None)
            if outer is not None:
                return outer
        if self._holds(nearest, base, s, e):
            return nearest
        return next((c for c in near if c is not nearest and c.subject is not None and self._holds(c, base, s, e)), nearest)

    def _holds(self, cue: Cue, base: int, s: int, e: int) -> bool:
        span = self._content_span(cue, base)
        return span is not None and span[0] <= s and e <= span[1]

    def _content_span(self, cue: Cue, base: int) -> tuple[int, int] | None:
        if cue.content is None and cue.before:
            doc = cue.sentence.doc
            s, e = doc[cue.before[0]].idx, doc[cue.before[1] - 1].idx + len(doc[cue.before[1] - 1])
        elif cue.content is None and cue.objects:
            doc = cue.sentence.doc
            verb = doc[min(cue.tokens)]
            # the object's words after the verb: 'The amount [that] the GOP has proposed to reduce …' hangs the relative
            # pronoun on the object, before the source and the cue
            first = min(t.i for o in cue.objects for t in o.subtree if t.i > verb.i)
            last = max(t.i for o in cue.objects for t in o.subtree)
            if (agent := _agent_on_the_gerund(verb)) is not None and first < agent.head.i <= last:
                last = agent.head.i - 1  # 'warned against acting alone [by Speaker Boehner]': who warned, not what
            while doc[last].pos_ == "ADJ" and (tail := next((c for c in verb.children if c.dep_ == "prep" and c.i == last + 1), None)) is not None:
                last = tail.right_edge.i  # 'described the department as rife [with racism]': the adjective's complement, hung on the verb
            judged = next((o for o in cue.objects if _judgement_named(o) and o.right_edge.i == last), None)
            if judged is not None and (tail := next((c for c in verb.children if c.dep_ == "prep" and c.i == last + 1), None)) is not None and (
                any(c.dep_ == "pcomp" for c in tail.children) or tail.lower_ not in _VENUE_PREPOSITIONS | {"by", "after", "before", "since"}
            ):
                last = tail.right_edge.i  # 'called him a master [at bolting together …]': the judgement's complement, hung on the verb
            s, e = doc[first].idx, doc[last].idx + len(doc[last])
        elif cue.content is None:
            if not cue.according_to:
                return None
            sent = cue.sentence
            source = {t.i for t in cue.subject.subtree} if cue.subject is not None else set()
            if cue.subject is not None and (reported_on := clause_subject_in_source(cue.subject)) is not None:
                source = {i for i in source if i < reported_on.left_edge.i}  # the sentence's subject, hung on the source by the parse
            tokens = [t for t in sent if t.i not in cue.tokens and t.i not in source and not t.is_punct]
            if any(t.i < min(cue.tokens) and t.dep_ == "ROOT" and t.pos_ in {"VERB", "AUX"} for t in tokens):
                tokens = [t for t in tokens if t.i < min(cue.tokens)]  # '… go up by 19.9 percent, according to X, more
                # than twice what …': a whole clause before the cue is what X said; the writer's comment follows
            elif (lead := [t for t in tokens if t.i < min(cue.tokens)]) and all(t.dep_ in {"advmod", "cc"} for t in lead):
                after = max([*cue.tokens, *source])
                tokens = [t for t in tokens if t.i > after] or tokens  # 'Instead, according to the news outlet, he wants …':
                # the writer's link to the sentence before opens no words of the source's
            if not tokens:
                return None
            s, e = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
        else:
            if _reduced_relative(cue.content) or self._in_a_title(base + cue.content.idx):
                return None
            sub = list(cue.content.subtree)
            subjects = [c.left_edge.i for c in cue.content.children if c.dep_ in _SUBJECTS]
            if cue.content.dep_ == "advcl" and cue.content.head.i in cue.tokens and subjects:
                sub = [t for t in sub if t.i >= min(subjects)]  # 'said after the convention he would …': from its subject
            elif (told_when := _time_of_telling(cue, sub)) is not None:
                sub = [t for t in sub if t.i >= told_when]  # 'told African-Americans this weekend he would …': from "he"
            verb_at = min(cue.tokens)
            if sub[0].tag_ in {"WDT", "WP"} and sub[0].i < verb_at < cue.content.i and _makers_of_the_thing(cue.sentence.doc[verb_at]) is not None:
                sub = [t for t in sub if t.i > verb_at]  # 'a plan [which] they said could match …': the clause after the cue
            sub = _without_repeated_cue(cue, sub)
            sub = _without_contrasted_speech(cue.content, _repaired_clause(cue.content, sub))
            sub = _without_writer_gloss(cue.content, sub)
            while len(sub) > 1 and (sub[-1].dep_ == "cc" or sub[-1].text == ","):
                sub = sub[:-1]  # '… were not complete, and [farm groups warned …]': a conjunction left hanging by a clause of its own
            if any(t.i in cue.tokens for t in sub):
                sub = _without_framing_cue(sub, cue.sentence.doc[min(cue.tokens)])
            if cue.content.i != cue.content.head.i and any(t.i in cue.tokens for t in sub):
                sub = [t for t in sub if not t.is_punct or t.i not in (sub[0].i, sub[-1].i)]  # parenthetical cue: keep all but the ends
            sub = sub + _reason_given(cue, sub) + self._marked_continuation(cue, base, sub)
            s, e = sub[0].idx, sub[-1].idx + len(sub[-1])
            if cue.content.dep_ == "dobj":
                last = cue.sentence[-1]
                e = last.idx + len(last)
            if cue.subject is not None and sub[0].i <= cue.subject.i <= sub[-1].i and not any(t.i in cue.tokens for t in sub):
                tail = [t for t in sub if t.i >= cue.subject.left_edge.i]
                if not all(t.i in {u.i for u in cue.subject.subtree} for t in tail) or cue.subject.left_edge.i <= sub[0].i:
                    return None
                # '… arrested 200 people, Bryan Cox, a spokesman, said': the words end where the speaker's name begins
                e = cue.sentence.doc[cue.subject.left_edge.i - 1].idx
        s, e = _trim(self.text, base + s, base + e)
        if (gloss := _GLOSS_AFTER_MARKS.search(self.text, s, e)) is not None:
            e = gloss.start() + 1  # 'dismissed Estonia as in the "suburbs of St. Petersburg" — a metaphor for …': the writer's
        if s > 0 and self.text[s - 1] in "\"“" and self.text[s - 2 : s - 1].isspace():
            s -= 1  # keep the opening mark of a quote the content begins with
        # not under "according to": the source passes on the quotation whole ('According to an aide, Brandt said the wall was "…"')
        if not _passed_on(cue.sentence) and (opened := self._quotation_run_on(s, e)) is not None:
            e = opened.end
        if e < len(self.text) and self.text[e] in "\"”" and self.text.count("“", s, e) > self.text.count("”", s, e):
            e += 1
        return (s, e) if e > s else None

    def _quotation_run_on(self, s: int, e: int) -> MarkedSpan | None:
        """A quotation the reported words open and the clause cuts short: 'said the plan would be "a disaster. It will
        bankrupt the city."' The parse ends the clause with its sentence; the marks say the words go on."""
        return next(
            (
                m for m in self.marked
                if m.closed and s <= m.start < e < m.end and m.end - e <= self.rules.quotation_run_on_chars and "\n" not in self.text[e : m.end]
            ),
            None,
        )

    def _in_a_title(self, at: int) -> bool:
        """'In his 2002 book, "Make Your Kid a Millionaire," Mr. McKinley suggested …': the parse reads a title's verb as
        the clause said; words inside a title in marks are no clause of the cue's."""
        return any(m.start <= at < m.end and names_a_thing(self.text, m, self.rules.title_max_words) for m in self.marked)

    def _marked_continuation(self, cue: Cue, base: int, sub: list[Token]) -> list[Token]:
        """'The mayor said that it was too early to tell …, and there was "no evidence" yet that …': the parse joins the
        second clause to the cue, but its marked words show it goes on with what was said. Not a clause that is a cue
        of its own or tells what someone named did ('…, and Clinton called it "nonsense"')."""
        if cue.content is None or cue.content.dep_ != "ccomp" or cue.content.head.i not in cue.tokens:
            return []
        verb = cue.content.head
        doc = verb.doc
        conj = next((c for c in verb.children if c.dep_ == "conj" and c.i > sub[-1].i and c.pos_ in {"VERB", "AUX"}), None)
        if conj is None or conj.lemma_.lower() in SPEECH_VERBS or not all(t.is_punct or t.dep_ == "cc" for t in doc[sub[-1].i + 1 : conj.left_edge.i]):
            return []
        if any(c.dep_ in _SUBJECTS and (c.pos_ == "PROPN" or c.ent_type_ in {"PERSON", "ORG", "NORP"}) for c in conj.children):
            return []
        if not self._quoted_words(base + conj.left_edge.idx, base + conj.right_edge.idx + len(conj.right_edge)):
            return []
        return list(doc[sub[-1].i + 1 : conj.right_edge.i + 1])

    def _topic_cue(self, cue: Cue) -> bool:
        """A verb of attitude whose object is a topic ('defended', 'criticized'), not a clause said."""
        return cue.content is None and not cue.according_to and cue.sentence.doc[min(cue.tokens)].lemma_.lower() in TOPIC_VERBS

    def _reject_scare(self, marks: list[MarkedSpan]) -> None:
        """Count each marked phrase left out once, whichever sieve saw it first."""
        for m in marks:
            if (m.start, m.end) not in self.scare_quotes:
                self.scare_quotes.add((m.start, m.end))
                self.rejected[Rejected.SCARE_QUOTE.value] += 1

    def _scare_quote(self, cue: Cue, content: tuple[int, int]) -> bool:
        """'slammed the "so-called sanctuary cities"': a noun phrase after a verb of attitude is its topic, not a statement."""
        s, e = content
        marks = [m for m in self.marked if _overlap((m.start, m.end), (s, e)) > 0]
        if not marks or not cue.objects or not self._topic_cue(cue):
            return False  # 'called them "deplorables"', 'promised "jobs, jobs, jobs"': the marked words are what was said
        if any(o.dep_ in {"oprd", "xcomp"} or o.dep_ == "prep" and o.lower_ == "as" for o in cue.objects):
            return False  # 'described it as "an intentional act"'
        short = self.rules.short_phrase_words
        if any(m.words(self.text) >= short and not names_a_thing(self.text, m, self.rules.title_max_words) for m in marks):
            return False  # unmarked objects are reported speech ("called for a ban"); longer marked words were said
        clauses = {c.i for o in cue.objects for t in o.subtree if t.dep_ in {"relcl", "acl"} for c in t.subtree}
        phrase = [t for o in cue.objects for t in o.subtree if t.i not in clauses]  # a relative clause only describes
        if sum(1 for t in phrase if not t.is_punct) > self.rules.topic_max_words:
            return False  # 'blamed police shootings on "implicit bias" against minorities': a claim, not a topic
        if any(t.pos_ in {"VERB", "AUX"} and t.dep_ not in {"amod", "compound"} for t in phrase):
            return False  # 'blasted the media for being "dishonest"': a clause, what was said
        self._reject_scare(marks)
        return True

    # -- reported speech ---------------------------------------------------------------------
    def _reported(self, cue: Cue, base: int, doc: Doc, ents: list[SpacySpan], inside: set[int]) -> Quote | None:
        content = self._content_span(cue, base)
        if content is None:
            return None
        s, e = content
        if _words(self.text[s:e]) < 3:
            return None
        speaker = self._speaker(cue.subject, base, ents)  # read even for a scare quote: its speaker's title serves a later "he"
        if speaker is None or self._scare_quote(cue, content):
            return None
        kind = "indirect"
        if any(_overlap((m.start, m.end), (s, e)) >= 0.5 * (m.end - m.start) for m in self.marked):
            kind = "mixed"
        if self._says_nothing(cue, content, base):
            return None  # 'called for another government shutdown', 'officials were unable to clarify whether …'
        if _only_a_thing_named(cue):
            return None  # 'Mr. Schieffer mentioned an alternative image of Mr. Romney …', 'The Budget proposes a new credit …'
        if _gainsaying(cue) and 0 <= s - (base + cue.end) <= self.rules.gainsaid_gap_chars:
            s = base + cue.start  # 'Iran denies it seeks nuclear weapons': without its verb the words say the opposite
        quote = self._according_to_inner(cue, base, ents, Quote(
            text=self.text[s:e], start=s, end=e, kind=kind, speaker=speaker,
            cue=Span(cue.text, base + cue.start, base + cue.end), confidence=self.rules.reported,
        ))
        if cue.passed_on_by is not None:
            quote.reported_by = self._passed_on_by(cue, base, ents) or quote.reported_by
        return quote

    def _quoted_words(self, s: int, e: int) -> int:
        """How many words of s..e lie inside quotation marks."""
        return sum(_words(self.text[max(s, m.start) : min(e, m.end)]) for m in self.marked if _overlap((m.start, m.end), (s, e)) > 0)

    def _learned(self, a: LearnedAttribution, base: int, doc: Doc, ents: list[SpacySpan], found: list[tuple[int, Quote]]) -> Quote | None:
        """The last sieve: a whole attribution the tagger found (content, speech cue, source) where no rule found a quote.

        Its source is read like a rule's subject (a name, a description, a pronoun resolved in reading order), so the
        tagger adds what the rules miss ("went on about", "likened … to", a cue the parse got wrong) without overruling them.
        """
        if a.cue is None or a.source is None:
            return None
        s, e = _trim(self.text, a.content[0].start, a.content[-1].end)
        if e - s < 2 or any(_overlap((s, e), (q.start, q.end)) for _, q in found) or _words(self.text[s:e]) < 3:
            return None
        cue = doc.char_span(a.cue.start - base, a.cue.end - base, alignment_mode="expand")
        source = doc.char_span(a.source.start - base, a.source.end - base, alignment_mode="expand")
        if cue is None or source is None or any(t.lemma_.lower() in BELIEF_VERBS for t in cue) or len(cue.sent) > MAX_SENTENCE_TOKENS:
            return None  # a belief; or a "sentence" too long to be prose, which the rules skip too
        if _discourse_marker(cue.root) or _asks_whether(cue.root) or _was_asked(cue.root) or any(_a_course(t) for t in cue):
            return None  # 'All told, 23,589 people were caught …': the writer summing up; 'Did she say …?': a question;
            # 'His strategy is to argue …': a course open to him
        if cue.root.lemma_.lower() in SPEECH_VERBS and _said_of_its_subject(cue.root) or _had_done(cue.root):
            return None  # 'Some Republicans are said to be upset that …': what others say of them, as the rules read it
        if any(t.dep_ == "xcomp" and _extraposed_it(t) for t in cue):
            return None  # "It's important to note that …": the writer's hedge, whatever source the tagger gave it
        if not any(t.pos_ in {"NOUN", "PROPN", "PRON"} and t.lower_.strip(".") not in HONORIFICS for t in source) or _overlap(
            (s, e), (a.cue.start, a.cue.end)
        ) or _overlap((s, e), (a.source.start, a.source.end)):
            return None  # a source that names no one ("The", "Mr."), or content that runs over its own cue or source
        if source.root.dep_ == "nsubjpass" and (source.root.head.lemma_.lower() in ADDRESSEE_VERBS or _agent_of(source.root.head) is not None):
            return None  # "Fox News is told …", 'Obama was warned … by Boehner': the one told or warned is no source
        if _nobody(head := _relative_source(source)) or _share_polled(head) or (said_by := self._subject(cue.root)) is not None and (
            _nobody(said_by) or _share_polled(said_by)
        ):
            return None  # 'No one said …', 'no law that says …', '47% say …', whatever the tagger took for its source

        if any(_overlap((m.start, m.end), (a.source.start, a.source.end)) for m in self.marked) or cue.root.dep_ == "amod" or _inferred(cue.root) or _thing_infers(cue.root, self.surnames):
            return None  # a "source" among quoted words; a participle describing a noun ("proposed policies"); a thing's "suggests"
        attitude = any(t.lemma_.lower() in TOPIC_VERBS for t in cue)  # "praised his players", "mocked the project as …"
        speaker = _whole_described_source(self._speaker(head := _relative_source(source), base, ents), head, source, base)
        marked = [m for m in self.marked if _overlap((m.start, m.end), (s, e)) >= 0.5 * (m.end - m.start)]
        if speaker is None or any((m.start, m.end) in self.scare_quotes for m in marked):
            return None  # marked words the rules judged a scare quote or a title stay so
        whole = len(marked) == 1 and marked[0].start <= s + 1 and e - 1 <= marked[0].end
        kind = "direct" if whole else "mixed" if marked else "indirect"
        if whole:  # the words inside the marks, as the rules give a direct quote: 'Stop the deportations', not '“Stop …,”'
            s, e = _trim(self.text, marked[0].start, marked[0].end)
        if kind == "indirect" and (attitude or not _speech_cue(cue)):
            return None  # unmarked words after an odd cue ("took heat for …") or a verb of attitude are seldom a statement
        said = doc.char_span(s - base, e - base, alignment_mode="expand")
        if kind != "direct" and (said is None or said.root.pos_ in {"NOUN", "PROPN", "PRON", "NUM"}):
            return None  # a noun phrase after a verb ("reports identifying the 'sanctuary cities' …") is no statement
        if kind != "direct" and said is not None and not any(t.dep_ in _SUBJECTS for t in said) and (
            e <= a.cue.start or said.root.lemma_.lower() != cue.root.lemma_.lower() and cue.root.lemma_.lower() in CLAUSAL_ONLY
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in said.root.children)
        ):
            return None  # words with no subject before their cue ('Heading to Florida to view the damage, Trump told …'), or
            # the infinitive of a verb that takes only clauses ('agreeing to end the shutdown'): acts, not words said
        if kind == "indirect" and said is not None and _small_clause(cue.root, said.root):
            return None  # 'ordered the tolls halted'
        if kind != "direct" and said is not None and _runs_across_clauses(cue.root, said):
            return None  # 'the fact that Republicans are demanding [a break from the past suggests the issue] could …'
        if kind != "direct" and said is not None and said[0].tag_ in {"WDT", "WP"} and said[0].head.dep_ == "relcl" and (
            cue.start <= said[0].head.head.i < cue.end
        ):
            return None  # 'issued a statement [that suggests she …]': a relative clause on the cue's own noun describes it
        if kind != "direct" and any(_denied(t) or _refusing(t) for t in cue if t.pos_ in {"VERB", "AUX"}):
            return None  # 'did not say', 'declined to say whether': nothing was said
        few_quoted = self._quoted_words(s, e) < self.rules.short_phrase_words
        if kind != "direct" and few_quoted and (cue[-1].pos_ == "ADP" or not _states_something(said, self.rules.phrase_statement_words)):
            return None  # 'acknowledging lack of understanding about what drives …': what was talked about, no statement
        if kind == "indirect" and not cue.sent.start <= said.start <= said.end <= cue.sent.end:
            return None  # reported speech is a clause of its cue's sentence, never a run over the sentences after it
        quoted = sum(_words(self.text[m.start : m.end]) for m in marked)
        if marked and quoted < self.rules.short_phrase_words and (attitude or not _speech_cue(cue)):
            return None  # a short marked phrase is a quote only with a speech cue: 'mocked the project as a "bridge to nowhere"'
        return Quote(
            text=self.text[s:e], start=s, end=e, kind=kind, speaker=speaker,
            cue=Span(cue.text, base + cue.start_char, base + cue.end_char), confidence=self.rules.learned,
        )

    def _according_to_inner(self, cue: Cue, base: int, ents: list[SpacySpan], quote: Quote) -> Quote:
        """Under "according to X", marked words another speaker's verb governs are that speaker's, reported by X; so are
        those of a named person's speech the speaker passes on ('Gutiérrez said Mr. Kelly told the group that "…"'),
        from what that person said on."""
        if quote.kind != "mixed":
            return quote
        if cue.according_to:
            inner = self._inner_speaker(cue, (quote.start, quote.end), base, ents)
        elif (told := _named_speech_passed_on(cue)) is not None and (inner := self._inner_speaker(cue, (quote.start, quote.end), base, ents)) is not None:
            start = base + told.left_edge.idx
            if inner.resolution != "named" or not quote.start < start < quote.end:
                return quote
            quote.text, quote.start = self.text[start : quote.end], start
        else:
            return quote
        if inner is not None:
            quote.speaker, quote.reported_by = inner, self._source_name(quote.speaker)
        return quote

    def _inner_speaker(self, cue: Cue, content: tuple[int, int], base: int, ents: list[SpacySpan]) -> SpeakerRef | None:
        """'Fulghum opened by noting his department's "interest …," according to Lapan': the marked words are Fulghum's."""
        s, e = content
        marks = [m for m in self.marked if _overlap((m.start, m.end), (s, e)) > 0]
        for tok in cue.sentence:
            if not marks or tok.pos_ != "VERB" or tok.lemma_.lower() not in SPEECH_VERBS or not s <= base + tok.idx < e:
                continue
            sub = list(tok.subtree)
            lo, hi = base + sub[0].idx, base + sub[-1].idx + len(sub[-1])
            if not any(_overlap((lo, hi), (m.start, m.end)) >= 0.5 * (m.end - m.start) for m in marks):
                continue  # the verb does not govern the quoted words
            node = tok
            for _ in range(4):  # 'noting' -> 'by' -> 'opened', whose subject speaks
                subject = next((c for c in node.children if c.dep_ in _SUBJECTS), None)
                if subject is not None and _share_polled(subject):
                    return None  # '55 percent of Hispanic adults say that "…", according to Pew': the pollster's finding
                if subject is not None:
                    inner = self._speaker(subject, base, ents)
                    return inner if inner is not None and inner.resolution in {"named", "nominal"} else None
                if node.head.i == node.i:
                    break
                node = node.head
        return None

    # -- speakers ----------------------------------------------------------------------------
    def _person_like_label(self, label: str, speaker: SpeakerRef) -> bool:
        """In an article, "PENCE:" is a speaker when the article names a Pence; "Breaking:" or "Opinion:" is not."""
        if speaker.description == REPORTER or not label.isupper():
            return True  # Q, or a titled name written as such ("Sen. Jane Doe:")
        words = label.replace(".", " ").split()
        if words[0] in {"MR", "MS", "MRS", "DR", "THE"} or speaker.resolution == "anonymous":
            return True
        return bool(speaker.name) and any(w.lower() == n.lower() for w in words for n in self.surnames)

    def _surname_a_place_owns(self, subject: Token) -> str | None:
        """'Wyoming's Enzi': the surname, when the document names a person by it and its owner is a place."""
        owner = next((c for c in subject.children if c.dep_ == "poss"), None)
        if subject.pos_ != "PROPN" or owner is None or subject.text not in self.surnames or subject.n_lefts != 1:
            return None
        place = owner.ent_type_ in {"GPE", "LOC"} or owner.text in US_STATES
        return subject.text if place and not any(c.dep_ != "case" for c in owner.children) else None

    def _speaker(self, subject: Token | None, base: int, ents: list[SpacySpan]) -> SpeakerRef | None:
        if subject is None or subject.lower_ in _BARE_REFERENCES and subject.n_lefts + subject.n_rights == 0:
            return None  # a bare "that" or "which" whose antecedent the parse lost names no one
        if subject.i + 1 < len(subject.doc) and (absorbed := _absorbed_subject(subject.doc[subject.i + 1])) is not None and absorbed.i == subject.i:
            # not "the Washington Post Trump": the name alone, named in full once the document is read
            at = base + subject.idx
            return SpeakerRef(name=None, resolution="nominal", description=subject.text, mention=Span(subject.text, at, at + len(subject)))
        if (pair := _joint_speakers(subject)) is not None:
            # 'Nancy Pelosi and Chuck Schumer said': the words are both people's, which no one name holds
            span = Span(pair.text, base + pair.start_char, base + pair.end_char)
            self.joint.add((span.start, span.end))
            return SpeakerRef(name=None, resolution="nominal", description=pair.text, mention=span)
        mention = describe(subject, ents)
        if subject.dep_ == "appos" and subject.pos_ != "PROPN" and subject.head.pos_ == "PROPN":
            # "Sen. Chuck Grassley, a usual Trump ally, who slammed ...": the phrase is the mention, the name is its head's
            named = describe(subject.head, ents)
            if named.name and not named.is_organization:
                mention.name, mention.title = named.name, named.title or mention.title
                mention.organization = named.organization or mention.organization
                mention.description, mention.anonymous, mention.is_organization, mention.pronoun = None, False, False, None
        span = Span(self.text[base + mention.start : base + mention.end], base + mention.start, base + mention.end)
        dateline = is_dateline(doc_text(subject.doc), mention.start, mention.end) and (not mention.name or mention.name.isupper())
        noise = speaker_noise(span.text) or (Rejected.DATELINE if dateline else None)  # "WASHINGTON -- President Obama" keeps Obama
        if noise is not None:
            self.rejected[noise.value] += 1
            return None
        if _party_epithet(subject) and (named_in := _person_within(subject, ents)) is not None:
            # "the top Democrat on the committee, Rep. Jane Doe": the epithet names its person itself
            return SpeakerRef(name=clean_name(named_in.text), resolution="named", mention=Span(named_in.text, base + named_in.start_char, base + named_in.end_char))
        if (issuer := _document_issuer(subject, ents)) is not None:
            # "The DHS fact-sheet … says", "a statement from the Department of Labor said": the issuer's words
            return SpeakerRef(
                name=clean_name(issuer.text), resolution="named", mention=span, is_organization=not is_person(issuer),
            )
        if (owner := _owning_pronoun(subject)) is not None:
            # "her statement added": the words are those of the woman "her" means, resolved as "she" would be
            return SpeakerRef(name=None, resolution="pronoun", description=span.text, mention=Span(owner.text, base + owner.idx, base + owner.idx + len(owner)))
        if not mention.name and (surname := self._surname_a_place_owns(subject)) is not None:
            # "Wyoming's Enzi said" after 'Sen. Mike Enzi said': the surname of a person the document names, owned by
            # the place they sit for, which the tagger may read as a title of a work
            return SpeakerRef(name=surname, resolution="named", mention=Span(surname, base + subject.idx, base + subject.idx + len(subject)))
        if _pageant_title(subject):
            return SpeakerRef(name=None, resolution="nominal", description=span.text, mention=span)  # 'The former Miss Michigan told'
        if mention.pronoun is not None or _party_epithet(subject):
            # resolved later, in reading order, once earlier quotes in the paragraph are known
            return SpeakerRef(name=None, resolution="pronoun", description=span.text, mention=span)
        if mention.name:
            named = SpeakerRef(
                name=mention.name, resolution="named", title=mention.title, organization=mention.organization,
                mention=span, is_organization=mention.is_organization,
            )
            if named.title or named.organization:
                self.titled[mention.name] = named
            if mention.apposed:
                self.apposed.add(id(named))
            return named
        if _one_of_them(subject) and (group := self._plural_antecedent(span, own_sentence=True)) is not None:
            # 'People close to the president offered two views. One said …': one of them, as the document describes them
            described = _definite(group.name if group.name and " " not in group.name else group.description or "") or group.name
            if described:
                return SpeakerRef(None, "nominal", None, None, f"{mention.description.strip()} of {described}", span)
        return SpeakerRef(
            name=None, resolution="anonymous" if mention.anonymous else "nominal", title=mention.title,
            organization=mention.organization, description=_QUESTION_LABEL.sub("", mention.description or "") or None, mention=span,
        )

    def _plural_antecedent(self, span: Span, own_sentence: bool = False) -> SpeakerRef | None:
        """'Republican leaders … point to the rollout … They said …': the plural subject made last before the pronoun, when
        it names people who speak as one (a group noun, a people or party, a pair of names); a thing ("the walls") last
        made subject leaves "they" as it is. With `own_sentence`, one made in the pronoun's sentence counts ('Some
        witnesses have been critical, with one saying …')."""
        if self._plurals is None:
            self._plurals = _plural_nouns(self.parsed, self.marked)
        lo = bisect.bisect_left(self._plurals, span.start - self.rules.plural_recency_chars, key=lambda e: e[0])
        hi = bisect.bisect_left(self._plurals, span.start, key=lambda e: e[0])
        before: tuple[int, int, Token] | None = None
        for at, base, tok in self._plurals[lo:hi]:
            if before is not None and not _plural(before[2]) and tok.tag_ in {"NNS", "NNPS"}:
                before = None  # 'the State Department suggests … meets with asylum-seekers, they tell her': a body is
                # "they" only with no plural named since
            if base + tok.sent.end_char > span.start and not own_sentence and not _subject_of_the_clause_above(tok, span.start - base):
                continue  # 'Immigrants, they say, are lazy': never the pronoun's own sentence
            if tok.dep_ in {"nsubj", "nsubjpass"} and tok.pos_ in {"NOUN", "PROPN"} and (_plural(tok) or _speaking_body(tok)):
                before = (at, base, tok)
        if before is None or not _speaks_as_one(before[2]):
            return None
        _, base, tok = before
        group = self._speaker(tok, base, list(tok.doc.ents))
        if group is None or group.resolution == "pronoun":
            return None
        # the group as the document names it, without what a relative clause or apposition adds ('Christian
        # conservatives, who stayed on the sidelines …'); a group has no title or organisation of its own
        described = _without_what_is_added(group.description or "") or None
        return SpeakerRef(group.name, "pronoun", None, None, described if not group.name else group.description, span,
                          is_organization=group.is_organization)

    def _source_name(self, speaker: SpeakerRef) -> str | None:
        """How a citation names the outer source of a nested quote: its name, else the document's words for it."""
        if speaker.resolution == "pronoun" and speaker.name is None and speaker.mention is not None:
            speaker = self._pronoun(speaker.mention)
        if speaker.name and speaker.is_organization and speaker.name.startswith("The "):
            return "the " + speaker.name[4:]  # cited mid-sentence: '…, according to the State Department'
        mention = speaker.mention
        if speaker.name and mention is not None and mention.text == speaker.name and self.text[max(0, mention.start - 4) : mention.start] in {"the ", "The "}:
            return f"the {speaker.name}"  # 'The Hill reported', 'the Post reported': the tagger names only "Hill" or "Post"
        return speaker.name or speaker.description or (speaker.mention.text if speaker.mention else None)

    def _shared_surnames(self) -> set[str]:
        """Surnames the document gives both a man and a woman ("Donald Trump", "Melania Trump"): alone, they have no gender."""
        by_surname: dict[str, set[str]] = {}
        for p in self.people:
            words = p.name.split()
            if len(words) >= 2 and (g := self.genders.get(p.name) or first_name_gender(p.name)):
                by_surname.setdefault(words[-1], set()).add(g)
        return {surname for surname, genders in by_surname.items() if len(genders) > 1}

    def _pronoun(self, span: Span, said: tuple[int, int] | None = None, other: tuple[int, int] | None = None) -> SpeakerRef:
        """he/she (or "the Illinois Democrat"): the person named most recently before, never one named inside the words
        the pronoun says (`said`: "… under the Obama administration, he said"), nor the one a relative clause holding
        the pronoun is about (`other`: "his son, Don Jr., who he said was …"); they: the previous unnamed group;
        it: an organisation."""
        pronoun = _OWNERS_AS_SPEAKERS.get(span.text.lower(), span.text.lower())  # 'its ruling noted': whom "it" means
        last = self.last_speaker
        epithet = pronoun.split()[-1] in PARTY_NOUNS if pronoun.split() else False
        if (span.start, span.end) in self.pronouns:
            # 'He said Trump made "a very reasonable offer" and urged Democrats …': one "he", one person, whichever cue asks
            return _copy(self.pronouns[(span.start, span.end)])
        if pronoun in PERSON_PRONOUNS or epithet:
            gender = None if epithet else "female" if PERSON_PRONOUNS[pronoun] == "f" else "male"
            people = [p for p in self.people if not any(r is not None and r[0] <= p.pos < r[1] for r in (said, other))]
            shared = self._shared_surnames()
            genders = {n: g for n, g in self.genders.items() if n not in shared}
            name = pick_antecedent(people, span.start, gender, genders, subjects=self.subject_pronouns, sentence=self._sentence_start(span.start))
            name = self._untagged_last_speaker(last, span, gender) or name
            if last is not None and last.name and name and name == self.passed_on_from.get(last.name) and genders.get(last.name, gender) == gender:
                name = last.name  # 'Mulvaney …, saying that Trump told him it was a "corrupt place." "…," he said': the one
                # who passed the words on goes on speaking, not the one named inside them
            if not epithet and (described := self._described_antecedent(last, span, name, gender)) is not None:
                return described
            if name:
                if gender:
                    self.genders.setdefault(name, gender)
                facts = last if last is not None and last.name == name and (last.title or last.organization) else self.titled.get(name)
                ref = SpeakerRef(name, "pronoun", facts.title if facts else None, facts.organization if facts else None, None, span, gender=gender)
                if facts is not None and id(facts) in self.apposed:
                    self.apposed.add(id(ref))  # "he said" after 'said Cohen, an ABC News contributor' labels him as that did
                self.pronouns[(span.start, span.end)] = _copy(ref)
                return ref
        elif pronoun in PLURAL_PRONOUNS and last is not None and not last.name:
            pair = last.mention is not None and (last.mention.start, last.mention.end) in self.joint
            group = self._plural_antecedent(span) if pair else None
            if group is not None and group.mention is not None and last.mention is not None and group.mention.start >= last.mention.end:
                # 'Pelosi and Schumer called it … Legal experts differed … They cautioned …': the group made subject since
                # two people spoke (after a group that spoke, "they" stays that group: the writer's next plural is seldom it)
                return group
            return SpeakerRef(None, "pronoun", last.title, last.organization, last.description, span)
        elif pronoun in PLURAL_PRONOUNS and (group := self._plural_antecedent(span)) is not None:
            return group
        elif pronoun == "it":
            body = self._body_subject(span)
            if (said_before := self._thing_that_spoke(last, span, body)) is not None:
                return said_before  # 'Cambridge Analytica, however, said … It said none of that data was used': the same body
            before = [  # never one named inside quoted words: '"… to combat the COVID-19, police …," it said'
                (pos, name) for pos, name in self.orgs
                if pos < span.start and span.start - pos < self.rules.it_recency_chars and not self._quoted_at(pos)
                and not self._a_persons_name(name)
            ]
            # the body the last sentences were about, before one they only mention: 'The House Intelligence Committee
            # conducted its own inquiry and echoed the Senate committee. But it also concluded …' is the House's
            subjects = [(pos, name) for pos, name in before if pos in self.subject_orgs and span.start - pos <= self.rules.it_subject_chars]
            if body is not None and body[0] > max(subjects or before, default=(-1, ""))[0]:
                return body[1]
            if subjects or before:
                return SpeakerRef(max(subjects or before)[1], "pronoun", None, None, None, span, is_organization=True)
        return SpeakerRef(name=None, resolution="pronoun", description=span.text, mention=span)

    def _a_persons_name(self, name: str) -> bool:
        """A name the tagger once read as an organisation that the document gives a person ('Trump's associates'; 'Joe
        Biden's presidential campaign'): never what "it" means."""
        words = name.split()
        return any(words == person.name.split()[-len(words):] for person in self.people)

    def _body_subject(self, span: Span) -> tuple[int, SpeakerRef] | None:
        """'The Obama campaign doesn't buy this read on the race. It has argued …': a body a sentence before the "it" made
        its subject by a common noun ('the campaign', 'the committee'), which the tagger names no organisation; where it
        was written, and the body as the document describes it. Subjects more than `it_subject_chars` before are passed."""
        for index in range(bisect.bisect_left(self.parsed, span.start, key=lambda e: e[0]) - 1, -1, -1):
            base, doc = self.parsed[index]  # the paragraphs before the pronoun's, nearest first
            if span.start - (base + len(doc_text(doc))) > self.rules.it_subject_chars:
                return None
            for tok in reversed(doc):
                at = base + tok.idx
                if at >= span.start or base + tok.sent.end_char > span.start:
                    continue  # never the pronoun's own sentence
                if span.start - at > self.rules.it_subject_chars:
                    return None
                if _body_noun(tok) and not self._quoted_at(at):
                    body = self._speaker(tok, base, list(doc.ents))
                    if body is None or body.name or body.resolution != "nominal":
                        return None
                    return at, SpeakerRef(None, "pronoun", None, body.organization, _without_what_is_added(body.description or "") or None, span)
        return None

    def _untagged_last_speaker(self, last: SpeakerRef | None, span: Span, gender: str | None) -> str | None:
        """'Merkely said he was made aware …. He said …': the person the last quote named, whom the tagger did not read as
        a person (a misspelt surname), when it read no one as a person since."""
        if last is None or last.is_organization or last.mention is None:
            return None
        # named, or described by a surname alone, which names it later ('Merkely' is Jeff Merkley)
        surname = last.description if last.resolution == "nominal" and re.fullmatch(r"[A-Z][a-z][\w’'-]+", last.description or "") else None
        name = last.name if last.resolution == "named" else surname
        at = last.mention.start
        if not name or not 0 < span.start - at <= self.rules.surname_recency_chars or last.gender not in (None, gender):
            return None
        return name if not any(at <= p.pos < span.start for p in self.people) else None

    def _sentence_start(self, pos: int) -> int | None:
        """Where the sentence holding the character at pos starts."""
        at = bisect.bisect_right(self.sentence_starts, pos)
        return self.sentence_starts[at - 1] if at else None

    def _described_antecedent(self, last: SpeakerRef | None, span: Span, name: str | None, gender: str | None) -> SpeakerRef | None:
        """'… said a man who declined to give his name. "…," he added': the unnamed person who spoke last, when named
        nobody since ('A spokesman for Gov. Tom Reyes said …' holds Reyes; "he" is still the spokesman)."""
        if last is None or last.name or last.is_organization or last.mention is None or not last.mention.end <= span.start:
            return None
        if span.start - last.mention.start > self.rules.document_recency_chars:
            return None
        named_at = max((p.pos for p in self.people if p.name == name and p.pos < span.start), default=-1) if name else -1
        if named_at >= last.mention.end or _person_described(self.parsed, last.mention) not in ("", gender):
            return None
        return SpeakerRef(None, "pronoun", last.title, last.organization, last.description, span, gender=gender)

    def _thing_that_spoke(self, last: SpeakerRef | None, span: Span, body: tuple[int, SpeakerRef] | None) -> SpeakerRef | None:
        """The previous quote's speaker, for an "it" that speaks right after it, when that is no person: an organisation, or a
        body or document the text only describes ('The report said …. It added …'), unless `body` (_body_subject) or an
        organisation was made a sentence's subject since."""
        if last is None or last.mention is None or not 0 < span.start - last.mention.start <= self.rules.it_recency_chars:
            return None
        if not last.is_organization and (last.name or last.resolution not in ("nominal", "pronoun") or last.title or last.gender):
            return None  # a person's name, even one the tagger may have taken a body's for ('AAN's Dan Conston')
        said = (last.description or "").strip()
        if not last.name and (said.lower() in {"it", "they", "we", "i", "you", "he", "she"} or re.search(r"[^s]s$", said)):
            return None  # another pronoun; a group ('Critics', 'Facebook's policies') is no "it"
        # '… the campaign said. The Justice Department declined to comment. It said …': a body made subject since
        since = range(last.mention.end, span.start)
        if any(pos in since and not self._quoted_at(pos) for pos in self.main_subject_orgs) or body is not None and body[0] in since:
            return None
        return SpeakerRef(last.name, "pronoun", None, last.organization, last.description, span, is_organization=last.is_organization)


# Unnamed people "he" or "she" goes on with: 'a man who declined to give his name', 'the woman'; an office only when
# indefinite ('a senior official', not 'the president', who is someone the document names), never one who asks ('When a
# reporter noted that …, she replied').
_ONE_PERSON_HEADS = ROLE_HEADS | ANONYMOUS_HEADS | {"man", "woman", "resident", "witness", "neighbor", "neighbour"}
_ASKING_HEADS = frozenset({"reporter", "journalist", "correspondent", "questioner", "interviewer", "moderator", "host", "anchor"})


def _person_described(parsed: list[tuple[int, Doc]], mention: Span) -> str | None:
    """Whether a description names one person nobody named ('a man who declined to give his name', 'an aide to the
    governor'): their gender as its noun tells ("female", "male"; "" when it says none); None for a group, a thing, an
    office the document may name, or one who asks."""
    for base, doc in parsed:
        if base <= mention.start < base + len(doc_text(doc)):
            words = doc.char_span(mention.start - base, mention.end - base, alignment_mode="expand")
            break
    else:
        return None
    if words is None:
        return None
    head = words.root
    lemma = head.lemma_.lower()
    article = next((c.lower_ for c in head.children if c.dep_ == "det"), "")
    heads = _ONE_PERSON_HEADS | FEMALE_NOUNS | MALE_NOUNS | (TITLE_WORDS if article in {"a", "an", "another"} else set())
    if article not in {"a", "an", "the", "another"} or head.tag_ in {"NNS", "NNPS"} or head.pos_ != "NOUN" or lemma not in heads - _ASKING_HEADS:
        return None
    return "female" if lemma in FEMALE_NOUNS else "male" if lemma in MALE_NOUNS else gender_of_title(lemma) or ""


def _relative_head(doc: Doc, base: int, mention: Span) -> tuple[int, int] | None:
    """The phrase a relative clause holding the pronoun is about ('his son, Don Jr.,' in '… his son, Don Jr., who he
    said was …'): "he" is not the one "who" is."""
    pronoun = doc.char_span(mention.start - base, mention.end - base, alignment_mode="expand")
    if pronoun is None:
        return None
    clause = next((a for a in pronoun.root.ancestors if a.dep_ == "relcl"), None)
    if clause is None or not any(t.lower_ in {"who", "whom"} for t in clause.subtree if t.i < pronoun.root.i):
        return None  # 'a face-off with Schumer, in which he said …' is about the face-off: Schumer may still be "he"
    return base + clause.head.left_edge.idx, base + clause.left_edge.idx


_QUESTION_LABEL = re.compile(r"^Q\s+(?=[A-Z])")  # a transcript's "Q" parsed into the subject: "Q    The President said"
_US_OFFICE = re.compile(r"(?i)(?:the\s+)?(?:vice\s+)?president")


def _own_view_holder_end(q: Quote, base: int, doc: Doc) -> int | None:
    """'Mr. Nadler sees some hope for reform, he said': reported words that open with a named person's view or plan of
    their own, before the cue, are that person's: the pronoun may mean them (it never means anyone else named inside).
    Where that person's name ends."""
    if q.kind != "indirect" or q.cue is None or q.cue.start < q.end:
        return None
    words = [t for t in doc if q.start <= base + t.idx < q.end]
    root = next((t for t in words if not q.start <= base + t.head.idx < q.end or t.head.i == t.i), None)
    if root is None or root.lemma_.lower() not in OWN_VIEW_VERBS or root.tag_ not in {"VBZ", "VBP"}:
        return None
    subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.ent_type_ != "PERSON" or subject.left_edge.i != words[0].i:
        return None
    return base + subject.idx + len(subject)


def _block_start(turns: list[Quote], turn: Quote) -> int:
    """Where the speaker of `turn` took the floor: the first of the consecutive turns they hold."""
    ordered = sorted(turns, key=lambda t: t.start)
    i = next(i for i, t in enumerate(ordered) if t is turn)
    who = (turn.speaker.name, turn.speaker.description)
    while i > 0 and (ordered[i - 1].speaker.name, ordered[i - 1].speaker.description) == who:
        i -= 1
    return ordered[i].start


def _turn_office(pronoun: SpeakerRef, offices: list[OfficeMention]) -> SpeakerRef | None:
    """'the President will announce … As he has often said, …' in a turn: "he" is the office the speaker talks about
    (named from the document's date at store time), when the turn's last office subject before it is the President's."""
    said = pronoun.mention
    if said is None or said.text.lower() not in {"he", "she"}:
        return None
    before = [o for o in offices if o.pos < said.start]
    if not before:
        return None
    office = max(before, key=lambda o: o.pos)
    if office.qualifiers - {"vice"}:
        return None  # "the former president", "the Mexican president": not the White House's own
    description = "the Vice President" if "vice" in office.qualifiers else "the President"
    return SpeakerRef(name=None, resolution="nominal", description=description, mention=said)


def _someone_else(inner: SpeakerRef, turn: SpeakerRef, joint: set[tuple[int, int]]) -> bool:
    """Whose words a turn passes on: a named person or organisation other than its speaker, two people named together
    (`joint`: where they are), or "the President" (named later from the document's date), never a pronoun or the
    speaker's own "I" or "we"."""
    if inner.resolution == "named" and inner.name:
        return inner.name != turn.name
    if inner.mention is not None and (inner.mention.start, inner.mention.end) in joint:
        return True
    return inner.resolution == "nominal" and bool(_US_OFFICE.fullmatch((inner.description or "").strip()))


_SIGNER = r"(?P<name>[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,7})"
_TWEET_SIGNOFF = re.compile(r"(?P<words>.+?)\s*[—―–]+\s*" + _SIGNER + r"\s*\(@\w{1,30}\)\s*[A-Z][a-z]+\.? \d{1,2}, \d{4}\s*", re.DOTALL)
_QUOTE_SIGNOFF = re.compile(r"[“\"”](?P<words>[^“”\"]{10,})[”\"]\s*[―—–]\s*" + _SIGNER)
_LINK = re.compile(r"\s*(?:pic\.twitter\.com/\S+|https?://\S+)\s*$")


def _signer_end(doc: Doc, m: re.Match[str]) -> int | None:
    """Where a sign-off's signer ends (a character offset in doc): at the end of the person the tagger finds in it ('–
    First Lady Jill Biden Communities in Schools …' is Jill Biden), else a name of at most five words, or three after a title."""
    start, end = m.start("name"), m.end("name")
    person = next((ent for ent in doc.ents if ent.label_ == "PERSON" and start <= ent.start_char < end), None)
    if person is not None and not is_title_word(person[-1].text.rsplit("-", 1)[-1]):  # not the tagger's 'Caucus Co-Chair'
        last = person.end - 1
        while last > person.start + 1 and doc[last].tag_ in {"NNPS", "NNS"}:
            last -= 1  # 'Ann Lowe Schools': a plural is the next name's, no part of hers
        return min(doc[last].idx + len(doc[last]), end)
    words = list(re.finditer(r"\S+", doc_text(doc)[start:end]))
    titled = [i for i, w in enumerate(words) if _signer_title_word(w.group())]
    most = titled[-1] + 4 if titled else 5  # a name of up to three words after its title: 'Caucus Co-Chair Tom Reed'
    return start + words[min(len(words), most) - 1].end() if words else None


def _signer_title_word(word: str) -> bool:
    """A title word of a sign-off, a hyphenated one by its last part too ('Co-Chair')."""
    return is_title_word(word) or is_title_word(word.rsplit("-", 1)[-1])


def _signer(signed: str) -> tuple[str | None, str | None, str]:
    """Title, organisation and name of a sign-off: '– Problem Solvers Caucus Co-Chair Josh Gottheimer' is Josh
    Gottheimer, co-chair of the Problem Solvers Caucus; a plain name ('― Sonya Herridge') is just that."""
    words = signed.split()
    while len(words) > 2 and words[-1].lower().endswith("ities"):
        words = words[:-1]  # 'Jill Biden Communities [in Schools]': the next name's word, no part of hers
    if words[:2] == ["First", "Lady"]:
        return "First Lady", None, clean_name(" ".join(words[2:]))
    titled = [_signer_title_word(w) for w in words]
    last = max((i for i, t in enumerate(titled) if t), default=-1)
    if last < 0:
        return None, None, clean_name(signed)
    if len(words) - last - 1 < 2:
        return None, None, ""  # no full name after the title: nobody a staffer could cite
    name = clean_name(" ".join(words[last + 1 :]))
    first = last
    while first > 0 and titled[first - 1]:
        first -= 1
    if first == 0:
        return None, None, name  # 'Rep. Ann Lowe': the title is read off the mention later
    lead = 0
    while lead < first and titled[lead]:
        lead += 1  # 'Acting ICE Director': the acting director of ICE
    org = words[lead:first]
    if org in (["U.S."], ["US"]):
        return " ".join(words[: last + 1]), None, name  # 'U.S. Rep.': one title
    return " ".join([*words[:lead], *words[first : last + 1]]), " ".join(org), name


def _without_links(text: str, s: int, e: int) -> tuple[int, int]:
    """A tweet's trailing picture or link is not its words."""
    while (m := _LINK.search(text, s, e)) is not None and m.start() > s:
        e = m.start()
    return _trim(text, s, e)


def _time_of_telling(cue: Cue, sub: list[Token]) -> int | None:
    """Where a reported clause without "that" really begins when the parse hangs the cue's date on its verb: 'told
    reporters Sunday the agency had just begun …', 'said on Friday he would not sign …'. The date opens the clause and
    runs straight into its subject (with a comma between, '… said, this morning, we cannot …', it stays the words'
    own); a date that is the subject ('said this week is a now-or-never moment') has no subject after it."""
    content = cue.content
    if content.dep_ != "ccomp" or content.head.i not in cue.tokens or content.i < content.head.i:
        return None
    subject = next((c for c in content.children if c.dep_ in _SUBJECTS and c.i < content.i), None)
    lead = next((c for c in content.children if c.left_edge.i == sub[0].i), None)
    if subject is None or lead is None or lead.right_edge.i + 1 != subject.left_edge.i:
        return None
    dated = lead.ent_type_ in {"DATE", "TIME"} if lead.dep_ == "npadvmod" else (
        lead.dep_ == "prep" and lead.lower_ in {"on", "in", "at"} and any(c.dep_ == "pobj" and c.ent_type_ in {"DATE", "TIME"} for c in lead.children))
    if not dated or any(t.ent_type_ not in {"DATE", "TIME"} and t.dep_ != "prep" or t.lower_ in _NOT_WHEN_TOLD for t in lead.subtree):
        return None
    return subject.left_edge.i


# Dates that belong to what was said, never to the saying: 'said every year she turns away applicants', 'said next
# year the budget will …' (words are said before they are reported)
_NOT_WHEN_TOLD = frozenset({"every", "each", "next", "tomorrow", "coming", "later"})


def _party_epithet(subject: Token) -> bool:
    """'the Illinois Democrat', 'Maryland Democrat': one party member, definite, standing for someone named before;
    never 'a Democrat' or 'Democrats' (somebody else, a group)."""
    if subject.lemma_.lower() not in PARTY_NOUNS and subject.lower_ not in PARTY_NOUNS or subject.tag_ in {"NNS", "NNPS"}:
        return False
    determiners = {c.lower_ for c in subject.children if c.dep_ == "det"}
    return determiners == {"the"} or not determiners and any(c.dep_ in {"compound", "amod"} for c in subject.children)


def _without_contrasted_speech(content: Token, sub: list[Token]) -> list[Token]:
    """'Activist groups say they're fleeing …, while Mr. Trump says they're being enticed …': a clause set against the
    reported words, with a speaker and a cue of its own ('…, although he again refused to pledge …', '…, and rights
    groups warned that …'), is that speaker's; the first speaker's words end before it."""
    for tok in sub:
        if tok.i <= content.i or tok.dep_ not in {"advcl", "conj"} or not _speech_act(tok):
            continue
        if not any(c.dep_ in _SUBJECTS and c.tag_ not in {"WDT", "WP"} for c in tok.children):
            continue
        if tok.dep_ == "conj" and (any(c.dep_ == "mark" for c in tok.children) or not _states_own(tok)):
            continue  # 'said X and that the committee would continue …', '… and some speculated about his health': still
            # what the cue reports; a coordinated speaker with words of their own (in marks, or a clause) is another statement
        if tok.dep_ == "advcl":
            opener = next((c for c in tok.children if c.dep_ == "mark" and c.lower_ in {"while", "whereas", "although", "though"}), None)
        else:  # '… would not be eligible, and when pressed, the mother replied, "…"': another sentence, another act
            opener = next((c for c in tok.head.children if c.dep_ == "cc" and c.i < tok.i and c.i > content.i), None)
        if opener is not None:
            kept = [t for t in sub if t.i < opener.i]
            while kept and kept[-1].is_punct:
                kept.pop()
            return kept or sub
    return sub


def _speech_act(tok: Token) -> bool:
    """A verb of speech, or one governing it ('refused to pledge', 'went on to say')."""
    return tok.lemma_.lower() in SPEECH_VERBS or any(c.dep_ == "xcomp" and c.lemma_.lower() in SPEECH_VERBS for c in tok.children)


def _states_own(tok: Token) -> bool:
    """A coordinated speaker's verb with words of its own: in marks, or a clause ('…, and rights groups warned that …')."""
    return any(t.text in _MARK_TOKENS for t in tok.subtree) or any(c.dep_ == "ccomp" for c in tok.children)


_MARK_TOKENS = frozenset({'"', "“", "”", "''", "``"})
_CLOSING_MARK_TOKENS = _MARK_TOKENS - {"“", "``"}


def _gloss_start(content: Token, tok: Token, last: int) -> int | None:
    """Where the writer's own words begin, if tok opens them and they run to the end of the reported clause (last)."""
    doc = tok.doc
    left = tok.left_edge.i
    if tok.right_edge.i < last or left <= content.i:
        return None
    after_comma = doc[left - 1].text == ","
    if tok.dep_ == "appos" and after_comma and tok.head.pos_ == "PROPN" and not any(c.dep_ == "conj" for c in tok.children):
        return left - 1  # '… did not support Mr. Trump, the presumed Putin favorite': the writer introduces (a list is no gloss)
    if tok.dep_ == "advcl" and after_comma and tok.tag_ == "VBG" and tok.lemma_.lower() in SPEECH_VERBS | GROUNDING_VERBS:
        return left - 1  # '…, arguing that …', '…, citing …': the speaker's next act, not the words reported
    if _next_act(tok):
        cc = [c.i for c in tok.head.children if c.dep_ == "cc" and c.i < tok.i]
        start = max(cc) if cc else left
        return start - 1 if doc[start - 1].text == "," else start  # '… would order a review and warned against hackers'
    return None


def _next_act(tok: Token) -> bool:
    """A speech verb coordinated without a subject of its own ('… and warned against hackers'): the speaker's next act."""
    return tok.dep_ == "conj" and tok.tag_ in {"VBD", "VBZ"} and tok.lemma_.lower() in SPEECH_VERBS and not any(c.dep_ in _SUBJECTS for c in tok.children)


def _without_writer_gloss(content: Token, sub: list[Token]) -> list[Token]:
    """The reported clause without what the writer adds at its end: an appositive introducing its last name, the
    speaker's next act ('…, arguing that …', '… and warned …'), a new sentence after a semicolon. Words in quotation
    marks are never cut: they were said. (A relative clause on the last noun stays: cutting it cost PolNeAR dev and train.)"""
    if not sub:
        return sub
    last = next((t.i for t in reversed(sub) if not t.is_punct), sub[-1].i)
    cut = None
    next_statement = False
    for tok in sub[1:]:
        if tok.text == ";":
            cut = tok.i  # 'said the timing was not intentional; they only learned …': a new sentence, the writer's
            break
        start = _gloss_start(content, tok, last) if tok.i > content.i else None
        if start is not None and start > content.i:
            cut = start
            next_statement = tok.dep_ == "advcl" and tok.lemma_.lower() in SPEECH_VERBS and any(c.dep_ == "ccomp" for c in tok.children)
            break
    if cut is None:
        return sub
    tail = [t for t in sub if t.i >= cut]
    if any(t.text in _MARK_TOKENS for t in tail) and not next_statement:
        return sub  # words in marks were said, unless they are the speaker's next statement ('…, saying that "race …"')
    kept = [t for t in sub if t.i < cut]
    while kept and kept[-1].is_punct:
        kept.pop()
    return kept or sub


def _repaired_clause(content: Token, sub: list[Token]) -> list[Token]:
    """A reported clause the parse broke, put back together from the cue verb's other right-hand children.

    'said that President Trump misunderstood the question when he blasted …': the parser takes "that" for the clause
    and "the question when …" for the cue's object; 'said on Friday immigration legislation … is unworkable': it
    hangs the clause's subject on "on Friday". The clause runs on to the first coordinated verb, and a clause without
    a subject starts right after the cue and its date.
    """
    verb = content.head
    if content.dep_ != "ccomp" or verb.i >= content.i:
        return sub
    doc = content.doc
    later = [c for c in verb.children if c.i > sub[-1].i and c.dep_ in {"dobj", "npadvmod", "advmod", "prep"}]
    if content.lower_ == "that" and later:
        stop = next((c.i for c in verb.children if c.i > content.i and c.dep_ in {"cc", "conj"}), len(doc))
        end = max(t.i for c in later if c.i < stop for t in c.subtree) if any(c.i < stop for c in later) else sub[-1].i
        return list(doc[sub[0].i : end + 1])
    subjectless = not any(c.dep_ in {"nsubj", "nsubjpass", "expl", "csubj"} for c in content.children)
    between = doc[verb.i + 1 : sub[0].i]
    if subjectless and content.pos_ in {"VERB", "AUX"} and len(between) > 1 and all(t.i != verb.i and not t.is_punct for t in between):
        first = verb.i + 1
        while first < sub[0].i and (doc[first].ent_type_ in {"DATE", "TIME"} or doc[first].dep_ == "prep" and doc[first + 1].ent_type_ in {"DATE", "TIME"}):
            first += 1
        if first < sub[0].i and doc[first].pos_ in {"NOUN", "PROPN", "DET", "ADJ"}:
            return list(doc[first : sub[-1].i + 1])
    return _swallowed_clause(verb, sub)


def _swallowed_clause(verb: Token, sub: list[Token]) -> list[Token]:
    """'said Trump has respect for the military and his comment was instead …': the parse takes the second clause's
    subject for a coordinated object and hangs its verb, subjectless, on the cue; the clause goes on through it, unless
    that verb is someone else's speech ('… mishandled the investigation and Democrats accused …'), where it ends before.
    Likewise 'said Trump's tweet to invite Flowers to the debate was only "to mock" Clinton': the parse gives the subject
    to the infinitive and hangs "was", subjectless, on the cue."""
    last = sub[-1]
    verb_after = next((c for c in verb.children if c.dep_ == "ccomp" and c.left_edge.i == last.right_edge.i + 1), None)
    if verb_after is None or verb_after.pos_ not in {"VERB", "AUX"} or any(c.dep_ in {"nsubj", "nsubjpass", "expl"} for c in verb_after.children):
        return sub
    swallowed = last.dep_ == "conj" and last.pos_ in {"NOUN", "PROPN"}
    if _speech_act(verb_after):
        if not swallowed:
            return sub
        kept = [t for t in sub if t.i < last.left_edge.i]
        while kept and (kept[-1].dep_ == "cc" or kept[-1].is_punct):
            kept = kept[:-1]
        return kept or sub
    return sub + list(verb_after.subtree)


def _reason_given(cue: Cue, sub: list[Token]) -> list[Token]:
    """'said that claim smacked of hypocrisy, because Democrats have been …': the parse hangs the reason on the cue, but
    it goes on with what was said (the clause right after the reported one, opened by "because" or "when it comes to")."""
    if cue.content is None or cue.content.dep_ != "ccomp" or cue.content.head.i not in cue.tokens:
        return []
    verb = cue.content.head
    after = sub[-1].i + 1
    doc = verb.doc
    while after < len(doc) and (doc[after].text == "," or doc[after].text in _CLOSING_MARK_TOKENS):
        after += 1
    reason = next((c for c in verb.children if c.dep_ == "advcl" and c.left_edge.i == after and (any(
        m.dep_ == "mark" and m.lower_ == "because" for m in c.children) or _when_it_comes_to(c))), None)
    return list(doc[sub[-1].i + 1 : reason.right_edge.i + 1]) if reason is not None else []


def _when_it_comes_to(clause: Token) -> bool:
    """'… a "significant difference," when it comes to how many lawyers work there': the idiom narrows what was said; it is
    not when the saying happened."""
    return clause.lemma_ == "come" and any(c.lower_ == "it" and c.dep_ == "nsubj" for c in clause.children) and any(
        c.dep_ == "prep" and c.lower_ == "to" for c in clause.children)


def _absorbed_subject(verb: Token) -> Token | None:
    """'In a meeting with the editorial board of the Washington Post Trump said that …': without the comma the parse reads
    the name into the phrase before it and leaves the cue without a subject; the name right before the cue speaks."""
    if verb.dep_ != "ROOT" or verb.i == 0:
        return None
    name = verb.doc[verb.i - 1]
    if name.pos_ != "PROPN" or name.dep_ != "pobj" or name.i == name.sent.start or not name.text[:1].isupper():
        return None
    return name


def _clause_after_phrase(verb: Token) -> Token | None:
    """'Trump said after the convention he would not accept …': the parse reads "after" as opening the clause and hangs
    it on the cue as an adverbial; a clause with its own subject, led only by a phrase of time, is what was said."""
    for c in verb.children:
        if c.dep_ != "advcl" or c.i < verb.i or any(g.dep_ == "mark" for g in c.children):
            continue
        subjects = [g for g in c.children if g.dep_ in {"nsubj", "nsubjpass"} and g.tag_ not in {"WDT", "WP"}]
        leading = [g for g in c.children if g.i < c.i and g not in subjects and g.dep_ not in {"aux", "auxpass", "neg"}]
        if subjects and leading and all(g.dep_ == "prep" and g.i < subjects[0].i and g.lower_ in _TIME_PREPOSITIONS for g in leading):
            return c
    return None


_TIME_PREPOSITIONS = frozenset({"after", "before", "during", "since", "following"})
_TIME_MARKS = frozenset({"before", "after", "when", "while", "until", "since", "once"})


def _introduces_a_block(cue: Cue) -> bool:
    """A main clause's verb of saying ('The governor added:'), not a source the sentence cites ('according to the State
    Department:'), a topic ('spoke out against Trump:') or a verb inside a noun's clause ('ways his campaign hopes to …:')."""
    verb = cue.sentence.doc[min(cue.tokens)]
    main = verb.dep_ == "ROOT" or verb.dep_ == "conj" and verb.head.dep_ == "ROOT"
    main = main or verb.pos_ == "NOUN" and verb.dep_ in {"nsubj", "nsubjpass"} and verb.head.dep_ == "ROOT"  # "Boehner's statement read:"
    return main and not cue.according_to and verb.lemma_.lower() not in TOPIC_VERBS | {"speak", "talk"}


def _introducing(doc: Doc, base: int) -> tuple[Token | None, Span | None]:
    """'Caddell continued:', 'Sanders made the following comment:': a paragraph that introduces the next one without a
    verb of speech; its subject speaks there."""
    return _introduced_by(list(doc.sents)[-1], base)


def _introduced_by(sent: SpacySpan, base: int) -> tuple[Token | None, Span | None]:
    """The subject and verb of a sentence that introduces words to come ('Sanders made the following comment:'), or none."""
    verb = sent.root
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    introduces = verb.lemma_.lower() == "continue" and not objects or verb.lemma_.lower() in INTRODUCING_VERBS and any(
        o.lemma_.lower() in STATEMENT_NOUNS and any(d.lower_ == "following" for d in o.children) for o in objects
    )
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if not introduces or subject is None:
        return None, None
    return subject, Span(verb.text, base + verb.idx, base + verb.idx + len(verb))


def _introduced_after_colon(text: str, base: int, sents: list[SpacySpan], s: int) -> tuple[Token, Span] | None:
    """'Larsen released the following statement: “When I visited …”': a sentence that introduces a quotation after a
    colon, as `_introducing` reads a paragraph that introduces the next one; its subject and verb."""
    if not re.search(r":\s*[\"“]?$", text[max(0, s - 4) : s]):
        return None
    sent = next((st for st in sents if base + st.start_char < s), None)
    if sent is None:
        return None
    subject, cue = _introduced_by(sent, base)
    return (subject, cue) if subject is not None and cue is not None else None


_ADJUNCTS = frozenset({"prep", "agent", "npadvmod", "advmod", "dative"})


def _adjuncts(verb: Token, objects: bool) -> list[Token]:
    """The cue's dependents after it that say to whom, where or when ('to the crowd', 'in a statement Monday'); with
    `objects`, its direct object too ('told reporters')."""
    return [c for c in verb.children if c.i > verb.i and (c.dep_ in _ADJUNCTS or objects and c.dep_ == "dobj")]


def _adjunct_words(cue: Cue, base: int, marked: list[MarkedSpan], m: MarkedSpan, ends: int) -> int:
    """Words of the cue's adjuncts ('in a statement Monday', 'to the crowd', 'during a rally in Richmond'), which say where
    and when, not what: '"…," Price said in a statement Monday.' is a direct quote as much as '"…," Price said.'.
    Only where the marks lie outside the cue's clause: opening their sentence before it, or opened by a colon after it
    ('Oz is "smart as hell," X wrote in an email' is no direct quote of three words); the one told counts too
    ('told reporters at the Capitol'). An adjunct holding quoted words is no adjunct ('warned against "a rush …"')."""
    doc = cue.sentence.doc
    verb = doc[min(cue.tokens)]
    before = doc_text(doc)[: max(0, m.start - base)]
    opened = re.search(r"[:,]\s*[\"“]?$", before) is not None  # '…, Schumer said from the floor, "is a breakthrough day."'
    if not (_opens_sentence(before) and m.end <= base + verb.idx or opened and m.start >= base + verb.idx):
        return 0
    count = 0
    for child in _adjuncts(verb, objects=verb.lemma_.lower() in ADDRESSEE_VERBS):
        sub = list(child.subtree)
        lo, hi = base + sub[0].idx, base + sub[-1].idx + len(sub[-1])
        if hi <= ends and not any(_overlap((lo, hi), (x.start, x.end)) for x in marked):
            count += sum(1 for t in sub if not t.is_punct)
    return count


_INNER_APOSTROPHE = re.compile(r"(?<=\w)’(?=\w)")


def for_parser(text: str) -> str:
    """The text spaCy reads: a typographic apostrophe inside a word as a straight one, one character for one. The small
    model reads "Beto O’Rourke said" as a product and "Terrence O’Shaughnessy" as "Terrence"; quotes keep the document's
    own characters, since every span is sliced from it. An editor's bracketed name before a verb ('[Hui] refused …',
    '"…," [Smith] said') is read without its brackets, which the parse took for the subject."""
    return _BRACKETED_NAME.sub(r" \1 ", _INNER_APOSTROPHE.sub("'", text))


_BRACKETED_NAME = re.compile(r"(?<![\"“‘])\[([A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3})\](?= [a-z])")  # not a quotation's first word


_DASH_BEFORE = re.compile(r"\s*(?:--|—|–)\s*[\"“]$")  # 'Mitt Romney -- "…'
_DASH_AFTER = re.compile(r"[\"”]?\s*(?:--|—|–)")  # '…" --'
# a closing mark, a dash and unmarked words to the end, not a clause joined on ('"a disaster" — and she would …'); or a
# closing mark after a comma and a noun that names what was said, to the end: the writer's words about the quotation
_GLOSS_AFTER_MARKS = re.compile(
    r"[\"”](?:\s*(?:—|--|–)\s+(?!(?:and|but|or|so)\b)|(?<=,[\"”])\s+(?:a|an)\s+(?:sentiment|view|remark|comment|claim|reference|phrase|line|refrain|charge)\b)"
    r"[^\"“”]*$"
)  # '… "suburbs of St. Petersburg" — a metaphor for …', '… "a thing called execution," a sentiment echoed by …'
_CLOSING_AFTER = re.compile(r"[.,!?;:]?[\"”]")


def _with_its_closing_mark(q: Quote, text: str) -> None:
    """A mixed quote that ends where its marked words end takes their closing mark (and the stop printed inside it):
    'said the city "failed its residents."', not '… "failed its residents', which a briefing tool would print unbalanced."""
    if q.kind not in {"mixed", "indirect"}:
        return
    opened = 0
    for i, ch in enumerate(q.text):
        if ch in "\"“" and opens_quotation(q.text, i):
            opened += 1
        elif ch in "”\"" and opened:
            opened -= 1
    if opened == 1 and (m := _CLOSING_AFTER.match(text, q.end)) is not None:
        q.end = m.end()
        q.text = text[q.start : q.end]


def _without_dateline(q: Quote, text: str) -> None:
    """'WASHINGTON (Reuters) - U.S. President Donald Trump will not …, a senior aide said': the words start after the
    wire's dateline, which no one said."""
    if q.kind in {"turn", "question"}:
        return
    start = dateline_end(text, q.start)
    if q.start < start < q.end and _words(text[start : q.end]) >= 3:
        q.start, q.text = start, text[start : q.end]


_STRAIGHT_INNER = re.compile(r"(?<=\w)'(?=\w)")


def _as_the_document_writes(q: Quote, text: str) -> None:
    """Names and labels read from the parse, which saw straight apostrophes (`for_parser`), as the document writes them:
    "Beto O’Rourke" where the document has a typographic apostrophe."""
    s = q.speaker
    for field_name in ("name", "title", "organization", "description"):
        value = getattr(s, field_name)
        if value and "'" in value and (typographic := _STRAIGHT_INNER.sub("’", value)) in text:
            setattr(s, field_name, typographic)
    if q.reported_by and "'" in q.reported_by and (typographic := _STRAIGHT_INNER.sub("’", q.reported_by)) in text:
        q.reported_by = typographic


def _name_line(doc: Doc) -> bool:
    """A paragraph that is a person's name and nothing else: a byline or a signature, not narration."""
    text = doc_text(doc).strip()
    return any(e.label_ == "PERSON" and e.text == text for e in doc.ents)


def _authored_documents(parsed: list[tuple[int, Doc]], marked: list[MarkedSpan]) -> list[tuple[int, str, SpeakerRef | None]]:
    """(offset, noun, author) of every report, study, memo … the narration introduces ('Mueller's report', 'a Syracuse
    University study', 'a report by the GAO', 'a new report' with no author: None), in text order; "the report" itself
    introduces nothing."""
    out: list[tuple[int, str, SpeakerRef | None]] = []
    for base, doc in parsed:
        ents = list(doc.ents)
        for tok in doc:
            noun = tok.lemma_.lower()
            if tok.pos_ != "NOUN" or noun not in AUTHORED_NOUNS or any(m.start <= base + tok.idx < m.end for m in marked):
                continue
            author = _document_issuer(tok, ents) or author_of(tok, ents) or _owning_name(tok, ents) or _maker(tok, ents)
            if author is not None and _an_office(author.text):
                # 'the IG report': a report of its own, whose author the text names only by an office
                out.append((base + tok.idx, noun, None))
                continue
            determiners = {c.lower_ for c in tok.children if c.dep_ == "det"}
            if author is None and (determiners & {"the", "this", "that"} or not determiners):
                continue  # 'the report' refers back; a bare plural ('reports say') introduces none in particular
            who = None if author is None else _named_author(author)
            if who is not None and who.is_organization and junk_organization(who.name):
                who = None  # 'an NBC News/Wall Street Journal poll': two bodies fused, no one name the store keeps
            out.append((base + tok.idx, noun, who))
    return out


def _an_office(name: str) -> bool:
    """An author the tagger named that is an office, not who holds it: 'Inspector General', 'IG'."""
    words = name.split()
    return all(is_title_word(w) for w in words) or len(words) == 1 and words[0].isupper() and len(words[0]) <= 2


def _named_author(author: SpacySpan) -> SpeakerRef:
    """A document's author as a named speaker: a body without the article the sentence gives it ('the GAO')."""
    if is_person(author):
        return SpeakerRef(name=clean_name(author.text), resolution="named")
    return SpeakerRef(name=re.sub(r"^(?i:the)\s+", "", clean_name(author.text)), resolution="named", is_organization=True)


def _owning_name(noun: Token, ents: list[SpacySpan]) -> SpacySpan | None:
    """The person or body a document noun is written as theirs by: 'Robert Mueller's report', 'a Syracuse University
    study', 'the GAO report'."""
    for c in noun.children:
        if c.dep_ in {"poss", "compound"} and c.i < noun.i:
            ent = next((e for e in ents if e.label_ in {"PERSON", "ORG"} and e.start <= c.i < e.end <= noun.i), None)
            if ent is not None:
                return ent
    return None


# How far from its cue or its speaker a document noun names what was quoted ('A statement from the Department of
# Homeland Security on Tuesday said', 'Oakley said Monday in a written statement').
_DOCUMENT_NEAR_CHARS = 120


def _maker(noun: Token, ents: list[SpacySpan]) -> SpacySpan | None:
    """The person or body whose act brings a document out: 'the GAO released a report', 'Horowitz is opening a new
    audit'."""
    verb = noun.head
    if noun.dep_ != "dobj" or verb.lemma_.lower() not in _MAKING_VERBS:
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return None if subject is None else next((e for e in ents if e.label_ in {"PERSON", "ORG"} and e.start <= subject.i < e.end), None)


_MAKING_VERBS = ISSUING_CUES | WRITING_VERBS | {"open", "conduct", "launch", "complete", "produce", "commission", "finish"}

# What "the report" may refer back to: the research last introduced ('a 2013 academic paper … according to the study').
_SAME_DOCUMENT = (
    frozenset({"report", "study", "paper", "analysis", "research", "review", "audit", "assessment", "investigation", "survey"}),
    frozenset({"poll", "survey"}),
    frozenset({"memo", "memorandum"}),
)


def _plural_nouns(parsed: list[tuple[int, Doc]], marked: list[MarkedSpan]) -> list[tuple[int, int, Token]]:
    """(offset, paragraph offset, token) of every plural noun and every speaking body outside quotation marks, in text
    order: what a "they" may mean, read once per document (a document with thousands of "they" stays linear)."""
    out = []
    for base, doc in parsed:
        for tok in doc:
            at = base + tok.idx
            if (tok.tag_ in {"NNS", "NNPS"} or _plural(tok) or _speaking_body(tok)) and not any(m.start <= at < m.end for m in marked):
                out.append((at, base, tok))
    return out


def _plural(tok: Token) -> bool:
    """A plural subject: a plural noun, or names joined by "and" ('Rep. Ann Lowe and Sen. Tom Harlan')."""
    return tok.tag_ in {"NNS", "NNPS"} or tok.ent_type_ == "PERSON" and any(
        c.dep_ == "conj" and c.ent_type_ == "PERSON" for c in tok.children
    ) and any(c.dep_ == "cc" and c.lower_ == "and" for c in tok.children)


def _verb_over_noun_clause(clause: Token) -> Token | None:
    """The verb whose object or subject is the noun a "that" clause completes ('rejected [the claims [that the order would
    lead …]]' -> "rejected"), or None when `clause` completes no noun."""
    if clause.dep_ != "acl" or clause.head.pos_ not in {"NOUN", "PROPN"} or not any(m.dep_ == "mark" and m.lower_ == "that" for m in clause.children):
        return None
    noun = clause.head
    return noun.head if noun.dep_ in {"dobj", "nsubj", "nsubjpass"} and noun.head.pos_ in {"VERB", "AUX"} else None


def _comma_gerund(verb: Token) -> bool:
    """An -ing verb right after a comma ('…, saying that …', '…, telling him: "…"'): the speaker's next act, as news prose
    writes it."""
    return verb.tag_ == "VBG" and verb.i > 0 and verb.doc[verb.i - 1].text == ","


def _agent_of(verb: Token) -> Token | None:
    """Who does a passive verb: its agent's object, or that of a "by" the parse hangs on the word given ('was called
    "scripted" by rival Chris Christie'), not on a clause of its own hung there ('— has been undercut by his decision')."""
    by = next((c for g in verb.children if g.dep_ == "agent" for c in g.children if c.dep_ == "pobj"), None)
    return by or next(
        (c for o in verb.children if o.dep_ == "oprd" and not any(x.dep_ in {"aux", "auxpass"} for x in o.children) for g in o.children
         if g.dep_ in {"agent", "prep"} and g.lower_ == "by" for c in g.children if c.dep_ == "pobj"), None,
    ) or _agent_on_the_gerund(verb)


def _agent_on_the_gerund(verb: Token) -> Token | None:
    """'Obama has been warned against acting alone by Speaker John Boehner': the parse hangs the agent of a passive
    warning on the gerund the warning is about; a named person or body there is who warned (the one warned is no speaker)."""
    if not any(c.dep_ == "auxpass" for c in verb.children):
        return None
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.i < verb.i:
            continue
        for gerund in (c for c in prep.children if c.dep_ == "pcomp" and c.tag_ == "VBG"):
            by = next((g for g in gerund.subtree if g.i > gerund.i and g.dep_ == "prep" and g.lower_ == "by"), None)
            agent = next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None
            if agent is not None and agent.ent_type_ in {"PERSON", "ORG", "NORP"}:
                return agent
    return None


def _mute_thing(tok: Token) -> bool:
    """A common noun that names no one who could speak ('the budget', 'search results'): not a person, group, body or office,
    nor a text or outlet that speaks for someone ('her statement', 'the newspaper')."""
    lemma = tok.lemma_.lower()
    return (
        tok.pos_ == "NOUN" and not tok.ent_type_ and not is_title_word(tok.text)
        and lemma not in GROUP_HEADS | COLLECTIVE_HEADS | ANONYMOUS_HEADS | STATEMENT_NOUNS | DOCUMENT_NOUNS | CLAIM_NOUNS | MEDIA_NOUNS
    )


def _speaking_body(tok: Token) -> bool:
    """A body made the subject of a verb of saying ('the administration won't say …'), which prose goes on to call "they"."""
    return tok.lemma_.lower() in COLLECTIVE_HEADS and tok.head.lemma_.lower() in SPEECH_VERBS


def _acts_on_an_object(verb: Token) -> bool:
    """'… it was nearly forgotten that on Thursday …, a group of senators announced a bipartisan deal': a verb with a
    subject and a thing for its object right after it announced the thing, not the clause the parse hung on it before
    ('"…," he told reporters' names whom he told)."""
    if verb.lemma_.lower() in ADDRESSEE_VERBS or not any(c.dep_ in _SUBJECTS for c in verb.children):
        return False  # 'That offensive will continue, explained the source': the parse's object is who speaks
    # right after the verb ('announced a bipartisan deal'), not across a dash ('…, he said — another signal that …')
    return any(
        c.dep_ == "dobj" and c.left_edge.i == verb.i + 1 and c.pos_ == "NOUN" and c.ent_type_ not in {"DATE", "TIME"}
        for c in verb.children
    )


def _extraposed_it(verb: Token) -> bool:
    """'It is important to note that …', 'it's worth noting that …': an infinitive (or a gerund after "worth") after "it
    is" and an adjective that judges saying so, whose "it" is no one; not 'It was quick to say …' of a body, whose
    adjective tells how it spoke (_SPEAKER_ADJECTIVES)."""
    be = verb.head.head if verb.head.dep_ == "acomp" else verb.head
    adjective = next((c for c in be.children if c.dep_ == "acomp" and c.pos_ == "ADJ"), None)
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    return (
        (be.lemma_ == "be" or be.lower_ in {"’s", "'s"}) and adjective is not None and adjective.lower_ not in _SPEAKER_ADJECTIVES
        and (infinitive or adjective.lower_ == "worth" and verb.tag_ == "VBG")
        and any(c.dep_ == "nsubj" and c.lower_ == "it" for c in be.children)
    )


# Adjectives whose infinitive's speaker is the subject ('It was quick to say …' of a company).
_SPEAKER_ADJECTIVES = frozenset({
    "quick", "eager", "keen", "careful", "happy", "glad", "willing", "ready", "prepared", "reluctant", "loath", "unwilling",
    "anxious", "proud", "first", "last", "able", "unable",
})


# Bodies that rule, which prose goes on calling "it" ('The court found …. In particular, its ruling noted …').
_RULING_BODIES = frozenset({"court", "panel", "tribunal"})
# Common nouns a body goes by as a sentence's subject ('the committee', 'the court').
_BODY_HEADS = COLLECTIVE_HEADS | ORGANIZATION_HEADS | _RULING_BODIES


def _body_noun(tok: Token) -> bool:
    """A sentence's subject that is a body by a singular common noun with its determiner ('The Obama campaign', 'the
    committee'), not part of a name the tagger read, nor the subject of what someone said ('the department said that
    … the health department was …')."""
    return (
        tok.dep_ in {"nsubj", "nsubjpass"} and tok.head.i == tok.sent.root.i and tok.tag_ == "NN" and not tok.ent_type_
        and tok.lemma_.lower() in _BODY_HEADS
        and any(c.dep_ in {"det", "poss"} and c.lower_ not in {"a", "an", "this", "that", "every", "each"} for c in tok.children)
    )


def _one_of_them(subject: Token) -> bool:
    """'One said …', 'with one saying …': "one" standing for a person of a group, not 'one nonprofit' or 'the one'."""
    return subject.lower_ in {"one", "another"} and not any(c.dep_ in {"prep", "amod", "compound", "det"} for c in subject.children) and not (
        subject.i + 1 < len(subject.doc) and subject.doc[subject.i + 1].pos_ in {"NOUN", "PROPN", "ADJ"}
    )


_DETERMINERS = frozenset({"the", "these", "those", "his", "her", "their", "its", "our"})
# words that open a group's description in lower case mid-sentence: 'the people close to …', 'the two officials'
_COMMON_OPENERS = frozenset({
    "people", "officials", "aides", "sources", "advisers", "advisors", "lawmakers", "members", "residents", "voters", "two", "three",
    "four", "five",
})
_QUANTIFIER_WORDS = frozenset({"some", "many", "several", "most", "few"})


def _definite(group: str) -> str:
    """'People close to the president' as 'the people close to the president', 'Democrats' as 'the Democrats', for 'One
    of …'."""
    if not group:
        return group
    first = group.split()[0]
    if first.lower() in _DETERMINERS:
        return group
    if first.lower() in _QUANTIFIER_WORDS and len(group.split()) > 1:
        return "the" + group[len(first):]  # 'Some witnesses' -> 'the witnesses'
    return f"the {first.lower() if first.lower() in _COMMON_OPENERS else first}{group[len(first):]}"


def _speaks_as_one(tok: Token) -> bool:
    """People who speak together: a group noun ("officials", "Republican leaders"), a people or party ("Democrats"),
    or names joined by "and"; not things ("the walls", "polls")."""
    lemma = tok.lemma_.lower()
    return lemma in GROUP_HEADS or lemma in COLLECTIVE_HEADS or tok.ent_type_ in {"NORP", "PERSON"} or lemma in ANONYMOUS_HEADS


_MODALS = frozenset("would will could might may should can shall 'd 'll".split())


def _hypothetical(cue: Cue) -> bool:
    """A cue under a modal ('would tell', 'will say', 'could argue'): speech foreseen or supposed, not done."""
    verb = cue.sentence.doc[min(cue.tokens)]
    return any(c.dep_ == "aux" and c.lower_ in _MODALS for c in verb.children)


def _opens_sentence(before: str) -> bool:
    """The text before a quotation ends a sentence or the paragraph begins ('Oz is "smart …," X wrote' does not)."""
    return re.search(r"(?:^|[.!?][\"”’']?\s)[\s\"“‘']*$", before) is not None


def _leads_its_cue(cue: Cue, base: int, m: MarkedSpan) -> bool:
    """'"…," said Shaw Drake, policy counsel with the ACLU, speaking to the Guardian from …': a quotation that opens its
    sentence, followed by nothing but its speaker and cue, is the speaker's whole statement, whatever the sentence goes on
    to say about the speaker ('referring to …', 'shortly after …', 'though he vowed …'); not '"X" is what he calls it'."""
    if cue.subject is None or cue.according_to:
        return False
    doc = cue.sentence.doc
    verb = doc[min(cue.tokens)]
    speaker = min(t.idx for t in cue.subject.subtree)
    if speaker > verb.idx and any(t.dep_ not in {"punct", "advmod", "npadvmod"} and t.i not in cue.tokens for t in doc[verb.i + 1 : cue.subject.left_edge.i]):
        return False  # 'said on Monday Shaw Drake': only the time between a cue and its speaker
    gap = doc_text(doc)[max(0, m.end - base) : min(speaker, verb.idx)]
    return _opens_sentence(doc_text(doc)[: max(0, m.start - base)]) and m.end - base <= min(speaker, verb.idx) and not gap.strip(" ,\"”’'\n")


def _opens_after_adjuncts(cue: Cue, base: int, m: MarkedSpan) -> bool:
    """'telling him in an exchange caught on video: "…"': a colon opens the marks after the cue and words that only say
    to whom, where or when (the cue's objects and adjuncts), so the marks hold what was said."""
    doc = cue.sentence.doc
    verb = doc[min(cue.tokens)]
    colon = next((t for t in doc[verb.i + 1 :] if t.idx >= m.start - base or t.text in {":", ","}), None)
    if colon is None or colon.text not in {":", ","} or doc_text(doc)[colon.idx + 1 : m.start - base].strip(" \"“"):
        return False
    between = {t.i for t in doc[verb.i + 1 : colon.i]}
    covered = {t.i for c in _adjuncts(verb, objects=True) for t in c.subtree}
    return bool(between) and between <= covered | set(cue.tokens)


def _opens_quotation(text: str, cue: Cue, base: int, m: MarkedSpan) -> bool:
    """The cue opens the marked words: right before them ('shot back: "…"', 'said, "…"'), or past its objects and
    adjuncts and a colon ('telling him in an exchange caught on video: "…"')."""
    return _INTRODUCED.fullmatch(text, base + cue.end, m.start) is not None or _opens_after_adjuncts(cue, base, m)


def _goes_on(further: Cue, cue: Cue) -> bool:
    """'…," the mayor said, adding that …' ('Conceding that … "…" he warned: …'): one cue hangs on the other and they share
    a speaker ('Lowe, who insists that …, claims that …' is two statements, not one going on)."""
    doc = cue.sentence.doc
    verb, then = doc[min(cue.tokens)], doc[min(further.tokens)]
    return (then.head.i == verb.i or verb.head.i == then.i) and further.subject is not None and cue.subject is not None and further.subject.i == cue.subject.i


def _named_after_marks(verb: Token) -> Token | None:
    """'“…,” Tulsa police Chief Anna Berg said Monday.': where the parse hung the words between a quotation's closing
    mark and its cue on the quotation, those words (nouns, names, and a capitalised word it took for a verb, 'Tulsa')
    are the speaker; the last noun heads them. Anything else between them ('“Every court” has said') and nobody is."""
    doc = verb.doc

    def words_before(end: int) -> int:
        start = end
        while start > 0 and (doc[start - 1].pos_ in {"PROPN", "NOUN", "ADJ", "DET"} or doc[start - 1].is_title and not doc[start - 1].is_punct):
            start -= 1
        return start

    end = verb.i
    if end > 1 and doc[end - 1].text == "," and (comma := words_before(end - 1) - 1) > 0 and doc[comma].text == ",":
        end = comma  # '“…,” Flynn, a top Trump surrogate, said': the name before the appositive
    start = words_before(end)
    if start == end or end - start > 8 or start < 2 or doc[start - 1].text not in _CLOSING_MARK_TOKENS or doc[start - 2].text != ",":
        return None
    return next((t for t in reversed(doc[start:end]) if t.pos_ in {"PROPN", "NOUN"}), None)


def _said_before(verb: Token, subject: Token, sent: SpacySpan) -> tuple[int, int] | None:
    """'Tensions flared as Fulghum defended the reports, sources said.': the parse hung the clause before a sentence-final
    cue on the cue as loose words (and 'tensions' as a second subject); the clause before the comma is what was said."""
    comma = subject.left_edge.i - 1
    if verb.dep_ != "ROOT" or subject.right_edge.i != verb.i - 1 or comma <= sent.start or sent.doc[comma].text != ",":
        return None
    if any(not t.is_punct and t.ent_type_ not in {"DATE", "TIME"} and not _in_medium(t, verb) for t in sent if t.i > verb.i):
        return None  # '…, sources said of the plan': more than a time, or where it was said, follows the cue
    words = [t for t in sent if t.i < comma]
    clause = any(t.pos_ in {"VERB", "AUX"} and any(c.dep_ in _SUBJECTS and c.i < comma for c in t.children) for t in words)
    return (sent.start, comma) if clause and sum(1 for t in words if not t.is_punct) >= 4 else None


def _introducing_noun(ent: SpacySpan) -> str | None:
    """'utility Duke Energy', 'secret-spilling website WikiLeaks', 'advocacy group Pueblo Sin Fronteras': the common noun
    written right before an organisation's name, which the text later calls it by ("the utility said")."""
    before = ent.doc[ent.start - 1] if ent.start > 0 else None
    if before is None or before.pos_ != "NOUN" or not before.is_lower or not before.is_alpha or ent[0].lower_ == "the":
        return None
    joined = before.head.i == ent.root.i or ent.root.head.i == before.i and ent.root.dep_ == "appos"
    return before.lower_ if joined else None


def _joint_speakers(subject: Token) -> SpacySpan | None:
    """'House Minority Leader Nancy Pelosi and Senate Minority Leader Chuck Schumer said': a named person and another
    joined by "and" as the one subject (the parse may hang the second name on the first as an apposition, and give the
    verb the second for its subject)."""
    top = subject.head if subject.dep_ in {"conj", "appos"} and subject.head.i < subject.i else subject
    if top.ent_type_ != "PERSON" or not any(c.dep_ == "cc" and c.lower_ == "and" for c in top.children):
        return None
    # the second is a name, not a thing one of them has ('Obama and Clinton's gut reaction')
    joined = [c for c in top.children if c.dep_ in {"conj", "appos"} and c.i > top.i and c.ent_type_ == "PERSON"]
    last = max((c.i for c in joined), default=None)
    if last is None or any(t.text == "," for t in subject.doc[top.i : last]):
        return None  # 'Jane Doe, a senator, and …' is a list the parse may have misread
    start = min(t.i for t in top.subtree if t.i <= top.i and not t.is_punct and t.dep_ not in {"det", "preconj"})
    doc, end = subject.doc, last + 1
    holder = next(c for c in joined if c.left_edge.i <= last <= c.right_edge.i)
    while end <= holder.right_edge.i and not doc[end].is_punct:
        end += 1  # '… and Paul Brandt of Ohio': where the second sits, up to a comma
    while doc[end - 1].lower_ in {"both", "together", "all"}:
        end -= 1  # 'Sen. Jane Doe and Mayor John Roe both': the two of them
    return doc[start:end]


def _cited_source(verb: Token, subject: Token) -> Token | None:
    """'Reuters, citing sources familiar with the situation, said …': the people a reporter cites between commas, whose
    words the report passes on (not 'citing security concerns', a reason)."""
    for c in verb.children:
        if c.dep_ != "advcl" or c.lower_ != "citing" or not subject.i < c.i < verb.i or c.doc[c.i - 1].text != ",":
            continue
        cited = next((o for o in c.children if o.dep_ == "dobj"), None)
        if cited is not None and (cited.ent_type_ == "PERSON" or cited.pos_ == "NOUN" and cited.lemma_.lower() in _CITED_PEOPLE):
            return cited
    return None


# Whom a report cites for what it says: named people, or people by what they are to the story.
_CITED_PEOPLE = ANONYMOUS_HEADS | frozenset({
    "official", "aide", "officer", "diplomat", "spokesman", "spokeswoman", "spokesperson", "adviser", "advisor", "lawmaker", "staffer",
})


def _channel_read_as_subject(verb: Token, subj: Token) -> bool:
    """'appeared on CNN declaring': the parse makes the channel after "on" the subject of the gerund that follows it."""
    prep = verb.head
    return (
        verb.dep_ == "pcomp" and verb.tag_ == "VBG" and prep.dep_ == "prep" and prep.lower_ == "on" and subj.ent_type_ == "ORG"
        and subj.left_edge.i == prep.i + 1 and prep.head.pos_ in {"VERB", "AUX"}
    )


def _on_a_platform(prep: Token) -> bool:
    """'thanked Trump [on Twitter]': where the cue's act took place, no object of it (not 'called on Congress')."""
    return prep.lower_ in {"in", "on"} and any(c.dep_ == "pobj" and c.lemma_.lower() in MEDIUM_NOUNS for c in prep.children)


def _in_medium(tok: Token, verb: Token) -> bool:
    """A word of 'in a statement', 'in an email to reporters' or 'on Twitter' hung on the cue: where the words were said."""
    prep = next((a for a in [tok, *tok.ancestors] if a.head.i == verb.i), None)
    if prep is None or prep.dep_ != "prep" or prep.lower_ not in {"in", "on"}:
        return False
    noun = next((c for c in prep.children if c.dep_ == "pobj"), None)
    return noun is not None and (_on_a_platform(prep) or noun.ent_type_ == "ORG" and prep.lower_ == "on")


_VENUE_PREPOSITIONS = frozenset({"on", "in", "at", "during", "from"})


def _marked_label(span: SpacySpan | None) -> bool:
    """Short marked words that are a piece of a phrase, not a clause: a show or a paper after a preposition or an owner
    ('said on MSNBC's "Morning Joe"', 'told NBC's "Today"'), a name set off by a comma ('One ad, "Balanced Rebellion," stars …'), a modifier before its
    noun ('one of the original "big four" negotiators'). Not 'called the plan "daylight robbery"' (the parse's apposition
    without a comma: a judgement) nor 'called his behavior "outrageous"' (a modifier after its noun)."""
    if span is None or any(t.pos_ in {"VERB", "AUX"} for t in span):
        return False
    root, inside = span.root, range(span.start, span.end)
    owner = next((t for t in reversed(root.doc[max(0, span.start - 3) : span.start]) if not t.is_punct or t.tag_ == "POS"), None)
    if owner is not None and owner.tag_ == "POS":
        return True  # 'told NBC's "Today"', 'Obama's "red line"': a thing its owner has, not words said
    head = root.head
    if head.i in inside or head.i == root.i:
        return False
    if root.dep_ == "pobj":
        return head.lower_ in _VENUE_PREPOSITIONS
    if root.dep_ == "appos":
        return head.pos_ == "NOUN" and any(t.text == "," for t in root.doc[head.i + 1 : span.start])
    return root.dep_ in {"compound", "amod", "nmod", "nummod"} and root.i < head.i and head.pos_ in {"NOUN", "PROPN"}


def _object_after_inverted_cue(verb: Token) -> Token | None:
    """'That offensive will continue, explained the source, who said …': the parse takes the speaker after an inverted cue
    for its object; a person's noun or name right after a cue with no subject of its own, after the clause and a comma,
    is who speaks."""
    if verb.i < 2 or verb.doc[verb.i - 1].text != "," or verb.lemma_.lower() in ADDRESSEE_VERBS or any(c.dep_ in _SUBJECTS for c in verb.children):
        return None  # 'told reporters': whom it was told
    if not any(c.dep_ == "ccomp" and c.i < verb.i for c in verb.children):
        return None
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.left_edge.i == verb.i + 1), None)
    if obj is None:
        return None
    person = obj.lemma_.lower() in ANONYMOUS_HEADS | TITLE_WORDS or obj.ent_type_ == "PERSON"
    return obj if person else None


def _inverted_cue_read_as_modifier(verb: Token) -> bool:
    """'“We’re not talking about insects!” tweeted Sen. Bob Casey (D., Pa.).': a verb right after a closing mark that the
    parse reads as describing the name after it (as in 'proposed policies') is an inverted cue, the name its speaker."""
    doc = verb.doc
    before = doc[verb.i - 1] if verb.i > 0 else None
    if before is not None and before.text == "," and verb.i > 1:
        before = doc[verb.i - 2]
    return (
        verb.dep_ == "amod" and verb.tag_ in {"VBD", "VBN"} and before is not None and before.text in _CLOSING_MARK_TOKENS
        and verb.head.i > verb.i and (verb.head.pos_ == "PROPN" or verb.head.ent_type_ == "PERSON")
    )


def _quoted_as_saying(verb: Token) -> Token | None:
    """'An early tweet quoted the president as saying "…"', 'The Times cited Lowe as saying that …', 'Lowe was quoted
    as saying …': the one quoted speaks, not the one quoting."""
    prep = verb.head
    if verb.dep_ != "pcomp" or prep.lower_ != "as" or prep.head.lemma_.lower() not in {"quote", "cite"}:
        return None
    return next((c for c in prep.head.children if c.dep_ in {"dobj", "nsubjpass"}), None)


def _put_it(verb: Token) -> Token | None:
    """'as one prosecutor put it, "…"', 'She put it bluntly: "…"': the "it" of putting something into words; not 'put it
    on the table', 'put it to a vote', 'put it off'."""
    if any(c.dep_ in {"prep", "dative", "prt", "oprd"} for c in verb.children):
        return None
    return next((c for c in verb.children if c.dep_ == "dobj" and c.lower_ == "it"), None)


def _subject_hung_on_as(verb: Token) -> Token | None:
    """'…; changing the Constitution, as one immigrant rights advocate once put it, is like …': the parse may hang the
    speaker of an "as" clause on "as", leaving the verb without a subject."""
    if any(c.dep_ in _SUBJECTS for c in verb.children) or verb.tag_ not in {"VBD", "VBZ", "VBP"}:
        return None  # not 'his role as commander-in-chief to promise …'
    return next((g for c in verb.children if c.dep_ == "mark" and c.lower_ == "as" and c.i < verb.i for g in c.children if g.dep_ == "pobj"), None)


def _as_cue(verb: Token) -> bool:
    """'…, as Ann Lowe noted': a speech verb in an "as" clause frames the sentence it hangs on."""
    if verb.dep_ != "advcl" or verb.head.i == verb.i or not any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children):
        return False
    if verb.lemma_.lower() not in FRAMING_CUES or any(c.dep_ in {"ccomp", "xcomp"} for c in verb.children):
        return False  # 'As he welcomed several hundred guests, …': "as" of time, not of attribution
    if any(c.dep_ == "nsubj" and c.lower_ in {"i", "we", "you"} for c in verb.children):
        return False  # 'as you very aptly pointed out, Laura, …': a speaker's nod inside their own words
    if verb.i + 1 < len(verb.doc) and verb.doc[verb.i + 1].text == ":":
        return False  # '…; as George Washington wrote:' introduces the words after it, not the clause before
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    return all(o.lower_ == "it" or verb.lemma_.lower() in ADDRESSEE_VERBS for o in objects)  # 'as she put it', 'as he told reporters'


def _clause_after_addressee(verb: Token) -> Token | None:
    """'complained to the officers that her husband was unarmed', 'said in a letter that the border is not secure': the
    parse reads the "that" clause as a relative clause on the addressee or the medium; one opened by "that" as a
    conjunction (not a relative pronoun) is what was said."""
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.i > verb.i):
        nouns = [c for c in prep.children if c.dep_ == "pobj"]
        if prep.lower_ != "to" and not any(n.lemma_.lower() in MEDIUM_NOUNS for n in nouns):
            continue  # 'closing in on a victory that few would have predicted', 'in terms of the notes that he writes'
        # 'in a letter to lawmakers that …': the addressee of the medium
        nouns += [o for n in nouns for p in n.children if p.dep_ == "prep" and p.lower_ == "to" for o in p.children if o.dep_ == "pobj"]
        for noun in nouns:
            clause = next((c for c in noun.children if c.dep_ == "relcl" and c.i > noun.i and _opened_by_that(c)), None)
            if clause is not None:
                return clause
    return None


def _opened_by_that(clause: Token) -> bool:
    """A clause the parse took for a relative one that "that" opens as a conjunction: its mark, or an object the parse
    gave a verb that has one already ('said in a news release that he decided to rescind the memo'; not '… a letter that
    he sent')."""
    if any(m.dep_ == "mark" and m.lower_ == "that" for m in clause.children):
        return True
    that = clause.doc[clause.left_edge.i]
    return that.lower_ == "that" and that.dep_ == "dobj" and any(c.dep_ == "dobj" and c.i != that.i for c in that.head.children)


def _reduced_relative(content: Token) -> bool:
    """'Clinton mentioned disparaging remarks Trump had made about Machado as examples …': the parse hangs a relative
    clause without "that" on the cue as what was said; a clause right after the cue's object, with no "that" and no
    object of its own, describes the object (not 'told reporters he would …', an addressee and what was said)."""
    verb = content.head
    if content.dep_ != "ccomp" or verb.i > content.i or verb.lemma_.lower() in ADDRESSEE_VERBS | _WARNING_VERBS:
        return False
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.right_edge.i + 1 == content.left_edge.i), None)
    if obj is None or obj.pos_ in {"PRON", "PROPN"} or obj.ent_type_ in {"PERSON", "ORG", "NORP", "GPE"}:
        return False  # 'warned Ann Lowe the plan would fail': someone addressed
    if not any(c.dep_ == "nsubj" and c.left_edge.i == content.left_edge.i for c in content.children):
        return False  # 'explaining the firings amounted to 1 percent': the object is the clause's own subject
    return not any(c.dep_ in {"mark", "dobj", "ccomp", "xcomp", "attr", "acomp", "oprd", "nsubjpass", "auxpass"} for c in content.children)


def _without_repeated_cue(cue: Cue, sub: list[Token]) -> list[Token]:
    """'DuVernay said she felt the 13th Amendment was worth examining because "…," she said.': the writer said it twice;
    what was said begins after the first cue, not with it. Only the same verb twice, the second with a pronoun: 'Clinton had
    told police that …, the source added' is what the source said Clinton told."""
    inner = cue.content
    verb = cue.sentence.doc[min(cue.tokens)]
    if inner is None or inner.i > verb.i or inner.lemma_.lower() != verb.lemma_.lower():
        return sub
    if cue.subject is None or cue.subject.lower_ not in {"he", "she", "they"}:
        return sub
    if not any(c.dep_ in _SUBJECTS for c in inner.children):
        return sub
    said = next((c for c in inner.children if c.dep_ == "ccomp" and c.i > inner.i), None)
    if said is None:
        return sub
    return [t for t in sub if t.i >= said.left_edge.i]


def _reporting_aside(clause: Token) -> tuple[Token, Token] | None:
    """'He said a Pew poll showed …, the Post reported.': the parse hangs the closing "the Post reported" on "said" and
    the poll clause on "reported". The clause said, and the source that passes it on (a comma before it, nothing said
    after it), or None."""
    if clause.lemma_.lower() not in _PASSING_ON or clause.tag_ not in {"VBD", "VBZ", "VBP"}:
        return None
    said = next((c for c in clause.children if c.dep_ == "ccomp" and c.i < clause.i), None)
    subject = next((c for c in clause.children if c.dep_ in _SUBJECTS and said is not None and said.i < c.i < clause.i), None)
    if said is None or subject is None or subject.left_edge.i == 0 or clause.doc[subject.left_edge.i - 1].text != ",":
        return None
    if any(c.i > clause.i and c.dep_ in {"ccomp", "dobj", "xcomp", "conj"} for c in clause.children):
        return None  # 'the Post reported that …': words of its own
    return said, subject


_PASSING_ON = frozenset({"report", "say", "write", "add", "confirm"})


def _without_framing_cue(sub: list[Token], verb: Token) -> list[Token]:
    """The sentence a parenthetical cue frames, without the cue's clause where it opens or closes it ('As Lowe told
    reporters, …', '…, as Lowe noted on Monday.'); a cue in the middle stays, the words on both sides being said."""
    if not _as_cue(verb):
        return sub
    clause = {t.i for t in verb.subtree}
    framing = {t.i for c in verb.head.children if c.dep_ in {"advmod", "prep", "cc", "npadvmod"} for t in c.subtree}
    before = [t for t in sub if t.i < min(clause) and not t.is_punct]
    after = [t for t in sub if t.i > max(clause) and not t.is_punct]
    if all(t.i in framing for t in before):  # 'Of course, as Lowe observed, …': an adverb before the cue frames too
        kept = [t for t in sub if t.i > max(clause)]
    elif not after:
        kept = [t for t in sub if t.i < min(clause)]
    else:
        return sub
    while kept and kept[0].is_punct:
        kept = kept[1:]
    while kept and kept[-1].is_punct and kept[-1].text not in _CLOSING_MARK_TOKENS:
        kept = kept[:-1]
    return kept if any(not t.is_punct for t in kept) else sub


def _not_a_parenthesis(tok: Token) -> bool:
    """'Those discussions are continuing, he said.': the verb is what another speech verb reports, not a cue set in it;
    'Lowe promised to take bold action should she win': a verb with words of its own is no parenthesis either, nor an
    infinitive ('… were working together to respond to the disaster, …')."""
    if any(c.dep_ in {"xcomp", "dobj"} or c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
        return True
    return tok.dep_ == "ccomp" and tok.head.lemma_.lower() in SPEECH_VERBS and any(c.dep_ in _SUBJECTS for c in tok.head.children)


def _juxtaposed_name(subj: Token, verb: Token) -> Token | None:
    """'To understand the real Dred Scott, Chief Justice Roberts said, …': the parser makes the second name the first's
    apposition; a person named right before the verb, after another person's name, is the one speaking. Not the second
    of a list of names ('Tom Reyes, Ann Lowe and Jim Alder said'), which the parse also hangs as an apposition."""
    if subj.ent_type_ != "PERSON":
        return None
    return next((
        c for c in subj.children
        if c.dep_ == "appos" and c.ent_type_ == "PERSON" and c.right_edge.i == verb.i - 1 and not any(g.dep_ == "conj" for g in c.children)
    ), None)


def _office_holder_joined(subj: Token) -> Token | None:
    """'U.S. Customs and Border Protection Commissioner Kevin McAleenan, who …, said': the parser makes the body's first
    name the subject and the officer its conjunct; a body named before an office is part of who speaks, not a speaker."""
    if subj.ent_type_ != "ORG":
        return None  # 'Senate Democrats and House Speaker Nancy Pelosi said': a group and a person, both speaking
    doc = subj.doc
    for conj in (c for c in subj.children if c.dep_ == "conj" and c.ent_type_ == "PERSON"):
        first = next((e.start for e in doc.ents if e.start <= conj.i < e.end), conj.i)
        between = doc[subj.i + 1 : first - 1]
        joined = [t.i for t in between if t.lower_ in {"and", "&"}]
        if first - 1 <= subj.i or not is_title_word(doc[first - 1].text) or not joined or joined[-1] >= first - 3:
            continue  # no office, no "and", or under two words between it and the office: 'the ACLU and (House) Speaker …'
            # names two speakers; 'Customs and Border Protection Commissioner' one body
        if all(t.text[:1].isupper() and t.is_alpha or t.lower_ in BODY_CONNECTORS for t in between):
            return conj  # the run from the subject to the office is one body's name: no comma, no lower-case word
    return None


def _aged_name(subj: Token) -> Token | None:
    """'Tolliver, 56, who has served …, told': the parser makes the age the subject; the name before it speaks."""
    doc = subj.doc
    if not (subj.like_num and subj.i >= 2 and doc[subj.i - 1].text == ","):
        return None
    name = doc[subj.i - 2]
    if name.text[:1].isupper() and name.is_alpha and (name.pos_ == "PROPN" or name.is_sent_start):
        return name  # a surname the tagger missed opens the sentence ("Tolliver" read as an adverb)
    return None


def _trailing_apposition(verb: Token) -> Token | None:
    """'The office arrested 200 people, Bryan Cox, a spokesman for the office, said.': the parser hangs the name on the
    reported clause's last noun; a person set off by commas right before a sentence-final cue is its subject."""
    doc = verb.doc
    if verb.i < 3 or doc[verb.i - 1].text != "," or any(not t.is_punct for t in doc[verb.i + 1 : verb.sent.end]):
        return None
    content = next((c for c in verb.children if c.dep_ == "ccomp"), None)
    if content is None:
        return None
    inside = {t.i for t in content.subtree}
    for tok in doc[verb.sent.start : verb.i]:
        if tok.dep_ == "appos" and tok.ent_type_ == "PERSON" and tok.i in inside and tok.right_edge.i >= verb.i - 2:
            return tok
    return None


def _source_apposition(verb: Token) -> Token | None:
    """'According to the AP, the vice president, who …, replied, "…"': the parser hangs the speaker on the source as an
    apposition and leaves the verb without a subject; the definite phrase after the source's comma is the subject. Only
    of a verb of speech: in 'According to the Post, the first bill, Kate's Law, increases sentences' the bill is what
    the Post reports on, so it stays in what was said."""
    if verb.lemma_.lower() not in SPEECH_VERBS:
        return None
    according = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "according"), None)
    to = next((c for c in according.children if c.lower_ == "to"), None) if according is not None else None
    source = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
    if source is None:
        return None
    appos = next((c for c in source.children if c.dep_ == "appos" and c.i < verb.i), None)
    if appos is None or not any(d.dep_ == "det" and d.lower_ == "the" for d in appos.children) and appos.ent_type_ != "PERSON":
        return None
    return appos


def _nobody(subject: Token) -> bool:
    """A subject that denies anyone said it: 'nothing', 'nobody', 'none', 'no one', 'no law'."""
    if subject.lower_ in {"nothing", "nobody", "none", "noone"}:
        return True
    return any(c.dep_ == "det" and c.lower_ == "no" for c in subject.children)


def _share_polled(subject: Token) -> bool:
    """'65 percent of native-born citizens', '47%', 'Just 37 percent': a share of those a poll asked."""
    return subject.lower_ in {"percent", "%", "percentage"} or subject.ent_type_ == "PERCENT" or any(
        c.dep_ == "appos" and c.ent_type_ == "PERCENT" for c in subject.children
    )


def _according_to(tok: Token) -> bool:
    """The object of "according to": the phrase names a source."""
    head = tok.head
    return head.lower_ == "according" or head.lower_ == "to" and head.head.lower_ == "according"


def _cue_lemma(q: Quote, base: int, doc: Doc) -> str:
    """The lemma of a quote's cue word ("reported" -> "report"); empty without a cue in this paragraph."""
    if q.cue is None:
        return ""
    span = doc.char_span(q.cue.start - base, q.cue.end - base, alignment_mode="expand")
    return span[0].lemma_.lower() if span is not None and len(span) else ""


# A rule cited as a source, with what describes it: "a new rule published in the Federal Register", "the text of the rule
# set to publish on Tuesday", "the proposed regulation".
_RULE_SOURCE = re.compile(
    r"(?i)(?:(?:the\s+)?text\s+of\s+)?(?:the|a|an)\s+(?:(?:new|proposed|final|interim|draft|latest)\s+)?(" + "|".join(sorted(RULE_NOUNS)) + r")s?\b"
)


def _document_issuer(subject: Token, ents: list[SpacySpan]) -> SpacySpan | None:
    """The organisation or person that issued a document standing as a source: "The DHS fact-sheet", "Labor's
    statement", "a statement from (to) the Department of Labor"; never one the document is about ("the letter on DHS").
    A piece of writing is its author's: "Tollan's op-ed", "The op-ed, published … by … Zephyr Tollan", not the outlet's
    ("a Guardian op-ed")."""
    word = _document_word(subject)
    if word not in DOCUMENT_NOUNS | WRITTEN_NOUNS and subject.lemma_.lower() not in DOCUMENT_NOUNS:
        return None
    piece = word in WRITTEN_NOUNS
    for ent in ents:
        # the entity's own head word ("The Labor Department": Department, not the article the parser hangs elsewhere)
        root = next((t for t in ent if not ent.start <= t.head.i < ent.end and t.dep_ != "det"), ent.root)
        if ent.label_ not in {"ORG", "PERSON"} or not subject.left_edge.i <= root.i <= subject.right_edge.i:
            continue
        node, path = root, []
        while node.i != subject.i and node.head.i != node.i:
            path.append(node)
            node = node.head
        if node.i != subject.i or not path:
            continue
        top = path[-1]  # the child of the document noun on the way to the issuer
        if top.i == root.i and top.dep_ in {"compound", "poss", "nmod"} and top.i < subject.i and (not piece or top.dep_ == "poss" and ent.label_ == "PERSON"):
            return ent
        made = top.lemma_.lower() in WRITING_VERBS | ISSUING_CUES  # not 'a memo obtained by Fox News'
        by = path[0].head if path[0].dep_ == "pobj" else None
        if made and top.dep_ == "acl" and top.tag_ == "VBN" and by is not None and by.lower_ == "by" and all(n.dep_ in {"prep", "pobj", "agent"} for n in path[1:-1]):
            return ent  # 'The op-ed, published in … by … Zephyr Tollan' (the parse may hang "by" on the newspaper): its author
        # 'a statement from Biden's campaign': the campaign's, not Biden's own ('from Mr Gates' account' is his)
        owned = root.dep_ == "poss" and root.head.lemma_.lower() in _BODIES_OF_A_PERSON
        if top.dep_ == "prep" and top.lower_ in {"from", "by"} and not owned and all(n.dep_ in {"prep", "pobj"} for n in path[1:-1]):
            return ent
    return None


# What a person's name may own that speaks for itself, not for the person ('a statement from Biden's campaign').
_BODIES_OF_A_PERSON = frozenset(
    {"campaign", "administration", "government", "foundation", "company", "team", "party", "committee", "family", "lawyer", "attorney"}
)


def _participle_speaker(verb: Token, inside: set[int]) -> Token | None:
    """'Mr. Trump hardly clarified the matter, treating …, and, when questioned, asserting, "Of course, I pay …"': the
    parse hangs the participle on the quoted words; whoever does the sentence's main act does this one."""
    if verb.tag_ != "VBG" or verb.dep_ not in {"advcl", "conj"}:
        return None
    root = verb.sent.root
    return next((c for c in root.children if c.dep_ == "nsubj" and c.i not in inside and c.i < verb.i), None) if root.i not in inside else None


def _shown_saying(verb: Token) -> Token | None:
    """'footage of Trump saying …', 'a video showing her saying …': the one shown speaking, right before the participle,
    whichever clause the parse hangs the participle on."""
    if verb.tag_ != "VBG" or verb.i == 0 or any(c.dep_ in _SUBJECTS for c in verb.children):
        return None
    shown = verb.doc[verb.i - 1]
    if not (shown.pos_ == "PROPN" or shown.lower_ in {"him", "her"}):
        return None
    of = shown.dep_ == "pobj" and shown.head.lower_ == "of"  # not 'a letter to Trump saying …': the letter says
    return shown if of or shown.dep_ == "dobj" and shown.head.lemma_.lower() in _SHOWING_VERBS else None


_SHOWING_VERBS = frozenset("show hear see catch film record capture quote".split())


def _absolute_subject(verb: Token) -> Token | None:
    """'… remain confident despite a few early supporters of the bill now saying they think …', '…, with several
    residents saying …': the participle's own subject is the noun of "despite" or "with" right before it, which the
    parse hangs on the main verb; the main clause's subject says nothing."""
    if verb.tag_ != "VBG" or verb.dep_ != "advcl" or any(c.dep_ in _SUBJECTS for c in verb.children):
        return None
    prep = next((c for c in verb.head.children if c.dep_ == "prep" and c.lower_ in _ABSOLUTE_PREPOSITIONS and c.i < verb.i), None)
    noun = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
    if noun is None or noun.pos_ not in {"NOUN", "PROPN", "PRON"} or noun.ent_type_ in {"DATE", "TIME"}:
        return None
    between = verb.doc[noun.right_edge.i + 1 : verb.i]
    if not all(t.is_punct or t.dep_ == "advmod" and t.head.i == verb.i for t in between):
        return None
    # 'left with his lawyer, saying he …': a comma before the participle makes it the main subject's next act, unless
    # it closes something set off inside the noun's phrase ('supporters, such as Bob Corker, R-Tenn., now saying')
    clauses = {t.i for c in noun.subtree if c.dep_ in {"relcl", "acl"} for t in c.subtree}  # 'a speech in which he …, adding'
    inserted = any(t.text == "," for t in noun.subtree if t.i > noun.i and t.i not in clauses)
    return noun if inserted or not any(t.text == "," for t in between) else None


_ABSOLUTE_PREPOSITIONS = frozenset({"despite", "with", "without", "amid"})


def _subject_read_as_object(verb: Token) -> Token | None:
    """'… established a task force after Sen. Jane Roe, a retired pilot, announced that …': the parse takes the subject of
    a clause opened by "after" or "before" for that word's object and leaves the verb subjectless (the main clause's
    subject did not announce it). The noun whose phrase ends right before the verb is its subject."""
    if verb.dep_ not in {"advcl", "acl"} or verb.tag_ not in {"VBD", "VBN"} or any(c.dep_ in _SUBJECTS or c.dep_ in {"aux", "auxpass"} for c in verb.children):
        return None
    last = verb.i - 1
    while last > 0 and verb.doc[last].is_punct:
        last -= 1
    noun = next((a for a in [verb.doc[last], *verb.doc[last].ancestors] if a.dep_ == "pobj"), None)
    if verb.dep_ == "acl" and (noun is None or verb.head.i != noun.i or verb.doc[verb.i - 1].text != ","):
        return None  # '… after Sen. Jane Roe, …, announced' read as a phrase describing her; not 'the plan announced Monday'
    if noun is None or not last <= max(t.i for t in noun.subtree if t.i < verb.i) or noun.head.lower_ not in _CLAUSE_OPENING_PREPOSITIONS or noun.pos_ not in {"NOUN", "PROPN"}:
        return None
    return noun if noun.ent_type_ in {"PERSON", "ORG", "NORP"} or is_title_word(noun.text) else None


_CLAUSE_OPENING_PREPOSITIONS = frozenset({"after", "before", "since", "until"})


def _reason_object(verb: Token) -> Token | None:
    """'ripped into Democrats for insisting …', 'praised him for saying …': the one blamed or praised said it."""
    prep = verb.head
    if verb.dep_ != "pcomp" or prep.lower_ != "for" or prep.dep_ != "prep":
        return None
    for c in prep.head.children:
        if c.dep_ == "dobj" and not _mute_thing(c):
            return c
        if c.dep_ in {"prep", "prt"} and c.lower_ not in {"from", "by"} and c.i < prep.i and (
            obj := next((g for g in c.children if g.dep_ == "pobj"), None)
        ) is not None and not _mute_thing(obj):
            return obj  # (not 'received backlash from the president for labeling …': the one blaming)
    return None  # 'came under fire for saying …', 'drew criticism for saying …': a thing blames no one; the subject said it


def _its_thing(doc: Doc, base: int, mention: Span) -> bool:
    """'Bornstein's missive was ridiculed for its prediction that …': an owning "its" in a sentence whose subject is a
    thing, which the "its" means, not a body that spoke; not where the owned noun is the subject ('its ruling noted …')."""
    words = doc.char_span(mention.start - base, mention.end - base, alignment_mode="expand") if mention.text.lower() == "its" else None
    if words is None:
        return False
    owner = words[0]
    subject = next((c for c in owner.sent.root.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subject is None or subject.i == owner.head.i:
        return False
    return subject.pos_ == "NOUN" and not subject.ent_type_ and subject.lemma_.lower() not in _BODY_HEADS | GENERIC_ORGANIZATION_HEADS


def _made_to_say(verb: Token) -> Token | None:
    """'prompting Warren to complain that …', 'led the senator to conclude that …': the one a cause moved to speak, the
    object of the verb the cue's infinitive hangs on, not that verb's subject."""
    if (head := _object_control(verb)) is None or head[0].lemma_.lower() not in _MOVING_TO_SPEAK:
        return None
    return head[1]


def _asked_to_say(verb: Token) -> bool:
    """'asked residents to report that …', 'wants everyone to call it …': words someone was asked or wished to say, which
    the cue does not say they said."""
    return (head := _object_control(verb)) is not None and head[0].lemma_.lower() in _ASKING_TO_SPEAK


def _object_control(verb: Token) -> tuple[Token, Token] | None:
    """The verb an infinitive cue hangs on, and that verb's object before the cue, who is the infinitive's subject (which
    the parse may make the subject of the infinitive: 'wants [everyone] to call it …')."""
    if verb.dep_ not in {"xcomp", "ccomp"} or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return None
    owner = verb.head if verb.dep_ == "xcomp" else verb
    role = "dobj" if verb.dep_ == "xcomp" else "nsubj"
    obj = next((c for c in owner.children if c.dep_ == role and c.i < verb.i and c.pos_ in {"NOUN", "PROPN", "PRON"}), None)
    return (verb.head, obj) if obj is not None else None


# Verbs by which something moves someone to do what the infinitive after them says, which they then did.
_MOVING_TO_SPEAK = frozenset({"prompt", "lead", "force", "cause", "spur", "compel", "provoke", "drive", "push", "inspire", "persuade", "convince"})
# Verbs by which someone asks or wishes another to do what the infinitive after them says, which is not said to be done.
_ASKING_TO_SPEAK = frozenset({"ask", "want", "urge", "encourage", "invite", "expect", "need", "beg", "implore", "require", "challenge", "dare", "wish", "press", "pressure"})


def _document_word(noun: Token) -> str:
    """The document noun as one word: "op-ed", which the tokenizer splits into "op", "-", "ed"."""
    if noun.lower_ == "ed" and noun.i >= 2 and noun.doc[noun.i - 1].text == "-" and noun.doc[noun.i - 2].lower_ == "op":
        return "op-ed"
    return noun.lemma_.lower()


# The owning pronoun of a body, read as the pronoun that would speak ('its ruling noted …' is the court's); not "their",
# which as often means those the claim is about ('rejected their claims that they faced …') as a group that spoke.
_OWNERS_AS_SPEAKERS = {"its": "it"}


def _owning_pronoun(subject: Token) -> Token | None:
    """'his statement', 'her letter', 'its ruling': the pronoun that owns a written document standing as a source."""
    if subject.lemma_.lower() not in DOCUMENT_NOUNS and subject.lower_ not in DOCUMENT_NOUNS:
        return None
    owners = [c for c in subject.children if c.dep_ == "poss"]
    return owners[0] if len(owners) == 1 and owners[0].lower_ in {"his", "her", *_OWNERS_AS_SPEAKERS} else None


def _relative_source(source: SpacySpan) -> Token:
    """A tagged source that is a relative clause ('Seeborg, [who was nominated by former President Barack Obama], ruled
    …') names the one it is about, not whom it mentions."""
    root = _nominal_root(source)
    if root.dep_ == "relcl":
        who = next((t for t in root.subtree if t.tag_ in {"WP", "WDT"}), None)
        return (_relative_antecedent(who) if who is not None else None) or root.head
    if root.tag_ in {"WP", "WDT"}:
        return _relative_antecedent(root) or root
    return root


def _whole_described_source(speaker: SpeakerRef | None, head: Token, source: SpacySpan, base: int) -> SpeakerRef | None:
    """An unnamed source tagged as a phrase that ends at its head noun is described by that phrase, which is tighter
    than the parse's: 'GOP leaders insisting there was no reason to …' is "GOP leaders", and 'the new memo notes …',
    whose noun the parse tore from its article, "the new memo" (not "memo")."""
    if speaker is None or speaker.resolution != "nominal" or head.i != source.end - 1:
        return speaker
    words = source[next((t.i for t in source if t.pos_ not in {"SCONJ", "CCONJ", "PUNCT", "ADP"}), head.i) - source.start :]
    at = base + words.start_char  # 'that legal experts say …': the phrase from its first word that is part of it
    speaker.description, speaker.mention = words.text, Span(words.text, at, at + len(words.text))
    return speaker


def _nominal_root(source: SpacySpan) -> Token:
    """The word a tagged source is about. A span whose parse hangs its words on outside heads ('the new memo notes …'
    with "the" and "memo" both on the verb; 'Texas and several other states' each a conjunct of an earlier noun) has an
    article or a conjunction for its root: then its last noun, as English ends a noun phrase with its head."""
    root = source.root
    if root.pos_ not in _FUNCTION_POS:
        return root
    return next((t for t in reversed(source) if t.pos_ in {"NOUN", "PROPN", "PRON"}), root)


_FUNCTION_POS = frozenset({"DET", "CCONJ", "PUNCT", "ADP", "PART", "SCONJ", "SYM", "ADJ"})


def _relative_antecedent(who: Token) -> Token | None:
    """The noun right before a relative pronoun, past its comma or dash: in "…, and Senator Jane Doe, who said:" the words
    are Doe's, even where the parse hangs the clause on a name earlier in the list ('a challenge from activist Cynthia
    Nixon -- who called it …' is Nixon's)."""
    skipped = _BEFORE_A_RELATIVE if who.lower_ == "who" else {","}  # not 'a bombing — praised by Hamas — that recalled …'
    i = who.i - 1 if who.i > 0 and who.doc[who.i - 1].text not in skipped else who.i - 2
    if i < 0:
        return None
    noun = who.doc[i]
    if i >= 2 and who.doc[i - 1].text in {"-", "–"} and who.doc[i - 2].text in {"R", "D", "I"} and noun.dep_ == "appos":
        return noun.head  # 'Rep. Steve King, R-Iowa, who suggested …': the congressman, not his party shorthand
    if who.lower_ == "who" and noun.ent_type_ in _PLACE_OR_BODY and noun.dep_ == "pobj" and noun.head.lower_ in _OF_A_PLACE and (
        (holder := noun.head.head).ent_type_ in {"NORP", "PERSON"} or holder.pos_ == "NOUN"
    ):
        return holder  # 'Democrats on Capitol Hill, who …', 'a spokesman for the FBI, who …': the people, not the place
    if who.lower_ == "who" and _a_thing(noun) and noun.dep_ == "pobj" and noun.head.lower_ in _OF_A_PLACE and _a_role(holder := noun.head.head):
        return holder  # 'Ariel Zurawski, the Polish owner of the lorry, who said …': the owner, not the lorry
    return noun if noun.pos_ in {"PROPN", "NOUN"} and noun.dep_ != "compound" else None


_BEFORE_A_RELATIVE = frozenset({",", "-", "--", "–", "—"})  # what sets off the name a "who" means


def _a_thing(noun: Token) -> bool:
    """A common noun no person or group of people goes by ('the lorry', 'the program')."""
    return noun.pos_ == "NOUN" and noun.lemma_.lower() not in _PEOPLE_NOUNS


def _a_role(noun: Token) -> bool:
    """A common noun a person is called by for what they do ('the owner', 'the director')."""
    return noun.pos_ == "NOUN" and noun.lemma_.lower() in _ROLE_NOUNS




_PLACE_OR_BODY = frozenset({"GPE", "LOC", "FAC", "ORG"})
_OF_A_PLACE = frozenset({"on", "in", "at", "from", "of", "for"})


def _person_within(head: Token, ents: list[SpacySpan]) -> SpacySpan | None:
    """The first person named inside a phrase."""
    tokens = list(head.subtree)
    return next((e for e in ents if is_person(e) and tokens[0].i <= e.start and e.end <= tokens[-1].i + 1), None)


def _cue_sentence(sent: SpacySpan) -> bool:
    """A short sentence of a speaker and a cue alone ("Trump tweeted.", "said Sen. Ann Lowe, R-Ohio."), nothing quoted."""
    words = [t for t in sent if not t.is_punct and not t.is_space]
    if len(words) < 2 or any(t.text in "\"“”" and t.i not in _nickname_marks(sent) for t in sent) or not any(t.lemma_.lower() in SPEECH_VERBS and t.pos_ in {"VERB", "AUX"} for t in sent):
        return False
    root = sent.root
    # a longer one only for a long name and title ("Scott's niece, state Del. Marcia Price (D-Newport News), shouted to the
    # crowd."), the cue saying nothing of its own ('the principles also call for an overhaul of …' does)
    after = sum(1 for t in sent if t.i > root.i and not t.is_punct and not t.is_space)
    if root.lemma_.lower() in SPEECH_VERBS and any(_what_it_says(c) for c in root.children):
        return False  # 'Of 33,000 votes, 59 percent said yes': the cue says something of its own, not the marks before
    if root.lemma_.lower() in SPEECH_VERBS and root.i == words[0].i and not any(c.dep_ in _SAYS_SOMETHING for c in root.children):
        return any(c.dep_ == "nsubj" and c.ent_type_ == "PERSON" for c in root.children)  # 'said Rep. Hurd whose district …'
    return len(words) <= 12 or len(words) <= 24 and after <= 5 and root.lemma_.lower() in SPEECH_VERBS and not any(
        c.dep_ in _SAYS_SOMETHING for c in root.children
    )


def _what_it_says(child: Token) -> bool:
    """A clause or object of a cue that is what was said ('said yes', 'said they would'), not whom it was told ('told
    reporters') nor the quotation itself ('said this')."""
    if child.dep_ in {"ccomp", "xcomp", "parataxis"} or child.dep_ in {"intj", "dobj"} and child.lower_ in {"yes", "no"}:
        return True
    if child.dep_ != "dobj" or child.head.lemma_.lower() in ADDRESSEE_VERBS or child.lower_ in _THE_QUOTATION:
        return False
    doc = child.doc
    return not any(t.is_punct for t in doc[child.head.i + 1 : child.left_edge.i])  # '"Antifa!" he shouted – a term …': a gloss


_THE_QUOTATION = frozenset({"this", "that", "it", "so", "these", "those"})


def _nickname_marks(sent: SpacySpan) -> set[int]:
    """Token indices of the quotation marks around a nickname ('Del. Marcia "Cia" Price'): a name, not something said."""
    doc, out = sent.doc, set()
    for t in sent:
        for width in (1, 2):
            close = t.i + width + 1
            if t.text in "\"“" and close < sent.end and doc[close].text in "\"”" and is_nickname(doc_text(doc), MarkedSpan(t.idx + 1, doc[close].idx, 0)):
                out |= {t.i, close}
    return out


_SAYS_SOMETHING = frozenset({"ccomp", "xcomp", "dobj", "advcl", "conj", "parataxis", "attr", "acomp"})


def _speech_cue(cue: SpacySpan) -> bool:
    """A cue of speech or writing (what kb stores), not of belief or intention, which the tagger also marks."""
    if "according to" in cue.text.lower():
        return True
    return any(
        t.lemma_.lower() in SPEECH_VERBS if t.pos_ in {"VERB", "AUX"} else t.pos_ == "NOUN" and t.lemma_.lower() in CLAIM_NOUNS for t in cue
    )


def _speaking(pos: int, name: str, base: int, doc: Doc, rank: int = MAIN_SUBJECT) -> PersonMention:
    """A quote's named speaker as an antecedent in its own sentence: as salient as a main clause's subject, or more
    (`SPEAKING`) when their cue interrupts their words."""
    sentence = next((base + s.start_char for s in doc.sents if s.start_char <= pos - base < s.end_char), None)
    return PersonMention(pos, name, None, sentence, rank)


def _reports(cue: str) -> bool:
    """'told', 'said', 'according to': a cue by which one source passes on what another said."""
    words = cue.lower().split()
    return cue.lower().startswith("according") or bool(words) and words[0] in REPORTING_CUES


def _gainsaying(cue: Cue) -> bool:
    """'denied', 'dismissed', 'disputed': a verb by which the speaker says the words that follow are false."""
    return not cue.according_to and cue.sentence.doc[min(cue.tokens)].lemma_.lower() in GAINSAYING_VERBS


def _opens_according_to(tok: Token) -> bool:
    """The "according" of "according to" a source; not of 'If everything goes according to plan', which names none."""
    if tok.lower_ != "according" or tok.i + 1 >= len(tok.doc) or tok.doc[tok.i + 1].lower_ != "to":
        return False
    after = tok.doc[tok.i + 2] if tok.i + 2 < len(tok.doc) else None
    return after is None or after.lower_ not in ACCORDING_TO_IDIOMS or after.n_lefts + after.n_rights > 0


def _passed_on(sent: SpacySpan) -> bool:
    """A sentence with "according to" in it: what it says is passed on by a source."""
    return any(_opens_according_to(t) for t in sent)


def _nest(events: list[tuple[int, Quote]]) -> tuple[list[tuple[int, Quote]], dict[int, Quote]]:
    """A cue inside another quote's content is a nested source: the inner speaker keeps the words.

    'police officials shot back: "Under what authority?," sources told ABC News': the question is the police
    officials', reported by sources; the outer reported quote goes, and is returned as the inner one's outer
    source (by id of the inner quote). Under any other cue ("suggested one solution: ICE could ask ...") or
    inside a direct quote, an inner reported clause is part of the outer statement and goes.
    """
    kept: list[tuple[int, Quote]] = []
    for pos, q in sorted(events, key=lambda e: -(e[1].end - e[1].start)):
        if not any((o.start, o.end) == (q.start, q.end) for _, o in kept):
            kept.append((pos, q))
    outer_of: dict[int, Quote] = {}
    dropped: set[int] = set()
    for _, o in kept:  # longest first: the outermost source wins
        if id(o) in dropped:
            continue
        inner = [
            q for _, q in kept
            if q is not o and id(q) not in dropped and q.cue is not None and o.start <= q.cue.start and q.cue.end <= o.end
        ]
        quoted = [q for q in inner if q.kind == "direct" and (o.cue is None or not q.start <= o.cue.start < q.end)]
        quoted += [q for q in inner if q.kind != "direct" and _told_whole(q, o)]
        passed_on = bool(quoted) and o.kind != "direct" and o.cue is not None and _reports(o.cue.text)
        if passed_on:
            dropped.add(id(o))  # the outer source passes on a quotation: it is the inner speaker's
            for q in quoted:
                outer_of.setdefault(id(q), o)
        dropped.update(id(q) for q in inner if q.kind != "direct" and not (passed_on and q in quoted))
    return [(pos, q) for pos, q in kept if id(q) not in dropped], outer_of


def _told_whole(inner: Quote, outer: Quote) -> bool:
    """'Paul Brandt said the program would end, NBC News reported': words a source passes on after them, all of them one
    named speaker's saying or telling, named first. Not "according to" (often the data behind a report), nor a source
    that speaks first ('Sullivan says he instructed staff …' is Sullivan's own account) or is a "he" (often the inner
    speaker again), nor another act ('must explicitly state that …', 'urged him to …', 'calling them out for …')."""
    mention, cue = inner.speaker.mention, outer.cue
    if mention is None or cue is None or cue.start < outer.end or cue.text.lower().startswith("according"):
        return False
    if outer.speaker.resolution == "pronoun" or inner.cue is None or not _reports(inner.cue.text) or inner.cue.text.lower() == "according to":
        return False
    if any(w.lower() in _MODALS | {"must"} for w in outer.text[: max(0, inner.cue.start - outer.start)].split()[-2:]):
        return False  # 'must say that …', 'would tell them …': what someone is to say, not what they said
    if not _may_tell(inner.speaker) or _name_words(inner.speaker) & _name_words(outer.speaker):
        return False  # 'A DNA test confirmed that …'; 'The Kurdish-led Syrian Democratic Forces (SDF) said …, the SDF said'
    if inner.speaker.resolution not in {"named", "nominal"} or not outer.start <= mention.start < inner.start or inner.end < outer.end - 2:
        return False
    return outer.text[: mention.start - outer.start].strip(" ,").lower() in {"", "that"}


def _subject_of_the_clause_above(subject: Token, at: int) -> bool:
    """'The exit pollsters are upfront about the issue, as they acknowledged in 2004:': the main clause's subject, before a
    "they" that opens a clause (as, when, because …) or a verb joined on ('…, and they said') hung on the same verb."""
    pronoun = next((t for t in subject.sent if t.idx == at), None)
    if pronoun is None or pronoun.dep_ != "nsubj" or subject.dep_ != "nsubj" or subject.i > pronoun.i:
        return False
    clause = pronoun.head
    if clause.head.i != subject.head.i:
        return False
    opened = any(c.dep_ == "mark" or c.dep_ == "advmod" and c.tag_ == "WRB" for c in clause.children if c.i < pronoun.i)
    return clause.dep_ == "advcl" and opened or clause.dep_ == "conj"  # '…, and they said': the same subject goes on


def _makers_of_the_thing(verb: Token) -> Token | None:
    """'her top lieutenants are working on a plan of their own which they said could match …': "they" in a relative
    clause on a thing the clause above is about is that clause's group subject, not whoever spoke before."""
    they = next((c for c in verb.children if c.dep_ == "nsubj" and c.lower_ == "they"), None)
    if they is None or verb.dep_ != "relcl" or verb.head.pos_ != "NOUN" or verb.head.ent_type_:
        return None
    node = verb.head
    while node.dep_ in {"pobj", "dobj", "prep", "compound", "conj"} and node.head.i != node.i:
        node = node.head
    group = next((c for c in node.children if c.dep_ == "nsubj" and c.i < verb.head.i), None)
    return group if group is not None and group.pos_ == "NOUN" and _plural(group) and _speaks_as_one(group) and node.pos_ in {"VERB", "AUX"} else None


def _may_tell(speaker: SpeakerRef) -> bool:
    """A speaker by name, or people described by a role, group or agent noun ('the lawmakers', 'one tax counselor', 'The
    asylum-seeker'); not a thing ('A DNA test')."""
    if speaker.resolution == "named":
        return True
    words = [w.lower().strip(".,’'") for w in (speaker.description or "").split()]
    return any(w in _PEOPLE_NOUNS or w.removesuffix("s") in _PEOPLE_NOUNS or _AGENT_NOUN.search(w) for w in words)


def _name_words(speaker: SpeakerRef) -> set[str]:
    """The capitalised words of a speaker's name or description, folded ('SDF', 'Rodgers'), to tell one speaker twice."""
    words = re.split(r"[\s()’'-]+", speaker.name or speaker.description or "")
    return {fold(w) for w in words if len(w) > 2 and w[:1].isupper() and w.lower() not in {"the", "and"}}


def _speaker_words(subject: Token) -> int:
    """Words of the speaker's phrase, with a title the parse cut off it as a subject of its own ('Waco police Sgt.')."""
    cut = [c for c in subject.head.children if c.dep_ in _SUBJECTS and _title_cut_off(c, subject)] if subject.head.i != subject.i else []
    return sum(_words(_phrase_text(t)) for t in [subject, *cut])


def _title_cut_off(title: Token, name: Token) -> bool:
    """'Sgt' of 'Waco police Sgt. W. Patrick Swanton', which the parse made a subject beside the name's: a capitalised
    title right before the other subject's phrase (its stop between them at most)."""
    return title.i != name.i and is_title_word(title.text) and title.text[:1].isupper() and 0 < name.left_edge.i - title.i <= 2


def _phrase_text(tok: Token) -> str:
    sub = list(tok.subtree)
    return tok.doc[sub[0].i : sub[-1].i + 1].text


def _latest_full_name(surname: str, people: list[PersonMention], at: int | None, agreeing: list[str], recency: int, text: str = "") -> str | None:
    """The full name with this surname named last, when it was named no more than `recency` characters before: "President
    George W. Bush, …\n\nDuring a speech in 2000, Bush said" is George W., in an article about his brother."""
    if at is None:
        return None
    # a name inside another's apposition ("Laura Bush, wife of former president George Bush") only describes her
    recent = [
        p for p in people
        if 0 < at - p.pos <= recency and p.inside is None and p.name in agreeing and p.name.split()[-1].lower() == surname.lower()
        and not _kin_named_after(p, people, text)
    ]
    # 'Hillary Clinton was headed to … daughter Chelsea Clinton's apartment': the bearer a sentence was about, before one
    # it only mentions since
    about = [p for p in recent if p.rank >= SUBJECT]
    return max(about or recent, key=lambda p: p.pos).name if recent else None


_KIN_BEFORE = re.compile(rf"(?i)\b(?:{'|'.join(sorted(_KIN))})(?:\s+and\s+[\w-]+)?,?\s*$")


def _kin_named_after(person: PersonMention, people: list[PersonMention], text: str) -> bool:
    """'President Donald Trump … Trump's wife, Melania Trump, …', 'his daughter and aide, Ivanka Trump': a relative named
    by kinship after a bearer of the surname named in full, whom a bare "Trump" goes on meaning."""
    surname = person.name.split()[-1]
    return bool(_KIN_BEFORE.search(text, max(0, person.pos - 40), person.pos)) and any(
        p.pos < person.pos and p.name != person.name and len(p.name.split()) >= 2 and p.name.split()[-1] == surname for p in people
    )


def _resolve_names(
    quotes: list[Quote], people: list[PersonMention], recency: int = 0, apposed: set[int] | None = None, text: str = "",
) -> None:
    """Within a document, a bare or misspelt surname becomes the full name it refers to, and names share facts: a
    mention without a title or organisation takes the first the document gave the name. An apposition's office is the
    name's only when the document titles it nowhere else ('a former DHS official, John Cohen' … 'said Cohen, an ABC
    News contributor' stays the former DHS official, as everywhere else in the article; 'Schumer, a member of …' stays
    the senator)."""
    full_names = [p.name for p in people if len(p.name.split()) >= 2]
    titled = {p.name for p in people if p.titles}
    for q in quotes:  # "Boehner said", the tagger's organisation: the surname of a person the document names in full, or
        # titles ('President Trump announced …', then 'Trump wrote …')
        s = q.speaker
        if s.is_organization and s.name and re.fullmatch(r"[A-Z][a-z][\w’'-]+", s.name) and (any(n.split()[-1] == s.name for n in full_names) or s.name in titled):
            s.is_organization = False
    persons = [q.speaker for q in quotes if q.speaker.name and not q.speaker.is_organization]
    candidates = list(dict.fromkeys([*(s.name for s in persons if s.name and len(s.name.split()) >= 2), *full_names]))
    mentions = Counter(full_names)
    for q in quotes:  # a surname the tagger took for a place ("as Fulghum defended ...")
        s = q.speaker
        d = _PARTY_TAG.sub("", (s.description or "").strip())  # 'said Pelosi, D-Calif.'
        if not s.name and s.resolution == "nominal" and re.fullmatch(r"[A-Z][\w’'-]+", d):
            # a surname the narration names as a person elsewhere ("President Trump's demands … Trump tweeted"), or
            # writes after a given name the tagger did not read as a person's ('Alabama Republican Jeff Sessions')
            match = _match_surname(d, candidates, mentions) or (d if any(p.name == d for p in people) else None) or _after_a_given_name(d, text)
            if match:
                s.name, s.resolution, s.description, s.organization = match, "named", None, None
                if match != d:
                    s.aliases.append(d)
                persons.append(s)
    genders = {name: g for name in candidates if (g := first_name_gender(name))}
    for s in persons:
        if s.name and len(s.name.split()) == 1:
            said = s.gender or _honorific_gender(s.mention.text if s.mention else "")
            agreeing = [c for c in candidates if (said is None or genders.get(c) in (None, said)) and not _other_office(c, _office_before_surname(s), people)]
            at = s.mention.start if s.mention else None
            # Before a second full name with this surname appears, the one already introduced is meant ("Bush" after
            # "George W. Bush", before "his brother, Jeb Bush"); after, only the document's dominant one.
            introduced = [p.name for p in people if at is not None and p.pos < at and p.name in agreeing]
            # 'President Trump's second appointment …', 'Trump said …', and only later 'first lady Melania Trump': a bare
            # surname the document gave an office before is no full name it names only afterwards with another office
            titled = [p for p in people if at is not None and p.name == s.name and p.titles and p.pos < at]
            office = (titled[-1].office or min(titled[-1].titles)) if titled else None
            dominant = [c for c in agreeing if c in introduced or not _other_office(c, office, people)]
            match = _latest_full_name(s.name, people, at, agreeing, recency, text) or _match_surname(s.name, introduced) or _match_surname(s.name, dominant, mentions)
            if match:
                s.aliases.append(s.name)
                s.name = match
    offices: dict[str, Counter[str]] = {}  # what the narration calls each name: "President Trump's demands"
    bodies: dict[tuple[str, str], str] = {}  # the body named with an office: "White House Press Secretary Josh Earnest"
    appositions: dict[str, tuple[str | None, str | None]] = {}  # 'Matthew Soerens, director of … at World Relief, agreed'
    parties: dict[str, str] = {}  # '10) Rep. Dan Newhouse (R-WA)', then 'Newhouse put out a statement saying …'
    for p in people:
        if p.office:  # ties go to the office named first: Counter keeps insertion order
            # 'Former Vice President Joe Biden' … 'Biden said': a former vice president, as the narration says
            held = f"former {p.office}" if p.qualifiers & {"former", "ex"} and "former" not in p.office.lower() else p.office
            offices.setdefault(p.name, Counter())[held] += 1
            if p.body:
                bodies.setdefault((p.name, p.office.lower()), p.body)
                bodies.setdefault((p.name, held.lower()), p.body)
        if any(p.apposition):
            appositions.setdefault(p.name, p.apposition)
        if p.party:
            parties.setdefault(p.name, p.party)
    apposed = apposed or set()
    facts: dict[str, SpeakerRef] = {}
    labelled = set(offices)  # names the document titles other than by an apposition
    for s in sorted(persons, key=lambda s: id(s) in apposed):  # stable: reading order, appositions last
        if id(s) in apposed and s.name in labelled:
            s.title = s.organization = None  # the document's own title for the name wins
        known = facts.setdefault(s.name or "", _copy(s))
        known.title = known.title or s.title
        known.organization = known.organization or s.organization
        if s.title or s.organization:
            labelled.add(s.name or "")
    for s in persons:
        first = facts[s.name or ""]
        s.title = s.title or first.title
        s.organization = s.organization or first.organization
        if not s.title and (named := offices.get(s.name or "")):
            s.title = named.most_common(1)[0][0]
        if s.title and not s.organization:
            s.organization = bodies.get((s.name or "", s.title.lower()))
        if not s.title and not s.organization and s.name in appositions:
            s.title, s.organization = appositions[s.name]  # the narration introduced them there and titles them nowhere else
        s.organization = s.organization or parties.get(s.name or "")
    spokes = {s.name for s in persons if s.title and s.title.lower().split()[-1] in _SPOKES}
    if len(spokes) == 1:
        (spokesperson,) = spokes
        known = facts[spokesperson or ""]
        for q in quotes:
            s = q.speaker
            if not s.name and s.title in _SPOKES and s.resolution == "nominal" and _may_be_spokesperson(s, known):
                s.name, s.title = spokesperson, known.title
                s.organization = s.organization or known.organization


def _may_be_spokesperson(unnamed: SpeakerRef, named: SpeakerRef) -> bool:
    """Whether an unnamed spokesperson may be the one the document names: "his spokesman", "a spokeswoman" with nothing
    said of whose (not "a police spokesman", "A CNN spokesperson" for a White House spokesman), one of the same
    organisation, or one of a named body when the document does not say whose the named one is ('A Homeland Security
    spokesman', 'spokesman Dave Lapan'); a spokeswoman is no spokesman."""
    words = {(unnamed.title or "").lower(), (named.title or "").lower().split()[-1] if named.title else ""}
    if len(words - {"spokesperson", ""}) > 1:
        return False
    if unnamed.organization and not named.organization:
        return True  # 'A Homeland Security spokesman', and the document's one named spokesman is not said to be whose
    bare = re.fullmatch(r"(?i)(?:a|an|the|his|her|its|their)\s+spokes(?:man|woman|person)", (unnamed.description or "").strip())
    return bare is not None or _same_body(unnamed.organization, named.organization)


def _same_body(one: str | None, other: str | None) -> bool:
    """'Justice Department' and 'Department of Justice': the same words of a name, those any department has aside."""
    if not one or not other:
        return False
    words = [{w for w in re.findall(r"[a-z]+", name.lower()) if w not in _BODY_FILLERS} for name in (one, other)]
    return bool(words[0]) and words[0] == words[1]


_BODY_FILLERS = frozenset({"the", "of", "u", "s", "us", "department", "dept"})


def _name_spokespeople_named_after(quotes: list[Quote], within: int) -> None:
    """'But a spokesman for Sen. Jane Roe said …', then '"…," spokesman John Doe said': an unnamed spokesperson is the
    one the document names next with the same title written with the name, within `within` characters and before any
    other unnamed one, unless that mention names a body the unnamed one is not said to speak for."""
    def at(q: Quote) -> int:
        return q.speaker.mention.start if q.speaker.mention else q.start

    spokes = sorted(
        (q for q in quotes if q.speaker.title and q.speaker.title.lower() in _SPOKES and not q.speaker.is_organization), key=at,
    )
    for i, q in enumerate(spokes):
        s = q.speaker
        if s.name or s.resolution != "nominal":
            continue
        for later in (o for o in spokes[i + 1 :] if at(o) != at(q)):  # not the same mention's other quotes
            if at(later) - at(q) > within or not later.speaker.name:
                break  # another spokesperson left unnamed first: the name after may be theirs
            if (later.speaker.title or "").lower() != s.title.lower() or not _written_with(later, s.title):
                continue  # 'Carney said …', titled spokesman elsewhere: no spokesman named here
            body = later.speaker.organization
            if body and not _same_body(s.organization, body) and body.lower() not in (s.description or "").lower():
                break  # 'a police spokesman said …', then 'Acme spokesman Rick Lowe': another body's
            s.name, s.resolution, s.description = later.speaker.name, "named", None
            s.organization = s.organization or later.speaker.organization
            break


def _sources_described_before(quotes: list[Quote], text: str, within: int) -> None:
    """'a senior ICE official said …', then 'the official said': the unnamed source described last before, within
    `within` characters, not a new one: the last one the text introduces of that kind ('official', 'aide', a
    spokesperson; for 'the person' or 'the source', any role an unnamed source has: 'the former Fox executive said ….
    The person said'), when that introduction is a quoted source's mention ('a person close to Trump expected …' is
    none, so 'the person' stays as written)."""
    def at(q: Quote) -> int:
        return q.speaker.mention.start if q.speaker.mention else q.start

    described: dict[int, SpeakerRef] = {}  # unnamed single sources by where they are introduced
    for q in sorted(quotes, key=at):
        s = q.speaker
        if s.name or s.is_organization or not s.description:
            continue
        bare = _BARE_SOURCE.fullmatch(s.description.strip())
        if bare is None:
            if _ONE_SOURCE.match(s.description) and (s.resolution == "anonymous" or s.title):
                described.setdefault(at(q), s)  # a person by role ('a senior ICE official'), not a body ('the agency')
            continue
        kind = bare.group(1).lower()
        introduced = [
            m for m in _INTRODUCED_SOURCE.finditer(text, max(0, at(q) - within), at(q))
            if _of_kind(m.group(), kind) and not _BARE_SOURCE.fullmatch(m.group())  # 'the official' again introduces nobody
        ]
        earlier = described.get(introduced[-1].start()) if introduced else None
        if earlier is not None and len((earlier.description or "").split()) > 2:  # more than 'a source' says
            # as first described, without what a relative clause adds ('the official, who spoke on condition of …')
            s.description = _without_what_is_added(earlier.description or "") or s.description
            s.resolution = earlier.resolution
            s.title, s.organization = earlier.title or s.title, earlier.organization or s.organization


def _without_what_is_added(description: str) -> str:
    """A description without what a relative clause or apposition adds: 'the official, who spoke on condition of …' ->
    'the official'."""
    return _ADDED.split(description, maxsplit=1)[0].strip()


_ADDED = re.compile(r",\s|\s(?:who|which|that)\s")
_BARE_SOURCE = re.compile(r"(?i)the (official|aide|advis[eo]r|person|source|spokes(?:man|woman|person))")
_ONE_SOURCE = re.compile(r"(?i)(?:a|an|one|another|the)\s")
# where the text introduces a source: 'a senior ICE official', 'One person close to …', 'the former Fox executive'
_INTRODUCED_SOURCE = re.compile(r"(?i)\b(?:an?|one|another|the)\s+(?:[\w'’.&-]+\s+){0,5}?(?:officials?|aides?|advis[eo]rs?|sources?|persons?|executives?|insiders?|staffers?|spokes(?:man|woman|person))\b")
# what 'the person' or 'the source' may be: someone described by a role an unnamed source has, not 'the Republican president'
_SOURCE_ROLES = frozenset({"official", "aide", "adviser", "advisor", "source", "person", "executive", "insider", "staffer"} | _SPOKES)


def _of_kind(description: str, kind: str) -> bool:
    """'A Homeland Security official' is of the kind "official"; "a DHS spokeswoman" of the kind "spokesman", 'a source
    familiar with …' of the kind "person"."""
    words = {w.lower().strip(",.") for w in description.split()}
    if kind in {"person", "source"}:
        return bool(words & _SOURCE_ROLES)
    if kind in {"adviser", "advisor"}:
        return bool(words & {"adviser", "advisor"})
    return bool(words & _SPOKES) if kind in _SPOKES else kind in words


def _written_with(q: Quote, title: str) -> bool:
    """Whether the mention naming a quote's speaker writes this title ("spokesman Stephen Miller")."""
    return q.speaker.mention is not None and title.lower() in q.speaker.mention.text.lower()


def _given_names_in_full(quotes: list[Quote], text: str, surnames: dict[str, set[str]]) -> None:
    """A speaker named by one word that no full name of the narration took and that the document never writes as a
    surname ("Glenn said", never "… Glenn"): the one full name the document writes with it, wherever ('On "The Glenn
    Beck Radio Program," Glenn reacted …' is Glenn Beck)."""
    full: dict[str, str | None] = {}  # each name is looked up once: a transcript may credit hundreds of turns to it
    for q in quotes:
        s = q.speaker
        if not s.name or s.is_organization or " " in s.name or surnames.get(s.name):
            continue
        if s.name not in full:
            full[s.name] = _written_in_full(s.name, text)
        if (name := full[s.name]) is not None:
            s.aliases.append(s.name)
            s.name = name


_PARTY_TAG = re.compile(r",\s*[DRI]-[A-Z][\w.]*$")  # ', D-Calif.' after a surname


def _after_a_given_name(surname: str, text: str) -> str | None:
    """The one "<given name> <surname>" the text writes ('Jeff Sessions'), the given name one kb knows as such."""
    written = {
        m.group() for m in re.finditer(rf"\b([A-Z][a-z]+)\s+(?:[A-Z]\.\s+)?{re.escape(surname)}\b", text)
        if first_name_gender(m.group(1))
    }
    return re.sub(r"\s+", " ", written.pop()) if len(written) == 1 else None


def _given_names_of_speakers(quotes: list[Quote]) -> None:
    """A speaker named by a given name alone ('As Karine said, …' in a briefing whose turns are "Karine Jean-Pierre"'s)
    is the one speaker of the document with that given name, who is no other speaker's surname."""
    full = {
        n for q in quotes
        if (n := q.speaker.name) and not q.speaker.is_organization and len(n.split()) >= 2 and not names_an_organisation(n)  # 'Obama White House'
    }
    surnames = {n.split()[-1] for n in full}
    for q in quotes:
        s = q.speaker
        if not s.name or s.is_organization or " " in s.name or s.name in surnames:
            continue
        named = [n for n in full if n.split()[0] == s.name]
        if len(named) == 1:
            s.aliases.append(s.name)
            s.name = named[0]


def _written_in_full(given: str, text: str) -> str | None:
    """The one "<given> <Surname>" the text writes, unless it also writes the word as a surname ("Donald Trump")."""
    word = re.escape(given)
    before = (m.group(1) for m in re.finditer(rf"\b([A-Z][\w.’'-]*)\s+{word}\b", text))
    if any(w.lower() not in _NOT_SURNAMES and not POSSESSIVE.search(w) for w in before):
        return None  # 'the Washington Examiner’s Brad Polumbo': an owner before the given name makes it no surname
    after = {m.group(1) for m in re.finditer(rf"\b{word}\s+([A-Z][\w’'-]*\w)\b", text)}
    after = {w for w in after if not is_title_word(w) and w.lower() not in _NOT_SURNAMES and fold(w) not in ORG_HEADS}
    return f"{given} {after.pop()}" if len(after) == 1 else None


# Capitalised words next to a given name that are no name ("Glenn Said", "The Glenn …", "Obama Tuesday").
_NOT_SURNAMES = WEEKDAYS | frozenset(
    "is was has had and or but the a an on in at of to for with from by as if when while after before then so said says "
    "told asked will would can could did does january february march april may june july august september october november "
    "december".split()
)


# "the former president", "Newark's Democratic mayor" (the place or body whose office it is, named as its owner)
_OFFICE = re.compile(r"(?i)(?:the|(?P<owner>[a-z][a-z.\- ]*?)['’]s)\s+((?:[a-z]+\s+)*?)([a-z]+)(?:\s*,\s*(?:who|whose)\b.*)?", re.DOTALL)


def _full_organisation_names(quotes: list[Quote], orgs: list[str]) -> None:
    """'according to the Times' after 'The New York Times reported': the one longer name the document gives the organisation."""
    for q in quotes:
        s = q.speaker
        described = not s.name and s.resolution == "nominal" and re.fullmatch(r"(?i:the)\s+[A-Z][\w’'-]+", (s.description or "").strip())
        short = re.sub(r"(?i)^the\s+", "", (s.name or s.description or "").strip())
        if not (s.is_organization or described) or not short or " " in short or short.isupper():
            continue  # an acronym ("DHS") is a name of its own, not the tail of "Fulghum of DHS"
        longer = {o for o in orgs if len(o.split()) > 1 and o.split()[-1] == short}
        if len(longer) == 1:
            s.aliases.append(s.name or short)
            s.name, s.is_organization, s.resolution, s.description = longer.pop(), True, "named", None


# Words news prose uses for one profession, one after the other ('An attorney for the mayor said …', then 'lawyer Ann Lowe').
_SAME_ROLE = {"attorney": {"attorney", "lawyer"}, "lawyer": {"attorney", "lawyer"}}


def _name_introduced_roles(quotes: list[Quote], people: list[PersonMention], recency: int) -> None:
    """'A Phoenix attorney said she has a client … the woman told attorney Stephanie Corcoran': a profession introduced
    by an indefinite description is the person named with it soon after, when the document gives it to nobody else."""
    for q in quotes:
        s = q.speaker
        if s.name or s.resolution != "nominal" or s.title not in INTRODUCED_ROLES or not re.match(r"(?i)an?\s", s.description or ""):
            continue
        at = s.mention.start if s.mention else q.start
        roles = _SAME_ROLE.get(s.title, {s.title})  # 'An attorney for … said' then 'lawyer Michael Bromwich said'
        holders = {p.name for p in people if len(p.titles) == 1 and p.titles <= roles}  # "Attorney General Jeff Sessions" is no attorney here
        if len(holders) != 1:
            continue
        (holder,) = holders
        surname = holder.split()[-1]
        if any(p.name.split()[-1] == surname and p.pos < at for p in people):
            continue  # named before ('his attorney Larry Klayman … A lawyer for the administration called …'): someone else
        if len(holder.split()) >= 2 and any(p.name == holder and 0 < p.pos - at <= recency for p in people):
            s.name, s.resolution, s.description = holder, "named", None


def _name_described_roles(quotes: list[Quote], people: list[PersonMention], recency: int) -> None:
    """'said Stephen Hale, a professor at the law school … and the professor said …': a profession the document gave one
    person in apposition is that person, named no more than `recency` characters before, when it gave it no one else.
    So is an office given only in apposition ('Ralf Jaeger, the minister of interior of North Rhine-Westphalia, … the
    minister said'), except the presidency, which news prose gives a head of state it may never title."""
    for q in quotes:
        s = q.speaker
        m = re.fullmatch(r"(?i)the\s+(\w+)", (s.description or "").strip())
        if s.name or s.resolution != "nominal" or not m or m.group(1).lower() not in _DESCRIBED_ROLES:
            continue
        role, at = m.group(1).lower(), s.mention.start if s.mention else q.start
        given = [p for p in people if p.pos < at and _SAME_ROLE.get(role, {role}) & {*p.titles, office_word(p.apposition[0] or "")}]
        holders = {p.name for p in given}
        if len(holders) == 1 and len((holder := holders.pop()).split()) >= 2 and any(
            0 < at - p.pos <= recency and p.name.split()[-1] == holder.split()[-1] for p in people
        ):
            s.name, s.resolution, s.description = holder, "named", None


def _name_epithets(quotes: list[Quote], people: list[PersonMention], recency: int) -> None:
    """'Sen. Rob Portman said …' then '"…," the Ohio senator said'; 'Mitt Romney said …' then 'The GOP candidate added
    that …': news prose names a speaker, then goes on calling them by a definite description. Such a description is the
    speaker of the quote right before it, when the narration has named nobody else since, and the description is either
    an office the text gives that speaker ('the Homeland Security secretary' after 'Secretary Kirstjen Nielsen') or what
    prose calls a public figure ('the billionaire businessman', 'the Israeli leader'). A role anyone in the story may have
    ('the organizer', 'the parent', 'the Cato analyst' after Rep. Mario Diaz-Balart) is someone new, and so is a
    description that says whose, of what or from where ('the director of the National Counterterrorism Center', 'the
    Senator from Wisconsin')."""
    ordered = sorted(quotes, key=lambda q: q.start)
    for before, q in pairwise(ordered):
        s, prior = q.speaker, before.speaker
        head = _epithet_head(s.description or "") if not s.name and s.resolution == "nominal" else None
        if head is None or not prior.name or prior.is_organization or prior.resolution not in {"named", "pronoun"}:
            continue
        at = s.mention.start if s.mention else q.start
        since = min(before.start, prior.mention.start if prior.mention else before.start)
        if not 0 < at - before.end <= recency:
            continue
        surname = prior.name.split()[-1]
        if any(since < p.pos < at and p.rank != QUOTED and p.name.split()[-1] != surname for p in people):
            continue  # 'Romney said … Mr. Trump is much less certain …, the businessman said': Trump
        offices = {t for p in people if p.name == prior.name for t in p.titles} | {office_word(prior.title or "")} - {""}
        if head not in _PUBLIC_EPITHETS and not offices & _EPITHET_OFFICES.get(head, {head}):
            continue
        held = f"{prior.title or ''} {prior.organization or ''} {' '.join(offices)}".lower()
        if any(w.lower() in _BODY_WORDS and w.lower() not in held for w in re.findall(r"\b[A-Z][a-z]+", s.description or "")):
            continue  # 'House Budget Committee Chairman Dan Calder …' then 'The Senate Budget Committee chairman said': another
        said, theirs = _party_of(s.description or ""), _party_of(prior.organization or "")
        if said and theirs and said != theirs:
            continue  # 'Democratic Sen. Chuck Schumer said …' then 'the Republican leader said': McConnell
        gender = "female" if head in FEMALE_NOUNS else "male" if head in MALE_NOUNS else None
        if gender is not None and first_name_gender(prior.name) not in {None, gender}:
            continue
        s.name, s.resolution, s.description = prior.name, "named", None
        if prior.title or prior.organization:  # as named ('Sen.', 'Republican'), not as described ('senator', 'Ohio')
            s.title, s.organization = prior.title, prior.organization


def _party_of(words: str) -> str | None:
    """The American party a description or an organisation names, if any: "R" or "D"."""
    found = {("R" if w in {"republican", "gop"} else "D") for w in re.findall(r"[a-z]+", words.lower()) if w in {"republican", "gop", "democratic", "democrat"}}
    return found.pop() if len(found) == 1 else None


def _epithet_head(description: str) -> str | None:
    """The noun a short definite description of one person ends on ('the Ohio senator', 'the real estate mogul', 'the
    former Democratic presidential nominee'), or None where it says whose, of what or from where it is ('the leader of
    Chapman's organization'), or is plural."""
    m = re.fullmatch(r"(?i)the\s+((?:[\w-]+\s+){0,4}?)([a-z-]+)(?:\s+in\s+chief)?", description.strip())
    if m is None or re.search(r"(?i)\b(?:who|that|and|himself|herself)\b|['’]s\b", description):
        return None
    head = m.group(2).lower()
    if head in {"president", "moderator"}:
        return None  # rules of their own: prose calls a head of state "the president" untitled; a transcript's moderator
    return None if head.endswith("s") and not head.endswith("ss") else head


# Words of a body's name a description may give ('The Senate Budget Committee chairman'): the speaker must have been named
# with that body.
_BODY_WORDS = GOVERNMENT_NAME_WORDS | ORGANIZATION_HEADS
# What news prose calls a public figure it has just named, whatever their office: 'the billionaire businessman', 'the
# GOP candidate', 'the former Democratic presidential nominee', 'the Israeli leader'.
_PUBLIC_EPITHETS = frozenset({
    "billionaire", "businessman", "businesswoman", "candidate", "mogul", "nominee", "politician", "tycoon", "leader",
})
# Descriptions by an office, and the offices the text must give the speaker before for them ('the lawmaker' after 'Sen.
# Jane Roe'; 'the commander in chief' after 'President …'); any other office word stands for itself.
_EPITHET_OFFICES: dict[str, set[str]] = {
    "lawmaker": {"senator", "representative", "congressman", "congresswoman", "legislator"},
    "legislator": {"senator", "representative", "congressman", "congresswoman", "lawmaker"},
    "commander": {"president"},
    "congressman": {"representative", "congressman"},
    "congresswoman": {"representative", "congresswoman"},
}


# Offices one person at a time holds and news prose goes on calling them by ('the minister', 'the sheriff'); not "the
# president", which it gives a head of state it may never title, nor words for many ('the official', 'the aide').
_DESCRIBED_ROLES = INTRODUCED_ROLES | frozenset({
    "secretary", "undersecretary", "sheriff", "commissioner", "director", "administrator", "spokesman", "spokeswoman",
    "spokesperson", "senator", "congressman", "congresswoman", "governor", "mayor", "councilman", "councilwoman",
    "chairman", "chairwoman", "ceo", "founder", "ambassador", "minister", "premier", "judge", "captain", "sergeant",
    "commander", "colonel", "admiral", "inspector", "superintendent", "surgeon", "chancellor", "provost", "coordinator",
    "envoy", "detective", "trooper", "coach", "editor", "correspondent", "reporter"
})


_COUNTRY_PREFIX = re.compile(r"^(?:(?i:the)\s+)?(?:U\.S\.|US|U\.K\.|UK)\s+")


def _spelled_out_acronyms(quotes: list[Quote], orgs: list[str]) -> None:
    """'DHS' in an article that names 'the U.S. Department of Homeland Security': the name the acronym spells, word
    for word (a leading "U.S." aside); "HHS" is not "Department of Health and Human Services" (that is DHHS)."""
    for q in quotes:
        s = q.speaker
        if not s.is_organization or not s.name or not re.fullmatch(r"[A-Z]{2,6}", s.name):
            continue
        spelled = set()
        for org in orgs:
            name = _COUNTRY_PREFIX.sub("", re.sub(r"^(?i:the)\s+", "", org))
            words = name.split()
            if len(words) >= 2 and "".join(w[0] for w in words if w[:1].isupper()) == s.name:
                spelled.add(name)
        if len(spelled) == 1:
            s.aliases.append(s.name)
            s.name = spelled.pop()


def _name_office_descriptions(quotes: list[Quote], people: list[PersonMention], rules: RuleConfig = DEFAULT_RULES) -> None:
    """'the president', 'the senator': the one person this document gives that office, when it gives it to one only.

    "President Trump … the president said he was reviewing the offer" is Trump; where two people named so far carry
    the office (a president and a foreign president), the one the narration has just been about ("a judge appointed by
    President George W. Bush … Obama vowed to appeal … the president said"), else the description stays a description.
    """
    for q in quotes:
        s = q.speaker
        m = _OFFICE.fullmatch((s.description or "").strip())
        if s.name or s.resolution != "nominal" or not m or m.group(3).lower() not in TITLE_WORDS:
            continue
        # "the vice president, who …": the qualifiers pick the holder ("Vice President Joe Biden", not President Obama)
        office, qualifiers = m.group(3).lower(), frozenset(m.group(2).lower().split())
        if m.group("owner"):
            qualifiers |= frozenset(re.findall(r"[a-z]+", m.group("owner").lower()))
        at = s.mention.start if s.mention else q.start
        # "President Trump" and "President Donald Trump" are one holder
        holder = office_holder(office, qualifiers, people, at, surname_alone=True)
        if holder is not None and not _still_in_view(holder, people, at, rules):
            holder = None
        holder = holder or _holder_named_last(office, qualifiers, people, at, rules)
        if holder is not None:
            s.name = holder
            # the office as the document writes it before the name ('President'), unless the description says which
            # holder ('the former president'); a party it gives stays the organisation
            # ('Vice President' for 'the vice president' the description's office gives)
            titled = (s.title or "").lower()
            written = next((p.office for p in people if p.name == holder and p.office.lower() in (office, titled)), None)
            described = " ".join([*m.group(2).lower().split(), office])
            if not s.title or titled in (described, office):
                same = written is not None and (not qualifiers - PARTY_QUALIFIERS.keys() or written.lower() == titled)
                s.title = written if same else s.title or described
            s.resolution, s.description = "named", None


def _still_in_view(holder: str, people: list[PersonMention], at: int, rules: RuleConfig) -> bool:
    """Whether the one holder of an office is who the story is about at `at`: named within `document_recency_chars`
    before, or no one named more often ('Texas Senate candidate Ted Cruz' in passing, then two thousand characters about
    Romney, is not 'the candidate' who warned)."""
    surname = holder.split()[-1]
    recent = any(0 < at - p.pos <= rules.document_recency_chars and p.name.split()[-1] == surname for p in people)
    return recent or _most_named(surname, people, at)


def _holder_named_last(office: str, qualifiers: frozenset[str], people: list[PersonMention], at: int, rules: RuleConfig) -> str | None:
    """Of the people of different surnames the document gives this office before `at`, the one named last (by any
    mention, a bare surname too), within `surname_recency_chars` and well after every other (`office_holder_lead_chars`)."""
    holders: dict[str, str] = {}  # surname -> the longest full name given the office
    for name in office_holders(office, qualifiers, people, at, strict=True):  # "President Obama" if never written whole
        holders[name.split()[-1]] = max(holders.get(name.split()[-1], ""), name, key=len)
    holders = {surname: name for surname, name in holders.items() if len(name.split()) >= 2 or not surname_written_whole(name, people)}
    last: dict[str, int] = {}
    for p in people:
        if p.pos < at and p.rank != QUOTED and (surname := p.name.split()[-1]) in holders:
            last[surname] = max(last.get(surname, -1), p.pos)
    # a bare "the president" is none of those the document calls former, though they must be named well before it too
    former = set() if qualifiers else {n.split()[-1] for n in holders.values() if _called_former(n, office, people, at)}
    named = sorted(last.items(), key=lambda item: item[1], reverse=True)
    chosen = next((item for item in named if item[0] not in former), None)
    if chosen is None or at - chosen[1] > rules.surname_recency_chars:
        return None
    if len(holders) == 1:  # 'President Donald Trump … Vice President Mike Pence … the president': the one who holds it
        return holders[chosen[0]] if _most_named(chosen[0], people, at) else None
    if any(surname != chosen[0] and chosen[1] - pos < rules.office_holder_lead_chars for surname, pos in named):
        return None
    return holders[chosen[0]]


def _most_named(surname: str, people: list[PersonMention], at: int) -> bool:
    """Whether no one is named more often than this surname before `at`: 'The President' of an article about an untitled
    Trump is not the 'President Xi Jinping' it names in passing."""
    counts = Counter(p.name.split()[-1] for p in people if p.pos < at and p.rank != QUOTED)
    return counts[surname] >= max(counts.values(), default=0)


def _called_former(name: str, office: str, people: list[PersonMention], at: int) -> bool:
    """'former President George W. Bush': the document gives this person the office as one held before."""
    return any(p.name == name and p.pos < at and office in p.titles and p.qualifiers & PAST_QUALIFIERS for p in people)


def _honorific_gender(mention: str) -> str | None:
    """'Mr. Trump' is a man and 'Mrs. Trump' a woman, whatever else the document calls Trump; the honorific need not
    open the mention ("Earlier Mrs Trump said", a sentence adverb the tagger put inside the name)."""
    for word in mention.split()[:-1]:
        w = word.lower().strip(".,")
        if w in FEMALE_HONORIFICS or w in MALE_HONORIFICS:
            return "female" if w in FEMALE_HONORIFICS else "male"
    return None


def _office_before_surname(s: SpeakerRef) -> str | None:
    """The title a mention writes before the surname ('President Trump'); not one an apposition gave ('Cohen, an ABC News
    contributor'), which need not match how the document introduced the person."""
    mention = s.mention.text if s.mention else ""
    words = mention.split()
    return s.title if s.title and len(words) >= 2 and s.title.lower() in " ".join(words[:-1]).lower() else None


def _other_office(name: str, title: str | None, people: list[PersonMention]) -> bool:
    """'President Trump said …' in a story that names only 'first lady Melania Trump' in full: the document gives that
    name an office, never this one, so the surname is someone else's."""
    office = office_word(title) if title else ""
    held = {t for p in people if p.name == name for t in p.titles}
    return (office in TITLE_WORDS or office == "first lady") and bool(held) and office not in held


def _match_surname(surname: str, candidates: list[str], mentions: Counter[str] | None = None) -> str | None:
    """The full name a surname stands for: the only one with it, or the one the document names at least twice as
    often as any other with it ("Bush" in an article about George W. Bush that mentions Jeb Bush once)."""
    exact = list(dict.fromkeys(c for c in candidates if c.split()[-1].lower() == surname.lower()))
    if len(exact) == 1 or exact and len({c.split()[0].lower() for c in exact}) == 1:
        return max(exact, key=len)  # "George Bush" and "George W. Bush" are one man: the fuller name
    if len(exact) > 1 and mentions:
        ranked = sorted(exact, key=lambda c: -mentions[c])
        if mentions[ranked[0]] >= 2 and mentions[ranked[0]] >= 2 * mentions[ranked[1]]:
            return ranked[0]
        return None
    # 'Santos-Burgoa said', which the parse cut at its hyphen: "Burgoa" of the one hyphenated surname ending so
    joined = list(dict.fromkeys(c for c in candidates if "-" in c.split()[-1] and c.split()[-1].lower().split("-")[-1] == surname.lower()))
    if not exact and len(joined) == 1:
        return joined[0]
    if len(surname) >= 5:
        # "the Kassigs": a family, no misspelt "Kassig"
        close = [c for c in candidates if _misspelt(c.split()[-1].lower(), surname.lower()) and surname.lower() not in _plurals_of(c.split()[-1].lower())]
        if len(set(close)) == 1:
            return close[0]
    return None


def _plurals_of(surname: str) -> tuple[str, str]:
    """How a family is named by its surname: "the Kassigs", "the Reyeses"."""
    return surname + "s", surname + "es"


def _misspelt(name: str, written: str) -> bool:
    """A surname written with a letter wrong, missing, added, or two letters swapped ("Neilsen" for Nielsen), one more
    slip allowed in a long name; the first letter as the name has it, and the first three unless two were swapped."""
    slips = edit_distance(name, written, 2)
    if name[:1] != written[:1] or slips > (1 if len(written) < 7 else 2):
        return False
    return name[:3] == written[:3] or slips == 1 and sorted(name) == sorted(written)
