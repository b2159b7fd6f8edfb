"""E.81, the quarterly evaluation: every column's formula with exact values, the kinds of
indicator, empty quarters, zero targets and realisations, weights, and the predikat bands."""

from __future__ import annotations

from decimal import Decimal

import pytest

from renja.calc.capaian import Band, predikat, rounded
from renja.calc.e81 import evaluate
from renja.domain import (
    Indikator,
    Pemda,
    PerangkatDaerah,
    PlanNode,
    Renja,
    Tc29Indikator,
    Tc29Row,
    parse_target,
)
from renja.domain.realisasi import (
    CatatanTriwulan,
    Realisasi,
    RealisasiAnggaran,
    RealisasiIndikator,
)

D = Decimal


def ind(nama: str, target: str, renstra: str | None = None, **kw: object) -> Indikator:
    return Indikator(nama=nama, target_n=parse_target(target),
                     target_renstra=parse_target(renstra) if renstra else None, **kw)


def plan() -> Renja:
    """A program with a level indicator, a kegiatan with a cumulative one, and two sub
    kegiatan: one counting reports, one where lower is better."""
    laporan = PlanNode(level="sub_kegiatan", kode="2.15.02.2.01.0001", nama="Penyusunan laporan",
                       indikator=[ind("Jumlah laporan yang disusun", "12 lap", "60 lap")],
                       pagu_n=100_000_000)
    disiplin = PlanNode(level="sub_kegiatan", kode="2.15.02.2.01.0002", nama="Penegakan disiplin",
                        indikator=[ind("Persentase pelanggaran disiplin pegawai", "5%", "4%")],
                        pagu_n=50_000_000)
    kegiatan = PlanNode(level="kegiatan", kode="2.15.02.2.01", nama="Pengendalian",
                        indikator=[ind("Jumlah dokumen pengendalian", "10 dok", "50 dok")],
                        pagu_n=150_000_000, children=[laporan, disiplin])
    program = PlanNode(level="program", kode="2.15.02", nama="Program Lalu Lintas",
                       indikator=[ind("Persentase ruas jalan berambu", "80%", "90%")],
                       pagu_n=150_000_000, children=[kegiatan])
    renja = Renja(tahun=2025, pemda=Pemda(nama="Kabupaten Lembah Hijau"),
                  perangkat_daerah=PerangkatDaerah(nama="Dinas Perhubungan", singkatan="DISHUB"))
    renja.rencana.rows = [program]
    renja.tc29.rows = [Tc29Row(kode="2.15.02.2.01", nama="Pengendalian", indikator=[
        Tc29Indikator(nama="Jumlah dokumen pengendalian",
                      realisasi_sd_n1=parse_target("30 dok"))])]
    return renja


def reported() -> Realisasi:
    return Realisasi(tahun=2025, indikator=[
        RealisasiIndikator(kode="2.15.02", indikator="Persentase ruas jalan berambu",
                           triwulan=[D(60), D(70), D(75), D(84)]),
        RealisasiIndikator(kode="2.15.02.2.01", indikator="Jumlah dokumen pengendalian",
                           triwulan=[D(2), D(3), D(2), D(4)]),
        RealisasiIndikator(kode="2.15.02.2.01.0001", indikator="Jumlah laporan yang disusun",
                           triwulan=[D(3), D(3), D(3), D(3)]),
        RealisasiIndikator(kode="2.15.02.2.01.0002",
                           indikator="Persentase pelanggaran disiplin pegawai",
                           triwulan=[D(8), D(6), D(5), D(4)]),
    ], anggaran=[
        RealisasiAnggaran(kode="2.15.02.2.01.0001",
                          triwulan=[20_000_000, 25_000_000, 25_000_000, 30_000_000]),
        RealisasiAnggaran(kode="2.15.02.2.01.0002",
                          triwulan=[10_000_000, 10_000_000, 12_000_000, None]),
    ], catatan=[CatatanTriwulan(triwulan=4, faktor_pendorong="Dukungan anggaran",
                                faktor_penghambat="Cuaca", tindak_lanjut="Percepatan")])


def by_kode(e81, kode):  # type: ignore[no-untyped-def]
    return next(row for row in e81.rows if row.kode == kode)


def test_a_cumulative_indicator_adds_its_quarters_and_last_year_s_renstra_realisation():
    [k] = by_kode(evaluate(plan(), reported()), "2.15.02.2.01").indikator
    assert (k.agregasi, k.polaritas) == ("jumlah", "positif")
    assert (k.target_renstra, k.realisasi_renstra_lalu, k.target) == (D(50), D(30), D(10))
    assert k.triwulan == (D(2), D(3), D(2), D(4))
    assert k.realisasi == D(11)  # (12) = 8+9+10+11
    assert k.realisasi_renstra == D(41)  # (13) = 6 + 12
    assert k.capaian_renstra == D(82)  # (14) = 41 / 50
    assert k.capaian_renja == D(110)  # 11 / 10


def test_a_level_indicator_takes_the_last_reported_quarter():
    [p] = by_kode(evaluate(plan(), reported()), "2.15.02").indikator
    assert p.agregasi == "terakhir"
    assert (p.realisasi, p.realisasi_renstra) == (D(84), D(84))
    assert rounded(p.capaian_renstra) == D("93.33")  # 84 / 90
    assert p.capaian_renja == D(105)  # 84 / 80


def test_lower_is_better_divides_the_target_by_the_realisation():
    [n] = by_kode(evaluate(plan(), reported()), "2.15.02.2.01.0002").indikator
    assert (n.polaritas, n.realisasi) == ("negatif", D(4))
    assert n.capaian_renja == D(125)  # 5 / 4
    assert n.capaian_renstra == D(100)  # 4 / 4


def test_up_to_a_quarter_the_later_quarters_count_as_not_reported():
    e81 = evaluate(plan(), reported(), sampai_triwulan=2)
    [k] = by_kode(e81, "2.15.02.2.01").indikator
    assert k.triwulan == (D(2), D(3), None, None)
    assert (k.realisasi, k.capaian_renja) == (D(5), D(50))
    [p] = by_kode(e81, "2.15.02").indikator
    assert p.realisasi == D(70)  # the last quarter reported so far
    row = by_kode(e81, "2.15.02.2.01.0001")
    assert (row.anggaran_triwulan, row.anggaran) == ((20_000_000, 25_000_000, None, None),
                                                     45_000_000)


def test_money_adds_up_from_the_sub_kegiatan_and_gives_the_daya_serap():
    e81 = evaluate(plan(), reported())
    kegiatan = by_kode(e81, "2.15.02.2.01")
    assert kegiatan.anggaran_triwulan == (30_000_000, 35_000_000, 37_000_000, 30_000_000)
    assert (kegiatan.pagu, kegiatan.anggaran) == (150_000_000, 132_000_000)
    assert kegiatan.serapan == D(88)
    assert (e81.pagu, e81.anggaran, e81.daya_serap) == (150_000_000, 132_000_000, D(88))


def test_the_footer_averages_the_capaian_with_weights_and_names_its_predikat():
    e81 = evaluate(plan(), reported())
    # (14): program 93,33…, kegiatan 82; the two sub kegiatan: reports have no Renstra
    # realisation before this year (T-C.29 lacks them), so only the pelanggaran one: 100
    assert rounded(e81.rata_rata_capaian) == D("91.78")
    assert e81.predikat == "Sangat Tinggi"
    assert e81.catatan.faktor_penghambat == "Cuaca"
    weighted = reported()
    weighted.indikator[1].bobot = D(3)  # the kegiatan's indicator counts three times
    e81 = evaluate(plan(), weighted)
    assert rounded(e81.rata_rata_capaian) == D("87.87")  # (93,33 + 3 × 82 + 100) / 5
    assert e81.predikat == "Tinggi"
    renja = evaluate(plan(), reported(), dasar="renja")
    # (12)/(7): 105, 110, 100, 125
    assert renja.rata_rata_capaian == D(110)


@pytest.mark.parametrize(("target", "quarters", "expected"), [
    ("0 dok", [D(1), None, None, None], None),  # a target of 0: no capaian
    ("10 dok", [D(0), D(0), None, None], D(0)),  # nothing done yet
    ("10 dok", [None, None, None, None], None),  # nothing reported
])
def test_zero_targets_zero_and_missing_realisation(target, quarters, expected):
    renja = plan()
    renja.rencana.rows[0].children[0].indikator[0].target_n = parse_target(target)
    data = reported()
    data.indikator[1].triwulan = quarters
    [k] = by_kode(evaluate(renja, data), "2.15.02.2.01").indikator
    assert k.capaian_renja == expected


def test_a_realisation_of_zero_where_lower_is_better_has_no_capaian():
    data = reported()
    data.indikator[3].triwulan = [D(0), D(0), D(0), D(0)]
    [n] = by_kode(evaluate(plan(), data), "2.15.02.2.01.0002").indikator
    assert (n.realisasi, n.capaian_renja, n.capaian_renstra) == (D(0), None, None)


def test_a_stated_kind_overrides_the_one_read_from_the_name():
    data = reported()
    data.indikator[0].agregasi = "rata_rata"
    [p] = by_kode(evaluate(plan(), data), "2.15.02").indikator
    assert p.realisasi == D("72.25")  # (60+70+75+84)/4


@pytest.mark.parametrize(("value", "band"), [
    (D(91), "Sangat Tinggi"), (D("90.995"), "Sangat Tinggi"), (D("90.5"), "Tinggi"),
    (D(76), "Tinggi"), (D("75.99"), "Sedang"), (D(66), "Sedang"), (D(65), "Rendah"),
    (D(51), "Rendah"), (D("50.99"), "Sangat Rendah"), (D(0), "Sangat Rendah"),
])
def test_the_default_bands_and_their_boundaries(value, band):
    assert predikat(rounded(value)) == band


def test_a_pemda_sets_its_own_bands():
    bands = (Band("Baik", D(80)), Band("Cukup", D(60)), Band("Kurang", D("-Infinity")))
    assert [predikat(D(v), bands) for v in (80, 79, 60, 10)] == ["Baik", "Cukup", "Cukup",
                                                                  "Kurang"]
    e81 = evaluate(plan(), reported(), bands=bands)
    assert e81.predikat == "Baik"


@pytest.mark.parametrize(("text", "message"), [
    ("Baik\nKurang", "baris 1: 'Baik' perlu '≥ angka' (hanya baris terakhir yang tanpa batas)"),
    ("Baik >= 60\nCukup >= 80\nKurang", "baris 2: batas bawah harus makin kecil dari baris "
                                        "ke baris"),
    ("Baik >= 60\nCukup >= 50", "tulis sedikitnya dua predikat, yang terakhir tanpa batas "
                                "bawah"),
])
def test_bands_written_wrong_are_refused_with_the_line(text, message):
    from renja.calc.capaian import parse_bands
    from renja.errors import RenjaError

    with pytest.raises(RenjaError) as exc:
        parse_bands(text)
    assert exc.value.message("id") == message


def test_column_5_comes_from_the_renstra_when_given():
    from renja.domain.renstra import Renstra, RenstraIndikator, RenstraRow

    renstra = Renstra(tahun_awal=2023, rows=[
        RenstraRow(level="sasaran", nama="Menurunnya angka kecelakaan"),
        RenstraRow(level="program", kode="2.15.02", nama="Program Lalu Lintas", unit="Bidang LL",
                   indikator=[RenstraIndikator(nama="persentase ruas jalan  berambu",
                                               kondisi_akhir=parse_target("95%"))],
                   pagu_akhir=750_000_000)])
    e81 = evaluate(plan(), reported(), renstra=renstra)
    program = by_kode(e81, "2.15.02")
    assert (program.pagu_renstra, program.indikator[0].target_renstra) == (750_000_000, D(95))
    assert program.indikator[0].capaian_renstra == D(84) / D(95) * 100  # (13) 84 / (5) 95
    assert program.unit == "Bidang LL"  # (15): the plan names no unit; the Renstra does
    assert program.sasaran == "Menurunnya angka kecelakaan"  # (2), for programs
    kegiatan = by_kode(e81, "2.15.02.2.01")  # not in this Renstra: the plan's own (5)
    assert (kegiatan.pagu_renstra, kegiatan.indikator[0].target_renstra) == (None, D(50))
    assert kegiatan.sasaran == ""
