"""XLSX: formulas that evaluate to the plan's numbers, and a workbook that imports back."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from renja.demo.generate import Spec, generate
from renja.domain import Renja
from renja.io.read import read_plan
from renja.io.xlsx.formula import evaluate
from renja.render import render

EXAMPLE = Path(__file__).parents[1] / "fixtures" / "perbup-pasuruan-147-2023-renja-bkpsdm-2024.txt"
IGNORED = {"provenance", "kode_asal", "kode_recovery", "judul", "kolom_tahun"}  # as printed


def same(a: object, b: object, path: str = "") -> list[str]:
    """Differences between two plans' tables, leaving out provenance and printed codes."""
    if type(a) is not type(b):
        return [f"{path}: {a!r} != {b!r}"]
    if hasattr(type(a), "model_fields"):
        return [d for f in type(a).model_fields if f not in IGNORED
                for d in same(getattr(a, f), getattr(b, f), f"{path}.{f}")]
    if isinstance(a, list):
        other: list = b  # type: ignore[assignment]
        if len(a) != len(other):
            return [f"{path}: {len(a)} rows != {len(other)} rows"]
        pairs = enumerate(zip(a, other, strict=True))
        return [d for i, (x, y) in pairs for d in same(x, y, f"{path}[{i}]")]
    return [] if a == b else [f"{path}: {a!r} != {b!r}"]


def tables(plan: Renja) -> list[object]:
    return [plan.rencana, plan.tc29, plan.tc30, plan.tc31, plan.tc32, plan.tujuan_sasaran,
            plan.tahun, plan.pemda.nama, plan.perangkat_daerah, plan.bab, plan.isu_penting,
            plan.kebijakan, plan.daftar_program.rows, plan.dasar_hukum]


@pytest.mark.parametrize("plan", [
    read_plan(EXAMPLE).renja,
    generate(Spec(bidang="1.02", sub_kegiatan=150, seed=7, pemda="Kota Contoh",
                  agency="Dinas Kesehatan", singkatan="DINKES", tahun=2025)),
], ids=["example", "generated"])
def test_a_workbook_imports_back_to_the_same_plan(plan, tmp_path):
    path = render(plan, "xlsx", tmp_path / "renja.xlsx")
    back = read_plan(path).renja
    assert same(tables(plan), tables(back)) == []
    if plan.rencana.judul:
        assert back.rencana.judul == plan.rencana.judul


def values(path: Path) -> dict[tuple[str, str], object]:
    formulas = load_workbook(path)
    found: dict[tuple[str, str], object] = {}
    for sheet in formulas.worksheets:
        def lookup(ref: str, sheet=sheet) -> object:
            value = sheet[ref].value
            return evaluate(value, lookup) if isinstance(value, str) and \
                value.startswith("=") else value
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and cell.value.startswith("="):
                    found[(sheet.title, cell.coordinate)] = evaluate(cell.value, lookup)
    return found


def test_roll_ups_and_totals_are_formulas_that_give_the_plans_numbers(tmp_path):
    plan = generate(Spec(bidang="5.03", sub_kegiatan=40, seed=3, tahun=2024))
    path = render(plan, "xlsx", tmp_path / "renja.xlsx")
    computed = values(path)
    sheet = load_workbook(path)["T-C.33"]
    total_row = next(r for r in range(1, sheet.max_row + 1)
                     if sheet.cell(r, 2).value == "JUMLAH TOTAL")
    assert str(sheet.cell(total_row, 6).value).startswith("=")
    assert computed[("T-C.33", f"F{total_row}")] == plan.rencana.total.pagu_n
    assert computed[("T-C.33", f"J{total_row}")] == plan.rencana.total.pagu_n1
    programs = [n for n in plan.rencana.walk() if n.level == "program"]
    for program in programs:
        row = next(r for r in range(1, sheet.max_row + 1)
                   if sheet.cell(r, 1).value == program.kode)
        assert str(sheet.cell(row, 6).value).startswith("=")
        assert computed[("T-C.33", f"F{row}")] == program.pagu_n
    assert len([k for k in computed if k[0] == "T-C.33"]) > 100


def test_tc29_ratios_are_formulas_where_the_plan_agrees(tmp_path):
    plan = generate(Spec(bidang="5.03", sub_kegiatan=10, seed=3, tahun=2024))
    path = render(plan, "xlsx", tmp_path / "renja.xlsx")
    sheet = load_workbook(path)["T-C.29"]
    computed = values(path)
    formulas = [(c.coordinate, c.value) for row in sheet.iter_rows() for c in row
                if isinstance(c.value, str) and c.value.startswith("=ROUND")]
    assert formulas
    first_row = plan.tc29.rows[0].indikator[0]
    cell = next(coordinate for coordinate, _ in formulas if coordinate.startswith("H"))
    assert computed[("T-C.29", cell)] is not None
    assert first_row.tingkat_realisasi_n2 is not None


def test_a_printed_number_that_disagrees_stays_as_printed(tmp_path):
    plan = read_plan(EXAMPLE).renja
    path = render(plan, "xlsx", tmp_path / "renja.xlsx")
    sheet = load_workbook(path)["T-C.29"]
    row = next(r for r in range(1, sheet.max_row + 1)
               if sheet.cell(r, 2).value == "Pengadaan Peralatan dan Mesin Lainnya")
    assert sheet.cell(row, 8).value == "0%"


def test_the_workbook_is_set_up_for_printing(tmp_path):
    plan = read_plan(EXAMPLE).renja
    workbook = load_workbook(render(plan, "xlsx", tmp_path / "renja.xlsx"))
    assert workbook.sheetnames == ["Info", "T-C.33", "T-C.29", "T-C.30", "T-C.31", "T-C.32",
                                   "Tabel 3.2", "Indikator", "Teks"]
    sheet = workbook["T-C.33"]
    assert sheet.page_setup.orientation == "landscape"
    assert sheet.print_title_rows == "$5:$7"
    assert sheet.freeze_panes == "A8"
    assert "D5:G5" in {str(r) for r in sheet.merged_cells.ranges}


def test_chapter_texts_longer_than_a_cell_come_back_whole(tmp_path):
    plan = read_plan(EXAMPLE).renja
    plan.bab[0].teks = "Paragraf panjang. " * 3000  # 54,000 characters: two cells
    path = render(plan, "xlsx", tmp_path / "renja.xlsx")
    kinds = [c.value for c in load_workbook(path)["Teks"]["A"]]
    assert kinds[kinds.index("bab") + 1] == "lanjutan"
    assert read_plan(path).renja.bab[0].teks == plan.bab[0].teks


def test_any_long_text_continues_on_the_next_row(tmp_path):
    plan = read_plan(EXAMPLE).renja
    plan.isu_penting = ["Isu panjang. " * 3000, "Isu pendek"]
    back = read_plan(render(plan, "xlsx", tmp_path / "renja.xlsx")).renja
    assert back.isu_penting == plan.isu_penting


def test_rows_the_text_sheet_cannot_place_are_reported_and_left_out(tmp_path):
    plan = read_plan(EXAMPLE).renja
    path = render(plan, "xlsx", tmp_path / "renja.xlsx")
    workbook = load_workbook(path)
    workbook["Teks"].append(["lampiran", "", "", "teks lain"])
    workbook["Teks"].append(["daftar", "9", "subkegiatan", "Kegiatan X"])
    workbook.save(path)
    result = read_plan(path)
    row = workbook["Teks"].max_row
    assert [f"{n.source.describe()}: {n.message('id')}" for n in result.report.notices
            if n.source.sheet == "Teks"] == [
        f"renja.xlsx!Teks!A{row - 1}: baris berjenis 'lampiran' tidak dikenali; tidak "
        f"dimasukkan",
        f"renja.xlsx!Teks!A{row}: butir daftar dengan level 'subkegiatan' yang tidak dikenal; "
        f"tidak dimasukkan"]
    assert result.renja.daftar_program.rows == read_plan(
        render(plan, "xlsx", tmp_path / "again.xlsx")).renja.daftar_program.rows


def test_every_formula_carries_its_value_for_viewers_that_do_not_recalculate(tmp_path: Path):
    """What pandas, phone previews and web mail show: the saved value of each formula."""
    plan = read_plan(EXAMPLE).renja
    path = render(plan, "xlsx", tmp_path / "renja.xlsx")
    formulas, values = load_workbook(path), load_workbook(path, data_only=True)
    count = 0
    for sheet in formulas.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.data_type != "f":
                    continue
                count += 1
                saved = values[sheet.title][cell.coordinate].value
                computed = evaluate(cell.value, lambda ref, s=sheet: _value(s, ref))
                assert saved is not None and float(saved) == float(computed), cell.coordinate
    assert count > 300
    total = plan.rencana.total
    row = next(r for r in values["T-C.33"].iter_rows() if r[0].value == "JUMLAH TOTAL"
               or r[1].value == "JUMLAH TOTAL")
    assert total.pagu_n in [c.value for c in row] and total.pagu_n1 in [c.value for c in row]


def _value(sheet, ref):  # type: ignore[no-untyped-def]
    raw = sheet[ref].value
    if isinstance(raw, str) and raw.startswith("="):
        return evaluate(raw, lambda r: _value(sheet, r))
    return raw
