"""The one HTTP error shape (`{"error": {"code", "message", "details"}}`) and the handlers that produce it."""

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from api import schemas as s
from api.security import APIError
from kb.errors import InvalidCursor, InvalidInput, NotFound, StoreUnavailable

log = logging.getLogger("kb.api")

STATUS_CODES = {400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found", 405: "method_not_allowed",
                409: "conflict", 413: "payload_too_large", 415: "unsupported_media_type", 422: "invalid_input",
                429: "too_many_requests", 503: "unavailable"}


def error_response(status: int, code: str, message: str, details: object = None, headers: dict[str, str] | None = None) -> JSONResponse:
    """An error in the one shape every endpoint uses."""
    body = s.ErrorOut(error=s.ErrorBody(code=code, message=message, details=details)).model_dump()
    return JSONResponse(body, status_code=status, headers=headers)


def install_error_handlers(app: FastAPI) -> None:
    """Translate API, HTTP, validation and domain errors into the one error shape."""

    @app.exception_handler(APIError)
    async def api_error(_: Request, exc: APIError) -> JSONResponse:
        return error_response(exc.status, exc.code, exc.message, exc.details, exc.headers)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        message = exc.detail if isinstance(exc.detail, str) else "request failed"
        if exc.status_code == 404 and message == "Not Found":
            message = "no such endpoint; see /docs for the API"
        return error_response(exc.status_code, STATUS_CODES.get(exc.status_code, "error"), message, headers=getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def validation_error(_: Request, exc: RequestValidationError) -> JSONResponse:
        details = [
            {"location": ".".join(str(p) for p in err.get("loc", ())), "message": err.get("msg", ""), "type": err.get("type", "")}
            for err in exc.errors()
        ]
        first = details[0] if details else {"location": "request", "message": "invalid"}
        if any(d["type"] == "json_invalid" for d in details):  # not JSON at all: malformed, not merely invalid
            return error_response(400, "malformed_json", f"the request body is not valid JSON ({first['message']})", details)
        return error_response(422, "invalid_input", f"{first['location']}: {first['message']}", details)

    @app.exception_handler(NotFound)
    async def not_found(_: Request, exc: NotFound) -> JSONResponse:
        return error_response(404, exc.code, str(exc))

    @app.exception_handler(InvalidInput)
    async def invalid(_: Request, exc: InvalidInput) -> JSONResponse:
        return error_response(422, exc.code, str(exc))

    @app.exception_handler(InvalidCursor)
    async def bad_cursor(_: Request, exc: InvalidCursor) -> JSONResponse:
        return error_response(400, exc.code, str(exc))

    @app.exception_handler(StoreUnavailable)
    async def unavailable(_: Request, exc: StoreUnavailable) -> JSONResponse:
        log.warning("store unavailable: %s", exc)
        return error_response(503, "unavailable", "the store is unavailable right now; try again shortly", headers={"Retry-After": "5"})

    @app.exception_handler(Exception)
    async def unexpected(_: Request, exc: Exception) -> JSONResponse:
        log.exception("unexpected error", exc_info=exc)
        return error_response(500, "internal_error", "an unexpected error occurred; it has been logged")


def errors(*statuses: int) -> dict[int | str, dict[str, object]]:
    """OpenAPI `responses` for these error statuses, each with the one error shape."""
    return {status: {"model": s.ErrorOut, "description": DESCRIPTIONS.get(status, "Error")} for status in statuses}


DESCRIPTIONS = {
    400: "Malformed request",
    401: "An API key is required (sent with WWW-Authenticate: Bearer)",
    403: "The API key is not valid, or writes are disabled",
    404: "No such resource",
    413: "Request too large",
    422: "Invalid input",
    429: "Too many requests (see Retry-After)",
    500: "Unexpected error (logged; no details are returned)",
    503: "The store is unavailable right now (see Retry-After)",
}
