"""Who may see which plan: the one place every view and API call asks before reading.

What a person may *do* to a plan is decided in :mod:`renja.web.plans.permissions`.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404

from renja.web.accounts.members import membership
from renja.web.accounts.models import PerangkatDaerah
from renja.web.plans.models import Plan
from renja.web.plans.permissions import BAPPEDA, ActionRefused, importer, may, refusal

__all__ = ["can_edit", "get_plan", "get_published", "get_readable", "import_targets",
           "membership", "plan_id", "public_plans", "readable_plans", "visible_plans"]


def _plans() -> QuerySet[Plan]:
    return Plan.objects.select_related("perangkat_daerah", "perangkat_daerah__pemda")


def visible_plans(user: Any) -> QuerySet[Plan]:
    """Plans this user works with, drafts and all: own agency, or own pemda (Bappeda, admin).
    Nobody else's: a set plan of another pemda is read through the public portal."""
    member = membership(user)
    if member is None:
        return Plan.objects.none()
    if member.agency_bound:
        return _plans().filter(perangkat_daerah=member.perangkat_daerah)
    return _plans().filter(perangkat_daerah__pemda=member.pemda)


def public_plans() -> QuerySet[Plan]:
    """Set (published) plans: their official content is open to anyone, logged in or not."""
    return _plans().filter(published=True)


def readable_plans(user: Any) -> QuerySet[Plan]:
    """What this user may read the document of: their own plans and every published one."""
    return (visible_plans(user) | public_plans()).distinct()


def get_published(pk: object) -> Plan:
    try:
        return public_plans().get(pk=plan_id(pk))
    except Plan.DoesNotExist as exc:
        raise Http404("Renja tidak ditemukan") from exc


def get_readable(user: Any, pk: object) -> Plan:
    """A plan whose document this user may read: their own, or a published one."""
    try:
        return readable_plans(user).get(pk=plan_id(pk))
    except Plan.DoesNotExist as exc:
        raise Http404("Renja tidak ditemukan") from exc


def plan_id(value: object) -> int:
    """A plan id from a URL or a form; anything else is simply not found."""
    try:
        number = int(str(value))
    except ValueError as exc:
        raise Http404("Renja tidak ditemukan") from exc
    if not 0 < number < 2**63:
        raise Http404("Renja tidak ditemukan")
    return number


def get_plan(user: Any, pk: object, edit: bool = False) -> Plan:
    """The plan if the user works with it (404 otherwise: see :func:`get_readable` for the
    published document); with ``edit``, only if they may edit it now (403 otherwise)."""
    try:
        plan = visible_plans(user).defer("data").get(pk=plan_id(pk))  # parsed: checked.read_only
    except Plan.DoesNotExist as exc:
        raise Http404("Renja tidak ditemukan") from exc
    if edit:
        refused = refusal(user, plan, "edit")
        if refused is not None:
            raise PermissionDenied(refused.message("id"))
    return plan


def can_edit(user: Any, plan: Plan) -> bool:
    """A planner of the agency, while the plan is a draft or returned and its stage is open."""
    return may(user, plan, "edit")


def import_targets(user: Any) -> QuerySet[PerangkatDaerah]:
    """Agencies this user may import a plan for: a planner's own agency only."""
    try:
        member = importer(user)
    except ActionRefused:
        return PerangkatDaerah.objects.none()
    return PerangkatDaerah.objects.filter(pk=member.perangkat_daerah_id)


def bappeda_member(user: Any, refused: str) -> Any:
    """The membership of a Bappeda verifier or admin; else 403 with ``refused``."""
    member = membership(user)
    if member is None or member.role not in BAPPEDA:
        raise PermissionDenied(refused)
    return member
