from renja.domain import Tc31, Tc32
from tests.rules.builders import check, node, plan, src


def test_u008_reports_a_kegiatan_with_a_pagu_and_no_sub_kegiatan():
    renja = plan(node("5.03.02", "Program", pagu=(5_000, 5_000), children=[
        node("5.03.02.2.01", "Pengadaan", pagu=(5_000, 6_000), line=20)]))
    assert check(renja, "U008") == [
        (20, "T-C.33 5.03.02.2.01 (Pengadaan): pagu 2024 5.000 tetapi tidak ada sub kegiatan "
             "di bawahnya (uang dianggarkan pada sub kegiatan)")]


def test_u008_leaves_an_empty_kegiatan_and_a_kegiatan_with_sub_kegiatan_alone():
    renja = plan(node("5.03.02", "Program", children=[
        node("5.03.02.2.01", "Kosong", pagu=(None, 0)),
        node("5.03.02.2.02", "Isi", pagu=(5, 5), children=[
            node("5.03.02.2.02.0001", "A", pagu=(5, 5))])]))
    assert check(renja, "U008") == []


def titled(tc31: str | None = None, tc33: str | None = None, tc32: str | None = None):  # type: ignore[no-untyped-def]
    renja = plan(node("5.03.02", "Program"))
    renja.tc31 = Tc31(judul=tc31)
    renja.tc31.trace("header", src(40))
    renja.tc32 = Tc32(judul=tc32)
    renja.rencana.judul = tc33
    return renja


def test_h006_reports_a_year_copied_from_an_older_document_into_a_title():
    renja = titled(tc31="Tabel 2.3. Review terhadap Rancangan Awal RKPD tahun 2020",
                   tc33="Rumusan Rencana Program Tahun 2024 dan Prakiraan Maju Tahun 2024",
                   tc32="Usulan Program dan Kegiatan dari Para Pemangku Kepentingan Tahun 2021")
    assert check(renja, "H006") == [
        (40, "T-C.31: judul 'Tabel 2.3. Review terhadap Rancangan Awal RKPD tahun 2020' menyebut "
             "tahun 2020; Renja ini untuk tahun 2024 (seharusnya 2024)"),
        (None, "T-C.32: judul 'Usulan Program dan Kegiatan dari Para Pemangku Kepentingan Tahun "
               "2021' menyebut tahun 2021; Renja ini untuk tahun 2024 (seharusnya 2023 atau "
               "2024)"),
        (None, "T-C.33: judul 'Rumusan Rencana Program Tahun 2024 dan Prakiraan Maju Tahun "
               "2024' menyebut prakiraan maju tahun 2024; prakiraan maju Renja 2024 adalah "
               "tahun 2025")]


def test_h006_accepts_the_years_each_table_is_about():
    renja = titled(tc31="Review terhadap Rancangan Awal RKPD tahun 2024",
                   tc33="Rumusan Rencana Program Tahun 2024 dan Prakiraan Maju Tahun 2025",
                   tc32="Usulan Musrenbang Tahun 2023")
    assert check(renja, "H006") == []


def test_same_name_allows_what_printing_does_and_nothing_else():
    from renja.rules.families.structure import same_name

    assert same_name("Penyediaan Gaji dan Tunjangan ASN", "PENYEDIAAN GAJI DAN TUNJANGAN ASN")
    assert same_name("Kepemimpinan, dan PrajabatanTinggi", "Kepemimpinan dan Prajabatan Tinggi")
    assert same_name("Penyusunan Rencana Kebutuhan, Jenis dan Jumlah Jabatan un",
                     "Penyusunan Rencana Kebutuhan, Jenis dan Jumlah Jabatan untuk Pengisian")
    assert same_name("Pengemb. Kompetensi ASN", "Pengembangan Kompetensi ASN")
    assert not same_name("Penyediaan Peralatan Kantor", "Pengadaan Peralatan Kantor")
    assert not same_name("Penyediaan Peralatan dan Perlengkapan Kantor",
                         "Penyediaan Perlengkapan Kantor")
    assert not same_name("Koordinasi Pelaksanan Diklat", "Koordinasi Pelaksanaan Diklat")


def test_h007_compares_a_stated_number_of_sections_with_the_chapter():
    from renja.domain import Bab, Bagian

    renja = plan(node("5.03.02", "Program"))
    renja.bab = [
        Bab(nomor="I", judul="PENDAHULUAN", bagian=[Bagian(
            nomor="1.4", judul="Sistematika", teks="BAB II. HASIL\n\nBab ini terdiri dari "
                                                   "empat (4) sub bab: …\n\nBAB III. TUJUAN\n\n"
                                                   "Bab ini terdiri atas 2 bagian.")]),
        Bab(nomor="II", judul="HASIL", teks="Bab ini terdiri dari 3 sub bagian.",
            bagian=[Bagian(nomor=f"2.{i}", judul="x") for i in range(1, 4)]),
        Bab(nomor="III", judul="TUJUAN",
            bagian=[Bagian(nomor=f"3.{i}", judul="x") for i in range(1, 3)])]
    assert [m for _, m in check(renja, "H007")] == [
        "Teks 1.4 Sistematika: 'terdiri dari empat (4) sub bab' untuk BAB II, tetapi BAB II "
        "berisi 3 bagian (2.1–2.3)"]


def listed_plan(*names: str):  # type: ignore[no-untyped-def]
    from renja.domain import DaftarItem

    renja = plan(node("5.03.01", "PROGRAM PENUNJANG", children=[
        node("5.03.01.2.02", "Administrasi Keuangan Perangkat Daerah", children=[
            node("5.03.01.2.02.0001", "Penyediaan Gaji dan Tunjangan ASN", line=700)])]))
    for i, name in enumerate(names):
        item = DaftarItem(nomor=f"1.1.{i + 1}", level="sub_kegiatan", nama=name)
        item.trace("row", src(620 + i))
        renja.daftar_program.rows.append(item)
    return renja


def test_l008_compares_the_chapter_3_list_with_the_row_it_resembles():
    assert check(listed_plan("Pengadaan Gaji dan Tunjangan ASN"), "L008") == [
        (620, "Daftar 3.3 5.03.01.2.02.0001: nama 'Pengadaan Gaji dan Tunjangan ASN' berbeda "
              "dari T-C.33 ('Pengadaan' ↔ 'Penyediaan')")]


def test_l008_allows_abbreviations_and_case_in_the_chapter_3_list():
    assert check(listed_plan("PENYEDIAAN GAJI dan Tunj. ASN"), "L008") == []


def test_h009_reports_a_header_year_that_does_not_fit_once_per_label():
    from renja.domain import KolomTahun

    renja = plan(node("5.03.02", "Program"))
    for line, label, year in ((674, "Rencana Tahun 2024", 2024),
                              (674, "Prakiraan Maju Rencana Tahun 2025", 2025),
                              (704, "Rencana Tahun 2023", 2023),
                              (745, "Rencana Tahun 2023", 2023),
                              (745, "Prakiraan Maju Rencana Tahun 2024", 2024)):
        kolom = KolomTahun(label=label, tahun=year)
        kolom.trace("label", src(line))
        renja.rencana.kolom_tahun.append(kolom)
    assert check(renja, "H009") == [
        (704, "T-C.33: judul kolom 'Rencana Tahun 2023' menyebut tahun 2023; rencana Renja ini "
              "untuk tahun 2024"),
        (745, "T-C.33: judul kolom 'Prakiraan Maju Rencana Tahun 2024' menyebut tahun 2024; "
              "prakiraan maju Renja ini untuk tahun 2025")]
