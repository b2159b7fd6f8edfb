from renja.domain import TujuanSasaranRow, parse_target
from tests.rules.builders import check, plan, src


def row(indikator: str, *values: str | None, line: int = 0) -> TujuanSasaranRow:
    r = TujuanSasaranRow(kelompok="indikator_kinerja_daerah", indikator=indikator,
                         **{name: parse_target(v) if v else None for name, v in
                            zip(("realisasi_n2", "proyeksi_n1", "target_n"), values,
                                strict=False)})
    r.trace("realisasi_n2", src(line))
    return r


def education(menengah_2024: str):  # type: ignore[no-untyped-def]
    renja = plan()
    renja.tujuan_sasaran.rows = [
        row("Rasio Pegawai menurut Pendidikan (%)", line=579),
        row("Pendidikan Tinggi", "66,35%", "66,5%", "66,65%", line=580),
        row("Menengah", "29,37%", "29,23%", menengah_2024, line=581),
        row("Dasar", "4,28%", "4,27%", "4,26%", line=582),
        row("Rasio Pegawai Fungsional (%)", "13,11%", "13,12%", "13,13%", line=583)]
    return renja


def test_t006_reports_shares_that_no_longer_add_up_to_100():
    assert check(education("29,39%"), "T006") == [
        (580, "Tabel 3.2: bagian 'Rasio Pegawai menurut Pendidikan (%)' (Pendidikan Tinggi, "
              "Menengah, Dasar) berjumlah 100,3% pada target 2024; pada realisasi 2022 "
              "berjumlah 100%")]


def test_t006_allows_the_rounding_of_shares_and_unrelated_percentages():
    assert check(education("29,12%"), "T006") == []  # 100,03 %: rounding
    renja = plan()
    renja.tujuan_sasaran.rows = [row("Rasio", line=1), row("A", "40%", "50%", line=2),
                                 row("B", "40%", "60%", line=3)]
    assert check(renja, "T006") == []  # never 100 %: not shares of one whole
