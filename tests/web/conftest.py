"""Personas and the demo data, loaded once per test run into the test database."""

from __future__ import annotations

import os

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.test import Client

from renja.web.accounts.models import Membership, Pemda, Role
from renja.web.plans.models import Plan
from tests.web.browsing import ARGS, CHROMIUM, settle

FAST_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):  # type: ignore[no-untyped-def]
    from django.conf import settings

    settings.PASSWORD_HASHERS = FAST_HASHERS
    with django_db_blocker.unblock():
        call_command("renja_demo", verbosity=0)
        other = Pemda.objects.get(slug="kota-contoh")
        admin, _ = User.objects.get_or_create(username="admin_kotacontoh")
        Membership.objects.update_or_create(user=admin, defaults={"role": Role.ADMIN,
                                                                  "pemda": other})
        verifier, _ = User.objects.get_or_create(username="verifikator_kotacontoh")
        Membership.objects.update_or_create(user=verifier, defaults={
            "role": Role.VERIFIKATOR, "pemda": other})


def client_for(username: str | None) -> Client:
    client = Client()
    if username:
        client.force_login(User.objects.get(username=username))
    return client


@pytest.fixture
def planner(db) -> Client:  # type: ignore[no-untyped-def]
    """Perencana of BKPSDM Kabupaten Pasuruan (agency A)."""
    return client_for("perencana_bkpsdm")


@pytest.fixture
def other_planner(db) -> Client:  # type: ignore[no-untyped-def]
    """Perencana of Dinas Kesehatan, the same pemda (agency B)."""
    return client_for("perencana_dinkes")


@pytest.fixture
def kepala(db) -> Client:  # type: ignore[no-untyped-def]
    return client_for("kepala_bkpsdm")


@pytest.fixture
def verifier(db) -> Client:  # type: ignore[no-untyped-def]
    return client_for("verifikator_bappeda")


@pytest.fixture
def outsider(db) -> Client:  # type: ignore[no-untyped-def]
    """Admin of another pemda (Kota Contoh)."""
    return client_for("admin_kotacontoh")


@pytest.fixture
def anonymous(db) -> Client:  # type: ignore[no-untyped-def]
    return Client()


@pytest.fixture
def bkpsdm(db) -> Plan:  # type: ignore[no-untyped-def]
    return Plan.objects.get(perangkat_daerah__singkatan="BKPSDM")


@pytest.fixture
def published(db) -> Plan:  # type: ignore[no-untyped-def]
    return Plan.objects.get(published=True, perangkat_daerah__singkatan="DISDIK")


@pytest.fixture
def demo(transactional_db):  # type: ignore[no-untyped-def]
    """The demo data (a browser test's database is emptied after each test)."""
    from django.core.management import call_command

    from renja.web.accounts.models import Pemda

    if not Pemda.objects.filter(slug="kabupaten-pasuruan").exists():
        call_command("renja_demo", verbosity=0)


@pytest.fixture
def page(live_server, settings, demo):  # type: ignore[no-untyped-def]
    from playwright.sync_api import sync_playwright

    settings.SESSION_COOKIE_SECURE = settings.CSRF_COOKIE_SECURE = False
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        page.base = live_server.url  # type: ignore[attr-defined]
        yield page
        page.goto("about:blank")  # stops the page's timers (a pending preview, a toast)
        browser.close()
    settle()
