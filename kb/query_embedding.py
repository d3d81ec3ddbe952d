"""A query embedder for cold commands: the BERT sentence model in plain numpy, without importing torch.

`kb search` and `kb briefing` embed one short query. Importing torch and sentence-transformers for it costs
seconds in each cold process; this reads the same float32 weights (model.safetensors) and tokenizer.json and
runs the same arithmetic (BERT encoder, mean pooling, unit length), so its vectors match the torch model's to
float rounding. It serves models laid out as [Transformer(BERT), Pooling(mean), Normalize]; any other folder
gets None from `numpy_query_embedder` and the caller keeps the torch model.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np

_EXPECTED_MODULES = ["sentence_transformers.models.Transformer", "sentence_transformers.models.Pooling",
                     "sentence_transformers.models.Normalize"]


def numpy_query_embedder(model: str) -> NumpyBertEmbedder | None:
    """The numpy embedder for this model folder, or None when it is not a layout this module computes exactly."""
    folder = Path(model)
    try:
        modules = json.loads((folder / "modules.json").read_text())
        config = json.loads((folder / "config.json").read_text())
        pooling = json.loads((folder / "1_Pooling" / "config.json").read_text())
        sbert = json.loads((folder / "sentence_bert_config.json").read_text())
    except (OSError, ValueError):
        return None
    mean_only = pooling.get("pooling_mode_mean_tokens") and not any(
        pooling.get(k) for k in ("pooling_mode_cls_token", "pooling_mode_max_tokens", "pooling_mode_mean_sqrt_len_tokens"))
    supported = (
        [m.get("type") for m in modules] == _EXPECTED_MODULES and config.get("model_type") == "bert"
        and config.get("hidden_act") == "gelu" and config.get("position_embedding_type", "absolute") == "absolute"
        and mean_only and not sbert.get("do_lower_case") and (folder / "model.safetensors").exists()
        and (folder / "tokenizer.json").exists()
    )
    return NumpyBertEmbedder(folder, config, int(sbert.get("max_seq_length", 256))) if supported else None


class NumpyBertEmbedder:
    """An `Embedder` for queries: exact float32 BERT in numpy; fine for a few texts, far slower than torch for bulk."""

    def __init__(self, folder: Path, config: dict[str, object], max_seq_length: int) -> None:
        from tokenizers import Tokenizer

        self._w = _mapped_tensors(folder / "model.safetensors")
        self._layers = int(config["num_hidden_layers"])  # type: ignore[call-overload]
        self._heads = int(config["num_attention_heads"])  # type: ignore[call-overload]
        self._eps = float(config.get("layer_norm_eps", 1e-12))  # type: ignore[arg-type]
        self.max_tokens = min(max_seq_length, int(config["max_position_embeddings"]))  # type: ignore[call-overload]
        self.dimension = int(config["hidden_size"])  # type: ignore[call-overload]
        self._tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        self._tokenizer.enable_truncation(self.max_tokens)  # as sentence-transformers tokenizes: cut at max_seq_length
        self._tokenizer.no_padding()
        self._counter = Tokenizer.from_file(str(folder / "tokenizer.json"))
        self._counter.no_truncation()
        self._counter.no_padding()

    def embed(self, texts: list[str]) -> np.ndarray:
        from threadpoolctl import threadpool_limits

        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        with threadpool_limits(limits=1, user_api="blas"):  # BLAS threads on these small products only spin (10x slower)
            return np.stack([self._embed_one(enc.ids) for enc in self._tokenizer.encode_batch(texts)])

    def count_tokens(self, text: str) -> int:
        return len(self._counter.encode(text, add_special_tokens=True).ids)

    def _embed_one(self, ids: list[int]) -> np.ndarray:
        """One text alone (no padding, so no mask): embeddings, the encoder layers, mean of the tokens, unit length."""
        w = self._w
        n = len(ids)
        x = (w["embeddings.word_embeddings.weight"][ids] + w["embeddings.position_embeddings.weight"][:n]
             + w["embeddings.token_type_embeddings.weight"][0])
        x = self._norm(x, "embeddings.LayerNorm")
        for i in range(self._layers):
            p = f"encoder.layer.{i}."
            attended = self._attention(x, p + "attention.self.")
            x = self._norm(x + self._dense(attended, p + "attention.output.dense"), p + "attention.output.LayerNorm")
            inner = _gelu(self._dense(x, p + "intermediate.dense"))
            x = self._norm(x + self._dense(inner, p + "output.dense"), p + "output.LayerNorm")
        pooled = x.mean(axis=0)
        return (pooled / max(float(np.linalg.norm(pooled)), 1e-12)).astype(np.float32)

    def _attention(self, x: np.ndarray, prefix: str) -> np.ndarray:
        n, width = x.shape
        size = width // self._heads

        def heads(name: str) -> np.ndarray:
            return self._dense(x, prefix + name).reshape(n, self._heads, size).transpose(1, 0, 2)

        q, k, v = heads("query"), heads("key"), heads("value")
        scores = q @ k.transpose(0, 2, 1) / math.sqrt(size)
        scores = np.exp(scores - scores.max(axis=-1, keepdims=True))
        scores /= scores.sum(axis=-1, keepdims=True)
        return (scores @ v).transpose(1, 0, 2).reshape(n, width)

    def _dense(self, x: np.ndarray, name: str) -> np.ndarray:
        return x @ self._w[name + ".weight"].T + self._w[name + ".bias"]

    def _norm(self, x: np.ndarray, name: str) -> np.ndarray:
        mean = x.mean(axis=-1, keepdims=True)
        var = ((x - mean) ** 2).mean(axis=-1, keepdims=True)
        return (x - mean) / np.sqrt(var + self._eps) * self._w[name + ".weight"] + self._w[name + ".bias"]


def _mapped_tensors(path: Path) -> dict[str, np.ndarray]:
    """The float32 tensors of a .safetensors file, mapped, not read: a query touches a few rows of the vocabulary.

    The format: 8 bytes of header length (little-endian), a JSON header of name -> dtype, shape, data_offsets, the data.
    """
    import mmap

    with path.open("rb") as f:
        mapped = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
    size = int.from_bytes(mapped[:8], "little")
    header = json.loads(mapped[8 : 8 + size])
    base = 8 + size
    tensors: dict[str, np.ndarray] = {}
    for name, meta in header.items():
        if name == "__metadata__" or meta["dtype"] != "F32":
            continue  # position_ids (I64) is not needed: positions are 0..n-1
        start, end = meta["data_offsets"]
        tensors[name] = np.frombuffer(mapped, dtype="<f4", count=(end - start) // 4, offset=base + start).reshape(meta["shape"])
    return tensors


def _erf(x: np.ndarray) -> np.ndarray:
    """erf to within 1.5e-7 (Abramowitz and Stegun 7.1.26), vectorised: numpy has none, scipy costs a second to import."""
    a = np.abs(x)
    t = 1.0 / (1.0 + 0.3275911 * a)
    poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))))
    return np.sign(x) * (1.0 - poly * np.exp(-a * a))


def _gelu(x: np.ndarray) -> np.ndarray:
    """BERT's exact gelu, x * Phi(x) (not the tanh approximation, which drifts further)."""
    wide = x.astype(np.float64)
    return (wide * 0.5 * (1.0 + _erf(wide / math.sqrt(2.0)))).astype(np.float32)
