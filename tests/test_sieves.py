"""The extractor's sieves, each run alone and all together in their declared order (invented text)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from ingest.extract.config import DEFAULT_RULES, Sieve
from ingest.extract.extractor import QuoteExtractor
from kb.models import Quote

ARTICLE = (
    '"We will not raise taxes this year," Governor Ann Lowe said on Monday.\n\n'
    "Mayor Bob Hart said the new bridge would open in the spring.\n\n"
    "According to the county auditor, the budget is balanced for the first time in a decade.\n\n"
    "Lowe's claim that the state had paid every bill on time drew laughter in the chamber.\n\n"
    "Lowe cited the new harbour as proof that her plan works for every family.\n"
)
KINDS = {  # what each sieve alone finds in ARTICLE: (kind, speaker, words it begins with)
    Sieve.MARKED: [("direct", "Ann Lowe", "We will not raise taxes")],
    # a speech verb's clause: the marked one too, which the marked sieve takes first when it runs
    Sieve.REPORTED: [("mixed", "Ann Lowe", "We will not raise taxes"), ("indirect", "Bob Hart", "the new bridge would open")],
    Sieve.ACCORDING_TO: [("indirect", "the county auditor", "the budget is balanced")],
    Sieve.CLAIM_NOUNS: [("indirect", "Ann Lowe", "that the state had paid every bill")],
}
TRANSCRIPT = "MS. LOWE: The budget is balanced.\n\nMR. HART: The bridge opens in spring.\n\nMS. LOWE: We meet again in May.\n"
STATEMENT = "We are proud to announce that the new harbour will open to every family next spring."


def _alone(extractor: QuoteExtractor, *sieves: Sieve) -> QuoteExtractor:
    return QuoteExtractor(extractor.nlp, replace(DEFAULT_RULES, sieves=frozenset(sieves)), extractor.tagger)


def _found(quotes: list[Quote]) -> list[tuple[str, str, str]]:
    return [(q.kind, q.speaker.name or q.speaker.description or "", q.text) for q in quotes]


@pytest.mark.parametrize("sieve", list(KINDS), ids=lambda s: s.value)
def test_each_sieve_alone_finds_its_own_kind_of_quote_and_no_other(extractor: QuoteExtractor, sieve: Sieve) -> None:
    found = _found(_alone(extractor, sieve).extract(ARTICLE))
    assert [(kind, who) for kind, who, _ in found] == [(kind, who) for kind, who, _ in KINDS[sieve]], found
    assert all(text.startswith(words) for (_, _, text), (_, _, words) in zip(found, KINDS[sieve], strict=True))


def test_all_sieves_together_find_the_union_in_text_order(extractor: QuoteExtractor) -> None:
    found = _found(_alone(extractor, *Sieve).extract(ARTICLE))
    expected = [*KINDS[Sieve.MARKED], *KINDS[Sieve.REPORTED][1:], *KINDS[Sieve.ACCORDING_TO], *KINDS[Sieve.CLAIM_NOUNS]]
    assert [(kind, who) for kind, who, _ in found] == [(kind, who) for kind, who, _ in expected], found


def test_no_sieve_finds_nothing(extractor: QuoteExtractor) -> None:
    assert _alone(extractor).extract(ARTICLE) == []
    assert _alone(extractor).extract(TRANSCRIPT, kind="roundtable") == []


def test_speaker_labels_sieve_reads_a_transcript_alone(extractor: QuoteExtractor) -> None:
    turns = _found(_alone(extractor, Sieve.SPEAKER_LABELS).extract(TRANSCRIPT, kind="roundtable"))
    assert [(kind, text) for kind, _, text in turns] == [
        ("turn", "The budget is balanced."), ("turn", "The bridge opens in spring."), ("turn", "We meet again in May."),
    ]
    assert _alone(extractor, Sieve.MARKED, Sieve.REPORTED).extract(TRANSCRIPT, kind="roundtable") == []


def test_statements_sieve_credits_the_issuer_only_when_it_runs(extractor: QuoteExtractor) -> None:
    title = "Statement from Governor Ann Lowe on the New Harbour"
    issued = _alone(extractor, Sieve.STATEMENTS).extract(STATEMENT, kind="statement", title=title)
    assert [(q.kind, q.speaker.name) for q in issued] == [("statement", "Ann Lowe")]
    others = _alone(extractor, *(s for s in Sieve if s is not Sieve.STATEMENTS)).extract(STATEMENT, kind="statement", title=title)
    assert not [q for q in others if q.kind == "statement" or q.speaker.name == "Ann Lowe"]


def test_the_default_runs_every_sieve() -> None:
    assert DEFAULT_RULES.sieves == frozenset(Sieve)
