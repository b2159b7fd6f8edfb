"""Who a user is in renja: their one membership (role, pemda, agency), read once a request."""

from __future__ import annotations

from typing import Any

from renja.web.accounts.models import Membership


def membership(user: Any) -> Membership | None:
    """The user's membership, read once per request (kept on the request's user object)."""
    if user is None or not user.is_authenticated:
        return None
    if "_renja_membership" not in user.__dict__:
        user.__dict__["_renja_membership"] = Membership.objects.select_related(
            "pemda", "perangkat_daerah").filter(user=user).first()
    found: Membership | None = user.__dict__["_renja_membership"]
    return found
