

def test_polarity_is_read_from_the_whole_phrase():
    from renja.calc.capaian import infer_polaritas

    assert [infer_polaritas(name) for name in (
        "Persentase kasus pelanggaran disiplin yang ditangani",
        "Persentase kasus kekerasan terhadap anak yang diselesaikan",
        "Jumlah kasus yang ditindaklanjuti",
        "Persentase penurunan angka kematian ibu",
        "Persentase pelanggaran disiplin ASN",
        "Angka kematian bayi",
        "Jumlah kasus DBD",
        "Tingkat pengangguran terbuka",
        "Prevalensi stunting",
    )] == ["positif"] * 4 + ["negatif"] * 5
