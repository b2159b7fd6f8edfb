"""Twenty people writing to one plan at once, on SQLite and PostgreSQL: every accepted change
is in the plan and in the audit trail, every refused one was refused as stale, and a submit
racing the edits never loses one nor lets one in after it."""

from __future__ import annotations

import threading
from collections.abc import Callable

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.db import connection

from renja.edit import paths, set_value
from renja.web.plans import actions
from renja.web.plans.models import AuditEntry, Plan, StaleVersion
from renja.web.plans.permissions import ActionRefused

WRITERS = 20


@pytest.fixture
def plan(transactional_db) -> Plan:  # type: ignore[no-untyped-def]
    from django.conf import settings

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    if not Plan.objects.filter(perangkat_daerah__singkatan="BKPSDM").exists():
        call_command("renja_demo", verbosity=0)
    return Plan.objects.get(perangkat_daerah__singkatan="BKPSDM")


def run_together(jobs: list[Callable[[], object]]) -> list[object]:
    """Start every job at the same moment, each on its own thread and connection."""
    start = threading.Barrier(len(jobs))
    results: list[object] = [None] * len(jobs)

    def run(i: int) -> None:
        start.wait()
        try:
            results[i] = jobs[i]()
        except Exception as exc:  # the outcome is what the test looks at
            results[i] = exc
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(jobs))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    return results


def test_twenty_writers_with_the_same_version_one_wins_the_rest_are_stale(plan):
    planner = User.objects.get(username="perencana_bkpsdm")
    leaves = [p for p, node, _ in paths(plan.renja()) if not node.children][:WRITERS]
    jobs = [lambda path=path, i=i: actions.change_plan(
        plan.pk, planner, lambda renja: set_value(renja, path, "lokasi", f"Desa {i}"),
        plan.version) for i, path in enumerate(leaves)]
    results = run_together(jobs)
    won = [r for r in results if isinstance(r, Plan)]
    assert len(won) == 1
    assert all(isinstance(r, StaleVersion) for r in results if r not in won)
    after = Plan.objects.get(pk=plan.pk)
    assert after.version == plan.version + 1
    entries = AuditEntry.objects.filter(plan=plan, action="renja.nilai.ubah", field="lokasi")
    assert [e.new for e in entries] == [n for n in (
        node.lokasi for _, node, _ in paths(after.renja())) if n and n.startswith("Desa ")]


def test_twenty_writers_who_reload_when_refused_all_get_their_change_in(plan):
    planner = User.objects.get(username="perencana_bkpsdm")
    leaves = [p for p, node, _ in paths(plan.renja()) if not node.children][:WRITERS]

    def writer(path: str, value: str) -> int:
        refused = 0
        while True:
            version = Plan.objects.get(pk=plan.pk).version
            try:
                actions.change_plan(plan.pk, planner,
                                    lambda renja: set_value(renja, path, "lokasi", value),
                                    version)
                return refused
            except StaleVersion:
                refused += 1

    results = run_together([lambda p=p, i=i: writer(p, f"Desa {i}")
                            for i, p in enumerate(leaves)])
    assert all(isinstance(r, int) for r in results), results
    after = Plan.objects.get(pk=plan.pk)
    assert after.version == plan.version + len(leaves)
    renja = after.renja()
    assert [set_lokasi(renja, p) for p in leaves] == [f"Desa {i}" for i in range(len(leaves))]
    assert sorted(e.new for e in AuditEntry.objects.filter(
        plan=plan, action="renja.nilai.ubah", field="lokasi")) == sorted(
        f"Desa {i}" for i in range(len(leaves)))


def set_lokasi(renja, path):  # type: ignore[no-untyped-def]
    from renja.edit import node_at

    return node_at(renja, path).lokasi


def test_a_submit_racing_edits_keeps_every_accepted_edit_and_refuses_the_rest(plan):
    planner = User.objects.get(username="perencana_bkpsdm")
    leaves = [p for p, node, _ in paths(plan.renja()) if not node.children][:WRITERS - 1]

    def edit(path: str, value: str) -> object:
        while True:
            version = Plan.objects.get(pk=plan.pk).version
            try:
                return actions.change_plan(plan.pk, planner, lambda renja: set_value(
                    renja, path, "lokasi", value), version)
            except StaleVersion:
                continue

    jobs: list[Callable[[], object]] = [lambda p=p, i=i: edit(p, f"Desa {i}")
                                        for i, p in enumerate(leaves)]
    kepala = User.objects.get(username="kepala_bkpsdm")  # submitting writes the signature
    jobs.append(lambda: actions.submit(Plan.objects.get(pk=plan.pk), kepala))
    results = run_together(jobs)
    assert all(isinstance(r, Plan | ActionRefused) for r in results), results
    after = Plan.objects.get(pk=plan.pk)
    accepted = {f"Desa {i}" for i, r in enumerate(results[:-1]) if isinstance(r, Plan)}
    in_plan = {n.lokasi for _, n, _ in paths(after.renja()) if (n.lokasi or "").startswith("Desa")}
    assert in_plan == accepted
    assert after.status == "diajukan"
    assert after.versions.last().data == after.data  # the submission is what is stored
    entries = AuditEntry.objects.filter(plan=plan, action="renja.nilai.ubah", field="lokasi")
    assert {e.new for e in entries} == accepted
