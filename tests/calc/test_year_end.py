"""Next year's T-C.29 generated from the plan of n-2, its quarters and the plan of n-1."""

from __future__ import annotations

from decimal import Decimal

from renja.calc.year_end import generate_tc29
from renja.domain import parse_target
from tests.calc.test_e81 import plan, reported

D = Decimal


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


def test_the_example_s_t_c_29_is_reproduced_from_its_data_where_the_document_is_right():
    """The example's own 2022 targets and realisation entered as data (a plan of 2022, its
    year's realisation, its T-C.29's (5)), with each indicator's kind as the document uses it
    (the latest value or the sum, read from its column (10)); the generated (8), (10), (11)
    equal the printed ones at the printed precision, except exactly where the checks find
    the document wrong."""
    from renja.calc.capaian import combine
    from renja.domain import Indikator, PlanNode, Renja, Tc29Indikator, Tc29Row
    from renja.domain.realisasi import Realisasi, RealisasiIndikator
    from renja.io.text.read import read_text
    from renja.rules import run_checks
    from tests.io.text.test_example import EXAMPLE

    example = read_text(EXAMPLE).renja
    before = Renja(tahun=example.tahun - 2, pemda=example.pemda,
                   perangkat_daerah=example.perangkat_daerah)
    data = Realisasi(tahun=before.tahun)
    for row in example.tc29.rows:
        node = PlanNode(level=row.level, kode=row.kode, nama=row.nama)
        estimate = Tc29Row(level=row.level, kode=row.kode, nama=row.nama)
        for ind in row.indikator:
            parts = [t.value if t else None for t in (ind.realisasi_sd_n3, ind.realisasi_n2,
                                                      ind.target_n1)]
            printed = ind.realisasi_sd_n1.value if ind.realisasi_sd_n1 else None
            kind = next((k for k in ("terakhir", "jumlah") if printed is not None and
                         (c := combine(parts, k)) is not None and abs(c - printed) < D("0.01")),
                        None)
            node.indikator.append(Indikator(
                nama=ind.nama, target_n=ind.target_n2, target_n1=ind.target_n1,
                target_renstra=ind.target_renstra, polaritas=ind.polaritas, agregasi=kind))
            estimate.indikator.append(Tc29Indikator(nama=ind.nama,
                                                    realisasi_sd_n1=ind.realisasi_sd_n3))
            if row.kode and ind.realisasi_n2 is not None:
                data.indikator.append(RealisasiIndikator(
                    kode=row.kode, indikator=ind.nama,
                    triwulan=[None, None, None, ind.realisasi_n2.value]))
        before.rencana.rows.append(node)
        before.tc29.rows.append(estimate)
    generated = generate_tc29(before, data)
    flagged = {(f.kode, f.field) for f in run_checks(example) if f.table == "tc29"}
    agree, wrong = 0, set()
    for printed_row, row in zip(example.tc29.rows, generated.rows, strict=True):
        for printed, made in zip(printed_row.indikator, row.indikator, strict=True):
            for field in ("tingkat_realisasi_n2", "realisasi_sd_n1", "capaian_renstra"):
                a, b = getattr(printed, field), getattr(made, field)
                if _same(a, b):
                    agree += 1
                else:
                    wrong.add((printed_row.kode, field))
    assert wrong <= flagged  # every difference is a place the checks call wrong
    assert (agree, len(wrong)) == (134, 16)  # of 150 figures, 16 the checks find wrong


def _same(printed, made) -> bool:  # type: ignore[no-untyped-def]
    """Equal at the printed precision (``100%`` is 100,11 % rounded to whole percent)."""
    if printed is None or made is None or printed.value is None or made.value is None:
        return (printed is None or printed.value is None) == (made is None or made.value is None)
    places = len(printed.text.split(",")[1].rstrip("% ")) if "," in printed.text else 0
    step = D(1).scaleb(-places)
    return abs(made.value.quantize(step) - printed.value) < step / 2 + D("0.000001") or \
        abs(made.value - printed.value) < D("0.01")


def test_the_example_s_daya_serap_is_its_realised_money_over_its_changed_pagu():
    """Chapter II of the example gives 2022's money only in its text: the pagu after the
    change and the amount realised. Read from there, renja's formula gives the document's
    82,22 %."""
    import re

    from renja.calc.capaian import daya_serap, rounded
    from renja.numbers import parse_rupiah
    from tests.io.text.test_example import EXAMPLE

    text = " ".join(EXAMPLE.read_text(encoding="utf-8").split())
    found = re.search(r"pagu anggaran perubahan tahun 2022 Rp\. ([\d.]+),-, anggaran yang "
                      r"terealisasi sebesar Rp\. ([\d.]+),- sehingga persentase daya serap "
                      r"anggaran .*? sebesar ([\d,]+)%", text)
    assert found is not None
    pagu, spent = parse_rupiah(found.group(1)), parse_rupiah(found.group(2))
    assert (pagu, spent) == (14_158_871_237, 11_640_829_646)
    value = daya_serap(spent, pagu)
    assert value is not None and f"{rounded(value)}".replace(".", ",") == found.group(3) == "82,22"


def test_t_c_30_is_built_from_the_renstra_the_realised_years_and_last_year_s_table():
    """The example's T-C.30 (in the plan of 2024) is last year's table for the plan of 2025:
    the Renstra gives the rows and targets, the set plan of 2024 with its quarters the
    realisation of 2024, last year's table the realisation of 2023, and the notes the agency
    wrote stay."""
    from renja.calc.year_end import generate_tc30
    from renja.domain import Indikator, PlanNode, Renja, Tc30, Tc30Row
    from renja.domain.realisasi import Realisasi, RealisasiIndikator
    from renja.domain.renstra import Renstra, RenstraIndikator, RenstraRow
    from renja.io.text.read import read_text
    from tests.io.text.test_example import EXAMPLE

    example = read_text(EXAMPLE).renja
    diklat = "Persentase pegawai yang lulus diklat"
    renstra = Renstra(tahun_awal=2022, rows=[
        RenstraRow(level="tujuan", nama="Meningkatnya profesionalitas ASN", indikator=[
            RenstraIndikator(nama="Indeks Profesionalitas Aparatur Sipil Negara",
                             target=[parse_target(t) for t in ("70,03", "70,04", "70,05",
                                                               "70,06", "70,07")])]),
        RenstraRow(level="sasaran", nama="Meningkatnya kompetensi ASN", indikator=[
            RenstraIndikator(nama=diklat, satuan="%", target=[parse_target(t) for t in (
                "64%", "65%", "66%", "67%", "68%")])])])
    plan_2024 = Renja(tahun=2024, pemda=example.pemda,
                      perangkat_daerah=example.perangkat_daerah)
    plan_2024.rencana.rows = [PlanNode(level="program", kode="5.03.02", nama="Program", indikator=[
        Indikator(nama="persentase pegawai yang lulus  diklat", satuan="%",
                  target_n=parse_target("66%"))])]
    quarters = Realisasi(tahun=2024, indikator=[RealisasiIndikator(
        kode="5.03.02", indikator="persentase pegawai yang lulus  diklat",
        triwulan=[D(60), D(63), D(65), D("66.5")])])
    current = Tc30(rows=[Tc30Row(indikator=diklat, catatan="Diklat daring menaikkan kelulusan",
                                 spm="-")])
    tc30 = generate_tc30(2025, renstra, [(plan_2024, quarters)], example.tc30, current)

    def shown(values):  # type: ignore[no-untyped-def]
        return [(v.tahun, v.nilai.text if v.nilai else None) for v in values]

    [ipasn, row] = tc30.rows
    assert (ipasn.kelompok, row.kelompok, row.indikator) == ("Tujuan", "Sasaran", diklat)
    assert shown(row.target_renstra) == [(2023, "65%"), (2024, "66%"), (2025, "67%"),
                                         (2026, "68%")]
    # 2023 as last year's table said, 2024 from the plan's four quarters (a level: the last)
    assert shown(row.realisasi) == [(2023, "64,09%"), (2024, "66,5%")]
    assert shown(row.proyeksi) == [(2025, "67%"), (2026, "68%")]
    assert (row.catatan, row.spm) == ("Diklat daring menaikkan kelulusan", "-")
    assert shown(ipasn.realisasi) == [(2023, "70,04"), (2024, None)]  # nothing reported


def test_without_a_renstra_t_c_30_keeps_last_year_s_rows():
    from renja.calc.year_end import generate_tc30
    from renja.io.text.read import read_text
    from tests.io.text.test_example import EXAMPLE

    example = read_text(EXAMPLE).renja
    tc30 = generate_tc30(2025, previous=example.tc30)
    assert [r.indikator for r in tc30.rows] == [r.indikator for r in example.tc30.rows]
    assert tc30.rows[0].realisasi[0].tahun == 2023
    assert tc30.rows[0].realisasi[0].nilai.text == "70,04"  # type: ignore[union-attr]


def test_column_4_comes_from_the_renstra_when_it_has_the_indicator():
    from renja.domain.renstra import Renstra, RenstraIndikator, RenstraRow

    renstra = Renstra(tahun_awal=2023, rows=[RenstraRow(
        level="kegiatan", kode="2.15.02.2.01", nama="Pengendalian", indikator=[
            RenstraIndikator(nama="Jumlah dokumen pengendalian",
                             kondisi_akhir=parse_target("55 dok"))])])
    tc29 = generate_tc29(plan(), reported(), last_year(), renstra)
    [k] = row(tc29, "2.15.02.2.01").indikator
    assert (k.target_renstra.text, k.capaian_renstra.text) == ("55 dok", "96,36%")  # 53/55
    [p] = row(tc29, "2.15.02").indikator  # not in this Renstra: the plan's own
    assert p.target_renstra.text == "90%"
