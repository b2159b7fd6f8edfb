"""The chapter texts of a Renja (BAB I–V and their sections), edited as plain paragraphs."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST, require_safe

from renja.edit import set_section_text
from renja.web.outcome import attempt, raise_refusal
from renja.web.plans import checked
from renja.web.plans.access import can_edit, get_plan
from renja.web.plans.actions import change_plan


@require_safe
def texts(request: HttpRequest, pk: int) -> HttpResponse:
    plan = get_plan(request.user, pk)
    return render(request, "renja/texts.html", {"plan": plan, "renja": checked.read_only(plan),
                                                "editable": can_edit(request.user, plan)})


@login_required
@require_POST
def save_text(request: HttpRequest, pk: int) -> HttpResponse:
    plan = get_plan(request.user, pk)
    post = request.POST
    _, failed = attempt(lambda: change_plan(plan.pk, request.user, lambda renja: (
        set_section_text(renja, post.get("bab", ""), post.get("nomor") or None,
                         post.get("teks", ""))), post.get("version", "")))
    if failed is not None:
        raise_refusal(failed)
        messages.error(request, failed.message)
    else:
        messages.success(request, "Teks disimpan.")
    return redirect("plan_texts", pk=plan.pk)
