"""Template context for every page."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest

from renja import __version__


def site(request: HttpRequest) -> dict[str, Any]:
    membership = getattr(request.user, "membership", None) if request.user.is_authenticated \
        else None
    return {"demo": settings.DEMO, "version": __version__, "membership": membership}
