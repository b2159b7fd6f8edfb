from renja.domain import Renja
from tests.rules.builders import check, plan, tc29


def with_rows(*rows) -> Renja:
    renja = plan()
    renja.tc29.rows = list(rows)
    return renja


def row(values, nama="Pengadaan Peralatan", indikator="Jumlah Unit Peralatan", line=271):
    return tc29("5.03.01.2.07.0006", nama, indikator, values, line=line)


def test_e001_reports_a_tingkat_realisasi_that_is_not_7_over_6():
    renja = with_rows(row(["11 unit", "6 unit", "6 unit", "6 unit", "0%", "11 unit", "11 unit",
                           "100%"]))
    assert check(renja, "E001") == [
        (271, "T-C.29 5.03.01.2.07.0006 (Pengadaan Peralatan), indikator 'Jumlah Unit "
              "Peralatan': tingkat realisasi (8) seharusnya 100,00% (6 unit / 6 unit), "
              "tertulis 0%")]


def test_e001_accepts_a_ratio_rounded_or_cut_to_the_printed_decimals():
    rounded = row(["12 lap", "11 lap", "12 lap", "11 lap", "92%", "12 lap", "12 lap", "100%"])
    cut = row(["12 lap", "11 lap", "12 lap", "11 lap", "91%", "12 lap", "12 lap", "100%"])
    two = row(["12 lap", "11 lap", "12 lap", "11 lap", "91,67%", "12 lap", "12 lap", "100%"])
    assert check(with_rows(rounded, cut, two), "E001") == []


def test_e002_reports_zero_over_zero_printed_as_a_number():
    renja = with_rows(row(["2 unit", "0", "0", "0", "0%", "2 unit", "2 unit", "100%"],
                          line=270))
    assert check(renja, "E002") == [
        (270, "T-C.29 5.03.01.2.07.0006 (Pengadaan Peralatan), indikator 'Jumlah Unit "
              "Peralatan': tingkat realisasi (8) dari 0 / 0 tidak terdefinisi, tertulis 0%")]
    assert check(with_rows(row(["2 unit", "0", "0", "0", "-", "2 unit", "2 unit", "100%"])),
                 "E002") == []


def test_e003_reports_a_perkiraan_realisasi_that_is_neither_the_sum_nor_the_latest():
    renja = with_rows(row(["6 lbg", "2 lbg", "2 lbg", "2 lbg", "100%", "2 lbg", "8 lbg", "100%"],
                          nama="Fasilitasi Lembaga Profesi ASN", indikator="Jumlah Lembaga"))
    assert check(renja, "E003") == [
        (271, "T-C.29 5.03.01.2.07.0006 (Fasilitasi Lembaga Profesi ASN), indikator 'Jumlah "
              "Lembaga': perkiraan realisasi (10) seharusnya 6 (5+7+9) atau 2 (nilai terakhir), "
              "tertulis 8 lbg")]
    for ten in ("6 lbg", "2 lbg"):
        fine = row(["6 lbg", "2 lbg", "2 lbg", "2 lbg", "100%", "2 lbg", ten, "100%"])
        assert check(with_rows(fine), "E003") == []


def test_e003_uses_only_the_latest_value_for_an_index():
    renja = with_rows(row(["80,80", "80,79", "80,70", "80,79", "100%", "80,80", "242,38",
                           "100%"], nama="PROGRAM", indikator="Nilai SAKIP"))
    assert check(renja, "E003") == [
        (271, "T-C.29 5.03.01.2.07.0006 (PROGRAM), indikator 'Nilai SAKIP': perkiraan realisasi "
              "(10) seharusnya 80,8 (5+7+9), tertulis 242,38")]


def test_e004_reports_a_capaian_renstra_that_is_not_10_over_4():
    renja = with_rows(row(["90%", "80%", "80%", "80%", "100%", "80%", "80%", "90%"],
                          nama="PROGRAM KEPEGAWAIAN DAERAH", indikator="Persentase pelaksanaan",
                          line=282))
    assert check(renja, "E004") == [
        (282, "T-C.29 5.03.01.2.07.0006 (PROGRAM KEPEGAWAIAN DAERAH), indikator 'Persentase "
              "pelaksanaan': tingkat capaian Renstra (11) seharusnya 88,89% (80% / 90%), "
              "tertulis 90%")]
    fine = row(["90%", "80%", "80%", "80%", "100%", "80%", "80%", "88,89%"])
    assert check(with_rows(fine), "E004") == []


def test_e005_reports_a_lower_is_better_indicator_evaluated_the_wrong_way():
    wrong = row(["0,10%", "0,16%", "0,15%", "0,12%", "80%", "0,14%", "0,12%", "83%"],
                nama="Pembinaan Disiplin", indikator="Persentase pelanggaran disiplin")
    assert check(with_rows(wrong), "E005") == [
        (271, "T-C.29 5.03.01.2.07.0006 (Pembinaan Disiplin), indikator 'Persentase pelanggaran "
              "disiplin': tingkat realisasi (8) dihitung realisasi/target (80,00%); untuk "
              "indikator yang makin kecil makin baik seharusnya target/realisasi (125,00%)")]
    right = row(["0,10%", "0,16%", "0,15%", "0,12%", "125%", "0,14%", "0,12%", "83%"],
                nama="Pembinaan Disiplin", indikator="Persentase pelanggaran disiplin")
    assert check(with_rows(right), "E005") == []
    assert check(with_rows(right), "E001") == []
