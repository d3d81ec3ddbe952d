"""Thresholds and confidences of the rule-based extractor, in one object so they are tuned in one place."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Sieve(str, Enum):
    """The extractor's steps, declared in the order they run; `RuleConfig.sieves` chooses which run (each can run alone).

    Earlier sieves are the more precise: a later one never takes words or a cue an earlier one has used.
    """

    SPEAKER_LABELS = "speaker_labels"  # a transcript's "NAME:" turns, and an interview's turns inside an article
    SIGNED = "signed"  # words signed by a dash ("― Name"): embedded tweets, pull quotes
    MARKED = "marked"  # quotation marks with a speech cue in or after their sentence, or the previous speaker's
    REPORTED = "reported"  # a speech verb governing a clause or an object: 'he said the plan would fail'
    ACCORDING_TO = "according_to"  # 'according to X, …'
    CLAIM_NOUNS = "claim_nouns"  # "Trump's claim that …"
    LEARNED = "learned"  # the trained tagger's whole attributions where no rule found a quote (KB_ATTRIBUTION=model)
    STATEMENTS = "statements"  # an official statement's words are its issuer's


@dataclass(frozen=True)
class RuleConfig:
    """What the sieves need to decide, and how sure each kind of decision is."""

    # The sieves that run, always in their declared order (`Sieve`); fewer to test or measure one alone.
    sieves: frozenset[Sieve] = frozenset(Sieve)

    # A marked phrase shorter than this is a quote only with a speech cue and a speaker, never on its own
    # and never as the topic of a verb of attitude ('criticized "the sanctuary city policy"').
    short_phrase_words: int = 5
    # A marked span with no cue in its sentence inherits the previous speaker only when it is at least this
    # long and fills this share of its sentence.
    floating_min_words: int = 4
    floating_min_share: float = 0.6
    # A shorter one that fills its sentence goes on with the quotation before it when only its cue's sentence, at most
    # this long, stands between ('"I would," Melanie said to the TV. "I would, Donald."').
    cue_sentence_max_words: int = 12
    # The object of a verb of attitude up to this many words (a relative clause left out) is a topic it names.
    topic_max_words: int = 6
    # A phrase after a cue, with no clause in it, is what was said from this many words ("criticized Obama for not making
    # border security more of a priority in his proposals"); shorter, it names a topic ("called for another shutdown").
    phrase_statement_words: int = 10
    # Marked words near a cue but outside its clause are a quote from this many words (fewer: a title, a scare quote).
    near_cue_min_words: int = 4
    # A title-cased marked phrase up to this long is a title, a banner or a slogan ("Rally Against Family Separation").
    title_max_words: int = 10
    # A bare surname is the full name with that surname named last, when named at most this many characters before
    # (about a paragraph or two); further back, the document's dominant bearer of the surname.
    surname_recency_chars: int = 1000
    # "the president" where the document gives the office to two people (a president and the one before him): the one
    # named last, when named within surname_recency_chars before and at least this many characters after the other.
    office_holder_lead_chars: int = 300
    # "the statement said", "the newspaper noted", "the department said": the issuer, newspaper or organisation named
    # for it at most this many characters before (a few paragraphs: articles quote one release over several).
    document_recency_chars: int = 2000
    # 'A spokesman for Sen. Jane Roe said …', then '"…," spokesman John Doe said': the unnamed spokesperson is the one the
    # document names with that title at most this many characters after (about two paragraphs).
    spokesperson_named_after_chars: int = 800
    # 'a senior ICE official said …', then 'the official said': the source described at most this many characters before
    # (a few paragraphs, as an article goes on quoting one unnamed source).
    described_source_recency_chars: int = 3000
    # 'said the plan would be "a disaster. It will bankrupt the city."': what was said runs on to the closing mark of a
    # quotation it opens, when the mark closes at most this many characters after the clause ends, in its paragraph.
    quotation_run_on_chars: int = 300
    # 'denied reports that …', 'dismissed the notion that …': a gainsaying verb at most this many characters before what it
    # calls false opens the quote ("denies it seeks nuclear weapons"), so the quote never says the opposite.
    gainsaid_gap_chars: int = 40
    # '"…," Portman said. … "…," the Ohio senator said': a definite description of a person is the speaker of the quote
    # right before it, named at most this many characters before (about a paragraph), when the narration has named
    # nobody else since.
    epithet_recency_chars: int = 600
    # "they said" is the group last made a subject ("Republican leaders point to …") at most this many characters before,
    # when no later plural subject (a thing: "the walls") stands between.
    plural_recency_chars: int = 600
    # "it said" is the organisation named, or the body or document quoted, at most this many characters before.
    it_recency_chars: int = 1000
    # ... and of those, an organisation that was a clause's subject at most this many characters before outranks one
    # named later only in passing ('The House committee … echoed the Senate committee. But it also concluded …').
    it_subject_chars: int = 400
    # Confidence of each kind of decision: the share of such quotes found with the right speaker on PolNeAR dev
    # (`python -m evals.attribution --split dev`, "reliability"), rounded down to 0.05; turns and statements are
    # not in PolNeAR and keep their prior.
    turn: float = 0.95
    embedded_turn: float = 0.85  # 2 of 2 on dev: too few to move it
    direct_whole: float = 0.9  # with signed words: 236 of 251 right (0.94; 2026-12-03)
    direct_near_cue: float = 0.3  # marked words near a cue, not its clause: 10 of 21 (0.48; was 8 of 25)
    mixed: float = 0.8  # with floating quotes: 266 of 318 (0.84)
    floating: float = 0.8  # a marked span that inherits the previous speaker
    reported: float = 0.7  # 420 of 529 (0.79; was 467 of 627): rounded down, 0.75, it would still sit under mixed
    signed: float = 0.9  # an embedded tweet or a pull quote signed "— Name": the sign-off says whose
    learned: float = 0.6  # a whole attribution the tagger found where no rule did: 29 of 47 (0.62; was 43 of 62)


DEFAULT_RULES = RuleConfig()
