"""The catalogue: a protocol with an embedded SQLite backend (the default) and a PostgreSQL one for several hosts."""

from __future__ import annotations

from kb.catalogue.protocol import STAT_TABLES, Catalogue, ClaimedJob, QuoteFilter, copy_catalogue, quote_text_key
from kb.catalogue.sqlite import SCHEMA_VERSION, SqliteCatalogue, backup_catalogue, fts_query
from kb.settings import Settings


def open_catalogue(settings: Settings) -> Catalogue:
    """The backend the settings name: SQLite in the data folder unless KB_DATABASE_URL points elsewhere."""
    if settings.database_url:
        from kb.catalogue.postgres import PostgresCatalogue  # psycopg is only needed when PostgreSQL is used

        return PostgresCatalogue(settings.database_url)
    return SqliteCatalogue(settings.catalogue_path)


__all__ = [
    "SCHEMA_VERSION", "STAT_TABLES", "Catalogue", "ClaimedJob", "QuoteFilter", "SqliteCatalogue", "backup_catalogue", "copy_catalogue", "fts_query",
    "open_catalogue", "quote_text_key",
]
