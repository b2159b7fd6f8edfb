import pytest

from renja.codes import DamagedKode, Kode, parse_kode, parse_kode_or_damaged
from renja.errors import CodeError


@pytest.mark.parametrize(
    ("text", "canonical", "level"),
    [
        ("5.03.02.2.01.0002", "5.03.02.2.01.0002", "sub_kegiatan"),
        ("5.03.02.2.01.02", "5.03.02.2.01.0002", "sub_kegiatan"),
        ("5030220102", "5.03.02.2.01.0002", "sub_kegiatan"),
        ("503022010002", "5.03.02.2.01.0002", "sub_kegiatan"),
        ("50302201", "5.03.02.2.01", "kegiatan"),
        ("5.03.02.2.01", "5.03.02.2.01", "kegiatan"),
        ("50302", "5.03.02", "program"),
        ("503", "5.03", "bidang"),
        ("5", "5", "urusan"),
        (" 5.03.02. ", "5.03.02", "program"),
        ("X.XX.01.2.06.0004", "X.XX.01.2.06.0004", "sub_kegiatan"),
        ("1.02.02.1.01.5", "1.02.02.1.01.0005", "sub_kegiatan"),
    ],
)
def test_it_parses_every_printed_form(text, canonical, level):
    kode = parse_kode(text)
    assert kode.canonical == canonical
    assert kode.level == level


def test_it_gives_the_parent_of_each_level():
    kode = parse_kode("5030220102")
    chain = []
    while kode is not None:
        chain.append(kode.canonical)
        kode = kode.parent
    assert chain == ["5.03.02.2.01.0002", "5.03.02.2.01", "5.03.02", "5.03", "5"]


def test_it_prints_the_compact_form_documents_use():
    assert parse_kode("5.03.02.2.01.0002").compact == "5030220102"
    assert parse_kode("5.03.02.2.01.0123").compact == "503022010123"
    assert parse_kode("5.03.02").compact == "50302"


def test_it_knows_when_a_code_is_under_another():
    assert parse_kode("5030220102").is_under(parse_kode("50302"))
    assert parse_kode("5030220102").is_under(parse_kode("5.03.02.2.01"))
    assert not parse_kode("5030220102").is_under(parse_kode("50301"))
    assert not parse_kode("50302").is_under(parse_kode("5030220102"))


def test_it_substitutes_the_agency_bidang_in_cross_cutting_codes():
    assert parse_kode("X.XX.01.2.06.04", bidang="5.03").canonical == "5.03.01.2.06.0004"
    assert parse_kode("X.XX.01.2.06.0004").with_bidang("503").canonical == "5.03.01.2.06.0004"
    assert parse_kode("5.03.01.2.06.0004").as_cross_cutting().canonical == "X.XX.01.2.06.0004"
    assert parse_kode("5.03.02.2.01").as_cross_cutting().canonical == "5.03.02.2.01"


def test_it_refuses_a_program_code_as_the_substituted_bidang():
    with pytest.raises(CodeError) as exc:
        parse_kode("X.XX.01", bidang="5")
    assert str(exc.value) == "'5' is not a bidang code such as '5.03'"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("5040202", "'5040202' is not a valid code: 7 digits, expected 1 (urusan), 3 (bidang), "
                    "5 (program), 8 (kegiatan), 10 or 12 (sub kegiatan)"),
        ("50", "'50' is not a valid code: 2 digits, expected 1 (urusan), 3 (bidang), "
               "5 (program), 8 (kegiatan), 10 or 12 (sub kegiatan)"),
        ("", "'' is not a valid code: it is empty"),
        ("5O302", "'5O302' is not a valid code: it must contain only digits and dots"),
        ("9.01", "'9.01' is not a valid code: urusan '9' must be one digit 1-8 or X"),
        ("5.3.02", "'5.3.02' is not a valid code: bidang '3' must be 2 digits"),
        ("5.03.2", "'5.03.2' is not a valid code: program '2' must be 2 digits"),
        ("5.03.02.3.01", "'5.03.02.3.01' is not a valid code: level '3' must be 1 (provinsi) "
                         "or 2 (kab/kota)"),
        ("5.03.02.2", "'5.03.02.2' is not a valid code: the kegiatan number is missing after "
                      "the level digit"),
        ("5.03.02.2.01.00001", "'5.03.02.2.01.00001' is not a valid code: sub kegiatan '00001' "
                               "must be 1 to 4 digits"),
        ("5.03.02.2.01.0001.1", "'5.03.02.2.01.0001.1' is not a valid code: 7 parts, at most 6 "
                                "(U.BB.PP.L.KK.SSSS)"),
        ("5,03E+09", "'5,03E+09' is not a valid code: damaged by Excel (scientific notation)"),
    ],
)
def test_it_rejects_malformed_codes_with_the_reason(text, message):
    with pytest.raises(CodeError) as exc:
        parse_kode(text)
    assert str(exc.value) == message


def test_it_explains_malformed_codes_in_bahasa_indonesia():
    with pytest.raises(CodeError) as exc:
        parse_kode("5040202")
    assert exc.value.message("id") == (
        "'5040202' bukan kode yang sah: 7 digit, seharusnya 1 (urusan), 3 (bidang), "
        "5 (program), 8 (kegiatan), 10 atau 12 (sub kegiatan)"
    )


@pytest.mark.parametrize("text", ["5,03E+09", "5.03E+09", "5,03E+9", "5,03e+09"])
def test_it_reads_excel_damaged_codes_as_a_prefix(text):
    damaged = parse_kode_or_damaged(text)
    assert damaged == DamagedKode(text=text, prefix="503", digits=10)
    assert damaged.level == "sub_kegiatan"


def test_a_damaged_code_knows_which_codes_it_could_have_been():
    damaged = parse_kode_or_damaged("5,03E+09")
    assert isinstance(damaged, DamagedKode)
    assert damaged.could_be(parse_kode("5030120101"))
    assert damaged.could_be(parse_kode("5.03.02.2.04.0008"))
    assert not damaged.could_be(parse_kode("5040220206"))
    assert not damaged.could_be(parse_kode("50302201"))


def test_parse_kode_or_damaged_parses_sound_codes_as_usual():
    assert parse_kode_or_damaged("50302") == Kode("5", "03", "02")
