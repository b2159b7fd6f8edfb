"""A plan of the 2021 list moved to a later nomenclature in the browser's pages: the page lists
only rows that change, proposing changes nothing, each accepted row is moved through the write
path with its mapping on the audit trail, a removed code takes the candidate chosen, and a stale
or foreign request is refused."""

from __future__ import annotations

import re

import pytest

from renja.nomenklatur import default_catalogue
from renja.web.accounts.models import PerangkatDaerah
from renja.web.plans.models import AuditEntry, Plan
from tests.nomenklatur.later import LATER, later_catalogue, plan_2021


@pytest.fixture
def later(tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    later_catalogue(tmp_path)
    monkeypatch.setenv("RENJA_NOMENKLATUR", str(tmp_path / "katalog"))
    default_catalogue.cache_clear()
    yield
    default_catalogue.cache_clear()


@pytest.fixture
def old_plan(db) -> Plan:  # type: ignore[no-untyped-def]
    return Plan.create_from(plan_2021(), tahapan="rancangan",
                            perangkat_daerah=PerangkatDaerah.objects.get(singkatan="BKPSDM"))


def test_the_page_lists_the_rows_that_change_and_changes_nothing(later, old_plan, planner):
    html = planner.get(f"/renja/{old_plan.pk}/nomenklatur/").content.decode()
    assert "7 baris perlu ditinjau; 6 baris tetap." in html
    assert html.count('<button type="submit">Terima</button>') == 7
    assert "5.03.02.2.01.0013" in html and "digabung" in html and "dihapus" in html
    assert Plan.objects.get(pk=old_plan.pk).version == old_plan.version


def test_each_accepted_row_moves_and_is_audited(later, old_plan, planner):
    response = planner.post(f"/renja/{old_plan.pk}/nomenklatur/terima/", {
        "versi": LATER.id, "path": "0.1.0.1", "kode_lama": "5.03.02.2.01.0003",
        "version": old_plan.version}, follow=True)
    assert "5.03.02.2.01.0003 dipindahkan ke 5.03.02.2.01.0013." in response.content.decode()
    plan = Plan.objects.get(pk=old_plan.pk)
    codes = [n.kode for n in plan.renja().rencana.walk() if n.level == "sub_kegiatan"]
    assert codes[2] == "5.03.02.2.01.0013"
    entry = AuditEntry.objects.get(plan=plan, action="renja.nomenklatur.pindah")
    assert (entry.old, entry.new, entry.note) == (
        "5.03.02.2.01.0003", "5.03.02.2.01.0013", "pindah kode, ke nomenklatur contoh-2025")
    removed = planner.post(f"/renja/{plan.pk}/nomenklatur/terima/", {
        "versi": LATER.id, "path": "0.1.0.5", "kode_lama": "5.03.02.2.01.0007",
        "kode_baru": "5.03.02.2.01.0014", "version": plan.version}, follow=True)
    assert "5.03.02.2.01.0007 dipindahkan ke 5.03.02.2.01.0014." in removed.content.decode()
    html = planner.get(f"/renja/{plan.pk}/nomenklatur/").content.decode()
    assert "5 baris perlu ditinjau; 8 baris tetap." in html


def test_a_stale_or_unproposed_choice_is_refused(later, old_plan, planner):
    stale = planner.post(f"/renja/{old_plan.pk}/nomenklatur/terima/", {
        "versi": LATER.id, "path": "0.1.0.1", "kode_lama": "5.03.02.2.01.0003",
        "version": old_plan.version - 1})
    assert stale.status_code == 409
    assert "perubahan Anda tidak disimpan" in stale.content.decode()
    chosen = planner.post(f"/renja/{old_plan.pk}/nomenklatur/terima/", {
        "versi": LATER.id, "path": "0.1.0.5", "kode_lama": "5.03.02.2.01.0007",
        "kode_baru": "1.01.02.2.01.0001", "version": old_plan.version})
    assert chosen.status_code == 422
    assert "&#x27;1.01.02.2.01.0001&#x27; bukan kode yang diusulkan" in \
        chosen.content.decode()
    assert Plan.objects.get(pk=old_plan.pk).version == old_plan.version


def test_the_verifier_reads_the_proposals_but_cannot_accept(later, old_plan, verifier):
    html = verifier.get(f"/renja/{old_plan.pk}/nomenklatur/").content.decode()
    assert "7 baris perlu ditinjau" in html and "Terima</button>" not in html
    refused = verifier.post(f"/renja/{old_plan.pk}/nomenklatur/terima/", {
        "versi": LATER.id, "path": "0.1.0.1", "kode_lama": "5.03.02.2.01.0003",
        "version": old_plan.version})
    assert refused.status_code == 403


def test_without_a_newer_version_the_page_says_so(bkpsdm, planner):
    html = planner.get(f"/renja/{bkpsdm.pk}/nomenklatur/").content.decode()
    assert "Tidak ada versi nomenklatur lain di katalog" in html


def test_bappeda_sees_every_plan_of_the_year_and_downloads_all_proposals(later, old_plan,
                                                                          verifier, planner):
    html = verifier.get("/nomenklatur/?tahun=2025").content.decode()
    table = html.split('id="nomenklatur-pemda"')[1]
    row = next(r for r in table.split("<tr>") if "Badan Kepegawaian" in r)
    cells = re.findall(r'<td class="num">(?:<strong>)?(\d+)', row)
    # renamed, moved, merged, removed, unknown to the old list; rows to review
    assert cells == ["2", "2", "2", "1", "0", "7"]
    response = verifier.get("/nomenklatur/?tahun=2025&format=csv")
    lines = response.content.decode().splitlines()
    assert lines[0].startswith("perangkat_daerah,renja,baris,level,kode_lama")
    assert len(lines) == 8
    assert planner.get("/nomenklatur/").status_code == 403
