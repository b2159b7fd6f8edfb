"""Render plans to every format, open the files and find the plan in them."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader

from renja.demo.generate import Spec, generate
from renja.domain import Renja
from renja.io.read import read_plan
from renja.numbers import format_rupiah
from renja.render import render
from renja.rules import run_checks

EXAMPLE = Path(__file__).parents[1] / "fixtures" / "perbup-pasuruan-147-2023-renja-bkpsdm-2024.txt"


@pytest.fixture(scope="module")
def example() -> Renja:
    return read_plan(EXAMPLE).renja


@pytest.fixture(scope="module")
def big() -> Renja:
    """Four programs and 150 sub kegiatan; a very long name; empty tables."""
    plan = generate(Spec(pemda="Kota Contoh", agency="Dinas Kesehatan", singkatan="DINKES",
                         bidang="1.02", sub_kegiatan=150, seed=7, tahun=2025))
    first = next(n for n in plan.rencana.walk() if n.level == "sub_kegiatan")
    first.nama = first.nama + " " + "dan Pelayanan Terpadu Lintas Sektor " * 8
    plan.tc30.rows = []
    return plan


def sub_kegiatan(plan: Renja):
    return [n for n in plan.rencana.walk() if n.level == "sub_kegiatan"]


def squash(text: str) -> str:
    return " ".join(text.split())


def pdf_text(path: Path) -> str:
    return squash(" ".join(page.extract_text() for page in PdfReader(path).pages))


@pytest.mark.parametrize("plan_name", ["example", "big"])
def test_the_pdf_holds_every_sub_kegiatan_and_the_total(plan_name, request, tmp_path):
    plan = request.getfixturevalue(plan_name)
    path = render(plan, "pdf", tmp_path / "renja.pdf")
    text = pdf_text(path)
    for node in sub_kegiatan(plan):
        assert node.kode in text
        assert format_rupiah(node.pagu_n) in text
    assert "JUMLAH TOTAL" in text
    assert format_rupiah(plan.rencana.total.pagu_n) in text
    assert format_rupiah(plan.rencana.total.pagu_n1) in text


def test_the_pdf_embeds_its_fonts(example, tmp_path):
    reader = PdfReader(render(example, "pdf", tmp_path / "r.pdf"))
    fonts = set()
    for page in reader.pages[:3]:
        for font in page["/Resources"]["/Font"].values():
            descriptor = font.get_object()["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            fonts.add(any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")))
    assert fonts == {True}


def _docx_tables(path: Path) -> dict[str, list[list[str]]]:
    document = docx.Document(path)
    captions = [p.text for p in document.paragraphs if p.text.startswith("Tabel ")]
    return {caption: [[c.text for c in row.cells] for row in table.rows]
            for caption, table in zip(captions, document.tables, strict=False)}


def test_the_docx_has_each_table_in_landscape_with_repeated_headers(example, tmp_path):
    path = render(example, "docx", tmp_path / "renja.docx")
    document = docx.Document(path)
    labels = ["Tabel T-C.29", "Tabel T-C.30", "Tabel T-C.31", "Tabel T-C.32", "Tabel 3.2.",
              "Tabel T-C.33"]
    assert [p.text for p in document.paragraphs if p.text in labels] == labels
    landscape = [s for s in document.sections if s.page_width > s.page_height]
    assert len(landscape) == 6
    tc33 = document.tables[-1]
    assert tc33.rows[0]._tr.trPr.xpath("./w:tblHeader") != []
    rows = [[c.text for c in row.cells] for row in tc33.rows]
    by_row = {(r[0], r[1]): r for r in rows if r[0]}
    for node in sub_kegiatan(example):
        assert by_row[(node.kode, node.nama)][5] == format_rupiah(node.pagu_n)
        assert by_row[(node.kode, node.nama)][9] == format_rupiah(node.pagu_n1)
    total = next(r for r in rows if r[1] == "JUMLAH TOTAL")
    assert (total[5], total[9]) == ("22.145.310.718", "22.864.405.190")
    assert document.sections[0].footer.paragraphs[0]._p.xpath(".//w:instrText")[0].text == "PAGE"
    body = list(document.element.body)
    bab_v = next(i for i, e in enumerate(body) if e.xpath("string(.)") == "BAB V")
    assert body.index(tc33._tbl) < bab_v


def test_the_docx_starts_with_the_regulation(example, tmp_path):
    document = docx.Document(render(example, "docx", tmp_path / "r.docx"))
    texts = [p.text for p in document.paragraphs if p.text]
    assert texts[:4] == ["BUPATI PASURUAN", "PROVINSI JAWA TIMUR", "PERATURAN BUPATI PASURUAN",
                         "NOMOR 147 TAHUN 2023"]
    assert "Pasal 6" in texts
    assert "BAB IV" in texts


def test_a_nihil_table_is_printed_as_nihil(example, tmp_path):
    document = docx.Document(render(example, "docx", tmp_path / "r.docx"))
    tc32 = document.tables[3]
    assert [c.text for c in tc32.rows[-1].cells][1] == "NIHIL"


def test_the_html_is_one_self_contained_page(example, tmp_path):
    html = render(example, "html", tmp_path / "r.html").read_text(encoding="utf-8")
    assert "<link" not in html and "<script" not in html and "<style>" in html
    assert html.count("<table>") == 6
    for node in sub_kegiatan(example):
        assert f"<td>{node.kode}</td>" in html
    assert '<td class="num">22.145.310.718</td>' in html


def test_findings_can_be_appended_as_an_annex(example, tmp_path):
    findings = run_checks(example)
    html = render(example, "html", tmp_path / "r.html", findings).read_text(encoding="utf-8")
    assert "LAMPIRAN: HASIL PEMERIKSAAN" in html
    assert "tidak terbaca: huruf &#39;I&#39; tertulis di tempat angka" in html
    assert "Tidak ada temuan." in render(example, "html", tmp_path / "r2.html", []).read_text()


def test_the_open_data_package_is_valid_and_adds_up(example, tmp_path):
    from frictionless import validate

    folder = render(example, "datapackage", tmp_path / "open")
    report = validate(str(folder / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    descriptor = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    assert descriptor["name"] == "renja-kabupaten-pasuruan-bkpsdm-2024"
    import csv

    with (folder / "anggaran.csv").open(encoding="utf-8") as handle:
        lines = list(csv.DictReader(handle))
    total_n = sum(int(r["jumlah"]) for r in lines if r["tahap"] == "rencana")
    total_n1 = sum(int(r["jumlah"]) for r in lines if r["tahap"] == "prakiraan_maju")
    assert (total_n, total_n1) == (22_145_310_718, 22_864_405_190)
    gaji = next(r for r in lines if r["kode_sub_kegiatan"] == "5.03.01.2.02.0001")
    assert (gaji["kode_akun"], gaji["jenis_belanja"], gaji["jumlah"]) == (
        "5.1.01", "Belanja Pegawai", "7883943000")


def test_the_open_data_package_can_be_a_zip(example, tmp_path):
    path = render(example, "datapackage", tmp_path / "open.zip")
    assert sorted(zipfile.ZipFile(path).namelist()) == ["anggaran.csv", "datapackage.json"]


def test_every_format_renders_a_plan_without_chapters_or_regulation(big, tmp_path):
    for fmt in ("docx", "pdf", "xlsx", "html"):
        path = render(big, fmt, tmp_path / f"big.{fmt}")
        assert path.stat().st_size > 1000
    html = (tmp_path / "big.html").read_text(encoding="utf-8")
    assert "BAB IV" in html and "RENCANA KERJA DAN PENDANAAN PERANGKAT DAERAH" in html


def test_an_unknown_format_is_refused(example, tmp_path):
    from renja.errors import RenjaError

    with pytest.raises(RenjaError) as exc:
        render(example, "odt", tmp_path / "x.odt")
    assert exc.value.message("id") == (
        "format 'odt' tidak dikenal: pilih salah satu dari docx, pdf, xlsx, html, text, "
        "datapackage")


def test_docx_bytes_open_in_python_docx(example):
    from renja.io.docx.write import render_docx

    assert docx.Document(io.BytesIO(render_docx(example))).tables
