from renja.text import title_case


def test_names_in_capitals_become_title_case_with_small_words_and_acronyms_kept():
    assert title_case("BADAN KEPEGAWAIAN DAN PENGEMBANGAN SUMBER DAYA MANUSIA") == (
        "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia")
    assert title_case("dinas pupr kabupaten contoh") == "Dinas PUPR Kabupaten Contoh"
    assert title_case("PELAYANAN RSUD DAN UPTD PUSKESMAS") == "Pelayanan RSUD dan UPTD Puskesmas"
    assert title_case("dan lain-lain") == "Dan Lain-lain"


def test_text_a_spreadsheet_would_run_as_a_formula_stays_text_and_numbers_stay_numbers():
    from renja.text import spreadsheet_safe

    assert [spreadsheet_safe(v) for v in (
        "=SUM(A1)", "+62 812", "-2+3", "@cmd", "\tx", "-1.250", "+5", "12,5%", "Pas", 7, None,
        "")] == ["'=SUM(A1)", "'+62 812", "'-2+3", "'@cmd", "'\tx", "-1.250", "+5", "12,5%",
                 "Pas", 7, None, ""]


def test_control_characters_are_removed_and_line_breaks_kept():
    from renja.text import clean_data, clean_text

    assert clean_text("Ban\x0bgil\x00\x7f\tKota\nBaris") == "Bangil\tKota\nBaris"
    assert clean_data({"a\x01": ["x\x1f", 3, {"b": "y\x00"}]}) == {"a": ["x", 3, {"b": "y"}]}


def test_has_controls_misses_no_string_clean_data_would_change():
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from renja.text import clean_data, has_controls

    texts = st.text(alphabet=st.characters(max_codepoint=0x3000), max_size=12)
    data = st.recursive(texts | st.integers() | st.none(),
                        lambda inner: st.lists(inner, max_size=4)
                        | st.dictionaries(texts, inner, max_size=4), max_leaves=12)

    @settings(max_examples=400, deadline=None)
    @given(data)
    def check(value: object) -> None:
        if clean_data(value) != value:
            assert has_controls(value)

    check()
    assert [c for c in range(128) if has_controls({"k": chr(c)})] == \
        [*(c for c in range(32) if c not in (9, 10, 13)), 127]
