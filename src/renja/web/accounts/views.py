"""Log in (with throttling of repeated failures) and the start page."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import AuthenticationForm
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from renja.web.accounts.models import Membership
from renja.web.plans.access import visible_plans

DEMO_PASSWORD = "demo-renja-2024"


def _key(request: HttpRequest) -> str:
    username = (request.POST.get("username") or "").lower()
    return f"login-fail:{username}:{request.META.get('REMOTE_ADDR', '')}"


class ThrottledLogin(auth_views.LoginView):
    """Django's login, refusing a username+address after repeated failures for a while."""

    template_name = "renja/login.html"

    def post(self, request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
        if cache.get(_key(request), 0) >= settings.RENJA_LOGIN_ATTEMPTS:
            form = AuthenticationForm(request, data=request.POST)
            form.errors.clear()
            return render(request, self.template_name, {
                "form": form, "locked": True,
                "minutes": max(1, settings.RENJA_LOGIN_LOCK_SECONDS // 60)}, status=429)
        return super().post(request, *args, **kwargs)

    def form_invalid(self, form: AuthenticationForm) -> HttpResponse:
        key = _key(self.request)
        cache.set(key, cache.get(key, 0) + 1, settings.RENJA_LOGIN_LOCK_SECONDS)
        return super().form_invalid(form)

    def form_valid(self, form: AuthenticationForm) -> HttpResponse:
        cache.delete(_key(self.request))
        return super().form_valid(form)


def home(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect("plan_list")
    logins = []
    if settings.DEMO:
        logins = list(Membership.objects.select_related("user", "pemda", "perangkat_daerah")
                      .order_by("pemda__nama", "role", "user__username"))
    published = visible_plans(request.user)[:20]
    return render(request, "renja/home.html", {"logins": logins, "published": published,
                                                "demo_password": DEMO_PASSWORD})
