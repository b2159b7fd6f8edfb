"""What the browser tests share: driving Debian's chromium with Playwright against the live
server, logging in as a persona, taking the cycle's steps, screenshots."""

from __future__ import annotations

import os
import shutil
import threading
import time
from pathlib import Path

from renja.web.accounts.views import DEMO_PASSWORD

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage"]
EXAMPLE = Path(__file__).parents[1] / "fixtures" / "perbup-pasuruan-147-2023-renja-bkpsdm-2024.txt"
SHOTS = os.environ.get("RENJA_SCREENSHOTS")


def settle(timeout: float = 10.0) -> None:
    """Wait until the live server has answered every request the browser sent, so that no
    request still writes while the test database is emptied (on PostgreSQL that emptying
    takes a table lock, and a late request deadlocked with it)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not any("process_request_thread" in t.name for t in threading.enumerate()):
            return
        time.sleep(0.05)


def log_in(page, username: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(page.base + "/masuk/")
    page.fill("#id_username", username)
    page.fill("#id_password", DEMO_PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url("**/renja/")


def open_row(page, row: str) -> None:  # type: ignore[no-untyped-def]
    """Click Ubah on a row and wait until its form is in place and has the focus (htmx has
    settled it: typing before that could land in a form about to be replaced)."""
    from playwright.sync_api import expect

    page.click(f"{row} >> text=Ubah")
    expect(page.locator(f"{row}.editing input[name=lokasi]")).to_be_focused()


def shot(page, name: str) -> None:  # type: ignore[no-untyped-def]
    if SHOTS:
        page.screenshot(path=str(Path(SHOTS) / f"{name}.png"))


def switch(page, username: str | None) -> None:  # type: ignore[no-untyped-def]
    page.context.clear_cookies()
    if username:
        log_in(page, username)


def open_plan(page, plan_id: int) -> None:  # type: ignore[no-untyped-def]
    page.goto(page.base + f"/renja/{plan_id}/")
    page.wait_for_selector("#siklus")


def do(page, action: str, **fields: str) -> None:  # type: ignore[no-untyped-def]
    form = page.locator(f"form.action-{action}")
    for name, value in fields.items():
        form.locator(f"[name={name}]").fill(value)
    form.locator("button[type=submit]").click()
    page.wait_for_selector(".messages")


def hand_over(page, plan_id: int, **signature: str) -> None:  # type: ignore[no-untyped-def]
    """The planner proposes the plan; the head of the agency approves and submits it."""
    from playwright.sync_api import expect

    switch(page, "perencana_bkpsdm")
    open_plan(page, plan_id)
    do(page, "propose")
    expect(page.locator("#status")).to_have_text("Menunggu persetujuan Kepala OPD")
    switch(page, "kepala_bkpsdm")
    open_plan(page, plan_id)
    do(page, "submit", **signature)
    expect(page.locator("#status")).to_have_text("Diajukan ke Bappeda")
