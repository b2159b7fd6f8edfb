from decimal import Decimal

import pytest

from renja.domain import Target, format_target, parse_target
from renja.errors import TargetError


@pytest.mark.parametrize(
    ("text", "value", "satuan", "grade"),
    [
        ("496 dok", "496", "dok", None),
        ("49 org/bln", "49", "org/bln", None),
        ("84%", "84", "%", None),
        ("64,09 %", "64.09", "%", None),
        ("A (81,64)", "81.64", None, "A"),
        ("BB(70,5)", "70.5", None, "BB"),
        ("1 unit", "1", "unit", None),
        ("36,5", "36.5", None, None),
        ("-", "0", None, None),
        ("0", "0", None, None),
        ("-2 kasus", "-2", "kasus", None),
        ("1.000 org", "1000", "org", None),
        ("Rp 1.500", "1500", "Rp", None),
    ],
)
def test_it_splits_a_target_into_value_and_satuan(text, value, satuan, grade):
    target = parse_target(text)
    assert target.value == Decimal(value)
    assert (target.satuan, target.grade, target.text) == (satuan, grade, text)


def test_it_keeps_qualitative_targets_as_text():
    target = parse_target("WTP")
    assert target == Target(text="WTP")
    assert target.is_qualitative
    assert parse_target("A") == Target(text="A", grade="A")


@pytest.mark.parametrize(
    ("text", "message", "hint"),
    [
        ("Idok", "'Idok' is not a valid target: the letter 'I' stands where a number should be",
         "did you mean '1 dok'?"),
        ("lunit", "'lunit' is not a valid target: the letter 'l' stands where a number should "
                  "be", "did you mean '1 unit'?"),
        ("O lap", "'O lap' is not a valid target: the letter 'O' stands where a number should "
                  "be", "did you mean '0 lap'?"),
    ],
)
def test_it_reports_letters_typed_for_digits(text, message, hint):
    with pytest.raises(TargetError) as exc:
        parse_target(text)
    assert str(exc.value) == message
    assert exc.value.hint() == hint


def test_it_reports_typos_in_bahasa_indonesia():
    with pytest.raises(TargetError) as exc:
        parse_target("Idok")
    assert exc.value.message("id") == (
        "'Idok' bukan target yang sah: huruf 'I' tertulis di tempat angka"
    )
    assert exc.value.hint("id") == "maksudnya '1 dok'?"


def test_it_does_not_mistake_words_for_typos():
    assert parse_target("Indeks baik").is_qualitative


def test_it_rejects_an_empty_target_and_a_broken_number():
    with pytest.raises(TargetError) as exc:
        parse_target("  ")
    assert str(exc.value) == "'' is not a valid target: it is empty"
    with pytest.raises(TargetError) as exc:
        parse_target("1.2.3,4,5 dok")
    assert str(exc.value) == "'1.2.3,4,5 dok' is not a valid target: '1.2.3,4,5' is not a number"


@pytest.mark.parametrize("text", ["496 dok", "84%", "A (81,64)", "36,5", "49 org/bln", "WTP",
                                  "1.000 org", "Rp 1.500"])
def test_it_prints_targets_back_as_documents_do(text):
    assert format_target(parse_target(text)) == text


def test_it_prints_nothing_for_a_missing_target():
    assert format_target(None) == ""
