"""Each reader: metadata, exact offsets, and clear errors that name the file or record."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from conftest import ABC, SEEDS

from ingest.extract.extractor import QuoteExtractor
from ingest.readers import RawDocument, ReaderError, expand_paths, read_path


def read_one(path: Path) -> RawDocument:
    items = list(read_path(path))
    assert len(items) == 1
    assert isinstance(items[0], RawDocument), items[0]
    return items[0]


def test_plain_text_title_byline_date_and_exact_offsets() -> None:
    doc = read_one(ABC)
    assert doc.title == "Tensions flare over immigration enforcement between local police, Trump's DHS"
    assert doc.publisher == "ABC News"
    assert doc.published == "2017-04-03"
    source = ABC.read_text(encoding="utf-8")
    assert len(doc.text) == len(source)  # normalisation keeps every offset
    start = source.index("hoping for guidance")
    assert doc.text[start : start + 19] == "hoping for guidance"


def test_markdown_front_matter_and_unwrapped_lines() -> None:
    doc = read_one(SEEDS / "statement-biden-border-security-negotiations-2024-01-26.md")
    assert doc.kind == "statement"
    assert doc.published == "2024-01-26"
    assert doc.publisher == "The White House"
    assert doc.url and doc.url.startswith("https://bidenwhitehouse.archives.gov/")
    assert "begin negotiations with a bipartisan group" in doc.text  # the hard wrap became a space


def test_html_main_text_and_metadata(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>Mayor speaks</title><meta property='og:site_name' content='Daily Planet'>"
        "<meta name='date' content='2020-05-06'></head><body><nav>Home | About</nav><article><h1>Mayor speaks</h1>"
        "<p>The mayor said on Monday that the city would open three new shelters before the winter begins, "
        "and that funding had already been approved by the council.</p></article></body></html>"
    )
    doc = read_one(page)
    assert doc.title == "Mayor speaks"
    assert doc.publisher == "Daily Planet"
    assert doc.published == "2020-05-06"
    assert "three new shelters" in doc.text and "Home | About" not in doc.text


def test_json_record_and_list(tmp_path: Path) -> None:
    one = tmp_path / "one.json"
    one.write_text(json.dumps({"title": "T", "text": "Body text here.", "kind": "statement", "published": "2021-01-02"}))
    doc = read_one(one)
    assert (doc.title, doc.kind, doc.published) == ("T", "statement", "2021-01-02")
    many = tmp_path / "many.json"
    many.write_text(json.dumps([{"title": "A", "text": "a"}, {"title": "B"}]))
    items = list(read_path(many))
    assert isinstance(items[0], RawDocument)
    assert isinstance(items[1], ReaderError) and "many.json[1]" in str(items[1]) and "neither 'text' nor 'html'" in str(items[1])


def test_jsonl_malformed_line_is_reported_by_number_and_the_rest_read(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl.gz"
    lines = [json.dumps({"title": "first", "text": "one"}), "{not json", json.dumps({"title": "third", "text": "three"})]
    path.write_bytes(gzip.compress("\n".join(lines).encode()))
    items = list(read_path(path))
    assert [type(i).__name__ for i in items] == ["RawDocument", "ReaderError", "RawDocument"]
    assert str(items[1]).startswith(f"{path}:2: invalid JSON")


def test_unknown_format_missing_file_and_binary_are_clear_errors(tmp_path: Path) -> None:
    odd = tmp_path / "notes.docx"
    odd.write_bytes(b"PK\x03\x04")
    (error,) = read_path(odd)
    assert isinstance(error, ReaderError) and "unknown format '.docx'" in str(error)
    binary = tmp_path / "blob.txt"
    binary.write_bytes(b"\x00\x01\x02" * 100)
    (error,) = read_path(binary)
    assert isinstance(error, ReaderError) and "binary" in str(error)
    (missing,) = expand_paths([tmp_path / "nope.txt"])
    assert isinstance(missing, ReaderError) and "nope.txt" in str(missing)


def test_bad_front_matter_kind_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "x.md"
    path.write_text("---\ntitle: X\nkind: blogpost\n---\nBody\n")
    (error,) = read_path(path)
    assert isinstance(error, ReaderError) and "unknown kind 'blogpost'" in str(error)


# A news site's link card after a politician's name: the full name run into three headlines, then "MORE" (invented text).
CARD = "Jane Ellen DoerrSenators weigh a budget deal Lawmakers split on tariffs The Morning Brief: Budget fight looms MORE"


def test_a_link_card_after_a_name_is_blanked_and_every_offset_kept() -> None:
    from ingest.normalise import normalise

    source = f"Senate Majority Whip Jane Doerr {CARD} (R-Texas) said on Monday that the bill had no chance."
    text = normalise(source)
    assert len(text) == len(source)
    assert text.startswith("Senate Majority Whip Jane Doerr ")
    assert "Senators weigh" not in text and "MORE" not in text and "Ellen" not in text
    assert " ".join(text.split()) == "Senate Majority Whip Jane Doerr (R-Texas) said on Monday that the bill had no chance."


def test_a_link_card_keeps_the_possessive_on_the_name_and_prose_capitals_stay() -> None:
    from ingest.normalise import normalise

    text = normalise(f"It will vote first on Senator Jane Doerr {CARD}’s proposal. Protesters chanted NO MORE DEALS at the rally.")
    assert " ".join(text.split()) == "It will vote first on Senator Jane Doerr’s proposal. Protesters chanted NO MORE DEALS at the rally."
    joined = "Former aide Tom van Riel Thomas Anton van RielVoters sour on tariffs Budget talks stall MORE, and Ann Lutz."
    assert " ".join(normalise(joined).split()) == "Former aide Tom van Riel , and Ann Lutz."  # a particle in the name
    glued = "Adviser Tom RielTom Anton RielBudget talks stall Voters sour MORE and Ann Lutz met."
    assert " ".join(normalise(glued).split()) == "Adviser Tom Riel and Ann Lutz met."  # the card run into the name


def test_a_card_with_a_misspelt_name_leaves_the_prose_name_whole() -> None:
    from ingest.normalise import normalise

    text = "Rep. Tom Riel Tom Anton RiellVoters sour on tariffs Budget talks stall MORE (R-Pa.) said the plan was dead."
    assert normalise(text).startswith("Rep. Tom Riel ")  # never "Rep. Tom" with the surname blanked
    spaced = "Rep. Tom Riel Tom Anton Riel Voters sour on tariffs Budget talks stall MORE (R-Pa.) said the plan was dead."
    assert " ".join(normalise(spaced).split()) == "Rep. Tom Riel (R-Pa.) said the plan was dead."


# A White House transcript as its site publishes it: the labels inside table cells, paragraphs ended by '<br />' (invented text).
TABLE_TRANSCRIPT = (
    '<table class="has-fixed-layout">\n<tbody>\n<tr class="odd">\n<td class="has-text-align-center">REMARKS BY\n'
    "THE VICE PRESIDENT<br />\nAT THE HARBOR GALA</td>\n</tr>\n</tbody>\n</table>\n\n"
    '<table class="has-fixed-layout">\n<tbody>\n<tr class="odd">\n<td class="has-text-align-left">THE VICE PRESIDENT:\u00a0\n'
    "Thank you all.\u00a0 (Applause.)\u00a0 We are proud of the harbor &amp; its\nworkers.<br />\n\u00a0<br />\n"
    "MR. ROE:\u00a0 We will open the <strong>new pier</strong> in May.</td>\n</tr>\n</tbody>\n</table>"
)


def test_html_in_a_records_text_is_layout_every_offset_kept_and_its_labels_read(extractor: QuoteExtractor) -> None:
    """A record's text carrying HTML table markup had been stored tags and all, and its transcript credited to one speaker."""
    from ingest.readers import read_record

    doc = read_record({"title": "Remarks by the Vice President", "text": TABLE_TRANSCRIPT, "url": "https://example.org/r"}, "r.jsonl:1")
    assert len(doc.text) == len(TABLE_TRANSCRIPT)
    assert "<" not in doc.text and ">" not in doc.text and "&amp;" not in doc.text
    assert "proud of the harbor & its workers." in " ".join(doc.text.split())  # the entity is its character
    # a stray tag in prose is text ('Hale said "<img src=x> is what we fear"'), as the web page shows it
    prose = read_record({"text": 'Mayor Jo Hale said "<img src=x> is what we fear."', "url": "https://example.org/p"}, "r.jsonl:3")
    assert "<img src=x>" in prose.text
    # a word the transcript strikes through and corrects was not said
    corrected = read_record({"text": "MR. ROE: We will help the <s>lowest</s> [low]-income families.", "url": "https://example.org/c"}, "r.jsonl:2")
    assert " ".join(corrected.text.split()) == "MR. ROE: We will help the [low]-income families."
    quotes = extractor.extract(doc.text, kind="roundtable", title=doc.title)
    said = {(q.speaker.title, q.speaker.name, " ".join(q.text.split())) for q in quotes}
    assert said == {
        ("Vice President", None, "Thank you all. (Applause.) We are proud of the harbor & its workers."),
        (None, "Roe", "We will open the new pier in May."),
    }


def test_capitals_and_a_colon_inside_a_wrapped_sentence_are_no_speaker_label() -> None:
    """'… the goal of a good chunk of the\\nNSM: to move …' runs on (invented text); a real label after a finished line stays."""
    from ingest.normalise import normalise, paragraphs

    source = (
        "MS. MOORE:  And that is the goal of a good chunk of the\nNSM: to move our networks to new standards.\n"
        "THE PRESIDENT:  Thank you, Dana.\n"
    )
    text = normalise(source, markdown=True)
    assert len(text) == len(source)
    assert [text[s:e].split(":")[0] for s, e in paragraphs(text)] == ["MS. MOORE", "THE PRESIDENT"]
