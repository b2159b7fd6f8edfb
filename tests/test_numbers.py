from decimal import Decimal

import pytest

from renja.errors import NumberError
from renja.numbers import (
    format_number,
    format_percent,
    format_rupiah,
    parse_decimal,
    parse_percent,
    parse_rupiah,
)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1.802.940.203", Decimal("1802940203")),
        ("36,5", Decimal("36.5")),
        ("70,036", Decimal("70.036")),
        ("0,13", Decimal("0.13")),
        ("-", Decimal(0)),
        ("–", Decimal(0)),
        ("0", Decimal(0)),
        ("1.234,56", Decimal("1234.56")),
        ("1,234.56", Decimal("1234.56")),
        ("1,234,567", Decimal("1234567")),
        ("80.5", Decimal("80.5")),
        ("-2,5", Decimal("-2.5")),
        ("(1.000)", Decimal("-1000")),
        ("1 000", Decimal("1000")),
        ("2496", Decimal("2496")),
    ],
)
def test_it_parses_indonesian_numbers(text, value):
    assert parse_decimal(text) == value


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "'' is not a number: it is empty"),
        ("abc", "'abc' is not a number"),
        ("1.2.3,4,5", "'1.2.3,4,5' is not a number"),
        ("5,03E+09", "'5,03E+09' is not a number: damaged by Excel (scientific notation)"),
    ],
)
def test_it_rejects_what_is_not_a_number(text, message):
    with pytest.raises(NumberError) as exc:
        parse_decimal(text)
    assert str(exc.value) == message


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1.802.940.203", 1802940203),
        ("Rp. 14.158.871.237,-", 14158871237),
        ("Rp 11.312.239.227,00", 11312239227),
        (": -", None),
        ("-", 0),
        ("-7.500", -7500),
    ],
)
def test_it_parses_amounts_of_rupiah(text, value):
    if value is None:
        with pytest.raises(NumberError):
            parse_rupiah(text)
    else:
        assert parse_rupiah(text) == value


def test_it_rejects_fractions_of_rupiah():
    with pytest.raises(NumberError) as exc:
        parse_rupiah("1.234,5")
    assert str(exc.value) == "'1.234,5' is not a whole amount of Rupiah"
    assert exc.value.message("id") == "'1.234,5' bukan jumlah Rupiah yang bulat"


@pytest.mark.parametrize(("text", "value"), [("64,09%", "64.09"), ("100 %", "100"), ("84", "84")])
def test_it_parses_percentages(text, value):
    assert parse_percent(text) == Decimal(value)


def test_it_formats_numbers_the_indonesian_way():
    assert format_number(1802940203) == "1.802.940.203"
    assert format_number(Decimal("36.5")) == "36,5"
    assert format_number(Decimal("36.50")) == "36,5"
    assert format_number(Decimal("-2500.25")) == "-2.500,25"
    assert format_number(Decimal("82.2222"), decimals=2) == "82,22"
    assert format_number(0) == "0"
    assert format_rupiah(22145310718) == "22.145.310.718"
    assert format_rupiah(0) == "-"
    assert format_rupiah(0, dash_for_zero=False) == "0"
    assert format_rupiah(None) == ""
    assert format_rupiah(1000, prefix="Rp ") == "Rp 1.000"
    assert format_percent(Decimal("64.09")) == "64,09%"
    assert format_percent(None) == ""


def test_a_money_header_says_what_its_amounts_are_counted_in():
    from renja.numbers import money_scale

    assert [money_scale(label) for label in (
        "Rp.000", "(Rp. 000)", "dalam ribuan rupiah", "Rp ribu", "Rp juta",
        "(dalam jutaan rupiah)", "Rp", None)] == [1000, 1000, 1000, 1000, 1_000_000,
                                                   1_000_000, 1, 1]


def test_the_scale_of_printed_amounts_comes_from_the_plan_before_the_label():
    from renja.io.tables.money_unit import printed_scale

    assert printed_scale(22_145_311, 22_145_310_718, 1) == 1000  # label says Rp: values say ribu
    assert printed_scale(22_145_310_718, 22_145_310_718, 1000) == 1  # label says ribu: Rupiah
    assert printed_scale(22_145, 22_145_310_718, 1000) == 1_000_000
    assert printed_scale(None, 22_145_310_718, 1000) == 1000  # nothing to compare: the label
    assert printed_scale(5, 22_145_310_718, 1) == 1  # no plausible reading: as printed
