"""The OpenAPI description says what the server enforces: who needs a key (securitySchemes, per operation)."""

from typing import Any

from fastapi import APIRouter, FastAPI
from fastapi.dependencies.models import Dependant
from fastapi.openapi.utils import get_openapi
from fastapi.routing import APIRoute

from api.errors import DESCRIPTIONS, STATUS_CODES
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


def example_of(schema: dict[str, Any], components: dict[str, Any], depth: int = 0) -> Any:
    """A plausible value for a schema, from its own examples, enums and defaults, so every operation shows one."""
    if "$ref" in schema:
        return example_of(components[schema["$ref"].rsplit("/", 1)[-1]], components, depth)
    for key in ("example", "default"):
        if schema.get(key) is not None:
            return schema[key]
    if schema.get("examples"):
        return schema["examples"][0]
    if schema.get("enum"):
        return schema["enum"][0]
    options = [s for s in schema.get("anyOf", []) if s.get("type") != "null"]
    if options:
        return example_of(options[0], components, depth)
    kind = schema.get("type")
    if kind == "object" or "properties" in schema:
        if depth > 6:
            return {}
        return {name: example_of(sub, components, depth + 1) for name, sub in schema.get("properties", {}).items()}
    if kind == "array":
        return [] if depth > 6 else [example_of(schema.get("items", {}), components, depth + 1)]
    formats = {"date": "2017-04-03", "date-time": "2024-01-02T03:04:05Z", "binary": "..."}
    return {"integer": 1, "number": 0.5, "boolean": False}.get(kind or "", formats.get(schema.get("format", ""), "string"))


def _add_examples(operation: dict[str, Any], components: dict[str, Any]) -> None:
    for response in operation["responses"].values():
        for media in response.get("content", {}).values():
            if "example" not in media and "examples" not in media and "schema" in media:
                media["example"] = example_of(media["schema"], components)


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
                        example = {"error": {"code": STATUS_CODES.get(int(status), "internal_error"),
                                             "message": DESCRIPTIONS.get(int(status), "error"), "details": None}}
                        response["content"] = {"application/json": {"schema": {"$ref": "#/components/schemas/ErrorOut"}, "example": example}}
                _add_examples(operation, schema["components"]["schemas"])
                if access == "write" or (access == "read" and settings.read_requires_key):
                    operation["security"] = KEYED
                elif access == "read":
                    operation["security"] = [{}, *KEYED]  # a key may be sent (rate limits are per key); none is needed
                else:
                    operation["security"] = []
        app.openapi_schema = schema
        return schema

    app.openapi = openapi  # type: ignore[method-assign]
