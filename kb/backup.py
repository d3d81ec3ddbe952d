"""Backup and restore. A backup is the catalogue (documents, quotes, speakers): vectors are derived and rebuilt on restore."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from kb.catalogue import backup_catalogue
from kb.embedding import Embedder
from kb.errors import InvalidInput
from kb.factory import open_knowledge_base
from kb.settings import Settings

MANIFEST = "kb-backup.json"
CATALOGUE = "catalogue.sqlite3"


def backup(settings: Settings, target: Path) -> dict[str, object]:
    """Copy the catalogue consistently; safe while a server or an ingest runs (no lock taken)."""
    if target.exists() and any(target.iterdir()):
        raise InvalidInput(f"{target} is not empty; choose a new folder for the backup")
    target.mkdir(parents=True, exist_ok=True)
    counts = backup_catalogue(settings.catalogue_path, target / CATALOGUE)
    manifest = {"format": 1, "created": datetime.now(UTC).isoformat(timespec="seconds"), "counts": counts,
                "embedding_model": settings.embedding_model}
    (target / MANIFEST).write_text(json.dumps(manifest, indent=2))
    return manifest


def restore(source: Path, settings: Settings, embedder: Embedder | None = None,
            on_progress: Callable[[int, int], None] | None = None) -> dict[str, int]:
    """Restore into an empty data folder and rebuild every vector from the restored text."""
    if not (source / MANIFEST).exists() or not (source / CATALOGUE).exists():
        raise InvalidInput(f"{source} is not a kb backup (no {MANIFEST})")
    data = settings.data_dir
    if data.exists() and any(p.name != "embedded.lock" for p in data.iterdir()):
        raise InvalidInput(f"{data} is not empty; restore into a new folder (set KB_DATA_DIR) or move it aside")
    data.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source / CATALOGUE, settings.catalogue_path)
    kb = open_knowledge_base(settings, embedder)
    try:
        kb.rebuild_vectors(on_progress)
        return kb.stats()
    finally:
        kb.close()
