from renja.domain import Bab, Bagian, DaftarItem
from tests.rules.builders import check, node, plan, src


def listed(*numbers: str):  # type: ignore[no-untyped-def]
    renja = plan(node("5.03.02", "Program"))
    for i, nomor in enumerate(numbers):
        item = DaftarItem(nomor=nomor, nama=f"Butir {nomor}")
        item.trace("row", src(100 + i))
        renja.daftar_program.rows.append(item)
    return renja


def test_h008_reports_a_skipped_number_in_the_chapter_3_list_once():
    renja = listed("1", "1.1", "1.1.5", "1.1.6", "1.1.8", "1.1.9", "1.2", "1.2.1")
    assert check(renja, "H008") == [
        (104, "Daftar 3.3: nomor 1.1.8 melompat; seharusnya 1.1.7 (sesudah 1.1.6)")]


def test_h008_reports_a_repeated_number_once_when_the_next_follows_on():
    renja = listed("1", "1.1", "1.2", "1.3", "1.3", "1.5", "2", "2.1")
    assert check(renja, "H008") == [
        (104, "Daftar 3.3: nomor 1.3 berulang; seharusnya 1.4 (sesudah 1.3)")]


def test_h008_lets_numbers_under_a_new_parent_start_again():
    renja = listed("1", "1.1", "1.1.1", "1.1.2", "1.2", "1.2.1", "2", "2.1", "2.1.1", "3")
    assert check(renja, "H008") == []


def test_h008_reads_section_numbers_and_numbered_headings_in_chapter_texts():
    renja = plan(node("5.03.02", "Program"))
    bab = Bab(nomor="II", judul="Evaluasi", teks="2.1.1 Capaian\n\nIsi.\n\n2.1.3 Kendala\n\nIsi.",
              bagian=[Bagian(nomor="2.1", judul="A"), Bagian(nomor="2.2", judul="B"),
                      Bagian(nomor="2.2", judul="C")])
    bab.trace("teks.2", src(30))
    bab.bagian[2].trace("nomor", src(40))
    renja.bab = [bab]
    assert check(renja, "H008") == [
        (30, "Teks BAB II: nomor 2.1.3 melompat; seharusnya 2.1.2 (sesudah 2.1.1)"),
        (40, "Teks BAB II: nomor 2.2 berulang; seharusnya 2.3 (sesudah 2.2)")]
