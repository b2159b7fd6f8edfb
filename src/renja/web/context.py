"""Template context for every page."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest

from renja import __version__
from renja.web.accounts.members import membership
from renja.web.plans.models import Notification


def site(request: HttpRequest) -> dict[str, Any]:
    signed_in = request.user.is_authenticated
    return {"demo": settings.DEMO, "version": __version__,
            "membership": membership(request.user) if signed_in else None,
            "unread": _Unread(request.user) if signed_in else 0}


class _Unread:
    """The person's unread notifications, counted only when a page shows the bell."""

    def __init__(self, user: Any) -> None:
        self.user, self.count = user, -1

    def __int__(self) -> int:
        if self.count < 0:
            self.count = Notification.objects.filter(recipient=self.user, read_at=None).count()
        return self.count

    def __str__(self) -> str:
        return str(int(self))

    def __bool__(self) -> bool:
        return int(self) > 0
