"""Log in (with throttling of repeated failures) and the start page."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.models import User
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_safe

from renja.web.accounts import throttle
from renja.web.accounts.models import Membership
from renja.web.accounts.throttle import normalise
from renja.web.plans.access import public_plans

DEMO_PASSWORD = "demo-renja-2024"


class UsernameForm(AuthenticationForm):
    """Django's login form; the username found whatever its case or width (``ｕｓｅｒ``)."""

    def clean_username(self) -> str:
        typed = normalise(self.cleaned_data.get("username") or "")
        found = User.objects.filter(username__iexact=typed).values_list("username", flat=True)
        return found[0] if len(found) == 1 else typed


class ThrottledLogin(auth_views.LoginView):
    """Django's login, refusing a username or an address after repeated failures."""

    template_name = "renja/login.html"
    form_class = UsernameForm

    def post(self, request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
        attempt = throttle.begin(request)
        if attempt.locked:
            form = UsernameForm(request, data=request.POST)
            form.errors.clear()
            return render(request, self.template_name, {
                "form": form, "locked": True,
                "minutes": max(1, settings.RENJA_LOGIN_LOCK_SECONDS // 60)}, status=429)
        self.attempt = attempt
        return super().post(request, *args, **kwargs)

    def form_valid(self, form: AuthenticationForm) -> HttpResponse:
        self.attempt.succeeded()
        return super().form_valid(form)


@require_safe
def home(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect("plan_list")
    logins = []
    if settings.DEMO:
        logins = list(Membership.objects.select_related("user", "pemda", "perangkat_daerah")
                      .order_by("pemda__nama", "role", "user__username"))
    published = public_plans()[:20]
    return render(request, "renja/home.html", {"logins": logins, "published": published,
                                                "demo_password": DEMO_PASSWORD})


class ChangePassword(auth_views.PasswordChangeView):
    """Each person changes their own password (the old one asked first)."""

    template_name = "renja/password_change.html"
    success_url = "/akun/sandi/selesai/"


class PasswordChanged(auth_views.PasswordChangeDoneView):
    template_name = "renja/password_changed.html"
