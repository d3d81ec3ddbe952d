"""The trained attribution tagger: its artifact is checked before use, and the exact-span scoring reads spans back as BIO."""

from __future__ import annotations

import json
import math
import shutil
from pathlib import Path

import pytest

from evals.attribution import bio_spans, with_marks
from ingest.extract.model import MODEL_DIR, AttributionTagger, ModelArtifactError, link, sha256
from ingest.extract.model_data import LABEL_ID, LABELS, Role, Span, bio_path, decode_spans
from ingest.pipeline import build_extractor  # the real one: the fixtures patch the module's name


def test_missing_artifact_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ModelArtifactError, match="missing"):
        AttributionTagger(tmp_path)


def test_corrupt_artifact_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "model.int8.onnx").write_bytes(b"weights")
    manifest = {"model": "model.int8.onnx", "tokenizer": "tokenizer.json", "max_len": 256, "stride": 192,
                "sha256": {"model.int8.onnx": sha256(tmp_path / "model.int8.onnx")}}
    (tmp_path / "manifest.json").write_text(json.dumps(manifest))
    (tmp_path / "model.int8.onnx").write_bytes(b"weightz")  # one byte flipped after the checksum was taken
    with pytest.raises(ModelArtifactError, match="corrupt"):
        AttributionTagger(tmp_path)
    (tmp_path / "model.int8.onnx").unlink()
    with pytest.raises(ModelArtifactError, match="missing"):
        AttributionTagger(tmp_path)


def test_exact_scoring_splits_spans_at_sentences_and_respects_boundaries() -> None:
    # "Tax cuts work. They pay." said Ann.  -> two sentences of tokens
    sentences = [[(0, 1), (1, 4), (5, 9), (10, 14), (14, 15)], [(16, 20), (21, 24), (24, 25), (25, 26), (27, 31), (32, 35), (35, 36)]]
    gold = [Span(Role.CONTENT, 0, 26), Span(Role.CUE, 27, 31), Span(Role.SOURCE, 32, 35)]
    spans = bio_spans(sentences, gold)
    assert (0, "content", 0, 15) in spans and (1, "content", 16, 26) in spans  # the content is cut at the sentence end
    assert (1, "cue", 27, 31) in spans and (1, "source", 32, 35) in spans
    shorter = bio_spans(sentences, [Span(Role.CONTENT, 1, 14)])  # without the marks: not an exact match
    assert not shorter & spans


def test_exact_scoring_widens_a_quotes_words_to_polnears_marks_and_no_further() -> None:
    text = "“We will win,” Ann said. Ann said taxes rise, and Bob agreed. He called it ''a mess.'' "
    words = text.index("We"), text.index(",”")
    assert text[slice(*with_marks(text, *words))] == "“We will win,”"
    reported = text.index("taxes"), text.index(", and")
    assert with_marks(text, *reported) == reported  # a comma not closed by a mark stays outside
    nyt = text.index("a mess"), text.index(".''")
    assert text[slice(*with_marks(text, *nyt))] == "''a mess.''"


def test_decoding_keeps_a_span_whole_where_one_token_leans_to_o() -> None:
    # Four tokens of one quote; the third's best single label is O by a hair, the fourth is clearly inside.
    offsets = [(0, 3), (4, 8), (9, 12), (13, 17)]
    probabilities = [{"B-content": 0.9}, {"I-content": 0.9}, {"O": 0.5, "I-content": 0.45}, {"I-content": 0.9}]
    logits = [[math.log(p.get(label, 0.01)) for label in LABELS] for p in probabilities]
    greedy = [max(range(len(LABELS)), key=row.__getitem__) for row in logits]
    assert len(decode_spans(offsets, greedy)) == 2  # what per-token argmax made of it: the quote in two pieces
    assert decode_spans(offsets, bio_path(logits)) == [Span(Role.CONTENT, 0, 17)]


def test_decoding_never_opens_a_span_with_an_inside_label() -> None:
    logits = [[5.0 if label == "I-cue" else 0.0 for label in LABELS]] * 3
    path = bio_path(logits)
    assert path[0] == LABEL_ID["B-cue"] and path[1:] == [LABEL_ID["I-cue"]] * 2
    assert bio_path([]) == []


def test_content_goes_to_the_nearest_cue_and_its_source() -> None:
    text = '"We will win," Smith said. "And soon."\nJones said taxes rise.'
    spans = [Span(Role.CONTENT, 0, 14), Span(Role.SOURCE, 15, 20), Span(Role.CUE, 21, 25), Span(Role.CONTENT, 27, 38),
             Span(Role.SOURCE, 39, 44), Span(Role.CUE, 45, 49), Span(Role.CONTENT, 50, 61)]
    first, second = link(spans, text)
    assert [text[c.start : c.end] for c in first.content] == ['"We will win,"', '"And soon."']
    assert first.source is not None and text[first.source.start : first.source.end] == "Smith"
    assert second.source is not None and text[second.source.start : second.source.end] == "Jones"


def test_committed_tagger_finds_a_plain_quote() -> None:
    tagger = AttributionTagger()
    text = '"The budget will pass this week," Senator Mary Jones told reporters on Tuesday.'
    spans = {(s.role, text[s.start : s.end]) for s in tagger.tag(text)}
    assert (Role.SOURCE, "Senator Mary Jones") in spans or (Role.SOURCE, "Mary Jones") in spans
    assert any(role == Role.CONTENT and "budget will pass" in t for role, t in spans)
    assert tagger.tag("") == []


class _Fixed:
    """A tagger that marks the spans it is given wherever their words occur (the sieve tested alone, without the model)."""

    def __init__(self, *marks: tuple[Role, str]) -> None:
        self.marks = marks

    def tag(self, text: str) -> list[Span]:
        return sorted((Span(role, text.index(words), text.index(words) + len(words)) for role, words in self.marks), key=lambda s: s.start)


def test_the_learned_sieve_adds_a_whole_attribution_the_rules_missed(extractor) -> None:  # type: ignore[no-untyped-def]
    from ingest.extract.extractor import QuoteExtractor

    text = 'On the stump, Governor Ann Lowe went on about "how the system is rigged" against working families.'
    assert not QuoteExtractor(extractor.nlp).extract(text)  # no rule knows "went on about"
    tagger = _Fixed((Role.SOURCE, "Governor Ann Lowe"), (Role.CUE, "went on about"), (Role.CONTENT, '"how the system is rigged" against working families'))
    quotes = QuoteExtractor(extractor.nlp, tagger=tagger).extract(text)
    assert [(q.kind, q.speaker.name, q.speaker.title, q.text) for q in quotes] == [
        ("mixed", "Ann Lowe", "Governor", '"how the system is rigged" against working families')
    ]
    assert quotes[0].confidence < 0.9 and quotes[0].cue is not None and quotes[0].cue.text == "went on about"


def test_the_learned_sieve_never_overrules_a_rule_nor_adds_beliefs(extractor) -> None:  # type: ignore[no-untyped-def]
    from ingest.extract.extractor import QuoteExtractor

    text = '"We will not raise taxes," Ann Lowe said on Monday. Bob Hart believes the budget is sound.'
    tagger = _Fixed((Role.CONTENT, "We will not raise taxes"), (Role.SOURCE, "Bob Hart"), (Role.CUE, "believes"),
                    (Role.CONTENT, "the budget is sound"))
    quotes = QuoteExtractor(extractor.nlp, tagger=tagger).extract(text)
    assert [(q.speaker.name, q.text) for q in quotes] == [("Ann Lowe", "We will not raise taxes")]  # a belief is no statement


def test_a_tagged_source_that_is_a_relative_clause_is_the_one_it_is_about(extractor) -> None:  # type: ignore[no-untyped-def]
    from ingest.extract.extractor import QuoteExtractor

    text = ('Harlow, who was nominated by former Governor Ann Lowe, ruled that the county policy was '
            '"plainly unlawful and a danger to every family in this county."')
    content = 'that the county policy was "plainly unlawful and a danger to every family in this county."'
    tagger = _Fixed((Role.SOURCE, "who was nominated by former Governor Ann Lowe"), (Role.CUE, "ruled"), (Role.CONTENT, content))
    quotes = QuoteExtractor(extractor.nlp, tagger=tagger).extract(text)
    assert [(q.speaker.name or q.speaker.description, q.text) for q in quotes] == [("Harlow", content)]


def test_a_tagged_source_the_parse_tore_from_its_article_is_described_whole(extractor) -> None:  # type: ignore[no-untyped-def]
    """The parse hangs "the" and "memo" on "notes", so the tagged source's root is its article: the speaker had been "the"
    (invented text; the corpus had 'the new memo notes …', 'The toolkit', 'Texas and several other states')."""
    from ingest.extract.extractor import QuoteExtractor

    text = "Echoing some of these concerns, the new memo notes in a preamble that not all county contracts are sound."
    tagger = _Fixed((Role.SOURCE, "the new memo"), (Role.CUE, "notes"), (Role.CONTENT, "that not all county contracts are sound"))
    quotes = QuoteExtractor(extractor.nlp, tagger=tagger).extract(text)
    assert [(q.speaker.description, q.speaker.mention.text if q.speaker.mention else None) for q in quotes] == [("the new memo", "the new memo")]


def test_a_tagged_source_is_described_by_its_phrase_not_the_clause_the_parse_hangs_on_it(extractor) -> None:  # type: ignore[no-untyped-def]
    """'county leaders insisting there was no reason …' had been the description of the leaders' own words (invented text;
    the corpus had 'GOP leaders insisting …', 'ICE employees defending the program and saying …')."""
    from ingest.extract.extractor import QuoteExtractor

    text = ("The bill stalled again on Friday, with county leaders insisting there was no reason to waste time on proposals "
            "the governor would not sign.")
    content = "there was no reason to waste time on proposals the governor would not sign"
    tagger = _Fixed((Role.SOURCE, "county leaders"), (Role.CUE, "insisting"), (Role.CONTENT, content))
    quotes = QuoteExtractor(extractor.nlp, tagger=tagger).extract(text)
    assert [(q.speaker.description, q.text) for q in quotes] == [("county leaders", content)]


def test_a_tagged_direct_quote_is_the_words_inside_its_marks(extractor) -> None:  # type: ignore[no-untyped-def]
    """The tagger's content takes the marks and the comma ('“Stop the deportations,”'); a direct quote is the words, as
    the rules give it (invented text)."""
    from ingest.extract.extractor import QuoteExtractor

    text = "Interrupted by a heckler shouting “Stop the county evictions,” Governor Ann Lowe replied, “We will do that too.”"
    tagger = _Fixed((Role.SOURCE, "a heckler"), (Role.CUE, "shouting"), (Role.CONTENT, "“Stop the county evictions,”"))
    quotes = QuoteExtractor(extractor.nlp, tagger=tagger).extract(text)
    assert ("direct", "a heckler", "Stop the county evictions") in [(q.kind, q.speaker.description, q.text) for q in quotes]


def test_kb_attribution_model_builds_the_rules_with_the_committed_tagger() -> None:
    from kb.settings import Settings

    built = build_extractor(Settings(attribution="model"))
    assert isinstance(built.tagger, AttributionTagger)  # type: ignore[attr-defined]
    quotes = built.extract('"The budget will pass this week," Senator Mary Jones told reporters on Tuesday.')
    assert [(q.speaker.name, q.text) for q in quotes] == [("Mary Jones", "The budget will pass this week")]  # once


def test_kb_attribution_model_with_a_corrupt_artifact_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from ingest.extract.protocol import AttributionUnavailable
    from kb.settings import Settings

    shutil.copytree(MODEL_DIR, tmp_path / "model")
    with (tmp_path / "model" / "model.int8.onnx").open("r+b") as f:
        f.seek(1000)
        f.write(b"\x00\x01")
    monkeypatch.setattr("ingest.extract.model.MODEL_DIR", tmp_path / "model")
    with pytest.raises(AttributionUnavailable, match="KB_ATTRIBUTION=model: .*corrupt"):
        build_extractor(Settings(attribution="model"))


@pytest.mark.parametrize(("text", "marks"), [
    ("They are the groups that Lowe's tough words and proposed policies have angered most this year.",
     ((Role.SOURCE, "Lowe's tough words"), (Role.CUE, "proposed"), (Role.CONTENT, "policies have angered most this year"))),
    ("Heading to the coast on Thursday to view the damage from the storm, Governor Ann Lowe told reporters she was hopeful.",
     ((Role.CONTENT, "view the damage from the storm"), (Role.SOURCE, "Governor Ann Lowe"), (Role.CUE, "told"))),
    ("In agreeing on Monday to end a three-day shutdown of the bridge, county Democrats won a promise of a vote.",
     ((Role.CUE, "agreeing"), (Role.CONTENT, "to end a three-day shutdown of the bridge"), (Role.SOURCE, "county Democrats"))),
    ("Rep. Ann Lowe issued a statement that suggests she does not like the toll plan, but does not find fault with the county.",
     ((Role.SOURCE, "Rep. Ann Lowe"), (Role.CUE, "issued a statement"),
      (Role.CONTENT, "that suggests she does not like the toll plan, but does not find fault with the county"))),
], ids=["participle-cue", "content-before-cue", "agreed-to-act", "relative-clause-on-the-cue"])
def test_the_learned_sieve_adds_no_act_and_no_participle_cue(extractor, text, marks) -> None:  # type: ignore[no-untyped-def]
    from ingest.extract.extractor import QuoteExtractor

    added = [q for q in QuoteExtractor(extractor.nlp, tagger=_Fixed(*marks)).extract(text) if q.confidence == extractor.rules.learned]
    assert added == []


def test_the_issues_scoring_rule_counts_a_quote_split_by_its_cue_as_found() -> None:
    from evals.attribution import Gold, Pred, covered_like_the_issue

    gold = [Gold([(0, 40)], [(50, 58)], "said", "direct", ""), Gold([(100, 140)], [(150, 160)], "said", "indirect", "")]
    preds = [
        Pred([(0, 18)], (50, 58), "direct", "", "Ann Lowe"), Pred([(22, 40)], (50, 58), "direct", "", "Ann Lowe"),  # one quote, two halves
        Pred([(100, 112)], (170, 175), "indirect", "", "Bob Hart"),  # under a third of the gold, and the wrong mention
        Pred([(200, 230)], (150, 160), "indirect", "", "Bob Hart"),  # inside no gold span
    ]
    counts = covered_like_the_issue(gold, preds)
    assert counts["direct"] == {"gold": 1, "pred": 2, "found": 1, "found_speaker": 1, "right": 2, "right_speaker": 2}
    assert counts["indirect"] == {"gold": 1, "pred": 2, "found": 0, "found_speaker": 0, "right": 1, "right_speaker": 0}


def test_the_errors_listed_under_the_issues_rule_are_those_it_counts() -> None:
    from evals.attribution import Gold, Pred, issue_errors

    raw = "x" * 200
    gold = [
        Gold([(0, 40)], [(50, 58)], "said", "direct", "found, right speaker"),
        Gold([(60, 90)], [(50, 58)], "said", "direct", "found, wrong speaker"),
        Gold([(100, 140)], [(150, 160)], "said", "indirect", "missed"),
    ]
    preds = [
        Pred([(0, 40)], (50, 58), "direct", "a", "Ann Lowe"),
        Pred([(60, 90)], (170, 175), "direct", "b", "Bob Hart"),
        Pred([(100, 112)], (150, 160), "indirect", "c", "Ann Lowe"),  # under a third of the gold: the gold is missed
        Pred([(180, 199)], (150, 160), "indirect", "d", "Ann Lowe"),  # inside no gold span
    ]
    errors = issue_errors("art", raw, gold, preds)
    assert [line.rsplit(":: ", 1)[1] for line in errors["issue_missed"]] == ["missed"]
    assert [line.rsplit(":: ", 1)[1] for line in errors["issue_speaker"]] == ["found, wrong speaker"]
    assert [line.rsplit(":: ", 1)[1] for line in errors["issue_false"]] == ["d"]
