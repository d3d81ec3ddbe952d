"""Bulk ingest jobs: submit JSON Lines, then poll the job."""

import json
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import JSONResponse
from starlette.datastructures import UploadFile as StarletteUploadFile

from api import schemas as s
from api.deps import KB, Reads, get_job_runner
from api.errors import errors
from api.security import APIError, require_write_key
from ingest.jobs import JobRunner
from kb.errors import InvalidInput, NotFound
from kb.models import DocKind, JobStatus
from kb.settings import Settings

NDJSON_EXAMPLE = '{"title": "...", "url": "https://...", "published": "2024-01-02", "publisher": "...", "text": "..."}\n'


JSON_EXAMPLE = {"title": "Sheriffs meet DHS", "text": "Sheriff Greg Champagne said ...", "published": "2017-04-03", "publisher": "ABC News"}


async def _records(request: Request) -> bytes:
    """The upload as JSON Lines bytes, whichever of the three accepted forms it came in."""
    media = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media == "application/json":
        try:
            records = json.loads(await request.body())
        except ValueError as e:
            raise APIError(400, "malformed_json", f"the request body is not valid JSON ({e})") from e
        if isinstance(records, dict) and set(records) == {"records"}:
            records = records["records"]
        if not isinstance(records, list):
            raise InvalidInput("a JSON body must be {\"records\": [...]} or an array of records")
        return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records).encode()
    if media == "multipart/form-data":
        form = await request.form()
        upload = form.get("file")
        if not isinstance(upload, StarletteUploadFile):
            raise InvalidInput("multipart upload: send the JSONL file as the form field 'file'")
        return await upload.read()
    return await request.body()


def router(settings: Settings) -> APIRouter:
    r = APIRouter(tags=["documents"])

    @r.post("/v1/ingest/jobs", response_model=s.JobCreatedOut, status_code=202, operation_id="createIngestJob",
            dependencies=[Depends(require_write_key)], responses=errors(401, 403, 404, 413, 415, 503),
            openapi_extra={"requestBody": {"required": True, "content": {
                "application/x-ndjson": {"schema": {"type": "string", "format": "binary"}, "example": NDJSON_EXAMPLE},
                "application/json": {"schema": {"type": "object", "required": ["records"], "properties": {
                    "records": {"type": "array", "items": {"$ref": "#/components/schemas/DocumentCreateRequest"}}},
                    "description": "The records (a bare JSON array of records is accepted too)."}, "example": {"records": [JSON_EXAMPLE]}},
                "multipart/form-data": {"schema": {"type": "object", "required": ["file"], "properties": {
                    "file": {"type": "string", "format": "binary", "description": "A JSONL file, one record a line (gzip allowed)."}}}},
            }}})
    async def create_job(
        request: Request,
        runner: Annotated[JobRunner, Depends(get_job_runner)],
        kind: Annotated[DocKind | None, Query(description="Kind for records that lack one.")] = None,
        publisher: Annotated[str | None, Query(max_length=300)] = None,
    ) -> JSONResponse:
        """Queue many documents at once: JSON Lines (gzip allowed), JSON `{"records": [...]}`, or a JSONL file uploaded
        as multipart `file`. Poll the job at its `status_url` (also the `Location` header)."""
        body = await _records(request)
        if not body.strip():
            raise InvalidInput("the request body must hold records: JSON Lines, a JSON array, or a multipart 'file'")
        job_id = runner.submit(body, kind.value if kind else None, publisher)
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
