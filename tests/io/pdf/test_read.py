"""A Renja read straight from its PDF: renja's own print, a Word-like print, a scan, a
damaged file."""

from __future__ import annotations

from pathlib import Path

import pdfplumber
import pytest
import typst

from renja.demo.generate import Spec, generate
from renja.demo.lookalike.word_pdf import handmade_pdf
from renja.errors import FormatError
from renja.io.pdf.write import render_pdf
from renja.io.read import read_plan
from renja.io.text.read import parse_text
from renja.render import render
from tests.io.text.test_example import EXAMPLE

SKIP = {"provenance", "sumber", "kode_asal", "kode_recovery", "kolom_tahun"}  # as printed


def plain(value: object) -> object:
    """A dumped plan without where things were read and how damaged codes were recovered:
    a print carries the recovered codes, not the damaged ones."""
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items() if k not in SKIP}
    if isinstance(value, list):
        return [plain(v) for v in value]
    return value


@pytest.fixture(scope="module")
def example_pdf(tmp_path_factory: pytest.TempPathFactory) -> tuple[object, Path]:
    renja = parse_text(EXAMPLE.read_text(), EXAMPLE.name).renja
    path = tmp_path_factory.mktemp("pdf") / "renja.pdf"
    path.write_bytes(render_pdf(renja))
    return renja, path


def test_it_reads_back_every_value_of_the_example_printed_as_pdf(example_pdf):
    renja, path = example_pdf
    again = read_plan(path).renja
    assert plain(again.model_dump(mode="json")) == plain(renja.model_dump(mode="json"))


def test_every_source_names_its_page(example_pdf):
    _, path = example_pdf
    result = read_plan(path)
    [notice] = [n for n in result.report.notices if "Idok" in n.id]
    page = notice.source.page
    with pdfplumber.open(path) as pdf:
        assert "Idok" in pdf.pages[page - 1].extract_text()
    assert notice.source.describe() == f"renja.pdf, hlm. {page}"


def test_a_plan_of_another_agency_printed_as_pdf_reads_back_equal(tmp_path: Path):
    renja = generate(Spec(pemda="Kota Contoh", agency="Dinas Kesehatan", singkatan="DINKES",
                          bidang="1.02", tahun=2026, sub_kegiatan=60, seed=7))
    path = tmp_path / "dinkes.pdf"
    path.write_bytes(render_pdf(renja))
    render(renja, "text", tmp_path / "dinkes.txt")
    again = read_plan(path).renja
    as_text = read_plan(tmp_path / "dinkes.txt").renja  # what a print carries, read as text
    assert plain(again.model_dump(mode="json")) == plain(as_text.model_dump(mode="json"))
    money = {"kode", "nama", "pagu_n", "pagu_n1", "belanja_n", "belanja_n1"}
    for got, want in zip(again.rencana.walk(), renja.rencana.walk(), strict=True):
        assert plain(got.model_dump(include=money)) == plain(want.model_dump(include=money))


def test_a_word_like_pdf_keeps_every_amount_in_its_column(tmp_path: Path):
    renja = generate(Spec(pemda="Kabupaten Contoh", agency="Dinas Pendidikan", singkatan="DP",
                          bidang="1.01", tahun=2025, sub_kegiatan=40, seed=3))
    subs = [n for n in renja.rencana.walk() if n.level == "sub_kegiatan"]
    new = {subs[1].kode or "", subs[-1].kode or ""}
    path = tmp_path / "word.pdf"
    path.write_bytes(handmade_pdf(renja, new))
    with pdfplumber.open(path) as pdf:
        assert len(pdf.pages) > 3  # T-C.33 runs over several pages, its header repeated
    again = read_plan(path)
    got = {n.kode: n for n in again.renja.rencana.walk()}
    assert len(got) == len(list(renja.rencana.walk()))
    for node in renja.rencana.walk():
        read = got[node.kode]
        assert read.nama == node.nama
        assert read.pagu_n1 == node.pagu_n1, node.kode
        if node.kode in new:
            assert not read.pagu_n, node.kode
        else:
            assert read.pagu_n == node.pagu_n, node.kode
    assert again.renja.rencana.total is not None
    assert again.renja.rencana.total.pagu_n == renja.rencana.total.pagu_n
    assert again.renja.rencana.total.pagu_n1 == renja.rencana.total.pagu_n1


def test_it_refuses_a_pdf_without_text(tmp_path: Path):
    path = tmp_path / "pindaian.pdf"
    path.write_bytes(typst.compile(b'#rect(width: 100%, height: 60%, fill: gray)\n#pagebreak()\n'
                                   b'#rect(width: 80%, height: 40%)'))
    with pytest.raises(FormatError) as caught:
        read_plan(path)
    assert caught.value.message("id") == (
        "pindaian.pdf: PDF ini tidak berisi teks (hasil pindai?): renja membaca teks PDF; "
        "gunakan berkas Word atau Excel aslinya, atau jalankan OCR terlebih dahulu")


def test_it_refuses_a_damaged_pdf(tmp_path: Path, example_pdf):
    _, good = example_pdf
    path = tmp_path / "rusak.pdf"
    path.write_bytes(good.read_bytes()[:2000])
    with pytest.raises(FormatError) as caught:
        read_plan(path)
    assert caught.value.message("id") == (
        "rusak.pdf: PDF tidak dapat dibaca (rusak, terpotong, atau dikunci kata sandi)")
