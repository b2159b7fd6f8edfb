"""What several app servers share: the login throttle, sessions and checked findings."""

from __future__ import annotations

import uuid

import pytest
from redis import Redis

from renja.web.accounts.views import DEMO_PASSWORD
from tests.web.servers import REDIS_URL, Visitor, database, servers

WRONG = "Nama pengguna atau kata sandi salah."
LOCKED = "Terlalu banyak percobaan masuk yang gagal."


@pytest.fixture
def redis_prefix():  # type: ignore[no-untyped-def]
    prefix = f"renja-test-{uuid.uuid4().hex[:8]}"
    yield prefix
    shared = Redis.from_url(REDIS_URL)
    for name in shared.scan_iter(f"{prefix}:*"):
        shared.delete(name)


@pytest.mark.parametrize("kept_in", ["database", "redis"])
def test_failed_logins_on_one_server_lock_the_user_on_the_other(tmp_path, kept_in,
                                                                 redis_prefix):
    extra = {"RENJA_REDIS_URL": REDIS_URL, "RENJA_REDIS_PREFIX": redis_prefix} \
        if kept_in == "redis" else {}
    with database(tmp_path, **extra) as env, servers(env, 2) as (first, second):
        visitor = Visitor()
        for attempt in range(5):  # RENJA_LOGIN_ATTEMPTS, alternating between the servers
            status, html = visitor.post((first, second)[attempt % 2], "/masuk/",
                                        {"username": "perencana_dinkes", "password": "salah"})
            assert (status, WRONG in html) == (200, True)
        for port in (first, second):
            status, html = visitor.post(port, "/masuk/", {"username": "perencana_dinkes",
                                                          "password": DEMO_PASSWORD})
            assert (status, LOCKED in html) == (429, True)
    counted = list(Redis.from_url(REDIS_URL).scan_iter(f"{redis_prefix}:login:*"))
    assert len(counted) == (2 if kept_in == "redis" else 0)  # the user's and the address's


def test_a_session_begun_on_one_server_is_known_to_the_other(tmp_path, redis_prefix):
    with database(tmp_path, RENJA_REDIS_URL=REDIS_URL, RENJA_REDIS_PREFIX=redis_prefix) as env, \
            servers(env, 2) as (first, second):
        visitor = Visitor()
        status, html = visitor.post(first, "/masuk/", {"username": "perencana_bkpsdm",
                                                       "password": DEMO_PASSWORD})
        assert (status, "Daftar Renja" in html) == (200, True)
        status, html = visitor.get(second, "/renja/")
        assert (status, "Daftar Renja" in html, 'class="who"' in html) == (200, True, True)
    assert list(Redis.from_url(REDIS_URL).scan_iter(f"{redis_prefix}:*session*"))


def test_findings_checked_by_one_worker_are_reused_by_another(db, settings, redis_prefix,
                                                                monkeypatch):
    from renja.web.plans import checked
    from renja.web.plans.models import Plan

    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache",
                                   "LOCATION": REDIS_URL, "KEY_PREFIX": redis_prefix}}
    plan = Plan.objects.order_by("pk").first()
    assert plan is not None
    monkeypatch.setattr(checked, "_findings", checked.Recent(8))  # this worker's memory
    first = checked.findings(plan)
    assert first
    monkeypatch.setattr(checked, "_findings", checked.Recent(8))  # another worker's memory
    monkeypatch.setattr(checked, "run_checks", _must_not_run)
    assert checked.findings(plan) == first


def _must_not_run(*args: object, **kwargs: object) -> None:
    raise AssertionError("checked again")


def test_saves_through_two_servers_at_once_lose_no_update(tmp_path, redis_prefix):
    """Planners save the same row through both servers at the same moment: each save is
    either stored (and audited) or refused as stale, never silently lost."""
    import re
    import threading

    with database(tmp_path, RENJA_REDIS_URL=REDIS_URL, RENJA_REDIS_PREFIX=redis_prefix) as env, \
            servers(env, 2, workers=2) as ports:
        people = [Visitor() for _ in range(6)]
        for person in people:
            assert person.post(ports[0], "/masuk/", {"username": "perencana_bkpsdm",
                                                     "password": DEMO_PASSWORD})[0] == 200
        listed = people[0].get(ports[0], "/renja/")[1]
        plan = re.search(r'href="/renja/(\d+)/"', listed)
        assert plan
        page = f"/renja/{plan.group(1)}/"
        row = f"{page}baris/0.0.0.0/"
        start = threading.Barrier(len(people))
        outcomes: list[tuple[str, int]] = []

        def save(n: int) -> None:
            person, port = people[n], ports[n % 2]
            for attempt in range(3):
                form = person.get(port, row)[1]
                version = re.search(r'name="version" value="(\d+)"', form)
                assert version
                value = f"Kecamatan {n}-{attempt}"
                if attempt == 0:
                    start.wait()
                status, _ = person.post(port, row + "simpan/", {
                    "version": version.group(1), "lokasi": value}, page=page)
                outcomes.append((value, status))

        threads = [threading.Thread(target=save, args=(n,)) for n in range(len(people))]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert {status for _, status in outcomes} <= {200, 409}
        stored = [value for value, status in outcomes if status == 200]
        assert len(stored) >= 3  # each person's later tries start from a newer version
        shown = people[0].get(ports[1], page)[1]
        assert f">Versi {1 + len(stored)}</span>" in shown
        audit = people[0].get(ports[0], page + "audit/")[1]
        assert all(f"<td>{value}</td>" in audit for value in stored)
        refused = [value for value, status in outcomes if status == 409]
        assert not any(f"<td>{value}</td>" in audit for value in refused)
