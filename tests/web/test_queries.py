"""List pages cost the same number of queries for 2 agencies as for 6: no N+1."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from renja.web.management.commands.renja_corpus import load_pemda
from renja.web.plans.models import Plan
from tests.web.conftest import client_for

PAGES = ("/verifikasi/", "/renja/", "/publik/", "/api/plans")


def queries(username: str | None, url: str) -> int:
    client = client_for(username)
    client.get(url)  # warm the session and caches: count the steady state
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)


@pytest.fixture
def small_and_large(db):  # type: ignore[no-untyped-def]
    load_pemda("Kabupaten Kecil", 2, 2025, seed=1)
    load_pemda("Kabupaten Besar", 6, 2025, seed=2)
    Plan.objects.filter(perangkat_daerah__pemda__slug__in=["kabupaten-kecil",
                                                           "kabupaten-besar"]).update(
        published=True)


def test_the_loader_creates_agencies_plans_and_users(small_and_large):
    plans = Plan.objects.filter(perangkat_daerah__pemda__slug="kabupaten-besar")
    assert plans.count() == 6
    assert all(p.n_errors == 0 for p in plans)
    assert load_pemda("Kabupaten Besar", 6, 2025, seed=2) is False
    from django.contrib.auth.models import User

    names = set(User.objects.filter(username__startswith="perencana_kabupaten-besar_")
                .values_list("username", flat=True))
    assert len(names) == 6 and "perencana_kabupaten-besar_pd01" in names


@pytest.mark.parametrize("url", PAGES)
def test_a_list_page_makes_as_many_queries_for_six_agencies_as_for_two(small_and_large, url):
    small = queries("verifikator_kabupaten-kecil", url)
    large = queries("verifikator_kabupaten-besar", url)
    assert small == large
    assert large <= 10  # the overview also reads the schedule and the ceilings, once each


@pytest.mark.parametrize("url", ["/publik/", "/api/plans"])
def test_public_lists_make_a_fixed_number_of_queries(small_and_large, url):
    before = queries(None, url)
    load_pemda("Kota Tambahan", 3, 2025, seed=3)
    Plan.objects.filter(perangkat_daerah__pemda__slug="kota-tambahan").update(published=True)
    assert queries(None, url) == before <= 4


def test_the_loader_command_loads_pemda_once(db):
    from io import StringIO

    from django.core.management import call_command

    out = StringIO()
    call_command("renja_corpus", "--pemda", "2", "--agencies", "2", stdout=out)
    call_command("renja_corpus", "--pemda", "1", "--agencies", "2", stdout=out)
    assert out.getvalue().splitlines() == [
        "Kabupaten Sumber Makmur: dimuat", "Kota Tirta Jaya: dimuat",
        "Kata sandi setiap pengguna: demo-renja-2024",
        "Kabupaten Sumber Makmur: sudah ada",
        "Kata sandi setiap pengguna: demo-renja-2024"]
    assert Plan.objects.filter(perangkat_daerah__pemda__slug="kota-tirta-jaya").count() == 2


@pytest.mark.parametrize("url", PAGES)
def test_list_pages_do_not_read_any_plans_json(db, url):  # type: ignore[no-untyped-def]
    client = client_for("verifikator_bappeda")
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    # only the plans whose agency has a ceiling per sumber dana are read (the demo's DINKES)
    assert not [q["sql"] for q in captured if '"plans_plan"."data"' in q["sql"]
                and '"plans_plan"."id" IN (' not in q["sql"]]


def test_a_saved_plan_keeps_its_total_and_demo_flag_beside_its_json(bkpsdm):
    from renja.web.plans.models import summary

    renja = bkpsdm.renja()
    assert renja.rencana.total is not None
    renja.rencana.total.pagu_n = 123_456
    bkpsdm.store(renja, None, bkpsdm.version)
    stored = Plan.objects.get(pk=bkpsdm.pk)
    assert (stored.total_pagu_n, stored.is_contoh) == (123_456, False)
    assert summary({"contoh": True, "rencana": {"total": {"pagu_n": 5}}}) == (5, True)
    assert summary({"rencana": {}}) == (None, False)
