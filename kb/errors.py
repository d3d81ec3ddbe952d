"""Domain errors; the HTTP and CLI edges translate them, nothing else needs to know about them."""


class KBError(Exception):
    """Base of every error kb reports to a user."""

    code = "error"


class NotFound(KBError):
    code = "not_found"


class InvalidInput(KBError):
    code = "invalid_input"


class StoreUnavailable(KBError):
    """The vector store or catalogue cannot be reached or opened right now."""

    code = "store_unavailable"


class StoreLocked(StoreUnavailable):
    """Another process holds the embedded store."""

    code = "store_locked"


class StoreCorrupt(StoreUnavailable):
    code = "store_corrupt"


class InvalidCursor(InvalidInput):
    """A paging cursor that is forged, damaged, expired, or from another query."""

    code = "invalid_cursor"
