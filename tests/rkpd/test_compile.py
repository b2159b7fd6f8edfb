"""The RKPD compile: rows grouped by urusan, bidang and agency; every group row the sum of the
rows directly under it; the TOTAL the sum of the agencies' plans; ceilings per sumber dana."""

from __future__ import annotations

from renja.calc.rollup import plan_total
from renja.rkpd import PemdaPlans, compile_rkpd
from tests.rkpd.small import dinkes, kecamatan, rsud


def test_it_groups_rows_by_urusan_bidang_and_agency_with_their_sums():
    pemda = PemdaPlans("Kabupaten Contoh", 2025, [kecamatan("Kecamatan Bangil", 5_000_000),
                                                 dinkes(), rsud()])
    rkpd = compile_rkpd(pemda)
    heads = [(r.kind, r.kode, r.nama, r.pagu_n) for r in rkpd.rows
             if r.kind in ("urusan", "bidang", "unit", "total")]
    assert heads == [
        ("urusan", "1", "URUSAN PEMERINTAHAN WAJIB YANG BERKAITAN DENGAN PELAYANAN DASAR",
         1_052_000_000),
        ("bidang", "1.02", "URUSAN PEMERINTAHAN BIDANG KESEHATAN", 1_052_000_000),
        ("unit", "1.02", "Dinas Kesehatan", 1_010_000_000),
        ("unit", "1.02", "RSUD Bangil", 42_000_000),
        ("urusan", "7", "UNSUR KEWILAYAHAN", 5_000_000),
        ("bidang", "7.01", "KECAMATAN", 5_000_000),
        ("unit", "7.01", "Kecamatan Bangil", 5_000_000),
        ("total", "", "TOTAL", 1_057_000_000),
    ]
    assert rkpd.total.pagu_n1 == 2 * 1_057_000_000
    under_rsud = [r.kode for r in rkpd.rows if r.unit is not None and r.unit.nama == "RSUD Bangil"
                  and r.kind != "unit"]
    assert under_rsud == ["1.02.01", "1.02.01.2.01", "1.02.01.2.01.0001", "1.02.02",
                          "1.02.02.2.01", "1.02.02.2.01.0003"]


def test_its_total_is_the_sum_of_the_forty_plans(planted):
    rkpd = compile_rkpd(planted.pemda)
    expected = sum(plan_total(u.plan, "n") for u in planted.pemda.units if u.plan)
    assert rkpd.total.pagu_n == expected
    assert rkpd.total.pagu_n1 == sum(plan_total(u.plan, "n1") for u in planted.pemda.units
                                     if u.plan)


def test_an_agency_with_programs_of_two_bidang_appears_under_both(planted):
    rkpd = compile_rkpd(planted.pemda)
    where = {r.parent and rkpd.rows[r.parent].kode for r in rkpd.rows
             if r.kind == "unit" and r.unit and r.unit.label == planted.planted["P002"]}
    assert len(where) == 2


def test_ceilings_compare_the_total_and_each_named_sumber_dana():
    unit = dinkes()
    unit.pagu, unit.pagu_sumber = 1_000_000_000, {"dak fisik": 650_000_000, "DAU": 20_000_000}
    rkpd = compile_rkpd(PemdaPlans("Kabupaten Contoh", 2025, [unit]))
    found = [(c.sumber_dana, c.pagu, c.ceiling, c.selisih, c.over) for c in rkpd.ceilings]
    assert found == [(None, 1_010_000_000, 1_000_000_000, -10_000_000, True),
                     ("dak fisik", 700_000_000, 650_000_000, -50_000_000, True),
                     ("DAU", 10_000_000, 20_000_000, 10_000_000, False)]


def test_a_program_without_a_pagu_adds_nothing_to_the_agency_or_the_total():
    unit = dinkes()
    assert unit.plan is not None
    unit.plan.rencana.rows[0].children[0].pagu_n = None  # the cross-cutting program
    unit.pagu = 1_000_000_000
    rkpd = compile_rkpd(PemdaPlans("Kabupaten Contoh", 2025, [unit]))
    assert unit.total == 1_000_000_000
    assert rkpd.total.pagu_n == 1_000_000_000
    assert [(c.pagu, c.over) for c in rkpd.ceilings] == [(1_000_000_000, False)]
