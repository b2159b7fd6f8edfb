"""Who may see and change which plan: the one place every view and API call asks."""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser, User
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404

from renja.web.accounts.models import Membership, PerangkatDaerah, Role
from renja.web.plans.models import Plan


def membership(user: User | AnonymousUser) -> Membership | None:
    """The user's membership, read once per request (kept on the request's user object)."""
    if not user.is_authenticated:
        return None
    if "_renja_membership" not in user.__dict__:
        user.__dict__["_renja_membership"] = Membership.objects.select_related(
            "pemda", "perangkat_daerah").filter(user=user).first()
    found: Membership | None = user.__dict__["_renja_membership"]
    return found


def visible_plans(user: User | AnonymousUser) -> QuerySet[Plan]:
    """Plans this user may read: own agency, own pemda (Bappeda, admin), or published ones."""
    plans = Plan.objects.select_related("perangkat_daerah", "perangkat_daerah__pemda")
    member = membership(user)
    if member is None:
        return plans.filter(published=True)
    if member.agency_bound:
        return plans.filter(perangkat_daerah=member.perangkat_daerah)
    return plans.filter(perangkat_daerah__pemda=member.pemda)


def get_plan(user: User | AnonymousUser, pk: int, edit: bool = False) -> Plan:
    """The plan if the user may read it (404 otherwise); with ``edit``, only if they may edit."""
    try:
        plan = visible_plans(user).get(pk=pk)
    except Plan.DoesNotExist as exc:
        raise Http404("Renja tidak ditemukan") from exc
    if edit and not can_edit(user, plan):
        raise PermissionDenied("Anda tidak berhak mengubah Renja ini")
    return plan


def can_edit(user: User | AnonymousUser, plan: Plan) -> bool:
    """A planner of the agency, while the plan is a draft or returned and its stage is open."""
    from renja.web.plans.actions import stage_open
    from renja.workflow import editable

    member = membership(user)
    return (member is not None and member.role == Role.PERENCANA
            and member.perangkat_daerah_id == plan.perangkat_daerah_id
            and editable(plan.tahapan, plan.status) and stage_open(plan))


def import_targets(user: User | AnonymousUser) -> QuerySet[PerangkatDaerah]:
    """Agencies this user may import a plan for: a planner's own agency only."""
    member = membership(user)
    if member is None or member.role != Role.PERENCANA or member.perangkat_daerah is None:
        return PerangkatDaerah.objects.none()
    return PerangkatDaerah.objects.filter(pk=member.perangkat_daerah_id)
