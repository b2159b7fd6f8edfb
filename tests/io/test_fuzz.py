"""Fuzzing every importer with hypothesis on mutated real documents: whatever the input, the
result is a plan or one RenjaError, never a crash, and each file is read within seconds.

A short run is part of the tests; a longer one:
``RENJA_FUZZ_EXAMPLES=5000 .venv/bin/pytest tests/io/test_fuzz.py -p no:cacheprovider``.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import tempfile
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl.utils.exceptions import IllegalCharacterError

from renja.codes import parse_kode_or_damaged
from renja.domain import parse_target
from renja.errors import RenjaError
from renja.io.csv.read import read_ranwal, read_usulan
from renja.io.json import dumps
from renja.io.read import read_plan
from renja.io.xlsx.write import render_xlsx
from renja.numbers import parse_decimal, parse_rupiah
from renja.rules import run_checks
from tests.io.text.test_example import EXAMPLE

FUZZ = settings(max_examples=int(os.environ.get("RENJA_FUZZ_EXAMPLES", 25)), deadline=10_000,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
HOSTILE = ["5,03E+99", "5,03E-3", "X,XXE+05", "1" * 40, "\x81\x8d", "=SUM(A1:XFD1048576)",
           "\x0b\x01", "", "JUMLAH TOTAL", "9" * 400, "-", "1e999", "NaN", "\t\t\t", "2101",
           "0,0000000001%", "=HYPERLINK(\"x\")", "(((", "Rp.000", "100 %", "A (81,64)",
           "5.03.02.2.01.0080", "X.XX.01.2.01.0001", "\u00a0", "١٢٣"]
TEXT_LINES = EXAMPLE.read_text().split("\n")
values = st.one_of(st.sampled_from(HOSTILE), st.text(max_size=30))


def outcome(path: Path) -> None:
    """Read and check: a plan, or one RenjaError."""
    with contextlib.suppress(RenjaError):
        run_checks(read_plan(path).renja)


edits = st.lists(st.tuples(st.sampled_from(["drop", "copy", "cell", "line"]),
                           st.integers(0, len(TEXT_LINES) - 1), st.integers(0, 12), values),
                 min_size=1, max_size=8)


@FUZZ
@given(edits)
def test_mutated_texts_are_read_or_refused(changes):
    lines = list(TEXT_LINES)
    for op, at, column, value in changes:
        at %= len(lines)
        if op == "drop":
            del lines[at]
        elif op == "copy":
            lines.insert(at, lines[(at * 7) % len(lines)])
        elif op == "line":
            lines[at] = value
        else:
            cells = lines[at].split("\t")
            cells[column % len(cells)] = value
            lines[at] = "\t".join(cells)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "renja.txt"
        path.write_bytes("\n".join(lines).encode("utf-8", errors="surrogateescape"))
        outcome(path)


WORKBOOK = render_xlsx(read_plan(EXAMPLE).renja)


@FUZZ
@given(st.lists(st.tuples(st.sampled_from(["T-C.33", "T-C.29", "T-C.31", "Info", "Teks"]),
                          st.integers(1, 120), st.integers(1, 14), values),
                min_size=1, max_size=10))
def test_mutated_workbooks_are_read_or_refused(changes):
    book = openpyxl.load_workbook(io.BytesIO(WORKBOOK))
    for sheet, row, column, value in changes:
        try:
            book[sheet].cell(row, column).value = value
        except (ValueError, AttributeError, IllegalCharacterError):  # openpyxl refuses it
            continue
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "renja.xlsx"
        book.save(path)
        outcome(path)


PLAN = json.loads(dumps(read_plan(EXAMPLE).renja))


def leaves(data: object, trail: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
    if isinstance(data, dict):
        return [p for k, v in data.items() for p in leaves(v, (*trail, k))]
    if isinstance(data, list):
        return [p for i, v in enumerate(data) for p in leaves(v, (*trail, i))]
    return [trail]


PATHS = leaves(PLAN)


@FUZZ
@given(st.lists(st.tuples(st.integers(0, len(PATHS) - 1),
                          st.one_of(values, st.integers(), st.none(), st.booleans(),
                                    st.floats(allow_nan=True))), min_size=1, max_size=6))
def test_mutated_json_is_read_or_refused(changes):
    data = json.loads(json.dumps(PLAN))
    for index, value in changes:
        *head, last = PATHS[index]
        target = data
        for key in head:
            target = target[key]
        target[last] = value
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "renja.json"
        path.write_text(json.dumps(data))
        outcome(path)


@FUZZ
@given(st.binary(max_size=400), st.sampled_from([read_ranwal, read_usulan]))
def test_any_csv_is_read_or_refused(data, reader):
    header = b"kode,nama,indikator,target,pagu,lokasi,program_kegiatan,volume,pengusul\n"
    with contextlib.suppress(RenjaError):
        reader(header + data, "x.csv")


@FUZZ
@given(st.one_of(values, st.text(alphabet="0123456789,.E+e- Xx%()/", max_size=20)))
def test_any_typed_value_is_a_number_a_code_a_target_or_one_error(text):
    for parse in (parse_decimal, parse_rupiah, parse_target, parse_kode_or_damaged):
        with contextlib.suppress(RenjaError):
            parse(text)


@pytest.fixture(scope="module")
def small_pdf() -> bytes:
    from renja.demo.generate import Spec, generate
    from renja.demo.lookalike.word_pdf import handmade_pdf

    return handmade_pdf(generate(Spec(sub_kegiatan=6, seed=5)), set())


@FUZZ
@given(st.lists(st.tuples(st.sampled_from(["flip", "cut", "insert"]), st.integers(0, 10**7),
                          st.binary(min_size=1, max_size=16)), min_size=1, max_size=6))
def test_mutated_pdfs_are_read_or_refused(small_pdf, changes):
    data = bytearray(small_pdf)
    for op, at, value in changes:
        at %= len(data)
        if op == "flip":
            data[at:at + len(value)] = value
        elif op == "cut":
            del data[at:]
            data = data or bytearray(b"%PDF")
        else:
            data[at:at] = value
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "renja.pdf"
        path.write_bytes(bytes(data))
        outcome(path)


@pytest.fixture(scope="module")
def sipd_page() -> str:
    from renja.demo.generate import Spec, generate
    from renja.demo.lookalike.sipd_html import sipd_xls

    return sipd_xls(generate(Spec(sub_kegiatan=8, seed=9)), set()).decode("cp1252")


TAGS = ["<TD>", "</TD>", "<TR>", "<TABLE>", "</TABLE>", '<TD colspan="999999">',
        '<TD rowspan="-3">', '<TD x:num="1e400">', '<TD x:num="NaN">', "<BR>", "&#0;",
        "<script>", "<!--", "BAB I", "<![CDATA["]


@FUZZ
@given(st.lists(st.tuples(st.integers(0, 10**6), st.one_of(st.sampled_from(TAGS), values),
                          st.integers(0, 40)), min_size=1, max_size=8))
def test_mutated_html_exports_are_read_or_refused(sipd_page, changes):
    page = sipd_page
    for at, value, cut in changes:
        at %= len(page)
        page = page[:at] + value + page[at + cut:]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "renja.xls"
        path.write_bytes(page.encode("utf-8", errors="replace"))
        outcome(path)
