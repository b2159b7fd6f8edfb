"""Hand-typed workbooks with a two-row header: every money cell read into its own year."""

from __future__ import annotations

import pytest

from renja.demo.generate import Spec, generate
from renja.demo.lookalike.two_row import write
from renja.domain import Renja
from renja.io.read import read_plan
from renja.rules import run_checks

FIELDS = ("operasi", "pegawai", "barang_jasa", "modal")


def money(renja: Renja) -> dict[str, tuple[object, ...]]:
    found = {}
    for node in renja.rencana.walk():
        found[node.kode or node.nama] = (
            node.pagu_n, node.pagu_n1,
            *(getattr(node.belanja_n, f) for f in FIELDS),
            *(getattr(node.belanja_n1, f) for f in FIELDS))
    total = renja.rencana.total
    assert total is not None
    found["JUMLAH TOTAL"] = (total.pagu_n, total.pagu_n1)
    return found


@pytest.mark.parametrize(("seed", "size", "total_in_kode"), [(5, 20, True), (8, 150, False)])
def test_every_money_cell_of_a_two_row_header_workbook_is_read_into_its_year(
        tmp_path, seed, size, total_in_kode):
    plan = generate(Spec(pemda="Kabupaten Contoh", agency="Dinas Kesehatan", singkatan="DINKES",
                         bidang="1.02", tahun=2025, sub_kegiatan=size, seed=seed))
    back = read_plan(write(plan, tmp_path / "dinkes.xlsx", total_in_kode)).renja
    want, got = money(plan), money(back)
    wrong = {k: (want[k], got.get(k)) for k in want if got.get(k) != want[k]}
    assert wrong == {}
    assert len(got) == len(want)
    assert [f for f in run_checks(back) if f.severity == "error"] == []


def test_a_row_and_a_belanja_line_printed_only_for_year_n1_stay_in_n1(tmp_path):
    plan = generate(Spec(pemda="Kabupaten Contoh", agency="Dinas Kesehatan", singkatan="DINKES",
                         bidang="1.02", tahun=2025, sub_kegiatan=20, seed=5))
    leaf = next(n for n in plan.rencana.walk() if n.level == "sub_kegiatan")
    leaf.pagu_n = None
    leaf.indikator[0].target_n = None
    for field in FIELDS:
        setattr(leaf.belanja_n, field, None)
    leaf.belanja_n1.modal = 12_000_000
    back = read_plan(write(plan, tmp_path / "baru.xlsx")).renja
    again = next(n for n in back.rencana.walk() if n.kode == leaf.kode)
    assert (again.pagu_n, again.pagu_n1) == (None, leaf.pagu_n1)
    assert (again.belanja_n.modal, again.belanja_n1.modal) == (None, 12_000_000)
    assert (again.belanja_n.operasi, again.belanja_n1.operasi) == (None, leaf.belanja_n1.operasi)
    assert again.indikator[0].target_n is None
