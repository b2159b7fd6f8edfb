from renja.domain import (
    Bab,
    DaftarItem,
    IndikatorTarget,
    Jumlah,
    NilaiTahun,
    Source,
    Tc29Indikator,
    Tc29Row,
    Tc30Row,
    Tc31Row,
    Tc31Side,
    TujuanSasaranRow,
    parse_target,
)
from tests.rules.builders import check, ind, node, plan, src


def tc31_row(kode, nama, target, pagu, indikator="Jumlah Gedung", line=441):
    side = Tc31Side(nama=nama, pagu=pagu,
                    indikator=[IndikatorTarget(nama=indikator, target=parse_target(target))])
    side.indikator[0].trace("target", src(line))
    side.trace("pagu", src(line))
    row = Tc31Row(kode=kode, ranwal=side, kebutuhan=side.model_copy(deep=True))
    row.trace("row", src(line))
    return row


def rehab(target="174 unit", pagu=186_240_000):
    return node("5.03.01.2.09.0009", "Pemeliharaan/Rehabilitasi Gedung", pagu=(pagu, pagu),
                line=816, indikator=[ind("Jumlah Gedung", target, "1 unit", line=816)])


def test_l001_reports_a_pagu_that_differs_from_tc31():
    renja = plan(rehab(pagu=186_000_000))
    renja.tc31.rows = [tc31_row("5.03.01.2.09.0009", "Pemeliharaan/Rehabilitasi Gedung",
                                "174 unit", 186_240_000)]
    assert check(renja, "L001") == [
        (816, "T-C.33 5.03.01.2.09.0009 (Pemeliharaan/Rehabilitasi Gedung): pagu 2024 "
              "186.000.000 berbeda dari kebutuhan dana di T-C.31 186.240.000 (baris 441)")]


def test_l002_reports_a_target_that_differs_from_tc31():
    renja = plan(rehab())
    renja.tc31.rows = [tc31_row("5.03.01.2.09.0009", "Pemeliharaan/Rehabilitasi Gedung",
                                "1 unit", 186_240_000)]
    assert check(renja, "L002") == [
        (816, "T-C.33 5.03.01.2.09.0009 (Pemeliharaan/Rehabilitasi Gedung): target 2024 "
              "'174 unit' berbeda dari T-C.31 '1 unit' (baris 441); prakiraan maju 2025 "
              "'1 unit'")]
    assert check(renja, "L001") == []


def test_l001_to_l003_pair_rows_by_code_and_name():
    renja = plan(rehab(target="1 unit"))
    renja.tc31.rows = [tc31_row("5.03.01.2.09.0009", "Nama Lain Sama Sekali", "9 unit", 5)]
    assert [check(renja, code) for code in ("L001", "L002", "L003")] == [[], [], []]


def test_l003_reports_an_indicator_named_differently_in_tc31():
    renja = plan(rehab(target="1 unit"))
    renja.tc31.rows = [tc31_row("5.03.01.2.09.0009", "Pemeliharaan/Rehabilitasi Gedung",
                                "1 unit", 186_240_000, indikator="Jumlah Kendaraan Dinas")]
    assert check(renja, "L003") == [
        (441, "T-C.31 5.03.01.2.09.0009 (Pemeliharaan/Rehabilitasi Gedung): indikator 'Jumlah "
              "Kendaraan Dinas' berbeda dari T-C.33 'Jumlah Gedung'")]


def test_l004_reports_rows_missing_from_the_other_tables():
    renja = plan(node("5.03.02.2.01", "Pengadaan", line=5, children=[
        node("5.03.02.2.01.0002", "Penyusunan Rencana Kebutuhan", line=6)]))
    item = DaftarItem(nomor="1.1", level="kegiatan", nama="Pengadaan")
    extra = DaftarItem(nomor="1.1.1", level="sub_kegiatan", nama="Evaluasi Pemberhentian ASN")
    extra.trace("row", src(630))
    renja.daftar_program.rows = [item, extra]
    assert check(renja, "L004") == [
        (6, "T-C.33 5.03.02.2.01.0002 (Penyusunan Rencana Kebutuhan): sub_kegiatan tidak ada di "
            "daftar 3.3"),
        (630, "Daftar 3.3 (Evaluasi Pemberhentian ASN): sub_kegiatan di daftar 3.3 tidak ada di "
              "T-C.33"),
    ]
    extra.nama = "Penyusunan Rencana Kebutuhan"
    assert check(renja, "L004") == []


def test_l005_reports_the_same_indicator_with_different_realisasi():
    renja = plan()
    tc30 = Tc30Row(indikator="Indeks Profesionalitas ASN", realisasi=[
        NilaiTahun(tahun=2022, nilai=parse_target("70,036"))])
    ts = TujuanSasaranRow(kelompok="tujuan", indikator="Indeks Profesionalitas ASN",
                          realisasi_n2=parse_target("54,67"))
    ts.trace("realisasi_n2", src(569))
    renja.tc30.rows, renja.tujuan_sasaran.rows = [tc30], [ts]
    assert check(renja, "L005") == [
        (569, "Tabel 3.2: realisasi 2022 indikator 'Indeks Profesionalitas ASN' 54,67 berbeda "
              "dari T-C.30 70,036")]
    ts.realisasi_n2 = parse_target("70,036")
    assert check(renja, "L005") == []


def test_l005_names_every_table_once_per_indicator_and_year():
    renja = plan()
    tc30 = Tc30Row(indikator="Nilai SAKIP", realisasi=[
        NilaiTahun(tahun=2022, nilai=parse_target("81,64"))])
    ts = TujuanSasaranRow(kelompok="sasaran", indikator="Nilai SAKIP",
                          realisasi_n2=parse_target("80,5"))
    ts.trace("realisasi_n2", src(570))
    tc29 = Tc29Row(kode="5.03.01", nama="PROGRAM", indikator=[
        Tc29Indikator(nama="Nilai SAKIP", realisasi_n2=parse_target("81,64"))])
    renja.tc30.rows, renja.tujuan_sasaran.rows, renja.tc29.rows = [tc30], [ts], [tc29]
    assert check(renja, "L005") == [
        (570, "Tabel 3.2: realisasi 2022 indikator 'Nilai SAKIP' 80,5 berbeda dari T-C.30 "
              "81,64, T-C.29 81,64")]


def test_l009_reports_a_renja_target_that_differs_between_tables_but_not_the_renstra_one():
    renja = plan()
    tc30 = Tc30Row(indikator="Indeks Profesionalitas ASN",
                   target_renstra=[NilaiTahun(tahun=2024, nilai=parse_target("60"))],
                   proyeksi=[NilaiTahun(tahun=2024, nilai=parse_target("70,05"))])
    ts = TujuanSasaranRow(kelompok="tujuan", indikator="Indeks Profesionalitas ASN",
                          target_n=parse_target("54,72"))
    ts.trace("target_n", src(569))
    renja.tc30.rows, renja.tujuan_sasaran.rows = [tc30], [ts]
    assert check(renja, "L009") == [
        (569, "Tabel 3.2: target 2024 indikator 'Indeks Profesionalitas ASN' 54,72 berbeda "
              "dari T-C.30 70,05")]
    ts.target_n = parse_target("70,05")
    assert check(renja, "L009") == []


def test_l006_reports_counts_in_chapter_iv_that_differ_from_tc33():
    renja = plan(node("5.03.02", "PROGRAM", children=[node("5.03.02.2.01", "K", children=[
        node("5.03.02.2.01.0002", "S")])]))
    bab = Bab(nomor="IV", judul="RENCANA",
              teks="diuraikan dalam 1 (satu) program, 2 (dua) kegiatan dan 1 (satu) sub "
                   "kegiatan")
    bab.trace("row", Source(file="r.txt", line=663))
    renja.bab = [bab]
    assert check(renja, "L006") == [(663, "Teks BAB IV: tertulis 2 kegiatan, T-C.33 berisi 1 "
                                          "kegiatan")]
    bab.teks = "diuraikan dalam 1 (satu) program, 1 (satu) kegiatan dan 1 (satu) sub kegiatan"
    assert check(renja, "L006") == []


def test_l007_reports_a_tc31_total_that_differs_from_tc33():
    renja = plan(total=Jumlah(pagu_n=100))
    renja.tc31.total_kebutuhan = 90
    assert check(renja, "L007") == [(None, "T-C.31: jumlah kebutuhan dana 90 berbeda dari JUMLAH "
                                           "TOTAL T-C.33 100")]
    renja.tc31.total_kebutuhan = 100
    assert check(renja, "L007") == []
