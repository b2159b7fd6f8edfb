"""Findings and parsed data are reused per saved version, never across versions."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.utils import timezone

from renja.rules import run_checks
from renja.web.plans import checked
from renja.web.plans.models import Plan


def test_findings_are_computed_once_per_saved_version(bkpsdm, monkeypatch):
    runs = []

    def counted(renja, lang="id", renstra=None):  # type: ignore[no-untyped-def]
        runs.append(lang)
        return run_checks(renja, lang=lang, renstra=renstra)

    monkeypatch.setattr(checked, "run_checks", counted)
    monkeypatch.setattr(checked, "_findings", checked.Recent(8))  # earlier tests saw bkpsdm
    cache.clear()  # and the shared cache too
    first = checked.findings(bkpsdm)
    assert checked.findings(bkpsdm) == first
    assert checked.findings(bkpsdm, lang="en") != first
    assert runs == ["id", "en"]
    assert checked.read_only(bkpsdm) is checked.read_only(bkpsdm)


def test_a_plan_saved_again_is_checked_again(bkpsdm):
    before = {f.rule for f in checked.findings(bkpsdm)}
    assert before  # the example has findings
    renja = bkpsdm.renja()
    renja.rencana.rows = []
    bkpsdm.store(renja, None, bkpsdm.version)
    after = checked.findings(Plan.objects.get(pk=bkpsdm.pk))
    assert {f.rule for f in after} != before
    assert checked.read_only(Plan.objects.get(pk=bkpsdm.pk)).rencana.rows == []


def test_the_same_id_and_version_with_other_data_is_not_mistaken(bkpsdm):
    """SQLite can give a new plan the id of one rolled back: the save time tells them apart."""
    checked.findings(bkpsdm)
    renja = bkpsdm.renja()
    renja.rencana.rows = []
    Plan.objects.filter(pk=bkpsdm.pk).update(data=Plan.dump(renja), updated_at=timezone.now())
    again = Plan.objects.get(pk=bkpsdm.pk)
    assert again.version == bkpsdm.version
    assert checked.read_only(again).rencana.rows == []


def test_a_renstra_changed_checks_the_plan_again(db):
    from renja.web.plans.models import AgencyRenstra

    dinkes = Plan.objects.get(perangkat_daerah__singkatan="DINKES")
    before = [f for f in checked.findings(dinkes) if f.family == "renstra"]
    assert [f.rule for f in before] == ["R005", "R005"]  # the demo's planted departures
    record = AgencyRenstra.objects.get(perangkat_daerah=dinkes.perangkat_daerah)
    renstra = record.renstra()
    for finding in before:
        row = renstra.by_kode(finding.kode or "")
        assert row is not None
        row.pagu[1] = None  # 2024: the Renstra says nothing, so nothing departs
    record.data, record.version = renstra.model_dump(mode="json", exclude_none=True), 2
    record.save()
    again = Plan.objects.get(pk=dinkes.pk)  # the next request's
    assert [f for f in checked.findings(again) if f.family == "renstra"] == []


def test_another_worker_rechecks_a_save_from_what_the_first_one_shared(bkpsdm, monkeypatch):
    """What each rule read is kept in the shared cache (Redis in production): a worker that
    did not check the version saved over still checks only what the change touched."""
    from renja.edit import roll_up, set_value
    from renja.edit_copy import row_copy
    from renja.web.plans import models

    renja = bkpsdm.renja()
    roll_up(renja)  # the example's sums made right, as its first save in the editor does
    bkpsdm.store(renja, None, bkpsdm.version)
    plan = Plan.objects.get(pk=bkpsdm.pk)
    monkeypatch.setattr(checked, "_checks", checked.Recent(8))  # another worker's memory
    monkeypatch.setattr(checked, "_plans", checked.Recent(8))
    monkeypatch.setattr(models, "check_plan", lambda *a, **k: pytest.fail("checked in full"))
    before = checked.read_only(plan)
    copy = row_copy(before, "0.0.0.0")
    assert copy is not None
    set_value(copy, "0.0.0.0", "belanja_barang_jasa_n", "1.000.000")
    plan.store(copy, None, plan.version, before=before)
    saved = Plan.objects.get(pk=bkpsdm.pk)
    assert checked.findings(saved) == run_checks(copy)
    assert checked.checks(saved, checked.renstra_of(saved)[1]).rechecked  # some rules again


def test_findings_in_the_shared_cache_are_not_reused_by_another_release(bkpsdm, monkeypatch):
    runs = []

    def counted(renja, lang="id", renstra=None):  # type: ignore[no-untyped-def]
        runs.append(lang)
        return run_checks(renja, lang=lang, renstra=renstra)

    monkeypatch.setattr(checked, "run_checks", counted)
    cache.clear()
    monkeypatch.setattr(checked, "_findings", checked.Recent(8))
    first = checked.findings(bkpsdm)
    monkeypatch.setattr(checked, "_findings", checked.Recent(8))  # another process, same code
    assert checked.findings(bkpsdm) == first and runs == ["id"]
    monkeypatch.setattr(checked, "_findings", checked.Recent(8))  # another release's process
    monkeypatch.setattr(checked, "checks_code", lambda: "another-release")
    assert checked.findings(bkpsdm) == first and runs == ["id", "id"]
