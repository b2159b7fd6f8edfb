from renja.domain import Bab, Bagian, Tc29Row
from tests.rules.builders import check, node, plan, src


def three_programs():  # type: ignore[no-untyped-def]
    renja = plan(*(node(f"5.03.0{i}", f"PROGRAM {i}") for i in (1, 2, 3)))
    renja.tc29.rows = [Tc29Row(kode=f"5.03.0{i}", level="program", nama=f"P{i}")
                       for i in (1, 2)]
    return renja


def test_l006_reads_counts_in_every_chapter_at_the_paragraph_that_states_them():
    renja = three_programs()
    section = Bagian(nomor="3.3", judul="Program",
                     teks="Program disusun dengan cermat.\n\nTerdapat sebanyak 4 program.")
    section.trace("teks.1", src(412))
    renja.bab = [Bab(nomor="III", judul="TUJUAN", bagian=[section])]
    assert check(renja, "L006") == [
        (412, "Teks BAB III: tertulis 4 program, T-C.33 berisi 3 program")]


def test_l006_lets_last_year_s_evaluation_count_last_year_s_programs():
    renja = three_programs()
    bab = Bab(nomor="II", judul="EVALUASI", teks="Pagu tersebut membiayai 2 program.\n\n"
                                                  "Realisasi mencapai 5 program.")
    bab.trace("teks.1", src(240))
    renja.bab = [bab]
    assert check(renja, "L006") == [
        (240, "Teks BAB II: tertulis 5 program, T-C.33 berisi 3 program, T-C.29 2 program")]
