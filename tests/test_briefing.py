"""Briefings a staffer can paste: real speakers only, repeated words merged with all their outlets, a .docx that opens."""

from __future__ import annotations

from pathlib import Path

from docx import Document as Docx

from ingest.readers import RawDocument
from kb.briefing import balance_marks, build_briefing, write_docx
from kb.search import SearchQuery

WIRE = "the new bridge will open to traffic before the end of the summer season"


def raw(n: int, publisher: str, day: int, text: str) -> RawDocument:
    return RawDocument(text=text, source=f"wire.jsonl:{n}", title=f"Bridge story {n}", url=f"https://{publisher.lower()}.example/{n}",
                       published=f"2024-03-{day:02d}", publisher=publisher, kind="article")


def wire_stories() -> list[RawDocument]:
    return [
        raw(1, "Alpha", 1, f'Mayor Ana Ortiz said "{WIRE}." A woman said "it is about time we had one." '
                           'Ortiz called the bridge "a triumph" for the whole river district.'),
        raw(2, "Beta", 2, f'Mayor Ana Ortiz said "{WIRE}," adding that the funding for the bridge was secure.'),
        raw(3, "Gamma", 5, f'Mayor Ana Ortiz told reporters that "{WIRE} and will carry trams as well."'),
    ]


def test_wire_copy_trimmed_differently_counts_every_outlet(kb, ingestor) -> None:  # type: ignore[no-untyped-def]
    assert ingestor.ingest(wire_stories()).new == 3
    hits = kb.search_quotes(SearchQuery(q="bridge open to traffic before summer", speaker="Ana Ortiz", limit=5)).results
    top = next(h for h in hits if "open to traffic" in h.quote.text)
    outlets = {top.document.publisher} | {d.publisher for _, d in top.sources}
    assert outlets == {"Alpha", "Beta", "Gamma"}
    assert sum("open to traffic" in h.quote.text for h in hits) == 1  # the trimmed copies are its sources, not results again


def test_briefing_merges_repeats_keeps_real_speakers_and_exports_docx(kb, ingestor, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert ingestor.ingest(wire_stories()).new == 3
    b = build_briefing(kb, "the new bridge and its opening")
    md = b.markdown
    assert md.startswith("## Briefing: the new bridge and its opening")
    assert "in 3 sources, 2024-03-01 to 2024-03-05" in md
    headings = [line for line in md.splitlines() if line.startswith("### ")]
    assert headings and headings[0].startswith("### Ana Ortiz")
    assert not any("woman" in h.lower() for h in headings)  # "A woman" is not a source a memo can name
    ortiz = b.groups[0]
    bridge = [q for q in ortiz.quotes if "open to traffic" in q.text]
    assert len(bridge) == 1  # the same words once, not once per outlet
    citation = b.citations[bridge[0].number - 1]
    assert all(p in citation for p in ("Alpha", "Beta", "Gamma"))
    fragment = [q for q in ortiz.quotes if q.text == "a triumph"]
    assert not fragment or fragment[0].context and "river district" in fragment[0].context
    assert md.count("\u201c") == md.count("\u201d")
    target = tmp_path / "briefing.docx"
    write_docx(b, target)
    opened = Docx(str(target))
    texts = [p.text for p in opened.paragraphs]
    assert texts[0] == "Briefing: the new bridge and its opening"
    assert any(t.startswith("Ana Ortiz") for t in texts) and any("Gamma" in t for t in texts)


def test_marks_inside_a_quote_are_balanced() -> None:
    assert balance_marks("that \u201cwe do not \u2026\u201d") == "that \u2018we do not \u2026\u2019"
    assert balance_marks("that \u201cwe do not \u2026\u201d\u201d and more") == "that \u2018we do not \u2026\u2019 and more"
    assert balance_marks('\u201cthe "gold standard" for agencies') == "the \u2018gold standard\u2019 for agencies"
    assert balance_marks("he\u2019s hoping the officers\u2019 union agrees") == "he\u2019s hoping the officers\u2019 union agrees"
    assert balance_marks("the plan of Rep. Tom Riel" + " " * 80 + " would fail") == "the plan of Rep. Tom Riel would fail"  # a blanked card
