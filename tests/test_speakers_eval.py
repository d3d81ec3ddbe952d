"""The speaker eval's matching and scoring on hand-made items (no shared data needed)."""

from __future__ import annotations

from evals.speakers import Gold, Item, Predicted, best_match, names_match, score


def _gold(speaker: str, type_: str = "person", line: int = 0) -> Gold:
    return Gold("whitehouse", "f.jsonl.gz", line, "words", speaker, type_)


def _pred(sid: str | None, name: str | None, kind: str = "turn", description: str | None = None) -> Predicted:
    return Predicted("q", "text", kind, sid, name, description)


def test_names_ignore_case_accents_middle_names_suffixes_and_nicknames() -> None:
    assert names_match("Chuck Schumer", "Charles E. Schumer")
    assert names_match("Karine Jean-Pierre", "KARINE JEAN-PIERRE")
    assert names_match("Robert F. Kennedy Jr.", "Robert Kennedy")
    assert names_match("Andrés Manuel López Obrador", "Andres Manuel Lopez Obrador")
    assert not names_match("Karoline Leavitt", "Mike Leavitt")
    assert not names_match("Laura Bush", "George W. Bush")
    assert not names_match("Karine Jean-Pierre", "Jean-Pierre")  # a surname alone is not citable
    assert names_match("Department of Homeland Security", "the Department of Homeland Security", organization=True)


def test_match_takes_the_span_covering_most_gold_words_and_the_shorter_on_a_tie() -> None:
    text = "KJP: As he said, “The world lost a leader.” Thank you."
    gold = (text.index("The world"), text.index("leader.") + len("leader."))
    turn, nested, other = (5, len(text)), (gold[0], gold[1] + 1), (text.index("Thank"), len(text))
    assert best_match(gold, [turn, nested, other], text) == 1
    assert best_match(gold, [other], text) is None  # overlaps none of the gold words
    assert best_match(gold, [(gold[0], gold[0] + 12)], text) is None  # 2 of 5 words: under half


def test_score_right_wrong_split_and_merge() -> None:
    items = [
        Item(_gold("Donald Trump"), _pred("spk_a", "Donald Trump")),
        Item(_gold("Donald Trump"), _pred("spk_a", "Donald J. Trump")),
        Item(_gold("Donald Trump"), _pred("spk_b", "Trump")),  # wrong name, and a split
        Item(_gold("Laura Bush"), _pred("spk_c", "George W. Bush")),  # wrong person, and a merge
        Item(_gold("George W. Bush"), _pred("spk_c", "George W. Bush")),
        Item(_gold("a reporter", "reporter"), _pred(None, None, "question", "a reporter")),
        Item(_gold("a reporter", "reporter", line=1), _pred("spk_d", "Karine Jean-Pierre")),
        Item(_gold("the moderator", "anonymous"), _pred(None, None, "turn", "the moderator")),
        Item(_gold("Chuck Schumer"), None),  # missed
    ]
    s = score(items)
    assert s.right == [True, True, False, False, True, True, False, True, False]
    assert set(s.splits) == {"Donald Trump"}
    assert set(s.splits["Donald Trump"]) == {"spk_a", "spk_b"}
    assert set(s.merges) == {"spk_c"}
    assert s.reasons[-1].startswith("missed")


def test_same_name_in_two_entries_counts_only_the_main_one() -> None:
    items = [Item(_gold("Kirstjen Nielsen"), _pred(sid, "Kirstjen Nielsen")) for sid in ("spk_a", "spk_a", "spk_b")]
    s = score(items)
    assert s.right == [True, True, False]
    assert "split" in s.reasons[2]


def test_identity_errors_are_told_apart_from_quotes_credited_to_others() -> None:
    items = [
        Item(_gold("Donald Trump"), _pred("spk_a", "Donald Trump")),
        Item(_gold("Donald Trump"), _pred("spk_b", "Trump Before Cabinet")),  # same person, title fragment: identity split
        Item(_gold("Kirstjen Nielsen"), _pred("spk_c", "Kirstjen Nielsen")),
        Item(_gold("Kirstjen Nielsen"), _pred("spk_d", "Stephen Miller")),  # credited to someone else
        Item(_gold("Stephen Miller"), _pred("spk_d", "Stephen Miller")),
        Item(_gold("Laura Bush"), _pred("spk_e", "Bush")),
        Item(_gold("George W. Bush"), _pred("spk_e", "Bush")),  # two Bushes, one entry: identity merge
    ]
    s = score(items)
    assert set(s.splits) == {"Donald Trump", "Kirstjen Nielsen"} and s.name_splits == {"Donald Trump"}
    assert set(s.merges) == {"spk_d", "spk_e"} and s.name_merges == {"spk_e"}


def test_a_question_is_the_reporters_whether_the_transcript_names_them_or_not() -> None:
    """'Go ahead, Kristen.' names the reporter: a named reporter's questions are still right, and one reporter asking in
    two briefings is no merge of two gold reporters."""
    items = [
        Item(_gold("a reporter", "reporter", line=1), _pred("spk_r", "Kristen Odell", "question")),
        Item(_gold("a reporter", "reporter", line=2), _pred("spk_r", "Kristen Odell", "question")),
        Item(_gold("a reporter", "reporter", line=3), _pred(None, None, "question", "Kristen, a reporter")),
        Item(_gold("a reporter", "reporter", line=4), _pred("spk_k", "Karine Jean-Pierre")),  # the podium's turn
    ]
    s = score(items)
    assert s.right == [True, True, True, False]
    assert not s.merges
