"""A person's notifications: the list, opening one (which marks it read), marking all read."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST, require_safe

from renja.web.plans.actions import notify
from renja.web.plans.models import Notification

SHOWN = 100


@require_safe
@login_required
def inbox(request: HttpRequest) -> HttpResponse:
    notices = Notification.objects.filter(recipient=request.user) \
        .select_related("plan__perangkat_daerah", "actor")[:SHOWN]
    return render(request, "renja/notifications.html", {"notices": notices})


@login_required
@require_POST
def open_notice(request: HttpRequest, pk: int) -> HttpResponse:
    notice = get_object_or_404(Notification, pk=pk, recipient=request.user)
    notify.mark_read(request.user, notice)
    return redirect(f"{notice.page or f'/renja/{notice.plan_id}/'}#{notice.anchor or 'siklus'}")


@login_required
@require_POST
def read_all(request: HttpRequest) -> HttpResponse:
    notify.mark_all_read(request.user)
    return redirect("notifications")
