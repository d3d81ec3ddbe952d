"""The embedding model behind a small interface: sentence-transformers, loaded once, never downloaded."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Protocol

import numpy as np


class Embedder(Protocol):
    """Turns texts into unit-length vectors and counts word pieces the way the model does."""

    max_tokens: int
    dimension: int

    def embed(self, texts: list[str]) -> np.ndarray: ...

    def count_tokens(self, text: str) -> int: ...


class LazyEmbedder:
    """Builds the real embedder on first use, so commands that never embed (stats, speakers) never load the model."""

    def __init__(self, build: Callable[[], Embedder]) -> None:
        self._build = build
        self._inner: Embedder | None = None
        self._lock = threading.Lock()

    @property
    def inner(self) -> Embedder:
        if self._inner is None:
            with self._lock:  # two API threads asking at once still load one model
                if self._inner is None:
                    self._inner = self._build()
        return self._inner

    @property
    def max_tokens(self) -> int:  # type: ignore[override]
        return self.inner.max_tokens

    @property
    def dimension(self) -> int:  # type: ignore[override]
        return self.inner.dimension

    def embed(self, texts: list[str]) -> np.ndarray:
        return self.inner.embed(texts)

    def count_tokens(self, text: str) -> int:
        return self.inner.count_tokens(text)


class TokenCounter:
    """Counts word pieces with its own copy of a fast tokenizer, set once to never truncate nor pad.

    A Hugging Face fast tokenizer keeps truncation and padding as state that every call may switch; the
    model's copy pads and truncates while it embeds, so counting with it from another thread (the ingest
    parse thread) made a batch come out ragged ("Unable to create tensor ... expected sequence of length").
    This copy's state never changes after construction, so any thread may use it at once.
    """

    def __init__(self, tokenizer: object) -> None:
        from tokenizers import Tokenizer

        backend = tokenizer.backend_tokenizer  # type: ignore[attr-defined]
        self._tokenizer = Tokenizer.from_str(backend.to_str())
        self._tokenizer.no_truncation()  # the bundled tokenizer.json cuts at 128 and would hide long chunks
        self._tokenizer.no_padding()

    def __call__(self, text: str) -> int:
        return len(self._tokenizer.encode(text, add_special_tokens=True).ids)


def quiet_model_loading() -> None:
    """No "Loading weights" bars nor load reports on the user's terminal: kb shows its own progress."""
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
    try:
        from transformers.utils import logging as hf_logging

        hf_logging.disable_progress_bar()
        hf_logging.set_verbosity_error()
    except ImportError:  # pragma: no cover - transformers comes with sentence-transformers
        pass


def set_torch_threads(threads: int) -> None:
    """Threads every torch call of this process may use (torch's setting is process-wide); 0 leaves torch's default."""
    if threads > 0:
        import torch

        torch.set_num_threads(threads)


class SentenceTransformerEmbedder:
    """all-MiniLM-L6-v2 (or any sentence-transformers model or folder) on the CPU."""

    def __init__(self, model: str, device: str = "cpu", batch_size: int = 64) -> None:
        # Offline by construction: a name that is not a local folder must already be cached.
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        quiet_model_loading()
        from sentence_transformers import SentenceTransformer

        self._model = SentenceTransformer(model, device=device)
        self._batch_size = batch_size
        self.max_tokens: int = int(self._model.max_seq_length)
        self.dimension: int = int(self._model.get_embedding_dimension())
        self._tokenizer = self._model.tokenizer
        self._counter = TokenCounter(self._tokenizer)
        # encode() switches the model tokenizer's padding state per call: one caller at a time (API threads).
        self._encode_lock = threading.Lock()

    def embed(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        with self._encode_lock:
            vectors = self._model.encode(
                texts, batch_size=self._batch_size, normalize_embeddings=True, convert_to_numpy=True, show_progress_bar=False
            )
        return vectors.astype(np.float32)

    def count_tokens(self, text: str) -> int:
        return self._counter(text)


class OnnxInt8Embedder:
    """The same model exported to ONNX and quantised to int8 (onnxruntime, CPU): faster, slightly less exact.

    The export runs once and is cached in `cache_dir`; it needs the `onnx` extra (onnx, onnxruntime).
    """

    def __init__(self, model: str, cache_dir: Path, batch_size: int = 64) -> None:
        try:
            import onnxruntime as ort
        except ImportError as e:  # pragma: no cover - depends on the install
            raise RuntimeError("the onnx-int8 backend needs the onnx extra: pip install 'kb[onnx]'") from e
        torch_embedder = SentenceTransformerEmbedder(model)  # tokenizer, limits, and the weights to export
        self._tokenizer = torch_embedder._tokenizer
        self._counter = torch_embedder._counter
        self._encode_lock = threading.Lock()
        self.max_tokens = torch_embedder.max_tokens
        self.dimension = torch_embedder.dimension
        self._batch_size = batch_size
        path = _export_int8(torch_embedder, model, cache_dir)
        options = ort.SessionOptions()
        options.log_severity_level = 3
        self._session = ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])

    def embed(self, texts: list[str]) -> np.ndarray:
        with self._encode_lock:
            out = [self._embed_batch(texts[i : i + self._batch_size]) for i in range(0, len(texts), self._batch_size)]
        return np.concatenate(out) if out else np.zeros((0, self.dimension), dtype=np.float32)

    def _embed_batch(self, texts: list[str]) -> np.ndarray:
        enc = self._tokenizer(texts, padding=True, truncation=True, max_length=self.max_tokens, return_tensors="np")
        feeds = {k: enc[k].astype(np.int64) for k in ("input_ids", "attention_mask", "token_type_ids")}
        return mean_pooled(self._session.run(None, feeds)[0], enc["attention_mask"])

    def count_tokens(self, text: str) -> int:
        return self._counter(text)


def _export_int8(embedder: SentenceTransformerEmbedder, model: str, cache_dir: Path) -> Path:
    from onnxruntime.quantization import QuantType, quantize_dynamic

    target = export_folder(model, cache_dir) / "model-int8.onnx"
    if target.exists():
        return target
    plain = target.parent / "model.onnx"
    export_onnx(embedder, plain)
    partial = target.parent / "model-int8.onnx.partial"
    quantize_dynamic(str(plain), str(partial), weight_type=QuantType.QInt8)
    partial.replace(target)  # atomic: a half-written export is never loaded
    plain.unlink(missing_ok=True)
    return target


def mean_pooled(hidden: np.ndarray, attention_mask: np.ndarray) -> np.ndarray:
    """The sentence vector from the transformer's hidden states: mean over real tokens, unit length, as the model does."""
    weights = attention_mask[..., None].astype(np.float32)
    pooled = (hidden * weights).sum(axis=1) / np.clip(weights.sum(axis=1), 1e-9, None)
    return (pooled / np.linalg.norm(pooled, axis=1, keepdims=True)).astype(np.float32)


def export_folder(model: str, cache_dir: Path) -> Path:
    """The cache folder of one model's ONNX exports (made if missing)."""
    import hashlib

    folder = cache_dir / hashlib.sha256(model.encode()).hexdigest()[:16]
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def export_onnx(embedder: SentenceTransformerEmbedder, path: Path) -> None:
    """The model's transformer (token ids in, hidden states out) as a float32 ONNX graph with dynamic batch and length."""
    import warnings

    import torch

    transformer = embedder._model[0].auto_model

    class _Hidden(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.inner = transformer

        def forward(self, input_ids, attention_mask, token_type_ids):  # type: ignore[no-untyped-def]
            return self.inner(input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids).last_hidden_state

    sample = embedder._tokenizer(["an example sentence"], return_tensors="pt")
    names = ["input_ids", "attention_mask", "token_type_ids"]
    with warnings.catch_warnings(), torch.no_grad():
        warnings.simplefilter("ignore")  # the tracer's notes on BERT's masks are about other inputs' shapes, not ours
        torch.onnx.export(
            _Hidden().eval(), tuple(sample[n] for n in names), str(path), input_names=names, output_names=["hidden"],
            dynamic_axes={n: {0: "batch", 1: "tokens"} for n in [*names, "hidden"]}, opset_version=17, dynamo=False,
        )
