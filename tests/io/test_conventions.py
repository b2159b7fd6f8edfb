"""Document conventions of real Renja that nobody here wrote: each made into a fixture from
the example (or by hand), imported, and every money cell compared."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal

import pytest

from renja.io.text.read import parse_text
from renja.numbers import format_rupiah, parse_rupiah
from renja.rules import run_checks
from tests.io.text.test_example import EXAMPLE

TEXT = EXAMPLE.read_text()
MONEY = re.compile(r"^(<i>)?(\d{1,3}(?:\.\d{3})+)(</i>)?$")
LABELLED = re.compile(r"(:\s*)(\d{1,3}(?:\.\d{3})+)\s*$")


def section(text: str, start: str, end: str) -> tuple[int, int]:
    lines = text.split("\n")
    first = next(i for i, t in enumerate(lines) if t.startswith(start))
    last = next(i for i, t in enumerate(lines) if i > first and t.startswith(end))
    return first, last


def in_thousands(text: str, label: str | None = None, scale: int = 1000) -> str:
    """The example with T-C.31's amounts printed in thousands (or ``scale``), rounded half
    up."""
    lines = text.split("\n")
    first, last = section(text, "Tabel T-C.31", "Tabel T-C.32")
    for i in range(first, last):
        cells = lines[i].split("\t")
        for j, cell in enumerate(cells):
            if match := MONEY.match(cell):
                value = (Decimal(parse_rupiah(match.group(2))) / scale).quantize(
                    Decimal(1), ROUND_HALF_UP)
                cells[j] = cell.replace(match.group(2), format_rupiah(int(value)))
            if label is not None:
                cells[j] = cells[j].replace("(Rp.000)", label)
        lines[i] = "\t".join(cells)
    return "\n".join(lines)


def tc33_in_thousands(text: str, label: str = "(Rp.000)") -> str:
    """The example with T-C.33's amounts printed in thousands under ``label``."""
    lines = text.split("\n")
    first, last = section(text, "Tabel T-C.33", "BAB V")
    for i in range(first, last):
        cells = lines[i].split("\t")
        for j, cell in enumerate(cells):
            match = LABELLED.search(cell) or MONEY.match(cell)
            if match:  # an amount alone, or after ':' (with its belanja label or not)
                value = (Decimal(parse_rupiah(match.group(2))) / 1000).quantize(
                    Decimal(1), ROUND_HALF_UP)
                cells[j] = cell[:match.start(2)] + format_rupiah(int(value)) + \
                    cell[match.end(2):]
            elif cell.strip().endswith("Pagu Indikatif"):
                cells[j] = f"{cell} {label}"
        lines[i] = "\t".join(cells)
    return "\n".join(lines)


def codes(findings, rule):  # type: ignore[no-untyped-def]
    return sorted((f.kode or "", f.field or "") for f in findings if f.rule == rule)


ORIGINAL = parse_text(TEXT, "contoh.txt").renja
ORIGINAL_FINDINGS = run_checks(ORIGINAL)


@pytest.mark.parametrize("label", ["(Rp.000)", "(dalam ribuan rupiah)", "(Rp ribu)",
                                   "(Rp. 000)"])
def test_a_tc31_printed_in_thousands_is_read_in_full_rupiah(label):
    renja = parse_text(in_thousands(TEXT, label), "ribuan.txt").renja
    assert renja.tc31.skala_uang == 1000
    for got, want in zip(renja.tc31.rows, ORIGINAL.tc31.rows, strict=True):
        for side in ("ranwal", "kebutuhan"):
            a, b = getattr(got, side).pagu, getattr(want, side).pagu
            assert (a is None) == (b is None)
            if a is not None:
                assert abs(a - b) <= 500, (got.kode, side, a, b)  # rounded to the thousand
    assert abs(renja.tc31.total_kebutuhan - ORIGINAL.tc31.total_kebutuhan) <= 500
    found = run_checks(renja)
    assert codes(found, "H004") == []  # the label now agrees with the values
    for rule in ("L001", "L007"):  # no mismatch appears because of the unit
        assert codes(found, rule) == codes(ORIGINAL_FINDINGS, rule), rule


def test_a_tc31_printed_in_millions_is_read_in_full_rupiah():
    renja = parse_text(in_thousands(TEXT, "(dalam jutaan rupiah)", 1_000_000), "juta.txt").renja
    assert renja.tc31.skala_uang == 1_000_000
    for got, want in zip(renja.tc31.rows, ORIGINAL.tc31.rows, strict=True):
        a, b = got.kebutuhan.pagu, want.kebutuhan.pagu
        assert (a is None and b is None) or abs(a - b) <= 500_000, (got.kode, a, b)
    found = run_checks(renja)
    assert codes(found, "H004") == []
    for rule in ("L001", "L007"):
        assert codes(found, rule) == codes(ORIGINAL_FINDINGS, rule), rule


@pytest.mark.parametrize("label", ["(Rp.000)", "(dalam ribuan rupiah)", "(Rp ribu)"])
def test_a_tc33_printed_in_thousands_is_read_in_full_rupiah(label):
    renja = parse_text(tc33_in_thousands(TEXT, label), "tc33-ribuan.txt").renja
    assert renja.rencana.skala_uang == 1000
    pairs = list(zip(renja.rencana.walk(), ORIGINAL.rencana.walk(), strict=True))
    for got, want in pairs:
        for name in ("pagu_n", "pagu_n1"):
            a, b = getattr(got, name), getattr(want, name)
            assert (a is None) == (b is None) and (a is None or abs(a - b) <= 500), (
                got.kode, name, a, b)
        for year in ("belanja_n", "belanja_n1"):
            for part in ("operasi", "pegawai", "barang_jasa", "modal"):
                a, b = getattr(getattr(got, year), part), getattr(getattr(want, year), part)
                assert (a is None) == (b is None) and (a is None or abs(a - b) <= 500)
    total, original = renja.rencana.total, ORIGINAL.rencana.total
    assert abs(total.pagu_n - original.pagu_n) <= 500
    found = run_checks(renja)
    for rule in ("U001", "U002", "U003", "U004", "U005", "L001", "L007"):
        assert codes(found, rule) == codes(ORIGINAL_FINDINGS, rule), rule


def test_a_header_saying_rupiah_over_amounts_in_thousands_is_reported_once():
    renja = parse_text(in_thousands(TEXT, "(Rp)"), "ribuan.txt").renja
    assert renja.tc31.skala_uang == 1000
    found = [f for f in run_checks(renja) if f.rule == "H004"]
    assert [f.message for f in found] == [
        "T-C.31: judul kolom menyebut Rp, tetapi nilainya dalam ribuan (dibandingkan dengan "
        "pagu T-C.33); dibaca sebagai ribuan"]
    assert codes(run_checks(renja), "L001") == codes(ORIGINAL_FINDINGS, "L001")


def test_a_header_saying_thousands_over_full_rupiah_keeps_the_values_and_says_so():
    assert ORIGINAL.tc31.skala_uang is None
    assert [f.rule for f in ORIGINAL_FINDINGS if f.rule == "H004"] == ["H004"]


@pytest.mark.parametrize("label", ["JUMLAH TOTAL", "JUMLAH", "TOTAL", "Jumlah Total :",
                                   "TOTAL PAGU INDIKATIF"])
def test_the_total_row_printed_in_the_kode_column_is_the_total(label):
    text = TEXT.replace("\tJUMLAH TOTAL\t\t\t\t\t\t22.145.310.718",
                        label + "\t\t\t\t\t\t\t22.145.310.718")
    assert text != TEXT
    renja = parse_text(text, "total.txt").renja
    assert (renja.rencana.total.pagu_n, renja.rencana.total.pagu_n1) == (
        ORIGINAL.rencana.total.pagu_n, ORIGINAL.rencana.total.pagu_n1)
    assert [n.kode for n in renja.rencana.walk()] == [n.kode for n in ORIGINAL.rencana.walk()]


ROW = ("5030120410\tSosialisasi Peraturan Perundang-Undangan\tJumlah Orang yang Mengikuti "
       "Sosialisasi Peraturan Perundang-Undangan\tPas\t100 org\t\t:\t130.521.600\tAPBD\t"
       "100 org\t130.521.600")
BREAKDOWN = ("\t\t\t\t\tBelanja operasi\t:\t130.521.600\t\t\t130.521.600\n"
             "\t\t\t\t\tBelanja pegawai\t:\t-\t\t\t-\n"
             "\t\t\t\t\tBelanja barang dan jasa\t:\t130.521.600\t\t\t130.521.600")
NEW_ROW = {
    "dash": (ROW.replace("Pas\t100 org\t\t:\t130.521.600", "Pas\t\t\t:\t-"), 0),
    "zero": (ROW.replace("Pas\t100 org\t\t:\t130.521.600", "Pas\t\t\t:\t0"), 0),
    "empty": (ROW.replace("Pas\t100 org\t\t:\t130.521.600", "Pas\t\t\t\t"), None),
    "no sumber dana": (ROW.replace("Pas\t100 org\t\t:\t130.521.600\tAPBD", "Pas\t\t\t:\t-\t"),
                       0),
}


@pytest.mark.parametrize("kind", sorted(NEW_ROW))
def test_a_sub_kegiatan_that_starts_in_year_n1_keeps_its_amounts_in_n1(kind):
    row, pagu_n = NEW_ROW[kind]
    breakdown = BREAKDOWN.replace(":\t130.521.600\t", ":\t-\t")
    text = TEXT.replace(f"{ROW}\n{BREAKDOWN}", f"{row}\n{breakdown}")
    assert text != TEXT
    renja = parse_text(text, "baru.txt").renja
    node = next(n for n in renja.rencana.walk() if n.kode == "5.03.01.2.04.0010")
    ind = node.indikator[0]
    assert (node.pagu_n, node.pagu_n1) == (pagu_n, 130_521_600)
    assert (ind.target_n, ind.target_n1.text) == (None, "100 org")
    assert (node.belanja_n.operasi, node.belanja_n1.operasi) == (0, 130_521_600)
    assert (node.belanja_n.barang_jasa, node.belanja_n1.barang_jasa) == (0, 130_521_600)
    assert node.sumber_dana == (None if kind == "no sumber dana" else "APBD")
    before = {n.kode: (n.pagu_n, n.pagu_n1) for n in ORIGINAL.rencana.walk()}
    after = {n.kode: (n.pagu_n, n.pagu_n1) for n in renja.rencana.walk()}
    changed = {k for k in before if before[k] != after[k]}
    assert changed == {"5.03.01.2.04.0010"}  # every other row's money as before


def test_a_workbook_row_that_starts_in_year_n1_keeps_its_amounts_in_n1(tmp_path):
    from renja.io.read import read_plan
    from renja.render import render

    renja = ORIGINAL.model_copy(deep=True)
    node = next(n for n in renja.rencana.walk() if n.kode == "5.03.01.2.04.0010")
    node.pagu_n, node.indikator[0].target_n = None, None
    node.belanja_n.operasi = node.belanja_n.barang_jasa = node.belanja_n.pegawai = None
    node.belanja_n.modal = None
    path = render(renja, "xlsx", tmp_path / "baru.xlsx")
    back = read_plan(path).renja
    again = next(n for n in back.rencana.walk() if n.kode == "5.03.01.2.04.0010")
    assert (again.pagu_n, again.pagu_n1) == (None, 130_521_600)
    assert (again.indikator[0].target_n, again.indikator[0].target_n1.text) == (None, "100 org")
    before = {n.kode: (n.pagu_n, n.pagu_n1) for n in renja.rencana.walk()}
    assert {n.kode: (n.pagu_n, n.pagu_n1) for n in back.rencana.walk()} == before


def test_a_plan_read_from_thousands_is_printed_in_rupiah_under_a_rupiah_label():
    from renja.io.text.write import render_text

    renja = parse_text(tc33_in_thousands(TEXT), "tc33-ribuan.txt").renja
    printed = render_text(renja)
    assert "Kebutuhan Dana/Pagu Indikatif (Rp)" in printed
    assert "(Rp.000)" not in printed.split("Tabel T-C.33")[-1]
    assert format_rupiah(renja.rencana.total.pagu_n) in printed
    assert parse_text(printed, "lagi.txt").renja.rencana.total.pagu_n == \
        renja.rencana.total.pagu_n


def test_a_header_year_copied_from_an_older_document_on_one_page_only_is_reported():
    lines = TEXT.split("\n")
    headers = [i for i, t in enumerate(lines) if "\tRencana Tahun 2024\t" in t]
    assert len(headers) > 2  # the header is printed again on every page
    lines[headers[1]] = lines[headers[1]].replace("Rencana Tahun 2024", "Rencana Tahun 2023")
    found = [f for f in run_checks(parse_text("\n".join(lines), "tahun.txt").renja)
             if f.rule == "H009"]
    assert [(f.source.line, f.message) for f in found] == [
        (headers[1] + 1, "T-C.33: judul kolom 'Rencana Tahun 2023' menyebut tahun 2023; "
                         "rencana Renja ini untuk tahun 2024")]
    assert [f for f in ORIGINAL_FINDINGS if f.rule == "H009"] == []
