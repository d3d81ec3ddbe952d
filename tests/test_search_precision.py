"""The search-precision score: results matched to judged ones by document and overlapping span, the rest listed."""

from __future__ import annotations

from evals.search_precision import JUDGED, Judged, load_judged, score


def test_results_are_matched_by_overlap_and_the_unjudged_are_listed() -> None:
    judged = [
        Judged("border wall", "doc_a", 100, 160, statement=True, right_speaker=True),
        Judged("border wall", "doc_a", 400, 420, statement=False, right_speaker=False),
        Judged("border wall", "doc_b", 0, 50, statement=True, right_speaker=False),
    ]
    results = {"border wall": [
        {"document_id": "doc_a", "start": 110, "end": 170},  # most of the first judged span: the same quote, trimmed anew
        {"document_id": "doc_a", "start": 405, "end": 420},
        {"document_id": "doc_b", "start": 45, "end": 120},  # overlaps 5 characters: another quote
        {"document_id": "doc_c", "start": 0, "end": 10},
    ]}
    scored = score(results, judged)
    assert (scored.results, scored.judged, scored.statements, scored.right_speaker, scored.both) == (4, 2, 1, 1, 1)
    assert [(u["document_id"], u["start"]) for u in scored.unjudged] == [("doc_b", 45), ("doc_c", 0)]
    assert scored.as_dict()["right_speaker"] == 0.5


def test_the_committed_judgements_load_and_say_what_evals_results_reports() -> None:
    judged = load_judged(JUDGED)
    assert len(judged) == 169 and len({j.query for j in judged}) == 19
    first, added = judged[:95], judged[95:125]  # the store of 750d4d2, then what the store of 038f34e ranked anew
    assert sum(j.right_speaker for j in first) == 68 and sum(j.statement and j.right_speaker for j in first) == 51
    assert sum(j.right_speaker for j in added) == 25 and sum(j.statement and j.right_speaker for j in added) == 20
    assert [(j.statement, j.right_speaker) for j in judged[138:140]] == [(True, True)] * 2  # what the store of a24dd57 ranked anew
    assert [(j.statement, j.right_speaker) for j in judged[140:146]] == [(True, True)] * 6  # what the store of bf214c6 ranked anew
    assert sum(j.statement for j in judged[146:153]) == 3 and sum(j.right_speaker for j in judged[146:153]) == 5  # and that of 01405a8
    assert [(j.statement, j.right_speaker) for j in judged[153:157]] == [(True, True), (True, True), (True, False), (False, False)]  # e39523d's
    assert [(j.statement, j.right_speaker) for j in judged[157:158]] == [(True, True)]  # ad63573's: 'zero tolerance', now the administration's
    # what the store of e25228b ranked anew: two noun phrases, a release's background bullets, a party shorthand for a name
    assert sum(j.statement for j in judged[158:]) == 9 and sum(j.right_speaker for j in judged[158:]) == 7
    assert all(j.credited for j in judged)  # a result credited to someone else since is judged anew


def test_a_result_credited_to_someone_else_or_cut_down_is_judged_anew() -> None:
    judged = [Judged("border wall", "doc_a", 100, 200, statement=True, right_speaker=False, credited="the president")]
    results = {"border wall": [
        {"document_id": "doc_a", "start": 100, "end": 200, "credited": "Democrats"},  # the same words, now credited right
        {"document_id": "doc_a", "start": 100, "end": 140, "credited": "the president"},  # cut to a part of them
        {"document_id": "doc_a", "start": 95, "end": 200, "credited": "President"},
    ]}
    scored = score(results, judged)
    assert (scored.judged, len(scored.unjudged)) == (1, 2)


def test_a_recheck_counts_a_fuller_or_shorter_name_as_the_same_credit() -> None:
    from evals.search_precision import _same_name

    assert _same_name("Xavier Becerra", "Becerra") and _same_name("Goodman", "Amy Goodman")
    assert not _same_name("Melania Trump", "Donald Trump") and not _same_name("Jen Psaki", "Joe Biden")


def test_a_recheck_keeps_a_reporters_question_whose_reporter_is_now_named() -> None:
    from evals.search_precision import _same_credit

    assert _same_credit("Kevin, a reporter", "question", "a reporter") and _same_credit("Zeke Miller", "question", "a reporter")
    assert not _same_credit("Karine Jean-Pierre", "turn", "a reporter")


def test_a_recheck_takes_the_nested_quote_not_the_question_holding_it() -> None:
    from types import SimpleNamespace

    from evals.search_precision import still_there

    question = SimpleNamespace(start=0, end=160, who="a reporter")  # 'Democrats have said, if …, bad things happen. Do you …?'
    nested = SimpleNamespace(start=40, end=80, who="Democrats")
    elsewhere = SimpleNamespace(start=200, end=260, who="Trump")
    assert [q.who for q in still_there(40, 80, [question, nested, elsewhere])] == ["Democrats", "a reporter"]
