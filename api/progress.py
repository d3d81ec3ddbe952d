"""Ingest progress for the CLI: a live bar on a terminal, a plain line every few seconds in a log."""

from __future__ import annotations

import gzip
import struct
import sys
import threading
import time
from pathlib import Path
from typing import TextIO

from ingest.pipeline import IngestReport
from ingest.readers import JSONL_SUFFIXES, expand_paths


def input_size(paths: list[Path]) -> tuple[int | None, int | None]:
    """(characters, records) the run should expect; None where unknown (stdin). ETA goes by characters."""
    if any(str(p) == "-" for p in paths):
        return None, None
    size = records = 0
    for item in expand_paths(paths):
        if not isinstance(item, Path):
            records += 1
            continue
        try:
            size += _uncompressed_size(item)
            records += _records_in(item)
        except OSError:
            records += 1
    return size, records


def _uncompressed_size(path: Path) -> int:
    if path.name.lower().endswith(".gz"):
        with open(path, "rb") as f:  # gzip keeps the original size (mod 4 GiB) in its last four bytes
            f.seek(-4, 2)
            return struct.unpack("<I", f.read(4))[0]
    return path.stat().st_size


def _records_in(path: Path) -> int:
    name = path.name.lower()
    if not any(name.endswith(s + z) for s in JSONL_SUFFIXES for z in ("", ".gz")):
        return 1
    opener = gzip.open if name.endswith(".gz") else open
    with opener(path, "rb") as f:
        return sum(1 for line in f if line.strip())


def _duration(seconds: float) -> str:
    seconds = int(seconds)
    if seconds >= 3600:
        return f"{seconds // 3600}h{seconds % 3600 // 60:02d}m"
    return f"{seconds // 60}m{seconds % 60:02d}s" if seconds >= 60 else f"{seconds}s"


class Progress:
    """Hears each finished record (from two threads) and shows documents, quotes, rate and an ETA by input size."""

    def __init__(self, size: int | None, records: int | None, every_s: float, stream: TextIO = sys.stderr) -> None:
        self.size, self.records, self.every_s, self.stream = size, records, every_s, stream
        self.started = time.monotonic()
        self._last = self.started
        self._lock = threading.Lock()
        self._live = stream.isatty()
        self._width = 0

    def __call__(self, report: IngestReport) -> None:
        now = time.monotonic()
        with self._lock:
            if now - self._last < (0.25 if self._live else self.every_s):
                return
            self._last = now
            self._show(self.line(report, now))

    def line(self, report: IngestReport, now: float | None = None) -> str:
        elapsed = max((now or time.monotonic()) - self.started, 1e-6)
        done = f"{report.processed:,}/{self.records:,}" if self.records else f"{report.processed:,}"
        parts = [f"{done} documents", f"{report.quotes:,} quotes", f"{report.failed:,} failed", f"{report.processed / elapsed:.2f} docs/s"]
        eta = ""
        if self.size and report.input_done:
            share = min(report.input_done / self.size, 1.0)
            bar = "#" * int(share * 20)
            parts.insert(0, f"[{bar:<20}] {share:4.0%}" if self._live else f"{share:.0%}")
            eta = f", ETA {_duration(elapsed * (1 - share) / share)}" if share < 1 else ""
        return "ingest: " + ", ".join(parts) + f", {_duration(elapsed)} elapsed{eta}"

    def _show(self, text: str) -> None:
        if self._live:
            self.stream.write("\r" + text.ljust(self._width))  # one line redrawn in place: the live bar
            self._width = len(text)
        else:
            self.stream.write(text + "\n")
        self.stream.flush()

    def close(self) -> None:
        """End the live line so what follows starts on its own line."""
        with self._lock:
            if self._live and self._width:
                self.stream.write("\n")
                self.stream.flush()
            self._width = 0
