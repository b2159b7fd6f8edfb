"""Recovering damaged codes: never from a sibling with another last word, never from a code
T-C.33 gives to two rows."""

from renja.codes import parse_kode, parse_kode_or_damaged
from renja.io.read import read_plan
from renja.io.recovery import Recoverer, other_last_word
from renja.nomenklatur import default_catalogue, normalise_name
from tests.io.text.test_example import EXAMPLE


def test_a_different_last_word_is_a_sibling_but_a_cut_or_typo_is_not():
    assert other_last_word("pelaksanaan restorasi", "pelaksanaan remediasi")
    assert not other_last_word("pembinaan pengoordinasian", "pembinaan pengkoordinasian")
    assert not other_last_word("sertifikasi di lingkungan pemerintah",
                               "sertifikasi di lingkungan pemerintah kabupaten kota")
    assert not other_last_word("penyusunan dokumen perenc", "penyusunan dokumen perencanaan")


def test_a_damaged_code_is_not_taken_from_a_sibling_named_alike():
    remediasi = "Koordinasi, Sinkronisasi dan Pelaksanaan Remediasi"
    recoverer = Recoverer(default_catalogue(), 2024, "2.11",
                          known={normalise_name(remediasi): parse_kode("2.11.03.2.03.0003")})
    damaged = parse_kode_or_damaged("2,11E+09")
    found = recoverer.recover("Koordinasi, Sinkronisasi dan Pelaksanaan Restorasi",
                              "sub_kegiatan", parse_kode("2.11.03.2.03"), damaged)  # type: ignore[arg-type]
    assert found is not None
    assert (found.kode.canonical, found.how_id) == (
        "2.11.03.2.03.0005", "dari nomenklatur (nama mirip 100% di bawah 2.11.03.2.03)")


def test_a_code_tc33_gives_to_two_rows_is_not_copied_into_tc29():
    renja = read_plan(EXAMPLE).renja
    tc33 = [n.nama for n in renja.rencana.walk() if n.kode == "5.03.02.2.03.0002"]
    assert sorted(tc33) == ["Pengelolaan Assesment Center", "Peningkatan Kapasitas Kinerja ASN"]
    [row] = [r for r in renja.tc29.rows if r.nama == "Peningkatan Kapasitas Kinerja ASN"]
    assert (row.kode, row.kode_recovery) == (
        "5.03.02.2.03.0001", "dari nomenklatur (nama mirip 100% di bawah 5.03.02.2.03)")
