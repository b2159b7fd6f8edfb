from renja.domain import Pemda, PerangkatDaerah, Renja
from tests.rules.builders import check, findings, node, plan, tc29


def with_tc29(*rows) -> Renja:
    renja = plan()
    renja.tc29.rows = list(rows)
    return renja


def test_k001_reports_a_malformed_printed_code():
    row = tc29("5.04.02.2.02", "Sertifikasi", "Jumlah layanan", [None] * 8, line=12,
               kode_asal="5040202")
    assert check(with_tc29(row), "K001") == [
        (12, "T-C.29 5.04.02.2.02 (Sertifikasi): kode tercetak '5040202' tidak sah: 7 digit, "
             "seharusnya 1 (urusan), 3 (bidang), 5 (program), 8 (kegiatan), 10 atau 12 "
             "(sub kegiatan)")]
    assert findings(with_tc29(row), "K001")[0].hint == "tulis 5.04.02.2.02"


def test_k001_accepts_a_sound_code_in_any_form():
    row = tc29("5.04.02.2.02", "Sertifikasi", "Jumlah layanan", [None] * 8, kode_asal="50402202")
    assert check(with_tc29(row), "K001") == []


def test_k002_reports_an_excel_damaged_code_and_how_it_was_recovered():
    row = tc29("5.03.01.2.01.0001", "Penyusunan Dokumen", "Jumlah", [None] * 8, line=9,
               kode_asal="5,03E+09")
    row.kode_recovery = "dari T-C.33 (nama sama)"
    assert check(with_tc29(row), "K002") == [
        (9, "T-C.29 5.03.01.2.01.0001 (Penyusunan Dokumen): kode tercetak '5,03E+09' rusak oleh "
            "Excel; dipulihkan menjadi 5.03.01.2.01.0001 dari T-C.33 (nama sama)")]
    lost = tc29(None, "Entah", "Jumlah", [None] * 8, line=9, kode_asal="5,03E+09")
    assert [(f.severity, f.message) for f in findings(with_tc29(lost), "K002")] == [
        ("error", "T-C.29 (Entah): kode tercetak '5,03E+09' rusak oleh Excel dan tidak dapat "
                  "dipulihkan")]
    assert check(with_tc29(tc29("5.03.01.2.01.0001", "P", "J", [None] * 8)), "K002") == []


def test_k003_reports_the_row_whose_name_does_not_fit_the_shared_code():
    renja = plan(node("5.03.02.2.03", "Pengembangan Kompetensi ASN", children=[
        node("5.03.02.2.03.0002", "Peningkatan Kapasitas Kinerja ASN", line=30),
        node("5.03.02.2.03.0002", "Pengelolaan Assessment Center", line=35)]))
    assert check(renja, "K003") == [
        (30, "T-C.33 5.03.02.2.03.0002 (Peningkatan Kapasitas Kinerja ASN): kode "
             "5.03.02.2.03.0002 juga dipakai untuk 'Pengelolaan Assessment Center' (baris 35)")]
    assert findings(renja, "K003")[0].hint == (
        "nomenklatur memberi kode 5.03.02.2.03.0001 untuk nama ini")


def test_k003_accepts_the_same_row_repeated_with_the_same_name():
    renja = plan(node("5.03.02.2.03", "Pengembangan Kompetensi ASN", children=[
        node("5.03.02.2.03.0002", "Pengelolaan Assessment Center"),
        node("5.03.02.2.03.0002", "Pengelolaan  assessment center")]))
    assert check(renja, "K003") == []


def test_k004_reports_a_code_outside_its_parent():
    renja = plan(node("5.03.01.2.05", "Administrasi Kepegawaian Perangkat Daerah", children=[
        node("5.03.01.2.04.0010", "Sosialisasi Peraturan Perundang-Undangan", line=40)]))
    assert check(renja, "K004") == [
        (40, "T-C.33 5.03.01.2.04.0010 (Sosialisasi Peraturan Perundang-Undangan): kode tidak "
             "berada di bawah induknya 5.03.01.2.05")]
    assert findings(renja, "K004")[0].hint == (
        "nomenklatur memberi kode 5.03.01.2.05.0010 untuk nama ini")
    fine = plan(node("5.03.01.2.05", "Administrasi Kepegawaian Perangkat Daerah", children=[
        node("5.03.01.2.05.0010", "Sosialisasi Peraturan Perundang-Undangan")]))
    assert check(fine, "K004") == []


def test_k004_is_only_a_warning_under_a_heading_row():
    renja = plan(node("5.03", "KEPEGAWAIAN", children=[node("5.04.02", "PROGRAM PENGEMBANGAN "
                                                             "SUMBER DAYA MANUSIA", line=8)]))
    assert [f.severity for f in findings(renja, "K004")] == ["warning"]


def test_k005_reports_a_skipped_level():
    renja = plan(node("5.03.02", "PROGRAM KEPEGAWAIAN DAERAH", children=[
        node("5.03.02.2.01.0002", "Penyusunan Rencana Kebutuhan", line=50)]))
    assert check(renja, "K005") == [
        (50, "T-C.33 5.03.02.2.01.0002 (Penyusunan Rencana Kebutuhan): sub_kegiatan langsung di "
             "bawah program 5.03.02; kegiatan-nya tidak ada")]
    fine = plan(node("5.03.02", "PROGRAM", children=[node("5.03.02.2.01", "Pengadaan")]))
    assert check(fine, "K005") == []


def test_k006_reports_a_code_the_nomenclature_does_not_know():
    renja = plan(node("5.03.02.2.09.0001", "Kegiatan Rekaan Sama Sekali", line=60), tahun=2023)
    assert [(f.severity, f.message) for f in findings(renja, "K006")] == [
        ("error", "T-C.33 5.03.02.2.09.0001 (Kegiatan Rekaan Sama Sekali): kode tidak ada dalam "
                  "nomenklatur kepmendagri-050-5889-2021")]


def test_k006_is_milder_when_the_name_exists_elsewhere_or_the_version_is_old():
    known_name = plan(node("5.03.02.2.09.0001", "Pengelolaan Kenaikan Pangkat ASN"), tahun=2023)
    assert [(f.severity, f.hint) for f in findings(known_name, "K006")] == [
        ("warning", "nomenklatur memberi kode 5.03.02.2.02.0002 untuk nama ini")]
    old = plan(node("5.03.02.2.09.0001", "Kegiatan Rekaan Sama Sekali"), tahun=2025)
    assert [f.message for f in findings(old, "K006")] == [
        "T-C.33 5.03.02.2.09.0001 (Kegiatan Rekaan Sama Sekali): kode tidak ada dalam "
        "nomenklatur kepmendagri-050-5889-2021 (versi ini tidak berlaku untuk tahun 2025)"]
    assert [f.severity for f in findings(old, "K006")] == ["warning"]
    assert check(plan(node("5.03.02.2.02.0002", "Pengelolaan Kenaikan Pangkat ASN")),
                 "K006") == []


def test_k007_reports_a_name_that_differs_from_the_nomenclature():
    renja = plan(node("5.03.02.2.02.0002", "Pengelolaan Promosi Jabatan", line=70), tahun=2023)
    assert [(f.severity, f.message) for f in findings(renja, "K007")] == [
        ("warning", "T-C.33 5.03.02.2.02.0002 (Pengelolaan Promosi Jabatan): nama berbeda dari "
                    "nomenklatur; nama resmi 'Pengelolaan Kenaikan Pangkat ASN'")]
    typo = plan(node("5.03.02.2.03.0002", "Pengelolaan Assesment Center"), tahun=2023)
    assert check(typo, "K007") == []


def test_k008_reports_a_row_without_a_code():
    renja = plan(node(None, "Kegiatan Rekaan", line=80, level="sub_kegiatan"))
    assert check(renja, "K008") == [
        (80, "T-C.33 (Kegiatan Rekaan): baris sub_kegiatan tanpa kode, dan namanya tidak "
             "ditemukan di nomenklatur")]
    damaged = plan(node(None, "Kegiatan Rekaan", kode_asal="5,03E+09", level="sub_kegiatan"))
    assert check(damaged, "K008") == []


def test_messages_are_in_english_with_lang_en():
    renja = plan(node("5.03.01.2.05", "Administrasi Kepegawaian Perangkat Daerah", children=[
        node("5.03.01.2.04.0010", "Sosialisasi Peraturan Perundang-Undangan", line=40)]))
    assert check(renja, "K004", lang="en") == [
        (40, "T-C.33 5.03.01.2.04.0010 (Sosialisasi Peraturan Perundang-Undangan): code is not "
             "under its parent 5.03.01.2.05")]


def test_a_plan_without_rows_has_no_code_findings():
    empty = Renja(tahun=2024, pemda=Pemda(nama="X"), perangkat_daerah=PerangkatDaerah(nama="Y"))
    assert [check(empty, code) for code in ("K001", "K003", "K004", "K006", "K008")] == [[]] * 5


def test_k006_calls_a_code_whose_name_belongs_to_a_sibling_a_typing_error():
    from renja.nomenklatur import default_catalogue

    entry = next(e for e in default_catalogue().entries()
                 if e.level == "sub_kegiatan" and e.kode.endswith(".0008")
                 and not e.kode.startswith("X"))
    typo = entry.kode[:-4] + "0080"
    renja = plan(node(typo, entry.nama, pagu=(1, 1), line=30), tahun=2030)
    found = findings(renja, "K006")
    assert [(f.severity, f.hint) for f in found] == [
        ("warning", f"kemungkinan salah ketik: nama ini milik {entry.kode} di kegiatan yang "
                    f"sama")]
    new = plan(node(typo, "Kegiatan yang belum ada di nomenklatur mana pun", pagu=(1, 1)),
               tahun=2030)
    assert [f.hint for f in findings(new, "K006")] == [None]  # not a sibling's: no typo said
