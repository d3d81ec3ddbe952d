"""The labels score: each judged quote found by its span, scored by the verdict on the label it carries now."""

from __future__ import annotations

from evals.labels import JUDGED, JudgedLabel, load_judged, score_labels
from kb.models import Quote, SpeakerRef


def _quote(start: int, end: int, title: str | None, organization: str | None) -> Quote:
    return Quote("We will act on this.", start, end, "direct", SpeakerRef("Dana Whitfield", "named", title=title, organization=organization))


def test_a_label_is_scored_by_the_verdict_on_it_and_an_unjudged_one_is_counted_apart() -> None:
    judged = [
        JudgedLabel("doc_a", 100, 160, "defiant", None, "wrong", "missing"),  # before a change
        JudgedLabel("doc_a", 100, 160, "Minority Leader", "Senate", "right", "right"),  # after it
        JudgedLabel("doc_b", 0, 50, None, None, "none_ok", "none_ok"),
        JudgedLabel("doc_c", 0, 50, "Sen.", None, "right", "missing"),
    ]
    stored = {
        "doc_a": [_quote(105, 160, "minority  leader", "Senate")],  # the same quote, trimmed anew; case and spaces aside
        "doc_b": [_quote(0, 50, "spokeswoman", None)],  # a title nobody judged
        "doc_c": [_quote(300, 340, "Sen.", None)],  # the judged quote is gone
    }
    scored = score_labels(judged, lambda doc: stored.get(doc, []))
    assert (scored["quotes"], scored["gone"]) == (3, 1)
    assert scored["title"] == {"judged": 1, "good": 1.0, "right": 1, "unjudged": 1}
    assert scored["organization"] == {"judged": 2, "good": 1.0, "none_ok": 1, "right": 1}
    assert [(u["document_id"], u["title"]) for u in scored["unjudged"]] == [("doc_b", "spokeswoman")]


def test_the_committed_judgements_load_and_say_what_evals_results_reports() -> None:
    judged = load_judged(JUDGED)
    assert len({(j.document_id, j.start, j.end) for j in judged}) == 160
    assert {j.title_verdict for j in judged} | {j.organization_verdict for j in judged} <= {"right", "wrong", "missing", "none_ok"}
