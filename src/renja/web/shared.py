"""The Redis server the app servers share, when ``RENJA_REDIS_URL`` names one."""

from __future__ import annotations

from functools import cache

from django.conf import settings
from redis import Redis


@cache
def _client(url: str) -> Redis:
    return Redis.from_url(url, socket_timeout=5, socket_connect_timeout=5)


def redis() -> Redis | None:
    """A client of the shared Redis, or None when the app runs without one."""
    return _client(settings.RENJA_REDIS_URL) if settings.RENJA_REDIS_URL else None


def key(*parts: object) -> str:
    """A Redis key under the app's prefix (``RENJA_REDIS_PREFIX``)."""
    return ":".join([settings.RENJA_REDIS_PREFIX, *map(str, parts)])
