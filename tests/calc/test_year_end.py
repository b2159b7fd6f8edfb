"""Next year's T-C.29 generated from the plan of n-2, its quarters and the plan of n-1."""

from __future__ import annotations

from decimal import Decimal

from renja.calc.year_end import generate_tc29
from renja.domain import parse_target
from tests.calc.test_e81 import plan, reported


def last_year():  # type: ignore[no-untyped-def]
    renja = plan()
    renja.tahun = 2026
    program = renja.rencana.rows[0]
    program.indikator[0].target_n = parse_target("85%")
    program.children[0].indikator[0].target_n = parse_target("12 dok")
    return renja


def row(tc29, kode):  # type: ignore[no-untyped-def]
    return next(r for r in tc29.rows if r.kode == kode)


def test_a_cumulative_indicator_adds_last_estimate_the_year_and_next_target():
    tc29 = generate_tc29(plan(), reported(), last_year())
    [k] = row(tc29, "2.15.02.2.01").indikator
    got = [t.text if t else None for t in (
        k.target_renstra, k.realisasi_sd_n3, k.target_n2, k.realisasi_n2,
        k.tingkat_realisasi_n2, k.target_n1, k.realisasi_sd_n1, k.capaian_renstra)]
    assert got == ["50 dok", "30 dok", "10 dok", "11 dok", "110,00%", "12 dok", "53 dok",
                   "106,00%"]


def test_a_level_indicator_takes_the_latest_value():
    [p] = row(generate_tc29(plan(), reported(), last_year()), "2.15.02").indikator
    assert (p.realisasi_n2.value, p.tingkat_realisasi_n2.text) == (Decimal(84), "105,00%")
    assert (p.realisasi_sd_n1.text, p.capaian_renstra.text) == ("85%", "94,44%")


def test_without_next_year_s_plan_the_prakiraan_maju_is_the_target_n1():
    before = plan()
    before.rencana.rows[0].children[0].indikator[0].target_n1 = parse_target("9 dok")
    [k] = row(generate_tc29(before, reported()), "2.15.02.2.01").indikator
    assert (k.target_n1.text, k.realisasi_sd_n1.text) == ("9 dok", "50 dok")


def test_an_indicator_never_reported_has_no_realisation_and_no_formula():
    data = reported()
    data.indikator = data.indikator[1:]  # the program's indicator not reported
    [p] = row(generate_tc29(plan(), data), "2.15.02").indikator
    assert (p.realisasi_n2, p.tingkat_realisasi_n2) == (None, None)
    assert generate_tc29(plan(), data).judul.endswith("s/d Tahun 2026")
