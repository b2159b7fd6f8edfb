"""Polarity the text states is given to the indicator it names, and the checks follow it."""

from renja.domain import Bab, Bagian
from renja.io.polarity import apply_stated_polarity
from renja.io.report import Report
from tests.rules.builders import check, ind, node, plan


def aduan_plan(teks: str):  # type: ignore[no-untyped-def]
    renja = plan(node("5.03.02.2.01.0001", "Pengelolaan Pengaduan", indikator=[
        ind("Jumlah aduan layanan perizinan", "12 aduan", "9 aduan", line=20)]))
    renja.bab = [Bab(nomor="II", judul="Evaluasi", bagian=[Bagian(nomor="2.2", judul="Kinerja",
                                                                  teks=teks)])]
    return renja


def test_a_falling_target_is_a_finding_until_the_text_says_lower_is_better():
    assert [f[1][:40] for f in check(aduan_plan("Tidak ada catatan."), "T005")] == [
        "T-C.33 5.03.02.2.01.0001 (Pengelolaan Pe"]
    renja = aduan_plan("Jumlah aduan layanan perizinan ditargetkan terus berkurang. Untuk "
                       "indikator ini semakin kecil nilainya semakin baik.")
    report = Report()
    apply_stated_polarity(renja, report, "renja.txt")
    assert renja.rencana.rows[0].indikator[0].polaritas == "negatif"
    assert [n.id for n in report.notices] == [
        "indikator 'jumlah aduan layanan perizinan': polaritas negatif sesuai pernyataan teks"]
    assert check(renja, "T005") == []


def test_a_statement_about_no_named_indicator_changes_nothing():
    renja = aduan_plan("Semakin kecil angka pelanggaran semakin baik bagi masyarakat.")
    apply_stated_polarity(renja, Report(), "renja.txt")
    assert renja.rencana.rows[0].indikator[0].polaritas is None
