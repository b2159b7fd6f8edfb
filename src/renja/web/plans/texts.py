"""The chapter texts of a Renja (BAB I–V and their sections), edited as plain paragraphs."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from renja.edit import set_section_text
from renja.errors import RenjaError
from renja.web.plans.access import can_edit, get_plan
from renja.web.plans.editor import STALE
from renja.web.plans.models import StaleVersion


def texts(request: HttpRequest, pk: int) -> HttpResponse:
    plan = get_plan(request.user, pk)
    return render(request, "renja/texts.html", {"plan": plan, "renja": plan.renja(),
                                                "editable": can_edit(request.user, plan)})


@login_required
@require_POST
def save_text(request: HttpRequest, pk: int) -> HttpResponse:
    plan = get_plan(request.user, pk, edit=True)
    renja = plan.renja()
    try:
        set_section_text(renja, request.POST.get("bab", ""), request.POST.get("nomor") or None,
                         request.POST.get("teks", ""))
        plan.store(renja, request.user, int(request.POST.get("version", "0")))
    except RenjaError as exc:
        messages.error(request, exc.message("id"))
    except StaleVersion:
        messages.error(request, STALE)
    else:
        messages.success(request, "Teks disimpan.")
    return redirect("plan_texts", pk=plan.pk)
