"""Every request gets an id (the proxy's ``X-Request-ID`` or a new one), sent back in the
response and written on every log line; errors are logged as one line each on stderr."""

from __future__ import annotations

import logging
import re
import uuid
from collections.abc import Callable
from contextvars import ContextVar

from django.http import HttpRequest, HttpResponse

current: ContextVar[str] = ContextVar("renja_request_id", default="-")
_SAFE = re.compile(r"[A-Za-z0-9._-]{1,64}")


class RequestId:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        given = request.headers.get("X-Request-ID", "")
        request_id = given if _SAFE.fullmatch(given) else uuid.uuid4().hex[:16]
        current.set(request_id)  # kept after the response: Django logs a 4xx/5xx after it
        response = self.get_response(request)
        response["X-Request-ID"] = request_id
        return response


class AddRequestId(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = current.get()
        return True


class OneLine(logging.Formatter):
    """A record and its traceback on one line, so one error is one line in the log."""

    def format(self, record: logging.LogRecord) -> str:
        return super().format(record).replace("\n", " | ")
