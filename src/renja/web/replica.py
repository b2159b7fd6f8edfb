"""Reads from a PostgreSQL streaming replica, writes to the primary.

With ``RENJA_DATABASE_REPLICA_URL`` set, the database alias ``replica`` exists and this router
sends the reads of requests that change nothing (GET, HEAD: the public portal, overviews,
plan pages, exports) there. Everything else goes to the primary: every write, every read of a
request that may write (POST …), and every read of a person who wrote in the last
``RENJA_REPLICA_PIN_SECONDS`` seconds, so whoever just saved sees what they saved even if the
replica is a moment behind (a cookie remembers when they wrote; it only chooses a database).
Without a replica the router is not installed and the middleware does nothing.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from contextvars import ContextVar
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse

REPLICA = "replica"
PRIMARY = "default"
PIN_COOKIE = "renja_primary"
_reads_from: ContextVar[str] = ContextVar("renja_reads_from", default=PRIMARY)


def reads_from() -> str:
    """The database alias this request reads from."""
    return _reads_from.get()


class Router:
    """Django database router: reads where the request was sent, writes to the primary."""

    def db_for_read(self, model: type, **hints: Any) -> str:
        return _reads_from.get()

    def db_for_write(self, model: type, **hints: Any) -> str:
        return PRIMARY

    def allow_relation(self, first: object, second: object, **hints: Any) -> bool:
        return True  # the replica is a copy of the primary: the same rows

    def allow_migrate(self, db: str, app_label: str, **hints: Any) -> bool:
        return db == PRIMARY


def _pinned(request: HttpRequest) -> bool:
    try:
        until = float(request.COOKIES.get(PIN_COOKIE, "0"))
    except ValueError:
        return False
    return until > time.time()


class ReadFromReplica:
    """Chooses the database a request reads from, and pins a writer to the primary."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.active = REPLICA in settings.DATABASES

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not self.active:
            return self.get_response(request)
        safe = request.method in ("GET", "HEAD", "OPTIONS")
        token = _reads_from.set(REPLICA if safe and not _pinned(request) else PRIMARY)
        try:
            response = self.get_response(request)
        finally:
            _reads_from.reset(token)
        if not safe:
            seconds = settings.RENJA_REPLICA_PIN_SECONDS
            response.set_cookie(PIN_COOKIE, f"{time.time() + seconds:.3f}", max_age=seconds,
                                httponly=True, samesite="Lax",
                                secure=settings.SESSION_COOKIE_SECURE)
        return response
