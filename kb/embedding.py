"""The embedding model behind a small interface: sentence-transformers, loaded once, never downloaded."""

from __future__ import annotations

import os
from typing import Protocol

import numpy as np


class Embedder(Protocol):
    """Turns texts into unit-length vectors and counts word pieces the way the model does."""

    max_tokens: int
    dimension: int

    def embed(self, texts: list[str]) -> np.ndarray: ...

    def count_tokens(self, text: str) -> int: ...


class SentenceTransformerEmbedder:
    """all-MiniLM-L6-v2 (or any sentence-transformers model or folder) on the CPU."""

    def __init__(self, model: str, device: str = "cpu", batch_size: int = 64) -> None:
        # Offline by construction: a name that is not a local folder must already be cached.
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        from sentence_transformers import SentenceTransformer

        self._model = SentenceTransformer(model, device=device)
        self._batch_size = batch_size
        self.max_tokens: int = int(self._model.max_seq_length)
        self.dimension: int = int(self._model.get_embedding_dimension())
        self._tokenizer = self._model.tokenizer

    def embed(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        return self._model.encode(
            texts, batch_size=self._batch_size, normalize_embeddings=True, convert_to_numpy=True, show_progress_bar=False
        ).astype(np.float32)

    def count_tokens(self, text: str) -> int:
        # truncation=False: the bundled tokenizer.json would otherwise cut at 128 and hide long chunks.
        return len(self._tokenizer(text, add_special_tokens=True, truncation=False, verbose=False)["input_ids"])
