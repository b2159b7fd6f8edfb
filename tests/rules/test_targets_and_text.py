from renja.domain import (
    Bab,
    Bagian,
    Jumlah,
    NilaiTahun,
    Pemda,
    PerangkatDaerah,
    Peraturan,
    Renja,
    Source,
    Target,
    Tc30Row,
    parse_target,
)
from tests.rules.builders import check, ind, node, plan, src, tc29


def sub(*indikator, kode="5.03.02.2.01.0002", nama="Penyusunan Rencana Kebutuhan"):
    return node(kode, nama, line=835, indikator=list(indikator))


def test_t001_reports_a_letter_typed_for_a_digit():
    i = ind("Jumlah Dokumen", "1 dok", None, line=835)
    i.target_n1 = Target(text="Idok")
    assert check(plan(sub(i)), "T001") == [
        (835, "T-C.33 5.03.02.2.01.0002 (Penyusunan Rencana Kebutuhan): target 2025 'Idok' "
              "tidak terbaca: huruf 'I' tertulis di tempat angka")]
    assert check(plan(sub(ind("Opini BPK", "WTP", "WTP"))), "T001") == []


def test_t002_reports_a_unit_that_changes_between_years():
    assert check(plan(sub(ind("Jumlah Dokumen", "9656 lap", "9656 dok", line=835))),
                 "T002") == [
        (835, "T-C.33 5.03.02.2.01.0002 (Penyusunan Rencana Kebutuhan): satuan target 2024 "
              "'lap' berubah menjadi 'dok' pada 2025")]
    assert check(plan(sub(ind("Jumlah Dokumen", "1 dok", "2 dok"))), "T002") == []


def test_t003_reports_a_unit_that_differs_from_tc29_for_the_same_indicator():
    renja = plan(sub(ind("Jumlah Paket Mebel yang Disediakan", "2 paket", "2 paket", line=772),
                     kode="5.03.01.2.07.0005", nama="Pengadaan Mebel"))
    renja.tc29.rows = [tc29("5.03.01.2.07.0005", "Pengadaan Mebel",
                            "Jumlah Paket Mebel yang Disediakan",
                            ["2 unit", "0", "0", "0", "0%", "2 unit", "2 unit", "100%"],
                            line=270)]
    assert check(renja, "T003") == [
        (772, "T-C.33 5.03.01.2.07.0005 (Pengadaan Mebel): satuan target 'paket' berbeda dari "
              "T-C.29 'unit' (baris 270)")]
    renja.tc29.rows[0].indikator[0].nama = "Persentase pengadaan yang terealisasi"
    assert check(renja, "T003") == []


def test_t004_reports_a_percentage_above_100():
    assert check(plan(sub(ind("Persentase dokumen tepat waktu", "120%", "100%", line=835))),
                 "T004") == [
        (835, "T-C.33 5.03.02.2.01.0002 (Penyusunan Rencana Kebutuhan): target 2024 '120%' "
              "untuk indikator persentase melebihi 100%")]
    assert check(plan(sub(ind("Laju pertumbuhan ekonomi", "120%"))), "T004") == []


def test_t005_notes_a_lower_target_next_year_for_a_higher_is_better_indicator():
    assert check(plan(sub(ind("Jumlah Dokumen", "496 dok", "490 dok", line=845))), "T005") == [
        (845, "T-C.33 5.03.02.2.01.0002 (Penyusunan Rencana Kebutuhan): target 2025 '490 dok' "
              "lebih rendah dari target 2024 '496 dok' untuk indikator yang makin tinggi makin "
              "baik")]
    assert check(plan(sub(ind("Persentase pelanggaran disiplin", "0,14%", "0,13%"))),
                 "T005") == []


def legal(*mengingat: str) -> Renja:
    renja = plan()
    reg = Peraturan(mengingat=list(mengingat))
    for i in range(len(mengingat)):
        reg.trace(f"mengingat.{i}", src(20 + i))
    renja.dasar_hukum = reg
    return renja


def test_h001_reports_a_repeated_or_skipped_number():
    renja = legal("1. UUD 1945;", "2. UU A;", "4. UU B;", "5. UU C;")
    assert check(renja, "H001") == [(22, "Dasar hukum, Mengingat: nomor 4 melompat; "
                                         "seharusnya 3")]
    renja = legal("1. UUD 1945;", "2. UU A;", "3. UU B;", "3. UU C;", "4. UU D;")
    assert check(renja, "H001") == [(23, "Dasar hukum, Mengingat: nomor 3 berulang; "
                                         "seharusnya 4")]
    assert check(legal("1. UUD 1945;", "2. UU A;", "3. UU B;"), "H001") == []


def test_h001_reports_one_slip_once():
    # 4 printed for 3, then 4 and 5 as they should be: one mistake, reported once
    renja = legal("1. UUD 1945;", "2. UU A;", "4. UU B;", "4. UU C;", "5. UU D;")
    assert check(renja, "H001") == [(22, "Dasar hukum, Mengingat: nomor 4 melompat; "
                                         "seharusnya 3")]
    # 3 repeated where 4 belongs, then 5
    renja = legal("1. UUD 1945;", "2. UU A;", "3. UU B;", "3. UU C;", "5. UU D;")
    assert check(renja, "H001") == [(23, "Dasar hukum, Mengingat: nomor 3 berulang; "
                                         "seharusnya 4")]


def test_h001_lets_a_new_list_start_again_at_one():
    renja = plan()
    section = Bagian(nomor="2.3", judul="Isu", teks="1. a\n\n2. b\n\nTantangan:\n\n1. c\n\n2. d")
    renja.bab = [Bab(nomor="II", judul="HASIL", bagian=[section])]
    assert check(renja, "H001") == []


def test_h002_reports_a_regulation_cited_without_its_number():
    renja = plan()
    section = Bagian(nomor="1.2", judul="Landasan Hukum",
                     teks="21. Peraturan Bupati Pasuruan Nomor Tahun 2023 tentang Renstra.")
    section.trace("teks.0", Source(file="r.txt", line=166))
    renja.bab = [Bab(nomor="I", judul="PENDAHULUAN", bagian=[section])]
    assert check(renja, "H002") == [
        (166, "Teks 1.2 Landasan Hukum: 'Peraturan Bupati Pasuruan Nomor Tahun 2023' tanpa "
              "nomor peraturan")]
    section.teks = "21. Peraturan Bupati Pasuruan Nomor 7 Tahun 2023 tentang Renstra."
    assert check(renja, "H002") == []


def test_h003_reports_a_plan_year_and_a_gazette_year_that_do_not_fit():
    renja = legal("23. Peraturan Bupati Pasuruan Nomor 112 Tahun 2023 tentang RKPD Tahun 2024 "
                  "(Berita Daerah Kabupaten Pasuruan Tahun 2022 Nomor 112).",
                  "5. UU Nomor 12 Tahun 2011 sebagaimana diubah dengan UU Nomor 13 Tahun 2022 "
                  "tentang Perubahan atas UU Nomor 12 Tahun 2011 (Lembaran Negara Tahun 2022 "
                  "Nomor 143).")
    section = Bagian(nomor="2.4", judul="Review", teks="tabel Review Terhadap Rancangan Awal "
                     "Rencana Kerja Tahun 2021 pada Badan Kepegawaian.")
    section.trace("teks.0", Source(file="r.txt", line=389))
    renja.bab = [Bab(nomor="II", judul="HASIL", bagian=[section])]
    assert check(renja, "H003") == [
        (389, "Teks 2.4 Review: 'Rencana Kerja … Tahun 2021' dalam Renja tahun 2024"),
        (20, "Dasar hukum Mengingat: peraturan tahun 2023 diundangkan dalam Berita/Lembaran "
             "tahun 2022"),
    ]
    section.teks = "Rencana Kerja Tahun 2024 dan Renja tahun lalu (Tahun 2022)."
    renja.dasar_hukum = None
    assert check(renja, "H003") == []


def test_h004_reports_a_thousands_label_over_values_in_rupiah():
    renja = plan(total=Jumlah(pagu_n=22_145_310_718))
    renja.tc31.satuan_uang = "Rp.000"
    renja.tc31.total_kebutuhan = 22_145_310_718
    renja.tc31.trace("header", src(401))
    assert check(renja, "H004") == [
        (401, "T-C.31: judul kolom menyebut 'Rp.000' (ribuan), tetapi nilainya dalam Rupiah: "
              "jumlahnya 22.145.310.718 sama dengan JUMLAH TOTAL T-C.33")]
    renja.tc31.total_kebutuhan = 22_145_311
    assert check(renja, "H004") == []


def test_h005_reports_a_year_repeated_in_the_column_headers():
    renja = plan()
    years = [2022, 2023, 2024, 2024]
    renja.tc30.rows = [Tc30Row(indikator="Indeks", target_renstra=[
        NilaiTahun(tahun=y, nilai=parse_target("70")) for y in years])]
    renja.tc30.trace("header", src(332))
    assert check(renja, "H005") == [
        (332, "T-C.30: kolom target renstra menyebut tahun 2024 dua kali (2022, 2023, 2024, "
              "2024)")]
    renja.tc30.rows[0].target_renstra[3].tahun = 2025
    assert check(renja, "H005") == []


def test_a_consistent_plan_has_no_errors():
    from renja.rules import run_checks

    renja = Renja(tahun=2023, pemda=Pemda(nama="Kabupaten Contoh"),
                  perangkat_daerah=PerangkatDaerah(nama="BKD", bidang="5.03"))
    sub_a = node("5.03.02.2.02.0002", "Pengelolaan Kenaikan Pangkat ASN", pagu=(100, 110),
                 indikator=[ind("Jumlah dokumen kenaikan pangkat", "10 dok", "11 dok")])
    sub_a.belanja_n.operasi, sub_a.belanja_n.barang_jasa = 100, 100
    kegiatan = node("5.03.02.2.02", "Mutasi dan Promosi ASN", pagu=(100, 110),
                    children=[sub_a], indikator=[ind("Nilai mutasi", "26,5", "27,5")])
    kegiatan.belanja_n.operasi, kegiatan.belanja_n.barang_jasa = 100, 100
    program = node("5.03.02", "PROGRAM KEPEGAWAIAN DAERAH", pagu=(100, 110), children=[kegiatan])
    renja.rencana.rows = [node("5.03", "KEPEGAWAIAN", children=[program])]
    renja.rencana.total = Jumlah(pagu_n=100, pagu_n1=110)
    assert [f for f in run_checks(renja) if f.severity != "info"] == []


def test_h001_follows_numbers_and_letters_separately():
    renja = plan()
    section = Bagian(nomor="1.3", judul="Tujuan", teks="1. satu\n\na. rinci\n\nb. rinci\n\n"
                     "2. dua\n\na. rinci\n\n3. tiga")
    renja.bab = [Bab(nomor="I", judul="PENDAHULUAN", bagian=[section])]
    assert check(renja, "H001") == []


def test_units_are_compared_as_readers_do():
    assert check(plan(sub(ind("Jumlah Dokumen", "10 dok", "11 Dokumen"))), "T002") == []
