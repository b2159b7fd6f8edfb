"""Beyond capacity the app says "sedang sibuk" at once (503, Retry-After) instead of timing
out."""

from __future__ import annotations

import time

import pytest

from renja.web import busy

MESSAGE = "Server sedang sibuk melayani banyak pengguna. Coba lagi dalam 7 detik."


@pytest.fixture
def full(settings):  # type: ignore[no-untyped-def]
    """Every turn of this process taken (by requests still working)."""
    settings.RENJA_MAX_WORKING, settings.RENJA_BUSY_WAIT = 1, 0.05
    settings.RENJA_RETRY_AFTER = 7
    turn = busy.turns()
    assert turn.acquire(timeout=1)
    yield
    turn.release()


def test_a_page_beyond_capacity_is_answered_busy_at_once(planner, bkpsdm, full):
    started = time.monotonic()
    response = planner.get(f"/renja/{bkpsdm.pk}/")
    assert time.monotonic() - started < 1
    assert (response.status_code, response["Retry-After"]) == (503, "7")
    assert MESSAGE in response.content.decode()


def test_a_save_beyond_capacity_gets_the_message_for_its_form(planner, bkpsdm, full):
    response = planner.post(f"/renja/{bkpsdm.pk}/baris/0.0.0.0/simpan/",
                            {"version": bkpsdm.version}, HTTP_HX_REQUEST="true")
    assert (response.status_code, response.content.decode()) == (503, MESSAGE)
    bkpsdm.refresh_from_db()
    assert bkpsdm.version == 1  # nothing saved


def test_a_request_that_waited_too_long_at_the_proxy_is_not_worked_on(planner, bkpsdm,
                                                                       settings):
    settings.RENJA_MAX_QUEUE_SECONDS = 10
    late = f"t={time.time() - 12:.3f}"
    assert planner.get("/renja/", HTTP_X_REQUEST_START=late).status_code == 503
    fresh = f"t={(time.time() - 1) * 1000:.0f}"  # nginx's msec, or milliseconds
    assert planner.get("/renja/", HTTP_X_REQUEST_START=fresh).status_code == 200


def test_static_files_are_served_even_when_busy(anonymous, full):
    assert anonymous.get("/static/renja/renja.css").status_code == 200


def test_with_a_turn_free_the_page_is_served(planner, bkpsdm, settings):
    settings.RENJA_MAX_WORKING = 1
    assert planner.get(f"/renja/{bkpsdm.pk}/").status_code == 200


def test_when_enough_requests_wait_already_the_next_is_answered_at_once(planner, bkpsdm,
                                                                       settings, monkeypatch):
    settings.RENJA_MAX_WORKING, settings.RENJA_BUSY_WAIT, settings.RENJA_MAX_WAITING = 1, 30, 2
    monkeypatch.setattr(busy, "_waiting", [2])  # two requests wait for the one turn
    turn = busy.turns()
    assert turn.acquire(timeout=1)
    try:
        started = time.monotonic()
        assert planner.get(f"/renja/{bkpsdm.pk}/").status_code == 503
        assert time.monotonic() - started < 1  # not the 30 s a turn may be waited for
    finally:
        turn.release()
