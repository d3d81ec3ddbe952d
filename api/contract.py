"""The OpenAPI description says what the server enforces: who needs a key (securitySchemes, per operation)."""

from typing import Any

from fastapi import APIRouter, FastAPI
from fastapi.dependencies.models import Dependant
from fastapi.openapi.utils import get_openapi
from fastapi.routing import APIRoute

from api.security import require_read_key, require_write_key
from kb.settings import Settings

SECURITY_SCHEMES = {
    "bearerAuth": {"type": "http", "scheme": "bearer", "description": "An API key from KB_API_KEYS: `Authorization: Bearer KEY`."},
    "apiKeyHeader": {"type": "apiKey", "in": "header", "name": "X-API-Key", "description": "The same key as `X-API-Key: KEY`."},
}
KEYED = [{"bearerAuth": []}, {"apiKeyHeader": []}]


def _calls(dependant: Dependant) -> set[object]:
    found = {dependant.call}
    for sub in dependant.dependencies:
        found |= _calls(sub)
    return found


def access_of(route: APIRoute) -> str:
    """"write", "read" or "open": which key, if any, the route asks for."""
    calls = _calls(route.dependant)
    return "write" if require_write_key in calls else "read" if require_read_key in calls else "open"


def install_contract(app: FastAPI, settings: Settings, routers: list[APIRouter]) -> None:
    """Writes always need a key; reads need one only with KB_READ_REQUIRES_KEY (else the key is optional)."""

    def openapi() -> dict[str, Any]:
        if app.openapi_schema:
            return app.openapi_schema
        schema = get_openapi(title=app.title, version=app.version, description=app.description, routes=app.routes,
                             tags=app.openapi_tags, servers=app.servers)
        schema.setdefault("components", {})["securitySchemes"] = SECURITY_SCHEMES
        for route in (r for router in routers for r in router.routes):
            if not isinstance(route, APIRoute) or not route.include_in_schema:
                continue
            access = access_of(route)
            for method in route.methods:
                operation = schema["paths"].get(route.path_format, {}).get(method.lower())
                if operation is None:
                    continue
                for status, response in operation["responses"].items():
                    if status[0] in "45":  # every error has the one shape, whatever media type the success has
                        response["content"] = {"application/json": {"schema": {"$ref": "#/components/schemas/ErrorOut"}}}
                if access == "write" or (access == "read" and settings.read_requires_key):
                    operation["security"] = KEYED
                elif access == "read":
                    operation["security"] = [{}, *KEYED]  # a key may be sent (rate limits are per key); none is needed
                else:
                    operation["security"] = []
        app.openapi_schema = schema
        return schema

    app.openapi = openapi  # type: ignore[method-assign]
