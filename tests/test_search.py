"""Ranking internals: exact scoring of small filtered sets agrees with the index, sees rewritten documents,
and running the dense and keyword halves at once changes nothing."""

from __future__ import annotations

from kb.ids import document_id, quote_id
from kb.knowledge import KnowledgeBase
from kb.models import Document, Quote, SpeakerRef
from kb.search import Searcher, SearchQuery, SearchTuning


def searcher(kb: KnowledgeBase, **tuning: object) -> Searcher:
    return Searcher(kb.catalogue, kb.vectors, kb.embedder.embed, SearchTuning(**tuning))  # type: ignore[arg-type]


def test_small_filters_scored_exactly_and_large_ones_overfetched_rank_like_the_filtered_index(seeded_kb: KnowledgeBase) -> None:
    index = searcher(seeded_kb, exact_max_quotes=0, overfetch_max=0)  # Chroma's filtered walk, always
    exact, overfetched = searcher(seeded_kb), searcher(seeded_kb, exact_max_quotes=0)  # every filter "large": the unfiltered index
    depths: list[int] = []

    class Counted:  # the vector store as it is, noting how deep each query reads
        def __getattr__(self, name: str) -> object:
            return getattr(seeded_kb.vectors, name)

        def query(self, collection: str, vector: object, k: int, flt: object = None) -> object:
            depths.append(k)
            return seeded_kb.vectors.query(collection, vector, k, flt)  # type: ignore[arg-type]

    # The first read too shallow for the filter: a second, deeper one, still exact.
    shallow = Searcher(seeded_kb.catalogue, Counted(), seeded_kb.embedder.embed, SearchTuning(exact_max_quotes=0, overfetch_max=50))  # type: ignore[arg-type]
    for filters in ({"speaker": "Champagne"}, {"organization": "DHS"}, {"since": "2017-01-01", "until": "2030-12-31"}, {"kinds": ["turn"]},
                    {"kinds": ["direct", "indirect", "mixed"]}):
        query = SearchQuery(q="immigration enforcement and the courts", mode="semantic", limit=10, **filters)  # type: ignore[arg-type]
        b = index.quotes(query).results
        assert b, filters
        for a in (exact.quotes(query).results, overfetched.quotes(query).results, shallow.quotes(query).results):
            assert [h.quote.id for h in a] == [h.quote.id for h in b], filters
            assert abs(a[0].score - b[0].score) < 1e-4
    assert any(k > 50 for k in depths)  # the retry ran


def test_a_document_rewritten_in_place_is_scored_with_its_new_words(kb: KnowledgeBase) -> None:
    exact, index = searcher(kb), searcher(kb, exact_max_quotes=0, overfetch_max=0)

    def store(words: str) -> None:
        text = f"\u201cWe will {words} this year,\u201d said Mayor Ann Smith."
        doc = Document(id=document_id("https://example.org/mayor", ""), text=text, title="Mayor", url="https://example.org/mayor",
                       published="2024-05-01", publisher="Example", kind="article", content_hash=words)
        said = f"We will {words} this year,"
        quote = Quote(text=said, start=1, end=1 + len(said), kind="direct",
                      speaker=SpeakerRef(name="Ann Smith", title="Mayor", resolution="named"))
        quote.id, quote.document_id = quote_id(doc.id, quote.start, quote.end), doc.id
        kb.store(doc, [], [quote])

    query = SearchQuery(q="painting the school", mode="semantic", speaker="Ann Smith")
    store("build the bridge")
    before = exact.quotes(query).results[0]  # the quote's vector is now cached for exact scoring
    store("paint the school")  # same length: the same quote id, a new vector
    after, fresh = exact.quotes(query).results[0], index.quotes(query).results[0]
    assert after.quote.id == before.quote.id and "paint the school" in after.quote.text
    assert abs(after.score - fresh.score) < 1e-4 and after.score > before.score


def test_both_halves_at_once_give_the_same_ranking_as_one_after_the_other(seeded_kb: KnowledgeBase) -> None:
    parallel, sequential = searcher(seeded_kb), searcher(seeded_kb, parallel=False)
    for q in ("guidance from the courts", "border security funding", "what did the sheriff say"):
        query = SearchQuery(q=q, mode="hybrid", limit=20)
        assert [h.quote.id for h in parallel.quotes(query).results] == [h.quote.id for h in sequential.quotes(query).results]


def test_exact_scoring_reads_every_window_of_a_long_quote(kb: KnowledgeBase) -> None:
    """A quote longer than three windows is scored at its best window, however far into the quote it lies."""
    filler = " ".join(f"the committee reviewed item {n} of the agenda and moved on" for n in range(80))  # ~800 words
    said = f"{filler}, and finally we will paint the school before the winter"
    text = f"\u201c{said},\u201d said Mayor Ann Smith."
    doc = Document(id=document_id("https://example.org/long", ""), text=text, title="Long", url="https://example.org/long",
                   published="2024-05-01", publisher="Example", kind="article", content_hash="long")
    quote = Quote(text=said, start=1, end=1 + len(said), kind="direct", speaker=SpeakerRef(name="Ann Smith", title="Mayor", resolution="named"))
    quote.id, quote.document_id = quote_id(doc.id, quote.start, quote.end), doc.id
    kb.store(doc, [], [quote])
    owners, matrix = kb.vectors.quote_vectors([quote.id])
    assert len(owners) > 3 and set(owners) == {quote.id} and matrix.shape[0] == len(owners)
    query = SearchQuery(q="painting the school before winter", mode="semantic", speaker="Ann Smith")
    exact, index = searcher(kb), searcher(kb, exact_max_quotes=0, overfetch_max=0)
    for _ in range(2):  # the second time from the assembled set
        a, b = exact.quotes(query).results[0], index.quotes(query).results[0]
        assert a.quote.id == b.quote.id == quote.id and abs(a.score - b.score) < 1e-4
