"""Text-from-PDF quirks, each with a small document written for the purpose.

renja-disdik-kota-batu-2025.txt is a made-up Renja of another agency, pemda and year, with
no regulation front part, dotted codes, a Rp.000 header over Rupiah, both breakdown
spellings, a repeated header with a spilled name after a page number, and a T-C.32 with rows.
"""

from pathlib import Path

import pytest

from renja.io.read import read_plan
from renja.io.report import ImportResult
from renja.io.text.read import parse_text

FIXTURES = Path(__file__).parent / "fixtures"
T = "\t"

HEADER = [
    T.join(["Kode", "Urusan/ Bidang Urusan Pemerintahan Daerah dan Program/ Kegiatan/ Sub "
            "Kegiatan", "Indikator Kinerja", "Rencana Tahun 2025", "", "", "",
            "Catatan Penting", "Prakiraan Maju Rencana Tahun 2026", ""]),
    T.join(["", "", "", "Lokasi", "Target Capaian Kinerja", "Kebutuhan Dana/ Pagu Indikatif",
            "Sumber Dana", "", "Target Capaian Kinerja", "Kebutuhan Dana/ Pagu Indikatif"]),
    T.join(f"({i})" for i in range(1, 11)),
]


def plan(*rows: str, title: str = "RENCANA KERJA DINAS KESEHATAN KABUPATEN CONTOH TAHUN 2025"
         ) -> ImportResult:
    text = "\n".join([title, "", "BAB IV", "RENCANA KERJA DAN PENDANAAN", "",
                      "Tabel T-C.33", "", *HEADER, *rows, "", "BAB V", "PENUTUP", "", "Selesai."])
    return parse_text(text + "\n", "contoh.txt")


@pytest.fixture(scope="module")
def batu() -> ImportResult:
    return read_plan(FIXTURES / "renja-disdik-kota-batu-2025.txt")


def nodes(result: ImportResult):
    return list(result.renja.rencana.walk())


def test_it_reads_a_renja_without_a_regulation(batu):
    renja = batu.renja
    assert (renja.tahun, renja.pemda.nama, renja.pemda.jenis) == (2025, "Kota Batu", "kota")
    assert renja.perangkat_daerah.nama == "Dinas Pendidikan"
    assert renja.dasar_hukum is None
    assert renja.tahapan is None
    assert [b.nomor for b in renja.bab] == ["I", "II", "IV", "V"]


def test_it_reads_both_breakdown_spellings(batu):
    kegiatan = next(n for n in nodes(batu) if n.kode == "1.01.02.2.01")
    assert (kegiatan.belanja_n.operasi, kegiatan.belanja_n1.operasi) == (1_250_000_000,
                                                                         1_300_000_000)
    assert (kegiatan.belanja_n.modal, kegiatan.belanja_n1.modal) == (3_000_000_000,
                                                                     3_200_000_000)


def test_it_reads_a_dash_breakdown_as_zero(batu):
    sub = next(n for n in nodes(batu) if n.kode == "1.01.02.2.01.0008")
    assert (sub.belanja_n.operasi, sub.belanja_n1.operasi) == (0, 0)


def test_it_recovers_an_excel_damaged_12_digit_code_from_the_nomenclature(batu):
    sub = next(n for n in nodes(batu) if n.kode_asal == "1,01E+11")
    assert sub.kode == "1.01.02.2.01.0008"
    assert sub.kode_recovery == "dari nomenklatur (nama mirip 100% di bawah 1.01.02.2.01)"


def test_it_joins_a_name_spilled_past_a_page_number_and_repeated_header(batu):
    sub = next(n for n in nodes(batu) if n.kode == "1.01.02.2.01.0037")
    assert sub.nama == "Pengelolaan Dana BOS Sekolah Dasar"
    assert sub.indikator[0].nama == "Jumlah Satuan Pendidikan yang Menerima Dana BOS"
    assert (sub.sumber_dana, sub.belanja_n.operasi, sub.belanja_n.modal) == (
        "DAK Non Fisik", 1_250_000_000, 0)


def test_it_reads_a_second_indicator_line_with_both_targets(batu):
    program = next(n for n in nodes(batu) if n.kode == "1.01.02")
    assert [(i.nama, i.target_n.text, i.target_n1.text) for i in program.indikator] == [
        ("Angka Partisipasi Murni SD", "98,5%", "99%"),
        ("Angka Partisipasi Murni SMP", "92%", "93%"),
    ]


def test_it_keeps_the_money_label_of_the_header(batu):
    assert batu.renja.rencana.satuan_uang == "Rp.000"


def test_it_reads_stakeholder_proposals(batu):
    rows = batu.renja.tc32.rows
    assert [(u.nomor, u.program_kegiatan, u.volume.text) for u in rows] == [
        ("1", "Rehabilitasi Ruang Kelas SDN 2 Temas", "3 unit"),
        ("2", "Pengadaan Mebel Sekolah SDN 1 Junrejo", "2 paket"),
    ]
    assert batu.renja.tc32.nihil is False


def test_the_made_up_renja_imports_without_warnings(batu):
    assert [(n.source.line, n.en) for n in batu.report.notices if n.severity != "info"] == []


def test_it_reads_a_row_shifted_one_cell_right():
    result = plan(T.join(["1.02.02", "", "PROGRAM PEMENUHAN UPAYA KESEHATAN",
                          "Angka kematian ibu", "Kab", "90 kasus", "", "1.000.000", "APBD", "",
                          "85 kasus", "1.100.000"]))
    program = nodes(result)[0]
    assert (program.kode, program.nama, program.indikator[0].nama) == (
        "1.02.02", "PROGRAM PEMENUHAN UPAYA KESEHATAN", "Angka kematian ibu")
    assert (program.lokasi, program.pagu_n, program.pagu_n1) == ("Kab", 1_000_000, 1_100_000)


def test_it_reads_a_row_without_its_kode_cell():
    result = plan(T.join(["1.02.02", "PROGRAM PEMENUHAN UPAYA KESEHATAN", "Angka kematian ibu",
                          "Kab", "90 kasus", "", "1.000.000", "APBD", "", "85 kasus",
                          "1.100.000"]),
                  T.join(["Pengelolaan Pelayanan Kesehatan Ibu Hamil", "Jumlah ibu hamil",
                          "Kab", "500 org", "", "1.000.000", "APBD", "", "510 org",
                          "1.100.000"]))
    child = nodes(result)[1]
    assert (child.nama, child.indikator[0].nama, child.pagu_n) == (
        "Pengelolaan Pelayanan Kesehatan Ibu Hamil", "Jumlah ibu hamil", 1_000_000)
    assert child.kode == "1.02.02.2.02.0001"
    assert child.kode_recovery.startswith("dari nomenklatur")


def test_it_reports_a_code_it_cannot_recover():
    result = plan(T.join(["1.02.02", "PROGRAM PEMENUHAN UPAYA KESEHATAN", "Angka kematian ibu",
                          "Kab", "90 kasus", "", "1.000.000", "APBD", "", "85 kasus",
                          "1.100.000"]),
                  T.join(["1,02E+09", "Kegiatan yang tidak ada di mana pun", "Jumlah", "Kab",
                          "1 dok", "", "1.000.000", "APBD", "", "1 dok", "1.000.000"]))
    lost = nodes(result)[1]
    assert (lost.kode, lost.kode_asal, lost.level) == (None, "1,02E+09", "sub_kegiatan")
    assert [(n.source.line, n.message("id")) for n in result.report.notices] == [
        (12, "kode '1,02E+09' tidak dapat dipulihkan untuk 'Kegiatan yang tidak ada di mana "
             "pun'")]


def test_it_reports_what_it_cannot_place_with_its_line():
    result = plan(T.join(["1.02.02", "PROGRAM PEMENUHAN UPAYA KESEHATAN", "Angka kematian ibu",
                          "Kab", "90 kasus", "", "1.000.000", "APBD", "", "85 kasus",
                          "1.100.000", "1.200.000", "1.300.000"]))
    assert [(n.source.line, n.source.column, n.text) for n in result.report.notices] == [
        (11, 12, "1.200.000"), (11, 13, "1.300.000")]


def test_it_reads_the_total_and_its_breakdown():
    result = plan(T.join(["1.02.02", "PROGRAM PEMENUHAN UPAYA KESEHATAN", "Angka", "Kab",
                          "90 kasus", "", "1.000.000", "APBD", "", "85 kasus", "1.100.000"]),
                  T.join(["", "JUMLAH", "", "", "", "", "1.000.000", "", "", "", "1.100.000"]),
                  T.join(["", "", "", "", "", "Belanja Barang & Jasa : 1.000.000", "", "", "",
                          "1.100.000"]))
    total = result.renja.rencana.total
    assert (total.pagu_n, total.pagu_n1) == (1_000_000, 1_100_000)
    assert (total.belanja_n.barang_jasa, total.belanja_n1.barang_jasa) == (1_000_000, 1_100_000)


def test_it_reads_codes_split_over_several_columns_and_units_in_their_own_cell():
    header = [
        T.join(["Kode", "", "", "", "", "Program/ Kegiatan/ Sub Kegiatan", "Indikator",
                "Rencana Tahun 2025", "", "", "", "", "Prakiraan Maju Tahun 2026", "", ""]),
        T.join(["", "", "", "", "", "", "", "Lokasi", "Target", "Satuan", "Pagu Indikatif",
                "Sumber Dana", "Target", "Satuan", "Pagu Indikatif"]),
        T.join(f"({i})" for i in range(1, 16)),
    ]
    rows = [
        T.join(["1", "02", "02", "", "", "PROGRAM PEMENUHAN UPAYA KESEHATAN", "Angka kematian",
                "Kab", "90", "kasus", "1.000.000", "APBD", "85", "kasus", "1.100.000"]),
        T.join(["1", "02", "02", "2.02", "0001", "Pengelolaan Pelayanan Kesehatan Ibu Hamil",
                "Jumlah ibu hamil", "Kab", "500", "org", "1.000.000", "APBD", "510", "org",
                "1.100.000"]),
    ]
    text = "\n".join(["RENCANA KERJA DINAS KESEHATAN KABUPATEN CONTOH TAHUN 2025", "",
                      "Tabel T-C.33", "", *header, *rows])
    result = parse_text(text + "\n", "sipd.txt")
    found = [(n.kode, n.nama, n.indikator[0].target_n.text, n.indikator[0].target_n1.text)
             for n in nodes(result)]
    assert found == [
        ("1.02.02", "PROGRAM PEMENUHAN UPAYA KESEHATAN", "90 kasus", "85 kasus"),
        ("1.02.02.2.02.0001", "Pengelolaan Pelayanan Kesehatan Ibu Hamil", "500 org", "510 org"),
    ]
    assert result.report.notices == []
