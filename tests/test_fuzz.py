"""Fuzzing the API from its own OpenAPI description (schemathesis): no 5xx, every response matches its schema."""

from __future__ import annotations

from pathlib import Path

import schemathesis
from conftest import API_KEY
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from api.app import create_app
from kb.settings import Settings

CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]


@schemathesis.serializer("application/x-ndjson")
def _ndjson(ctx, value) -> bytes:  # type: ignore[no-untyped-def]
    return value if isinstance(value, bytes) else str(value).encode("utf-8", "surrogatepass")


# The description is static: read it from an app that is never started, then fuzz a live server.
schema = schemathesis.openapi.from_dict(create_app(Settings(data_dir=Path("unused"))).openapi())


@schema.parametrize()
@settings(max_examples=12, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
def test_api_never_fails_and_always_matches_its_schema(case, live_server) -> None:  # type: ignore[no-untyped-def]
    case.call_and_validate(base_url=live_server.url, checks=CHECKS, headers={"Authorization": f"Bearer {API_KEY}"})
