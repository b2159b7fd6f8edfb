"""Beyond capacity, answer at once with "sedang sibuk" instead of letting requests time out.

Each app process lets ``RENJA_MAX_WORKING`` requests do their work at a time (Python code is
CPU-bound: more at once only makes each slower). A request that finds them all busy waits up
to ``RENJA_BUSY_WAIT`` seconds for a turn; when ``RENJA_MAX_WAITING`` requests wait already,
or no turn frees in time, it gets **503 with Retry-After** and a page (or, for a save from the
editor, a message at the form) saying the server is busy and to try again. A short line of
waiting requests keeps the wait of the ones served short and the answer to the others quick.
A request that already waited longer than ``RENJA_MAX_QUEUE_SECONDS`` in front of the app (the
reverse proxy's ``X-Request-Start: t=<seconds>`` header) is answered the same way without
being worked on: its person has likely given up already.

This needs threads that can wait (gunicorn ``--worker-class gthread --threads 32``, or the
development server); with one-request-at-a-time sync workers nothing ever waits here.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string

log = logging.getLogger(__name__)
MESSAGE = "Server sedang sibuk melayani banyak pengguna. Coba lagi dalam {seconds} detik."
_turns: dict[int, threading.BoundedSemaphore] = {}
_made = threading.Lock()
_waiting = [0]  # requests of this process waiting for a turn now


def turns() -> threading.BoundedSemaphore:
    """This process's turns to work (as many as ``RENJA_MAX_WORKING``)."""
    size = settings.RENJA_MAX_WORKING
    with _made:
        if size not in _turns:
            _turns[size] = threading.BoundedSemaphore(size)
        return _turns[size]


def waited(request: HttpRequest) -> float:
    """Seconds since the reverse proxy received the request (0 if it does not say)."""
    header = request.META.get("HTTP_X_REQUEST_START", "")
    try:
        started = float(header.removeprefix("t="))
    except ValueError:
        return 0.0
    if started > 1e11:  # some proxies send milliseconds or microseconds
        started /= 1000 if started < 1e14 else 1_000_000
    return max(0.0, time.time() - started)


def busy(request: HttpRequest) -> HttpResponse:
    seconds = settings.RENJA_RETRY_AFTER
    text = MESSAGE.format(seconds=seconds)
    if request.headers.get("HX-Request"):
        response = HttpResponse(text, content_type="text/plain; charset=utf-8", status=503)
    else:
        response = HttpResponse(render_to_string("503.html", {"message": text,
                                                                "seconds": seconds}), status=503)
    response["Retry-After"] = str(seconds)
    response["Cache-Control"] = "no-store"
    response._has_been_logged = True  # expected, not an error: Django does not log it
    log.info("busy: %s %s", request.method, request.path)
    return response


def _take(turn: threading.BoundedSemaphore) -> bool:
    """A turn, unless too many wait for one already or none frees in time."""
    if turn.acquire(blocking=False):
        return True
    with _made:
        if _waiting[0] >= settings.RENJA_MAX_WAITING:
            return False
        _waiting[0] += 1
    try:
        return turn.acquire(timeout=settings.RENJA_BUSY_WAIT)
    finally:
        with _made:
            _waiting[0] -= 1


class ShedLoad:
    """Middleware: work in turns; beyond them, 503 "sedang sibuk" quickly."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        limit = settings.RENJA_MAX_QUEUE_SECONDS
        if limit and waited(request) > limit:
            return busy(request)
        turn = turns()
        if not _take(turn):
            return busy(request)
        try:
            return self.get_response(request)
        finally:
            turn.release()
