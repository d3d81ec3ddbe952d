"""The Extractor protocol: what the ingestor needs from quote extraction, whatever does it (rules, a model)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from enum import Enum
from typing import Any, Protocol

from ingest.extract.extractor import Extraction
from kb.errors import KBError
from kb.models import Quote

# One document's text prepared for extraction (for the rules, parsed paragraphs); opaque to the ingestor.
Parsed = Any


class Attribution(str, Enum):
    """How quotes are found and attributed (KB_ATTRIBUTION)."""

    RULES = "rules"
    MODEL = "model"


class AttributionUnavailable(KBError):
    """KB_ATTRIBUTION asks for an extractor this install cannot build (the model is missing, corrupt or not wired in)."""


class Extractor(Protocol):
    """Finds quotes with their speakers in one document's normalised text."""

    def parse(self, text: str) -> Parsed: ...

    def parse_many(self, texts: Iterable[str], n_process: int = 1) -> Iterator[Parsed]: ...

    def extract(self, text: str, kind: str = "article", title: str = "", issuer: str | None = None, publisher: str | None = None) -> list[Quote]: ...

    def extract_counted(
        self, text: str, parsed: Parsed, kind: str, title: str, issuer: str | None, publisher: str | None = None,
    ) -> Extraction: ...
