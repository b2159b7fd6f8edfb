from renja.text import title_case


def test_names_in_capitals_become_title_case_with_small_words_and_acronyms_kept():
    assert title_case("BADAN KEPEGAWAIAN DAN PENGEMBANGAN SUMBER DAYA MANUSIA") == (
        "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia")
    assert title_case("dinas pupr kabupaten contoh") == "Dinas PUPR Kabupaten Contoh"
    assert title_case("PELAYANAN RSUD DAN UPTD PUSKESMAS") == "Pelayanan RSUD dan UPTD Puskesmas"
    assert title_case("dan lain-lain") == "Dan Lain-lain"
