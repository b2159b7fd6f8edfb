"""Throttling of failed logins, per username and per address, shared by every worker.

Each attempt is recorded *before* the password is checked, then the recent failures are
counted (in Redis when ``RENJA_REDIS_URL`` is set, one atomic step per attempt; else in the
database): of any number of parallel guesses, at most the allowed number reach the
password check, whichever worker serves them. A username is compared as a person would
(``" User"``, ``"user\\xa0"`` and a full-width ``ｕｓｅｒ`` are the same user). Behind a
reverse proxy the address comes from the header named by ``RENJA_CLIENT_IP_HEADER``.
"""

from __future__ import annotations

import datetime
import unicodedata
import uuid
from dataclasses import dataclass

from django.conf import settings
from django.http import HttpRequest
from django.utils import timezone
from redis import Redis

from renja.web.accounts.models import LoginAttempt
from renja.web.shared import key, redis

ADDRESS_FACTOR = 4  # an address may fail for this many usernames' worth of attempts


def normalise(username: str) -> str:
    """The username as login and throttle compare it: NFKC, no surrounding space, casefolded."""
    return unicodedata.normalize("NFKC", username).strip().casefold()


def client_address(request: HttpRequest) -> str:
    """The client's address: the trusted proxy's header (its last entry), else the socket's."""
    header = settings.RENJA_CLIENT_IP_HEADER
    if header:
        forwarded = request.META.get("HTTP_" + header.upper().replace("-", "_"), "")
        last = forwarded.split(",")[-1].strip()
        if last:
            return last[:64]
    return str(request.META.get("REMOTE_ADDR", ""))[:64]


@dataclass
class Attempt:
    id: str
    user_key: str
    locked: bool
    address_key: str = ""

    def succeeded(self) -> None:
        """A right password: this user's failures are forgotten, and this attempt too."""
        shared = redis()
        if shared is not None:
            shared.delete(key("login", self.user_key))
            shared.zrem(key("login", self.address_key), self.id)
            return
        LoginAttempt.objects.filter(key=self.user_key).delete()
        LoginAttempt.objects.filter(attempt=self.id).delete()


def begin(request: HttpRequest) -> Attempt:
    """Record an attempt, then say whether it may go on to the password check."""
    now = timezone.now()
    since = now - datetime.timedelta(seconds=settings.RENJA_LOGIN_LOCK_SECONDS)
    user_key = "u:" + normalise(str(request.POST.get("username", "")))[:150]
    address_key = "a:" + client_address(request)
    attempt = uuid.uuid4().hex
    limit = settings.RENJA_LOGIN_ATTEMPTS
    shared = redis()
    if shared is not None:
        users, addresses = _count_in_redis(shared, attempt, (user_key, address_key), now)
        return Attempt(attempt, user_key, users > limit or addresses > limit * ADDRESS_FACTOR,
                       address_key)
    LoginAttempt.objects.filter(at__lt=since).delete()
    LoginAttempt.objects.bulk_create([LoginAttempt(key=user_key, attempt=attempt, at=now),
                                      LoginAttempt(key=address_key, attempt=attempt, at=now)])
    users = LoginAttempt.objects.filter(key=user_key, at__gte=since).count()
    addresses = LoginAttempt.objects.filter(key=address_key, at__gte=since).count()
    return Attempt(attempt, user_key, users > limit or addresses > limit * ADDRESS_FACTOR,
                   address_key)


def _count_in_redis(shared: Redis, attempt: str, keys: tuple[str, str],
                    now: datetime.datetime) -> tuple[int, int]:
    """Add the attempt under each key (a sorted set by time) and count each key's recent ones,
    all in one transaction."""
    seconds = settings.RENJA_LOGIN_LOCK_SECONDS
    stamp = now.timestamp()
    step = shared.pipeline(transaction=True)
    for name in keys:
        step.zremrangebyscore(key("login", name), 0, stamp - seconds)
        step.zadd(key("login", name), {attempt: stamp})
        step.zcard(key("login", name))
        step.expire(key("login", name), seconds)
    counted = step.execute()
    return int(counted[2]), int(counted[6])
