"""SIPD-RI's 17-column Renja table: read from its download, written by `renja render
--layout sipd-ri` in every format and read back with every field."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from renja.cli import cli
from renja.demo.generate import Spec, generate
from renja.demo.lookalike.sipd_html import sipd_ri_xls
from renja.domain import Renja, Target, parse_target
from renja.io import json as renja_json
from renja.io.read import read_plan
from renja.render import render

FIELDS = ("kode", "nama", "pagu_n", "pagu_n1", "lokasi", "sumber_dana", "prioritas_nasional",
          "prioritas_daerah", "kelompok_sasaran", "penanggung_jawab")
TARGETS = ("target_renstra", "realisasi_n2", "prakiraan_n1", "target_n", "target_n1")


def earlier(target: Target, less: int) -> Target:
    satuan = target.satuan or ""
    value = max((target.value or 0) - less, 0)
    return parse_target(f"{value}{satuan}" if satuan == "%" else f"{value} {satuan}".strip())


def sipd_plan() -> Renja:
    """A generated plan with every field the SIPD-RI layout adds."""
    renja = generate(Spec(pemda="Kota Contoh", agency="Dinas Sosial", singkatan="DINSOS",
                          bidang="1.06", tahun=2026, sub_kegiatan=30, seed=4))
    renja.rencana.tata_letak = "sipd-ri"
    for i, node in enumerate(renja.rencana.walk()):
        node.prioritas_nasional = f"PN {i % 7 + 1}" if i % 3 else None
        node.prioritas_daerah = "Peningkatan kualitas layanan sosial" if i % 2 else None
        node.kelompok_sasaran = "Penyandang disabilitas" if i % 4 == 1 else None
        node.penanggung_jawab = "Dinas Sosial"
        for ind in node.indikator:
            if ind.target_n is not None and ind.target_n.value is not None:
                ind.target_renstra = ind.target_n1
                ind.realisasi_n2 = earlier(ind.target_n, 2)
                ind.prakiraan_n1 = earlier(ind.target_n, 1)
    return renja


def same(got: Renja, want: Renja) -> None:
    read, wanted = list(got.rencana.walk()), list(want.rencana.walk())
    assert len(read) == len(wanted)
    for mine, node in zip(read, wanted, strict=True):
        assert [getattr(mine, f) for f in FIELDS] == [getattr(node, f) for f in FIELDS]
        assert [(i.nama, *[getattr(i, t).text if getattr(i, t) else None for t in TARGETS])
                for i in mine.indikator] == [
                (i.nama, *[getattr(i, t).text if getattr(i, t) else None for t in TARGETS])
                for i in node.indikator]
    assert got.rencana.total is not None and want.rencana.total is not None
    assert (got.rencana.total.pagu_n, got.rencana.total.pagu_n1) == (
        want.rencana.total.pagu_n, want.rencana.total.pagu_n1)
    assert got.rencana.tata_letak == "sipd-ri"


@pytest.mark.parametrize("fmt", ["xlsx", "pdf", "html", "text"])
def test_a_plan_written_in_the_sipd_ri_layout_reads_back_every_field(tmp_path: Path, fmt: str):
    renja = sipd_plan()
    path = render(renja, fmt, tmp_path / f"renja.{fmt}")
    same(read_plan(path).renja, renja)


def test_a_sipd_ri_download_is_read_by_its_column_labels(tmp_path: Path):
    renja = sipd_plan()
    path = tmp_path / "renja-sipd-ri.xls"
    path.write_bytes(sipd_ri_xls(renja))
    result = read_plan(path)
    assert (result.renja.tahun, result.renja.perangkat_daerah.nama) == (2026, "Dinas Sosial")
    same(result.renja, renja)


def test_render_layout_sipd_ri_writes_17_columns_with_live_totals(tmp_path: Path):
    renja = sipd_plan()
    renja.rencana.tata_letak = None
    renja_json.dump(renja, tmp_path / "plan.json")
    out = tmp_path / "renja.xlsx"
    result = CliRunner().invoke(cli, ["render", str(tmp_path / "plan.json"), "--to", "xlsx",
                                      "--layout", "sipd-ri", "-o", str(out)])
    assert result.exit_code == 0, result.output
    sheet = openpyxl.load_workbook(out)["T-C.33"]
    values = openpyxl.load_workbook(out, data_only=True)["T-C.33"]
    header = next(r for r in sheet.iter_rows(values_only=True) if r[0] == "No")
    assert len(header) == 17
    assert header[16] == "Perangkat Daerah Penanggung Jawab"
    total_row = next(r for r in values.iter_rows() if r[2].value == "Jumlah")
    assert (total_row[8].value, total_row[15].value) == (renja.rencana.total.pagu_n,
                                                         renja.rencana.total.pagu_n1)
    formula = sheet.cell(total_row[8].row, 9).value
    assert isinstance(formula, str) and formula.startswith("=")
