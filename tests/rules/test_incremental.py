"""Checking again only what a change touched gives exactly the findings of a whole run."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from renja.demo.generate import Spec, generate
from renja.domain import Renja
from renja.domain.target import Target, parse_target
from renja.edit import add_indicator, paths, set_polaritas, set_value
from renja.edit_copy import row_copy
from renja.errors import RenjaError
from renja.rules import run_checks
from renja.rules.incremental import changed_fields, changed_rows, check_plan, recheck
from renja.rules.registry import RULES

BIDANG = ("1.01", "1.02", "2.08", "5.03")
FIELDS = ("belanja_pegawai_n", "belanja_barang_jasa_n", "belanja_modal_n1", "pagu_n", "pagu_n1",
          "lokasi", "sumber_dana", "target_n", "target_n1", "indikator")
TYPED = ("", "0", "-5", "1.000", "2.500.000", "125000000", "12I dok", "120%", "90 %", "abc",
         "Kab. Contoh", "5 dok", "4 lap", "Persentase layanan")


def _plan(bidang: str, rows: int, seed: int) -> Renja:
    return generate(Spec(pemda="Kabupaten Contoh", agency="Dinas Contoh", singkatan="DC",
                         bidang=bidang, tahun=2025, sub_kegiatan=rows, seed=seed))


def _damage(renja: Renja, data: st.DataObject) -> None:
    """What imported plans hold: sums off, negative money, typos, a plan printed in thousands."""
    nodes = [node for _, node, _ in paths(renja)]
    for _ in range(data.draw(st.integers(0, 4), label="damages")):
        node = data.draw(st.sampled_from(nodes))
        kind = data.draw(st.sampled_from(("sum", "negative", "typo", "scale", "tc29", "name")))
        if kind == "sum" and node.pagu_n is not None:
            node.pagu_n += 1000
        elif kind == "negative":
            node.belanja_n.modal = -9_058_600
        elif kind == "typo" and node.indikator:
            node.indikator[0].target_n = Target(text="Idok")
        elif kind == "scale":
            renja.rencana.skala_uang = 1000
        elif kind == "tc29" and renja.tc29.rows and renja.tc29.rows[0].indikator:
            renja.tc29.rows[0].indikator[0].realisasi_n2 = parse_target("7 dok")
        elif kind == "name":
            node.nama = node.nama + " Lainnya"


def _edit(renja: Renja, path: str, data: st.DataObject) -> None:
    """One row's change as the editor makes it (refusals, e.g. a derived pagu, are fine)."""
    kind = data.draw(st.sampled_from(("value", "value", "value", "polaritas", "indikator")))
    try:
        if kind == "value":
            set_value(renja, path, data.draw(st.sampled_from(FIELDS)),
                      data.draw(st.sampled_from(TYPED)))
        elif kind == "polaritas":
            set_polaritas(renja, path, 0, data.draw(st.sampled_from(("positif", "negatif", ""))))
        else:
            named = data.draw(st.sampled_from(("Persentase layanan", "Jumlah dok")))
            add_indicator(renja, path, named)
    except RenjaError:
        pass


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(bidang=st.sampled_from(BIDANG), rows=st.integers(3, 30), seed=st.integers(0, 10_000),
       data=st.data())
def test_it_finds_after_each_row_change_what_a_whole_run_finds(
        bidang: str, rows: int, seed: int, data: st.DataObject) -> None:
    renja = _plan(bidang, rows, seed)
    _damage(renja, data)
    checked = check_plan(renja)
    assert checked.findings == run_checks(renja)
    for _ in range(data.draw(st.integers(1, 4), label="edits")):
        rows_now = [p for p, _, _ in paths(renja)]
        path = data.draw(st.sampled_from(rows_now), label="row")
        kept = renja.model_dump()
        copy = row_copy(renja, path)
        if copy is None:  # sums not rolled up: the whole plan copied, nothing shared
            copy = Renja.model_validate(renja.model_dump())
        _edit(copy, path, data)
        assert renja.model_dump() == kept  # the plan copied from is never changed
        checked = recheck(checked, renja, copy)
        assert checked.findings == run_checks(copy)
        renja = copy


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 10_000), data=st.data())
def test_it_finds_after_a_change_elsewhere_in_the_plan_what_a_whole_run_finds(
        seed: int, data: st.DataObject) -> None:
    renja = _plan("1.02", 12, seed)
    checked = check_plan(renja)
    changed = Renja.model_validate(renja.model_dump())
    _damage(changed, data)
    changed.tahun = data.draw(st.sampled_from((2025, 2026)))
    assert recheck(checked, renja, changed).findings == run_checks(changed)


def test_a_row_change_runs_again_only_the_rules_that_read_the_table_rows() -> None:
    renja = _plan("1.02", 20, 1)
    checked = check_plan(renja)
    path = next(p for p, node, _ in paths(renja) if node.level == "sub_kegiatan")
    copy = row_copy(renja, path)
    assert copy is not None
    set_value(copy, path, "lokasi", "Kecamatan Baru")
    again = recheck(checked, renja, copy)
    assert changed_fields(renja, copy) == {"rencana"}
    parts = path.split(".")
    assert changed_rows(renja, copy) == {".".join(parts[:i]) for i in range(1, len(parts) + 1)
                                         } | {"total"}
    assert "E001" not in again.rechecked and "U001" in again.rechecked
    assert set(again.rechecked) < set(RULES)
    assert again.findings == run_checks(copy)


def test_it_copies_a_row_only_from_a_plan_whose_sums_are_rolled_up() -> None:
    renja = _plan("1.02", 10, 2)
    leaf = next(p for p, node, _ in paths(renja) if not node.children)
    assert row_copy(renja, leaf) is not None
    renja.rencana.rows[0].pagu_n = (renja.rencana.rows[0].pagu_n or 0) + 1
    assert row_copy(renja, leaf) is None
    assert row_copy(renja, "9.9") is None


@pytest.mark.parametrize("field", ["lokasi", "belanja_modal_n"])
def test_a_row_copy_shares_every_row_the_change_does_not_touch(field: str) -> None:
    renja = _plan("1.02", 10, 3)
    leaf = [p for p, node, _ in paths(renja) if not node.children][-1]
    copy = row_copy(renja, leaf)
    assert copy is not None
    set_value(copy, leaf, field, "7.000.000" if field.startswith("belanja") else "Desa Baru")
    shared = {p for (p, a, _), (_, b, _) in zip(paths(renja), paths(copy), strict=True)
              if a is b}
    assert len(shared) == len(paths(renja)) - len(leaf.split("."))
    assert copy.tc29 is renja.tc29
