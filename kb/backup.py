"""Backup and restore. A backup is the catalogue (documents, quotes, speakers): vectors are derived and rebuilt on restore."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from kb.catalogue import SqliteCatalogue, backup_catalogue, copy_catalogue, open_catalogue
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
    if settings.database_url:  # PostgreSQL: one consistent snapshot written as a SQLite catalogue, the one backup format
        catalogue = open_catalogue(settings)
        try:
            counts = catalogue.backup_to(target / CATALOGUE)
        finally:
            catalogue.close()
    else:
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
    if settings.database_url:
        _restore_into_database(source / CATALOGUE, settings)
    else:
        shutil.copyfile(source / CATALOGUE, settings.catalogue_path)
    kb = open_knowledge_base(settings, embedder)
    try:
        kb.rebuild_vectors(on_progress)
        return kb.stats()
    finally:
        kb.close()


def _restore_into_database(backup_file: Path, settings: Settings) -> None:
    """Copy a backup's documents into an empty PostgreSQL catalogue."""
    source, target = SqliteCatalogue(backup_file), open_catalogue(settings)
    try:
        if target.stats()["documents"]:
            raise InvalidInput("the database in KB_DATABASE_URL is not empty; restore into a new database")
        copy_catalogue(source, target)
    finally:
        source.close()
        target.close()
