"""The demo tells the truth: generated plans are marked as examples everywhere, fit their
agency, and come with a ranwal RKPD and ceilings to try T-C.31 and ceilings with."""

from __future__ import annotations

from django.test import Client

from renja.web.accounts.models import PaguCeiling
from renja.web.plans.models import Plan, RanwalItem

MARK = "contoh, data sintetis"


def test_generated_plans_are_marked_as_examples_and_the_real_one_is_not(planner, verifier,
                                                                         published, bkpsdm):
    listing = verifier.get("/renja/").content.decode()
    rows = {line.split("</a>")[0].rsplit(">", 1)[-1]: MARK in line
            for line in listing.split("<tr>") if "plan_detail" in line or "/renja/" in line}
    assert rows.get("Badan Kepegawaian dan Pengembangan Sumber Daya Manusia") is False
    assert rows.get("Dinas Pendidikan") is True
    assert MARK in verifier.get("/verifikasi/").content.decode()
    assert MARK not in planner.get(f"/renja/{bkpsdm.pk}/").content.decode()
    public = Client()
    assert MARK in public.get("/publik/").content.decode()
    assert MARK in public.get(f"/publik/{published.pk}/").content.decode()


def test_the_document_of_a_generated_plan_says_it_is_an_example(published):
    from renja.io.text.read import parse_text
    from renja.io.text.write import render_text

    text = render_text(published.renja())
    assert "CONTOH, DATA SINTETIS: bukan Renja perangkat daerah yang sebenarnya" in text
    assert parse_text(text, "contoh.txt").renja.contoh is True


def test_the_demo_has_a_ranwal_and_ceilings(planner, bkpsdm):
    assert RanwalItem.objects.filter(perangkat_daerah=bkpsdm.perangkat_daerah).count() > 40
    ceiling = PaguCeiling.objects.get(perangkat_daerah=bkpsdm.perangkat_daerah, tahun=2024)
    assert ceiling.pagu >= bkpsdm.renja().rencana.total.pagu_n
    response = planner.post(f"/renja/{bkpsdm.pk}/tabel/tc31/susun/", {"version": bkpsdm.version})
    assert response.status_code == 200
    assert Plan.objects.get(pk=bkpsdm.pk).renja().tc31.total_ranwal == 22_145_310_718


def test_the_demo_drafts_carry_the_mistakes_real_documents_have(db):
    from renja.rules import run_checks
    from renja.web.plans.models import Plan

    found = {p.perangkat_daerah.singkatan: {f.rule for f in run_checks(p.renja())}
             for p in Plan.objects.filter(perangkat_daerah__singkatan__in=(
                 "DINKES", "DLH", "BAPPEDA"))}
    assert {"U001", "L005"} <= found["DINKES"]  # a parent's pagu; realisasi between tables
    assert "U008" in found["DLH"]  # a kegiatan with a pagu and no sub kegiatan
    assert {"U001", "H006"} <= found["BAPPEDA"]  # a table title of an older year
    counts = {p.perangkat_daerah.singkatan: p.n_errors + p.n_warnings
              for p in Plan.objects.filter(status="draf")}
    assert all(counts[k] > 0 for k in ("DINKES", "DLH", "BAPPEDA"))
