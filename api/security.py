"""Who may read and write: API keys from settings, compared in constant time."""

import hmac
from typing import Annotated

from fastapi import Depends, Request

from kb.settings import Settings


class APIError(Exception):
    """An HTTP error with a stable code, rendered in the one error shape."""

    def __init__(self, status: int, code: str, message: str, details: object = None, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status, self.code, self.message, self.details, self.headers = status, code, message, details, headers


# The dependencies below never block, so they are coroutines: FastAPI runs a plain function in its thread pool, a
# hop per dependency per request that showed in the profile of concurrent searches.
async def get_settings(request: Request) -> Settings:
    return request.app.state.settings


def presented_key(request: Request) -> str | None:
    """The key sent as `Authorization: Bearer KEY` or `X-API-Key: KEY`, if any."""
    auth = request.headers.get("authorization", "")
    if auth.lower().startswith("bearer "):
        return auth[7:].strip()
    return request.headers.get("x-api-key")


def _key_matches(presented: str, keys: list[str]) -> bool:
    # compare_digest against every key, so timing reveals neither which key nor how much matched
    found = False
    for key in keys:
        found |= hmac.compare_digest(presented.encode(), key.encode())
    return found


def check_write_key(request: Request, settings: Settings) -> None:
    if not settings.api_keys:
        raise APIError(403, "writes_disabled", "writes are disabled: set KB_API_KEYS (comma-separated) on the server and send one as 'Authorization: Bearer KEY' or 'X-API-Key: KEY'")
    presented = presented_key(request)
    if not presented:
        raise APIError(401, "unauthorized", "an API key is required: send 'Authorization: Bearer KEY' or 'X-API-Key: KEY'", headers={"WWW-Authenticate": "Bearer"})
    if not _key_matches(presented, settings.api_keys):
        raise APIError(403, "forbidden", "the API key is not valid")


async def require_write_key(request: Request, settings: Annotated[Settings, Depends(get_settings)]) -> None:
    check_write_key(request, settings)


async def require_read_key(request: Request, settings: Annotated[Settings, Depends(get_settings)]) -> None:
    if settings.read_requires_key:
        check_write_key(request, settings)
