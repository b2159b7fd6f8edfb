from decimal import Decimal

import pytest

from renja.calc.capaian import (
    Band,
    capaian,
    combine,
    daya_serap,
    infer_agregasi,
    infer_polaritas,
    predikat,
)
from renja.calc.evaluation import tc29_expected
from renja.calc.rollup import belanja_total, children_pagu, operasi_parts, total_of
from renja.domain import Belanja, PlanNode, Tc29Indikator, parse_target

D = Decimal


def test_capaian_is_realisasi_over_target():
    assert capaian(D(80), D(60)) == D(75)
    assert capaian(D(6), D(6)) == D(100)


def test_capaian_of_a_lower_is_better_indicator_is_target_over_realisasi():
    assert capaian(D("0.15"), D("0.12"), "negatif") == D(125)


@pytest.mark.parametrize(("target", "realisasi", "polaritas"), [
    (D(0), D(0), "positif"), (D(0), D(5), "positif"), (D(5), D(0), "negatif"),
    (None, D(1), "positif"), (D(1), None, "positif")])
def test_capaian_is_undefined_for_zero_divisors_and_missing_values(target, realisasi, polaritas):
    assert capaian(target, realisasi, polaritas) is None


@pytest.mark.parametrize(("value", "expected"), [
    (D(100), "Sangat Tinggi"), (D(91), "Sangat Tinggi"), (D("90.99"), "Tinggi"),
    (D(76), "Tinggi"), (D(75), "Sedang"), (D(66), "Sedang"), (D(65), "Rendah"),
    (D(51), "Rendah"), (D(50), "Sangat Rendah"), (D(0), "Sangat Rendah"), (None, None)])
def test_predikat_uses_the_common_bands(value, expected):
    assert predikat(value) == expected


def test_predikat_bands_are_configurable():
    bands = [Band("Baik", D(80)), Band("Kurang", D("-Infinity"))]
    assert (predikat(D(80), bands), predikat(D("79.9"), bands)) == ("Baik", "Kurang")


def test_daya_serap():
    assert daya_serap(11_640_829_646, 14_158_871_237).quantize(D("0.01")) == D("82.22")
    assert daya_serap(1, 0) is None
    assert daya_serap(None, 10) is None


def test_values_combine_by_aggregation():
    values = [D(2), None, D(5)]
    assert combine(values, "jumlah") == D(7)
    assert combine(values, "terakhir") == D(5)
    assert combine(values, "rata_rata") == D("3.5")
    assert combine([None], "jumlah") is None


def test_polarity_and_aggregation_are_inferred_from_the_name_unless_stated():
    assert infer_polaritas("Persentase pelanggaran disiplin") == "negatif"
    assert infer_polaritas("Persentase pegawai yang lulus diklat") == "positif"
    assert infer_polaritas("Persentase pelanggaran disiplin", "positif") == "positif"
    assert infer_agregasi("Indeks Profesionalitas ASN", None) == "terakhir"
    assert infer_agregasi("Jumlah dokumen", "dok") is None
    assert infer_agregasi("Jumlah dokumen", "dok", "jumlah") == "jumlah"


def test_sums_of_unknowns_are_unknown():
    assert total_of([1, 2]) == 3
    assert total_of([1, None]) is None


def test_roll_ups_of_pagu_and_belanja():
    parent = PlanNode(nama="K", pagu_n=30, children=[PlanNode(nama="a", pagu_n=10),
                                                      PlanNode(nama="b", pagu_n=20)])
    assert children_pagu(parent, "n") == 30
    assert children_pagu(parent, "n1") is None
    assert children_pagu(PlanNode(nama="leaf"), "n") is None
    b = Belanja(operasi=None, pegawai=5, barang_jasa=7, modal=3)
    assert operasi_parts(b) == 12
    assert belanja_total(b) == 15
    assert belanja_total(Belanja()) is None


def test_tc29_expected_columns():
    ind = Tc29Indikator(nama="Jumlah dokumen", target_renstra=parse_target("10 dok"),
                        realisasi_sd_n3=parse_target("2 dok"), target_n2=parse_target("4 dok"),
                        realisasi_n2=parse_target("3 dok"), target_n1=parse_target("4 dok"))
    expected = tc29_expected(ind)
    assert expected.tingkat_realisasi_n2 == D(75)
    assert expected.realisasi_sd_n1 == (D(9), D(4))
    stock = Tc29Indikator(nama="Indeks kepuasan", realisasi_sd_n3=parse_target("70"),
                          realisasi_n2=parse_target("72"), target_n1=parse_target("74"),
                          target_renstra=parse_target("80"), realisasi_sd_n1=parse_target("74"))
    assert tc29_expected(stock).realisasi_sd_n1 == (D(74),)
    assert tc29_expected(stock).capaian_renstra == D("92.5")


@pytest.mark.parametrize(("nama", "polaritas"), [
    ("Persentase pelanggaran disiplin", "negatif"),
    ("Angka kematian ibu", "negatif"),
    ("Prevalensi stunting", "negatif"),
    ("Jumlah kasus DBD", "negatif"),
    ("Persentase penduduk miskin", "negatif"),
    ("Persentase penyelesaian pengaduan masyarakat", "positif"),
    ("Jumlah Pengelolaan Pengaduan Masyarakat", "positif"),
    ("Penanggulangan pencemaran dan/atau kerusakan lingkungan", "positif"),
])
def test_polarity_is_negative_only_for_indicators_that_measure_something_bad(nama, polaritas):
    assert infer_polaritas(nama) == polaritas
