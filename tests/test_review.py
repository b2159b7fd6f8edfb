from renja.domain import Usulan, parse_target
from renja.io.read import read_plan
from renja.review import RanwalItem, generate_tc31, usulan_catatan
from tests.io.text.test_example import EXAMPLE


def test_tc31_is_generated_from_the_ranwal_and_the_plan():
    renja = read_plan(EXAMPLE).renja
    renja.tc31.rows[4].catatan = "Disesuaikan dengan kebutuhan"  # 5.03.01.2.01.0007
    ranwal = [
        RanwalItem("5.03.01.2.01.0001", "Penyusunan Dokumen Perencanaan Perangkat Daerah",
                   "Jumlah Dokumen", parse_target("5 dok"), 8_000_000, "Pas"),
        RanwalItem("5.03.01.2.01.0007", "Evaluasi Kinerja Perangkat Daerah", "Jumlah Laporan",
                   parse_target("7 lap"), 10_000_000, "Pas"),
        RanwalItem("5.03.02.2.01.0004", "Evaluasi Pengadaan ASN", "Jumlah", None, 5_000_000),
    ]
    table = generate_tc31(renja, ranwal)
    rows = {r.kode: r for r in table.rows}
    assert rows["5.03.01.2.01.0001"].catatan == "Pagu bertambah Rp 1.058.600"
    assert rows["5.03.01.2.01.0001"].kebutuhan.pagu == 9_058_600
    assert rows["5.03.01.2.01.0007"].catatan == "Disesuaikan dengan kebutuhan"
    assert rows["5.03.02.2.01.0004"].catatan == "Tidak dilanjutkan dalam Renja"
    assert rows["5.03.02.2.01.0002"].catatan == (
        "Tidak ada dalam rancangan awal RKPD (tambahan hasil analisis kebutuhan)")
    assert table.total_kebutuhan == 22_145_310_718


def test_tc32_catatan_follows_the_decision():
    renja = read_plan(EXAMPLE).renja
    accepted = Usulan(program_kegiatan="Pelatihan", diterima=True, kode="5.03.02.2.03.0002")
    refused = Usulan(program_kegiatan="Gedung baru", diterima=False, alasan="bukan kewenangan")
    assert usulan_catatan(accepted, renja) == (
        "Diakomodir pada 5.03.02.2.03.0002 Peningkatan Kapasitas Kinerja ASN")
    assert usulan_catatan(refused, renja) == "Tidak diakomodir: bukan kewenangan"
