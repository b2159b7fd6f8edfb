from renja.domain import Bab, Belanja, Jumlah, Source
from tests.rules.builders import check, node, plan, src


def kegiatan(pagu_a: int = 10_000, pagu_b: int = 20_000, parent: int = 30_000, **kw):
    return node("5.03.02.2.01", "Pengadaan", pagu=(parent, parent), line=20, children=[
        node("5.03.02.2.01.0002", "A", pagu=(pagu_a, pagu_a), line=21),
        node("5.03.02.2.01.0003", "B", pagu=(pagu_b, pagu_b), line=22)], **kw)


def test_u001_reports_a_parent_pagu_that_is_not_the_sum_of_its_children():
    renja = plan(kegiatan(parent=31_000))
    assert check(renja, "U001") == [
        (20, "T-C.33 5.03.02.2.01 (Pengadaan): pagu 2024 seharusnya 30.000 (jumlah 2 "
             "sub_kegiatan), tertulis 31.000"),
        (20, "T-C.33 5.03.02.2.01 (Pengadaan): pagu 2025 seharusnya 30.000 (jumlah 2 "
             "sub_kegiatan), tertulis 31.000"),
    ]
    assert check(plan(kegiatan()), "U001") == []


def test_u001_skips_a_parent_whose_child_has_no_pagu():
    renja = plan(node("5.03.02.2.01", "Pengadaan", pagu=(5, 5), children=[
        node("5.03.02.2.01.0002", "A", pagu=(None, None))]))
    assert check(renja, "U001") == []


def test_u002_reports_belanja_operasi_that_is_not_the_sum_of_its_parts():
    b = Belanja(operasi=10_000, pegawai=3_000, barang_jasa=6_000)
    b.trace("operasi", src(31))
    renja = plan(node("5.03.02.2.01.0002", "A", pagu=(10_000, None), belanja=b))
    assert check(renja, "U002") == [
        (31, "T-C.33 5.03.02.2.01.0002 (A): belanja operasi 2024 seharusnya 9.000 (pegawai + "
             "barang dan jasa + …), tertulis 10.000")]
    fine = Belanja(operasi=9_000, pegawai=3_000, barang_jasa=6_000)
    assert check(plan(node("5.03.02.2.01.0002", "A", belanja=fine)), "U002") == []


def test_u003_reports_a_pagu_that_is_not_operasi_plus_modal():
    b = Belanja(operasi=9_000, modal=2_000)
    renja = plan(node("5.03.02.2.01.0002", "A", pagu=(10_000, None), belanja=b, line=40))
    assert check(renja, "U003") == [
        (40, "T-C.33 5.03.02.2.01.0002 (A): pagu 2024 seharusnya 11.000 (operasi + modal + "
             "tidak terduga + transfer), tertulis 10.000")]
    fine = Belanja(operasi=8_000, modal=2_000)
    assert check(plan(node("5.03.02.2.01.0002", "A", pagu=(10_000, None), belanja=fine)),
                 "U003") == []


def test_u004_reports_a_total_row_that_is_not_the_sum_of_the_programs():
    total = Jumlah(pagu_n=31_000, pagu_n1=30_000, belanja_n=Belanja(modal=5))
    total.trace("pagu_n", src(99))
    programs = [node("5.03.02", "PROGRAM KEPEGAWAIAN DAERAH", pagu=(30_000, 30_000),
                     belanja=Belanja(modal=5))]
    assert check(plan(*programs, total=total), "U004") == [
        (99, "T-C.33 (JUMLAH TOTAL): pagu 2024 seharusnya 30.000 (jumlah 1 program), tertulis "
             "31.000")]
    right = Jumlah(pagu_n=30_000, pagu_n1=30_000, belanja_n=Belanja(modal=5))
    assert check(plan(*programs, total=right), "U004") == []


def test_u005_reports_a_breakdown_that_does_not_roll_up():
    children = [node("5.03.02.2.01.0002", "A", pagu=(10, None), belanja=Belanja(pegawai=10)),
                node("5.03.02.2.01.0003", "B", pagu=(20, None), belanja=Belanja(pegawai=0))]
    parent_b = Belanja(pegawai=20)
    parent_b.trace("pegawai", src(50))
    renja = plan(node("5.03.02.2.01", "Pengadaan", pagu=(30, None), children=children,
                      belanja=parent_b))
    assert check(renja, "U005") == [
        (50, "T-C.33 5.03.02.2.01 (Pengadaan): belanja pegawai 2024 seharusnya 10 (jumlah 2 "
             "sub_kegiatan), tertulis 20")]


def test_u005_stays_quiet_when_the_pagu_itself_does_not_roll_up():
    children = [node("5.03.02.2.01.0002", "A", pagu=(10, None), belanja=Belanja(pegawai=10))]
    renja = plan(node("5.03.02.2.01", "Pengadaan", pagu=(30, None), children=children,
                      belanja=Belanja(pegawai=30)))
    assert check(renja, "U005") == []


def test_u006_reports_negative_money_and_a_sub_kegiatan_without_pagu():
    renja = plan(node("5.03.02.2.01", "Pengadaan", children=[
        node("5.03.02.2.01.0002", "A", pagu=(-5, 10), line=61),
        node("5.03.02.2.01.0003", "B", pagu=(None, 10), line=62)]))
    assert check(renja, "U006") == [
        (61, "T-C.33 5.03.02.2.01.0002 (A): pagu 2024 negatif: -5"),
        (62, "T-C.33 5.03.02.2.01.0003 (B): pagu 2024 tidak diisi"),
    ]


def test_u007_reports_an_amount_in_chapter_iv_that_matches_no_total():
    renja = plan(total=Jumlah(pagu_n=22_145_310_718, pagu_n1=22_864_405_190))
    bab = Bab(nomor="IV", judul="RENCANA KERJA",
              teks="Total pagu tahun 2024 sebesar Rp. 22.000.000.000,- dari APBD.")
    bab.trace("row", Source(file="r.txt", line=7))
    renja.bab = [bab]
    assert check(renja, "U007") == [
        (7, "Teks BAB IV: Rp 22.000.000.000 tidak sama dengan pagu 2024 (22.145.310.718) maupun "
            "pagu 2025 (22.864.405.190) di T-C.33")]
    bab.teks = "Total pagu tahun 2024 sebesar Rp. 22.145.310.718,- dari APBD."
    assert check(renja, "U007") == []
