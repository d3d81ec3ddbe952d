"""The staff web page (server-rendered Jinja2): search, speakers, documents."""

from __future__ import annotations

from fastapi import FastAPI


def add_web_routes(app: FastAPI) -> None:
    """Placeholder until the web page lands; the API works without it."""
    return None
