"""Findings and parsed data are reused per saved version, never across versions."""

from __future__ import annotations

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
    assert [f for f in checked.findings(dinkes) if f.family == "renstra"] == []
