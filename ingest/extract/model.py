"""The trained attribution tagger at run time: a checksummed int8 ONNX model that marks source, cue and content spans."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from ingest.extract.model_data import Role, Span, bio_path, decode_spans, load_tokenizer, windows
from ingest.normalise import paragraphs

MODEL_DIR = Path(__file__).resolve().parent / "attribution_model"
MANIFEST = "manifest.json"


class ModelArtifactError(RuntimeError):
    """The committed model is missing, incomplete or does not match its checksum."""


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def read_manifest(directory: Path) -> dict[str, Any]:
    """The manifest, after checking that every file it lists exists and matches its sha256."""
    path = directory / MANIFEST
    if not path.is_file():
        raise ModelArtifactError(f"attribution model missing: no {MANIFEST} in {directory} (train it: python -m ingest.extract.train)")
    manifest: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    for name, expected in manifest["sha256"].items():
        file = directory / name
        if not file.is_file():
            raise ModelArtifactError(f"attribution model incomplete: {file} is missing")
        actual = sha256(file)
        if actual != expected:
            raise ModelArtifactError(f"attribution model corrupt: {file} has sha256 {actual}, the manifest says {expected}")
    return manifest


class Tagger(Protocol):
    """Marks source, cue and content spans in a text (the trained model, or a stand-in in a unit test)."""

    def tag(self, text: str) -> list[Span]: ...


class AttributionTagger:
    """Tags an article's text with source, cue and content spans (character offsets)."""

    def __init__(self, directory: Path = MODEL_DIR, threads: int = 1) -> None:
        import onnxruntime as ort

        self.manifest = read_manifest(directory)
        self.tokenizer = load_tokenizer(directory / self.manifest["tokenizer"])
        options = ort.SessionOptions()
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        self.session = ort.InferenceSession(str(directory / self.manifest["model"]), options, providers=["CPUExecutionProvider"])
        self.max_len = int(self.manifest["max_len"])
        self.stride = int(self.manifest["stride"])
        self.batch = 8

    def tag(self, text: str) -> list[Span]:
        """Spans of the text in order; an empty text has none."""
        import numpy as np

        parts = windows(self.tokenizer, text, None, self.max_len, self.stride)
        offsets: list[tuple[int, int]] = []
        rows: list[Any] = []
        for i in range(0, len(parts), self.batch):
            chunk = parts[i : i + self.batch]
            width = max(len(w.input_ids) for w in chunk)
            ids = np.zeros((len(chunk), width), dtype=np.int64)
            mask = np.zeros((len(chunk), width), dtype=np.int64)
            for row, w in enumerate(chunk):
                ids[row, : len(w.input_ids)] = w.input_ids
                mask[row, : len(w.input_ids)] = 1
            logits = self.session.run(["logits"], {"input_ids": ids, "attention_mask": mask})[0]
            for row, w in enumerate(chunk):
                a, b = w.keep
                offsets += w.offsets[a:b]
                rows.append(logits[row, 1 + a : 1 + b])
        labels = bio_path(np.concatenate(rows)) if offsets else []
        return decode_spans(offsets, labels)


@dataclass
class Attribution:
    """Content pieces tied to the cue nearest them, and the source nearest that cue, in one paragraph."""

    content: list[Span]
    cue: Span | None
    source: Span | None


def _gap(a: Span, b: Span) -> int:
    return max(0, max(a.start, b.start) - min(a.end, b.end))


def link(spans: list[Span], text: str) -> list[Attribution]:
    """Attributions from tagged spans: each content goes to the nearest cue of its paragraph, each cue to its nearest source."""
    out: list[Attribution] = []
    for start, end in paragraphs(text):
        inside = [s for s in spans if start <= s.start < end]
        cues = [s for s in inside if s.role == Role.CUE]
        sources = [s for s in inside if s.role == Role.SOURCE]
        by_cue: dict[Span | None, list[Span]] = {}
        for content in (s for s in inside if s.role == Role.CONTENT):
            cue = min(cues, key=lambda c: _gap(c, content), default=None)
            by_cue.setdefault(cue, []).append(content)
        for cue, contents in by_cue.items():
            if cue is None:
                out += [Attribution([c], None, None) for c in contents]
                continue
            source = min(sources, key=lambda s: _gap(s, cue), default=None)
            out.append(Attribution(sorted(contents, key=lambda s: s.start), cue, source))
    return sorted(out, key=lambda a: a.content[0].start)
