"""Health and statistics."""

from fastapi import APIRouter

from api import schemas as s
from api.deps import KB, Reads
from api.errors import errors
from kb.settings import Settings


def router(settings: Settings) -> APIRouter:
    r = APIRouter(tags=["meta"])

    @r.get("/healthz", response_model=s.HealthOut, operation_id="getHealth", responses=errors(503))
    def healthz(kb: KB) -> s.HealthOut:
        """Whether the server is up and can read its catalogue, with the number of documents stored."""
        return s.HealthOut(status="ok", documents=kb.catalogue.stats()["documents"])

    @r.get("/v1/stats", response_model=s.StatsOut, operation_id="getStats", dependencies=Reads, responses=errors(401, 403, 503))
    def stats(kb: KB) -> s.StatsOut:
        """How many documents, chunks, quotes, speakers and vectors the knowledge base holds."""
        return s.StatsOut(**kb.stats())

    return r
