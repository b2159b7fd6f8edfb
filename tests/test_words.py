from renja import words


def test_codes_read_as_words():
    assert [words.stage(s) for s in ("rancangan_awal", "forum_pd", "penetapan")] == [
        "Rancangan awal", "Forum Perangkat Daerah", "Penetapan"]
    assert words.status("diajukan") == "Diajukan ke Bappeda"
    assert words.audit_action("renja.nilai.ubah") == "Nilai diubah"
    assert words.via("import") == "lewat impor"


def test_columns_are_titled_with_their_year():
    assert [words.field_title(f, 2024) for f in (
        "pagu_n", "pagu_n1", "belanja_barang_jasa_n", "indikator 2 target_n1", "lokasi",
        "belanja_n", "perangkat_daerah")] == [
        "Pagu 2024", "Pagu 2025", "Belanja barang dan jasa 2024", "Indikator 2: target 2025",
        "Lokasi", "Rincian belanja 2024", "perangkat daerah"]
