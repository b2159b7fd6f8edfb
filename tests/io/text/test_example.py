"""The example Renja (Perbup Pasuruan 147/2023, BKPSDM 2024) imports completely.

Source of the fixture: ../shared/examples/perbup-pasuruan-147-2023-renja-bkpsdm-2024.txt
(text extracted from the published PDF), copied unchanged into tests/fixtures.
"""

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from renja.domain import Belanja
from renja.io.csv import table_csv
from renja.io.read import read_plan
from renja.io.report import ImportResult

EXAMPLE = Path(__file__).parents[2] / "fixtures" / "perbup-pasuruan-147-2023-renja-bkpsdm-2024.txt"
NAME = EXAMPLE.name


@pytest.fixture(scope="module")
def result() -> ImportResult:
    return read_plan(EXAMPLE)


def node(result: ImportResult, kode: str):
    return next(n for n in result.renja.rencana.walk() if n.kode == kode)


def test_it_reads_the_metadata(result):
    renja = result.renja
    assert renja.tahun == 2024
    assert (renja.pemda.nama, renja.pemda.jenis, renja.pemda.provinsi) == (
        "Kabupaten Pasuruan", "kabupaten", "Jawa Timur")
    assert renja.perangkat_daerah.nama == (
        "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia")
    assert renja.perangkat_daerah.singkatan == "BKPSDM"
    assert renja.perangkat_daerah.bidang == "5.03"
    assert renja.tahapan == "penetapan"


def test_it_reads_the_regulation(result):
    reg = result.renja.dasar_hukum
    assert (reg.jenis, reg.nomor, reg.tahun) == ("Peraturan Bupati", "147", 2023)
    assert reg.tentang == ("RENCANA KERJA BADAN KEPEGAWAIAN DAN PENGEMBANGAN SUMBER DAYA MANUSIA "
                           "KABUPATEN PASURUAN TAHUN 2024")
    assert (reg.ditetapkan_di, reg.tanggal_ditetapkan) == ("Pasuruan", date(2023, 8, 2))
    assert (reg.penandatangan.jabatan, reg.penandatangan.nama) == ("BUPATI PASURUAN",
                                                                 "M. IRSYAD YUSUF")
    assert reg.pengundang.nama == "YUDHA TRIWIDYA SASONGKO"
    assert reg.pengundang.jabatan == "SEKRETARIS DAERAH KABUPATEN PASURUAN"
    assert reg.berita_daerah == "BERITA DAERAH KABUPATEN PASURUAN TAHUN 2023 NOMOR 147"
    assert len(reg.menimbang) == 2 and reg.menimbang[1].startswith("b. bahwa berdasarkan")
    assert len(reg.mengingat) == 24
    assert reg.mengingat[17].startswith("18. Instruksi") is False
    assert [p.nomor for p in reg.pasal] == ["1", "2", "3", "4", "5", "6"]
    assert reg.pasal[5].teks == "Peraturan Bupati ini mulai berlaku pada tanggal diundangkan."
    assert reg.penutup.startswith("Agar setiap orang mengetahuinya")


def test_it_reads_every_chapter_and_section(result):
    chapters = result.renja.bab
    assert [(b.nomor, b.judul[:20]) for b in chapters] == [
        ("I", "PENDAHULUAN"), ("II", "HASIL EVALUASI RENJA"), ("III", "TUJUAN DAN SASARAN B"),
        ("IV", "RENCANA KERJA DAN PE"), ("V", "PENUTUP")]
    assert [s.nomor for s in chapters[1].bagian] == ["2.1", "2.2", "2.3", "2.4", "2.5"]
    assert [s.nomor for s in chapters[2].bagian] == ["3.1", "3.2", "3.3"]
    assert chapters[4].teks.startswith("Berbagai potensi yang ada")
    assert "Rp. 14.158.871.237,-" in chapters[1].bagian[0].teks


def test_it_reads_the_lists_in_the_text(result):
    renja = result.renja
    assert len(renja.isu_penting) == 7
    assert renja.isu_penting[-1] == "Rendahnya Indeks Profesionalitas ASN."
    assert len(renja.kebijakan) == 4
    levels = [item.level for item in renja.daftar_program.rows]
    assert (levels.count("program"), levels.count("kegiatan"), levels.count("sub_kegiatan")) == (
        3, 12, 42)


def test_it_reads_the_whole_tc33_tree(result):
    levels = [n.level for n in result.renja.rencana.walk()]
    assert (levels.count("program"), levels.count("kegiatan"), levels.count("sub_kegiatan")) == (
        3, 12, 42)
    roots = result.renja.rencana.rows
    assert [(r.kode, r.level) for r in roots] == [("5.03", "bidang")]
    assert [p.kode for p in roots[0].children] == ["5.03.01", "5.03.02", "5.04.02"]
    assert result.renja.rencana.catatan == [
        "Bidang Kepegawain dan Pengembangan Sumber Daya Manusia"]


def test_it_reads_a_row_with_money_for_both_years_and_its_breakdown(result):
    program = node(result, "5.03.01")
    assert (program.pagu_n, program.pagu_n1) == (11_343_868_330, 11_818_748_270)
    assert program.belanja_n.model_dump(exclude={"provenance"}, exclude_none=True) == {
        "operasi": 10_415_914_460, "pegawai": 7_992_286_000, "barang_jasa": 2_423_628_460,
        "modal": 927_953_870}
    assert program.belanja_n1.modal == 937_953_870
    assert (program.lokasi, program.sumber_dana) == ("Pas", "APBD")
    assert program.indikator[0].target_n.value == Decimal(84)
    assert program.indikator[0].target_n.satuan == "%"


def test_it_keeps_where_each_value_was_printed(result):
    program = node(result, "5.03.01")
    assert program.provenance["pagu_n"].line == 679
    assert program.provenance["pagu_n"].column == 7
    assert program.belanja_n.provenance["modal"].line == 683
    sub = node(result, "5.03.02.2.01.0002")
    assert sub.indikator[0].provenance["target_n1"].line == 835


def test_it_reads_several_indicators_on_one_row(result):
    kegiatan = node(result, "5.03.02.2.01")
    assert [(i.nama, i.target_n.text, i.target_n1.text) for i in kegiatan.indikator] == [
        ("Nilai perencanaan kebutuhan pegawai", "36,5", "37,5"),
        ("Nilai pengadaan ASN", "39", "39,5"),
        ("Nilai sistem informasi pegawai", "12", "13"),
    ]
    assert kegiatan.belanja_n == Belanja(operasi=1_802_940_203, pegawai=0,
                                         barang_jasa=1_802_940_203, modal=0,
                                         provenance=kegiatan.belanja_n.provenance)


def test_it_joins_names_that_spill_onto_the_next_page(result):
    assert node(result, "5.03.01.2.06.0005").nama == "Penyediaan Barang Cetakan dan Penggandaan"
    assert node(result, "5.03.01.2.06.0005").indikator[0].nama == (
        "Jumlah Paket Barang Cetakan dan Penggandaan yang Disediakan")
    last = node(result, "5.04.02.2.02.0008")
    assert last.nama.count("Pengelolaan Kelembagaan") == 1
    assert last.nama.endswith("Kepemimpinan dan Prajabatan")


def test_it_reads_the_breakdown_whose_label_was_lost(result):
    kegiatan = node(result, "5.03.02.2.04")
    assert [i.nama for i in kegiatan.indikator] == ["Nilai manajemen kinerja pegawai",
                                                    "Nilai penghargaan dan disiplin pegawai"]
    assert (kegiatan.belanja_n.operasi, kegiatan.belanja_n1.operasi) == (1_313_105_000,
                                                                        1_316_805_000)


def test_it_reads_the_total_row(result):
    total = result.renja.rencana.total
    assert (total.pagu_n, total.pagu_n1) == (22_145_310_718, 22_864_405_190)
    assert (total.belanja_n.operasi, total.belanja_n.pegawai, total.belanja_n.barang_jasa,
            total.belanja_n.modal) == (21_217_356_848, 7_992_286_000, 13_225_070_848,
                                       927_953_870)


def test_it_reports_a_typo_target_with_its_line(result):
    errors = [n for n in result.report.notices if n.severity == "error"]
    assert [(n.source.line, n.message("id")) for n in errors] == [
        (835, "'Idok' bukan target yang sah: huruf 'I' tertulis di tempat angka "
              "(maksudnya '1 dok'?)")]
    sub = node(result, "5.03.02.2.01.0002")
    assert sub.indikator[0].target_n1.text == "Idok"


def test_it_recovers_every_code_excel_damaged_in_tc29(result):
    rows = result.renja.tc29.rows
    assert len(rows) == 51
    assert all(r.kode for r in rows)
    damaged = [r for r in rows if r.kode_asal in ("5,03E+09", "5.03E+09", "5,04E+09")]
    assert len(damaged) == 35
    assert all(r.kode_recovery for r in damaged)
    sosialisasi = next(r for r in rows if r.nama == "Sosialisasi Peraturan Perundang-Undangan")
    assert sosialisasi.kode == "5.03.01.2.05.0010"
    assert sosialisasi.kode_recovery == "dari nomenklatur (nama mirip 100% di bawah 5.03.01.2.05)"
    malformed = next(r for r in rows if r.kode_asal == "5040202")
    assert (malformed.kode, malformed.kode_recovery) == ("5.04.02.2.02", "dari T-C.33 (nama sama)")


def test_it_reads_tc29_values_by_official_column(result):
    rows = result.renja.tc29.rows
    row = next(r for r in rows if r.nama == "Pengadaan Peralatan dan Mesin Lainnya")
    ind = row.indikator[0]
    assert [getattr(ind, f).text for f in ("target_renstra", "realisasi_sd_n3", "target_n2",
                                           "realisasi_n2", "tingkat_realisasi_n2", "target_n1",
                                           "realisasi_sd_n1", "capaian_renstra")] == [
        "11 unit", "6 unit", "6 unit", "6 unit", "0%", "11 unit", "11 unit", "100%"]


def test_it_reads_tc30_with_years_from_the_header(result):
    rows = result.renja.tc30.rows
    assert len(rows) == 8
    sakip = next(r for r in rows if r.indikator == "Nilai SAKIP")
    assert sakip.kelompok == "Sasaran"
    assert [(v.tahun, v.nilai.text) for v in sakip.realisasi] == [(2022, "A (81,64)"),
                                                                  (2023, "A (81,64)")]
    assert [v.tahun for v in sakip.target_renstra] == [2022, 2023, 2024, 2024]


def test_it_reads_tc31_both_sides(result):
    tc31 = result.renja.tc31
    assert len(tc31.rows) == 58
    assert tc31.satuan_uang == "Rp.000"
    assert (tc31.total_ranwal, tc31.total_kebutuhan) == (22_145_310_718, 22_145_310_718)
    rehab = next(r for r in tc31.rows if r.ranwal.nama.startswith("Pemeliharaan/Rehabilitasi"))
    assert rehab.kode == "5.03.01.2.09.0009"
    assert rehab.kebutuhan.indikator[0].target.text == "1 unit"
    kegiatan = next(r for r in tc31.rows if r.kode == "5.03.02.2.01")
    assert [i.nama for i in kegiatan.ranwal.indikator] == [
        "Nilai perencanaan kebutuhan pegawai", "Nilai pengadaan ASN",
        "Nilai sistem informasi pegawai"]


def test_it_reads_a_nihil_table(result):
    assert result.renja.tc32.nihil is True
    assert result.renja.tc32.rows == []


def test_it_reads_tabel_3_2(result):
    rows = result.renja.tujuan_sasaran.rows
    assert len(rows) == 14
    assert (rows[0].kelompok, rows[0].uraian, rows[0].target_n.text) == (
        "tujuan", "Meningkatnya birokrasi yang kapabel", "54,72")
    assert rows[3].uraian == "Meningkatnya kinerja aparatur sipil negara"
    assert rows[-1].kelompok == "indikator_kinerja_daerah"


def test_nothing_is_silently_dropped(result):
    unplaced = [n for n in result.report.notices if n.text is not None]
    assert unplaced == []


def test_it_exports_tc33_as_csv(result):
    lines = table_csv(result.renja, "tc33").splitlines()
    assert lines[0] == (
        "kode,kode_asal,level,nama,indikator,target_n,satuan_n,target_n1,satuan_n1,lokasi,"
        "sumber_dana,pagu_n,pagu_n1,belanja_operasi_n,belanja_pegawai_n,belanja_barang_jasa_n,"
        "belanja_modal_n,belanja_operasi_n1,belanja_pegawai_n1,belanja_barang_jasa_n1,"
        "belanja_modal_n1")
    assert lines[1] == "5.03,503,bidang,URUSAN PENUNJANG URUSAN PEMERINTAHAN" + "," * 17
    kegiatan = [line for line in lines if line.startswith("5.03.02.2.01,")]
    assert kegiatan == [
        "5.03.02.2.01,50302201,kegiatan,\"Pengadaan, Pemberhentian dan Informasi Kepegawaian "
        "ASN\",Nilai perencanaan kebutuhan pegawai,36.5,,37.5,,Pas,APBD,1802940203,1891341000,"
        "1802940203,0,1802940203,0,1891341000,0,1891341000,0",
        "5.03.02.2.01,50302201,kegiatan,\"Pengadaan, Pemberhentian dan Informasi Kepegawaian "
        "ASN\",Nilai pengadaan ASN,39,,39.5,,Pas,APBD,,,,,,,,,,",
        "5.03.02.2.01,50302201,kegiatan,\"Pengadaan, Pemberhentian dan Informasi Kepegawaian "
        "ASN\",Nilai sistem informasi pegawai,12,,13,,Pas,APBD,,,,,,,,,,",
    ]
    assert len(lines) == 1 + 61
