"""Files made to hurt: every one is refused or read within limits, quickly, with one clear
error naming the file and the place, and never a crash."""

from __future__ import annotations

import json
import time
import zipfile
from pathlib import Path

import openpyxl
import pytest

from renja.errors import FormatError, RenjaError
from renja.io.read import read_plan
from renja.rules import run_checks
from tests.io.text.test_example import EXAMPLE


def refused(path: Path) -> str:
    start = time.perf_counter()
    with pytest.raises(RenjaError) as exc:
        read_plan(path)
    assert time.perf_counter() - start < 10, "a hostile file must be refused within seconds"
    return exc.value.message("id")


def workbook(tmp_path: Path, cells: dict[str, object], name: str = "renja.xlsx") -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "T-C.33"
    for ref, value in cells.items():
        sheet[ref] = value
    path = tmp_path / name
    book.save(path)
    return path


def test_it_refuses_a_workbook_with_a_cell_far_beyond_a_renja(tmp_path):
    path = workbook(tmp_path, {"A1": "Kode", "ZZ200000": 1})
    assert refused(path) == ("renja.xlsx: sel ZZ200000 pada xl/worksheets/sheet1.xml melewati "
                             "batas 10000 baris atau 100 kolom")


def test_it_refuses_a_workbook_of_a_hundred_thousand_rows(tmp_path):
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("T-C.33")
    for i in range(100_000):
        sheet.append([i])
    path = tmp_path / "besar.xlsx"
    book.save(path)
    assert refused(path) == ("besar.xlsx: sel A10001 pada xl/worksheets/sheet1.xml melewati "
                             "batas 10000 baris atau 100 kolom")


def test_it_refuses_a_zip_bomb_named_xlsx(tmp_path):
    path = tmp_path / "bom.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        package.writestr("xl/worksheets/sheet1.xml", b"\0" * (300 * 1024 * 1024))
    assert refused(path) == "bom.xlsx: terlalu besar setelah dibuka (300 MB, paling besar 200 MB)"


def test_it_refuses_a_single_part_that_packs_like_a_bomb(tmp_path):
    path = tmp_path / "bom.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("xl/worksheets/sheet1.xml", b" " * (50 * 1024 * 1024))
    assert refused(path).startswith("bom.xlsx: bagian xl/worksheets/sheet1.xml termampatkan ")


def test_it_refuses_a_workbook_declaring_a_doctype(tmp_path):
    path = workbook(tmp_path, {"A1": "Kode"})
    with zipfile.ZipFile(path) as package:
        parts = {i.filename: package.read(i) for i in package.infolist()}
    parts["xl/workbook.xml"] = b'<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>' + \
        parts["xl/workbook.xml"]
    with zipfile.ZipFile(path, "w") as package:
        for part, data in parts.items():
            package.writestr(part, data)
    assert refused(path) == "renja.xlsx: bagian xl/workbook.xml memuat DOCTYPE atau ENTITY"


HOSTILE_FORMULAS = {
    "B2": "=SUM(A1:XFD1048576)",
    "B3": "=" + "(" * 3000 + "1" + ")" * 3000,
    "B4": "=ROUND(1,999999999)",
    "B5": "=IF(1)",
    "B6": "=MIN()",
    "B7": "=1/(1-1)",
    "B8": "=" + "-" * 3000 + "1",
}


def test_hostile_formulas_are_reported_by_cell_and_the_rest_is_read(tmp_path):
    cells: dict[str, object] = {"A1": "Kode", **HOSTILE_FORMULAS}
    for i in range(10, 410):  # a chain of 400 formulas, each referring to the next
        cells[f"C{i}"] = f"=C{i + 1}+1"
    cells["C410"] = 1
    path = workbook(tmp_path, cells)
    start = time.perf_counter()
    try:
        result = read_plan(path)
    except RenjaError:
        return  # no Renja tables in it: refused as such, which is fine too
    assert time.perf_counter() - start < 10
    notes = {n.source.cell: n.message("id") for n in result.report.notices if n.source.cell}
    assert notes["B2"] == ("rumus =SUM(A1:XFD1048576) tidak dapat dihitung (range A1:XFD1048576 "
                           "covers more than 50000 cells)")


def test_the_formula_evaluator_refuses_each_hostile_formula_with_a_reason():
    from renja.io.xlsx.formula import FormulaError, evaluate

    reasons = {}
    for ref, formula in HOSTILE_FORMULAS.items():
        with pytest.raises(FormulaError) as exc:
            evaluate(formula, lambda _ref: 1)
        reasons[ref] = str(exc.value)
    assert reasons == {
        "B2": "range A1:XFD1048576 covers more than 50000 cells",
        "B3": "longer than 2000 characters",
        "B4": "ROUND to 999999999 places",
        "B5": "IF needs a condition and a value",
        "B6": "MIN needs an argument",
        "B7": "division by zero",
        "B8": "longer than 2000 characters",
    }
    with pytest.raises(FormulaError, match="nested deeper than 50"):
        evaluate("=" + "(" * 60 + "1" + ")" * 60, lambda _ref: 1)


def test_a_text_with_bytes_of_no_encoding_is_read_with_a_warning(tmp_path):
    path = tmp_path / "renja.txt"
    path.write_bytes(EXAMPLE.read_bytes().replace(b"Pasuruan", b"Pas\x81\x8d\x8f\x90\x9d", 1))
    result = read_plan(path)
    assert [n.message("id") for n in result.report.notices if n.source.line is None][-1] == \
        "5 bita bukan UTF-8 maupun Windows-1252 dan diganti �"
    run_checks(result.renja)


def test_it_refuses_a_text_larger_than_any_renja(tmp_path):
    path = tmp_path / "besar.txt"
    path.write_bytes(EXAMPLE.read_bytes() * 40)
    message = refused(path)
    assert message.startswith("besar.txt: teks ")
    assert message.endswith(" KB lebih besar dari sebuah Renja (paling besar 3072 KB)")


def test_a_year_beyond_the_model_is_the_documents_error(tmp_path):
    path = tmp_path / "renja.txt"
    path.write_text(EXAMPLE.read_text().replace("2024", "3024"))
    assert refused(path) == ("renja.txt: tahun rencana 3024 pada judul bukan tahun antara 2000 "
                             "dan 2100")


@pytest.mark.parametrize(("text", "message"), [
    ("[" * 5000 + "]" * 5000, "x.json: bukan berkas JSON Renja: bersarang terlalu dalam"),
    ('{"format": "renja/1", "tahun": ' + "9" * 5000 + "}",
     "x.json: bukan berkas JSON Renja: ada angka yang terlalu panjang"),
])
def test_it_refuses_hostile_json(tmp_path, text, message):
    path = tmp_path / "x.json"
    path.write_text(text)
    assert refused(path) == message


def test_a_forty_digit_number_in_a_table_is_refused_as_a_number(tmp_path):
    from renja.numbers import parse_decimal

    with pytest.raises(FormatError.__mro__[1]) as exc:
        parse_decimal("1" * 40)
    assert exc.value.message("id") == ("'1111111111111111111111111111111111111111' bukan angka: "
                                       "terlalu banyak digit (paling banyak 18, dan 10 di "
                                       "belakang koma)")


def test_excel_damaged_codes_with_odd_exponents_are_read_or_refused():
    from renja.codes.kode import _scientific, parse_kode, parse_kode_or_damaged

    for text in ("5,03E+99", "5,03E-3", "X,XXE+05", "5E+0", "5,03E+09", "9,99E+300"):
        try:
            damaged = parse_kode_or_damaged(text)
        except RenjaError:
            continue
        for kode in ("5.03.02.2.01.0001", "X.XX.01.2.01.0001"):
            if hasattr(damaged, "could_be"):
                damaged.could_be(parse_kode(kode))
    assert _scientific("5030220101", 3) == "503"
    assert _scientific("5035", 3) == "504"  # Excel rounds half away from zero
    assert _scientific("XXX01", 3) == ""


def test_the_example_json_survives_a_round_trip_through_the_hostile_checks(tmp_path):
    path = tmp_path / "contoh.json"
    path.write_text(json.dumps(json.loads(
        __import__("renja.io.json", fromlist=["dumps"]).dumps(read_plan(EXAMPLE).renja))))
    assert read_plan(path).renja.tahun == 2024
