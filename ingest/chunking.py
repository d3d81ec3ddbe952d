"""Token-bounded chunking with exact character offsets (langchain-text-splitters)."""

from __future__ import annotations

from collections.abc import Callable

from langchain_text_splitters import RecursiveCharacterTextSplitter

from kb.ids import chunk_id
from kb.models import Chunk

TokenCounter = Callable[[str], int]


class Chunker:
    """Splits text into passages of at most `max_tokens` word pieces, each with exact offsets."""

    def __init__(self, count_tokens: TokenCounter, chunk_tokens: int, overlap_tokens: int, max_tokens: int) -> None:
        if chunk_tokens > max_tokens:
            raise ValueError(f"chunk size {chunk_tokens} exceeds the model's limit of {max_tokens} tokens")
        self._count = count_tokens
        self._max = max_tokens
        self._splitter = RecursiveCharacterTextSplitter(
            chunk_size=chunk_tokens,
            chunk_overlap=min(overlap_tokens, chunk_tokens // 2),
            length_function=count_tokens,
            separators=["\n\n", "\n", ". ", "? ", "! ", "; ", ", ", " ", ""],
            keep_separator="end",
            strip_whitespace=True,
        )

    def split(self, document_id: str, text: str) -> list[Chunk]:
        chunks: list[Chunk] = []
        cursor = 0
        for piece in self._splitter.split_text(text):
            start = text.find(piece, cursor)
            if start < 0:  # the splitter only strips whitespace, so this cannot happen for valid input
                raise AssertionError("chunk text not found in its document")
            end = start + len(piece)
            for s, e in self._fit(text, start, end):
                chunks.append(Chunk(id=chunk_id(document_id, s, e), document_id=document_id, text=text[s:e], start=s, end=e))
            cursor = start + 1
        return chunks

    def _fit(self, text: str, start: int, end: int) -> list[tuple[int, int]]:
        """Halve any piece the model would truncate (counting its special tokens too)."""
        if self._count(text[start:end]) <= self._max or end - start < 2:
            return [(start, end)]
        middle = text.rfind(" ", start, (start + end) // 2 + 1)
        middle = middle if middle > start else (start + end) // 2
        return self._fit(text, start, middle) + self._fit(text, middle, end)
