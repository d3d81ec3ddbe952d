"""Bulk ingest jobs: submit JSON Lines, then poll the job."""

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import JSONResponse

from api import schemas as s
from api.deps import KB, Reads, get_job_runner
from api.errors import errors
from api.security import require_write_key
from ingest.jobs import JobRunner
from kb.errors import InvalidInput, NotFound
from kb.models import DocKind, JobStatus
from kb.settings import Settings

NDJSON_EXAMPLE = '{"title": "...", "url": "https://...", "published": "2024-01-02", "publisher": "...", "text": "..."}\n'


def router(settings: Settings) -> APIRouter:
    r = APIRouter(tags=["documents"])

    @r.post("/v1/ingest/jobs", response_model=s.JobCreatedOut, status_code=202, operation_id="createIngestJob",
            dependencies=[Depends(require_write_key)], responses=errors(401, 403, 404, 413, 503),
            openapi_extra={"requestBody": {"required": True, "content": {"application/x-ndjson": {
                "schema": {"type": "string", "format": "binary"}, "example": NDJSON_EXAMPLE}}}})
    async def create_job(
        request: Request,
        runner: Annotated[JobRunner, Depends(get_job_runner)],
        kind: Annotated[DocKind | None, Query(description="Kind for records that lack one.")] = None,
        publisher: Annotated[str | None, Query(max_length=300)] = None,
    ) -> JSONResponse:
        """Queue many documents at once (JSON Lines, gzip allowed); poll the job at its `status_url`."""
        body = await request.body()
        if not body.strip():
            raise InvalidInput("the request body must be JSONL: one JSON record a line (gzip allowed)")
        job_id = runner.submit(body, kind, publisher)
        out = s.JobCreatedOut(id=job_id, status=JobStatus.QUEUED, status_url=f"/v1/ingest/jobs/{job_id}")
        return JSONResponse(out.model_dump(mode="json"), status_code=202, headers={"Location": out.status_url})

    @r.get("/v1/ingest/jobs/{job_id}", response_model=s.JobOut, operation_id="getIngestJob", dependencies=Reads,
           responses=errors(401, 403, 404, 503))
    def get_job(kb: KB, job_id: str) -> s.JobOut:
        """An ingest job's progress: counts so far and the first errors, each with the line it came from."""
        job = kb.catalogue.get_job(job_id)
        if job is None:
            raise NotFound(f"no ingest job with id {job_id!r}")
        job.pop("owner", None)  # which process runs it is the operator's business, not the client's
        return s.JobOut(**job)

    return r
