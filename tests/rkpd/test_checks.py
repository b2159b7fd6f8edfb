"""Cross-agency checks: on a generated pemda of 40 agencies each planted problem is found
exactly once, in the agency it was planted in; a consistent pemda has no finding; the small
cases show the exact messages and what is not a problem (cross-cutting and kecamatan codes)."""

from __future__ import annotations

import datetime

from renja.rkpd import PemdaPlans
from renja.rkpd.checks import PEMDA_RULES, check_pemda
from tests.rkpd.small import dinkes, kecamatan, rsud


def test_each_planted_problem_is_found_exactly_once(planted):
    findings = check_pemda(planted.pemda)
    assert sorted(f.rule for f in findings) == sorted(PEMDA_RULES)
    for f in findings:
        assert (f.perangkat_daerah or "-") == planted.planted[f.rule], f.message


def test_a_consistent_pemda_has_no_finding(consistent):
    assert check_pemda(consistent.pemda) == []


def test_a_sub_kegiatan_of_two_agencies_is_one_finding_naming_both():
    a, b = dinkes(), rsud()
    assert b.plan is not None
    b.plan.rencana.rows[0].children[1].children[0].children[0].kode = "1.02.02.2.01.0001"
    found = check_pemda(PemdaPlans("Kabupaten Contoh", 2025, [a, b]), only={"P001"})
    assert [(f.rule, f.severity, f.kode, f.perangkat_daerah, f.message) for f in found] == [
        ("P001", "error", "1.02.02.2.01.0001", "RSUD",
         "1.02.02.2.01.0001 (Rehabilitasi Rumah Sakit) direncanakan oleh 2 perangkat daerah: "
         "DINKES, RSUD")]


def test_cross_cutting_and_kecamatan_sub_kegiatan_may_be_planned_by_many():
    units = [dinkes(), rsud(), kecamatan("Kecamatan Bangil", 5), kecamatan("Kecamatan Beji", 7)]
    assert check_pemda(PemdaPlans("Kabupaten Contoh", 2025, units), only={"P001"}) == []


def test_a_code_the_pemda_lists_as_shared_is_not_a_duplicate():
    a, b = dinkes(), rsud()
    assert b.plan is not None
    b.plan.rencana.rows[0].children[1].children[0].children[0].kode = "1.02.02.2.01.0001"
    pemda = PemdaPlans("Kabupaten Contoh", 2025, [a, b], lintas=frozenset({"1.02.02.2.01.0001"}))
    assert check_pemda(pemda, only={"P001"}) == []


def test_it_names_the_program_outside_the_mandate_and_the_mandate():
    unit = dinkes()
    unit.bidang = ("1.01",)
    found = check_pemda(PemdaPlans("Kabupaten Contoh", 2025, [unit]), only={"P002"})
    assert [f.message for f in found] == [
        "DINKES: program 1.02.01 (PROGRAM PENUNJANG) berada di luar bidang urusan perangkat "
        "daerah (1.01)",
        "DINKES: program 1.02.02 (PROGRAM PEMENUHAN UPAYA KESEHATAN) berada di luar bidang "
        "urusan perangkat daerah (1.01)"]


def test_it_reports_the_total_and_a_sumber_dana_over_their_ceilings():
    unit = dinkes()
    unit.pagu, unit.pagu_sumber = 1_000_000_000, {"DAK Fisik": 650_000_000, "DAU": 20_000_000}
    found = check_pemda(PemdaPlans("Kabupaten Contoh", 2025, [unit]), only={"P003", "P004"})
    assert [(f.rule, f.expected, f.actual, f.message) for f in found] == [
        ("P003", "1.000.000.000", "1.010.000.000",
         "DINKES: pagu indikatif Rp 1.010.000.000 melebihi pagu Rp 1.000.000.000 sebesar Rp "
         "10.000.000"),
        ("P004", "650.000.000", "700.000.000",
         "DINKES: sumber dana DAK Fisik Rp 700.000.000 melebihi pagu Rp 650.000.000 sebesar Rp "
         "50.000.000")]


def test_a_plan_is_late_when_its_stage_deadline_passed_before_it_was_submitted():
    early, submitted, behind = dinkes(), rsud(), kecamatan("Kecamatan Beji", 7)
    early.tahapan, early.status = "rancangan_awal", "draf"
    submitted.tahapan, submitted.status = "rancangan_awal", "diajukan"
    behind.tahapan, behind.status = "rancangan_awal", "diterima"
    pemda = PemdaPlans("Kabupaten Contoh", 2025, [early, submitted, behind],
                       jadwal={"rancangan_awal": datetime.date(2024, 1, 31),
                               "rancangan": datetime.date(2024, 2, 28)},
                       tanggal=datetime.date(2024, 2, 10))
    assert [f.message for f in check_pemda(pemda, only={"P006"})] == [
        "DINKES: Renja masih pada tahap Rancangan awal (Draf), tenggat tahap Rancangan awal "
        "31-01-2024 telah lewat"]
    pemda.tanggal = datetime.date(2024, 3, 1)
    assert [f.perangkat_daerah for f in check_pemda(pemda, only={"P006"})] == [
        "DINKES", "RSUD", "Kecamatan Beji"]


def test_it_reports_a_missing_plan_and_a_total_the_plans_do_not_reach():
    missing = rsud()
    missing.plan = None
    pemda = PemdaPlans("Kabupaten Contoh", 2025, [dinkes(), missing], total_rkpd=1_100_000_000)
    assert [(f.rule, f.message) for f in check_pemda(pemda, only={"P005", "P008"})] == [
        ("P005", "RSUD belum memiliki Renja tahun 2025"),
        ("P008", "Jumlah pagu indikatif 1 perangkat daerah Rp 1.010.000.000 tidak sama dengan "
                 "total RKPD Rp 1.100.000.000 (selisih Rp 90.000.000)")]


def test_one_indicator_of_one_program_with_two_targets_is_reported_once():
    a, b = dinkes(), rsud()
    assert b.plan is not None and a.plan is not None
    found = check_pemda(PemdaPlans("Kabupaten Contoh", 2025, [a, b]), only={"P007"})
    assert found == []  # same target in both
    b.plan.rencana.rows[0].children[1].indikator[0].target_n = \
        a.plan.rencana.rows[0].children[1].indikator[0].target_n.model_copy(
            update={"text": "75%", "value": 75})
    found = check_pemda(PemdaPlans("Kabupaten Contoh", 2025, [a, b]), only={"P007"})
    assert [f.message for f in found] == [
        "1.02.02 indikator 'Persentase layanan tuntas': target 80% (DINKES), 75% (RSUD)"]


def test_messages_are_in_english_when_asked():
    unit = dinkes()
    unit.pagu = 1
    found = check_pemda(PemdaPlans("Kabupaten Contoh", 2025, [unit]), lang="en",
                        only={"P003"})
    assert found[0].message == ("DINKES: pagu indikatif Rp 1.010.000.000 is over the ceiling "
                                "Rp 1 by Rp 1.009.999.999")


def test_an_agency_without_a_plan_at_the_stage_compiled_is_told_so():
    missing = rsud()
    missing.plan = None
    pemda = PemdaPlans("Kabupaten Contoh", 2025, [missing], tahapan="rancangan_akhir")
    assert [f.message for f in check_pemda(pemda, only={"P005"})] == [
        "RSUD belum memiliki Renja tahun 2025 tahap Rancangan akhir"]
