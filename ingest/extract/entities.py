"""Repairs of the tagger's person names: a spaCy component, run after the entity tagger, before any sieve reads a name."""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ingest.extract.people import DASHES, is_title_word
from kb.names import ORG_HEADS

COMPONENT = "kb_person_names"
# British and wire style writes these without a stop ("Mr Ruiz", "Ms Sanchez"), and then the tagger often misses the name.
_UNSTOPPED_HONORIFICS = frozenset({"Mr", "Ms", "Mrs", "Dr"})
# An entity of these kinds over one word after a given name is a surname misread ("Hans Peter [Doskozil]" as a place).
_MISREAD_LABELS = frozenset({"GPE", "NORP", "ORG", "LOC", "FAC", "PRODUCT", "WORK_OF_ART"})


@Language.component(COMPONENT)
def person_names(doc: Doc) -> Doc:
    """A person's name the tagger cut short ('Sally' of "Attorney General Sally Yates", 'Hans Peter' of "Hans Peter
    Doskozil", the rest read as a place) is taken on to its surname, starts after an article it took in ('a John Hughes
    movie'), and one it ran on past a spaced dash ends there; a
    surname after an honorific without a stop ("Mr Ruiz") is a person; a "person" with no capital ('marijuana') is none.
    Every other entity stays as the tagger left it."""
    ents = list(doc.ents)
    repaired: list[Span] = []
    dropped: set[int] = set()  # start tokens of entities a repaired name took over
    for ent in ents:
        if ent.label_ == "PERSON" and not any(t.text[:1].isupper() for t in ent):
            continue  # 'doesn't think marijuana is more dangerous': a name is written with a capital
        if ent.label_ == "PERSON" and _so_called(ent):
            continue  # 'That so-called Gang of Eight senators have vowed …': what something is called, not a person's name
        if ent.label_ == "PERSON" and _office_before_an_office(ent):
            continue  # 'said the Ranking Member of the … Committee, Congressman Nick Rahall': an office, not a name
        if ent.label_ == "PERSON" and _ends_in_an_acronym(ent):
            continue  # 'Collapse Surviving ISIS: Young Yazidi conscripts …', a headline: no surname is written as an acronym
        if ent.label_ in _MISREAD_LABELS and _aged(ent):
            ent = Span(doc, ent.start, ent.end, label="PERSON")  # 'Among them is 15-year-old Bassim': a person, not a body
        if ent.label_ == "PERSON" and len(ent) > 1 and ent[0].lower_ in {"a", "an"}:
            ent = Span(doc, ent.start + 1, ent.end, label="PERSON")  # 'as teen-earnest as a John Hughes movie': no name opens so
        if ent.label_ == "PERSON" and (cut := _spaced_dash(ent)) is not None:
            ent = Span(doc, ent.start, cut, label="PERSON")  # 'rival Chris Christie - led to a dismal fifth place'
        if ent.label_ == "PERSON" and (surname := _surname_after(ent)) is not None:
            if surname.ent_type_:
                dropped.add(surname.i)
            repaired.append(Span(doc, ent.start, surname.i + 1, label="PERSON"))
        else:
            repaired.append(ent)
    repaired = [e for e in repaired if e.start not in dropped or e.label_ == "PERSON"]
    taken = {t.i for e in repaired for t in e}
    for tok in doc[:-1]:
        name = _after_honorific(tok)
        if name is not None and not any(t.i in taken for t in name):  # only words the tagger left untagged
            repaired.append(name)
            taken.update(t.i for t in name)
    if repaired != ents:
        doc.ents = sorted(repaired, key=lambda e: e.start)
    return doc


_ROMAN = re.compile(r"[IVX]+")  # 'John Smith III'


def _office_before_an_office(ent: Span) -> bool:
    """Words of an office the tagger named as a person, an office word after them ('Ranking Member')."""
    after = ent.doc[ent.end] if ent.end < len(ent.doc) else None
    return after is not None and is_title_word(after.text) and all(is_title_word(t.text) or t.lower_ == "ranking" for t in ent)


def _ends_in_an_acronym(ent: Span) -> bool:
    """The last word all capitals (not a numeral) after a word that is not: 'Surviving ISIS', never 'John Smith III'."""
    last = ent[-1].text
    return len(ent) > 1 and len(last) > 1 and last.isupper() and last.isalpha() and not _ROMAN.fullmatch(last) and not ent[-2].text.isupper()


def _after(ent: Span, *words: str) -> bool:
    """Whether the entity comes right after these tokens ('so', '-', 'called'), in any case."""
    return ent.start >= len(words) and [t.lower_ for t in ent.doc[ent.start - len(words) : ent.start]] == list(words)


def _so_called(ent: Span) -> bool:
    """The name right after 'so-called' (the parse reads "so", "-", "called")."""
    return _after(ent, "so", "-", "called")


def _aged(ent: Span) -> bool:
    """A one-word proper name right after an age ('15-year-old Bassim'); not one in capitals ('the 70-year-old NATO') nor
    of more words ('the 150-year-old Harvard Club'), which name bodies as often."""
    word = ent[0]
    return len(ent) == 1 and word.pos_ == "PROPN" and word.text[:1].isupper() and not word.text.isupper() and _after(ent, "year", "-", "old")


def _spaced_dash(ent: Span) -> int | None:
    """Where a person's name the tagger ran on past a spaced dash ends ('Chris Christie - led'); "Jean-Pierre" is one name."""
    doc = ent.doc
    return next((t.i for t in ent[1:] if t.text in DASHES and doc[t.i - 1].whitespace_), None)


def _name_word(tok: Token) -> bool:
    """A capitalised proper noun that may be a surname: not a title ("Director") nor an organisation's head ("House")."""
    letters = tok.text.replace("'", "").replace("’", "").replace("-", "")
    return (
        tok.pos_ == "PROPN" and tok.text[:1].isupper() and letters.isalpha() and not tok.text.isupper() and len(letters) > 1
        and not is_title_word(tok.text) and tok.lower_ not in ORG_HEADS
    )


def _surname_after(ent: Span) -> Token | None:
    """The word the person's name is a modifier of, when it is an untagged or misread surname right after it."""
    doc = ent.doc
    if ent.end >= len(doc) or ent[-1].dep_ != "compound" or ent[-1].head.i != ent.end:
        return None
    if not all(t.is_alpha or t.text in {".", "-", "'", "’"} or t.text.rstrip(".").isalpha() for t in ent):
        return None  # 'Rich Clabaugh/Staff Europe': a photo credit run into a place, no name
    tok = doc[ent.end]
    if not _name_word(tok) or tok.dep_ == "compound" or any(c.dep_ == "compound" and c.i > tok.i for c in tok.children):
        return None  # "Trump Tower", "the Obama Foundation board": the name modifies a thing
    if tok.ent_type_ and (tok.ent_type_ not in _MISREAD_LABELS or tok.ent_iob_ != "B" or tok.i + 1 < len(doc) and doc[tok.i + 1].ent_iob_ == "I"):
        return None
    return tok


def _after_honorific(tok: Token) -> Span | None:
    """'said Mr Ruiz': the name after an honorific written without a stop, up to its head word."""
    if tok.text not in _UNSTOPPED_HONORIFICS or tok.whitespace_ != " ":
        return None
    doc = tok.doc
    end = tok.i + 1
    while end < len(doc) and end - tok.i <= 3 and _name_word(doc[end]):
        end += 1
    if end == tok.i + 1 or doc[end - 1].dep_ == "compound" and doc[end - 1].head.i >= end:
        return None
    return Span(doc, tok.i + 1, end, label="PERSON")


def add_to(nlp: Language) -> None:
    """Put the component right after the entity tagger, once (the extractor is given a loaded pipeline)."""
    if COMPONENT not in nlp.pipe_names and "ner" in nlp.pipe_names:
        nlp.add_pipe(COMPONENT, after="ner")
