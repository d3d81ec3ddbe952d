"""Chunks fit the model (256 word pieces, counted by the model's own tokenizer) and carry exact offsets."""

from __future__ import annotations

from conftest import ABC

from ingest.chunking import Chunker
from ingest.readers import read_path
from kb.embedding import SentenceTransformerEmbedder


def test_chunks_have_exact_offsets_and_fit_the_model(embedder: SentenceTransformerEmbedder) -> None:
    doc = next(read_path(ABC))
    chunker = Chunker(embedder.count_tokens, 200, 32, embedder.max_tokens)
    chunks = chunker.split("doc", doc.text)
    assert len(chunks) > 3
    for c in chunks:
        assert doc.text[c.start : c.end] == c.text
        assert embedder.count_tokens(c.text) <= embedder.max_tokens == 256
    covered = set()
    for c in chunks:
        covered.update(range(c.start, c.end))
    assert all(i in covered for i, ch in enumerate(doc.text) if not ch.isspace())  # nothing is dropped


def test_huge_single_line_without_spaces_is_still_split_to_fit(embedder: SentenceTransformerEmbedder) -> None:
    text = "intro. " + "x7q" * 3000 + " tail"
    chunks = Chunker(embedder.count_tokens, 200, 0, embedder.max_tokens).split("d", text)
    assert all(embedder.count_tokens(c.text) <= 256 and text[c.start : c.end] == c.text for c in chunks)


def test_token_count_is_not_capped_by_the_bundled_tokenizer(embedder: SentenceTransformerEmbedder) -> None:
    # tokenizer.json truncates at 128; counting must not, or long chunks would slip through.
    assert embedder.count_tokens("word " * 300) > 300
