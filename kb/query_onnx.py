"""Queries through the model exported to ONNX in float32: the same vectors as torch, in about half the time.

A search embeds one short text. torch spends most of that time in per-operator overhead, where onnxruntime runs
the same float32 graph in about half (MiniLM-L6, one thread: 7 ms against 14 ms for a 15-token query). The export
is made once per model into a cache folder, in the background: until it is ready, and for good if its vectors
differ from torch's on the probe texts, queries go to the torch model, so no query ever waits for it.

`quantized=True` (KB_QUERY_BACKEND=onnx-int8) runs the same graph with its matrix products in int8 (weights per
output channel, activations per call): 1.8 ms a query instead of 6.2, vectors at cosine 0.99 to the float ones the
documents were stored with (0.989 at worst over 200 queries); evals/RESULTS.md has what it does to QMSum retrieval.
"""

from __future__ import annotations

import logging
import os
import threading
from pathlib import Path
from typing import Any

import numpy as np

from kb.embedding import Embedder, LazyEmbedder, SentenceTransformerEmbedder, export_folder, export_onnx, mean_pooled

log = logging.getLogger("kb.query_onnx")

_PROBES = ["Should judges sign off on ICE detainer requests?", "sanctuary cities",
           "What did the sheriff say about the budget for the new jail, and when will the county vote on it?"]
_MAX_DIFFERENCE = 1e-4  # float32 rounding across runtimes is ~1e-7; anything near this is a different graph
_MIN_COSINE_INT8 = 0.98  # the int8 graph's vectors to torch's on the probes (0.99 measured); lower is a broken export


class OnnxQueryEmbedder:
    """An `Embedder` for queries: float32 (or int8) ONNX (onnxruntime, `threads` a call) once ready, the torch model before."""

    def __init__(self, torch_embedder: Embedder, model: str, cache_dir: Path, threads: int = 1, quantized: bool = False) -> None:
        self._torch = torch_embedder
        self._model, self._cache_dir, self._threads, self._quantized = model, cache_dir, threads, quantized
        self._session: Any = None
        self._tokenizer: Any = None
        self.status = "loading"  # loading | ready | torch (the export failed or disagreed: the model it wraps answers)
        self._thread = threading.Thread(target=self._load, name="kb-query-onnx", daemon=True)
        self._thread.start()

    @property
    def max_tokens(self) -> int:
        return self._torch.max_tokens

    @property
    def dimension(self) -> int:
        return self._torch.dimension

    def count_tokens(self, text: str) -> int:
        return self._torch.count_tokens(text)

    def wait_ready(self, timeout: float | None = None) -> bool:
        """Block until the export is loaded (or given up); True when queries go through onnxruntime."""
        self._thread.join(timeout)
        return self.status == "ready"

    def embed(self, texts: list[str]) -> np.ndarray:
        session = self._session
        if session is None or not texts:
            return self._torch.embed(texts)
        return self._run(session, texts)

    def _run(self, session: Any, texts: list[str]) -> np.ndarray:
        encodings = self._tokenizer.encode_batch(texts)
        ids = np.array([e.ids for e in encodings], dtype=np.int64)
        mask = np.array([e.attention_mask for e in encodings], dtype=np.int64)
        types = np.array([e.type_ids for e in encodings], dtype=np.int64)
        return mean_pooled(session.run(None, {"input_ids": ids, "attention_mask": mask, "token_type_ids": types})[0], mask)

    def _load(self) -> None:
        try:
            inner = self._torch.inner if isinstance(self._torch, LazyEmbedder) else self._torch
            if not isinstance(inner, SentenceTransformerEmbedder):
                raise TypeError(f"{type(inner).__name__} has no torch model to export")
            export = export_int8_query if self._quantized else export_fp32
            path = export(inner, self._model, self._cache_dir)
            try:
                session, tokenizer = _open(path, inner, self._threads)
            except Exception:  # noqa: BLE001 - a damaged cached export (a full disk, a stray copy): made again, once
                path.unlink(missing_ok=True)
                session, tokenizer = _open(export(inner, self._model, self._cache_dir), inner, self._threads)
            self._tokenizer = tokenizer
            ours, theirs = self._run(session, _PROBES), inner.embed(_PROBES)
            if self._quantized:
                cosine = float((ours * theirs).sum(axis=1).min())
                if cosine < _MIN_COSINE_INT8:
                    raise ValueError(f"its vectors are at cosine {cosine:.3f} to torch's")
            elif (difference := float(np.abs(ours - theirs).max())) > _MAX_DIFFERENCE:
                raise ValueError(f"its vectors differ from torch's by {difference:.1e}")
            self._session, self.status = session, "ready"
        except Exception as e:  # noqa: BLE001 - any failure leaves queries on torch, which is correct, only slower
            self.status = "torch"
            log.warning("queries stay on the torch model: the ONNX export could not be used (%s: %s)", type(e).__name__, e)


def _open(path: Path, inner: SentenceTransformerEmbedder, threads: int) -> tuple[Any, Any]:
    import onnxruntime as ort
    from tokenizers import Tokenizer

    options = ort.SessionOptions()
    options.log_severity_level = 3
    options.intra_op_num_threads = threads
    options.inter_op_num_threads = 1
    session = ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])
    # Its own tokenizer, set once (truncate at the model's limit, pad a batch to its longest): the model's shared one
    # switches padding per call, and the ingest threads use it.
    tokenizer = Tokenizer.from_str(inner._tokenizer.backend_tokenizer.to_str())
    tokenizer.enable_truncation(inner.max_tokens)
    tokenizer.enable_padding(pad_id=int(inner._tokenizer.pad_token_id or 0), pad_token=str(inner._tokenizer.pad_token or "[PAD]"))
    return session, tokenizer


def export_fp32(embedder: SentenceTransformerEmbedder, model: str, cache_dir: Path) -> Path:
    """The model's transformer as a float32 ONNX graph, exported once into cache_dir (atomically: never half written)."""
    target = export_folder(model, cache_dir) / "model-fp32.onnx"
    if target.exists():
        return target
    partial = target.parent / f"model-fp32.onnx.{os.getpid()}.partial"
    export_onnx(embedder, partial)
    partial.replace(target)  # two processes exporting at once both write whole files; the last rename wins
    return target


def export_int8_query(embedder: SentenceTransformerEmbedder, model: str, cache_dir: Path) -> Path:
    """The float32 export with its matrix products quantised to int8 (dynamic, per channel), made once into cache_dir.

    Only MatMul: quantising the embeddings and the attention's other operators too costs far more agreement with
    the float vectors (cosine 0.96, 0.93 at worst) for little more speed."""
    from onnxruntime.quantization import QuantType, quantize_dynamic

    target = export_folder(model, cache_dir) / "model-int8-query.onnx"
    if target.exists():
        return target
    source = export_fp32(embedder, model, cache_dir)
    partial = target.parent / f"model-int8-query.{os.getpid()}.partial.onnx"
    quantize_dynamic(str(source), str(partial), weight_type=QuantType.QInt8, per_channel=True, op_types_to_quantize=["MatMul"])
    partial.replace(target)
    return target
