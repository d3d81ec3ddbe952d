"""The Catalogue contract: every backend passes the same suite; a new backend is proven by adding it to `catalogue`."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest

from kb.catalogue import SCHEMA_VERSION, Catalogue, ClaimedJob, QuoteFilter, SqliteCatalogue, copy_catalogue, quote_text_key
from kb.catalogue import postgres
from kb.catalogue.postgres import PostgresCatalogue
from kb.errors import StoreCorrupt
from kb.ids import chunk_id, quote_id, speaker_id
from kb.models import Chunk, Document, Quote, Span, Speaker, SpeakerRef
from kb.syndication import lookup_shingles


@pytest.fixture(params=["sqlite", "postgres"])
def catalogue(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Catalogue]:
    """One empty catalogue per backend."""
    if request.param == "postgres":
        store: Catalogue = PostgresCatalogue(request.getfixturevalue("postgres").new_database())
    else:
        store = SqliteCatalogue(tmp_path / "catalogue.sqlite3")
    yield store
    store.close()


def _speaker(name: str, title: str | None = None, org: str | None = None, is_org: bool = False) -> SpeakerRef:
    return SpeakerRef(name=name, resolution="named", title=title, organization=org, is_organization=is_org,
                      id=speaker_id(name), mention=Span(name, 0, len(name)))


def _doc(doc_id: str, quotes: list[tuple[str, SpeakerRef | None, str]], published: str | None = "2024-01-02",
         publisher: str | None = "Daily Planet", kind: str = "article") -> tuple[Document, list[Chunk], list[Quote], list[Speaker]]:
    """A document whose text is its quotes one after another; one chunk a quote."""
    text, chunks, out = "", [], []
    for body, ref, qkind in quotes:
        start = len(text)
        text += body + " "
        end = start + len(body)
        chunks.append(Chunk(id=chunk_id(doc_id, start, end), document_id=doc_id, text=body, start=start, end=end))
        speaker = ref or SpeakerRef(name=None, resolution="anonymous")
        out.append(Quote(text=body, start=start, end=end, kind=qkind, speaker=speaker, cue=Span("said", end, end + 4),
                         confidence=0.9, id=quote_id(doc_id, start, end), document_id=doc_id))
    doc = Document(id=doc_id, text=text, title=f"Title of {doc_id}", url=f"https://example.org/{doc_id}", published=published,
                   publisher=publisher, kind=kind, content_hash="hash-" + doc_id)
    speakers: dict[str, Speaker] = {}
    for q in out:
        if q.speaker.id:
            speakers.setdefault(q.speaker.id, Speaker(id=q.speaker.id, name=q.speaker.name or "", is_organization=q.speaker.is_organization,
                                                      aliases=list(q.speaker.aliases)))
    return doc, chunks, out, list(speakers.values())


CHAMPAGNE = _speaker("Greg Champagne", title="Sheriff", org="St. Charles Parish")
KELLY = _speaker("John Kelly", title="Secretary", org="DHS")
ACLU = _speaker("ACLU", is_org=True)


@pytest.fixture
def filled(catalogue: Catalogue) -> Catalogue:
    catalogue.replace_document(*_doc("doc_a", [
        ("Detainers are requests from immigration officers, not warrants signed by judges.", CHAMPAGNE, "direct"),
        ("The sanctuary policy keeps our communities safer.", KELLY, "indirect"),
    ], published="2017-04-03", publisher="ABC News"))
    catalogue.replace_document(*_doc("doc_b", [
        ("We will sue over every unlawful detainer request.", ACLU, "statement"),
        ("Judges must sign warrants before anyone is held.", CHAMPAGNE, "direct"),
        ("Nobody knows what happens next with the budget.", None, "direct"),
    ], published="2018-06-01", publisher="Local Gazette", kind="statement"))
    return catalogue


def _current(catalogue: Catalogue) -> int:
    """Each backend numbers its own schema (PostgreSQL's postings, schema 12, have no SQLite counterpart: FTS5 has them)."""
    return postgres.SCHEMA_VERSION if isinstance(catalogue, PostgresCatalogue) else SCHEMA_VERSION


def test_schema_version_is_current(catalogue: Catalogue) -> None:
    assert catalogue.schema_version() == _current(catalogue)


def test_a_document_round_trips_with_counts(filled: Catalogue) -> None:
    assert filled.stats() == {"documents": 2, "chunks": 5, "quotes": 5, "speakers": 3}
    doc = filled.get_document("doc_a")
    assert doc is not None and doc.publisher == "ABC News" and doc.published == "2017-04-03" and doc.title == "Title of doc_a"
    assert filled.document_hash("doc_a") == "hash-doc_a" and filled.document_hash("nope") is None
    assert filled.document_ids() == ["doc_a", "doc_b"]
    quotes = filled.quotes_for_document("doc_b")
    assert [q.kind for q in quotes] == ["statement", "direct", "direct"]
    assert quotes[1].speaker.title == "Sheriff" and quotes[1].speaker.id == CHAMPAGNE.id and quotes[1].cue == Span("said", quotes[1].end, quotes[1].end + 4)
    assert quotes[0].speaker.is_organization and quotes[2].speaker.id is None
    chunks = filled.chunks_for_document("doc_b")
    assert [c.start for c in chunks] == sorted(c.start for c in chunks) and len(chunks) == 3
    assert set(filled.chunks_by_ids([chunks[0].id, "missing"])) == {chunks[0].id}
    chunk_ids, quote_ids = filled.ids_for_document("doc_b")
    assert chunk_ids == {c.id for c in chunks} and quote_ids == {q.id for q in quotes}
    assert set(filled.documents_by_ids(["doc_a", "doc_b", "doc_x"])) == {"doc_a", "doc_b"}


def test_replacing_a_document_is_idempotent_and_drops_what_it_no_longer_says(filled: Catalogue) -> None:
    filled.replace_document(*_doc("doc_a", [
        ("Detainers are requests from immigration officers, not warrants signed by judges.", CHAMPAGNE, "direct"),
        ("The sanctuary policy keeps our communities safer.", KELLY, "indirect"),
    ], published="2017-04-03", publisher="ABC News"))
    assert filled.stats() == {"documents": 2, "chunks": 5, "quotes": 5, "speakers": 3}
    filled.replace_document(*_doc("doc_a", [("Only this remains.", CHAMPAGNE, "direct")], published="2017-04-03"))
    assert filled.stats() == {"documents": 2, "chunks": 4, "quotes": 4, "speakers": 2}  # Kelly has no quote left
    assert filled.get_speaker(KELLY.id or "") is None
    assert filled.keyword_quotes("sanctuary", QuoteFilter(), 10) == []


def test_keyword_search_ranks_by_matching_words_and_searches_speakers(filled: Catalogue) -> None:
    hits = filled.keyword_quotes("judges warrants detainers", QuoteFilter(), 10)
    texts = [filled.quotes_by_ids([i])[i].text for i, _ in hits]
    assert texts[0].startswith("Detainers are requests")  # all three words
    assert len(texts) == 3 and all(score > 0 for _, score in hits)
    assert [s for _, s in hits] == sorted((s for _, s in hits), reverse=True)
    by_speaker = filled.keyword_quotes("sheriff", QuoteFilter(), 10)
    assert len(by_speaker) == 2  # the speaker's title is indexed with the quote
    assert filled.keyword_quotes("warrant", QuoteFilter(), 10)  # stemmed: warrant matches warrants
    assert filled.keyword_quotes("", QuoteFilter(), 10) == []


def test_words_in_too_many_quotes_are_left_out_when_rarer_ones_remain(filled: Catalogue) -> None:
    assert len(filled.keyword_quotes("warrants budget", QuoteFilter(), 10)) == 3
    only_rare = filled.keyword_quotes("warrants budget", QuoteFilter(), 10, common_share=0.3)  # "warrants" is in 2 of 5
    assert [filled.quotes_by_ids([i])[i].text[:13] for i, _ in only_rare] == ["Nobody knows "]


def test_phrase_search_needs_the_words_together(filled: Catalogue) -> None:
    assert len(filled.keyword_quotes("detainer request", QuoteFilter(), 10, phrase=True)) == 1
    assert filled.keyword_quotes("request detainer", QuoteFilter(), 10, phrase=True) == []


def test_compacting_the_keyword_index_keeps_every_answer(filled: Catalogue) -> None:
    before = (filled.keyword_quotes("judges detainer requests", QuoteFilter(), 10), filled.keyword_chunks("budget", 10))
    filled.compact_keyword_index()
    filled.compact_keyword_index()  # twice is harmless (a bulk ingest after another)
    assert before[0] and (filled.keyword_quotes("judges detainer requests", QuoteFilter(), 10), filled.keyword_chunks("budget", 10)) == before


def test_keyword_chunks(filled: Catalogue) -> None:
    hits = filled.keyword_chunks("budget", 10)
    assert len(hits) == 1 and filled.chunks_by_ids([hits[0][0]])[hits[0][0]].text.startswith("Nobody knows")
    assert len(filled.keyword_chunks("signed by judges", 10, phrase=True)) == 1


@pytest.mark.parametrize(("flt", "expected"), [
    (QuoteFilter(speaker_ids=[]), 0),
    (QuoteFilter(speaker_ids=[CHAMPAGNE.id or ""]), 2),
    (QuoteFilter(kinds=["statement"]), 1),
    (QuoteFilter(doc_kinds=["statement"]), 2),
    (QuoteFilter(publishers=["abc news"]), 1),
    (QuoteFilter(since="2018-01-01"), 2),
    (QuoteFilter(until="2017-12-31"), 1),
    (QuoteFilter(document_ids=["doc_a"]), 1),
    (QuoteFilter(kinds=["direct"], since="2018-01-01"), 1),
    (QuoteFilter(min_confidence=0.9), 3),  # every quote of the fixture is at 0.9
    (QuoteFilter(min_confidence=0.95), 0),
    (QuoteFilter(min_confidence=0.95, speaker_ids=[CHAMPAGNE.id or ""]), 0),
])
def test_filters_restrict_keyword_search_and_id_filtering(filled: Catalogue, flt: QuoteFilter, expected: int) -> None:
    hits = filled.keyword_quotes("judges detainer detainers request requests warrants", flt, 10)
    assert len(hits) == expected
    all_ids = [q.id for d in ("doc_a", "doc_b") for q in filled.quotes_for_document(d)]
    passing = filled.filter_quote_ids(all_ids, flt)
    assert {i for i, _ in hits} <= passing
    assert set(filled.quote_ids_matching(flt, 100)) == passing
    assert filled.count_quotes_matching(flt, 100) == len(passing)
    assert filled.count_quotes_matching(QuoteFilter(), 1) == 1  # counted only as far as asked
    assert filled.filter_quote_ids(["q_missing"], QuoteFilter()) == set()


def test_other_outlets_trimmed_copies_are_found_by_word_shingles(filled: Catalogue) -> None:
    original = "Detainers are requests from immigration officers, not warrants signed by judges."
    filled.replace_document(*_doc("doc_wire", [("As he put it: detainers are requests from immigration officers, not warrants signed by"
                                                " judges, and we say so.", CHAMPAGNE, "direct")]))
    filled.replace_document(*_doc("doc_trim", [("are requests from immigration officers, not warrants signed by", CHAMPAGNE, "direct")]))
    found = set(filled.quotes_with_shingles(lookup_shingles(quote_text_key(original)), 50))
    owners = {q.document_id for q in filled.quotes_by_ids(found).values()}
    assert owners == {"doc_a", "doc_wire", "doc_trim"}
    assert filled.quotes_with_shingles(lookup_shingles(quote_text_key("Nobody knows what happens next with the budget.")), 50) != []
    filled.replace_document(*_doc("doc_wire", [("Something else entirely was said about the harbour this week.", KELLY, "direct")]))
    found = set(filled.quotes_with_shingles(lookup_shingles(quote_text_key(original)), 50))
    assert {q.document_id for q in filled.quotes_by_ids(found).values()} == {"doc_a", "doc_trim"}  # a replaced text leaves no stale copy
    other = "Something else entirely was said about the harbour this week."
    many = filled.quotes_with_shingles_many(  # a page of hits in one round trip, each key with its own candidates and limit
        {"first": lookup_shingles(quote_text_key(original)), "second": lookup_shingles(quote_text_key(other)), "none": []}, 50)
    assert set(many["first"]) == found and {q.document_id for q in filled.quotes_by_ids(many["second"]).values()} == {"doc_wire"}
    assert "none" not in many
    assert len(filled.quotes_with_shingles_many({"first": lookup_shingles(quote_text_key(original))}, 1)["first"]) == 1


def test_trimmed_copies_are_linked_both_ways_when_stored_and_unlinked_when_replaced(filled: Catalogue) -> None:
    """A search reads a hit's other outlets' copies from links made at ingest: whichever of two copies came first."""
    (original,) = [q for q in filled.quotes_for_document("doc_a") if q.text.startswith("Detainers")]
    filled.replace_document(*_doc("doc_wire", [("As he put it: detainers are requests from immigration officers, not warrants signed by"
                                                " judges, and we say so.", CHAMPAGNE, "direct"),
                                               ("Detainers are requests from immigration officers.", CHAMPAGNE, "direct")]))
    filled.replace_document(*_doc("doc_trim", [("are requests from immigration officers, not warrants signed by", CHAMPAGNE, "direct")]))
    filled.replace_document(*_doc("doc_same", [(original.text, CHAMPAGNE, "direct")]))  # an exact copy: found by its text, not linked
    (wire, short), (trim,) = filled.quotes_for_document("doc_wire"), filled.quotes_for_document("doc_trim")
    copies = filled.copies_of([original.id, trim.id, short.id, "q_missing"])
    assert {q.id for q in copies[original.id]} == {wire.id, trim.id}  # the longer copy and the shorter one
    assert {q.id for q in copies[trim.id]} == {original.id, wire.id, filled.quotes_for_document("doc_same")[0].id}
    assert short.id not in copies and "q_missing" not in copies  # 6 words: too short to call the same quote
    assert copies[original.id][0].text and copies[original.id][0].document_id in {"doc_wire", "doc_trim"}  # whole quotes
    filled.replace_document(*_doc("doc_wire", [("Something else entirely was said about the harbour this week.", KELLY, "direct")]))
    assert {q.id for q in filled.copies_of([original.id])[original.id]} == {trim.id}  # a replaced text leaves no stale link
    filled.replace_document(*_doc("doc_trim", [("Nothing about detainers here at all, said nobody in particular.", KELLY, "direct")]))
    assert filled.copies_of([original.id]) == {}


def test_quotes_sharing_text(filled: Catalogue) -> None:
    key = quote_text_key("Judges must sign warrants before anyone is held.")
    same = filled.quotes_sharing_text([key, "no such words"])
    assert list(same) == [key] and same[key][0].document_id == "doc_b"


def test_speakers_are_found_by_id_alias_words_and_organisation(filled: Catalogue) -> None:
    assert filled.speaker_ids_matching(CHAMPAGNE.id or "") == [CHAMPAGNE.id]
    assert filled.speaker_ids_matching("Champagne") == [CHAMPAGNE.id]
    assert filled.speaker_ids_matching("Sheriff Champagne") == [CHAMPAGNE.id]  # a title word and a name word
    assert filled.speaker_ids_matching("nobody here") == []
    assert filled.speaker_ids_for_organization("dhs") == [KELLY.id]
    assert filled.speaker_ids_for_organization("aclu") == [ACLU.id]  # an organisation speaking for itself
    pairs = filled.organization_speakers()  # what the search keeps in memory to resolve organisation filters
    assert {sid for org, sid in pairs if "dhs" in org} == {KELLY.id} and {sid for org, sid in pairs if "aclu" in org} == {ACLU.id}
    assert CHAMPAGNE.id not in {sid for org, sid in pairs if "dhs" in org or "aclu" in org}
    listed = filled.list_speakers(None, 10)
    assert listed[0].id == CHAMPAGNE.id and listed[0].quote_count == 2 and len(listed) == 3
    assert [s.id for s in filled.list_speakers("champ", 10)] == [CHAMPAGNE.id]
    assert len(filled.list_speakers(None, 1, offset=1)) == 1


def test_a_speaker_carries_its_facts_and_quotes_newest_first(filled: Catalogue) -> None:
    sheriff = filled.get_speaker(CHAMPAGNE.id or "")
    assert sheriff is not None
    assert (sheriff.name, sheriff.quote_count, sheriff.first_seen, sheriff.last_seen) == ("Greg Champagne", 2, "2017-04-03", "2018-06-01")
    assert sheriff.titles == ["Sheriff"] and sheriff.organizations == ["St. Charles Parish"]
    quotes = filled.speaker_quotes(CHAMPAGNE.id or "", 10, 0)
    assert [q.document_id for q in quotes] == ["doc_b", "doc_a"]
    assert [q.document_id for q in filled.speaker_quotes(CHAMPAGNE.id or "", 1, 1)] == ["doc_a"]
    assert [s.id for s in filled.speakers_by_surname("champagne")] == [CHAMPAGNE.id]
    assert filled.speakers_by_surname("aclu") == []  # organisations have no surname


def test_aliases_are_kept_and_the_longest_name_wins(catalogue: Catalogue) -> None:
    doc, chunks, quotes, speakers = _doc("doc_c", [("Words.", CHAMPAGNE, "direct")])
    speakers[0].aliases = ["Sheriff Greg"]
    catalogue.replace_document(doc, chunks, quotes, speakers)
    found = catalogue.get_speaker(CHAMPAGNE.id or "")
    assert found is not None and found.aliases == ["Sheriff Greg"]
    assert catalogue.speaker_ids_matching("sheriff greg") == [CHAMPAGNE.id]


def test_jobs_are_a_queue_taken_under_a_lease(catalogue: Catalogue) -> None:
    catalogue.enqueue_job("job_1", b'{"text": "x"}\n', "article", "Daily Planet", "api:1")
    catalogue.enqueue_job("job_2", b"second", None, None, "api:1")
    job = catalogue.get_job("job_1")
    assert job is not None and job["status"] == "queued" and job["processed"] == 0 and job["errors"] == []
    first = catalogue.claim_job("worker:a", 60)
    second = catalogue.claim_job("worker:b", 60)
    assert first is not None and second is not None and {first.id, second.id} == {"job_1", "job_2"}
    assert first.id == "job_1" and first.payload == b'{"text": "x"}\n' and (first.kind, first.publisher, first.attempts) == ("article", "Daily Planet", 1)
    assert catalogue.claim_job("worker:c", 60) is None  # both are leased
    assert catalogue.renew_job("job_1", "worker:a", 60) and not catalogue.renew_job("job_1", "worker:b", 60)
    assert not catalogue.update_job("job_1", "running", {"processed": 9}, [], owner="worker:b")  # not b's job
    catalogue.update_job("job_1", "running", {"processed": 3, "new": 2, "failed": 1}, [{"where": "line:2", "message": "bad"}], owner="worker:a")
    assert catalogue.release_job("job_1", "worker:a")  # worker a stops; its progress stays with the job
    again = catalogue.claim_job("worker:c", 60)
    assert again is not None and again.id == "job_1" and again.attempts == 2
    assert again.counts["processed"] == 3 and again.counts["new"] == 2 and again.errors == [{"where": "line:2", "message": "bad"}]
    assert catalogue.update_job("job_1", "done", {"processed": 4, "new": 3, "failed": 1}, again.errors, finished=True, owner="worker:c")
    job = catalogue.get_job("job_1")
    assert job is not None and (job["status"], job["processed"], job["new"], job["failed"]) == ("done", 4, 3, 1) and job["finished_at"]
    assert catalogue.get_job("job_none") is None


def test_a_job_whose_worker_died_is_taken_again(catalogue: Catalogue) -> None:
    catalogue.enqueue_job("job_1", b"x", None, None, "api:1")
    assert catalogue.claim_job("worker:a", 0.05) is not None
    time.sleep(0.2)  # worker a's lease runs out without a renewal
    taken = catalogue.claim_job("worker:b", 60)
    assert taken is not None and taken.id == "job_1"
    assert not catalogue.renew_job("job_1", "worker:a", 60)  # a, if it was only slow, learns the job is gone
    catalogue.enqueue_job("job_2", b"y", None, None, "api:1")
    assert catalogue.claim_job("worker:c", 600) is not None
    assert catalogue.requeue_jobs_of_dead_owners(lambda owner: owner == "worker:c") == 1  # known dead: no wait for the lease
    assert (catalogue.claim_job("worker:d", 60) or ClaimedJob("", b"", None, None, 0)).id == "job_2"


def test_backup_holds_the_same_counts(filled: Catalogue, tmp_path: Path) -> None:
    counts = filled.backup_to(tmp_path / "backup.sqlite3")
    assert counts == filled.stats()
    copy = SqliteCatalogue(tmp_path / "backup.sqlite3")
    try:
        assert copy.stats() == filled.stats()
    finally:
        copy.close()


def test_copying_a_catalogue_keeps_documents_quotes_and_speakers(filled: Catalogue, tmp_path: Path) -> None:
    copy = SqliteCatalogue(tmp_path / "copy.sqlite3")
    try:
        copy_catalogue(filled, copy)
        assert copy.stats() == filled.stats()
        assert copy.get_speaker(CHAMPAGNE.id or "") == filled.get_speaker(CHAMPAGNE.id or "")
    finally:
        copy.close()


def test_noise_counts_are_stored_per_document_and_summed(filled: Catalogue, tmp_path: Path) -> None:
    """`kb stats` shows what extraction rejected: stored with each document, replaced by a re-ingest, kept in a copy."""
    assert filled.noise_counts() == {}
    doc, chunks, quotes, speakers = _doc("doc_c", [("Walls work, everybody knows it.", KELLY, "direct")])
    doc.noise = {"caption": 2, "headline": 1}
    filled.replace_document(doc, chunks, quotes, speakers)
    other, chunks2, quotes2, speakers2 = _doc("doc_d", [("Nothing was decided today.", CHAMPAGNE, "direct")])
    other.noise = {"caption": 3}
    filled.replace_document(other, chunks2, quotes2, speakers2)
    assert filled.noise_counts() == {"caption": 5, "headline": 1}
    other.noise = {"link_text": 1}  # the document ingested again: its counts replace the old ones
    filled.replace_document(other, chunks2, quotes2, speakers2)
    assert filled.noise_counts() == {"caption": 2, "headline": 1, "link_text": 1}
    assert (filled.get_document("doc_c") or other).noise == {"caption": 2, "headline": 1}
    copy = SqliteCatalogue(tmp_path / "copy.sqlite3")
    try:
        copy_catalogue(filled, copy)
        assert copy.noise_counts() == filled.noise_counts()
    finally:
        copy.close()


def test_identity_resolution_reads_mentions_and_stores_identities(filled: Catalogue) -> None:
    """The catalogue hands kb.speakers every (document, name) mention and stores what it decided, with counts."""
    from kb.speakers import Identity, Override

    mentions = {(m.document_id, m.name): m for m in filled.speaker_mentions()}
    assert mentions[("doc_a", "Greg Champagne")].titles == {"Sheriff": 1} and mentions[("doc_b", "ACLU")].is_organization
    merged = Identity(speaker_id("Greg Champagne"), "Greg Champagne", False)
    changed = filled.apply_speaker_identities({("doc_a", "Greg Champagne"): merged, ("doc_b", "Greg Champagne"): merged,
                                               ("doc_a", "John Kelly"): merged, ("doc_b", "ACLU"): Identity(ACLU.id or "", "ACLU", True)})
    assert set(changed.values()) == {CHAMPAGNE.id}  # only Kelly's quote moved
    sheriff = filled.get_speaker(CHAMPAGNE.id or "")
    assert sheriff is not None and sheriff.quote_count == 3
    assert sheriff.alias_counts == {"Greg Champagne": 2, "John Kelly": 1} and sheriff.title_counts == {"Sheriff": 2, "Secretary": 1}
    assert filled.get_speaker(KELLY.id or "") is None  # no quotes left
    assert len(filled.keyword_quotes("champagne", QuoteFilter(), 10)) == 3  # the speaker's words follow the quote's new speaker
    filled.add_speaker_override(Override("merge", "Greg Champagne", "John Kelly"))
    filled.add_speaker_override(Override("split", "John Kelly"))  # a split undoes the merge of that name
    assert filled.speaker_overrides() == [Override("split", "John Kelly")]


def test_an_incremental_resolution_rewrites_only_its_mentions_and_ids_outlive_names(filled: Catalogue) -> None:
    from kb.speakers import Identity

    assert sorted(filled.speaker_surfaces()) == [("doc_a", "Greg Champagne", CHAMPAGNE.id), ("doc_a", "John Kelly", KELLY.id),
                                                 ("doc_b", "ACLU", ACLU.id), ("doc_b", "Greg Champagne", CHAMPAGNE.id)]
    own = {(d, n): Identity(i or "", n, n == "ACLU") for d, n, i in filled.speaker_surfaces()}
    filled.apply_speaker_identities(own)  # a first full pass: every id is known from now on
    scope = {("doc_a", "John Kelly")}
    assert [(m.document_id, m.name) for m in filled.speaker_mentions(scope)] == [("doc_a", "John Kelly")]
    renamed = {("doc_a", "John Kelly"): Identity(speaker_id("John F. Kelly"), "John F. Kelly", False)}
    assert filled.apply_speaker_identities(renamed, scope) == {}  # a better name, the same id: no quote moved
    kelly = filled.get_speaker(KELLY.id or "")
    assert kelly is not None and kelly.name == "John F. Kelly" and kelly.id == KELLY.id
    champagne = filled.get_speaker(CHAMPAGNE.id or "")
    assert champagne is not None and champagne.quote_count == 2 and filled.stats()["speakers"] == 3  # the rest untouched
    merged = Identity(CHAMPAGNE.id or "", "Greg Champagne", False)
    filled.apply_speaker_identities({**own, ("doc_a", "John Kelly"): merged})
    assert filled.current_speaker_id(KELLY.id or "") == CHAMPAGNE.id  # Kelly's old id leads to the entry it went into
    assert (filled.get_speaker(KELLY.id or "") or kelly).id == CHAMPAGNE.id


def _reopen_after(catalogue: Catalogue, statements: list[str]) -> Catalogue:
    """Run raw SQL on the backend's database, then open it again as kb would at start."""
    catalogue.close()
    if isinstance(catalogue, SqliteCatalogue):
        with sqlite3.connect(catalogue.path) as db:
            for statement in statements:
                db.execute(statement)
        return SqliteCatalogue(catalogue.path)
    assert isinstance(catalogue, PostgresCatalogue)
    with psycopg.connect(catalogue.url, autocommit=True) as conn:
        for statement in statements:
            conn.execute(statement)  # type: ignore[call-overload]
    return PostgresCatalogue(catalogue.url)


def test_an_older_schema_is_migrated_and_a_newer_one_refused(catalogue: Catalogue) -> None:
    v1 = [f"ALTER TABLE jobs DROP COLUMN {c}" for c in ("kind", "publisher", "payload", "lease_until", "attempts")]
    v1 += ["ALTER TABLE quotes DROP COLUMN speaker_surface", "ALTER TABLE quotes DROP COLUMN speaker_gender", "DROP TABLE speaker_overrides"]
    if isinstance(catalogue, SqliteCatalogue):  # SQLite refuses to drop a column a trigger reads
        v1 += ["DROP TRIGGER documents_noise_in", "DROP TRIGGER documents_noise_out"]
    v1 += ["ALTER TABLE documents DROP COLUMN noise", "DROP TABLE speaker_ids", "DROP TABLE quote_shingles"]
    v1 += ["ALTER TABLE quotes DROP COLUMN reported_by", "DROP TABLE quote_copies"]
    if isinstance(catalogue, PostgresCatalogue):
        v1 += ["DROP TABLE quote_terms"]
    wire = "The harbour will reopen to every fishing boat by the first of May."
    catalogue.replace_document(*_doc("doc_old", [(wire, KELLY, "direct")]))
    catalogue.replace_document(*_doc("doc_trimmed", [("will reopen to every fishing boat by the first", KELLY, "direct")]))
    older = _reopen_after(catalogue, [*v1, "UPDATE meta SET value = '1' WHERE key = 'schema_version'"])
    try:
        assert older.schema_version() == _current(older)
        assert [i for i, _ in older.keyword_quotes("fishing boat", QuoteFilter(), 5)] != []  # postings made for the quotes already there
        older.enqueue_job("job_1", b"x", "article", None, "api:1")
        claimed = older.claim_job("worker:a", 60)
        assert claimed is not None and claimed.kind == "article"
        doc, chunks, quotes, speakers = _doc("doc_n", [("Nothing was decided today.", KELLY, "direct")])
        doc.noise = {"caption": 1}
        quotes[0].reported_by = "sources"  # a nested quote's outer source is kept (schema 7)
        older.replace_document(doc, chunks, quotes, speakers)
        assert older.noise_counts() == {"caption": 1}
        assert [q.reported_by for q in older.quotes_for_document("doc_n")] == ["sources"]
        assert older.quotes_with_shingles(lookup_shingles(quote_text_key(wire)), 10) != []  # filled for the quotes already there
        (old_quote,), (trimmed,) = older.quotes_for_document("doc_old"), older.quotes_for_document("doc_trimmed")
        assert [q.id for q in older.copies_of([old_quote.id])[old_quote.id]] == [trimmed.id]  # linked for the quotes already there
    finally:
        older.close()
    with pytest.raises(StoreCorrupt, match="newer"):
        _reopen_after(older, [f"UPDATE meta SET value = '{_current(older) + 1}' WHERE key = 'schema_version'"])


@pytest.mark.parametrize("backend", [SqliteCatalogue, PostgresCatalogue])
def test_every_backend_has_every_method_of_the_protocol(backend: type) -> None:
    """A method added to the protocol and one backend only fails here, not in production on the other."""
    import inspect

    for name, method in inspect.getmembers(Catalogue, inspect.isfunction):
        if name.startswith("_"):
            continue
        assert hasattr(backend, name), f"{backend.__name__} lacks {name}"
        assert list(inspect.signature(getattr(backend, name)).parameters) == list(inspect.signature(method).parameters), name


def _counted(catalogue: Catalogue) -> dict[str, int]:
    """The rows really there, counted by the backend's own SQL (what the maintained counts must equal)."""
    from kb.catalogue.protocol import STAT_TABLES

    if isinstance(catalogue, SqliteCatalogue):
        db = catalogue._conn()
        return {t: db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in STAT_TABLES}  # noqa: S608
    assert isinstance(catalogue, PostgresCatalogue)
    return {t: int((catalogue._one(f"SELECT count(*) AS n FROM {t}") or {})["n"]) for t in STAT_TABLES}  # noqa: S608


def test_stats_counts_stay_exact_through_reingest_update_delete_and_migration(filled: Catalogue) -> None:
    """`kb stats` reads maintained counts; after every kind of write they equal a real count of the rows."""
    from kb.speakers import Identity

    assert filled.stats() == _counted(filled) == {"documents": 2, "chunks": 5, "quotes": 5, "speakers": 3}
    doc_b = _doc("doc_b", [  # re-ingest, the same quotes (and now the noise extraction rejected)
        ("We will sue over every unlawful detainer request.", ACLU, "statement"),
        ("Judges must sign warrants before anyone is held.", CHAMPAGNE, "direct"),
        ("Nobody knows what happens next with the budget.", None, "direct"),
    ], published="2018-06-01", publisher="Local Gazette", kind="statement")
    for noise in ({"caption": 1}, {"caption": 2, "headline": 1}):
        doc_b[0].noise = noise
        filled.replace_document(*doc_b)
    assert filled.stats() == _counted(filled) == {"documents": 2, "chunks": 5, "quotes": 5, "speakers": 3}
    assert filled.noise_counts() == {"caption": 2, "headline": 1}
    filled.replace_document(*_doc("doc_a", [("Only this remains.", CHAMPAGNE, "direct")]))  # an update: Kelly's quote goes
    assert filled.stats() == _counted(filled) == {"documents": 2, "chunks": 4, "quotes": 4, "speakers": 2}
    merged = Identity(ACLU.id or "", "ACLU", True)  # identity resolution rewrites every speaker row
    filled.apply_speaker_identities({("doc_a", "Greg Champagne"): merged, ("doc_b", "Greg Champagne"): merged, ("doc_b", "ACLU"): merged})
    assert filled.stats() == _counted(filled) == {"documents": 2, "chunks": 4, "quotes": 4, "speakers": 1}
    cascade = ["PRAGMA foreign_keys=ON"] if isinstance(filled, SqliteCatalogue) else []  # as kb's own connections have it
    reopened = _reopen_after(filled, [*cascade, "DELETE FROM documents WHERE id = 'doc_b'"])  # a delete cascades to chunks and quotes
    try:
        assert reopened.stats() == _counted(reopened) == {"documents": 1, "chunks": 1, "quotes": 1, "speakers": 1}
        assert reopened.noise_counts() == {}  # doc_b's noise went with it
        older = _reopen_after(reopened, ["DELETE FROM row_counts", "UPDATE meta SET value = '5' WHERE key = 'schema_version'"])
    finally:
        reopened.close()
    try:  # a catalogue made before the counts existed gets them on opening
        assert older.stats() == _counted(older) and older.stats()["documents"] == 1
    finally:
        older.close()


def test_a_version_7_keyword_index_is_rebuilt_on_rowids_and_follows_every_write(tmp_path: Path) -> None:
    """Schema 8 keys each FTS row by its quote's rowid; a catalogue from before (rowids unrelated) is rebuilt, and
    re-ingests and renames then touch exactly their own rows (a lookup by the UNINDEXED id column scanned the index)."""
    import sqlite3

    path = tmp_path / "catalogue.sqlite3"
    store = SqliteCatalogue(path)
    store.replace_document(*_doc("doc_a", [("Detainers are requests, not warrants signed by judges.", CHAMPAGNE, "direct")]))
    store.replace_document(*_doc("doc_b", [("The harbour will reopen to every fishing boat.", KELLY, "direct")]))
    store.close()
    db = sqlite3.connect(path)  # as version 7 left it: FTS rowids in insertion order, here shifted away from the quotes'
    db.execute("CREATE TEMP TABLE saved AS SELECT quote_id, text, speaker FROM quotes_fts")
    db.execute("DELETE FROM quotes_fts")
    db.execute("INSERT INTO quotes_fts (rowid, quote_id, text, speaker) SELECT 1000 + rowid, quote_id, text, speaker FROM saved")
    db.execute("UPDATE meta SET value = '7' WHERE key = 'schema_version'")
    db.commit()
    db.close()
    store = SqliteCatalogue(path)
    try:
        assert store.schema_version() == SCHEMA_VERSION
        aligned = "SELECT count(*) FROM quotes_fts f JOIN quotes q ON q.rowid = f.rowid AND q.id = f.quote_id"
        assert store._conn().execute(aligned).fetchone()[0] == 2
        assert len(store.keyword_quotes("harbour judges", QuoteFilter(), 10)) == 2
        store.replace_document(*_doc("doc_a", [("Only the budget remains.", CHAMPAGNE, "direct")]))
        assert store.keyword_quotes("judges", QuoteFilter(), 10) == [] and len(store.keyword_quotes("budget", QuoteFilter(), 10)) == 1
        assert store._conn().execute("SELECT count(*) FROM quotes_fts").fetchone()[0] == 2
        assert store._conn().execute(aligned).fetchone()[0] == 2
    finally:
        store.close()


def _open_catalogue(path: str) -> str:
    try:
        SqliteCatalogue(Path(path)).close()
    except Exception as e:  # noqa: BLE001 - the parent reports what each process met
        return repr(e)
    return "ok"


def test_processes_starting_together_on_a_new_sqlite_catalogue_all_open_it(tmp_path: Path) -> None:
    """Two `kb ingest` runs started at once on a new data folder: the loser of the WAL switch waited, not 'damaged'."""
    import multiprocessing

    with multiprocessing.get_context("fork").Pool(6) as pool:
        for round_ in range(20):  # the race lost about one round in eight before the fix
            path = str(tmp_path / f"c{round_}" / "catalogue.sqlite3")
            failures = [r for r in pool.map(_open_catalogue, [path] * 6) if r != "ok"]
            assert failures == [], failures


def test_a_speakers_titles_that_differ_only_in_case_are_one_title(catalogue: Catalogue) -> None:
    titled, lower = _speaker("Dana Whitfield", title="Mayor"), _speaker("Dana Whitfield", title="mayor")
    catalogue.replace_document(*_doc("doc_t", [
        ("The bridge will reopen on Monday.", titled, "direct"),
        ("The budget is balanced this year.", titled, "direct"),
        ("The council will vote next week.", lower, "direct"),
        ("The schools stay open all summer.", _speaker("Dana Whitfield", title="Sheriff"), "direct"),
    ]))
    mayor = catalogue.get_speaker(titled.id or "")
    assert mayor is not None and mayor.title_counts == {"Mayor": 3, "Sheriff": 1} and mayor.titles == ["Mayor", "Sheriff"]
