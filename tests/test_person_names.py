"""The person-name repair component alone: the tagger's entities set by hand on a real parse, then repaired."""

from __future__ import annotations

from spacy.tokens import Doc

from ingest.extract.entities import COMPONENT, person_names
from ingest.extract.extractor import QuoteExtractor


def _tagged(extractor: QuoteExtractor, text: str, people: list[str], label: str = "PERSON") -> Doc:
    """The real parse of `text` with its entities replaced by `people` (each a word run in the text) under `label`."""
    doc = extractor.nlp.make_doc(text)
    for name, component in extractor.nlp.pipeline:
        if name != COMPONENT:
            doc = component(doc)
    spans = []
    for words in people:
        start = text.index(words)
        span = doc.char_span(start, start + len(words), label=label)
        assert span is not None, words
        spans.append(span)
    doc.ents = spans
    return doc


def _people(doc: Doc) -> list[str]:
    return [e.text for e in doc.ents if e.label_ == "PERSON"]


def test_a_name_cut_short_runs_on_to_the_surname_it_modifies(extractor: QuoteExtractor) -> None:
    doc = person_names(_tagged(extractor, "Former Acting Attorney General Sally Brennick testified on Monday.", ["Sally"]))
    assert _people(doc) == ["Sally Brennick"]


def test_a_credit_line_is_not_run_on_into_a_place(extractor: QuoteExtractor) -> None:
    text = "Rich Clabaugh/Staff Europe's migration crisis: the eastern route."
    doc = person_names(_tagged(extractor, text, ["Rich Clabaugh/Staff"]))
    assert _people(doc) == ["Rich Clabaugh/Staff"]


def test_a_name_run_on_past_a_spaced_dash_ends_there(extractor: QuoteExtractor) -> None:
    text = "He was called scripted by rival Chris Harlan - led to a dismal fifth place."
    doc = person_names(_tagged(extractor, text, ["Chris Harlan - led"]))
    assert _people(doc) == ["Chris Harlan"]
    hyphenated = person_names(_tagged(extractor, "Press Secretary Lena Saint-Pierre said so.", ["Lena Saint-Pierre"]))
    assert _people(hyphenated) == ["Lena Saint-Pierre"]


def test_a_person_without_a_capital_is_none(extractor: QuoteExtractor) -> None:
    text = "The president doesn't think marijuana is more dangerous than alcohol, Ann Lowe said."
    doc = person_names(_tagged(extractor, text, ["marijuana", "Ann Lowe"]))
    assert _people(doc) == ["Ann Lowe"]


def test_a_person_ending_in_an_acronym_is_a_headline_not_a_name(extractor: QuoteExtractor) -> None:
    """'Collapse Surviving ISIS' had been a person, and every later "ISIS" a mention of them that "he" went back to."""
    doc = person_names(_tagged(extractor, "Collapse Surviving ISIS: young conscripts begin a long path to healing.", ["Collapse Surviving ISIS"]))
    assert _people(doc) == []
    doc = person_names(_tagged(extractor, "John Harlan III spoke and JOHN HARLAN listened.", ["John Harlan III", "JOHN HARLAN"]))
    assert _people(doc) == ["John Harlan III", "JOHN HARLAN"]


def test_a_so_called_name_is_no_person(extractor: QuoteExtractor) -> None:
    """'That so-called Gang of Eight senators have vowed …' had been a person "Gang" titled "called"."""
    doc = person_names(_tagged(extractor, "That so-called Gang of Eight senators have vowed to defend the deal.", ["Gang"]))
    assert _people(doc) == []


def test_a_name_after_an_age_is_a_person_whatever_the_tagger_read(extractor: QuoteExtractor) -> None:
    """'Among them is 15-year-old Bassim': the tagger's "organisation" was nobody "he" could mean."""
    text = "Among them is 15-year-old Bassim, who found shelter in the camp."
    doc = person_names(_tagged(extractor, text, ["Bassim"], label="ORG"))
    assert _people(doc) == ["Bassim"]
    for body in ("Harvard Club", "NATO"):  # institutions have ages too: 'the 150-year-old Harvard Club'
        doc = person_names(_tagged(extractor, f"The vote was held at the 150-year-old {body} on Monday.", [body], label="ORG"))
        assert _people(doc) == []


def test_other_entities_stay_as_the_tagger_left_them(extractor: QuoteExtractor) -> None:
    doc = _tagged(extractor, "The Obama Foundation said the center would open.", ["The Obama Foundation"], label="ORG")
    assert [(e.text, e.label_) for e in person_names(doc).ents] == [("The Obama Foundation", "ORG")]


def test_a_titled_name_read_as_an_organisation_keeps_a_hyphenated_given_name(extractor: QuoteExtractor) -> None:
    """'The commission president, Jean-Claude Juncker' tagged as an organisation had been the person "Claude Juncker"."""
    from ingest.extract.mentions import read_people

    text = "The European commission president, Jean-Luc Varenne, spoke on Monday."
    doc = _tagged(extractor, text, ["Jean-Luc Varenne"], label="ORG")
    people = read_people(0, doc, {}, {"Varenne": {"Jean-Luc Varenne"}})
    assert "Jean-Luc Varenne" in [p.name for p in people] and "Luc Varenne" not in [p.name for p in people]
